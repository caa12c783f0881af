"""A real server and a real Chromium for what a person sees, with waits that hold on a loaded 2-core machine."""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.conftest import Server, start_server, stop_server

CHROMIUM = "/usr/bin/chromium"
# Generous on purpose: a busy CI machine renders slowly, and a wait only lasts as long as the page needs.
# Tests never assert on time; these are ceilings for "the page got there", not expectations of speed.
EXPECT_TIMEOUT_MS = 90_000
ACTION_TIMEOUT_MS = 90_000
NAVIGATION_TIMEOUT_MS = 180_000
READY_DEADLINE_S = 240


def wait_ready(url: str, deadline_s: float = READY_DEADLINE_S) -> None:
    """Poll /_stcore/health and /healthz until both answer 200 (the database migrated), or fail with why."""
    end = time.monotonic() + deadline_s
    last = ""
    for path in ("/_stcore/health", "/healthz"):
        while True:
            try:
                with urllib.request.urlopen(f"{url}{path}", timeout=10) as r:
                    body = r.read().decode("utf-8", "replace")
                    if r.status == 200 and (path != "/healthz" or json.loads(body).get("status") == "ok"):
                        break
                    last = f"{path}: {r.status} {body[:200]}"
            except (OSError, ValueError) as exc:
                last = f"{path}: {exc}"
            if time.monotonic() > end:
                raise RuntimeError(f"the server was not ready after {deadline_s} s ({last})")
            time.sleep(0.5)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The app served by server.py on a free port with its own database, ready before any test starts."""
    proc, srv = start_server(tmp_path_factory.mktemp("e2e"))
    try:
        wait_ready(srv.url)
        yield srv
    finally:
        stop_server(proc)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    """Headless Debian Chromium driven by Playwright, with expectation timeouts for a loaded machine."""
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api.expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        yield browser
        browser.close()


def open_page(browser: Any, **context_options: Any) -> tuple[Any, Any, list[str]]:
    """A new context and page with long action/navigation timeouts; the list collects console errors."""
    context = browser.new_context(**context_options)
    context.set_default_timeout(ACTION_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(f"pageerror: {e}"))
    page.on("requestfailed", lambda r: errors.append(f"requestfailed: {r.url} {r.failure}"))
    return context, page, errors


def app_ready(page: Any, url: str) -> None:
    """Open `url` and wait until Streamlit has drawn the app and its first script run has finished."""
    page.goto(url, wait_until="domcontentloaded")
    page.wait_for_selector('[data-testid="stApp"]', timeout=NAVIGATION_TIMEOUT_MS)
    settle(page)


def settle(page: Any, quiet_ms: int = 700) -> None:
    """Wait until the script is idle and stays idle, with nothing stale left on screen.

    The login cookie component reruns the script once its frame has loaded, which on a loaded machine can be
    seconds after the first run: wait for that frame first, then for quiet.
    """
    idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    cookies = 'iframe[title*="CookieManager"]'
    if page.locator(cookies).count():
        page.frame_locator(cookies).first.locator("body").wait_for(state="attached", timeout=NAVIGATION_TIMEOUT_MS)
    for _ in range(3):
        page.wait_for_selector(idle, timeout=NAVIGATION_TIMEOUT_MS)
        page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')",
                               timeout=NAVIGATION_TIMEOUT_MS)
        page.wait_for_timeout(quiet_ms)
    page.wait_for_selector(idle, timeout=NAVIGATION_TIMEOUT_MS)
