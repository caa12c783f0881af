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


RACER = """
import sys, time
from pathlib import Path
from db.migrate import upgrade
url, ready, go = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
ready.touch()
while not go.exists():
    time.sleep(0.005)
print(upgrade(url))
"""


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_processes_migrating_a_fresh_database_at_once_all_succeed(tmp_path: Path, backend: str):
    import os
    import subprocess
    import sys
    import time

    if backend == "sqlite":
        url = f"sqlite:///{tmp_path / 'fresh.db'}"
    else:
        base = os.environ.get("TEST_DATABASE_URL", "")
        if not base.startswith("postgres"):
            pytest.skip("PostgreSQL not configured: set TEST_DATABASE_URL (CI's .ci/run starts one)")
        from tests.conftest import _fresh_postgres

        url = _fresh_postgres(base)
    root = Path(__file__).resolve().parents[2]
    go = tmp_path / "go"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, url, str(tmp_path / f"ready{i}"), str(go)], cwd=root,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for i in range(5)]
    # Wait until every process has imported everything, then release them together.
    while not all((tmp_path / f"ready{i}").exists() for i in range(5)):
        assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
        time.sleep(0.05)
    go.touch()
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0] * 5, [err.strip().splitlines()[-1:] for _, err in results]
    head = current_revision(url)
    assert head and {out.strip() for out, _ in results} == {head}
