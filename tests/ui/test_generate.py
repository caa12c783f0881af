"""The Generate page end to end with the offline engine, driven through AppTest."""

from __future__ import annotations

import io
import zipfile

from core import projects
from core.users import find_user
from tests.factories import wait_done
from tests.ui.conftest import make_user, signed_in, texts

PROMPT = "A task manager with projects and tasks"


def start(at, name: str = "Tasks", prompt: str = PROMPT):
    at.text_input(key="gen_name").input(name)
    at.text_area(key="gen_prompt").input(prompt)
    at.button(key="gen_go").click()
    return at.run()


def test_generate_page_form_labels_cost_and_balance():
    at = signed_in(make_user())
    assert not at.exception
    assert at.text_input(key="gen_name").label == "Project name (optional)"
    assert at.text_area(key="gen_prompt").label == "Describe your app"
    assert at.button(key="gen_go").label == "Generate"
    assert at.selectbox(key="gen_provider").value == "offline"
    assert "Offline engine" in at.selectbox(key="gen_provider").options
    assert "**50 credits**" in texts(at) and "**100 credits**" in texts(at)


def test_generate_offline_end_to_end():
    user = make_user()
    at = start(signed_in(user))
    assert not at.exception, at.exception
    project_id = at.query_params["project"][0] if isinstance(at.query_params["project"], list) \
        else at.query_params["project"]
    assert find_user(user.username).balance == 50
    done = wait_done(project_id)
    assert done.status == "completed", done.error
    at.run()
    assert not at.exception, at.exception
    states = [s.state for s in at.status]
    assert len(states) == 6 and set(states) == {"complete"}, [(s.label, s.state) for s in at.status]
    assert [tab.label for tab in at.tabs][:6] == ["Code", "Preview", "Architecture", "Security audit", "Tests",
                                                 "History"]
    tree = at.radio(key=f"gen_file_{project_id}")
    assert tree.value == "README.md"  # opens on the README, not on .dockerignore
    rows = tree.options  # folders first, names indented under their folder, markdown-escaped
    assert ":material/draft: architecture.json" in rows and ":material/draft: preview.html" in rows
    app_row = rows.index(":material/folder_open: app")
    assert rows[app_row + 1] == "\u2003:material/folder_open: routers"
    assert "\u2003:material/draft: \\_\\_init\\_\\_.py" in rows[app_row:]
    assert any(b.label == "Download ZIP" for b in at.get("download_button"))
    with zipfile.ZipFile(io.BytesIO(projects.zip_project(project_id, user_id=user.id))) as zf:
        assert any(n.endswith("architecture.json") for n in zf.namelist())
    assert "50 credits" in texts(at)


def test_empty_prompt_is_refused_before_charging():
    user = make_user()
    at = start(signed_in(user), prompt="")
    assert any("Describe your app" in e.value for e in at.error)
    assert find_user(user.username).balance == 100
    assert not projects.list_projects(user_id=user.id)


def test_short_balance_disables_generate_and_says_whom_to_ask():
    user = make_user()
    from core import ledger
    from db.session import session_scope

    with session_scope() as s:
        ledger.charge(session=s, user_id=user.id, amount=80, ref="test-drain")
    at = signed_in(user)
    assert at.button(key="gen_go").disabled
    assert any("A new app costs 50 credits and your balance is 20 credits." in w.value for w in at.warning)
    # No Stripe here: a plain message, no dead-end link to Billing, no operator variable names.
    assert "ask the administrator for credits" in texts(at)
    assert "STRIPE_SECRET_KEY" not in texts(at) and not at.get("page_link")
    assert find_user(user.username).balance == 20


def test_another_users_project_is_refused():
    owner, other = make_user("owner"), make_user("other")
    p = projects.start_generation(user_id=owner.id, name="Mine", prompt=PROMPT)
    wait_done(p.id)
    at = signed_in(other)
    at.query_params["project"] = p.id
    at.run()
    assert not at.exception
    assert any("Project not found" in e.value for e in at.error)
    assert "Mine" not in [x.value for x in at.title]


def project_of(at) -> str:
    value = at.query_params["project"]
    return value[0] if isinstance(value, list) else value


def test_cancel_refunds():
    from core import jobs

    user = make_user()
    # Queued but not yet picked up, so the click lands before the (fast) offline engine finishes.
    queued = projects.create_project(user_id=user.id, name="Tasks", prompt=PROMPT)
    at = signed_in(user)
    at.query_params["project"] = queued.id
    at.run()
    assert find_user(user.username).balance == 50
    at.button(key="gen_cancel").click().run()
    jobs.get_runner().submit(queued.id)
    done = wait_done(queued.id)
    at.run()
    assert done.status == "cancelled", done.status
    assert find_user(user.username).balance == 100
    assert any("refunded" in w.value for w in at.warning), [w.value for w in at.warning]


def test_edit_save_and_followup():
    user = make_user()
    at = start(signed_in(user))
    project_id = project_of(at)
    assert wait_done(project_id).status == "completed"
    at.run()
    at.radio(key=f"gen_file_{project_id}").set_value("README.md").run()
    at.button(key="gen_edit").click().run()
    # The editor component reports its text as {"type", "text", ...}; AppTest drives it through its key.
    at.session_state[f"gen_ace_{project_id}_README.md"] = {"id": "e1", "type": "change", "text": "# Edited by hand\n"}
    at.button(key="gen_save").click().run()
    assert not at.exception
    assert any("Edit README.md" in s.value for s in at.success)
    assert projects.get_files(project_id, user_id=None)["README.md"] == "# Edited by hand\n"

    at.text_area(key="gen_instruction").input("add a budget field to projects")
    next(b for b in at.button if b.label == "Improve").click()
    at.run()
    refused = [e.value for e in at.error if "findings" not in e.value]  # the audit tab's verdict is not a refusal
    assert not refused, refused
    done = wait_done(project_id)
    assert done.status in ("completed", "needs_review"), done.error
    assert find_user(user.username).balance == 40
    at.run()
    assert not at.exception
    snaps = projects.list_snapshots(project_id, user_id=None)
    assert snaps[-1].seq > 7
    diff = projects.diff_snapshots(project_id, snaps[0].seq, snaps[-1].seq, user_id=None)
    assert "budget" in diff
    assert any("budget" in c.value for c in at.code if c.language == "diff") or len(snaps) > 2
