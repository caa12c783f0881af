"""`db upgrade|current`."""

from __future__ import annotations

import argparse

from core.cli.output import emit
from db import migrate


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `db` command group."""
    p = sub.add_parser("db", help="database migrations")
    ds = p.add_subparsers(dest="db_cmd", required=True)
    u = ds.add_parser("upgrade", help="migrate the database to the newest revision")
    u.add_argument("--json", action="store_true")
    u.set_defaults(func=upgrade)
    c = ds.add_parser("current", help="the revision the database is at")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=current)


def upgrade(args: argparse.Namespace) -> int:
    """db upgrade."""
    rev = migrate.upgrade()
    emit(args, {"revision": rev}, f"Database at revision {rev}")
    return 0


def current(args: argparse.Namespace) -> int:
    """db current."""
    rev = migrate.current_revision()
    emit(args, {"revision": rev}, f"Database at revision {rev or '(none: run db upgrade)'}")
    return 0
