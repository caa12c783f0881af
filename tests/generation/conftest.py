"""Model-driven generations: the fake servers and provider settings, plus sandbox policy for scripted code."""

from __future__ import annotations

import pytest

from tests.fakes.fixtures import fake_anthropic, fake_openai, fake_tgi, fast_providers, provider_env  # noqa: F401


@pytest.fixture(autouse=True)
def _fast(request: pytest.FixtureRequest) -> None:
    """Every test here: small retry budgets and the sandbox policy for scripted code."""
    request.getfixturevalue("fast_providers")
