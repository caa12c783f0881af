"""What a prompt names explicitly: entity lists, field lists per entity, relations from phrasing."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from core.engine.understand.fields import field_ident, infer_field
from core.engine.understand.lexicon import PER_UNITS_ES, entity_for, normalise, pascal, singular

_ARTICLES = {"a", "an", "the", "some", "their", "its", "his", "her", "our", "my", "un", "una", "unos",
             "unas", "el", "la", "los", "las", "sus", "su", "mis", "nuestros", "nuestras", "fields", "field",
             "campos", "campo", "de", "del", "each", "cada", "also", "tambien", "optional", "opcional"}
_PER = "|".join(PER_UNITS_ES)  # 'precio por día' is one field: 'por' before a unit does not end it
_STOP = re.compile(r"\b(where|that|which|so|to|for|in|on|by|when|while|donde|que|para|en|por(?! (?:" + _PER
                   + r")\b)|cuando|"
                   r"with|con|using|via|from|desde|as|como|plus|but|pero|including|incluyendo|belongs?|has|"
                   r"have|is|are|can|should|must|pertenecen?|tienen?|es|son|puede|pueden|debe|deben)\b")
_FIELD_VERB = (r"(?:with|having|have|has|need|needs|store|stores|contain|contains|include|includes|"
               r"should have|must have|tienen|tiene|con|llevan|lleva|incluyen|incluye|deben tener|"
               r"debe tener|guardan|guarda)")
_ENTITY_VERB = (r"(?:with|to manage|to track|to organise|to organize|to handle|for managing|for tracking|"
                r"manage|manages|managing|track|tracks|tracking|handle|handles|of|for|including|"
                r"gestionar|gestiona|gestione|administrar|administra|controlar|llevar|con|de|para|incluye)")
_BELONGS = re.compile(r"\b(\w+) (?:belongs to|belong to|is linked to|are linked to|is assigned to|"
                      r"are assigned to|pertenece a|pertenecen a|esta asignad[oa] a|estan asignad[oa]s a|"
                      r"is part of|are part of|forma parte de) (?:a|an|one|the|un|una|el|la|uno)? ?(\w+)")
_HAS_MANY = re.compile(r"\b(\w+) (?:can )?(?:has|have|contain|contains|tiene|tienen|contiene|contienen|"
                       r"puede tener|pueden tener) (?:many|multiple|several|varios|varias|muchos|muchas|"
                       r"multiples|one or more|uno o mas|una o mas) (\w+)")
_OWNS = re.compile(r"\b(\w+) (?:can |may |pueden )?(?:give|gives|host|hosts|lead|leads|write|writes|publish|"
                   r"publishes|present|presents|own|owns|create|creates|post|posts|run|runs|imparten|dan|"
                   r"publican|escriben|crean) (?:a |an |the |many |several |their |sus |los |las |un |una )?(\w+)")
# verb -> (join entity, its fields as catalogue tokens)
_JOIN_VERBS: dict[str, tuple[str, str]] = {
    "borrow": ("Loan", "loan_date, due_date, returned"),
    "rent": ("Rental", "start_date, end_date, price?"),
    "book": ("Booking", "starts_at, status=pending|confirmed|cancelled, notes?"),
    "reserve": ("Reservation", "reserved_for:date, status=pending|confirmed|cancelled, notes?"),
    "enroll": ("Enrollment", "progress, completed"),
    "attend": ("Registration", "registered_on:date?, attended"),
    "adopt": ("Adoption", "adoption_date, notes?"),
    "review": ("Review", "rating, comment?"),
    "rate": ("Review", "rating, comment?"),
    "order": ("Order", "order_date, quantity, status=pending|paid|shipped|delivered|cancelled"),
    "buy": ("Purchase", "purchase_date, quantity, total"),
    "purchase": ("Purchase", "purchase_date, quantity, total"),
    "apply": ("Application", "status=submitted|reviewing|accepted|rejected, cover_letter?"),
    "join": ("Membership", "joined_on:date, active"),
    "follow": ("Follow", "since:date?"),
    "vote": ("Vote", "voted_at?"),
}
_VERB_FORMS: dict[str, str] = {}
for _v in _JOIN_VERBS:
    for _f in (_v, _v + "s", _v + "ed", _v + "ing", _v + "es"):
        _VERB_FORMS[_f] = _v
_VERB_FORMS.update({
    "enrol": "enroll", "enroll in": "enroll", "enrolls in": "enroll", "enrol in": "enroll",
    "apply to": "apply", "apply for": "apply", "applies to": "apply", "applies for": "apply",
    "bought": "buy", "toman prestados": "borrow", "toman prestado": "borrow", "piden prestados": "borrow",
    "piden prestado": "borrow", "prestan": "borrow", "alquilan": "rent", "reservan": "reserve",
    "se inscriben en": "enroll", "se matriculan en": "enroll", "compran": "buy", "asisten a": "attend",
    "adoptan": "adopt", "resenan": "review", "valoran": "rate", "piden": "order", "solicitan": "apply",
    "se apuntan a": "join", "siguen a": "follow", "votan": "vote", "check out": "borrow",
    "checks out": "borrow", "sign up for": "attend", "signs up for": "attend", "register for": "attend",
    "registers for": "attend", "se apuntan a los": "attend", "se inscriben a": "attend",
})
_JOIN = re.compile(r"\b(\w+) (?:can |may |pueden |podran )?(" + "|".join(
    sorted((re.escape(k) for k in _VERB_FORMS), key=len, reverse=True)) + r") (?:a |an |the |un |una |los |las )?(\w+)")


_PAREN_LIST = re.compile(r"\b([a-z]\w+) \(([^()]*(?:,| and | y )[^()]*)\)")


@dataclass
class Extraction:
    """Everything the prompt names explicitly."""

    entities: list[str] = field(default_factory=list)  # canonical names, prompt order
    fields: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # entity -> [(ident, label)]
    relations: list[tuple[str, str]] = field(default_factory=list)  # (child, parent)
    joins: list[tuple[str, str, str, str]] = field(default_factory=list)  # (join, fields, a, b)
    labels: dict[str, str] = field(default_factory=dict)  # canonical entity -> word used in the prompt
    listed: bool = False  # the prompt gave an explicit list of entities
    soft: dict[tuple[str, str], str] = field(default_factory=dict)  # (child, parent) from a field item -> field
    mentioned: set[str] = field(default_factory=set)  # every known entity a word of the prompt names


def split_items(text: str) -> list[str]:
    """'a title, due date and priority' -> ['title', 'due date', 'priority'] (articles dropped)."""
    text = re.split(r"[.;:!?\n()\[\]]", text, maxsplit=1)[0]
    parts = re.split(r",|\band\b|\by\b|\be\b|&|\bor\b|\bo\b|/", text)
    items = []
    for i, part in enumerate(parts):
        raw = re.findall(r"[a-z0-9_\-]+", part)
        if raw and raw[0] in {"each", "every", "cada", "all", "todos", "todas"} and items:
            break  # a new clause ('and each order belongs to ...'), not another item
        toks = [t for t in raw if t not in _ARTICLES]
        phrase = " ".join(toks)
        stop = _STOP.search(phrase)
        if stop:
            phrase = phrase[:stop.start()].strip()
            if phrase:
                items.append(phrase)
            if i < len(parts) - 1 or stop:
                break
            continue
        if phrase:
            items.append(phrase)
    return [" ".join(i.split()[:4]) for i in items if i]


_NOISE = re.compile(r"\b(dashboard|panel|search|buscador|busqueda|login|log in|sign in|sign up|auth|"
                    r"authentication|charts?|graphs?|stats|statistics|estadisticas|graficos?|contact form|"
                    r"formulario (?:de )?contacto|payments?|pagos?|stripe|checkout|theme|tema|mode|modo|"
                    r"fondo|background|botones|buttons?|dark|light|oscuro|claro|inicio (?:de )?sesion|"
                    r"iniciar sesion|registro)\b")


def _clean(items: list[str]) -> list[str]:
    """Drop list items that ask for a feature or a style ('a dashboard', 'fondo negro'), not data."""
    return [i for i in items if _fieldish(i) or not _NOISE.search(i)]


def _known(word: str, extra: dict[str, str]) -> str | None:
    """Canonical entity for a noun, including entities already named in this prompt."""
    return entity_for(word) or extra.get(word)


def extract(prompt: str) -> Extraction:
    """Read entity lists, field lists and relations from the prompt."""
    text = _PAREN_LIST.sub(r"\1 with \2.\n", normalise(prompt))  # 'products (name, price, stock)'
    ex = Extraction()
    sentences = [s.strip() for s in re.split(r"(?<=[.!?;\n])\s+|\n", text) if s.strip()]
    for s in sentences:
        _field_lists(s, ex)
    for s in sentences:
        _entity_lists(s, ex)
    for s in sentences:
        _relations(s, ex)
    toks = re.findall(r"[a-z]+", text)
    for phrase in toks + [f"{a} {b}" for a, b in zip(toks, toks[1:], strict=False)]:
        found = entity_for(phrase) if len(phrase) > 2 else None
        if found:
            ex.mentioned.add(found)
    return ex


def _add_entity(ex: Extraction, name: str, word: str) -> None:
    """Record an entity once, keeping the prompt's word for labels."""
    if name not in ex.entities:
        ex.entities.append(name)
        ex.labels.setdefault(name, word)


