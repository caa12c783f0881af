"""Factories for test data, through the real core functions."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

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


def all_at_once(n: int, action: Callable[[int], object], refused: type[Exception]) -> list[str]:
    """Run `action(i)` in `n` threads released together; "ok" or "refused" (on `refused`) per thread."""
    barrier, results = threading.Barrier(n), []

    def run(i: int) -> None:
        barrier.wait()
        try:
            action(i)
            results.append("ok")
        except refused:
            results.append("refused")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    return results
