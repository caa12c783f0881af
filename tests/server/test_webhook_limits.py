"""POST /stripe/webhook on the real server: the body cap holds for chunked bodies, odd JSON is a 400."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from server import MAX_BODY_BYTES
from tests.billing import events
from tests.billing.conftest import WEBHOOK_SECRET
from tests.server.conftest import Server, start_server, stop_server

CHUNK = 64 * 1024
# Generous: the server answers as soon as the cap is crossed; this only bounds a broken server.
REPLY_TIMEOUT = 120


@pytest.fixture(scope="module")
def hook_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The real server with a webhook secret configured."""
    proc, srv = start_server(tmp_path_factory.mktemp("webhook"), STRIPE_WEBHOOK_SECRET=WEBHOOK_SECRET)
    yield srv
    stop_server(proc)


def _connect(server: Server) -> socket.socket:
    parts = urlsplit(server.url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=REPLY_TIMEOUT)
    return sock


def _status(sock: socket.socket) -> int:
    """The status code of the response on `sock` (reads until the status line is in)."""
    data = b""
    while b"\r\n" not in data:
        more = sock.recv(4096)
        if not more:
            break
        data += more
    return int(data.split(b" ", 2)[1])


def _send_chunks(sock: socket.socket, total: int, *, finish: bool) -> None:
    """Send `total` bytes as HTTP chunks (and the final empty chunk when `finish`); stop if the server hangs up."""
    sent = 0
    try:
        while sent < total:
            sock.sendall(b"%x\r\n" % CHUNK + b"x" * CHUNK + b"\r\n")
            sent += CHUNK
        if finish:
            sock.sendall(b"0\r\n\r\n")
    except OSError:
        pass  # the server answered 413 and closed: what a capped reader does


HEAD = (b"POST /stripe/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        b"Stripe-Signature: t=1,v1=00\r\nTransfer-Encoding: chunked\r\n\r\n")


def test_chunked_body_over_the_cap_is_413_without_reading_the_rest(hook_server: Server):
    # The body never ends: a server that reads it all before answering would wait forever.
    with _connect(hook_server) as sock:
        sock.sendall(HEAD)
        _send_chunks(sock, MAX_BODY_BYTES + 2 * CHUNK, finish=False)
        assert _status(sock) == 413


def test_chunked_body_over_the_cap_is_413_even_when_complete(hook_server: Server):
    with _connect(hook_server) as sock:
        sock.sendall(HEAD)
        _send_chunks(sock, 3 * MAX_BODY_BYTES, finish=True)
        assert _status(sock) == 413


def test_declared_length_over_the_cap_is_413(hook_server: Server):
    with _connect(hook_server) as sock:
        sock.sendall(b"POST /stripe/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     b"Content-Length: %d\r\n\r\n" % (MAX_BODY_BYTES + 1))
        assert _status(sock) == 413


def test_small_chunked_body_still_reaches_the_signature_check(hook_server: Server):
    with _connect(hook_server) as sock:
        sock.sendall(HEAD)
        _send_chunks(sock, CHUNK, finish=True)
        assert _status(sock) == 400


@pytest.mark.parametrize("payload", [b"[1,2]", b"null", b"[" * 100_000 + b"]" * 100_000])
def test_signed_odd_json_is_400_with_one_log_line(hook_server: Server, payload: bytes):
    log: Path = hook_server.log
    before = log.read_bytes()
    signature = events.sign(payload, WEBHOOK_SECRET).encode()
    with _connect(hook_server) as sock:
        sock.sendall(b"POST /stripe/webhook HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Stripe-Signature: " + signature + b"\r\nContent-Length: %d\r\n\r\n" % len(payload) + payload)
        assert _status(sock) == 400
    # The reply is sent after the handler logged its line, so the log already holds it.
    added = log.read_bytes()[len(before):].decode(errors="replace")
    assert "Traceback" not in added
    assert added.count("webhook_rejected") == 1
