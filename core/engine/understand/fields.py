"""Field types from field names: `price` is a decimal >= 0, `email` an email, `due_date` a date, ..."""

from __future__ import annotations

import re

from core.engine.understand.lexicon import FIELD_WORDS_ES, PER_UNITS_ES, ident, normalise
from core.spec import _PY_KEYWORDS, RESERVED, FieldSpec

ENUMS: dict[str, list[str]] = {
    "status": ["todo", "in_progress", "done"],
    "priority": ["low", "medium", "high"],
}
_DECIMAL = {"price", "cost", "amount", "total", "salary", "balance", "budget", "fee", "revenue", "wage",
            "subtotal", "tax", "discount", "limit", "weight", "height", "distance", "rate", "value", "goal", "kg",
            "km", "sqm", "amount_paid", "unit_price", "deposit", "rent", "fine", "donation", "volume"}
_INT = {"quantity", "stock", "count", "qty", "capacity", "seats", "age", "year", "minutes", "hours",
        "seconds", "servings", "calories", "sets", "reps", "bedrooms", "bathrooms", "mileage",
        "pages", "copies", "level_number", "days", "guests", "points", "score", "reorder_level",
        "units", "views", "likes", "step_count", "floor", "duration", "progress", "reps_count", "party_size",
        "size_of_party", "people", "attendees_count", "interval", "table_number", "metres", "meters"}
_BOOL_WORDS = {"done", "completed", "active", "published", "available", "paid", "pinned", "returned",
               "approved", "verified", "featured", "archived", "enabled", "visible", "anonymous", "read",
               "favorite", "favourite", "taken", "resolved", "confirmed", "attended", "achieved", "purchased",
               "delivered", "cancelled", "canceled", "accepted", "collected", "watered", "settled"}
_TEXT = {"description", "body", "content", "notes", "bio", "instructions", "summary", "synopsis", "comment",
         "message", "details", "answer", "diagnosis", "cover_letter", "address_notes", "feedback", "text",
         "biography", "review", "steps", "ingredients_text", "caption"}
_DATE_WORDS = {"date", "birthday", "due", "deadline", "birthdate", "dob", "check_in", "check_out", "expiry",
               "expiration"}
_URL = {"url", "website", "link", "homepage", "image", "photo", "avatar", "resume"}
_RENAME = {"type": "kind", "model": "vehicle_model", "id": "code", "q": "query", "limit": "max_limit",
           "session": "session_name", "metadata": "meta", "schema": "schema_name", "fields": "field_list",
           "from": "origin", "to": "destination", "class": "class_name", "offset": "offset_value",
           "created_at": "created_on", "updated_at": "updated_on", "skip": "skip_value"}


_ES_QUALIFIERS = {"disponible", "disponibles", "maximo", "maxima", "minimo", "minima", "limitado", "limitada",
                  "limitados", "limitadas", "actual", "actuales", "aproximado", "aproximada", "estimado", "estimada"}


_ES_ADJECTIVES = {"comun": "common", "cientifico": "scientific", "publico": "public", "publica": "public",
                  "publicas": "public", "publicos": "public", "medico": "medical", "medica": "medical",
                  "medicas": "medical", "medicos": "medical", "preferido": "preferred", "preferida": "preferred",
                  "medio": "average", "inicial": "initial", "privado": "private",
                  "privada": "private", "privadas": "private", "privados": "private",
                  "anual": "annual", "mensual": "monthly", "semanal": "weekly", "diario": "daily", "diaria": "daily"}
# Spanish puts the adjective after the noun: 'notas publicas' are public_notes ('media', 'principal' are English too)


_DOING = {"setting", "assigning", "tracking", "adding", "creating", "managing", "updating", "recording", "logging",
          "entering", "choosing", "selecting", "specifying", "defining", "storing", "keeping", "uploading"}


