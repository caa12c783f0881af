"""llama.cpp's llama-server as far as JoxCoder Local uses it: /health, /tokenize and /v1/chat/completions."""

from __future__ import annotations

from tests.fakes.openai_fake import FakeOpenAI
from tests.fakes.server import RecordedRequest, Reply


class FakeLlamaServer(FakeOpenAI):
    """FakeOpenAI plus llama-server's health and tokenizer routes (which never consume scripted replies)."""

    paths = ("/v1/chat/completions", "/health", "/tokenize")

    def _choose(self, request: RecordedRequest) -> Reply:
        if request.path == "/health":
            return Reply(body={"status": "ok"})
        if request.path == "/tokenize":
            content = (request.body or {}).get("content", "")
            return Reply(body={"tokens": list(range(len(content) // 4 + 1))})
        return super()._choose(request)
