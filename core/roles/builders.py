"""Backend, frontend and devops: the offline renderer's baseline, extended by a model when one is used."""

from __future__ import annotations

import json
from collections.abc import Callable

from core import engine
from core.providers.base import Usage
from core.providers.context import PromptTooLarge
from core.roles.base import RoleResult, RunContext
from core.roles.llm import accept, ask, files_block, in_area, model_skip, parse_answer, template
from core.spec import AppSpec

Renderer = Callable[[AppSpec], dict[str, str]]


def _baseline(ctx: RunContext, render: Renderer) -> tuple[dict[str, str], list[str]]:
    """Files to write and delete: everything on a first run; on a follow-up only what the new spec changes."""
    assert ctx.spec is not None
    ours = render(ctx.spec)
    base = ctx.shared.get("base_spec")
    if not ctx.is_followup or base is None:
        return ours, []
    before = render(base)
    files = {p: c for p, c in ours.items() if before.get(p) != c}
    deleted = sorted(p for p in before if p not in ours and p in ctx.files)
    return files, deleted


def _extend(ctx: RunContext, role: str, area_files: dict[str, str]) -> tuple[dict[str, str], list[str], Usage,
                                                                              list[str]]:
    """Ask the model for what the request needs beyond the baseline; only files in the role's area count."""
    request = ctx.instruction or ctx.prompt
    user = (f"The user's request:\n{request}\n\nThe design (AppSpec):\n"
            f"{ctx.spec.model_dump_json(indent=2) if ctx.spec else '{}'}\n\n"
            f"Your current files:\n{files_block(area_files, sorted(area_files))}")
    text, usage = ask(ctx, template(role) + "\n\n" + template("_format"), user)
    parsed = parse_answer(text)
    files, deleted, problems = accept(parsed, role, area_files)
    return files, deleted, usage, problems


def _build(ctx: RunContext, role: str, render: Renderer, noun: str) -> RoleResult:
    if ctx.spec is None:
        raise RuntimeError("the architect produced no spec")
    files, deleted = _baseline(ctx, render)
    ctx.shared[f"baseline:{role}"] = render(ctx.spec)
    usage, model, detail = Usage(), "offline-engine", {}
    note = model_skip(ctx)
    if not ctx.provider.is_offline and not note:
        current = {**ctx.files, **files}
        area = {p: c for p, c in current.items() if in_area(p, role)}
        try:
            extra, gone, usage, problems = _extend(ctx, role, area)
        except PromptTooLarge as exc:
            note = f"Model extension skipped: {exc}; the files are the offline renderer's"
        else:
            files.update(extra)
            deleted = sorted(set(deleted) | set(gone))
            model, detail = ctx.provider.model, {"model_files": sorted(extra), "refused": problems}
    if note:
        detail = {"model_skipped": note}
    if ctx.is_followup and not files and not deleted:
        return RoleResult(summary=f"No {noun} change needed", skipped=True, model=model, usage=usage)
    summary = (f"Wrote {len(files)} {noun} {'file' if len(files) == 1 else 'files'}"
               + (f", removed {len(deleted)}" if deleted else ""))
    if detail.get("model_files"):
        summary += f" ({len(detail['model_files'])} by the model)"
    if detail.get("refused"):
        summary += f"; refused {len(detail['refused'])} unsafe or out-of-area model files"
    if note:
        summary += " (offline renderer; model not asked)"
        ctx.emit_output(note)
    ctx.emit_output(summary + ":\n" + "\n".join(sorted(files)))
    return RoleResult(files=files, deleted=deleted, summary=summary, model=model, usage=usage,
                      detail=json.loads(json.dumps(detail)))


def run_backend(ctx: RunContext) -> RoleResult:
    """FastAPI + SQLAlchemy backend with its tests."""
    return _build(ctx, "backend", engine.render_backend, "backend")


def run_frontend(ctx: RunContext) -> RoleResult:
    """Static frontend and the self-contained preview."""
    return _build(ctx, "frontend", engine.render_frontend, "frontend")


def run_devops(ctx: RunContext) -> RoleResult:
    """Dockerfile, compose, CI workflow, environment template."""
    return _build(ctx, "devops", engine.render_devops, "devops")
