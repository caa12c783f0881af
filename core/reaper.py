"""Ending a sandbox run: every process it started is gone before `run_tests` returns.

Under bubblewrap the tests live in their own pid namespace whose init is bubblewrap's child. bwrap's
outer process returns as soon as the test command exits, while that init (and whatever the tests left
behind: a fork bomb's children) may still be running. The kernel removes every process of a pid
namespace before its init's exit completes, so the namespace is empty exactly when the init is gone.
We therefore note the init while the run is alive, SIGKILL it (and anything else in the namespace)
at the end, and wait until its host pid has disappeared: the orphaned init is reaped by the host's
init (about a second on some hosts), or by us when this process is pid 1 of its container.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import time
from dataclasses import dataclass

from core.logging import get_logger

log = get_logger("autocrea.sandbox")
# Far above what reaping takes; reached only if the host's init never reaps orphans (then we log it).
EMPTY_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Namespace:
    """A sandbox's pid namespace and the host pid (with its start time) of the namespace's init."""

    inode: str
    init_pid: int
    init_start: str


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command name (state first), or None when gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].decode().split()
    except (OSError, IndexError):
        return None


def find_namespace(bwrap_pid: int) -> Namespace | None:
    """The pid namespace bwrap `bwrap_pid` created (its child is the namespace's init), or None."""
    own = os.readlink("/proc/self/ns/pid")
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        fields = _stat(int(entry.name))
        if fields is None or len(fields) < 20 or fields[1] != str(bwrap_pid):
            continue
        with contextlib.suppress(OSError):
            inode = os.readlink(f"/proc/{entry.name}/ns/pid")
            if inode != own:
                return Namespace(inode, int(entry.name), fields[19])
    return None


def _members(namespace: Namespace) -> list[int]:
    """Host pids of the live processes in the namespace (zombies have no readable namespace)."""
    found = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if os.readlink(f"/proc/{entry.name}/ns/pid") == namespace.inode:
                    found.append(int(entry.name))
    return found


def _init_present(namespace: Namespace) -> bool:
    """True while the namespace's init exists, running or as a zombie (its start time rules out pid reuse)."""
    fields = _stat(namespace.init_pid)
    return fields is not None and len(fields) >= 20 and fields[19] == namespace.init_start


def empty_namespace(namespace: Namespace, wait: float = EMPTY_WAIT_SECONDS) -> bool:
    """SIGKILL the namespace's init and members, then wait until the init's pid is gone; False on timeout."""
    deadline = time.monotonic() + wait
    delay = 0.002
    while True:
        present = _init_present(namespace)
        if not present:
            # Gone init, empty namespace (the kernel empties it before the init's exit completes). Never look
            # for members by inode now: a new sandbox's namespace may reuse the inode, and its processes
            # would be killed as ours (seen as another run's bwrap dying with exit 137 in 0.03 s).
            return True
        members = _members(namespace)
        if time.monotonic() >= deadline:
            log.warning("sandbox_namespace_not_empty", init_present=present, members=len(members))
            return False
        for pid in [namespace.init_pid, *members]:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.kill(pid, signal.SIGKILL)
        _reap_if_ours(namespace.init_pid)
        time.sleep(delay)
        delay = min(delay * 2, 0.05)


def _reap_if_ours(pid: int) -> None:
    """Reap the orphaned init when it was re-parented to this process (we are pid 1, e.g. in a container)."""
    fields = _stat(pid)
    if fields is not None and fields[0] == "Z" and fields[1] == str(os.getpid()):
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, os.WNOHANG)


def kill_group(proc: subprocess.Popen[bytes]) -> None:
    """SIGKILL the run's process group, then reap the leader."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()


def kill_marked(token: str) -> None:
    """Kill processes of a limits-only run that left its process group (setsid) but kept its env marker."""
    needle = f"AUTOCREA_SANDBOX_RUN={token}".encode()
    for _ in range(3):
        found = False
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                with open(f"/proc/{entry.name}/environ", "rb") as fh:
                    if needle in fh.read().split(b"\0"):
                        os.kill(int(entry.name), signal.SIGKILL)
                        found = True
            except OSError:
                continue
        if not found:
            return
        time.sleep(0.05)
