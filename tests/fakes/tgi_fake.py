"""A fake Text Generation Inference server: POST / , /generate, /generate_stream, and /v1/chat/completions."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tests.fakes.openai_fake import OpenAIChatMixin, chat_texts, prompt_tokens
from tests.fakes.server import FakeServer, RecordedRequest, Reply, sse

CHAT_PATH = "/v1/chat/completions"


class FakeTGI(OpenAIChatMixin, FakeServer):
    """TGI (and the Hugging Face Inference API's error shapes): text generation plus the Messages API."""

    paths = ("/", "/generate", "/generate_stream", CHAT_PATH)

    @property
    def base_url(self) -> str:
        """What JOXCODER_API_URL should be."""
        return self.url

    def texts(self, body: Any) -> tuple[str, str]:
        if isinstance(body, dict) and "messages" in body:
            return chat_texts(body)
        inputs = body.get("inputs", "") if isinstance(body, dict) else ""
        return "", str(inputs)

    def wants_stream(self, path: str, body: Any) -> bool:
        return path == "/generate_stream" or super().wants_stream(path, body)

    def json_body(self, request: RecordedRequest, reply: Reply) -> Any:
        if request.path == CHAT_PATH:
            return self.chat_json(request, reply)
        params = (request.body or {}).get("parameters") or {}
        out: dict[str, Any] = {"generated_text": reply.text}
        if params.get("details") and reply.usage:
            count = prompt_tokens(reply, request.prompt)
            prefill = (
                [{"id": i, "text": f"t{i}", "logprob": -0.5} for i in range(count)]
                if params.get("decoder_input_details")
                else []
            )
            out["details"] = {
                "finish_reason": "eos_token",
                "generated_tokens": reply.output_tokens(),
                "seed": None,
                "prefill": prefill,
                "tokens": _tokens(reply),
            }
        return [out] if request.path == "/" else out

    def sse_events(self, request: RecordedRequest, reply: Reply) -> Iterable[str]:
        if request.path == CHAT_PATH:
            yield from self.chat_events(request, reply)
            return
        chunks = reply.chunks()
        for i, piece in enumerate(chunks):
            last = i == len(chunks) - 1
            details = (
                {
                    "finish_reason": "eos_token",
                    "generated_tokens": reply.output_tokens(),
                    "seed": None,
                    "input_length": prompt_tokens(reply, request.prompt),
                }
                if last and reply.usage
                else None
            )
            yield sse(
                {
                    "index": i + 1,
                    "token": {"id": i, "text": piece, "logprob": -0.5, "special": False},
                    "generated_text": reply.text if last else None,
                    "details": details,
                    "top_tokens": None,
                }
            )

    def error_body(self, reply: Reply) -> Any:
        body: dict[str, Any] = {"error": reply.text}
        if reply.error_type:
            body["error_type"] = reply.error_type
        return body


def _tokens(reply: Reply) -> list[dict[str, Any]]:
    return [{"id": i, "text": t, "logprob": -0.5, "special": False} for i, t in enumerate(reply.chunks())]
