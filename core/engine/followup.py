"""Follow-up instructions (EN/ES) on an existing AppSpec: fields, entities, features and theme."""

from __future__ import annotations

import re

from core.engine.followup_features import FEATURE_WORDS, add_feature, wants_feature
from core.engine.understand.extract import _fieldish, extract
from core.engine.understand.fields import field_ident, infer_field
from core.engine.understand.infer import FEATURE_PATTERNS, _default_entity, _link, _topological, entity_library
from core.engine.understand.lexicon import PER_UNITS_ES, entity_for, normalise, singular
from core.engine.understand.style import has_style, infer_theme
from core.errors import ValidationError
from core.spec import AppSpec, EntitySpec, pluralize, snake

_ADD = r"(?:add|adds|include|create|put|give|anade|anadir|agrega|agregar|incluye|incluir|crea|crear|pon|poner|mete)"
_REMOVE = (r"(?:remove|delete|drop|get rid of|take out|quita|quitar|elimina|eliminar|borra|borrar|saca|"
           r"disable|desactiva|turn off)")
_ENABLE = (r"(?:add|enable|include|turn on|activate|want|accept|allow|support|let|anade|agrega|activa|incluye|"
           r"habilita|quiero|pon|acepta|aceptar|permite|permitir|with|con)")
_FILLER = {"a", "an", "the", "new", "un", "una", "el", "la", "los", "las", "field", "fields", "campo", "campos",
           "column", "columna", "attribute", "atributo", "nuevo", "nueva", "property", "propiedad", "called",
           "named", "llamado", "llamada", "also", "tambien", "please", "por", "favor", "of", "type", "tipo",
           "de", "entity", "entidad", "table", "tabla", "model", "modelo", "each", "cada", "all", "todos", "todas"}
_PREPS = {"to", "into", "on", "for", "a", "en", "para", "al"}
_FROM = {"from", "de", "del", "in", "en"}
_TYPES = {"string": "string", "text": "text", "texto": "text", "int": "int", "integer": "int", "entero": "int",
          "number": "decimal", "numero": "decimal", "decimal": "decimal", "bool": "bool", "boolean": "bool",
          "checkbox": "bool", "email": "email", "url": "url", "link": "url", "datetime": "datetime",
          "timestamp": "datetime", "date": "date", "fecha": "date"}
_HELP = ("Try for example: 'add a priority field to tasks', 'add a due_date date to tasks', 'remove the notes "
         "field from tasks', 'add categories to products', 'add search', 'add a dashboard', 'add tags to tasks', "
         "'let users favourite tasks', 'only the owner can edit a task', 'make it dark', "
         "'use green as the primary colour' (or the same in Spanish).")


def _resolve(spec: AppSpec, words: list[str]) -> EntitySpec | None:
    """The spec entity named by these words ('tasks', 'las tareas', 'order items')."""
    words = [w for w in words if w not in _FILLER]
    if not words:
        return None
    joined = "_".join(words)
    for e in spec.entities:
        if joined in {e.table, e.var, snake(e.name)} or singular(joined) == e.var:
            return e
    canon = entity_for(words[-1]) or entity_for(joined)
    return next((e for e in spec.entities if e.name == canon), None)


def _split(words: list[str], preps: set[str], spec: AppSpec) -> tuple[list[str], EntitySpec] | None:
    """Split '<head> to <entity>' at the last preposition whose tail names a spec entity."""
    for i in range(len(words) - 1, 0, -1):
        if words[i] in preps:
            target = _resolve(spec, words[i + 1:])
            if target is not None:
                return words[:i], target
    return None


def _field_from(head: list[str]) -> tuple[str, str | None]:
    """'due_date date' -> ('due_date', 'date'); 'un campo prioridad' -> ('priority', None)."""
    words = [w for i, w in enumerate(head) if w not in _FILLER  # 'precio por noche' keeps its 'por'
             or w == "por" and i + 1 < len(head) and head[i + 1] in PER_UNITS_ES]
    if not words:
        raise ValidationError("Which field? " + _HELP)
    type_hint = None
    if len(words) > 1 and words[-1] in _TYPES:
        t = _TYPES[words[-1]]
        rest = " ".join(words[:-1])
        if t in {"date", "datetime"} and t.split("time")[0] not in rest and "fecha" not in rest:
            type_hint = t  # 'due date' is one name: keep the whole phrase
            return field_ident(" ".join(words)), type_hint
        type_hint, words = t, words[:-1]
    return field_ident(" ".join(words)), type_hint


