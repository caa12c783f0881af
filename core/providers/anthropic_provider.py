"""Anthropic's Messages API through the official SDK."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from core.providers.base import Completion, Message, ProviderOptions
from core.providers.openai_provider import error_message
from core.providers.remote import RemoteProvider
from core.providers.retry import Failure, StreamInterrupted, status_failure, transport_failure

if TYPE_CHECKING:
    from core.config import Settings


class AnthropicProvider(RemoteProvider):
    """/v1/messages; system prompts go in `system`, usage from input_tokens/output_tokens."""

    name: ClassVar[str] = "anthropic"
    label: ClassVar[str] = "Anthropic"
    needs_key: ClassVar[bool] = True
    key_env_var: ClassVar[str] = "ANTHROPIC_API_KEY"
    config_hint: ClassVar[str] = "ANTHROPIC_API_KEY"
    default_base_url: ClassVar[str] = "https://api.anthropic.com"

    def __init__(self, *, api_key: str = "", base_url: str = "", model: str = "") -> None:
        super().__init__(api_key=api_key, base_url=base_url, model=model)
        import anthropic  # imported on use: the SDK takes a second to import

        # Our own retry loop decides; the SDK must not retry behind its back.
        self._client = anthropic.Anthropic(api_key=api_key, base_url=self.endpoint, max_retries=0)

    @classmethod
    def settings_values(cls, settings: Settings) -> dict[str, str]:
        return {
            "api_key": settings.anthropic_api_key,
            "base_url": settings.anthropic_base_url,
            "model": settings.anthropic_model,
        }

    def _params(self, messages: list[Message], options: ProviderOptions, timeout: float) -> dict[str, Any]:
        system = "\n\n".join(m.content for m in messages if m.role == "system")
        params: dict[str, Any] = {
            "model": self.model,
            "max_tokens": options.max_tokens,  # SDK 2.x has no temperature parameter
            "messages": [{"role": m.role, "content": m.content} for m in messages if m.role != "system"],
            "timeout": timeout,
        }
        if system:
            params["system"] = system
        return params

    def _complete_once(self, messages: list[Message], options: ProviderOptions, timeout: float) -> Completion:
        response = self._client.messages.create(**self._params(messages, options, timeout))
        text = "".join(getattr(block, "text", "") for block in response.content)
        u = response.usage
        return Completion(
            text=text,
            model=response.model or self.model,
            usage=self._usage(messages, text, u.input_tokens, u.output_tokens or None),
        )

    def _stream_once(
        self, messages: list[Message], options: ProviderOptions, timeout: float
    ) -> Iterator[str]:
        parts: list[str] = []
        prompt_tokens, output_tokens, stopped = 0, 0, False
        with self._client.messages.create(**self._params(messages, options, timeout), stream=True) as stream:
            for event in stream:
                if event.type == "message_start":
                    prompt_tokens = event.message.usage.input_tokens or 0
                elif event.type == "content_block_delta" and getattr(event.delta, "text", None):
                    parts.append(event.delta.text)
                    yield event.delta.text
                elif event.type == "message_delta" and event.usage:
                    output_tokens = event.usage.output_tokens or 0
                elif event.type == "message_stop":
                    stopped = True
        if not stopped:
            raise StreamInterrupted("stream ended without message_stop")
        text = "".join(parts)
        self.last_usage = self._usage(messages, text, prompt_tokens, output_tokens or None)

    def _classify(self, exc: BaseException, timeout: float) -> Failure | None:
        import anthropic

        if isinstance(exc, anthropic.APIStatusError):
            message = self._scrub(error_message(exc.body, exc.message))
            return status_failure(
                exc.status_code, message, headers=exc.response.headers, model=self.model, url=self.endpoint
            )
        found = transport_failure(exc, timeout=timeout, url=self.endpoint)
        if found is None and isinstance(exc, anthropic.AnthropicError):
            return Failure(f"unexpected answer ({type(exc).__name__}): {self._scrub(str(exc))[:200]}", False)
        return found
