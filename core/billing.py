"""Stripe: Checkout Sessions for credit packs and subscriptions, and idempotent webhook processing.

Every verified event is recorded in `stripe_events` (id is the primary key) in the same transaction as
the credits it grants, so a replayed or concurrently re-delivered event credits once. Credits per
subscription period are keyed by invoice id: the first period is credited by whichever of
`checkout.session.completed` and `invoice.paid` arrives first, and the other finds it already applied.
"""

from __future__ import annotations

import json
import logging
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

import stripe
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from core import ledger
from core.config import get_settings
from core.errors import AutocreaError, ValidationError
from core.logging import get_logger
from db.models import StripeEvent, Subscription
from db.session import session_scope

log = get_logger("autocrea.billing")
# The SDK logs request details and Stripe's error text (which can quote the key) at INFO, bypassing our redaction.
logging.getLogger("stripe").setLevel(logging.WARNING)
# construct_event only rejects old timestamps; a signed future timestamp would stay replayable for longer.
FUTURE_TOLERANCE_SECONDS = 60
PAST_TOLERANCE_SECONDS = stripe.Webhook.DEFAULT_TOLERANCE
STRIPE_TIMEOUT_SECONDS = 20
LIVE_STATUSES = ("active", "trialing", "past_due")


@dataclass(frozen=True)
class Plan:
    """Something a user can buy: a one-off credit pack or a monthly subscription."""

    id: str
    mode: Literal["payment", "subscription"]
    credits: int
    price_cents: int
    names: dict[str, str]
    currency: str = "usd"

    def name(self, language: str = "en") -> str:
        """The plan's name in `language` (English when missing)."""
        return self.names.get(language, self.names["en"])


PLANS: dict[str, Plan] = {p.id: p for p in (
    Plan("pack_100", "payment", 100, 500, {"en": "100 credits", "es": "100 créditos"}),
    Plan("pack_500", "payment", 500, 2000, {"en": "500 credits", "es": "500 créditos"}),
    Plan("basic", "subscription", 300, 1200, {"en": "Basic", "es": "Básico"}),
    Plan("pro", "subscription", 1500, 4900, {"en": "Pro", "es": "Pro"}),
)}


class BillingError(AutocreaError):
    """Checkout could not start: Stripe is not configured, unreachable or refused the request."""


@dataclass(frozen=True)
class SubscriptionView:
    """A user's subscription as the Billing page shows it."""

    plan: str
    status: str
    current_period_end: datetime | None


def billing_enabled() -> bool:
    """True when purchases can be both taken (secret key) and credited (webhook secret)."""
    settings = get_settings()
    return bool(settings.stripe_secret_key and settings.stripe_webhook_secret)


def get_plan(plan: str) -> Plan:
    """The plan called `plan`, or ValidationError naming the valid ones."""
    if plan not in PLANS:
        raise ValidationError(f"Unknown plan '{plan}'. Choose one of: {', '.join(PLANS)}")
    return PLANS[plan]


def _client() -> stripe.StripeClient:
    settings = get_settings()
    base = {"api": settings.stripe_api_base.rstrip("/")} if settings.stripe_api_base else None
    return stripe.StripeClient(settings.stripe_secret_key, base_addresses=base, max_network_retries=2,
                               http_client=stripe.RequestsClient(timeout=STRIPE_TIMEOUT_SECONDS))


def checkout_params(*, user_id: int, plan: Plan) -> dict[str, Any]:
    """The Checkout Session parameters for `plan` (inline price_data: no pre-created Stripe prices)."""
    base = get_settings().public_url.rstrip("/")
    metadata = {"user_id": str(user_id), "plan": plan.id, "credits": str(plan.credits)}
    price: dict[str, Any] = {"currency": plan.currency, "unit_amount": plan.price_cents,
                             "product_data": {"name": f"AUTOCREA {plan.name()}"}}
    params: dict[str, Any] = {
        "mode": plan.mode,
        "line_items": [{"quantity": 1, "price_data": price}],
        "client_reference_id": str(user_id),
        "metadata": metadata,
        "success_url": f"{base}/billing?checkout=success",
        "cancel_url": f"{base}/billing?checkout=cancel",
    }
    if plan.mode == "subscription":
        price["recurring"] = {"interval": "month"}
        # Renewal invoices carry the subscription's metadata: lets invoice.paid find the user even first.
        params["subscription_data"] = {"metadata": metadata}
    else:
        params["payment_intent_data"] = {"metadata": metadata}
    return params


