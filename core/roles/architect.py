"""Architect: turns the prompt (or a follow-up instruction) into the AppSpec and the project docs."""

from __future__ import annotations

from pydantic import ValidationError as SpecError

from core import engine
from core.errors import AutocreaError, ProviderError
from core.providers.base import Usage
from core.roles.base import RoleResult, RunContext, changed
from core.roles.llm import ask, extract_json, template
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


def offline_spec(ctx: RunContext) -> tuple[AppSpec, str]:
    """The offline engine's spec for the prompt, or its follow-up change of the current spec."""
    if ctx.is_followup and ctx.spec is not None:
        spec, change = engine.apply_followup(ctx.spec, ctx.instruction)
        return spec, f"{change} -> {summarise(spec)}"
    spec = engine.infer_spec(ctx.prompt)
    return spec, f"Designed {summarise(spec)}"


def _problems(exc: Exception) -> str:
    if isinstance(exc, SpecError):
        return "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:12])
    return str(exc)


def model_spec(ctx: RunContext) -> tuple[AppSpec, str, str, Usage]:
    """Ask the model for the spec: validate, one repair attempt, then the offline inference."""
    if ctx.is_followup and ctx.spec is not None:
        request = (f"Current design:\n{ctx.spec.model_dump_json(indent=2)}\n\nChange requested by the user: "
                   f"{ctx.instruction}\n\nReturn the complete updated design.")
    else:
        request = f"The user's request:\n{ctx.prompt}"
    system = template("architect")
    text, usage = ask(ctx, system, request)
    try:
        return AppSpec.model_validate(extract_json(text)), "model", "", usage
    except (ValueError, SpecError) as exc:
        first = _problems(exc)
    ctx.emit_output(f"The design was not valid ({first}); asking for a corrected one")
    text, more = ask(ctx, system, f"{request}\n\nYour previous answer was not valid: {first}\n"
                                  "Answer again with the corrected JSON object only.")
    usage = usage + more
    try:
        return AppSpec.model_validate(extract_json(text)), "model (repaired)", first, usage
    except (ValueError, SpecError) as exc:
        second = _problems(exc)
    ctx.emit_output(f"Still not valid ({second}); using the offline engine's design instead")
    try:
        spec, _ = offline_spec(ctx)
    except AutocreaError as exc:
        raise ProviderError(ctx.provider.name, f"the model returned no valid design twice ({second}), "
                            f"and the offline engine cannot build this request either: {exc}") from None
    return spec, "offline fallback", second, usage


def run(ctx: RunContext) -> RoleResult:
    """Design the app (model or offline engine) and write the docs from the spec."""
    if ctx.provider.is_offline:
        spec, summary = offline_spec(ctx)
        detail = {"spec_source": "offline"}
        usage, model = Usage(), "offline-engine"
    else:
        spec, source, problem, usage = model_spec(ctx)
        summary = f"Designed {summarise(spec)} ({source})"
        detail = {"spec_source": source, "validation_problem": problem}
        model = ctx.provider.model
    ctx.emit_output(summary)
    files = changed(docs_for(spec), ctx.files)
    return RoleResult(files=files, summary=summary, spec=spec, model=model, usage=usage,
                      detail={**detail, "spec": spec.model_dump(mode="json")})
