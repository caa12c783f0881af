"""The credits ledger on SQLite and PostgreSQL: trial once, atomic charges, idempotent refunds."""

from __future__ import annotations

import threading

import pytest

from core import ledger
from core.errors import InsufficientCreditsError, ValidationError
from db.session import session_scope
from tests.factories import all_at_once, make_user


def _balance_and_sum(user_id: int) -> tuple[int, int]:
    with session_scope() as s:
        return ledger.balance(session=s, user_id=user_id), ledger.ledger_sum(session=s, user_id=user_id)


def test_registration_grants_the_trial_once(any_db: str) -> None:
    user = make_user("bob")
    assert user.balance == 100
    with session_scope() as s:
        assert ledger.credit(session=s, user_id=user.id, amount=100, kind="trial", ref="trial") is False
        kinds = [e.kind for e in ledger.history(session=s, user_id=user.id)]
    assert kinds == ["trial"]
    assert _balance_and_sum(user.id) == (100, 100)


def test_charge_refuses_with_need_and_have(any_db: str) -> None:
    user = make_user("carol")
    with session_scope() as s:
        ledger.charge(session=s, user_id=user.id, amount=80, ref="p1")
    with pytest.raises(InsufficientCreditsError, match="Insufficient credits: need 50, have 20"), session_scope() as s:
        ledger.charge(session=s, user_id=user.id, amount=50, ref="p2")
    assert _balance_and_sum(user.id) == (20, 20)


def test_twenty_concurrent_charges_never_overdraw(any_db: str) -> None:
    user = make_user("dave")

    def attempt(i: int) -> None:
        with session_scope() as s:
            ledger.charge(session=s, user_id=user.id, amount=50, ref=f"job-{i}")

    results = all_at_once(20, attempt, InsufficientCreditsError)
    assert results.count("ok") == 2
    assert results.count("refused") == 18
    assert _balance_and_sum(user.id) == (0, 0)


def test_refund_is_idempotent_even_when_concurrent(any_db: str) -> None:
    user = make_user("erin")
    with session_scope() as s:
        ledger.charge(session=s, user_id=user.id, amount=50, ref="project:x:run:1")
    totals: list[int] = []
    barrier = threading.Barrier(8)

    def attempt() -> None:
        barrier.wait()
        totals.append(ledger.refund_once("project:x:run:1"))

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(totals) == [0] * 7 + [50]
    assert ledger.refund_once("project:x:run:1") == 0
    assert _balance_and_sum(user.id) == (100, 100)


def test_refund_of_unknown_ref_is_zero(any_db: str) -> None:
    make_user("frank")
    assert ledger.refund_once("nothing") == 0


def test_bad_amounts_are_refused(db: str) -> None:
    user = make_user("gina")
    with pytest.raises(ValidationError), session_scope() as s:
        ledger.charge(session=s, user_id=user.id, amount=0, ref="z")
    with pytest.raises(ValidationError), session_scope() as s:
        ledger.credit(session=s, user_id=user.id, amount=-5, kind="grant", ref="z")
    with pytest.raises(ValidationError), session_scope() as s:
        ledger.credit(session=s, user_id=user.id, amount=5, kind="bonus", ref="z")
    assert _balance_and_sum(user.id) == (100, 100)
