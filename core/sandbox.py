"""Run a generated project's pytest suite with resource limits, isolated by bubblewrap when it works here.

Levels: "bubblewrap" (own network, pid, ipc, uts and mount namespaces; read-only system and Python;
only a copy of the project writable; empty environment) and "limits" (rlimits, a new session whose
process group is killed, scrubbed environment). Policy: untrusted code (model-written, uploaded) runs
only under bubblewrap unless an operator allows less; the offline engine's own output may run with
limits only. Limits are applied by `prlimit` (or core/limits_exec.py), never by `preexec_fn`.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from pydantic import BaseModel

from core import reaper
from core.files import write_files

Level = Literal["bubblewrap", "limits"]
Progress = Callable[[int, int, int], None]  # (passed, failed, errors) so far

SKIP_DIRS = frozenset({".git", ".venv", "venv", "__pycache__", "node_modules", ".pytest_cache", ".ruff_cache"})
OUTPUT_TAIL = 20_000
SANDBOX_PROJECT = "/project"
_LIMITS_EXEC = Path(__file__).with_name("limits_exec.py")
_SANDBOX_LIMITS_EXEC = "/opt/autocrea/limits_exec.py"
_uids = itertools.count(secrets.randbelow(50_000))
_TRIM_NOTE = "[... {n} earlier bytes of output trimmed ...]\n"


@dataclass(frozen=True)
class IsolationInfo:
    """The isolation this machine gives generated code, and why."""

    level: Level
    note: str
    bwrap: str = ""


@dataclass(frozen=True)
class Limits:
    """Resource limits for one test run."""

    cpu_seconds: int = 300
    memory_bytes: int = 2 * 1024**3
    file_bytes: int = 64 * 1024**2
    processes: int = 128
    output_bytes: int = 5 * 1024**2
    tmp_bytes: int = 256 * 1024**2
    disk_bytes: int = 1024**3


class TestRun(BaseModel):
    """What happened when a project's tests ran (or why they did not)."""

    __test__: ClassVar[bool] = False  # not a pytest test class

    passed: int = 0
    failed: int = 0
    errors: int = 0
    output: str = ""
    isolation: str = ""
    seconds: float = 0.0
    stopped_reason: str = ""
    ran: bool = False
    exit_code: int | None = None

    @property
    def succeeded(self) -> bool:
        """True when tests ran to the end, at least one passed and none failed or errored."""
        return self.ran and not self.stopped_reason and self.exit_code == 0 and self.passed > 0 \
            and self.failed == 0 and self.errors == 0

    def summary(self) -> str:
        """`3 passed, 1 failed, 0 errors` plus why it stopped, or why it did not run."""
        if not self.ran:
            return f"not run ({self.stopped_reason})"
        text = f"{self.passed} passed, {self.failed} failed, {self.errors} errors"
        return f"{text} (stopped: {self.stopped_reason})" if self.stopped_reason else text


@functools.cache
def detect_isolation() -> IsolationInfo:
    """Probe bubblewrap once per process by running a real sandboxed self-test."""
    bwrap = shutil.which("bwrap")
    if not bwrap:
        return IsolationInfo("limits", "bwrap not installed (Debian: apt-get install bubblewrap)")
    try:
        problem = _self_test(bwrap)
    except (OSError, subprocess.SubprocessError) as exc:
        problem = f"bwrap self-test could not run: {exc}"
    if problem:
        return IsolationInfo("limits", problem, bwrap)
    who = "an unprivileged uid" if os.geteuid() == 0 else "the current user in a user namespace"
    return IsolationInfo("bubblewrap", f"network, files, environment and processes isolated; tests run as {who}",
                         bwrap)


