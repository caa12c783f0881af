"""The fakes' scripting as other tests use it: a multi-role generation routed by markers."""

from __future__ import annotations

import pytest

from core.errors import ProviderError
from core.providers import Message, ProviderOptions, build_provider, join_chunks
from tests.fakes import FakeAnthropic, FakeOpenAI, FakeTGI, Reply

FAST = ProviderOptions(budget=120.0, timeout=60.0)  # success paths: generous, CI cores are shared
ANSWERS = {
    "ROLE: architect": '{"name": "todo"}',
    "ROLE: backend": "FILE: app/main.py\n```python\nprint('api')\n```",
    "ROLE: tester": ["FILE: tests/test_a.py\n```python\nassert False\n```", "repaired"],
}


def ask(provider, role: str, stream: bool = False, user: str = "ROLE: architect said: build todo") -> str:
    messages = [
        Message(role="system", content=f"ROLE: {role}\nYou write code."),
        Message(role="user", content=user),
    ]
    if stream:
        return join_chunks(provider.execute(messages, FAST))
    return provider.complete(messages, FAST).text


@pytest.mark.parametrize("kind", ["openai", "anthropic", "joxcoder-chat", "joxcoder-tgi"])
def test_role_router_scripts_a_whole_generation(
    kind: str, provider_env, fake_openai: FakeOpenAI, fake_anthropic: FakeAnthropic, fake_tgi: FakeTGI
) -> None:
    fake = {"openai": fake_openai, "anthropic": fake_anthropic}.get(kind, fake_tgi)
    if kind == "openai":
        provider_env.openai(fake_openai)
    elif kind == "anthropic":
        provider_env.anthropic(fake_anthropic)
    else:
        provider_env.joxcoder(fake_tgi, route="chat" if kind == "joxcoder-chat" else "text-generation")
    fake.role_router(ANSWERS, default=Reply.error(500, "unscripted"))
    provider = build_provider(kind.split("-")[0])
    assert ask(provider, "architect") == '{"name": "todo"}'
    assert ask(provider, "backend", stream=True).startswith("FILE: app/main.py")
    # The user prompt mentions the architect, but the system prompt names the role.
    assert ask(provider, "tester").endswith("assert False\n```")
    assert ask(provider, "tester", stream=True) == "repaired"
    assert ask(provider, "tester") == "repaired"
    assert len(fake.requests_for("ROLE: tester")) == 3
    fake.queue(Reply.rate_limited(0.05))
    assert ask(provider, "backend").startswith("FILE:")
    with pytest.raises(ProviderError, match=r"server error \(500\)"):
        ask(provider, "devops", user="no marker here")
