"""`credits balance|grant|history`."""

from __future__ import annotations

import argparse
import uuid

from core import ledger, users
from core.cli.output import emit
from core.errors import ValidationError
from db.session import session_scope


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `credits` command group."""
    p = sub.add_parser("credits", help="balances and the credits ledger")
    cs = p.add_subparsers(dest="credits_cmd", required=True)
    b = cs.add_parser("balance", help="a user's balance")
    b.add_argument("username")
    b.add_argument("--json", action="store_true")
    b.set_defaults(func=balance)
    g = cs.add_parser("grant", help="add credits to a user")
    g.add_argument("username")
    g.add_argument("amount", type=int)
    g.add_argument("--memo", required=True)
    g.add_argument("--json", action="store_true")
    g.set_defaults(func=grant)
    h = cs.add_parser("history", help="a user's ledger entries, newest first")
    h.add_argument("username")
    h.add_argument("--limit", type=int, default=100)
    h.add_argument("--json", action="store_true")
    h.set_defaults(func=history)


def balance(args: argparse.Namespace) -> int:
    """credits balance USERNAME."""
    u = users.find_user(args.username)
    emit(args, {"username": u.username, "balance": u.balance}, f"{u.balance} credits")
    return 0


def grant(args: argparse.Namespace) -> int:
    """credits grant USERNAME AMOUNT --memo TEXT."""
    if args.amount <= 0:
        raise ValidationError("AMOUNT must be a positive whole number of credits")
    if not args.memo.strip():
        raise ValidationError("--memo must say why the credits are granted")
    ref = f"admin:{uuid.uuid4().hex}"
    with session_scope() as s:
        user = users.get_user(session=s, username=args.username)
        ledger.credit(session=s, user_id=user.id, amount=args.amount, kind="grant", ref=ref, memo=args.memo)
        new = ledger.balance(session=s, user_id=user.id)
    emit(args, {"username": user.username, "granted": args.amount, "balance": new, "ref": ref},
         f"Granted {args.amount} credits to {user.username}; balance {new} credits")
    return 0


def history(args: argparse.Namespace) -> int:
    """credits history USERNAME."""
    with session_scope() as s:
        user = users.get_user(session=s, username=args.username)
        rows = [{"id": e.id, "kind": e.kind, "amount": e.amount, "ref": e.ref, "memo": e.memo,
                 "created_at": e.created_at.isoformat()}
                for e in ledger.history(session=s, user_id=user.id, limit=args.limit)]
    text = "\n".join(f"{r['created_at'][:19]}  {r['kind']:<12} {r['amount']:>+7}  {r['ref']}  {r['memo']}"
                     for r in rows)
    emit(args, rows, text or "No ledger entries.")
    return 0