def run_tests(project: Path | dict[str, str], *, timeout: float = 120, trusted: bool = False,
              allow_unisolated: bool = False, limits: Limits | None = None,
              check: Callable[[], None] | None = None, progress: Progress | None = None) -> TestRun:
    """Copy `project` to a fresh temp dir and run `pytest -q` there under the strongest isolation allowed.

    `check` is called while the tests run; if it raises (a cancel), every process is killed and it propagates.
    `progress(passed, failed, errors)` is called as the counts so far change, from pytest's progress line.
    """
    info = detect_isolation()
    if info.level != "bubblewrap" and not (trusted or allow_unisolated):
        return TestRun(isolation="none", stopped_reason="isolation unavailable", output=(
            f"Tests not run: this code was written by a model or uploaded, and the sandbox is unavailable "
            f"({info.note}). Install bubblewrap, or have an operator set ALLOW_UNISOLATED_MODEL_CODE=true "
            "to run it with resource limits only."))
    limits = limits or Limits()
    with tempfile.TemporaryDirectory(prefix="autocrea-sbx-") as tmp:
        root = Path(tmp)
        workdir = root / "project"
        if isinstance(project, dict):
            write_files(workdir, project)
        else:
            _copy_tree(Path(project), workdir)
        return execute(workdir, level=info.level, timeout=timeout, limits=limits, bwrap=info.bwrap, check=check,
                       progress=progress)


def execute(workdir: Path, *, level: Level, timeout: float, limits: Limits, bwrap: str = "",
            check: Callable[[], None] | None = None, progress: Progress | None = None) -> TestRun:
    """Run pytest in `workdir` (already a private copy) at `level`; used by run_tests and the benchmark."""
    root = workdir.parent
    token = secrets.token_hex(8)
    # --verbosity=-1 is -q, but absolute: a project's `addopts = -q` would otherwise make it -qq, which
    # drops the summary line the counts come from.
    pytest_cmd = [sys.executable, "-m", "pytest", "--verbosity=-1", "-p", "no:cacheprovider"]
    if level == "bubblewrap":
        uid = _sandbox_uid()
        if uid is not None:
            _chown_tree(workdir, uid)
        cmd = _bwrap_command(bwrap or "bwrap", workdir, root, uid, _limit_prefix(limits, sandboxed=True)
                             + pytest_cmd, tmp_bytes=limits.tmp_bytes)
        cwd, env = root, {"PATH": "/usr/bin:/bin"}
    else:
        cmd = _limit_prefix(limits, sandboxed=False) + pytest_cmd
        cwd, env = workdir, {**_inner_env(str(workdir)), "AUTOCREA_SANDBOX_RUN": token}
    out_path = root / "output.log"
    start = time.monotonic()
    stopped = ""
    with open(out_path, "wb") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True, close_fds=True)
        sandbox: list[reaper.Namespace] = []
        watched = _watch(check, out_path, progress)

        def tick() -> None:
            # Note the namespace while bwrap is alive: once it has exited, its init is no longer its child.
            if level == "bubblewrap" and not sandbox:
                sandbox.extend(filter(None, [reaper.find_namespace(proc.pid)]))
            if watched is not None:
                watched()

        try:
            stopped = _wait(proc, out_path, start + timeout, limits.output_bytes, workdir, limits.disk_bytes, tick)
        finally:
            if level == "bubblewrap" and not sandbox:
                sandbox.extend(filter(None, [reaper.find_namespace(proc.pid)]))
            reaper.kill_group(proc)  # also reaps: kill while the leader is a zombie so its pgid cannot be reused
            if level == "limits":
                reaper.kill_marked(token)
            elif sandbox:
                reaper.empty_namespace(sandbox[0])  # returns once the kernel has removed every process in it
    seconds = round(time.monotonic() - start, 3)
    output = _tail(out_path)
    code = proc.returncode
    passed, failed, errors = parse_summary(output)
    if progress is not None:
        progress(passed, failed, errors)  # the final counts, even for a suite quicker than one progress tick
    if not stopped:
        stopped = _limit_hit(code, output)
    if code not in (0, 5) and not (failed or errors) and not stopped:
        errors = 1  # pytest could not start or crashed: never report that as a clean run
    if stopped == "timeout":
        output += f"\n[stopped: tests still running after {timeout:g} s; every process was killed]\n"
    elif stopped == "disk limit":
        output += (f"\n[stopped: the project folder grew past {limits.disk_bytes // 1024**2} MB; "
                   "every process was killed]\n")
    return TestRun(passed=passed, failed=failed, errors=errors, output=output, isolation=level,
                   seconds=seconds, stopped_reason=stopped, ran=True, exit_code=code)


_SUMMARY_LINE = re.compile(r"\bin \d+(?:\.\d+)?s\b")
_COUNT = re.compile(r"(\d+) (passed|failed|errors?)\b")
_PROGRESS = re.compile(r"^([.FEsxX]+)\s*(?:\[\s*\d+%\])?\s*$")


