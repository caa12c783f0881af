"""A user's project lifecycle through core.projects and the background runner (offline engine)."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import jobs, ledger, projects
from core.errors import InsufficientCreditsError, LimitExceededError, UnsupportedRequestError, ValidationError
from db.models import Project, utcnow
from db.session import session_scope
from tests.factories import make_user, wait_done


def balance(user_id: int) -> int:
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user_id) == ledger.ledger_sum(session=s, user_id=user_id)
        return ledger.balance(session=s, user_id=user_id)


@pytest.mark.slow
def test_generate_follow_up_edit_and_history(db: str) -> None:
    user = make_user("tina")
    view = projects.start_generation(user_id=user.id, name="Tasks", prompt="A task manager with projects and tasks")
    assert view.status == "queued" and balance(user.id) == 50
    done = wait_done(view.id)
    assert done.status == "completed", done.error
    assert done.tests_ran and done.tests_passed > 0 and done.tests_failed == 0
    assert [s.status for s in projects.get_steps(view.id, user_id=None)] == ["completed"] * 6
    assert "architecture.json" in projects.get_files(view.id, user_id=None)
    assert "<html" in (projects.get_preview_html(done.preview_token) or "").lower()
    assert projects.get_preview_html("not-a-token") is None

    follow = projects.start_followup(view.id, user_id=user.id, instruction="add an estimate_hours field to tasks")
    assert follow.run == 2 and balance(user.id) == 40
    after = wait_done(view.id)
    assert after.status == "completed", after.error
    task = next(e for e in after.spec.entities if e.name == "Task")
    assert "estimate_hours" in {f.name for f in task.fields}
    snaps = projects.list_snapshots(view.id, user_id=None)
    assert len(snaps) > 6
    diff = projects.diff_snapshots(view.id, 6, snaps[-1].seq, user_id=None)
    assert "estimate_hours" in diff

    edit = projects.save_edit(view.id, user_id=user.id, path="NOTES.md", content="# mine\n")
    assert edit.role == "user" and projects.get_files(view.id, user_id=None)["NOTES.md"] == "# mine\n"
    with pytest.raises(ValidationError):
        projects.save_edit(view.id, user_id=user.id, path="../escape.md", content="x")
    projects.delete_project(view.id, user_id=user.id)
    assert projects.list_projects(user_id=user.id) == []
    assert balance(user.id) == 40  # the ledger is kept


@pytest.mark.slow
def test_follow_up_that_breaks_tests_can_be_discarded(db: str) -> None:
    user = make_user("uma")
    pid = projects.start_generation(user_id=user.id, name="Blog", prompt="A blog with posts and comments").id
    assert wait_done(pid).status == "completed"
    projects.save_edit(pid, user_id=user.id, path="tests/test_mine.py",
                       content="def test_my_rule() -> None:\n    assert 1 == 2\n")
    base = projects.list_snapshots(pid, user_id=None)[-1].seq
    projects.start_followup(pid, user_id=user.id, instruction="add search")
    review = wait_done(pid)
    assert review.status == "needs_review" and review.tests_failed >= 1
    assert balance(user.id) == 40
    with pytest.raises(ValidationError):
        projects.start_followup(pid, user_id=user.id, instruction="add a dashboard")
    restored = projects.resolve_followup(pid, user_id=user.id, keep=False)
    assert restored.status == "completed"
    assert projects.get_files(pid, user_id=None) == projects.get_files(pid, seq=base, user_id=None)
    assert balance(user.id) == 50  # the broken follow-up was refunded


def test_bad_requests_cost_nothing(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    user = make_user("vic")
    with pytest.raises(ValidationError, match="Project name is too long"):  # an empty one comes from the prompt
        projects.start_generation(user_id=user.id, name="n" * 101, prompt="A blog")
    with pytest.raises(ValidationError, match="empty"):
        projects.start_generation(user_id=user.id, name="x", prompt="  ")
    with pytest.raises(ValidationError, match="too long"):
        projects.start_generation(user_id=user.id, name="x", prompt="blog " * 2000)
    with pytest.raises(ValidationError, match="Unknown provider"):
        projects.start_generation(user_id=user.id, name="x", prompt="A blog", provider="nope")
    with pytest.raises(UnsupportedRequestError):
        projects.start_generation(user_id=user.id, name="x", prompt="A 3D racing game with multiplayer")
    assert balance(user.id) == 100
    monkeypatch.setenv("GENERATION_COST", "150")
    from core.config import get_settings

    get_settings.cache_clear()
    with pytest.raises(InsufficientCreditsError, match="need 150, have 100"):
        projects.start_generation(user_id=user.id, name="x", prompt="A blog with posts")
    assert balance(user.id) == 100 and projects.list_projects(user_id=user.id) == []


def test_per_user_job_limit(db: str) -> None:
    user = make_user("walt")
    with session_scope() as s:
        for i in range(2):
            s.add(Project(user_id=user.id, name=f"p{i}", prompt="x", status="running", heartbeat_at=utcnow()))
    with pytest.raises(LimitExceededError, match="limit 2"):
        projects.start_generation(user_id=user.id, name="third", prompt="A blog with posts")
    assert balance(user.id) == 100


@pytest.mark.slow
def test_reconcile_fails_dead_runs_and_requeues_waiting_ones(db: str) -> None:
    user = make_user("xena")
    dead = projects.create_project(user_id=user.id, name="dead", prompt="A blog with posts").id
    waiting = projects.create_project(user_id=user.id, name="waiting", prompt="A recipe book with recipes").id
    assert balance(user.id) == 0
    with session_scope() as s:
        p = s.get(Project, dead)
        p.status, p.heartbeat_at = "running", utcnow() - timedelta(minutes=10)
    assert jobs.reconcile() == {"failed": 1, "requeued": 1, "refunded": 0, "expired": 0}
    assert projects.get_project(dead, user_id=None).status == "failed"
    assert wait_done(waiting).status == "completed"
    assert balance(user.id) == 50  # the dead run was refunded, the re-queued one kept its charge


def test_cancel_before_a_worker_starts_refunds_at_once(db: str) -> None:
    from core.orchestrator import run_project

    user = make_user("yuri")
    pid = projects.create_project(user_id=user.id, name="later", prompt="A blog with posts").id
    assert balance(user.id) == 50
    projects.cancel(pid, user_id=user.id)
    assert projects.get_project(pid, user_id=user.id).status == "cancelled"
    assert balance(user.id) == 100
    assert run_project(pid).status == "cancelled"  # a worker that takes it late does nothing
    assert projects.list_snapshots(pid, user_id=None) == [] and balance(user.id) == 100
    with pytest.raises(ValidationError, match="Nothing to cancel"):
        projects.cancel(pid, user_id=user.id)


def test_steps_of_another_users_project_are_refused(db: str) -> None:
    from core.errors import NotFoundError

    owner, other = make_user("zoe"), make_user("zack")
    pid = projects.create_project(user_id=owner.id, name="mine", prompt="A blog with posts").id
    assert projects.get_steps(pid, user_id=owner.id) == []
    with pytest.raises(NotFoundError):
        projects.get_steps(pid, user_id=other.id)


def test_submitting_a_run_that_ends_at_once_does_not_deadlock(db: str) -> None:
    import threading

    user = make_user("ivy")
    pid = projects.create_project(user_id=user.id, name="gone", prompt="A blog with posts").id
    projects.cancel(pid, user_id=user.id)
    runner = jobs.get_runner()
    done = threading.Event()

    def submit_twice() -> None:
        for _ in range(2):  # the second submit finds a future that is already done
            runner.submit(pid).result(timeout=120)
        done.set()

    threading.Thread(target=submit_twice, daemon=True).start()
    assert done.wait(120), "submit deadlocked"
    assert pid not in runner.running()


def test_admin_recent_projects_show_net_cost(db: str) -> None:
    from core import admin

    user = make_user("nadia")
    kept = projects.create_project(user_id=user.id, name="kept", prompt="A blog with posts").id
    refunded = projects.create_project(user_id=user.id, name="refunded", prompt="A recipe book with recipes").id
    projects.cancel(refunded, user_id=user.id)
    costs = {row.id: row.credits for row in admin.recent_projects()}
    assert costs == {kept: 50, refunded: 0}
