"""Hostile generated projects under bubblewrap: each must be contained, reported and leave nothing behind."""

from __future__ import annotations

import json
import re
import secrets
import socket
import sys
import threading
from pathlib import Path

import pytest

from core.config import ROOT
from core.sandbox import Limits, detect_isolation, run_tests
from tests.sandbox.sandbox_helpers import PATIENCE, processes_with, run_until_started, wait_for

_INFO = detect_isolation()
pytestmark = pytest.mark.skipif(_INFO.level != "bubblewrap",
                                reason=f"bubblewrap isolation unavailable here: {_INFO.note}")
# For suites that must end on their own (a limit, a failure): far above their run time even on loaded CI cores.
SLOW_OK = 240


def test_a_hanging_suite_is_stopped_at_the_timeout_and_no_process_survives() -> None:
    token = "hang-" + secrets.token_hex(6)
    test = f"""
import subprocess, time
def test_hang():
    subprocess.Popen([{token!r}, "1000"], executable="/usr/bin/sleep")
    subprocess.Popen([{token!r}, "1000"], executable="/usr/bin/sleep", start_new_session=True)
    time.sleep(1000)
"""
    timeout, run = run_until_started(lambda t: run_tests({"test_hang.py": test}, timeout=t),
                                     lambda: len(processes_with(token)) == 2)
    assert run.ran and run.stopped_reason == "timeout" and run.isolation == "bubblewrap"
    assert timeout <= run.seconds < 500  # stopped by the timeout, not by the 1000 s sleep ending
    assert f"still running after {timeout:g} s" in run.output
    assert wait_for(lambda: not processes_with(token), PATIENCE), processes_with(token)


def test_a_fork_bomb_is_bounded_by_the_process_limit() -> None:
    token = "bomb-" + secrets.token_hex(6)
    # Bounded on purpose: if the limit failed, this makes at most 400 sleeping processes, not a real bomb.
    test = f"""
import os
def test_bomb():
    forked = 0
    for _ in range(400):
        try:
            pid = os.fork()
        except OSError:
            break
        if pid == 0:
            try:
                os.execv("/usr/bin/sleep", [{token!r}, "300"])
            finally:
                os._exit(0)
        forked += 1
    assert False, f"forked {{forked}} children"
"""
    run = run_tests({"test_bomb.py": test}, timeout=SLOW_OK, limits=Limits(processes=32))
    forked = int(re.search(r"forked (\d+) children", run.output).group(1))
    assert 0 < forked < 32
    assert run.failed == 1 and not run.stopped_reason
    assert wait_for(lambda: not processes_with(token), PATIENCE), "children outlived the sandbox"


def test_filling_the_disk_stops_at_the_file_size_limit() -> None:
    test = """
def test_fill():
    with open("big.bin", "wb") as fh:
        for _ in range(200):
            fh.write(b"x" * 1024 * 1024)
"""
    run = run_tests({"test_fill.py": test}, timeout=SLOW_OK, limits=Limits(file_bytes=4 * 1024 * 1024))
    assert run.failed == 1
    assert run.stopped_reason == "file size"
    assert "File too large" in run.output


def test_memory_is_bounded() -> None:
    test = "def test_hog():\n    blob = bytearray(3 * 1024**3)\n    assert blob\n"
    run = run_tests({"test_hog.py": test}, timeout=SLOW_OK, limits=Limits(memory_bytes=1024**3))
    assert run.failed == 1 and run.stopped_reason == "memory"


def test_writes_outside_the_project_never_reach_the_host(tmp_path: Path) -> None:
    token = secrets.token_hex(6)
    site = next(p for p in sys.path if p.endswith("site-packages"))
    targets = [f"/tmp/outside-marker-{token}", str(Path.home() / f"marker-{token}"),
               str(ROOT / f"marker-{token}"), f"{site}/marker-{token}", str(tmp_path / "marker"),
               f"/etc/marker-{token}", f"/usr/marker-{token}"]
    test = f"""
def test_escape():
    for target in {targets!r}:
        try:
            with open(target, "w") as fh:
                fh.write("escaped")
        except OSError:
            pass
    with open("inside.txt", "w") as fh:
        fh.write("fine")
"""
    run = run_tests({"test_escape.py": test}, timeout=SLOW_OK)
    assert run.passed == 1, run.output
    assert [t for t in targets if Path(t).exists()] == []


def test_the_network_is_unreachable_even_on_localhost() -> None:
    accepted: list[bytes] = []
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(5)
        server.settimeout(0.2)
        port = server.getsockname()[1]
        stop = threading.Event()

        def accept() -> None:
            while not stop.is_set():
                try:
                    conn, _ = server.accept()
                except OSError:
                    continue
                with conn:
                    accepted.append(conn.recv(100))

        thread = threading.Thread(target=accept)
        thread.start()
        test = f"""
import socket
def test_call_home():
    with socket.create_connection(("127.0.0.1", {port}), timeout=3) as s:
        s.sendall(b"LEAK")
"""
        try:
            run = run_tests({"test_net.py": test}, timeout=SLOW_OK)
        finally:
            stop.set()
            thread.join()
    assert run.failed == 1 and ("ConnectionRefusedError" in run.output or "OSError" in run.output)
    assert accepted == []


