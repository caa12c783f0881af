"""Stage 9: coverage. What the request asked for (`requested`) and what this project does not build
(`not_built`), in short phrases; nothing understood at all is said plainly."""

from __future__ import annotations

import re
from functools import cache

from core.engine.understand.knowledge import definition, known_words, member_fee, words_of
from core.engine.understand.lexicon import ENTITY_WORDS_EN
from core.engine.understand.reading import Reading
from core.engine.understand.vocab import load
from core.errors import NothingUnderstoodError
from core.spec import EntitySpec, FieldSpec, ThemeSpec, pluralize, snake

_HELP = ("I could not tell what this app should store. Name the things it keeps and what they have, e.g. "
         "'a library where members borrow books', 'a shop with products, customers and orders', or "
         "'una app de recetas con ingredientes y valoraciones'.")


@cache
def _not_built() -> list[tuple[str, re.Pattern[str]]]:
    """(phrase, pattern) of capabilities the generated apps do not have."""
    return [(k, re.compile(v)) for k, v in load("coverage")["not_built"].items()]


_ALSO_RECORDS = {"alerts and warnings"}  # 'news alerts', 'stock alerts' may be what an app keeps
_PERSONAL_VERBS = {"recommend", "recommends", "recommended", "suggest", "suggests", "suggested", "recomienda",
                   "recomiendan", "sugiere", "sugieren"}

_BEFORE_VERB = {"can", "could", "may", "will", "should", "to", "able", "be", "also", "pueden", "puede", "podran"}


def _done_by_a_person(r: Reading, m: re.Match[str]) -> bool:
    """'a planning officer recommends', 'the editor suggests changes': a person does it, not the app."""
    from core.engine.understand.entities import AGENT_ENDINGS
    from core.engine.understand.vocab import singular, word_set

    if m.group(0) not in _PERSONAL_VERBS:
        return False
    before = r.text[:m.start()].split()[-6:]
    while before and before[-1] in _BEFORE_VERB:
        before.pop()  # 'members can suggest', 'guests should be able to suggest'
    word = singular(before[-1], r.language) if before else ""
    return word in word_set("people") or len(word) > 4 and word.endswith(AGENT_ENDINGS) and \
        word not in {"computer", "recommender", "generator", "calculator"}


def asks_for_capability(text: str) -> bool:
    """Whether a phrase names a capability the generated apps do not have ('email reminders')."""
    return any(pattern.search(text) for phrase, pattern in _not_built() if phrase not in _ALSO_RECORDS)


_CLUB = re.compile(r"\b(?:club|society|association|asociacion|sociedad|pena|agrupacion)\b")


def _a_club(r: Reading) -> bool:
    """'orienteering club management', 'gestión del club de petanca': nothing else named, but a club keeps its
    members, the events they enter and their fees; those are built rather than nothing."""
    if not _CLUB.search(r.text) or len(r.text.split()) > 12:
        return False
    for name in ("Member", "Event"):
        r.entities[name] = definition(name) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
        r.entities[name].relations = []
    r.entities["Registration"] = EntitySpec(name="Registration", fields=[
        FieldSpec(name="registered_on", type="date", required=False),
        FieldSpec(name="attended", type="bool", required=False)])
    r.entities["MembershipFee"] = member_fee()
    r.records |= {"Registration", "MembershipFee"}
    r.links += [("Registration", "Member", "belongs_to"), ("Registration", "Event", "belongs_to"),
                ("MembershipFee", "Member", "belongs_to")]
    r.main = "Member"
    return True


def coverage_stage(r: Reading) -> Reading:
    """Fill requested and not_built (in the prompt's language); refuse a prompt where nothing was understood."""
    if not r.entities and not _a_club(r):
        raise NothingUnderstoodError(_HELP)
    sent = _relative_reminders(r)
    vocab = load("coverage")
    es = r.language == "es"
    requested = [said_as(r, n) for n in r.entities if n != "User"]
    requested += [vocab["features"][r.language][f] for f in r.features if f in vocab["features"][r.language]]
    found = [phrase for phrase, pattern in _not_built() if any(not _done_by_a_person(r, m)
                                                               for m in pattern.finditer(r.text))]
    if sent and _SENT_REMINDERS not in found:
        found.append(_SENT_REMINDERS)  # 'a reminder when a vaccination is due': sent from the due date, not built
    if any(p != "notifications" and "notifications" in p for p in found):
        found = [p for p in found if p != "notifications"]  # 'email notifications' says it already
    missing = [vocab["es"][phrase] if es else phrase for phrase in found]
    statuses = _status_values(r)
    built = [*_colours(r), *_due(r), *_files(r), *statuses, *_said_details(r, statuses), *_account_roles(r),
             *_booking_checks(r)]
    reports, unbuilt = _reports(r)
    missing += unbuilt
    r.requested = list(dict.fromkeys([*requested, *built, *reports, *missing, *r.capabilities]))
    r.not_built = list(dict.fromkeys([*r.not_built, *missing]))
    return r


