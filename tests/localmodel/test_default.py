"""When JoxCoder Local is installed it is offered, labelled as the issue says, and new accounts default to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import get_settings
from core.localmodel import paths
from core.providers import available_providers
from tests.factories import make_user


@pytest.fixture
def installed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A MODEL_DIR that holds both parts (never started here)."""
    monkeypatch.setenv("MODEL_DIR", str(tmp_path / "models"))
    for path in (paths.weights_file(), paths.server_binary()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    get_settings.cache_clear()


def test_not_installed_everything_is_as_before(db: str) -> None:
    assert "joxcoder_local" not in dict(available_providers())
    assert make_user("nina").default_provider == "offline"


def test_installed_it_is_offered_and_new_accounts_default_to_it(db: str, installed: None) -> None:
    offered = dict(available_providers())
    assert offered["joxcoder_local"] == "JoxCoder Local (Qwen2.5-Coder 1.5B, on this machine)"
    assert list(offered)[:2] == ["offline", "joxcoder_local"]
    assert make_user("omar").default_provider == "joxcoder_local"


def test_an_empty_default_provider_means_automatic(db: str, installed: None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_PROVIDER", "")
    get_settings.cache_clear()
    assert make_user("ugo").default_provider == "joxcoder_local"


def test_an_explicit_default_provider_wins(db: str, installed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEFAULT_PROVIDER", "offline")
    get_settings.cache_clear()
    assert make_user("pia").default_provider == "offline"


def test_model_status_says_not_installed_and_what_to_do(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    from core.__main__ import main

    assert main(["model", "status", "--json"]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["state"] == "not_installed" and not status["installed"]
    assert "weights" in status["missing"][0] and "llama-server" in status["missing"][1]
    assert main(["model", "status"]) == 0
    assert "run `make model` to install" in capsys.readouterr().out
