"""OpenAI and OpenAI-compatible providers through the real SDK against a local fake server."""

from __future__ import annotations

import socket
import time

import pytest

from core.errors import ProviderError, ValidationError
from core.providers import RESTART, Message, ProviderOptions, join_chunks
from core.providers.openai_provider import OpenAICompatibleProvider, OpenAIProvider
from tests.fakes import FakeOpenAI, Reply

KEY = "sk-test-abcdefghijklmnop1234"
MESSAGES = [Message(role="system", content="ROLE: backend"), Message(role="user", content="write the api")]
FAST = ProviderOptions(budget=120.0, timeout=60.0)  # success paths: generous, CI cores are shared


def make(fake: FakeOpenAI, **kwargs: str) -> OpenAIProvider:
    return OpenAIProvider(api_key=KEY, base_url=fake.base_url, model="gpt-test", **kwargs)


def test_complete_sends_key_model_and_parses_usage(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply(text="def api(): pass", prompt_tokens=42, completion_tokens=7))
    result = make(fake_openai).complete(MESSAGES, FAST)
    assert result.text == "def api(): pass"
    assert (result.usage.prompt_tokens, result.usage.completion_tokens, result.usage.estimated) == (
        42,
        7,
        False,
    )
    assert result.provider == "openai"
    request = fake_openai.requests[0]
    assert request.path == "/v1/chat/completions"
    assert request.header("authorization") == f"Bearer {KEY}"
    assert request.body["model"] == "gpt-test"
    assert request.body["messages"][0] == {"role": "system", "content": "ROLE: backend"}
    assert request.body["max_completion_tokens"] == FAST.max_tokens
    assert "stream" not in request.body or request.body["stream"] is False


def test_stream_yields_chunks_and_usage_with_include_usage(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply(text="one two three", prompt_tokens=5))
    provider = make(fake_openai)
    chunks = list(provider.execute(MESSAGES, FAST))
    assert chunks == ["one ", "two ", "three"]
    assert provider.last_usage.model_dump() == {
        "prompt_tokens": 5,
        "completion_tokens": 3,
        "estimated": False,
    }
    assert fake_openai.requests[0].body["stream_options"] == {"include_usage": True}


def test_usage_is_estimated_when_the_server_reports_none(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply(text="x" * 400, usage=False), Reply(text="y" * 40, usage=False))
    provider = make(fake_openai)
    assert provider.complete(MESSAGES, FAST).usage.model_dump() == {
        "prompt_tokens": 6,
        "completion_tokens": 100,
        "estimated": True,
    }
    list(provider.execute(MESSAGES, FAST))
    assert provider.last_usage.estimated and provider.last_usage.completion_tokens == 10


def test_429_with_retry_after_then_success(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply.rate_limited(0.3), Reply(text="ok"))
    started = time.monotonic()
    assert make(fake_openai).complete(MESSAGES, FAST).text == "ok"
    assert time.monotonic() - started >= 0.3
    assert len(fake_openai.requests) == 2
    assert fake_openai.requests[0].header("x-stainless-retry-count") in ("", "0")  # SDK retries are off


