"""Offline engine benchmark: generation and verification time per prompt, and SRDD Work/Life coverage.

Prints ONE JSON object. Usage: python bench/engine_bench.py [--limit 40] [--workers 2] [--no-verify]
[--features-only]. "features" times each entity feature's hand-built app (tests/engine/render_specs.py): render
time, and the generated suite's run time and results.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.engine import infer_spec, render_project  # noqa: E402
from core.errors import UnsupportedRequestError  # noqa: E402
from core.spec import AppSpec  # noqa: E402
from tests.engine.generated import run_suite, write_project  # noqa: E402
from tests.engine.prompts import PROMPTS  # noqa: E402
from tests.engine.render_specs import ALONE, combined_en, combined_es  # noqa: E402

SRDD = Path(__file__).resolve().parents[2] / "shared/eval/srdd.csv"
WORK_LIFE = ("Finance", "Budgeting", "Business", "Office", "Data", "Tools_Utilities", "Shopping",
             "Restaurants_Delivery", "Health_Fitness", "Medical", "Travel", "Transportation", "SocialNetwork",
             "Sports", "Schedule", "Notebook")


def measure(prompt: str, verify: bool, name: str | None = None) -> dict:
    """Infer + render one prompt (timed), then run the generated suite (timed)."""
    start = time.perf_counter()
    try:
        spec = infer_spec(prompt, name=name)
    except UnsupportedRequestError:
        return {"status": "unsupported", "generation_s": round(time.perf_counter() - start, 4)}
    files = render_project(spec)
    row = {"status": "built", "domain": spec.domain, "entities": len(spec.entities), "files": len(files),
           "generation_s": round(time.perf_counter() - start, 4)}
    if verify:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            result = run_suite(write_project(files, Path(tmp)))
            row.update(verification_s=round(time.perf_counter() - started, 2), tests_passed=result.passed,
                       tests_failed=result.failed, tests_ok=result.returncode == 0 and result.passed > 0,
                       ruff_ok=result.ruff_ok)
    return row


def measure_feature(build: Callable[[], AppSpec], verify: bool) -> dict:
    """Render one feature app (timed), then run its generated suite and ruff (timed)."""
    spec = build()
    start = time.perf_counter()
    files = render_project(spec)
    row = {"entities": len(spec.entities), "files": len(files), "generation_s": round(time.perf_counter() - start, 4)}
    if verify:
        with tempfile.TemporaryDirectory() as tmp:
            started = time.perf_counter()
            result = run_suite(write_project(files, Path(tmp)), timeout=600)
            row.update(verification_s=round(time.perf_counter() - started, 2), tests_passed=result.passed,
                       tests_failed=result.failed, tests_ok=result.returncode == 0 and result.passed > 0,
                       ruff_ok=result.ruff_ok)
    return row


def features(verify: bool, workers: int) -> dict:
    """Per feature (alone, then all combined in English and in Spanish): generation and verification time."""
    builds = {**ALONE, "combined_en": combined_en, "combined_es": combined_es}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        rows = list(pool.map(lambda b: measure_feature(b, verify), builds.values()))
    return dict(zip(builds, rows, strict=True))


def srdd_sample(limit: int) -> list[dict]:
    """Complete Work/Life rows, round-robin over categories in id order (deterministic)."""
    with SRDD.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh)
                if r["category"] in WORK_LIFE and r["description"].rstrip().endswith((".", "!", "?", ")"))]
    by_cat: dict[str, list[dict]] = defaultdict(list)
    for r in sorted(rows, key=lambda r: r["id"]):
        by_cat[r["category"]].append(r)
    sample: list[dict] = []
    depth = 0
    while len(sample) < limit and any(len(v) > depth for v in by_cat.values()):
        sample += [by_cat[c][depth] for c in WORK_LIFE if len(by_cat[c]) > depth][: limit - len(sample)]
        depth += 1
    return sample


def games_declined() -> dict:
    """Inference only over every complete SRDD game row: games should get the honest 'unsupported'."""
    with SRDD.open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh)
                if r["category"].endswith("_Game") and r["description"].rstrip().endswith((".", "!", "?", ")"))]
    declined = 0
    for r in rows:
        try:
            infer_spec(r["description"])
        except UnsupportedRequestError:
            declined += 1
    return {"count": len(rows), "unsupported": declined,
            "share_unsupported": round(declined / len(rows), 3) if rows else 0.0}


def summary(rows: list[dict]) -> dict:
    """Aggregate numbers over measured rows."""
    built = [r for r in rows if r["status"] == "built"]
    verified = [r for r in built if "tests_ok" in r]
    out = {"count": len(rows), "built": len(built), "unsupported": len(rows) - len(built),
           "share_built": round(len(built) / len(rows), 3) if rows else 0.0,
           "share_unsupported": round((len(rows) - len(built)) / len(rows), 3) if rows else 0.0}
    if built:
        out["generation_s_median"] = round(statistics.median(r["generation_s"] for r in built), 4)
    if verified:
        passing = sum(r["tests_ok"] for r in verified)
        out.update(share_tests_pass=round(passing / len(rows), 3),
                   share_tests_pass_of_built=round(passing / len(verified), 3),
                   verification_s_median=round(statistics.median(r["verification_s"] for r in verified), 2),
                   tests_passed_total=sum(r["tests_passed"] for r in verified),
                   ruff_clean=sum(r["ruff_ok"] for r in verified))
    return out


def main() -> None:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=40, help="SRDD rows to sample (default 40)")
    parser.add_argument("--workers", type=int, default=2, help="generated suites run in parallel")
    parser.add_argument("--no-verify", action="store_true", help="skip running the generated test suites")
    parser.add_argument("--features-only", action="store_true", help="only the per-feature apps")
    args = parser.parse_args()
    verify = not args.no_verify
    if args.features_only:
        print(json.dumps({"features": features(verify, args.workers)}, indent=2))
        return
    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        engine_rows = list(pool.map(lambda p: measure(p, verify), PROMPTS))
    per_prompt = [{"prompt": p.splitlines()[0][:80], **r} for p, r in zip(PROMPTS, engine_rows, strict=True)]
    result: dict = {"engine_prompts": {"summary": summary(engine_rows), "per_prompt": per_prompt},
                    "features": features(verify, args.workers)}
    if SRDD.exists():
        sample = srdd_sample(args.limit)
        with ThreadPoolExecutor(max_workers=args.workers) as pool:
            srdd_rows = list(pool.map(lambda r: measure(r["description"], verify), sample))
        by_category: dict[str, dict[str, int]] = defaultdict(lambda: {"built": 0, "unsupported": 0})
        for r, m in zip(sample, srdd_rows, strict=True):
            by_category[r["category"]][m["status"]] += 1
        result["srdd_work_life"] = {
            "source": "ChatDev SRDD (CC BY-NC 4.0), evaluation only", "categories": list(WORK_LIFE),
            "summary": summary(srdd_rows), "by_category": dict(sorted(by_category.items())),
            "per_row": [{"id": r["id"], "category": r["category"], **m} for r, m in zip(sample, srdd_rows,
                                                                                       strict=True)],
        }
        result["srdd_games"] = games_declined()
    else:
        result["srdd_work_life"] = {"skipped": f"{SRDD} not found"}
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