def _field_lists(s: str, ex: Extraction) -> None:
    """'products with name, price and stock' -> fields of Product."""
    for m in re.finditer(rf"(?=\b(\w+) {_FIELD_VERB}(?: (?:a|an|the|un|una|los|las|el|la|fields?|campos?|"
                         rf"columns?|attributes?|atributos?|properties|propiedades|like|como))*:? (.+))", s):
        word, before = m.group(1), s[:m.start()].split()[-1:]
        if word in _CONTAINERS and before and entity_for(before[0]):
            word = before[0]  # 'maintenance records have ...' -> Maintenance
        ent = entity_for(word) or _new_noun(word)
        if not ent:
            continue
        items = _clean(split_items(m.group(2)))
        if len(items) < 2:
            continue
        ents = [i for i in items if entity_for(i.split()[-1]) and not _fieldish(i)]
        if len(ents) * 2 >= len(items):
            continue  # a list of entities, not of fields
        _add_entity(ex, ent, word)
        target = ex.fields.setdefault(ent, [])
        for item in items:
            counted = item.split()[0] in {"max", "maximum", "min", "minimum", "number", "num", "maximo", "minimo"}
            parent = entity_for(item.split()[-1]) if len(item.split()) <= 2 and not counted else None
            ident = field_ident(item)
            if parent and parent != ent and not _fieldish(item):
                # A field that names an entity is a link only if that entity is part of the app (see assemble).
                ex.labels.setdefault(parent, item.split()[-1])
                ex.soft[(ent, parent)] = ident
                if (ent, parent) not in ex.relations:
                    ex.relations.append((ent, parent))
            if ident not in {f for f, _ in target}:
                target.append((ident, item))


