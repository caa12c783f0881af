"""The Billing page through AppTest, with Stripe pointed at the local fake."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from core.billing import handle_webhook
from core.config import get_settings
from tests.billing import events
from tests.billing.conftest import StripeEnv
from tests.ui.conftest import db, navigation_app, signed_in, texts  # noqa: F401 - the UI suite's fixtures
from tests.ui.conftest import make_user as make_ui_user


def links(at: AppTest) -> list[tuple[str, str]]:
    """(label, url) of every link button on the page."""
    return [(e.proto.label, e.proto.url) for e in at.get("link_button")]


def billing_page(username: str = "ada") -> tuple[AppTest, int]:
    """A signed-in user on the Billing page."""
    user = make_ui_user(username)
    at = signed_in(user)
    at.switch_page("pages/billing.py").run()
    assert not at.exception
    return at, user.id


def test_buy_creates_a_checkout_and_shows_the_link(stripe_env: StripeEnv):
    at, user_id = billing_page()
    shown = texts(at)
    assert "$5.00" in shown and "$20.00" in shown and "$12.00 / month" in shown and "$49.00 / month" in shown
    assert "STRIPE_SECRET_KEY" not in shown
    assert {b.label for b in at.button if b.key and b.key.startswith("billing_buy_")} == {"Buy", "Subscribe"}
    assert not any(b.disabled for b in at.button if b.key and b.key.startswith("billing_buy_"))

    at.button(key="billing_buy_pack_100").click().run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    session = next(iter(stripe_env.fake.sessions.values()))
    assert links(at) == [("Continue to secure checkout", session["url"])]
    assert session["metadata"] == {"user_id": str(user_id), "plan": "pack_100", "credits": "100"}

    # A second click (or a rerun of the click) reuses the same Checkout Session through the idempotency key.
    at.button(key="billing_buy_pack_100").click().run()
    assert len(stripe_env.fake.sessions) == 1 and len(stripe_env.fake.requests) == 2
    assert links(at) == [("Continue to secure checkout", session["url"])]


def test_stripe_outage_shows_a_message_and_no_link(stripe_env: StripeEnv):
    at, _ = billing_page()
    stripe_env.fake.fail_next(500, "api_error", "boom")
    stripe_env.fake.fail_next(500, "api_error", "boom")
    stripe_env.fake.fail_next(500, "api_error", "boom")
    at.button(key="billing_buy_pro").click().run()
    assert not at.exception
    assert any("Could not reach Stripe" in e.value for e in at.error)
    assert links(at) == []


@pytest.mark.parametrize(("param", "message"), [("success", "Payment received: credits arrive in a few seconds."),
                                                 ("cancel", "Checkout cancelled: nothing was charged.")])
def test_return_from_checkout(stripe_env: StripeEnv, param: str, message: str):
    at, _ = billing_page()
    at.query_params["checkout"] = param
    at.run()
    assert message in texts(at)


def test_active_subscription_is_shown_and_blocks_a_second_one(stripe_env: StripeEnv):
    at, user_id = billing_page()
    completed = events.checkout_completed(user_id, "pro", 1500, mode="subscription", subscription="sub_page",
                                          invoice="in_page")
    payload = events.event("checkout.session.completed", completed)
    assert handle_webhook(payload, events.sign(payload, stripe_env.webhook_secret))[0] == 200
    at.run()
    shown = texts(at)
    assert "Your subscription: **Pro** (Active)" in shown
    assert at.metric[0].value == "1,600 credits"
    assert at.button(key="billing_buy_basic").disabled and at.button(key="billing_buy_pro").disabled
    assert not at.button(key="billing_buy_pack_500").disabled
    assert list(at.dataframe[0].value["Kind"]) == ["Subscription", "Trial"]


def test_without_webhook_secret_purchases_stay_off(stripe_env: StripeEnv, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "")
    get_settings.cache_clear()
    at, _ = billing_page()
    shown = texts(at)
    # End users get a plain sentence; the operator's variable names are for admins only.
    assert "STRIPE_WEBHOOK_SECRET" not in shown and "Purchases are not enabled on this installation" in shown
    assert all(b.disabled for b in at.button if b.key and b.key.startswith("billing_buy_"))


def test_spanish_labels(stripe_env: StripeEnv):
    at, _ = billing_page()
    at.session_state["ui_lang"] = "es"
    at.run()
    shown = texts(at)
    assert "Básico" in shown and "12,00 US$ / mes" in shown and "Suscripción mensual" in shown
    assert {b.label for b in at.button if b.key and b.key.startswith("billing_buy_")} == {"Comprar", "Suscribirse"}
