"""JoxCoder Local down: the generation fails with the cause and the credits come back."""

from __future__ import annotations

import pytest

from core import projects
from core.config import get_settings
from core.orchestrator import run_project
from core.users import get_user_by_id
from tests.factories import make_user


def test_a_local_server_that_is_down_fails_the_generation_and_refunds(db: str,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOCAL_MODEL_URL", "http://127.0.0.1:9/v1")  # nothing listens on the discard port
    get_settings.cache_clear()
    user = make_user("uma")
    view = projects.create_project(user_id=user.id, name="recipes", provider="joxcoder_local",
                                   prompt="A recipe site where users rate recipes")
    outcome = run_project(view.id)
    assert outcome.status == "failed"
    assert "nothing answers at http://127.0.0.1:9/v1" in outcome.error
    assert projects.credits_spent(view.id, user_id=user.id) == 0
    assert get_user_by_id(user.id).balance == 100
