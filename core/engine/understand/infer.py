"""Prompt -> AppSpec: refuse what is out of reach, pick a domain, merge what the prompt names."""

from __future__ import annotations

import re
from functools import cache

from core.engine.understand.catalogue import DOMAINS, LIBRARY, Domain, parse_entities
from core.engine.understand.extract import Extraction
from core.engine.understand.fields import infer_field
from core.engine.understand.lexicon import normalise
from core.errors import UnsupportedRequestError
from core.spec import AppSpec, EntitySpec, FieldSpec, RelationSpec

MAX_PROMPT = 20_000
FEATURE_PATTERNS: dict[str, re.Pattern[str]] = {
    "auth": re.compile(r"\b(login|log in|logins|sign in|sign up(?! for (?!an? account))|signup|sign-up|"
                       r"authentication|authenticated|"
                       r"user accounts?|accounts for users|with users|manage users|users and roles|"
                       r"usuarios|registro de usuarios|registrarse|iniciar sesion|inicio de sesion|"
                       r"contrasenas?|passwords?|(?:users?|members?|customers?) (?:can |must )?register)\b"),
    "payments": re.compile(r"\b(pay|pays|paying|checkout|check-out|stripe|online payments?|card payments?|"
                           r"accept payments?|take payments?|pagos?|pagar|cobrar|cobros online|pasarela)\b"),
    "search": re.compile(r"\b(search|searchable|buscar|busqueda|buscador|filter|filters|filtering|filtrar|"
                         r"filtros?|find)\b"),
    "dashboard": re.compile(r"\b(dashboard|dashboards|charts?|stats|statistics|analytics|metrics|kpis?|"
                            r"reports?|reporting|panel|estadisticas|graficos?|graficas?|informes?|metricas|"
                            r"visuali[sz]e|visuali[sz]ation|insights|summary|summaries|overview)\b"),
    "contact": re.compile(r"\b(contact form|contact us|contact page|get in touch|formulario de contacto|"
                          r"contactanos|contacto con nosotros|pagina de contacto)\b"),
}
_HARD = re.compile(
    r"\b(3d (?:game|shooter|engine|modell?ing|renderer|world)|first[- ]person shooter|fps game|shooter game|"
    r"mmorpg|compiler|compilers|compilador|interpreter for|interpreter of|interprete de|programming language|"
    r"lenguaje de programacion|operating system|sistema operativo|kernel|device drivers?|drivers? for|"
    r"controlador de dispositivo|firmware|emulator|emulador|neural networks?|red(?:es)? neuronal(?:es)?|"
    r"train (?:a |an |my )?(?:machine learning |ml |deep learning |language |ai )?models?|"
    r"fine[- ]?tun(?:e|es|ing)|entrenar (?:un )?modelo|"
    r"deep learning|photo editor|photo editing|image editor|image editing|video editor|video editing|"
    r"editor de fotos|editor de video|editor de imagenes|text editor|editor de texto|code editor|\bide\b|"
    r"game engine|motor de juegos?|ios[- ]only|iphone[- ]only|android[- ]only|native (?:ios|android|mobile)|"
    r"mobile[- ]only|app movil nativa|aplicacion movil nativa|swiftui|malware|keylogger|ransomware|"
    r"virus|cryptocurrency miner|crypto miner|voice assistant|speech recognition|self[- ]driving)\b")
_SOFT = re.compile(r"\b(games?|gaming|videojuegos?|juegos?|arcade|puzzle|platformer|rpg|shooter|chess|sudoku|"
                   r"tetris|multiplayer|3d|augmented reality|virtual reality|vr|ar glasses|ios app|"
                   r"iphone app|android app|mobile app)\b")
_GAME_SUBJECT = re.compile(r"\b(?:(?:is|es) (?:an?|un|una) (?:[a-z\-]+ ){0,3}(?:game|videojuego|juego)|"
                           r"(?:game|videojuego|juego) (?:where|that|which|in which|software|donde|en el que|"
                           r"en la que|que))\b")
_PLAYERS_ACT = re.compile(r"\b(?:players|jugadores) (?:will|can|must|have to|need to|take|step|engage|compete|"
                          r"control|navigate|explore|are responsible|pueden|deben|controlan)\b")
_GAME_WORLD = re.compile(r"\b(weapons?|enemies|battles?|combat|power-ups?|quests?|boss(?:es)?|virtual|simulate|"
                         r"simulation|levels?|armas|enemigos|batallas?|niveles)\b")
