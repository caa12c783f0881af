"""The role graph: independent roles overlap, every step is persisted, failures and cancels refund once."""

from __future__ import annotations

import threading
import time
from typing import ClassVar

import pytest

from core import ledger, projects
from core.orchestrator import run_project
from core.providers import REGISTRY
from core.providers.base import BaseProvider
from core.roles import PIPELINE, Role, RoleResult, RunContext
from core.spec import AppSpec, EntitySpec, FieldSpec
from db.session import session_scope
from tests.factories import make_user

SPEC = AppSpec(name="demo", entities=[EntitySpec(name="Task", fields=[FieldSpec(name="title")])])


def _architect(ctx: RunContext) -> RoleResult:
    return RoleResult(files={"architecture.json": SPEC.model_dump_json()}, spec=SPEC, summary="spec")


def _quick(name: str):  # noqa: ANN202 - a role function
    def run(ctx: RunContext) -> RoleResult:
        return RoleResult(files={f"{name}.txt": name}, summary=f"{name} done")
    return run


def _pipeline(**overrides) -> tuple[Role, ...]:  # noqa: ANN003
    fns = {"architect": _architect, **{r.name: _quick(r.name) for r in PIPELINE[1:]}, **overrides}
    return tuple(Role(r.name, r.title, r.needs, fns[r.name]) for r in PIPELINE)


class ScriptedProvider(BaseProvider):
    """A provider for tests whose roles are scripted; it is never asked for text."""

    name: ClassVar[str] = "scripted"
    label: ClassVar[str] = "Scripted"
    needs_key: ClassVar[bool] = False
    model = "scripted-1"


def _project(user_id: int | None) -> str:
    return projects.create_project(user_id=user_id, name="Demo", prompt="A task list", provider="scripted").id


@pytest.fixture
def no_precheck(monkeypatch: pytest.MonkeyPatch) -> None:
    """Register the scripted provider through the real registry (undone after the test)."""
    monkeypatch.setitem(REGISTRY, "scripted", ScriptedProvider)


def test_independent_roles_overlap(db: str, no_precheck: None) -> None:
    barrier = threading.Barrier(3, timeout=120)
    spans: dict[str, tuple[float, float]] = {}

    def slow(name: str):  # noqa: ANN202
        def run(ctx: RunContext) -> RoleResult:
            start = time.monotonic()
            barrier.wait()  # only passes when backend, frontend and devops are running at the same time
            time.sleep(0.3)
            spans[name] = (start, time.monotonic())
            return RoleResult(files={f"{name}.txt": name}, summary=name)
        return run

    pid = _project(None)
    outcome = run_project(pid, roles=_pipeline(backend=slow("backend"), frontend=slow("frontend"),
                                               devops=slow("devops")))
    assert outcome.status == "completed", outcome.error
    starts = [s for s, _ in spans.values()]
    ends = [e for _, e in spans.values()]
    assert max(starts) < min(ends)  # every builder started before any finished
    assert [s.status for s in projects.get_steps(pid, user_id=None)] == ["completed"] * 6


def test_steps_and_snapshots_are_persisted_in_order(db: str, no_precheck: None) -> None:
    pid = _project(None)
    events: list[tuple[str, str]] = []
    run_project(pid, roles=_pipeline(), on_event=lambda e: events.append((e.kind, e.role)))
    steps = projects.get_steps(pid, user_id=None)
    assert [s.role for s in steps] == list(projects.ROLES)
    assert all(s.started_at and s.finished_at for s in steps)
    snaps = projects.list_snapshots(pid, user_id=None)
    assert len(snaps) == 6 and snaps[0].role == "architect" and snaps[-1].role == "tester"
    assert set(projects.get_files(pid, user_id=None)) >= {"architecture.json", "backend.txt", "frontend.txt",
                                                         "devops.txt"}
    assert ("started", "architect") in events and ("finished", "tester") in events


def test_failed_role_refunds_exactly_once(db: str, no_precheck: None) -> None:
    user = make_user("rita")

    def boom(ctx: RunContext) -> RoleResult:
        raise RuntimeError("disk on fire")

    pid = _project(user.id)
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user.id) == 50
    outcome = run_project(pid, roles=_pipeline(frontend=boom))
    assert outcome.status == "failed" and "disk on fire" in outcome.error
    steps = {s.role: s for s in projects.get_steps(pid, user_id=None)}
    assert steps["frontend"].status == "failed"
    assert steps["security"].status == "skipped" and steps["tester"].status == "skipped"
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user.id) == 100
        assert ledger.ledger_sum(session=s, user_id=user.id) == 100
    assert ledger.refund_once(f"project:{pid}:run:1") == 0


def test_cancel_during_a_step(db: str, no_precheck: None) -> None:
    user = make_user("sam")
    pid = _project(user.id)
    started = threading.Event()

    def waiting(ctx: RunContext) -> RoleResult:
        started.set()
        for _ in range(2400):  # up to 2 minutes: the cancel must stop it long before
            ctx.check_cancel()
            time.sleep(0.05)
        return RoleResult(summary="never")

    thread = threading.Thread(target=lambda: run_project(pid, roles=_pipeline(backend=waiting)))
    thread.start()
    assert started.wait(120)
    projects.cancel(pid, user_id=user.id)
    thread.join(120)
    view = projects.get_project(pid, user_id=user.id)
    assert view.status == "cancelled"
    assert {s.role: s.status for s in projects.get_steps(pid, user_id=None)}["backend"] == "cancelled"
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user.id) == 100


def test_other_users_cannot_see_a_project(db: str, no_precheck: None) -> None:
    from core.errors import NotFoundError

    owner, other = make_user("olga"), make_user("oscar")
    pid = _project(owner.id)
    with pytest.raises(NotFoundError):
        projects.get_project(pid, user_id=other.id)
    with pytest.raises(NotFoundError):
        projects.zip_project(pid, user_id=other.id)
    with pytest.raises(NotFoundError):
        projects.cancel(pid, user_id=other.id)