def test_host_secrets_never_reach_the_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret")
    monkeypatch.setenv("DATABASE_URL", "postgresql://app:hunter2-secret@db/prod")
    test = """
import json, os
ALLOWED = {"PATH", "HOME", "LANG", "PYTHONDONTWRITEBYTECODE", "PYTHONHASHSEED", "PYTHONUNBUFFERED", "PWD",
           "PYTEST_CURRENT_TEST", "PYTEST_VERSION"}
def test_env():
    assert set(os.environ) <= ALLOWED, sorted(os.environ)
    assert os.environ["HOME"] == os.getcwd()
    seen = []
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                seen.append(open(f"/proc/{pid}/environ", "rb").read())
            except OSError:
                pass
    blob = b"".join(seen) + json.dumps(dict(os.environ)).encode()
    assert b"sk-test-secret" not in blob
    assert b"hunter2-secret" not in blob
"""
    run = run_tests({"test_env.py": test}, timeout=SLOW_OK)
    assert run.passed == 1, run.output
    assert "sk-test-secret" not in run.output and "hunter2" not in run.output


def test_the_host_filesystem_is_not_visible() -> None:
    from pathlib import PurePosixPath

    from core.sandbox import _python_mounts

    # A venv that lives under /tmp (a CI checkout there) is mounted read-only, so its top folder shows.
    mounted = sorted({PurePosixPath(m).parts[2] for m in _python_mounts() if m.startswith("/tmp/")})
    allowed = [sorted(mounted + extra) for extra in ([], ["pytest-of-sandbox"], ["pytest-of-root"])]
    test = f"""
import os
def test_look():
    assert not os.path.exists({str(ROOT / 'core' / 'config.py')!r})
    assert not os.path.exists("/etc/shadow")
    assert sorted(os.listdir("/tmp")) in {allowed!r}
"""
    run = run_tests({"test_look.py": test}, timeout=SLOW_OK)
    assert run.passed == 1, run.output


def test_isolation_report_is_honest() -> None:
    info = detect_isolation()
    assert info.level == "bubblewrap" and info.bwrap
    assert json.dumps(info.note)


def test_many_files_under_the_size_limit_are_stopped_at_the_disk_limit() -> None:
    # Each file stays under the per-file limit, so only the folder cap stops it (bounded at 400 MB).
    test = """
def test_fill_many():
    for i in range(100):
        with open(f"part{i}.bin", "wb") as fh:
            for _ in range(4):
                fh.write(b"x" * 1024 * 1024)
"""
    run = run_tests({"test_fill_many.py": test}, timeout=SLOW_OK,
                    limits=Limits(file_bytes=8 * 1024 * 1024, disk_bytes=32 * 1024 * 1024))
    assert run.stopped_reason == "disk limit"
    assert "grew past 32 MB" in run.output
    assert not run.succeeded


def test_a_run_that_fills_the_folder_faster_than_a_check_still_broke_the_disk_limit() -> None:
    # 12 MB written at once, under the per-file limit: the run can end before the first periodic check.
    test = """
def test_fill_fast():
    for i in range(3):
        with open(f"chunk{i}.bin", "wb") as fh:
            fh.write(b"x" * 4 * 1024 * 1024)
"""
    run = run_tests({"test_fill_fast.py": test}, timeout=SLOW_OK,
                    limits=Limits(file_bytes=8 * 1024 * 1024, disk_bytes=8 * 1024 * 1024))
    assert run.stopped_reason == "disk limit", run.output[-500:]
    assert "grew past 8 MB" in run.output
    assert not run.succeeded


def test_a_fork_bomb_stopped_by_the_timeout_leaves_no_process_even_for_an_instant() -> None:
    token = "nsbomb-" + secrets.token_hex(6)
    test = f"""
import os
def test_bomb():
    while True:
        try:
            if os.fork() == 0:
                os.execv("/usr/bin/sleep", [{token!r}, "60"])
        except OSError:
            pass
"""
    _, run = run_until_started(lambda t: run_tests({"test_bomb.py": test}, timeout=t, limits=Limits(processes=64)),
                               lambda: bool(processes_with(token)), timeouts=(3.0, 20.0, 60.0))
    assert run.stopped_reason == "timeout"
    assert processes_with(token) == [], "sandbox processes outlived run_tests"


def test_a_suite_that_exits_leaving_a_fork_bomb_behind_leaves_no_process_when_run_tests_returns() -> None:
    # pytest exits normally while its sleeping children still run: bubblewrap's outer process returns at
    # once, and the namespace's processes used to be listed for a moment after run_tests returned.
    test_template = """
import os
def test_bomb():
    for _ in range(400):
        try:
            if os.fork() == 0:
                os.execv("/usr/bin/sleep", [{token!r}, "60"])
        except OSError:
            break
    assert False
"""
    for _ in range(10):  # the window was narrow: several runs, each checked the instant run_tests returns
        token = "leftover-" + secrets.token_hex(6)
        run = run_tests({"test_bomb.py": test_template.format(token=token)}, timeout=60, limits=Limits(processes=32))
        left = processes_with(token)
        assert run.failed == 1 and not run.stopped_reason, run.output
        assert left == [], f"{len(left)} sandbox processes outlived run_tests"
