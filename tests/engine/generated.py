"""Helpers to write a generated project to disk and run its own test suite, ruff and bandit on it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent


@dataclass
class SuiteResult:
    """What running a generated project's checks produced."""

    passed: int
    failed: int
    returncode: int
    output: str
    ruff_ok: bool
    ruff_output: str


def write_project(files: dict[str, str], root: Path) -> Path:
    """Write {path: text} under root."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def clean_env() -> dict[str, str]:
    """The environment for generated code: no PYTHONPATH pointing back at AUTOCREA."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "DATABASE_URL", "PYTEST_ADDOPTS"}}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def run_suite(root: Path, timeout: float = 600) -> SuiteResult:
    """Run the project's pytest suite and `ruff check` in it."""
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=root,
                          env=clean_env(), capture_output=True, text=True, timeout=timeout)
    out = proc.stdout + proc.stderr
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", out)) else 0
    failed = int(m.group(1)) if (m := re.search(r"(\d+) (?:failed|error)", out)) else 0
    ruff = subprocess.run([str(BIN / "ruff"), "check", "--no-cache", "."], cwd=root, env=clean_env(),
                          capture_output=True, text=True, timeout=180)
    return SuiteResult(passed, failed, proc.returncode, out[-4000:], ruff.returncode == 0, ruff.stdout[-2000:])


def bandit_issues(root: Path) -> list[dict]:
    """Medium or high severity bandit findings in the project's app code."""
    proc = subprocess.run([str(BIN / "bandit"), "-r", "app", "-f", "json", "-q"], cwd=root, env=clean_env(),
                          capture_output=True, text=True, timeout=300)
    results = json.loads(proc.stdout or "{}").get("results", [])
    return [r for r in results if r["issue_severity"] in {"MEDIUM", "HIGH"}]