def create_checkout(*, user_id: int, plan: str, idempotency_key: str | None = None) -> str:
    """Create a Stripe Checkout Session for `plan` and return its URL (same key -> same session)."""
    chosen = get_plan(plan)
    if not billing_enabled():
        raise BillingError("Purchases are not available: Stripe is not configured "
                           "(STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET).")
    key = idempotency_key or f"autocrea-checkout-{user_id}-{chosen.id}-{uuid.uuid4().hex}"
    try:
        session = _client().v1.checkout.sessions.create(
            params=checkout_params(user_id=user_id, plan=chosen),
            options={"idempotency_key": key})
    except stripe.StripeError as exc:
        # Stripe's own message may quote (part of) the key; log the type and request id only.
        log.error("checkout_failed", user_id=user_id, plan=chosen.id, error_type=type(exc).__name__,
                  http_status=exc.http_status, request_id=exc.request_id)
        if isinstance(exc, stripe.APIConnectionError | stripe.RateLimitError | stripe.APIError):
            raise BillingError("Could not reach Stripe to start the checkout. Nothing was charged; "
                               "please try again in a minute.") from None
        raise BillingError("Stripe refused to start the checkout. Nothing was charged; "
                           "please tell the operator of this installation.") from None
    if not session.url:
        raise BillingError("Stripe returned a checkout without a payment link. Nothing was charged; "
                           "please try again.")
    log.info("checkout_created", user_id=user_id, plan=chosen.id, session=session.id)
    return session.url


def get_subscription(user_id: int) -> SubscriptionView | None:
    """The user's newest live subscription (active, trialing or past due), if any."""
    with session_scope() as s:
        row = s.scalars(select(Subscription).where(Subscription.user_id == user_id,
                                                   Subscription.status.in_(LIVE_STATUSES))
                        .order_by(Subscription.id.desc()).limit(1)).first()
        return SubscriptionView(row.plan, row.status, row.current_period_end) if row else None


# --- webhook ------------------------------------------------------------------------------------

def _signed_timestamp(sig_header: str) -> int:
    for part in sig_header.split(","):
        name, _, value = part.strip().partition("=")
        if name == "t":
            return int(value)
    raise ValueError("no timestamp")


def verify_event(payload: bytes, sig_header: str, secret: str) -> dict[str, Any]:
    """The event as a dict when the signature over the raw body is valid and recent; ValueError otherwise."""
    try:
        # The signature only: construct_event would also build an Event object, which fails with a
        # traceback (500) on signed JSON that is not an object.
        stripe.WebhookSignature.verify_header(payload, sig_header, secret, tolerance=PAST_TOLERANCE_SECONDS)
        future = _signed_timestamp(sig_header) - time.time()
    except (stripe.SignatureVerificationError, ValueError) as exc:
        raise ValueError(str(exc).split("\n")[0][:200]) from None
    if future > FUTURE_TOLERANCE_SECONDS:
        raise ValueError("Timestamp is in the future")
    return parse_event(payload)


def parse_event(payload: bytes) -> dict[str, Any]:
    """The event as a dict when it has Stripe's shape (string id and type, an object in data); ValueError else."""
    try:
        event = json.loads(payload)
    except RecursionError:
        raise ValueError("JSON nests too deeply") from None
    except ValueError:
        raise ValueError("Body is not JSON") from None
    if not isinstance(event, dict) or not all(isinstance(event.get(k), str) and event[k] for k in ("id", "type")):
        raise ValueError("Not a Stripe event")
    data = event.get("data")
    if not isinstance(data, dict) or not isinstance(data.get("object"), dict):
        raise ValueError("The event has no data object")
    return event


