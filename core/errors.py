"""Errors users can act on; every message says what happened and what to do.

AutocreaError
 ├── ValidationError            bad input (CLI exit 2)
 │    ├── UnknownProviderError
 │    ├── UnsafePathError       a file path a role produced that we refuse
 │    └── NothingUnderstoodError  the offline engine found nothing the app should store (a model may still try)
 ├── NotFoundError
 ├── PermissionDeniedError
 ├── InsufficientCreditsError   (CLI exit 3)
 ├── ProviderError              a model provider kept failing (CLI exit 4)
 ├── UnsupportedRequestError    out of the offline engine's reach (CLI exit 5)
 ├── CancelledError
 ├── LimitExceededError         too many concurrent jobs, rate limits
 ├── QueueUnavailableError      the job queue refused a run (it was refunded at once)
 └── BillingError               Stripe not configured, unreachable or refusing (core/billing.py)
"""

from __future__ import annotations


class AutocreaError(Exception):
    """Base of every error AUTOCREA reports to a user."""

    exit_code = 1


class ValidationError(AutocreaError):
    """Input that we refuse, with the reason."""

    exit_code = 2


class UnknownProviderError(ValidationError):
    """A provider name that is not registered."""

    def __init__(self, name: str, valid_names: list[str]) -> None:
        self.name, self.valid_names = name, valid_names
        super().__init__(f"Unknown provider '{name}'. Choose one of: {', '.join(valid_names)}")


class UnsafePathError(ValidationError):
    """A generated file path outside the rules of core.files."""


class NothingUnderstoodError(ValidationError):
    """The offline understanding found no thing to store in a prompt (a model provider may still read it)."""


class NotFoundError(AutocreaError):
    """A user, project or snapshot that does not exist (or is not yours)."""


class PermissionDeniedError(AutocreaError):
    """The signed-in user may not do this."""


class InsufficientCreditsError(AutocreaError):
    """A charge larger than the balance."""

    exit_code = 3

    def __init__(self, need: int, have: int) -> None:
        self.need, self.have = need, have
        super().__init__(f"Insufficient credits: need {need}, have {have}")


class ProviderError(AutocreaError):
    """A model provider failed after retries; names the provider and the cause."""

    exit_code = 4

    def __init__(self, provider: str, cause: str) -> None:
        self.provider, self.cause = provider, cause
        super().__init__(f"Provider '{provider}' failed: {cause}")


class UnsupportedRequestError(AutocreaError):
    """A request the offline engine cannot build."""

    exit_code = 5


class CancelledError(AutocreaError):
    """A generation cancelled by its owner."""


class LimitExceededError(AutocreaError):
    """Too many running jobs or requests; try again later."""


class QueueUnavailableError(AutocreaError):
    """The job queue (Redis) could not take a run; its credits were already refunded."""
