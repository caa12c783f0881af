"""Projects as the studio and the CLI use them: start, follow, inspect, edit, export, delete."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session

from core import ledger
from core.config import get_settings
from core.errors import LimitExceededError, NotFoundError, QueueUnavailableError, ValidationError
from core.files import check_files, path_problem
from core.logging import get_logger
from core.orchestrator import charge_ref
from core.providers import get_provider_class
from core.roles import ROLE_NAMES
from core.spec import AppSpec
from core.text import check_text
from core.versions import add_snapshot, diff_files, get_snapshots, push, snapshot_files, zip_bytes
from db.models import LedgerEntry, Project, Step, User, utcnow
from db.session import session_scope

log = get_logger("autocrea.projects")
ROLES = ROLE_NAMES
ACTIVE = ("queued", "running")
STATUSES = ("queued", "running", "completed", "failed", "cancelled", "unsupported", "needs_review")


@dataclass(frozen=True)
class ProjectView:
    """A project as the UI shows it."""

    id: str
    user_id: int | None
    name: str
    prompt: str
    provider: str
    model: str
    status: str
    error: str
    credits_charged: int
    run: int
    tests_passed: int
    tests_failed: int
    tests_ran: bool
    audit: dict[str, int]
    isolation: str
    created_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    preview_token: str
    spec: AppSpec | None
    instruction: str = ""
    base_seq: int = 0  # the snapshot the latest follow-up started from (0: the first run)

    @property
    def active(self) -> bool:
        """True while the job is queued or running."""
        return self.status in ACTIVE

    @classmethod
    def of(cls, p: Project) -> ProjectView:
        """Build from a Project row."""
        spec = AppSpec.model_validate_json(p.spec_json) if p.spec_json else None
        return cls(p.id, p.user_id, p.name, p.prompt, p.provider, p.model, p.status, p.error, p.credits_charged,
                   p.run, p.tests_passed, p.tests_failed, p.tests_ran,
                   {"high": p.audit_high, "medium": p.audit_medium, "low": p.audit_low}, p.isolation,
                   p.created_at, p.updated_at, p.finished_at, p.preview_token, spec, p.instruction,
                   p.base_seq or 0)


@dataclass(frozen=True)
class StepView:
    """One role's step as the UI shows it."""

    role: str
    status: str
    provider: str
    model: str
    summary: str
    output: str
    error: str
    seconds: float
    prompt_tokens: int
    completion_tokens: int
    tokens_estimated: bool
    started_at: datetime | None
    finished_at: datetime | None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SnapshotView:
    """One commit of a project's history."""

    seq: int
    role: str
    message: str
    created_at: datetime
    files: int


def _owned(s: Any, project_id: str, user_id: int | None) -> Project:
    p = s.get(Project, project_id)
    if p is None or (user_id is not None and p.user_id != user_id):
        raise NotFoundError("Project not found (it may have been deleted, or it belongs to another account)")
    return p


_NAME_STOP = re.compile(r"\s+(?:with|where|that|which|for|to|so|con|donde|que|para|y|and)\s+|[,.;:!?()\n]", re.I)
_ARTICLE = re.compile(r"^(?:an?|the|my|our|un|una|el|la|los|las|mi|nuestra?)\s+", re.I)


def name_from_prompt(prompt: str) -> str:
    """A short project name from the request: its opening noun phrase ("A task manager with..." -> "Task manager")."""
    head = _NAME_STOP.split(prompt.strip(), maxsplit=1)[0].strip()
    head = _ARTICLE.sub("", head).strip() or prompt.strip()
    words = head.split()[:6]
    name = " ".join(words)[:60].strip() or "My app"
    return name[0].upper() + name[1:]


def validate_request(name: str, prompt: str, provider: str) -> tuple[str, str]:
    """Refuse bad input before anything is charged; an empty name is taken from the prompt."""
    name, prompt = check_text(name.strip(), "Project name"), check_text(prompt.strip(), "Description", multiline=True)
    if not prompt:
        raise ValidationError("Describe your app: the description is empty")
    if not name:
        name = name_from_prompt(prompt)
    if len(name) > 100:
        raise ValidationError("Project name is too long: use at most 100 characters")
    limit = get_settings().max_prompt_chars
    if len(prompt) > limit:
        raise ValidationError(f"The description is too long: {len(prompt):,} characters, the limit is {limit:,}")
    get_provider_class(provider)
    return name, prompt