def apply_followup(spec: AppSpec, instruction: str) -> tuple[AppSpec, str]:
    """Apply one follow-up instruction; returns the new spec and a one-line summary."""
    text = normalise(instruction).strip(" .!?")
    if not text:
        raise ValidationError("The instruction is empty. " + _HELP)
    new = spec.model_copy(deep=True)
    words = re.findall(r"[a-z0-9_]+", text)
    removing = bool(re.match(rf"^(?:please )?{_REMOVE}\b", text))
    adding = bool(re.match(rf"^(?:please |also |tambien )?{_ADD}\b", text))
    verb_len = 1 if words and not text.startswith(("get rid of", "take out", "turn off", "please")) else 2
    body = words[verb_len + (1 if text.startswith("please") else 0):] if (removing or adding) else words
    feature = None if removing else wants_feature(text)
    if feature:
        return _finish(new, add_feature(new, feature, _mentioned(new, words)))
    if removing:
        split = _split(body, _FROM, new)
        if split:
            head, entity = split
            return _finish(new, *_remove_field(entity, head))
    if adding:
        split = _split(body, _PREPS, new)
        if split:
            head, entity = split
            return _finish(new, *_add_to(new, entity, head))
    for feature, pattern in FEATURE_PATTERNS.items():
        if pattern.search(text) and (removing or re.match(rf"^(?:please )?{_ENABLE}\b", text) or len(words) <= 3):
            if removing:
                if feature not in new.features:
                    raise ValidationError(f"The app has no {feature} feature to remove.")
                new.features = [f for f in new.features if f != feature]
                return _finish(new, f"Removed the {feature} feature")
            if feature in new.features:
                return _finish(new, f"The {feature} feature was already on; nothing changed")
            new.features = [*new.features, feature]
            return _finish(new, f"Added the {feature} feature")
    if has_style(instruction) and not removing:
        before = new.theme.model_dump()
        new.theme = infer_theme(instruction, base=new.theme)
        changes = [f"{k} {v}" for k, v in new.theme.model_dump().items() if before[k] != v]
        return _finish(new, "Theme: " + ", ".join(changes) if changes else "The theme already matches; nothing changed")
    if removing:
        target = _resolve(new, body)
        if target is not None:
            return _finish(new, _remove_entity(new, target))
    if adding:
        return _finish(new, _add_entities(new, instruction))
    raise ValidationError(f"I did not understand '{instruction.strip()[:200]}'. " + _HELP)


def _mentioned(spec: AppSpec, words: list[str]) -> EntitySpec | None:
    """The last entity a feature follow-up names ('let users favourite products' -> Product), users aside."""
    found = None
    for i, w in enumerate(words):
        if w in {"user", "users", "usuario", "usuarios"} or any(p.search(w) for p in FEATURE_WORDS.values()):
            continue
        pair = _resolve(spec, words[i - 1:i + 1]) if i else None
        hit = _resolve(spec, [w]) or (pair if pair and pair.name != "User" else None)
        if hit is not None and hit.name != "User":
            found = hit
    return found


def _finish(spec: AppSpec, summary: str) -> tuple[AppSpec, str]:
    """Re-validate the changed spec (relations, unique names) and return it with the summary."""
    from core.engine.understand.pipeline import rename_entity

    spec.entities = _topological(spec.entities)
    if rename_entity(spec.entities, spec.feature_specs, "Upload", "FileUpload"):  # the app's own uploads table
        new = next(e for e in spec.entities if e.name == "FileUpload")
        summary = re.sub(r"\bUpload\b", "FileUpload", summary.replace("/api/uploads", f"/api/{new.plural}"))
        summary += " ('Upload' is reserved by the generated app's file uploads)"
    return AppSpec.model_validate(spec.model_dump()), summary


