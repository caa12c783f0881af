"""Reading a request: prompt -> AppSpec (the offline architect's half of the engine)."""

from core.engine.understand.infer import describe_capabilities, infer_spec
from core.spec import AppSpec


def understand(prompt: str, name: str | None = None) -> AppSpec:
    """The AppSpec a prompt asks for; UnsupportedRequestError when it is out of the engine's reach."""
    return infer_spec(prompt, name)


__all__ = ["describe_capabilities", "infer_spec", "understand"]
