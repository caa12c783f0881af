"""Credits: an append-only ledger; a user's balance always equals the sum of their entries.

Every movement updates `users.balance` with a conditional UPDATE as the first write of its
transaction (read-then-write loses money under concurrency on SQLite and PostgreSQL alike),
and records the entry in the same transaction. (user, kind, ref) is unique, so a replayed
grant, purchase or refund applies once.
"""

from __future__ import annotations

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.errors import InsufficientCreditsError, NotFoundError, ValidationError
from db.models import LedgerEntry, User
from db.session import session_scope

CREDIT_KINDS = ("grant", "trial", "purchase", "subscription", "refund", "adjustment")
KINDS = (*CREDIT_KINDS, "charge")


def balance(*, session: Session, user_id: int) -> int:
    """The user's current balance."""
    value = session.scalar(select(User.balance).where(User.id == user_id))
    if value is None:
        raise NotFoundError(f"No user with id {user_id}")
    return int(value)


def ledger_sum(*, session: Session, user_id: int) -> int:
    """Sum of the user's entries (equals `balance`)."""
    return int(session.scalar(select(func.coalesce(func.sum(LedgerEntry.amount), 0))
                              .where(LedgerEntry.user_id == user_id)))


def _exists(session: Session, user_id: int, kind: str, ref: str) -> bool:
    q = select(LedgerEntry.id).where(LedgerEntry.user_id == user_id, LedgerEntry.kind == kind,
                                     LedgerEntry.ref == ref)
    return session.scalar(q) is not None


def credit(*, session: Session, user_id: int, amount: int, kind: str, ref: str, memo: str = "") -> bool:
    """Add credits once per (user, kind, ref); False when that ref was already applied."""
    if kind not in CREDIT_KINDS:
        raise ValidationError(f"Unknown credit kind '{kind}'; valid: {', '.join(CREDIT_KINDS)}")
    if kind != "adjustment" and amount <= 0:
        raise ValidationError("Amount must be a positive whole number of credits")
    if _exists(session, user_id, kind, ref):
        return False
    where = [User.id == user_id]
    if amount < 0:
        where.append(User.balance >= -amount)
    result = session.execute(update(User).where(*where).values(balance=User.balance + amount))
    if result.rowcount != 1:
        if amount < 0:
            raise InsufficientCreditsError(-amount, balance(session=session, user_id=user_id))
        raise NotFoundError(f"No user with id {user_id}")
    session.add(LedgerEntry(user_id=user_id, kind=kind, amount=amount, ref=ref, memo=memo))
    session.flush()
    return True


def charge(*, session: Session, user_id: int, amount: int, ref: str, memo: str = "") -> LedgerEntry:
    """Atomic check-and-debit; InsufficientCreditsError("need N, have M") leaves nothing behind."""
    if amount <= 0:
        raise ValidationError("A charge must be a positive whole number of credits")
    result = session.execute(
        update(User).where(User.id == user_id, User.balance >= amount)
        .values(balance=User.balance - amount)
    )
    if result.rowcount != 1:
        have = balance(session=session, user_id=user_id)
        raise InsufficientCreditsError(amount, have)
    entry = LedgerEntry(user_id=user_id, kind="charge", amount=-amount, ref=ref, memo=memo)
    session.add(entry)
    session.flush()
    return entry


def refund(*, session: Session, ref: str, memo: str = "") -> int:
    """Return every unrefunded charge with `ref`; the amount refunded (0 when already done)."""
    charges = session.scalars(select(LedgerEntry).where(LedgerEntry.kind == "charge", LedgerEntry.ref == ref))
    total = 0
    for c in list(charges):
        if credit(session=session, user_id=c.user_id, amount=-c.amount, kind="refund", ref=ref, memo=memo):
            total += -c.amount
    return total


def history(*, session: Session, user_id: int, limit: int = 100) -> list[LedgerEntry]:
    """The user's newest entries first."""
    q = (select(LedgerEntry).where(LedgerEntry.user_id == user_id)
         .order_by(LedgerEntry.id.desc()).limit(limit))
    return list(session.scalars(q))


def refund_once(ref: str, memo: str = "") -> int:
    """Refund `ref` in its own transaction; a concurrent duplicate refund counts as done."""
    try:
        with session_scope() as s:
            return refund(session=s, ref=ref, memo=memo)
    except IntegrityError:
        return 0


def credit_once(*, user_id: int, amount: int, kind: str, ref: str, memo: str = "") -> bool:
    """Credit in its own transaction; a concurrent duplicate (same ref) counts as already applied."""
    try:
        with session_scope() as s:
            return credit(session=s, user_id=user_id, amount=amount, kind=kind, ref=ref, memo=memo)
    except IntegrityError:
        return False
