"""The ASGI entry: the Streamlit UI plus our own routes on one port (`streamlit run server.py`)."""

from __future__ import annotations

import asyncio
import os
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import streamlit as st
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

import core
from core.config import get_settings
from core.logging import configure, get_logger
from pages._ui import report_script_error

log = get_logger("autocrea.server")
# Tells the pages that /preview exists (it does not under `streamlit run app.py`).
os.environ["AUTOCREA_SERVER_ROUTES"] = "1"
# The largest body any of our routes reads: Stripe events are a few KB; anything far larger is not from Stripe.
MAX_BODY_BYTES = 1_000_000
TOO_LARGE = {"error": "Payload too large"}
SESSION_HEADER = "x-autocrea-session"
PREVIEW_HEADERS = {
    # An opaque origin: the generated page may run its own scripts but cannot read our cookies or DOM.
    "Content-Security-Policy": "sandbox allow-scripts allow-forms",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def _health() -> tuple[bool, str]:
    from db.migrate import current_revision

    try:
        return True, current_revision()
    except Exception as exc:  # any driver error means "unreachable" to a health check
        log.warning("healthz_database_unreachable", error=str(exc))
        return False, ""


async def healthz(_request: Request) -> JSONResponse:
    """Database reachability, app version and schema revision."""
    ok, revision = await asyncio.to_thread(_health)
    body = {"status": "ok" if ok else "error", "database": ok, "version": core.__version__, "revision": revision}
    return JSONResponse(body, status_code=200 if ok else 503)


async def preview(request: Request) -> Response:
    """A generated app's preview.html, sandboxed by CSP; 410 for an expired link, 404 for unknown tokens."""
    from core.projects import find_preview

    token = request.path_params["token"]
    state, html = await asyncio.to_thread(find_preview, token) if 8 <= len(token) <= 128 else ("missing", None)
    if state == "expired":
        return PlainTextResponse("This preview link has expired. Open the project in AUTOCREA to get a new link.",
                                 status_code=410, headers=PREVIEW_HEADERS)
    if html is None:
        return PlainTextResponse("Preview not found", status_code=404, headers=PREVIEW_HEADERS)
    return HTMLResponse(html, headers=PREVIEW_HEADERS)


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes | None:
    """The request body, read as a stream; None as soon as it passes `limit` (chunked bodies included)."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    body = bytearray()
    # Never `request.body()`: it buffers a chunked body of any size before we could look at it.
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


async def stripe_webhook(request: Request) -> JSONResponse:
    """Stripe events: the signature is checked over the raw body, each event id is applied once."""
    from core.billing import handle_webhook

    payload = await read_body(request)
    if payload is None:
        return JSONResponse(TOO_LARGE, status_code=413)
    status, body = await asyncio.to_thread(handle_webhook, payload, request.headers.get("stripe-signature", ""))
    return JSONResponse(body, status_code=status)


def _https(request: Request) -> bool:
    """True when the browser reached us over HTTPS (directly or through a proxy that says so)."""
    forwarded = request.headers.get("x-forwarded-proto", "").split(",")[0].strip().lower()
    return request.url.scheme == "https" or forwarded == "https"


async def session(request: Request) -> Response:
    """POST: exchange a sign-in grant for the HttpOnly login cookie; DELETE: clear it."""
    from core.auth import redeem_grant
    from core.config import get_settings

    # Only our own page sends this header: a cross-site form or a simple cross-site fetch cannot.
    if request.headers.get(SESSION_HEADER) != "1":
        return JSONResponse({"error": f"Missing {SESSION_HEADER} header"}, status_code=403)
    settings, secure = get_settings(), _https(request)
    if request.method == "DELETE":
        response = Response(status_code=204)
        response.delete_cookie(settings.cookie_name, path="/", secure=secure, httponly=True, samesite="lax")
        return response
    grant = await read_body(request, 4096)
    if grant is None:
        return JSONResponse(TOO_LARGE, status_code=413)
    issued = await asyncio.to_thread(redeem_grant, grant.decode("utf-8", "replace").strip())
    if issued is None:
        return JSONResponse({"error": "Invalid, expired or already used sign-in grant"}, status_code=400)
    token, expires = issued
    response = Response(status_code=204, headers={"Cache-Control": "no-store"})
    # Lax, not Strict: coming back from Stripe Checkout (a cross-site navigation) must stay signed in.
    response.set_cookie(settings.cookie_name, token, expires=expires, path="/", secure=secure, httponly=True,
                        samesite="lax")
    return response


def _startup() -> None:
    from core import jobs
    from db.migrate import upgrade

    revision = upgrade()
    summary = jobs.reconcile()
    jobs.get_runner()
    log.info("startup", revision=revision, reconciled=summary)
    _start_local_model()


def _start_local_model() -> None:
    """Start JoxCoder Local as our child when it is installed (in the background: the UI must not wait)."""
    from core.localmodel import paths
    from core.localmodel.runtime import get_server

    if not paths.installed() or get_settings().local_model_url:
        return

    def boot() -> None:
        try:
            url = get_server().ensure_running()
            log.info("local_model_ready", url=url)
        except Exception as exc:  # the state and reason are shown in Settings; the app runs without it
            log.warning("local_model_failed", error=str(exc))

    threading.Thread(target=boot, name="local-model-boot", daemon=True).start()


def _shutdown() -> None:
    from core import jobs
    from core.localmodel.runtime import reset_server

    jobs.shutdown()
    reset_server()


@asynccontextmanager
async def lifespan(_app: Any) -> AsyncIterator[dict[str, Any]]:
    """Migrate, reconcile orphaned jobs and start the runner; stop the runner on exit."""
    configure()
    await asyncio.to_thread(_startup)
    try:
        yield {}
    finally:
        await asyncio.to_thread(_shutdown)


app = st.App("app.py", routes=[Route("/healthz", healthz, methods=["GET"]),
                               Route("/preview/{token}", preview, methods=["GET"]),
                               Route("/session", session, methods=["POST", "DELETE"]),
                               Route("/stripe/webhook", stripe_webhook, methods=["POST"])],
             lifespan=lifespan, on_script_error=report_script_error)
