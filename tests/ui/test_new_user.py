"""Issue 12, "the studio as a new user meets it": each finding that AppTest can see, checked on the real pages."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import update

from core import projects
from core.admin import credits_by_day
from core.config import get_settings
from core.i18n import t
from core.projects import name_from_prompt
from core.spec import AppSpec, EntitySpec, FieldSpec
from core.versions import add_snapshot
from db.models import Project, Step
from db.session import session_scope
from tests.factories import wait_done
from tests.ui.conftest import make_user, signed_in, texts
from tests.ui.test_auth import register
from tests.ui.test_studio_acceptance import ROLES, drain

SPEC = AppSpec(name="recipes", title="Recipes", entities=[EntitySpec(name="Recipe", fields=[FieldSpec(name="title")])],
               requested=["recipes", "photo uploads", "meal plans"], not_built=["photo uploads", "meal plans"])


def seed(user_id: int, *, status: str = "completed", spec: AppSpec = SPEC, tester: str = "completed",
         output: str = "", isolation: str = "bubblewrap") -> str:
    """A project whose run is in the given state, with every role's step (the tester's as given)."""
    with session_scope() as s:
        p = Project(user_id=user_id, name="Recipes", prompt="A recipe book", status=status, credits_charged=50,
                    spec_json=spec.model_dump_json(), tests_ran=status == "completed", tests_passed=12,
                    isolation=isolation)
        s.add(p)
        s.flush()
        add_snapshot(session=s, project_id=p.id, role="architect", message="Designed 1 entity (Recipe)",
                     files={"README.md": "# Recipes\n"})
        for i, role in enumerate(ROLES):
            state = tester if role == "tester" else "completed"
            s.add(Step(project_id=p.id, run=1, position=i, role=role, status=state, provider="offline",
                       summary="Designed 1 entity (Recipe)" if role == "architect" else "",
                       output=output if role == "tester" else ""))
        return p.id


def opened(user, project_id: str, lang: str = "en"):  # noqa: ANN201 - an AppTest
    at = signed_in(user)
    at.session_state["ui_lang"] = lang
    at.query_params["project"] = project_id
    return at.run()


def test_an_empty_name_is_taken_from_the_prompt():
    assert name_from_prompt("A task manager with projects and tasks") == "Task manager"
    assert name_from_prompt("Un blog con autores, entradas y comentarios") == "Blog"
    assert name_from_prompt("An online shop (products, orders)") == "Online shop"
    user = make_user()
    at = signed_in(user)
    at.text_area(key="gen_prompt").input("A library where members borrow books")
    at.button(key="gen_go").click().run()
    assert not at.error, [e.value for e in at.error]
    (project,) = projects.list_projects(user_id=user.id)
    assert project.name == "Library"
    wait_done(project.id)


def test_sign_up_is_welcomed_and_the_logout_notice_stays():
    at = register(signed_out())
    assert any("Welcome to AUTOCREA, Grace Hopper!" in s.value for s in at.success)
    at.run()  # a rerun (the cookie component makes one) keeps the welcome until the first app starts
    assert any("Welcome to AUTOCREA" in s.value for s in at.success)
    at.button(key="ui_logout").click().run()
    for _ in range(3):
        at.run()
        assert "You have been logged out." in [i.value for i in at.info]


def signed_out():  # noqa: ANN201 - an AppTest
    from tests.ui.conftest import app

    return app().run()


def test_a_refused_improve_keeps_what_was_typed():
    user = make_user()
    p = projects.start_generation(user_id=user.id, name="Tasks", prompt="A task manager with projects and tasks")
    assert wait_done(p.id).status == "completed"
    at = opened(user, p.id)
    at.text_area(key="gen_instruction").input("add a budget field to projects")
    drain(user.id, 50)  # spent elsewhere after the page was drawn
    at.button(key="FormSubmitter:gen_improve-Improve").click().run()
    assert any("Insufficient credits: need 10, have 0" in e.value for e in at.error)
    assert at.text_area(key="gen_instruction").value == "add a budget field to projects"


def test_the_thread_keeps_the_prompt_and_every_followup_with_outcome_and_cost():
    user = make_user()
    p = projects.start_generation(user_id=user.id, name="Tasks", prompt="A task manager with projects and tasks")
    assert wait_done(p.id).status == "completed"
    for instruction in ("add a priority field to tasks", "add an estimate field to tasks"):
        projects.start_followup(p.id, user_id=user.id, instruction=instruction)
        assert wait_done(p.id).status == "completed"
    at = opened(user, p.id)
    said = [m.markdown[0].value for m in at.chat_message if m.markdown]
    assert said[0] == "A task manager with projects and tasks"
    assert said[2] == "add a priority field to tasks" and "priority" in said[3], said
    assert said[4] == "add an estimate field to tasks", said  # the latest, followed by its live role timeline
    assert "Run 1 · Completed · 50 credits" in texts(at) and "Run 2 · Completed · 10 credits" in texts(at)


def test_the_tester_shows_live_counts():
    user = make_user()
    project_id = seed(user.id, status="running", tester="running",
                      output="Tests so far: 5 run · 5 passed · 0 failed\nTests so far: 12 run · 11 passed · 1 failed")
    at = opened(user, project_id)
    assert "Tests so far: 12 run · 11 passed · 1 failed" in at.status[-1].label
    at = opened(user, project_id, "es")
    assert "Pruebas hasta ahora: 12 ejecutadas · 11 superadas · 1 fallidas" in at.status[-1].label


@pytest.mark.parametrize("lang,heading,badge", [("en", "Not built", "Completed, with parts not built"),
                                                ("es", "No construido", "Completado, con partes sin construir")])
def test_not_built_is_a_warning_under_the_architect_and_in_the_header(lang: str, heading: str, badge: str):
    user = make_user()
    at = opened(user, seed(user.id), lang)
    gaps = f"**{heading}:** photo uploads; meal plans"
    under_architect = [c.value for c in at.status[0].children.values() if type(c).__name__ == "Warning"]
    assert under_architect == [gaps]
    assert [w.value for w in at.warning] == [gaps, gaps]  # the result header's, then the architect's
    assert badge in texts(at) and ":material/check_circle:" not in at.markdown[1].value


def test_nothing_extra_when_everything_was_built():
    user = make_user()
    at = opened(user, seed(user.id, spec=SPEC.model_copy(update={"not_built": []})))
    assert "Not built" not in texts(at) and "Completed, with parts not built" not in texts(at)


def test_tests_tab_says_what_isolation_means():
    user = make_user()
    at = opened(user, seed(user.id))
    assert "The tests ran in an isolated sandbox with no network and no access to other files." in texts(at)
    assert "bubblewrap" not in texts(at)
    at = opened(user, seed(user.id), "es")
    assert [m.label for m in at.metric][-2:] == ["Pruebas superadas", "Pruebas fallidas"]


def test_history_after_a_watched_run_opens_on_the_change():
    user = make_user()
    project_id = seed(user.id, status="running")
    with session_scope() as s:
        for role, files in (("architect", {"a.py": "x = 1\n"}), ("backend", {"a.py": "x = 2\n"}),
                            ("tester", {"a.py": "x = 2\n"})):
            add_snapshot(session=s, project_id=project_id, role=role, message=role, files=files)
    at = opened(user, project_id)  # watched live: the newest pair (backend -> tester) is the same
    with session_scope() as s:
        s.execute(update(Project).where(Project.id == project_id).values(status="completed"))
    at.run()
    assert not any("No differences." in i.value for i in at.info)
    assert any("x = 2" in c.value for c in at.code if c.language == "diff")


def test_spanish_billing_reads_in_spanish_and_plans_say_their_credits_once():
    user = make_user()
    at = signed_in(user)
    at.session_state["ui_lang"] = "es"
    at.switch_page("pages/billing.py").run()
    shown = texts(at)
    assert "**5,00 US$**" in shown and "**49,00 US$ / mes**" in shown and "$5.00" not in shown
    assert "1.500 créditos cada mes" in shown
    assert "### 100 créditos" in shown  # the pack's name, not said once more on its card:
    assert "100 créditos" not in [m.value for m in at.markdown]
    assert t("Follow-up: add a priority field to tasks", "es") == "Mejora: add a priority field to tasks"


def test_set_up_hint_only_for_admins_and_inline_packs_when_stripe_is_set(monkeypatch: pytest.MonkeyPatch):
    admin = make_user("root", role="admin", name="Root")
    at = signed_in(admin)
    at.switch_page("pages/billing.py").run()
    assert "STRIPE_SECRET_KEY" in texts(at)
    monkeypatch.setenv("STRIPE_SECRET_KEY", "sk_test_123")
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "whsec_123")
    get_settings.cache_clear()
    user = make_user()
    drain(user.id, 80)
    at = signed_in(user)
    buys = [b.label for b in at.button if b.label.startswith("Buy ")]
    assert buys == ["Buy 100 credits", "Buy 500 credits"]


def test_admin_chart_has_one_window_no_negative_axis_and_kinds_apart():
    make_user("ada")
    admin = make_user("root", role="admin", name="Root")
    p = projects.start_generation(user_id=admin.id, name="Tasks", prompt="A task manager with projects and tasks")
    wait_done(p.id)
    days = credits_by_day(30)
    assert len({d for d, _, _ in days}) == 30 and min(n for _, _, n in days) >= 0
    assert {k for _, k, n in days if n} == {"charge", "trial"}
    at = signed_in(admin)
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    chart = next(c.proto.spec for c in at.get("vega_lite_chart") if '"xOffset"' in c.proto.spec)  # kinds apart
    assert '"domainMin": 0' in chart and len(set(re.findall(r'"\d\d-\d\d"', chart))) == 30


@pytest.mark.parametrize("lang,said", [("en", "cannot build this request (a 3D application)"),
                                        ("es", "no puede construir esta petición (una aplicación 3D)")])
def test_offline_refusal_names_what_was_asked_in_words(lang: str, said: str):
    user = make_user()
    at = signed_in(user)
    at.session_state["ui_lang"] = lang
    at.run()
    at.text_area(key="gen_prompt").input("A 3d shooter game with levels")
    at.button(key="gen_go").click().run()
    (error,) = [e.value for e in at.error]
    assert said in error and "(3d)" not in error
    assert projects.list_projects(user_id=user.id) == []


def test_spanish_generate_page_reads_as_spanish():
    at = signed_in(make_user())
    at.session_state["ui_lang"] = "es"
    at.run()
    shown = texts(at)
    assert "que AUTOCREA ejecuta por ti" in shown and "ejecutadas por ti" not in shown
    user = make_user("eva")
    at = opened(user, seed(user.id), "es")
    assert at.text_area(key="gen_instruction").placeholder == "p. ej. añade un campo de prioridad a las tareas"
