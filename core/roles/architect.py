"""Architect: turns the prompt (or a follow-up instruction) into the AppSpec and the project docs."""

from __future__ import annotations

import re

from pydantic import ValidationError as SpecError

from core import engine
from core.errors import AutocreaError, NothingUnderstoodError, ProviderError, UnsupportedRequestError
from core.providers.base import Usage
from core.providers.context import PromptTooLarge
from core.roles.architect_merge import merge
from core.roles.architect_model import MAX_ANSWER_TOKENS, RESPONSE_FORMAT, Plan, parse, request_messages, typed_field
from core.roles.base import RoleResult, RunContext, changed
from core.roles.llm import ask, extract_json, template
from core.spec import AppSpec, EntitySpec

APPSPEC_FORMAT = {"type": "json_schema",
                  "json_schema": {"name": "app_spec", "strict": False, "schema": AppSpec.model_json_schema()}}


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
    options = ctx.options
    if ctx.provider.supports_json_schema:  # the server enforces the AppSpec schema (a grammar on llama.cpp/vLLM)
        options = options.model_copy(update={"response_format": APPSPEC_FORMAT})
    try:
        text, usage = ask(ctx, system, request, options)
    except ProviderError as exc:
        if options.response_format is None or not exc.cause.startswith("request refused (400)"):
            raise
        ctx.emit_output(f"The server refused a JSON-schema request ({exc.cause}); asking for plain JSON")
        options = options.model_copy(update={"response_format": None})
        text, usage = ask(ctx, system, request, options)
    try:
        return AppSpec.model_validate(extract_json(text)), "model", "", usage
    except (ValueError, SpecError) as exc:
        first = _problems(exc)
    ctx.emit_output(f"The design was not valid ({first}); asking for a corrected one")
    text, more = ask(ctx, system, f"{request}\n\nYour previous answer was not valid: {first}\n"
                                  "Answer again with the corrected JSON object only.", options)
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


def _model_only(prompt: str, plan: Plan) -> AppSpec:
    """A base for the merge when the offline understanding declines the request: the plan's first entity."""
    first = next(iter(plan.fields))
    spanish = any(w in f" {prompt.lower()} " for w in (" una ", " con ", " para ", " los ", " las ", " donde "))
    slug = "-".join(re.findall(r"[a-z0-9]+", prompt.lower())[:5])[:40].strip("-")
    return AppSpec(name=slug or "app", language="es" if spanish else "en",
                   entities=[EntitySpec(name=first, fields=[typed_field(f) for f in plan.fields[first]]
                                        or [typed_field("name")])])


def _model_design(ctx: RunContext) -> tuple[AppSpec, str, str, Usage, dict]:
    """The compact plan for small local models (first runs), else the whole AppSpec (schema-constrained if supported).

    A prompt too large for the model's context is not sent: the offline design is used and the step says why.
    """
    try:
        if ctx.provider.plans_compactly and not ctx.is_followup:
            return constrained_spec(ctx)
        if ctx.is_followup and ctx.provider.plans_compactly:
            spec, _ = offline_spec(ctx)  # a small local model is not given the whole design to rewrite
            return spec, "offline engine (follow-up)", "", Usage(), {}
        spec, source, problem, usage = model_spec(ctx)
        return spec, source, problem, usage, {}
    except PromptTooLarge as exc:
        spec, _ = offline_spec(ctx)
        ctx.emit_output(f"The model was not asked: {exc}")
        return spec, "offline (prompt too large for the model)", str(exc), Usage(), {}


def constrained_spec(ctx: RunContext) -> tuple[AppSpec, str, str, Usage, dict]:
    """The compact plan under JSON schema (temperature 0), one repair, merged with the offline understanding."""
    try:
        base: AppSpec | None = engine.understand(ctx.prompt)
    except UnsupportedRequestError as exc:
        if ctx.provider.writes_files:
            base = None
        else:  # a plan is only a data model: for a timer or a game it would be a stub app, not what was asked
            reason = str(exc).split(": it is not a data app")[0].removeprefix("The offline engine cannot build ")
            raise UnsupportedRequestError(
                f"{ctx.provider.label} cannot build {reason}: it is not a data app, and {ctx.provider.label} plans "
                "data models only (the files are written by the same renderer as the offline engine's). For this "
                "request, choose a provider that writes code (OpenAI, Anthropic, or JoxCoder over the Inference "
                "API or your own endpoint) in Settings; it can try. Nothing was charged.") from None
    except NothingUnderstoodError:
        base = None  # the model reads the request alone (an empty or too long prompt still stops here)
    system, user = request_messages(ctx.prompt)
    options = ctx.options.model_copy(update={"temperature": 0.0, "max_tokens": MAX_ANSWER_TOKENS,
                                             "response_format": RESPONSE_FORMAT})
    text, usage = ask(ctx, system, user, options, min_answer=300)
    source, problem = "model + offline understanding", ""
    try:
        plan = parse(text)
    except ValueError as exc:
        problem = str(exc)
        ctx.emit_output(f"The plan was not usable ({problem}); asking once more")
        text, more = ask(ctx, system, f"{user}\nYour previous answer was not usable: {problem}. Answer again.",
                         options, min_answer=300)
        usage = usage + more
        try:
            plan = parse(text)
            source = "model (repaired) + offline understanding"
        except ValueError as again:
            if base is None:
                raise ProviderError(ctx.provider.name, f"the model returned no usable plan twice ({again}), and "
                                    "the offline engine cannot build this request either") from None
            ctx.emit_output(f"Still not usable ({again}); using the offline understanding alone")
            return base, "offline fallback", str(again), usage, {}
    if base is None:
        base, source = _model_only(ctx.prompt, plan), "model (the offline engine declined this request)"
    spec, notes = merge(base, plan, ctx.prompt)
    for note in notes:
        ctx.emit_output(note)
    detail = {"model_plan": {"entities": plan.fields, "belongs_to": plan.links},
              "merge_notes": notes}
    return spec, source, problem, usage, detail


def run(ctx: RunContext) -> RoleResult:
    """Design the app (model or offline engine) and write the docs from the spec."""
    if ctx.provider.is_offline:
        spec, summary = offline_spec(ctx)
        detail = {"spec_source": "offline"}
        usage, model = Usage(), "offline-engine"
    else:
        spec, source, problem, usage, extra = _model_design(ctx)
        summary = f"Designed {summarise(spec)} ({source})"
        detail = {"spec_source": source, "validation_problem": problem, **extra}
        model = ctx.provider.model
    ctx.emit_output(summary)
    files = changed(docs_for(spec), ctx.files)
    return RoleResult(files=files, summary=summary, spec=spec, model=model, usage=usage,
                      detail={**detail, "spec": spec.model_dump(mode="json")})
