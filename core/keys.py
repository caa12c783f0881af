"""A user's own provider keys, Fernet-encrypted at rest; only masked hints ever leave this module.

The Fernet key is ENCRYPTION_KEY when set. Otherwise one is generated on first use and kept in
`<DATA_DIR>/.encryption_key` (mode 0600) and reused: back that file up with the database, since
losing it makes every saved key unreadable (users then re-enter their keys).
"""

from __future__ import annotations

import base64
import hashlib
import os
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlparse

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from core.config import get_settings
from core.errors import AutocreaError, NotFoundError, ProviderError, ValidationError
from core.providers.retry import scrub
from core.text import check_text
from db.models import ApiKey
from db.session import session_scope

KEY_PROVIDERS = ("joxcoder", "openai", "anthropic", "openai_compatible")
KEY_FILE = ".encryption_key"
_lock = threading.Lock()
_fernets: dict[tuple[str, str], Fernet] = {}


@dataclass(frozen=True)
class KeyView:
    """What a page may show about a saved key."""

    provider: str
    label: str
    masked: str
    base_url: str
    model: str
    created_at: datetime


@dataclass(frozen=True)
class DecryptedKey:
    """A saved key in clear, for building a provider; its repr hides the key."""

    provider: str
    api_key: str = field(repr=False)
    base_url: str = ""
    model: str = ""


def mask(api_key: str) -> str:
    """`sk-proj-abcd…a1b2` -> `sk-…a1b2`; short keys show nothing."""
    if len(api_key) < 12:
        return "…"
    return f"{api_key[:3]}…{api_key[-4:]}"


def _fernet_from_setting(value: str) -> Fernet:
    try:
        return Fernet(value.encode())
    except ValueError:
        # Not a Fernet key: treat it as a passphrase and derive one.
        return Fernet(base64.urlsafe_b64encode(hashlib.sha256(value.encode()).digest()))


def _load_or_create_key_file(path: Path) -> bytes:
    if path.is_file():
        return path.read_bytes().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{KEY_FILE}.{os.getpid()}.{threading.get_ident()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, Fernet.generate_key())
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # atomic and fails if another process won the race: everyone reads one key
    except FileExistsError:
        pass
    finally:
        tmp.unlink(missing_ok=True)
    return path.read_bytes().strip()


def get_fernet() -> Fernet:
    """The Fernet for ENCRYPTION_KEY, or for the key file generated once in DATA_DIR."""
    settings = get_settings()
    ident = (settings.encryption_key, str(settings.data_dir))
    with _lock:
        if ident not in _fernets:
            if settings.encryption_key:
                _fernets[ident] = _fernet_from_setting(settings.encryption_key)
            else:
                _fernets[ident] = Fernet(_load_or_create_key_file(Path(settings.data_dir) / KEY_FILE))
        return _fernets[ident]


def _label(provider: str) -> str:
    from core.providers import get_provider_class

    return get_provider_class(provider).label


def _validate(provider: str, api_key: str, base_url: str) -> None:
    if provider not in KEY_PROVIDERS:
        raise ValidationError(f"Unknown provider '{provider}'. Choose one of: {', '.join(KEY_PROVIDERS)}")
    if not api_key:
        raise ValidationError("The API key is empty")
    if any(c.isspace() for c in api_key) or len(api_key) > 1000:
        raise ValidationError("The API key contains spaces or line breaks: paste it again")
    if base_url:
        parsed = urlparse(base_url)
        if parsed.scheme not in ("http", "https") or not parsed.netloc:
            raise ValidationError(
                f"The base URL must be an http(s) URL, like http://localhost:11434/v1 "
                f"(got '{scrub(base_url, (api_key,))[:100]}')"
            )
        if parsed.username or parsed.password:
            # The base URL is stored in clear (it is shown back to the user); credentials belong in the key.
            raise ValidationError("Remove the user name and password from the base URL; put the secret in the "
                                  "API key field")
    elif provider == "openai_compatible":
        raise ValidationError(
            "An OpenAI-compatible server needs its base URL, like http://localhost:11434/v1"
        )


