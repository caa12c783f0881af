"""Run Alembic migrations programmatically (app start, `python -m core db upgrade`, tests)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config

from core.config import get_settings
from db.session import get_engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


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
    command.upgrade(cfg, "head")
    return current_revision(url)


def current_revision(url: str | None = None) -> str:
    """The revision the database is at ('' when unmigrated)."""
    from alembic.runtime.migration import MigrationContext

    with get_engine(url or get_settings().database_url).connect() as conn:
        return MigrationContext.configure(conn).get_current_revision() or ""
