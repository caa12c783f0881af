"""Factories for test data, through the real core functions."""

from __future__ import annotations

from core import users
from core.users import UserPublic

PASSWORD = "Sup3rSecret!"


def make_user(username: str = "alice", *, role: str = "user", password: str = PASSWORD) -> UserPublic:
    """Register a user (grants the trial) and return it."""
    return users.create_user(username=username, email=f"{username}@example.com", name=username.title(),
                             password=password, repeat=password, role=role)
