"""Full generations driven by each provider's real SDK against local fake servers, with faults."""

from __future__ import annotations

import json

import pytest

from core import ledger, projects
from core.orchestrator import run_project
from db.session import session_scope
from tests.factories import make_user
from tests.fakes import Reply

PROMPT = "A team leaderboard: players with name and email, scores with points; show a ranking"
SPEC = {
    "name": "leaderboard", "title": "Team Leaderboard", "language": "en", "domain": "games-stats",
    "entities": [
        {"name": "Player", "fields": [{"name": "name", "type": "string"},
                                      {"name": "email", "type": "email", "unique": True}]},
        {"name": "Score", "fields": [{"name": "points", "type": "int", "min": 0}],
         "relations": [{"kind": "belongs_to", "target": "Player"}]},
    ],
    "features": ["dashboard"],
}
RANKING = '''FILE: app/ranking.py
```python
"""Leaderboard ranking: total points per player, highest first."""


def rank(scores: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Sum points per player and sort by total, then name."""
    totals: dict[str, int] = {}
    for player, points in scores:
        totals[player] = totals.get(player, 0) + points
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))
```

FILE: tests/test_ranking.py
```python
from app.ranking import rank


def test_rank_sums_and_orders() -> None:
    assert rank([("ana", 3), ("bo", 5), ("ana", 4)]) == [("ana", 7), ("bo", 5)]
```
'''
PAGE = '''FILE: app/static/leaderboard.html
```html
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Leaderboard</title></head>
<body><main><h1>Leaderboard</h1><ol id="ranking"></ol></main></body></html>
```
'''
BROKEN = '''FILE: tests/test_bonus.py
```python
def test_bonus_rule() -> None:
    assert 2 + 2 == 5
```
'''


def answers(**overrides: object) -> dict[str, object]:
    """A well-behaved team of model roles; override one role to inject a fault."""
    base: dict[str, object] = {
        "ROLE: architect": json.dumps(SPEC),
        "ROLE: backend": RANKING,
        "ROLE: frontend": PAGE,
        "ROLE: devops": "Nothing to change for this request.",
        "ROLE: security": "No changes.",
        "ROLE: repair": "No changes.",
    }
    base.update({f"ROLE: {k}": v for k, v in overrides.items()})
    return base


def start(user_id: int, provider: str) -> str:
    return projects.create_project(user_id=user_id, name="Leaderboard", prompt=PROMPT, provider=provider).id


def balance(user_id: int) -> int:
    with session_scope() as s:
        assert ledger.balance(session=s, user_id=user_id) == ledger.ledger_sum(session=s, user_id=user_id)
        return ledger.balance(session=s, user_id=user_id)


def steps(pid: str) -> dict[str, projects.StepView]:
    return {s.role: s for s in projects.get_steps(pid, user_id=None)}


@pytest.mark.parametrize("provider", ["openai", "anthropic", "joxcoder", "joxcoder-chat"])
def test_full_generation_through_each_provider(provider: str, db: str, provider_env, fake_openai,  # noqa: ANN001
                                               fake_anthropic, fake_tgi) -> None:
    fake = {"openai": fake_openai, "anthropic": fake_anthropic}.get(provider, fake_tgi)
    if provider == "openai":
        provider_env.openai(fake_openai)
    elif provider == "anthropic":
        provider_env.anthropic(fake_anthropic)
    else:
        provider_env.joxcoder(fake_tgi, route="chat" if provider == "joxcoder-chat" else "text-generation",
                              key="hf_test_key_not_real_0000000000000000")
    fake.role_router(answers(), default=Reply.error(500, "unscripted request"))
    user = make_user("pat")
    pid = start(user.id, provider.split("-")[0])
    outcome = run_project(pid)
    assert outcome.status == "completed", outcome.error
    view = projects.get_project(pid, user_id=user.id)
    assert view.tests_ran and view.tests_failed == 0 and view.tests_passed > 10
    files = projects.get_files(pid, user_id=None)
    assert "app/ranking.py" in files and "app/static/leaderboard.html" in files
    assert {e["name"] for e in json.loads(files["architecture.json"])["entities"]} == {"Player", "Score"}
    by_role = steps(pid)
    assert by_role["architect"].detail["spec_source"] == "model"
    for role in ("architect", "backend", "frontend", "devops"):
        assert by_role[role].completion_tokens > 0, role
        assert by_role[role].model not in ("", "offline-engine"), role
    assert len(fake.requests_for("ROLE: backend")) == 1
    assert not fake.requests_for("ROLE: repair")
    assert balance(user.id) == 50


