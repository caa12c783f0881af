"""A fresh SQLite database per test and helpers to drive app.py through AppTest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

from core import auth
from core.config import get_settings
from core.users import UserPublic, create_user
from db.migrate import upgrade
from db.session import reset_engines

ROOT = Path(__file__).resolve().parents[2]
APP = str(ROOT / "app.py")
PASSWORD = "s3cretpass"


class _NavigationPagesManager(PagesManager):
    """AppTest resets `uses_pages_directory` to None on this subclass only."""


@pytest.fixture(autouse=True)
def navigation_app(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run app.py on every AppTest run, as `streamlit run` does once st.navigation has been called.

    AppTest re-detects the `pages/` folder before each run and then executes the last page's file
    directly (the MPA v1 path), skipping app.py and its auth gate; the real server switches to
    st.navigation for good after the first call.
    """
    monkeypatch.setattr(PagesManager, "uses_pages_directory", False)
    monkeypatch.setattr(app_test_module, "PagesManager", _NavigationPagesManager)


@pytest.fixture(autouse=True)
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Point settings at a temp SQLite file and data dir, migrated."""
    url = f"sqlite:///{tmp_path / 'ui.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("COOKIE_KEY", "test-cookie-key-0123456789abcdef")
    monkeypatch.setenv("ENCRYPTION_KEY", "")
    get_settings.cache_clear()
    reset_engines()
    upgrade(url)
    auth.reset_login_limits()
    yield url
    try:
        from core import jobs

        jobs.shutdown()
    except ImportError:
        pass
    get_settings.cache_clear()
    reset_engines()


def make_user(username: str = "ada", role: str = "user", name: str = "Ada Lovelace") -> UserPublic:
    """A registered user with the trial credits."""
    return create_user(username=username, email=f"{username}@example.com", name=name, password=PASSWORD,
                       repeat=PASSWORD, role=role)


def app() -> AppTest:
    """A fresh AppTest of app.py."""
    return AppTest.from_file(APP, default_timeout=180)


def login(at: AppTest, username: str, password: str = PASSWORD) -> AppTest:
    """Fill and submit the "Log in" tab."""
    at.text_input(key="login_username").input(username)
    at.text_input(key="login_password").input(password)
    return submit(at, "Log in")


def submit(at: AppTest, label: str) -> AppTest:
    """Click the form submit button labelled `label`."""
    next(b for b in at.button if b.label == label).click()
    return at.run()


def texts(at: AppTest) -> str:
    """Every visible text of the page and sidebar, joined (for `in` checks)."""
    parts = [e.value for kind in ("markdown", "caption", "title", "header", "subheader", "info", "error",
                                   "warning", "success") for e in getattr(at, kind)]
    parts += [str(m.value) for m in at.metric]
    return "\n".join(str(p) for p in parts)


def signed_in(user: UserPublic) -> AppTest:
    """An AppTest with `user` already logged in (through the real form)."""
    at = app().run()
    return login(at, user.username)
