"""Real local HTTP servers speaking each model provider's wire protocol, scriptable per test.

The SDKs (openai, anthropic, huggingface_hub) use their own HTTP stack, so we fake the servers,
not the clients. Each fake runs a stdlib ThreadingHTTPServer on 127.0.0.1 with a free port:

    FakeTGI        POST /  /generate  /generate_stream  and /v1/chat/completions   -> JoxCoder
    FakeOpenAI     POST /v1/chat/completions (JSON, or SSE up to data: [DONE])  -> openai, openai_compatible
    FakeAnthropic  POST /v1/messages (JSON, or message_start ... message_stop SSE)    -> anthropic

Start one (or use the pytest fixtures in tests.fakes.fixtures: fake_tgi, fake_openai,
fake_anthropic, provider_env):

    with FakeOpenAI() as fake:
        provider = OpenAIProvider(api_key="sk-test", base_url=fake.base_url, model="gpt-test")

Scripting: every request takes the first match of (1) the queue, (2) a route, (3) `fake.default`.

    fake.queue(Reply.rate_limited(0.2), Reply(text="ok"))     # next requests, in order
    fake.queue(Reply.loading(estimated_time=0.5))               # HF 503 "Model is currently loading"
    fake.queue(Reply.error(401, "bad key"), Reply.slow(5))      # any status / a delay (client timeouts)
    fake.queue(Reply.cut(after=2), Reply(truncate_after=2))     # stream dropped / ended before its last event
    fake.queue(Reply(malformed=True), Reply(text="x", usage=False))   # broken JSON / no usage fields
    fake.default = Reply(text="fallback answer")
    fake.requests[-1].header("authorization"), fake.requests[-1].body["model"]   # what was sent

A reply can also be plain text, or a callable `(RecordedRequest) -> Reply | str`.

A whole multi-role generation — `role_router`: the answer is chosen by a marker found in the
system prompt (then anywhere in the prompt); a list is used in turn and its last entry repeats,
which scripts repair rounds:

    from tests.fakes import FakeOpenAI, Reply
    from tests.fakes.fixtures import provider_env      # fixture: points settings at a fake

    def test_full_generation(fake_openai, provider_env):
        provider_env.openai(fake_openai)                # OPENAI_API_KEY / OPENAI_BASE_URL / OPENAI_MODEL
        fake_openai.role_router({
            "ROLE: architect": ARCHITECTURE_JSON,
            "ROLE: backend":  "FILE: app/main.py\\n```python\\n...\\n```",
            "ROLE: frontend": "FILE: static/index.html\\n```html\\n...\\n```",
            "ROLE: devops":   "FILE: Dockerfile\\n```\\nFROM python:3.11-slim\\n```",
            "ROLE: security": "No findings.",
            "ROLE: tester":   ["FILE: tests/test_x.py\\n```python\\n...\\n```", "repair answer"],
        }, default=Reply.error(500, "unscripted request"))
        ...run the generation with provider "openai"...
        assert len(fake_openai.requests_for("ROLE: backend")) == 1

The same works with FakeTGI (`provider_env.joxcoder(fake_tgi)`, route "text-generation" matches
the marker inside the rendered prompt; route "chat" matches the system message) and FakeAnthropic
(`provider_env.anthropic(fake_anthropic)`, the marker is in `system`). Streaming or not is decided by
the client's request; the same Reply renders both ways. Combine with faults per role:
`fake.route("ROLE: backend", Reply.rate_limited(0.2), "FILE: ...")`.
"""

from tests.fakes.anthropic_fake import FakeAnthropic
from tests.fakes.openai_fake import FakeOpenAI
from tests.fakes.server import FakeServer, RecordedRequest, Reply
from tests.fakes.tgi_fake import FakeTGI

__all__ = ["FakeAnthropic", "FakeOpenAI", "FakeServer", "FakeTGI", "RecordedRequest", "Reply"]
