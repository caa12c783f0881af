"""Security auditor: bandit, secret scanning and config checks; a model fixes findings when one is used."""

from __future__ import annotations

from typing import Any

from core.providers.base import Usage
from core.providers.context import PromptTooLarge
from core.roles.base import RoleResult, RunContext
from core.roles.llm import accept, ask, files_block, model_skip, parse_answer, template

REPORT = "SECURITY_AUDIT.md"


def _audit(files: dict[str, str]) -> Any:
    from core import audit  # bandit loads only when an audit runs

    return audit.audit_files({p: c for p, c in files.items() if p != REPORT})


def _findings(report: Any) -> list[dict[str, Any]]:
    return [f.model_dump() if hasattr(f, "model_dump") else dict(vars(f)) for f in report.findings]


def _fix(ctx: RunContext, files: dict[str, str], findings: list[dict[str, Any]]) -> tuple[dict[str, str], Usage]:
    """Ask the model to fix high and medium findings; returns the changed files."""
    serious = [f for f in findings if f["severity"] in ("high", "medium")]
    listing = "\n".join(f"- [{f['severity']}] {f['file']}:{f['line']} {f['rule']}: {f['message']} "
                        f"(advice: {f['advice']})" for f in serious[:40])
    involved = sorted({f["file"] for f in serious})
    user = f"Findings:\n{listing}\n\nFiles involved:\n{files_block(files, involved)}"
    text, usage = ask(ctx, template("security") + "\n\n" + template("_format"), user)
    fixed, _, problems = accept(parse_answer(text), "security", files)
    if problems:
        ctx.emit_output("Ignored: " + "; ".join(problems))
    return fixed, usage


def run(ctx: RunContext) -> RoleResult:
    """Audit the whole project, let the model fix serious findings once, and report."""
    from core import audit

    files = dict(ctx.files)
    report = _audit(files)
    counts = report.counts()
    usage, changed, before = Usage(), {}, dict(counts)
    note = model_skip(ctx)
    if not ctx.provider.is_offline and not note and counts["high"] + counts["medium"] > 0:
        try:
            changed, usage = _fix(ctx, files, _findings(report))
        except PromptTooLarge as exc:
            ctx.emit_output(f"Model fixes skipped: {exc}")
        files.update(changed)
        report = _audit(files)
        counts = report.counts()
    summary = f"{counts['high']} high, {counts['medium']} medium, {counts['low']} low findings"
    if changed:
        summary += f" (model fixed {len(changed)} files; before: {before['high']} high, {before['medium']} medium)"
    ctx.emit_output(summary)
    return RoleResult(files={**changed, REPORT: audit.render_report(
        report, language=ctx.spec.language if ctx.spec else "en")}, summary=summary, usage=usage,
                      model=ctx.provider.model if changed else "audit",
                      detail={"audit": counts, "audit_before_fixes": before, "findings": _findings(report)[:200]})
