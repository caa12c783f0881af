"""Backend, frontend and devops: render their part of the project from the AppSpec."""

from __future__ import annotations

from collections.abc import Callable

from core import engine
from core.roles.base import RoleResult, RunContext, changed
from core.spec import AppSpec

Renderer = Callable[[AppSpec], dict[str, str]]


def _build(ctx: RunContext, render: Renderer, noun: str) -> RoleResult:
    if ctx.spec is None:
        raise RuntimeError("the architect produced no spec")
    ours = render(ctx.spec)
    base = ctx.shared.get("base_spec")
    previous = render(base) if base is not None else {}
    files = changed(ours, ctx.files)
    deleted = sorted(p for p in previous if p not in ours and p in ctx.files)
    if ctx.is_followup and not files and not deleted:
        return RoleResult(summary=f"No {noun} change needed", skipped=True, model="offline-engine")
    summary = f"Wrote {len(files)} {noun} files" + (f", removed {len(deleted)}" if deleted else "")
    ctx.emit_output(summary + ":\n" + "\n".join(sorted(files)))
    return RoleResult(files=files, deleted=deleted, summary=summary, model="offline-engine")


def run_backend(ctx: RunContext) -> RoleResult:
    """FastAPI + SQLAlchemy backend with its tests."""
    return _build(ctx, engine.render_backend, "backend")


def run_frontend(ctx: RunContext) -> RoleResult:
    """Static frontend and the self-contained preview."""
    return _build(ctx, engine.render_frontend, "frontend")


def run_devops(ctx: RunContext) -> RoleResult:
    """Dockerfile, compose, CI workflow, environment template."""
    return _build(ctx, engine.render_devops, "devops")
