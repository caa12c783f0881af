"""Seed rows of the preview that read like the domain ('Spaghetti carbonara', 'Ana García'), deterministic."""

from __future__ import annotations

import unicodedata

from core.engine.render.common import display_field, entity_label, label, sample_decimal, sample_int
from core.engine.render.plan import account_table, owner_field
from core.engine.render.vocabulary import load_data
from core.engine.understand.lexicon import ENTITY_WORDS_ES, FIELD_WORDS_ES, normalise
from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, snake

ROWS = 4


def _pick(values: list, n: int) -> object:
    """The n-th value (1-based), cycling."""
    return values[(n - 1) % len(values)]


def _slug(text: str) -> str:
    """ASCII lower-case dotted form of a person's name, for sample emails."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return ".".join(plain.lower().split())


def _person(spec: AppSpec, n: int, offset: int) -> str:
    """A person's full name in the app's language."""
    return str(_pick(load_data("samples")["names"][spec.language], n + offset))


def kind_of(e: EntitySpec) -> str:
    """The English entity name the sample tables use ('Dentista' -> 'Dentist', 'Etiqueta' -> 'Tag')."""
    words = normalise(snake(e.name).replace("_", " "))
    return load_data("samples")["aliases"]["entities"].get(words) or ENTITY_WORDS_ES.get(words) or e.name


def field_key(f: FieldSpec) -> str:
    """The English field name the sample tables use ('precio' -> 'price', 'estrellas' -> 'stars')."""
    words = normalise(f.name.replace("_", " "))
    return load_data("samples")["aliases"]["fields"].get(words) or FIELD_WORDS_ES.get(words) or f.name


def _text(spec: AppSpec, e: EntitySpec, f: FieldSpec, n: int, display: str, offset: int) -> str:
    """A string sample for `f` of entity `e`."""
    data, lang, kind, key = load_data("samples"), spec.language, kind_of(e), field_key(f)
    people = kind in data["people"]
    own = data["entities"].get(f"{kind}@{spec.domain}") or data["entities"].get(kind)
    people_words = {snake(p) for p in data["people"]}
    if key.endswith("_name") and key.removesuffix("_name") in people_words | {"full", "contact"}:
        value = _person(spec, n, offset)
    elif f.name == display and own:
        value = str(_pick(own[lang], n))
    elif key in data["fields"]:
        value = str(_pick(data["fields"][key][lang], n + offset))
    elif people and key in {"name", "full_name"} or people and f.name == display:
        value = _person(spec, n, offset)
    elif f.name == display:
        value = f"{entity_label(e, lang, plural=False)} {n}"
    else:
        value = f"{label(f.name, lang)} {n}"
    return value[: f.max_length or 200]


def _number(f: FieldSpec, n: int) -> float | int:
    """A realistic number for `f` within its bounds."""
    table = load_data("samples")["numbers"]
    if field_key(f) in table:
        raw = _pick(table[field_key(f)], n)
    elif f.type == "int":
        raw = sample_int(f) + (n - 1 if f.max is None else 0)
    else:
        raw = round(sample_decimal(f) * n, 2)
    if f.min is not None:
        raw = max(raw, f.min)
    if f.max is not None:
        raw = min(raw, f.max)
    return int(raw) if f.type == "int" else round(float(raw), 2)


def _value(spec: AppSpec, e: EntitySpec, f: FieldSpec, n: int, ctx: dict) -> object:
    """A JSON sample value of one field."""
    t = f.type
    if t in {"string", "text"}:
        return _text(spec, e, f, n, ctx["display"], ctx["offset"])
    if t == "email":
        person = ctx.get("person") or _person(spec, n, ctx["offset"])
        return f"{_slug(person)}@example.com"
    if t == "url":
        return f"https://example.com/{snake(e.name)}/{n}" if f.required else None
    if t in {"int", "decimal"}:
        return _number(f, n)
    if t == "bool":
        return n % 2 == 1
    if t == "date" and "birth" in f.name:
        return f"{1978 + 7 * n}-{1 + (5 * n) % 12:02d}-{3 + 6 * n:02d}"
    if t == "date":
        return f"2026-{9 + (n - 1) % 3:02d}-{5 + 7 * ((n - 1) // 3) % 28:02d}"
    if t == "datetime":
        # Bookings and appointments read as upcoming: one slot per day from January 2027.
        return f"2027-01-{10 + n:02d}T{10 + ctx['hour_shift']:02d}:00"
    if t == "file":
        return None
    return f.choices[(n - 1) % len(f.choices)]


def _account_rows(spec: AppSpec) -> list[dict]:
    """Seed accounts (no password: nobody signs in as them) that own the seeded rows."""
    rows = []
    for n in range(1, ROWS + 1):
        person = _person(spec, n, 0)
        rows.append({"id": n, "name": person, "email": f"{_slug(person)}@example.com", "role": "user"})
    return rows


def sample_rows(spec: AppSpec, count: int = ROWS) -> dict[str, list[dict]]:
    """Seed rows per entity table, linked to their parents, honouring the features' rules."""
    ordering = {fs.entity: fs for fs in spec.uses("ordering")}
    bookings = {fs.entity: fs for fs in spec.uses("booking_slots")}
    rows: dict[str, list[dict]] = {}
    for index, e in enumerate(spec.entities):
        total = count * 2 if e.name in ordering else count
        items: list[dict] = []
        for n in range(1, total + 1):
            ctx: dict = {"display": display_field(e), "offset": index, "hour_shift": 0}
            if kind_of(e) in load_data("samples")["people"]:
                ctx["person"] = _person(spec, n, index)
            row: dict[str, object] = {"id": n}
            for f in e.fields:
                if e.name in bookings and f.name == bookings[e.name].end_field:
                    ctx["hour_shift"] = 1
                row[f.name] = _value(spec, e, f, n, ctx)
                ctx["hour_shift"] = 0
            for r in e.relations:
                if r.kind == "many_to_many":
                    row[r.field] = [1 + (n - 1) % count] + ([1 + n % count] if n % 2 else [])
                else:
                    row[r.field] = ((n - 1) % count) + 1
            owner = owner_field(spec, e)
            if owner and owner not in row:
                row[owner] = ((n - 1) % count) + 1
            items.append(row)
        if e.name in ordering:
            _dense_positions(items, ordering[e.name].field or "position", _parent_field(spec, ordering[e.name]))
        rows[e.table] = items
    if "auth" in spec.features and account_table(spec) not in rows:
        rows[account_table(spec)] = _account_rows(spec)
    return rows


def _parent_field(spec: AppSpec, fs: FeatureSpec) -> str | None:
    """The relation field linking an ordered entity to its parent."""
    entity = spec.entity(fs.entity)
    rel = next((r for r in entity.relations if r.target == fs.target and r.kind == "belongs_to"), None)
    return rel.field if rel else None


def _dense_positions(items: list[dict], field: str, parent: str | None) -> None:
    """Positions 0..n-1 inside each parent."""
    seen: dict[object, int] = {}
    for row in items:
        key = row.get(parent) if parent else None
        row[field] = seen.get(key, 0)
        seen[key] = row[field] + 1
