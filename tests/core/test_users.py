"""Registration edge cases: case and whitespace duplicates (also when racing), bcrypt's 72-byte limit."""

from __future__ import annotations

import pytest

from core import users
from core.errors import ValidationError
from tests.factories import PASSWORD, make_user


def _register(username: str, email: str, password: str = PASSWORD) -> users.UserPublic:
    return users.create_user(username=username, email=email, name="X", password=password, repeat=password)


def test_case_and_whitespace_duplicates_are_refused(any_db: str) -> None:
    make_user("alice")
    for username, email in (("ALICE", "other@example.com"), (" alice ", "other@example.com"),
                            ("bob", " Alice@Example.COM ")):
        with pytest.raises(ValidationError, match="already registered"):
            _register(username, email)


def test_a_registration_racing_past_the_check_with_another_case_is_refused(
        any_db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    original, fired = users.hash_password, []

    def hash_then_rival(password: str) -> str:  # the rival registers between our check and our insert
        if not fired:
            fired.append(True)
            _register("alice", "alice@example.com")
        return original(password)

    monkeypatch.setattr(users, "hash_password", hash_then_rival)
    with pytest.raises(ValidationError, match="already registered"):
        _register("Alice", "alice2@example.com")
    assert [u.username for u in users.list_users()] == ["alice"]


def test_passwords_over_72_bytes_are_refused_by_bytes_not_characters(any_db: str) -> None:
    fits, over = "a1" + "é" * 35, "a1" + "é" * 36  # 37 characters = 72 bytes; 38 characters = 74 bytes
    with pytest.raises(ValidationError, match="72 bytes"):
        _register("mbyte", "m@example.com", over)
    user = _register("mbyte", "m@example.com", fits)
    assert users.authenticate("mbyte", fits) == user
    assert users.authenticate("mbyte", over) is None  # bcrypt would have cut it to the same 72 bytes


def test_usernames_are_ascii_so_look_alikes_cannot_register(any_db: str) -> None:
    make_user("alice")
    for look_alike in ("аlice", "alİce", "al\u200bice"):  # Cyrillic a, dotted I, zero-width space
        with pytest.raises(ValidationError, match="Username must be"):
            _register(look_alike, "x@example.com")


def test_new_accounts_start_on_the_operators_default_provider(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from core.config import get_settings

    monkeypatch.setenv("DEFAULT_PROVIDER", "joxcoder")
    get_settings.cache_clear()
    assert make_user("joan").default_provider == "joxcoder"
    monkeypatch.setenv("DEFAULT_PROVIDER", "no-such-provider")
    get_settings.cache_clear()
    assert make_user("off").default_provider == "offline"
