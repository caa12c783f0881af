"""Settings shows JoxCoder Local's state and offers it when installed (AppTest)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from core.config import get_settings
from core.localmodel import paths
from core.localmodel.runtime import reset_server
from tests.ui.conftest import make_user, signed_in, texts

LABEL = "JoxCoder Local (Qwen2.5-Coder 1.5B, on this machine)"


@pytest.fixture(autouse=True)
def _fresh_server() -> Iterator[None]:
    reset_server()
    yield
    reset_server()


def test_not_installed_says_how_to_install() -> None:
    at = signed_in(make_user())
    at.switch_page("pages/settings.py").run()
    assert not at.exception
    assert "JoxCoder Local: not installed. Run `make model` to install it" in texts(at)
    assert LABEL not in at.selectbox[0].options


def test_installed_it_is_offered_and_its_state_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MODEL_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("LOCAL_MODEL_PORT", "9")  # nothing answers there: installed, not running
    get_settings.cache_clear()
    for path in (paths.weights_file(), paths.server_binary()):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    at = signed_in(make_user())
    at.switch_page("pages/settings.py").run()
    assert not at.exception
    assert LABEL in at.selectbox[0].options
    assert at.selectbox[0].value == "joxcoder_local"  # new accounts start with it
    assert "JoxCoder Local: installed, not running (it starts on first use)." in texts(at)
