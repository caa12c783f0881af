"""joxcoder_local against a fake llama-server: the constrained architect, its repair, the queue, the budget."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator

import pytest

from core.engine import infer_spec
from core.errors import NothingUnderstoodError, UnsupportedRequestError, ValidationError
from core.localmodel.runtime import LocalServer
from core.providers.base import Message, ProviderOptions
from core.providers.context import PromptTooLarge, fit
from core.providers.local_provider import JoxCoderLocalProvider
from core.roles import architect
from core.roles.base import RunContext
from tests.fakes.llama_fake import FakeLlamaServer
from tests.fakes.server import Reply

RECIPE = "A recipe sharing site where users post recipes with ingredients and steps, rate them, and save favourites"
PLAN = {"entities": [
    {"name": "User", "fields": ["username", "email"], "belongs_to": []},
    {"name": "Recipe", "fields": ["title", "steps"], "belongs_to": ["User"]},
    {"name": "Ingredient", "fields": ["name", "quantity"], "belongs_to": ["Recipe"]},
    {"name": "Rating", "fields": ["stars", "created_at"], "belongs_to": ["User", "Recipe"]},
    {"name": "Favourite", "fields": [], "belongs_to": ["User", "Recipe"]},
]}


@pytest.fixture
def fake() -> Iterator[FakeLlamaServer]:
    with FakeLlamaServer() as server:
        yield server


@pytest.fixture
def provider(fake: FakeLlamaServer) -> JoxCoderLocalProvider:
    server = LocalServer(port=0, threads=1, context=8192, external_url=fake.base_url)
    return JoxCoderLocalProvider(server=server)


def context(provider: JoxCoderLocalProvider, prompt: str = RECIPE) -> tuple[RunContext, list[str]]:
    said: list[str] = []
    ctx = RunContext(project_id="p", run=1, prompt=prompt, provider=provider,
                     options=provider.tune(ProviderOptions(timeout=60, budget=120)), files={},
                     emit_output=said.append)
    return ctx, said


def test_the_architect_asks_for_the_compact_plan_under_json_schema(fake, provider) -> None:  # noqa: ANN001
    fake.default = Reply(text=json.dumps(PLAN))
    ctx, _ = context(provider)
    result = architect.run(ctx)
    chat = [r for r in fake.requests if r.path == "/v1/chat/completions"]
    assert len(chat) == 1
    body = chat[0].body
    assert body["temperature"] == 0 and body["response_format"]["type"] == "json_schema"
    assert body["response_format"]["json_schema"]["schema"]["required"] == ["entities"]
    spec = result.spec
    assert {"User", "Recipe", "Ingredient", "Rating", "Favourite"} <= {e.name for e in spec.entities}
    rating = spec.entity("Rating")
    assert {r.target for r in rating.relations} == {"User", "Recipe"}
    assert "created_at" not in {f.name for f in rating.fields}
    assert {r.target for r in spec.entity("Favourite").relations} == {"User", "Recipe"}
    assert result.detail["spec_source"] == "model + offline understanding"
    assert result.model == provider.model and result.usage.completion_tokens > 0


def test_a_malformed_answer_is_repaired_once(fake, provider) -> None:  # noqa: ANN001
    fake.queue(Reply(text='{"entities": [{"name": "User", "fields": ["na'), Reply(text=json.dumps(PLAN)))
    ctx, said = context(provider)
    result = architect.run(ctx)
    assert result.detail["spec_source"] == "model (repaired) + offline understanding"
    assert "not valid JSON" in result.detail["validation_problem"]
    chat = [r for r in fake.requests if r.path == "/v1/chat/completions"]
    assert len(chat) == 2 and "previous answer was not usable" in chat[1].prompt
    assert any("asking once more" in s for s in said)


def test_two_broken_answers_fall_back_to_the_offline_understanding(fake, provider) -> None:  # noqa: ANN001
    fake.default = Reply(text="not json at all")
    ctx, said = context(provider)
    result = architect.run(ctx)
    assert result.detail["spec_source"] == "offline fallback"
    assert any("offline understanding alone" in s for s in said)


def test_a_request_the_offline_engine_cannot_read_is_still_given_to_the_model(fake, provider) -> None:  # noqa: ANN001
    vague = "Something nice for my grandmother, she would love it."
    with pytest.raises(NothingUnderstoodError):
        infer_spec(vague)
    fake.default = Reply(text=json.dumps({"entities": [
        {"name": "Memory", "fields": ["title", "story"], "belongs_to": []}]}))
    ctx, _ = context(provider, vague)
    result = architect.run(ctx)
    assert [e.name for e in result.spec.entities] == ["Memory"]
    assert result.detail["spec_source"] == "model (the offline engine declined this request)"
    assert len([r for r in fake.requests if r.path == "/v1/chat/completions"]) == 1


@pytest.mark.parametrize("prompt", [
    "A pomodoro timer with a 25 minute countdown, a short break and an alarm sound.",
    "Un editor de markdown con vista previa en vivo y exportar a PDF.",
])
def test_a_request_that_is_not_a_data_app_is_declined_without_asking_the_model(fake, provider, prompt) -> None:  # noqa: ANN001
    """The local model plans data models only: a timer planned as tables would be a stub app, not what was asked."""
    fake.default = Reply(text=json.dumps({"entities": [{"name": "Timer", "fields": ["minutes"], "belongs_to": []}]}))
    ctx, _ = context(provider, prompt)
    with pytest.raises(UnsupportedRequestError) as declined:
        architect.run(ctx)
    message = str(declined.value)
    assert "JoxCoder Local" in message and "plans data models only" in message and "OpenAI" in message
    assert "Nothing was charged" in message
    assert not [r for r in fake.requests if r.path == "/v1/chat/completions"]


def test_an_empty_prompt_is_refused_before_any_model_call(fake, provider) -> None:  # noqa: ANN001
    ctx, _ = context(provider, "   ")
    with pytest.raises(ValidationError, match="empty"):
        architect.run(ctx)
    assert not [r for r in fake.requests if r.path == "/v1/chat/completions"]


def test_one_request_at_a_time_and_the_waiting_caller_is_told(fake, provider) -> None:  # noqa: ANN001
    release, entered = threading.Event(), threading.Event()

    def slow_first(_request: object) -> Reply:
        entered.set()
        release.wait(120)
        return Reply(text="first")

    fake.queue(slow_first, Reply(text="second"))
    messages = [Message(role="user", content="hi")]
    options = ProviderOptions(timeout=120, budget=240)
    answers: list[str] = []
    first = threading.Thread(target=lambda: answers.append(provider.complete(messages, options).text))
    first.start()
    assert entered.wait(120)
    told: list[str] = []
    second = threading.Thread(target=lambda: (provider.on_wait(told.append),
                                              answers.append(provider.complete(messages, options).text)))
    second.start()
    while not told and second.is_alive():
        second.join(0.05)
    assert told and "one request at a time" in told[0]
    assert answers == []  # the second waits for the first
    release.set()
    first.join(180)
    second.join(180)
    assert answers == ["first", "second"]


def test_prompts_are_budgeted_to_the_context_window_never_cut(fake, provider, monkeypatch) -> None:  # noqa: ANN001
    from core.config import get_settings

    monkeypatch.setenv("LOCAL_MODEL_CONTEXT", "4096")
    get_settings.cache_clear()
    big = [Message(role="user", content="x = 1\n" * 8000)]
    with pytest.raises(PromptTooLarge, match="context holds 4096"):
        fit(provider, big, ProviderOptions())
    small = fit(provider, [Message(role="user", content="hello")], ProviderOptions(max_tokens=8000))
    assert small.max_tokens < 4096
    get_settings.cache_clear()


def test_the_local_model_never_writes_files(fake, provider) -> None:  # noqa: ANN001
    from core.roles.builders import run_backend

    fake.default = Reply(text=json.dumps(PLAN))
    ctx, said = context(provider)
    ctx.spec = architect.run(ctx).spec
    before = len(fake.requests)
    result = run_backend(ctx)
    assert len(fake.requests) == before  # not asked
    assert result.model == "offline-engine" and "plans the data model only" in result.detail["model_skipped"]
    assert "app/main.py" in result.files


def test_a_server_that_refuses_a_prompt_as_too_long_is_skipped_honestly(fake) -> None:  # noqa: ANN001
    from core.providers.openai_provider import OpenAICompatibleProvider
    from core.roles.builders import run_backend

    provider = OpenAICompatibleProvider(base_url=fake.base_url, model="small-ctx")
    fake.default = Reply.error(400, "the request exceeds the available context size, try increasing it")
    ctx, said = context(JoxCoderLocalProvider(server=LocalServer(port=0, threads=1, context=8192,
                                                                 external_url=fake.base_url)))
    fake.queue(Reply(text=json.dumps(PLAN)))
    ctx.spec = architect.run(ctx).spec
    ctx.provider = provider
    result = run_backend(ctx)
    assert result.model == "offline-engine" and "app/main.py" in result.files
    assert "longer than its context window" in result.detail["model_skipped"]
    assert any("Model extension skipped" in s for s in said)


def test_a_call_waiting_in_the_queue_can_be_cancelled(fake, provider) -> None:  # noqa: ANN001
    from core.errors import CancelledError

    release, entered = threading.Event(), threading.Event()

    def slow_first(_request: object) -> Reply:
        entered.set()
        release.wait(30)
        return Reply(text="first")

    fake.queue(slow_first)
    messages = [Message(role="user", content="hi")]
    first = threading.Thread(target=lambda: provider.complete(messages, ProviderOptions(timeout=30, budget=60)))
    first.start()
    assert entered.wait(30)
    outcome: list[BaseException] = []

    def cancelled() -> None:
        raise CancelledError("Cancelled by the user")

    def second() -> None:
        provider.on_wait(lambda _text: None, cancelled)
        try:
            provider.complete(messages, ProviderOptions(timeout=30, budget=60))
        except CancelledError as exc:
            outcome.append(exc)

    waiter = threading.Thread(target=second)
    waiter.start()
    waiter.join(30)
    release.set()
    first.join(30)
    assert len(outcome) == 1 and "Cancelled" in str(outcome[0])
    assert len([r for r in fake.requests if r.path == "/v1/chat/completions"]) == 1  # never sent
