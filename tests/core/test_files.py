"""core.files: model output parsing and the path rules every generated file passes."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from core.errors import UnsafePathError
from core.files import Limits, check_files, parse_files, path_problem, write_files

GOOD = """I'll add the endpoint.

FILE: app/main.py
```python
from fastapi import FastAPI

app = FastAPI()
```

**FILE: README.md**
````markdown
# Demo
```bash
make run
```
````

DELETE: app/old.py
"""


def test_parses_files_nested_fences_and_deletions() -> None:
    out = parse_files(GOOD, Limits())
    assert out.files == {
        "app/main.py": "from fastapi import FastAPI\n\napp = FastAPI()\n",
        "README.md": "# Demo\n```bash\nmake run\n```\n",
    }
    assert out.deleted == ["app/old.py"]
    assert out.problems == [] and not out.truncated


@pytest.mark.parametrize(("path", "reason"), [
    ("../etc/passwd", "'..'"),
    ("app/../../x.py", "'..'"),
    ("/etc/passwd", "absolute"),
    ("~/.ssh/id_rsa", "absolute"),
    ("C:/Windows/x", "drive letter"),
    ("app\\main.py", "backslash"),
    ("a\x00b.py", "NUL"),
    (".git/hooks/post-commit", "'.git'"),
    ("sub/.GIT/config", "'.git'"),
    ("", "empty"),
])
def test_hostile_paths_are_refused(path: str, reason: str) -> None:
    assert reason in (path_problem(path) or "")
    out = parse_files(f"FILE: {path}\n```\nx\n```\nFILE: ok.py\n```\ny = 1\n```\n", Limits())
    if path.strip():
        assert "ok.py" in out.files and path not in out.files
        assert out.problems


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u2066", "\u2069", "\u200f", "\u200b", "\ufeff",
                                  "\x7f", "\x1b", "\u00ad"])
def test_invisible_and_bidi_controls_in_paths_are_refused(char: str) -> None:
    path = f"app/evil{char}gnp.py"
    assert "invisible or control character" in (path_problem(path) or "")
    out = parse_files(f"FILE: {path}\n```\nx = 1\n```\nFILE: ok.py\n```\ny = 1\n```\n", Limits())
    assert list(out.files) == ["ok.py"]
    # The refusal names the character by code point, so the message itself cannot be disguised.
    assert f"U+{ord(char):04X}" in out.problems[0]
    with pytest.raises(UnsafePathError):
        check_files({path: "x = 1\n"}, Limits())


def test_ordinary_unicode_names_stay_allowed() -> None:
    assert "U+2028" in (path_problem("a\u2028b.py") or "")  # a line separator would also split the header
    assert path_problem("docs/café menú.md") is None
    assert path_problem("app/日本語.py") is None


def test_truncated_output_is_reported() -> None:
    out = parse_files("FILE: a.py\n```python\nprint(1)\n", Limits())
    assert out.truncated and out.files == {}
    assert "truncated" in out.problems[0]


def test_header_without_block_is_reported() -> None:
    out = parse_files("FILE: a.py\nprint(1)\n", Limits())
    assert out.files == {} and "no code block" in out.problems[0]


def test_limits_on_count_and_size() -> None:
    with pytest.raises(UnsafePathError, match="over the limit of 2"):
        check_files({"a": "1", "b": "2", "c": "3"}, Limits(max_files=2))
    with pytest.raises(UnsafePathError, match="per file"):
        check_files({"a": "x" * 11}, Limits(max_file_bytes=10))
    with pytest.raises(UnsafePathError, match="project limit"):
        check_files({"a": "x" * 8, "b": "y" * 8}, Limits(max_project_bytes=10))
    assert check_files({"./a//b.py": "1"}, Limits()) == {"a/b.py": "1"}


def test_write_files_never_leaves_the_root(tmp_path: Path) -> None:
    root = tmp_path / "proj"
    outside = tmp_path / "outside"
    outside.mkdir()
    root.mkdir()
    os.symlink(outside, root / "link")
    with pytest.raises(UnsafePathError, match="symlink"):
        write_files(root, {"link/evil.py": "x"})
    assert not (outside / "evil.py").exists()
    with pytest.raises(UnsafePathError):
        write_files(root, {"../escape.py": "x"})
    assert not (tmp_path / "escape.py").exists()
    write_files(root, {"app/main.py": "ok\n"})
    assert (root / "app" / "main.py").read_text() == "ok\n"
