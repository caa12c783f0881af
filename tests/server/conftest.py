"""Start the real server (`streamlit run server.py`) on a free port with a temp database."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Server:
    """A running server and the environment it was started with."""

    url: str
    env: dict[str, str]
    log: Path


def free_port() -> int:
    """A TCP port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(tmp: Path, **extra_env: str) -> tuple[subprocess.Popen[bytes], Server]:
    """Run server.py headless on 127.0.0.1 and wait until /_stcore/health answers."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'server.db'}", "DATA_DIR": str(tmp / "data"),
           "COOKIE_KEY": "server-test-cookie-key-0123456789", "PYTHONUNBUFFERED": "1", **extra_env}
    log = tmp / "server.log"
    cmd = [sys.executable, "-m", "streamlit", "run", "server.py", "--server.port", str(port),
           "--server.address", "127.0.0.1", "--server.headless", "true",
           "--browser.gatherUsageStats", "false"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 180  # a loaded CI machine starts Streamlit slowly
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log.read_text()[-4000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=10) as r:
                if r.status == 200:
                    return proc, Server(url, env, log)
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    raise RuntimeError(f"server did not start:\n{log.read_text()[-4000:]}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    """Stop the server and its process group."""
    import signal

    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """One server for the module's tests."""
    proc, srv = start_server(tmp_path_factory.mktemp("server"))
    yield srv
    stop_server(proc)
