"""Merge the model's plan with the offline understanding: keep all the offline engine found, add what the model saw.

The offline understanding is the base (typed fields, features with their FeatureSpecs, requested, not_built,
theme, language, labels); the model adds entities it left out, fields and links. Every addition is validated on
its own: one that would break the spec (a cycle, a clash of names) is dropped and noted, never the whole design.
"""

from __future__ import annotations

from pydantic import ValidationError as SpecError

from core.roles.architect_model import Plan, key, typed_field
from core.spec import _PY_KEYWORDS, ENTITY_FEATURES, AppSpec, EntitySpec, FieldSpec, RelationSpec, snake

MAX_ENTITIES = 30


def _find(spec: AppSpec, name: str) -> str | None:
    """The entity of `spec` that `name` means: same word, or one name ending the other (OrderItem ~ Item)."""
    k = key(name)
    exact = next((e.name for e in spec.entities if key(e.name) == k), None)
    if exact:
        return exact
    found = next((e.name for e in spec.entities
                  if len(k) >= 4 and len(key(e.name)) >= 4 and (key(e.name).endswith(k) or k.endswith(key(e.name)))),
                 None)
    if found is None and snake(name) in _PY_KEYWORDS:  # "Class" is the offline design's ClassSession, if any
        found = next((e.name for e in spec.entities if key(e.name).startswith(k)), None)
    return found


def _new_fields(name: str, wanted: list[str], spec: AppSpec, linked: bool) -> list[FieldSpec]:
    """Typed fields for an entity the model added: no column that is really an entity or a feature."""
    words = _feature_words(spec) | {key(name)}
    fields = [typed_field(f) for f in wanted if key(f) not in words]
    if key(name) in ("rating", "review", "vote", "score") and not any(f.name == "stars" for f in fields):
        fields.insert(0, typed_field("stars"))
    return fields if fields or linked else [typed_field("name")]  # a join row (Favourite) needs no column


def _reaches(spec: AppSpec, start: str, goal: str) -> bool:
    """True when `start` already belongs (directly or not) to `goal`."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name == goal:
            return True
        if name in seen:
            continue
        seen.add(name)
        todo += [r.target for r in spec.entity(name).relations if r.kind == "belongs_to"]
    return False


def _try(spec: AppSpec, change: dict) -> AppSpec | None:
    """`spec` with `change` applied, or None when the result is not a valid AppSpec."""
    try:
        return AppSpec.model_validate({**spec.model_dump(), **change})
    except SpecError:
        return None


def _feature_words(spec: AppSpec) -> set[str]:
    return {key(f) for f in ENTITY_FEATURES} | {key(e.name) for e in spec.entities} | {
        key(f.rstrip("s")) for f in ENTITY_FEATURES}


def merge(base: AppSpec, plan: Plan) -> tuple[AppSpec, list[str]]:
    """(the merged spec, what the model added or what was dropped, in words)."""
    spec, notes = base, list(plan.notes)
    names: dict[str, str] = {}
    for name in plan.fields:  # entities first, so links can point at any of them
        found = _find(spec, name)
        if found:
            names[name] = found
            continue
        if len(spec.entities) >= MAX_ENTITIES:
            notes.append(f"left out {name}: the design already has {MAX_ENTITIES} entities")
            continue
        new = name
        if snake(name) in _PY_KEYWORDS:
            new = f"{name}Item"
            notes.append(f"renamed {name} to {new} ('{snake(name)}' is reserved in the generated code)")
        entity = EntitySpec(name=new, fields=_new_fields(new, plan.fields[name], spec, bool(plan.links.get(name))))
        merged = _try(spec, {"entities": [*spec.model_dump()["entities"], entity.model_dump()]})
        if merged is None:
            notes.append(f"left out {new}: it clashes with the design")
            continue
        spec, names[name] = merged, new
        notes.append(f"added entity {new}")
    for name, fields in plan.fields.items():
        target = names.get(name)
        if target is None:
            continue
        entity = spec.entity(target)
        have = {f.name for f in entity.fields} | {r.field for r in entity.relations} | {
            snake(r.target) for r in entity.relations}
        words = _feature_words(spec)
        extra = [f for f in fields if f not in have and key(f) not in words]
        if extra:
            spec = _with_entity(spec, target, fields=[*entity.fields, *(typed_field(f) for f in extra)]) or spec
    for child, parents in plan.links.items():
        for parent in parents:
            a, b = names.get(child), names.get(parent)
            if not a or not b or a == b or _reaches(spec, a, b) or _reaches(spec, b, a):
                continue  # already linked (directly or not), or a cycle
            rel = RelationSpec(target=b)
            changed = _with_entity(spec, a, relations=[*spec.entity(a).relations, rel])
            if changed is None:
                notes.append(f"left out the link {a} -> {b}: it clashes with a field")
                continue
            spec = changed
            notes.append(f"linked {a} -> {b}")
    return spec, notes


def _with_entity(spec: AppSpec, name: str, **change: object) -> AppSpec | None:
    entities = [e.model_copy(update=change) if e.name == name else e for e in spec.entities]
    return _try(spec, {"entities": [e.model_dump() for e in entities]})
