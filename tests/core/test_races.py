"""Money under races: a second actor acts between a check and its write; no credit is lost or doubled.

Each test interleaves deterministically: it wraps `core.projects._owned` (the read every action
starts with) so that the rival action runs to its end right after that read, then lets the first
action carry on with what it read. On SQLite and PostgreSQL.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from core import jobs, ledger, projects
from core.errors import LimitExceededError, ValidationError
from core.orchestrator import run_project
from core.roles import PIPELINE, Role, RoleResult, RunContext
from core.spec import AppSpec, EntitySpec, FieldSpec
from db.models import Project
from db.session import session_scope
from tests.core.test_orchestrator import ScriptedProvider
from tests.factories import all_at_once, make_user
from tests.sandbox.sandbox_helpers import processes_with

SPEC = AppSpec(name="demo", entities=[EntitySpec(name="Task", fields=[FieldSpec(name="title")])])


def _pipeline(architect: Callable[[RunContext], RoleResult] | None = None) -> tuple[Role, ...]:
    def arch(ctx: RunContext) -> RoleResult:
        return RoleResult(files={"architecture.json": SPEC.model_dump_json()}, spec=SPEC, summary="spec")

    def quick(name: str) -> Callable[[RunContext], RoleResult]:
        return lambda ctx: RoleResult(files={f"{name}.txt": f"{name} {ctx.run}"}, summary=f"{name} done")

    fns = {"architect": architect or arch, **{r.name: quick(r.name) for r in PIPELINE[1:]}}
    return tuple(Role(r.name, r.title, r.needs, fns[r.name]) for r in PIPELINE)


@pytest.fixture
def scripted(monkeypatch: pytest.MonkeyPatch) -> None:
    """The scripted provider, and no background runner (the tests run jobs themselves)."""
    from core.providers import REGISTRY

    monkeypatch.setitem(REGISTRY, "scripted", ScriptedProvider)
    monkeypatch.setattr(projects, "_enqueue", lambda project_id, run: None)


def _balance(user_id: int) -> int:
    with session_scope() as s:
        have = ledger.balance(session=s, user_id=user_id)
        assert have == ledger.ledger_sum(session=s, user_id=user_id)
        return have


def _status(project_id: str) -> str:
    with session_scope() as s:
        p = s.get(Project, project_id)
        return p.status if p else "gone"


def _rival_after_first_read(monkeypatch: pytest.MonkeyPatch, rival: Callable[[], Any]) -> list[Any]:
    """Run `rival` (to its end, in another thread) right after the next `_owned` read."""
    original, fired, outcome = projects._owned, [], []

    def owned(s: Any, project_id: str, user_id: int | None) -> Project:
        p = original(s, project_id, user_id)
        if not fired:
            fired.append(True)

            def go() -> None:
                try:
                    outcome.append(rival())
                except Exception as exc:  # the rival's refusal is part of what the test checks
                    outcome.append(exc)

            t = threading.Thread(target=go)
            t.start()
            t.join(180)
        return p

    monkeypatch.setattr(projects, "_owned", owned)
    return outcome


def _completed_project(user_id: int) -> str:
    pid = projects.create_project(user_id=user_id, name="Demo", prompt="A task list", provider="scripted").id
    assert run_project(pid, roles=_pipeline()).status == "completed"
    return pid


def test_cancel_that_read_queued_while_a_worker_started_does_not_refund_a_run_that_completes(
        any_db: str, scripted: None, monkeypatch: pytest.MonkeyPatch) -> None:
    user = make_user("rita")
    pid = projects.create_project(user_id=user.id, name="Demo", prompt="A task list", provider="scripted").id
    gate, box = threading.Event(), {}

    def architect(ctx: RunContext) -> RoleResult:
        gate.wait(120)
        ctx.check_cancel()
        return RoleResult(files={"architecture.json": SPEC.model_dump_json()}, spec=SPEC, summary="spec")

    worker = threading.Thread(target=lambda: box.setdefault("out", run_project(pid, roles=_pipeline(architect))))

    def start_worker() -> None:
        worker.start()
        deadline = time.monotonic() + 120
        while _status(pid) != "running" and time.monotonic() < deadline:
            time.sleep(0.02)

    _rival_after_first_read(monkeypatch, start_worker)
    projects.cancel(pid, user_id=user.id)  # it read "queued"; the worker took the run meanwhile
    gate.set()
    worker.join(180)
    final = _status(pid)
    spent = 100 - _balance(user.id)
    assert (final, spent) in (("cancelled", 0), ("completed", 50)), (final, spent)
    assert box["out"].status == final


def test_two_follow_ups_at_once_charge_once(any_db: str, scripted: None, monkeypatch: pytest.MonkeyPatch) -> None:
    user = make_user("sam")
    pid = _completed_project(user.id)
    rival = _rival_after_first_read(
        monkeypatch, lambda: projects.start_followup(pid, user_id=user.id, instruction="add a due date"))
    with pytest.raises(ValidationError, match="Wait for the current generation"):
        projects.start_followup(pid, user_id=user.id, instruction="add a due date")
    assert rival[0].run == 2
    assert _balance(user.id) == 40
    view = projects.get_project(pid, user_id=user.id)
    assert (view.run, view.status, view.credits_charged) == (2, "queued", 60)


def test_delete_racing_a_follow_up_never_strands_its_charge(any_db: str, scripted: None,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    user = make_user("tom")
    pid = _completed_project(user.id)
    _rival_after_first_read(
        monkeypatch, lambda: projects.start_followup(pid, user_id=user.id, instruction="add a due date"))
    with pytest.raises(ValidationError, match="still generating"):
        projects.delete_project(pid, user_id=user.id)
    assert _status(pid) == "queued" and _balance(user.id) == 40
    jobs.fail_orphan(pid, "stopped")
    assert _balance(user.id) == 50


def test_resolving_a_review_twice_at_once_acts_once(any_db: str, scripted: None,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    user = make_user("uri")
    pid = _completed_project(user.id)
    projects.start_followup(pid, user_id=user.id, instruction="add a due date")
    with session_scope() as s:
        s.get(Project, pid).status = "needs_review"
    before = len(projects.list_snapshots(pid, user_id=user.id))
    rival = _rival_after_first_read(monkeypatch, lambda: projects.resolve_followup(pid, user_id=user.id, keep=False))
    with pytest.raises(ValidationError, match="no change waiting"):
        projects.resolve_followup(pid, user_id=user.id, keep=False)
    assert rival[0].status == "completed"
    assert len(projects.list_snapshots(pid, user_id=user.id)) == before + 1  # one restore, not two
    assert _balance(user.id) == 50
    assert projects.get_project(pid, user_id=user.id).credits_charged == 50


def test_a_run_the_sweep_already_failed_and_refunded_does_not_turn_completed(
        any_db: str, scripted: None) -> None:
    user = make_user("vic")
    pid = projects.create_project(user_id=user.id, name="Demo", prompt="A task list", provider="scripted").id

    def architect(ctx: RunContext) -> RoleResult:  # another replica's sweep judges this run dead
        jobs.fail_orphan(pid, "The server restarted during this generation; credits were refunded")
        return RoleResult(files={"architecture.json": SPEC.model_dump_json()}, spec=SPEC, summary="spec")

    out = run_project(pid, roles=_pipeline(architect))
    assert out.status == "failed" and _status(pid) == "failed"
    assert _balance(user.id) == 100  # refunded once, and the run did not deliver a completed project


def test_another_user_can_neither_read_nor_act_on_a_project(any_db: str, scripted: None) -> None:
    from core.errors import NotFoundError

    owner, other = make_user("wanda"), make_user("xavi")
    pid = _completed_project(owner.id)
    reads: list[Callable[[], Any]] = [
        lambda: projects.get_project(pid, user_id=other.id),
        lambda: projects.get_steps(pid, user_id=other.id),
        lambda: projects.get_files(pid, user_id=other.id),
        lambda: projects.get_files(pid, user_id=other.id, seq=1),
        lambda: projects.list_snapshots(pid, user_id=other.id),
        lambda: projects.diff_snapshots(pid, 1, 2, user_id=other.id),
        lambda: projects.get_test_output(pid, user_id=other.id),
        lambda: projects.get_audit_report(pid, user_id=other.id),
        lambda: projects.credits_spent(pid, user_id=other.id),
        lambda: projects.zip_project(pid, user_id=other.id),
        lambda: projects.export_history(pid, user_id=other.id),
        lambda: projects.push_project(pid, user_id=other.id, remote_url="https://example.invalid/r.git"),
        lambda: projects.save_edit(pid, user_id=other.id, path="README.md", content="mine"),
        lambda: projects.start_followup(pid, user_id=other.id, instruction="add a due date"),
        lambda: projects.resolve_followup(pid, user_id=other.id, keep=False),
        lambda: projects.cancel(pid, user_id=other.id),
        lambda: projects.delete_project(pid, user_id=other.id),
    ]
    for call in reads:
        with pytest.raises(NotFoundError):
            call()
    assert projects.get_files(pid, user_id=owner.id) and _balance(other.id) == 100 and _balance(owner.id) == 50
    assert len(projects.list_snapshots(pid, user_id=owner.id)) == 6


def test_starts_at_the_same_instant_respect_the_per_user_limit(any_db: str, scripted: None) -> None:
    user = make_user("max")
    with session_scope() as s:
        ledger.credit(session=s, user_id=user.id, amount=400, kind="grant", ref="test:topup")
    results = all_at_once(6, lambda i: projects.start_generation(user_id=user.id, name=f"p{i}",
                                                                 prompt="A blog with posts"), LimitExceededError)
    assert sorted(results) == ["ok"] * 2 + ["refused"] * 4  # the default limit is 2
    assert _balance(user.id) == 500 - 2 * 50


def test_cancel_while_the_tests_run_stops_them_and_refunds(any_db: str, scripted: None,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from core.config import get_settings
    from core.roles import tester

    monkeypatch.setenv("ALLOW_UNISOLATED_MODEL_CODE", "true")  # where bubblewrap is missing
    get_settings.cache_clear()
    token = "slow-" + secrets.token_hex(6)
    hang = (f"import subprocess\n\ndef test_slow():\n"
            f"    subprocess.run([{token!r}, '600'], executable='/usr/bin/sleep')\n")
    started = threading.Event()

    def run_tester(ctx: RunContext) -> RoleResult:
        started.set()
        return tester.run(ctx)

    base = _pipeline()
    roles = tuple(Role(r.name, r.title, r.needs, run_tester) if r.name == "tester" else
                  Role(r.name, r.title, r.needs, (lambda ctx: RoleResult(files={"tests/test_slow.py": hang},
                                                                         summary="tests")))
                  if r.name == "backend" else r for r in base)
    user = make_user("tess")
    pid = projects.create_project(user_id=user.id, name="Slow", prompt="A task list", provider="scripted").id
    box: dict[str, Any] = {}
    worker = threading.Thread(target=lambda: box.setdefault("out", run_project(pid, roles=roles)))
    worker.start()
    assert started.wait(120), "the tester never started"
    deadline = time.monotonic() + 120
    while not processes_with(token):  # the suite is sleeping inside the sandbox once its sleeper shows
        assert time.monotonic() < deadline and worker.is_alive(), "the suite never started"
        time.sleep(0.05)
    projects.cancel(pid, user_id=user.id)
    worker.join(180)
    assert not worker.is_alive(), "cancel did not stop the running tests"
    assert box["out"].status == "cancelled" and _status(pid) == "cancelled"
    assert _balance(user.id) == 100
