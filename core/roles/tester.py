"""Tester: runs the project's own tests in the sandbox and records what passed."""

from __future__ import annotations

from core.config import get_settings
from core.roles.base import RoleResult, RunContext


def run(ctx: RunContext) -> RoleResult:
    """Run the generated tests (offline output is trusted enough for limits-only isolation)."""
    from core import sandbox

    settings = get_settings()
    result = sandbox.run_tests(dict(ctx.files), timeout=settings.test_timeout_seconds,
                               trusted=ctx.provider.is_offline,
                               allow_unisolated=settings.allow_unisolated_model_code)
    if not result.ran:
        summary = f"Tests not run: {result.stopped_reason}"
    else:
        summary = f"{result.passed} passed, {result.failed} failed" + (
            f", {result.errors} errors" if result.errors else "")
        if result.stopped_reason:
            summary += f" (stopped: {result.stopped_reason})"
    ctx.emit_output(summary)
    return RoleResult(summary=summary, model="sandbox", detail={
        "tests": {"passed": result.passed, "failed": result.failed, "errors": result.errors,
                  "ran": result.ran}, "isolation": result.isolation, "seconds": result.seconds,
        "stopped_reason": result.stopped_reason, "output": result.output[-20000:]})
