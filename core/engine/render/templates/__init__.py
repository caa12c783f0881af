"""Template files of generated projects; `$name` placeholders are filled with string.Template."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from string import Template

_DIR = Path(__file__).parent


@cache
def load(name: str) -> str:
    """The raw text of a template file."""
    return (_DIR / name).read_text(encoding="utf-8")


def fill(name: str, **values: str) -> str:
    """A template file with its `$placeholders` substituted."""
    return Template(load(name)).substitute(**values)
