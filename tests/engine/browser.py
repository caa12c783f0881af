"""Helpers to open a generated frontend in Chromium: preview.html as the studio embeds it, or the served app."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.engine.generated import clean_env

CHROMIUM = "/usr/bin/chromium"
PREVIEW_URL = "http://preview.autocrea.test/preview.html"
# English interface words that must not show in a Spanish app.
ENGLISH = re.compile(r"\b(Save|Delete|Edit|Search|Dashboard|Sign in|Create account|Comments?|Ratings?|Details|"
                     r"Previous|Next|New|Name|Move|Nothing here|[Ff]avourites?|Status|Board|Cards?|Users?|Tags?|"
                     r"Appointments?|Dentists?|Recipes?|Expense|Title|Position|Start|End|Draft|Submitted)\b")
# The studio serves previews with this header: an opaque origin, no storage, no dialogs, no popups.
SANDBOX = "sandbox allow-scripts allow-forms"


def open_preview(browser: object, html: str, viewport: dict | None = None) -> tuple[object, list[str]]:
    """A page showing `html` under the studio's sandbox CSP, and the list its console errors land in."""
    page, errors, load = preview_page(browser, viewport)
    load(html)
    return page, errors


def new_context(browser: object, viewport: dict | None = None) -> object:
    """A browser context whose waits allow a minute: CI shares two cores, so pages render slowly there."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900})
    context.set_default_timeout(60_000)
    context.set_default_navigation_timeout(60_000)
    return context


def preview_page(browser: object, viewport: dict | None = None) -> tuple[object, list[str], Callable[[str], None]]:
    """A page, its console errors, and `load(html)` that shows a document as the studio serves previews."""
    context = new_context(browser, viewport)
    current = {"html": ""}
    headers = {"Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": SANDBOX}
    context.route(PREVIEW_URL, lambda route: route.fulfill(status=200, body=current["html"], headers=headers))
    page = context.new_page()
    errors = watch(page)

    def load(html: str) -> None:
        current["html"] = html
        page.goto(PREVIEW_URL)

    return page, errors, load


def watch(page: object) -> list[str]:
    """Collect console errors and uncaught exceptions of `page`."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(f"pageerror: {exc}"))
    # Chromium's console line for a failed request names no URL: record which one it was.
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    return errors


def free_port() -> int:
    """A free loopback TCP port."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serve(root: Path, db: Path) -> Iterator[str]:
    """Run the generated app with uvicorn on a free loopback port; yield its base URL once it answers."""
    port = free_port()
    env = clean_env() | {"DATABASE_URL": f"sqlite:///{db}", "UPLOAD_DIR": str(db.parent / "uploads"),
                         "PASSWORD_ITERATIONS": "1000"}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port",
                             str(port)], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
                raise RuntimeError(f"uvicorn did not start: {out[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


def unexpected(errors: list[str], allowed: list[tuple[int, str]]) -> list[str]:
    """`errors` without the refused requests a test provoked on purpose (status, path) and their console lines."""
    left = list(errors)
    for status, path in allowed:
        hit = next((e for e in left if e.startswith(f"{status} ") and e.split("?")[0].endswith(path)), None)
        if hit is not None:
            left.remove(hit)
            console = next((e for e in left if e.startswith("Failed to load resource") and f" {status} " in e), None)
            if console is not None:
                left.remove(console)
    return left


def shot(page: object, name: str) -> None:
    """A full-page screenshot under $AUTOCREA_SHOTS (default /tmp/autocrea-shots), to look at by eye."""
    folder = Path(os.environ.get("AUTOCREA_SHOTS", "/tmp/autocrea-shots"))
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