def field_ident(raw: str) -> str:
    """A user's field words (EN or ES) -> a valid snake_case identifier."""
    norm = normalise(raw).strip(" .:;-")
    for art in ("the ", "a ", "an ", "el ", "la ", "los ", "las ", "un ", "una ", "su ", "sus ", "its ",
                "their "):
        if norm.startswith(art):
            norm = norm[len(art):]
    words = norm.split()
    if len(words) > 1 and words[0].endswith("ing") and words[0] in _DOING:
        norm = " ".join(words[1:])  # 'setting deadlines', 'assigning priority levels': the field is the noun
        norm = norm[:-1] if norm.endswith("s") and not norm.endswith("ss") else norm
        words = norm.split()
    if len(words) > 1 and words[-1] in _ES_QUALIFIERS:
        norm = " ".join(words[:-1])  # 'plazas disponibles', 'aforo máximo': the field is the noun
    per = re.fullmatch(r"(.+?) por (\w+)", norm)
    if per and per.group(2) in PER_UNITS_ES:  # 'precio por día' -> price_per_day
        return ident(f"{field_ident(per.group(1))} per {PER_UNITS_ES[per.group(2)]}")
    qualified = qualified_es(norm)
    if norm in FIELD_WORDS_ES or norm.replace(" ", " de ", 1) in FIELD_WORDS_ES:
        name = FIELD_WORDS_ES.get(norm) or FIELD_WORDS_ES[norm.replace(" ", " de ", 1)]
    elif qualified:
        name = qualified
    elif len(words := norm.split()) == 2 and words[1] in _ES_ADJECTIVES:  # 'nombre comun' -> common_name
        name = ident(f"{_ES_ADJECTIVES[words[1]]} {field_ident(words[0])}")
    else:
        name = ident(" ".join(FIELD_WORDS_ES.get(w, w) for w in norm.split() if w not in {"de", "del"}))
    if name in {"due", "deadline"}:
        name = "due_date"
    if name == "dates" or name.endswith(("_dates", "_numbers", "_codes")):
        name = name[:-1]  # 'delivery dates', 'batch numbers': each record has its own
    name = _RENAME.get(name, name)
    if name in _PY_KEYWORDS or name in RESERVED:
        name = name + "_value"
    return name


_ES_FIELD_HEADS = {"fecha": "date", "hora": "time", "precio": "price", "nombre": "name", "tipo": "type",
                   "lugar": "place", "coste": "cost", "costo": "cost", "importe": "amount", "duracion": "duration",
                   "direccion": "address", "telefono": "phone", "codigo": "code", "estado": "status", "nivel": "level"}


def qualified_es(norm: str) -> str:
    """'fecha de entrega' -> delivery_date, 'número de cajas' -> box_count, 'hora de recogida' -> pickup_time: a
    Spanish field head qualified by a noun whose English word is known."""
    from core.engine.understand.candidates import spanish_modifier

    m = re.fullmatch(r"(\w+) (?:de|del|de la|de los|de las) (\w+)", norm)
    if m is None or m.group(1) not in {*_ES_FIELD_HEADS, "numero", "cantidad"}:
        return ""
    word = m.group(2)
    stems = [word] + ([word[:-2], word[:-1]] if word.endswith("es") else [word[:-1]] if word.endswith("s") else [])
    english = next((spanish_modifier(w) for w in stems if spanish_modifier(w)), "")
    if not english or " " in english:
        return ""
    if m.group(1) in {"numero", "cantidad"}:
        return ident(f"{english} count") if word.endswith("s") or m.group(1) == "cantidad" else \
            ident(f"{english} number")
    return ident(f"{english} {_ES_FIELD_HEADS[m.group(1)]}")


