"""Model text -> safe {path: content}; every file any role produces passes `check_files`.

Output format the role prompts ask for (one block a file, fence may be longer than three
backticks when the content itself has fences):

    FILE: app/main.py
    ```python
    ...content...
    ```

    DELETE: app/old.py
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from core.errors import UnsafePathError

_HEADER = re.compile(r"^\s*(?:#{1,6}\s*|\*\*)?(FILE|DELETE)\s*:\s*`?([^`*\s]+)`?\**\s*$")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*([\w.+#-]*)\s*$")
_DRIVE = re.compile(r"^[A-Za-z]:")
# Controls, format characters (bidi overrides, zero-width marks, soft hyphens), line/paragraph separators,
# surrogates, private-use and unassigned code points: they make a shown name differ from the real one.
_HIDDEN_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def hidden_character(text: str) -> str | None:
    """The first invisible or control character in `text` as 'U+XXXX', or None."""
    for c in text:
        if unicodedata.category(c) in _HIDDEN_CATEGORIES or (c.isspace() and c != " "):
            return f"U+{ord(c):04X}"
    return None


@dataclass(frozen=True)
class Limits:
    """How many files and bytes a project may hold."""

    max_files: int = 200
    max_file_bytes: int = 1_000_000
    max_project_bytes: int = 5_000_000

    @classmethod
    def from_settings(cls) -> Limits:
        """Limits from core.config settings."""
        from core.config import get_settings

        s = get_settings()
        return cls(s.max_files, s.max_file_bytes, s.max_project_bytes)


@dataclass
class ParsedOutput:
    """Files a model wrote, files it asked to delete, and what we refused or could not read."""

    files: dict[str, str] = field(default_factory=dict)
    deleted: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    truncated: bool = False


def path_problem(path: str) -> str | None:
    """Why `path` is unsafe, or None when it is a clean relative POSIX path."""
    if not path or not path.strip():
        return "empty path"
    if "\x00" in path:
        return "NUL byte in path"
    if "\\" in path:
        return "backslash in path"
    if path.startswith("/") or path.startswith("~"):
        return "absolute path"
    if _DRIVE.match(path):
        return "drive letter in path"
    parts = PurePosixPath(path).parts
    if any(p == ".." for p in path.split("/")):
        return "'..' in path"
    if any(p.lower() == ".git" for p in parts):
        return "'.git' in path"
    hidden = hidden_character(path)
    if hidden:
        return f"invisible or control character in path ({hidden})"
    if len(path) > 255:
        return "path longer than 255 characters"
    return None


def normalise(path: str) -> str:
    """`./a//b.py` -> `a/b.py` (assumes path_problem(path) is None)."""
    return str(PurePosixPath(*[p for p in path.split("/") if p not in ("", ".")]))


def check_files(files: dict[str, str], limits: Limits | None = None) -> dict[str, str]:
    """Return normalised files or raise UnsafePathError naming every problem."""
    limits = limits or Limits.from_settings()
    problems: list[str] = []
    clean: dict[str, str] = {}
    for path, content in files.items():
        reason = path_problem(path)
        if reason:
            problems.append(f"{path!r}: {reason}")
            continue
        size = len(content.encode("utf-8", "surrogatepass"))
        if size > limits.max_file_bytes:
            problems.append(f"{path}: {size} bytes is over the {limits.max_file_bytes}-byte limit per file")
            continue
        clean[normalise(path)] = content
    if len(clean) > limits.max_files:
        problems.append(f"{len(clean)} files is over the limit of {limits.max_files}")
    total = sum(len(c.encode("utf-8", "surrogatepass")) for c in clean.values())
    if total > limits.max_project_bytes:
        problems.append(f"{total} bytes in all is over the project limit of {limits.max_project_bytes}")
    if problems:
        raise UnsafePathError("Refused generated files: " + "; ".join(problems))
    return clean


def parse_files(text: str, limits: Limits | None = None) -> ParsedOutput:
    """Parse model output in the FILE:/DELETE: format; unsafe entries land in `problems`."""
    out = ParsedOutput()
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i])
        if not m:
            i += 1
            continue
        kind, path = m.group(1), m.group(2)
        reason = path_problem(path)
        if kind == "DELETE":
            if reason:
                out.problems.append(f"{path!r}: {reason}")
            else:
                out.deleted.append(normalise(path))
            i += 1
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        fence = _FENCE.match(lines[j]) if j < len(lines) else None
        if not fence:
            out.problems.append(f"{path}: no code block after FILE header")
            i += 1
            continue
        marker = fence.group(1)
        body: list[str] = []
        k = j + 1
        closed = False
        while k < len(lines):
            if lines[k].strip() == marker:
                closed = True
                break
            body.append(lines[k])
            k += 1
        if not closed:
            out.truncated = True
            out.problems.append(f"{path}: output ends inside the file (truncated)")
            break
        if reason:
            out.problems.append(f"{path!r}: {reason}")
        else:
            out.files[normalise(path)] = "\n".join(body) + "\n"
        i = k + 1
    limits = limits or Limits.from_settings()
    try:
        out.files = check_files(out.files, limits)
    except UnsafePathError as exc:
        out.problems.append(str(exc))
        out.files = {}
    return out


def write_files(root: Path, files: dict[str, str]) -> list[Path]:
    """Write checked files under `root`, refusing symlinks and anything that resolves outside it."""
    root = root.resolve()
    root.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for rel, content in check_files(files, Limits(max_files=10**6, max_project_bytes=10**12)).items():
        target = root.joinpath(*rel.split("/"))
        cursor = root
        for part in rel.split("/")[:-1]:
            cursor = cursor / part
            if cursor.is_symlink():
                raise UnsafePathError(f"{rel}: a parent folder is a symlink")
            cursor.mkdir(exist_ok=True)
        if target.is_symlink():
            raise UnsafePathError(f"{rel}: is a symlink")
        if not str(target.resolve()).startswith(str(root) + os.sep):
            raise UnsafePathError(f"{rel}: resolves outside the project")
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o644)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(content)
        written.append(target)
    return written
