"""Tester: runs the project's own tests in the sandbox; with a model, bounded repairs, then the baseline."""

from __future__ import annotations

import re
from typing import Any

from core.config import get_settings
from core.providers.base import Usage
from core.providers.context import PromptTooLarge
from core.roles.base import RoleResult, RunContext
from core.roles.llm import accept, ask, files_block, in_area, model_skip, parse_answer, template

_PATH = re.compile(r"([\w./-]+\.py)")
# One line of live output per change in the counts; the studio shows the latest one on the tester's step.
PROGRESS = "Tests so far: {n} run · {passed} passed · {failed} failed"


def _run(ctx: RunContext, files: dict[str, str]) -> Any:
    from core import sandbox

    settings = get_settings()
    def progress(passed: int, failed: int, errors: int) -> None:
        ctx.emit_output(PROGRESS.format(n=passed + failed + errors, passed=passed, failed=failed + errors))

    return sandbox.run_tests(dict(files), timeout=settings.test_timeout_seconds, trusted=ctx.provider.is_offline,
                             allow_unisolated=settings.allow_unisolated_model_code, check=ctx.check_cancel,
                             progress=progress)


def _failing(result: Any) -> bool:
    return (not result.ran) or result.failed > 0 or result.errors > 0


def _describe(result: Any) -> str:
    if not result.ran:
        return f"Tests not run: {result.stopped_reason}"
    text = f"{result.passed} passed, {result.failed} failed" + (f", {result.errors} errors" if result.errors else "")
    return text + (f" (stopped: {result.stopped_reason})" if result.stopped_reason else "")


def _involved(files: dict[str, str], output: str) -> list[str]:
    """Project files named in the test output, plus the app's main modules as context."""
    named = [p for p in dict.fromkeys(_PATH.findall(output)) if p in files]
    core = [p for p in ("app/main.py", "app/models.py", "app/schemas.py") if p in files]
    return list(dict.fromkeys(named + core))[:12]


def _repair(ctx: RunContext, files: dict[str, str], output: str) -> tuple[dict[str, str], Usage]:
    user = (f"pytest output (tail):\n```\n{output[-12000:]}\n```\n\nFiles involved:\n"
            f"{files_block(files, _involved(files, output))}")
    text, usage = ask(ctx, template("repair") + "\n\n" + template("_format"), user)
    fixed, _, problems = accept(parse_answer(text), "backend", files)
    if problems:
        ctx.emit_output("Ignored: " + "; ".join(problems))
    return fixed, usage


def _baseline(ctx: RunContext) -> dict[str, str]:
    """The offline renderer's project for the current spec (what we fall back to)."""
    from core import engine

    return engine.render_project(ctx.spec) if ctx.spec is not None else {}


def run(ctx: RunContext) -> RoleResult:
    """Run the tests; repair with the model up to REPAIR_ROUNDS; if that fails, keep the baseline for broken files."""
    files = dict(ctx.files)
    result = _run(ctx, files)
    ctx.emit_output(_describe(result))
    usage, rounds, notes = Usage(), 0, []
    changed: dict[str, str] = {}
    deleted: list[str] = []
    if not ctx.provider.is_offline and not model_skip(ctx) and result.ran and _failing(result):
        for rounds in range(1, get_settings().repair_rounds + 1):
            ctx.check_cancel()
            try:
                fixed, more = _repair(ctx, files, result.output)
            except PromptTooLarge as exc:
                notes.append(f"Model repair skipped: {exc}")
                ctx.emit_output(notes[-1])
                rounds -= 1
                break
            usage = usage + more
            files.update(fixed)
            changed.update(fixed)
            result = _run(ctx, files)
            ctx.emit_output(f"Repair round {rounds}: {_describe(result)}")
            if not _failing(result):
                break
        if _failing(result) and ctx.spec is not None and rounds:
            baseline = _baseline(ctx)
            broken = sorted(p for p, c in files.items() if in_area(p, "backend") and baseline.get(p, None) != c)
            for path in broken:
                if path in baseline:
                    files[path] = changed[path] = baseline[path]
                else:
                    files.pop(path)
                    changed.pop(path, None)
                    deleted.append(path)
            result = _run(ctx, files)
            notes.append(f"Repairs did not converge after {rounds} rounds: kept the offline baseline for "
                         f"{len(broken)} files ({', '.join(broken[:6])}{'…' if len(broken) > 6 else ''})")
            ctx.emit_output(notes[-1] + f"; now {_describe(result)}")
    summary = _describe(result) + (f" after {rounds} repair rounds" if rounds else "")
    if notes:
        summary = notes[-1] + f"; {_describe(result)}"
    return RoleResult(files=changed, deleted=deleted, summary=summary, usage=usage,
                      model=ctx.provider.model if rounds else "sandbox",
                      detail={"tests": {"passed": result.passed, "failed": result.failed, "errors": result.errors,
                                        "ran": result.ran}, "isolation": result.isolation,
                              "seconds": result.seconds, "stopped_reason": result.stopped_reason,
                              "repair_rounds": rounds, "notes": notes, "output": result.output[-20000:]})
