"""Counts, summary parsing, the isolation policy and the limits-only level."""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.errors import CancelledError
from core.sandbox import TestRun, detect_isolation, parse_summary, run_tests
from tests.sandbox.sandbox_helpers import PATIENCE, processes_with, run_until_started, wait_for

PASSING = {
    "app/__init__.py": "",
    "app/calc.py": "def add(a: int, b: int) -> int:\n    return a + b\n",
    "tests/test_calc.py": "from app.calc import add\n\ndef test_add():\n    assert add(1, 2) == 3\n\n"
                          "def test_zero():\n    assert add(0, 0) == 0\n",
}


@pytest.fixture
def no_bwrap(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """A PATH without bwrap or prlimit: the machine as a host without bubblewrap sees it."""
    empty = tmp_path / "empty-bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    detect_isolation.cache_clear()
    yield
    detect_isolation.cache_clear()


def test_a_passing_project_gets_correct_counts() -> None:
    run = run_tests(PASSING, trusted=True, timeout=60)
    assert (run.passed, run.failed, run.errors) == (2, 0, 0)
    assert run.ran and run.exit_code == 0 and run.succeeded and run.stopped_reason == ""
    assert run.isolation == detect_isolation().level


def test_a_failing_project_gets_correct_counts(tmp_path: Path) -> None:
    files = dict(PASSING)
    files["tests/test_more.py"] = "def test_bad():\n    assert 1 == 2\n\ndef test_worse():\n    raise ValueError\n"
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(text)
    (tmp_path / "__pycache__").mkdir()
    (tmp_path / "__pycache__" / "junk.pyc").write_bytes(b"\0")
    run = run_tests(tmp_path, trusted=True, timeout=60)
    assert (run.passed, run.failed, run.errors) == (2, 2, 0)
    assert run.exit_code == 1 and not run.succeeded
    assert "test_bad" in run.output


def test_collection_errors_and_empty_suites_are_not_successes() -> None:
    broken = run_tests({"test_broken.py": "import not_a_module_anywhere\n"}, trusted=True, timeout=60)
    assert broken.errors == 1 and broken.exit_code == 2 and not broken.succeeded
    empty = run_tests({"README.md": "# nothing to test\n"}, trusted=True, timeout=60)
    assert (empty.passed, empty.failed, empty.errors) == (0, 0, 0)
    assert empty.exit_code == 5 and empty.ran and not empty.succeeded


def test_output_is_trimmed_to_its_tail() -> None:
    test = "def test_noisy():\n    print('x' * 100_000)\n    assert False\n"
    run = run_tests({"test_noisy.py": test}, trusted=True, timeout=60)
    assert len(run.output) < 21_000
    assert run.output.startswith("[... ") and run.failed == 1


@pytest.mark.parametrize(("line", "counts"), [
    ("3 passed in 0.12s", (3, 0, 0)),
    ("1 failed, 2 passed, 1 skipped in 1.02s", (2, 1, 0)),
    ("==== 2 failed, 5 passed, 3 errors, 1 warning in 3.40s (0:00:03) ====", (5, 2, 3)),
    ("1 error in 0.05s", (0, 0, 1)),
    ("no tests ran in 0.01s", (0, 0, 0)),
    ("some test printed 4 passed here", (4, 0, 0)),
])
def test_parse_summary(line: str, counts: tuple[int, int, int]) -> None:
    assert parse_summary(f"....\nnoise\n{line}\n") == counts


def test_progress_counts_when_there_is_no_summary() -> None:
    assert parse_summary("..F.E" + " " * 60 + "[ 40%]\n...s\n") == (6, 1, 1)


def test_a_project_addopts_q_does_not_hide_the_counts() -> None:
    files = {"pytest.ini": "[pytest]\naddopts = -q\n", "test_a.py": "def test_a():\n    pass\n"}
    run = run_tests(files, trusted=True, timeout=60)
    assert (run.passed, run.failed, run.errors) == (1, 0, 0) and run.succeeded


def test_untrusted_code_does_not_run_without_isolation(no_bwrap: None, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    test = f"def test_x():\n    open({str(marker)!r}, 'w').write('ran')\n"
    info = detect_isolation()
    assert info.level == "limits" and "bwrap not installed" in info.note
    run = run_tests({"test_x.py": test})
    assert run == TestRun(isolation="none", stopped_reason="isolation unavailable", output=run.output)
    assert not run.ran and "ALLOW_UNISOLATED_MODEL_CODE" in run.output and "bwrap not installed" in run.output
    assert not marker.exists()


def test_limits_only_runs_when_trusted_or_allowed(no_bwrap: None, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret")
    test = ("import os, resource\n\ndef test_env():\n    assert 'OPENAI_API_KEY' not in os.environ\n"
            "    assert resource.getrlimit(resource.RLIMIT_FSIZE)[0] == 64 * 1024**2\n")
    for kwargs in ({"trusted": True}, {"allow_unisolated": True}):
        run = run_tests({"test_env.py": test}, timeout=60, **kwargs)  # type: ignore[arg-type]
        assert run.isolation == "limits" and run.passed == 1, run.output


def test_limits_only_timeout_kills_the_group_and_escapees(no_bwrap: None, tmp_path: Path) -> None:
    token = "lim-" + secrets.token_hex(6)
    pid_file = tmp_path / "pid"
    test = f"""
import os, subprocess, time
def test_hang():
    subprocess.Popen([{token!r}, "1000"], executable="/usr/bin/sleep")
    subprocess.Popen([{token!r}, "1000"], executable="/usr/bin/sleep", start_new_session=True)
    open({str(pid_file)!r}, "w").write(str(os.getpid()))
    time.sleep(1000)
"""
    _, run = run_until_started(lambda t: run_tests({"t_test.py": test}, timeout=t, trusted=True),
                               lambda: len(processes_with(token)) == 2 and pid_file.exists())
    assert run.stopped_reason == "timeout" and run.isolation == "limits"
    assert wait_for(lambda: not processes_with(token), PATIENCE), processes_with(token)
    with pytest.raises(ProcessLookupError):
        os.kill(int(pid_file.read_text()), 0)


def test_limits_exec_wrapper_applies_limits_then_execs() -> None:
    wrapper = Path(__file__).resolve().parents[2] / "core" / "limits_exec.py"
    probe = "import resource as r; print(r.getrlimit(r.RLIMIT_NPROC), r.getrlimit(r.RLIMIT_CPU))"
    out = subprocess.run([sys.executable, "-I", "-S", str(wrapper), "--nproc=77", "--cpu=9:14", "--",
                          sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "(77, 77) (9, 14)"
    bad = subprocess.run([sys.executable, str(wrapper), "--bogus=1", "--", "true"], capture_output=True, text=True)
    assert bad.returncode != 0 and "unknown" in bad.stderr


def test_a_check_that_raises_stops_the_tests_and_kills_every_process() -> None:
    token = "cancel-" + secrets.token_hex(6)
    hang = (f"import subprocess, time\ndef test_hang():\n"
            f"    subprocess.Popen([{token!r}, '1000'], executable='/usr/bin/sleep', start_new_session=True)\n"
            f"    time.sleep(1000)\n")
    seen: list[bool] = []

    def check() -> None:
        seen.append(bool(processes_with(token)))
        if any(seen):  # the suite is running: the owner cancels now
            raise CancelledError("Cancelled by the owner")

    with pytest.raises(CancelledError):
        run_tests({"test_hang.py": hang}, timeout=60, trusted=True, check=check)
    assert any(seen), "the suite never started"
    assert wait_for(lambda: not processes_with(token), PATIENCE), processes_with(token)
