"""Checkout Sessions through the real stripe SDK against the local fake API."""

from __future__ import annotations

import logging

import pytest

from core import billing
from core.billing import PLANS, BillingError, billing_enabled, create_checkout
from core.config import get_settings
from core.errors import ValidationError
from tests.billing.conftest import SECRET_KEY, StripeEnv
from tests.factories import make_user


def test_pack_checkout_sends_amount_mode_metadata_urls_and_idempotency_key(stripe_env: StripeEnv):
    user = make_user("alice")
    url = create_checkout(user_id=user.id, plan="pack_100")
    (req,) = stripe_env.fake.requests
    session = next(iter(stripe_env.fake.sessions.values()))
    assert url == session["url"] and url.startswith("https://checkout.stripe.test/")
    assert req.method == "POST" and req.path == "/v1/checkout/sessions"
    assert req.headers["idempotency-key"].startswith(f"autocrea-checkout-{user.id}-pack_100-")
    p = req.params
    assert p["mode"] == "payment"
    assert p["line_items[0][price_data][unit_amount]"] == "500"
    assert p["line_items[0][price_data][currency]"] == "usd"
    assert p["line_items[0][quantity]"] == "1"
    assert "line_items[0][price_data][recurring][interval]" not in p
    assert p["client_reference_id"] == str(user.id)
    assert (p["metadata[user_id]"], p["metadata[plan]"], p["metadata[credits]"]) == (str(user.id), "pack_100", "100")
    assert p["payment_intent_data[metadata][plan]"] == "pack_100"
    assert p["success_url"] == "https://studio.example/billing?checkout=success"
    assert p["cancel_url"] == "https://studio.example/billing?checkout=cancel"


def test_subscription_checkout_is_monthly_and_tags_the_subscription(stripe_env: StripeEnv):
    user = make_user("alice")
    create_checkout(user_id=user.id, plan="pro")
    p = stripe_env.fake.requests[0].params
    assert p["mode"] == "subscription"
    assert p["line_items[0][price_data][unit_amount]"] == str(PLANS["pro"].price_cents) == "4900"
    assert p["line_items[0][price_data][recurring][interval]"] == "month"
    assert p["subscription_data[metadata][user_id]"] == str(user.id)
    assert p["subscription_data[metadata][credits]"] == "1500"


def test_same_idempotency_key_returns_the_same_session(stripe_env: StripeEnv):
    user = make_user("alice")
    first = create_checkout(user_id=user.id, plan="basic", idempotency_key="billing-page-abc")
    again = create_checkout(user_id=user.id, plan="basic", idempotency_key="billing-page-abc")
    other = create_checkout(user_id=user.id, plan="basic")
    assert first == again != other
    assert len(stripe_env.fake.sessions) == 2
    assert [r.headers["idempotency-key"] for r in stripe_env.fake.requests][:2] == ["billing-page-abc"] * 2


def test_unknown_plan_is_a_validation_error_before_any_request(stripe_env: StripeEnv):
    with pytest.raises(ValidationError, match="Unknown plan 'gold'.*pack_100, pack_500, basic, pro"):
        create_checkout(user_id=1, plan="gold")
    assert stripe_env.fake.requests == []


@pytest.mark.parametrize("missing", ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET"])
def test_not_configured_is_a_clear_error(stripe_env: StripeEnv, monkeypatch: pytest.MonkeyPatch, missing: str):
    monkeypatch.setenv(missing, "")
    get_settings.cache_clear()
    assert not billing_enabled()
    with pytest.raises(BillingError, match="Stripe is not configured"):
        create_checkout(user_id=1, plan="pack_100")
    assert stripe_env.fake.requests == []


class LogRecorder:
    """Stands in for the structlog logger: keeps (level, event, fields)."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str, dict[str, object]]] = []

    def __getattr__(self, level: str):  # noqa: ANN204 - any log level method
        return lambda event, **fields: self.lines.append((level, event, fields))


def test_stripe_refusal_is_a_user_message_without_the_key(stripe_env: StripeEnv, caplog: pytest.LogCaptureFixture,
                                                           monkeypatch: pytest.MonkeyPatch):
    recorder = LogRecorder()
    monkeypatch.setattr(billing, "log", recorder)
    stripe_env.fake.fail_next(401, "invalid_request_error", f"Invalid API Key provided: {SECRET_KEY}")
    with caplog.at_level(logging.DEBUG), pytest.raises(BillingError) as err:
        create_checkout(user_id=1, plan="pack_500")
    assert "Stripe refused" in str(err.value) and "Nothing was charged" in str(err.value)
    assert err.value.__cause__ is None and err.value.__suppress_context__  # no Stripe text in tracebacks
    assert recorder.lines == [("error", "checkout_failed", {
        "user_id": 1, "plan": "pack_500", "error_type": "AuthenticationError", "http_status": 401,
        "request_id": recorder.lines[0][2]["request_id"]})]
    assert SECRET_KEY not in str(err.value) and SECRET_KEY not in caplog.text  # the SDK's own logger is quiet


def test_unreachable_stripe_says_try_again(stripe_env: StripeEnv, monkeypatch: pytest.MonkeyPatch):
    port = stripe_env.fake.url.rsplit(":", 1)[1]
    stripe_env.fake.stop()
    monkeypatch.setenv("STRIPE_API_BASE", f"http://127.0.0.1:{port}")
    monkeypatch.setattr(billing, "STRIPE_TIMEOUT_SECONDS", 2)
    get_settings.cache_clear()
    with pytest.raises(BillingError, match="Could not reach Stripe"):
        create_checkout(user_id=1, plan="pack_100")
