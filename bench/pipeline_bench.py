"""Pipeline benchmark: full offline generations (wall time vs sum of role times) and role overlap.

Prints ONE JSON object. Usage: python bench/pipeline_bench.py [--delay 0.5]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PROMPTS = (
    "A task manager with projects and tasks",
    "Una tienda online con productos, categorías, clientes y pedidos",
    "A library where members borrow books",
    "A clinic with patients, doctors and appointments",
)


def _slow_pipeline(delay: float):  # noqa: ANN202 - tuple of Role
    """The real graph with every role replaced by a sleep of `delay` seconds."""
    from core.roles import PIPELINE, Role, RoleResult
    from core.spec import AppSpec, EntitySpec, FieldSpec

    spec = AppSpec(name="bench", entities=[EntitySpec(name="Item", fields=[FieldSpec(name="title")])])

    def sleeper(name: str):  # noqa: ANN202
        def run(ctx):  # noqa: ANN001, ANN202
            time.sleep(delay)
            return RoleResult(files={f"{name}.txt": name}, spec=spec if name == "architect" else None)
        return run

    return tuple(Role(r.name, r.title, r.needs, sleeper(r.name)) for r in PIPELINE)


def main() -> None:
    """Run the generations and print the JSON report."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--delay", type=float, default=0.5)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="autocrea-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{tmp}/bench.db"
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    from core import projects
    from core.orchestrator import run_project
    from core.providers import REGISTRY
    from core.providers.base import BaseProvider
    from db.migrate import upgrade

    upgrade()
    runs = []
    for prompt in PROMPTS:
        pid = projects.create_project(user_id=None, name="bench", prompt=prompt).id
        started = time.perf_counter()
        outcome = run_project(pid)
        wall = time.perf_counter() - started
        steps = projects.get_steps(pid, user_id=None)
        runs.append({"prompt": prompt, "status": outcome.status, "wall_seconds": round(wall, 3),
                     "sum_of_roles_seconds": round(sum(s.seconds for s in steps), 3),
                     "roles": {s.role: s.seconds for s in steps}, "tests_passed": outcome.tests["passed"]})

    class Sleepy(BaseProvider):
        name, label, needs_key, model = "bench-sleepy", "Sleepy", False, "sleepy"

    REGISTRY[Sleepy.name] = Sleepy
    pid = projects.create_project(user_id=None, name="overlap", prompt="x", provider=Sleepy.name).id
    started = time.perf_counter()
    run_project(pid, roles=_slow_pipeline(args.delay))
    wall = time.perf_counter() - started
    critical = 4 * args.delay  # architect -> one builder -> security -> tester
    print(json.dumps({
        "generations": runs,
        "overlap": {"role_delay_seconds": args.delay, "roles": 6, "sum_seconds": 6 * args.delay,
                    "critical_path_seconds": critical, "wall_seconds": round(wall, 3),
                    "wall_over_critical_path": round(wall / critical, 3)},
    }, indent=2))


if __name__ == "__main__":
    main()