_RELATIVE = re.compile(r"\b(?:remind\w*|reminders?|recordatorios?|avis\w+)(?: [\w-]+){0,8}? (?:\d+ ?(?:h|hrs?|hours?|"
                       r"days?|weeks?|months?|horas?|dias?|semanas?|mes(?:es)?)|the day|a day|one day|a week|"
                       r"the week|el dia|un dia|una semana) (?:before|antes)\b|"
                       # 'a reminder when a vaccination is due', 'MOT due date per car so we can remind them',
                       # 'court dates with reminders': counted from a date the app keeps
                       r"\b(?:remind\w*|reminders?)(?: [\w-]+){0,8}? (?:when|before) (?:[\w-]+ ){0,3}(?:is|are|falls?|"
                       r"comes?) due\b|\bdue (?:dates?|days?)(?: [\w-]+){0,6}? (?:remind\w*|reminders?)\b|"
                       r"\b(?:dates?|deadlines?|expiry|renewals?) with (?:\w+ )?reminders\b|"
                       r"\b(?:recordatorios?|avis\w+)(?: [\w-]+){0,8}? (?:cuando|antes de que) (?:[\w-]+ ){0,3}"
                       r"(?:venza|vence|caduque|caduca|toque|toca)\b")
_KEPT_REMINDERS = re.compile(r"\b(?:add|create|set|list of|my|our|manage|edit|crear|anadir|mis|lista de) "
                             r"(?:\w+ )?(?:reminders|recordatorios)\b")


_SENT_REMINDERS = "reminders sent automatically"


def _account_roles(r: Reading) -> list[str]:
    """'coaches mark attendance, members book': the kinds of account the app signs in ('account roles: ...')."""
    user = r.entities.get("User")
    kinds = next((f.choices for f in user.fields if f.name == "account_type"), []) if user else []
    if not kinds:
        return []
    said = ", ".join(k.replace("_", " ") for k in kinds)
    return [f"roles de cuenta: {said}" if r.language == "es" else f"account roles: {said}"]


def _relative_reminders(r: Reading) -> bool:
    """'remind the lawyer 7 days before a deadline', 'a reminder 24h before': True when a reminder counted from a date
    the app keeps is asked for. Its Reminder rows are kept (what is due, for whom, done or not); sending them is not
    built, and is reported."""
    return bool(_RELATIVE.search(r.text)) and not _KEPT_REMINDERS.search(r.text)


_DASHBOARD_GROUPS = {"month", "months", "mes", "meses", "category", "categoria", "categorias", "categories"}


def _reports(r: Reading) -> tuple[list[str], list[str]]:
    """'totals of hours per aircraft type and per month', 'informe mensual por grupo': reports the prompt asks for
    (requested), and those the dashboard cannot give (not_built). The dashboard counts and sums each record per
    month, per its first parent and per its first choice field."""
    from core.engine.understand.features import NOT_GROUPS, REPORTS
    from core.engine.understand.vocab import singular

    parents = {w for _child, parent, kind in r.links if kind == "belongs_to"
               for w in (words_of(parent), r.words_for.get(parent, ""))}
    choices = {f.name.replace("_", " ") for e in r.entities.values() for f in e.fields if f.type == "enum"}
    said, unbuilt = [], []
    for m in re.finditer(REPORTS + rf"(?: {NOT_GROUPS}[a-z]+)?(?:,? (?:and |y )?(?:per|by|por) [a-z]+"
                         rf"(?: {NOT_GROUPS}[a-z]+)?)*", r.text):
        phrase = m.group(0)
        groups = re.findall(r"\b(?:per|by|por|para cada|de cada) ((?:(?!(?:and|y|per|by|por)\b)[a-z]+ ?){1,2})", phrase)
        if not groups:
            continue
        said.append(phrase)
        for g in groups:
            g = g.strip()
            one = " ".join(singular(w, r.language) for w in g.split())
            if not (g in _DASHBOARD_GROUPS or one in parents or g in choices or one in choices or
                    g.split()[0] in parents | _DASHBOARD_GROUPS):
                unbuilt.append(phrase)
                break
    return said, unbuilt


