"""Runs the role graph for one project run: independent roles concurrently, every step persisted.

A run loads the project's last snapshot, runs each role once the roles it needs are done,
merges each role's files under a lock, writes one snapshot per finished role and records the
step as it starts, streams and ends. Failure or cancel refunds the run's credits exactly once.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select, update

from core import ledger
from core.config import get_settings
from core.errors import AutocreaError, CancelledError, ProviderError, UnsupportedRequestError
from core.logging import get_logger
from core.providers import get_provider
from core.providers.base import BaseProvider, ProviderOptions
from core.providers.plain import describe_failure
from core.roles import PIPELINE, Role, RoleResult, RunContext
from core.spec import AppSpec
from core.versions import add_snapshot, snapshot_files
from db.models import Project, Step, User, utcnow
from db.session import session_scope

log = get_logger("autocrea.orchestrator")
TERMINAL = ("completed", "failed", "cancelled", "unsupported", "needs_review")


@dataclass
class Event:
    """A step event as the CLI and the UI render it."""

    kind: str  # started | output | finished | failed | skipped | cancelled
    role: str
    summary: str = ""
    seconds: float = 0.0
    error: str = ""
    data: dict[str, Any] = field(default_factory=dict)


@dataclass
class Outcome:
    """How a run ended."""

    project_id: str
    status: str
    error: str = ""
    files: dict[str, str] = field(default_factory=dict)
    tests: dict[str, int] = field(default_factory=lambda: {"passed": 0, "failed": 0})
    audit: dict[str, int] = field(default_factory=lambda: {"high": 0, "medium": 0, "low": 0})
    isolation: str = ""
    seconds: float = 0.0
    exit_code: int = 0


def charge_ref(project_id: str, run: int) -> str:
    """The ledger reference of a project's run (charge and refund share it)."""
    return f"project:{project_id}:run:{run}"


def build_provider(name: str, user_id: int | None) -> BaseProvider:
    """The provider for a run: the user's own key first, then the server's settings."""
    from core import providers

    builder = getattr(providers, "build_provider", None)
    if builder is not None:
        return builder(name, user_id=user_id)
    return get_provider(name)


class _AlreadyFinished(Exception):
    """The run ended (e.g. was cancelled) before a worker took it."""


