"""Retries within a time budget; each provider decides per SDK exception what is worth retrying."""

from __future__ import annotations

import json
import random
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TypeVar

from core.errors import ProviderError
from core.logging import get_logger, redact
from core.providers.base import RESTART, ProviderOptions

T = TypeVar("T")

MAX_BACKOFF = 8.0


@dataclass(frozen=True)
class Failure:
    """What went wrong in one attempt: a plain-English cause, whether to retry, and how long to wait."""

    cause: str
    retryable: bool
    kind: str = "error"
    wait: float | None = None


class StreamInterrupted(Exception):
    """A stream that ended before the protocol's final event."""


Classify = Callable[[BaseException, float], "Failure | None"]


def seconds(value: float) -> str:
    """30.0 -> '30', 0.389 -> '0.4'."""
    return f"{value:.0f}" if value >= 10 else f"{value:.1f}".rstrip("0").rstrip(".")


def scrub(text: str, secrets: tuple[str, ...] = ()) -> str:
    """`text` without the given secrets or anything that looks like a key."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    return str(redact(text))


def retry_after(headers: Mapping[str, str] | None) -> float | None:
    """Seconds the server asks us to wait (Retry-After / retry-after-ms), or None."""
    if not headers:
        return None
    ms = headers.get("retry-after-ms")
    if ms:
        try:
            return max(0.0, float(ms) / 1000)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        return max(0.0, parsedate_to_datetime(value).timestamp() - time.time())
    except (TypeError, ValueError):
        return None


def status_failure(
    status: int, message: str, *, headers: Mapping[str, str] | None = None, model: str = "", url: str = ""
) -> Failure:
    """The Failure for an HTTP error status (message already scrubbed)."""
    detail = f": {message[:200]}" if message else ""
    wait = retry_after(headers)
    if status == 401:
        return Failure("invalid API key (401)", False, "auth")
    if status == 403:
        return Failure(f"access denied (403){detail}", False, "auth")
    if status == 404:
        where = f" at {url}" if url else ""
        return Failure(f"model '{model}' or its endpoint not found (404){where}", False, "not_found")
    if status == 429:
        return Failure("rate limited (429)", True, "rate_limited", wait)
    if status in (408, 409) or status >= 500:
        label = {408: "request timeout", 409: "conflict", 529: "overloaded"}.get(status, "server error")
        return Failure(f"{label} ({status})", True, "server", wait)
    lowered = message.lower()
    # llama.cpp, OpenAI/vLLM and TGI's own words for a prompt longer than the model's context.
    if status in (400, 413, 422) and any(w in lowered for w in (
            "exceeds the available context", "maximum context length", "exceed_context_size",
            "max_new_tokens` must be <=")):
        return Failure(f"prompt exceeds the model's context window ({status}){detail}", False, "too_large")
    return Failure(f"request refused ({status}){detail}", False, "bad_request")


def transport_failure(exc: BaseException, *, timeout: float, url: str) -> Failure | None:
    """The Failure for a network-level error anywhere in `exc`'s cause chain, or None."""
    import httpx2

    for err in _chain(exc):
        if isinstance(err, httpx2.TimeoutException | TimeoutError) and not isinstance(
            err, httpx2.ConnectError
        ):
            return Failure(f"timed out after {seconds(timeout)} s", True, "timeout")
        if isinstance(err, httpx2.ConnectError | ConnectionRefusedError):
            text = " ".join(str(e) for e in _chain(err)).lower()
            reason = "connection refused" if "refused" in text else "could not connect"
            return Failure(f"{reason} at {url}", True, "connection")
        if isinstance(err, httpx2.RemoteProtocolError | httpx2.ReadError | StreamInterrupted):
            return Failure("the stream was interrupted", True, "interrupted")
        if isinstance(err, httpx2.TransportError):
            return Failure(f"network error talking to {url}", True, "connection")
        if isinstance(err, json.JSONDecodeError):
            return Failure("the server sent a malformed response", True, "malformed")
    return None


