"""What an acceptance walk-through found on the Generate page: live role states, refusals, Spanish messages."""

from __future__ import annotations

from core import ledger, projects
from core.i18n import t
from db.models import Project, Step
from db.session import session_scope
from tests.factories import wait_done
from tests.ui.conftest import make_user, signed_in, texts

ROLES = ("architect", "backend", "frontend", "devops", "security", "tester")


def seed_running(user_id: int) -> str:
    """A generation mid-way: the architect done, the backend at work, the rest waiting."""
    states = {"architect": "completed", "backend": "running"}
    with session_scope() as s:
        p = Project(user_id=user_id, name="Recipes", prompt="A recipe book", status="running", credits_charged=50)
        s.add(p)
        s.flush()
        for i, role in enumerate(ROLES):
            status = states.get(role, "pending")
            s.add(Step(project_id=p.id, run=1, position=i, role=role, status=status, provider="offline",
                       summary="Designed 3 entities (Category, Recipe, Ingredient)" if status == "completed" else "",
                       output="writing app/models.py" if status == "running" else ""))
        return p.id


def drain(user_id: int, amount: int) -> None:
    """Spend `amount` credits outside the app."""
    with session_scope() as s:
        ledger.charge(session=s, user_id=user_id, amount=amount, ref=f"test-drain-{amount}")


def test_running_and_waiting_roles_are_not_shown_as_complete():
    user = make_user()
    at = signed_in(user)
    at.query_params["project"] = seed_running(user.id)
    at.run()
    assert not at.exception, at.exception
    states = [(s.label.split(" · ")[0].split(" ", 1)[-1], s.state) for s in at.status]
    assert states == [("Architect", "complete"), ("Backend developer", "running")], states
    assert "working" in at.status[1].label
    # Waiting roles are plain expanders with a clock: no spinner, no check mark.
    waiting = [e for e in at.expander if "waiting" in e.label]
    assert [e.label.split(" · ")[0].split(" ", 1)[-1] for e in waiting] == [
        "Frontend developer", "DevOps engineer", "Security auditor", "Tester"]


def test_role_summaries_read_in_spanish():
    user = make_user()
    at = signed_in(user)
    at.session_state["ui_lang"] = "es"
    at.query_params["project"] = seed_running(user.id)
    at.run()
    assert not at.exception, at.exception
    assert "Diseñó 3 entidades (Category, Recipe, Ingredient)" in at.status[0].label


def test_generate_page_warns_before_a_click_when_the_balance_is_short():
    user = make_user()
    drain(user.id, 80)
    at = signed_in(user)
    assert any("A new app costs 50 credits and your balance is 20 credits." in w.value for w in at.warning)
    assert at.button(key="gen_go").disabled


def test_followup_without_credits_says_so_before_the_click_and_history_opens_on_a_change():
    user = make_user()
    p = projects.start_generation(user_id=user.id, name="Tasks", prompt="A task manager with projects and tasks")
    assert wait_done(p.id).status == "completed"
    drain(user.id, 50)
    at = signed_in(user)
    at.query_params["project"] = p.id
    at.run()
    # The History tab opens on the latest change, not on a tester snapshot identical to the audit's.
    assert not any("No differences." in i.value for i in at.info), [i.value for i in at.info]
    assert at.button(key="FormSubmitter:gen_improve-Improve").disabled
    assert any("An improvement costs 10 credits and your balance is 0 credits." in w.value for w in at.warning)
    assert "Costs 10 credits · your balance: 0 credits. Only the affected roles run again." in texts(at)
    assert "ask the administrator for credits" in texts(at)


def test_messages_built_from_templates_are_translated():
    cases = {
        "Wrote 16 backend files": "Escribió 16 archivos de backend",
        "0 high, 0 medium, 0 low findings": "Hallazgos: 0 altos, 0 medios, 0 bajos",
        "87 passed, 0 failed": "87 superadas, 0 fallidas",
        "Recipe already has a field 'rating'.": "Recipe ya tiene un campo 'rating'.",
        "Insufficient credits: need 10, have 0": "Créditos insuficientes: necesitas 10, tienes 0",
        "Added field budget (decimal) to Project -> 2 entities (Project, Task)":
            "Añadido el campo budget (decimal) a Project → 2 entidades (Project, Task)",
        "Generation: Recipes": "Generación: Recipes",
    }
    for english, spanish in cases.items():
        assert t(english, "es") == spanish
        assert t(english, "en") == english
    # Free text that merely ends like a template is left alone.
    assert t("My files", "es") == "My files" and t("Recipes", "es") == "Recipes"
