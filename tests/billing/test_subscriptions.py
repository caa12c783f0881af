"""Subscriptions: first period, renewals per invoice, status changes, any delivery order."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime

from sqlalchemy import select

from core import ledger
from core.billing import get_subscription, handle_webhook
from db.models import LedgerEntry, Subscription
from db.session import session_scope
from tests.billing import events
from tests.billing.conftest import StripeEnv
from tests.factories import make_user

SUB = "sub_test_1"


def deliver(env: StripeEnv, kind: str, obj: dict) -> str:
    """Deliver one signed event; its outcome."""
    payload = events.event(kind, obj)
    status, body = handle_webhook(payload, events.sign(payload, env.webhook_secret))
    assert status == 200, body
    return body["status"]


def subscription_credits(user_id: int) -> list[tuple[str, int]]:
    """(ref, amount) of the user's subscription entries, oldest first; checks balance == sum."""
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user_id) == ledger.ledger_sum(session=s, user_id=user_id)
        rows = s.scalars(select(LedgerEntry).where(LedgerEntry.user_id == user_id, LedgerEntry.kind == "subscription")
                         .order_by(LedgerEntry.id))
        return [(e.ref, int(e.amount)) for e in rows]


def row() -> Subscription:
    """The one subscription row."""
    with session_scope() as s:
        return s.scalars(select(Subscription)).one()


def test_first_payment_renewal_and_cancellation(stripe_env_any_db: StripeEnv):
    stripe_env = stripe_env_any_db
    user = make_user("alice")
    completed = events.checkout_completed(user.id, "basic", 300, mode="subscription", subscription=SUB,
                                          invoice="in_first")
    assert deliver(stripe_env, "checkout.session.completed", completed) == "credited"
    assert subscription_credits(user.id) == [("in_first", 300)]
    r = row()
    assert (r.user_id, r.plan, r.status, r.stripe_customer_id) == (user.id, "basic", "active", "cus_test_1")
    view = get_subscription(user.id)
    assert view is not None and (view.plan, view.status) == ("basic", "active")

    # Stripe also sends invoice.paid for the first invoice: same invoice, no second credit.
    meta = events.meta(user.id, "basic", 300)
    first = events.invoice_paid("in_first", SUB, reason="subscription_create", metadata=meta)
    assert deliver(stripe_env, "invoice.paid", first) == "already_credited"

    end = int(time.time()) + 61 * 86400
    renewal = events.invoice_paid("in_second", SUB, metadata=meta, period_end=end)
    assert deliver(stripe_env, "invoice.paid", renewal) == "credited"
    assert subscription_credits(user.id) == [("in_first", 300), ("in_second", 300)]
    stored = row().current_period_end
    assert stored is not None and stored.replace(tzinfo=UTC) == datetime.fromtimestamp(end, UTC)

    assert deliver(stripe_env, "customer.subscription.updated", events.subscription(SUB, "past_due")) == "updated"
    assert row().status == "past_due"
    assert deliver(stripe_env, "customer.subscription.deleted", events.subscription(SUB, "canceled")) == "updated"
    assert row().status == "canceled" and get_subscription(user.id) is None
    # A late, out-of-order "active" update never revives a cancelled subscription.
    assert deliver(stripe_env, "customer.subscription.updated", events.subscription(SUB, "active")) == "updated"
    assert row().status == "canceled"
    assert subscription_credits(user.id) == [("in_first", 300), ("in_second", 300)]
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user.id) == 100 + 600


def test_invoice_before_checkout_completed_is_attributed_by_metadata(stripe_env: StripeEnv):
    user = make_user("alice")
    meta = events.meta(user.id, "pro", 1500)
    first = events.invoice_paid("in_early", SUB, reason="subscription_create", metadata=meta)
    assert deliver(stripe_env, "invoice.paid", first) == "credited"
    completed = events.checkout_completed(user.id, "pro", 1500, mode="subscription", subscription=SUB,
                                          invoice="in_early")
    assert deliver(stripe_env, "checkout.session.completed", completed) == "already_credited"
    assert subscription_credits(user.id) == [("in_early", 1500)]
    assert (row().plan, row().status) == ("pro", "active")


def test_checkout_without_invoice_id_leaves_the_credit_to_invoice_paid(stripe_env: StripeEnv):
    user = make_user("alice")
    completed = events.checkout_completed(user.id, "basic", 300, mode="subscription", subscription=SUB)
    assert deliver(stripe_env, "checkout.session.completed", completed) == "recorded"
    assert subscription_credits(user.id) == []
    # No metadata on this invoice: the user is found through the Subscription row.
    assert deliver(stripe_env, "invoice.paid", events.invoice_paid("in_1", SUB, reason="subscription_create")) \
        == "credited"
    assert subscription_credits(user.id) == [("in_1", 300)]


