"""`python -m core verify DIR`: sandboxed tests + audit, exit codes 0/1/2 and one JSON object on stdout."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.cli import verify
from core.config import ROOT, get_settings
from core.sandbox import detect_isolation

PROJECT = {
    "app/__init__.py": "",
    "app/calc.py": '"""Math."""\n\n\ndef add(a: int, b: int) -> int:\n    return a + b\n',
    "tests/test_calc.py": "from app.calc import add\n\n\ndef test_add():\n    assert add(2, 2) == 4\n",
}
_BWRAP = detect_isolation().level == "bubblewrap"
needs_bwrap = pytest.mark.skipif(not _BWRAP, reason=f"bubblewrap unavailable: {detect_isolation().note}")


@pytest.fixture(autouse=True)
def fresh_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    """Settings re-read from the environment this test sets, and reset afterwards."""
    monkeypatch.delenv("ALLOW_UNISOLATED_MODEL_CODE", raising=False)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def make(root: Path, files: dict[str, str]) -> Path:
    """Write files under root and return it."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    return root


def call(path: Path, capsys: pytest.CaptureFixture[str], **extra: object) -> tuple[int, dict, str]:
    """Run verify.run like the dispatcher does; return (exit code, JSON on stdout, stderr)."""
    args = argparse.Namespace(dir=path, timeout=extra.get("timeout"), json=True, func=verify.run)
    code = verify.run(args)
    out, err = capsys.readouterr()
    lines = [line for line in out.splitlines() if line.strip()]
    assert len(lines) == 1, out
    return code, json.loads(lines[0]), err


@needs_bwrap
def test_passing_clean_project_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, data, err = call(make(tmp_path, PROJECT), capsys)
    assert code == 0
    assert data["isolation"] == "bubblewrap" and data["tests"] == {"passed": 1, "failed": 0, "errors": 0}
    assert data["audit"] == {"high": 0, "medium": 0, "low": 0} and data["stopped_reason"] == ""
    assert set(data) == {"isolation", "tests", "audit", "seconds", "stopped_reason"}
    assert "Result:    OK" in err


@needs_bwrap
def test_failing_tests_exit_1_and_show_the_failure(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {**PROJECT, "tests/test_bad.py": "def test_bad():\n    assert 'sum' == 'wrong'\n"}
    code, data, err = call(make(tmp_path, files), capsys)
    assert code == 1 and data["tests"] == {"passed": 1, "failed": 1, "errors": 0}
    assert "test_bad" in err and "FAILED" in err


@needs_bwrap
def test_a_high_finding_exits_1_even_when_tests_pass(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key = "AKIA" + "J7Q2WZ5R8T3M6K9P"
    code, data, err = call(make(tmp_path, {**PROJECT, "app/keys.py": f'AWS = "{key}"\n'}), capsys)
    assert code == 1 and data["tests"]["passed"] == 1 and data["audit"]["high"] == 1
    assert "app/keys.py:1 secret-aws-key" in err and key not in err


@needs_bwrap
def test_a_hanging_suite_is_stopped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = {**PROJECT, "tests/test_hang.py": "import time\n\n\ndef test_hang():\n    time.sleep(600)\n"}
    code, data, _ = call(make(tmp_path, files), capsys, timeout=3)
    # Stopped by the 3 s timeout, not by the 600 s sleep ending (the bound is loose: CI cores are shared).
    assert code == 1 and data["stopped_reason"] == "timeout" and 3 <= data["seconds"] < 300, data


@pytest.mark.parametrize("problem", ["missing", "file", "empty"])
def test_bad_folders_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], problem: str) -> None:
    target = tmp_path / "nope"
    if problem == "file":
        target.write_text("x")
    elif problem == "empty":
        target.mkdir()
    code, data, err = call(target, capsys)
    assert code == 2 and data["exit_code"] == 2 and "error:" in err


def test_too_many_or_too_large_files_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             fresh_settings: pytest.MonkeyPatch) -> None:
    fresh_settings.setenv("MAX_FILES", "2")
    code, data, _ = call(make(tmp_path / "many", PROJECT), capsys)
    assert code == 2 and "more than 2 files" in data["error"]
    fresh_settings.setenv("MAX_FILES", "200")
    fresh_settings.setenv("MAX_FILE_BYTES", "10")
    get_settings.cache_clear()
    code, data, _ = call(make(tmp_path / "big", PROJECT), capsys)
    assert code == 2 and "per file" in data["error"]


def test_ignored_folders_do_not_count(tmp_path: Path, fresh_settings: pytest.MonkeyPatch) -> None:
    fresh_settings.setenv("MAX_FILES", "3")
    root = make(tmp_path, PROJECT)
    for skip in (".git", ".venv", "node_modules", "app/__pycache__"):
        make(root / skip, {f"f{i}.txt": "x" for i in range(5)})
    assert sorted(verify.read_project(root, get_settings())) == sorted(PROJECT)


def test_without_isolation_untrusted_code_is_not_run(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     fresh_settings: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    fresh_settings.setenv("PATH", str(empty))
    detect_isolation.cache_clear()
    try:
        code, data, err = call(make(tmp_path / "p", PROJECT), capsys)
        assert code == 1 and data["stopped_reason"] == "isolation unavailable" and data["isolation"] == "none"
        assert "not run" in err
        fresh_settings.setenv("ALLOW_UNISOLATED_MODEL_CODE", "true")
        get_settings.cache_clear()
        code, data, _ = call(tmp_path / "p", capsys)
        assert code == 0 and data["isolation"] == "limits" and data["tests"]["passed"] == 1
    finally:
        detect_isolation.cache_clear()


def test_python_m_core_verify_json(tmp_path: Path) -> None:
    project = make(tmp_path / "proj", PROJECT)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "DATA_DIR": str(tmp_path / "data"),
           "ALLOW_UNISOLATED_MODEL_CODE": "false" if _BWRAP else "true"}
    proc = subprocess.run([sys.executable, "-m", "core", "verify", str(project), "--json", "--timeout", "240"],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    assert data["tests"] == {"passed": 1, "failed": 0, "errors": 0} and data["audit"]["high"] == 0
    bad = subprocess.run([sys.executable, "-m", "core", "verify", str(tmp_path / "missing"), "--json"],
                         cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2
