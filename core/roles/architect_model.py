"""The architect on a model that honours JSON schema: a compact plan, normalised, merged with the offline understanding.

The model is asked for the smallest plan that carries its judgement (entity names, field names, which entities each
belongs to) under a JSON schema the server enforces as a grammar, at temperature 0, with one
short worked example. Pretty AppSpec JSON would cost twice the tokens on a CPU. A tolerant normaliser turns the
plan into AppSpec entities (English identifiers, no reserved fields, typed by name), and the merge keeps everything
the offline understanding found (entities the model left out, features, not_built) and adds what the model saw.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from core.spec import _PY_KEYWORDS, RESERVED, FieldSpec

SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "required": ["entities"],
    "properties": {
        "entities": {"type": "array", "minItems": 1, "maxItems": 12, "items": {
            "type": "object", "additionalProperties": False, "required": ["name", "fields", "belongs_to"],
            "properties": {
                "name": {"type": "string", "maxLength": 40},
                "fields": {"type": "array", "maxItems": 10, "items": {"type": "string", "maxLength": 40}},
                "belongs_to": {"type": "array", "maxItems": 4, "items": {"type": "string", "maxLength": 40}},
            }}},
    },
}
RESPONSE_FORMAT = {"type": "json_schema", "json_schema": {"name": "app_plan", "strict": False, "schema": SCHEMA}}
EXAMPLE_REQUEST = "Una biblioteca donde los socios toman prestados libros; cada libro tiene título y autor."
EXAMPLE_ANSWER = ('{"entities":[{"name":"Member","fields":["name","email"],"belongs_to":[]},'
                  '{"name":"Book","fields":["title","author"],"belongs_to":[]},'
                  '{"name":"Loan","fields":["borrowed_on","due_on","returned"],"belongs_to":["Member","Book"]}],'
                  ']}')
SYSTEM = f"""You design the data model of a small web app from a user's request. Answer with JSON only.
- entities: every kind of thing the app stores. Name: singular PascalCase English (translate Spanish).
- fields: snake_case English names of its columns. Never id, created_at, updated_at or *_id columns.
- belongs_to: the entities each row points to. A verb the user does to a thing becomes its own entity:
  rate -> Rating (stars) belonging to User and the thing; favourite/save -> Favourite belonging to both;
  comment -> Comment; book a time -> Booking.
