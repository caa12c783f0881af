"""Webhook verification and exactly-once crediting of one-off packs."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select

from core import ledger
from core.billing import handle_webhook
from core.config import get_settings
from db.models import LedgerEntry, StripeEvent
from db.session import session_scope
from tests.billing import events
from tests.billing.conftest import StripeEnv
from tests.factories import make_user


def deliver(env: StripeEnv, payload: bytes, **sign: int) -> tuple[int, dict]:
    """POST-equivalent: the raw body and a header signed with the configured secret."""
    return handle_webhook(payload, events.sign(payload, env.webhook_secret, sign.get("timestamp")))


def money(user_id: int) -> tuple[int, int, int]:
    """(balance, sum of entries, number of purchase entries)."""
    with session_scope() as s:
        n = s.scalar(select(func.count(LedgerEntry.id)).where(LedgerEntry.user_id == user_id,
                                                              LedgerEntry.kind == "purchase"))
        return ledger.balance(session=s, user_id=user_id), ledger.ledger_sum(session=s, user_id=user_id), int(n)


def recorded(event_id: str) -> bool:
    """Whether the event id is in stripe_events."""
    with session_scope() as s:
        return s.get(StripeEvent, event_id) is not None


def test_paid_pack_credits_once_and_a_replay_does_nothing(stripe_env_any_db: StripeEnv):
    stripe_env = stripe_env_any_db
    user = make_user("alice")
    payload = events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_100", 100),
                           event_id="evt_pack_1")
    status, body = deliver(stripe_env, payload)
    assert (status, body["status"]) == (200, "credited")
    assert money(user.id) == (200, 200, 1)
    status, body = deliver(stripe_env, payload)
    assert (status, body["status"]) == (200, "duplicate")
    assert money(user.id) == (200, 200, 1)
    assert recorded("evt_pack_1")


def test_same_session_in_a_new_event_id_credits_once(stripe_env: StripeEnv):
    user = make_user("alice")
    session = events.checkout_completed(user.id, "pack_500", 500, session_id="cs_test_same")
    assert deliver(stripe_env, events.event("checkout.session.completed", session))[1]["status"] == "credited"
    again = events.event("checkout.session.async_payment_succeeded", session)
    assert deliver(stripe_env, again)[1]["status"] == "already_credited"
    assert money(user.id) == (600, 600, 1)


def test_two_concurrent_deliveries_credit_once(stripe_env_any_db: StripeEnv):
    stripe_env = stripe_env_any_db
    user = make_user("alice")
    payload = events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_500", 500))
    header = events.sign(payload, stripe_env.webhook_secret)
    barrier, results = threading.Barrier(2), []

    def one() -> None:
        barrier.wait()
        results.append(handle_webhook(payload, header))

    threads = [threading.Thread(target=one) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(180)
    assert sorted(body["status"] for _, body in results) == ["credited", "duplicate"]
    assert all(status == 200 for status, _ in results)
    assert money(user.id) == (600, 600, 1)


def test_many_concurrent_deliveries_of_several_events(stripe_env_any_db: StripeEnv):
    stripe_env = stripe_env_any_db
    user = make_user("alice")
    payloads = [events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_100", 100))
                for _ in range(3)]
    jobs = [p for p in payloads for _ in range(4)]
    barrier, results = threading.Barrier(len(jobs)), []

    def one(payload: bytes) -> None:
        header = events.sign(payload, stripe_env.webhook_secret)
        barrier.wait()
        results.append(handle_webhook(payload, header)[1]["status"])

    threads = [threading.Thread(target=one, args=(p,)) for p in jobs]
    for th in threads:
        th.start()
    for th in threads:
        th.join(180)
    assert sorted(results) == ["credited"] * 3 + ["duplicate"] * 9
    assert money(user.id) == (400, 400, 3)


def test_unpaid_async_checkout_waits_for_async_payment_succeeded(stripe_env: StripeEnv):
    user = make_user("alice")
    pending = events.checkout_completed(user.id, "pack_100", 100, payment_status="unpaid", session_id="cs_async")
    assert deliver(stripe_env, events.event("checkout.session.completed", pending))[1]["status"] == "awaiting_payment"
    assert money(user.id) == (100, 100, 0)
    paid = {**pending, "payment_status": "paid"}
    succeeded = events.event("checkout.session.async_payment_succeeded", paid)
    assert deliver(stripe_env, succeeded)[1]["status"] == "credited"
    assert money(user.id) == (200, 200, 1)


@pytest.mark.parametrize("tamper", ["body", "secret", "header", "missing"])
def test_bad_signature_is_400_and_changes_nothing(stripe_env: StripeEnv, tamper: str):
    user = make_user("alice")
    payload = events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_100", 100),
                           event_id="evt_bad")
    header = events.sign(payload, stripe_env.webhook_secret)
    if tamper == "body":
        payload = payload.replace(b'"100"', b'"100000"')
    elif tamper == "secret":
        header = events.sign(payload, "whsec_someoneElse0123456789")
    elif tamper == "header":
        header = "t=abc,v1=zz"
    else:
        header = ""
    status, body = handle_webhook(payload, header)
    assert status == 400 and "error" in body
    assert money(user.id) == (100, 100, 0) and not recorded("evt_bad")


def test_signature_is_over_the_raw_body_not_reencoded_json(stripe_env: StripeEnv):
    user = make_user("alice")
    payload = events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_100", 100))
    compact = payload.replace(b"\n", b"").replace(b"  ", b"")
    status, _ = handle_webhook(compact, events.sign(payload, stripe_env.webhook_secret))
    assert status == 400


@pytest.mark.parametrize(("offset", "expected"), [(-30, 200), (30, 200), (-3600, 400), (600, 400), (86400, 400)])
def test_timestamps_too_old_or_in_the_future_are_rejected(stripe_env: StripeEnv, offset: int, expected: int):
    user = make_user("alice")
    payload = events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_100", 100))
    status, body = deliver(stripe_env, payload, timestamp=int(time.time()) + offset)
    assert status == expected, body
    assert money(user.id)[0] == (200 if expected == 200 else 100)


def test_missing_webhook_secret_is_503(stripe_env: StripeEnv, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("STRIPE_WEBHOOK_SECRET", "")
    get_settings.cache_clear()
    payload = events.event("checkout.session.completed", events.checkout_completed(1, "pack_100", 100))
    status, body = handle_webhook(payload, events.sign(payload, stripe_env.webhook_secret))
    assert status == 503 and "STRIPE_WEBHOOK_SECRET" in body["error"]


def test_unknown_event_types_are_acknowledged_and_recorded(stripe_env: StripeEnv):
    payload = events.event("charge.refund.updated", {"id": "re_1", "object": "refund"}, event_id="evt_other")
    status, body = deliver(stripe_env, payload)
    assert (status, body["status"]) == (200, "ignored") and recorded("evt_other")
    assert deliver(stripe_env, payload)[1]["status"] == "duplicate"


def test_checkout_of_another_product_is_ignored(stripe_env: StripeEnv):
    session = events.checkout_completed(1, "pack_100", 100)
    session["metadata"] = {"order": "tshirt-42"}
    status, body = deliver(stripe_env, events.event("checkout.session.completed", session))
    assert (status, body["status"]) == (200, "ignored")


def test_event_for_a_missing_user_is_recorded_not_retried_forever(stripe_env: StripeEnv):
    payload = events.event("checkout.session.completed", events.checkout_completed(999, "pack_100", 100),
                           event_id="evt_ghost")
    status, body = deliver(stripe_env, payload)
    assert (status, body["status"]) == (200, "ignored") and "999" in body["reason"]
    assert recorded("evt_ghost")


def test_signed_garbage_is_400(stripe_env: StripeEnv):
    for payload in (b"not json", b'{"object": "event"}', b"\xff\xfe"):
        assert handle_webhook(payload, events.sign(payload, stripe_env.webhook_secret))[0] == 400


ODD_JSON = {
    "list": b"[1,2]",
    "null": b"null",
    "number": b"42",
    "string": b'"evt"',
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "deep-object": b'{"id": "evt_deep", "type": "x", "data": ' + b'{"a":' * 100_000 + b"1" + b"}" * 100_001,
    "data-not-object": b'{"id": "evt_odd1", "type": "checkout.session.completed", "data": [1]}',
    "object-not-object": b'{"id": "evt_odd2", "type": "invoice.paid", "data": {"object": "in_1"}}',
    "lines-not-list": b'{"id": "evt_odd3", "type": "invoice.paid", "data": {"object": {"id": "in_1", '
                      b'"subscription": "sub_1", "subscription_details": {"metadata": {"plan": "basic", '
                      b'"user_id": "1"}}, "lines": {"data": 7}}}}',
    "id-not-string": b'{"id": {"x": 1}, "type": "invoice.paid", "data": {"object": {}}}',
}


@pytest.mark.parametrize("name", list(ODD_JSON))
def test_signed_but_odd_json_is_400_and_records_nothing(stripe_env: StripeEnv, name: str):
    make_user("alice")
    payload = ODD_JSON[name]
    status, body = handle_webhook(payload, events.sign(payload, stripe_env.webhook_secret))
    assert status == 400, body
    assert "error" in body
    with session_scope() as s:
        assert s.scalar(select(func.count()).select_from(StripeEvent)) == 0
