"""Helpers for the hostile-suite tests: find processes by a token in their argv."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def processes_with(token: str) -> list[int]:
    """Host pids whose command line contains `token`."""
    found = []
    needle = token.encode()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                if needle in fh.read():
                    found.append(int(entry.name))
        except OSError:
            continue
    return found


def wait_for(predicate, seconds: float) -> bool:
    """Poll `predicate` until it is true or `seconds` pass."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


# Generous on purpose: CI shares two cores with other jobs, so starting or stopping a sandbox can take a minute.
PATIENCE = 120.0
# Timeouts a timeout test tries in turn: the shortest keeps an idle run fast, a longer one follows only when the
# machine was too slow for the hostile suite to even start before the timeout fired.
TIMEOUT_STEPS = (4.0, 20.0, 60.0)


def run_until_started(run: Callable[[float], T], started: Callable[[], bool],
                      timeouts: tuple[float, ...] = TIMEOUT_STEPS) -> tuple[float, T]:
    """Call `run(timeout)` in a thread for each timeout until `started()` was seen true while it ran.

    Returns (timeout used, run's result). Fails if the suite never started, even with the longest timeout.
    """
    for timeout in timeouts:
        result: list[T] = []
        worker = threading.Thread(target=lambda t=timeout, out=result: out.append(run(t)), daemon=True)
        worker.start()
        seen = False
        while worker.is_alive() and not seen:
            seen = started()
            time.sleep(0.05)
        worker.join(timeout + PATIENCE)
        assert result, f"run_tests did not return within {timeout + PATIENCE:g} s of a {timeout:g} s timeout"
        if seen:
            return timeout, result[0]
    raise AssertionError(f"the hostile suite never started, even with a {timeouts[-1]:g} s timeout")
