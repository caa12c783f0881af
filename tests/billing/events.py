"""Stripe webhook payloads and their signatures, computed the way Stripe computes them."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any


def sign(payload: bytes, secret: str, timestamp: int | None = None) -> str:
    """The Stripe-Signature header: t=<unix time>,v1=HMAC-SHA256(secret, "<t>.<raw body>")."""
    t = int(time.time()) if timestamp is None else timestamp
    mac = hmac.new(secret.encode(), f"{t}.".encode() + payload, hashlib.sha256).hexdigest()
    return f"t={t},v1={mac}"


def event(kind: str, obj: dict[str, Any], event_id: str | None = None, created: int | None = None) -> bytes:
    """A v1 snapshot event as Stripe posts it (raw JSON bytes); `created` is when Stripe made it."""
    body = {"id": event_id or f"evt_{uuid.uuid4().hex[:24]}", "object": "event", "api_version": "2026-10-28.endive",
            "created": int(time.time()) if created is None else created, "livemode": False, "pending_webhooks": 1,
            "type": kind,
            "data": {"object": obj}}
    return json.dumps(body, indent=2).encode()


def meta(user_id: int, plan: str, credits: int) -> dict[str, str]:
    """The metadata our checkout sets."""
    return {"user_id": str(user_id), "plan": plan, "credits": str(credits)}


def checkout_completed(user_id: int, plan: str, credits: int, *, mode: str = "payment", session_id: str = "",
                       payment_status: str = "paid", subscription: str | None = None,
                       invoice: str | None = None) -> dict[str, Any]:
    """A completed Checkout Session."""
    return {"id": session_id or f"cs_test_{uuid.uuid4().hex[:20]}", "object": "checkout.session", "mode": mode,
            "status": "complete", "payment_status": payment_status, "client_reference_id": str(user_id),
            "metadata": meta(user_id, plan, credits), "customer": "cus_test_1", "subscription": subscription,
            "invoice": invoice, "amount_total": 500}


def invoice_paid(invoice_id: str, subscription: str, *, reason: str = "subscription_cycle",
                 metadata: dict[str, str] | None = None, period_end: int | None = None) -> dict[str, Any]:
    """A paid subscription invoice (API 2025+ shape: parent.subscription_details)."""
    end = period_end or int(time.time()) + 30 * 86400
    return {"id": invoice_id, "object": "invoice", "customer": "cus_test_1", "billing_reason": reason,
            "status": "paid", "amount_paid": 1200,
            "parent": {"type": "subscription_details",
                       "subscription_details": {"subscription": subscription, "metadata": metadata or {}}},
            "lines": {"object": "list", "data": [{"period": {"start": end - 30 * 86400, "end": end}}]}}


def subscription(sub_id: str, status: str, *, metadata: dict[str, str] | None = None,
                 period_end: int | None = None) -> dict[str, Any]:
    """A subscription object (current_period_end lives on its items since API 2025)."""
    end = period_end or int(time.time()) + 30 * 86400
    return {"id": sub_id, "object": "subscription", "customer": "cus_test_1", "status": status,
            "metadata": metadata or {}, "items": {"object": "list", "data": [{"current_period_end": end}]}}
