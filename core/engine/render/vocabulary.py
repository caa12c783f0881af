"""Data tables of the renderers (loaded once): Spanish labels and domain-like sample values."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from core.engine.understand.lexicon import LABELS_ES

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


# Endings of Spanish adjectives: 'precio unitario' keeps its two words, 'línea de factura' gets a 'de'.
_ADJECTIVE = ("ario", "aria", "al", "ado", "ada", "ido", "ida", "ivo", "iva", "ble", "ico", "ica", "ior")


def es_label(name: str) -> str:
    """The Spanish label of a snake_case field name, lower case ('emergency_phone' -> 'teléfono de emergencia').

    English identifiers are translated word by word and put in Spanish order (the head noun first); Spanish
    identifiers ('fecha_inicio', 'linea_factura') keep their order, get their accents and a 'de' between
    two nouns."""
    parts = name.split("_")
    if parts[-1] == "id" and len(parts) > 1:
        parts = parts[:-1]
    whole = es_field_label(name) or LABELS_ES.get(name) or es_field_label("_".join(parts))
    if not whole and len(parts) > 1 and parts[-1] in {"on", "at"} and es_event("_".join(parts[:-1])):
        whole = "fecha de " + es_event("_".join(parts[:-1]))
    if whole:
        return whole
    accents = load_data("labels_es")["accents"]
    words, english = [], False
    for p in parts:
        known = es_word(p) if es_word(p) is not None else LABELS_ES.get(p) or es_event(p)
        english = english or (known is not None and known != p)
        words.append(known if known is not None else accents.get(p, p))
    words = [w for w in words if w]
    if len(words) != 2:
        return " ".join(words)
    first, second = words
    modifier = second.endswith(_ADJECTIVE) or second in {"límite", "tope", "clave"}  # 'fecha límite'
    if (first in {"fecha", "hora"} and not modifier) or (not english and not modifier):
        return f"{first} de {second}"
    if english and first not in {"nombre", "apellido"}:
        return f"{second} de {first}"
    return f"{first} {second}"