def _enqueue(project_id: str, run: int) -> None:
    """Hand the run to the job runner; when the queue refuses it, refund at once and say so."""
    from core.jobs import enqueue, fail_orphan, queue_down_message

    try:
        enqueue(project_id, run)
    except Exception as exc:  # Redis down, refused, timed out: the run must not stay charged and queued
        log.warning("enqueue_failed", project=project_id, run=run, error_type=type(exc).__name__)
        refunded = fail_orphan(project_id, "The job queue was unavailable; credits were refunded")
        raise QueueUnavailableError(queue_down_message(refunded)) from None


def create_project(*, user_id: int | None, name: str, prompt: str, provider: str = "offline",
                   cost: int | None = None) -> ProjectView:
    """Validate, pre-check offline reach, charge and store a queued project (without starting it)."""
    name, prompt = validate_request(name, prompt, provider)
    if get_provider_class(provider).is_offline:
        from core.engine import infer_spec

        infer_spec(prompt)  # declines out-of-reach requests before any charge
    cost = get_settings().generation_cost if cost is None else cost
    with session_scope() as s:
        if user_id is not None:
            # Write-lock the user's row first so two starts at once count each other (PostgreSQL row lock;
            # SQLite's single writer): count-then-insert alone lets both through.
            s.execute(update(User).where(User.id == user_id).values(id=User.id))
            active = s.scalar(select(func.count()).select_from(Project)
                              .where(Project.user_id == user_id, Project.status.in_(ACTIVE)))
            limit = get_settings().max_concurrent_jobs_per_user
            if active >= limit:
                raise LimitExceededError(f"You already have {active} generations running (limit {limit}); "
                                         "wait for one to finish or cancel it")
        p = Project(user_id=user_id, name=name, prompt=prompt, provider=provider, status="queued",
                    credits_charged=cost if user_id is not None else 0)
        s.add(p)
        s.flush()
        if user_id is not None and cost > 0:
            ledger.charge(session=s, user_id=user_id, amount=cost, ref=charge_ref(p.id, 1),
                          memo=f"Generation: {name}")
        return ProjectView.of(p)


def start_generation(*, user_id: int | None, name: str, prompt: str, provider: str = "offline") -> ProjectView:
    """Create, charge and enqueue a generation; returns at once (the job runs in the background)."""
    view = create_project(user_id=user_id, name=name, prompt=prompt, provider=provider)
    _enqueue(view.id, view.run)
    return view


def _net_credits(s: Session, rows: list[Project]) -> list[ProjectView]:
    """Views whose `credits_charged` is what each project cost net of refunds, read from the ledger."""
    owners = {p.user_id for p in rows if p.user_id is not None}
    if not owners:
        return [ProjectView.of(p) for p in rows]
    spent: dict[str, int] = {}
    refs = (or_(*[LedgerEntry.ref.like(f"project:{p.id}:run:%") for p in rows]) if len(rows) <= 20
            else LedgerEntry.ref.like("project:%:run:%"))
    entries = s.execute(select(LedgerEntry.ref, LedgerEntry.amount).where(LedgerEntry.user_id.in_(owners), refs))
    for ref, amount in entries:
        pid = ref.split(":")[1]
        spent[pid] = spent.get(pid, 0) - int(amount)
    return [replace(ProjectView.of(p), credits_charged=spent.get(p.id, 0)) if p.user_id is not None
            else ProjectView.of(p) for p in rows]


def get_project(project_id: str, *, user_id: int | None) -> ProjectView:
    """The project, or NotFoundError when it is not the user's (user_id None: any project)."""
    with session_scope() as s:
        return _net_credits(s, [_owned(s, project_id, user_id)])[0]