_CONTAINERS = {"records", "record", "entries", "logs", "log", "items", "details", "registros", "entradas"}
_GENERIC = {"app", "apps", "application", "system", "platform", "tool", "site", "website", "web", "page", "portal",
            "aplicacion", "sistema", "plataforma", "herramienta", "sitio", "pagina", "one", "it", "they", "that",
            "which", "user", "users", "people", "we", "you", "i", "this", "there", "also", "should", "must", "que",
            "everything", "someone", "each", "cada", "todo", "ellos", "nosotros", "and", "y", "dashboard", "panel",
            "theme", "tema", "program", "software", "service", "database", "api", "backend", "frontend"}


def _new_noun(word: str) -> str | None:
    """An entity the lexicon does not know, named by a plural noun before a field list ('gadgets have ...')."""
    if word in _GENERIC or len(word) < 4 or not word.endswith("s") or word.endswith("ss") or word.isdigit():
        return None
    return pascal(singular(word))


def _fieldish(item: str) -> bool:
    """Words that are fields even though an entity shares the name (a task's 'status', 'notes')."""
    return item in {"notes", "nota", "notas", "status", "estado", "comment", "total", "payment method",
                    "metodo de pago", "address", "label", "grade", "rating", "progress", "date", "fecha",
                    "balance", "entry", "type", "tipo", "price", "title", "name", "plan", "goal", "meta",
                    "budget", "income", "location", "genre", "position", "class", "session", "level"}


def _list_noun(item: str) -> str | None:
    """An entity for an unknown plural noun in an entity list ('spots', 'podcast episodes'), not a field."""
    if len(item.split()) > 2 or _fieldish(item) or _NOISE.search(item):
        return None
    if infer_field(field_ident(item)).type != "string" or field_ident(item) in _FIELDISH_NOUNS:
        return None
    noun = _new_noun(item.split()[-1])
    return noun if noun and noun not in _ENTITY_NOT else None


