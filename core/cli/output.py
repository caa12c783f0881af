"""How every CLI command prints: JSON on stdout with --json, human text otherwise, errors on stderr."""

from __future__ import annotations

import json
import sys
from typing import Any


def emit(args: Any, data: Any, text: str) -> None:
    """Print `data` as one JSON line when --json was given, else `text`."""
    if getattr(args, "json", False):
        print(json.dumps(data, default=str, ensure_ascii=False))
    else:
        print(text)


def fail(args: Any, message: str, code: int) -> int:
    """Report an error (stderr, and a JSON object on stdout with --json) and return its exit code."""
    print(f"error: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"error": message, "exit_code": code}, ensure_ascii=False))
    return code
