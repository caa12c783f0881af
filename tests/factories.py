"""Factories for test data, through the real core functions."""

from __future__ import annotations

import time

from core import projects, users
from core.users import UserPublic

PASSWORD = "Sup3rSecret!"


def make_user(username: str = "alice", *, role: str = "user", password: str = PASSWORD) -> UserPublic:
    """Register a user (grants the trial) and return it."""
    return users.create_user(username=username, email=f"{username}@example.com", name=username.title(),
                             password=password, repeat=password, role=role)


def wait_done(project_id: str, timeout: float = 240) -> projects.ProjectView:
    """Poll the database, as the UI does (fragments do not tick in AppTest), until the run ends."""
    deadline = time.monotonic() + timeout
    view = projects.get_project(project_id, user_id=None)
    while view.active and time.monotonic() < deadline:
        time.sleep(0.2)
        view = projects.get_project(project_id, user_id=None)
    if view.active:
        raise AssertionError(f"project {project_id} still {view.status} after {timeout}s")
    return view
