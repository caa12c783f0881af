"""Style requests in a prompt ("dark theme", "fondo negro y botones verdes", "#ff5722") -> ThemeSpec."""

from __future__ import annotations

import re

from core.engine.understand.lexicon import normalise
from core.spec import ThemeSpec

COLOURS: dict[str, str] = {
    "black": "#111111", "white": "#ffffff", "green": "#16a34a", "blue": "#2563eb", "red": "#dc2626",
    "yellow": "#eab308", "orange": "#f97316", "purple": "#7c3aed", "violet": "#8b5cf6", "pink": "#db2777",
    "gray": "#6b7280", "grey": "#6b7280", "navy": "#1e2a5a", "teal": "#0d9488", "turquoise": "#14b8a6",
    "gold": "#ca8a04", "silver": "#c0c0c0", "skyblue": "#0ea5e9", "maroon": "#7f1d1d", "beige": "#f5f0e1",
    "brown": "#92400e", "indigo": "#4f46e5", "cyan": "#0891b2", "lime": "#65a30d", "magenta": "#c026d3",
    "crimson": "#be123c", "coral": "#f87171", "olive": "#4d7c0f", "emerald": "#059669", "slate": "#334155",
    "ivory": "#fffff0", "cream": "#fdf6e3", "charcoal": "#1f2933", "lavender": "#a78bfa", "mint": "#34d399",
    "darkblue": "#1e3a8a", "lightblue": "#93c5fd", "darkgreen": "#14532d", "lightgray": "#e5e7eb",
    "lightgrey": "#e5e7eb", "darkgray": "#374151", "darkgrey": "#374151", "aqua": "#06b6d4",
    "tomato": "#ef4444", "salmon": "#fa8072", "khaki": "#c3b091", "plum": "#9d4edd", "tan": "#d2b48c",
}
_ES = {
    "negro": "black", "negra": "black", "negros": "black", "negras": "black", "blanco": "white",
    "blanca": "white", "blancos": "white", "blancas": "white", "verde": "green", "verdes": "green",
    "azul": "blue", "azules": "blue", "rojo": "red", "roja": "red", "rojos": "red", "rojas": "red",
    "amarillo": "yellow", "amarilla": "yellow", "amarillos": "yellow", "amarillas": "yellow",
    "naranja": "orange", "naranjas": "orange", "morado": "purple", "morada": "purple", "morados": "purple",
    "moradas": "purple", "violeta": "violet", "violetas": "violet", "rosa": "pink", "rosas": "pink",
    "rosado": "pink", "gris": "gray", "grises": "gray", "marino": "navy", "turquesa": "turquoise",
    "dorado": "gold", "dorada": "gold", "dorados": "gold", "plateado": "silver", "celeste": "skyblue",
    "granate": "maroon", "marron": "brown", "marrones": "brown", "cian": "cyan", "lima": "lime",
    "esmeralda": "emerald", "azul marino": "navy", "azul oscuro": "darkblue", "azul claro": "lightblue",
    "verde oscuro": "darkgreen", "gris claro": "lightgray", "gris oscuro": "darkgray", "navy blue": "navy",
    "dark blue": "darkblue", "light blue": "lightblue", "dark green": "darkgreen", "light gray": "lightgray",
    "light grey": "lightgrey", "dark gray": "darkgray", "dark grey": "darkgrey", "sky blue": "skyblue",
    "crema": "cream", "lavanda": "lavender", "menta": "mint",
}
_COLOUR = r"(#[0-9a-f]{6}\b|#[0-9a-f]{3}\b|" + "|".join(sorted({*COLOURS, *_ES}, key=len, reverse=True)) + r")\b"
_BG = re.compile(rf"\b(?:background|backgrounds|bg|fondo|fondos)(?: colou?r)?(?: de| in| is| of| should be| en| :|:)?"
                 rf"(?: color| colour| a| an)? {_COLOUR}|{_COLOUR}(?: colou?red)? (?:background|backdrop)")
_PRIMARY = re.compile(
    rf"\b(?:primary|accent|main|brand|buttons?|botones|boton|components?|componentes|color principal|"
    rf"colou?r principal|primario|acentos?)(?: colou?r| color)?(?: de| in| is| of| should be| en| :|:)?"
    rf"(?: color| colour| a| an)? {_COLOUR}|{_COLOUR}(?: colou?red)? (?:buttons?|accents?|components?)|"
    rf"\b(?:use|usa|usar|with|con) {_COLOUR} (?:as|como)(?: the| el)? (?:primary|main|accent|principal)|"
    rf"botones (?:de color |en )?{_COLOUR}")
_TEXT = re.compile(rf"\b(?:text|texto|letras|font)(?: colou?r)?(?: de| in| is| en| :|:)?(?: color)? {_COLOUR}")
_ANY = re.compile(rf"\b(?:colou?r|colores|color|theme|tema|scheme|paleta|palette)\b[^.]*?{_COLOUR}"
                  rf"|{_COLOUR} (?:theme|tema|colou?r scheme|app|look|style|estilo)")
_DARK = re.compile(r"\b(dark(?: theme| mode| ui| look)?|night mode|modo oscuro|tema oscuro|oscuro|oscura)\b")
_LIGHT = re.compile(r"\b(light (?:theme|mode|ui)|modo claro|tema claro|claro|clara)\b")


def to_hex(name: str) -> str:
    """A CSS colour name (EN or ES) or hex -> lowercase #rrggbb."""
    name = normalise(name).strip()
    if name.startswith("#"):
        h = name[1:]
        return "#" + ("".join(c * 2 for c in h) if len(h) == 3 else h)
    return COLOURS[_ES.get(name, name)]


def is_dark(hex_colour: str) -> bool:
    """True for colours a light text reads well on."""
    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 128


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    """The colour captured by the first match of `pattern`."""
    m = pattern.search(text)
    if not m:
        return None
    return next(g for g in m.groups() if g)


def infer_theme(prompt: str, base: ThemeSpec | None = None) -> ThemeSpec:
    """Theme from style words in the prompt, starting from `base`."""
    text = normalise(prompt)
    theme = (base or ThemeSpec()).model_copy()
    if _DARK.search(text):
        theme.mode = "dark"
    elif _LIGHT.search(text):
        theme.mode = "light"
    bg = _first(_BG, text)
    primary = _first(_PRIMARY, text) or _first(_ANY, text)
    text_colour = _first(_TEXT, text)
    if bg:
        theme.background = to_hex(bg)
        theme.mode = "dark" if is_dark(theme.background) else "light"
    if primary and primary != bg:
        theme.primary = to_hex(primary)
    if text_colour:
        theme.text = to_hex(text_colour)
    return theme


def has_style(prompt: str) -> bool:
    """Whether the text asks for any visual change."""
    t = normalise(prompt)
    return bool(_DARK.search(t) or _LIGHT.search(t) or re.search(_COLOUR, t))
