"""Billing, Settings and Projects through AppTest."""

from __future__ import annotations

from pathlib import Path

from core import ledger
from core.users import find_user
from db.models import Project
from db.session import session_scope
from tests.ui.conftest import PASSWORD, make_user, signed_in, submit, texts

RAW_KEY = "sk-test-RAWKEY-0123456789abcdefghijklmnop"


def seed_project(user_id: int, name: str, status: str = "completed", prompt: str = "A task manager") -> str:
    """A project row as a finished generation leaves it (no job needed)."""
    with session_scope() as s:
        p = Project(user_id=user_id, name=name, prompt=prompt, status=status, credits_charged=50,
                    tests_ran=True, tests_passed=12, tests_failed=0)
        s.add(p)
        s.flush()
        return p.id


def test_billing_shows_balance_history_and_the_stripe_note():
    user = make_user()
    at = signed_in(user)
    at.switch_page("pages/billing.py").run()
    assert not at.exception
    assert at.metric[0].value == "100 credits"
    # No Stripe: end users read whom to ask, not the operator's variable names, and no dead Buy buttons.
    assert "Purchases are not enabled on this installation; ask the administrator for credits." in texts(at)
    assert "STRIPE_SECRET_KEY" not in texts(at)
    assert not [b for b in at.button if b.label in ("Buy", "Subscribe")]
    frame = at.dataframe[0].value
    assert list(frame["Kind"]) == ["Trial"] and list(frame["Credits"]) == [100]


def test_settings_key_saved_encrypted_and_masked(db):
    user = make_user()
    at = signed_in(user)
    at.switch_page("pages/settings.py").run()
    assert not at.exception
    at.text_input(key="settings_apikey_openai").input(RAW_KEY)
    at.button(key="FormSubmitter:settings_key_openai-Save key").click().run()
    assert not at.exception
    assert not at.error, [e.value for e in at.error]
    shown = texts(at)
    assert RAW_KEY not in shown and "…" in shown
    assert any(b.label == "Test connection" for b in at.button)
    db_file = Path(db.removeprefix("sqlite:///"))
    raw = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    assert RAW_KEY.encode() not in raw
    at.button(key="settings_del_openai").click().run()
    assert not any(b.label == "Test connection" for b in at.button)


def test_replacing_a_key_keeps_its_server_and_model_filled_in():
    from core import keys

    user = make_user()
    keys.save_key(user_id=user.id, provider="openai_compatible", api_key="ollama-key-123",
                  base_url="http://localhost:11434/v1", model="qwen2.5-coder")
    at = signed_in(user)
    at.switch_page("pages/settings.py").run()
    assert not at.exception
    assert at.text_input(key="settings_url_openai_compatible").value == "http://localhost:11434/v1"
    assert at.text_input(key="settings_model_openai_compatible").value == "qwen2.5-coder"
    at.text_input(key="settings_apikey_openai_compatible").input("ollama-key-456")
    at.button(key="FormSubmitter:settings_key_openai_compatible-Replace key").click().run()
    assert not at.error, [e.value for e in at.error]
    (saved,) = keys.list_keys(user.id)
    assert (saved.base_url, saved.model) == ("http://localhost:11434/v1", "qwen2.5-coder")


def test_settings_language_switch_to_spanish():
    at = signed_in(make_user())
    at.switch_page("pages/settings.py").run()
    at.radio(key="settings_lang").set_value("es").run()
    assert not at.exception
    assert find_user("ada").language == "es"
    assert "Ajustes" in [x.value.split(" ", 1)[-1] for x in at.title]
    at.switch_page("pages/generate.py").run()
    assert at.text_input(key="gen_name").label == "Nombre del proyecto (opcional)"


def test_change_password_keeps_this_session():
    at = signed_in(make_user())
    at.switch_page("pages/settings.py").run()
    at.text_input(key="settings_pw_old").input(PASSWORD)
    at.text_input(key="settings_pw_new").input("an0ther-pass")
    at.text_input(key="settings_pw_repeat").input("an0ther-pass")
    submit(at, "Change password")
    assert any("Password changed" in s.value for s in at.success)
    at.run()
    assert "100 credits" in texts(at)
    assert find_user("ada").token_version == 1


def test_projects_empty_state():
    at = signed_in(make_user())
    at.switch_page("pages/projects.py").run()
    assert not at.exception
    assert "no projects yet" in texts(at)


def test_projects_lists_only_own_projects_filters_and_deletes():
    me, other = make_user("ada"), make_user("bob")
    seed_project(me.id, "Tasks")
    seed_project(me.id, "Broken shop", status="failed", prompt="A shop")
    seed_project(other.id, "Secret of bob")
    at = signed_in(me)
    at.switch_page("pages/projects.py").run()
    shown = texts(at)
    assert "**Tasks**" in shown and "**Broken shop**" in shown and "Secret of bob" not in shown
    at.selectbox(key="projects_status").set_value("failed").run()
    assert "**Broken shop**" in texts(at) and "**Tasks**" not in texts(at)
    at.selectbox(key="projects_status").set_value("all").run()
    at.text_input(key="projects_q").input("task").run()
    assert "**Tasks**" in texts(at) and "**Broken shop**" not in texts(at)
    tasks_id = next(b.key for b in at.button if b.key and b.key.startswith("projects_del_")).removeprefix(
        "projects_del_")
    at.button(key=f"projects_del_{tasks_id}").click().run()
    assert any("cannot be undone" in w.value for w in at.warning)
    at.button(key=f"projects_yes_{tasks_id}").click().run()
    assert any("Deleted Tasks" in s.value for s in at.success)
    with session_scope() as s:
        assert s.get(Project, tasks_id) is None
        assert ledger.ledger_sum(session=s, user_id=me.id) == 100
