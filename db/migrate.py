"""Run Alembic migrations programmatically (app start, `python -m core db upgrade`, tests)."""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import inspect, text
from sqlalchemy.engine import make_url

from core.config import get_settings
from db.session import get_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# pg_advisory_lock key of our migrations ("autocrea" in ASCII): the same in every process.
PG_LOCK_KEY = int.from_bytes(b"autocrea", "big")


def alembic_config(url: str | None = None) -> Config:
    """An Alembic Config pointing at our migrations and `url`."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["url"] = url or get_settings().database_url
    return cfg


def upgrade(url: str | None = None) -> str:
    """Migrate the database to the newest revision and return it."""
    cfg = alembic_config(url)
    get_engine(cfg.attributes["url"])  # creates the SQLite folder
    # Two processes starting on a fresh database would both create the same tables: one at a time.
    with migration_lock(cfg.attributes["url"]):
        command.upgrade(cfg, "head")
    return current_revision(url)


@contextmanager
def migration_lock(url: str) -> Iterator[None]:
    """Hold a cross-process lock: a file lock beside a SQLite file, an advisory lock on PostgreSQL."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend == "sqlite":
        if not parsed.database or parsed.database == ":memory:":
            yield  # private to this process: nothing to race with
            return
        with open(f"{parsed.database}.migrate-lock", "a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)  # released by the kernel if this process dies
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
    elif backend == "postgresql":
        # A session-level lock on a connection of its own, held while Alembic migrates on another;
        # PostgreSQL releases it if this process dies.
        with get_engine(url).connect() as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": PG_LOCK_KEY})
            conn.commit()  # the lock outlives the transaction; no session idles in one meanwhile
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": PG_LOCK_KEY})
                conn.commit()
    else:
        yield


def current_revision(url: str | None = None) -> str:
    """The revision the database is at ('' when unmigrated)."""
    # Read alembic_version directly: a MigrationContext logs two plain-text INFO lines per call, and
    # /healthz calls this on every probe.
    with get_engine(url or get_settings().database_url).connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return ""
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar() or ""
