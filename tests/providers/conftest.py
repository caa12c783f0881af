"""Fixtures for provider tests: the fakes, settings pointed at them, a fresh database with one user."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fakes.fixtures import fake_anthropic, fake_openai, fake_tgi, provider_env  # noqa: F401

FAST = {"budget": 120.0, "timeout": 60.0}


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, provider_env) -> Iterator[str]:  # noqa: F811
    """A migrated SQLite database in tmp_path, DATA_DIR beside it, no ENCRYPTION_KEY."""
    from core import keys
    from core.config import get_settings
    from db.migrate import upgrade
    from db.session import reset_engines

    url = f"sqlite:///{tmp_path / 'autocrea.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENCRYPTION_KEY", "")
    get_settings.cache_clear()
    reset_engines()
    keys._fernets.clear()
    upgrade(url)
    yield url
    reset_engines()
    keys._fernets.clear()
    get_settings.cache_clear()


@pytest.fixture
def user_id(db: str) -> int:
    """One user in the test database."""
    from db.models import User
    from db.session import session_scope

    with session_scope() as session:
        user = User(username="ada", email="ada@example.com", name="Ada", password_hash="x")
        session.add(user)
        session.flush()
        return user.id
