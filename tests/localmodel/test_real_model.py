"""The real JoxCoder Local (Qwen2.5-Coder-1.5B on llama-server), installed by `make model`: slow, a few only."""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
from collections.abc import Iterator

import pytest

from core import projects
from core.config import get_settings
from core.errors import ProviderError
from core.localmodel import paths
from core.localmodel.runtime import get_server, reset_server
from core.providers.base import RESTART, Message, ProviderOptions
from core.providers.local_provider import JoxCoderLocalProvider
from tests.conftest import REAL_MODEL_DIR
from tests.factories import make_user, wait_done

# A CPU model on a busy machine is slow: minutes per design (docs/PERFORMANCE.md), hence the long timeout.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("local_model"), pytest.mark.timeout(1800)]
RECIPE = "A recipe sharing site where users post recipes with ingredients and steps, rate them, and save favourites"
GYM = "Una app para un gimnasio con socios, clases y reservas"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def local_model(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The real install (skipped, saying why, when `make model` has not run or failed) on a port of its own."""
    monkeypatch.setenv("MODEL_DIR", REAL_MODEL_DIR)
    if not paths.installed():
        why = os.environ.get("AUTOCREA_MODEL_INSTALL_FAILED", "")
        pytest.skip(f"JoxCoder Local is not installed in {REAL_MODEL_DIR} (missing {'; '.join(paths.missing())}): "
                    f"run `make model`{f'; it failed: {why}' if why else ''}")
    monkeypatch.setenv("LOCAL_MODEL_PORT", str(free_port()))
    get_settings.cache_clear()
    reset_server()
    yield
    reset_server()


def generate(user_id: int, prompt: str) -> tuple[projects.ProjectView, dict[str, projects.StepView], dict]:
    """One generation through the studio's job runner, as the Generate page starts it."""
    view = projects.start_generation(user_id=user_id, name="local", prompt=prompt, provider="joxcoder_local")
    done = wait_done(view.id, timeout=1800)
    steps = {s.role: s for s in projects.get_steps(view.id, user_id=None)}
    spec = json.loads(projects.get_files(view.id, user_id=None).get("architecture.json", "{}"))
    return done, steps, spec


def test_recipe_site_in_english_through_the_job_runner(db: str, local_model: None) -> None:
    user = make_user("rosa")
    view, steps, spec = generate(user.id, RECIPE)
    assert view.status == "completed", view.error
    assert view.tests_ran and view.tests_failed == 0 and view.tests_passed > 0
    arch = steps["architect"]
    assert arch.provider == "joxcoder_local" and arch.model == "qwen2.5-coder-1.5b-instruct"
    assert arch.completion_tokens > 0 and arch.prompt_tokens > 0 and arch.seconds > 0
    assert arch.detail["spec_source"].endswith("offline understanding")
    names = {e["name"] for e in spec["entities"]}
    assert any("Rating" in n or "Review" in n for n in names), names
    assert any("Favo" in n for n in names), names
    assert steps["backend"].detail["model_skipped"]  # the deterministic renderer wrote the files


def test_gym_in_spanish_gets_english_identifiers(db: str, local_model: None) -> None:
    user = make_user("sole")
    view, steps, spec = generate(user.id, GYM)
    assert view.status == "completed", view.error
    assert view.tests_failed == 0 and view.tests_passed > 0
    assert spec["language"] == "es"
    names = {e["name"] for e in spec["entities"]}
    assert all(n.isascii() and n[0].isupper() for n in names)
    assert steps["architect"].completion_tokens > 0


def test_a_server_killed_mid_request_is_restarted_once_and_the_call_completes(local_model: None) -> None:
    provider = JoxCoderLocalProvider()
    server = get_server()
    server.ensure_running()
    first = server.proc
    assert first is not None
    messages = [Message(role="user", content="Count from 1 to 200, separated by spaces.")]
    options = provider.tune(ProviderOptions(max_tokens=600, temperature=0, timeout=120, budget=300))
    chunks: list[str] = []
    started = threading.Event()

    def consume() -> None:
        for chunk in provider.execute(messages, options):
            chunks.append(chunk)
            started.set()

    worker = threading.Thread(target=consume)
    worker.start()
    assert started.wait(600)
    os.killpg(first.pid, signal.SIGKILL)
    worker.join(900)
    assert RESTART in chunks  # the stream died and the call started again on the restarted server
    text = "".join(chunks[max(i for i, c in enumerate(chunks) if c is RESTART) + 1:])
    assert "1 2 3" in text
    assert server.restarts == 1 and server.proc is not first and server.status()[0] == "ready"
    second = server.proc
    os.killpg(second.pid, signal.SIGKILL)  # a second death: failed, with the reason, and not restarted
    second.wait()
    while server._watching():
        server._watcher.join(0.1)
    state, reason = server.status()
    assert state == "failed" and "exited" in reason
    with pytest.raises(ProviderError, match="stopped twice"):
        provider.complete(messages, options)
