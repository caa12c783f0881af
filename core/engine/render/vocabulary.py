"""Data tables of the renderers (loaded once): Spanish labels and domain-like sample values."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

_DATA = Path(__file__).parent / "vocab"


@cache
def load_data(name: str) -> dict:
    """A JSON data file of this package (`labels_es`, `samples`)."""
    return json.loads((_DATA / f"{name}.json").read_text(encoding="utf-8"))


def es_field_label(name: str) -> str | None:
    """The Spanish label of a whole field name, when the table has it."""
    return load_data("labels_es")["fields"].get(name)


def es_word(word: str) -> str | None:
    """The Spanish word for an English identifier word, when the table has it ('' means drop it)."""
    return load_data("labels_es")["words"].get(word)


def es_entity(name: str) -> str | None:
    """The Spanish singular noun phrase for an entity name, when the table has it."""
    return load_data("labels_es")["entities"].get(name)


def choice_label(value: str, language: str) -> str:
    """How an enum value reads in the app's language ('in_progress' -> 'In progress' / 'En curso')."""
    text = load_data("labels_es")["choices"].get(value) if language == "es" else None
    text = text or value.replace("_", " ")
    return text[:1].upper() + text[1:]


def es_event(word: str) -> str | None:
    """The Spanish noun of the event a '<word>_on' / '<word>_at' date records ('spent' -> 'gasto')."""
    return load_data("labels_es")["events"].get(word)
