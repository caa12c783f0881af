"""Accounts: create (with the free trial), look up, authenticate, change password, roles."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import bcrypt
from email_validator import EmailNotValidError, validate_email
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import ledger
from core.config import get_settings
from core.errors import NotFoundError, ValidationError
from core.text import bad_character, check_text
from db.models import User
from db.session import session_scope

USERNAME = re.compile(r"^[a-zA-Z0-9_.-]{3,32}$")
ROLES = ("user", "admin")
# Checked against when the username is unknown, so a miss costs the same time as a hit.
_DUMMY_HASH = bcrypt.hashpw(b"autocrea-timing-equaliser", bcrypt.gensalt(rounds=12))


@dataclass(frozen=True)
class UserPublic:
    """What the app and the CLI show of a user (never the hash)."""

    id: int
    username: str
    email: str
    name: str
    role: str
    balance: int
    language: str
    default_provider: str
    fallback_provider: str
    token_version: int
    created_at: datetime

    @classmethod
    def of(cls, u: User) -> UserPublic:
        """Build from a User row."""
        return cls(u.id, u.username, u.email, u.name, u.role, int(u.balance), u.language,
                   u.default_provider, u.fallback_provider, u.token_version, u.created_at)

    def as_dict(self) -> dict[str, object]:
        """JSON-ready fields."""
        return {"id": self.id, "username": self.username, "email": self.email, "name": self.name,
                "role": self.role, "balance": self.balance, "created_at": self.created_at.isoformat()}


def validate_password(password: str, repeat: str | None = None) -> None:
    """Refuse weak, mismatched, over-long or control-character passwords with a clear message."""
    check_text(password, "Password")  # bcrypt refuses NUL; terminal escapes cannot be typed at a login form
    if repeat is not None and password != repeat:
        raise ValidationError("Passwords do not match")
    if len(password.encode("utf-8")) > 72:
        raise ValidationError("Password is too long: use at most 72 bytes")
    if len(password) < 8 or not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        raise ValidationError("Password is too weak: use at least 8 characters with letters and digits")


def hash_password(password: str) -> str:
    """bcrypt hash of a validated password."""
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt()).decode()


def check_password(password: str, hashed: str) -> bool:
    """True when `password` matches `hashed` (False for over-long input)."""
    data = password.encode("utf-8")
    if len(data) > 72:
        return False
    try:
        return bcrypt.checkpw(data, hashed.encode())
    except ValueError:
        return False


def _normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationError(f"Invalid email: {exc}") from None


def _initial_provider() -> str:
    """The operator's DEFAULT_PROVIDER for a new account; unset: JoxCoder Local when installed, else offline."""
    from core.providers import REGISTRY

    settings = get_settings()
    wanted = settings.default_provider
    if "default_provider" not in settings.model_fields_set or not wanted.strip():
        from core.providers.local_provider import JoxCoderLocalProvider

        wanted = "joxcoder_local" if JoxCoderLocalProvider.is_configured(settings) else "offline"
    return wanted if wanted in REGISTRY else "offline"


def create_user(*, username: str, email: str, name: str, password: str, repeat: str | None = None,
                role: str = "user") -> UserPublic:
    """Register a user and grant the free trial exactly once."""
    username = check_text(username.strip(), "Username")
    name = check_text(name, "Name")
    email = check_text(email, "Email")
    if not USERNAME.match(username):
        raise ValidationError("Username must be 3-32 letters, digits, '.', '_' or '-'")
    if not name.strip():
        raise ValidationError("Name is required")
    if role not in ROLES:
        raise ValidationError(f"Role must be one of: {', '.join(ROLES)}")
    email = _normalise_email(email)
    validate_password(password, repeat)
    with session_scope() as s:
        taken = s.scalars(select(User).where(or_(func.lower(User.username) == username.lower(),
                                                  User.email == email))).first()
        if taken:
            field = "Username" if taken.username.lower() == username.lower() else "Email"
            raise ValidationError(f"{field} is already registered")
    try:
        with session_scope() as s:
            user = User(username=username, email=email, name=name.strip(), role=role,
                        password_hash=hash_password(password), balance=0, default_provider=_initial_provider())
            s.add(user)
            s.flush()
            trial = get_settings().trial_credits
            if trial > 0:
                ledger.credit(session=s, user_id=user.id, amount=trial, kind="trial", ref="trial",
                              memo="Free trial")
            s.refresh(user)
            return UserPublic.of(user)
    except IntegrityError:
        raise ValidationError("Username or email is already registered") from None


