"""Failed logins are limited per account (whichever identifier is used) and per client address."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from core import auth
from core.config import get_settings
from core.errors import LimitExceededError
from tests.core.test_jobs_redis import _reachable
from tests.factories import PASSWORD, make_user

REDIS = os.environ.get("TEST_REDIS_URL", "")
NO_REDIS = "Redis not reachable: set TEST_REDIS_URL (CI's .ci/run starts one)"


@pytest.fixture(params=["memory", "redis"])
def limits(request: pytest.FixtureRequest, any_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Five failures a minute per account, in process memory or in the real Redis."""
    if request.param == "redis":
        if not _reachable(REDIS):
            pytest.skip(NO_REDIS)
        monkeypatch.setenv("REDIS_URL", REDIS)
    # An installation of its own on the shared Redis: tests on other xdist workers (or another test run)
    # use the same account ids and addresses, and xdist_group does not keep them apart (pytest-xdist#1386).
    monkeypatch.setenv("REDIS_QUEUE", f"autocrea-test-{uuid.uuid4().hex[:8]}")
    monkeypatch.setenv("LOGIN_ATTEMPTS_PER_MINUTE", "5")
    monkeypatch.setenv("LOGIN_ATTEMPTS_PER_MINUTE_PER_ADDRESS", "12")
    get_settings.cache_clear()
    auth._limiters.clear()
    auth.reset_login_limits()
    yield
    auth.reset_login_limits()
    auth._limiters.clear()


def test_username_and_email_share_one_account_limit(limits: None) -> None:
    make_user("carol")
    for _ in range(5):
        assert auth.login("carol", "wrong-password-1", client=f"10.0.0.{uuid.uuid4().int % 200}") is None
    for identifier in ("carol@example.com", "CAROL", " Carol@Example.com "):
        with pytest.raises(LimitExceededError):
            auth.login(identifier, PASSWORD, client="10.9.9.9")


def test_one_address_guessing_many_accounts_is_stopped(limits: None) -> None:
    for name in ("ann", "bob", "cid"):
        make_user(name)
    for name in ("ann", "bob", "cid"):
        for _ in range(4):  # under each account's limit of 5
            assert auth.login(name, "wrong-password-1", client="203.0.113.7") is None
    with pytest.raises(LimitExceededError):
        auth.login("ann", PASSWORD, client="203.0.113.7")
    # Another address still gets in to an account that is under its own limit.
    assert auth.login("ann", PASSWORD, client="198.51.100.1") is not None


def test_unknown_identifiers_are_limited_too(limits: None) -> None:
    for i in range(12):
        assert auth.login(f"ghost{i}", "wrong-password-1", client="203.0.113.9") is None
    with pytest.raises(LimitExceededError):
        auth.login("ghost99", "wrong-password-1", client="203.0.113.9")


def test_a_correct_password_is_not_counted(limits: None) -> None:
    make_user("dina")
    for _ in range(10):
        assert auth.login("dina@example.com", PASSWORD, client="203.0.113.10") is not None


def test_installations_sharing_one_redis_count_apart(db: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if not _reachable(REDIS):
        pytest.skip(NO_REDIS)
    monkeypatch.setenv("REDIS_URL", REDIS)
    monkeypatch.setenv("LOGIN_ATTEMPTS_PER_MINUTE", "3")
    first, second = (f"autocrea-test-{uuid.uuid4().hex[:8]}" for _ in range(2))

    def installation(queue: str) -> None:
        """Act as the installation whose REDIS_QUEUE is `queue`."""
        monkeypatch.setenv("REDIS_QUEUE", queue)
        get_settings.cache_clear()

    make_user("omar")  # account id 1, as the first account of the other installation's database would be
    try:
        installation(first)
        for _ in range(3):
            assert auth.login("omar", "wrong-password-1", client="203.0.113.20") is None
        installation(second)
        assert auth.login("omar", PASSWORD, client="203.0.113.20") is not None
        auth.reset_login_limits()
        installation(first)
        with pytest.raises(LimitExceededError):
            auth.login("omar", PASSWORD, client="203.0.113.20")
    finally:
        for queue in (first, second):
            installation(queue)
            auth.reset_login_limits()
        auth._limiters.clear()


def test_client_address_is_the_hop_our_proxy_appended() -> None:
    assert auth.client_address("6.6.6.6, 203.0.113.5", "10.0.0.2") == "203.0.113.5"  # a forged left entry
    assert auth.client_address(None, "198.51.100.4") == "198.51.100.4"
    assert auth.client_address("", None) == "local"
