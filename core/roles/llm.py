"""What roles share when a model does the work: prompts, streaming calls, parsing, file areas."""

from __future__ import annotations

import json
import re
import threading
from fnmatch import fnmatch

from core.errors import ProviderError
from core.files import ParsedOutput, parse_files
from core.providers.base import RESTART, Message, ProviderOptions, Usage
from core.providers.context import PromptTooLarge, exceeded, fit
from core.roles.base import PROMPTS, RunContext

FORMAT = (PROMPTS / "_format.md").read_text(encoding="utf-8")
AREAS: dict[str, tuple[str, ...]] = {
    "backend": ("app/*", "tests/*"),
    "frontend": ("app/static/*", "preview.html"),
    "devops": ("Dockerfile", "docker-compose.yml", ".github/*", ".env.example", "requirements.txt", "Makefile"),
}
_NOT_BACKEND = ("app/static/*",)


def template(name: str) -> str:
    """The prompt template `name`.md beside the roles."""
    return (PROMPTS / f"{name}.md").read_text(encoding="utf-8")


class _Heartbeat:
    """Keeps the run's heartbeat fresh while a slow model reads a long prompt (no chunk yet) or a call is queued.

    A CPU model under load may take minutes before its first token; the job sweep would otherwise take the run
    for one whose worker died.
    """

    def __init__(self, ctx: RunContext, every: float = 20.0) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(ctx, every), daemon=True, name="model-heartbeat")
        self._thread.start()

    def _run(self, ctx: RunContext, every: float) -> None:
        while not self._stop.wait(every):
            try:
                ctx.check_cancel()  # refreshes the heartbeat; a cancel is acted on by the streaming thread
            except Exception:  # noqa: S112 - cancellation is raised where the answer is read, not here
                continue

    def stop(self) -> None:
        """End the heartbeat."""
        self._stop.set()


def ask(ctx: RunContext, system: str, user: str, options: ProviderOptions | None = None,
        min_answer: int = 256) -> tuple[str, Usage]:
    """Stream one answer from the run's provider (then its fallback), showing it live; cancellable.

    The prompt must fit the provider's context window with room for `min_answer` tokens: PromptTooLarge
    otherwise (never a silently cut prompt); max_tokens is lowered to the room left.
    """
    messages = [Message(role="system", content=system), Message(role="user", content=user)]
    chain = [ctx.provider, *ctx.shared.get("fallbacks", [])]
    last: ProviderError | None = None
    for provider in chain:
        parts: list[str] = []
        call = fit(provider, messages, options or ctx.options, min_answer)
        if hasattr(provider, "on_wait"):
            provider.on_wait(ctx.emit_output, ctx.check_cancel)
        beat = _Heartbeat(ctx)
        try:
            for chunk in provider.execute(messages, call):
                ctx.check_cancel()
                if chunk is RESTART:
                    parts.clear()
                    ctx.stream("\n[the stream broke; retrying]\n")
                    continue
                parts.append(chunk)
                ctx.stream(chunk)
        except ProviderError as exc:
            if exceeded(exc.cause):
                raise PromptTooLarge(provider.label or provider.name, 0, provider.context_window()) from None
            last = exc
            if len(chain) > 1:
                ctx.emit_output(f"\n{exc}; trying the fallback provider")
            continue
        finally:
            beat.stop()
        ctx.stream("\n")
        ctx.shared.setdefault("models_used", set()).add(provider.model)
        return "".join(parts), provider.last_usage
    assert last is not None
    raise last


def model_skip(ctx: RunContext) -> str:
    """Why the run's model is not asked to write files ('' when it is, or when the run is offline)."""
    if ctx.provider.is_offline or ctx.provider.writes_files:
        return ""
    return (f"{ctx.provider.label} plans the data model only; the deterministic renderer writes the files "
            "(a small model on CPU is given constrained plans, not free-form files)")


def extract_json(text: str) -> dict:
    """The first JSON object in a model answer (bare or in a ```json fence)."""
    fenced = re.search(r"```(?:json)?\s*(\{.*?\})\s*```", text, re.S)
    candidate = fenced.group(1) if fenced else text[text.find("{"): text.rfind("}") + 1]
    if not candidate:
        raise ValueError("the answer contains no JSON object")
    value = json.loads(candidate)
    if not isinstance(value, dict):
        raise ValueError("the answer is not a JSON object")
    return value


def in_area(path: str, role: str) -> bool:
    """True when `role` may write `path`."""
    patterns = AREAS.get(role)
    if patterns is None:
        return True
    if role == "backend" and any(fnmatch(path, p) for p in _NOT_BACKEND):
        return False
    return any(fnmatch(path, p) for p in patterns)


def accept(parsed: ParsedOutput, role: str, current: dict[str, str]) -> tuple[dict[str, str], list[str], list[str]]:
    """(files, deletions, problems) of a parsed answer, keeping only what `role` may touch."""
    problems = list(parsed.problems)
    files: dict[str, str] = {}
    for path, content in parsed.files.items():
        if in_area(path, role):
            files[path] = content
        else:
            problems.append(f"{path}: outside the {role} role's files, ignored")
    deleted = [p for p in parsed.deleted if in_area(p, role) and p in current]
    return files, deleted, problems


def files_block(files: dict[str, str], paths: list[str], budget: int = 40_000) -> str:
    """The named files as FILE blocks, within a character budget (later files are listed only)."""
    out: list[str] = []
    used = 0
    for path in paths:
        content = files.get(path)
        if content is None:
            continue
        block = f"FILE: {path}\n````\n{content}\n````\n"
        if used + len(block) > budget:
            out.append(f"(also in the project: {path})")
            continue
        out.append(block)
        used += len(block)
    return "\n".join(out)


def parse_answer(text: str) -> ParsedOutput:
    """Parse a FILE:/DELETE: answer with the configured limits."""
    return parse_files(text)