_DUE = re.compile(r"\b(?:due|vence\w*|vencimiento|devolver antes)\b")


def _due(r: Reading) -> list[str]:
    """Due dates the prompt asks for and the spec keeps ('when it is due back' -> 'loans due dates')."""
    es = r.language == "es"
    out = []
    for name, e in r.entities.items():
        plural = _english_plural(name)
        for f in e.fields:
            if f.type in {"date", "datetime"} and f.name.startswith(("due", "vence")) and _DUE.search(r.text):
                out.append(f"{plural}: fecha de vencimiento" if es else f"{plural} due dates")
    return out


_SAID_FILES = re.compile(r"\b(photos?|pictures?|images?|fotos?|imagen(?:es)?|files?|archivos?|documents?|documentos?|"
                         r"scans?|pdfs?|cvs?|logos?|attachments?|adjuntos?)\b")


_AVAILABILITY = re.compile(r"\b(availab\w*|double[- ]?book\w*|overbook\w*|disponib\w*|solap\w*|"
                           r"reservas? dobles?)\b")
_CHECK_IN = re.compile(r"\b(check-?in|check-?out|checked in|checked out|llegadas? y salidas?|entradas? y salidas?)\b")


def _booking_checks(r: Reading) -> list[str]:
    """'see availability', 'check-in/check-out at reception': what the booking records the app builds do about them
    (a booking that overlaps another is refused; the stay's status has checked in and checked out)."""
    es = r.language == "es"
    out = []
    if any(fs.name == "booking_slots" for fs in r.feature_specs) and _AVAILABILITY.search(r.text):
        out.append("disponibilidad comprobada al reservar (sin reservas dobles)" if es else
                   "availability checked when booking (no double bookings)")
    stays = [n for n, e in r.entities.items() if any(
        f.name == "status" and {"checked_in", "checked_out"} <= set(f.choices) for f in e.fields)]
    if stays and _CHECK_IN.search(r.text):
        out.append(f"check-in y check-out ({said_as(r, stays[0])})" if es else
                   f"check-in and check-out ({words_of(stays[0])} status)")
    return out


def _status_values(r: Reading) -> list[str]:
    """'status: idea/booked/recorded/published': the states the prompt lists are the record's status values."""
    out = []
    for n, e in r.entities.items():
        for f in e.fields:
            said = [c for c in f.choices if re.search(rf"\b{re.escape(c.replace('_', ' '))}\b", r.text)]
            if f.type == "enum" and f.name in {"status", "state", "stage", "estado"} and len(said) >= 3 and \
                    len(said) == len(f.choices):
                label = "estado" if r.language == "es" else "status"
                out.append(f"{words_of(n)} {label} ({', '.join(c.replace('_', ' ') for c in said)})")
    return out


_STATES = {"status", "state", "stage", "estado"}
_FEATURE_RECORDS = {"User", "Rating", "Review", "Comment", "Favourite", "Tag", "Vote"}  # said as features already


_CHOICE_LABELS_ES = {"kind": "tipo", "category": "categoria", "role": "rol", "level": "nivel", "size": "talla",
                     "priority": "prioridad", "format": "formato", "method": "metodo", "difficulty": "dificultad",
                     "shift": "turno", "mode": "modalidad"}


def _said_details(r: Reading, statuses: list[str]) -> list[str]:
    """'snag details: room, description, trade, priority': the details the prompt names for a record, as its fields
    (a label, a file or a listed status is said elsewhere)."""
    from core.engine.understand.lexicon import FIELD_WORDS_ES

    es = r.language == "es"
    spanish: dict[str, str] = {}
    if es:
        for word, field in FIELD_WORDS_ES.items():
            if field not in spanish and re.search(rf"\b{re.escape(word)}\b", r.text):
                spanish[field] = word
    out = []
    for n, e in r.entities.items():
        listed = any(s.startswith(f"{words_of(n)} ") and s.endswith(")") for s in statuses)
        said = []
        for f in e.fields:
            if f.type == "file" or f.name in {"name", "title"} or listed and f.name in _STATES:
                continue
            words = f.name.replace("_", " ")
            shown = [c.replace("_", " ") for c in f.choices if c != "other"]
            if f.type == "enum" and f.name not in _STATES and shown and \
                    all(re.search(rf"\b{re.escape(c)}\b", r.text) for c in shown):
                label = _CHOICE_LABELS_ES.get(f.name, words) if es else "type" if words == "kind" else words
                said.append(f"{label} ({', '.join(shown)})")  # 'type (tent, caravan, cabin)'
            elif es and f.name in spanish:
                said.append(spanish[f.name])
            elif not es and re.search(rf"\b{re.escape(words)}s?\b", r.text):
                said.append(words)
        own = set(words_of(n).split())
        said = [w for w in said if not set(w.split()) <= own | {x + "s" for x in own}]  # 'mood details: mood'
        if said and n not in _FEATURE_RECORDS:
            label = f"datos de {spanish_plural(n, r.words_for.get(n, ''))}" if es else f"{words_of(n)} details"
            out.append(f"{label}: {', '.join(dict.fromkeys(said))}")
    return out


