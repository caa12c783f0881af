"""Snapshots as git history (hooks never run), push to a bare repository, ZIP entries, diffs."""

from __future__ import annotations

import io
import subprocess
import zipfile
from pathlib import Path

import pytest

from core.errors import UnsafePathError, ValidationError
from core.versions import check_remote, diff_files, export_git, push, zip_bytes

HISTORY = [
    ("architect", "Designed 2 entities", {"README.md": "# Shop\n", "architecture.json": "{}\n"}),
    ("backend", "Wrote 1 backend files", {"README.md": "# Shop\n", "architecture.json": "{}\n",
                                          "app/main.py": "app = 1\n"}),
    ("tester", "3 passed, 0 failed", {"README.md": "# Shop\n", "architecture.json": "{}\n",
                                       "app/main.py": "app = 1\n"}),
]


def _log(repo: Path) -> list[str]:
    out = subprocess.run(["git", "log", "--format=%an|%s", "--reverse"], cwd=repo, capture_output=True, text=True)
    return out.stdout.splitlines()


def test_export_makes_one_commit_per_role(tmp_path: Path) -> None:
    repo = export_git(HISTORY, tmp_path / "repo")
    assert _log(repo) == ["AUTOCREA|architect: Designed 2 entities", "AUTOCREA|backend: Wrote 1 backend files",
                          "AUTOCREA|tester: 3 passed, 0 failed"]
    assert (repo / "app" / "main.py").read_text() == "app = 1\n"


def test_hooks_in_generated_files_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    with pytest.raises(UnsafePathError):
        export_git([("backend", "x", {".git/hooks/pre-commit": f"#!/bin/sh\ntouch {marker}\n"})], tmp_path / "r")
    assert not marker.exists()


def test_push_to_a_local_bare_repository(tmp_path: Path) -> None:
    bare = tmp_path / "remote.git"
    subprocess.run(["git", "init", "-q", "--bare", str(bare)], check=True)
    sha = push(HISTORY, str(bare), allow_local=True)
    out = subprocess.run(["git", "log", "--format=%H", "main"], cwd=bare, capture_output=True, text=True)
    assert out.stdout.split()[0] == sha and len(out.stdout.split()) == 3


def test_remote_urls_are_checked() -> None:
    assert check_remote("https://github.com/o/r.git") == "https://github.com/o/r.git"
    assert check_remote("git@github.com:o/r.git") == "git@github.com:o/r.git"
    for bad in ("", "ext::sh -c touch /tmp/x", "/tmp/local.git", "--upload-pack=evil", "ftp://x/y"):
        with pytest.raises(ValidationError):
            check_remote(bad)


def test_push_failure_never_shows_the_token(tmp_path: Path) -> None:
    with pytest.raises(ValidationError) as info:
        push(HISTORY, str(tmp_path / "missing.git"), token="ghp_supersecrettoken123", allow_local=True)
    assert "ghp_supersecrettoken123" not in str(info.value)


def test_zip_entries_are_relative_and_normalised() -> None:
    data = zip_bytes({"./app//main.py": "x", "architecture.json": "{}"})
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    assert names == ["app/main.py", "architecture.json"]
    with pytest.raises(UnsafePathError):
        zip_bytes({"../evil": "x"})


def test_diff_lists_added_changed_and_removed_files() -> None:
    text = diff_files({"a.py": "1\n", "gone.py": "x\n"}, {"a.py": "2\n", "new.py": "y\n"})
    assert "--- a/a.py" in text and "+2" in text
    assert "+++ b/new.py" in text and "--- a/gone.py" in text and "+++ /dev/null" in text


def test_push_keeps_tokens_out_of_urls_errors_and_plain_http(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="token field"):
        check_remote("https://alice:ghp_inurl0123456789abcdef@github.com/o/r.git")
    with pytest.raises(ValidationError, match="only sent over https") as info:
        push(HISTORY, "http://git.example.com/o/r.git", token="ghp_plainhttp0123456789")
    assert "ghp_plainhttp0123456789" not in str(info.value)
    # A loopback http server may take a token (a local Gitea); a refused connection shows no secret.
    with pytest.raises(ValidationError) as info:
        push(HISTORY, "http://127.0.0.1:9/o/r.git", token="ghp_loopback0123456789")
    assert "ghp_loopback0123456789" not in str(info.value) and "git push failed" in str(info.value)


def test_git_errors_never_repeat_url_credentials() -> None:
    from core.versions import redact_url

    text = "fatal: repository 'https://bob:s3cr3t-t0ken@git.example.com/o/r.git/' not found"
    assert redact_url(text) == "fatal: repository 'https://[redacted]@git.example.com/o/r.git/' not found"
