"""Login helpers the app shell needs: cookie key, signed tokens with revocation, brute-force limits.

The login cookie is HttpOnly (and Secure behind HTTPS): the browser never gets its value in a page.
After a sign-in the page posts a one-minute, single-use grant to our own route (server.py `POST
/session`), whose response sets the cookie; `DELETE /session` clears it; the script reads it
server-side from `st.context.cookies`.

streamlit-authenticator's cookie is a JWT `{username, exp_date}` with no server-side revocation, and
its attempt counter runs only after a correct password. We sign the same JWT shape with one more
claim, `tv` (the user's token_version), and reject it once logout or a password change bumps that
version; failed logins are counted before the password is checked, per account (its username and
email share one count) and per client address.
"""

from __future__ import annotations

import os
import secrets
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
from limits import RateLimitItemPerMinute
from limits.storage import MemoryStorage, Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.config import get_settings
from core.errors import LimitExceededError, NotFoundError
from core.text import check_text
from core.users import UserPublic, account_id, authenticate, find_user

TOO_MANY_ATTEMPTS = "Too many attempts, try again in a minute"
GRANT_SECONDS = 60
_key_lock = threading.Lock()
_limiters: dict[tuple[str, str], MovingWindowRateLimiter] = {}
_redeemed: dict[str, float] = {}  # grant id -> its expiry: each grant sets a cookie once (per process)


@dataclass(frozen=True)
class Claims:
    """What a valid, unrevoked login cookie says."""

    username: str
    token_version: int
    exp_date: float


def get_cookie_key() -> str:
    """The cookie signing key: settings.cookie_key, else one generated once into data_dir/.cookie_key."""
    configured = get_settings().cookie_key
    if configured:
        return configured
    path = Path(get_settings().data_dir) / ".cookie_key"
    with _key_lock:
        if path.is_file():
            return path.read_text(encoding="utf-8").strip()
        path.parent.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        # O_EXCL: two processes starting together must agree on one key.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            return path.read_text(encoding="utf-8").strip()
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(key)
        return key


def issue_token(user: UserPublic, *, key: str | None = None, days: float | None = None) -> tuple[str, datetime]:
    """A signed login cookie value for `user` and its expiry."""
    days = get_settings().cookie_expiry_days if days is None else days
    expires = datetime.now(UTC) + timedelta(days=days)
    payload = {"username": user.username.lower(), "exp_date": expires.timestamp(), "tv": user.token_version}
    return jwt.encode(payload, key or get_cookie_key(), algorithm="HS256"), expires


def issue_grant(user: UserPublic, *, key: str | None = None) -> str:
    """A one-minute, single-use grant the browser exchanges at POST /session for the HttpOnly login cookie."""
    payload = {"grant": user.username.lower(), "tv": user.token_version, "jti": secrets.token_urlsafe(16),
               "exp": int(datetime.now(UTC).timestamp()) + GRANT_SECONDS}
    return jwt.encode(payload, key or get_cookie_key(), algorithm="HS256")


def redeem_grant(grant: str, *, key: str | None = None) -> tuple[str, datetime] | None:
    """The login cookie value and expiry for a valid, unused grant of a user whose sessions stand; else None."""
    try:
        payload = jwt.decode(grant, key or get_cookie_key(), algorithms=["HS256"], options={"require": ["exp"]})
    except jwt.PyJWTError:
        return None
    jti, username = payload.get("jti"), payload.get("grant")
    if not isinstance(jti, str) or not isinstance(username, str):
        return None
    now = datetime.now(UTC).timestamp()
    with _key_lock:
        for old in [k for k, exp in _redeemed.items() if exp < now]:
            del _redeemed[old]
        if jti in _redeemed:
            return None
        _redeemed[jti] = float(payload["exp"])
    try:
        user = find_user(username)
    except NotFoundError:
        return None
    # A logout or password change since the grant was issued revokes it too.
    return issue_token(user, key=key) if payload.get("tv") == user.token_version else None


