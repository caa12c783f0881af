"""A local fake of the Stripe API for what AUTOCREA uses: Checkout Sessions (with idempotency keys)."""

from __future__ import annotations

import json
import threading
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl


@dataclass
class StripeRequest:
    """One request the fake received: method, path, headers (lower-case names) and form params."""

    method: str
    path: str
    headers: dict[str, str]
    params: dict[str, str]


@dataclass
class FakeStripe:
    """Answers POST /v1/checkout/sessions like Stripe does; `fail_next` scripts one error reply."""

    api_key: str
    requests: list[StripeRequest] = field(default_factory=list)
    sessions: dict[str, dict[str, Any]] = field(default_factory=dict)
    _fail: list[tuple[int, str, str]] = field(default_factory=list)
    _idempotent: dict[str, tuple[dict[str, str], dict[str, Any]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _httpd: ThreadingHTTPServer | None = None

    def fail_next(self, status: int, error_type: str, message: str) -> None:
        """The next request gets this Stripe error (e.g. 401 invalid_request_error)."""
        self._fail.append((status, error_type, message))

    @property
    def url(self) -> str:
        """http://127.0.0.1:<port>."""
        assert self._httpd is not None
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> FakeStripe:
        """Serve on a free port of 127.0.0.1 in a daemon thread."""
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), type("H", (_Handler,), {"fake": self}))
        self._httpd.daemon_threads = True
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        """Stop serving."""
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()

    def answer(self, req: StripeRequest) -> tuple[int, dict[str, Any], dict[str, str]]:
        """(status, JSON body, extra headers) for a recorded request."""
        with self._lock:
            self.requests.append(req)
            if self._fail:
                status, kind, message = self._fail.pop(0)
                return status, {"error": {"type": kind, "message": message}}, {}
        if req.headers.get("authorization") != f"Bearer {self.api_key}":
            return 401, {"error": {"type": "invalid_request_error", "message": "Invalid API Key provided"}}, {}
        if req.method != "POST" or req.path != "/v1/checkout/sessions":
            return 404, {"error": {"type": "invalid_request_error", "message": f"Unrecognized URL {req.path}"}}, {}
        key = req.headers.get("idempotency-key", "")
        with self._lock:
            if key in self._idempotent:
                params, body = self._idempotent[key]
                if params != req.params:
                    return 400, {"error": {"type": "idempotency_error",
                                           "message": "Keys for idempotent requests can only be used with the "
                                                      "same parameters they were first used with."}}, {}
                return 200, body, {"Idempotent-Replayed": "true"}
            body = self._session(req.params)
            self.sessions[body["id"]] = body
            if key:
                self._idempotent[key] = (req.params, body)
        return 200, body, {}

    def _session(self, p: dict[str, str]) -> dict[str, Any]:
        sid = f"cs_test_{uuid.uuid4().hex}"
        amount = int(p["line_items[0][price_data][unit_amount]"]) * int(p.get("line_items[0][quantity]", "1"))
        metadata = {k[len("metadata["):-1]: v for k, v in p.items() if k.startswith("metadata[")}
        return {"id": sid, "object": "checkout.session", "mode": p["mode"], "status": "open",
                "payment_status": "unpaid", "amount_total": amount,
                "currency": p["line_items[0][price_data][currency]"],
                "client_reference_id": p.get("client_reference_id"), "metadata": metadata,
                "success_url": p["success_url"], "cancel_url": p["cancel_url"],
                "url": f"https://checkout.stripe.test/c/pay/{sid}", "livemode": False}


class _Handler(BaseHTTPRequestHandler):
    fake: FakeStripe
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode()
        req = StripeRequest(self.command, self.path.split("?", 1)[0],
                            {k.lower(): v for k, v in self.headers.items()}, dict(parse_qsl(raw)))
        status, body, headers = self.fake.answer(req)
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Request-Id", f"req_{uuid.uuid4().hex[:14]}")
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