def handle_webhook(payload: bytes, sig_header: str) -> tuple[int, dict[str, Any]]:
    """Verify and apply one Stripe webhook delivery; (HTTP status, JSON body) for Stripe."""
    secret = get_settings().stripe_webhook_secret
    if not secret:
        return 503, {"error": "Stripe webhooks are not configured (STRIPE_WEBHOOK_SECRET)"}
    try:
        event = verify_event(payload, sig_header or "", secret)
    except ValueError as exc:
        log.warning("webhook_rejected", reason=str(exc))
        return 400, {"error": f"Invalid signature or payload: {exc}"}
    event_id, event_type = str(event["id"]), str(event["type"])
    for attempt in range(3):
        try:
            outcome = _apply(event)
            break
        except IntegrityError:
            # A concurrent delivery of a related event (same invoice or subscription) won the race;
            # the next attempt sees its rows and does not apply them again.
            if attempt == 2:
                log.error("webhook_conflict", event_id=event_id, event_type=event_type)
                return 500, {"error": "Conflicting concurrent updates; Stripe will retry"}
        except SQLAlchemyError as exc:
            # Not recorded, so Stripe's retry applies it once the database is back.
            log.error("webhook_database_error", event_id=event_id, event_type=event_type,
                      error_type=type(exc).__name__)
            return 500, {"error": "Database unavailable; Stripe will retry"}
        except (TypeError, AttributeError, KeyError, ValueError) as exc:
            # A field of an unexpected type inside a signed event: refuse it in one log line, no traceback.
            log.warning("webhook_malformed", event_id=event_id, event_type=event_type,
                        error_type=type(exc).__name__)
            return 400, {"error": "Malformed event object"}
        except AutocreaError as exc:
            # Retrying cannot fix bad data (e.g. a deleted user): record it so the operator can act.
            log.error("webhook_unapplied", event_id=event_id, event_type=event_type, reason=str(exc))
            _record_only(event_id, event_type)
            return 200, {"received": True, "status": "ignored", "reason": str(exc)}
    log.info("webhook_processed", event_id=event_id, event_type=event_type, status=outcome)
    return 200, {"received": True, "status": outcome, "event": event_id, "type": event_type}


def _record_only(event_id: str, event_type: str) -> None:
    try:
        with session_scope() as s:
            s.add(StripeEvent(id=event_id, type=event_type))
    except IntegrityError:
        pass


def _apply(event: dict[str, Any]) -> str:
    """Record the event and apply it in one transaction; 'duplicate' when it was already recorded."""
    with session_scope() as s:
        # The insert is the transaction's first write: a concurrent duplicate waits here, then fails.
        s.add(StripeEvent(id=str(event["id"]), type=str(event["type"])))
        try:
            s.flush()
        except IntegrityError:
            s.rollback()
            return "duplicate"
        handler = HANDLERS.get(str(event["type"]))
        obj = (event.get("data") or {}).get("object") or {}
        return handler(s, obj, _created(event)) if handler else "ignored"


def _created(event: dict[str, Any]) -> datetime | None:
    """When Stripe created the event (None when it does not say)."""
    created = event.get("created")
    return datetime.fromtimestamp(created, UTC) if isinstance(created, int) and created > 0 else None


