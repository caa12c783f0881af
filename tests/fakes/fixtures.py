"""Pytest fixtures for the fakes and for pointing AUTOCREA's settings at them.

Import what you need into a conftest.py:  `from tests.fakes.fixtures import fake_openai, provider_env`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakes.anthropic_fake import FakeAnthropic
from tests.fakes.openai_fake import FakeOpenAI
from tests.fakes.tgi_fake import FakeTGI

# Emptied (an empty variable also hides a value in .env); the model and route variables keep their defaults.
PROVIDER_VARS = (
    "JOXCODER_API_URL",
    "JOXCODER_API_KEY",
    "OPENAI_API_KEY",
    "OPENAI_BASE_URL",
    "ANTHROPIC_API_KEY",
    "ANTHROPIC_BASE_URL",
    "FALLBACK_PROVIDER",
)
DEFAULTED_VARS = ("JOXCODER_MODEL", "JOXCODER_ROUTE", "OPENAI_MODEL", "ANTHROPIC_MODEL")


def _served(fake_cls: type) -> Iterator:
    fake = fake_cls().start()
    try:
        yield fake
    finally:
        fake.stop()


@pytest.fixture
def fake_tgi() -> Iterator[FakeTGI]:
    """A started FakeTGI (JoxCoder's wire protocols)."""
    yield from _served(FakeTGI)


@pytest.fixture
def fake_openai() -> Iterator[FakeOpenAI]:
    """A started FakeOpenAI (OpenAI, Ollama, vLLM, LM Studio)."""
    yield from _served(FakeOpenAI)


@pytest.fixture
def fake_anthropic() -> Iterator[FakeAnthropic]:
    """A started FakeAnthropic."""
    yield from _served(FakeAnthropic)


class ProviderEnv:
    """Sets provider settings through the environment and refreshes `get_settings()`."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        for name in PROVIDER_VARS:
            monkeypatch.setenv(name, "")
        for name in DEFAULTED_VARS:
            monkeypatch.delenv(name, raising=False)
        self._refresh()

    def set(self, **values: str) -> ProviderEnv:
        """provider_env.set(OPENAI_API_KEY="sk-test", OPENAI_BASE_URL=fake.base_url)."""
        for name, value in values.items():
            self.monkeypatch.setenv(name.upper(), value)
        self._refresh()
        return self

    def joxcoder(self, fake: FakeTGI, route: str = "text-generation", key: str = "") -> ProviderEnv:
        """JoxCoder served by `fake`."""
        return self.set(JOXCODER_API_URL=fake.base_url, JOXCODER_ROUTE=route, JOXCODER_API_KEY=key)

    def openai(
        self, fake: FakeOpenAI, key: str = "sk-test-server-key-000000", model: str = "gpt-test"
    ) -> ProviderEnv:
        """OpenAI served by `fake`."""
        return self.set(OPENAI_API_KEY=key, OPENAI_BASE_URL=fake.base_url, OPENAI_MODEL=model)

    def anthropic(
        self, fake: FakeAnthropic, key: str = "sk-ant-test-server-key-0000", model: str = "claude-test"
    ) -> ProviderEnv:
        """Anthropic served by `fake`."""
        return self.set(ANTHROPIC_API_KEY=key, ANTHROPIC_BASE_URL=fake.base_url, ANTHROPIC_MODEL=model)

    def _refresh(self) -> None:
        from core.config import get_settings

        get_settings.cache_clear()


@pytest.fixture
def provider_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[ProviderEnv]:
    """Provider settings cleared, then set per test; settings refreshed before and after."""
    from core.config import get_settings

    env = ProviderEnv(monkeypatch)
    yield env
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def fast_providers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small retry budgets; scripted model code may run with limits only where bubblewrap is missing."""
    from core.config import get_settings
    from core.sandbox import detect_isolation

    monkeypatch.setenv("PROVIDER_BUDGET_SECONDS", "4")
    monkeypatch.setenv("PROVIDER_TIMEOUT_SECONDS", "2")
    if detect_isolation().level != "bubblewrap":
        monkeypatch.setenv("ALLOW_UNISOLATED_MODEL_CODE", "true")
    get_settings.cache_clear()
