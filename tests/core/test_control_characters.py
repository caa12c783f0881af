"""NUL and other control characters are refused at the edges with a clear message, on both databases."""

from __future__ import annotations

import pytest

from core import auth, i18n, keys, projects, users
from core.errors import NotFoundError, ValidationError
from tests.core.test_projects_flow import balance
from tests.factories import PASSWORD, make_user

BAD = ["\x00", "\x1b", "\x7f", "\u202e", "\u2066"]


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Starts are charged and stored but not run (no job in these tests)."""
    monkeypatch.setattr(projects, "_enqueue", lambda project_id, run: None)


@pytest.mark.parametrize("char", BAD)
def test_prompt_and_project_name(any_db: str, quiet: None, char: str) -> None:
    user = make_user("carol")
    with pytest.raises(ValidationError, match=r"Description contains a control character \(U\+"):
        projects.start_generation(user_id=user.id, name="blog", prompt=f"A blog with{char} posts")
    with pytest.raises(ValidationError, match=r"Project name contains a control character"):
        projects.start_generation(user_id=user.id, name=f"bl{char}og", prompt="A blog with posts")
    assert balance(user.id) == 100 and projects.list_projects(user_id=user.id) == []


def test_line_breaks_and_tabs_stay_allowed_in_a_prompt(any_db: str, quiet: None) -> None:
    user = make_user("carol")
    view = projects.start_generation(user_id=user.id, name="blog", prompt="A blog\nwith posts\r\n\tand comments")
    assert view.status == "queued"
    with pytest.raises(ValidationError, match="Project name contains a control character"):
        projects.start_generation(user_id=user.id, name="two\nlines", prompt="A blog with posts")


def test_follow_up_instruction_and_project_search(any_db: str, quiet: None) -> None:
    user = make_user("carol")
    pid = projects.start_generation(user_id=user.id, name="blog", prompt="A blog with posts").id
    with pytest.raises(ValidationError, match="control character"):
        projects.start_followup(pid, user_id=user.id, instruction="add\x00 a field")
    with pytest.raises(ValidationError, match="control character"):
        projects.list_projects(user_id=user.id, q="bl\x00")


@pytest.mark.parametrize("char", BAD)
def test_registration(any_db: str, char: str) -> None:
    with pytest.raises(ValidationError, match="Name contains a control character"):
        users.create_user(username="dave", email="dave@example.com", name=f"Da{char}ve", password=PASSWORD,
                          repeat=PASSWORD)
    with pytest.raises(ValidationError):
        users.create_user(username=f"da{char}ve", email="dave@example.com", name="Dave", password=PASSWORD)
    with pytest.raises(ValidationError):
        users.create_user(username="dave", email=f"da{char}ve@example.com", name="Dave", password=PASSWORD)
    assert users.list_users() == []


def test_password_with_nul_is_refused_clearly(any_db: str) -> None:
    with pytest.raises(ValidationError, match="Password contains a control character"):
        users.create_user(username="dave", email="dave@example.com", name="Dave", password="abc\x00defg1",
                          repeat="abc\x00defg1")


@pytest.mark.parametrize("char", BAD)
def test_login_and_lookups(any_db: str, char: str) -> None:
    make_user("carol")
    auth.reset_login_limits()
    with pytest.raises(ValidationError, match="Username contains a control character"):
        auth.login(f"car{char}ol", PASSWORD)
    with pytest.raises(NotFoundError):
        users.find_user(f"car{char}ol")
    assert auth.login("carol", PASSWORD) is not None


@pytest.mark.parametrize("field", ["model", "base_url", "api_key"])
def test_saved_key_fields(any_db: str, field: str) -> None:
    user = make_user("carol")
    good = {"api_key": "sk-test-0123456789abcdef", "base_url": "http://localhost:11434/v1", "model": "llama3"}
    bad = {**good, field: good[field][:4] + "\x00" + good[field][4:]}
    with pytest.raises(ValidationError, match="control character"):
        keys.save_key(user_id=user.id, provider="openai_compatible", **bad)
    assert keys.list_keys(user.id) == []
    keys.save_key(user_id=user.id, provider="openai_compatible", **good)


def test_the_message_is_translated() -> None:
    message = "Project name contains a control character (U+0000): remove it and try again"
    assert i18n.t(message, "es") == ("Nombre del proyecto contiene un carácter de control (U+0000): "
                                     "quítalo y vuelve a intentarlo")
