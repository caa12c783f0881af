"""Migration helpers: the revision check behind /healthz stays quiet in the logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from db.migrate import current_revision, upgrade


def test_current_revision_is_empty_then_head_and_logs_nothing(tmp_path: Path, caplog: pytest.LogCaptureFixture):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    assert current_revision(url) == ""
    head = upgrade(url)
    assert head == sorted(p.name[:4] for p in (Path(__file__).parents[2] / "db/migrations/versions").glob("0*.py"))[-1]
    caplog.clear()
    with caplog.at_level(logging.DEBUG):
        for _ in range(3):  # a load balancer probing /healthz
            assert current_revision(url) == head
    assert [r.getMessage() for r in caplog.records] == []
