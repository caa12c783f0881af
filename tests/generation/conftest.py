"""Model-driven generations: the fake servers and provider settings, plus sandbox policy for scripted code."""

from __future__ import annotations

import pytest

from tests.fakes.fixtures import fake_anthropic, fake_openai, fake_tgi, provider_env  # noqa: F401


@pytest.fixture(autouse=True)
def _fast_providers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small retry budgets; scripted model code may run with limits only where bubblewrap is missing."""
    from core.config import get_settings
    from core.sandbox import detect_isolation

    monkeypatch.setenv("PROVIDER_BUDGET_SECONDS", "4")
    monkeypatch.setenv("PROVIDER_TIMEOUT_SECONDS", "2")
    if detect_isolation().level != "bubblewrap":
        monkeypatch.setenv("ALLOW_UNISOLATED_MODEL_CODE", "true")
    get_settings.cache_clear()
