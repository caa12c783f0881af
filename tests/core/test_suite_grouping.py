"""The suite relies on xdist groups (one Redis, one model server): check this pytest honours them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

_PROBE = '''
import os, pytest
@pytest.mark.xdist_group("one")
@pytest.mark.parametrize("i", range(6))
def test_probe(i):
    open(os.path.join(os.environ["PROBE_DIR"], "worker-" + os.environ["PYTEST_XDIST_WORKER"]), "a").close()
'''


def test_an_xdist_group_runs_on_one_worker(tmp_path: Path) -> None:
    """pytest 9.2 with pytest-xdist 3.8 spread a group over every worker (pytest-dev/pytest-xdist#1386)."""
    (tmp_path / "test_probe.py").write_text(_PROBE)
    (tmp_path / "runs").mkdir()
    done = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "2", "--dist", "loadgroup", "-p",
                           "no:cacheprovider", "test_probe.py"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PROBE_DIR": str(tmp_path / "runs")})
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(list((tmp_path / "runs").glob("worker-*"))) == 1, done.stdout
