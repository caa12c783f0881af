"""End to end: `streamlit run server.py` accepts signed Stripe events on POST /stripe/webhook over real HTTP."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core import ledger
from core.config import get_settings
from db.session import reset_engines, session_scope
from tests.billing import events
from tests.billing.conftest import SECRET_KEY, WEBHOOK_SECRET
from tests.factories import make_user
from tests.server.conftest import Server, start_server, stop_server


@pytest.fixture
def server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Server]:
    """The real server with Stripe configured; this process uses the same database."""
    proc, srv = start_server(tmp_path, STRIPE_SECRET_KEY=SECRET_KEY, STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET)
    monkeypatch.setenv("DATABASE_URL", srv.env["DATABASE_URL"])
    monkeypatch.setenv("DATA_DIR", srv.env["DATA_DIR"])
    get_settings.cache_clear()
    reset_engines()
    yield srv
    stop_server(proc)
    reset_engines()
    get_settings.cache_clear()


def post(url: str, payload: bytes, signature: str | None) -> tuple[int, dict]:
    """POST the raw body as Stripe does; (status, JSON body)."""
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": "Stripe/1.0"}
    if signature is not None:
        headers["Stripe-Signature"] = signature
    req = urllib.request.Request(url, data=payload, headers=headers, method="POST")
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read() or b"{}")


def test_signed_event_over_http_credits_once(server: Server):
    user = make_user("buyer")
    hook = f"{server.url}/stripe/webhook"
    payload = events.event("checkout.session.completed", events.checkout_completed(user.id, "pack_500", 500))

    assert post(hook, payload, "t=1,v1=deadbeef")[0] == 400
    assert post(hook, payload, None)[0] == 400
    future = events.sign(payload, WEBHOOK_SECRET, int(time.time()) + 3600)
    assert post(hook, payload, future)[0] == 400

    status, body = post(hook, payload, events.sign(payload, WEBHOOK_SECRET))
    assert (status, body["status"]) == (200, "credited"), body
    status, body = post(hook, payload, events.sign(payload, WEBHOOK_SECRET))
    assert (status, body["status"]) == (200, "duplicate"), body

    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user.id) == 600
        assert ledger.ledger_sum(session=s, user_id=user.id) == 600
