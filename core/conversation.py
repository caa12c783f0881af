"""A project's conversation: the prompt, then each follow-up with what came of it and what it cost."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import func, select

from core.orchestrator import charge_ref
from core.projects import _owned
from db.models import LedgerEntry, Step
from db.session import session_scope


@dataclass(frozen=True)
class Turn:
    """One request of the thread and its outcome."""

    run: int
    request: str  # the prompt (run 1) or the follow-up instruction
    status: str  # completed, failed, cancelled, or running for the run in progress
    outcome: str  # what the run did (the architect's summary) or why it stopped
    credits: int  # net of refunds


def _run_status(steps: list[Step]) -> str:
    states = {s.status for s in steps}
    if states & {"running", "pending"}:
        return "running"
    for state in ("failed", "cancelled"):
        if state in states:
            return state
    return "completed"


def _outcome(steps: list[Step]) -> str:
    failed = next((s for s in steps if s.status in ("failed", "cancelled") and s.error), None)
    if failed is not None:
        return failed.error
    changed = next((s for s in steps if s.status == "completed" and s.summary), None)
    return changed.summary if changed else ""


def get_thread(project_id: str, *, user_id: int | None) -> list[Turn]:
    """Every request made of this project, oldest first (the latest run included); `user_id` enforces ownership."""
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        rows = list(s.scalars(select(Step).where(Step.project_id == project_id).order_by(Step.run, Step.position)))
        refs = [charge_ref(project_id, r) for r in range(1, (p.run or 1) + 1)]
        spent = dict(s.execute(select(LedgerEntry.ref, func.sum(LedgerEntry.amount))
                               .where(LedgerEntry.ref.in_(refs)).group_by(LedgerEntry.ref)).all())
        turns = []
        for run in range(1, (p.run or 1) + 1):
            steps = [st for st in rows if st.run == run]
            if run == 1:
                request = p.prompt
            else:
                recorded = (json.loads(st.detail_json or "{}").get("instruction", "") for st in steps)
                request = next((r for r in recorded if r), "") or (p.instruction if run == p.run else "")
            turns.append(Turn(run, request, _run_status(steps) if steps else p.status, _outcome(steps),
                              -int(spent.get(charge_ref(project_id, run)) or 0)))
        return turns
