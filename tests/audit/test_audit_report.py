"""render_report produces SECURITY_AUDIT.md: golden output for a report with findings and for a clean one."""

from __future__ import annotations

from core.audit import AuditReport, Finding, audit_files, render_report

TOOLS = ["AUTOCREA secret and configuration checks", "bandit 1.9.4"]

GOLDEN_FINDINGS = """# Security audit

Checked 12 files (8 Python) with AUTOCREA secret and configuration checks and bandit 1.9.4 \
(the audit reads the code; it never runs it).

- Tests: 12 passed, 0 failed, 0 errors
- Test isolation: bubblewrap

| Severity | Findings |
|---|---|
| high | 1 |
| medium | 0 |
| low | 1 |

## Findings

| Severity | File | Line | Rule | Issue | What to do |
|---|---|---|---|---|---|
| high | `app/main.py` | 5 | cors-wildcard-credentials | CORS allows any origin together with credentials \
| List the exact origins \\| or drop allow_credentials. |
| low | `run.py` | 4 | bind-all-interfaces | Binds to 0.0.0.0 (every network interface) | Fine inside a container. |
"""

GOLDEN_CLEAN = """# Security audit

Checked 3 files (1 Python) with AUTOCREA secret and configuration checks \
(the audit reads the code; it never runs it).

| Severity | Findings |
|---|---|
| high | 0 |
| medium | 0 |
| low | 0 |

No findings. These checks cover known secret formats, hardcoded credentials, CORS, debug settings, SQL built \
from strings, HTML injection sinks, unvalidated write endpoints and bandit's rules; they do not prove the code \
safe. Review authentication, payments and file uploads by hand.
"""


def test_report_with_findings_matches_golden() -> None:
    report = AuditReport(findings=[
        Finding("high", "app/main.py", 5, "cors-wildcard-credentials",
                "CORS allows any origin together with credentials",
                "List the exact origins | or drop allow_credentials."),
        Finding("low", "run.py", 4, "bind-all-interfaces", "Binds to 0.0.0.0 (every network interface)",
                "Fine inside a container."),
    ], files_scanned=12, python_files=8, tools=TOOLS, seconds=0.25)
    assert render_report(report, isolation="bubblewrap", tests="12 passed, 0 failed, 0 errors") == GOLDEN_FINDINGS


def test_clean_report_says_so_honestly() -> None:
    report = AuditReport(files_scanned=3, python_files=1, tools=TOOLS[:1], seconds=0.01)
    assert render_report(report) == GOLDEN_CLEAN


def test_rendered_report_never_contains_a_secret() -> None:
    key = "sk-" + "proj-" + "Zq7Lm2Xw9Rt4" * 3
    text = render_report(audit_files({"app/config.py": f'KEY = "{key}"\n'}))
    assert "secret-openai-key" in text and key not in text and key[10:] not in text


def test_spanish_projects_get_a_spanish_report() -> None:
    report = AuditReport(files_scanned=3, python_files=1, tools=TOOLS[:1], seconds=0.01)
    text = render_report(report, language="es")
    assert text.startswith("# Auditoría de seguridad\n\nSe revisaron 3 archivos (1 de Python)")
    assert "Sin hallazgos." in text and "| Gravedad | Hallazgos |" in text and "No findings" not in text
    assert "| alta | 0 |" in text


def test_the_report_has_no_timings_so_the_same_project_gives_the_same_file() -> None:
    fast = AuditReport(files_scanned=3, python_files=1, tools=TOOLS[:1], seconds=0.01)
    slow = AuditReport(files_scanned=3, python_files=1, tools=TOOLS[:1], seconds=2.5)
    assert render_report(fast) == render_report(slow)

