"""The retry loop on its own: decisions, waits, budgets and restarts, without a network."""

from __future__ import annotations

import time
from email.utils import formatdate

import pytest

from core.errors import ProviderError
from core.providers.base import RESTART, ProviderOptions, join_chunks
from core.providers.retry import (
    Failure,
    call_with_retry,
    retry_after,
    scrub,
    seconds,
    status_failure,
    stream_with_retry,
)


def test_retry_after_accepts_seconds_ms_and_dates() -> None:
    assert retry_after({"retry-after": "0.5"}) == 0.5
    assert retry_after({"retry-after-ms": "250", "retry-after": "9"}) == 0.25
    assert 25 < retry_after({"retry-after": formatdate(time.time() + 30, usegmt=True)}) <= 30
    assert retry_after({"retry-after": "soon"}) is None and retry_after({}) is None


@pytest.mark.parametrize(
    ("status", "retryable", "cause"),
    [
        (401, False, "invalid API key (401)"),
        (403, False, "access denied (403): nope"),
        (400, False, "request refused (400): nope"),
        (429, True, "rate limited (429)"),
        (500, True, "server error (500)"),
        (529, True, "overloaded (529)"),
        (408, True, "request timeout (408)"),
    ],
)
def test_status_failures(status: int, retryable: bool, cause: str) -> None:
    failure = status_failure(status, "nope", model="m")
    assert (failure.retryable, failure.cause) == (retryable, cause)


def test_scrub_removes_given_secrets_and_key_shapes() -> None:
    text = scrub("bad key my-own-secret and sk-abcdefghijklmnopqrstu", ("my-own-secret",))
    assert "my-own-secret" not in text and "sk-abcdefghijklmnopqrstu" not in text
    assert seconds(120.0) == "120" and seconds(0.25) == "0.2" and seconds(1.0) == "1"


def test_non_retryable_failure_raises_at_once() -> None:
    calls: list[float] = []

    def attempt(timeout: float) -> str:
        calls.append(timeout)
        raise RuntimeError("401")

    with pytest.raises(ProviderError, match="invalid API key"):
        call_with_retry(
            "p", ProviderOptions(budget=5), attempt, lambda e, t: Failure("invalid API key", False)
        )
    assert len(calls) == 1


def test_unknown_exceptions_are_not_swallowed() -> None:
    def attempt(timeout: float) -> str:
        raise KeyError("a bug of ours")

    with pytest.raises(KeyError):
        call_with_retry("p", ProviderOptions(), attempt, lambda e, t: None)


def test_server_wait_beyond_the_budget_gives_up_now() -> None:
    started = time.monotonic()
    with pytest.raises(ProviderError, match=r"rate limited \(the server asks to wait 30 s more\)"):
        call_with_retry(
            "p",
            ProviderOptions(budget=1),
            lambda t: (_ for _ in ()).throw(OSError()),
            lambda e, t: Failure("rate limited", True, "rate_limited", wait=30),
        )
    assert time.monotonic() - started < 5  # did not sleep the 30 s (loose: shared CI cores)


def test_each_attempt_timeout_is_capped_by_the_remaining_budget() -> None:
    timeouts: list[float] = []

    def attempt(timeout: float) -> str:
        timeouts.append(timeout)
        if len(timeouts) < 3:
            raise OSError
        return "done"

    options = ProviderOptions(budget=1.0, timeout=0.9)
    assert call_with_retry("p", options, attempt, lambda e, t: Failure("x", True, wait=0.3)) == "done"
    assert timeouts[0] == 0.9 and timeouts[2] < 0.5


def test_stream_restart_marker_and_join() -> None:
    rounds = iter([["a", "b", OSError()], ["a", "b", "c"]])

    def attempt(timeout: float):
        for item in next(rounds):
            if isinstance(item, Exception):
                raise item
            yield item

    chunks = list(
        stream_with_retry(
            "p",
            ProviderOptions(budget=2),
            attempt,
            lambda e, t: Failure("cut", True, "interrupted", wait=0.01),
        )
    )
    assert chunks == ["a", "b", RESTART, "a", "b", "c"]
    assert join_chunks(chunks) == "abc"
