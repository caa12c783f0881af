"""A fake OpenAI-compatible server: POST /v1/chat/completions, JSON or SSE chunks ending in [DONE]."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from tests.fakes.server import FakeServer, RecordedRequest, Reply, sse

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "invalid_request_error",
    403: "permission_denied",
    404: "invalid_request_error",
    429: "rate_limit_exceeded",
    500: "server_error",
}


def chat_texts(body: Any) -> tuple[str, str]:
    """(system prompt, all message contents) of an OpenAI-style chat body."""
    if not isinstance(body, dict):
        return "", ""
    messages = [m for m in body.get("messages") or [] if isinstance(m, dict)]
    system = "\n".join(str(m.get("content", "")) for m in messages if m.get("role") == "system")
    return system, "\n".join(str(m.get("content", "")) for m in messages)


def prompt_tokens(reply: Reply, prompt: str) -> int:
    """Prompt tokens the fake reports: scripted, else one a word."""
    return reply.prompt_tokens if reply.prompt_tokens is not None else len(prompt.split())


class OpenAIChatMixin:
    """Renders OpenAI chat completions (shared by the OpenAI fake and the TGI fake's Messages API)."""

    def chat_json(self, request: RecordedRequest, reply: Reply) -> dict[str, Any]:
        """A chat.completion object."""
        body = request.body or {}
        data: dict[str, Any] = {
            "id": "chatcmpl-fake",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model") or "fake-model",
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": reply.text},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
        }
        if reply.usage:
            data["usage"] = _usage(reply, request.prompt)
        return data

    def chat_events(self, request: RecordedRequest, reply: Reply) -> Iterable[str]:
        """chat.completion.chunk events, a usage chunk when asked for, then [DONE]."""
        body = request.body or {}
        base = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": body.get("model") or "fake-model",
        }
        chunks = reply.chunks()
        for i, piece in enumerate(chunks):
            delta = {"role": "assistant", "content": piece} if i == 0 else {"content": piece}
            finish = "stop" if i == len(chunks) - 1 else None
            yield sse({**base, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]})
        wants_usage = bool((body.get("stream_options") or {}).get("include_usage"))
        if reply.usage and wants_usage:
            yield sse({**base, "choices": [], "usage": _usage(reply, request.prompt)})
        yield sse("[DONE]")

    def openai_error(self, reply: Reply) -> dict[str, Any]:
        """OpenAI's error envelope."""
        kind = reply.error_type or _ERROR_TYPES.get(reply.status, "server_error")
        return {"error": {"message": reply.text, "type": kind, "param": None, "code": None}}


def _usage(reply: Reply, prompt: str) -> dict[str, int]:
    p, c = prompt_tokens(reply, prompt), reply.output_tokens()
    return {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}


class FakeOpenAI(OpenAIChatMixin, FakeServer):
    """OpenAI, Ollama, vLLM, LM Studio: anything speaking /v1/chat/completions."""

    paths = ("/v1/chat/completions",)

    @property
    def base_url(self) -> str:
        """What to give the OpenAI SDK as base_url."""
        return f"{self.url}/v1"

    def texts(self, body: Any) -> tuple[str, str]:
        return chat_texts(body)

    def json_body(self, request: RecordedRequest, reply: Reply) -> Any:
        return self.chat_json(request, reply)

    def sse_events(self, request: RecordedRequest, reply: Reply) -> Iterable[str]:
        return self.chat_events(request, reply)

    def error_body(self, reply: Reply) -> Any:
        return self.openai_error(reply)

    def final_event_count(self) -> int:
        return 2
