"""Provider registry: a plain dict of name -> class; `build_provider` picks the user's key, then settings."""

from __future__ import annotations

from core.errors import ProviderError, UnknownProviderError, ValidationError
from core.logging import get_logger
from core.providers.anthropic_provider import AnthropicProvider
from core.providers.base import (
    RESTART,
    BaseProvider,
    Completion,
    Message,
    Provider,
    ProviderOptions,
    Usage,
    join_chunks,
)
from core.providers.joxcoder_provider import JoxCoderProvider
from core.providers.local_provider import JoxCoderLocalProvider
from core.providers.offline import OfflineProvider
from core.providers.openai_provider import OpenAICompatibleProvider, OpenAIProvider
from core.providers.remote import RemoteProvider

REGISTRY: dict[str, type[BaseProvider]] = {"offline": OfflineProvider}
REMOTE_ORDER = ("joxcoder_local", "joxcoder", "openai", "anthropic", "openai_compatible")


def register(cls: type[BaseProvider]) -> type[BaseProvider]:
    """Add a provider class to the registry (also used by tests' fakes)."""
    REGISTRY[cls.name] = cls
    return cls


for _cls in (JoxCoderLocalProvider, JoxCoderProvider, OpenAIProvider, AnthropicProvider, OpenAICompatibleProvider):
    register(_cls)


def get_provider_class(name: str) -> type[BaseProvider]:
    """The class registered as `name`, or UnknownProviderError listing the valid names."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownProviderError(name, sorted(REGISTRY)) from None


def get_provider(name: str, **kwargs: object) -> BaseProvider:
    """Build the provider called `name`; kwargs go to its constructor."""
    return get_provider_class(name)(**kwargs)


def build_provider(name: str, *, user_id: int | None = None) -> BaseProvider:
    """The provider `name`, configured with the user's own key when they saved one, else server settings."""
    from core.config import get_settings
    from core.keys import get_key

    cls = get_provider_class(name)
    if not issubclass(cls, RemoteProvider):
        return cls()
    settings = get_settings()
    key = get_key(user_id=user_id, provider=name) if user_id is not None else None
    if key is not None:
        return cls.from_user_key(key, settings)
    if cls.is_configured(settings):
        return cls.from_settings(settings)
    raise ValidationError(f"{cls.label} is not configured: add your key in Settings or set {cls.config_hint}")


def available_providers(user_id: int | None = None) -> list[tuple[str, str]]:
    """(name, label) of the providers usable right now; the offline engine always comes first."""
    from core.config import get_settings
    from core.keys import saved_providers

    settings = get_settings()
    own = saved_providers(user_id) if user_id is not None else set()
    found = [("offline", REGISTRY["offline"].label)]
    for name in REMOTE_ORDER:
        cls = REGISTRY.get(name)
        if (
            cls is not None
            and issubclass(cls, RemoteProvider)
            and (name in own or cls.is_configured(settings))
        ):
            found.append((name, cls.label))
    # Providers registered by plugins or tests that need no configuration.
    found += [
        (n, c.label)
        for n, c in REGISTRY.items()
        if n != "offline" and n not in REMOTE_ORDER and not issubclass(c, RemoteProvider)
    ]
    return found


def fallback_candidates(user_id: int | None = None) -> list[tuple[str, str]]:
    """Providers that can stand in when the default keeps failing: usable model providers, never the offline engine."""
    return [(name, label) for name, label in available_providers(user_id) if name != "offline"]


def build_chain(primary: str, fallback: str = "", *, user_id: int | None = None) -> list[BaseProvider]:
    """[primary] plus the fallback when one is named, differs and is configured (no fallback by default)."""
    chain = [build_provider(primary, user_id=user_id)]
    if fallback and fallback != primary:
        try:
            chain.append(build_provider(fallback, user_id=user_id))
        except ValidationError as exc:
            get_logger("autocrea.providers").warning(
                "fallback_unavailable", provider=fallback, reason=str(exc)
            )
    return chain


def complete_with_fallback(
    chain: list[BaseProvider], messages: list[Message], options: ProviderOptions | None = None
) -> Completion:
    """Ask each provider in turn (each with its own budget); the first answer wins."""
    if not chain:
        raise ValidationError("No model provider to ask")
    options = options or ProviderOptions()
    failures: list[ProviderError] = []
    for provider in chain:
        try:
            return provider.complete(messages, options)
        except ProviderError as exc:
            failures.append(exc)
            get_logger("autocrea.providers").warning(
                "provider_fallback", provider=provider.name, cause=exc.cause
            )
    if len(failures) == 1:
        raise failures[0]
    raise ProviderError(
        " -> ".join(p.name for p in chain), "; ".join(f"{e.provider}: {e.cause}" for e in failures)
    )


__all__ = [
    "REGISTRY",
    "RESTART",
    "BaseProvider",
    "Completion",
    "Message",
    "Provider",
    "ProviderOptions",
    "RemoteProvider",
    "Usage",
    "available_providers",
    "build_chain",
    "build_provider",
    "complete_with_fallback",
    "fallback_candidates",
    "get_provider",
    "get_provider_class",
    "join_chunks",
    "register",
]