_GAME_CONTEXT = re.compile(r"\b(players?|jugadores?|levels?|niveles|score|enemies|enemigos|power-ups?|quests?|"
                           r"puzzles?|characters|personajes|multiplayer|single-player)\b")


def describe_capabilities() -> str:
    """A short text of what the offline engine builds."""
    titles = ", ".join(d.title_en.lower() for d in DOMAINS[:18])
    return (f"The offline engine builds data apps with a FastAPI backend, tests and a web frontend: {titles} "
            f"and {len(DOMAINS) - 18} more domains (or any app described by its entities and fields).")


@cache
def _patterns(domain: Domain) -> tuple[tuple[re.Pattern[str], int], ...]:
    """Word-boundary patterns and weights of a domain's triggers (phrases weigh more)."""
    out = []
    for trig in domain.triggers.split():
        phrase = trig.replace("+", " ")
        out.append((re.compile(rf"\b{re.escape(phrase)}\b"), 3 if " " in phrase or "-" in phrase else 2))
    return tuple(out)


def score_domains(text: str) -> list[tuple[int, Domain]]:
    """Domains by trigger score on the normalised text, best first (ties keep catalogue order)."""
    scored = []
    for i, d in enumerate(DOMAINS):
        s = sum(w * min(2, len(p.findall(text))) for p, w in _patterns(d))
        if s:
            scored.append((s, -i, d))
    scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
    return [(s, d) for s, _, d in scored]


def detect_features(text: str) -> list[str]:
    """Features the normalised text asks for, in canonical order."""
    return [f for f, p in FEATURE_PATTERNS.items() if p.search(text)]


def _check_reach(text: str, best: int, named: int) -> None:
    """Raise UnsupportedRequestError for requests outside the offline engine's reach."""
    hard = _HARD.search(text)
    soft = _SOFT.findall(text)
    what = hard.group(1) if hard else (soft[0] if soft else "")
    gamey = bool(_GAME_CONTEXT.search(text)) and any(s.startswith(("game", "juego", "videojuego")) for s in soft)
    played = _GAME_SUBJECT.search(text) or (_PLAYERS_ACT.search(text) and _GAME_WORLD.search(text))
    what = what or "a game"
    if hard or played or (soft and (best < 2 and named < 2 or gamey and best < 6)):
        raise UnsupportedRequestError(
            f"The offline engine cannot build this request ({what}). It builds data apps — a task manager, "
            f"an online shop, a CRM, a booking system, a library, an inventory, a blog and more — as a "
            f"FastAPI backend with tests and a web frontend. For this request, choose a model provider "
            f"(JoxCoder, OpenAI or Anthropic) in Settings.")


@cache
def entity_library(preferred: str = "") -> dict[str, EntitySpec]:
    """Every catalogue entity by name, the `preferred` domain's definitions winning."""
    lib: dict[str, EntitySpec] = {}
    order = sorted(DOMAINS, key=lambda d: d.key != preferred)
    for d in (*order, LIBRARY):
        for e in parse_entities(d.entities):
            lib.setdefault(e.name, e)
    return lib


@cache
def _catalogue_fields() -> dict[str, FieldSpec]:
    """Distinctive catalogue fields by name (payment_method, species...), to type a prompt's field the same way."""
    out: dict[str, FieldSpec] = {}
    for e in entity_library().values():
        for f in e.fields:
            if f.name not in _GENERIC_FIELDS and f.type != "bool":
                out.setdefault(f.name, f)
    return out


_GENERIC_FIELDS = {"status", "kind", "priority", "level", "stage", "name", "title", "notes", "description", "value",
                   "amount", "total", "price", "role", "position", "subject", "room"}
# Domain-specific names for an ambiguous noun ('classes' at a gym are gym classes, at a school school classes).
_ALIASES: dict[str, dict[str, str]] = {
    "fitness": {"ClassSession": "GymClass"},
    "school": {"ClassSession": "SchoolClass"},
    "courses": {"ClassSession": "SchoolClass"},
}
_JOIN_KINDS = {"Reservation", "Booking", "Rental", "Loan", "Enrollment", "Registration", "Adoption", "Appointment",
               "Lease", "Purchase", "Membership"}
_CHILD_KINDS = {"Comment", "Reply", "Review", "Vote", "Photo", "Feedback", "Attachment"}


def _default_entity(name: str) -> EntitySpec:
    """An entity the catalogue does not know: a name and a description."""
    return parse_entities(f"{name}: name, description?")[0]


