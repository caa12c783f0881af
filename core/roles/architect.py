"""Architect: turns the prompt (or a follow-up instruction) into the AppSpec and the project docs."""

from __future__ import annotations

from core import engine
from core.roles.base import RoleResult, RunContext, changed
from core.spec import AppSpec


def docs_for(spec: AppSpec) -> dict[str, str]:
    """The files no builder role owns: README, ARCHITECTURE.md, architecture.json and the like."""
    owned = {**engine.render_backend(spec), **engine.render_frontend(spec), **engine.render_devops(spec)}
    return {p: c for p, c in engine.render_project(spec).items() if p not in owned}


def summarise(spec: AppSpec) -> str:
    """One line naming the entities and features of a spec."""
    names = ", ".join(e.name for e in spec.entities)
    feats = f"; features: {', '.join(spec.features)}" if spec.features else ""
    return f"{len(spec.entities)} entities ({names}){feats}"


def run(ctx: RunContext) -> RoleResult:
    """Offline: infer the spec (or apply the follow-up to it) and write the docs."""
    if ctx.is_followup and ctx.spec is not None:
        spec, change = engine.apply_followup(ctx.spec, ctx.instruction)
        summary = f"{change} -> {summarise(spec)}"
    else:
        spec = engine.infer_spec(ctx.prompt)
        summary = f"Designed {summarise(spec)}"
    ctx.emit_output(summary)
    files = changed(docs_for(spec), ctx.files)
    return RoleResult(files=files, summary=summary, spec=spec, model="offline-engine",
                      detail={"spec": spec.model_dump(mode="json"), "spec_source": "offline"})
