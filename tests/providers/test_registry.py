"""build_provider, available_providers, fallback chains, and keys kept out of logs and errors."""

from __future__ import annotations

import logging

import pytest
from structlog.testing import capture_logs

from core import keys
from core.errors import ProviderError, UnknownProviderError, ValidationError
from core.providers import (
    REGISTRY,
    Message,
    ProviderOptions,
    available_providers,
    build_chain,
    build_provider,
    complete_with_fallback,
    get_provider_class,
)
from core.providers.anthropic_provider import AnthropicProvider
from core.providers.joxcoder_provider import JoxCoderProvider
from core.providers.openai_provider import OpenAICompatibleProvider, OpenAIProvider
from tests.fakes import FakeAnthropic, FakeOpenAI, FakeTGI, Reply

MESSAGES = [Message(role="user", content="hi")]
FAST = ProviderOptions(budget=120.0, timeout=60.0)  # success paths: generous, CI cores are shared
USER_KEY = "sk-user-own-key-0123456789abcdef"


def test_registry_holds_every_provider_with_capabilities_as_data() -> None:
    assert {"offline", "joxcoder", "openai", "anthropic", "openai_compatible"} <= set(REGISTRY)
    labels = {name: get_provider_class(name).label for name in REGISTRY}
    assert labels["joxcoder"] == "JoxCoder" and labels["openai_compatible"] == "OpenAI-compatible"
    assert get_provider_class("openai").key_env_var == "OPENAI_API_KEY"
    assert issubclass(OpenAICompatibleProvider, OpenAIProvider)
    assert not any(get_provider_class(n).is_offline for n in REGISTRY if n != "offline")
    with pytest.raises(UnknownProviderError, match="Choose one of"):
        get_provider_class("gpt")


def test_build_provider_from_settings(
    provider_env, fake_openai: FakeOpenAI, fake_tgi: FakeTGI, fake_anthropic: FakeAnthropic
) -> None:
    provider_env.openai(fake_openai).joxcoder(fake_tgi, route="chat").anthropic(fake_anthropic)
    assert isinstance(build_provider("openai"), OpenAIProvider)
    jox = build_provider("joxcoder")
    assert isinstance(jox, JoxCoderProvider) and jox.route == "chat"
    assert isinstance(build_provider("anthropic"), AnthropicProvider)
    assert build_provider("offline").is_offline


def test_unconfigured_provider_says_how_to_configure_it(provider_env) -> None:
    with pytest.raises(
        ValidationError, match="OpenAI is not configured: add your key in Settings or set OPENAI_API_KEY"
    ):
        build_provider("openai")
    with pytest.raises(ValidationError, match="JOXCODER_API_URL"):
        build_provider("joxcoder")
    with pytest.raises(UnknownProviderError):
        build_provider("nope")


def test_user_key_wins_over_settings(user_id: int, provider_env, fake_openai: FakeOpenAI) -> None:
    provider_env.openai(fake_openai, key="sk-server-key-000000000000")
    keys.save_key(
        user_id=user_id, provider="openai", api_key=USER_KEY, base_url=fake_openai.base_url, model="gpt-user"
    )
    provider = build_provider("openai", user_id=user_id)
    provider.complete(MESSAGES, FAST)
    assert fake_openai.requests[-1].header("authorization") == f"Bearer {USER_KEY}"
    assert fake_openai.requests[-1].body["model"] == "gpt-user"
    build_provider("openai", user_id=None).complete(MESSAGES, FAST)
    assert fake_openai.requests[-1].header("authorization") == "Bearer sk-server-key-000000000000"


def test_user_key_alone_configures_a_provider(
    user_id: int, provider_env, fake_anthropic: FakeAnthropic
) -> None:
    keys.save_key(
        user_id=user_id,
        provider="anthropic",
        api_key="sk-ant-user-0123456789",
        base_url=fake_anthropic.base_url,
    )
    provider = build_provider("anthropic", user_id=user_id)
    assert provider.model == "claude-sonnet-4-5"  # the server's default model
    assert provider.complete(MESSAGES, FAST).text


