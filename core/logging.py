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
    r"|hf_\w{16,}|ghp_\w{20,}|AKIA[0-9A-Z]{16}|xox[bpas]-[\w-]{10,})"
)
_configured = False


def redact(value: Any) -> Any:
    """Mask secret-looking values in strings, dicts and lists."""
    if isinstance(value, str):
        return _SECRET_VALUES.sub("[redacted]", value)
    if isinstance(value, dict):
        return {k: "[redacted]" if isinstance(k, str) and _SECRET_KEYS.search(k) else redact(v)
                for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [redact(v) for v in value]
    return value


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

        sentry_sdk.init(dsn=settings.sentry_dsn, environment=settings.environment, send_default_pii=False)
    _configured = True


def get_logger(name: str = "autocrea") -> Any:
    """A structlog logger (configures logging on first use)."""
    configure()
    return structlog.get_logger(name)