class _Run:
    """State of one executing run (one instance a run, used from several threads)."""

    def __init__(self, project_id: str, on_event: Callable[[Event], None] | None, roles: tuple[Role, ...]):
        self.project_id, self.on_event, self.roles = project_id, on_event, roles
        self.lock = threading.Lock()
        self.abort = threading.Event()
        self._cancel_checked = 0.0
        self._out_buf: dict[str, list[str]] = {}
        self._out_flushed: dict[str, float] = {}
        self._role_started: dict[str, float] = {}

    # --- persistence -------------------------------------------------------
    def _emit(self, event: Event) -> None:
        if self.on_event:
            try:
                self.on_event(event)
            except Exception:  # a renderer must never break a generation
                log.exception("event_callback_failed", role=event.role)

    def _update_step(self, role: str, **values: Any) -> None:
        with session_scope() as s:
            step = s.scalars(select(Step).where(Step.project_id == self.project_id, Step.run == self.run,
                                                Step.role == role)).one()
            for k, v in values.items():
                # Model text may hold NUL bytes, which PostgreSQL text columns reject.
                setattr(step, k, v.replace("\x00", "") if isinstance(v, str) else v)
            s.get(Project, self.project_id).heartbeat_at = utcnow()

    def check_cancel(self) -> None:
        """Raise CancelledError when the owner cancelled or another role failed."""
        if self.abort.is_set():
            raise CancelledError("stopped because another step failed")
        now = time.monotonic()
        if now - self._cancel_checked < 0.3:
            return
        self._cancel_checked = now
        with session_scope() as s:
            project = s.get(Project, self.project_id)
            if project is None or project.status != "running" or project.run != self.run:
                raise CancelledError("Stopped: this run was ended elsewhere")
            project.heartbeat_at = utcnow()
            if project.cancel_requested:
                raise CancelledError("Cancelled by the user")

    def output(self, role: str, text: str) -> None:
        """Append live output to a step (flushed to the database at most twice a second)."""
        buf = self._out_buf.setdefault(role, [])
        buf.append(text)
        self._emit(Event("output", role, data={"text": text}))
        if time.monotonic() - self._out_flushed.get(role, 0) > 0.5:
            self._flush_output(role)

    def _flush_output(self, role: str) -> None:
        text = "".join(self._out_buf.get(role, []))
        self._out_flushed[role] = time.monotonic()
        self._update_step(role, output=text[-20000:])

    # --- the run -----------------------------------------------------------
    def load(self) -> None:
        with session_scope() as s:
            p = s.get(Project, self.project_id)
            if p is None:
                raise AutocreaError(f"No project {self.project_id}")
            if p.status not in ("queued", "running"):
                raise _AlreadyFinished(p.status)
            # Conditional: a cancel (or the sweep) may end the run between the read above and this write.
            if not s.execute(update(Project).where(Project.id == self.project_id, Project.run == p.run,
                                                   Project.status.in_(("queued", "running")))
                             .values(status="running", heartbeat_at=utcnow(), error="")
                             .execution_options(synchronize_session=False)).rowcount:
                s.refresh(p)
                raise _AlreadyFinished(p.status)
            self.run, self.user_id, self.prompt = p.run, p.user_id, p.prompt
            self.instruction, self.provider_name = p.instruction, p.provider
            self.spec = AppSpec.model_validate_json(p.spec_json) if p.spec_json else None
            self.files = snapshot_files(session=s, project_id=self.project_id)
            existing = {st.role for st in s.scalars(select(Step).where(
                Step.project_id == self.project_id, Step.run == self.run))}
            for i, role in enumerate(self.roles):
                if role.name not in existing:
                    s.add(Step(project_id=self.project_id, run=self.run, position=i, role=role.name,
                               detail_json=json.dumps(self._asked())))
        self.base_files, self.base_spec = dict(self.files), self.spec
        self.details: dict[str, dict[str, Any]] = {}
        self.shared: dict[str, Any] = {"base_spec": self.base_spec, "user_id": self.user_id,
                                       "provider_name": self.provider_name, "fallbacks": []}

    def _fallbacks(self) -> list[BaseProvider]:
        """The fallback provider (user preference, then settings), when one is set and usable."""
        name = get_settings().fallback_provider
        if self.user_id is not None:
            with session_scope() as s:
                user = s.get(User, self.user_id)
                name = (user.fallback_provider if user else "") or name
        if not name or name == self.provider_name or self.provider.is_offline:
            return []
        try:
            fallback = build_provider(name, self.user_id)
        except AutocreaError as exc:
            log.warning("fallback_unavailable", provider=name, error=str(exc))
            return []
        return [] if fallback.is_offline else [fallback]

    def context(self, role: Role) -> RunContext:
        with self.lock:
            files = dict(self.files)
            spec = self.spec
        return RunContext(project_id=self.project_id, run=self.run, prompt=self.prompt,
                          provider=self.provider, options=self.options, files=files, spec=spec,
                          instruction=self.instruction, base_files=self.base_files,
                          check_cancel=self.check_cancel,
                          emit_output=lambda text, r=role.name: self.output(r, text + "\n"),
                          stream=lambda chunk, r=role.name: self.output(r, chunk), shared=self.shared)

    def _asked(self) -> dict[str, str]:
        """What a follow-up run was asked, kept on its steps so the conversation can show every request."""
        return {"instruction": self.instruction} if self.instruction else {}

    def run_role(self, role: Role) -> tuple[RoleResult, float]:
        self.check_cancel()
        self._update_step(role.name, status="running", started_at=utcnow(), provider=self.provider.name,
                          model=self.provider.model)
        self._emit(Event("started", role.name))
        started = self._role_started[role.name] = time.monotonic()
        result = role.run(self.context(role))
        return result, time.monotonic() - started

    def finish_role(self, role: Role, result: RoleResult, seconds: float) -> None:
        with self.lock:
            if result.spec is not None:
                self.spec = result.spec
            merged = {**self.files, **result.files}
            for gone in result.deleted:
                merged.pop(gone, None)
            self.files = merged
            self.details[role.name] = result.detail
            status = "skipped" if result.skipped else "completed"
            with session_scope() as s:
                if result.spec is not None:
                    s.get(Project, self.project_id).spec_json = result.spec.model_dump_json()
                if not result.skipped:
                    add_snapshot(session=s, project_id=self.project_id, role=role.name,
                                 message=result.summary or role.title, files=merged)
        self._flush_output(role.name)
        usage = result.usage
        self._update_step(role.name, status=status, summary=result.summary, finished_at=utcnow(),
                          seconds=round(seconds, 3), model=result.model or self.provider.model,
                          prompt_tokens=usage.prompt_tokens, completion_tokens=usage.completion_tokens,
                          tokens_estimated=usage.estimated,
                          detail_json=json.dumps({**self._asked(), **result.detail}, default=str))
        self._emit(Event("skipped" if result.skipped else "finished", role.name, summary=result.summary,
                         seconds=seconds, data={"files": sorted(result.files)}))

    def execute(self) -> Outcome:
        started = time.monotonic()
        try:
            self.load()
        except _AlreadyFinished as done:  # cancelled while queued: nothing to run, nothing to refund again
            return Outcome(project_id=self.project_id, status=str(done), exit_code=0 if str(done) == "completed" else 1)
        settings = get_settings()
        self.options = ProviderOptions(timeout=settings.provider_timeout_seconds,
                                       budget=settings.provider_budget_seconds)
        failure: BaseException | None = None
        try:
            self.provider = build_provider(self.provider_name, self.user_id)
            self.options = self.provider.tune(self.options)
            self.shared["fallbacks"] = self._fallbacks()
        except AutocreaError as exc:
            failure = exc
        done: set[str] = set()
        running: dict[Future[tuple[RoleResult, float]], Role] = {}
        pending = list(self.roles) if failure is None else []
        with ThreadPoolExecutor(max_workers=3, thread_name_prefix=f"gen-{self.project_id[:6]}") as pool:
            while pending or running:
                if failure is None:
                    for role in [r for r in pending if set(r.needs) <= done]:
                        pending.remove(role)
                        running[pool.submit(self.run_role, role)] = role
                if not running:
                    break
                finished, _ = wait(running, return_when=FIRST_COMPLETED)
                for fut in finished:
                    role = running.pop(fut)
                    try:
                        result, seconds = fut.result()
                        self.finish_role(role, result, seconds)
                        done.add(role.name)
                    except BaseException as exc:  # recorded on the step, then the run stops
                        self.fail_role(role, exc)
                        if failure is None or isinstance(failure, CancelledError):
                            failure = exc if not (failure and isinstance(exc, CancelledError)) else failure
                        self.abort.set()
        return self.conclude(failure, time.monotonic() - started)

    def fail_role(self, role: Role, exc: BaseException) -> None:
        cancelled = isinstance(exc, CancelledError)
        message = self.failure_text(exc)
        if not isinstance(exc, AutocreaError):
            log.error("role_crashed", project=self.project_id, role=role.name, error=message,
                      exc_info=(type(exc), exc, exc.__traceback__))
            message = f"{role.title} crashed: {message}"
        if role.name in self._out_buf:
            self._flush_output(role.name)
        started = self._role_started.get(role.name)
        seconds = round(time.monotonic() - started, 3) if started is not None else 0.0
        self._update_step(role.name, status="cancelled" if cancelled else "failed", error=message,
                          finished_at=utcnow(), seconds=seconds)
        self._emit(Event("cancelled" if cancelled else "failed", role.name, error=message))

    def failure_text(self, exc: BaseException) -> str:
        """What the person reads: a provider failure in plain words (naming the model), else the error."""
        if isinstance(exc, ProviderError):
            provider = getattr(self, "provider", None)
            model = provider.model if provider is not None and provider.name == exc.provider else ""
            return describe_failure(exc, model)
        return str(exc) or type(exc).__name__

    def conclude(self, failure: BaseException | None, seconds: float) -> Outcome:
        tester = self.details.get("tester", {})
        raw = tester.get("tests", {})
        tests = {"passed": int(raw.get("passed", 0)), "failed": int(raw.get("failed", 0)) + int(raw.get("errors", 0))}
        ran = bool(raw.get("ran", False))
        audit = {"high": 0, "medium": 0, "low": 0, **self.details.get("security", {}).get("audit", {})}
        status, error, code = _verdict(failure, followup=bool(self.instruction), tests=tests, ran=ran)
        if isinstance(failure, ProviderError):
            error = self.failure_text(failure)
        error = error.replace("\x00", "")
        with session_scope() as s:
            p = s.get(Project, self.project_id)
            # Conditional: when the sweep ended this run first (and refunded it), that ending stands and
            # this run changes nothing more; a run is ended, and settled, exactly once.
            ended = p is not None and bool(s.execute(
                update(Project).where(Project.id == self.project_id, Project.run == self.run,
                                      Project.status == "running")
                .values(status=status, error=error, finished_at=utcnow(), cancel_requested=False)
                .execution_options(synchronize_session=False)).rowcount)
            if not ended:
                if p is not None:
                    s.refresh(p)
                status, error = (p.status, p.error) if p is not None else ("failed", "The project was deleted")
                log.warning("run_ended_elsewhere", project=self.project_id, run=self.run, status=status)
                return Outcome(project_id=self.project_id, status=status, error=error, files=dict(self.files),
                               seconds=seconds, exit_code=0 if status == "completed" else 1)
            for st in s.scalars(select(Step).where(Step.project_id == self.project_id, Step.run == self.run,
                                                   Step.status.in_(("pending", "running")))):
                st.status = "cancelled" if status == "cancelled" else "skipped"
                if st.status == "skipped" and failure is not None:
                    st.error = "Not run: an earlier step failed"
            if raw:
                p.tests_passed, p.tests_failed, p.tests_ran = tests["passed"], tests["failed"], ran
            p.audit_high, p.audit_medium, p.audit_low = audit["high"], audit["medium"], audit["low"]
            p.isolation = tester.get("isolation", p.isolation)
            if hasattr(self, "provider"):
                p.model = self.provider.model
        if failure is not None and self.user_id is not None:
            memo = f"{status}: {error[:200]}"
            refunded = ledger.refund_once(charge_ref(self.project_id, self.run), memo=memo)
            log.info("run_refunded", project=self.project_id, run=self.run, credits=refunded)
        log.info("run_finished", project=self.project_id, run=self.run, status=status, seconds=round(seconds, 2))
        return Outcome(project_id=self.project_id, status=status, error=error, files=dict(self.files),
                       tests=tests, audit=audit, isolation=tester.get("isolation", ""), seconds=seconds,
                       exit_code=code)


def _verdict(failure: BaseException | None, *, followup: bool, tests: dict[str, int],
             ran: bool) -> tuple[str, str, int]:
    """(status, error, exit code) of a run; a follow-up that breaks the tests needs the user's review."""
    if failure is None:
        broken = tests["failed"] > 0 or not ran
        return ("needs_review" if followup and broken else "completed"), "", 0
    if isinstance(failure, CancelledError):
        return "cancelled", str(failure), 1
    if isinstance(failure, UnsupportedRequestError):
        return "unsupported", str(failure), failure.exit_code
    code = failure.exit_code if isinstance(failure, AutocreaError) else 1
    return "failed", str(failure) or type(failure).__name__, code


def run_project(project_id: str, *, on_event: Callable[[Event], None] | None = None,
                roles: tuple[Role, ...] = PIPELINE) -> Outcome:
    """Run the project's current run to the end and return how it ended."""
    return _Run(project_id, on_event, roles).execute()
