"""JoxCoder, the house model: Hugging Face Inference API or a self-hosted TGI / vLLM endpoint."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, ClassVar

from core.errors import ValidationError
from core.providers.base import Completion, Message, ProviderOptions
from core.providers.remote import RemoteProvider
from core.providers.retry import Failure, StreamInterrupted, seconds, status_failure, transport_failure

if TYPE_CHECKING:
    from huggingface_hub import InferenceClient
    from huggingface_hub.errors import HfHubHTTPError

    from core.config import Settings

ROUTES = ("text-generation", "chat")

# Prompt formats for the text-generation route, where we render the chat ourselves; per-model data.
TEMPLATES: dict[str, dict[str, Any]] = {
    "chatml": {
        "turn": "<|im_start|>{role}\n{content}<|im_end|>\n",
        "reply": "<|im_start|>assistant\n",
        "stop": ["<|im_end|>"],
    },
    "plain": {"turn": "### {role}\n{content}\n\n", "reply": "### assistant\n", "stop": []},
}


def render_prompt(messages: list[Message], template: str = "chatml") -> str:
    """The chat as one prompt string for TGI's text-generation route."""
    spec = TEMPLATES[template]
    return "".join(spec["turn"].format(role=m.role, content=m.content) for m in messages) + spec["reply"]