def infer_field(name: str, *, required: bool | None = None, type_hint: str | None = None) -> FieldSpec:
    """A FieldSpec for `name` with type, bounds and choices guessed from the name (or `type_hint`)."""
    parts = name.split("_")
    last = parts[-1]
    kw: dict = {}
    ftype = type_hint or _guess_type(name, parts, last)
    if ftype == "enum":
        kw["choices"] = _enum_choices(name, last)
    if ftype == "decimal":
        kw["min"] = 0
        if last in {"percentage", "percent"}:
            kw["max"] = 100
    if ftype == "int":
        if last in {"rating", "stars"}:
            kw["min"], kw["max"] = 1, 5
        elif last == "progress":
            kw["min"], kw["max"] = 0, 100
        elif last == "year":
            kw["min"], kw["max"] = 1000, 3000
        else:
            kw["min"] = 0
    if ftype == "string":
        kw["max_length"] = 20 if last in {"phone", "zip", "postcode"} else 200
    if ftype == "text":
        kw["max_length"] = 5000
    if ftype in {"email", "string"} and (last in {"sku", "isbn", "slug", "plate"} or name == "username"):
        kw["unique"] = True
    req = required if required is not None else ftype != "bool" and not _optional_by_default(name, ftype)
    return FieldSpec(name=name, type=ftype, required=req, **kw)


_NOT_DATES_ON = {"based_on", "depends_on", "relies_on", "add_on", "carry_on", "walk_on", "log_on", "plug_on"}


def _guess_type(name: str, parts: list[str], last: str) -> str:
    """The FieldType a name suggests."""
    if name in {"start_time", "end_time", "finish_time", "start", "end", "starts", "ends", "finish"}:
        return "datetime"  # 'naps with start and end times', 'shifts (guard, start, end)': when each began and ended
    if "per" in parts[1:-1]:  # price_per_night is a price, hours_per_week a count
        head = parts[:parts.index("per", 1)]  # 'per_cow_per_milking': the 'per' after the first word
        head_type = _guess_type("_".join(head), head, head[-1])
        if head_type in {"decimal", "int"}:
            return head_type
    if last == "email" or name == "email":
        return "email"
    if name.endswith("_at") or last in {"datetime", "timestamp"} or name in {"clock_in", "clock_out"}:
        return "datetime"
    if last in _DATE_WORDS or name in _DATE_WORDS or name.startswith("date_") or \
            last == "on" and len(parts) > 1 and name not in _NOT_DATES_ON:
        return "date"  # ... 'issued_on', 'lambed_on': the day it happened
    if parts[0] in {"is", "has", "can"} or name in _BOOL_WORDS:
        return "bool"
    if last in {"rating", "stars"}:
        return "int"
    if last in {"percentage", "percent"}:
        return "decimal"
    if last in _DECIMAL or name in _DECIMAL or parts[0] in {"price", "cost", "amount", "salary", "fee"}:
        return "decimal"
    if last in _INT or name in _INT or (len(parts) > 1 and parts[0] in {"num", "number", "total", "nb"}):
        return "int"
    if last in {"attachment", "attachments"} or parts[0] in {"attached", "uploaded", "scanned"} and len(parts) > 1:
        return "file"  # 'the reason and the attached documents': files kept with the record
    if last in _URL or name.endswith("_url"):
        return "url"
    if last in _TEXT or name in _TEXT:
        return "text"
    if name in ENUMS or last in {"status", "priority", "stage", "state"}:
        return "enum"
    return "string"


def _enum_choices(name: str, last: str) -> list[str]:
    """Sensible choices for an enum field."""
    if last in {"stage"}:
        return ["lead", "qualified", "proposal", "won", "lost"]
    return ENUMS.get(name, ENUMS.get(last, ["todo", "in_progress", "done"]))


def _optional_by_default(name: str, ftype: str) -> bool:
    """Secondary details (notes, phone, website...) are optional unless the prompt says otherwise."""
    return ftype in {"text", "url"} and name not in {"content", "body", "instructions", "message"} or name in {
        "phone", "notes", "address", "website", "bio", "image_url", "photo_url"}
