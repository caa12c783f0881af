"""Provider registry: a plain dict of name -> class; `get_provider` builds one."""

from __future__ import annotations

from core.errors import UnknownProviderError
from core.providers.base import BaseProvider, Completion, Message, Provider, ProviderOptions, Usage
from core.providers.offline import OfflineProvider

REGISTRY: dict[str, type[BaseProvider]] = {"offline": OfflineProvider}


def register(cls: type[BaseProvider]) -> type[BaseProvider]:
    """Add a provider class to the registry (also used by tests' fakes)."""
    REGISTRY[cls.name] = cls
    return cls


def get_provider_class(name: str) -> type[BaseProvider]:
    """The class registered as `name`, or UnknownProviderError listing the valid names."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise UnknownProviderError(name, sorted(REGISTRY)) from None


def get_provider(name: str, **kwargs: object) -> BaseProvider:
    """Build the provider called `name`; kwargs go to its constructor."""
    return get_provider_class(name)(**kwargs)


__all__ = ["REGISTRY", "Completion", "Message", "Provider", "ProviderOptions", "Usage",
           "get_provider", "get_provider_class", "register"]