def _aware(value: datetime | None) -> datetime | None:
    """SQLite returns naive datetimes: read them as UTC."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def _attribute(meta: dict[str, Any], row: Subscription | None = None,
               fallback_user: Any = None) -> tuple[int, Plan, int]:
    """(user id, plan, credits) from our row when there is one, else from the metadata we set at checkout."""
    try:
        user_id = row.user_id if row else int(meta.get("user_id") or fallback_user)
    except (TypeError, ValueError):
        raise ValidationError("The event names no AUTOCREA user") from None
    plan = get_plan(row.plan if row else str(meta.get("plan", "")))
    # The credits bought are those promised at checkout, even if the plan's numbers changed since.
    credits = int(meta["credits"]) if str(meta.get("credits", "")).isdigit() else plan.credits
    return user_id, plan, credits


def _on_checkout_completed(s: Session, obj: dict[str, Any], at: datetime | None) -> str:
    meta = obj.get("metadata") or {}
    if "plan" not in meta:
        return "ignored"
    user_id, plan, credits = _attribute(meta, fallback_user=obj.get("client_reference_id"))
    paid = obj.get("payment_status") in ("paid", "no_payment_required")
    if obj.get("mode") == "subscription":
        sub_id = _id(obj.get("subscription"))
        if not sub_id:
            return "ignored"
        _upsert_subscription(s, sub_id, user_id=user_id, plan=plan.id, customer=_id(obj.get("customer")),
                              status="active" if paid else "incomplete", at=at)
        invoice = _id(obj.get("invoice"))
        if not (paid and invoice):
            return "recorded"
        applied = ledger.credit(session=s, user_id=user_id, amount=credits, kind="subscription", ref=invoice,
                                memo=f"{plan.name()} subscription: first period")
        return "credited" if applied else "already_credited"
    if not paid:
        return "awaiting_payment"  # async methods: checkout.session.async_payment_succeeded follows
    applied = ledger.credit(session=s, user_id=user_id, amount=credits, kind="purchase", ref=str(obj["id"]),
                            memo=f"{plan.name()} pack")
    return "credited" if applied else "already_credited"


def _on_invoice_paid(s: Session, obj: dict[str, Any], at: datetime | None) -> str:
    details = (obj.get("parent") or {}).get("subscription_details") or obj.get("subscription_details") or {}
    sub_id = _id(details.get("subscription") or obj.get("subscription"))
    if not sub_id:
        return "ignored"  # not a subscription invoice
    row = s.scalars(select(Subscription).where(Subscription.stripe_subscription_id == sub_id)).first()
    meta = details.get("metadata") or {}
    if row is None and "plan" not in meta:
        return "ignored"  # a subscription of something else sold on the same Stripe account
    user_id, plan, credits = _attribute(meta, row)
    period_end = max((ln.get("period", {}).get("end") or 0 for ln in (obj.get("lines") or {}).get("data", [])),
                     default=0)
    _upsert_subscription(s, sub_id, user_id=user_id, plan=plan.id, customer=_id(obj.get("customer")),
                         status="active", period_end=period_end or None, at=at)
    applied = ledger.credit(session=s, user_id=user_id, amount=credits, kind="subscription", ref=str(obj["id"]),
                            memo=f"{plan.name()} subscription ({obj.get('billing_reason') or 'invoice'})")
    return "credited" if applied else "already_credited"


def _on_subscription_changed(s: Session, obj: dict[str, Any], at: datetime | None) -> str:
    sub_id, meta = str(obj["id"]), obj.get("metadata") or {}
    row = s.scalars(select(Subscription).where(Subscription.stripe_subscription_id == sub_id)).first()
    if row is None and "plan" not in meta:
        return "ignored"
    user_id, plan, _ = _attribute(meta, row)
    items = (obj.get("items") or {}).get("data") or [{}]
    period_end = obj.get("current_period_end") or items[0].get("current_period_end")
    applied = _upsert_subscription(s, sub_id, user_id=user_id, plan=plan.id, customer=_id(obj.get("customer")),
                                   status=str(obj.get("status") or "active"), period_end=period_end, at=at)
    return "updated" if applied else "stale"


def _upsert_subscription(s: Session, sub_id: str, *, user_id: int, plan: str, customer: str, status: str,
                         period_end: int | None = None, at: datetime | None = None) -> bool:
    """Create or update the row from an event made at `at`; False (nothing changed) when a newer one was applied."""
    row = s.scalars(select(Subscription).where(Subscription.stripe_subscription_id == sub_id)).first()
    newest = _aware(row.last_event_at) if row is not None else None
    if row is not None and at is not None and newest is not None and at < newest:
        return False  # Stripe does not deliver in order: an older state must not overwrite a newer one
    if row is None:
        row = Subscription(stripe_subscription_id=sub_id, user_id=user_id, plan=plan, status=status,
                           stripe_customer_id=customer)
        s.add(row)
    elif row.status != "canceled":  # a late checkout or invoice event never revives a cancelled subscription
        row.status = status
    row.stripe_customer_id = row.stripe_customer_id or customer
    if period_end:
        row.current_period_end = datetime.fromtimestamp(int(period_end), UTC)
    if at is not None:
        row.last_event_at = at
    s.flush()
    return True


def _id(value: Any) -> str:
    """An object's id whether Stripe sent it as a string or expanded."""
    if isinstance(value, dict):
        return str(value.get("id") or "")
    return str(value or "")


HANDLERS = {
    "checkout.session.completed": _on_checkout_completed,
    "checkout.session.async_payment_succeeded": _on_checkout_completed,
    "invoice.paid": _on_invoice_paid,
    "customer.subscription.created": _on_subscription_changed,
    "customer.subscription.updated": _on_subscription_changed,
    "customer.subscription.deleted": _on_subscription_changed,
}
