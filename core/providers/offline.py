"""The offline engine as a provider: deterministic, no network, no key, no tokens."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from core.providers.base import BaseProvider, Message, ProviderOptions, Usage


class OfflineProvider(BaseProvider):
    """Roles see `is_offline` and call the engine directly; `execute` answers architect-style requests."""

    name: ClassVar[str] = "offline"
    label: ClassVar[str] = "Offline engine"
    needs_key: ClassVar[bool] = False
    is_offline: ClassVar[bool] = True
    model = "offline-engine"

    def execute(self, messages: list[Message], options: ProviderOptions) -> Iterator[str]:
        """Return the AppSpec JSON the offline engine infers from the last user message."""
        from core.engine import infer_spec

        prompt = next((m.content for m in reversed(messages) if m.role == "user"), "")
        self.last_usage = Usage()
        yield infer_spec(prompt).model_dump_json(indent=2)