def _watch(check: Callable[[], None] | None, out_path: Path, progress: Progress | None) -> Callable[[], None] | None:
    """`check`, plus a report of the counts so far to `progress` (at most twice a second, only when they change)."""
    if progress is None:
        return check
    state = {"at": 0.0, "counts": (0, 0, 0)}

    def tick() -> None:
        if check is not None:
            check()
        now = time.monotonic()
        if now - state["at"] < 0.5:
            return
        state["at"] = now
        with contextlib.suppress(OSError), open(out_path, "rb") as f:
            f.seek(max(0, out_path.stat().st_size - 65536))
            text = f.read().decode("utf-8", "replace")
            dots = "".join(m.group(1) for m in map(_PROGRESS.match, text.splitlines()) if m)
            counts = (dots.count("."), dots.count("F"), dots.count("E"))
            if counts != state["counts"]:
                state["counts"] = counts
                progress(*counts)

    return tick


def parse_summary(output: str) -> tuple[int, int, int]:
    """(passed, failed, errors) from pytest's summary line, else from its progress dots (e.g. after a timeout)."""
    for line in reversed(output.splitlines()[-40:]):
        text = line.strip("= ")
        if _SUMMARY_LINE.search(text) and (_COUNT.search(text) or "no tests ran" in text):
            counts = {kind.rstrip("s") if kind.startswith("error") else kind: int(n)
                      for n, kind in _COUNT.findall(text)}
            return counts.get("passed", 0), counts.get("failed", 0), counts.get("error", 0)
    progress = "".join(m.group(1) for m in map(_PROGRESS.match, output.splitlines()) if m)
    return progress.count("."), progress.count("F"), progress.count("E")


def _wait(proc: subprocess.Popen[bytes], out_path: Path, deadline: float, max_output: int,
          workdir: Path | None = None, max_disk: int = 0, check: Callable[[], None] | None = None) -> str:
    """Wait for exit without reaping; return a stop reason when the deadline, output or disk cap is hit."""
    delay = 0.01
    next_disk_check = time.monotonic() + 0.25
    while True:
        if check is not None:
            check()  # raises to cancel; the caller's finally kills the group
        if os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT) is not None:
            # A run that filled the folder faster than one check interval still broke the cap.
            return "disk limit" if workdir is not None and max_disk and disk_usage(workdir) > max_disk else ""
        if time.monotonic() >= deadline:
            return "timeout"
        if out_path.stat().st_size > max_output:
            return "output limit"
        if workdir is not None and max_disk and time.monotonic() >= next_disk_check:
            if disk_usage(workdir) > max_disk:
                return "disk limit"
            next_disk_check = time.monotonic() + 0.25
        time.sleep(delay)
        delay = min(delay * 1.5, 0.1)


def disk_usage(folder: Path) -> int:
    """Bytes allocated by the files under `folder` (symlinks not followed; vanishing files ignored)."""
    total = 0
    stack = [str(folder)]
    while stack:
        with contextlib.suppress(OSError), os.scandir(stack.pop()) as entries:
            for entry in entries:
                with contextlib.suppress(OSError):
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
                    else:
                        st = entry.stat(follow_symlinks=False)
                        total += max(st.st_size, st.st_blocks * 512)
    return total


def _limit_hit(code: int | None, output: str) -> str:
    """Name the resource limit that ended or broke the run, if any."""
    if code == -signal.SIGXCPU or (code == -signal.SIGKILL and "SIGXCPU" in output):
        return "cpu time"
    if code == -signal.SIGXFSZ or "[Errno 27] File too large" in output:
        return "file size"
    if code and ("MemoryError" in output or "Cannot allocate memory" in output):
        return "memory"
    return ""


