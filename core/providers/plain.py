"""Provider failures in plain words for the person: which model, what happened, how often we tried, what to do.

`ProviderError.cause` stays terse and technical (logs, tests, CLI JSON); `describe_failure` is what the studio
stores on the failed step and shows. Every sentence here is a template with a Spanish twin in core/i18n.py.
"""

from __future__ import annotations

import re

from core.errors import ProviderError

# (technical cause, person's words); the first match wins. Placeholders are filled from the named groups.
REASONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(rx), text) for rx, text in (
    (r"invalid API key \(401\)", "the API key was rejected (HTTP 401): check it in Settings"),
    (r"access denied \(403\).*", "access was denied (HTTP 403): the key may not have access to this model"),
    (r"model '(?P<model>.*)' or its endpoint not found \(404\).*",
     "the model '{model}' or its endpoint was not found (HTTP 404): check the model name and the base URL"),
    (r"rate limited \(429\)",
     "the model server is limiting requests (HTTP 429): too many requests, or the account's quota is used up"),
    (r"rate limited.*",
     "the model server is limiting requests (HTTP 429): too many requests, or the account's quota is used up"),
    (r"overloaded \((?P<n>\d+)\)", "the model server is overloaded (HTTP {n})"),
    (r"server error \(503\)", "the model server is unavailable or overloaded (HTTP 503)"),
    (r"server error \((?P<n>\d+)\)", "the model server had an internal error (HTTP {n})"),
    (r"request timeout \(408\)|conflict \(409\)", "the model server could not take the request right now"),
    (r"connection refused at (?P<url>\S+)",
     "nothing answered at {url} (connection refused): is the server running, and is the base URL right?"),
    (r"could not connect at (?P<url>\S+)|network error talking to (?P<url2>\S+)",
     "could not reach {url}: check the base URL and the network"),
    (r"timed out after (?P<n>[\d.]+) s", "the model server did not answer within {n} s"),
    (r"the stream was interrupted", "the connection dropped while the model was answering"),
    (r"the server sent a malformed response", "the model server sent an answer that could not be read"),
))
_ATTEMPTS = re.compile(r"^(?P<cause>.*?)(?: after (?P<n>\d+) attempts| \((?P<m>\d+) attempts\))"
                       r"(?P<rest> \(the server asks to wait .*\))?$")


def plain_cause(cause: str) -> tuple[str, int]:
    """(the cause in plain words, attempts made or 1); unknown causes are returned unchanged."""
    attempts = 1
    m = _ATTEMPTS.match(cause)
    if m:
        cause, attempts = m["cause"], int(m["n"] or m["m"])
    for regex, text in REASONS:
        found = regex.fullmatch(cause)
        if found:
            values = {k: v for k, v in found.groupdict().items() if v}
            if "url2" in values:
                values["url"] = values.pop("url2")
            return text.format(**values), attempts
    return cause, attempts


def provider_label(name: str, model: str = "") -> str:
    """'OpenAI-compatible (qwen2.5-coder)' for a registered provider name; the name itself otherwise."""
    from core.providers import REGISTRY

    cls = REGISTRY.get(name)
    label = cls.label if cls is not None and cls.label else name
    return f"{label} ({model})" if model else label


def describe_failure(exc: ProviderError, model: str = "") -> str:
    """'OpenAI-compatible (m) failed after 5 attempts: the model server is unavailable…' (a fallback chain too)."""
    if " -> " in exc.provider:  # the primary and its fallback both failed: "a: cause; b: cause"
        parts = []
        for item in exc.cause.split("; "):
            name, _, cause = item.partition(": ")
            parts.append(f"{provider_label(name)}: {plain_cause(cause)[0]}")
        return "Every provider failed. " + "; ".join(parts)
    cause, attempts = plain_cause(exc.cause)
    who = provider_label(exc.provider, model)
    if attempts > 1:
        return f"{who} failed after {attempts} attempts: {cause}"
    return f"{who} failed: {cause}"
