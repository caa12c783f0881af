"""JoxCoder through huggingface_hub's InferenceClient against a local fake TGI."""

from __future__ import annotations

import socket
import time

import pytest

from core.errors import ProviderError, ValidationError
from core.providers import RESTART, Message, ProviderOptions, join_chunks
from core.providers.joxcoder_provider import JoxCoderProvider, render_prompt
from tests.fakes import FakeTGI, Reply

KEY = "hf_testtokenabcdefghijklmnop"
MESSAGES = [Message(role="system", content="ROLE: architect"), Message(role="user", content="a todo app")]
FAST = ProviderOptions(budget=120.0, timeout=60.0)  # success paths: generous, CI cores are shared


def make(fake: FakeTGI, route: str = "text-generation") -> JoxCoderProvider:
    return JoxCoderProvider(api_key=KEY, base_url=fake.base_url, model="joxcoder-7b", route=route)


def test_text_generation_posts_the_rendered_chat_to_the_root(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply(text="{}", prompt_tokens=12, completion_tokens=2))
    result = make(fake_tgi).complete(MESSAGES, FAST)
    assert result.text == "{}"
    assert result.usage.model_dump() == {"prompt_tokens": 12, "completion_tokens": 2, "estimated": False}
    request = fake_tgi.requests[0]
    assert request.path == "/"
    assert request.header("authorization") == f"Bearer {KEY}"
    assert request.body["inputs"] == render_prompt(MESSAGES)
    assert "<|im_start|>system\nROLE: architect<|im_end|>" in request.body["inputs"]
    assert request.body["parameters"]["max_new_tokens"] == FAST.max_tokens
    assert request.body["parameters"]["details"] is True


def test_text_generation_stream_reads_tokens_and_final_details(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply(text="x y z", prompt_tokens=11))
    provider = make(fake_tgi)
    assert list(provider.execute(MESSAGES, FAST)) == ["x ", "y ", "z"]
    assert provider.last_usage.model_dump() == {
        "prompt_tokens": 11,
        "completion_tokens": 3,
        "estimated": False,
    }
    assert fake_tgi.requests[0].body["stream"] is True


def test_usage_estimated_without_details(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply(text="w" * 40, usage=False), Reply(text="v" * 40, usage=False))
    provider = make(fake_tgi)
    assert provider.complete(MESSAGES, FAST).usage.estimated
    list(provider.execute(MESSAGES, FAST))
    assert provider.last_usage.estimated and provider.last_usage.completion_tokens == 10


def test_chat_route_uses_v1_chat_completions_with_the_model_name(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply(text="hello", prompt_tokens=3), Reply(text="a b", prompt_tokens=4))
    provider = make(fake_tgi, route="chat")
    result = provider.complete(MESSAGES, FAST)
    assert result.text == "hello" and result.usage.prompt_tokens == 3 and not result.usage.estimated
    assert list(provider.execute(MESSAGES, FAST)) == ["a ", "b"]
    assert provider.last_usage.model_dump() == {
        "prompt_tokens": 4,
        "completion_tokens": 2,
        "estimated": False,
    }
    assert [r.path for r in fake_tgi.requests] == ["/v1/chat/completions"] * 2
    assert fake_tgi.requests[0].body["model"] == "joxcoder-7b"
    assert fake_tgi.requests[1].body["stream_options"] == {"include_usage": True}


def test_model_loading_503_waits_for_estimated_time_then_succeeds(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply.loading(estimated_time=0.4), Reply(text="ready"))
    started = time.monotonic()
    assert make(fake_tgi).complete(MESSAGES, FAST).text == "ready"
    assert time.monotonic() - started >= 0.4
    assert len(fake_tgi.requests) == 2



def test_model_loading_retries_past_max_attempts_within_the_budget(fake_tgi: FakeTGI) -> None:
    # A cold model answers 503 with short estimates many times; the budget, not max_attempts, bounds it.
    fake_tgi.queue(*[Reply.loading(estimated_time=0.05) for _ in range(7)], Reply(text="warm"))
    options = ProviderOptions(budget=120.0, timeout=60.0, max_attempts=3)
    assert make(fake_tgi).complete(MESSAGES, options).text == "warm"
    assert len(fake_tgi.requests) == 8

