"""The job queue down or losing jobs: nothing stays charged and queued (real dead port, real Redis)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import timedelta

import pytest
from sqlalchemy import update

from core import i18n, jobs, projects
from core.config import get_settings
from core.engine import infer_spec
from core.errors import QueueUnavailableError
from db.models import Project, utcnow
from db.session import session_scope
from tests.core.test_jobs_redis import _reachable, _work_burst
from tests.core.test_projects_flow import balance
from tests.factories import make_user
from tests.server.conftest import free_port

REDIS = os.environ.get("TEST_REDIS_URL", "")
pytestmark = pytest.mark.xdist_group("redis")


@pytest.fixture
def dead_redis(any_db: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """REDIS_URL pointing at a port where nothing listens."""
    monkeypatch.setenv("REDIS_URL", f"redis://127.0.0.1:{free_port()}/0")
    get_settings.cache_clear()
    return any_db


@pytest.fixture
def live_redis(any_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """REDIS_URL on the real TEST_REDIS_URL server, with a queue of our own."""
    if not _reachable(REDIS):
        pytest.skip("Redis not reachable: set TEST_REDIS_URL (CI's .ci/run starts one)")
    monkeypatch.setenv("REDIS_URL", REDIS)
    monkeypatch.setenv("REDIS_QUEUE", f"autocrea-test-{uuid.uuid4().hex[:8]}")
    get_settings.cache_clear()
    yield any_db
    jobs.get_queue().delete(delete_jobs=True)


def _queued_since(project_id: str, minutes: float) -> None:
    """Make a queued run look as if it was queued `minutes` ago."""
    with session_scope() as s:
        s.execute(update(Project).where(Project.id == project_id)
                  .values(updated_at=utcnow() - timedelta(minutes=minutes)))


def _completed(user_id: int) -> str:
    """A finished project with a design, ready for a follow-up."""
    pid = projects.create_project(user_id=user_id, name="blog", prompt="A blog with posts", cost=0).id
    with session_scope() as s:
        s.execute(update(Project).where(Project.id == pid).values(
            status="completed", spec_json=infer_spec("A blog with posts").model_dump_json()))
    return pid


def test_start_with_the_queue_down_refunds_at_once(dead_redis: str) -> None:
    user = make_user("quinn")
    with pytest.raises(QueueUnavailableError) as caught:
        projects.start_generation(user_id=user.id, name="blog", prompt="A blog with posts")
    message = str(caught.value)
    assert "job queue is unavailable" in message and "50 credits were refunded" in message
    assert "cola de trabajos no está disponible" in i18n.t(message, "es")
    assert "50" in i18n.t(message, "es")
    assert balance(user.id) == 100
    [view] = projects.list_projects(user_id=user.id)
    assert view.status == "failed" and "refunded" in view.error
    assert view.credits_charged == 0


def test_follow_up_with_the_queue_down_refunds_at_once(dead_redis: str) -> None:
    user = make_user("ruth")
    pid = _completed(user.id)
    with pytest.raises(QueueUnavailableError, match="10 credits were refunded"):
        projects.start_followup(pid, user_id=user.id, instruction="add a summary field to posts")
    assert balance(user.id) == 100
    assert not projects.get_project(pid, user_id=user.id).active


def test_sweep_refunds_a_queued_run_it_cannot_requeue(dead_redis: str) -> None:
    user = make_user("sid")
    pid = projects.create_project(user_id=user.id, name="blog", prompt="A blog with posts").id
    assert balance(user.id) == 50
    _queued_since(pid, 3)
    summary = jobs.reconcile(requeue=False)
    assert summary == {"failed": 0, "requeued": 0, "refunded": 1, "expired": 0}
    assert projects.get_project(pid, user_id=None).status == "failed"
    assert balance(user.id) == 100
    assert jobs.reconcile(requeue=False) == {"failed": 0, "requeued": 0, "refunded": 0, "expired": 0}
    assert balance(user.id) == 100


def test_sweep_leaves_a_fresh_queued_run_alone(dead_redis: str) -> None:
    user = make_user("tom")
    pid = projects.create_project(user_id=user.id, name="blog", prompt="A blog with posts").id
    assert jobs.reconcile(requeue=False) == {"failed": 0, "requeued": 0, "refunded": 0, "expired": 0}
    assert projects.get_project(pid, user_id=None).status == "queued"


def test_sweep_requeues_a_run_the_queue_lost_and_only_once(live_redis: str) -> None:
    user = make_user("uma")
    pid = projects.create_project(user_id=user.id, name="blog", prompt="A blog with posts").id  # never enqueued
    _queued_since(pid, 3)
    assert jobs.reconcile(requeue=False)["requeued"] == 1
    assert jobs.get_queue().count == 1
    # The queue holds it now: the next sweep finds nothing lost and says so.
    assert jobs.reconcile(requeue=False) == {"failed": 0, "requeued": 0, "refunded": 0, "expired": 0}
    assert jobs.get_queue().count == 1
    _work_burst()
    assert projects.get_project(pid, user_id=None).status == "completed"
    assert balance(user.id) == 50


def test_sweep_does_not_requeue_a_run_still_in_the_queue(live_redis: str) -> None:
    user = make_user("vic")
    pid = projects.start_generation(user_id=user.id, name="blog", prompt="A blog with posts").id
    _queued_since(pid, 3)
    assert jobs.reconcile(requeue=False)["requeued"] == 0
    assert jobs.get_queue().count == 1


def test_a_run_queued_too_long_is_refunded_and_never_runs(live_redis: str) -> None:
    user = make_user("wim")
    pid = projects.start_generation(user_id=user.id, name="blog", prompt="A blog with posts").id
    _queued_since(pid, get_settings().queue_timeout_minutes + 1)
    assert jobs.reconcile(requeue=False) == {"failed": 0, "requeued": 0, "refunded": 0, "expired": 1}
    view = projects.get_project(pid, user_id=None)
    assert view.status == "failed" and "No worker started" in view.error
    assert balance(user.id) == 100
    _work_burst()  # the job still in the queue finds the run ended and does nothing
    assert projects.get_project(pid, user_id=None).status == "failed"
    assert balance(user.id) == 100
