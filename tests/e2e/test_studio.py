"""What a person sees, in a real browser: register, generate, preview, download; and preview isolation."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from tests.e2e.conftest import app_ready, open_page, settle
from tests.server.conftest import Server
from tests.server.previews import seed_preview

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[2]
PROMPT = "A task manager with projects and tasks"
GENERATION_MS = 360_000  # a whole generation (six roles and the test run) on a loaded machine
# Noise that is not ours, each with its reason:
BENIGN = (
    # Chromium logs a 404 for the optional favicon/manifest probes of a fresh origin.
    re.compile(r"Failed to load resource: the server responded with a status of 404"),
    # The preview iframe is sandboxed by our CSP on purpose; Chromium reports the blocked access.
    # A component iframe removed by a rerun cancels its pending stylesheet request; nothing failed.
    re.compile(r"^requestfailed: .*/component/.* net::ERR_ABORTED$"),
    re.compile(r"Blocked script execution in '.*/preview/.*' because the document's frame is sandboxed"),
)


def _errors(messages: list[str]) -> list[str]:
    return [m for m in messages if not any(p.search(m) for p in BENIGN)]


def _shot(page, tmp_path: Path, name: str, publish: str = "") -> None:
    page.mouse.move(1430, 890)  # a hover highlight (file tree row, sidebar chevron) would read as a selection
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    if publish and os.environ.get("AUTOCREA_SCREENSHOTS") == "1":
        out = ROOT / "docs" / "screenshots" / publish
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))


def test_register_generate_preview_download(server: Server, browser, tmp_path: Path):
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import expect

    context, page, console = open_page(browser, viewport={"width": 1440, "height": 900}, accept_downloads=True)
    app_ready(page, server.url)
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    _shot(page, tmp_path, "01-landing", publish="login.png")
    page.get_by_role("tab", name="Create account").click()
    for label, value in (("First name", "Grace"), ("Last name", "Hopper"), ("Email", "grace@example.com"),
                         ("Username", "grace"), ("Password", "s3cretpass"), ("Repeat password", "s3cretpass")):
        page.get_by_role("tabpanel", name="Create account").get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_test_id("stSidebar").get_by_text("100 credits")).to_be_visible()
    _shot(page, tmp_path, "02-registered")

    settle(page)
    expect(page.get_by_label("Describe your app")).to_have_count(1)
    page.get_by_label("Project name").fill("Tasks")
    page.get_by_label("Project name").press("Tab")
    page.get_by_label("Describe your app").fill(PROMPT)
    page.get_by_label("Describe your app").press("Tab")
    expect(page.get_by_text(f"{len(PROMPT)} / 8,000 characters")).to_be_visible()
    choose_offline(page)
    page.get_by_role("button", name="Generate").click()
    expect(page.get_by_text(re.compile(r"\d of 6 roles done"))).to_be_visible()
    try:  # the offline engine is quick: catch it mid-way when we can, for the README's "running" picture
        page.get_by_text(re.compile(r"[1-5] of 6 roles done")).wait_for(timeout=10_000)
        page.wait_for_timeout(300)
    except PlaywrightTimeout:
        pass
    _shot(page, tmp_path, "03-running", publish="generate-running.png")

    expect(page.get_by_text(re.compile(r"6 of 6 roles done"))).to_be_visible(timeout=GENERATION_MS)
    expect(page.get_by_role("tab", name="Code")).to_be_visible()
    statuses = page.locator(".st-key-gen_conversation").get_by_test_id("stExpander")  # one st.status per role
    expect(statuses).to_have_count(6)
    expect(page.get_by_test_id("stSidebar").get_by_text("50 credits")).to_be_visible()
    settle(page)
    _shot(page, tmp_path, "04-done", publish="generate-done.png")

    page.get_by_role("tab", name="Preview").click()
    frame = page.frame_locator('iframe[title="Preview of Tasks"]')
    expect(frame.locator("body")).to_contain_text(re.compile("Task", re.I))
    _shot(page, tmp_path, "05-preview", publish="generate-preview.png")

    page.get_by_role("tab", name="Architecture").click()
    _shot(page, tmp_path, "06-architecture")

    with page.expect_download() as info:
        page.get_by_role("button", name="Download ZIP").click()
    data = Path(info.value.path()).read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert any(n.endswith("architecture.json") for n in zf.namelist())

    page.get_by_role("link", name="Projects").click()
    settle(page)
    expect(page.get_by_role("link", name="Open")).to_be_visible()
    expect(page.get_by_text("47 passed", exact=False).or_(page.get_by_text("passed ·"))).to_be_visible()
    _shot(page, tmp_path, "07-projects", publish="projects.png")
    context.close()
    assert not _errors(console), console


HOSTILE = """<!doctype html><html><body><pre id="out">running</pre><script>
const r = {};
try { r.cookie = document.cookie; } catch (e) { r.cookie = "blocked:" + e.name; }
try { r.parent = window.parent.document.title; } catch (e) { r.parent = "blocked:" + e.name; }
try { r.storage = String(window.localStorage.length); } catch (e) { r.storage = "blocked:" + e.name; }
document.getElementById("out").textContent = JSON.stringify(r);
</script></body></html>"""


def test_hostile_preview_cannot_read_cookies_or_reach_the_parent(server: Server, browser):
    from playwright.sync_api import expect

    token = seed_preview(server.env["DATABASE_URL"], HOSTILE)
    context, page, _ = open_page(browser)
    host = server.url.split("://", 1)[1].split(":")[0]
    context.add_cookies([{"name": "autocrea_auth", "value": "SECRET-SESSION", "domain": host, "path": "/"}])
    app_ready(page, server.url)
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    # Embedded the way the Preview tab embeds it: a same-origin URL in an iframe of the app.
    page.evaluate("""(src) => { const f = document.createElement('iframe'); f.id = 'hostile';
        f.src = src; document.body.appendChild(f); }""", f"/preview/{token}")
    out = page.frame_locator("#hostile").locator("#out")
    expect(out).not_to_have_text("running", )
    result = json.loads(out.inner_text())
    assert "SECRET-SESSION" not in json.dumps(result)
    assert result["cookie"].startswith("blocked:"), result
    assert result["parent"].startswith("blocked:"), result

    # Opened directly (a new tab) it is still an opaque origin.
    page.goto(f"{server.url}/preview/{token}")
    result = json.loads(page.locator("#out").inner_text())
    assert result["cookie"].startswith("blocked:") and "SECRET-SESSION" not in json.dumps(result)
    context.close()


def test_login_cookie_survives_reload_and_logout_revokes_it(server: Server, browser):
    from playwright.sync_api import expect

    with_env = {"DATABASE_URL": server.env["DATABASE_URL"]}
    _register_directly(with_env, "linus")
    context, page, _ = open_page(browser, viewport={"width": 1280, "height": 800})
    sidebar = _log_in(page, server, "linus")
    cookie = next(c for c in context.cookies() if c["name"] == "autocrea_auth")
    page.reload()
    expect(sidebar.get_by_text("100 credits")).to_be_visible()  # the signed cookie logs us back in
    settle(page)
    page.get_by_role("button", name="Log out").click()
    settle(page)  # the signed-in page is replaced by the landing page: no stale copy left to match twice
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    # Even a copy of the old cookie is refused now: logout bumped the token version.
    context.add_cookies([{k: cookie[k] for k in ("name", "value", "domain", "path")}])
    page.reload()
    settle(page)
    expect(page.get_by_role("tab", name="Log in")).to_be_visible()
    expect(sidebar.get_by_text("100 credits")).to_have_count(0)
    context.close()


def test_improve_then_find_the_project_again(server: Server, browser, tmp_path: Path):
    from playwright.sync_api import expect

    _register_directly({"DATABASE_URL": server.env["DATABASE_URL"]}, "ada")
    context, page, console = open_page(browser, viewport={"width": 1440, "height": 900})
    sidebar = _log_in(page, server, "ada")
    page.get_by_label("Project name").fill("Planner")
    page.get_by_label("Describe your app").fill(PROMPT)
    page.get_by_label("Describe your app").press("Tab")
    choose_offline(page)
    page.get_by_role("button", name="Generate").click()
    expect(page.get_by_text(re.compile(r"6 of 6 roles done"))).to_be_visible(timeout=GENERATION_MS)
    settle(page)

    page.get_by_label("Improve this app").fill("add a priority field to tasks")
    page.get_by_role("button", name="Improve").click()
    expect(sidebar.get_by_text("40 credits")).to_be_visible()  # a follow-up costs 10
    expect(page.get_by_text("add a priority field to tasks").first).to_be_visible()
    expect(page.get_by_text(re.compile(r"Added field priority .* to Task")).first).to_be_visible(timeout=GENERATION_MS)
    expect(page.get_by_text(re.compile(r"6 of 6 roles done"))).to_be_visible(timeout=GENERATION_MS)
    settle(page)
    page.get_by_role("tab", name="History").click()
    expect(page.get_by_text(re.compile(r"Added field priority")).first).to_be_visible()
    _shot(page, tmp_path, "improved")

    page.get_by_role("link", name="Projects").click()
    settle(page)
    expect(page.get_by_text("Planner").first).to_be_visible()
    page.get_by_role("link", name="Open").first.click()
    settle(page)
    expect(page.get_by_role("heading", name="Planner")).to_be_visible()
    expect(page.get_by_label("Improve this app")).to_be_visible()
    expect(sidebar.get_by_text("40 credits")).to_be_visible()
    context.close()
    assert not _errors(console), console


def choose_offline(page) -> None:  # noqa: ANN001 - a Playwright Page
    """Pick the Offline engine, the same on every machine (a machine with a local model defaults to it)."""
    page.get_by_test_id("stSelectbox").filter(has_text="Model").click()
    page.get_by_role("option", name="Offline engine").click()
    settle(page)


def _log_in(page, server: Server, username: str):  # noqa: ANN202 - a Playwright Locator
    """Open the app, log in with the form and wait for the sidebar's balance; returns the sidebar."""
    from playwright.sync_api import expect

    app_ready(page, server.url)
    page.get_by_label("Username").first.fill(username)
    page.get_by_label("Password").first.fill("s3cretpass")
    page.get_by_role("button", name="Log in").click()
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("100 credits")).to_be_visible()
    settle(page)
    return sidebar


def _register_directly(env: dict[str, str], username: str) -> None:
    """Create an account in the server's database (the form is covered by the main test)."""
    import subprocess
    import sys

    code = (f"from core.users import create_user; create_user(username={username!r}, "
            f"email='{username}@example.com', name='Linus T', password='s3cretpass', repeat='s3cretpass')")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **env}, check=True)