def test_available_providers_without_and_with_keys(user_id: int, provider_env, fake_tgi: FakeTGI) -> None:
    assert available_providers(None) == [("offline", "Offline engine")]
    assert available_providers(user_id) == [("offline", "Offline engine")]
    provider_env.joxcoder(fake_tgi)
    keys.save_key(
        user_id=user_id,
        provider="openai_compatible",
        api_key="ollama-local-key",
        base_url="http://127.0.0.1:11434/v1",
        model="qwen2.5-coder",
    )
    keys.save_key(user_id=user_id, provider="anthropic", api_key="sk-ant-user-0123456789")
    assert available_providers(user_id) == [
        ("offline", "Offline engine"),
        ("joxcoder", "JoxCoder"),
        ("anthropic", "Anthropic"),
        ("openai_compatible", "OpenAI-compatible"),
    ]
    assert available_providers(None) == [("offline", "Offline engine"), ("joxcoder", "JoxCoder")]


def test_fallback_chain_uses_the_next_provider(
    fake_openai: FakeOpenAI, fake_anthropic: FakeAnthropic
) -> None:
    fake_openai.default = Reply.error(401, "bad key")
    fake_anthropic.queue(Reply(text="from anthropic"))
    chain = [
        OpenAIProvider(api_key="sk-a-0123456789abcdef", base_url=fake_openai.base_url, model="m"),
        AnthropicProvider(api_key="sk-ant-b-0123456789", base_url=fake_anthropic.base_url, model="c"),
    ]
    result = complete_with_fallback(chain, MESSAGES, FAST)
    assert (result.text, result.provider) == ("from anthropic", "anthropic")


def test_fallback_chain_reports_every_failure(fake_openai: FakeOpenAI, fake_anthropic: FakeAnthropic) -> None:
    fake_openai.default = Reply.error(401, "bad key")
    fake_anthropic.default = Reply.error(404, "no such model")
    chain = [
        OpenAIProvider(api_key="sk-a-0123456789abcdef", base_url=fake_openai.base_url, model="m"),
        AnthropicProvider(api_key="sk-ant-b-0123456789", base_url=fake_anthropic.base_url, model="c"),
    ]
    with pytest.raises(ProviderError) as info:
        complete_with_fallback(chain, MESSAGES, FAST)
    assert "openai: invalid API key (401)" in info.value.cause and "anthropic: model 'c'" in info.value.cause
    with pytest.raises(ProviderError, match="invalid API key"):
        complete_with_fallback(chain[:1], MESSAGES, FAST)


def test_default_chain_has_no_fallback(provider_env, fake_openai: FakeOpenAI) -> None:
    provider_env.openai(fake_openai)
    assert [p.name for p in build_chain("openai")] == ["openai"]
    assert [p.name for p in build_chain("openai", "offline")] == ["openai", "offline"]
    assert [p.name for p in build_chain("openai", "anthropic")] == ["openai"]  # not configured: skipped


def test_keys_never_reach_logs_or_errors(
    fake_openai: FakeOpenAI, caplog: pytest.LogCaptureFixture, capfd: pytest.CaptureFixture[str]
) -> None:
    secret = "plain-secret-that-no-regex-knows-42"  # scrubbed by value, not by pattern
    fake_openai.queue(Reply.error(500, f"upstream echoed {secret}"), Reply.rate_limited(0.05))
    fake_openai.default = Reply.error(403, f"key {secret} has no access")
    provider = OpenAIProvider(api_key=secret, base_url=fake_openai.base_url, model="m")
    caplog.set_level(logging.DEBUG)
    with capture_logs() as events, pytest.raises(ProviderError) as info:
        provider.complete(MESSAGES, FAST)
    assert len(fake_openai.requests) == 3
    assert secret not in str(info.value) and secret not in repr(info.value)
    assert info.value.__cause__ is None and info.value.__suppress_context__
    assert events and secret not in repr(events)
    assert secret not in caplog.text
    out, err = capfd.readouterr()
    assert secret not in out + err
    assert secret not in repr(provider)
