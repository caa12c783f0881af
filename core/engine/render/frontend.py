"""AppSpec -> static frontend (served by the backend at /) and a self-contained preview.html."""

from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from core.engine.render.frontend_config import config_json
from core.engine.render.samples import sample_rows
from core.engine.render.templates import load
from core.engine.render.ui_text import ui_strings
from core.engine.understand.style import is_dark
from core.spec import AppSpec

_PALETTE = {
    "light": {"bg": "#f6f7fb", "surface": "#ffffff", "text": "#111827", "muted": "#5b6474", "border": "#d9dee8",
              "danger": "#b91c1c", "star": "#b45309"},
    "dark": {"bg": "#0f172a", "surface": "#1e293b", "text": "#e5e7eb", "muted": "#9aa4b2", "border": "#334155",
             "danger": "#fca5a5", "star": "#fbbf24"},
}


def theme_css(spec: AppSpec) -> str:
    """CSS variables for the spec's theme."""
    t = spec.theme
    pal = dict(_PALETTE[t.mode])
    if t.background:
        pal["bg"] = t.background
        dark_bg = is_dark(t.background)
        base = _PALETTE["dark" if dark_bg else "light"]
        pal.update(surface=base["surface"], muted=base["muted"], border=base["border"], text=base["text"],
                   danger=base["danger"], star=base["star"])
    if t.text:
        pal["text"] = t.text
    primary = t.primary if t.primary.startswith("#") and len(t.primary) == 7 else "#4f46e5"
    on_primary = "#ffffff" if is_dark(primary) else "#111111"
    lines = [f"  --{k}: {v};" for k, v in pal.items()]
    lines += [f"  --primary: {primary};", f"  --on-primary: {on_primary};"]
    return ":root {\n" + "\n".join(lines) + "\n}\n"


# The interface's parts, concatenated inside one function scope (they share helpers and state).
_PARTS = ("app_core.js", "app_features.js", "app_views.js", "app_board.js", "app_charts.js", "app_shell.js")


def interface_js() -> str:
    """The interface script: every part inside one strict-mode function."""
    body = "\n".join(load(name) for name in _PARTS)
    return '"use strict";\n(function () {\n' + body + "})();\n"


def app_css(spec: AppSpec) -> str:
    """app/static/app.css: theme variables + the shared stylesheet."""
    return theme_css(spec) + load("app.css")


def favicon(spec: AppSpec) -> str:
    """A data-URL icon: a rounded square in the theme's primary colour (no extra request, no 404)."""
    primary = spec.theme.primary if re.fullmatch(r"#[0-9a-fA-F]{6}", spec.theme.primary) else "#4f46e5"
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'>"
           f"<rect width='16' height='16' rx='4' fill='{primary}'/></svg>")
    return "data:image/svg+xml," + quote(svg, safe="")


def index_html(spec: AppSpec) -> str:
    """app/static/index.html."""
    title = html.escape(spec.title)
    return (f'<!doctype html>\n<html lang="{spec.language}">\n<head>\n  <meta charset="utf-8">\n'
            '  <meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"  <title>{title}</title>\n"
            f'  <link rel="icon" href="{html.escape(favicon(spec))}">\n'
            '  <link rel="stylesheet" href="/static/app.css">\n'
            '  <script src="/static/app.js" defer></script>\n</head>\n<body>\n'
            f'  <div id="app" class="app"><noscript>{html.escape(ui_strings(spec.language)["needs_js"])}</noscript>'
            "</div>\n</body>\n</html>\n")


def app_js(spec: AppSpec) -> str:
    """app/static/app.js: config + HTTP transport + the interface."""
    return (f"// {spec.title}: generated frontend.\nconst CONFIG = {config_json(spec)};\n\n"
            + load("http_api.js") + "\n" + interface_js())


def preview_html(spec: AppSpec) -> str:
    """preview.html: one file, inline CSS and JS, in-memory data, no network and no storage required."""
    seed = json.dumps(sample_rows(spec), indent=1, ensure_ascii=False).replace("</", "<\\/")
    config = config_json(spec)
    banner = json.dumps(ui_strings(spec.language)["preview"], ensure_ascii=False)
    title = html.escape(spec.title)
    return (f'<!doctype html>\n<html lang="{spec.language}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{title} (preview)</title>\n<style>\n{app_css(spec)}</style>\n</head>\n<body>\n"
            f'<div id="app" class="app"></div>\n<script>\nconst CONFIG = {config};\nCONFIG.banner = {banner};\n'
            f"const SEED = {seed};\n{load('memory_api.js')}\n{load('memory_rules.js')}\n{load('memory_data.js')}\n"
            f"{interface_js()}</script>\n"
            "</body>\n</html>\n")


def render_frontend(spec: AppSpec) -> dict[str, str]:
    """The frontend role's files."""
    return {
        "app/static/index.html": index_html(spec),
        "app/static/app.css": app_css(spec),
        "app/static/app.js": app_js(spec),
        "preview.html": preview_html(spec),
    }