def _files(r: Reading) -> list[str]:
    """'items (category, size, photo)': a file the prompt asks a record to hold is uploaded on its form, so the upload
    is listed as built ('item photo upload')."""
    if "uploads" in r.features or not _SAID_FILES.search(r.text):
        return []
    es = r.language == "es"
    return [f"subida de {_FILE_WORDS_ES.get(f.name, f.name.replace('_', ' '))} en "
            f"{spanish_plural(n, r.words_for.get(n, ''))}" if es else
            f"{'' if words_of(n) == f.name.replace('_', ' ') else words_of(n) + ' '}{f.name.replace('_', ' ')} upload"
            for n, e in r.entities.items() for f in e.fields if f.type == "file"]  # 'photo upload', not 'photo photo'


_FILE_WORDS_ES = {"photo": "foto", "image": "imagen", "picture": "imagen", "file": "archivo", "document": "documento",
                  "attachment": "adjunto", "scan": "escaneo"}


def _colours(r: Reading) -> list[str]:
    """'colours: background #1e1e24, components #ff8c00, text #ffffff' when the prompt asked for colours."""
    t, default = r.theme, ThemeSpec()
    if t is None:
        return []
    es = r.language == "es"
    parts = [f"{label} {value}" for label, value, asked in (
        ("fondo" if es else "background", t.background, bool(t.background)),
        ("componentes" if es else "components", t.primary, t.primary != default.primary),
        ("texto" if es else "text", t.text, bool(t.text))) if asked]
    if not parts:
        return ["modo oscuro" if es else "dark mode"] if t.mode == "dark" else []
    return [("colores: " if es else "colours: ") + ", ".join(parts)]


@cache
def _es_words() -> dict[str, str]:
    """Entity name -> a Spanish word for it."""
    from core.engine.understand.lexicon import ENTITY_WORDS_ES

    out: dict[str, str] = dict(load("coverage").get("entity_words_es", {}))
    for word, name in [*ENTITY_WORDS_ES.items(), *load("spanish")["names"].items()]:
        out.setdefault(name, word)
    return out


def spanish_plural(name: str, word: str) -> str:
    """What a Spanish prompt calls an entity, in the plural; an English word the engine added stays English."""
    if word.replace(" ", "").isalpha() and word not in {words_of(name), name.lower()}:
        return _plural_es(word)
    spanish = _es_words().get(name)
    if not spanish and word == name.lower() and word not in {w.lower() for w in ENTITY_WORDS_EN.values()} and \
            word not in known_words():
        return _plural_es(word)  # a Spanish word kept as its own name ('faena'): its Spanish plural
    return _plural_es(spanish) if spanish else _english_plural(name)


def said_as(r: Reading, name: str) -> str:
    """How `requested` names an entity: its plural in the prompt's language ('socios', 'quote lines')."""
    return spanish_plural(name, r.words_for.get(name, "")) if r.language == "es" else _english_plural(name)


def _english_plural(name: str) -> str:
    """'QuoteLine' -> 'quote lines'."""
    return words_of(pluralize(snake(name))).replace("_", " ")


def _plural_es(word: str) -> str:
    """A Spanish noun's plural (socio -> socios, profesor -> profesores, valoración -> valoraciones)."""
    if " " in word:
        head, rest = word.split(" ", 1)
        return f"{_plural_es(head)} {rest}"  # 'línea de pedido' -> 'líneas de pedido'
    if word.endswith(("ón", "on")):
        return word[:-2] + "ones"
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word.endswith(("sis", "tis", "us", "x")):
        return word  # tesis, análisis, dosis, virus: the same in the plural
    return word + ("s" if word.endswith(("a", "e", "i", "o", "u")) else "es")
