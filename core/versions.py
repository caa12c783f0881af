"""Snapshots (one per finished role), git export and push, ZIP export, diffs."""

from __future__ import annotations

import base64
import difflib
import io
import json
import os
import re
import subprocess
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from core.config import get_settings
from core.errors import ValidationError
from core.files import check_files, normalise, path_problem, write_files
from db.models import Project, Snapshot, new_preview_token, utcnow

AUTHOR = "AUTOCREA <autocrea@users.noreply.autocrea.dev>"
_REMOTE = re.compile(r"^(https?://|ssh://|git@[\w.-]+:)")


def add_snapshot(*, session: Session, project_id: str, role: str, message: str,
                 files: dict[str, str]) -> Snapshot:
    """Record the project's full file set after `role` as the next snapshot."""
    seq = (session.scalar(select(func.max(Snapshot.seq)).where(Snapshot.project_id == project_id)) or 0) + 1
    snap = Snapshot(project_id=project_id, seq=seq, role=role, message=message,
                    files_json=json.dumps(files, ensure_ascii=False, sort_keys=True))
    session.add(snap)
    project = session.get(Project, project_id)
    if project is not None:
        # A new link for each version: a link shared earlier stops showing what came after it.
        project.preview_token = new_preview_token()
        project.preview_expires_at = utcnow() + timedelta(minutes=get_settings().preview_link_minutes)
    session.flush()
    return snap


def get_snapshots(*, session: Session, project_id: str) -> list[Snapshot]:
    """Every snapshot of a project, oldest first."""
    return list(session.scalars(select(Snapshot).where(Snapshot.project_id == project_id)
                                .order_by(Snapshot.seq)))


def snapshot_files(*, session: Session, project_id: str, seq: int | None = None) -> dict[str, str]:
    """Files of snapshot `seq` (default: the newest); {} when there is none."""
    q = select(Snapshot).where(Snapshot.project_id == project_id)
    q = q.where(Snapshot.seq == seq) if seq is not None else q.order_by(Snapshot.seq.desc())
    snap = session.scalars(q.limit(1)).first()
    return json.loads(snap.files_json) if snap else {}


def diff_files(old: dict[str, str], new: dict[str, str]) -> str:
    """A unified diff between two file sets (a/ and b/ prefixes, like git)."""
    chunks: list[str] = []
    for path in sorted(set(old) | set(new)):
        a, b = old.get(path), new.get(path)
        if a == b:
            continue
        chunks.extend(difflib.unified_diff(
            (a or "").splitlines(keepends=True), (b or "").splitlines(keepends=True),
            fromfile=f"a/{path}" if a is not None else "/dev/null",
            tofile=f"b/{path}" if b is not None else "/dev/null",
        ))
        if chunks and not chunks[-1].endswith("\n"):
            chunks.append("\n")
    return "".join(chunks)


def zip_bytes(files: dict[str, str]) -> bytes:
    """A ZIP of the files; every entry is a normalised relative path (unsafe ones are refused)."""
    clean = check_files(files)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(clean):
            info = zipfile.ZipInfo(normalise(path), date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, clean[path])
    return buf.getvalue()


_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]+@")
_LOOPBACK = ("localhost", "127.0.0.1", "::1")


def redact_url(text: str) -> str:
    """Hide the user:password part of every URL in `text`."""
    return _USERINFO.sub(r"\1[redacted]@", text)


def _git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    base = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(repo), "LANG": "C.UTF-8",
            "GIT_CONFIG_NOSYSTEM": "1", "GIT_TERMINAL_PROMPT": "0",
            # Never wait for a host-key or passphrase prompt nobody can answer.
            "GIT_SSH_COMMAND": "ssh -o BatchMode=yes"}
    cmd = ["git", "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", *args]
    try:
        proc = subprocess.run(cmd, cwd=repo, env={**base, **(env or {})}, capture_output=True, text=True,
                              timeout=120)
    except subprocess.TimeoutExpired:  # its message would repeat the command line, remote URL included
        raise ValidationError(f"git {args[0]} did not finish within 120 seconds: check the remote URL") from None
    if proc.returncode != 0:
        raise ValidationError(f"git {args[0]} failed: {redact_url(proc.stderr.strip()[-500:])}")
    return proc.stdout


def export_git(snapshots: list[tuple[str, str, dict[str, str]]], dest: Path) -> Path:
    """Write a git repository at `dest` with one commit per (role, message, files) snapshot."""
    dest.mkdir(parents=True, exist_ok=True)
    _git(dest, "init", "-q", "-b", "main")
    name, email = AUTHOR.split(" <")
    ident = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email.rstrip(">"),
             "GIT_COMMITTER_NAME": name, "GIT_COMMITTER_EMAIL": email.rstrip(">")}
    previous: dict[str, str] = {}
    for role, message, files in snapshots:
        for gone in set(previous) - set(files):
            target = dest.joinpath(*gone.split("/"))
            if target.is_file() and not target.is_symlink():
                target.unlink()
        write_files(dest, files)
        _git(dest, "add", "-A")
        _git(dest, "commit", "-q", "--allow-empty", "-m", f"{role}: {message}", env=ident)
        previous = files
    return dest


def check_remote(url: str, *, allow_local: bool = False) -> str:
    """Refuse remote URLs that are not https, ssh or (when allowed) a local bare repository."""
    url = url.strip()
    if not url:
        raise ValidationError("Enter a git remote URL (https://… or git@host:owner/repo.git)")
    if _REMOTE.match(url) and "::" not in url and not url.startswith("-"):
        if _USERINFO.match(url):
            raise ValidationError("Put the access token in the token field, not in the remote URL")
        return url
    if allow_local and (url.startswith("file://") or (url.startswith("/") and not path_problem(url[1:]))):
        return url
    raise ValidationError("Remote must be an https://, ssh:// or git@host: URL")


def push(snapshots: list[tuple[str, str, dict[str, str]]], url: str, *, token: str = "",
         branch: str = "main", allow_local: bool = False) -> str:
    """Export the history and push it to `url`; the token travels in an env-only header, never logged."""
    url = check_remote(url, allow_local=allow_local)
    parsed = urlsplit(url)
    if token and parsed.scheme == "http" and parsed.hostname not in _LOOPBACK:
        raise ValidationError("An access token is only sent over https://, never plain http://")
    with tempfile.TemporaryDirectory(prefix="autocrea-push-") as tmp:
        repo = export_git(snapshots, Path(tmp) / "repo")
        env: dict[str, str] = {}
        if token:
            basic = base64.b64encode(f"x-access-token:{token}".encode()).decode()
            env = {"GIT_CONFIG_COUNT": "1", "GIT_CONFIG_KEY_0": "http.extraHeader",
                   "GIT_CONFIG_VALUE_0": f"Authorization: Basic {basic}"}
        try:
            _git(repo, "push", "-q", url, f"HEAD:refs/heads/{branch}", env=env)
        except ValidationError as exc:
            message = str(exc).replace(token, "[redacted]") if token else str(exc)
            raise ValidationError(message) from None
        return _git(repo, "rev-parse", "HEAD").strip()