class JoxCoderProvider(RemoteProvider):
    """TGI `text_generation` at a URL (or a Hub model id), or `chat_completion` for OpenAI-style servers."""

    name: ClassVar[str] = "joxcoder"
    label: ClassVar[str] = "JoxCoder"
    needs_key: ClassVar[bool] = False  # a self-hosted endpoint may need none; the HF Inference API does
    key_env_var: ClassVar[str] = "JOXCODER_API_KEY"
    config_hint: ClassVar[str] = "JOXCODER_API_URL or JOXCODER_API_KEY"
    default_base_url: ClassVar[str] = "https://router.huggingface.co"

    def __init__(
        self,
        *,
        api_key: str = "",
        base_url: str = "",
        model: str = "joxcoder",
        route: str = "text-generation",
        template: str = "chatml",
    ) -> None:
        super().__init__(api_key=api_key, base_url=base_url, model=model)
        if route not in ROUTES:
            raise ValidationError(f"JOXCODER_ROUTE must be one of {', '.join(ROUTES)}, not '{route}'")
        if template not in TEMPLATES:
            raise ValidationError(
                f"Unknown prompt template '{template}'. Choose one of: {', '.join(TEMPLATES)}"
            )
        if not base_url and not api_key:
            raise ValidationError(
                "JoxCoder needs JOXCODER_API_URL (your endpoint) or JOXCODER_API_KEY "
                "(a Hugging Face token for the Inference API)"
            )
        self.route, self.template = route, template

    @classmethod
    def settings_values(cls, settings: Settings) -> dict[str, str]:
        return {
            "api_key": settings.joxcoder_api_key,
            "base_url": settings.joxcoder_api_url,
            "model": settings.joxcoder_model,
            "route": settings.joxcoder_route,
        }

    @classmethod
    def is_configured(cls, settings: Settings) -> bool:
        return bool(settings.joxcoder_api_url or settings.joxcoder_api_key)

    def _client(self, timeout: float) -> InferenceClient:
        from huggingface_hub import InferenceClient  # imported on use: it is slow to import

        token = self._api_key or None
        if self.route == "chat":
            return InferenceClient(base_url=self.base_url or None, token=token, timeout=timeout)
        return InferenceClient(model=self.base_url or self.model, token=token, timeout=timeout)

    def _chat_params(self, messages: list[Message], options: ProviderOptions) -> dict[str, Any]:
        return {
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "model": self.model,
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
        }

    def _tgi_params(self, options: ProviderOptions) -> dict[str, Any]:
        stop = TEMPLATES[self.template]["stop"]
        return {
            "max_new_tokens": options.max_tokens,
            "temperature": options.temperature or None,
            "details": True,
            **({"stop": stop} if stop else {}),
        }

    def _complete_once(self, messages: list[Message], options: ProviderOptions, timeout: float) -> Completion:
        with self._client(timeout) as client:
            return self._complete_with(client, messages, options)

    def _complete_with(
        self, client: InferenceClient, messages: list[Message], options: ProviderOptions
    ) -> Completion:
        if self.route == "chat":
            out = client.chat_completion(**self._chat_params(messages, options))
            text = (out.choices[0].message.content or "") if out.choices else ""
            u = out.usage
            usage = self._usage(
                messages, text, u.prompt_tokens if u else None, u.completion_tokens if u else None
            )
            return Completion(text=text, model=self.model, usage=usage)
        prompt = render_prompt(messages, self.template)
        result = client.text_generation(prompt, decoder_input_details=True, **self._tgi_params(options))
        text = result.generated_text if hasattr(result, "generated_text") else str(result)
        details = getattr(result, "details", None)
        prefill = len(details.prefill) if details and details.prefill else None
        generated = details.generated_tokens if details else None
        return Completion(text=text, model=self.model, usage=self._usage(messages, text, prefill, generated))

    def _stream_once(
        self, messages: list[Message], options: ProviderOptions, timeout: float
    ) -> Iterator[str]:
        with self._client(timeout) as client:  # closes the streamed response even when abandoned
            yield from self._stream_with(client, messages, options)

    def _stream_with(
        self, client: InferenceClient, messages: list[Message], options: ProviderOptions
    ) -> Iterator[str]:
        parts: list[str] = []
        prompt_tokens = completion_tokens = None
        finished = False
        if self.route == "chat":
            stream = client.chat_completion(
                **self._chat_params(messages, options), stream=True, stream_options={"include_usage": True}
            )
            for chunk in stream:
                if chunk.usage:
                    prompt_tokens, completion_tokens = (
                        chunk.usage.prompt_tokens,
                        chunk.usage.completion_tokens,
                    )
                for choice in chunk.choices or []:
                    if choice.delta and choice.delta.content:
                        parts.append(choice.delta.content)
                        yield choice.delta.content
                    finished = finished or bool(choice.finish_reason)
        else:
            prompt = render_prompt(messages, self.template)
            for event in client.text_generation(prompt, stream=True, **self._tgi_params(options)):
                if not event.token.special and event.token.text:
                    parts.append(event.token.text)
                    yield event.token.text
                if event.details is not None or event.generated_text is not None:
                    finished = True
                    if event.details is not None:
                        prompt_tokens = event.details.input_length
                        completion_tokens = event.details.generated_tokens
        if not finished:
            raise StreamInterrupted("stream ended before its final event")
        text = "".join(parts)
        self.last_usage = self._usage(messages, text, prompt_tokens, completion_tokens)

    def _classify(self, exc: BaseException, timeout: float) -> Failure | None:
        from huggingface_hub.errors import (
            HfHubHTTPError,
            IncompleteGenerationError,
            InferenceTimeoutError,
            OverloadedError,
            TextGenerationError,
        )

        http = next((e for e in (exc, exc.__cause__) if isinstance(e, HfHubHTTPError)), None)
        if http is not None:
            return self._http_failure(http)
        if isinstance(exc, InferenceTimeoutError):
            return Failure(f"timed out after {seconds(timeout)} s", True, "timeout")
        if isinstance(exc, OverloadedError):
            return Failure("the server is overloaded", True, "server")
        if isinstance(exc, IncompleteGenerationError):
            return Failure("the model stopped mid-generation", True, "interrupted")
        if isinstance(exc, TextGenerationError):
            return Failure(
                f"the server refused the request: {self._scrub(str(exc))[:200]}", False, "bad_request"
            )
        return transport_failure(exc, timeout=timeout, url=self.endpoint)

    def _http_failure(self, error: HfHubHTTPError) -> Failure:
        response = error.response
        try:
            body = response.json()
        except Exception:
            body = None
        message = body.get("error") if isinstance(body, dict) else None
        if (
            response.status_code == 503
            and isinstance(body, dict)
            and ("estimated_time" in body or "loading" in str(message).lower())
        ):
            wait = body.get("estimated_time")
            return Failure(
                "the model is still loading",
                True,
                "loading",
                float(wait) if isinstance(wait, int | float) else None,
            )
        text = self._scrub(str(message or error.server_message or ""))
        return status_failure(
            response.status_code, text, headers=response.headers, model=self.model, url=self.endpoint
        )
