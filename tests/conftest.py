"""Shared fixtures: a fresh migrated database per test (SQLite file; PostgreSQL when configured)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from core.config import get_settings
from db.migrate import upgrade
from db.session import reset_engines

ROOT = Path(__file__).resolve().parent.parent
# JoxCoder Local's real cache (for the `slow` real-model tests); every other test sees an empty MODEL_DIR.
REAL_MODEL_DIR = os.environ.get("MODEL_DIR") or str(Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
                                                     / "autocrea")


@pytest.fixture(autouse=True)
def _no_local_model(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Tests see no JoxCoder Local install, whatever this machine has, unless they ask for `local_model`."""
    if "local_model" not in request.fixturenames:
        monkeypatch.setenv("MODEL_DIR", str(tmp_path / "no-local-model"))


def _use(url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ALLOW_LOCAL_GIT_REMOTES", "true")
    get_settings.cache_clear()
    reset_engines()
    upgrade(url)
    return url


def _fresh_postgres(base: str) -> str:
    """A new, empty PostgreSQL database on the TEST_DATABASE_URL server."""
    name = f"autocrea_t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(make_url(base).set(drivername="postgresql+psycopg"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(base).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)


@pytest.fixture
def db(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """A migrated SQLite file database for this test."""
    url = _use(f"sqlite:///{tmp_path / 'autocrea.db'}", monkeypatch, tmp_path)
    yield url
    _teardown()


@pytest.fixture(params=["sqlite", "postgres"])
def any_db(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[str]:
    """The same test on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'autocrea.db'}"
    else:
        base = os.environ.get("TEST_DATABASE_URL", "")
        if not base.startswith("postgres"):
            pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL (CI's .ci/run starts one)")
        url = _fresh_postgres(base)
    yield _use(url, monkeypatch, tmp_path)
    _teardown()


def _teardown() -> None:
    from core import jobs
    from core.localmodel.runtime import reset_server

    jobs.shutdown()
    reset_server()
    reset_engines()
    get_settings.cache_clear()


@pytest.fixture
def alice(db: str):  # noqa: ANN201 - returns core.users.UserPublic
    """A registered user with the 100-credit trial."""
    from tests.factories import make_user

    return make_user("alice")