def test_model_loading_in_a_stream_then_success(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply.loading(estimated_time=0.2), Reply(text="ready now"))
    assert join_chunks(make(fake_tgi).execute(MESSAGES, FAST)) == "ready now"


def test_model_still_loading_beyond_the_budget_fails_fast_and_says_so(fake_tgi: FakeTGI) -> None:
    fake_tgi.default = Reply.loading(estimated_time=60)
    started = time.monotonic()
    with pytest.raises(ProviderError) as info:
        make(fake_tgi).complete(MESSAGES, ProviderOptions(budget=2.0, timeout=1.0))
    assert time.monotonic() - started < 45  # gave up at once instead of waiting the 60 s (loose: shared CI cores)
    assert info.value.provider == "joxcoder"
    assert "the model is still loading" in info.value.cause and "60 s more" in info.value.cause


def test_overloaded_429_with_retry_after_then_success(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(
        Reply.error(429, "Model is overloaded", error_type="overloaded", headers={"Retry-After": "0.2"}),
        Reply(text="ok"),
    )
    assert make(fake_tgi).complete(MESSAGES, FAST).text == "ok"
    assert len(fake_tgi.requests) == 2


def test_validation_error_is_not_retried(fake_tgi: FakeTGI) -> None:
    fake_tgi.default = Reply.error(422, "Input validation error: inputs too long", error_type="validation")
    with pytest.raises(ProviderError, match="inputs too long"):
        make(fake_tgi).complete(MESSAGES, FAST)
    assert len(fake_tgi.requests) == 1


def test_401_fails_at_once(fake_tgi: FakeTGI) -> None:
    fake_tgi.default = Reply.error(401, "Invalid credentials in Authorization header")
    with pytest.raises(ProviderError, match=r"invalid API key \(401\)"):
        list(make(fake_tgi).execute(MESSAGES, FAST))
    assert len(fake_tgi.requests) == 1


def test_connection_refused_surfaces_as_provider_error() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    provider = JoxCoderProvider(base_url=f"http://127.0.0.1:{port}", model="joxcoder")
    with pytest.raises(ProviderError) as info:
        provider.complete(MESSAGES, ProviderOptions(budget=1.0, timeout=0.5))
    assert info.value.cause.startswith(f"connection refused at http://127.0.0.1:{port}")


def test_timeout_surfaces_as_provider_error(fake_tgi: FakeTGI) -> None:
    fake_tgi.default = Reply.slow(5)
    with pytest.raises(ProviderError, match=r"timed out after 0\.3 s"):
        list(make(fake_tgi).execute(MESSAGES, ProviderOptions(budget=0.8, timeout=0.3)))


def test_stream_dying_midway_restarts_the_call(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply.cut(after=2, text="p q r s"), Reply(text="p q r s"))
    chunks = list(make(fake_tgi).execute(MESSAGES, FAST))
    assert chunks[:2] == ["p ", "q "] and chunks[2] is RESTART
    assert join_chunks(chunks) == "p q r s"


def test_stream_without_final_event_is_retried(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply(text="p q r s", truncate_after=2), Reply(text="p q r s"))
    assert join_chunks(make(fake_tgi).execute(MESSAGES, FAST)) == "p q r s"
    assert len(fake_tgi.requests) == 2


def test_malformed_response_then_success(fake_tgi: FakeTGI) -> None:
    fake_tgi.queue(Reply(malformed=True), Reply(text="ok"))
    assert make(fake_tgi).complete(MESSAGES, FAST).text == "ok"


def test_configuration_is_validated() -> None:
    with pytest.raises(ValidationError, match="JOXCODER_ROUTE"):
        JoxCoderProvider(base_url="http://127.0.0.1:1", route="completions")
    with pytest.raises(ValidationError, match="JOXCODER_API_URL"):
        JoxCoderProvider()
    with pytest.raises(ValidationError, match="http"):
        JoxCoderProvider(base_url="ftp://x")
