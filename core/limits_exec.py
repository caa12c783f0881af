"""Exec wrapper: set resource limits, then exec a command; the fallback when util-linux `prlimit` is missing.

Standalone on purpose (no `core` imports): the sandbox runs it as a file inside bubblewrap, where
AUTOCREA's source is not mounted. Flags mirror prlimit's: `--cpu=SOFT:HARD --as=N --fsize=N --nproc=N
--core=N -- COMMAND ...`. A `preexec_fn` would do the same in the parent, but is unsafe in threaded
programs such as Streamlit.
"""

from __future__ import annotations

import os
import resource
import sys

_RESOURCES = {
    "cpu": resource.RLIMIT_CPU,
    "as": resource.RLIMIT_AS,
    "fsize": resource.RLIMIT_FSIZE,
    "nproc": resource.RLIMIT_NPROC,
    "core": resource.RLIMIT_CORE,
    "nofile": resource.RLIMIT_NOFILE,
}


def parse(argv: list[str]) -> tuple[dict[int, tuple[int, int]], list[str]]:
    """Split `argv` into {resource: (soft, hard)} and the command after `--`."""
    if "--" not in argv:
        raise SystemExit("usage: limits_exec.py --cpu=N[:M] --as=N ... -- COMMAND [ARG...]")
    cut = argv.index("--")
    limits: dict[int, tuple[int, int]] = {}
    for flag in argv[:cut]:
        name, _, value = flag.lstrip("-").partition("=")
        if name not in _RESOURCES or not value:
            raise SystemExit(f"limits_exec.py: unknown or empty limit {flag!r}")
        soft, _, hard = value.partition(":")
        limits[_RESOURCES[name]] = (int(soft), int(hard or soft))
    command = argv[cut + 1:]
    if not command:
        raise SystemExit("limits_exec.py: no command after --")
    return limits, command


def main(argv: list[str]) -> None:
    """Apply the limits to this process and replace it with the command."""
    limits, command = parse(argv)
    for res, (soft, hard) in limits.items():
        resource.setrlimit(res, (soft, hard))
    os.execvp(command[0], command)


if __name__ == "__main__":
    main(sys.argv[1:])