def _view(row: ApiKey) -> KeyView:
    return KeyView(row.provider, _label(row.provider), row.key_hint, row.base_url, row.model, row.created_at)


def save_key(*, user_id: int, provider: str, api_key: str, base_url: str = "", model: str = "") -> KeyView:
    """Encrypt and store (or replace) the user's key for `provider`."""
    api_key, base_url, model = api_key.strip(), base_url.strip().rstrip("/"), model.strip()
    for value, label in ((api_key, "API key"), (base_url, "Base URL"), (model, "Model")):
        check_text(value, label)
    _validate(provider, api_key, base_url)
    token = get_fernet().encrypt(api_key.encode()).decode()
    try:
        with session_scope() as session:
            row = session.scalars(
                select(ApiKey).where(ApiKey.user_id == user_id, ApiKey.provider == provider)
            ).first()
            if row is None:
                row = ApiKey(user_id=user_id, provider=provider)
                session.add(row)
            row.encrypted_key, row.key_hint, row.base_url, row.model = token, mask(api_key), base_url, model
            session.flush()
            return _view(row)
    except IntegrityError:
        raise NotFoundError(f"No user with id {user_id}") from None


def list_keys(user_id: int) -> list[KeyView]:
    """The user's saved keys, masked."""
    with session_scope() as session:
        rows = session.scalars(select(ApiKey).where(ApiKey.user_id == user_id).order_by(ApiKey.provider))
        return [_view(row) for row in rows]


def saved_providers(user_id: int) -> set[str]:
    """Names of the providers the user saved a key for."""
    with session_scope() as session:
        return set(session.scalars(select(ApiKey.provider).where(ApiKey.user_id == user_id)))


def delete_key(*, user_id: int, provider: str) -> bool:
    """Remove the user's key for `provider`; False when there was none."""
    with session_scope() as session:
        result = session.execute(delete(ApiKey).where(ApiKey.user_id == user_id, ApiKey.provider == provider))
        return bool(result.rowcount)


def get_key(*, user_id: int, provider: str) -> DecryptedKey | None:
    """The user's key in clear (for build_provider only), or None."""
    with session_scope() as session:
        row = session.scalars(
            select(ApiKey).where(ApiKey.user_id == user_id, ApiKey.provider == provider)
        ).first()
        if row is None:
            return None
        try:
            api_key = get_fernet().decrypt(row.encrypted_key.encode()).decode()
        except InvalidToken:
            raise ValidationError(
                f"Your saved {_label(provider)} key cannot be decrypted (the server's "
                "encryption key changed): add it again in Settings"
            ) from None
        return DecryptedKey(row.provider, api_key, row.base_url, row.model)


def test_connection(*, user_id: int | None, provider: str) -> tuple[bool, str]:
    """Make one tiny real call; (ok, message for the person) and never an exception."""
    from core.providers import Message, ProviderOptions, build_provider
    from core.providers.plain import describe_failure

    instance = None
    try:
        instance = build_provider(provider, user_id=user_id)
        if instance.is_offline:
            return True, "The offline engine runs here and needs no connection"
        started = time.monotonic()
        options = ProviderOptions(max_tokens=8, temperature=0.0, timeout=10.0, budget=15.0, max_attempts=3)
        instance.complete([Message(role="user", content="Reply with the single word OK.")], options)
        elapsed = time.monotonic() - started
        return True, f"Connected to {instance.label} ({instance.model}) in {elapsed:.1f} s"
    except ProviderError as exc:
        return False, scrub(describe_failure(exc, instance.model if instance is not None else ""))
    except AutocreaError as exc:
        return False, scrub(str(exc))
    except Exception as exc:  # a connection test reports, it never crashes the settings page
        return False, f"{provider}: unexpected error ({type(exc).__name__})"


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a pytest test when imported
