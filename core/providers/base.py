"""The Provider Protocol: capabilities as data, one streaming `execute`, `complete` derived from it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar, Literal, Protocol, runtime_checkable

from pydantic import BaseModel


class Message(BaseModel):
    """One chat message."""

    role: Literal["system", "user", "assistant"]
    content: str


class Usage(BaseModel):
    """Token usage of one call; `estimated` when the API reported none."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    estimated: bool = False

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            estimated=self.estimated or other.estimated,
        )


class Completion(BaseModel):
    """A finished call: the text, its usage, the model that wrote it and the provider that served it."""

    text: str
    usage: Usage
    model: str
    provider: str = ""


class ProviderOptions(BaseModel):
    """Per-call options."""

    max_tokens: int = 4096
    temperature: float = 0.2
    timeout: float = 60.0
    budget: float = 120.0
    max_attempts: int = 5
    # An OpenAI-style response_format ({"type": "json_schema", ...}); only sent by providers that support it.
    response_format: dict | None = None


class _Restart(str):
    """The type of RESTART."""


RESTART: str = _Restart("")
"""Yielded by `execute` when a stream died midway and the call starts again: drop the text received so far."""


def join_chunks(chunks: Iterable[str]) -> str:
    """Join streamed chunks, starting over at each RESTART."""
    parts: list[str] = []
    for chunk in chunks:
        if chunk is RESTART:
            parts.clear()
        else:
            parts.append(chunk)
    return "".join(parts)


@runtime_checkable
class Provider(Protocol):
    """A model provider. `execute` yields text chunks and leaves the call's usage in `last_usage`.

    A chunk that `is RESTART` means the stream died and the call started again: discard earlier chunks.
    """

    name: ClassVar[str]
    label: ClassVar[str]
    needs_key: ClassVar[bool]
    is_offline: ClassVar[bool]
    model: str
    last_usage: Usage

    def execute(self, messages: list[Message], options: ProviderOptions) -> Iterator[str]:
        """Stream the answer as text chunks."""
        ...

    def complete(self, messages: list[Message], options: ProviderOptions) -> Completion:
        """The whole answer at once."""
        ...


class BaseProvider:
    """Shared behaviour: `complete` joins `execute`; usage is estimated when the API gives none."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    needs_key: ClassVar[bool] = True
    is_offline: ClassVar[bool] = False
    key_env_var: ClassVar[str] = ""
    # Whether `response_format` json_schema is honoured (the constrained architect needs it).
    supports_json_schema: ClassVar[bool] = False
    # Small models get the compact plan (entity names, field names, links) instead of the whole AppSpec.
    plans_compactly: ClassVar[bool] = False
    # Whether the model may write and fix files (backend, frontend, devops, security, tester roles).
    writes_files: ClassVar[bool] = True
    model: str = ""

    def __init__(self) -> None:
        self.last_usage = Usage()

    def context_window(self) -> int:
        """Tokens this provider's model can read and write in one call (core/providers/context.py)."""
        from core.providers.context import context_window

        return context_window(self.name, self.model)

    def count_tokens(self, text: str) -> int:
        """Tokens in `text` for this model; a cautious estimate unless the server can count them."""
        return cautious_tokens(text)

    def tune(self, options: ProviderOptions) -> ProviderOptions:
        """The options a run should use with this provider (CPU-bound servers need longer timeouts)."""
        return options

    def execute(self, messages: list[Message], options: ProviderOptions) -> Iterator[str]:
        """Stream the answer as text chunks (each provider writes this)."""
        raise NotImplementedError  # pragma: no cover - abstract

    def complete(self, messages: list[Message], options: ProviderOptions) -> Completion:
        """Join the streamed chunks into one Completion."""
        text = join_chunks(self.execute(messages, options))
        return Completion(text=text, usage=self.last_usage, model=self.model, provider=self.name)


def cautious_tokens(text: str) -> int:
    """An upper-side token estimate (3 characters a token: code and non-English text tokenise densely)."""
    return len(text) // 3 + 1 if text else 0


def estimate_tokens(text: str) -> int:
    """Rough token count (4 characters a token) for APIs that report no usage."""
    return max(1, len(text) // 4) if text else 0
