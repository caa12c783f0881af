"""A scriptable HTTP server on 127.0.0.1 in a background thread; subclasses speak one wire protocol."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Reply:
    """One scripted answer: success text, or an HTTP error, a delay, a cut stream or malformed JSON."""

    text: str = "Hello from the fake model."
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: Any = None
    delay: float = 0.0
    die_after: int | None = None
    truncate_after: int | None = None
    malformed: bool = False
    usage: bool = True
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    error_type: str | None = None

    @classmethod
    def error(cls, status: int, message: str = "", **kwargs: Any) -> Reply:
        """An HTTP error in the protocol's own error format."""
        return cls(status=status, text=message or f"fake error {status}", **kwargs)

    @classmethod
    def loading(cls, estimated_time: float = 1.5) -> Reply:
        """Hugging Face's 503 while a model is loading."""
        return cls(status=503, body={"error": "Model is currently loading", "estimated_time": estimated_time})

    @classmethod
    def rate_limited(cls, retry_after: float | None = 0.2) -> Reply:
        """A 429, with Retry-After when given."""
        headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
        return cls.error(429, "Rate limit reached, slow down", headers=headers)

    @classmethod
    def slow(cls, delay: float, text: str = "late answer") -> Reply:
        """An answer that starts only after `delay` seconds (forces client timeouts)."""
        return cls(text=text, delay=delay)

    @classmethod
    def cut(cls, after: int = 2, text: str = "one two three four five six") -> Reply:
        """A stream whose connection drops after `after` chunks."""
        return cls(text=text, die_after=after)

    def chunks(self) -> list[str]:
        """The text split the way the fake streams it: one word (with its trailing space) a chunk."""
        return re.findall(r"\s*\S+\s*", self.text) or [self.text]

    def output_tokens(self) -> int:
        """Completion tokens reported in usage."""
        return self.completion_tokens if self.completion_tokens is not None else len(self.chunks())


Script = Reply | str | Callable[["RecordedRequest"], "Reply | str"]


@dataclass
class RecordedRequest:
    """A request the fake received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw: bytes
    system: str = ""
    prompt: str = ""

    def header(self, name: str) -> str:
        """A header value by case-insensitive name ('' when absent)."""
        return self.headers.get(name.lower(), "")


def as_reply(script: Script, request: RecordedRequest) -> Reply:
    """Turn a scripted entry (Reply, plain text or callable) into a Reply."""
    value = script(request) if callable(script) and not isinstance(script, Reply) else script
    return value if isinstance(value, Reply) else Reply(text=str(value))


class FakeServer:
    """Base of the protocol fakes: a queue of replies, role routes, a default, and every request recorded."""

    paths: tuple[str, ...] = ()

    def __init__(self, default: Script | None = None) -> None:
        self.default: Script = default if default is not None else Reply()
        self.requests: list[RecordedRequest] = []
        self._queue: deque[Script] = deque()
        self._routes: list[tuple[str, list[Script]]] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # scripting -------------------------------------------------------------------------------
    def queue(self, *replies: Script) -> FakeServer:
        """Answer the next requests with these, in order, before routes and the default."""
        with self._lock:
            self._queue.extend(replies)
        return self

    def route(self, marker: str, *replies: Script) -> FakeServer:
        """Answer requests whose prompt contains `marker`; replies are used in turn, the last repeats."""
        if not replies:
            raise ValueError("route() needs at least one reply")
        with self._lock:
            self._routes.append((marker, list(replies)))
        return self

    def role_router(
        self, answers: dict[str, Script | list[Script]], default: Script | None = None
    ) -> FakeServer:
        """Route by marker, e.g. {"ROLE: architect": spec_json, "ROLE: backend": [first, repair]}."""
        for marker, value in answers.items():
            self.route(marker, *(value if isinstance(value, list) else [value]))
        if default is not None:
            self.default = default
        return self

    def reset(self) -> None:
        """Forget scripted replies, routes and recorded requests."""
        with self._lock:
            self._queue.clear()
            self._routes.clear()
            self.requests.clear()

    def requests_for(self, marker: str) -> list[RecordedRequest]:
        """Recorded requests whose prompt contains `marker`."""
        return [r for r in self.requests if marker in r.system or marker in r.prompt]

    def _choose(self, request: RecordedRequest) -> Reply:
        with self._lock:
            self.requests.append(request)
            script = self._queue.popleft() if self._queue else self._match(request)
        return as_reply(script, request)

    def _match(self, request: RecordedRequest) -> Script:
        # The marker nearest the start wins: the system prompt (first in every protocol) names the role,
        # while later text may quote other roles.
        text = f"{request.system}\n{request.prompt}"
        found = [(text.find(marker), i) for i, (marker, _) in enumerate(self._routes) if marker in text]
        if not found:
            return self.default
        replies = self._routes[min(found)[1]][1]
        return replies.pop(0) if len(replies) > 1 else replies[0]

    # protocol hooks ---------------------------------------------------------------------------
    def texts(self, body: Any) -> tuple[str, str]:
        """(system prompt, whole prompt) of a request body."""
        return "", json.dumps(body) if body is not None else ""

    def wants_stream(self, path: str, body: Any) -> bool:
        """Whether the client asked for server-sent events."""
        return isinstance(body, dict) and bool(body.get("stream"))

    def json_body(self, request: RecordedRequest, reply: Reply) -> Any:
        """The non-streaming success body."""
        raise NotImplementedError

    def sse_events(self, request: RecordedRequest, reply: Reply) -> Iterable[str]:
        """The streaming success body as SSE events, each ending with a blank line."""
        raise NotImplementedError

    def error_body(self, reply: Reply) -> Any:
        """The protocol's error body for `reply.status`."""
        return {"error": reply.text}

    def final_event_count(self) -> int:
        """How many trailing events `truncate_after` drops at least (the protocol's terminator)."""
        return 1

    # server -----------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """http://127.0.0.1:<port> (no trailing slash)."""
        if self._httpd is None:
            raise RuntimeError("fake server not started")
        return f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def start(self) -> FakeServer:
        """Listen on a free port of 127.0.0.1 in a daemon thread."""
        handler = type("Handler", (_Handler,), {"fake": self})
        self._httpd = _Server(("127.0.0.1", 0), handler)
        self._httpd.daemon_threads = True
        self._httpd.block_on_close = False
        self._thread = threading.Thread(
            target=self._httpd.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"{type(self).__name__}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; sleeping replies wake up and end."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=30)

    def __enter__(self) -> FakeServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that timed out and hung up is part of the script, not an error.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def sse(data: Any, event: str | None = None) -> str:
    """One server-sent event."""
    payload = data if isinstance(data, str) else json.dumps(data)
    return (f"event: {event}\n" if event else "") + f"data: {payload}\n\n"


