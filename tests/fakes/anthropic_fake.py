"""A fake Anthropic server: POST /v1/messages, JSON or the SSE event sequence with usage."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tests.fakes.server import FakeServer, RecordedRequest, Reply, sse

_ERROR_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    403: "permission_error",
    404: "not_found_error",
    429: "rate_limit_error",
    500: "api_error",
    529: "overloaded_error",
}


def _content_text(content: Any) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(str(b.get("text", "")) for b in content if isinstance(b, dict))
    return ""


class FakeAnthropic(FakeServer):
    """Anthropic's Messages API."""

    paths = ("/v1/messages",)

    @property
    def base_url(self) -> str:
        """What to give the Anthropic SDK as base_url."""
        return self.url

    def texts(self, body: Any) -> tuple[str, str]:
        if not isinstance(body, dict):
            return "", ""
        system = _content_text(body.get("system"))
        messages = [
            _content_text(m.get("content")) for m in body.get("messages") or [] if isinstance(m, dict)
        ]
        return system, "\n".join([system, *messages])

    def _input_tokens(self, request: RecordedRequest, reply: Reply) -> int:
        return reply.prompt_tokens if reply.prompt_tokens is not None else len(request.prompt.split())

    def json_body(self, request: RecordedRequest, reply: Reply) -> Any:
        usage = (
            {"input_tokens": self._input_tokens(request, reply), "output_tokens": reply.output_tokens()}
            if reply.usage
            else {"input_tokens": 0, "output_tokens": 0}
        )
        return {
            "id": "msg_fake",
            "type": "message",
            "role": "assistant",
            "model": (request.body or {}).get("model", "fake"),
            "content": [{"type": "text", "text": reply.text}],
            "stop_reason": "end_turn",
            "stop_sequence": None,
            "usage": usage,
        }

    def sse_events(self, request: RecordedRequest, reply: Reply) -> Iterable[str]:
        input_tokens = self._input_tokens(request, reply) if reply.usage else 0
        message = {
            "id": "msg_fake",
            "type": "message",
            "role": "assistant",
            "model": (request.body or {}).get("model", "fake"),
            "content": [],
            "stop_reason": None,
            "stop_sequence": None,
            "usage": {"input_tokens": input_tokens, "output_tokens": 1},
        }
        yield sse({"type": "message_start", "message": message}, "message_start")
        yield sse(
            {"type": "content_block_start", "index": 0, "content_block": {"type": "text", "text": ""}},
            "content_block_start",
        )
        yield sse({"type": "ping"}, "ping")
        for piece in reply.chunks():
            yield sse(
                {"type": "content_block_delta", "index": 0, "delta": {"type": "text_delta", "text": piece}},
                "content_block_delta",
            )
        yield sse({"type": "content_block_stop", "index": 0}, "content_block_stop")
        output = reply.output_tokens() if reply.usage else 0
        yield sse(
            {
                "type": "message_delta",
                "delta": {"stop_reason": "end_turn", "stop_sequence": None},
                "usage": {"output_tokens": output},
            },
            "message_delta",
        )
        yield sse({"type": "message_stop"}, "message_stop")

    def error_body(self, reply: Reply) -> Any:
        kind = reply.error_type or _ERROR_TYPES.get(reply.status, "api_error")
        return {"type": "error", "error": {"type": kind, "message": reply.text}}

    def final_event_count(self) -> int:
        return 3