def _chain(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    err: BaseException | None = exc
    while err is not None and id(err) not in seen:
        seen.add(id(err))
        yield err
        err = err.__cause__ or err.__context__


class _Budget:
    """Attempts and waits of one call, bounded by options.budget and options.max_attempts."""

    def __init__(self, provider: str, options: ProviderOptions, secrets: tuple[str, ...]) -> None:
        self.provider, self.options, self.secrets = provider, options, secrets
        self.start = time.monotonic()
        self.deadline = self.start + options.budget
        self.attempts = 0

    def next_timeout(self) -> float:
        self.attempts += 1
        return max(0.05, min(self.options.timeout, self.deadline - time.monotonic()))

    def after_failure(self, exc: BaseException, failure: Failure) -> None:
        """Sleep before the next attempt, or raise ProviderError when retrying is pointless."""
        cause = scrub(failure.cause, self.secrets)
        get_logger("autocrea.providers").warning(
            "provider_attempt_failed",
            provider=self.provider,
            attempt=self.attempts,
            kind=failure.kind,
            cause=cause,
            error=type(exc).__name__,
        )
        if not failure.retryable:
            raise ProviderError(self.provider, cause) from None
        wait = failure.wait if failure.wait is not None else _backoff(self.attempts)
        if failure.kind == "loading":
            # A loading model is expected to come up: its waits are bounded by the budget, not by
            # max_attempts (HF keeps answering 503 with a short estimate while a cold model starts).
            wait = max(wait, 0.25)
        remaining = self.deadline - time.monotonic()
        out_of_attempts = failure.kind != "loading" and self.attempts >= self.options.max_attempts
        if out_of_attempts or wait >= remaining:
            raise ProviderError(self.provider, self._final(cause, failure, wait)) from None
        time.sleep(wait)

    def _final(self, cause: str, failure: Failure, wait: float) -> str:
        elapsed = time.monotonic() - self.start
        if failure.kind == "loading":
            return f"{cause} after {seconds(elapsed)} s (the server estimates {seconds(wait)} s more)"
        if failure.kind == "timeout":
            # The last attempt may have had less than options.timeout left; name the setting.
            cause = f"timed out after {seconds(min(self.options.timeout, self.options.budget))} s"
            return cause if self.attempts == 1 else f"{cause} ({self.attempts} attempts)"
        text = cause if self.attempts == 1 else f"{cause} after {self.attempts} attempts"
        if failure.wait is not None and self.attempts < self.options.max_attempts:
            text += f" (the server asks to wait {seconds(wait)} s more)"
        return text


def _backoff(attempt: int) -> float:
    return min(MAX_BACKOFF, 0.25 * 2 ** (attempt - 1)) * random.uniform(0.75, 1.0)


def call_with_retry(
    provider: str,
    options: ProviderOptions,
    attempt: Callable[[float], T],
    classify: Classify,
    secrets: tuple[str, ...] = (),
) -> T:
    """Run `attempt(timeout)` until it succeeds, fails for good, or the budget runs out."""
    budget = _Budget(provider, options, secrets)
    while True:
        timeout = budget.next_timeout()
        try:
            return attempt(timeout)
        except ProviderError:
            raise
        except Exception as exc:
            failure = classify(exc, timeout)
            if failure is None:
                raise
            budget.after_failure(exc, failure)


def stream_with_retry(
    provider: str,
    options: ProviderOptions,
    attempt: Callable[[float], Iterator[str]],
    classify: Classify,
    secrets: tuple[str, ...] = (),
) -> Iterator[str]:
    """Yield the chunks of `attempt(timeout)`, starting over (after RESTART) when a stream dies midway."""
    budget = _Budget(provider, options, secrets)
    yielded = False
    while True:
        timeout = budget.next_timeout()
        try:
            if yielded:
                yield RESTART
                yielded = False
            for chunk in attempt(timeout):
                if chunk:
                    yielded = True
                    yield chunk
            return
        except ProviderError:
            raise
        except Exception as exc:
            failure = classify(exc, timeout)
            if failure is None:
                raise
            budget.after_failure(exc, failure)