def _aliased(ex: Extraction, domain: str) -> Extraction:
    """The extraction with domain-specific entity names (and Spanish 'notas' in a school being grades)."""
    names = dict(_ALIASES.get(domain, {}))
    if domain == "school" and ex.labels.get("Note", "").startswith("nota"):
        names["Note"] = "Grade"
    if not names:
        return ex

    def ren(n: str) -> str:
        return names.get(n, n)

    return Extraction(
        entities=list(dict.fromkeys(ren(n) for n in ex.entities)),
        fields={ren(k): v for k, v in ex.fields.items()},
        relations=[(ren(a), ren(b)) for a, b in ex.relations if ren(a) != ren(b)],
        joins=[(j, f, ren(a), ren(b)) for j, f, a, b in ex.joins],
        labels={ren(k): v for k, v in ex.labels.items()},
        listed=ex.listed, mentioned={ren(n) for n in ex.mentioned},
        soft={(ren(a), ren(b)): v for (a, b), v in ex.soft.items()})


# A domain entity the prompt calls by a more precise name: a dental clinic's Dentist is its Doctor.
_SUBSTITUTES: dict[str, tuple[str, ...]] = {
    "Doctor": ("Dentist", "Therapist", "Physician", "Veterinarian", "Vet", "Physiotherapist", "Psychologist",
               "Nurse", "Specialist"),
    "Teacher": ("Tutor", "Instructor", "Professor"),
    "Trainer": ("Coach", "Instructor"),
    "Donor": ("Member", "Supporter", "Contributor", "Parishioner"),
    "Campaign": ("Fund", "Cause", "Appeal"),
    "Customer": ("Client", "Guest", "Patron", "Buyer"),
    "Agent": ("Realtor", "Broker"),
    "Item": ("Product", "Part", "Article", "Material", "Supply"),
}


def _substitute(own: dict[str, EntitySpec], ex: Extraction) -> dict[str, EntitySpec]:
    """Rename a domain entity the prompt does not name to the prompt's more precise word for it."""
    renames: dict[str, str] = {}
    for base, options in _SUBSTITUTES.items():
        if base in own and base not in ex.entities:
            pick = next((n for n in ex.entities if n in options and n not in own and n not in renames.values()),
                        None)
            if pick:
                renames[base] = pick
    if not renames:
        return own
    out: dict[str, EntitySpec] = {}
    for name, e in own.items():
        e = e.model_copy(deep=True)
        e.relations = [RelationSpec(target=renames.get(r.target, r.target), required=r.required)
                       for r in e.relations]
        new = renames.get(name, name)
        out[new] = EntitySpec(name=new, fields=e.fields, relations=e.relations)
    return out


def _names(own: dict[str, EntitySpec], lib: dict[str, EntitySpec], ex: Extraction) -> list[str]:
    """The app's entities: what the prompt lists wins; the domain fills in only what the prompt leaves open."""
    named = list(ex.entities)
    foreign = [n for n in named if n not in own]
    described = sum(1 for n in named if ex.fields.get(n))  # entities the prompt gives fields for
    if len(named) >= 2 and (len(foreign) == len(named) or ex.listed and foreign or described >= 2 or
                            len(named) >= 3 and 2 * len(foreign) > len(named)):
        # The prompt lists its entities and they are not the domain's: keep them, plus the domain's join
        # entities between two of them (an OrderItem between Order and Product).
        names = [n for n in own if n in ex.mentioned and n not in named] + named  # 'an expense tracker with'
        names += [n for n, e in own.items() if n not in names and sum(r.required for r in e.relations) >= 2 and
                  all(r.target in names for r in e.relations if r.required)]
    else:
        names = list(own) + [n for n in named if n not in own]
    i = 0
    while i < len(names) and len(names) < 30:  # pull in required parents of the domain's own entities
        base = own.get(names[i]) or (lib.get(names[i]) if names[i] in own else None)
        names += [r.target for r in (base.relations if base else []) if r.required and r.target not in names]
        i += 1
    return names


