"""Read-only usage queries (the admin dashboard, a user's credit history) and admin credit grants."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from sqlalchemy import func, select

from core import ledger
from core.errors import PermissionDeniedError, ValidationError
from core.text import check_text
from core.users import UserPublic, find_user
from db.models import LedgerEntry, Project, User
from db.session import session_scope


@dataclass(frozen=True)
class Usage:
    """Headline numbers: users, credits by ledger kind, generations by status and provider."""

    users: int
    admins: int
    credits_by_kind: dict[str, int]
    projects_by_status: dict[str, int]
    projects_by_provider: dict[str, int]

    @property
    def granted(self) -> int:
        """Credits given (trial, grants, purchases, subscriptions, adjustments)."""
        return sum(v for k, v in self.credits_by_kind.items() if k not in ("charge", "refund"))

    @property
    def charged(self) -> int:
        """Credits spent (a positive number)."""
        return -self.credits_by_kind.get("charge", 0)

    @property
    def refunded(self) -> int:
        """Credits returned for failed or cancelled generations."""
        return self.credits_by_kind.get("refund", 0)


@dataclass(frozen=True)
class ProjectRow:
    """One recent project for the dashboard table."""

    id: str
    name: str
    owner: str
    status: str
    provider: str
    credits: int
    created_at: datetime


def _require_admin(actor: str) -> UserPublic:
    user = find_user(actor)
    if user.role != "admin":
        raise PermissionDeniedError("Only administrators can do this")
    return user


def usage() -> Usage:
    """Totals across the whole installation."""
    with session_scope() as s:
        users = s.scalar(select(func.count(User.id))) or 0
        admins = s.scalar(select(func.count(User.id)).where(User.role == "admin")) or 0
        kinds = dict(s.execute(select(LedgerEntry.kind, func.sum(LedgerEntry.amount))
                               .group_by(LedgerEntry.kind)).tuples().all())
        statuses = dict(s.execute(select(Project.status, func.count(Project.id))
                                  .group_by(Project.status)).tuples().all())
        providers = dict(s.execute(select(Project.provider, func.count(Project.id))
                                   .group_by(Project.provider)).tuples().all())
    return Usage(int(users), int(admins), {k: int(v or 0) for k, v in kinds.items()},
                 {k: int(v) for k, v in statuses.items()}, {k: int(v) for k, v in providers.items()})


def credits_by_day(days: int = 30) -> list[tuple[str, str, int]]:
    """(day, kind, credits) for every day of the last `days` (oldest first) and every kind seen in them.

    Amounts are positive (a charge of 50 is 50 charged), and quiet days are zeros, so a chart of one busy
    day and of thirty reads the same way.
    """
    today = datetime.now(UTC).date()
    first = today - timedelta(days=days - 1)
    totals: dict[tuple[str, str], int] = defaultdict(int)
    with session_scope() as s:
        rows = s.execute(select(LedgerEntry.created_at, LedgerEntry.kind, LedgerEntry.amount)
                         .where(LedgerEntry.created_at >= datetime.combine(first, time.min, UTC))).tuples()
        for created, kind, amount in rows:
            totals[(created.strftime("%Y-%m-%d"), kind)] += abs(int(amount))
    kinds = sorted({kind for _, kind in totals})
    dates = [(first + timedelta(days=i)).isoformat() for i in range(days)]
    return [(day, kind, totals.get((day, kind), 0)) for day in dates for kind in kinds]


def recent_projects(limit: int = 20) -> list[ProjectRow]:
    """The newest projects of every user, with what each cost net of refunds."""
    from core.projects import credits_spent

    with session_scope() as s:
        rows = s.execute(select(Project, User.username).join(User, User.id == Project.user_id, isouter=True)
                         .order_by(Project.created_at.desc()).limit(limit)).all()
        found = [(p.id, p.name, name or "—", p.status, p.provider, p.created_at) for p, name in rows]
    return [ProjectRow(pid, pname, owner, status, provider, credits_spent(pid, user_id=None), created)
            for pid, pname, owner, status, provider, created in found]


def list_accounts() -> list[UserPublic]:
    """Every account with its balance, for the dashboard."""
    from core.users import list_users

    return list_users()


def grant_credits(*, actor: str, username: str, amount: int, memo: str) -> int:
    """An admin grants `amount` credits to `username`; returns the new balance."""
    _require_admin(actor)
    if amount <= 0:
        raise ValidationError("Amount must be a positive whole number of credits")
    check_text(memo, "Memo", multiline=True)
    if not memo.strip():
        raise ValidationError("Say why in the memo (it is kept in the ledger)")
    target = find_user(username)
    with session_scope() as s:
        ledger.credit(session=s, user_id=target.id, amount=amount, kind="grant",
                      ref=f"admin:{actor}:{uuid.uuid4().hex[:12]}", memo=memo.strip())
        return ledger.balance(session=s, user_id=target.id)


@dataclass(frozen=True)
class EntryView:
    """One ledger entry as the Billing page shows it."""

    created_at: datetime
    kind: str
    amount: int
    ref: str
    memo: str


def credit_history(user_id: int, limit: int = 100) -> list[EntryView]:
    """A user's own ledger entries, newest first (read-only)."""
    with session_scope() as s:
        return [EntryView(e.created_at, e.kind, int(e.amount), e.ref, e.memo)
                for e in ledger.history(session=s, user_id=user_id, limit=limit)]
