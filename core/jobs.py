"""Background runner: generations never run inside a Streamlit script run.

One machine: a bounded in-process thread pool. Several machines (`REDIS_URL` set): an RQ queue
that `python -m core worker` processes take jobs from. Either way all job state lives in the
database, so a refresh, another tab or another replica sees the same progress. At start-up
`reconcile` re-queues jobs that never started and fails (and refunds) the ones a dead process
left running; every minute the sweep does the same for dead workers, re-queues runs the Redis queue
lost, and refunds runs the queue refuses or no worker starts in time. A worker claims a queued run
atomically, so a job enqueued twice runs once.
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select, update

from core.config import get_settings
from core.logging import get_logger
from db.models import Project, Step, utcnow
from db.session import session_scope

log = get_logger("autocrea.jobs")
STALE_AFTER = timedelta(minutes=3)
# A queued run younger than this may be between its charge and its enqueue; the sweep leaves it be.
QUEUE_GRACE = timedelta(minutes=2)
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
    # A connect timeout: an unreachable host must fail a start (and refund it) in seconds, not hang the page.
    connection = Redis.from_url(settings.redis_url, socket_connect_timeout=5)
    return Queue(settings.redis_queue, connection=connection, default_timeout=JOB_TIMEOUT)


def job_id(project_id: str, run: int) -> str:
    """The RQ job id of a project's run, so the sweep can tell whether the queue still holds it."""
    return f"gen-{project_id}-{run}"


def enqueue(project_id: str, run: int = 1) -> None:
    """Start a project's run: on the RQ queue when REDIS_URL is set, else in this process."""
    if get_settings().redis_url:
        get_queue().enqueue(run_job, project_id, job_id=job_id(project_id, run),
                            description=f"generation {project_id}")
    else:
        get_runner().submit(project_id)


def _in_queue(project_id: str, run: int) -> bool:
    """True when the RQ queue holds the run's job, waiting or started (False when Redis cannot say)."""
    from redis.exceptions import RedisError
    from rq.exceptions import NoSuchJobError
    from rq.job import Job, JobStatus

    try:
        job = Job.fetch(job_id(project_id, run), connection=get_queue().connection)
        return job.get_status() in (JobStatus.QUEUED, JobStatus.STARTED, JobStatus.DEFERRED, JobStatus.SCHEDULED)
    except (NoSuchJobError, RedisError, OSError):
        return False


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


def fail_orphan(project_id: str, message: str) -> int:
    """Mark a run that cannot finish as failed and refund it exactly once; the credits refunded."""
    from core import ledger
    from core.orchestrator import charge_ref

    with session_scope() as s:
        p = s.get(Project, project_id)
        if p is None or p.status not in ("queued", "running"):
            return 0
        # Conditional: the run may have ended (and settled its credits) since the read above.
        if not s.execute(update(Project).where(Project.id == project_id, Project.run == p.run,
                                               Project.status.in_(("queued", "running")))
                         .values(status="failed", error=message, finished_at=utcnow())
                         .execution_options(synchronize_session=False)).rowcount:
            return 0
        for st in s.scalars(select(Step).where(Step.project_id == project_id, Step.run == p.run,
                                               Step.status.in_(("pending", "running")))):
            st.status, st.error = "failed" if st.status == "running" else "skipped", message
        run, user_id = p.run, p.user_id
    return ledger.refund_once(charge_ref(project_id, run), memo=message) if user_id is not None else 0


def queue_down_message(refunded: int) -> str:
    """What a user is told when the queue refused their run (English; the UI translates it)."""
    if refunded:
        return (f"The job queue is unavailable, so the generation did not start. Your {refunded} credits were "
                "refunded; try again in a minute.")
    return "The job queue is unavailable, so the generation did not start; try again in a minute."


def _aware(value: datetime | None, tz: Any) -> datetime | None:
    """SQLite returns naive datetimes: read them as UTC."""
    return value.replace(tzinfo=tz) if value is not None and value.tzinfo is None else value


def reconcile(*, requeue: bool = True) -> dict[str, int]:
    """Settle runs no worker will finish; `requeue=True` at start-up, False in the periodic sweep.

    failed: running with a stale heartbeat (its worker died), refunded. expired: queued for longer than
    QUEUE_TIMEOUT_MINUTES, refunded. requeued: queued runs no queue holds (at start-up every queued run of
    the in-process runner; with Redis, runs whose job is gone), put back on the queue. refunded: those the
    queue then refused.
    """
    now = utcnow()
    cutoff, grace = now - STALE_AFTER, now - QUEUE_GRACE
    expiry = now - timedelta(minutes=get_settings().queue_timeout_minutes)
    redis = bool(get_settings().redis_url)
    mine = _runner.running() if _runner else set()
    stale, expired, waiting = [], [], []
    with session_scope() as s:
        for p in s.scalars(select(Project).where(Project.status.in_(("queued", "running")))):
            if p.id in mine:
                continue
            beat, since = _aware(p.heartbeat_at, now.tzinfo), _aware(p.updated_at, now.tzinfo)
            if p.status == "running" and (beat is None or beat < cutoff):
                stale.append(p.id)
            elif p.status == "queued" and since is not None and since < expiry:
                expired.append(p.id)
            # The sweep leaves the in-process runners of other processes alone; with Redis it looks for lost jobs.
            elif p.status == "queued" and (requeue or (redis and since is not None and since < grace)):
                waiting.append((p.id, p.run))
    for pid in stale:
        fail_orphan(pid, "The server restarted during this generation; credits were refunded")
    minutes = get_settings().queue_timeout_minutes
    for pid in expired:
        fail_orphan(pid, f"No worker started this generation within {minutes} minutes; credits were refunded")
    requeued = refunded = 0
    for pid, run in waiting:
        if redis and _in_queue(pid, run):
            continue
        try:
            enqueue(pid, run)
            requeued += 1
        except Exception as exc:  # any queue failure: the run must not stay charged and queued
            log.warning("requeue_failed", project=pid, error_type=type(exc).__name__)
            fail_orphan(pid, "The job queue was unavailable; credits were refunded")
            refunded += 1
    summary = {"failed": len(stale), "requeued": requeued, "refunded": refunded, "expired": len(expired)}
    if any(summary.values()):
        log.info("jobs_reconciled", **summary)
    return summary