def assemble(domain: Domain, ex: Extraction) -> list[EntitySpec]:
    """Merge the domain's entities with what the prompt names (named things win)."""
    ex = _aliased(ex, domain.key)
    lib = entity_library(domain.key)
    own = _substitute({e.name: e for e in parse_entities(domain.entities)}, ex)
    names = _names(own, lib, ex)
    for (child, parent), _fid in ex.soft.items():
        if parent not in names:  # 'talks have a title and a room': a room field, not a hotel Room
            ex.relations = [r for r in ex.relations if r != (child, parent)]
    entities: dict[str, EntitySpec] = {}
    for n in names:
        base = own.get(n) or lib.get(n) or _default_entity(n)
        entities[n] = base.model_copy(deep=True)
    for n, flist in ex.fields.items():
        e = entities[n]
        known = {f.name: f for f in e.fields}
        fields = []
        linked = {fid for (child, parent), fid in ex.soft.items() if child == n and parent in names}
        for fid, _label in flist:
            if fid in linked:
                continue
            f = known.get(fid) or _catalogue_fields().get(fid) or infer_field(fid)
            f = f.model_copy()
            if f.type != "bool":
                f.required = True if fid in {"name", "title"} or len(fields) == 0 else f.required
            fields.append(f)
        rel_fields = {r.field for r in e.relations}
        e.fields = [f for f in fields if f.name not in rel_fields]
    for join, fields, a, b in ex.joins:
        if join not in entities and any({a, b} <= {r.target for r in e.relations} for e in entities.values()):
            continue  # 'guests book rooms' in a hotel: its Reservation already links them
        if join not in entities:
            entities[join] = (lib.get(join) or parse_entities(f"{join}: {fields}")[0]).model_copy(deep=True)
        for parent in (a, b):
            _link(entities[join], parent)
    for child, parent in ex.relations:
        if child in entities and parent in entities:
            _link(entities[child], parent)
    order = list(entities)
    for e in entities.values():
        had = bool(e.relations)
        e.relations = [r for r in e.relations if r.target in entities and r.target != e.name]
        if had and not e.relations and e.name in _CHILD_KINDS:  # a bug's comments, not a blog post's
            owner = next((n for n in reversed(order[:order.index(e.name)]) if n not in _CHILD_KINDS), None)
            if owner:
                _link(e, owner)
        if not e.fields:
            e.fields = parse_entities("X: name")[0].fields
    _link_lone_join(entities, ex)
    return _topological(list(entities.values()))[:30]


def _link_lone_join(entities: dict[str, EntitySpec], ex: Extraction) -> None:
    """'tables, customers and reservations': a listed reservation that lost its catalogue parents links both."""
    if not ex.listed:
        return
    for name in [n for n in ex.entities if n in _JOIN_KINDS and n in entities]:
        e = entities[name]
        others = [n for n in ex.entities if n in entities and n != name and n not in _JOIN_KINDS | _CHILD_KINDS]
        linked = {r.target for r in e.relations}
        if len(e.relations) < 2 and len(others) == 2 and linked <= set(others):
            for parent in others:
                if parent not in linked and all(r.target != name for r in entities[parent].relations):
                    _link(e, parent)


def _link(child: EntitySpec, parent: str) -> None:
    """Add `child` belongs_to `parent` unless already there."""
    if all(r.target != parent for r in child.relations):
        rel = RelationSpec(target=parent)
        child.fields = [f for f in child.fields if f.name != rel.field]
        child.relations.append(rel)


def _topological(entities: list[EntitySpec]) -> list[EntitySpec]:
    """Parents before children, otherwise keeping the given order; cycles are broken by dropping a link."""
    done: list[EntitySpec] = []
    pending = list(entities)
    while pending:
        names = {e.name for e in done}
        ready = next((e for e in pending if all(r.target in names for r in e.relations)), None)
        if ready is None:
            ready = pending[0]
            ready.relations = [r for r in ready.relations if r.target in names]
        done.append(ready)
        pending.remove(ready)
    return done


def _app_name(prompt: str, title: str) -> str:
    """A kebab-case name: the one the prompt gives ('called X', 'llamada X') or one from the title."""
    m = re.search(r"(?:called|named|llamad[oa]|se llama|nombre)\s+[\"'“]?([A-Za-z0-9][\w\- ]{1,40}?)[\"'”]?"
                  r"(?=[,.;:!?]|\s+(?:that|which|for|with|where|to|que|para|con|donde|y|and)\b|$)", prompt)
    return kebab(m.group(1) if m else title) or "app"


def kebab(text: str) -> str:
    """ASCII kebab-case (accents dropped), at most 40 characters."""
    return "-".join(re.findall(r"[a-z0-9]+", normalise(text)))[:40].strip("-")


def infer_spec(prompt: str, name: str | None = None) -> AppSpec:
    """Turn a plain-language prompt (EN or ES) or a pasted PRD into an AppSpec (the understanding pipeline)."""
    from core.engine.understand.pipeline import understand

    return understand(prompt, name)
