"""Our own routes on the real st.App server: health, the sandboxed preview, 404s."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from email.message import Message

from tests.server.conftest import Server


def get(url: str) -> tuple[int, Message, bytes]:
    """Status, headers and body of a GET (errors included)."""
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers, err.read()


def test_streamlit_health(server: Server):
    status, _, body = get(f"{server.url}/_stcore/health")
    assert status == 200 and body == b"ok"


def test_healthz_reports_database_version_and_revision(server: Server):
    import core

    status, headers, body = get(f"{server.url}/healthz")
    data = json.loads(body)
    assert status == 200, body
    assert data["status"] == "ok" and data["database"] is True
    assert data["version"] == core.__version__
    assert data["revision"]  # migrated on start by the lifespan


def test_unknown_preview_is_404_and_still_sandboxed(server: Server):
    status, headers, _ = get(f"{server.url}/preview/unknown-token-1234567890")
    assert status == 404
    assert headers["Content-Security-Policy"] == "sandbox allow-scripts allow-forms"


def test_preview_serves_the_project_page_with_sandbox_headers(server: Server):
    from tests.server.previews import seed_preview

    token = seed_preview(server.env["DATABASE_URL"], "<!doctype html><title>hi</title><p>hello preview</p>")
    status, headers, body = get(f"{server.url}/preview/{token}")
    assert status == 200, body
    assert b"hello preview" in body
    assert headers["Content-Security-Policy"] == "sandbox allow-scripts allow-forms"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cache-Control"] == "no-store"
    assert headers["Content-Type"].startswith("text/html")


def test_expired_preview_says_so(server: Server):
    from sqlalchemy import update

    from db.models import Project, utcnow
    from db.session import session_scope
    from tests.server.previews import seed_preview

    token = seed_preview(server.env["DATABASE_URL"], "<!doctype html><p>old preview</p>")
    assert get(f"{server.url}/preview/{token}")[0] == 200
    with session_scope(server.env["DATABASE_URL"]) as s:
        s.execute(update(Project).where(Project.preview_token == token).values(preview_expires_at=utcnow()))
    status, headers, body = get(f"{server.url}/preview/{token}")
    assert status == 410
    assert b"expired" in body and b"old preview" not in body
    assert headers["Content-Security-Policy"] == "sandbox allow-scripts allow-forms"
