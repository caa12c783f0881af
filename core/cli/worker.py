"""`worker`: a queue worker that runs generations from REDIS_URL's queue (several machines)."""

from __future__ import annotations

import argparse

from core.cli.output import emit
from core.config import get_settings
from core.errors import ValidationError


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `worker` command."""
    p = sub.add_parser("worker", help="run generations from the Redis queue (needs REDIS_URL)")
    p.add_argument("--burst", action="store_true", help="exit once the queue is empty")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Work the queue until stopped (or until empty with --burst)."""
    if not get_settings().redis_url:
        raise ValidationError("REDIS_URL is not set: generations run inside the app server; "
                              "set REDIS_URL to use queue workers")
    from rq import Worker

    from core.jobs import get_queue

    queue = get_queue()
    worker = Worker([queue], connection=queue.connection)
    worker.work(burst=args.burst, logging_level="WARNING")
    emit(args, {"worker": worker.name, "queue": queue.name, "burst": args.burst},
         f"Worker {worker.name} stopped")
    return 0