def _remove_field(entity: EntitySpec, head: list[str]) -> tuple[str]:
    """Remove a field, or the link to a parent entity."""
    words = [w for w in head if w not in _FILLER]
    if not words:
        raise ValidationError("Which field should go? " + _HELP)
    name = field_ident(" ".join(words))
    candidates = {name, "_".join(words), singular("_".join(words))}
    for f in entity.fields:
        if f.name in candidates:
            if len(entity.fields) == 1 and not entity.relations:
                raise ValidationError(f"{entity.name} needs at least one field; '{f.name}' is its last one.")
            entity.fields = [x for x in entity.fields if x.name != f.name]
            return (f"Removed field {f.name} from {entity.name}",)
    parent = entity_for(words[-1])
    for r in entity.relations:
        if r.field in candidates or r.field == name + "_id" or r.target == parent:
            entity.relations = [x for x in entity.relations if x is not r]
            return (f"Removed the link from {entity.name} to {r.target} ({r.field})",)
    have = ", ".join([f.name for f in entity.fields] + [r.field for r in entity.relations])
    raise ValidationError(f"{entity.name} has no field '{name}'. Its fields are: {have}.")


def _add_to(spec: AppSpec, entity: EntitySpec, head: list[str]) -> tuple[str]:
    """Add a field to `entity`, or link it to a (possibly new) parent entity."""
    words = [w for w in head if w not in _FILLER]
    says_field = bool(set(head) & {"field", "campo", "column", "columna", "attribute", "atributo"})
    parent_name = entity_for(words[-1]) if words and len(words) <= 2 and not says_field else None
    if parent_name and not _fieldish(" ".join(words)) and parent_name != entity.name:
        created = ""
        if parent_name not in {e.name for e in spec.entities}:
            parent = entity_library().get(parent_name) or _default_entity(parent_name)
            parent = parent.model_copy(deep=True)
            parent.relations = []
            spec.entities.append(parent)
            created = f"Added entity {parent_name} and"
        if any(r.target == parent_name for r in entity.relations):
            raise ValidationError(f"{entity.name} already belongs to {parent_name}.")
        _link(entity, parent_name)
        rel = entity.relations[-1]
        rel.required = False  # existing rows have no parent yet
        return (f"{created or 'Linked'}{' linked' if created else ''} {entity.name} to {parent_name} ({rel.field})"
                .replace("and  linked", "and linked"),)
    name, type_hint = _field_from(head)
    if name in {f.name for f in entity.fields} | {r.field for r in entity.relations}:
        raise ValidationError(f"{entity.name} already has a field '{name}'.")
    field = infer_field(name, type_hint=type_hint)
    field.required = False  # existing rows have no value for it
    entity.fields.append(field)
    detail = f"{field.type}: {', '.join(field.choices)}" if field.type == "enum" else field.type
    return (f"Added field {name} ({detail}) to {entity.name}",)


def _remove_entity(spec: AppSpec, target: EntitySpec) -> str:
    """Remove an entity and every link to it."""
    if len(spec.entities) == 1:
        raise ValidationError(f"{target.name} is the app's only entity; an app needs at least one.")
    spec.entities = [e for e in spec.entities if e.name != target.name]
    for e in spec.entities:
        e.relations = [r for r in e.relations if r.target != target.name]
    return f"Removed entity {target.name} and its links"


def _add_entities(spec: AppSpec, instruction: str) -> str:
    """'add suppliers with name, email and phone' -> new entities (fields from the phrase when given)."""
    ex = extract(instruction)
    text = normalise(instruction)
    if not ex.entities:
        words = [w for w in re.findall(r"[a-z]+", text)[1:] if w not in _FILLER]
        if len(words) == 1 and len(words[0]) > 2:
            ex.entities = [singular(words[0]).capitalize()]
    existing = {e.name for e in spec.entities}
    fresh = [n for n in ex.entities if n not in existing]
    if not fresh:
        if ex.entities:
            raise ValidationError(f"The app already has {', '.join(ex.entities)}. " + _HELP)
        raise ValidationError(f"I did not understand '{instruction.strip()[:200]}'. " + _HELP)
    lib = entity_library(spec.domain)
    added = []
    for n in fresh:
        e = (lib.get(n) or _default_entity(n)).model_copy(deep=True)
        if n in ex.fields:
            e.fields = [infer_field(f) for f, _ in ex.fields[n]]
        e.relations = [r for r in e.relations if r.target in existing | set(fresh)]
        spec.entities.append(e)
        added.append(f"{n} (/api/{pluralize(snake(n))})")
    return "Added entit" + ("y " if len(added) == 1 else "ies ") + ", ".join(added)
