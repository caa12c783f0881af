"""The CLI: `python -m core ...`; each command prints JSON with --json and exits non-zero on error."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from core.cli.output import fail
from core.errors import AutocreaError

COMMANDS = ("users", "credits", "db", "generate", "verify", "worker", "model")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every command module."""
    parser = argparse.ArgumentParser(prog="python -m core", description="AUTOCREA command line")
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        importlib.import_module(f"core.cli.{name}").add_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Parse, migrate when needed, run the command and map errors to exit codes."""
    os.environ.setdefault("LOG_LEVEL", "WARNING")  # the CLI prints its own progress; logs only for problems
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command not in ("db", "verify", "model"):
            from db.migrate import upgrade

            upgrade()
        return int(args.func(args))
    except AutocreaError as exc:
        return fail(args, str(exc), exc.exit_code)
    except KeyboardInterrupt:
        return fail(args, "interrupted", 130)


if __name__ == "__main__":
    sys.exit(main())