def get_user(*, session: Session, username: str) -> User:
    """The user called `username` (case-insensitive) or NotFoundError."""
    if bad_character(username):  # no account can have it, and PostgreSQL cannot even compare it
        raise NotFoundError(f"No user named '{username.encode('unicode_escape').decode()}'")
    user = session.scalars(select(User).where(func.lower(User.username) == username.strip().lower())).first()
    if user is None:
        raise NotFoundError(f"No user named '{username}'")
    return user


def find_user(username: str) -> UserPublic:
    """Public view of the user called `username`."""
    with session_scope() as s:
        return UserPublic.of(get_user(session=s, username=username))


def get_user_by_id(user_id: int) -> UserPublic:
    """Public view of the user with `user_id`."""
    with session_scope() as s:
        user = s.get(User, user_id)
        if user is None:
            raise NotFoundError(f"No user with id {user_id}")
        return UserPublic.of(user)


def list_users() -> list[UserPublic]:
    """Every user, oldest first."""
    with session_scope() as s:
        return [UserPublic.of(u) for u in s.scalars(select(User).order_by(User.id))]


def account_id(identifier: str) -> int | None:
    """The id of the account a username or email names (None when none does)."""
    subject = identifier.strip().lower()
    if not subject or bad_character(subject):
        return None
    with session_scope() as s:
        return s.scalar(select(User.id).where(or_(func.lower(User.username) == subject, User.email == subject)))


def authenticate(username: str, password: str) -> UserPublic | None:
    """The user when the password matches; None otherwise (same cost either way)."""
    with session_scope() as s:
        user = s.scalars(select(User).where(or_(func.lower(User.username) == username.strip().lower(),
                                                 User.email == username.strip().lower()))).first()
        if user is None:
            check_password(password, _DUMMY_HASH.decode())
            return None
        return UserPublic.of(user) if check_password(password, user.password_hash) else None


def change_password(*, username: str, old: str, new: str, repeat: str | None = None) -> None:
    """Change a password and revoke every existing login cookie."""
    validate_password(new, repeat)
    with session_scope() as s:
        user = get_user(session=s, username=username)
        if not check_password(old, user.password_hash):
            raise ValidationError("Current password is wrong")
        user.password_hash = hash_password(new)
        user.token_version += 1


def revoke_sessions(username: str) -> None:
    """Invalidate the user's login cookies (logout everywhere)."""
    with session_scope() as s:
        get_user(session=s, username=username).token_version += 1


def set_role(username: str, role: str) -> UserPublic:
    """Make a user an admin or a normal user."""
    if role not in ROLES:
        raise ValidationError(f"Role must be one of: {', '.join(ROLES)}")
    with session_scope() as s:
        user = get_user(session=s, username=username)
        user.role = role
        return UserPublic.of(user)


def update_preferences(username: str, **prefs: str) -> UserPublic:
    """Save language, default_provider and fallback_provider."""
    allowed = {"language", "default_provider", "fallback_provider"}
    unknown = set(prefs) - allowed
    if unknown:
        raise ValidationError(f"Unknown preference: {', '.join(sorted(unknown))}")
    if prefs.get("language", "en") not in ("en", "es"):
        raise ValidationError("Language must be 'en' or 'es'")
    if prefs.get("fallback_provider") == "offline":
        # The runs never fall back to the offline engine (core.orchestrator); saying so beats ignoring it.
        raise ValidationError("The Offline engine cannot be a fallback: choose a model provider, or None")
    with session_scope() as s:
        user = get_user(session=s, username=username)
        fallback = prefs.get("fallback_provider", user.fallback_provider)
        changing = {"default_provider", "fallback_provider"} & set(prefs)
        if changing and fallback and fallback == prefs.get("default_provider", user.default_provider):
            raise ValidationError("The fallback provider must differ from the default provider")
        for k, v in prefs.items():
            setattr(user, k, v)
        return UserPublic.of(user)
