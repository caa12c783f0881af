"""JoxCoder Local: Qwen2.5-Coder-1.5B on this machine's llama-server, over the OpenAI-compatible protocol.

One request at a time per server: callers queue on the server's lock and are told they are waiting. The server
is started on first use when nothing answers (the app starts it at boot), and restarted by its watcher once.
"""

from __future__ import annotations

import json
import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, ClassVar

from core.localmodel import paths, pins
from core.localmodel.runtime import LocalServer, get_server
from core.providers.base import Completion, Message, ProviderOptions, cautious_tokens
from core.providers.openai_provider import OpenAICompatibleProvider

if TYPE_CHECKING:
    from core.config import Settings

LABEL = "JoxCoder Local (Qwen2.5-Coder 1.5B, on this machine)"


class JoxCoderLocalProvider(OpenAICompatibleProvider):
    """llama-server on a loopback port; JSON-schema constrained answers; designs, never writes files."""

    name: ClassVar[str] = "joxcoder_local"
    label: ClassVar[str] = LABEL
    needs_key: ClassVar[bool] = False
    requires_base_url: ClassVar[bool] = False
    config_hint: ClassVar[str] = "`make model` (installs it), or LOCAL_MODEL_URL for a server started elsewhere"
    supports_json_schema: ClassVar[bool] = True
    plans_compactly: ClassVar[bool] = True
    # A 1.5B model on CPU plans the data model; the deterministic renderer writes the files (docs/PROVIDERS.md).
    writes_files: ClassVar[bool] = False

    def __init__(self, *, api_key: str = "", base_url: str = "", model: str = "",
                 server: LocalServer | None = None) -> None:
        self.server = server or get_server()
        super().__init__(api_key=api_key, base_url=base_url or self.server.url, model=model or pins.MODEL_ID)

    @classmethod
    def settings_values(cls, settings: Settings) -> dict[str, str]:
        return {"api_key": "", "base_url": settings.local_model_url, "model": pins.MODEL_ID}

    @classmethod
    def is_configured(cls, settings: Settings) -> bool:
        return bool(settings.local_model_url) or paths.installed()

    def on_wait(self, callback: Callable[[str], None] | None, check: Callable[[], None] | None = None) -> None:
        """Who to tell (this thread's role) when a call has to wait, and what to call while waiting (cancel)."""
        self._local.on_wait, self._local.check = callback, check

    def tune(self, options: ProviderOptions) -> ProviderOptions:
        """CPU-sized: a long per-read timeout, a budget for one retry after a restart, two attempts at most."""
        from core.config import get_settings

        timeout = max(options.timeout, get_settings().local_model_timeout_seconds)
        return options.model_copy(update={"timeout": timeout, "budget": max(options.budget, 2 * timeout + 60),
                                          "max_attempts": min(options.max_attempts, 2)})

    def count_tokens(self, text: str) -> int:
        """Exact tokens from the server's /tokenize when it is up, else a cautious estimate."""
        if self.server.status()[0] != "ready":
            return cautious_tokens(text)
        root = self.server.url.removesuffix("/v1")
        request = urllib.request.Request(f"{root}/tokenize", data=json.dumps({"content": text}).encode(),
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=30) as resp:  # noqa: S310 - loopback URL
                return len(json.loads(resp.read())["tokens"])
        except (OSError, ValueError, KeyError):
            return cautious_tokens(text)

    def _queue(self) -> float:
        """Take the server's request slot, telling the caller while it waits; returns seconds waited."""
        lock = self.server.request_lock
        if lock.acquire(blocking=False):
            return 0.0
        callback = getattr(self._local, "on_wait", None)
        if callback is not None:
            callback("Waiting for JoxCoder Local: it answers one request at a time and another one is running")
        start = time.monotonic()
        check = getattr(self._local, "check", None)
        while not lock.acquire(timeout=1.0):
            if check is not None:
                check()  # keeps the run alive and lets a cancel end the wait
        return time.monotonic() - start

    def execute(self, messages: list[Message], options: ProviderOptions) -> Iterator[str]:
        """Stream the answer, one request at a time on this server."""
        self._queue()
        try:
            yield from super().execute(messages, options)
        finally:
            self.server.request_lock.release()

    def complete(self, messages: list[Message], options: ProviderOptions) -> Completion:
        """One whole answer, one request at a time on this server."""
        self._queue()
        try:
            return super().complete(messages, options)
        finally:
            self.server.request_lock.release()

    def _stream_once(self, messages: list[Message], options: ProviderOptions, timeout: float) -> Iterator[str]:
        self.server.ensure_running()
        yield from super()._stream_once(messages, options, timeout)

    def _complete_once(self, messages: list[Message], options: ProviderOptions, timeout: float) -> Completion:
        self.server.ensure_running()
        return super()._complete_once(messages, options, timeout)
