"""Helpers shared by the renderers: labels, sample values, search fields."""

from __future__ import annotations

from core.engine.render.vocabulary import es_entity, es_label
from core.engine.understand.lexicon import ENTITY_LABELS_ES
from core.spec import EntitySpec, FieldSpec

SEARCHABLE = {"string", "text", "email"}


def label(name: str, language: str) -> str:
    """Display label for a snake_case field name in the app's language."""
    parts = name.split("_")
    if parts[-1] == "id" and len(parts) > 1:
        parts = parts[:-1]
    if language == "es":
        parts = [es_label(name)]
    text = " ".join(parts)
    return text[:1].upper() + text[1:]


def entity_label(entity: EntitySpec, language: str, plural: bool = True) -> str:
    """Display label for an entity (plural by default) in the app's language."""
    if language == "es" and (entity.name in ENTITY_LABELS_ES or es_entity(entity.name)):
        word = ENTITY_LABELS_ES.get(entity.name) or es_entity(entity.name) or entity.name
        if plural:
            word = spanish_plural(word)
        return word[:1].upper() + word[1:]
    if language == "es":  # an entity no table names: its words translated ('MenuItem' -> 'artículo de menú')
        word = label(entity.var, "es").lower()
        word = spanish_plural(word) if plural else word
        return word[:1].upper() + word[1:]
    text = (entity.plural if plural else entity.var).replace("_", " ")
    return text[:1].upper() + text[1:]


def spanish_plural(phrase: str) -> str:
    """Plural of a Spanish noun phrase: the head noun changes ('línea de pedido' -> 'líneas de pedido')."""
    head, sep, rest = phrase.partition(" ")
    if head.endswith("ión"):
        head = head[:-3] + "iones"
    elif head[-2:] in {"án", "én", "ín", "ón", "ún"}:
        head = head[:-2] + "aeiou"["áéíóú".index(head[-2])] + "nes"  # almacén -> almacenes
    elif head.endswith("z"):
        head = head[:-1] + "ces"
    elif head[-1] in "aeiouéá":
        head += "s"
    else:
        head += "es"
    return head + sep + rest


def search_fields(entity: EntitySpec) -> list[FieldSpec]:
    """Fields the `q` parameter searches."""
    return [f for f in entity.fields if f.type in SEARCHABLE]


def display_field(entity: EntitySpec) -> str:
    """The field that names a row in lists and selects ('id' when there is none)."""
    for f in entity.fields:
        if f.type == "string":
            return f.name
    for f in entity.fields:
        if f.type in SEARCHABLE:
            return f.name
    return "id"


def _clamp(value: float, f: FieldSpec) -> float:
    """Keep a sample inside the field's bounds."""
    if f.min is not None:
        value = max(value, f.min)
    if f.max is not None:
        value = min(value, f.max)
    return value


def sample_int(f: FieldSpec) -> int:
    """A valid integer for `f`."""
    base = 2024 if f.name.endswith("year") else 4 if f.name.endswith(("rating", "stars")) else 3
    return int(_clamp(base, f))


def sample_decimal(f: FieldSpec) -> float:
    """A valid decimal for `f`."""
    return float(_clamp(9.5, f))


def sample_py(f: FieldSpec) -> str:
    """Python source for a valid value of `f`; may use the sequence number `n`."""
    t = f.type
    if t in {"string", "text"}:
        limit = f.max_length or 200
        word = label(f.name, "en")[: max(1, min(30, limit - 7))]
        return f'f"{word} {{n}}"' if limit >= 8 else 'f"{n}"'
    if t == "email":
        return 'f"user{n}@example.com"'
    if t == "url":
        return 'f"https://example.com/{n}"'
    if t == "int":
        return "n" if f.unique and f.max is None else repr(sample_int(f))
    if t == "decimal":
        return repr(sample_decimal(f))
    if t == "bool":
        return "True"
    if t == "date":
        return '"2025-01-15"'
    if t == "datetime":
        return '"2025-01-15T10:30:00"'
    return repr(f.choices[0])


def alt_value(f: FieldSpec) -> object:
    """Another valid value for `f` (for update tests)."""
    t = f.type
    if t in {"string", "text"}:
        return "Updated"[: f.max_length or 200]
    if t == "email":
        return "changed@example.com"
    if t == "url":
        return "https://example.org/changed"
    if t == "int":
        v = sample_int(f)
        return v + 1 if f.max is None or v + 1 <= f.max else v - 1 if f.min is None or v - 1 >= f.min else v
    if t == "decimal":
        v = sample_decimal(f)
        return v + 1 if f.max is None or v + 1 <= f.max else _clamp(v - 1, f)
    if t == "bool":
        return False
    if t == "date":
        return "2025-02-20"
    if t == "datetime":
        return "2025-02-20T09:00:00"
    return f.choices[-1]


def invalid_values(f: FieldSpec) -> list[object]:
    """Values the API must reject with 422."""
    t = f.type
    out: list[object] = []
    if t in {"string", "text"}:
        # The same default limit the schema enforces (render_backend._annotation): 200 for strings, 5000 for text.
        out.append("x" * ((f.max_length or (200 if t == "string" else 5000)) + 1))
        if f.required:
            out.append("   ")
    elif t in {"int", "decimal"}:
        if f.min is not None:
            out.append(int(f.min) - 1 if t == "int" else f.min - 0.5)
        if f.max is not None:
            out.append(int(f.max) + 1 if t == "int" else f.max + 0.5)
        out.append("not-a-number")
    elif t == "email":
        out.append("not-an-email")
    elif t == "url":
        out.append("not a url")
    elif t == "enum":
        out.append("not-a-choice")
    elif t == "date":
        out.append("2025-13-45")
    elif t == "datetime":
        out.append("not-a-time")
    elif t == "bool":
        out.append("maybe")
    elif t == "file":
        out.append("not-an-id")
    return out
