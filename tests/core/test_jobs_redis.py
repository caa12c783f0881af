"""Several machines: generations on the RQ queue and shared login limits, against a real Redis server."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import auth, jobs, projects
from core.config import get_settings
from core.errors import LimitExceededError
from tests.core.test_projects_flow import balance
from tests.factories import PASSWORD, make_user

ROOT = Path(__file__).resolve().parents[2]
REDIS = os.environ.get("TEST_REDIS_URL", "")
# One xdist worker runs all of these: they share the server's queue.
pytestmark = pytest.mark.xdist_group("redis")


def _reachable(url: str) -> bool:
    if not url:
        return False
    from redis import Redis
    from redis.exceptions import RedisError

    try:
        return bool(Redis.from_url(url, socket_connect_timeout=1).ping())
    except RedisError:
        return False


@pytest.fixture
def redis_db(db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The test database with REDIS_URL pointing at TEST_REDIS_URL and an empty queue."""
    if not _reachable(REDIS):
        pytest.skip("Redis not reachable: set TEST_REDIS_URL (CI's .ci/run starts one)")
    monkeypatch.setenv("REDIS_URL", REDIS)
    # A queue of its own: another test run sharing this Redis must not take (or empty) our jobs.
    monkeypatch.setenv("REDIS_QUEUE", f"autocrea-test-{uuid.uuid4().hex[:8]}")
    get_settings.cache_clear()
    yield db
    jobs.get_queue().delete(delete_jobs=True)


def _work_burst() -> None:
    from rq import SimpleWorker

    queue = jobs.get_queue()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def test_generation_goes_to_the_queue_and_a_worker_runs_it(redis_db: str) -> None:
    user = make_user("rita")
    view = projects.start_generation(user_id=user.id, name="blog", prompt="A blog with posts and comments")
    assert jobs.get_queue().count == 1
    assert jobs.get_runner().running() == set()  # nothing ran in this process
    assert projects.get_project(view.id, user_id=user.id).status == "queued"
    _work_burst()
    done = projects.get_project(view.id, user_id=user.id)
    assert done.status == "completed"
    assert {s.status for s in projects.get_steps(view.id, user_id=None)} == {"completed"}
    assert balance(user.id) == 50


def test_a_job_enqueued_twice_runs_once(redis_db: str) -> None:
    user = make_user("dora")
    pid = projects.start_generation(user_id=user.id, name="twice", prompt="A recipe book with recipes").id
    jobs.enqueue(pid)  # e.g. a second replica's start-up reconcile
    assert jobs.get_queue().count == 2
    _work_burst()
    assert projects.get_project(pid, user_id=None).status == "completed"
    assert len(projects.list_snapshots(pid, user_id=None)) == 6  # one commit per role, not twelve
    assert balance(user.id) == 50


def test_a_run_cancelled_while_queued_is_refunded_and_skipped_by_the_worker(redis_db: str) -> None:
    user = make_user("carl")
    pid = projects.start_generation(user_id=user.id, name="later", prompt="A blog with posts").id
    projects.cancel(pid, user_id=user.id)
    assert balance(user.id) == 100
    assert jobs.run_job(pid) == "skipped"
    _work_burst()
    assert projects.get_project(pid, user_id=None).status == "cancelled"
    assert projects.list_snapshots(pid, user_id=None) == [] and balance(user.id) == 100


def test_worker_command_runs_the_queue_in_its_own_process(redis_db: str) -> None:
    user = make_user("wes")
    pid = projects.start_generation(user_id=user.id, name="lib", prompt="A library where members borrow books").id
    env = {**os.environ, "DATABASE_URL": redis_db, "REDIS_URL": REDIS, "REDIS_QUEUE": get_settings().redis_queue}
    proc = subprocess.run([sys.executable, "-m", "core", "worker", "--burst", "--json"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert '"burst": true' in proc.stdout.strip().splitlines()[-1]
    assert projects.get_project(pid, user_id=None).status == "completed"


def test_worker_command_without_redis_says_what_to_set(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {k: v for k, v in os.environ.items() if k != "REDIS_URL"} | {"DATABASE_URL": db}
    proc = subprocess.run([sys.executable, "-m", "core", "worker", "--burst"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)
    assert proc.returncode == 2
    assert "REDIS_URL is not set" in proc.stderr


def test_failed_logins_are_counted_across_replicas(redis_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGIN_ATTEMPTS_PER_MINUTE", "3")
    get_settings.cache_clear()
    make_user("lena")
    auth.reset_login_limits()
    for _ in range(3):
        assert auth.login("lena", "wrong-password-1") is None
    auth._limiters.clear()  # a second replica: a fresh process-local state, the same Redis
    with pytest.raises(LimitExceededError):
        auth.login("lena", PASSWORD)
    auth.reset_login_limits()
    assert auth.login("lena", PASSWORD) is not None
