"""Merge the model's plan with the offline understanding: keep all the offline engine found, add what the model saw.

The offline understanding is the base (typed fields, features with their FeatureSpecs, requested, not_built,
theme, language, labels); the model adds entities it left out, fields and links. Every addition is validated on
its own: one that would break the spec (a cycle, a clash of names) is dropped and noted, never the whole design.
"""

from __future__ import annotations

import re

from pydantic import ValidationError as SpecError

from core.engine.understand.lexicon import ENTITY_WORDS_EN, entity_for, normalise, singular_candidates
from core.engine.understand.vocab import verb_lemmas, word_set
from core.roles.architect_model import Plan, key, typed_field
from core.spec import _PY_KEYWORDS, ENTITY_FEATURES, AppSpec, EntitySpec, FieldSpec, RelationSpec, pluralize, snake

MAX_ENTITIES = 30


# Name parts that say nothing on their own: 'TaskEntry' is grounded by 'task', never by 'entry'.
_VAGUE_PARTS = {"item", "record", "entry", "log", "info", "detail", "data", "type", "list", "history", "status", "line",
                "link", "map", "mapping", "assignment", "setting", "profile", "account"}


def prompt_words(prompt: str) -> set[str]:
    """The prompt's words in every form a model's entity name may use: singulars, and the entities they name in
    English ('reservas' -> booking), as comparison keys."""
    toks = re.findall(r"[a-z0-9]+", normalise(prompt))
    out: set[str] = set()
    lemmas = verb_lemmas()
    for i, w in enumerate(toks):
        out.update(key(c) for c in singular_candidates(w))
        if len(lemmas.get(w, "")) >= 3:
            out.add("~" + lemmas[w])  # 'paid' grounds a Payment, 'book' a Booking
        for phrase in (w, f"{toks[i - 1]} {w}" if i else ""):
            name = entity_for(phrase) if phrase else None
            if name:
                out.add(key(name))
                out.update(part.lower() for part in re.findall(r"[A-Z][a-z0-9]*", name))
    return out


def grounded(name: str, words: set[str]) -> bool:
    """Whether the request names this entity: its whole name, or a telling part of it, is one of the prompt's words."""
    parts = [p.lower() for p in re.findall(r"[A-Z][a-z0-9]*|[a-z0-9]+", name)]
    if key(name) in words:
        return True
    return any(len(p) >= 3 and p not in _VAGUE_PARTS and (key(p) in words or len(p) >= 6 and any(
        w.startswith(p[:6]) for w in words) or any(w[0] == "~" and p.startswith(w[1:]) and len(p) - len(w) <= 6
                                                   for w in words)) for p in parts)


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


_ACCOUNTS = {"user", "account", "person", "profile", "userprofile", "useraccount"}
_SETTING = re.compile(r"\b(?:for|para|at|en) (?:a|an|our|the|my|una?|nuestr[oa]s?|la|el|mi) ((?:[a-z]+ ){0,2}[a-z]+)")


_PHRASE_ENDS = {"at", "in", "of", "on", "with", "where", "that", "which", "for", "to", "and", "called", "named", "de",
                "en", "con", "que", "donde", "y", "para", "llamad", "llamada", "llamado"}


def _settings(prompt: str) -> set[str]:
    """Keys of what the app is for ('a website for our community garden' -> communitygarden, garden): the setting,
    not a record in it."""
    first = re.split(r"[.!?:;]", normalise(prompt), maxsplit=1)[0]
    out = {key(w) for w in word_set("settings") if re.search(rf"\b{w}\b", first)}
    for phrase in _SETTING.findall(first):
        parts = []
        for w in phrase.split():
            if w in _PHRASE_ENDS:
                break
            parts.append(w)
        if parts:
            out |= {key(parts[-1]), key("".join(parts[-2:]))}
    return out


def _proper(name: str, prompt: str) -> bool:
    """A name the prompt writes only with capitals mid-sentence ('Spoke & Chain'): the business, not a record."""
    parts = [p for p in re.findall(r"[A-Z][a-z0-9]*", name) if p.lower() not in {"and", "of", "the", "y", "de"}]
    return bool(parts) and all(re.search(rf"(?<![.!?]\s)(?<!^)\b{p}(?:s|es)?\b", prompt) and
                               not re.search(rf"\b{p.lower()}(?:s|es)?\b", prompt) for p in parts)


def _unwanted(base: AppSpec, plan: Plan, prompt: str) -> dict[str, str]:
    """The plan's new entities to leave out, with why: a small model's guesses the request does not name and that join
    nothing the design has, an account the offline reading did not find needed, the business itself, or a word the
    offline reading knows is a property ('Severity', 'Status'). A join of two known entities is kept."""
    words, settings = prompt_words(prompt), _settings(prompt)
    known = {n for n in plan.fields if _find(base, n)}
    out: dict[str, str] = {}
    for name in plan.fields:
        if name in known:
            continue
        k, lower = key(name), name.lower()
        if k in _ACCOUNTS:
            out[name] = "the offline design found no accounts needed"
        elif k in settings or _proper(name, prompt):
            out[name] = "it is what the app is for, not a record in it"
        elif lower.isalpha() and name[1:].islower() and lower not in ENTITY_WORDS_EN and \
                (lower in word_set("field_nouns") or lower in word_set("abstract_nouns") and
                 not re.search(rf"\b{pluralize(lower)}\b", normalise(prompt))):  # 'the households we serve
            out[name] = "it is a property of a record, not a record"
        elif not grounded(name, words) and len({p for p in plan.links.get(name, [])
                                                 if p in known or grounded(p, words)}) < 2:
            out[name] = "the request does not mention it"
    return out


def merge(base: AppSpec, plan: Plan, prompt: str = "") -> tuple[AppSpec, list[str]]:
    """(the merged spec, what the model added or what was dropped, in words). With the request's `prompt`, new
    entities it does not name (and that join nothing) are left out."""
    spec, notes = base, list(plan.notes)
    names: dict[str, str] = {}
    unwanted = _unwanted(base, plan, prompt) if prompt else {}
    for name in plan.fields:  # entities first, so links can point at any of them
        found = _find(spec, name)
        if found:
            names[name] = found
            continue
        if name in unwanted:
            notes.append(f"left out {name}: {unwanted[name]}")
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
