"""Structured JSON logs with secrets redacted; Sentry only when SENTRY_DSN is set."""

from __future__ import annotations

import logging
import re
import sys
from typing import Any

import structlog

from core.config import get_settings

_SECRET_KEYS = re.compile(r"pass(word)?|secret|token|api_?key|authorization|cookie|dsn|credential", re.I)
_SECRET_VALUES = re.compile(
    r"(sk-ant-[\w-]{8,}|sk-[\w-]{16,}|sk_(live|test)_\w{8,}|rk_(live|test)_\w{8,}|whsec_\w{8,}"
    r"|hf_\w{16,}|gh[pousr]_\w{20,}|github_pat_\w{20,}|glpat-[\w-]{16,}|AKIA[0-9A-Z]{16}|xox[bpas]-[\w-]{10,}"
    r"|eyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]{8,})"  # a JWT, such as our own login cookie
)
# "Bearer <token>", "Basic <base64>", "password=...", and the user:password part of a URL.
_SECRET_PHRASES = (
    (re.compile(r"(?i)\b(bearer|basic|token)\s+(?=[\w.~+/=-]*\d)[\w.~+/=-]{8,}"), r"\1 [redacted]"),
    (re.compile(r"(?i)\b(pass(?:word|wd)?|secret|api_?key|token)=[^\s&;,]+"), r"\1=[redacted]"),
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@"), r"\1[redacted]@"),
)
_configured = False


def redact(value: Any) -> Any:
    """Mask secret-looking values in strings, dicts and lists."""
    if isinstance(value, str):
        value = _SECRET_VALUES.sub("[redacted]", value)
        for pattern, replacement in _SECRET_PHRASES:
            value = pattern.sub(replacement, value)
        return value
    if isinstance(value, dict):
        return {k: "[redacted]" if _secret_key(k) else redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    return value


def _secret_key(key: object) -> bool:
    """True for names of secret fields ("api_key", "cookie"), not for counts ("prompt_tokens")."""
    return isinstance(key, str) and bool(_SECRET_KEYS.search(key)) and not key.lower().endswith("tokens")


class RedactingFilter(logging.Filter):
    """Redacts records of the standard library's loggers (libraries log there, not through structlog)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Replace the message with its redacted text; always keeps the record."""
        try:
            message = record.getMessage()
        except Exception:  # a library's malformed record stays as it is
            return True
        record.msg, record.args = redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info))
        elif record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True


def _redact_processor(_logger: Any, _name: str, event: dict[str, Any]) -> dict[str, Any]:
    return redact(event)


def configure() -> None:
    """Set up JSON logging once per process (and Sentry when configured)."""
    global _configured
    if _configured:
        return
    settings = get_settings()
    level = getattr(logging, settings.log_level.upper(), logging.INFO)
    logging.basicConfig(stream=sys.stderr, level=level, format="%(message)s")
    # Libraries' standard-library records (alembic, httpx, ...) as the same JSON lines as ours.
    formatter = structlog.stdlib.ProcessorFormatter(
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, structlog.processors.JSONRenderer()],
        foreign_pre_chain=[structlog.stdlib.add_log_level, structlog.stdlib.add_logger_name,
                           structlog.processors.TimeStamper(fmt="iso", utc=True),
                           structlog.processors.format_exc_info, _redact_processor])
    logging.getLogger("alembic.runtime.plugins").setLevel(logging.WARNING)  # one line per plugin at every start
    for handler in logging.getLogger().handlers:
        handler.setFormatter(formatter)
        if not any(isinstance(f, RedactingFilter) for f in handler.filters):
            handler.addFilter(RedactingFilter())
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            _redact_processor,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(level),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    if settings.sentry_dsn:
        import sentry_sdk

        sentry_sdk.init(dsn=settings.sentry_dsn, environment=settings.environment, send_default_pii=False,
                        before_send=lambda event, _hint: redact(event))
    _configured = True


def get_logger(name: str = "autocrea") -> Any:
    """A structlog logger (configures logging on first use)."""
    configure()
    return structlog.get_logger(name)
