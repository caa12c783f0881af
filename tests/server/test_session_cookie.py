"""The login cookie is HttpOnly (Secure behind HTTPS), set and cleared by our /session route on the app's port."""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import auth
from core.config import get_settings
from core.users import create_user, find_user, revoke_sessions
from db.session import reset_engines
from tests.server.conftest import Server, start_server, stop_server

CHROMIUM = "/usr/bin/chromium"
PASSWORD = "s3cretpass"


@pytest.fixture(scope="module")
def srv(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real server; this process shares its database and cookie key (to issue grants)."""
    proc, server = start_server(tmp_path_factory.mktemp("session"))
    mp = pytest.MonkeyPatch()
    for name in ("DATABASE_URL", "DATA_DIR", "COOKIE_KEY"):
        mp.setenv(name, server.env[name])
    get_settings.cache_clear()
    reset_engines()
    yield server
    stop_server(proc)
    mp.undo()
    reset_engines()
    get_settings.cache_clear()


def _user(name: str) -> None:
    create_user(username=name, email=f"{name}@example.com", name=name.title(), password=PASSWORD, repeat=PASSWORD)


def call(server: Server, method: str, body: bytes = b"", **headers: str) -> tuple[int, list[str]]:
    """Status and Set-Cookie headers of a request to /session."""
    req = urllib.request.Request(f"{server.url}/session", data=body, method=method,
                                 headers={k.replace("_", "-"): v for k, v in headers.items()})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.headers.get_all("set-cookie") or []
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_all("set-cookie") or []


def test_a_grant_sets_an_httponly_cookie_once(srv: Server):
    _user("hana")
    grant = auth.issue_grant(find_user("hana")).encode()
    assert call(srv, "POST", grant) == (403, [])  # not from our page
    assert call(srv, "POST", b"not-a-grant", X_Autocrea_Session="1") == (400, [])
    status, cookies = call(srv, "POST", grant, X_Autocrea_Session="1")
    assert status == 204
    [cookie] = cookies
    name = get_settings().cookie_name
    assert cookie.startswith(f"{name}=")
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Path=/" in cookie
    assert "Secure" not in cookie  # plain HTTP here
    claims = auth.verify_token(cookie.split(";")[0].split("=", 1)[1].strip('"'))
    assert claims is not None and claims.username == "hana"
    assert call(srv, "POST", grant, X_Autocrea_Session="1") == (400, [])  # single use


def test_behind_https_the_cookie_is_secure(srv: Server):
    _user("ivo")
    grant = auth.issue_grant(find_user("ivo")).encode()
    status, [cookie] = call(srv, "POST", grant, X_Autocrea_Session="1", X_Forwarded_Proto="https")
    assert status == 204 and "Secure" in cookie and "HttpOnly" in cookie


def test_a_grant_dies_with_the_sessions(srv: Server):
    _user("jon")
    grant = auth.issue_grant(find_user("jon")).encode()
    revoke_sessions("jon")  # logout or password change after the grant was issued
    assert call(srv, "POST", grant, X_Autocrea_Session="1") == (400, [])


def test_delete_clears_the_cookie(srv: Server):
    status, [cookie] = call(srv, "DELETE", X_Autocrea_Session="1")
    assert status == 204
    assert cookie.startswith(f"{get_settings().cookie_name}=") and "Max-Age=0" in cookie and "HttpOnly" in cookie


def test_in_the_browser_the_cookie_is_httponly_and_login_logout_still_work(srv: Server):
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import expect

    _user("kim")
    name = get_settings().cookie_name
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                     args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(srv.url)
        _idle(page)
        page.get_by_label("Username").first.fill("kim")
        page.get_by_label("Password").first.fill(PASSWORD)
        page.get_by_role("button", name="Log in").click()
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text("100 credits")).to_be_visible(timeout=60_000)
        cookie = _wait_cookie(context, name)  # set by the page's request to /session
        assert cookie["httpOnly"] is True and cookie["sameSite"] == "Lax"
        assert name not in page.evaluate("document.cookie")  # page scripts cannot read it

        page.reload()
        expect(sidebar.get_by_text("100 credits")).to_be_visible(timeout=60_000)  # read server-side: still signed in

        _idle(page)
        page.get_by_role("button", name="Log out").click()
        expect(page.get_by_role("tab", name="Log in").first).to_be_visible(timeout=60_000)
        _wait_cookie(context, name, present=False)
        # A copy of the old cookie is refused: logout revoked it on the server.
        context.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path")}])
        page.reload()
        expect(page.get_by_role("tab", name="Log in").first).to_be_visible(timeout=60_000)
        context.close()
        browser.close()


def _idle(page) -> None:  # noqa: ANN001 - a Playwright page
    """Wait until the script is idle and stays idle (a component's first render triggers one more run).

    The cookie component reruns the script once its frame has loaded, seconds later on a loaded machine: wait for
    that frame first, and for no stale element, so the quiet period is not mistaken for the end.
    """
    idle = '[data-testid="stApp"][data-test-script-state="notRunning"]'
    cookies = 'iframe[title*="CookieManager"]'
    if page.locator(cookies).count():
        page.frame_locator(cookies).first.locator("body").wait_for(state="attached", timeout=60_000)
    for _ in range(3):
        page.wait_for_selector(idle, timeout=60_000)
        page.wait_for_function("() => !document.querySelector('[data-stale=\"true\"]')", timeout=60_000)
        page.wait_for_timeout(700)
    page.wait_for_selector(idle, timeout=60_000)


def _wait_cookie(context, name: str, present: bool = True) -> dict:  # noqa: ANN001 - a Playwright context
    """The named cookie once the browser holds it (or {} once it is gone), waiting for the page's request."""
    import time

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        found = next((c for c in context.cookies() if c["name"] == name and c["value"]), None)
        if (found is not None) == present:
            return found or {}
        time.sleep(0.1)
    raise AssertionError(f"cookie {name} {'never set' if present else 'never cleared'}")
