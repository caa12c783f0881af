"""Secrets never reach the logs: structlog events, standard-library records and tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from core.logging import redact
from tests.conftest import ROOT

SECRETS = [
    "sk-proj-AbCdEfGhIjKlMnOpQrStUvWx0123",
    "sk-ant-api03-AbCdEfGhIjKlMnOp-qrstuvwx",
    "hf_AbCdEfGhIjKlMnOpQrStUvWxYz012345",
    "ghp_AbCdEfGhIjKlMnOpQrStUvWxYz0123",
    "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
    "sk_live_51AbCdEfGhIjKlMn",
    "whsec_AbCdEfGh12345678",
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ1c2VybmFtZSI6ImFsaWNlIn0.c2lnbmF0dXJlc2ln",
]


@pytest.mark.parametrize("secret", SECRETS)
def test_known_key_formats_are_masked_inside_messages(secret: str) -> None:
    out = redact(f"provider said: invalid key {secret} (check settings)")
    assert secret not in out and "[redacted]" in out and out.startswith("provider said")


@pytest.mark.parametrize(("text", "secret"), [
    ("Authorization: Bearer abcdEFGH1234ijklMNOP5678", "abcdEFGH1234ijklMNOP5678"),
    ("Authorization: Basic eC1hY2Nlc3MtdG9rZW46Z2hwX3NlY3JldA==", "eC1hY2Nlc3MtdG9rZW46Z2hwX3NlY3JldA=="),
    ("connect postgresql://autocrea:hunter2pw@db:5432/app failed", "hunter2pw"),
    ("GET /cb?token=abc123def456&x=1", "abc123def456"),
    ("password=Sup3rSecret! user=bob", "Sup3rSecret!"),
])
def test_bearer_basic_url_credentials_and_pairs_are_masked(text: str, secret: str) -> None:
    assert secret not in redact(text)


def test_ordinary_text_and_counts_stay_readable() -> None:
    assert redact("A basic task manager with projects, basic authentication") == \
        "A basic task manager with projects, basic authentication"
    assert redact("https://github.com/o/r.git") == "https://github.com/o/r.git"
    assert redact({"prompt_tokens": 5, "completion_tokens": 7, "preview_token": "abc", "api_key": "x"}) == \
        {"prompt_tokens": 5, "completion_tokens": 7, "preview_token": "[redacted]", "api_key": "[redacted]"}


def test_what_the_process_writes_to_stderr_holds_no_secret(tmp_path) -> None:  # noqa: ANN001
    script = f"""
import logging
from core.logging import get_logger
log = get_logger("t")
log.info("provider_failed", error="401 for key {SECRETS[0]}", headers={{"Authorization": "Bearer x"}})
try:
    raise RuntimeError("bad token {SECRETS[3]}")
except RuntimeError:
    log.exception("crash")
    logging.getLogger("httpx").error("request failed Bearer abcd1234efgh5678", exc_info=True)
logging.getLogger("lib").warning("dsn %s", "postgresql://u:pw12345678@h/db")
"""
    env = {"PATH": "/usr/bin:/bin", "DATA_DIR": str(tmp_path), "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=180)
    assert proc.returncode == 0, proc.stderr
    written = proc.stdout + proc.stderr
    for secret in (SECRETS[0], SECRETS[3], "abcd1234efgh5678", "pw12345678"):
        assert secret not in written
    assert "provider_failed" in written and "request failed" in written and "RuntimeError" in written
    lines = [json.loads(line) for line in proc.stderr.splitlines() if line.strip()]  # every line is JSON
    by_event = {line["event"]: line for line in lines}
    assert by_event["dsn postgresql://[redacted]@h/db"]["logger"] == "lib"
    assert by_event["dsn postgresql://[redacted]@h/db"]["level"] == "warning"
