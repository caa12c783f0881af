"""Stripe configured against a local fake API, with a webhook secret, on a fresh database."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from core.config import get_settings
from tests.billing.stripe_fake import FakeStripe

SECRET_KEY = "sk_test_fakeKey0123456789abcdef"
WEBHOOK_SECRET = "whsec_testSecret0123456789abcdef"


@dataclass
class StripeEnv:
    """The running fake and the secrets the app was configured with."""

    fake: FakeStripe
    secret_key: str = SECRET_KEY
    webhook_secret: str = WEBHOOK_SECRET


def _configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[StripeEnv]:
    fake = FakeStripe(api_key=SECRET_KEY).start()
    monkeypatch.setenv("STRIPE_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET)
    monkeypatch.setenv("STRIPE_API_BASE", fake.url)
    monkeypatch.setenv("PUBLIC_URL", "https://studio.example/")
    get_settings.cache_clear()
    yield StripeEnv(fake)
    fake.stop()
    get_settings.cache_clear()


@pytest.fixture
def stripe_env(db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[StripeEnv]:
    """STRIPE_* and PUBLIC_URL set, the API pointed at a fake on 127.0.0.1 (SQLite)."""
    yield from _configure(monkeypatch)


@pytest.fixture
def stripe_env_any_db(any_db: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[StripeEnv]:
    """The same on SQLite and, when TEST_DATABASE_URL is set, on PostgreSQL."""
    yield from _configure(monkeypatch)
