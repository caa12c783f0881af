"""Issue 12 in Chromium: what got in a new user's way, checked where they met it (screenshots in tmp_path)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import app_ready, open_page, settle
from tests.e2e.test_studio import GENERATION_MS, PROMPT, ROOT, _errors, _shot, choose_offline
from tests.server.conftest import Server

pytestmark = pytest.mark.e2e
EDITOR = 'iframe[title="code_editor.code_editor"]'


def _files(server: Server, project_id: str) -> dict[str, str]:
    """The project's newest files, read from the server's database."""
    code = ("import json, sys; from core.projects import get_files; "
            f"print(json.dumps(get_files({project_id!r}, user_id=None)))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env={**os.environ, **server.env}, check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _clipped(page, selector: str) -> list[str]:  # noqa: ANN001 - a Playwright Page
    """Texts of the elements matching `selector` that are cut off (wider than their box)."""
    return page.eval_on_selector_all(selector, "els => els.filter(e => e.scrollWidth > e.clientWidth + 1)"
                                               ".map(e => e.textContent)")


def test_a_new_user_from_sign_up_to_editing_in_the_browser(server: Server, browser, tmp_path: Path):
    from playwright.sync_api import expect

    context, page, console = open_page(browser, viewport={"width": 1440, "height": 900})
    app_ready(page, server.url)
    page.get_by_role("tab", name="Create account").click()
    form = page.get_by_role("tabpanel", name="Create account")
    for label, value in (("First name", "Ada"), ("Last name", "Byron"), ("Email", "ab@example.com"),
                         ("Username", "adab"), ("Password", "s3cretpass"), ("Repeat password", "s3cretpass")):
        form.get_by_label(label, exact=True).fill(value)
    page.get_by_role("button", name="Create account").click()
    welcome = page.get_by_text("Welcome to AUTOCREA, Ada Byron!")
    expect(welcome).to_be_visible()
    settle(page)
    expect(welcome).to_be_visible()  # still there once the cookie component has rerun the page
    _shot(page, tmp_path, "01-welcome")

    # No name: the project is named from the prompt.
    expect(page.get_by_label("Project name (optional)")).to_have_value("")
    page.get_by_label("Describe your app").fill(PROMPT)
    page.get_by_label("Describe your app").press("Tab")
    choose_offline(page)
    page.get_by_role("button", name="Generate").click()
    expect(page.get_by_text(re.compile(r"6 of 6 roles done"))).to_be_visible(timeout=GENERATION_MS)
    expect(page.get_by_role("heading", name="Task manager")).to_be_visible()
    settle(page)
    project_id = re.search(r"project=(\w+)", page.url).group(1)

    # The editor has the room to read code; hiding the conversation gives it more.
    editor = page.locator(EDITOR)
    expect(editor).to_be_visible()
    width = editor.bounding_box()["width"]
    assert width >= 520, width
    _shot(page, tmp_path, "02-code")
    page.get_by_role("button", name="Hide conversation").click()
    settle(page)
    assert page.locator(EDITOR).bounding_box()["width"] > width + 150
    _shot(page, tmp_path, "03-code-wide")
    page.get_by_role("button", name="Show conversation").click()
    settle(page)

    # A name cut off in the tree shows in full on hover (the row wraps instead of ending in "…").
    rows = page.locator(".st-key-gen_tree [data-testid='stRadioOption'] p")
    clipped = _clipped(page, ".st-key-gen_tree [data-testid='stRadioOption'] p")
    row = rows.filter(has_text=clipped[0]).first if clipped else rows.last
    row.hover()
    assert row.evaluate("e => getComputedStyle(e).whiteSpace") == "normal"
    assert not row.evaluate("e => e.scrollWidth > e.clientWidth + 1")

    # Edit the README: labelled Save/Discard, and Enter after a word types a newline (no completion list).
    page.get_by_role("button", name="Edit").click()
    settle(page)
    save, discard = page.get_by_role("button", name="Save"), page.get_by_role("button", name="Discard")
    expect(save).to_contain_text("Save")
    expect(discard).to_contain_text("Discard")
    ace = page.frame_locator(EDITOR).locator(".ace_content")
    ace.click()
    page.keyboard.press("Control+End")
    page.keyboard.type("\nmanage")
    expect(page.frame_locator(EDITOR).locator(".ace_autocomplete")).to_have_count(0)
    page.keyboard.press("Enter")
    page.keyboard.type("# Recipes")
    _shot(page, tmp_path, "04-editing")
    page.get_by_role("heading", name="Task manager").click()  # the editor reports its text when it loses focus
    settle(page)
    save.click()
    expect(page.get_by_text(re.compile(r"Saved as snapshot \d+: Edit README.md"))).to_be_visible()
    assert _files(server, project_id)["README.md"].endswith("\nmanage\n# Recipes")

    # The preview fills the workbench and opens in a new tab too.
    page.get_by_role("tab", name="Preview").click()
    frame = page.locator('iframe[title="Preview of Task manager"]')
    expect(frame).to_be_visible()
    assert frame.bounding_box()["height"] >= 880
    expect(page.get_by_role("link", name="Open in a new tab")).to_have_attribute("href", re.compile(r"/preview/"))
    _shot(page, tmp_path, "05-preview")

    # Tests: what the isolation means, in words; History after a watched run shows the change.
    page.get_by_role("tab", name="Tests").click()
    expect(page.get_by_text(re.compile(r"The tests ran (in an isolated sandbox|with time and memory)"))).to_be_visible()
    expect(page.get_by_text("bubblewrap")).to_have_count(0)
    page.get_by_role("tab", name="History").click()
    expect(page.get_by_text(re.compile(r"Files changed: \d+"))).to_be_visible()
    expect(page.get_by_text("No differences.")).to_have_count(0)
    _shot(page, tmp_path, "06-history")

    # Logging out: the notice stays.
    page.get_by_role("button", name="Log out").click()
    notice = page.get_by_text("You have been logged out.")
    expect(notice).to_be_visible()
    settle(page)
    expect(notice).to_be_visible()
    _shot(page, tmp_path, "07-logged-out")
    context.close()

    # On a phone the sidebar starts collapsed and does not cover the studio.
    phone, page, phone_console = open_page(browser, viewport={"width": 390, "height": 844}, is_mobile=True,
                                           has_touch=True)
    app_ready(page, server.url)
    page.get_by_label("Username").first.fill("adab")
    page.get_by_label("Password").first.fill("s3cretpass")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_label("Describe your app")).to_be_visible()
    settle(page)
    expect(page.get_by_test_id("stSidebar")).to_have_attribute("data-collapsed", "true")
    _shot(page, tmp_path, "08-phone")
    phone.close()
    assert not _errors(console + phone_console), console + phone_console