def list_projects(*, user_id: int, q: str = "", status: str = "") -> list[ProjectView]:
    """The user's projects, newest first, filtered by text and status."""
    query = select(Project).where(Project.user_id == user_id)
    if check_text(q.strip(), "Search"):
        like = f"%{q.strip().lower()}%"
        query = query.where(or_(func.lower(Project.name).like(like), func.lower(Project.prompt).like(like)))
    if status:
        query = query.where(Project.status == status)
    with session_scope() as s:
        return _net_credits(s, list(s.scalars(query.order_by(Project.created_at.desc()))))


def delete_project(project_id: str, *, user_id: int | None) -> None:
    """Delete a project and its history; the ledger keeps its entries."""
    with session_scope() as s:
        _owned(s, project_id, user_id)
        # Conditional: a follow-up started since the read above keeps the project (and its charge's owner).
        gone = s.execute(delete(Project).where(Project.id == project_id, Project.status.not_in(ACTIVE))
                         .execution_options(synchronize_session=False)).rowcount
        if not gone:
            raise ValidationError("This project is still generating: cancel it first")


def get_steps(project_id: str, *, user_id: int | None, run: int | None = None) -> list[StepView]:
    """The steps of a run (default: the latest), in pipeline order; `user_id` enforces ownership."""
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        rows = s.scalars(select(Step).where(Step.project_id == project_id, Step.run == (run or p.run))
                         .order_by(Step.position))
        return [StepView(st.role, st.status, st.provider, st.model, st.summary, st.output, st.error, st.seconds,
                         st.prompt_tokens, st.completion_tokens, st.tokens_estimated, st.started_at,
                         st.finished_at, json.loads(st.detail_json or "{}")) for st in rows]


def get_files(project_id: str, *, user_id: int | None, seq: int | None = None) -> dict[str, str]:
    """The project's files at snapshot `seq` (default: the newest); `user_id` enforces ownership."""
    with session_scope() as s:
        _owned(s, project_id, user_id)
        return snapshot_files(session=s, project_id=project_id, seq=seq)


def list_snapshots(project_id: str, *, user_id: int | None) -> list[SnapshotView]:
    """The project's history, oldest first; `user_id` enforces ownership."""
    with session_scope() as s:
        _owned(s, project_id, user_id)
        return [SnapshotView(sn.seq, sn.role, sn.message, sn.created_at, len(json.loads(sn.files_json)))
                for sn in get_snapshots(session=s, project_id=project_id)]


def diff_snapshots(project_id: str, a: int, b: int, *, user_id: int | None) -> str:
    """Unified diff from snapshot `a` to snapshot `b`; `user_id` enforces ownership."""
    return diff_files(get_files(project_id, user_id=user_id, seq=a), get_files(project_id, user_id=user_id, seq=b))


def save_edit(project_id: str, *, user_id: int | None, path: str, content: str) -> SnapshotView:
    """Save a user's edit of one file as a new snapshot."""
    reason = path_problem(path)
    if reason:
        raise ValidationError(f"Cannot save {path!r}: {reason}")
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        if p.status in ACTIVE:
            raise ValidationError("Wait for the generation to finish before editing")
        files = snapshot_files(session=s, project_id=project_id)
        if files.get(path) == content:
            raise ValidationError("No changes to save")
        files[path] = content
        files = check_files(files)
        sn = add_snapshot(session=s, project_id=project_id, role="user", message=f"Edit {path}", files=files)
        return SnapshotView(sn.seq, sn.role, sn.message, sn.created_at, len(files))


def _history(s: Any, project_id: str) -> list[tuple[str, str, dict[str, str]]]:
    return [(sn.role, sn.message, json.loads(sn.files_json)) for sn in get_snapshots(session=s, project_id=project_id)]


def zip_project(project_id: str, *, user_id: int | None) -> bytes:
    """The newest snapshot as a ZIP."""
    with session_scope() as s:
        _owned(s, project_id, user_id)
        files = snapshot_files(session=s, project_id=project_id)
    if not files:
        raise ValidationError("This project has no files yet")
    return zip_bytes(files)


