"""`verify DIR`: run a project's tests in the sandbox and audit its code, treating it as untrusted."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from core.audit import AuditReport, audit_files
from core.cli.output import fail
from core.config import Settings, get_settings
from core.errors import ValidationError
from core.sandbox import SKIP_DIRS, TestRun, detect_isolation, run_tests


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `verify` command."""
    p = sub.add_parser("verify", help="run a project's tests in the sandbox and audit its code")
    p.add_argument("dir", type=Path, help="the project folder (treated as untrusted)")
    p.add_argument("--timeout", type=float, default=None,
                   help="seconds before the tests are stopped (default: TEST_TIMEOUT_SECONDS)")
    p.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0 when the tests pass and the audit has no high finding, 1 otherwise, 2 for bad input."""
    settings = get_settings()
    start = time.monotonic()
    try:
        timeout = float(args.timeout if args.timeout is not None else settings.test_timeout_seconds)
        if not 0 < timeout <= 3600:
            raise ValidationError(f"--timeout must be between 0 and 3600 seconds, not {timeout:g}")
        files = read_project(Path(args.dir), settings)
    except ValidationError as exc:
        return fail(args, str(exc), exc.exit_code)
    tests = run_tests(Path(args.dir), timeout=timeout, trusted=False,
                      allow_unisolated=settings.allow_unisolated_model_code)
    report = audit_files(files)
    counts = report.counts()
    ok = tests.succeeded and counts["high"] == 0
    print(_human(tests, report, ok), file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({
            "isolation": tests.isolation,
            "tests": {"passed": tests.passed, "failed": tests.failed, "errors": tests.errors},
            "audit": counts,
            "seconds": round(time.monotonic() - start, 3),
            "stopped_reason": tests.stopped_reason,
        }))
    return 0 if ok else 1


def read_project(root: Path, settings: Settings) -> dict[str, str]:
    """The project's text files by relative path, within the size limits; ValidationError otherwise."""
    if not root.exists():
        raise ValidationError(f"{root} does not exist")
    if not root.is_dir():
        raise ValidationError(f"{root} is not a folder")
    files: dict[str, str] = {}
    count = total = 0
    for folder, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
        for name in sorted(names):
            path = Path(folder) / name
            if path.is_symlink() or not path.is_file():
                continue
            rel = path.relative_to(root).as_posix()
            size = path.stat().st_size
            count += 1
            total += size
            if count > settings.max_files:
                raise ValidationError(f"{root} has more than {settings.max_files} files (MAX_FILES)")
            if size > settings.max_file_bytes:
                raise ValidationError(f"{rel} is {size} bytes, over the {settings.max_file_bytes}-byte limit "
                                      "per file (MAX_FILE_BYTES)")
            if total > settings.max_project_bytes:
                raise ValidationError(f"{root} holds more than {settings.max_project_bytes} bytes "
                                      "(MAX_PROJECT_BYTES)")
            data = path.read_bytes()
            if b"\0" not in data:
                files[rel] = data.decode("utf-8", "replace")
    if not count:
        raise ValidationError(f"{root} has no files to verify")
    return files


def _human(tests: TestRun, report: AuditReport, ok: bool) -> str:
    """The stderr report a person reads."""
    c = report.counts()
    lines = [f"Isolation: {tests.isolation} ({detect_isolation().note})",
             f"Tests:     {tests.summary()}" + (f" in {tests.seconds:.1f} s" if tests.ran else "")]
    if not tests.succeeded:
        tail = tests.output.strip().splitlines()[-30:]
        lines += ["", *("  " + line for line in tail), ""]
    lines.append(f"Audit:     {c['high']} high, {c['medium']} medium, {c['low']} low")
    lines += [f"  {f.severity:<6} {f.file}:{f.line} {f.rule}: {f.message}" for f in report.findings[:50]]
    if len(report.findings) > 50:
        lines.append(f"  ... and {len(report.findings) - 50} more")
    lines.append("Result:    " + ("OK" if ok else "FAILED"))
    return "\n".join(lines)