def test_architect_answer_that_is_not_json_is_repaired_once(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fake_openai.role_router(answers(architect=["Sure! Here is a leaderboard design.", json.dumps(SPEC)]))
    pid = start(make_user("quin").id, "openai")
    assert run_project(pid).status == "completed"
    arch = steps(pid)["architect"]
    assert arch.detail["spec_source"] == "model (repaired)" and "JSON" in arch.detail["validation_problem"]
    assert len(fake_openai.requests_for("ROLE: architect")) == 2


def test_architect_that_never_answers_json_falls_back_to_offline(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fake_openai.role_router(answers(architect="I cannot do JSON today.", backend="No extra files."))
    pid = start(make_user("rhea").id, "openai")
    assert run_project(pid).status == "completed"
    assert steps(pid)["architect"].detail["spec_source"] == "offline fallback"


def test_repair_that_never_converges_keeps_the_baseline(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fake_openai.role_router(answers(backend=RANKING + BROKEN, repair=BROKEN))
    pid = start(make_user("sid").id, "openai")
    assert run_project(pid).status == "completed"
    tester = steps(pid)["tester"]
    assert tester.detail["repair_rounds"] == 2 and "did not converge" in tester.summary
    assert len(fake_openai.requests_for("ROLE: repair")) == 2
    files = projects.get_files(pid, user_id=None)
    assert "tests/test_bonus.py" not in files and "app/ranking.py" not in files  # model files that broke go
    view = projects.get_project(pid, user_id=None)
    assert view.tests_failed == 0 and view.tests_passed > 0


def test_repair_that_converges_keeps_the_fix(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fixed = BROKEN.replace("2 + 2 == 5", "2 + 2 == 4")
    fake_openai.role_router(answers(backend=RANKING + BROKEN, repair=fixed))
    pid = start(make_user("tom").id, "openai")
    assert run_project(pid).status == "completed"
    assert steps(pid)["tester"].detail["repair_rounds"] == 1
    assert "2 + 2 == 4" in projects.get_files(pid, user_id=None)["tests/test_bonus.py"]


def test_security_findings_go_to_the_model_for_fixes(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    leaky = RANKING + ('FILE: app/settings_extra.py\n```python\nSTRIPE_KEY = "sk_live_' + "4eC39HqLyjWDarjtT1zdp7dc"
                       + '"\n```\n')
    clean = 'FILE: app/settings_extra.py\n```python\nimport os\n\nSTRIPE_KEY = os.environ.get("STRIPE_KEY", "")\n```\n'
    fake_openai.role_router(answers(backend=leaky, security=clean))
    pid = start(make_user("uri").id, "openai")
    assert run_project(pid).status == "completed"
    sec = steps(pid)["security"]
    assert sec.detail["audit_before_fixes"]["high"] >= 1 and sec.detail["audit"]["high"] == 0
    assert "os.environ" in projects.get_files(pid, user_id=None)["app/settings_extra.py"]


def test_truncated_and_hostile_output_is_refused_not_written(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    hostile = ("FILE: ../../etc/cron.d/evil\n```\n* * * * * root rm -rf /\n```\n"
               "FILE: .git/hooks/pre-commit\n```\n#!/bin/sh\n```\nFILE: app/static/x.js\n```js\nalert(1)\n```\n"
               "FILE: app/half.py\n```python\ndef f(:\n")
    fake_openai.role_router(answers(backend=hostile))
    pid = start(make_user("val").id, "openai")
    assert run_project(pid).status == "completed"
    files = projects.get_files(pid, user_id=None)
    assert not any(".." in p or ".git/" in p for p in files)
    assert "app/half.py" not in files and "app/static/x.js" not in files  # truncated; outside backend's area
    refused = " ".join(steps(pid)["backend"].detail["refused"])
    assert "'..'" in refused and "truncated" in refused and "outside the backend role" in refused
    assert steps(pid)["backend"].summary.endswith("; refused 4 unsafe or out-of-area model files")


def test_provider_that_keeps_failing_fails_and_refunds(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fake_openai.default = Reply.error(503, "upstream overloaded")
    user = make_user("wes")
    pid = start(user.id, "openai")
    assert balance(user.id) == 50
    outcome = run_project(pid)
    assert outcome.status == "failed" and outcome.exit_code == 4
    assert "openai" in outcome.error.lower() and "503" in outcome.error
    assert steps(pid)["architect"].status == "failed"
    assert balance(user.id) == 100
    assert "sk-test-server-key" not in outcome.error

    assert steps(pid)["architect"].seconds > 0.2  # the time spent retrying is on the failed step


def test_nul_bytes_in_model_text_never_reach_the_database(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fake_openai.role_router(answers(devops="Nothing\x00 to change.\x00"))
    pid = start(make_user("nul").id, "openai")
    assert run_project(pid).status == "completed"  # PostgreSQL text columns reject NUL: strip it
    assert "\x00" not in steps(pid)["devops"].output and "Nothing to change." in steps(pid)["devops"].output


def test_rate_limit_then_success_and_a_stream_that_dies(db: str, provider_env, fake_openai) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    fake_openai.route("ROLE: architect", Reply.rate_limited(0.2), json.dumps(SPEC))
    fake_openai.route("ROLE: backend", Reply.cut(after=3, text=RANKING), RANKING)
    fake_openai.role_router(answers())
    pid = start(make_user("xia").id, "openai")
    assert run_project(pid).status == "completed"
    assert "app/ranking.py" in projects.get_files(pid, user_id=None)
    assert len(fake_openai.requests_for("ROLE: architect")) == 2


def test_fallback_provider_takes_over(db: str, provider_env, fake_openai, fake_anthropic) -> None:  # noqa: ANN001
    provider_env.openai(fake_openai)
    provider_env.anthropic(fake_anthropic)
    provider_env.set(FALLBACK_PROVIDER="anthropic")
    fake_openai.default = Reply.error(500, "down")
    fake_anthropic.role_router(answers())
    pid = start(make_user("yan").id, "openai")
    assert run_project(pid).status == "completed"
    assert steps(pid)["architect"].detail["spec_source"] == "model"
    assert len(fake_anthropic.requests_for("ROLE: architect")) == 1


def test_cli_generate_with_joxcoder_against_a_tgi_url(tmp_path, fake_tgi) -> None:  # noqa: ANN001
    import os

    from tests.cli.test_cli_accounts import cli

    fake_tgi.role_router(answers(), default=Reply.error(500, "unscripted request"))
    env = {k: v for k, v in os.environ.items() if not k.endswith(("_API_KEY", "_API_URL", "_BASE_URL"))}
    env.update(DATABASE_URL=f"sqlite:///{tmp_path / 'cli.db'}", DATA_DIR=str(tmp_path / "data"),
               JOXCODER_API_URL=fake_tgi.base_url, JOXCODER_ROUTE="text-generation",
               ALLOW_UNISOLATED_MODEL_CODE=os.environ.get("ALLOW_UNISOLATED_MODEL_CODE", "false"))
    proc = cli("generate", PROMPT, "--out", str(tmp_path / "app"), "--provider", "joxcoder", "--json", env=env)
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["status"] == "completed" and summary["tests"]["failed"] == 0
    arch = next(s for s in summary["steps"] if s["role"] == "architect")
    assert arch["completion_tokens"] > 0 and arch["model"] != "offline-engine"
    assert (tmp_path / "app" / "app" / "ranking.py").is_file()
