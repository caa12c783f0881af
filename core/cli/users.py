"""`users create|show|list|set-role`."""

from __future__ import annotations

import argparse
import sys

from core import users
from core.cli.output import emit


def add_parser(sub: argparse._SubParsersAction) -> None:
    """Register the `users` command group."""
    p = sub.add_parser("users", help="create, show and list accounts")
    us = p.add_subparsers(dest="users_cmd", required=True)
    c = us.add_parser("create", help="create an account (grants the free trial)")
    c.add_argument("username")
    c.add_argument("--email", required=True)
    c.add_argument("--name", required=True)
    c.add_argument("--password-stdin", action="store_true", required=True,
                   help="read the password from standard input")
    c.add_argument("--admin", action="store_true")
    c.add_argument("--json", action="store_true")
    c.set_defaults(func=create)
    s = us.add_parser("show", help="id, role and balance of a user")
    s.add_argument("username")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=show)
    ls = us.add_parser("list", help="every user")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=list_)
    r = us.add_parser("set-role", help="make a user an admin or a normal user")
    r.add_argument("username")
    r.add_argument("role", choices=users.ROLES)
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=set_role)


def create(args: argparse.Namespace) -> int:
    """users create USERNAME --email E --name N --password-stdin [--admin]."""
    password = sys.stdin.readline().rstrip("\r\n")
    u = users.create_user(username=args.username, email=args.email, name=args.name, password=password,
                          role="admin" if args.admin else "user")
    emit(args, u.as_dict(), f"Created {u.username} ({u.role}) with {u.balance} credits")
    return 0


def show(args: argparse.Namespace) -> int:
    """users show USERNAME."""
    u = users.find_user(args.username)
    emit(args, u.as_dict(), f"{u.username}  id={u.id}  role={u.role}  balance={u.balance} credits  {u.email}")
    return 0


def list_(args: argparse.Namespace) -> int:
    """users list."""
    rows = users.list_users()
    text = "\n".join(f"{u.id:>5}  {u.username:<24} {u.role:<6} {u.balance:>8} credits  {u.email}"
                     for u in rows)
    emit(args, [u.as_dict() for u in rows], text or "No users yet: create one with `users create`.")
    return 0


def set_role(args: argparse.Namespace) -> int:
    """users set-role USERNAME ROLE."""
    u = users.set_role(args.username, args.role)
    emit(args, u.as_dict(), f"{u.username} is now {u.role}")
    return 0
