"""The Anthropic provider through the real SDK against a local fake /v1/messages."""

from __future__ import annotations

import pytest

from core.errors import ProviderError
from core.providers import RESTART, Message, ProviderOptions, join_chunks
from core.providers.anthropic_provider import AnthropicProvider
from tests.fakes import FakeAnthropic, Reply

KEY = "sk-ant-test-abcdefghijklmnop"
MESSAGES = [Message(role="system", content="ROLE: frontend"), Message(role="user", content="make the page")]
FAST = ProviderOptions(budget=120.0, timeout=60.0)  # success paths: generous, CI cores are shared


def make(fake: FakeAnthropic) -> AnthropicProvider:
    return AnthropicProvider(api_key=KEY, base_url=fake.base_url, model="claude-test")


def _sent_key(headers: dict[str, str]) -> str:
    return headers.get("x-api-key") or headers.get("authorization", "").removeprefix("Bearer ")


def test_complete_puts_system_apart_and_parses_usage(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.queue(Reply(text="<html></html>", prompt_tokens=30, completion_tokens=4))
    result = make(fake_anthropic).complete(MESSAGES, FAST)
    assert result.text == "<html></html>"
    assert result.usage.model_dump() == {"prompt_tokens": 30, "completion_tokens": 4, "estimated": False}
    request = fake_anthropic.requests[0]
    assert request.path == "/v1/messages"
    assert _sent_key(request.headers) == KEY
    assert request.header("anthropic-version")
    assert request.body["system"] == "ROLE: frontend"
    assert request.body["messages"] == [{"role": "user", "content": "make the page"}]
    assert request.body["model"] == "claude-test" and request.body["max_tokens"] == FAST.max_tokens


def test_stream_reads_deltas_and_usage_events(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.queue(Reply(text="a b c", prompt_tokens=9))
    provider = make(fake_anthropic)
    assert list(provider.execute(MESSAGES, FAST)) == ["a ", "b ", "c"]
    assert provider.last_usage.model_dump() == {
        "prompt_tokens": 9,
        "completion_tokens": 3,
        "estimated": False,
    }
    assert fake_anthropic.requests[0].body["stream"] is True


def test_zero_usage_is_estimated(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.queue(Reply(text="z" * 80, usage=False))
    usage = make(fake_anthropic).complete(MESSAGES, FAST).usage
    assert usage.estimated and usage.completion_tokens == 20


def test_overloaded_529_then_success(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.queue(Reply.error(529, "Overloaded", headers={"retry-after": "0.1"}), Reply(text="ok"))
    assert make(fake_anthropic).complete(MESSAGES, FAST).text == "ok"
    assert len(fake_anthropic.requests) == 2


def test_429_then_success_in_a_stream(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.queue(Reply.rate_limited(0.2), Reply(text="fine"))
    assert join_chunks(make(fake_anthropic).execute(MESSAGES, FAST)) == "fine"


def test_401_is_immediate(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.default = Reply.error(401, "invalid x-api-key")
    with pytest.raises(ProviderError, match=r"invalid API key \(401\)"):
        list(make(fake_anthropic).execute(MESSAGES, FAST))
    assert len(fake_anthropic.requests) == 1


def test_unknown_model_404_is_immediate(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.default = Reply.error(404, "model: claude-test")
    with pytest.raises(ProviderError, match="model 'claude-test' or its endpoint not found"):
        make(fake_anthropic).complete(MESSAGES, FAST)
    assert len(fake_anthropic.requests) == 1


def test_stream_cut_midway_restarts(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.queue(Reply.cut(after=4, text="one two three four"), Reply(text="one two three four"))
    chunks = list(make(fake_anthropic).execute(MESSAGES, FAST))
    assert RESTART in chunks and join_chunks(chunks) == "one two three four"


def test_stream_without_message_stop_is_retried_then_fails(fake_anthropic: FakeAnthropic) -> None:
    fake_anthropic.default = Reply(text="never finished", truncate_after=4)
    with pytest.raises(ProviderError, match="stream was interrupted after 2 attempts"):
        list(make(fake_anthropic).execute(MESSAGES, ProviderOptions(budget=3, timeout=1, max_attempts=2)))
