"""What every role shares: the run context it reads, the result it returns, the Role record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.providers.base import BaseProvider, ProviderOptions, Usage
from core.spec import AppSpec

PROMPTS = Path(__file__).resolve().parent / "prompts"


@dataclass
class RunContext:
    """Everything a role may read while it runs; `files` is the project as the roles it needs left it."""

    project_id: str
    run: int
    prompt: str
    provider: BaseProvider
    options: ProviderOptions
    files: dict[str, str]
    spec: AppSpec | None = None
    instruction: str = ""
    base_files: dict[str, str] = field(default_factory=dict)
    check_cancel: Callable[[], None] = lambda: None
    emit_output: Callable[[str], None] = lambda _text: None
    stream: Callable[[str], None] = lambda _chunk: None
    shared: dict[str, Any] = field(default_factory=dict)

    @property
    def is_followup(self) -> bool:
        """True when this run improves an existing project."""
        return bool(self.instruction)


@dataclass
class RoleResult:
    """A role's work: changed or new files, deletions, a summary and what it cost."""

    files: dict[str, str] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    summary: str = ""
    usage: Usage = field(default_factory=Usage)
    model: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    spec: AppSpec | None = None
    skipped: bool = False


@dataclass(frozen=True)
class Role:
    """A role as data: its name, what it needs first, its prompt file and its step function."""

    name: str
    title: str
    needs: tuple[str, ...]
    run: Callable[[RunContext], RoleResult]
    prompt_file: str = ""

    def prompt_template(self) -> str:
        """The role's prompt template text ('' when it has none)."""
        path = PROMPTS / self.prompt_file if self.prompt_file else None
        return path.read_text(encoding="utf-8") if path and path.is_file() else ""


def changed(new: dict[str, str], old: dict[str, str]) -> dict[str, str]:
    """The files of `new` that differ from `old`."""
    return {p: c for p, c in new.items() if old.get(p) != c}
