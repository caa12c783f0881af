"""`python -m core generate` in a subprocess: real projects, charges, refunds and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.test_cli_accounts import cli

SHOP = ("Una tienda online con productos, categorías, clientes y pedidos; "
        "los productos tienen nombre, precio y stock")


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """Environment pointing the CLI at a fresh SQLite file, with no provider keys."""
    clean = {k: v for k, v in os.environ.items()
             if not k.endswith(("_API_KEY", "_API_URL", "_BASE_URL")) and k != "DATABASE_URL"}
    return {**clean, "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "DATA_DIR": str(tmp_path / "data")}


def _summary(proc: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _user(env: dict[str, str], name: str = "ana") -> None:
    made = cli("users", "create", name, "--email", f"{name}@example.com", "--name", name, "--password-stdin",
               env=env, stdin="Corr3ctHorse\n")
    assert made.returncode == 0, made.stderr


@pytest.mark.slow
def test_spanish_shop_end_to_end(env: dict[str, str], tmp_path: Path) -> None:
    out = tmp_path / "shop"
    proc = cli("generate", SHOP, "--out", str(out), "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    summary = _summary(proc)
    assert summary["status"] == "completed"
    assert summary["tests"]["passed"] > 0 and summary["tests"]["failed"] == 0
    assert summary["audit"]["high"] == 0 and summary["audit"]["medium"] == 0
    assert summary["credits_charged"] == 0 and summary["balance"] is None
    assert [s["role"] for s in summary["steps"]] == ["architect", "backend", "frontend", "devops", "security",
                                                     "tester"]
    assert all(s["status"] == "completed" for s in summary["steps"])
    assert {s["prompt_tokens"] + s["completion_tokens"] for s in summary["steps"]} == {0}
    for role in ("architect", "backend", "frontend", "devops", "tester"):
        assert f"[{role}] started" in proc.stderr
    spec = json.loads((out / "architecture.json").read_text())
    assert summary["not_built"] == spec.get("not_built", [])
    assert {"Product", "Category", "Customer", "Order"} <= {e["name"] for e in spec["entities"]}
    product = next(e for e in spec["entities"] if e["name"] == "Product")
    assert {"name", "price", "stock"} <= {f["name"] for f in product["fields"]}
    assert summary["files"] == len([p for p in out.rglob("*") if p.is_file()])
    for needed in ("SECURITY_AUDIT.md", "preview.html", "Dockerfile", "README.md", "ARCHITECTURE.md"):
        assert (out / needed).is_file(), needed
    tests = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=out,
                           capture_output=True, text=True, timeout=300)
    assert tests.returncode == 0, tests.stdout[-2000:]
    ruff = subprocess.run([str(Path(sys.executable).parent / "ruff"), "check", "."], cwd=out, capture_output=True,
                          text=True)
    assert ruff.returncode == 0, ruff.stdout


@pytest.mark.slow
def test_user_is_charged_and_unsupported_costs_nothing(env: dict[str, str], tmp_path: Path) -> None:
    _user(env)
    proc = cli("generate", "A task manager with projects and tasks", "--out", str(tmp_path / "t"), "--user", "ana",
               "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    summary = _summary(proc)
    assert summary["credits_charged"] == 50 and summary["balance"] == 50
    game = cli("generate", "A 3D first-person shooter game with multiplayer", "--out", str(tmp_path / "g"),
               "--user", "ana", "--json", env=env)
    assert game.returncode == 5
    assert _summary(game)["status"] == "unsupported" and "provider" in game.stderr.lower()
    assert json.loads(cli("credits", "balance", "ana", "--json", env=env).stdout)["balance"] == 50
    poor = cli("generate", "A blog with posts and comments", "--out", str(tmp_path / "b"), "--user", "ana",
               env={**env, "GENERATION_COST": "80"})
    assert poor.returncode == 3 and "Insufficient credits: need 80, have 50" in poor.stderr


def test_bad_input_exits_2(env: dict[str, str], tmp_path: Path) -> None:
    empty = cli("generate", "   ", "--out", str(tmp_path / "e"), "--json", env=env)
    assert empty.returncode == 2 and "empty" in empty.stderr
    unknown = cli("generate", "A blog", "--out", str(tmp_path / "u"), "--provider", "gpt9", env=env)
    assert unknown.returncode == 2 and "Unknown provider 'gpt9'" in unknown.stderr and "offline" in unknown.stderr
    nobody = cli("generate", "A blog", "--out", str(tmp_path / "n"), "--user", "ghost", env=env)
    assert nobody.returncode == 2 and "ghost" in nobody.stderr
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine")
    refused = cli("generate", "A blog", "--out", str(busy), env=env)
    assert refused.returncode == 2 and "not empty" in refused.stderr
    assert (busy / "keep.txt").read_text() == "mine"


def test_provider_failure_exits_4_and_refunds(env: dict[str, str], tmp_path: Path) -> None:
    _user(env)
    failing = {**env, "OPENAI_API_KEY": "sk-test-not-a-real-key-000000", "OPENAI_BASE_URL": "http://127.0.0.1:9/v1",
               "PROVIDER_BUDGET_SECONDS": "2", "PROVIDER_TIMEOUT_SECONDS": "1"}
    proc = cli("generate", "A blog with posts", "--out", str(tmp_path / "o"), "--provider", "openai", "--user", "ana",
               "--json", env=failing)
    assert proc.returncode == 4, proc.stderr
    summary = _summary(proc)
    assert summary["status"] == "failed" and "openai" in summary["error"].lower()
    assert "sk-test-not-a-real-key" not in proc.stdout + proc.stderr
    assert summary["credits_charged"] == 0 and summary["balance"] == 100


def test_json_summary_lists_what_was_not_built(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The summary's "not_built" is the project's spec's list (empty when everything was built)."""
    import time

    from core.cli.generate import _summary
    from core.config import get_settings
    from core.projects import create_project, get_project
    from core.spec import AppSpec, EntitySpec, FieldSpec
    from db.migrate import upgrade
    from db.models import Project
    from db.session import reset_engines, session_scope

    for key in ("DATABASE_URL", "DATA_DIR"):
        monkeypatch.setenv(key, env[key])
    get_settings.cache_clear()
    reset_engines()
    upgrade(env["DATABASE_URL"])
    view = create_project(user_id=None, name="Recipes", prompt="A recipe site with photo uploads")
    spec = AppSpec(name="recipes", entities=[EntitySpec(name="Recipe", fields=[FieldSpec(name="title")])],
                   requested=["recipes", "photo uploads"], not_built=["photo uploads"])
    assert _summary(view, "queued", time.monotonic(), {}, None)["not_built"] == []
    with session_scope() as s:
        s.get(Project, view.id).spec_json = spec.model_dump_json()
    summary = _summary(get_project(view.id, user_id=None), "completed", time.monotonic(), {}, None)
    assert summary["not_built"] == ["photo uploads"]
    assert json.loads(json.dumps(summary, default=str))["not_built"] == ["photo uploads"]
    get_settings.cache_clear()
    reset_engines()
