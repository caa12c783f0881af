"""What every network provider shares: explicit config, key hygiene, retries, estimated usage."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from core.errors import ValidationError
from core.providers.base import BaseProvider, Completion, Message, ProviderOptions, Usage, estimate_tokens
from core.providers.retry import Failure, call_with_retry, scrub, stream_with_retry

if TYPE_CHECKING:
    from core.config import Settings
    from core.keys import DecryptedKey


class RemoteProvider(BaseProvider):
    """A provider behind an HTTP API; subclasses write `_stream_once`, `_complete_once` and `_classify`."""

    requires_base_url: ClassVar[bool] = False
    default_base_url: ClassVar[str] = ""
    config_hint: ClassVar[str] = ""

    def __init__(self, *, api_key: str = "", base_url: str = "", model: str = "") -> None:
        self._local = threading.local()
        super().__init__()
        if self.needs_key and not api_key:
            raise ValidationError(f"{self.label} needs an API key")
        if self.requires_base_url and not base_url:
            raise ValidationError(f"{self.label} needs a base URL (for example http://localhost:11434/v1)")
        if base_url and not base_url.startswith(("http://", "https://")):
            raise ValidationError(f"{self.label} base URL must start with http:// or https://")
        if not model:
            raise ValidationError(f"{self.label} needs a model name")
        self._api_key = api_key
        self.base_url = base_url.rstrip("/")
        self.model = model

    @property
    def last_usage(self) -> Usage:
        """Usage of this thread's last call: roles running concurrently may share one provider."""
        return getattr(self._local, "usage", None) or Usage()

    @last_usage.setter
    def last_usage(self, usage: Usage) -> None:
        self._local.usage = usage

    @classmethod
    def settings_values(cls, settings: Settings) -> dict[str, str]:
        """The server settings this provider reads, as constructor keywords."""
        raise NotImplementedError  # pragma: no cover - abstract

    @classmethod
    def is_configured(cls, settings: Settings) -> bool:
        """Whether server settings alone are enough to build this provider."""
        values = cls.settings_values(settings)
        if cls.requires_base_url and not values.get("base_url"):
            return False
        return not (cls.needs_key and not values.get("api_key"))

    @classmethod
    def from_settings(cls, settings: Settings) -> RemoteProvider:
        """Built from server settings (environment, .env, secrets)."""
        return cls(**cls.settings_values(settings))

    @classmethod
    def from_user_key(cls, key: DecryptedKey, settings: Settings | None = None) -> RemoteProvider:
        """Built from a user's own key; base URL and model fall back to server settings."""
        from core.config import get_settings

        values = cls.settings_values(settings or get_settings())
        values["api_key"] = key.api_key
        if key.base_url:
            values["base_url"] = key.base_url
        if key.model:
            values["model"] = key.model
        return cls(**values)

    @property
    def endpoint(self) -> str:
        """The URL we talk to, for messages."""
        return self.base_url or self.default_base_url

    @property
    def secrets(self) -> tuple[str, ...]:
        """Strings that must never reach a log or an error message."""
        return (self._api_key,) if self._api_key else ()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} model={self.model!r} endpoint={self.endpoint!r}>"

    def execute(self, messages: list[Message], options: ProviderOptions) -> Iterator[str]:
        """Stream the answer, retrying the whole call within the budget."""
        return stream_with_retry(
            self.name,
            options,
            lambda t: self._stream_once(messages, options, t),
            self._classify,
            self.secrets,
        )

    def complete(self, messages: list[Message], options: ProviderOptions) -> Completion:
        """One non-streaming call, retried within the budget."""
        completion = call_with_retry(
            self.name,
            options,
            lambda t: self._complete_once(messages, options, t),
            self._classify,
            self.secrets,
        )
        self.last_usage = completion.usage
        return completion.model_copy(update={"provider": self.name})

    def _stream_once(
        self, messages: list[Message], options: ProviderOptions, timeout: float
    ) -> Iterator[str]:
        raise NotImplementedError  # pragma: no cover - abstract

    def _complete_once(self, messages: list[Message], options: ProviderOptions, timeout: float) -> Completion:
        raise NotImplementedError  # pragma: no cover - abstract

    def _classify(self, exc: BaseException, timeout: float) -> Failure | None:
        raise NotImplementedError  # pragma: no cover - abstract

    def _scrub(self, text: str) -> str:
        return scrub(text, self.secrets)

    def _usage(self, messages: list[Message], text: str, prompt: int | None, completion: int | None) -> Usage:
        """Usage from the API, estimating (and saying so) whichever part it did not report."""
        estimated = not prompt or completion is None
        return Usage(
            prompt_tokens=prompt or estimate_tokens("\n".join(m.content for m in messages)),
            completion_tokens=completion if completion is not None else estimate_tokens(text),
            estimated=estimated,
        )