def _tail(path: Path) -> str:
    """The last OUTPUT_TAIL bytes of the run's output, decoded, with a note when trimmed."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        if size > OUTPUT_TAIL:
            fh.seek(size - OUTPUT_TAIL)
        data = fh.read(OUTPUT_TAIL)
    text = data.decode("utf-8", "replace")
    return _TRIM_NOTE.format(n=size - OUTPUT_TAIL) + text if size > OUTPUT_TAIL else text


def _copy_tree(src: Path, dest: Path) -> None:
    """Copy regular files only (no symlinks, no special files, no setuid bits), skipping SKIP_DIRS."""
    if not src.is_dir():
        raise NotADirectoryError(f"{src} is not a folder")
    dest.mkdir(parents=True)
    for folder, dirs, files in os.walk(src, followlinks=False):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS and not os.path.islink(os.path.join(folder, d))]
        target = dest / os.path.relpath(folder, src)
        target.mkdir(exist_ok=True)
        for name in files:
            path = os.path.join(folder, name)
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            shutil.copyfile(path, target / name)
            os.chmod(target / name, 0o755 if os.access(path, os.X_OK) else 0o644)


def _inner_env(home: str) -> dict[str, str]:
    """The whole environment the tests see: nothing of the host's (unbuffered, so progress shows as it happens)."""
    venv_bin = os.path.dirname(sys.executable)
    return {"PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin", "HOME": home, "LANG": "C.UTF-8",
            "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0", "PYTHONUNBUFFERED": "1"}


def _limit_prefix(limits: Limits, *, sandboxed: bool) -> list[str]:
    """prlimit (or our exec wrapper) with the run's limits, ready to prepend to a command."""
    flags = [f"--cpu={limits.cpu_seconds}:{limits.cpu_seconds + 5}", f"--as={limits.memory_bytes}",
             f"--fsize={limits.file_bytes}", f"--nproc={limits.processes}", "--core=0"]
    prlimit = shutil.which("prlimit")
    if prlimit and prlimit.startswith("/usr/"):
        return [prlimit, *flags, "--"]
    wrapper = _SANDBOX_LIMITS_EXEC if sandboxed else str(_LIMITS_EXEC)
    return [sys.executable, "-I", "-S", wrapper, *flags, "--"]


def _sandbox_uid() -> int | None:
    """A fresh unprivileged uid when we are root (rlimits do not bind uid 0); None otherwise."""
    return 200_000 + next(_uids) % 50_000 if os.geteuid() == 0 else None


def _chown_tree(path: Path, uid: int) -> None:
    """Give the sandbox uid the project copy, its only writable folder."""
    for folder, dirs, files in os.walk(path):
        os.lchown(folder, uid, uid)
        for name in dirs + files:
            os.lchown(os.path.join(folder, name), uid, uid)


def _python_mounts() -> list[str]:
    """Folders the interpreter and its packages live in (read-only in the sandbox); never one holding secrets."""
    import site

    from core.config import ROOT

    real = Path(os.path.realpath(sys.executable))
    cands = {Path(p) for p in (sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix)}
    cands |= {real.parent.parent, Path(sys.executable).parent.parent}
    cands |= {Path(p) for p in site.getsitepackages()}
    guarded = {Path("/"), Path.home(), ROOT.resolve()}
    keep = []
    for c in sorted({Path(os.path.realpath(c)) for c in cands if c.exists()} | cands):
        if not c.exists() or c.is_relative_to("/usr") or any(g.is_relative_to(c) for g in guarded):
            continue
        keep.append(c)
    return [str(c) for c in keep if not any(c != o and c.is_relative_to(o) for o in keep)]


def _write_etc(etc: Path, uid: int | None) -> None:
    """A minimal /etc: accounts for the sandbox user, localhost, the loader cache and MIME types."""
    etc.mkdir(exist_ok=True)
    users = "root:x:0:0:root:/root:/bin/sh\n"
    groups = "root:x:0:\n"
    if uid is not None:
        users += f"sandbox:x:{uid}:{uid}:sandbox:{SANDBOX_PROJECT}:/bin/sh\n"
        groups += f"sandbox:x:{uid}:\n"
    (etc / "passwd").write_text(users)
    (etc / "group").write_text(groups)
    (etc / "hosts").write_text("127.0.0.1 localhost\n::1 localhost\n")
    (etc / "nsswitch.conf").write_text("passwd: files\ngroup: files\nhosts: files\n")
    for name in ("ld.so.cache", "localtime", "mime.types"):
        if os.path.isfile(f"/etc/{name}"):
            shutil.copyfile(f"/etc/{name}", etc / name)


