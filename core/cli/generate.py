"""`generate PROMPT --out DIR`: build a project with live progress on stderr."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
from pathlib import Path
from types import FrameType

from core import projects, users
from core.config import get_settings
from core.errors import NotFoundError, UnsupportedRequestError, ValidationError
from core.files import write_files
from core.orchestrator import Event, run_project
from core.providers import REGISTRY


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `generate` command."""
    p = sub.add_parser("generate", help="generate a project from a description")
    p.add_argument("prompt", help="what to build, in English or Spanish")
    p.add_argument("--out", required=True, type=Path, help="folder to write the project to (new or empty)")
    p.add_argument("--name", default="", help="project name (default: derived from the prompt)")
    p.add_argument("--provider", default="", help=f"one of: {', '.join(sorted(REGISTRY))} (default: DEFAULT_PROVIDER, "
                   "offline unless set)")
    p.add_argument("--user", default="", help="store the project under this user and charge their credits")
    p.add_argument("--json", action="store_true", help="print one JSON summary on stdout as the last line")
    p.set_defaults(func=run)


def _progress(event: Event) -> None:
    if event.kind == "output":
        return
    line = {"started": f"[{event.role}] started",
            "finished": f"[{event.role}] done in {event.seconds:.1f}s: {event.summary}",
            "skipped": f"[{event.role}] skipped: {event.summary}",
            "failed": f"[{event.role}] FAILED: {event.error}",
            "cancelled": f"[{event.role}] cancelled"}.get(event.kind, f"[{event.role}] {event.kind}")
    sys.stderr.write(line + "\n")  # one write, so lines from concurrent roles never interleave
    sys.stderr.flush()


def _check_out(out: Path) -> Path:
    out = out.expanduser().resolve()
    if out.exists() and not out.is_dir():
        raise ValidationError(f"--out {out} is a file: choose a new or empty folder")
    if out.is_dir() and any(out.iterdir()) and not (out / "architecture.json").is_file():
        raise ValidationError(f"--out {out} is not empty: choose a new or empty folder")
    return out


def _summary(view: projects.ProjectView | None, status: str, started: float, files: dict[str, str],
             user_id: int | None, **extra: object) -> dict[str, object]:
    steps = projects.get_steps(view.id, user_id=user_id) if view else []
    balance = users.get_user_by_id(user_id).balance if user_id is not None else None
    return {
        "project_id": view.id if view else None,
        "status": status,
        "files": len(files),
        "file_list": sorted(files),
        "tests": {"passed": view.tests_passed if view else 0, "failed": view.tests_failed if view else 0},
        "audit": view.audit if view else {"high": 0, "medium": 0, "low": 0},
        "credits_charged": projects.credits_spent(view.id, user_id=user_id) if view and user_id is not None else 0,
        "balance": balance,
        "seconds": round(time.monotonic() - started, 3),
        "steps": [{"role": s.role, "status": s.status, "seconds": s.seconds, "model": s.model,
                   "prompt_tokens": s.prompt_tokens, "completion_tokens": s.completion_tokens} for s in steps],
        "not_built": list(view.spec.not_built) if view and view.spec else [],
        **extra,
    }


def run(args: argparse.Namespace) -> int:
    """Validate, charge (with --user), run every role, write the files, report."""
    started = time.monotonic()
    args.provider = args.provider.strip() or get_settings().default_provider.strip() or "offline"
    out = _check_out(args.out)
    user_id = None
    if args.user:
        try:
            user_id = users.find_user(args.user).id
        except NotFoundError as exc:
            raise ValidationError(str(exc)) from None
    name = args.name.strip() or _default_name(args.prompt)
    try:
        view = projects.create_project(user_id=user_id, name=name, prompt=args.prompt, provider=args.provider)
    except UnsupportedRequestError as exc:
        print(f"unsupported: {exc}", file=sys.stderr)
        if args.json:
            print(json.dumps(_summary(None, "unsupported", started, {}, user_id, error=str(exc))))
        return exc.exit_code
    print(f"Project {view.id} ({view.name}) with {args.provider}", file=sys.stderr)

    def _cancel(_sig: int, _frame: FrameType | None) -> None:
        print("Cancelling…", file=sys.stderr)
        projects.cancel(view.id, user_id=None)

    previous = signal.signal(signal.SIGINT, _cancel)
    try:
        outcome = run_project(view.id, on_event=_progress)
    finally:
        signal.signal(signal.SIGINT, previous)
        if args.provider == "joxcoder_local":
            from core.localmodel.runtime import reset_server

            reset_server()  # stops the local server only if this command started it
    if outcome.files:
        write_files(out, outcome.files)
    final = projects.get_project(view.id, user_id=None)
    verdict = f"{outcome.status}: {len(outcome.files)} files in {out}"
    if outcome.status == "completed":
        verdict += f"; tests {final.tests_passed} passed, {final.tests_failed} failed"
    elif outcome.error:
        verdict += f" — {outcome.error}"
    print(verdict, file=sys.stderr)
    if args.json:
        print(json.dumps(_summary(final, outcome.status, started, outcome.files, user_id,
                                  error=outcome.error, out=str(out)), default=str))
    return outcome.exit_code


def _default_name(prompt: str) -> str:
    """The offline spec's name when it can infer one, else 'app'."""
    try:
        from core.engine import infer_spec

        return infer_spec(prompt).name if prompt.strip() else "app"
    except Exception:  # the real validation happens in create_project with a clear message
        return "app"
