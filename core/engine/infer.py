"""Prompt -> AppSpec: refuse what is out of reach, pick a domain, merge what the prompt names."""

from __future__ import annotations

import re
from functools import cache

from core.engine.catalogue import DOMAINS, GENERIC, Domain, parse_entities
from core.engine.extract import Extraction, extract
from core.engine.fields import infer_field
from core.engine.lexicon import detect_language, normalise
from core.engine.prd import parse_prd, prd_title
from core.engine.style import infer_theme
from core.errors import UnsupportedRequestError, ValidationError
from core.spec import AppSpec, EntitySpec, RelationSpec

MAX_PROMPT = 20_000
FEATURE_PATTERNS: dict[str, re.Pattern[str]] = {
    "auth": re.compile(r"\b(login|log in|logins|sign in|sign up|signup|sign-up|authentication|authenticated|"
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
    r"train (?:a |an )?(?:machine learning |ml |deep learning |language |ai )?models?|entrenar (?:un )?modelo|"
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
    for d in order:
        for e in parse_entities(d.entities):
            lib.setdefault(e.name, e)
    return lib


def _default_entity(name: str) -> EntitySpec:
    """An entity the catalogue does not know: a name and a description."""
    return parse_entities(f"{name}: name, description?")[0]


def assemble(domain: Domain, ex: Extraction) -> list[EntitySpec]:
    """Merge the domain's entities with what the prompt names (named things win)."""
    lib = entity_library(domain.key)
    own = {e.name: e for e in parse_entities(domain.entities)}
    if len(ex.entities) >= 2 and ex.listed and not any(n in own for n in ex.entities):
        names = list(ex.entities)
    else:
        names = list(own) + [n for n in ex.entities if n not in own]
    i = 0
    while i < len(names) and len(names) < 30:  # pull in required parents the prompt did not name
        base = own.get(names[i]) or lib.get(names[i])
        names += [r.target for r in (base.relations if base else []) if r.required and r.target not in names]
        i += 1
    entities: dict[str, EntitySpec] = {}
    for n in names:
        base = own.get(n) or lib.get(n) or _default_entity(n)
        entities[n] = base.model_copy(deep=True)
    for n, flist in ex.fields.items():
        e = entities[n]
        known = {f.name: f for f in e.fields}
        fields = []
        for fid, _label in flist:
            f = known.get(fid) or infer_field(fid)
            f = f.model_copy()
            if f.type != "bool":
                f.required = True if fid in {"name", "title"} or len(fields) == 0 else f.required
            fields.append(f)
        rel_fields = {r.field for r in e.relations}
        e.fields = [f for f in fields if f.name not in rel_fields]
    for join, fields, a, b in ex.joins:
        if join not in entities:
            entities[join] = (lib.get(join) or parse_entities(f"{join}: {fields}")[0]).model_copy(deep=True)
        for parent in (a, b):
            _link(entities[join], parent)
    for child, parent in ex.relations:
        if child in entities and parent in entities:
            _link(entities[child], parent)
    for e in entities.values():
        e.relations = [r for r in e.relations if r.target in entities and r.target != e.name]
        if not e.fields:
            e.fields = parse_entities("X: name")[0].fields
    return _topological(list(entities.values()))[:30]


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
    """Turn a plain-language prompt (EN or ES) or a pasted PRD into an AppSpec, deterministically."""
    if not prompt or not prompt.strip():
        raise ValidationError("The prompt is empty: describe the app you want, e.g. 'a task manager with "
                              "projects and due dates'.")
    if len(prompt) > MAX_PROMPT:
        raise ValidationError(f"The prompt is too long ({len(prompt)} characters, at most {MAX_PROMPT}).")
    text = normalise(prompt)
    language = detect_language(prompt)
    scored = score_domains(text)
    best_score, domain = scored[0] if scored else (0, GENERIC)
    prd = parse_prd(prompt)
    if prd:
        entities = _topological(prd)
        title = prd_title(prompt) or (domain.title_es if language == "es" else domain.title_en)
    else:
        ex = extract(prompt)
        _check_reach(text, best_score, len(ex.entities))
        if best_score < 2 and len(ex.entities) >= 1:
            domain = Domain("custom", "", "", "", "")
            ex.listed = True
        entities = assemble(domain, ex)
        title = domain.title_es if language == "es" else domain.title_en
        if not title:
            title = " ".join(e.plural.replace("_", " ") for e in entities[:2]).title()
    features = detect_features(text)
    if not prd:
        features = list(dict.fromkeys([*features, *domain.features]))
    taken = {e.name for e in entities}
    for reserved in ("AuthUser", "AuthToken", "ContactMessage"):
        if reserved in taken:
            raise ValidationError(f"The entity name '{reserved}' is reserved by the generated app; rename it.")
    if name and name.strip() and not kebab(name):
        raise ValidationError(f"The project name '{name}' has no letters or digits; choose another.")
    app_name = kebab(name) if name and name.strip() else _app_name(prompt, prd_title(prompt) or title)
    first_line = prompt.strip().splitlines()[0].strip("# ")[:300]
    return AppSpec(name=app_name, title=name.strip()[:80] if name and name.strip() else title,
                   description=first_line, language=language,
                   domain="custom" if domain.key == "custom" else ("prd" if prd else domain.key),
                   entities=entities, features=[f for f in features if f in FEATURE_PATTERNS],
                   theme=infer_theme(prompt))