def test_concurrent_checkout_and_first_invoice_credit_once(stripe_env_any_db: StripeEnv):
    stripe_env = stripe_env_any_db
    user = make_user("alice")
    meta = events.meta(user.id, "basic", 300)
    objs = [("checkout.session.completed", events.checkout_completed(
                user.id, "basic", 300, mode="subscription", subscription=SUB, invoice="in_race")),
            ("invoice.paid", events.invoice_paid("in_race", SUB, reason="subscription_create", metadata=meta))]
    barrier, results = threading.Barrier(2), []

    def one(kind: str, obj: dict) -> None:
        payload = events.event(kind, obj)
        header = events.sign(payload, stripe_env.webhook_secret)
        barrier.wait()
        results.append(handle_webhook(payload, header))

    threads = [threading.Thread(target=one, args=job) for job in objs]
    for th in threads:
        th.start()
    for th in threads:
        th.join(180)
    assert sorted(b["status"] for _, b in results) == ["already_credited", "credited"], results
    assert subscription_credits(user.id) == [("in_race", 300)]


def test_invoices_of_other_subscriptions_and_one_off_invoices_are_ignored(stripe_env: StripeEnv):
    make_user("alice")
    assert deliver(stripe_env, "invoice.paid", events.invoice_paid("in_x", "sub_someone_else")) == "ignored"
    one_off = events.invoice_paid("in_y", "")
    assert deliver(stripe_env, "invoice.paid", one_off) == "ignored"
    assert deliver(stripe_env, "customer.subscription.deleted", events.subscription("sub_nope", "canceled")) \
        == "ignored"


def test_older_invoice_shape_with_top_level_subscription(stripe_env: StripeEnv):
    user = make_user("alice")
    legacy = {"id": "in_old", "object": "invoice", "customer": "cus_test_1", "billing_reason": "subscription_cycle",
              "subscription": SUB, "subscription_details": {"metadata": events.meta(user.id, "basic", 300)},
              "lines": {"data": []}}
    assert deliver(stripe_env, "invoice.paid", legacy) == "credited"
    assert subscription_credits(user.id) == [("in_old", 300)]


def deliver_at(env: StripeEnv, kind: str, obj: dict, created: int) -> str:
    """Deliver one signed event that Stripe created at `created`; its outcome."""
    payload = events.event(kind, obj, created=created)
    status, body = handle_webhook(payload, events.sign(payload, env.webhook_secret))
    assert status == 200, body
    return body["status"]


def test_an_older_event_delivered_late_never_moves_the_subscription_back(stripe_env_any_db: StripeEnv):
    env = stripe_env_any_db
    user = make_user("alice")
    meta = events.meta(user.id, "basic", 300)
    now = int(time.time())
    d30, d60 = now + 30 * 86400, now + 60 * 86400
    assert deliver_at(env, "customer.subscription.created",
                      events.subscription(SUB, "active", metadata=meta, period_end=d30), now - 100) == "updated"
    assert deliver_at(env, "customer.subscription.updated",
                      events.subscription(SUB, "active", metadata=meta, period_end=d60), now - 10) == "updated"
    # Stripe made this one before the update above; it arrives last.
    assert deliver_at(env, "customer.subscription.updated",
                      events.subscription(SUB, "unpaid", metadata=meta, period_end=d30), now - 50) == "stale"
    r = row()
    assert r.status == "active"
    assert r.current_period_end is not None and r.current_period_end.replace(tzinfo=UTC) == \
        datetime.fromtimestamp(d60, UTC)
    view = get_subscription(user.id)
    assert view is not None and view.status == "active"  # Billing shows the plan, not "Subscribe" again

    # An older paid invoice still credits its period once, but does not rewrite the newer state.
    assert deliver_at(env, "invoice.paid", events.invoice_paid("in_old", SUB, metadata=meta, period_end=d30),
                      now - 60) == "credited"
    assert row().current_period_end.replace(tzinfo=UTC) == datetime.fromtimestamp(d60, UTC)
    assert subscription_credits(user.id) == [("in_old", 300)]

    # A newer event still applies.
    assert deliver_at(env, "customer.subscription.updated",
                      events.subscription(SUB, "past_due", metadata=meta, period_end=d60), now) == "updated"
    assert row().status == "past_due"
