"""Security auditor: bandit, secret scanning and config checks over every file; writes SECURITY_AUDIT.md."""

from __future__ import annotations

from core.roles.base import RoleResult, RunContext


def run(ctx: RunContext) -> RoleResult:
    """Audit the whole project and report the findings by severity."""
    from core import audit  # bandit loads only when an audit runs

    report = audit.audit_files({p: c for p, c in ctx.files.items() if p != "SECURITY_AUDIT.md"})
    counts = report.counts()
    text = audit.render_report(report)
    summary = f"{counts['high']} high, {counts['medium']} medium, {counts['low']} low findings"
    ctx.emit_output(summary)
    findings = [f.model_dump() if hasattr(f, "model_dump") else dict(vars(f)) for f in report.findings]
    return RoleResult(files={"SECURITY_AUDIT.md": text}, summary=summary, model="audit",
                      detail={"audit": counts, "findings": findings[:200]})