def export_history(project_id: str, *, user_id: int | None) -> list[tuple[str, str, dict[str, str]]]:
    """Every snapshot as (role, message, files), for git export."""
    with session_scope() as s:
        _owned(s, project_id, user_id)
        return _history(s, project_id)


def push_project(project_id: str, *, user_id: int | None, remote_url: str, token: str = "") -> str:
    """Push the project's history to a git remote; returns the pushed commit."""
    history = export_history(project_id, user_id=user_id)
    if not history:
        raise ValidationError("This project has no files yet")
    return push(history, remote_url, token=token, allow_local=get_settings().allow_local_git_remotes)


def cancel(project_id: str, *, user_id: int | None) -> None:
    """Ask the running job to stop; a queued job that no worker has taken is cancelled (and refunded) at once."""
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        if p.status not in ACTIVE:
            raise ValidationError(f"Nothing to cancel: the project is {p.status}")
        run, owner = p.run, p.user_id
        # Conditional writes: a worker may take the run (or the run may end) between the read and the write;
        # only a run still queued is cancelled and refunded here, a running one is asked to stop.
        this_run = (Project.id == project_id, Project.run == run)
        queued = s.execute(update(Project).where(*this_run, Project.status == "queued")
                           .values(status="cancelled", error="Cancelled by the user", finished_at=utcnow(),
                                   cancel_requested=False)
                           .execution_options(synchronize_session=False)).rowcount == 1
        if queued:
            for st in s.scalars(select(Step).where(Step.project_id == project_id, Step.run == run)):
                st.status = "cancelled"
        elif not s.execute(update(Project).where(*this_run, Project.status.in_(ACTIVE))
                           .values(cancel_requested=True)
                           .execution_options(synchronize_session=False)).rowcount:
            raise ValidationError("Nothing to cancel: the generation has just finished")
    if queued and owner is not None:
        ledger.refund_once(charge_ref(project_id, run), memo="cancelled before it started")


def start_followup(project_id: str, *, user_id: int | None, instruction: str) -> ProjectView:
    """Charge a follow-up, start a new run of the affected roles and return at once."""
    instruction = check_text(instruction.strip(), "Instruction", multiline=True)
    if not instruction:
        raise ValidationError("Say what to improve, e.g. 'add a priority field to tasks'")
    if len(instruction) > get_settings().max_prompt_chars:
        raise ValidationError("The instruction is too long")
    cost = get_settings().followup_cost
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        if p.status in ACTIVE:
            raise ValidationError("Wait for the current generation to finish")
        if p.status == "needs_review":
            raise ValidationError("Keep or discard the last change before asking for another")
        if not p.spec_json:
            raise ValidationError("This project has no design to improve; generate it again")
        if get_provider_class(p.provider).is_offline:
            from core.engine import apply_followup

            apply_followup(AppSpec.model_validate_json(p.spec_json), instruction)  # refuse before charging
        snaps = get_snapshots(session=s, project_id=project_id)
        paid = cost if p.user_id is not None and cost > 0 else 0
        run = p.run + 1
        # Claim the next run with a conditional UPDATE: of two follow-ups (or a follow-up and a delete or
        # a review) racing past the checks above, one wins and the other is refused, never charged twice.
        claimed = s.execute(
            update(Project).where(Project.id == project_id, Project.run == p.run,
                                  Project.status.not_in((*ACTIVE, "needs_review")))
            .values(run=run, instruction=instruction, status="queued", error="", finished_at=None,
                    cancel_requested=False, base_seq=snaps[-1].seq if snaps else 0,
                    credits_charged=Project.credits_charged + paid)
            .execution_options(synchronize_session=False)).rowcount
        if not claimed:
            raise ValidationError("Wait for the current generation to finish")
        if paid:
            ledger.charge(session=s, user_id=p.user_id, amount=paid, ref=charge_ref(p.id, run),
                          memo=f"Follow-up: {instruction[:80]}")
        s.refresh(p)
        view = ProjectView.of(p)
    _enqueue(project_id, view.run)
    return view