Example request: {EXAMPLE_REQUEST}
Example answer: {EXAMPLE_ANSWER}"""
MAX_ANSWER_TOKENS = 700

_GENERIC = {"App", "Application", "System", "Data", "Platform", "Site", "Website", "Database", "Entity"}
_SPELLING = {"favourite": "favorite", "colour": "color", "catalogue": "catalog"}
# Secrets are not plain columns in a generated CRUD app (it has no password hashing of its own).
_SECRET = {"password", "password_hash", "hashed_password", "token", "api_key", "secret"}
_RENAME = {"type": "kind", "model": "model_name", "class": "class_name", "from": "from_value", "self": "self_value",
           "schema": "schema_name", "fields": "field_list", "metadata": "meta", "session": "session_name"}


@dataclass
class Plan:
    """The model's normalised answer: entities (name -> fields), links (child -> parents), and notes.

    Features are not asked for: measured, the 1.5B model listed nearly every feature for any request; the offline
    understanding detects them from the words of the request, and the merge keeps those.
    """

    fields: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def request_messages(prompt: str) -> tuple[str, str]:
    """(system, user) for the constrained call."""
    return SYSTEM, f"Request: {prompt.strip()}"


def entity_name(raw: str) -> str:
    """'recipe_ratings', 'Order item' -> 'RecipeRating', 'OrderItem' (singular, ASCII, PascalCase)."""
    words = [w for w in re.split(r"[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])", _strip_accents(raw)) if w]
    if not words:
        return ""
    last = words[-1]
    if len(last) > 3 and last.lower().endswith("ies"):
        last = last[:-3] + "y"
    elif len(last) > 3 and last.lower().endswith("s") and not last.lower().endswith(("ss", "us", "is")):
        last = last[:-1]
    words[-1] = last
    name = "".join(w[:1].upper() + w[1:] for w in words)
    return name[:40] if name[:1].isalpha() else ""


def field_name(raw: str) -> str:
    """'Prep Time', 'prepTime' -> 'prep_time'; '' for reserved or unusable names (keywords are renamed)."""
    ascii_ = _strip_accents(raw)
    name = re.sub(r"[^a-z0-9]+", "_", re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", ascii_).lower()).strip("_")[:40]
    if not name or not name[0].isalpha() or name in RESERVED or name in _SECRET:
        return ""
    name = _RENAME.get(name, name)
    return name + "_value" if name in _PY_KEYWORDS else name


def _strip_accents(text: str) -> str:
    import unicodedata

    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def key(name: str) -> str:
    """Comparison key of an entity name: lower-case, US spelling, no plural s."""
    k = re.sub(r"[^a-z0-9]", "", name.lower())
    for uk, us in _SPELLING.items():
        k = k.replace(uk, us)
    return k[:-1] if k.endswith("s") and len(k) > 3 else k


# Field names that are phrases ('insights_for_coaches_and_players', 'how_i_felt'): what a column holds is a noun.
_FRAGMENT = re.compile(r"(^|_)(and|or|for|with|that|which|who|how|what|their|them|they|i|we|you|can|will|"
                       r"should|is|are|the|y|para|con|que|los|las)(_|$)")


def normalise(answer: dict) -> Plan:
    """The model's JSON -> a Plan; tolerant of case, plurals, reserved and *_id fields, unknown links."""
    plan = Plan()
    raw = answer.get("entities")
    if not isinstance(raw, list):
        raise ValueError("the answer has no 'entities' list")
    by_key: dict[str, str] = {}
    for item in raw:
        if not isinstance(item, dict):
            continue
        name = entity_name(str(item.get("name", "")))
        if not name or name in _GENERIC or key(name) in by_key:
            continue
        by_key[key(name)] = name
        plan.fields[name] = [str(f) for f in item.get("fields") or [] if isinstance(f, str)]
        plan.links[name] = [str(t) for t in item.get("belongs_to") or [] if isinstance(t, str)]
    if not plan.fields:
        raise ValueError("the answer names no usable entity")
    for name in list(plan.fields):
        cols: list[str] = []
        for raw_field in plan.fields[name]:
            col = field_name(raw_field)
            if col.endswith("_id") and key(col[:-3].replace("_", "")) in by_key:
                plan.links[name].append(by_key[key(col[:-3].replace("_", ""))])  # user_id -> belongs to User
                continue
            if not col:
                plan.notes.append(f"dropped {name}.{raw_field} (reserved, a secret, or not an identifier)")
            elif _FRAGMENT.search(col) or col.count("_") >= 4:
                plan.notes.append(f"dropped {name}.{col} (a phrase, not a field name)")
            elif col not in cols:
                cols.append(col)
        plan.fields[name] = cols
        targets: list[str] = []
        for raw_target in plan.links[name]:
            target = entity_name(raw_target)
            if not target or key(target) == key(name):
                continue
            if key(target) not in by_key:  # an entity that appears only as a link
                by_key[key(target)] = target
                plan.fields[target], plan.links[target] = ["name"], []
                plan.notes.append(f"added {target}, which {name} belongs to")
            target = by_key[key(target)]
            if target not in targets:
                targets.append(target)
        plan.links[name] = targets
    return plan


def parse(text: str) -> Plan:
    """The Plan in a model answer; ValueError saying what is wrong."""
    try:
        value = json.loads(text[text.find("{"): text.rfind("}") + 1] if "{" in text else text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"the answer is not valid JSON ({exc.msg} at character {exc.pos})") from None
    if not isinstance(value, dict):
        raise ValueError("the answer is not a JSON object")
    return normalise(value)


def typed_field(name: str) -> FieldSpec:
    """A FieldSpec typed from its name alone (the offline understanding types the fields it knows itself)."""
    last = name.rsplit("_", 1)[-1]
    if name in ("stars", "rating", "score") or last == "stars":
        return FieldSpec(name=name, type="int", min=1, max=5)
    if last == "at" or last in ("datetime", "time", "starts", "ends"):
        return FieldSpec(name=name, type="datetime", required=False)
    if last in ("date", "on", "birthday", "deadline", "due"):
        return FieldSpec(name=name, type="date", required=False)
    if last in ("price", "amount", "cost", "total", "salary", "fee", "balance", "budget"):
        return FieldSpec(name=name, type="decimal", min=0)
    if last in ("quantity", "qty", "count", "stock", "capacity", "minutes", "servings", "number", "position", "age"):
        return FieldSpec(name=name, type="int", min=0, required=False)
    if last == "email":
        return FieldSpec(name=name, type="email", unique=name == "email")
    if last in ("url", "website", "link"):
        return FieldSpec(name=name, type="url", required=False)
    if name.startswith(("is_", "has_")) or last in ("done", "active", "returned", "paid", "published"):
        return FieldSpec(name=name, type="bool", required=False)
    if last in ("description", "notes", "body", "content", "text", "instructions", "steps", "bio", "comment"):
        return FieldSpec(name=name, type="text", required=False)
    return FieldSpec(name=name, type="string", max_length=200, required=name in ("name", "title"))
