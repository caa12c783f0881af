"""Helpers for the hostile-suite tests: find processes by a token in their argv."""

from __future__ import annotations

import os
import time


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