def test_persistent_429_fails_within_budget(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = Reply.rate_limited(0.2)
    options = ProviderOptions(budget=1.5, timeout=1.0, max_attempts=20)
    with pytest.raises(ProviderError) as info:
        make(fake_openai).complete(MESSAGES, options)
    assert info.value.provider == "openai"
    assert f"rate limited (429) after {len(fake_openai.requests)} attempts" in str(info.value)
    # Each retry waits Retry-After (0.2 s), so the 1.5 s budget, not max_attempts=20, ends it:
    # counted, not timed, so a loaded machine cannot make it flaky.
    assert 2 <= len(fake_openai.requests) <= 8


def test_5xx_is_retried_then_succeeds(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply.error(500, "boom"), Reply.error(502, "bad gateway"), Reply(text="ok"))
    assert make(fake_openai).complete(MESSAGES, FAST).text == "ok"
    assert len(fake_openai.requests) == 3


def test_401_fails_at_once_without_retries_or_the_key(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = Reply.error(401, f"Incorrect API key provided: {KEY}")
    with pytest.raises(ProviderError) as info:
        make(fake_openai).complete(MESSAGES, FAST)
    assert info.value.cause == "invalid API key (401)"
    assert len(fake_openai.requests) == 1
    assert KEY not in str(info.value) and KEY not in repr(info.value)


@pytest.mark.parametrize(
    ("status", "cause"),
    [
        (404, "model 'gpt-test' or its endpoint not found (404)"),
        (400, "request refused (400): context too long"),
    ],
)
def test_client_errors_fail_at_once(fake_openai: FakeOpenAI, status: int, cause: str) -> None:
    fake_openai.default = Reply.error(status, "context too long")
    with pytest.raises(ProviderError, match=rf"\({status}\)") as info:
        make(fake_openai).complete(MESSAGES, FAST)
    assert info.value.cause.startswith(cause)
    assert len(fake_openai.requests) == 1


def test_malformed_json_is_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply(malformed=True), Reply(text="ok"))
    assert make(fake_openai).complete(MESSAGES, FAST).text == "ok"


def test_timeout_fails_with_plain_cause(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = Reply.slow(5)
    options = ProviderOptions(budget=1.0, timeout=0.4)
    with pytest.raises(ProviderError, match=r"timed out after 0\.4 s"):
        make(fake_openai).complete(MESSAGES, options)
    assert 1 <= len(fake_openai.requests) <= 3  # the 1 s budget holds 0.4 s attempts, not the 5 s reply


def test_connection_refused_is_named(unused_port: int) -> None:
    provider = OpenAIProvider(api_key=KEY, base_url=f"http://127.0.0.1:{unused_port}/v1", model="m")
    with pytest.raises(ProviderError) as info:
        provider.complete(MESSAGES, ProviderOptions(budget=1.0, timeout=0.5))
    assert f"connection refused at http://127.0.0.1:{unused_port}/v1" in info.value.cause


def test_stream_dying_midway_restarts_then_succeeds(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply.cut(after=2, text="alpha beta gamma delta"), Reply(text="alpha beta gamma delta"))
    provider = make(fake_openai)
    chunks = list(provider.execute(MESSAGES, FAST))
    assert chunks[:2] == ["alpha ", "beta "] and any(c is RESTART for c in chunks)
    assert join_chunks(chunks) == "alpha beta gamma delta"
    assert provider.complete(MESSAGES, FAST).text  # the provider is still usable
    assert len(fake_openai.requests) == 3


def test_stream_ending_without_finish_reason_is_retried(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(Reply(text="a b c d", truncate_after=2), Reply(text="a b c d"))
    assert join_chunks(make(fake_openai).execute(MESSAGES, FAST)) == "a b c d"
    assert len(fake_openai.requests) == 2


def test_stream_that_keeps_dying_raises_provider_error(fake_openai: FakeOpenAI) -> None:
    fake_openai.default = Reply.cut(after=1)
    with pytest.raises(ProviderError, match="stream was interrupted after 3 attempts"):
        list(make(fake_openai).execute(MESSAGES, ProviderOptions(budget=3.0, timeout=1.0, max_attempts=3)))


def test_server_without_stream_options_falls_back_to_estimates(fake_openai: FakeOpenAI) -> None:
    fake_openai.queue(
        Reply.error(400, "Unrecognized request argument supplied: stream_options"), Reply(text="fine")
    )
    provider = OpenAICompatibleProvider(base_url=fake_openai.base_url, model="llama3")
    assert join_chunks(provider.execute(MESSAGES, FAST)) == "fine"
    assert "stream_options" not in fake_openai.requests[1].body
    assert provider.last_usage.estimated


def test_openai_compatible_needs_no_key_but_a_base_url(fake_openai: FakeOpenAI) -> None:
    provider = OpenAICompatibleProvider(base_url=fake_openai.base_url, model="qwen2.5-coder")
    assert provider.complete(MESSAGES, FAST).provider == "openai_compatible"
    assert fake_openai.requests[0].body["max_tokens"] == FAST.max_tokens
    with pytest.raises(ValidationError, match="base URL"):
        OpenAICompatibleProvider(model="m")
    with pytest.raises(ValidationError, match="API key"):
        OpenAIProvider(model="m")


def test_repr_hides_the_key(fake_openai: FakeOpenAI) -> None:
    assert KEY not in repr(make(fake_openai)) and KEY not in str(vars(make(fake_openai)).keys())


@pytest.fixture
def unused_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_last_usage_is_per_thread_for_concurrent_roles(fake_openai: FakeOpenAI) -> None:
    import threading

    provider = make(fake_openai)
    fake_openai.route("ROLE: a", Reply(text="a", prompt_tokens=1)).route(
        "ROLE: b", Reply(text="b", prompt_tokens=2)
    )
    seen: dict[str, int] = {}

    def run(role: str) -> None:
        list(provider.execute([Message(role="system", content=f"ROLE: {role}")], FAST))
        seen[role] = provider.last_usage.prompt_tokens

    threads = [threading.Thread(target=run, args=(r,)) for r in ("a", "b")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen == {"a": 1, "b": 2}