def resolve_followup(project_id: str, *, user_id: int | None, keep: bool) -> ProjectView:
    """Keep a follow-up that broke the tests, or discard it (restores the previous snapshot and refunds)."""
    no_review = "There is no change waiting for review"
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        if p.status != "needs_review":
            raise ValidationError(no_review)
        run, owner, base_seq = p.run, p.user_id, p.base_seq
        # One decision per review: a second click (or tab) racing this one finds nothing to resolve.
        claimed = s.execute(update(Project).where(Project.id == project_id, Project.run == run,
                                                  Project.status == "needs_review")
                            .values(status="completed", **({} if keep else {"instruction": ""}))
                            .execution_options(synchronize_session=False)).rowcount
        if not claimed:
            raise ValidationError(no_review)
        if not keep:
            before = snapshot_files(session=s, project_id=project_id, seq=base_seq)
            add_snapshot(session=s, project_id=project_id, role="user",
                         message=f"Discard follow-up: restore snapshot {base_seq}", files=before)
            spec_file = before.get("architecture.json")
            if spec_file:
                spec_json = AppSpec.model_validate_json(spec_file).model_dump_json()
                s.execute(update(Project).where(Project.id == project_id).values(spec_json=spec_json)
                          .execution_options(synchronize_session=False))
    if not keep and owner is not None:
        refunded = ledger.refund_once(charge_ref(project_id, run), memo="Follow-up discarded")
        with session_scope() as s:
            s.execute(update(Project).where(Project.id == project_id)
                      .values(credits_charged=Project.credits_charged - refunded))
    return get_project(project_id, user_id=user_id)


def find_preview(token: str) -> tuple[Literal["ok", "expired", "missing"], str | None]:
    """('ok', preview.html) for a live token, ('expired', None) past its lifetime, ('missing', None) else."""
    if not token or len(token) > 64:
        return "missing", None
    with session_scope() as s:
        p = s.scalars(select(Project).where(Project.preview_token == token)).first()
        if p is None:
            return "missing", None
        expires = p.preview_expires_at
        if expires is None or _aware(expires) <= utcnow():
            return "expired", None
        html = snapshot_files(session=s, project_id=p.id).get("preview.html")
        return ("ok", html) if html is not None else ("missing", None)


def get_preview_html(token: str) -> str | None:
    """The generated preview.html of the project with this live preview token."""
    return find_preview(token)[1]


def preview_link(project_id: str, *, user_id: int | None) -> str:
    """The project's current preview token, its lifetime renewed: the owner is looking at it."""
    lifetime = timedelta(minutes=get_settings().preview_link_minutes)
    with session_scope() as s:
        p = _owned(s, project_id, user_id)
        now = utcnow()
        expires = _aware(p.preview_expires_at) if p.preview_expires_at else None
        if expires is None or expires < now + lifetime / 2:  # one write per half lifetime, not per rerun
            # updated_at kept: the sweep reads it as "queued since", and viewing is not a change.
            s.execute(update(Project).where(Project.id == project_id)
                      .values(preview_expires_at=now + lifetime, updated_at=Project.updated_at)
                      .execution_options(synchronize_session=False))
        return p.preview_token


def _aware(value: datetime) -> datetime:
    """SQLite returns naive datetimes: read them as UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def get_test_output(project_id: str, *, user_id: int | None) -> str:
    """The tester's output of the latest run ('' when the tests did not run); `user_id` enforces ownership."""
    tester = next((st for st in get_steps(project_id, user_id=user_id) if st.role == "tester"), None)
    return str(tester.detail.get("output", "")) if tester else ""


def get_audit_report(project_id: str, *, user_id: int | None) -> str:
    """SECURITY_AUDIT.md of the newest snapshot; `user_id` enforces ownership."""
    return get_files(project_id, user_id=user_id).get("SECURITY_AUDIT.md", "")


def credits_spent(project_id: str, *, user_id: int | None) -> int:
    """Net credits a project cost (charges minus refunds); `user_id` enforces ownership."""
    with session_scope() as s:
        refs = [charge_ref(project_id, r) for r in range(1, (_owned(s, project_id, user_id).run or 1) + 1)]
        total = s.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0)).where(LedgerEntry.ref.in_(refs)))
        return -int(total)