def decode_token(token: str | None, *, key: str | None = None) -> dict[str, Any] | None:
    """The token's payload when the signature and expiry are good; None otherwise."""
    if not token:
        return None
    try:
        payload = jwt.decode(token, key or get_cookie_key(), algorithms=["HS256"])
    except jwt.PyJWTError:
        return None
    if not isinstance(payload.get("username"), str) or float(payload.get("exp_date", 0)) <= \
            datetime.now(UTC).timestamp():
        return None
    return payload


def verify_token(token: str | None, *, key: str | None = None) -> Claims | None:
    """Claims of a cookie that is signed, unexpired and not revoked (its tv matches the database)."""
    payload = decode_token(token, key=key)
    if payload is None:
        return None
    try:
        user = find_user(payload["username"])
    except NotFoundError:
        return None
    if payload.get("tv") != user.token_version:
        return None
    return Claims(user.username, user.token_version, float(payload["exp_date"]))


def is_revoked(username: str, token_version: int | None) -> bool:
    """True when the session's token_version no longer matches the user's (or the user is gone)."""
    try:
        return find_user(username).token_version != token_version
    except NotFoundError:
        return True


def _attempts() -> RateLimitItemPerMinute:
    return RateLimitItemPerMinute(max(1, get_settings().login_attempts_per_minute))


def _address_attempts() -> RateLimitItemPerMinute:
    return RateLimitItemPerMinute(max(1, get_settings().login_attempts_per_minute_per_address))


def _limiter() -> MovingWindowRateLimiter:
    """Failed-login counts: in this process, or shared by every replica in Redis when REDIS_URL is set."""
    settings = get_settings()
    url = settings.redis_url
    # Installations sharing one Redis (told apart by REDIS_QUEUE) each have their own account ids and
    # addresses: their counts, and a reset of them, must not reach each other's.
    prefix = f"{settings.redis_queue}:login-limits"
    with _key_lock:
        if (url, prefix) not in _limiters:
            storage: Storage = storage_from_string(url, key_prefix=prefix) if url else MemoryStorage()
            _limiters[url, prefix] = MovingWindowRateLimiter(storage)
        return _limiters[url, prefix]


def login(username: str, password: str, *, client: str = "") -> UserPublic | None:
    """Check a password with limits on failures per account and per client address; LimitExceededError once hit."""
    subject = check_text(username.strip(), "Username").lower()
    account = account_id(subject)
    # One count per account whichever identifier names it; unknown names are counted by name.
    counts = [(_attempts(), "account", str(account) if account is not None else f"name:{subject}")]
    if client:
        counts.append((_address_attempts(), "address", client))
    limiter = _limiter()
    if not all(limiter.test(item, "login", *key) for item, *key in counts):
        raise LimitExceededError(TOO_MANY_ATTEMPTS)
    user = authenticate(subject, password) if subject and password else None
    if user is None:
        for item, *key in counts:
            limiter.hit(item, "login", *key)
    return user


def client_address(forwarded_for: str | None, peer: str | None) -> str:
    """Who is logging in, for the per-address limit: the address our proxy saw, else the connection's peer.

    The rightmost X-Forwarded-For entry is the one the nearest proxy appended (a client can only add
    entries to its left); without it, every user behind a proxy would share the proxy's one count.
    """
    hops = [h.strip() for h in (forwarded_for or "").split(",") if h.strip()]
    return (hops[-1] if hops else peer or "local")[:64]


def reset_login_limits() -> None:
    """Forget this installation's failed-login counts (tests)."""
    _limiter().storage.reset()


def credentials_for(users: list[UserPublic]) -> dict[str, Any]:
    """A streamlit-authenticator credentials dict for these users (no password hashes: we check those)."""
    return {"usernames": {
        u.username.lower(): {"email": u.email, "name": u.name, "first_name": u.name.split(" ")[0],
                             "last_name": " ".join(u.name.split(" ")[1:]), "roles": [u.role],
                             "failed_login_attempts": 0, "logged_in": False}
        for u in users}}
