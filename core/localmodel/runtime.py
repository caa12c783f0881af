"""llama-server as a child process: start on a loopback port, health-check, restart once if it dies, stop.

One `LocalServer` per process (`get_server()`): the app starts it in its lifespan, the CLI starts it on demand and
stops only what it started. When a server already answers on the port (`make run`, or `python -m core model
serve` for split deployments), it is used and never stopped by us.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

from core.localmodel import paths, pins

STATES = ("not_installed", "stopped", "starting", "ready", "failed")


def probe(url: str, timeout: float = 2.0) -> str:
    """'ready' when llama-server at `url` (…/v1) answers /health with ok, 'loading' on 503, '' when nothing does."""
    root = url.rstrip("/").removesuffix("/v1")
    try:
        with urllib.request.urlopen(f"{root}/health", timeout=timeout) as resp:  # noqa: S310 - loopback URL
            body = json.loads(resp.read() or b"{}")
            return "ready" if body.get("status") == "ok" else "loading"
    except urllib.error.HTTPError as exc:
        return "loading" if exc.code == 503 else ""
    except (OSError, ValueError):
        return ""


def amx_workaround() -> list[str]:
    """`-nr` where the CPU advertises AMX: measured in a VM whose kernel does not grant the AMX tile state,
    llama.cpp's AMX kernels crash at the first matrix product (SIGSEGV in ggml_backend_amx_mul_mat); -nr turns off
    the extra buffer types (AMX and weight repacking) and the plain CPU kernels run."""
    return ["-nr"] if "amx_tile" in paths.cpu_flags().split() else []


class LocalServer:
    """The local llama-server this process uses; thread-safe."""

    def __init__(self, *, port: int, threads: int, context: int, external_url: str = "",
                 log_file: Path | None = None, start_timeout: float = 300.0) -> None:
        self.port, self.threads, self.context = port, threads, context
        self.external_url = external_url.rstrip("/")
        self.log_file = log_file
        self.start_timeout = start_timeout
        self.state, self.reason = ("stopped", "") if external_url or paths.installed() else ("not_installed", "")
        self.proc: subprocess.Popen[bytes] | None = None
        self.restarts = 0
        self.request_lock = threading.Lock()
        self._lock = threading.RLock()
        self._stopping = False
        self._watcher: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The OpenAI-compatible base URL (…/v1)."""
        return self.external_url or f"http://127.0.0.1:{self.port}/v1"

    @property
    def owned(self) -> bool:
        """True when this process started the server (and so will stop it)."""
        return self.proc is not None

    def status(self) -> tuple[str, str]:
        """(state, reason): not_installed, stopped, starting, ready or failed."""
        with self._lock:
            if self.state in ("stopped", "failed") and not self.owned and probe(self.url, 1.0) == "ready":
                return "ready", "running outside this process"
            if self.state == "not_installed" and paths.installed():
                self.state = "stopped"
            if self.state == "starting" and probe(self.url, 1.0) == "ready":
                self.state = "ready"
            return self.state, self.reason

    def ensure_running(self, timeout: float | None = None) -> str:
        """Start the server when nothing answers, wait until it is ready; returns the base URL or raises."""
        from core.errors import ProviderError

        deadline = time.monotonic() + (timeout or self.start_timeout)
        with self._lock:
            found = probe(self.url)
            if found == "ready":
                if not self.owned:
                    self.state, self.reason = "ready", ""
                return self.url
            if not found and (self.proc is None or self.proc.poll() is not None):
                if self.state == "failed" and self.restarts >= 1:
                    raise ProviderError("joxcoder_local", f"the local model server stopped twice: {self.reason}")
                if self.external_url:
                    self._fail(f"nothing answers at {self.url}")
                elif not paths.installed():
                    self.state, self.reason = "not_installed", "run `make model` to install it"
                    raise ProviderError("joxcoder_local", "JoxCoder Local is not installed: run `make model`")
                else:
                    self._spawn()
        while time.monotonic() < deadline:
            if self.state == "failed":
                break
            if self.proc is not None and self.proc.poll() is not None and not self._watching():
                self._fail(self._died_reason())
                break
            if probe(self.url) == "ready":
                with self._lock:
                    self.state, self.reason = "ready", ""
                return self.url
            time.sleep(0.25)
        with self._lock:
            if self.state != "failed":
                self._fail(f"not ready after {timeout or self.start_timeout:.0f} s")
            raise ProviderError("joxcoder_local", f"the local model server could not start: {self.reason}")

    def _watching(self) -> bool:
        return self._watcher is not None and self._watcher.is_alive()

    def thread_count(self) -> int:
        """LOCAL_MODEL_THREADS, or auto: every core when the machine is idle, one when it is busy.

        Measured under a load of 15 on 2 cores: -t 2 generated 0.15 tokens/s (its threads wait on each other
        while other processes hold the cores), -t 1 1.35 tokens/s; idle, -t 2 was measured at 33 tokens/s.
        """
        if self.threads > 0:
            return self.threads
        cores = os.cpu_count() or 1
        return 1 if os.getloadavg()[0] >= cores else min(cores, 4)

    def _command(self) -> list[str]:
        return [str(paths.server_binary()), "-m", str(paths.weights_file()), "-a", pins.MODEL_ID,
                "--host", "127.0.0.1", "--port", str(self.port), "-c", str(self.context),
                "-t", str(self.thread_count()), "-np", "1", "--no-webui", *amx_workaround()]

    def _popen(self) -> subprocess.Popen[bytes]:
        """The child in its own process group (so stopping it stops everything it started)."""
        # Passive OpenMP waits: spinning threads starve each other on a shared, busy machine.
        env = {**os.environ, "OMP_WAIT_POLICY": os.environ.get("OMP_WAIT_POLICY", "PASSIVE")}
        if self.log_file is None:
            return subprocess.Popen(self._command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                    stderr=subprocess.STDOUT, start_new_session=True, env=env)
        self.log_file.parent.mkdir(parents=True, exist_ok=True)
        with self.log_file.open("ab") as log:
            return subprocess.Popen(self._command(), stdin=subprocess.DEVNULL, stdout=log,
                                    stderr=subprocess.STDOUT, start_new_session=True, env=env)

    def _spawn(self) -> None:
        self._stopping = False
        self.proc = self._popen()
        self.state, self.reason = "starting", ""
        if not self._watching():
            self._watcher = threading.Thread(target=self._watch, name="llama-server-watch", daemon=True)
            self._watcher.start()

    def _watch(self) -> None:
        """Restart the server once if it dies on its own; after a second death, mark it failed."""
        while True:
            proc = self.proc
            if proc is None:
                return
            code = proc.wait()
            with self._lock:
                if self._stopping or proc is not self.proc:
                    return
                if self.restarts >= 1:
                    self._fail(self._died_reason(code))
                    self.proc = None
                    return
                self.restarts += 1
                self.proc = self._popen()
                self.state, self.reason = "starting", f"restarted once: {self._died_reason(code)}"

    def _died_reason(self, code: int | None = None) -> str:
        code = code if code is not None else (self.proc.returncode if self.proc else None)
        tail = ""
        if self.log_file and self.log_file.is_file():
            lines = self.log_file.read_text(encoding="utf-8", errors="replace").strip().splitlines()
            tail = f"; last log line: {lines[-1][:200]}" if lines else ""
        return f"llama-server exited with code {code}{tail}"

    def _fail(self, reason: str) -> None:
        self.state, self.reason = "failed", reason

    def stop(self) -> None:
        """Stop the server if this process started it (TERM, then KILL after 10 s)."""
        with self._lock:
            self._stopping = True
            proc, self.proc = self.proc, None
            if proc is not None and proc.poll() is None:
                try:
                    os.killpg(proc.pid, signal.SIGTERM)
                    proc.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
                except ProcessLookupError:
                    pass
            if self.state != "not_installed":
                self.state, self.reason = "stopped", ""


_server: LocalServer | None = None
_server_lock = threading.Lock()


def get_server() -> LocalServer:
    """The process-wide LocalServer, from settings."""
    global _server
    from core.config import get_settings

    with _server_lock:
        if _server is None:
            s = get_settings()
            _server = LocalServer(port=s.local_model_port, threads=s.local_model_threads,
                                  context=s.local_model_context, external_url=s.local_model_url,
                                  log_file=s.data_dir / "llama-server.log")
        return _server


def reset_server() -> None:
    """Stop and forget the process-wide server (tests, shutdown)."""
    global _server
    with _server_lock:
        if _server is not None:
            _server.stop()
        _server = None
