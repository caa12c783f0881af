"""Background runner: generations never run inside a Streamlit script run.

One machine: a bounded in-process thread pool. Several machines (`REDIS_URL` set): an RQ queue
that `python -m core worker` processes take jobs from. Either way all job state lives in the
database, so a refresh, another tab or another replica sees the same progress. At start-up
`reconcile` re-queues jobs that never started and fails (and refunds) the ones a dead process
left running; a worker claims a queued run atomically, so a job enqueued twice runs once.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update

from core.config import get_settings
from core.logging import get_logger
from db.models import Project, Step, utcnow
from db.session import session_scope

log = get_logger("autocrea.jobs")
STALE_AFTER = timedelta(minutes=3)
# Far above any real run (roles x provider budget + tests); RQ kills a job past it and the sweep
# then fails and refunds the run once its heartbeat is stale.
JOB_TIMEOUT = 3600


class Runner:
    """A bounded pool of generation workers."""

    def __init__(self, workers: int, sweep_seconds: float = 60.0) -> None:
        self.pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="autocrea-job")
        self.futures: dict[str, Future[object]] = {}
        self.lock = threading.Lock()
        self._stop = threading.Event()
        # A run whose worker died while this server kept going is only noticed by a periodic sweep.
        self._sweeper = threading.Thread(target=self._sweep, args=(sweep_seconds,), daemon=True,
                                         name="autocrea-sweeper")
        self._sweeper.start()

    def _sweep(self, every: float) -> None:
        while not self._stop.wait(every):
            try:
                reconcile(requeue=False)
            except Exception:  # the sweep must outlive a database hiccup
                log.warning("sweep_failed", exc_info=True)

    def submit(self, project_id: str) -> Future[object]:
        """Queue the project's current run."""
        fut = self.pool.submit(_run_guarded, project_id)
        with self.lock:
            self.futures[project_id] = fut
        # Outside the lock: a future that is already done runs its callback right here.
        fut.add_done_callback(lambda f: self._forget(project_id, f))
        return fut

    def _forget(self, project_id: str, fut: Future[object]) -> None:
        with self.lock:
            if self.futures.get(project_id) is fut:
                del self.futures[project_id]

    def running(self) -> set[str]:
        """Project ids this process is working on."""
        with self.lock:
            return set(self.futures)

    def shutdown(self, wait: bool = False) -> None:
        """Stop accepting work."""
        self._stop.set()
        self.pool.shutdown(wait=wait, cancel_futures=True)


_runner: Runner | None = None
_runner_lock = threading.Lock()


def _run_guarded(project_id: str) -> object:
    """Run a project; a crash fails it and refunds instead of leaving it running."""
    from core.orchestrator import run_project

    try:
        return run_project(project_id)
    except Exception:
        log.exception("job_crashed", project=project_id)
        fail_orphan(project_id, "The generation stopped unexpectedly; credits were refunded")
        raise


def run_job(project_id: str) -> str:
    """A queue worker's entry point: claim the queued run, then run it (a duplicate does nothing)."""
    with session_scope() as s:
        claimed = s.execute(update(Project).where(Project.id == project_id, Project.status == "queued")
                            .values(status="running", heartbeat_at=utcnow())).rowcount
    if not claimed:
        log.info("job_not_queued", project=project_id)
        return "skipped"
    outcome = _run_guarded(project_id)
    return str(getattr(outcome, "status", ""))


def get_queue() -> Any:
    """The RQ queue on REDIS_URL (only when it is set)."""
    from redis import Redis
    from rq import Queue

    settings = get_settings()
    return Queue(settings.redis_queue, connection=Redis.from_url(settings.redis_url), default_timeout=JOB_TIMEOUT)


def enqueue(project_id: str) -> None:
    """Start a project's run: on the RQ queue when REDIS_URL is set, else in this process."""
    if get_settings().redis_url:
        get_queue().enqueue(run_job, project_id, description=f"generation {project_id}")
    else:
        get_runner().submit(project_id)


def get_runner() -> Runner:
    """The process-wide runner, created on first use."""
    global _runner
    with _runner_lock:
        if _runner is None:
            _runner = Runner(get_settings().worker_threads)
        return _runner


def shutdown() -> None:
    """Stop the runner (tests and server shutdown)."""
    global _runner
    with _runner_lock:
        if _runner is not None:
            _runner.shutdown()
            _runner = None


def fail_orphan(project_id: str, message: str) -> None:
    """Mark a run that cannot finish as failed and refund it exactly once."""
    from core import ledger
    from core.orchestrator import charge_ref

    with session_scope() as s:
        p = s.get(Project, project_id)
        if p is None or p.status not in ("queued", "running"):
            return
        # Conditional: the run may have ended (and settled its credits) since the read above.
        if not s.execute(update(Project).where(Project.id == project_id, Project.run == p.run,
                                               Project.status.in_(("queued", "running")))
                         .values(status="failed", error=message, finished_at=utcnow())
                         .execution_options(synchronize_session=False)).rowcount:
            return
        for st in s.scalars(select(Step).where(Step.project_id == project_id, Step.run == p.run,
                                               Step.status.in_(("pending", "running")))):
            st.status, st.error = "failed" if st.status == "running" else "skipped", message
        run, user_id = p.run, p.user_id
    if user_id is not None:
        ledger.refund_once(charge_ref(project_id, run), memo=message)


def reconcile(*, requeue: bool = True) -> dict[str, int]:
    """Fail runs whose worker died (stale heartbeat) and re-queue runs that never started."""
    cutoff = utcnow() - STALE_AFTER
    mine = _runner.running() if _runner else set()
    stale, queued = [], []
    with session_scope() as s:
        for p in s.scalars(select(Project).where(Project.status.in_(("queued", "running")))):
            if p.id in mine:
                continue
            beat = p.heartbeat_at
            if beat is not None and beat.tzinfo is None:
                beat = beat.replace(tzinfo=cutoff.tzinfo)
            if p.status == "running" and (beat is None or beat < cutoff):
                stale.append(p.id)
            elif p.status == "queued":
                queued.append(p.id)
    for pid in stale:
        fail_orphan(pid, "The server restarted during this generation; credits were refunded")
    if requeue:
        for pid in queued:
            enqueue(pid)
    if stale or queued:
        log.info("jobs_reconciled", failed=len(stale), requeued=len(queued))
    return {"failed": len(stale), "requeued": len(queued) if requeue else 0}