class _Handler(BaseHTTPRequestHandler):
    fake: FakeServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def _handle(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw) if raw else None
        except ValueError:
            body = None
        path = self.path.split("?", 1)[0]
        system, prompt = self.fake.texts(body)
        request = RecordedRequest(
            self.command, path, {k.lower(): v for k, v in self.headers.items()}, body, raw, system, prompt
        )
        if self.fake.paths and path not in self.fake.paths:
            self.fake.requests.append(request)
            self._send_json(404, {"error": f"no route {path}"})
            return
        reply = self.fake._choose(request)
        if reply.delay and self.fake._stopping.wait(reply.delay):
            return
        if reply.status >= 400:
            body_out = reply.body if reply.body is not None else self.fake.error_body(reply)
            self._send_json(reply.status, body_out, reply.headers)
        elif reply.malformed:
            self._send_raw(reply.status, b'{"this is": not json', "application/json", reply.headers)
        elif reply.body is not None:
            self._send_json(reply.status, reply.body, reply.headers)
        elif self.fake.wants_stream(path, body):
            self._send_stream(list(self.fake.sse_events(request, reply)), reply)
        else:
            self._send_json(reply.status, self.fake.json_body(request, reply), reply.headers)

    def _send_json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        data = body.encode() if isinstance(body, str) else json.dumps(body).encode()
        self._send_raw(status, data, "application/json", headers or {})

    def _send_raw(self, status: int, data: bytes, ctype: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _send_stream(self, events: list[str], reply: Reply) -> None:
        if reply.truncate_after is not None:
            keep = min(reply.truncate_after, len(events) - self.fake.final_event_count())
            events = events[: max(keep, 0)]
        self.send_response(reply.status)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        for name, value in reply.headers.items():
            self.send_header(name, value)
        self.end_headers()
        for index, event in enumerate(events):
            if reply.die_after is not None and index >= reply.die_after:
                self._die()
                return
            data = event.encode()
            self.wfile.write(f"{len(data):X}\r\n".encode() + data + b"\r\n")
            self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def _die(self) -> None:
        """Drop the connection mid-body, as a crashed server or proxy would."""
        self.wfile.flush()
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)