def _bwrap_command(bwrap: str, workdir: Path, root: Path, uid: int | None, inner: list[str], *,
                   tmp_bytes: int) -> list[str]:
    """The bwrap argv: read-only system and Python, private /tmp, the project copy as the only writable dir."""
    _write_etc(root / "etc", uid)
    if uid is None:
        cmd = [bwrap, "--unshare-all"]
    else:
        # As root, a user namespace would map uid 0 to 0 and nproc limits never bind uid 0; so take
        # every other namespace and drop to a fresh uid inside with setpriv.
        cmd = [bwrap, "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try",
               "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID"]
    cmd += ["--die-with-parent", "--new-session", "--clearenv", "--ro-bind", "/usr", "/usr"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = f"/{name}"
        if os.path.islink(path):
            cmd += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            cmd += ["--ro-bind", path, path]
    cmd += ["--ro-bind", str(root / "etc"), "/etc", "--proc", "/proc", "--dev", "/dev",
            "--perms", "1777", "--size", str(tmp_bytes), "--tmpfs", "/tmp"]
    mounts = _python_mounts()
    made: set[str] = set()
    for mount in mounts:
        for parent in reversed(Path(mount).parents[:-1]):
            if str(parent) not in made:
                made.add(str(parent))
                cmd += ["--perms", "0755", "--dir", str(parent)]
        cmd += ["--ro-bind", mount, mount]
    if not (shutil.which("prlimit") or "").startswith("/usr/"):
        cmd += ["--ro-bind", str(_LIMITS_EXEC), _SANDBOX_LIMITS_EXEC]
    cmd += ["--bind", str(workdir), SANDBOX_PROJECT, "--chdir", SANDBOX_PROJECT]
    for key, value in _inner_env(SANDBOX_PROJECT).items():
        cmd += ["--setenv", key, value]
    cmd.append("--")
    if uid is not None:
        cmd += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", "--"]
    return cmd + inner


_PROBE = """
import json, os, socket, sys
port, marker, secret = int(sys.argv[1]), sys.argv[2], sys.argv[3]
try:
    socket.create_connection(("127.0.0.1", port), timeout=2).close()
    net = True
except OSError:
    net = False
env = any(secret in v for v in os.environ.values())
procs = sum(1 for p in os.listdir("/proc") if p.isdigit())
print(json.dumps({"net": net, "file": os.path.exists(marker), "env": env, "procs": procs, "uid": os.getuid()}))
"""


def _self_test(bwrap: str) -> str:
    """Run a probe under bwrap; return what failed ("" when isolation holds)."""
    secret = "probe-" + secrets.token_hex(8)
    with tempfile.TemporaryDirectory(prefix="autocrea-probe-") as tmp, socket.socket() as listener:
        root = Path(tmp)
        workdir = root / "project"
        workdir.mkdir()
        marker = root / "host-marker"
        marker.write_text("host only")
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        uid = _sandbox_uid()
        if uid is not None:
            _chown_tree(workdir, uid)
        inner = [sys.executable, "-I", "-c", _PROBE, str(port), str(marker), secret]
        cmd = _bwrap_command(bwrap, workdir, root, uid, _limit_prefix(Limits(), sandboxed=True) + inner,
                             tmp_bytes=Limits().tmp_bytes)
        # The secret is in bwrap's own environment on purpose: --clearenv must keep it out.
        env = {"PATH": "/usr/bin:/bin", "AUTOCREA_PROBE_SECRET": secret}
        proc = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, timeout=30,
                              start_new_session=True)
    if proc.returncode != 0:
        err = (proc.stderr or proc.stdout).strip().splitlines()
        detail = err[-1] if err else f"exit code {proc.returncode}"
        if any(s in detail for s in ("namespace", "uid map", "Operation not permitted", "No permissions")):
            return f"user namespaces not permitted ({detail})"
        return f"bwrap self-test failed ({detail})"
    try:
        seen = json.loads(proc.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return f"bwrap self-test printed no result ({proc.stdout[-200:]!r})"
    leaks = [what for what, bad in (("network", seen["net"]), ("host files", seen["file"]),
                                     ("environment", seen["env"]), ("processes", seen["procs"] > 5),
                                     ("root user", uid is not None and seen["uid"] == 0)) if bad]
    return f"bwrap self-test: sandbox could still reach {', '.join(leaks)}" if leaks else ""
