"""The operator CLI in a subprocess: users, credits and db commands, JSON output and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args: str, env: dict[str, str], stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Run `python -m core ARGS` with the test database."""
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, env=env, input=stdin,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment pointing the CLI at a fresh SQLite file."""
    return {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "DATA_DIR": str(tmp_path)}


def test_round_trip(env: dict[str, str]) -> None:
    assert cli("db", "upgrade", "--json", env=env).returncode == 0
    made = cli("users", "create", "ana", "--email", "ana@example.com", "--name", "Ana", "--password-stdin",
               "--json", env=env, stdin="Corr3ctHorse\n")
    assert made.returncode == 0, made.stderr
    user = json.loads(made.stdout.strip().splitlines()[-1])
    assert user["username"] == "ana" and user["balance"] == 100 and user["role"] == "user"
    assert "Corr3ctHorse" not in made.stdout + made.stderr

    admin = cli("users", "create", "root", "--email", "root@example.com", "--name", "Root", "--password-stdin",
                "--admin", "--json", env=env, stdin="Adm1nPassword\n")
    assert json.loads(admin.stdout)["role"] == "admin"

    shown = json.loads(cli("users", "show", "ana", "--json", env=env).stdout)
    assert {k: shown[k] for k in ("id", "role", "balance")} == {"id": user["id"], "role": "user", "balance": 100}
    listed = json.loads(cli("users", "list", "--json", env=env).stdout)
    assert [u["username"] for u in listed] == ["ana", "root"]

    granted = json.loads(cli("credits", "grant", "ana", "25", "--memo", "support", "--json", env=env).stdout)
    assert granted["balance"] == 125
    assert json.loads(cli("credits", "balance", "ana", "--json", env=env).stdout)["balance"] == 125
    history = json.loads(cli("credits", "history", "ana", "--json", env=env).stdout)
    assert [(h["kind"], h["amount"]) for h in history] == [("grant", 25), ("trial", 100)]
    assert cli("credits", "balance", "ana", env=env).stdout.strip() == "125 credits"


def test_errors_exit_non_zero_with_a_clear_message(env: dict[str, str]) -> None:
    cli("users", "create", "ana", "--email", "ana@example.com", "--name", "Ana", "--password-stdin",
        env=env, stdin="Corr3ctHorse\n")
    dup = cli("users", "create", "ana", "--email", "other@example.com", "--name", "Ana", "--password-stdin",
              "--json", env=env, stdin="Corr3ctHorse\n")
    assert dup.returncode == 2 and "already registered" in dup.stderr
    assert json.loads(dup.stdout)["error"].startswith("Username is already registered")
    weak = cli("users", "create", "bo", "--email", "x@example.com", "--name", "B", "--password-stdin",
               env=env, stdin="short\n")
    assert weak.returncode == 2 and "Username" in weak.stderr
    long_pw = cli("users", "create", "bob", "--email", "b@example.com", "--name", "B", "--password-stdin",
                  env=env, stdin="a1" * 40 + "\n")
    assert long_pw.returncode == 2 and "72 bytes" in long_pw.stderr
    missing = cli("users", "show", "nobody", env=env)
    assert missing.returncode != 0 and "No user named 'nobody'" in missing.stderr
    bad = cli("credits", "grant", "ana", "-5", "--memo", "x", env=env)
    assert bad.returncode == 2 and "positive" in bad.stderr
    usage = cli("credits", "grant", "ana", "5", env=env)
    assert usage.returncode == 2 and "--memo" in usage.stderr
