"""OpenAI and OpenAI-compatible servers (Ollama, vLLM, LM Studio) through the official SDK."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from core.providers.base import Completion, Message, ProviderOptions
from core.providers.remote import RemoteProvider
from core.providers.retry import Failure, StreamInterrupted, status_failure, transport_failure

if TYPE_CHECKING:
    from core.config import Settings


def error_message(body: object, fallback: str) -> str:
    """The server's own message from an OpenAI-style error body."""
    if isinstance(body, dict):
        inner = body.get("error", body)
        if isinstance(inner, dict) and inner.get("message"):
            return str(inner["message"])
        if isinstance(inner, str):
            return inner
    return fallback


class OpenAIProvider(RemoteProvider):
    """Chat Completions API; usage from the `usage` fields (streamed with include_usage)."""

    name: ClassVar[str] = "openai"
    label: ClassVar[str] = "OpenAI"
    needs_key: ClassVar[bool] = True
    key_env_var: ClassVar[str] = "OPENAI_API_KEY"
    config_hint: ClassVar[str] = "OPENAI_API_KEY"
    default_base_url: ClassVar[str] = "https://api.openai.com/v1"
    max_tokens_param: ClassVar[str] = "max_completion_tokens"
    stream_usage: ClassVar[bool] = True
    supports_json_schema: ClassVar[bool] = True

    def __init__(self, *, api_key: str = "", base_url: str = "", model: str = "") -> None:
        super().__init__(api_key=api_key, base_url=base_url, model=model)
        self._stream_usage = self.stream_usage
        import openai  # imported on use: pages that only list providers stay fast

        # Our own retry loop decides; the SDK must not retry behind its back.
        self._client = openai.OpenAI(api_key=api_key or "not-needed", base_url=self.endpoint, max_retries=0)

    @classmethod
    def settings_values(cls, settings: Settings) -> dict[str, str]:
        return {
            "api_key": settings.openai_api_key,
            "base_url": settings.openai_base_url,
            "model": settings.openai_model,
        }

    def _params(self, messages: list[Message], options: ProviderOptions, timeout: float) -> dict[str, Any]:
        params = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            self.max_tokens_param: options.max_tokens,
            "temperature": options.temperature,
            "timeout": timeout,
        }
        if options.response_format and self.supports_json_schema:
            params["response_format"] = options.response_format
        return params

    def _complete_once(self, messages: list[Message], options: ProviderOptions, timeout: float) -> Completion:
        response = self._client.chat.completions.create(**self._params(messages, options, timeout))
        text = (response.choices[0].message.content or "") if response.choices else ""
        usage = response.usage
        return Completion(
            text=text,
            model=response.model or self.model,
            usage=self._usage(
                messages,
                text,
                usage.prompt_tokens if usage else None,
                usage.completion_tokens if usage else None,
            ),
        )

    def _stream_once(
        self, messages: list[Message], options: ProviderOptions, timeout: float
    ) -> Iterator[str]:
        import openai

        params = self._params(messages, options, timeout)
        try:
            stream = self._open_stream(params)
        except openai.BadRequestError as exc:
            if not self._stream_usage or "stream_options" not in str(exc.message):
                raise
            self._stream_usage = False  # an older compatible server; estimate usage instead
            stream = self._open_stream(params)
        parts: list[str] = []
        finished, usage = False, None
        with stream:
            for chunk in stream:
                usage = chunk.usage or usage
                for choice in chunk.choices:
                    if choice.delta and choice.delta.content:
                        parts.append(choice.delta.content)
                        yield choice.delta.content
                    finished = finished or bool(choice.finish_reason)
        if not finished:
            raise StreamInterrupted("stream ended without a finish_reason")
        text = "".join(parts)
        self.last_usage = self._usage(
            messages, text, usage.prompt_tokens if usage else None, usage.completion_tokens if usage else None
        )

    def _open_stream(self, params: dict[str, Any]) -> Any:
        extra = {"stream_options": {"include_usage": True}} if self._stream_usage else {}
        return self._client.chat.completions.create(**params, stream=True, **extra)

    def _classify(self, exc: BaseException, timeout: float) -> Failure | None:
        import openai

        if isinstance(exc, openai.APIStatusError):
            message = self._scrub(error_message(exc.body, exc.message))
            return status_failure(
                exc.status_code, message, headers=exc.response.headers, model=self.model, url=self.endpoint
            )
        found = transport_failure(exc, timeout=timeout, url=self.endpoint)
        if found is None and isinstance(exc, openai.OpenAIError):
            return Failure(f"unexpected answer ({type(exc).__name__}): {self._scrub(str(exc))[:200]}", False)
        return found


class OpenAICompatibleProvider(OpenAIProvider):
    """Any server speaking /v1/chat/completions: Ollama, vLLM, LM Studio; base URL required, key optional."""

    name: ClassVar[str] = "openai_compatible"
    label: ClassVar[str] = "OpenAI-compatible"
    needs_key: ClassVar[bool] = False
    key_env_var: ClassVar[str] = ""
    config_hint: ClassVar[str] = "OPENAI_BASE_URL (and OPENAI_MODEL)"
    requires_base_url: ClassVar[bool] = True
    default_base_url: ClassVar[str] = ""
    max_tokens_param: ClassVar[str] = "max_tokens"

    @classmethod
    def settings_values(cls, settings: Settings) -> dict[str, str]:
        # Server-wide it shares OPENAI_* settings: configured when OPENAI_BASE_URL points at such a server.
        return {
            "api_key": settings.openai_api_key,
            "base_url": settings.openai_base_url,
            "model": settings.openai_model,
        }
