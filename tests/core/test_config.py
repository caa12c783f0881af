"""Settings: defaults work with nothing set, and `.env.example` documents every variable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.config import Settings

ROOT = Path(__file__).resolve().parents[2]


def test_env_example_documents_every_setting() -> None:
    documented = set(re.findall(r"^([A-Z0-9_]+)=", (ROOT / ".env.example").read_text(), re.M))
    fields = {name.upper() for name in Settings.model_fields}
    assert fields == documented


def test_defaults_need_no_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in Settings.model_fields:
        monkeypatch.delenv(name.upper(), raising=False)
    s = Settings(_env_file=None)
    assert s.is_sqlite and s.default_provider == "offline" and s.trial_credits == 100
    assert s.generation_cost == 50 and s.followup_cost == 10
    assert not any(s.enabled_services().values())


def test_environment_overrides(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENERATION_COST", "7")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    s = Settings(_env_file=None)
    assert s.generation_cost == 7 and s.enabled_services()["openai"]
