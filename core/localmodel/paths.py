"""Where JoxCoder Local lives: a per-user cache outside the checkout, keyed by version and hash."""

from __future__ import annotations

import hashlib
import os
import platform
from functools import lru_cache
from pathlib import Path

from core.localmodel import pins


def model_dir() -> Path:
    """MODEL_DIR, else ~/.cache/autocrea (XDG_CACHE_HOME respected)."""
    explicit = os.environ.get("MODEL_DIR", "").strip()
    if not explicit:
        from core.config import get_settings

        explicit = get_settings().model_dir.strip()
    if explicit:
        return Path(explicit).expanduser()
    cache = os.environ.get("XDG_CACHE_HOME", "").strip() or str(Path.home() / ".cache")
    return Path(cache) / "autocrea"


@lru_cache(maxsize=1)
def cpu_flags() -> str:
    """This CPU's feature flags line from /proc/cpuinfo ('' where there is none)."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return next((line for line in text.splitlines() if line.startswith(("flags", "Features"))), "")


def cpu_key() -> str:
    """A short hash of this CPU's feature flags: the server is built for the host's CPU features."""
    return hashlib.sha256(cpu_flags().encode()).hexdigest()[:8]


def weights_dir() -> Path:
    """The folder of the verified weights (with their NOTICE and licence)."""
    key = f"qwen2.5-coder-1.5b-instruct-q4_k_m-{pins.WEIGHTS_VERSION}-{pins.WEIGHTS_SHA256[:12]}"
    return model_dir() / "weights" / key


def weights_file() -> Path:
    """The GGUF file."""
    return weights_dir() / pins.WEIGHTS_FILE


def server_dir() -> Path:
    """The folder of the built llama-server, keyed by sdist version and hash, CPU features and build flags."""
    flags = hashlib.sha256(" ".join(pins.cmake_flags(platform.machine())).encode()).hexdigest()[:6]
    key = f"llama.cpp-{pins.LLAMA_VERSION}-{pins.LLAMA_SDIST_SHA256[:12]}-cpu{cpu_key()}-b{flags}"
    return model_dir() / "llama-server" / key


def server_binary() -> Path:
    """The llama-server executable."""
    return server_dir() / "llama-server"


def installed() -> bool:
    """True when both the weights and the server are in the cache."""
    return weights_file().is_file() and server_binary().is_file()


def missing() -> list[str]:
    """What is not installed yet, in words."""
    out = []
    if not weights_file().is_file():
        out.append(f"the weights ({weights_file()})")
    if not server_binary().is_file():
        out.append(f"llama-server ({server_binary()})")
    return out
