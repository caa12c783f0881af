"""Context windows per provider and model (tokens, as data) and the prompt budget every model call respects.

A prompt that does not fit is never truncated silently: `fit` raises PromptTooLarge, and the role says so.
"""

from __future__ import annotations

from fnmatch import fnmatch

from core.errors import AutocreaError
from core.providers.base import BaseProvider, Message, ProviderOptions

# (provider, model glob) -> tokens; the first match wins. Self-hosted servers (TGI, vLLM, Ollama, LM Studio) are
# assumed at 32k unless CONTEXT_TOKENS says otherwise ("joxcoder=4096,openai_compatible:llama3*=8192"); a server
# that refuses a prompt as too long for its context (HTTP 400) is handled as PromptTooLarge too.
CONTEXT_TOKENS: tuple[tuple[str, str, int], ...] = (
    ("openai", "gpt-4.1*", 1_000_000),
    ("openai", "gpt-4o*", 128_000),
    ("openai", "gpt-5*", 400_000),
    ("openai", "o[134]*", 200_000),
    ("openai", "*", 128_000),
    ("anthropic", "*", 200_000),
    ("openai_compatible", "*", 32_768),
    ("joxcoder", "*", 32_768),
    ("offline", "*", 1_000_000_000),
)
MIN_ANSWER_TOKENS = 256


class PromptTooLarge(AutocreaError):
    """A prompt (plus room for an answer) that does not fit the model's context window."""

    def __init__(self, provider: str, needed: int, window: int) -> None:
        self.needed, self.window = needed, window
        if needed:
            super().__init__(f"the prompt needs about {needed} tokens but {provider}'s context holds {window}")
        else:
            super().__init__(f"{provider} refused the prompt as longer than its context window")


def context_window(provider: str, model: str) -> int:
    """The context window of `model` on `provider`, in tokens."""
    from core.config import get_settings

    settings = get_settings()
    if provider == "joxcoder_local":
        return settings.local_model_context
    for name, pattern, tokens in (*_overrides(settings.context_tokens), *CONTEXT_TOKENS):
        if name == provider and fnmatch(model.lower(), pattern):
            return tokens
    return 8_192


def _overrides(text: str) -> list[tuple[str, str, int]]:
    """CONTEXT_TOKENS="joxcoder=4096,openai_compatible:llama3*=8192" -> table rows (bad items are ignored)."""
    rows = []
    for item in filter(None, (part.strip() for part in text.split(","))):
        who, _, tokens = item.partition("=")
        name, _, pattern = who.partition(":")
        if tokens.strip().isdigit():
            rows.append((name.strip(), pattern.strip().lower() or "*", int(tokens)))
    return rows


def exceeded(cause: str) -> bool:
    """True for a provider failure that says the prompt is longer than the model's context."""
    return cause.startswith(CONTEXT_EXCEEDED)


CONTEXT_EXCEEDED = "prompt exceeds the model's context window"


def fit(provider: BaseProvider, messages: list[Message], options: ProviderOptions,
        min_answer: int = MIN_ANSWER_TOKENS) -> ProviderOptions:
    """`options` with max_tokens lowered to what the window leaves; PromptTooLarge when not even `min_answer` fits."""
    window = provider.context_window()
    # Chat templates add a few tokens per message.
    prompt = sum(provider.count_tokens(m.content) + 8 for m in messages)
    room = window - prompt
    if room < min(min_answer, options.max_tokens):
        raise PromptTooLarge(provider.label or provider.name, prompt + min_answer, window)
    return options if options.max_tokens <= room else options.model_copy(update={"max_tokens": room})