_FIELDISH_NOUNS = {"details", "notes", "hours", "items", "things", "stuff", "data", "records", "settings",
                   "options", "features", "roles", "permissions", "colors", "colours", "photos", "images",
                   "files", "numbers", "names", "dates", "times", "prices", "costs", "totals", "levels"}
_ENTITY_NOT = {"Detail", "Thing", "Stuff", "Record", "Setting", "Option", "Feature", "Role", "Permission",
               "Color", "Colour", "Number", "Name", "Date", "Time", "Price", "Cost", "Total", "Level", "Status",
               "Button", "Page", "Screen", "Form", "Report", "Chart", "Graph", "Tab", "View", "Field", "Column",
               "Row", "Table", "Filter", "Sort", "Export", "Import", "Notification", "Email", "Alert"}


def _entity_lists(s: str, ex: Extraction) -> None:
    """'with products, categories, customers and orders', 'gym: members and classes' -> entities."""
    starts = [m.start(1) for m in re.finditer(rf"(?=\b{_ENTITY_VERB}:? (.+))", s)]
    starts += [m.end() for m in re.finditer(r": ", s)]
    wheres = [m.end() for m in re.finditer(r"\b(?:where|donde) ", s)]  # 'where tutors, students and sessions'
    for start in sorted(set(starts + wheres)):
        items = _clean(split_items(s[start:]))
        if len(items) < 2 or start in wheres and any(len(i.split()) > 2 for i in items):
            continue
        heads = [(i, entity_for(" ".join(i.split()[-2:])) or entity_for(i.split()[0])) for i in items]
        known = [(i, e) for i, e in heads if e and not _fieldish(i)]
        nouns = [(i, _list_noun(i)) for i, e in heads if not (e and not _fieldish(i))]
        if not known or (len(known) * 3 < len(items) * 2 and not all(n for _, n in nouns)):
            continue
        ex.listed = True
        for item, e in known + [(i, n) for i, n in nouns if n]:
            _add_entity(ex, e, item.split()[-1])


def _named(word: str, ex: Extraction) -> str | None:
    """Canonical entity for a noun: the lexicon's, or an unknown noun this prompt already made an entity."""
    found = entity_for(word)
    if found:
        return found
    new = _new_noun(word) or (pascal(word) if len(word) > 2 and word not in _GENERIC else None)
    return new if new in ex.entities else None  # 'each spot belongs to a lot' once lots and spots are listed


def _relations(s: str, ex: Extraction) -> None:
    """'each order belongs to a customer', 'X has many Y', 'members borrow books', 'speakers give talks'."""
    for m in _OWNS.finditer(s):
        parent, child = _named(m.group(1), ex), _named(m.group(2), ex)
        if child and parent and child != parent and m.group(1) not in _GENERIC:
            _add_entity(ex, parent, m.group(1))
            _add_entity(ex, child, m.group(2))
            if (child, parent) not in ex.relations:
                ex.relations.append((child, parent))
    for m in _BELONGS.finditer(s):
        child, parent = _named(m.group(1), ex), _named(m.group(2), ex)
        if child and parent and child != parent:
            _add_entity(ex, parent, m.group(2))
            _add_entity(ex, child, m.group(1))
            if (child, parent) not in ex.relations:
                ex.relations.append((child, parent))
    for m in _HAS_MANY.finditer(s):
        parent, child = _named(m.group(1), ex), _named(m.group(2), ex)
        if child and parent and child != parent:
            _add_entity(ex, parent, m.group(1))
            _add_entity(ex, child, m.group(2))
            if (child, parent) not in ex.relations:
                ex.relations.append((child, parent))
    for m in _JOIN.finditer(s):
        a, b = _named(m.group(1), ex), _named(m.group(3), ex)
        verb = _VERB_FORMS[m.group(2)]
        if not a or not b or a == b or m.group(1) in {"to", "a", "the"}:
            continue
        join, fields = _JOIN_VERBS[verb]
        if join in (a, b):
            continue
        _add_entity(ex, a, m.group(1))
        _add_entity(ex, b, m.group(3))
        ex.joins.append((join, fields, a, b))
