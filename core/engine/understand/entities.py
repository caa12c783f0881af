"""Stage 4: which noun phrases are the things the app stores (subjects and objects, lists, 'X management')."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache

from lemminflect import getAllLemmas

from core.engine.understand.candidates import CHOICE_WORDS, spanish_modifier
from core.engine.understand.catalogue import TITLE_DOMAINS
from core.engine.understand.coverage import asks_for_capability
from core.engine.understand.fields import field_ident, infer_field
from core.engine.understand.knowledge import best_domain, definition, definitions, entity_name, known_words, words_of
from core.engine.understand.lexicon import ENTITY_WORDS_ES, FIELD_WORDS_ES, normalise
from core.engine.understand.reading import Frame, Phrase, Reading, Token
from core.engine.understand.sentences import PERIODIC
from core.engine.understand.style import colour_table
from core.engine.understand.vocab import is_spanish_verb, load, singular, verb_lemmas, word_set
from core.spec import EntitySpec

THRESHOLD = 3
_STACK = re.compile(load("reach")["other_stacks"])
_LINK_PREPS = {"to", "for", "in", "from", "at", "into", "on", "with", "by", "a", "en", "de", "para", "con", "por"}
_BOOKING_WORDS = {"reserva", "reservation", "booking", "alquiler", "rental", "cita", "appointment"}
_ACTIVITIES = {"planning", "tracking", "management", "processing", "scheduling", "booking", "monitoring", "logging",
               "budgeting", "organizing", "organising", "cataloguing", "cataloging", "recording", "creation", "sharing",
               "taking", "keeping"}  # 'note creation', 'file sharing', 'note-taking'
_FEATURE_PHRASES = {"contact form", "contact page", "login page", "sign-up form", "signup form", "search bar",
                    "search box", "formulario", "checkout page"}
PEOPLE = {"Member", "Customer", "Patient", "Client", "Guest", "Student", "User", "Employee", "Attendee", "Owner",
           "Tenant", "Volunteer", "Person", "Neighbour", "Neighbor", "Reader", "Listener", "Player", "Driver"}
_COLLECTIONS = {"gallery", "album", "portfolio", "galeria"}  # 'a photo gallery with ...': the photos are the things
_SEQUENCES = {"running", "batting", "starting", "alphabetical", "chronological", "reverse", "pecking", "bowling",
              "heading", "sort", "display", "reading", "word", "play", "random", "preservation", "court", "restraining",
              "protection", "banning", "compulsory", "gagging", "closure"}  # ... and legal orders: no purchase
_SELF_HEADS = {"profile", "profiles", "details", "page", "account", "information", "info", "perfil"}
PERSON_ATTRIBUTES = {"bio": "text", "biography": "text", "licence": "string", "license": "string",
                     "biografia": "text", "headshot": "file", "qualification": "string", "specialty": "string"}
_FEATURE_HEADS = {"formulario", "inicio", "pagina", "form", "page"}
_DESCRIBED = {"have", "has", "with", "having", "tienen", "tiene", "con", "llevan", ":", "(", "need", "needs",
              "include", "includes", "store", "stores"}
_CONTAINERS = {"list", "pair", "database", "catalog", "catalogue", "collection", "library", "directory", "record",
               "history", "log", "inventory", "register", "lista", "catalogo", "coleccion", "registro", "gestion",
               "control", "seguimiento", "administracion", "management", "processing", "tracking", "level", "amount",
               "quantity",
               "menu", "carta", "range", "selection", "variety", "inventario", "listado", "historial", "tabla", "table",
               "calendar", "calendario", "agenda", "timetable", "schedule", "ficha", "expediente", "pool",
               "bag", "jar", "bottle", "sack", "bale", "tub", "crate", "bolsa", "tarro", "bote", "saco", "botella"}
_OFFERS = {"menu", "carta", "range", "selection"}  # 'a menu of cakes' is cakes; 'a menu of my games' is a menu
_SCORE_WORDS = {"score", "puntuacion", "puntaje"}  # a score per round, per routine, per player: a record
_OWN_WORDS = {"their", "his", "her", "my", "your", "its", "sus", "su", "mis", "tus"}  # 'track their scores': a stat
STORING_VERBS = frozenset(load("verbs")["data"]) | frozenset(load("verbs")["data_es"])  # objects are kept records
_ASSIGNING = {"assign", "asignar", "match"}  # 'assign chores to the kids', 'match tutors to students';
# 'allocate time slots' plans one's own time
_PURPOSE_WORDS = {"way", "something", "somewhere", "place", "app", "tool", "site", "website", "system", "need",
                  "needs", "want", "wants", "easy", "easier"}


def word_sense(word: str, name: str | None, text: str) -> str | None:
    """The entity a word names in this kind of app (spanish.json `senses`, nouns.json `word_senses`), else the name
    it already has."""
    for sense in [*load("spanish")["senses"].get(word, []), *load("nouns")["word_senses"].get(word, [])]:
        if sense.get("named", name) == name and ("when" not in sense or re.search(sense["when"], text)) and \
                ("unless" not in sense or not re.search(sense["unless"], text)):
            return sense["name"]
    return name


def is_fieldish(head: str, language: str) -> bool:
    """A noun that is a property of something (price, deadline, severity) rather than a thing."""
    if head in word_set("field_nouns") or (language == "es" and head in {"nombre", "precio", "fecha"}) or (
            language == "es" and head in FIELD_WORDS_ES and head not in ENTITY_WORDS_ES):
        return True
    if head in known_words() or head in ENTITY_WORDS_ES:
        return False
    typed = {"date", "datetime", "decimal", "int", "email", "url", "bool"}
    return infer_field(field_ident(head)).type in typed or infer_field(field_ident(head + "s")).type in typed


_SEVERAL = {"several", "multiple", "many", "different", "various", "all", "our", "two", "three", "four", "five",
            "dos", "tres", "cuatro", "cinco", "varias", "varios", "distintas",
            "distintos", "diferentes", "nuestras", "nuestros"}
_EACH = {"each", "every", "cada"}
_IN_OUT = {"entrada": "salida", "salida": "entrada"}  # 'entrada y salida': clock times, said as a pair
_LOGGING = {"log", "record", "registrar", "anotar", "apuntar"}
_MEASURING = {"track", "take", "enter", "measure"}


def _chain_of_haves(p: Phrase, toks: list) -> bool:
    """'customers have sites, sites have units': plural things that have, or are had by, other plural things."""
    if not p.plural:
        return False
    after = p.end + 1 < len(toks) and toks[p.end].text in {"have", "tienen"} and toks[p.end + 1].text.endswith("s")
    before = p.start >= 2 and toks[p.start - 1].text in {"have", "tienen"} and toks[p.start - 2].tag == "NOUN" and \
        toks[p.start - 2].text.endswith("s")
    return after or before


_PLACES_LISTED = {"site", "clinic", "gym", "shop", "agency", "practice", "club", "sitio", "clinica", "gimnasio",
                  "tienda"}  # 'Sites (client, address)' heading a line: places the business keeps records of
_STOCK_STATES = {"live", "low", "current", "opening", "closing", "safety", "dead", "new", "old", "home", "shop",
                 "store", "warehouse", "office", "school", "bar", "kitchen", "cafe", "restaurant", "clinic", "pharmacy"}
_DEPARTMENTS = {"ops", "operations", "office", "site", "store", "sales", "marketing", "area", "regional", "branch",
                "duty", "shift", "hr", "general", "facilities", "kitchen", "floor", "warehouse", "bar", "yard",
                "depot", "plant", "line", "house"}
_SITE_KINDS = {"construction", "building", "work", "job", "installation", "mining", "cleaning", "harvest", "dig",
               "excavation", "field", "survey", "project"}


_CINEMA = re.compile(r"\b(?:cinemas?|cine|cines|cineclub|movie theat(?:er|re)s?|showings?|screenings?|films?|movies?|"
                     r"peliculas?|sesiones de cine)\b")
_BRANCHES = {"location", "site", "branch", "campus", "venue", "sede", "sucursal", "ubicacion"}


def _many_places(p: Phrase, toks: list, language: str) -> bool:
    """A property word used as a thing there are many of: 'with several locations', 'at each location'."""
    place = p.head in {"site", "branch", "campus", "sede", "sucursal"}
    if not place and (not is_fieldish(p.head, language) or infer_field(field_ident(p.head)).type != "string") or \
            p.modifiers or p.start < 2 or p.head in word_set("field_nouns_never_things"):
        return False
    k = p.start - 1
    while k > 1 and toks[k - 1].text in _SEVERAL:
        k -= 1  # 'at our different locations'
    before = toks[p.start - 1].text
    if place and p.plural and p.words[0] in {"local", "nearby", "cercanos", "locales"}:
        return before in {"at", "in", "across", "en"}  # 'sightings at local sites'
    if p.plural and before in _SEVERAL:
        return toks[k - 1].text in {"with", "at", "in", "across", "con", "en", "between", "entre", "has",
                                          "have", "tiene", "tienen", "("}  # 'escape rooms (two locations)'
    chosen = before in {"a", "the", "your", "their", "una", "la", "su"} and \
        toks[p.start - 2].lemma in {"choose", "pick", "select", "elegir", "escoger", "seleccionar"}
    if not p.plural and p.head in _BRANCHES and (before in {"per", "por"} or chosen):
        return True  # 'bookings per location', 'users choose a location': there are several, each kept
    return before in _EACH and toks[p.start - 2].text in {"at", "in", "for", "from", "of", "en", "de", "para"}


AGENT_ENDINGS = ("keeper", "er", "or", "ist", "ian", "ant", "ent", "tive", "lad", "lads")  # who does a job


def flagged(r: Reading, p: Phrase) -> str | None:
    """'fallen trees yes/no', 'needles found y/n': the yes/no detail the phrase is said in, if it is one."""
    said, toks = " ".join(p.words), r.sentences[p.sentence]
    after = toks[p.end].text if p.end < len(toks) else ""  # 'Queen (hive, year)' beside 'queen seen y/n': a table
    return next((f for f in sorted(r.flags) if p.words[-1] == f.split()[-1] and (f.endswith(said) or said.endswith(f))
                 or f.startswith(said + " ") and len(f.split()) == len(p.words) + 1 and after == f.split()[-1]), None)


def personish(p: Phrase) -> bool:
    """People, or plural agent nouns ('housekeepers', 'invigilators'): who is assigned to something."""
    return p.head in word_set("people") or p.plural and p.head.endswith(AGENT_ENDINGS) and p.head not in known_words()


_BROWSING = {"browse", "search", "filter", "explore", "buscar", "explorar", "filtrar", "navegar"}
_BROWSED_BY = {"brand", "author", "artist", "designer", "publisher", "cuisine", "genre", "category", "marca", "autor",
               "artista", "genero", "categoria", "cocina"}  # kept things of their own; 'by price', 'by date' are fields
_KINDS_BROWSED = {"variety", "style", "breed", "type", "variedad", "estilo", "raza", "tipo"}  # only when said bare
_TAKEN = {"taken", "recorded", "marked", "kept", "tracked", "logged", "tomada", "registrada", "anotada", "pasada"}
_TAKING_ATTENDANCE = {"take", "mark", "record", "keep", "track", "log", "pasar", "marcar", "controlar", "registrar",
                      "tomar", "llevar", "apuntar", "anotar"}
_GENERIC_PEOPLE_SUBJECTS = {"user", "users", "people", "person", "everyone", "visitor", "visitors", "usuario",
                            "usuarios", "persona", "personas", "gente"}
_FIGURES = {"conversion", "churn", "retention", "occupancy", "attendance", "success", "response", "completion",
            "fill", "utilisation", "utilization", "turnover", "bounce", "click", "win", "cancellation", "return",
            "vacancy", "growth", "pass", "failure", "absence", "dropout", "renewal"}
_APPS = {"app", "application", "system", "platform", "tool", "software", "website", "portal", "dashboard", "aplicacion",
         "sistema", "plataforma", "herramienta", "programa"}  # 'sites (number, hookup type)' are records; apps are not
_APPLIED_FOR = {"scholarship", "job", "grant", "membership", "adoption", "planning", "visa", "loan", "rental",
                "leave", "funding", "bursary", "volunteer", "tenancy", "permit", "licence", "license", "school",
                "admission", "admissions", "allotment", "plot", "housing", "placement", "internship", "residency",
                "course", "fostering", "foster", "mortgage", "insurance", "credit", "award", "exhibitor", "stall",
                "vendor", "trader", "pitch", "transfer"}  # 'scholarship applications' are kept
_ASKS_AND_BUYS = {"ask", "request", "book", "order", "buy", "pay", "rent", "hire", "reserve", "pedir", "reservar",
                  "comprar", "encargar", "solicitar", "pagar", "alquilar"}
_GROUPS_ES = {"grupo", "club", "asociacion", "escuela", "academia", "coro", "banda", "pena", "federacion", "liga",
              "agrupacion", "colectivo", "comunidad", "cofradia", "hermandad", "sociedad"}
_RECORD_OF_ACT = {"order": "order", "pedir": "pedido", "encargar": "encargo", "book": "booking",
                  "reserve": "reservation", "reservar": "reserva"}  # the record an act with no object makes
_KINDS_WHEN_PLURAL = {"variety", "variedad", "pickup", "recogida"}  # 'a variety of dishes' says nothing; 'add new
# varieties' are things; 'schedule pickups' are records, a 'pickup time' is not


def _skip(head: str) -> bool:
    """Words that never name a stored thing on their own."""
    return (head in word_set("abstract_nouns") or head in word_set("generic_subjects") or
            head in word_set("tool_nouns") or len(head) < 3 or head.isdigit())


def _verbal(head: str) -> bool:
    """A gerund or a bare verb used as a noun ('creating', 'communicate'), not a thing."""
    if head in known_words() or head in word_set("ing_nouns"):
        return False
    if head.endswith(("ando", "iendo", "yendo")) and len(head) > 6:
        return True  # a Spanish gerund ('eligiendo')
    if head.endswith("ed") and len(head) > 5 and not head.endswith(("eed", "bed", "shed")) and \
            head not in ENTITY_WORDS_ES:
        return True  # a participle ('submitted', 'related')
    if head in load("verbs")["irregular_en"] and load("verbs")["irregular_en"][head] != head:
        return True  # 'time spent on each project', 'items sold': an irregular past form, not a thing
    return head.endswith("ing") or verb_lemmas().get(head) == head and not head.endswith(("ment", "tion", "ance"))


SITTING = {"sit", "hang"}  # 'samples sit in a box': where each one is kept (relations links them)
_OUTINGS = {"run", "ride", "walk", "swim", "climb", "dive", "hike", "paddle", "jump", "lift", "throw", "drive"}
_LEDGERS = {"book", "ledger", "register", "guide"}  # 'a commissions book', 'a restaurant guide': what they list
_WE_MAKE = {"build", "create", "prepare", "compile", "draw", "write", "put", "plan", "design", "preparar",
            "crear", "elaborar"}  # 'for each concert we build a programme': what we make is kept
_WE_GIVE = {"pay", "offer", "provide", "serve", "give", "sell", "use", "need", "want", "have", "see", "send",
            "pagar", "ofrecer", "dar", "usar", "vender"}  # 'we pay contributors', 'we offer tyre storage'
_NOTES_DOWN = {"note", "record", "log", "write", "jot", "enter", "track", "measure", "check", "anotar", "apuntar",
               "registrar"}  # 'at each visit I note the pitch': a detail of the visit, not a thing
_GUIDING = {"tour", "mountain", "museum", "fishing", "hiking", "trekking", "safari", "local", "travel", "walking",
            "climbing", "ski", "dive", "diving", "river", "wildlife", "city", "study", "style", "user", "size"}
_CLASSED_THINGS = {"boat", "yacht", "dinghy", "ship", "vessel", "aircraft", "plane", "glider", "car", "vehicle", "bike",
                   "motorbike", "seat", "cabin", "room", "ticket", "membership", "kart", "horse", "dog"}


_CLUBS = {"club", "clubs", "society", "association"}
_GROUP_KINDS = {"theatre", "theater", "drama", "choir", "book", "reading", "scout", "youth", "community", "church",
                "prayer", "writing", "art", "craft", "music", "dance", "volunteer", "playgroup", "teatro", "lectura",
                "coro", "montana", "senderismo", "baile", "danza", "musica", "voluntariado", "vecinos", "patchwork"}


def _our_group(p: Phrase) -> bool:
    """'Amateur theatre group management', 'walking group app' opening a request: who uses the app."""
    core = list(p.words)
    while core and core[-1] in word_set("tool_nouns") | _RUNNING_WORDS:
        core.pop()
    return p.sentence == 0 and not p.plural and len(core) >= 2 and core[-1] in {"group", "grupo"} and (
        core[-2] in _GROUP_KINDS or core[-2].endswith("ing") and core[-2] not in known_words() or
        core[-2] not in known_words() | _GROUPINGS)


_RUNNING_WORDS = {"management", "gestion", "admin", "administration", "records", "system"}
_GROUPINGS = {"age", "pace", "training", "study", "discussion", "muscle", "skill", "ability", "year", "price",
              "focus", "target", "blood", "working", "ride", "riding", "product", "customer", "user", "support",
              "interest", "peer", "self-help", "chat", "facebook", "whatsapp", "parent", "parents"}  # a kind of group


_VIEWERS = {"needs", "need", "wants", "want", "can", "should", "must", "sees", "see", "will", "would", "has", "have",
            "checks", "reviews", "approves", "decides", "quiere", "necesita", "puede", "debe", "ve", "revisa"}


def _who_we_are(r: Reading, p: Phrase) -> bool:
    """'entradas de nuestro grupo de teatro', 'the committee needs to see': the group running the app or a
    single committee, who use it, not a table of the app."""
    toks = r.sentences[p.sentence]
    before = toks[p.start - 1].text if p.start else ""
    after = toks[p.end].text if p.end < len(toks) else ""
    if p.head in {"committee", "comite", "junta"} and not p.plural and p.words == [p.head] and after in _VIEWERS:
        return True
    return p.head in {"group", "grupo"} and not p.plural and before in {"our", "my", "nuestro", "mi"} and (
        len(p.words) > 1 or p.end + 1 < len(toks) and toks[p.end].text == "de")


def name_of(p: Phrase, language: str) -> str | None:
    """The entity a phrase would be ('savings goals' -> SavingsGoal, 'team members' -> Member)."""
    head = p.head
    mod = p.modifiers[-1] if p.modifiers else None
    if _our_group(p):
        return None  # 'amateur theatre group management', 'walking group app': the group the app is for
    if len(p.words) > 1 and " ".join(p.words[-2:]) in word_set("field_nouns"):
        return None  # 'an emergency contact', 'blood type': a property of someone
    if mod == "bank" and p.modifiers[-2:-1] and p.modifiers[-2] in _GIVING_BANKS:
        bare = Phrase(words=p.words[-1:], head=head, sentence=p.sentence, start=p.end - 1, end=p.end, plural=p.plural)
        return name_of(bare, language)  # 'food bank inventory', 'food bank volunteers': the organisation's
    if head in {"stock", "inventory"} and not p.plural and mod and mod not in _STOCK_STATES and not _skip(mod) and \
            not _verbal(mod) and singular(mod, language) in known_words():
        return entity_name(singular(mod, language), None, language)  # 'raw material stock', 'paint stock': materials
    if head == "bank" and mod in _GIVING_BANKS and not p.plural:
        return None  # 'food bank inventory', 'rota for the food bank': the organisation the app is for
    if head in _BUSINESSES and mod and p.sentence == 0:
        return None  # 'Translation agency.', 'a cleaning company': what the business does, not a record
    if language == "es" and mod and f"{head} de {mod}" in load("spanish")["names"]:
        return load("spanish")["names"][f"{head} de {mod}"]  # 'familias de acogida' of students are HostFamilies
    if language == "es" and mod:  # 'planes de dieta' (candidates.spanish_compounds)
        return entity_name(load("spanish")["compound_heads"][head], spanish_modifier(mod), "en")
    if head in _FEATURE_PHRASES or " ".join(p.words[-2:]) in _FEATURE_PHRASES:
        return None  # 'a contact form', 'a login page' ask for features
    if head in {"record", "file", "detail"} and mod and mod in word_set("people") and len(p.modifiers) == 1:
        return entity_name(mod, None, language)  # 'patient records' are the patients, with what is kept on them
    if head == "record" and p.plural and len(p.modifiers) == 1 and not mod.endswith(("ing", "ment", "ance", "ence")) \
            and entity_name(mod, None, language) in definitions():
        return entity_name(mod, None, language)  # 'pet records (owner, species, breed)' are the pets
    places = word_set("settings") | word_set("tool_nouns") | {"centre", "center", "hall"}
    if any((a == "sports" and b in places or b in _CLUBS and a.isalpha() and a not in known_words() and
            a not in word_set("people")) and all(w in places for w in p.words[k + 2:])
           for k, (a, b) in enumerate(zip(p.words, p.words[1:], strict=False))):
        return None  # 'a sports club app', 'chess club management': the kind of club or shop, not a Sport record
    if head in _LEDGERS - {"guide"} and not p.plural and mod and len(mod) > 4 and mod.endswith("s") and \
            singular(mod, language) != mod and singular(mod, language) in known_words():
        return entity_name(singular(mod, language), None, language)  # 'a commissions book' keeps commissions
    if head in {"register", "ledger", "registry"} and p.plural and mod and singular(mod, language) == mod and \
            not _skip(mod) and not is_fieldish(mod, language):
        return entity_name(mod, None, language)  # 'aircraft and battery registers' keep the batteries
    if head == "guide" and not p.plural and mod and mod not in _GUIDING and singular(mod, language) in known_words():
        return entity_name(singular(mod, language), None, language)  # 'a restaurant guide' lists restaurants
    if head == "class" and mod in _CLASSED_THINGS:
        return entity_name(head, mod, language)  # 'boat classes (Optimist, 420)', 'seat classes': kinds, not lessons
    if head == "order" and mod in _SEQUENCES:
        return None  # 'the running order per apparatus': a position in a sequence, not a purchase
    if head == "owner" and p.plural and mod in _OWNED_VENUES:
        return entity_name(mod, None, language)  # 'café owners log in and place orders': the cafés are the customers
    if head == "rate" and p.plural or head in {"tarifa", "precio"}:
        return None  # 'our hire rates', 'las tarifas': prices of something, a field
    known = known_words()
    if mod and f"{mod} {head}" in known | set(load("nouns")["names"]):
        return entity_name(head, mod, language)
    if language == "en" and mod and head in _KIND_NAMED_HEADS and len(mod) > 3 and mod.isalpha() and \
            mod not in word_set("adjectives") and mod not in word_set("people") and not _skip(mod) and \
            mod not in load("nouns")["compound_modifiers_skip"] and \
            not is_fieldish(mod, language) and singular(mod) == mod and mod not in _TIME_MODIFIERS and \
            (head != "round" or mod.endswith(("ing", "ion")) or mod in _ROUNDS_OF):  # 'archers shoot rounds'
        return entity_name(head, mod, language)  # 'damage charges', 'a service plan': the kind is in the name
    if head in _STAGES and mod and not _skip(mod) and not is_fieldish(mod, language) and not _verbal(mod):
        return entity_name(singular(mod, language), None, language)  # 'interview stages' are interviews
    if head in word_set("tool_nouns") and p.plural and not p.modifiers and head not in _VIEWS and \
            entity_name(head, None, language) in definitions():
        return entity_name(head, None, language)  # '..., candidates, applications and interviews'
    if head in _DIARIES and len(p.modifiers) == 1 and not p.plural and not mod.endswith(("ing", "s")) and \
            not _skip(mod) and not is_fieldish(mod, language):
        kept = entity_name(mod, None, language)  # 'a workout journal' keeps workouts; 'a gratitude journal', entries
        return kept if kept in definitions() else f"{kept}Entry"
    if head in _VIEWS and p.plural or head in {"plot", "graph", "chart"} and mod in _CHART_KINDS:
        return None  # 'bar charts and scatter plots' are views; 'a chore chart' keeps chores
    if head in {"manager", "managers"} and mod in _DEPARTMENTS:
        return None  # 'our ops manager scores the outlet', 'site managers see their site': a role, not a record
    if head == "request" and p.plural and mod and mod.isalpha() and len(mod) > 3 and not _verbal(mod) and \
            mod not in word_set("adjectives") and not is_fieldish(mod, language):
        return entity_name(head, mod, language)  # 'change requests (submit with drawings)': each one is a record
    if head in word_set("tool_nouns"):
        names = load("nouns")["names"]
        mods = [m for m in p.modifiers if m in names or not m.endswith("ing") and not _skip(m)]
        if mods and singular(mods[-1], language) in word_set("abstract_nouns"):
            return None  # 'a totals page' shows sums, it keeps nothing of its own
        kept = load("nouns")["app_names"].get(" ".join(p.modifiers[-2:]))
        if kept and not p.plural:
            return kept  # 'a reading list app' keeps books
        if len(mods) > 1 and f"{mods[-2]} {mods[-1]}" in names:
            return names[f"{mods[-2]} {mods[-1]}"]  # 'a todo list app'
        if mods and mods[-1] in names:
            return names[mods[-1]]
        if mods and mods[-1] in word_set("settings"):
            return None  # 'a school app': the school is where the app is used, not a record in it
        if len(mods) > 1 and f"{mods[-2]} {singular(mods[-1], language)}" in known_words():
            return entity_name(singular(mods[-1], language), mods[-2], language)  # 'a leave request app'
        if mods and singular(mods[-1], language) in known_words():
            return entity_name(singular(mods[-1], language), None, language)
        activity = mods and mods[-1].endswith(("ment", "tion", "ing")) and mods[-1] not in known_words()
        if not mods or activity or is_fieldish(mods[-1], language) or head not in word_set("record_tools") and \
                mods[-1] == singular(mods[-1], language):
            return None  # 'a finance software application' names a category, 'a gadget tracker' a thing
        return entity_name(singular(mods[-1], language), None, language)
    for before, activity in zip(p.words, p.words[1:], strict=False):
        if activity in _ACTIVITIES and not _skip(singular(before, language)) and before not in _ACTIVITIES and \
                before not in word_set("tool_nouns") | {"list", "lista"} and \
                before not in word_set("adjectives") and \
                not is_fieldish(singular(before, language), language) and not before.endswith("ing"):
            return entity_name(singular(before, language), None, language)  # 'trip planning features'
    if head == "share" and mod and mod not in {"cost", "expense", "bill", "profit", "revenue", "rent", "time"}:
        return None  # 'a neighbourhood skill share': an exchange the app is, not a share of a cost
    if _chore_rota(p):
        return entity_name("task", mod, language)  # 'a cleaning schedule between stays': cleaning tasks, each dated
    if head in {"schedule", "timetable", "rota", "horario"} and mod and not _skip(mod) and \
            not is_fieldish(mod, language) and not mod.endswith("ing") and not _verbal(mod) and \
            mod not in _RANGE_KINDS | {"class", "work", "shift", "staff", "season", "event", "training", "school"}:
        return entity_name(singular(mod, language), None, language)  # 'the game schedule' is the games
    if head == "level" and mod and is_fieldish(mod, language):
        return None  # 'set priority levels': a field of the thing prioritised
    if head in {"table", "tables"} and mod in _VIEW_TABLES:
        return None  # 'a results table shows each angler's total': a view of records, not a record
    if head in {"table", "tables"} and mod in {"price", "pricing", "rate", "size", "fee"}:
        return entity_name(head, mod, language)  # 'price tables' are not restaurant tables
    if head in _NOTICES and mod and mod in known_words() and not _skip(mod) and not is_fieldish(mod, language):
        return entity_name(singular(mod, language), None, language)  # 'appointment reminders' need appointments
    if head in FORMS and mod == "request" and len(p.modifiers) > 1 and not _skip(p.modifiers[-2]):
        return entity_name("request", p.modifiers[-2], language)  # 'a quote request form': a QuoteRequest
    if head in FORMS and mod in load("nouns")["form_records"]:
        return load("nouns")["form_records"][mod]  # 'an adoption form' is filled in: an AdoptionApplication
    if head == "note" and mod in _NOTED_EVENTS:
        return entity_name(mod, None, language)  # 'visit notes', 'inspection notes': the visit, with its notes
    if head in {"result", "score", "resultado"} and mod in _DATED_EVENTS | {"race", "game", "competition"}:
        return entity_name(mod, None, language)  # 'match results', 'race results': the matches, each with its result
    if head in {"date", "time"} and mod in _DATED_EVENTS:
        return entity_name(mod, None, language)  # 'test dates with pass/fail': the tests, each with its date
    if head in _BARE_DATA and not mod:
        return None  # 'patients see their history': a view of their records, not a record
    if head in word_set("data_heads") and mod in _DATA_KINDS:
        owner = p.modifiers[-2] if len(p.modifiers) > 1 else None  # 'customer contact details' are the customer's
        if not owner or _skip(owner) or is_fieldish(owner, language) or singular(owner, language) not in known_words():
            return None  # 'contact details', 'billing information': fields of whoever has them
        return entity_name(singular(owner, language), None, language)
    if head in word_set("data_heads") and mod and not _skip(mod) and not is_fieldish(mod, language) and (
            head not in {"detail", "detalle"} or singular(mod, language) in known_words()):
        return entity_name(singular(mod, language), None, language)  # 'sales data', 'customer information'
    skip_mod = set(load("nouns")["compound_modifiers_skip"]) | word_set("abstract_nouns") | word_set("tool_nouns")
    if head in _RANGES and mod and p.modifiers and not _skip(mod) and not is_fieldish(mod, language) and \
            not mod.endswith("ing") and not _verbal(mod) and mod not in _RANGE_KINDS and \
            not (head == "library" and (mod in word_set("settings") or mod in _LIBRARY_KINDS)):
        return entity_name(singular(mod, language), None, language)  # 'our frames collection', 'a swatch library'
    if head == "list" and mod and mod not in _OWN_LISTS and not _skip(mod) and not is_fieldish(mod, language) and \
            not mod.endswith("ing") and not _verbal(mod):
        return entity_name(singular(mod, language), None, language)  # 'the fixture list' is the fixtures
    if head == "record" and mod and (mod.endswith(("tion", "sion")) or mod in _NOTED_EVENTS) and \
            singular(mod, language) in known_words() and len(p.modifiers) == 1:
        return entity_name(mod, None, language)  # 'inspection records', 'vaccination records': the inspections
    if mod and head in load("nouns")["compound_heads"] and mod not in skip_mod and (
            not mod.endswith(("ing", "ed")) or mod in word_set("ing_nouns")) and \
            not (mod.endswith("s") and verb_lemmas().get(mod, mod) != mod and mod not in known_words()):
        return entity_name(head, mod, language)  # 'expense reports', 'maintenance records'
    if language == "en" and head in {"reporting", "logging"} and mod and not _skip(mod) and \
            not is_fieldish(mod, language) and not mod.endswith("ing"):
        return entity_name({"reporting": "report", "logging": "log"}[head], mod, language)  # 'damage reporting'
    if language == "en" and p.plural and head in {"run", "ride", "walk", "swim", "climb", "dive", "sail"} and \
            mod in {"group", "night", "training", "club", "long", "morning", "evening", "weekend", "social", "guided",
                    "trail", "fun", "team", "family", "practice", "recovery", "charity"}:
        return entity_name(head, mod, language)  # 'weekly group runs', 'night rides': outings kept by kind
    if language == "en" and p.plural and head in _OUTINGS and not mod:
        return entity_name(head, None, language)  # 'members log their runs': the runs, not running
    if language == "en" and p.plural and head == "day" and mod and mod.endswith("ing") and len(mod) > 5 and \
            mod not in _TIME_MODIFIERS and not _skip(mod) and not is_fieldish(mod, language):
        return entity_name(head, mod, language)  # 'the club's flying days', 'our planting days': dated occasions
    if language == "en" and head in _OCCASION_UNITS and mod and len(p.modifiers) == 1 and mod in known_words() and \
            mod not in _TIME_MODIFIERS and not _skip(mod) and not is_fieldish(mod, language) and not _verbal(mod):
        return entity_name(head, mod, language)  # 'camp weeks', 'a market day': dated occasions of the thing
    if _skip(head) and not (p.plural and head in _KINDS_WHEN_PLURAL) or is_fieldish(head, language) or \
            _verbal(head) and not (
            language == "en" and p.plural and head.endswith("ing") and len(head) > 6 and p.words[-1].endswith("ings")):
        return None  # ... but 'feedings', 'weighings', 'plantings' are records, however verbal the word
    if head in {"history", "historial"} and not p.plural:
        return None  # "a car's full service history": a view of the car's records, not a History table
    if language == "en" and mod and head in word_set("vague_heads") and mod not in skip_mod and \
            not mod.endswith("ing") and not _verbal(mod):
        return entity_name(head, mod, language)  # 'discount codes', 'price tiers': a bare 'code' says nothing
    return entity_name(head, None, language)


_FULFILMENT = {"delivery", "pickup", "collection", "takeaway", "shipping", "domicilio", "recogida"}
_PROPOSING = {"suggest", "nominate", "propose", "proponer", "sugerir"}  # 'members suggest films': films are kept


GIFT_NOTES = {"card", "gift", "greeting", "greetings", "tarjeta", "dedicatoria"}


def entities_stage(r: Reading) -> Reading:
    """Score every candidate noun and keep those the prompt treats as things to store."""
    score: Counter[str] = Counter()
    word: dict[str, str] = {}
    first: dict[str, int] = {}
    mentions: Counter[str] = Counter()
    examples = {id(x) for group in r.examples.values() for x in group} | _bracketed_examples(r) | _premodifiers(r) | \
        _form_fields(r) | \
        _detail_notes(r) | _bracketed_fields(r) | _choice_phrases(r) | _replaced(r)
    names: dict[int, str] = {}
    acting = set(load("verbs")["joins"]) | {v for vs in load("verbs")["features"].values() for v in vs}
    particles = load("verbs")["join_particles"]
    joined = {id(p) for f in r.frames if f.verb in acting for p in f.objects} | {
        id(p) for f in r.frames if not f.objects for prep, p in f.preps[:1]
        if prep in particles.get(f.verb, ())}  # 'book services', 'lend tools', 'bid on lots', 'enrol in classes'
    filed = {id(p) for f in r.frames if f.verb in _FILING for p in f.objects} | {
        id(p) for f in r.frames if f.verb in _MAKING for p in f.objects[:1] if not p.plural}
    done = {id(p) for f in r.frames if f.verb in _DOING and f.subject is not None and personish(f.subject)
            for p in f.objects[:1] if not p.plural and p.head not in word_set("people")}
    requested = {id(p) for f in r.frames if f.verb in _REQUESTING for p in f.objects} | {
        id(q) for f in r.frames if f.verb in {"ask", "apply"} for prep, q in f.preps[:1] if prep == "for"}
    filed |= {id(p) for f in r.frames if f.verb in FILLING for p in [*f.objects, *(q for _, q in f.preps[:1])]
              if p.head in FORMS | _FILLED_IN}  # 'fill in an adoption form', 'fill in a scorecard': kept
    pages = _page_names(r)
    reported = any(f.verb == "report" and f.subject is not None and personish(f.subject) and f.objects
                   for f in r.frames) or any(f.verb in {"post", "submit", "file", "send"} and f.subject is not None and
                                            personish(f.subject) and any(o.head == "report" for o in f.objects)
                                            for f in r.frames)  # 'users can post a report with ...'
    skip_mods = set(load("nouns")["compound_modifiers_skip"])
    marked = Counter(p.head for p in r.phrases if p.possessive or p.start and (
        r.sentences[p.sentence][p.start - 1].possessive or r.sentences[p.sentence][p.start - 1].tag == "DET"))
    site = bool(re.search(r"\b(web ?sites?|site|sitio|web|pagina web|landing|online (?:shop|store)|web ?shop|"
                          r"tienda online|tienda en linea|e-?commerce)\b", r.text))
    written = {id(p) for f in r.frames if f.verb in _AUTHORING for p in f.objects}  # 'editors write pages': a CMS
    proper = _proper_names(r)
    business = _business_apposition(r)
    listed_alone = _bare_lists(r)
    in_bare = {id(p) for g in listed_alone for p in g}
    grouped = {id(q) for f in r.frames if f.verb in word_set("grouping_verbs") for prep, q in f.preps
               if prep in {"into", "en"} and q.plural and not q.modifiers}
    owned_logs = _owned_logs(r)
    headers, declared = _declared(r)
    logged_requests = {id(o) for f in r.frames if f.verb in _TRACKING | {"receive", "take", "handle"}
                       for o in f.objects if o.head == "request" and o.plural and not o.modifiers} if not any(
        q.head == "request" and q.modifiers for q in r.phrases) else set()
    for n, p in enumerate(r.phrases):
        if id(p) in headers:
            continue  # 'Tables: Site, Visit': the heading, not a dining table
        slashed = p.start > 1 and r.sentences[p.sentence][p.start - 1].text == "/" and any(
            q.sentence == p.sentence and q.end == p.start - 1 and q.head in word_set("people") for q in r.phrases)
        if slashed and p.head in word_set("people") and not p.modifiers:
            continue  # 'their parents/carers', 'drivers/couriers': another word for the same people
        if p.head in {"orden", "order"} and not p.plural and not p.modifiers and p.start and \
                r.sentences[p.sentence][p.start - 1].text in {"en", "in", "el", "del", "al", "por", "un", "mismo"}:
            continue  # 'sus enigmas en orden', 'in order of votes', 'el orden de las obras': a sequence, not an Order
        if flagged(r, p):
            continue  # 'fallen trees yes/no': a yes/no detail, not trees
        if p.head == "curso" and p.words == ["curso"] and p.start and \
                r.sentences[p.sentence][p.start - 1].text == "en":
            continue  # 'abierta, en curso, resuelta': a state, in progress
        if _who_we_are(r, p):
            continue  # 'nuestro grupo de teatro', 'the committee wants to see': who runs the app, a role at most
        if p.head in {"approval", "aprobacion", "sign-off"} and not p.plural and any(
                t.text in _APPROVAL_NEEDS for t in r.sentences[p.sentence][:p.start]):
            continue  # 'refunds need a manager's approval': a state the refund goes through, not a table
        if p.head in word_set("data_heads") and not p.modifiers and p.start and \
                r.sentences[p.sentence][p.start - 1].text in _POSSESSIVES:
            continue  # 'cada niño tiene sus datos (nombre, ...)': the child's details, not a table of its own
        if p.head in {"message", "mensaje", "note"} and not p.plural and set(p.modifiers[-1:]) & GIFT_NOTES:
            continue  # 'with a card message', 'a gift message': words printed on the order, a detail of it
        if p.head in {"rate", "ratio", "percentage", "tasa", "porcentaje"} and set(p.modifiers[-1:]) & _FIGURES:
            continue  # 'the conversion rate per month': a figure worked out from the records, not one
        name = name_of(p, r.language)
        if not name and id(p) in logged_requests:
            name = "Request"  # 'log requests from the nurses': each request is a record
        if not name and p.head in {"screen", "sala"} and p.plural and not p.modifiers and _CINEMA.search(r.text):
            name = "Screen"  # 'a cinema with two screens': the auditoriums showings are in, not pages of the app
            score[name] += 2
        toks = r.sentences[p.sentence]
        if not name and p.head == "site" and not p.modifiers and p.start and (
                p.plural and toks[p.start - 1].text in {"their", "his", "her"} or
                _many_places(p, toks, r.language)):
            name = entity_name("site", None, r.language)  # 'customers and their sites', 'equipment at each site'
            score[name] += 2
        if p.head == "collection" and p.plural and p.modifiers and p.end < len(r.sentences[p.sentence]) and \
                r.sentences[p.sentence][p.end].text == "(":
            name = entity_name(p.head, p.modifiers[-1], r.language)  # 'milk collections (date, litres)': each one
        if id(p) in declared:
            name = name or entity_name(p.head, p.modifiers[-1] if p.modifiers else None, r.language)
            score[name] += 4  # 'Entities: Site (name, region), Turbine (...)': the user named the tables
            names[id(p)] = name
            word.setdefault(name, p.said() if name != entity_name(p.head, None, r.language) else p.head)
            first.setdefault(name, n)
            mentions[name] += 1
            continue
        if not name and id(p) in owned_logs:
            name = entity_name(p.head, p.modifiers[-1] if p.modifiers else None, r.language)
            score[name] += 3  # "log our baby's feeds, nappy changes and naps": each one logged is a record
        each = p.start and r.sentences[p.sentence][p.start - 1].text in _EACH
        if not name and each and not p.plural and not p.modifiers and p.head not in _TIME_UNITS and \
                p.head.isalpha() and any(p in f.objects[:1] and f.verb in _LOGGING for f in r.frames):
            name = entity_name(p.head, None, r.language)  # 'log each pickup': each one logged is a record
            score[name] += 3
        if not name and id(p) in grouped and p.head in word_set("abstract_nouns") and p.head not in _TIME_UNITS:
            name = entity_name(p.head, None, r.language)  # 'group holdings into portfolios': collections people fill
        if not name and id(p) in in_bare and p.plural and not p.modifiers and len(p.head) > 3 and \
                p.head not in _TIME_UNITS | word_set("tool_nouns") | word_set("generic_subjects"):
            name = entity_name(p.head, None, r.language)  # 'members, boats, races, results.': results are kept
        name = word_sense(p.head, name, r.text)  # 'presupuestos' a client accepts are quotes; 'la carta' is a menu
        toks = r.sentences[p.sentence]
        if not name and p.plural and not p.modifiers and p.start and toks[p.start - 1].tag == "NUM" and \
                p.end + 1 < len(toks) and toks[p.end].text == "," and toks[p.end + 1].text in {"each", "cada"} and \
                p.head not in _TIME_UNITS and not _skip(p.head):
            name = entity_name(p.head, None, r.language)  # 'a franchise with 4 locations, each with several rooms'
            score[name] += 2
        if not name and p.head == "time" and len(p.modifiers) == 1 and not _skip(p.modifiers[0]) and \
                p.modifiers[0] not in _TIME_UNITS and any(p in f.objects and f.verb in _BOOKS for f in r.frames):
            name = entity_name(p.modifiers[0], None, r.language)  # 'members book wheel time': the wheels are booked
        if not name and p.plural and p.words[-1].endswith("ings") and len(p.head) > 5 and r.language == "en" and \
                p.head not in _NOT_ING_RECORDS and not _skip(p.head) and p.words[-1] not in _FEATURE_NOUNS and \
                any(p in f.objects and (f.verb in _BOOKS or f.verb in _LOGGING) for f in r.frames):
            name = entity_name(p.head, None, r.language)  # 'book kiln firings', 'log the milkings': each one a record
        if not name and not p.plural and p.start and toks[p.start - 1].text in {"every", "each", "cada"} and \
                any(p in f.objects and f.verb in STORING_VERBS for f in r.frames) and \
                not is_fieldish(p.head, r.language) and not _skip(p.head) and p.head not in _TIME_UNITS:
            mod = p.modifiers[-1] if p.modifiers and not _skip(p.modifiers[-1]) else None
            name = entity_name(p.head, mod, r.language)  # 'technicians log every test run': each one is a record
        if p.head == "book" and p.end + 1 < len(toks) and toks[p.end].text == "of" and \
                toks[p.end + 1].tag == "NUM":
            continue  # 'visitor permits are sold in books of 10': a pack, not a book
        if p.start == 1 and toks[0].text in {"after", "before", "upon", "tras", "antes", "despues"} and \
                not p.plural and p.end < len(toks) and toks[p.end].text == ",":
            continue  # 'After delivery, clients can leave a rating': when, not a Delivery record
        if p.head in {"grid", "view", "vista", "cuadricula"} and p.modifiers and not p.plural:
            continue  # 'a weekly schedule grid', 'a calendar view': how the app shows things, not a record
        if asks_for_capability(" ".join(p.words)):
            continue  # 'email reminders', 'speech input': capabilities, reported in not_built
        if id(p) in r.details_of_acts:
            continue  # 'order a cake by choosing the size and the flavour': the order's details, not things
        if p.start and toks[p.start - 1].possessive and (p.head in _SELF_HEADS or p.head in PERSON_ATTRIBUTES or
                                                         p.head in word_set("portraits") and not p.plural and
                                                         (toks[p.start - 1].lemma or toks[p.start - 1].text) in
                                                         word_set("people")):
            continue  # "instructors' profiles" are the instructors, "the driver's licence" a field of the driver
        if p.head in PERSON_ATTRIBUTES and p.modifiers and not _skip(p.modifiers[-1]):
            name = entity_name(singular(p.modifiers[-1], r.language), None, r.language)  # 'instructor bios'
            if not name or is_fieldish(p.modifiers[-1], r.language):
                continue
        if not name and p.start and toks[p.start - 1].text in _EACH and p.end < len(toks) and \
                toks[p.end].tag in {"AUX", "VERB"} and p.head in word_set("abstract_nouns") and \
                p.head not in _TIME_UNITS | {"one", "ones", "way", "thing", "part", "uno", "cosa", "parte"}:
            name = entity_name(p.head, None, r.language)  # 'each report is routed to a department': a record
            score[name] += 2
        if not name and not p.modifiers and not p.plural and p.head.endswith("ing") and len(p.head) > 5 and \
                p.start and toks[p.start - 1].text in {"a", "an", "each", "every", "per"} and \
                p.head not in _NOT_ING_RECORDS | _TIME_UNITS and not _skip(p.head) and r.language == "en":
            name = entity_name(p.head, None, r.language)  # 'book tickets for a sailing', 'the count for each sailing'
        if not name and p.head in _IN_CONTEXT and re.search(_IN_CONTEXT[p.head], r.text):
            name = entity_name(p.head, None, r.language)  # 'choose seats for a performance' at a theatre
            score[name] += 2
        if not name and not p.modifiers and p.start and toks[p.start - 1].text in _WHICH - {"que"} and \
                entity_name(p.head, None, r.language) in definitions():
            name = entity_name(p.head, None, r.language)  # 'log each wash (which car, which service)': one of many
        if not name and p.head in {"report", "update", "return"} and p.plural and p.start and \
                any(t.text in PERIODIC for t in toks[p.start - 1:p.start + 1]) and \
                (p.modifiers[-1:] in (["progress"], ["status"]) or p.end < len(toks) and
                 toks[p.end].text in {"from", "by"}) and not any(
                    t.lemma in {"view", "see", "generate", "get", "show", "download", "export", "print", "produce"}
                    for t in toks[max(0, p.start - 3):p.start]):
            name = entity_name(p.head, p.modifiers[-1] if p.modifiers else None, r.language)
            score[name] += 1  # 'monthly progress reports from the raiser': each one is sent in and kept
        if not name and p.plural and p.end + 2 < len(toks) and toks[p.end].text in {"made", "consisting", "composed"} \
                and toks[p.end + 1].text == "of" and p.head not in _TIME_UNITS and \
                any(q.start == p.end + 2 and q.plural for q in r.phrases if q.sentence == p.sentence):
            name = entity_name(p.head, None, r.language)
            score[name] += 3  # 'morning and evening routines made of steps': what holds the steps is kept
            part = next(q for q in r.phrases if q.sentence == p.sentence and q.start == p.end + 2)
            if name_of(part, r.language):
                score[name_of(part, r.language)] += 2
        if not p.plural and p.start > 2 and toks[p.start - 1].text in _EACH and toks[p.start - 2].text in {"of", "de"} \
                and toks[p.start - 3].text in _LOGGED_OF and p.head not in _TIME_UNITS and \
                not is_fieldish(p.head, r.language) and p.head not in word_set("people") and \
                p.head not in {"thing", "one", "change", "update", "step", "way", "cosa", "cambio", "vez"}:
            name = name or entity_name(p.head, None, r.language)
            score[name] += 3  # 'keep a log of each decision', 'un registro de cada visita': each one is a record
        if p.plural and p.end + 2 < len(toks) and toks[p.end].text in {"for", "per", "on", "de"} and \
                toks[p.end + 1].text in _EACH and p.head not in _TIME_UNITS and (p.modifiers or not name) and \
                (q := next((q for q in r.phrases if q.sentence == p.sentence and q.start == p.end + 2), None)) and \
                _fields_follow(toks, q.end, r.language) and not is_fieldish(p.modifiers[-1] if p.modifiers else
                                                                           p.head, r.language):
            name = entity_name(p.head, p.modifiers[-1], r.language) if p.head in NOTE_WORDS and p.modifiers else \
                name or entity_name(p.head, p.modifiers[-1] if p.modifiers else None, r.language)
            score[name] += 3  # 'treatment notes for each appointment (points used, needles)': records with fields
        if _per_thing(r, p) is not None:
            mods = [m for m in p.modifiers if m not in _TIME_MODIFIERS]
            name = name or entity_name(p.head, mods[-1] if mods else None, r.language)
            score[name] += 3  # 'daily feeding per pen (feed type, kg)': a record kept for each pen, with its details
            if {*p.words, toks[p.start - 1].text if p.start else ""} & _PERIODIC:  # 'daily feeding': each is dated
                r.records.add(name)
                r.field_lists.setdefault(name, []).append("date")
        if p.plural and p.start == 0 and p.head in _PLACES_LISTED and _fields_follow(toks, p.end, r.language, 1):
            name = name or entity_name(p.head, None, r.language)
            score[name] += 3  # 'Sites (client, address, post instructions)' heading a line: the sites kept
        if p.plural and len(p.head) > 3 and _fields_follow(toks, p.end, r.language) and \
                p.head not in _TIME_UNITS and p.head not in word_set("generic_subjects") | _APPS:
            name = name or entity_name(p.head, None, r.language)
            score[name] += 3  # 'store locations (address, type, owner contact)': what has fields is a record
        if not name and _many_places(p, toks, r.language):
            name = entity_name(p.head, None, r.language)  # 'a gym with several locations', 'at each location'
        if p.head == "site" and p.plural and p.modifiers and (
                p.modifiers[-1] in word_set("people") or p.modifiers[-1] in _SITE_KINDS) and p.start and \
                toks[p.start - 1].text in {"at", "to", "across", "between", "from", "visit", "visits", "visiting"}:
            name = entity_name("site", None, r.language)
            score[name] += 3  # 'patrol rounds at client sites', 'our construction sites': places the work is done
        if not name and _chain_of_haves(p, toks) and p.head in {"site", "unit", "location", "sitio", "unidad"}:
            name = entity_name(p.head, None, r.language)
            score[name] += 3  # 'customers have sites, sites have units': each a record of the one before
        if id(p) in done and name:
            score[name] += 3  # 'inspectors do a yearly inspection and record ...': each one done is a record
        if id(p) in filed and p.head in _FILED | _FILLED_IN:
            name = name or entity_name(p.head, None, r.language)
            score[name] += 3  # 'residents submit a report': the report is a record
        elif id(p) in requested and p.head in word_set("requestable") and (not p.plural or p.head == "swap"):
            name = name or entity_name(p.head, None, r.language)  # 'employees request leave', 'pedir un cambio'
            name = "QuoteRequest" if p.head == "presupuesto" else f"{name}Request"  # 'pedir presupuesto': a quote
            score[name] += 3  # 'visitors can request a viewing': the request is what the site keeps
        elif p.head in FORMS and p.modifiers and p.end + 2 < len(toks) and \
                (toks[p.end].text in word_set("people") or singular(toks[p.end].text) in word_set("people")) and \
                toks[p.end + 1].text in FILLING | {"fills", "completes", "submits", "sends"}:
            name = name or entity_name(p.head, p.modifiers[-1], r.language)
            score[name] += 3  # 'an intake form patients fill in before their first visit': what they send is kept
        elif p.head in FORMS and name and (id(p) in filed or p.modifiers and not name.endswith("Form")):
            score[name] += 3  # 'a quote request form', 'fill in an adoption form': what is sent is kept
        elif p.head in {"application", "solicitud"} and (id(p) in filed or p.plural and p.modifiers and
                                                          p.modifiers[-1] in _APPLIED_FOR):
            mod = p.modifiers[-1] if id(p) in filed and p.modifiers and not _skip(p.modifiers[-1]) else None
            name = entity_name(p.head, mod, r.language) if r.language == "en" else "Application"
            score[name] += 3  # 'submit an adoption application', 'managing scholarship applications'
        j = p.start - 1
        while j > 0 and toks[j].tag == "DET":
            j -= 1
        if not name and not p.plural and (is_fieldish(p.head, r.language) or not p.modifiers and p.head in (
                word_set("abstract_nouns") | word_set("tool_nouns"))) and j > 0 and p.head not in _TIME_UNITS and \
                [toks[j - 1].text, toks[j].text] in (["belongs", "to"], ["belong", "to"], ["pertenece", "a"]) and \
                p.head not in {"date", "year", "fecha", "ano", "user", "usuario"}:
            name = entity_name(p.head, None, r.language)  # 'each stamp belongs to a country': a lookup of its own
            score[name] += 1
        if not name and not p.plural and p.head in {"log", "diary", "journal"} and len(p.modifiers) == 1 and \
                p.modifiers[0].endswith("ing") and len(p.modifiers[0]) > 5 and p.end < len(toks) and \
                toks[p.end].text in {":", "("}:
            name = p.modifiers[0].capitalize() + "Log"
            score[name] += 3  # '- Feeding log: date, food item, accepted': each feeding is a row of the log
            r.records.add(name)
        if not name and not p.plural and not p.modifiers and p.head in _KINDS_BROWSED and any(
                f.verb in _BROWSING and any(prep in {"by", "por"} and q is p for prep, q in f.preps) for f in r.frames):
            name = "Category" if p.head in {"type", "tipo"} else entity_name(p.head, None, r.language)
            score[name] += 3  # 'browse vinegars by type', 'filter plants by variety': the kinds are kept
        if not name and p.possessive and not p.head.endswith("ing") and _verbal(p.head) and any(
                q.sentence == p.sentence and q.start == p.end and is_fieldish(q.head, r.language) for q in r.phrases):
            name = entity_name(p.head, None, r.language)  # "each run's distance, time and route": a Run is kept
        if not name and not p.modifiers and marked[p.head] >= 2 and _verbal(p.head) and not p.head.endswith("ing") \
                and entity_name(p.head, None, r.language) not in _GENERIC_HEADS:
            name = entity_name(p.head, None, r.language)  # "this season's plays ... each play's page": a noun here
        if not name and not p.modifiers and not p.plural and p.start and toks[p.start - 1].text in _EACH and \
                p.end + 1 < len(toks) and toks[p.end].text == "of" and toks[p.end + 1].tag == "DET" and \
                _verbal(p.head) and not p.head.endswith(("ing", "ed")):
            name = entity_name(p.head, None, r.language)  # 'logs each play of a game': a play is a record
            score[name] += 1
        if not name and not p.modifiers and not p.plural and p.start and toks[p.start - 1].text in _EACH and \
                p.end < len(toks) and toks[p.end].text in {"(", ":"} and _verbal(p.head) and \
                not p.head.endswith(("ing", "ed")) and p.head not in _TIME_UNITS and r.language == "en":
            name = entity_name(p.head, None, r.language)  # 'log every find (who found it, date, comment)'
            score[name] += 1
        if not name and not p.plural and not p.modifiers and p.start and toks[p.start - 1].text in _EACH and \
                is_fieldish(p.head, r.language) and p.head not in _TIME_UNITS and p.end + 1 < len(toks) and \
                toks[p.end].text in {"has", "have", "tiene", "tienen"} and any(
                    q.sentence == p.sentence and q.plural and p.end < q.start <= p.end + 3 and
                    q.head not in _TIME_UNITS and not is_fieldish(q.head, r.language) for q in r.phrases):
            name = entity_name(p.head, None, r.language)  # 'each location has rooms': the locations are kept
            score[name] += 2
        if not name and p.plural and not p.modifiers and is_fieldish(p.head, r.language) and \
                p.end + 1 < len(toks) and toks[p.end].text in {"for", "per", "por", "de"} and \
                toks[p.end + 1].text in _EACH and p.head not in _TIME_UNITS:
            name = entity_name(p.head, None, r.language)  # 'scores for each round': one record per round
            score[name] += 1
        if p.head in _SCORE_WORDS and p.end + 1 < len(toks) and (
                toks[p.end].text in {"per", "por"} or toks[p.end].text in {"for", "de", "of"} and
                toks[p.end + 1].text in _EACH | {"every"}):
            kind = p.modifiers[-1] if p.modifiers and len(p.modifiers[-1]) > 2 and \
                not is_fieldish(p.modifiers[-1], r.language) else None
            name = entity_name(p.head, kind, r.language) if p.head == "score" else "Score"
            score[name] += 3  # "each shooter's score per round", 'D and E scores per routine': one record each
        elif p.head in _SCORE_WORDS and not p.modifiers and p.plural and p.start and \
                toks[p.start - 1].text not in _OWN_WORDS and any(
                id(p) in {id(q) for q in f.objects} and f.verb in STORING_VERBS for f in r.frames):
            name = "Score"
            score[name] += 3  # 'record scores: an archer shoots a round ...': the scores are what is kept
        if name and p.head in {"date", "time"} and p.modifiers and p.modifiers[-1] in _DATED_EVENTS:
            score[name] += 1  # 'test dates', 'performance dates': the dated things are kept
        if p.head in {"page", "pages"} and len(p.words) >= 2 and p.words[-2].endswith("s") and \
                p.words[-2] not in _SECTIONS | _PAGE_NAMES | _STYLED and p.end < len(toks) and toks[p.end].text == ":":
            mod = singular(p.words[-2], r.language)
            if not _skip(mod) and not is_fieldish(mod, r.language) and not _verbal(mod):
                listed = entity_name(mod, None, r.language)  # 'Workshops page: beginner knitting, crochet, ...'
                score[listed] += 3
                first.setdefault(listed, n)
                word.setdefault(listed, mod)
        with_details = p.plural and p.end < len(toks) and toks[p.end].text in {"with", "con"}
        if not name and p.head == "report" and reported and (not p.modifiers or set(p.modifiers) <= skip_mods):
            name = "Report"  # 'residents report problems ... assign each report to a department': the reports kept
        if not name and (id(p) in joined and p.head in word_set("ambiguous_things") or
                         with_details and p.head in _PLACES_OF_BUSINESS):
            name = entity_name(p.head, None, r.language)  # 'neighbours lend tools', 'shops with opening hours'
        if name and not p.plural and p.modifiers[-1:] and p.modifiers[-1] in _ORDINALS and p.start > 1 and \
                toks[p.start - 1].tag == "DET" and toks[p.start - 2].text in {"before", "after", "until", "antes",
                                                                              "despues", "hasta"}:
            continue  # 'before their first visit': when something happens, not a FirstVisit record
        if name and not p.modifiers and r.language == "es" and p.head in {"manana", "tarde", "noche", "madrugada",
                                                                          "mediodia"}:
            continue  # 'turnos de mañana, tarde y noche', 'no puede hacer noche y mañana': parts of the day
        if name and not p.plural and p.head in {"final", "fin", "principio", "inicio", "mitad", "end", "start",
                                                  "beginning", "middle"} and p.end + 1 < len(toks) and \
                toks[p.end].text in {"de", "del", "of"} and any(
                    t.text in _TIME_UNITS or singular(t.text, r.language) in _TIME_UNITS
                    for t in toks[p.end + 1:p.end + 3]):
            continue  # 'a final de mes', 'at the end of the month': when, not a thing
        if name and p.plural and p.head in _TIME_UNITS and p.start and \
                toks[p.start - 1].text in {"on", "at", "during", "over", "in", "los", "las", "en"}:
            continue  # 'timed entry slots on busy weekends': when, not a Weekend record
        if name == "Person" and not p.plural and not p.modifiers and p.start and toks[p.start - 1].text in _EACH:
            continue  # 'which dress each person has borrowed', 'forms each person collected': one of the people kept
        if name and not p.modifiers and p.head in _TIME_UNITS and p.start and \
                (toks[p.start - 1].text in _EVERY | {"a", "an", "al", "the"} or toks[p.start - 1].tag == "NUM"):
            continue  # 'each day', 'per week', 'cada dia', 'al mes': how often, not a thing
        if name and (p.head == "clock" and p.end < len(toks) and toks[p.end].text in {"in", "out", "on"} or
                     any(t.lemma == "fichar" for t in toks[max(0, p.start - 3):p.start]) or
                     p.head in _IN_OUT and not p.modifiers and
                     {_IN_OUT[p.head], _IN_OUT[p.head] + "s"} & {t.text for t in toks[max(0, p.start - 3):p.end + 3]}):
            continue  # 'staff clock in', 'fichar entrada y salida': times of an attendance, not things
        if name and p.head in {"card", "tarjeta", "cash", "efectivo", "bizum", "transfer", "transferencia"} and \
                not p.plural and p.start > 1 and toks[p.start - 1].text in {"by", "with", "con", "en", "por"} and \
                re.match(r"(?:pay|pag|cobr|charg)", toks[p.start - 2].text):
            continue  # 'pago con tarjeta', 'pay by card': how it is paid, not a thing
        if not name and p.head in RECORD_SHEETS and not p.plural and p.start and \
                _details_after(toks, p.end, r.language):
            name = entity_name(p.head, p.modifiers[-1] if p.modifiers else None, r.language)
            score[name] += 3  # 'the foreman fills in a day sheet: date, estate, hours': the sheets are records
        if not name or id(p) in examples or p.start > 1 and toks[p.start - 2].text in _FEATURE_HEADS and not p.plural:
            continue  # 'formulario de contacto' asks for a feature; 'a page of workshops' lists things
        if _not_a_record(r, p) or _colour_words(r, p) or _a_place_in(toks, p) or _infinitive(r, p) or \
                _whereabouts(toks, p) or _where_people_are_from(r, p) or \
                p.head in proper and not p.modifiers:
            continue
        k = p.start - 1
        while k > 0 and toks[k].tag in {"DET", "ADJ"}:
            k -= 1
        if p.sentence == 0 and not p.plural and k > 0 and toks[k].text in {"for", "para"} and \
                toks[k - 1].text in word_set("tool_nouns") and p.head in _GROUPS or _owner_of_site(r, p):
            continue  # 'an issue tracker for a small team', 'a website for a farmers' market': who it is for
        if p.possessive and p.head in {"man", "woman", "lady", "gentleman", "boy", "girl"} \
                and p.end < len(toks) and toks[p.end].tag == "NOUN" and sum(q.head == p.head for q in r.phrases) == 1:
            continue  # "Men's Shed", "women's football club": whose kind of group it is, not a table of men
        if r.language == "es" and p.sentence == 0 and p.start > 1 and toks[p.start - 1].text == "de" and \
                toks[p.start - 2].text in _GROUPS_ES and sum(q.head == p.head for q in r.phrases) == 1 and \
                p.head not in word_set("people") and words_of(name or "X") not in word_set("people") and \
                not (name or "").endswith(AGENT_ENDINGS):
            continue  # 'Grupo de danzas tradicionales:', 'Asociación de vecinos': what kind of group, not a table
        if r.language == "es" and p.sentence == 0 and not p.plural and not p.modifiers and \
                p.head.endswith("eria") and k >= 0 and toks[k].text in {"de", "para", "mi", "nuestra", "la"} and \
                sum(q.head == p.head for q in r.phrases) == 1:
            continue  # 'Gestión de cristalería:', 'app para mi panadería': the shop the app is for, named once
        if not p.plural and p.start and toks[p.start - 1].lemma in _TEACHING and toks[p.start - 1].tag == "VERB":
            continue  # 'i teach piano', 'enseño inglés': what is taught is a subject, not a record
        if not p.plural and p.head in _GROUPS | _HOUSEHOLDS and p.start and \
                toks[p.start - 1].text in {"our", "my", "nuestro", "nuestra", "mi"} and \
                any(f.subject is p for f in r.frames):
            continue  # 'where our group logs each play': the group is who uses the app ('we'), not a record
        lead = [t.text for t in toks[:p.start] if t.tag not in {"DET", "ADJ"}][-2:]
        if lead in (["we", "re"], ["we", "are"], ["i", "run"], ["we", "run"]) or \
                lead[-1:] in (["somos"], ["soy"], ["estoy"], ["estamos"]):
            continue  # "we're a volunteer-run animal shelter": who we are, not a record
        if (lead[-1:] in (["tengo"], ["tenemos"], ["own"]) or lead in (["i", "have"], ["we", "have"])) and \
                not p.plural and p.head in word_set("settings") and p.sentence == 0:
            continue  # 'Tengo un taller mecánico pequeño', 'I have a small bakery': where the app is used
        if not p.plural and p.head in _GROUPS and p.start > 1 and toks[p.start - 1].text in {"the", "our", "my"} and \
                toks[p.start - 2].text == "by" and not any(q.head == p.head and q.plural for q in r.phrases):
            continue  # 'photos uploaded by the team': the people using the app, not a table of teams
        before_lead = [t.text for t in toks[:p.start] if t.tag not in {"DET", "ADJ"}][-3:]
        if not p.plural and len(before_lead) == 3 and before_lead[0] in {"i", "we"} and \
                before_lead[1] in {"work", "volunteer", "help"} and before_lead[2] in {"in", "at", "for", "on"}:
            continue  # 'I work in the admissions team', 'we volunteer at a food bank': who is writing
        if lead in (["as"],) and not p.plural and p.end < len(toks) and toks[p.end].text in {"i", "we", ","}:
            continue  # 'As a team lead I want ...': who is writing
        if not p.plural and p.end < len(toks) and toks[p.end].text == "here" and \
                all(t.tag in {"DET", "ADJ", "NOUN", "PUNCT"} for t in toks[:p.start]) and \
                (p.end + 1 == len(toks) or toks[p.end + 1].text in {",", ".", ":", ";", "-"}):
            continue  # 'Uni student here.', 'Small gallery here, we ...': who is writing, not a record
        if p.end < len(toks) and toks[p.end].text in _WANTS and any(
                t.text in word_set("tool_nouns") for t in toks[p.end + 1:p.end + 5]):
            continue  # 'our beekeeping association wants a site': who asks for the app, not a record in it
        if id(p) in pages or p.head in _PAGES and p.end < len(toks) and toks[p.end].text == ":" or \
                p.head in {"page", "pagina", "section", "seccion", "apartado"} and site and id(p) not in written and (
                    not p.modifiers or p.modifiers[-1] in _SECTIONS | _PAGE_NAMES or name in {"Page", "Pagina"}):
            continue  # 'Pages: Home (opening hours), Our Team (vet profiles), ...': the site's pages, not records
        if own_page(r, p):
            continue  # 'each room needs its own page with ...': the page shows the room
        if not p.plural and not p.modifiers and p.head in _FULFILMENT and p.start and \
                toks[p.start - 1].text in {"for", "para", "a"}:
            continue  # 'order gift boxes for delivery', 'para recoger': how an order is fulfilled, not a table
        if p.head in _PAGES and p.end < len(toks) and toks[p.end].tag == "VERB" and \
                toks[p.end].lemma in {"list", "show", "display", "explain"}:
            continue  # 'a public page listing committees': a view of them, not a record
        if p.head in _PAGES | {"form", "formulario"} and p.modifiers[-1:] and (
                p.modifiers[-1] in _BOOKING_WORDS or p.modifiers[-1].endswith("ing") and len(p.modifiers) == 1 and
                p.modifiers[-1] not in known_words()):
            continue  # 'a booking page', 'a bidding page': where it is done; what is booked or bid on is elsewhere
        if p.head in _PAGE_NAMES and p.end < len(toks) and toks[p.end].text in _PAGES or \
                p.head in _PAGES and p.modifiers and p.modifiers[-1] in _PAGE_NAMES:
            continue  # 'a home page with opening hours' is a page of the site
        if r.language == "es" and not p.plural and _qualifies_after_de(r, toks, p):
            score[name] -= 6  # 'multas de trafico', 'pistas de padel': the word after 'de' qualifies the thing
        elif r.language == "es" and p.plural and p.start > 1 and toks[p.start - 1].text == "de" and \
                toks[p.start - 2].text in _LEAGUES_ES and p.head not in ENTITY_WORDS_ES and \
                p.head not in known_words() and p.head not in load("spanish")["names"] and not personish(p):
            score[name] -= 6  # 'liga de dardos', 'club de bolos': the game they play, not a table
        if p.sentence == 0 and not p.plural and p.head in business and p.start > 1 and \
                toks[p.start - 1].tag in {"DET", "ADJ", "NOUN"} and any(t.text == "," for t in toks[:p.start]):
            continue  # 'a website for Shield Pest Control, a pest control company': who the site is for
        if p.head in _CONTAINERS and p.end + 1 < len(toks) and toks[p.end].text in {"of", "de"} and not (
                p.head in _OFFERS and toks[p.end + 1].tag in {"DET", "PRON"}) or _STACK.search(p.head):
            continue  # 'a list of books' is the books; 'express' is a framework
        if p.head in {"list", "lista", "listado"} and p.plural and p.end < len(toks) and \
                toks[p.end].text in {"by", "per", "por", "of", "de"} and not p.modifiers:
            continue  # 'listas por semana y por grupo de edad': views of what is kept, not a table of lists
        if p.head in {"class", "clase"} and not p.plural and not p.modifiers and p.end < len(toks) and \
                toks[p.end].text == "(" and not re.search(r"\b(?:classes|clases)\b", r.text):
            continue  # 'reg, make/model, class (small van, Luton, minibus)': the class is a category of the van
        names[id(p)] = name
        word.setdefault(name, p.said() if name != entity_name(p.head, None, r.language) else p.head)
        first.setdefault(name, n)
        mentions[name] += 1
        if p.head in known_words() or words_of(name) in known_words() or (
                r.language == "es" and p.head in ENTITY_WORDS_ES):
            score[name] += 2
        if p.plural and p.end + 2 < len(toks) and toks[p.end].text in {"of", "de"} and \
                toks[p.end + 1].tag == "NUM" and toks[p.end + 2].tag == "NOUN" and toks[p.end + 2].text.endswith("s"):
            score[name] += 3  # 'teams of 4 players', 'grupos de 6 niños': each group is kept with its members
        if p.head in {"library", "libraries"} and p.modifiers and singular(p.modifiers[-1]) in _LENT_THINGS and \
                not re.search(r"\bbooks?\b", r.text):
            lent = entity_name(singular(p.modifiers[-1]), None, r.language)  # 'a tool library': the tools are lent
            score[lent] += 3
            first.setdefault(lent, n)
            word.setdefault(lent, singular(p.modifiers[-1]))
        if p.plural and p.head in {"register", "ledger", "registry"} and p.modifiers:
            for q in next((g for g in r.lists if p in g), [p]):  # 'aircraft and battery registers': both kept
                kept = name if q is p else name_of(q, r.language) if not q.plural else None
                if kept:
                    score[kept] += 3
        if p.head in word_set("tool_nouns") or (p.modifiers and p.head in {"management", "processing", "tracking",
                                                                             "history", "historial"}):
            score[name] += 3  # 'expense tracker', 'vendor management'
        elif p.head in {"rota", "roster"} and name == "Shift":
            score[name] += 4  # 'a staff rota for the cafe': the shifts, each a dated record
    for f in r.frames:  # 'turn an accepted quote into a job', 'convertir el presupuesto en pedido': what it becomes
        if f.verb in {"turn", "convert", "convertir", "transformar"}:
            for prep, q in f.preps:
                if prep in {"into", "en"} and id(q) in names and q.head not in word_set("people") and \
                        not is_fieldish(q.head, r.language):
                    score[names[id(q)]] += 3
    for f in r.frames:  # 'los socios pagan la cuota', 'members pay their dues': each fee paid is kept
        if f.verb in {"pay", "pagar"} and f.subject is not None and f.subject.head in word_set("people"):
            for o in f.objects:
                if id(o) in names and o.head in {"fee", "fees", "dues", "cuota", "cuotas"}:
                    score[names[id(o)]] += 3
    for f in r.frames:  # 'order ahead for pickup ... see when their order is ready': the order placed is kept
        record = _RECORD_OF_ACT.get(f.verb)
        if record and not f.objects:
            for p in r.phrases:
                if id(p) in names and p.head == record and not p.modifiers:
                    score[names[id(p)]] += 2
                    break
    for f in r.frames:
        if f.subject is not None and not f.subject.plural and names.get(id(f.subject)) in {"Customer", "Client"} and \
                f.verb in _ASKS_AND_BUYS:
            score[names[id(f.subject)]] += 2  # 'customer asks for a quote online': who asks is kept
        for _prep, p in f.preps[:1]:
            if id(p) in joined and id(p) in names and not f.objects:
                score[names[id(p)]] += 2  # 'buyers bid on lots', 'students enrol in courses': what is joined is kept
            elif id(p) in names and f.objects and _prep in particles.get(f.verb, ()) and \
                    f.verb in load("verbs")["joins"] and f.objects[0].head in word_set("people"):
                score[names[id(p)]] += 2  # 'parents register their kids for camp weeks': what they are joined to
        storing = f.verb in STORING_VERBS or f.verb in _ASSIGNING or (  # 'assign chores to the kids'
            f.verb in _PROPOSING and f.subject is not None and f.subject.head in word_set("people"))
        vt = r.sentences[f.sentence]
        if f.position and vt[f.position].text.endswith("ed") and vt[f.position - 1].tag == "NOUN" and \
                f.position + 1 < len(vt) and vt[f.position + 1].tag == "PUNCT":
            storing = False  # 'stats like goals conceded, fouls, shots on goal': what the goals are, not an act
        shown = f.verb in _SHOWING and (f.subject is None or f.subject.head in _SITE_WORDS)
        for p in f.objects:
            if id(p) in names and storing:
                score[names[id(p)]] += 3 if id(p) in joined else 2  # 'book services': what is booked is a thing
                if p.plural and p.end <= f.position and f.subject is None and f.verb in _LOGGING:
                    score[names[id(p)]] += 1  # 'alterations get logged with the seamstress': kept, said passively
                elif p.start and r.sentences[p.sentence][p.start - 1].text in _EACH:
                    score[names[id(p)]] += 1  # 'records each walk': one record per walk
                elif p.plural and p.head in MEASURED and p.modifiers and f.verb in _LOGGING | _MEASURING:
                    score[names[id(p)]] += 1  # 'log gravity and temperature readings': readings are records
            elif id(p) in names and shown and p.plural:
                score[names[id(p)]] += 2  # 'the website should show our services, photos and testimonials'
            elif id(p) in names and p.plural and p.end <= f.position and f.subject is not None and \
                    f.subject.head in word_set("people") and p.sentence == f.sentence:
                score[names[id(p)]] += 1  # 'gift vouchers that customers can redeem': what people act on is kept
            elif id(p) in names and p.plural and p.start > f.position and f.verb in _ACHIEVED and \
                    f.subject is not None and f.subject.head in word_set("people") | {"staff", "crew"} and \
                    p.sentence == f.sentence:
                score[names[id(p)]] += 3  # 'volunteers complete training modules', 'kids earn badges': kept
            if id(p) in names and f.verb in _ASSIGNING and personish(p):
                score[names[id(p)]] += 1  # 'carers are assigned to visits': who is assigned is kept
        for prep, p in f.preps[:1]:
            if id(p) in names and f.verb in _ASSIGNING and prep in {"to", "a"} and (
                    personish(p) or p.start and r.sentences[p.sentence][p.start - 1].text in _EACH or
                    p.start and r.sentences[p.sentence][p.start - 1].text in {"a", "an"} and
                    p.head.endswith(AGENT_ENDINGS) and not p.modifiers and not is_fieldish(p.head, r.language)):
                score[names[id(p)]] += 2  # 'each groom gets assigned to a groomer', 'two readers to each manuscript'
            elif id(p) in names and f.verb in _ASSIGNING and prep == "to" and p.start and \
                    r.sentences[p.sentence][p.start - 1].text in {"a", "an"} and not p.plural and \
                    not is_fieldish(p.head, r.language):
                score[names[id(p)]] += 1  # 'a game master gets assigned to each booking': the one assigned to
        vt = r.sentences[f.sentence]
        done_to = f.subject if f.subject is not None else (f.objects[0] if f.objects and
                                                            f.objects[0].start < f.position else None)
        if f.verb in _ASSIGNING and done_to is not None and id(done_to) in names and f.position and \
                vt[f.position].text.endswith("ed") and vt[f.position - 1].text in {"is", "are", "gets", "get", "was",
                                                                                  "were", "be"}:
            score[names[id(done_to)]] += 1  # 'each job is assigned to a technician': the job is a record
        if f.verb in SITTING and f.subject is not None and id(f.subject) in names:
            for prep, p in f.preps[:1]:
                if id(p) in names and prep in {"in", "on", "inside"}:
                    score[names[id(p)]] += 2  # 'samples sit in a box': the boxes are kept too
        if f.subject is None and (f.verb in _WE_MAKE or storing and f.verb not in _WE_GIVE) and f.position and \
                r.sentences[f.sentence][f.position - 1].text in {"we", "i", "nosotros", "yo"}:
            for p in f.objects:
                score[names.get(id(p), "")] += 1  # 'for each concert we build a programme': what we make is kept
        if f.subject is not None and id(f.subject) in names and (storing or f.objects) and not _audience(r, f.subject):
            score[names[id(f.subject)]] += 3 if f.subject.head in word_set("people") else 2  # 'patrons place holds'
            if f.verb in _SIGNING_UP | {"apply", "solicitar"} and personish(f.subject) and \
                    any(id(p) in names for _, p in f.preps[:1]):
                score[names[id(f.subject)]] += 1  # 'comedians apply for open mic slots': the applicants are kept
            if storing and any(id(p) in names for p in f.objects):  # 'editors write pages': both are things
                score[names[id(f.subject)]] += 1
                for p in f.objects:
                    score[names.get(id(p), "")] += 1
        for prep, p in f.preps:
            if id(p) in names and prep in {"as", "como"} and f.verb in _SIGNING_UP and \
                    (p.head in word_set("people") or p.head.endswith(AGENT_ENDINGS + ("ante", "ente"))):
                score[names[id(p)]] += 2  # 'register as a donor', 'se registre como donante': who signs up is kept
            if id(p) in names and p.plural and prep in {"into", "en"} and f.verb in _SPLITTING:
                score[names[id(p)]] += 3  # 'projects get split into jobs': each part is a record of the whole
                for whole in (q for q in f.objects if id(q) in names):
                    score[names[id(whole)]] += 2
                continue
            if id(p) in names and p.plural and prep in {"into", "en"} and f.verb in word_set("grouping_verbs"):
                score[names[id(p)]] += 3  # 'group them into cookbooks': collections the users fill
                for kept in (q for q in f.objects if id(q) in names and q.plural):
                    score[names[id(kept)]] += 1  # 'group holdings into portfolios': what is grouped is kept too
                continue
            if id(p) in names and storing and (prep in _LINK_PREPS or prep == "of" and f.objects and
                                               id(f.objects[0]) not in names):
                score[names[id(p)]] += 1  # 'assign tasks to members', 'upload images of their projects'
            elif id(p) in names and storing and prep == "of" and f.objects and id(f.objects[0]) in names and \
                    f.objects[0].start and r.sentences[f.sentence][f.objects[0].start - 1].text in _EACH:
                score[names[id(p)]] += 3  # 'logs each play of a game': each play is of one game, kept too
    _container_bonus(r, names, score)
    _bare_noun_list(r, names, score)
    _kinds_in_brackets(r, names, score)
    _stated_membership(r, names, score)
    _details_at_each(r, names, score, first, word)
    _per_and_left(r, names, score)
    _reported_kinds(r, names, score)
    _handed_over(r, names, score)
    _one_file_or_description(r, names, score)
    _with_their_details(r, names, score)
    _list_for_the_app(r, names, score)
    _people_with_their(r, names, score)
    _with_a_detail(r, names, score)
    for p in r.phrases:  # 'an app for my recipes', 'una app para mis plantas': the things the app is for
        toks = r.sentences[p.sentence]
        k = p.start - 1
        while k > 0 and toks[k].tag in {"DET", "ADJ"} and toks[k].text not in {"for", "para"}:
            k -= 1
        if id(p) in names and p.plural and not p.possessive and k > 0 and toks[k].text in {"for", "para"} and \
                k < p.start - 1 and \
                toks[k - 1].text in word_set("tool_nouns") | {"something", "algo"} and \
                toks[p.start - 1].text in {"my", "our", "mis", "nuestros", "nuestras", "las", "los", "the"} and \
                p.head not in word_set("people") and not is_fieldish(p.head, r.language):
            score[names[id(p)]] += 3
    for p in r.phrases:  # 'a list of the birds I have seen', 'un registro de los gastos del coche': the records
        toks = r.sentences[p.sentence]
        k = p.start - 1
        while k > 0 and toks[k].tag in {"DET", "ADJ"}:
            k -= 1
        tool = next((q for q in r.phrases if q.sentence == p.sentence and q.end == k), None)
        if id(p) in names and p.plural and k > 0 and toks[k].text in {"of", "de"} and tool is not None and \
                tool.head in word_set("record_tools") | _RECORD_HEADS and not tool.plural and \
                p.head not in word_set("people") and not is_fieldish(p.head, r.language):
            score[names[id(p)]] += 3
    for f in r.frames:  # 'download the deliverables once they are ready': files the app keeps for them
        for p in f.objects[:1] if f.verb in {"download", "descargar"} else []:
            if id(p) in names and p.plural and p.head not in word_set("people") and not is_fieldish(p.head, r.language):
                score[names[id(p)]] += 3
    for f in r.frames:  # 'browse perfumes by brand': a catalogue of perfumes, and the brands it is browsed by
        if f.verb not in _BROWSING:
            continue
        by = any(prep in {"by", "por"} and q.head in _BROWSED_BY for prep, q in f.preps)
        for p in f.objects[:1]:
            if id(p) in names and p.plural and p.head not in word_set("people") and \
                    not is_fieldish(p.head, r.language) and (by or f.verb in {"browse", "navegar"}):
                score[names[id(p)]] += 2
    for f in r.frames:  # 'visitors read obituaries', 'members watch the recorded talks': content the site keeps
        for p in f.objects[:1] if f.verb in {"read", "watch", "leer", "ver"} and f.subject is not None and \
                f.subject.head in word_set("people") else []:
            if id(p) in names and p.plural and p.head not in word_set("people") and \
                    not is_fieldish(p.head, r.language) and p.head not in word_set("abstract_nouns"):
                score[names[id(p)]] += 2
        for prep, p in f.preps:
            if prep in {"by", "por"} and id(p) in names and p.head in _BROWSED_BY:
                score[names[id(p)]] += 3
            elif prep in {"by", "por"} and not p.plural and f.verb in {"filter", "filtrar"} and \
                    len(_coordinated(r, p)) > 1:  # 'filter plants by sun, soil and hardiness': their fields
                for q in _coordinated(r, p):
                    if id(q) in names and q.head not in _BROWSED_BY and not q.plural and q.head not in known_words():
                        score[names[id(q)]] -= 4
    for f in r.frames:  # 'coaches take attendance', 'los monitores marcan la asistencia': each mark is a record
        for p in f.objects[:1]:
            if f.verb in _TAKING_ATTENDANCE and p.head in {"attendance", "asistencia"} and id(p) in names:
                score[names[id(p)]] += 3
    for p in r.phrases:  # 'la asistencia a los entrenamientos', 'attendance at rehearsals': what is attended is kept
        toks = r.sentences[p.sentence]
        k = p.start - 1
        while k > 0 and toks[k].text in {"los", "las", "el", "la", "the", "our", "nuestros", "nuestras"} | _EACH:
            k -= 1
        at = next((q for q in r.phrases if q.sentence == p.sentence and q.end == k), None)
        said = at.words[-2 if at.words[-1] in _TAKEN and len(at.words) > 1 else -1] if at is not None else ""
        if id(p) in names and k > 0 and toks[k].text in {"a", "at", "to", "en", "per", "por", "de", "for", "para"} and \
                at is not None and said in {"asistencia", "attendance", "asistencias"} and \
                (p.plural or toks[k + 1].text in _EACH):
            score[names[id(p)]] += 3
            if id(at) in names:
                score[names[id(at)]] += 3  # 'attendance at each rehearsal': each one taken is a record
            elif said != at.head:  # 'attendance taken for each class session': the phrase ends in the participle
                score["Attendance"] += 3
                first.setdefault("Attendance", r.phrases.index(at))
                word.setdefault("Attendance", said)
    for p in r.phrases:  # 'damage reporting', 'incident logging': the reports and logs are what is kept
        if id(p) in names and p.head in {"reporting", "logging"} and r.language == "en":
            score[names[id(p)]] += 3
    for p in r.phrases:  # '- damage reports on boats with photos': a note with no verb names what it keeps first
        toks = r.sentences[p.sentence]
        each = p.end < len(toks) and toks[p.end].text in {"per", "por"} and p.head in known_words()
        clause = next((j for j in range(p.end, len(toks)) if toks[j].text == ";"), len(toks))
        if id(p) in names and (p.plural or each) and \
                not any(w.endswith("ing") and "NOUN" not in getAllLemmas(w) for w in p.words[:-1]) and \
                not any(t.tag in {"VERB", "AUX"} for t in toks[:clause]) and \
                next(q for q in r.phrases if q.sentence == p.sentence) is p and p.head not in word_set("people") and \
                not is_fieldish(p.head, r.language) and all(t.tag in {"NUM", "PUNCT"} for t in toks[:p.start]) and \
                (len(p.words) > 1 or p.words[-1] not in verb_lemmas() or
                 singular(p.words[-1], r.language) in known_words()):
            score[names[id(p)]] += 3
    for coord in r.lists:  # 'Feeding log (what, how much), weigh-ins over time, vet visits.': a verbless list
        opener = coord[0]
        line = r.sentences[opener.sentence]
        leading = next((x for x in r.phrases if x.sentence == opener.sentence), None)
        if leading is not opener or r.language != "en" or any(t.tag in {"VERB", "AUX"} for t in line) or \
                not all(t.tag in {"NUM", "PUNCT"} for t in line[:opener.start]) or len(coord) < 2:
            continue
        for item in coord[1:]:
            if id(item) in names and item.plural and item.head not in word_set("people") and \
                    not is_fieldish(item.head, r.language):
                score[names[id(item)]] += 3  # each thing the note lists is kept, not only the first
    for sj, line in enumerate(r.sentences):  # 'Each animal goes in an enclosure': each one of them is kept
        if len(line) > 3 and line[0].text in {"each", "every"} and r.language == "en":
            subj = next((x for x in r.phrases if x.sentence == sj and x.start == 1), None)
            if subj is not None and id(subj) in names and subj.end < len(line) and line[subj.end].tag == "VERB" and \
                    subj.head not in word_set("people") and not is_fieldish(subj.head, r.language):
                score[names[id(subj)]] += 3
                if line[subj.end].lemma == "go" and subj.end + 1 < len(line) and \
                        line[subj.end + 1].text in {"in", "into", "to", "on"}:
                    put = next((x for x in r.phrases if x.sentence == sj and x.start in {subj.end + 2, subj.end + 3}),
                               None)
                    if put is not None and id(put) in names:
                        score[names[id(put)]] += 3  # 'goes in an enclosure': where each is put is kept too
    for p in r.phrases:  # 'invoices to their parents', 'facturas a los clientes': records sent to people
        toks = r.sentences[p.sentence]
        to = next((q for q in r.phrases if q.sentence == p.sentence and q.start in {p.end + 1, p.end + 2}), None)
        if id(p) in names and p.plural and p.end < len(toks) and toks[p.end].text in {"to", "a"} and to is not None \
                and id(to) in names and to.head in word_set("people") and p.head in known_words() and \
                p.head not in word_set("people") and all(t.tag == "DET" for t in toks[p.end + 1:to.start]):
            score[names[id(p)]] += 1
    for f in r.frames:  # 'needs a way to organise lifts', 'I want something to track': what the app is for
        toks = r.sentences[f.sentence]
        if f.verb in STORING_VERBS and f.objects and id(f.objects[0]) in names and f.position > 1 and \
                toks[f.position - 1].text == "to" and toks[f.position - 2].text in _PURPOSE_WORDS:
            score[names[id(f.objects[0])]] += 1
    for f in r.frames:  # 'a place to keep my homebrew monsters': my own things, kept
        for p in f.objects[:1]:
            toks = r.sentences[p.sentence]
            if id(p) in names and p.plural and (f.verb in STORING_VERBS or f.verb == "keep") and p.start and \
                    toks[p.start - 1].text in {"my", "our", "mis", "nuestros", "nuestras"} and \
                    p.head not in word_set("people"):
                score[names[id(p)]] += 1
    for p in r.phrases:  # 'which telescope', 'who brings which dish', 'a que grupo': a choice among kept records
        toks = r.sentences[p.sentence]
        if id(p) in names and p.start and toks[p.start - 1].text in _WHICH and (
                not p.modifiers or " ".join(p.words) in load("nouns")["names"]) and \
                not is_fieldish(p.head, r.language) and p.head not in _TIME_UNITS and \
                (toks[p.start - 1].text != "que" or p.start > 1 and toks[p.start - 2].text in {"a", "en", "de", "y"}):
            score[names[id(p)]] += 3
    for p in r.phrases:
        if id(p) in names and (p.head in {"calendar", "calendario"} and p.modifiers and not _skip(p.modifiers[-1]) or
                               _chore_rota(p)):
            score[names[id(p)]] += 3  # 'the rehearsal calendar', 'a cleaning rota': dated records, shown by date
    _feature_object_bonus(r, names, score)
    for p in r.phrases:  # 'each sprint gets a retrospective where people add cards': what holds records is kept
        toks = r.sentences[p.sentence]
        if id(p) in names and not p.plural and p.end < len(toks) and toks[p.end].text in {"where", "donde"} and \
                p.head not in _PAGES and any(f.sentence == p.sentence and f.position > p.end and
                                             any(id(q) in names for q in f.objects) for f in r.frames) and \
                (p.start and toks[p.start - 1].text in _EACH or any(
                    p in f.objects and f.subject is not None and f.subject.start and
                    toks[f.subject.start - 1].text in _EACH for f in r.frames)):
            score[names[id(p)]] += 3  # (one per sprint: a shared canvas 'where users drag elements' is the app)
    for f in r.frames:  # "track my kids' chores": whose chores they are is kept too
        for p in f.objects:
            q = next((q for q in r.phrases if q.sentence == p.sentence and q.end == p.start and q.possessive), None)
            if q is not None and id(q) in names and q.plural and q.head in word_set("people") and \
                    f.verb in STORING_VERBS:
                score[names[id(q)]] += 2
    for p in r.phrases:  # 'loans between friends', 'prestamos entre amigos': the people are records too
        if id(p) in names and p.head in word_set("people") and p.start and \
                r.sentences[p.sentence][p.start - 1].text in {"between", "among", "amongst", "entre"}:
            score[names[id(p)]] += 2
    for p in r.phrases:
        people = _people_after_of(r, p) if p.head in _BARE_DATA | {"dato", "detalle", "detail"} else None
        if people is not None and id(people) in names:
            score[names[id(people)]] += 2  # 'los datos del huésped', 'the details of the guests': the guests
    starts = {(g[0].sentence, g[0].start) for g in r.lists}
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        if id(p) not in names:
            continue
        k = p.start - 1
        while k > 0 and toks[k].tag == "DET":
            k -= 1
        if r.language == "es" and p.start > 1 and toks[p.start - 1].text == "cada" and toks[p.start - 2].tag == "VERB" \
                and not p.plural and not is_fieldish(p.head, r.language) and p.head not in _TIME_UNITS:
            score[names[id(p)]] += 1  # 'los presupuestos que me pasa cada gremio': who does it, one record each
        if p.start > 1 and toks[p.start - 1].text in _EACH and toks[p.start - 2].text in {"in", "at", "en", "on",
                                                                                         "after", "despues"}:
            score[names[id(p)]] += 1  # 'schedule screenings in each screen', 'results after each match'
        elif p.start > 1 and toks[p.start - 1].text in _EACH and toks[p.start - 2].text in {"of", "de", "del", "for",
                                                                                         "per", "por"} and any(
                q.end == p.start - 2 and id(q) in names for q in r.phrases if q.sentence == p.sentence):
            stored = any(q.end == p.start - 2 and q in f.objects for f in r.frames if f.verb in STORING_VERBS
                         for q in r.phrases if q.sentence == p.sentence)
            score[names[id(p)]] += 3 if stored else 2  # 'los partidos de cada jornada': each one groups records
        people = _people_after_of(r, p)
        if people is not None and id(people) in names and not is_fieldish(p.head, r.language) and \
                p.head not in _SELF_HEADS and p.head not in PERSON_ATTRIBUTES:
            score[names[id(p)]] += 3  # 'las partituras de los alumnos', 'the bikes of our members': theirs, kept
            score[names[id(people)]] += 1
        if p.plural and p.start > 1 and toks[p.start - 1].text in _MANY_WORDS and p.head not in _TIME_UNITS and \
                toks[p.start - 2].text in {"in", "en", "to", "a", "against", "contra"}:
            score[names[id(p)]] += 3  # 'products can appear in several collections', 'estar en varios grupos'
        if p.plural and p.start and toks[p.start - 1].text in _SEVERAL - {"our", "all", "nuestras", "nuestros"} and \
                (p.head in known_words() or p.head in ENTITY_WORDS_ES):
            score[names[id(p)]] += 1  # 'dishes from various cuisines': there are many of them to keep
        if p.end + 1 < len(toks) and toks[p.end].text in word_set("subject_pronouns") and toks[p.end + 1].tag == "VERB":
            score[names[id(p)]] += 3  # 'the households we serve': what we act on is ours to keep
        if p.plural and p.start and toks[p.start - 1].text == "," and p.end < len(toks) and \
                toks[p.end].text in {",", "and", "y"} and not is_fieldish(p.head, r.language) and \
                not any(q is p for g in r.lists for q in g) and any(
                    f.sentence == p.sentence and f.verb in STORING_VERBS and f.position < p.start and f.objects
                    for f in r.frames):
            score[names[id(p)]] += 1  # 'track applications, proof docs they upload, payments and ...'
        j = p.start - 1
        if p.plural and j > 2 and toks[j].tag == "DET" and toks[j].text not in _EACH and (
                toks[j - 1].text == "," or toks[j - 1].text in {"and", "y"} and toks[j - 2].text == ",") and \
                not is_fieldish(p.head, r.language) and p.head not in _TIME_UNITS and any(
                    f.sentence == p.sentence and f.verb in STORING_VERBS and f.position < p.start and f.objects and
                    id(f.objects[0]) in names for f in r.frames):
            score[names[id(p)]] += 1  # 'controlar los lotes (...), las botellas que ..., y los pedidos de ...'
        if p.plural and k >= 0 and toks[k].text in {"need", "needs", "want", "wants", "necesitamos", "necesito",
                                                     "queremos", "quiero"} and not is_fieldish(p.head, r.language) \
                and p.head not in _TIME_UNITS and (k == 0 or toks[k - 1].text in {"we", "i", "also", "just", "really"}):
            score[names[id(p)]] += 2  # 'We need the members, which concerts they sing in, ...': what the app keeps
        if p.start and toks[k].text in {"with", "con", "including", "incluyendo"} and \
                not any(g[0] is p for g in r.lists):
            score[names[id(p)]] += 1
            if p.plural and any(q.end == k and q.sentence == p.sentence and q.head in word_set("tool_nouns")
                                for q in r.phrases):
                score[names[id(p)]] += 2  # 'a hiking guide app with trails': what the app holds
        if p.start > 1 and toks[p.start - 1].text in {"of", "de", "for", "para"} and p.plural and (
                toks[p.start - 2].text in word_set("tool_nouns") or toks[p.start - 2].lemma in _BOOKING_WORDS or
                any(q.end == p.start - 1 and id(q) in names for q in r.phrases if q.sentence == p.sentence)):
            score[names[id(p)]] += 1  # 'fichajes de empleados', 'an app for employees'
        lead = [t.text for t in toks[max(0, p.start - 6):p.start] if t.tag not in {"DET", "NUM", "ADJ"}
                and not t.text.isdigit()]
        if p.plural and len(lead) > 2 and lead[-1] in {"for", "para", "de"} and lead[-3] in _BOOKING_WORDS | {
                "reservas", "reservations", "bookings"} and lead[-2] in {"site", "system", "app", "page", "platform",
                                                                        "web", "sistema", "pagina"}:
            score[names[id(p)]] += 2  # 'a booking site for our 2 holiday cottages': what is booked
        nxt = [t for t in toks[p.end:p.end + 4] if t.text not in {"can", "should", "must", "a", "an", "the"}]
        if [t.text for t in nxt[:2]] in (["belongs", "to"], ["belong", "to"]) or nxt[:1] and \
                nxt[0].text in {"pertenece", "pertenecen"}:
            score[names[id(p)]] += 2  # 'each order belongs to a customer'
        bare = [t.text for t in toks[max(0, p.start - 3):p.start] if t.tag != "DET"]
        if bare[-2:] in (["belongs", "to"], ["belong", "to"], ["pertenece", "a"], ["pertenecen", "a"]):
            score[names[id(p)]] += 2  # 'each stamp belongs to a country': what it belongs to is kept
        elif bare[-2:] in _GOES_TO and not p.plural and p.start and toks[p.start - 1].text in _A_ONE and \
                any(t.text in _EACH for t in toks[max(0, p.start - 8):p.start]):
            score[names[id(p)]] += 1  # 'each donation may go to a campaign': what each one is tied to is kept
        owner = toks[p.start - 1] if p.start else None
        if owner is not None and owner.possessive and (owner.lemma or owner.text) in word_set("people") and \
                not is_fieldish(p.head, r.language):
            score[names[id(p)]] += 3  # "our customers' dogs", "members' bikes": what people own is kept
            for q in r.phrases:
                if q.sentence == p.sentence and q.end == p.start and id(q) in names:
                    score[names[id(q)]] += 1  # and so are the people who own it
        if p.possessive and p.end < len(toks) and any(q.sentence == p.sentence and q.start == p.end and
                                                      is_fieldish(q.head, r.language) for q in r.phrases):
            score[names[id(p)]] += 2  # "the dog's size and coat type": a thing with properties
        if p.start and toks[p.start - 1].text in _EACH and p.end < len(toks) and \
                toks[p.end].text in {"has", "have", "needs", "gets", "tiene", "necesita", "lleva"} and \
                not is_fieldish(p.head, r.language) and p.head not in _TIME_UNITS:
            score[names[id(p)]] += 2  # 'each wedding has a guest list': a thing with its own records
        elif p.start > 1 and toks[p.start - 1].text in _EACH and toks[p.start - 2].text in {"for", "para"} and \
                p.start == 2 and not p.plural and not is_fieldish(p.head, r.language) and p.head not in _TIME_UNITS:
            score[names[id(p)]] += 2  # 'For each wedding I need the guest list ...'
        many = toks.index(nxt[1], p.end) if len(nxt) > 2 and nxt[1].text in _MANY_OF else -1
        if many > 0 and nxt[0].text in _HAVING and not is_fieldish(p.head, r.language) and any(
                q.sentence == p.sentence and q.start == many + 1 and not is_fieldish(q.head, r.language)
                for q in r.phrases):
            score[names[id(p)]] += 2  # 'productions have several performances': what holds many records is kept
        opens = all(t.tag == "DET" for t in toks[:p.start])  # 'Los voluntarios tienen ...' opens its sentence too
        if opens and p.plural and len(nxt) > 1 and nxt[0].text in {"have", "tienen"} and \
                not is_fieldish(p.head, r.language) and any(
                    q.sentence == p.sentence and q.start == p.end + 1 and q.plural and
                    not is_fieldish(q.head, r.language) for q in r.phrases):
            score[names[id(p)]] += 1  # 'Jobs have candidates applying': what holds other records is kept
        if opens and p.plural and not p.modifiers and p.head in word_set("people") and nxt and \
                nxt[0].tag in {"VERB", "AUX"} and p.head not in _GENERIC_PEOPLE_SUBJECTS and \
                score[names[id(p)]] < THRESHOLD:
            score[names[id(p)]] += 1  # 'Drivers need a list of today's pickups': a kind of person the app serves
        if p.plural and [t.text for t in toks[p.end:p.end + 2]] in ([",", "where"], [",", "donde"]) and any(
                f.sentence == p.sentence and f.position > p.end and f.verb in load("verbs")["joins"] for f in r.frames):
            score[names[id(p)]] += 2  # 'y las giras, donde los coristas se apuntan': what people sign up for
        if p.start and toks[p.start - 1].text in {"has", "have", "tiene", "tienen"} and (
                p.head in known_words() or r.language == "es" and words_of(names[id(p)]) in known_words()):
            score[names[id(p)]] += 1  # 'vehicles have maintenance records'
        if p.start > 1 and toks[p.start - 2].text in {"has", "have", "tiene", "tienen", "contain", "contains"} and \
                toks[p.start - 1].text in {"many", "multiple", "several", "varios", "varias", "muchos", "muchas"}:
            score[names[id(p)]] += 2 if is_fieldish(p.head, r.language) else 3  # 'a customer has many orders'
        listed_after = any((p.sentence, q.start) in starts for q in r.phrases
                           if q.sentence == p.sentence and p.end < q.start <= p.end + 4)
        if nxt and nxt[0].text in _DESCRIBED and (p.plural or nxt[0].text != ":") and listed_after:
            attrs = [q for q in r.phrases if q.sentence == p.sentence and p.end < q.start <= p.end + 12 and
                     is_fieldish(q.head, r.language)]
            score[names[id(p)]] += 3 if len(attrs) >= 2 else 2  # 'tasks have a title, due date and priority'
        elif nxt and nxt[0].text in {"with", "con"} and p.plural and any(
                q.sentence == p.sentence and p.end < q.start <= p.end + 4 and is_fieldish(q.head, r.language) and
                all(t.tag in {"DET", "NUM", "ADJ"} or t.text[:1].isdigit() for t in toks[p.end + 1:q.start])
                for q in r.phrases):
            score[names[id(p)]] += 2  # 'notes with a rating', 'bikes with a daily price'
        if p.plural and [t.text for t in toks[p.end:p.end + 3]] in ([",", "each", "with"], [",", "each", "has"],
                                                                   [",", "cada", "con"], [",", "each", "having"]):
            score[names[id(p)]] += 3  # 'current and past exhibitions, each with a description and objects'
        before = [t.text for t in toks[max(0, p.start - 4):p.start] if t.tag != "NUM" and not t.text.isdigit() and
                  t.text not in word_set("numbers")]
        if p.plural and (p.head in word_set("people") or p.head.endswith(("ist", "ian", "path", "smith")) and
                         not p.head.endswith("list")) and p.start and (
                toks[p.start - 1].tag == "NUM" or toks[p.start - 1].text in word_set("numbers")) and \
                toks[p.start - 1].text not in {"one", "un", "una", "uno"}:
            score[names[id(p)]] += 2  # 'a clinic with two podiatrists', 'our 3 drivers': the people are kept
        elif p.plural and not p.modifiers and not _skip(p.head) and not _verbal(p.head) and \
                p.head not in _TIME_UNITS and not is_fieldish(p.head, r.language) and p.start and \
                toks[p.start - 1].text.isdigit() and int(toks[p.start - 1].text) > 2 and \
                (p.start < 2 or toks[p.start - 2].text not in {"every", "each", "per", "cada", "by", "in", "within"}):
            score[names[id(p)]] += 2  # 'bowling alley, 12 lanes', 'we have 30 plots': a business's countable things
        if p.plural and (before[-3:] in (["one", "of", "our"], ["one", "of", "the"], ["uno", "de", "nuestros"],
                                         ["una", "de", "nuestras"]) or before[-2:] in (["any", "of"],)):
            score[names[id(p)]] += 3  # 'with one of our three optometrists': there are several, each a record
        if p.start and toks[p.start - 1].text in {"their", "sus"} and not is_fieldish(p.head, r.language) and \
                p.head not in word_set("portraits") and any(f.sentence == p.sentence and f.subject is not None and
                                                 f.subject.head in word_set("people") for f in r.frames):
            score[names[id(p)]] += 1  # 'customers can see their unit, their invoices': what people have is kept
        if not p.plural and p.head in word_set("kin") and _after_possessive(toks, p.start):
            score[names[id(p)]] -= 9  # 'see their mum or dad's attendance': whose it is, not a record of relatives
        if p.plural and p.head in word_set("people") and p.start > 1 and toks[p.start - 1].text in {"their", "sus"} \
                and toks[p.start - 2].text in {"and", "y"}:
            score[names[id(p)]] += 2  # 'shows and their presenters', 'players and their parents': people kept too
        if p.plural and p.start > 1 and toks[p.start - 1].text in {"our", "nuestros", "nuestras"} and \
                toks[p.start - 2].text in {"of", "de"} and not is_fieldish(p.head, r.language):
            score[names[id(p)]] += 2  # 'photos of our vans', 'fotos de nuestras casas': things we keep
        if p.plural and p.head in word_set("people") and p.start > 1 and \
                toks[p.start - 1].text in {"my", "our", "mis", "nuestros", "nuestras"} and \
                toks[p.start - 2].text in {"for", "para"}:
            score[names[id(p)]] += 2  # 'wedding planning for my clients': the people served are kept

    lead = next((p for p in r.phrases if p.sentence == 0), None)
    if lead is not None and id(lead) in names and lead.start <= 3:
        toks = r.sentences[0]
        after = toks[lead.end].text if lead.end < len(toks) else ""
        said_before = [t.text for t in toks[:lead.start] if t.tag not in {"DET", "ADJ"}][-2:]
        writer = said_before in (["i", "am"], ["we", "are"]) and \
            sum(q.head == lead.head for q in r.phrases) == 1  # 'im a plumber and ...': who writes, said once
        columns = after == ":" and _record_line(r, 0, lead, lead.end)  # 'Beer: name, style, ABV.': a table
        if columns:
            score[names[id(lead)]] += 3
        elif after in {"is", "es"} or writer or not lead.plural and lead.head not in word_set("tool_nouns") and \
                lead.head not in _BOOKING_WORDS | {"stock", "inventory"} and not (
                    lead.head in {"attendance", "asistencia"} and not re.search(r"\b(?:clock|fich)", r.text)) and \
                lead.head not in _COLLECTIONS | _RANGES | \
                _LEDGERS and \
                not (lead.head in _DIARIES and lead.modifiers) and \
                (after in {"with", "con", ":", "for", "para", "de"} or
                 after == "," and lead.head in word_set("settings") or  # 'Librería de segunda mano, queremos ...'
                 not after and len(r.sentences) > 1 and len([p for p in r.phrases if p.sentence == 0]) == 1):
            score[names[id(lead)]] -= 3  # 'a gym with members and classes', 'Food truck. ...': the gym is the app
        else:
            described = after == ":" and sum(is_fieldish(q.head, r.language) for q in r.phrases[:8]
                                             if q.sentence == 0 and q.start > lead.end) >= 2
            score[names[id(lead)]] += 3 if described else 2  # the request's topic: 'restaurant reservations: ...'

    for group in r.lists:
        named = [names[id(p)] for p in group if id(p) in names]
        toks = r.sentences[group[0].sentence]
        k = group[0].start - 1
        while k > 0 and toks[k].tag == "DET":
            k -= 1
        fieldish = sum(is_fieldish(p.head, r.language) for p in group)
        described = k >= 0 and (toks[k].text in _DESCRIBED or toks[k].text in {"as", "including", "incluyendo"})
        others = [p for p in group if p.head not in _NOTES]
        with_properties = k >= 0 and toks[k].text in {"with", "con"} and is_fieldish(group[0].head, r.language)
        if fieldish >= 2 or described and len(group) >= 3 and sum(p.plural for p in others) * 2 < len(others) or \
                with_properties:
            for p in group:
                if id(p) in names and p.head in _NOTES:
                    noted = names[id(p)].endswith(("Note", "Notes", "Remark", "Observation", "Nota"))
                    score[names[id(p)]] -= 8 if with_properties and noted else 4  # 'tasting notes': a text field
        singular_things = all(not p.plural for p in group) and all(
            toks[p.start - 1].tag != "DET" or toks[p.start - 1].text in _OWN_WORDS for p in group if p.start)
        # 'con foto y ubicacion', 'with photo and GPS', 'with their ticker and currency': details, not things
        if k >= 0 and toks[k].text in {"with", "con"} and (fieldish * 2 >= len(group) and len(group) >= 3 or
                                                          singular_things) and \
                any(q.sentence == group[0].sentence and q.end == k and (id(q) in names or own_page(r, q))
                    for q in r.phrases):
            for p in group:
                if id(p) in names and not p.plural and not _chore_rota(p):
                    score[names[id(p)]] -= 2  # 'their wedding with date, location and budget': a field here
            continue
        if k >= 0 and toks[k].text in {"with", "con", "including", "incluyendo"}:
            for n in named:
                score[n] += 1  # 'productos con nombre, precio y stock, y proveedores'
        colon_list = group[0].start > 0 and r.sentences[group[0].sentence][group[0].start - 1].text == ":" and \
            len(named) >= 3 or any(g is group for g in listed_alone)  # 'our scout group: scouts, patrols, camps'
        about = k > 0 and toks[k].text in {"of", "about", "on", "into", "sobre", "de"} and \
            any(q.sentence == group[0].sentence and q.end == k and q.head in _CONTENT for q in r.phrases)
        colon_list = colon_list or about and len(named) >= 2  # 'descriptions of heroes, places, guilds'
        lead = toks[group[0].start - 1] if group[0].start else None
        if lead is not None and lead.text in _SITE_HAS and len(named) == 1 and \
                not any(q.sentence == group[0].sentence and q.end == group[0].start - 1 for q in r.phrases):
            score[named[0]] += 3  # 'debe tener noticias, una agenda de actividades y ...': what the site has
            continue
        if len(named) >= 2 and (colon_list or any(score[n] >= THRESHOLD - 1 for n in named)):
            toks = r.sentences[group[0].sentence]
            lead = toks[group[0].start - 1] if group[0].start else None
            owner = [q for q in r.phrases if q.sentence == group[0].sentence and q.end == group[0].start - 1]
            described = lead is not None and lead.text in {"have", "has", "tienen", "tiene"}
            if described and owner and id(owner[0]) in names and owner[0].head not in word_set("tool_nouns"):
                continue  # 'talks have a title, abstract and room': a field list, not things
            if lead is not None and lead.text == ":" and is_fieldish(group[0].head, r.language) and \
                    _headed_record(r, group[0].sentence, group[0].start - 1, names) is not None:
                continue  # 'Tutors: name, hourly rate, bio, photo': its details
            enumerated = any(g is group for g in listed_alone) or about or lead is not None and (
                lead.text in {":", "with", "con", "including", "incluyendo"} or
                lead.tag == "VERB" and lead.lemma in STORING_VERBS or
                lead.text in _SITE_HAS and not (owner and id(owner[0]) in names))
            for n in named:
                score[n] += 3 if enumerated else 2  # 'podcast manager: shows, episodes and guests'
    _after_colon(r, names, score)
    _listed_after_storing(r, names, score)
    roles = _section_headers(r, names, score) | _roles(r, names, score)
    _bullet_heads(r, names, score)
    _sole_admin(r, names, score)
    _time_spent(r, names, score)
    _booked_with(r, names, score)
    for name, count in mentions.items():
        score[name] += min(2, count - 1)
    score.pop("", None)
    r.scores = {n: v for n, v in score.items() if n in first}
    chosen = sorted((n for n in score if score[n] >= THRESHOLD and n in first), key=lambda n: first[n])
    acted = {names[id(p)] for f in r.frames for p in f.objects if id(p) in names}
    for f in r.frames:  # 'report the condition of roads': what the property is of
        for p in f.objects:
            toks = r.sentences[p.sentence]
            nxt = next((q for q in r.phrases if q.sentence == p.sentence and q.start == p.end + 1), None)
            if id(p) not in names and nxt is not None and id(nxt) in names and p.end < len(toks) and \
                    toks[p.end].text in {"of", "de"}:
                acted.add(names[id(nxt)])
                score[names[id(nxt)]] += 1
    near = sorted((n for n in acted if score[n] >= THRESHOLD - 1), key=lambda n: first[n])
    if not chosen and not near:  # '... with interactive drills, quizzes and progress tracking': the quizzes
        listed = {names[id(p)] for g in r.lists if len(g) >= 3 for p in g if p.plural and id(p) in names}
        near = sorted((n for n in listed if score[n] >= THRESHOLD - 1 and n in first and
                       singular(word.get(n, "")) in known_words()), key=lambda n: first[n])
    r.fallback = {n: word[n] for n in near[:3]}
    best, domain = best_domain(r.text)
    if best >= 4 or best >= 2 and len(chosen) <= 1:
        r.domain = domain.key  # names the app ('Online Shop') and says which Room or Reservation is meant
    camel = {w.lower(): w for w in re.findall(r"\b[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+\b", r.prompt)}
    spelled = {n: camel[n.lower()] for n in chosen if n.lower() in camel}  # 'OrderItem' as the prompt wrote it
    chosen = [spelled.get(n, n) for n in chosen]
    word = {spelled.get(n, n): w for n, w in word.items()}
    names = {pid: spelled.get(n, n) for pid, n in names.items()}
    score = Counter({spelled.get(n, n): v for n, v in score.items()})
    first = {spelled.get(n, n): v for n, v in first.items()}
    subjects = {id(f.subject) for f in r.frames if f.subject is not None}
    for name in [n for n in chosen if n in _OPERATORS]:
        said = [p for p in r.phrases if names.get(id(p)) == name]
        if any(p.plural and p.end < len(r.sentences[p.sentence]) and r.sentences[p.sentence][p.end].text in
               {"who", "que", "quienes"} for p in said):
            continue  # 'the supervisors who visit each raiser': people the app keeps, with what they do
        if name in _BODIES and any(p.plural for p in said):
            continue  # 'clubs enter their gymnasts': many clubs are records, not the one that runs the site
        if name in {"StaffMember", "Staff", "Personal"} and _ROSTERED.search(r.text):
            continue  # 'staff rota: staff enter availability and request swaps': the staff are who is scheduled
        if said and all((id(p) in subjects or p.end < len(r.sentences[p.sentence]) and
                         r.sentences[p.sentence][p.end].text in _MODAL_WORDS) and not (
                            p.start and r.sentences[p.sentence][p.start - 1].text in _WHICH) for p in said):
            chosen.remove(name)  # 'staff can manage rooms': the people who run the site, not a record in it
    for name in list(chosen):
        said = [p for p in r.phrases if names.get(id(p)) == name]
        if said and all(id(p) in subjects and not p.plural and p.start == 1 and
                        r.sentences[p.sentence][0].text in {"our", "my", "nuestro", "nuestra", "mi"} for p in said):
            chosen.remove(name)  # 'our bakery sells cakes to cafes': the bakery is who uses the app, not a record
    if "Rental" in chosen and {"Booking", "Reservation"} & set(chosen):
        said = [p for p in r.phrases if names.get(id(p)) == "Rental"]
        if said and all(p.sentence == 0 and p.start <= 1 and not p.plural for p in said):
            chosen.remove("Rental")  # 'Bike rental: bikes, bookings': the business; each booking is the rental
    same = {n: longer for n in chosen if n in _GENERIC_HEADS for longer in chosen
            if longer != n and longer.endswith(n) and longer[-len(n) - 1].islower()}
    same.update({n: role for n, role in roles.items() if n in chosen and role in chosen and n != role})
    renamed: dict[str, str] = {}
    for n in chosen:  # 'daily boat trips ... a seat on a trip': one BoatTrip, unless the first word is a record too
        said = word.get(n, "")  # 'boat classes ... points per class': the word, not its ClassSession, is the tail
        tail = said.capitalize() if r.language == "en" and said.isalpha() and said.capitalize() != n else n
        longer = [x for x in chosen if x != n and x.endswith(tail) and len(x) > len(tail) and
                  x[-len(tail) - 1].islower() and (x[:-len(tail)] not in chosen or tail != n) and
                  x[:-len(tail)] not in {"Order", "Cart", "Line"}]
        if n not in same and (n not in _DISTINCT_SHORT or _said_again(r, n, longer, first)) and n not in PEOPLE and \
                len(longer) == 1:
            same[n] = longer[0]
        elif n in _VAGUE_NAMES and not longer and n not in same:  # '40 parking spaces ... for one space'
            said_first = [x for x in score if x not in chosen and score[x] > 0 and x.endswith(n) and
                          len(x) > len(n) and x[-len(n) - 1].islower() and first.get(x, 10**6) < first[n]]
            if len(said_first) == 1:
                renamed[n] = said_first[0]
    for n, x in renamed.items():
        chosen[chosen.index(n)] = x
        score[x], first[x] = max(score[x], score[n]), min(first[x], first[n])
        names = {pid: x if name == n else name for pid, name in names.items()}
    kinds_of_app = {names[id(p)] for p in r.phrases if id(p) in names and p.head in word_set("tool_nouns") | {
        "board", "site", "website", "portal", "platform", "marketplace"}}  # 'a job board where ... vacancies
    for group in load("nouns")["synonyms"]:  # 'showtimes ... screenings': one thing said two ways, first name wins
        said = sorted((n for n in chosen if n in group), key=lambda n: n in kinds_of_app)  # 'issue tracker: tickets'
        same.update({n: said[0] for n in said[1:]})
    for general, kinds, at in _general_things(r, chosen, set(names.values())):  # 'dogs and cats': Animal
        same.update({kind: general for kind in kinds})
        if general not in chosen:
            chosen.append(general)
            first[general], word[general] = min([at, *(first[k] for k in kinds if k in chosen)]), general.lower()
        score[general] = max([score[general], *(score[k] for k in kinds)])
    chosen.sort(key=lambda n: first[n])
    for n, into in same.items():  # 'an issue tracker with tickets': the tracker's weight goes to Ticket
        score[into] = max(score[into], score[n])
    chosen = [n for n in chosen if n not in same]  # 'exercise plans ... a customized plan': one Plan
    dated = _calendar_as_events(r, chosen, first, word, names, score)
    names = {pid: same.get(n, n) for pid, n in names.items()}
    r.named = {pid: name for pid, name in names.items() if name in chosen}
    for name in chosen:
        r.entities[name] = definition(name, r.domain, r.text) or _as_its_head(name, r) or EntitySpec(
            name=name, fields=[infer_field("name")])
        r.words_for[name] = word[name]
    if dated in r.entities and not any(f.type in {"date", "datetime"} for f in r.entities[dated].fields):
        r.entities[dated].fields.append(infer_field("starts_at"))  # on a calendar, each one has its time
    if chosen:
        things = [n for n in chosen if n not in PEOPLE] or chosen  # an app is about orders more than customers
        r.main = max(things, key=lambda n: (score[n], -first[n]))
    return r


_WAYS_OF = {"spending", "financial", "eating", "sleeping", "buying", "purchasing", "shopping", "reading", "viewing",
            "listening", "money", "consumption", "browsing", "gasto", "consumo"}
_PERIODIC = {"daily", "weekly", "monthly", "yearly", "annual", "total", "diarias", "mensuales", "totales"}
_IN_CONTEXT = {"performance": r"\b(theat(?:re|er)s?|shows?|concerts?|tickets?|seats?|plays?|gigs?|stage)\b",
               "actuacion": r"\b(teatro|conciertos?|entradas?|festival|escenarios?|butacas?)\b"}
_NOTED_EVENTS = {"inspection", "visit", "session", "consultation", "appointment", "meeting", "call", "interview",
                 "treatment", "therapy", "lesson", "rehearsal", "practice", "shift", "tasting", "survey", "audit"}
_DATED_EVENTS = {"test", "exam", "inspection", "audition", "interview", "match", "fixture", "performance", "show",
                 "screening", "hearing", "assessment", "visit", "session", "class", "lesson", "rehearsal"}
_CHART_KINDS = {"scatter", "box", "line", "bar", "pie", "dot", "area", "bubble", "gantt", "flow"}
_VIEWS = {"calendar", "map", "timeline", "chart", "calendario", "mapa"}
_ROSTERED = re.compile(r"\b(rotas?|rosters?|shifts?|availability|swaps?|turnos?|cuadrantes?|disponibilidad)\b")
_OPERATORS = {"StaffMember", "Staff", "Personal", "Coordinator", "Librarian", "Organiser", "Organizer", "Manager",
              "Moderator", "Receptionist", "Dispatcher", "Supervisor", "Secretaria", "Secretariat", "Ayuntamiento",
              "Council", "Office", "Association", "Society", "Charity", "Club"}
_BODIES = {"Ayuntamiento", "Council", "Office", "Association", "Society", "Charity", "Club"}
_MEETING_PLACES = {"work", "trabajo", "barrio", "neighbourhood", "neighborhood", "uni", "instituto", "cole", "pueblo",
                   "village", "town", "church", "parish", "parroquia"}


def _coordinated(r: Reading, p: Phrase) -> list[Phrase]:
    """p and the phrases listed right after it ('sun, soil and hardiness')."""
    out = [p]
    toks = r.sentences[p.sentence]
    for q in sorted((q for q in r.phrases if q.sentence == p.sentence and q.start > p.start), key=lambda q: q.start):
        if q.start <= out[-1].end or any(t.text not in {",", "and", "or", "y", "o"} for t in toks[out[-1].end:q.start]):
            break
        out.append(q)
    return out


def _bare_lists(r: Reading) -> list[list[Phrase]]:
    """Lists that are a whole sentence: 'customers, quotes, jobs.', 'members, boats (class, sail number), races,
    results.': the things the app keeps, said one after another."""
    out = []
    for group in r.lists:
        toks = r.sentences[group[0].sentence]
        inside: set[int] = set()
        depth = 0
        for k, t in enumerate(toks):
            depth += t.text == "("
            if depth:
                inside.add(k)
            depth = max(0, depth - (t.text == ")"))
        covered = {k for p in group for k in range(p.start, p.end)}
        rest = [t for k, t in enumerate(toks) if k not in covered and k not in inside and t.tag != "DET"]
        if len(group) >= 3 and all(t.text in _BARE_LIST_GLUE for t in rest):
            out.append(group)
    return out


_BARE_LIST_GLUE = {",", "and", "or", "y", "o", "e", "&", "/", "plus", "+", ".", ";", "etc", "also", "tambien"}


def _where_people_are_from(r: Reading, p: Phrase) -> bool:
    """'compañeros del trabajo', 'friends from the gym', 'parents at our school': where the people meet, not a table."""
    if p.plural or p.modifiers or p.head not in word_set("settings") | _MEETING_PLACES:
        return False
    people = r.head_before(p, frozenset({"de", "del", "from", "at", "of", "in", "en"}))
    return people is not None and people.plural and (people.head in word_set("people") or
                                                     people.head in {"companero", "companera", "amigo", "amiga"})


_RECORD_HEADS = {"list", "log", "record", "history", "lista", "listado", "historial", "seguimiento", "registro",
                 "control", "diario", "tracker", "collection", "coleccion"}
_HOUSEHOLDS = {"family", "household", "familia", "hogar", "club", "society", "choir", "band", "coro", "banda", "class",
               "clase"}
_GROUPS = {"team", "group", "crew", "squad", "equipo", "grupo"}
_WANTS = {"wants", "needs", "would", "requires", "is", "quiere", "necesita", "busca"}
_OWN_LISTS = {"shopping", "reading", "wish", "price", "mailing", "packing", "bucket", "grocery", "play", "waiting",
              "task", "todo", "board", "kanban", "check", "black", "white"}  # lists that are records
_PAGE_NAMES = {"home", "landing", "about", "welcome", "main", "front", "inicio", "portada"}
_PAGES = {"page", "pages", "screen", "tab", "section", "pagina", "paginas", "pantalla", "seccion", "apartado"}
_FILING = {"submit", "file", "lodge", "send", "raise", "enviar", "presentar", "crear"}
_PLACES_OF_BUSINESS = {"shop", "store", "tienda", "comercio"}  # the app's kind, or places it lists
_SIGNING_UP = {"register", "sign", "signup", "enrol", "enroll", "join", "registrar", "inscribir", "apuntar", "darse"}
_ACHIEVED = {"complete", "finish", "pass", "earn", "win", "completar", "terminar", "aprobar", "superar", "ganar",
             "conseguir", "obtener"}
_DOING = {"do", "conduct", "perform", "carry", "realizar", "efectuar"}  # what people carry out is an occasion
_MAKING = {"make", "place", "open", "hacer", "abrir"}  # 'make an offer', 'open a claim': one record, made
FILLING = {"fill", "complete", "submit", "send", "rellenar", "cumplimentar", "enviar"}
FORMS = {"form", "formulario"}
_REQUESTING = {"request", "solicitar", "pedir"}
_SPLITTING = {"split", "divide", "break", "dividir", "partir", "separar"}
_BUSINESSES = {"agency", "company", "firm", "business", "biz", "consultancy", "practice", "agencia", "empresa",
               "negocio"}  # 'Vet practice: owners, pets': the practice is who uses the app, not a vet record
_FILLED_IN = {"scorecard", "checklist", "questionnaire", "timesheet", "evaluation", "assessment", "survey",
              "cuestionario", "evaluacion", "encuesta"}
_FILED = {"report", "reporte", "request", "enquiry", "inquiry", "complaint", "claim", "suggestion", "proposal",
          "ticket", "issue", "incident", "query", "incidencia", "queja", "reclamacion", "sugerencia", "offer", "bid",
          "oferta", "puja"}  # a report is usually a view; a record when filed ('make an offer', 'place a bid')
_MODAL_WORDS = {"can", "could", "will", "may", "must", "should", "puede", "pueden", "podra", "podran"}
_NOTICES = {"reminder", "alert", "notification"}
_CHORES = {"cleaning", "watering", "mowing", "weeding", "laundry", "housekeeping", "dusting", "hoovering",
           "vacuuming", "tidying", "litter", "bins"}  # a rota of these is a list of dated tasks


def _owner_of_site(r: Reading, p: Phrase) -> bool:
    """'a website for a farmers' market', 'una web para una bodega': the business the site is for, named once."""
    toks = r.sentences[p.sentence]
    k = p.start - 1
    while k > 0 and (toks[k].tag in {"DET", "ADJ"} or toks[k].possessive):
        k -= 1
    after = toks[p.end].text if p.end < len(toks) else ""
    return p.sentence == 0 and not p.plural and k > 0 and toks[k].text in {"for", "para"} and \
        toks[k - 1].text in {"website", "site", "web"} and sum(q.head == p.head for q in r.phrases) == 1 and \
        after in {"", "where", "donde", "that", "which", "que", ",", "with", "con", "."}


_VIEW_TABLES = {"results", "result", "league", "standings", "score", "scores", "comparison", "summary", "data",
                "points", "season", "overall", "final", "medal", "ranking", "rankings"}  # 'a season table': a view


_VAGUE_NAMES = {"Space", "Spot", "Slot", "Unit", "Area", "Zone", "Card", "Pass", "Plan", "Item", "Entry", "Record",
                "Station", "Point", "Bay"}  # a bare word that means the compound said before it


def _said_again(r: Reading, n: str, longer: list[str], first: dict[str, int]) -> bool:
    """'maintenance requests ... assign each request to a contractor': the bare word points back at the one thing."""
    if len(longer) != 1 or first.get(longer[0], 10**6) > first.get(n, -1):
        return False
    said = [p for p in r.phrases if not p.modifiers and entity_name(p.head, None, r.language) == n]
    return bool(said) and all(p.start and r.sentences[p.sentence][p.start - 1].text in {"each", "every", "the", "this",
                                                                                       "that", "cada", "el", "la"} or
                              n in {"Entry", "Request", "Log", "Record", "Application", "Session"} for p in said)


def _chore_rota(p: Phrase) -> bool:
    """'a cleaning schedule', 'the watering rota': dated chores to keep, not a field."""
    return p.head in {"schedule", "rota", "roster", "calendar"} and bool(p.modifiers) and p.modifiers[-1] in _CHORES


_DATA_KINDS = {"contact", "personal", "billing", "shipping", "delivery", "bank", "banking", "login", "account",
               "payment", "medical", "emergency"}  # kinds of someone's details, not things
_BARE_DATA = {"history", "historial", "data", "information", "info", "details", "datos", "informacion", "detalles"}
_DISTINCT_SHORT = {"Item", "Entry", "Line", "Type", "Member", "User", "Account", "Status", "Log", "Record", "Request",
                   "Application", "Session", "Payment", "Rating", "Review", "Comment", "Tag", "Photo",
                   "File", "Document", "Note", "Task", "Event", "Message"}
_GENERIC_HEADS = {"Plan", "Schedule", "List", "Log", "Journal", "Diary", "Goal", "Program", "Programme", "Routine",
                  "Calendar", "Budget", "Portfolio", "Profile", "Record", "Report"}


_AUTHORING = {"write", "create", "edit", "publish", "add", "draft", "escribir", "crear", "editar", "publicar"}
_SECTIONS = {"home", "about", "team", "contact", "gallery", "faq", "faqs", "testimonial", "location", "welcome",
             "inicio", "contacto", "equipo", "galeria", "nosotros", "portada", "ubicacion", "landing", "story"}


_STYLED = {"background", "backgrounds", "button", "buttons", "navigation", "nav", "text", "accent", "accents", "header",
           "headers", "colour", "colours", "color", "colors", "components", "links", "cards", "font", "fondo",
           "botones", "boton", "texto", "colores", "menu", "theme", "tema", "palette", "paleta"}


_UI_PARTS = _STYLED | {"heading", "border", "footer", "banner", "panel", "tile", "badge", "icon", "tarjeta", "titulo",
                       "cabecera", "enlace"}  # parts of a page (singular or plural as _STYLED has them)


def own_page(r: Reading, p: Phrase) -> bool:
    """'its own page', 'their page', 'su propia pagina': a page of the thing said before, not a record."""
    toks = r.sentences[p.sentence]
    before = {t.text for t in toks[max(0, p.start - 2):p.start]}
    return p.head in _PAGES and not p.plural and bool(before & {"own", "its", "their", "his", "her", "propia", "su"})


def _colour_words(r: Reading, p: Phrase) -> bool:
    """'tomato buttons', 'an alice blue background': a CSS colour in a sentence about the look, not a record."""
    names = colour_table()
    words = [*p.modifiers[-1:], p.head]
    if (p.head in _UI_PARTS or f"{p.head}s" in _UI_PARTS) and any(w in names for w in p.words):
        return True  # 'white product cards': how the site looks
    if not any(w in names or "".join(words[-2:]) in names for w in words):
        return _painted_part(r, p, names)
    return any(t.text in _STYLED for t in r.sentences[p.sentence])


_PAINTED = _UI_PARTS | {"table", "tables", "form", "forms", "tab", "tabs", "sidebar", "tablas", "formularios"}


def _painted_part(r: Reading, p: Phrase, names: dict[str, str]) -> bool:
    """'navy for the header, tables and buttons': parts of the page listed after a colour, not records."""
    toks = r.sentences[p.sentence]
    if p.modifiers or p.head not in _PAINTED and f"{p.head}s" not in _PAINTED:
        return False
    def colour(w: str) -> bool:
        return w in names or bool(re.fullmatch(r"#[0-9a-f]{3,6}", w))

    for i in range(p.start - 1, -1, -1):
        t = toks[i]
        if colour(t.text):
            return True
        if t.text not in _PAINTED and t.tag not in {"DET", "PREP", "CONJ", "PUNCT"} and t.text not in {",", "for"}:
            break
    for t in toks[p.end:p.end + 8]:  # 'with buttons and cards in #1F4E5F'
        if colour(t.text):
            return True
        if t.text not in _PAINTED and t.tag not in {"DET", "PREP", "CONJ", "PUNCT", "AUX"} and \
                t.text not in {",", "in", "are", "be", "should"}:
            return False
    return False


def _page_names(r: Reading) -> set[int]:
    """Phrases naming a page or section of the site in a page list ('Pages: Home (...), Our Team (...), Services')
    or before 'page': words like Home, About and Team; what is said inside a page's brackets still counts."""
    out: set[int] = set()
    for si, toks in enumerate(r.sentences):
        colon = next((i for i, t in enumerate(toks[1:], 1) if t.text == ":" and toks[i - 1].text in _PAGES), None)
        if colon is None:
            continue
        depth, inside = 0, set()
        for i, t in enumerate(toks[colon + 1:], colon + 1):
            depth += (t.text == "(") - (t.text == ")")
            if depth > 0:
                inside.add(i)
        out |= {id(p) for p in r.phrases if p.sentence == si and p.start > colon and p.start not in inside and
                p.head in _SECTIONS}
    return out


def _people_after_of(r: Reading, p: Phrase) -> Phrase | None:
    """The people a phrase belongs to when 'of/de' and a determiner follow it ('los ejercicios de sus pacientes')."""
    toks = r.sentences[p.sentence]
    k = p.end
    if k >= len(toks) or toks[k].text not in {"of", "de", "del"}:
        return None
    k += 1
    if toks[k - 1].text != "del":
        if k >= len(toks) or toks[k].tag != "DET" or toks[k].text in {"a", "an", "un", "una", "each", "every", "cada"}:
            return None
        k += 1
    owner = next((q for q in r.phrases if q.sentence == p.sentence and q.start == k), None)
    return owner if owner is not None and owner.head in word_set("people") and not owner.modifiers else None


_CALENDAR_OWNERS = {"family", "team", "office", "work", "personal", "shared", "school", "club", "company", "project",
                    "group", "department", "home", "google", "outlook", "web", "online", "digital"}
_TIMED = {"Event", "Appointment", "Booking", "Reservation", "Meeting", "Shift", "ClassSession", "GymClass", "Match",
          "Session", "Lesson", "Screening", "Performance", "Visit"}


def _calendar_as_events(r: Reading, chosen: list[str], first: dict[str, int], word: dict[str, str],
                        names: dict[int, str], score: Counter[str]) -> str:
    """'a shared calendar': one calendar is a view of dated records, not a record. It becomes the events, unless the
    app already keeps dated things (then it is their view); several calendars ('calendars per team') stay records.
    'The rehearsal calendar' shows rehearsals: that kind is returned, to be given a time if it has none."""
    cal = next((n for n in chosen if n in {"Calendar", "Calendario", "Timetable", "Schedule"}), None)
    if cal is None or any(p.plural and names.get(id(p)) == cal for p in r.phrases):
        return ""
    said = next((p for p in r.phrases if names.get(id(p)) == cal and p.modifiers), None)
    mod = said.modifiers[-1] if said is not None else ""
    kind = entity_name(singular(mod, r.language), None, r.language) if mod and not _skip(mod) and \
        not is_fieldish(mod, r.language) and mod not in _CALENDAR_OWNERS and mod not in word_set("people") and \
        mod not in word_set("settings") and not mod.endswith("ing") else ""
    if cal in {"Timetable", "Schedule"} and not kind and not any(
            n in _TIMED or n.endswith(tuple(_TIMED)) for n in chosen if n != cal):
        return ""  # 'a cleaning schedule', 'el horario' with nothing dated: kept as it is
    chosen.remove(cal)  # 'the weekly class timetable', 'el horario de clases': a view of the classes
    view = next((p for p in r.phrases if names.get(id(p)) == cal), None)
    if cal in {"Timetable", "Schedule"} and view is not None:
        shown = " ".join(view.words)
        r.capabilities.append(f"{shown} (por fecha)" if r.language == "es" else f"{shown} (by date)")
    if kind:  # 'the rehearsal calendar': the rehearsals are the dated records
        if kind not in chosen:
            chosen.append(kind)
            first[kind], word[kind], score[kind] = first[cal], mod, score[cal]
        for pid, n in list(names.items()):
            if n == cal:
                names[pid] = kind
        return kind
    booked = mod in {"availability", "booking", "bookings", "reservation", "reservations", "disponibilidad"} or \
        re.search(r"\b(?:book|books|reserve|reserves|reservar|reservan)\b", r.text)
    if not booked and not any(n in _TIMED or n.endswith(tuple(_TIMED)) for n in chosen):
        event = "Event"  # ('an availability calendar' beside bookings shows the bookings)
        chosen.append(event)
        first[event], word[event], score[event] = first[cal], "event" if r.language == "en" else "evento", score[cal]
    for pid, n in list(names.items()):
        if n == cal:
            names[pid] = "Event" if "Event" in chosen else ""
    return ""


_ROUNDS_OF = {"delivery", "milk", "golf", "ward", "drug", "bin", "paper", "postal", "window", "vaccine", "bread"}
VENUE_BUYERS = {"Cafe", "Restaurant", "Shop", "Store", "Bar", "Salon", "Gym", "Hotel", "Pub", "Boutique", "Bakery",
                "Venue", "Studio", "Garage", "Pharmacy", "Bookshop", "Bookstore", "Deli", "Retailer", "School", "Team",
                "Club", "Stockist", "Reseller", "Distributor", "Wholesaler"}  # who place orders of their own
_OWNED_VENUES = {n.lower() for n in VENUE_BUYERS} - {"school", "team", "club", "stockist", "reseller", "distributor",
                                                    "wholesaler"}  # 'café owners': the cafés
_KIND_NAMED_HEADS = {"plan", "charge", "fee", "visit", "check", "session", "report", "test", "request", "module",
                     "batch", "run", "stat", "round"}
_POSSESSIVES = {"their", "his", "her", "its", "your", "our", "sus", "su", "tus", "nuestros", "vuestros"}
_GIVING_BANKS = {"food", "blood", "seed", "clothes", "clothing", "toy", "milk", "baby", "time", "diaper", "nappy"}
_OCCASION_UNITS = {"week", "day", "weekend", "night", "evening"}
_TIME_MODIFIERS = {"daily", "weekly", "monthly", "yearly", "annual", "today", "morning", "evening", "night", "week",
                   "month", "year", "season", "term", "holiday"}


_TAUGHT = {"dance", "yoga", "pilates", "art", "music", "language", "fitness", "spin", "zumba", "ballet", "piano",
           "guitar", "surf", "ski", "pottery", "karate", "judo", "tennis", "golf", "chess", "english", "spanish",
           "french", "drawing", "painting", "meditation", "physio", "therapy", "study", "photo"}


def _as_its_head(name: str, r: Reading) -> EntitySpec | None:
    """'AdoptionApplication', 'BoatTrip': a compound nobody defined has the fields of its head word's definition."""
    parts = re.findall(r"[A-Z][a-z0-9]*", name)
    if len(parts) < 2:
        return None
    known = definition(parts[-1], r.domain, r.text)
    if parts[-1] == "Class" and (parts[-2].lower().endswith("ing") or parts[-2].lower() in _TAUGHT):
        known = definition("ClassSession")  # 'clases de baile', 'clases de patinaje': classes people attend
        return EntitySpec(name=name, fields=known.fields) if known else None
    if known and entity_name(parts[-1].lower(), None, "en") != parts[-1]:
        return None  # 'class' is a ClassSession, 'table' a DiningTable: a BoatClass or PriceTable is the other sense
    if known and any(x.required for x in known.relations):
        return None  # a kanban Card lives in a list: a FuelCard or a GiftCard has none of its fields
    return EntitySpec(name=name, fields=known.fields) if known and known.fields else None


def _general_things(r: Reading, chosen: list[str], named: set[str]) -> list[tuple[str, list[str], int]]:
    """(general entity, the chosen entities that are kinds of it, first phrase) when two kinds are listed, or the
    general word is said beside a kind ('dogs and cats', 'the lathe and the bandsaw ... every machine')."""
    heads = {p.head for p in r.phrases} | {m for p in r.phrases for m in p.modifiers}
    classes = sorted(load("nouns")["kinds_of"].items(), key=lambda kv: not heads & set(kv[1]["words"]))
    taken: set[str] = set()
    used: set[str] = set()  # kinds an earlier general thing took ('printer' is a machine in a makerspace)
    out: list[tuple[str, list[str], int]] = []
    for general, known in classes:
        kinds = set(known["kinds"])
        said = [n for n in chosen if n not in taken and _last_word(n) in kinds]
        said = [n for n in said if not any(o != n and o.endswith(n) for o in said)]  # 'food trucks ... the truck'
        others = [n for n in named if n not in taken and n not in chosen and _last_word(n) in kinds]
        mentioned = {p.head for p in r.phrases if p.head in kinds or " ".join(p.words[-2:]) in kinds}
        words = [w for w in known["words"] if w in heads]
        listed = max((sum(p.head in kinds - used for p in group) for group in r.lists), default=0)
        if not (len(said) >= 2 or listed >= 2 or words and (said or len(mentioned) >= 2)):
            continue
        own = next((n for n in chosen if n not in said and n.lower() in known["words"]), None)
        name = own or (entity_name(words[0], None, r.language) if words else None) or general
        at = min((n for n, p in enumerate(r.phrases) if p.head in kinds | set(known["words"]) or
                  " ".join(p.words[-2:]) in kinds), default=0)  # Spanish words name English kinds ('aves')
        taken |= set(said) | set(others)
        used |= mentioned
        out.append((name, [n for n in [*said, *others] if n != name], at))
    return out


def _last_word(name: str) -> str:
    """'LaserCutter' -> 'cutter'."""
    parts = re.findall(r"[A-Z][a-z0-9]*", name)
    return parts[-1].lower() if parts else name.lower()


def _premodifiers(r: Reading) -> set[int]:
    """'adult, student and child tickets': bare singular words listed before a plural compound qualify its head."""
    out: set[int] = set()
    for group in r.lists:
        last = group[-1]
        if len(group) >= 2 and last.plural and last.modifiers and last.head not in word_set("data_heads") and \
                last.head not in {"entity", "table", "record", "model"} and \
                all(len(p.words) == 1 and not p.plural and p.end < last.start for p in group[:-1]):
            out |= {id(p) for p in group[:-1]}
    return out


_NOT_ING_RECORDS = {"morning", "evening", "something", "anything", "nothing", "everything", "setting", "warning",
                    "feeling", "ceiling", "thing", "string", "spring", "during", "king", "wedding", "building",
                    "clothing", "housing", "funding", "pricing", "timing", "marketing", "training", "learning",
                    "challenging", "interesting", "exciting", "amazing", "engaging", "compelling", "rewarding",
                    "relaxing", "entertaining", "inspiring", "fascinating", "stunning", "outstanding", "loving",
                    "caring", "growing", "existing", "upcoming", "ongoing", "remaining", "missing", "leading",
                    "matching", "thrilling", "immersive", "appealing", "welcoming", "flourishing", "pleasing"}
_CLAUSE_STARTS = {"which", "who", "whose", "what", "when", "where", "how", "que", "quien", "quienes", "cual", "cuales",
                  "cuando", "donde", "each", "every", "cada"}  # "(each squad has a coach)": a clause


NOTE_WORDS = {"note", "nota", "remark", "observation", "observacion"}


_ARROW_FLOW = re.compile(r"[\w ]+(?:\s*(?:->|=>|\u2192)\s*[\w ]+){2,}")


def _choice_phrases(r: Reading) -> set[int]:
    """'tipo: fuga, atasco, calentador u otro', 'a type (tent, caravan or cabin)': the values a field takes, not
    tables (attributes.choices_stage makes the field)."""
    from core.engine.understand.attributes import choice_values

    states = [v.strip().lower() for m in _ARROW_FLOW.finditer(r.prompt) for v in re.split(r"->|=>|\u2192", m.group(0))]
    values = choice_values(r.text) - set(states)  # an arrow's states are judged below
    rest = _ARROW_FLOW.sub(" ", r.prompt.lower())  # a state said elsewhere too ('after each interview') is a thing
    return {id(p) for p in r.phrases if not p.plural and (
        " ".join(p.words) in values or len(p.words) == 1 and not re.search(rf"\b{p.words[0]}", rest) and any(
            v == p.words[0] or re.fullmatch(rf"{p.words[0]} [a-z]+ed", v) for v in states) or
        states and not p.modifiers and p.head in {"stage", "status", "state", "fase", "etapa", "estado"})}
    # 'lead -> proposal -> contract signed -> installed': states, not things; '... sit at each stage'


def _owned_logs(r: Reading) -> set[int]:
    """"log our baby's feeds, nappy changes and naps", "track the dog's walks": plural things logged for someone
    else's sake are records, however abstract the word ('feed', 'change')."""
    out: set[int] = set()
    for f in r.frames:
        if f.verb not in STORING_VERBS or not f.objects:
            continue
        first = f.objects[0]
        toks = r.sentences[first.sentence]
        if not first.plural or not first.start or not toks[first.start - 1].possessive or \
                is_fieldish(first.head, r.language):
            continue
        group = next((g for g in r.lists if first in g), [first])
        out |= {id(q) for q in group if q.plural and q.head not in _TIME_UNITS and not is_fieldish(q.head, r.language)
                and q.head not in word_set("people")}
    return out


def _form_fields(r: Reading) -> set[int]:
    """'the website form (parent name, child's grade, subject of interest)': what a form asks is details, unless a
    plural thing is listed ('a form (dogs, cats)')."""
    out: set[int] = set()
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        inner = bracket_at(toks, p.end, 24) if p.head in FORMS else None
        if inner is not None and any(f.sentence == p.sentence and f.subject is not None and f.subject.end <= p.start
                                     and f.subject.head not in word_set("pronouns") for f in r.frames):
            out |= {id(q) for q in r.phrases if q.sentence == p.sentence and p.end < q.start <= p.end + len(inner)
                    and not q.plural}
    return out


_DECLARING = {"entities", "entity", "tables", "models", "records", "entidades", "tablas", "modelos", "registros"}


def _declared(r: Reading) -> tuple[set[int], set[int]]:
    """'Entities: Site (name, region), Turbine (serial, site)': (the heading's phrase, the phrases it lists outside
    brackets)."""
    headers: set[int] = set()
    listed: set[int] = set()
    lines = [si for si, toks in enumerate(r.sentences) if declaring_line(toks)]
    for si in lines:
        listed |= {id(p) for p in r.phrases if p.sentence == si and p.start == 0}
        headers |= {id(p) for p in r.phrases if p.sentence == si and p.start > 1}  # its fields, not more tables
    if len(lines) >= 3 and 0 not in lines and len(r.sentences[0]) <= 8 and \
            not any(t.tag in {"VERB", "AUX"} or t.text == "(" for t in r.sentences[0]):
        headers |= {id(p) for p in r.phrases if p.sentence == 0}  # 'Drone survey ops database.': the title
    for si, toks in enumerate(r.sentences):
        at = next((i for i, t in enumerate(toks[:-1]) if t.text in _DECLARING and toks[i + 1].text == ":"), None)
        if at is None:
            continue
        for p in r.phrases:
            if p.sentence != si or p.end <= at:
                continue
            if p.start <= at:
                headers.add(id(p))
                continue
            between = [t.text for t in toks[at + 1:p.start]]
            before = next((t.text for t in reversed(toks[at + 1:p.start]) if t.tag != "DET"), ":")
            if between.count("(") == between.count(")") and before in {":", ",", ";", "and", "y", ")"}:
                listed.add(id(p))
    return headers, listed


def declaring_line(toks: list[Token]) -> bool:
    """'Project(client, site address, type, status)' on a line of its own: a table with its fields."""
    return len(toks) > 4 and toks[0].tag == "NOUN" and toks[1].text == "(" and toks[-1].text == ")" and \
        singular(toks[0].text) not in _STAGES | _KIND_FIELDS and singular(toks[0].text, "es") not in _STAGES and \
        "," in {t.text for t in toks[2:]} and not any(t.tag in {"VERB", "AUX"} for t in toks[:1])


def bracket_at(toks: list[Token], k: int, limit: int) -> list[Token] | None:
    """The tokens inside the bracket opened at k, when it closes within `limit` tokens; else None."""
    if k >= len(toks) or toks[k].text != "(":
        return None
    inner = []
    for t in toks[k + 1:k + 1 + limit]:
        if t.text == ")":
            return inner
        inner.append(t)
    return None


def _per_thing(r: Reading, p: Phrase) -> Phrase | None:
    """'daily feeding per pen (feed type, kg)', 'lice counts per pen (adult, mobile)': the thing a record is kept per,
    when the details in brackets follow it."""
    toks = r.sentences[p.sentence]
    if p.end + 1 >= len(toks) or toks[p.end].text not in {"per", "por"} or p.head in _TIME_UNITS or \
            is_fieldish(p.head, r.language) and not (p.plural and set(p.modifiers) - _TIME_MODIFIERS) or \
            p.head in word_set("people"):
        return None
    k = p.end + 1 + (toks[p.end + 1].text in _EACH)
    q = next((q for q in r.phrases if q.sentence == p.sentence and q.start == k), None)
    return q if q is not None and q.head not in _TIME_UNITS and _fields_follow(toks, q.end, r.language, 1) else None


def _details_after(toks: list[Token], k: int, language: str) -> bool:
    """'...: date, estate, work type, hours': a colon at k, then a list of three or more led by a detail."""
    if k >= len(toks) or toks[k].text != ":":
        return False
    items = [x.split() for x in " ".join(t.text for t in toks[k + 1:]).replace(" and ", " , ").replace(" y ", " , ")
             .split(",")]
    return len(items) >= 3 and bool(items[0]) and is_fieldish(items[0][-1], language)


def _fields_follow(toks: list[Token], k: int, language: str, least: int = 2) -> bool:
    """'locations (address, type, owner contact)': a bracket of two or more items, `least` of them fields, at k."""
    inner = bracket_at(toks, k, 24)
    if inner is None:
        return False
    items = [x.split() for x in " ".join(t.text for t in inner).split(",")]
    return sum(any(is_fieldish(w, language) or w in _KIND_FIELDS for w in x) or x[:1] in (["whether"], ["if"], ["si"])
               for x in items) >= least and len(items) > 1  # 'whether it covers past donations': a yes/no field


_KIND_FIELDS = {"type", "kind", "category", "status", "tipo", "categoria", "estado"}


def _bracketed_fields(r: Reading) -> set[int]:
    """'shows (title, description, duration, age recommendation)': among field words in brackets, a compound led by a
    field word ('age', 'price', 'skill') is one more field, not a record."""
    out: set[int] = set()
    for si, toks in enumerate(r.sentences):
        opened = [i for i, t in enumerate(toks) if t.text == "("]
        for i in opened:
            end = next((j for j in range(i + 1, len(toks)) if toks[j].text == ")"), len(toks))
            inside = [p for p in r.phrases if p.sentence == si and i < p.start < end]
            fieldish = [p for p in inside if not p.modifiers and (is_fieldish(p.head, r.language) or
                                                                  p.head in _KIND_FIELDS)]
            if len(fieldish) < 2:
                continue
            out |= {id(p) for p in inside if p.modifiers and is_fieldish(p.modifiers[0], r.language) and
                    p.modifiers[0] not in word_set("people") and " ".join(p.words[-2:]) not in known_words()}
            out |= {id(p) for p in inside if p.head in NOTE_WORDS or p.modifiers and
                    is_fieldish(p.head, r.language) and p.head not in word_set("people")}  # 'owner contact'
            like = [k for k in range(i + 1, end) if toks[k].text in {"like", "eg", "such", "including", "como"}]
            for k in like:  # 'type like warehouse/beach/manor': example values of the field before
                stop = next((j for j in range(k, end) if toks[j].text == ","), end)
                out |= {id(p) for p in inside if k < p.start < stop}
    return out


_INSTEAD = (("instead", "of"), ("rather", "than"), ("en", "lugar"), ("en", "vez"))


def _replaced(r: Reading) -> set[int]:
    """'our own box office instead of paying commission', 'rather than spreadsheets', 'en vez de papel': what the app
    replaces is not a thing it keeps."""
    out: set[int] = set()
    for si, toks in enumerate(r.sentences):
        for i in range(len(toks) - 1):
            if (toks[i].text, toks[i + 1].text) not in _INSTEAD:
                continue
            end = next((k for k in range(i + 2, len(toks)) if toks[k].tag in {"PUNCT", "CONJ"}), len(toks))
            out |= {id(p) for p in r.phrases if p.sentence == si and i + 1 < p.start < end}
        for i in range(len(toks) - 1):
            if (toks[i].text, toks[i + 1].text) not in _QUITTING:
                continue
            end = next((k for k in range(i + 2, len(toks)) if toks[k].tag in {"PUNCT", "CONJ"}), len(toks))
            out |= {id(p) for p in r.phrases if p.sentence == si and i + 1 < p.start < end and p.head in _PAPER}
            # 'dejar de apuntarlo todo en una libreta', 'stop using spreadsheets': what the app replaces
    for p in r.phrases:
        before = [t.text for t in r.sentences[p.sentence][:p.start] if t.tag not in {"DET", "ADJ", "NUM"}][-1:]
        if p.head in _OFFICE_TOOLS and before and before[0] in {"in", "on", "en", "using", "use", "via", "con"}:
            out.add(id(p))  # 'everything lives in spreadsheets', 'lo llevamos en excel': how it is done today
    return out


_APPROVAL_NEEDS = {"need", "needs", "require", "requires", "needing", "requiring", "necesita", "necesitan", "requiere",
                   "requieren"}
_OFFICE_TOOLS = {"spreadsheet", "excel", "whiteboard", "whatsapp", "notepad", "post-it", "google sheet",
                 "hoja de calculo"}


_QUITTING = {("dejar", "de"), ("stop", "using"), ("stop", "keeping"), ("stop", "writing"), ("stop", "tracking"),
             ("rid", "of"), ("replace", "our"), ("replace", "my"), ("replace", "the"), ("replaces", "our"),
             ("sustituir", "la"), ("sustituir", "el"), ("sustituir", "las"), ("sustituir", "los")}
_PAPER = {"notebook", "spreadsheet", "paper", "excel", "sheet", "whiteboard", "binder", "folder", "notepad",
          "libreta", "cuaderno", "papel", "hoja", "pizarra", "carpeta", "libro", "agenda", "post-it", "whatsapp"}


def _detail_notes(r: Reading) -> set[int]:
    """'add new varieties with growing notes and photos', 'record pass or fail with notes': notes that come with
    something are a text field of it, not records of their own ('a notes app', 'notes for each client' stay)."""
    out: set[int] = set()
    if re.search(r"\b(notes? ?(?:app|taking|book)|notebooks?|apuntes|cuadernos?|bloc de notas)\b", r.text):
        return out
    for p in r.phrases:
        if p.head not in NOTE_WORDS or not p.plural or any(m in known_words() for m in p.modifiers):
            continue
        toks = r.sentences[p.sentence]
        k = p.start - 1
        while k >= 0 and (toks[k].tag in {"ADJ", "DET", "NOUN", "NUM"} or toks[k].text in {",", "and", "y", "or"}):
            k -= 1
        if k > 0 and toks[k].text in {"with", "con"} and \
                any(q.sentence == p.sentence and q.end <= k for q in r.phrases):
            out.add(id(p))
    return out


def _bracketed_examples(r: Reading) -> set[int]:
    """'classified ads (for sale, jobs, property)': words in brackets after a thing are examples of it; after the
    app itself ('a CRM (contacts, companies, deals)') they name its records."""
    out: set[int] = set()
    for si, toks in enumerate(r.sentences):
        for i, t in enumerate(toks):
            if t.text != "(" or not i:
                continue
            before = next((q for q in r.phrases if q.sentence == si and (q.end == i or q.end == i - 1 and
                                                                         toks[i - 1].tag in {"VERB", "ADJ"})), None)
            participle = toks[i - 1].tag == "VERB" or toks[i - 1].text.endswith("ed") and \
                verb_lemmas().get(toks[i - 1].text, toks[i - 1].text) != toks[i - 1].text
            if (before is None or participle and before.words == [toks[i - 1].text]) and i >= 4 and participle and \
                    all(t.tag in {"PREP", "DET"} for t in toks[i - 3:i - 1]):
                before = next((q for q in r.phrases if q.sentence == si and q.end == i - 3 and q.plural), None)
                # 'the documents for each uploaded (bill of lading, packing list)': examples of the documents
            if before is None and toks[i - 1].tag == "VERB":
                before = next((q for q in r.phrases if q.sentence == si and q.plural and i - 4 <= q.end < i - 1 and
                               all(t.tag in {"VERB", "AUX"} for t in toks[q.end:i])), None)
                # 'en qué turnos podría ayudar (barra, limpieza)': examples of the shifts, after their verb
            if before is None and toks[i - 1].tag == "VERB" and \
                    any(t.text in {"what", "lo", "whatever"} for t in toks[max(0, i - 4):i - 1]):
                close = next((k for k in range(i + 1, len(toks)) if toks[k].text == ")"), len(toks))
                out |= {id(p) for p in r.phrases if p.sentence == si and i < p.start and p.end <= close}
                continue  # 'apunta lo que paga (súper, luz, alquiler)', 'what they spend (food, fuel)': examples
            values = before is not None and (before.head in _CATEGORY_WORDS or not before.plural and (
                is_fieldish(before.head, r.language) or before.start and toks[before.start - 1].text in {"by", "por"}))
            if before is None or before.head in word_set("tool_nouns") or before.head in word_set("kinds") or \
                    name_of(before, r.language) is None and not values:
                continue  # 'grouped by theme (weddings, portraits)': values of a field, not things
            if before.start > 1 and toks[before.start - 1].text in {"de", "del"} and any(
                    q.sentence == si and q.end == before.start - 1 and q.head in word_set("settings")
                    for q in r.phrases):
                continue  # 'el club de kárate (clases, exámenes, cuotas)': what the club keeps, after the app
            close = next((k for k in range(i + 1, len(toks)) if toks[k].text == ")"), len(toks))
            if i + 1 < len(toks) and toks[i + 1].text in _CLAUSE_STARTS:
                continue  # 'tupping (which ram with which ewes)': a clause about the thing, not examples of it
            out |= {id(p) for p in r.phrases if p.sentence == si and i < p.start and p.end <= close}
        out |= _colon_values(r, si, toks)
    return out


_CATEGORY_WORDS = {"type", "types", "kind", "kinds", "category", "categories", "tipo", "tipos", "clase", "clases",
                   "categoria", "categorias"}


def _colon_values(r: Reading, si: int, toks: list) -> set[int]:
    """'4 houses: red, blue, green, yellow': single names after a plural thing and a colon are its instances, not
    tables ('members: name, email' are its fields; 'our records: members, boats' are records)."""
    out: set[int] = set()
    for i, t in enumerate(toks):
        if t.text != ":" or not i:
            continue
        before = next((q for q in r.phrases if q.sentence == si and q.end == i), None)
        if before is None or not before.plural or before.head in word_set("kinds"):
            continue
        close = next((k for k in range(i + 1, len(toks)) if toks[k].text in {")", ":", ".", ";"}), len(toks))
        items = [p for p in r.phrases if p.sentence == si and i < p.start and p.end <= close]
        if len(items) >= 3 and not any(p.plural or is_fieldish(p.head, r.language) for p in items) and \
                not any(t.tag == "VERB" for t in toks[i + 1:close]):  # 'cards: each card belongs to a driver'
            out |= {id(p) for p in items}
    return out


_PER_EACH = {"per", "each", "every", "por", "cada"}


def sheet_before(r: Reading, si: int, at: int, kept: Callable[[Phrase], bool]) -> Phrase | None:
    """The record sheet kept for each thing said before token `at` ('a daily diary per child: ...', 'a walk log for
    each dog'), if the sentence says one."""
    toks = r.sentences[si]
    return next((q for q in r.phrases if q.sentence == si and q.end < at and kept(q) and not q.plural and
                 q.head in RECORD_SHEETS and q.start and toks[q.start - 1].tag != "PUNCT" and
                 any(t.text in _PER_EACH for t in toks[q.end:at]) and
                 all(t.tag in {"NOUN", "ADJ", "DET"} or t.text in _PER_EACH | {"for", "de"} for t in toks[q.end:at])),
                None)
RECORD_SHEETS = {"diary", "log", "logbook", "journal", "sheet", "checklist", "form", "diario", "registro", "ficha",
                  "parte", "hoja"}
_LENT_THINGS = {"tool", "toy", "seed", "game", "gear", "kit", "instrument", "equipment", "costume", "puzzle", "bike"}
_HAVING = {"has", "have", "contain", "contains", "include", "includes", "tiene", "tienen", "contiene", "contienen",
           "incluye", "incluyen"}
_MANY_OF = {"many", "multiple", "several", "varios", "varias", "muchos", "muchas"}
MEASURED = {"reading", "measurement", "result", "sample", "test", "check", "observation", "stat", "statistic",
             "metric", "vital", "medicion", "resultado", "muestra"}


_NEEDS = {"need", "needs", "want", "wants", "requirements", "necesito", "necesitamos", "queremos", "quiero",
          "necesidades", "requisitos"}


def _after_colon(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'a book club: members, the book we read each month, meetings and ratings': each item after the colon is
    enumerated, even when a clause inside one item breaks the plain list."""
    for si, toks in enumerate(r.sentences):
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if colon is None:
            continue
        if each_one_at(toks, colon):  # 'want to track each one: player count, shelf, missing pieces': its details
            for q in r.phrases:
                if q.sentence == si and q.start > colon and id(q) in names and q.head not in word_set("people"):
                    score[names[id(q)]] -= 8 if keeps_a_list(toks, colon) else 4
            held = next((q for q in reversed(r.phrases) if (q.sentence, q.start) < (si, colon) and id(q) in names and
                         (q.plural or keeps_a_list(toks, colon) and q.sentence == si) and
                         q.head not in word_set("people")), None)  # 'every vat records:': the vats are kept
            if held is not None:
                score[names[id(held)]] += 3  # the things whose details are listed are kept
            continue
        measured = next((p for p in r.phrases if p.sentence == si and p.end == colon and id(p) in names and
                         p.plural and p.head in MEASURED), None)
        if measured is not None:  # 'each month submit readings: temperature, pH, nitrates': what a reading holds
            for q in r.phrases:
                if q.sentence == si and q.start > colon and id(q) in names and q.head not in word_set("people") and \
                        names[id(q)] != names[id(measured)]:
                    score[names[id(q)]] -= 4
            continue
        headed = _headed_record(r, si, colon, names)
        if headed is not None:  # 'Load: date, haulier, truck reg, customer, parts used': a record and its details
            score[names[id(headed)]] += 3
            for q in r.phrases:
                if q.sentence != si or q.start <= colon or id(q) not in names or names[id(q)] == names[id(headed)]:
                    continue
                if q.head in word_set("people"):
                    score[names[id(q)]] += 3  # the haulier, the mechanic: kept and linked
                elif not q.plural and sum(names.get(id(o)) == names[id(q)] for o in r.phrases) == 1 and \
                        definition(names[id(q)]) is None:
                    score[names[id(q)]] -= 4  # 'truck reg', 'gross': a detail said once, not a thing we know
                elif q.end + 1 < len(toks) and toks[q.end].tag == "VERB" and \
                        toks[q.end].text.endswith(("ed", "en", "wn")) and toks[q.end + 1].text in {",", ")", "."}:
                    score[names[id(q)]] -= 4  # 'cracks seen', 'bags collected': how many, a detail
        sheet = sheet_before(r, si, colon, lambda q: id(q) in names)
        if sheet is not None:  # 'staff fill in a daily diary per child: meals, naps, nappies': what a diary holds
            score[names[id(sheet)]] += 3
            for q in r.phrases:
                if q.sentence == si and sheet.end < q.start and q.end <= colon and id(q) in names and \
                        not is_fieldish(q.head, r.language):
                    score[names[id(q)]] += 2  # 'una ficha por alumno': each pupil has one, the pupils are kept
            for q in r.phrases:
                if q.sentence == si and q.start > colon and id(q) in names and q.head not in word_set("people") and \
                        names[id(q)] != names[id(sheet)]:
                    score[names[id(q)]] -= 4
            continue
        topic = si == 0 and 1 < colon <= 5 and all(t.tag in {"DET", "NOUN", "ADJ"} for t in toks[:colon])
        wants = colon <= 4 and bool({t.text for t in toks[:colon]} & _NEEDS)  # 'Need: riders, each week's event'
        tool = any(t.text in word_set("tool_nouns") for t in toks[:colon])  # 'an app for X: a, b'
        bonus = 3 if topic or wants or tool else 1
        described = next((i for i, t in enumerate(toks) if i > colon and t.text in _DESCRIBED), len(toks))
        starts = [colon] + [i for i, t in enumerate(toks) if i > colon and t.text in {",", "and", "y"}]
        for start in starts:
            first = next((p for p in r.phrases if p.sentence == si and p.start > start), None)
            if first is not None and id(first) in names and all(t.tag in {"DET", "ADJ", "PUNCT", "CONJ", "NUM"}
                                                                 for t in toks[start + 1:first.start]):
                score[names[id(first)]] += bonus if start < described else 1  # a field list ends the enumeration


_TRACKING = {"track", "manage", "keep", "record", "log", "store", "gestionar", "llevar", "registrar", "controlar"}


def _listed_after_storing(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'need to track franchisees, their outlets, the sales figure each outlet reports, ..., and field audits where
    ...': every plural thing that starts an item of the list after a storing verb is kept, even when a clause inside
    an earlier item breaks the plain list."""
    for f in r.frames:
        if f.verb not in _TRACKING or sum(id(o) in names and score[names[id(o)]] >= THRESHOLD for o in f.objects) < 2:
            continue  # 'records the date, result and notes' lists details, not things
        toks = r.sentences[f.sentence]
        depth, starts = 0, []
        for i in range(f.position + 1, len(toks)):
            depth += (toks[i].text == "(") - (toks[i].text == ")")
            if depth == 0 and toks[i].text in {",", "and", "y"}:
                starts.append(i)
        for start in starts:
            first = next((p for p in r.phrases if p.sentence == f.sentence and p.start > start), None)
            if first is not None and id(first) in names and first.plural and score[names[id(first)]] < THRESHOLD and \
                    all(t.tag in {"DET", "ADJ", "NUM"} for t in toks[start + 1:first.start]) and \
                    not is_fieldish(first.head, r.language):
                score[names[id(first)]] = THRESHOLD  # one item of the list, however long the ones before it


_PORTRAIT = {"photo", "picture", "image", "logo", "avatar", "bio", "headshot", "cv", "foto", "imagen", "biografia"}


def _headed_record(r: Reading, si: int, colon: int, names: dict[int, str]) -> Phrase | None:
    """'Load: date, haulier, truck reg, customer, weight', '..., ticket = date, customer': a thing heading a clause
    and a colon, then a list of mostly its details, is a record with those details."""
    toks = r.sentences[si]
    head = next((p for p in r.phrases if p.sentence == si and p.end == colon), None)
    held = r.head_before(head, frozenset({"for", "para"})) if head is not None and not head.plural else None
    if held is not None and id(held) in names and not held.plural and held.start and \
            toks[held.start - 1].tag in {"DET", "VERB"} and held.head not in word_set("tool_nouns"):
        head = held  # 'inspectors file a report for a bridge: date, condition, notes': the report's details
    head = head if head is not None and id(head) in names else None
    if head is None or head.head in word_set("tool_nouns") or is_fieldish(head.head, r.language):
        return None
    said = [t.text for t in toks]
    inside = {j for j in range(colon, len(toks)) if said[colon:j].count("(") > said[colon:j].count(")")}
    items = [q for q in r.phrases if q.sentence == si and q.start > colon and q.start not in inside]  # not values
    fields = sum(is_fieldish(q.head, r.language) or not q.plural and q.head in _PORTRAIT for q in items)
    first = bool(items) and is_fieldish(items[0].head, r.language)  # 'date, haulier, ...': a field list starts so
    plain = not any(t.tag == "VERB" and not (t.text.endswith(("ed", "en", "wn")) and (
        j + 1 == len(toks) or toks[j + 1].text in {",", ")", "."} or toks[j + 1].text in {"on", "at"} and (
            j + 2 == len(toks) or toks[j + 2].text in {",", ")", "."}))) for j, t in enumerate(toks) if j > colon)
    # 'date, cracks seen, notes', 'brewed on, tapped on': a detail said with its participle is still a plain list
    line = plain and _record_line(r, si, head, colon)  # 'Book: title, author, isbn.': a table and its columns
    if head.head in _NOT_HEADED and not line:
        return None
    anywhere = first and plain and fields >= 2 and fields * 2 >= len(items)  # 'Tutors: name, hourly rate, photo'
    if not (line or anywhere) and (si == 0 and head.start == 0 or head.head in word_set("people") or head.start and
                                   toks[head.start - 1].text not in {",", "-", ";"} | _EACH and
                                   head.head not in RECORD_SHEETS):
        return None  # a plain field list heads any line; otherwise the thing starts an item
    if not line and (len(items) < 3 or not (fields >= 2 and fields * 3 >= len(items) or first)):
        return None
    if any(q.head in {"date", "fecha", "day", "dia"} for q in items):
        r.records.add(names[id(head)])  # dated: it needs no name
    return head


def record_lines(r: Reading) -> int:
    """How many sentences are 'Thing: detail, detail' lines, each a table the user declares with its columns."""
    count = 0
    for si, toks in enumerate(r.sentences):
        head = next((p for p in r.phrases if p.sentence == si and p.end < len(toks) and toks[p.end].text == ":"), None)
        count += head is not None and _record_line(r, si, head, head.end)
    return count


def keeps_a_list(toks: list[Token], colon: int) -> bool:
    """'every tank (batch) records: ...': what each one keeps is listed after the colon."""
    return colon >= 2 and toks[colon - 1].tag == "VERB" and toks[colon - 1].lemma in _KEEPS_A_LIST and \
        any(t.text in {"each", "every"} for t in toks[max(0, colon - 7):colon])


def each_one_at(toks: list[Token], colon: int) -> bool:
    """Whether the words before a colon are 'each one', 'each of them', 'cada uno': the details of things just named."""
    said = [t.text for t in toks[max(0, colon - 3):colon]]
    them = colon >= 2 and said[-1:] == ["them"] and toks[colon - 2].tag == "VERB" or colon >= 1 and \
        toks[colon - 1].tag == "VERB" and toks[colon - 1].text.endswith(_CLITIC_THEM)  # 'catalogue them:'
    sheet = [t.text for t in toks[max(0, colon - 4):colon]]  # 'sakes con ficha técnica:', 'each with a profile:'
    card = bool(sheet) and sheet[-1] in _SHEETS and any(w in {"con", "with", "su", "their", "its"} for w in sheet[:-1])
    return said[-2:] in (["each", "one"], ["every", "one"], ["cada", "uno"], ["cada", "una"]) or \
        said[-3:] == ["each", "of", "them"] or them or keeps_a_list(toks, colon) or card


_SHEETS = {"ficha", "tecnica", "fichas", "sheet", "profile", "card", "datos"}  # a record card of each thing
_KEEPS_A_LIST = {"record", "log", "track", "keep", "store", "list", "hold"}
_CLITIC_THEM = ("arlos", "arlas", "erlos", "erlas", "irlos", "irlas")  # 'queremos catalogarlos:'


def _after_possessive(toks: list[Token], i: int) -> bool:
    """Whether token i follows a possessive, over other kin words ('their mum or dad')."""
    while i > 0 and (toks[i - 1].text in {"or", "and", "o", "y"} or toks[i - 1].text in word_set("kin")):
        i -= 1
    return i > 0 and toks[i - 1].text in _POSSESSIVES | {"my", "mi", "tu", "nuestra", "nuestro"}


def _record_line(r: Reading, si: int, head: Phrase, colon: int) -> bool:
    """'Member: name, email.' as a line of its own: a singular thing, a colon and two or more single details, every
    one of them said plainly between commas, most of them details."""
    toks = r.sentences[si]
    said = [t.text for t in toks]
    items = [q for q in r.phrases if q.sentence == si and q.start > colon and
             said[colon:q.start].count("(") <= said[colon:q.start].count(")")]  # not the values in brackets
    fields = [q for q in items if is_fieldish(q.head, r.language) or is_fieldish(q.words[-1], r.language) or
              q.head == "id"]  # 'notes' and an 'id' are details too
    if not items or not (items[0] in fields or len(fields) * 2 >= len(items)):
        return False
    if head.plural or head.head in _PAGES | _SECTIONS or len(head.modifiers) > 1 or len(items) < 2 or \
            any(q.plural and q not in fields for q in items):  # 'Photography studio booking: ...' titles the request
        return False
    if any(t.tag not in {"DET", "ADJ"} for t in toks[:head.start]) or head.end != colon:
        return False
    ends = [colon, *(q.end for q in items[:-1])]
    depth, plain = 0, []  # 'condition (A/B/C), price': the values in brackets are the detail's, not between details
    for t in toks:
        depth += t.text == "("
        plain.append(depth == 0)
        depth -= t.text == ")" and depth > 0
    return all(sum(t.text in {":", ",", "and", "y"} for t in toks[end:q.start]) == 1 and
               all(t.text in {":", ",", "and", "y", "(", ")"} or t.tag in {"DET", "ADJ", "NUM", "PREP"} or
                   not plain[end + k] for k, t in enumerate(toks[end:q.start]))
               for end, q in zip(ends, items, strict=True))


def _bullet_heads(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'- ticket sales per performance with seat numbers': in a list of three or more items, the thing an item
    starts with is one of the things the app keeps."""
    if len(r.bullets) < 3:
        return
    for si in r.bullets:
        head = next((p for p in r.phrases if p.sentence == si and p.start == 0), None)
        if head is None or id(head) not in names or is_fieldish(head.head, r.language) or \
                head.head in _PAGES | _SECTIONS | _STYLED | _PAGE_NAMES:
            continue
        score[names[id(head)]] += 1


def _section_headers(r: Reading, names: dict[int, str], score: Counter[str]) -> dict[str, str]:
    """'Artists: a page per artist ...', '- Shows: one page per show ...': a line headed by plural things and a
    colon is a section listing those things; 'Exhibitions: current and upcoming shows' names them twice."""
    out: dict[str, str] = {}
    for si, toks in enumerate(r.sentences):
        head = next((p for p in r.phrases if p.sentence == si and p.start == 0), None)
        pair = next((q for q in r.phrases if head is not None and q.sentence == si and q.start == head.end + 1 and
                     toks[head.end].text in {"and", "&", "y"} and q.end < len(toks) and toks[q.end].text == ":"),
                    None)  # 'Divisions and teams: ...', 'Fixtures and results: ...'
        if si and pair is not None and pair.plural and head.plural and \
                not {head.head, pair.head} & (_PAGES | _SECTIONS | _STYLED | _PAGE_NAMES):
            for q in (head, pair):
                if id(q) in names:
                    score[names[id(q)]] += 3
            continue
        if not si or head is None or id(head) not in names or head.end >= len(toks) or toks[head.end].text != ":" \
                or not head.plural or head.head in _PAGES | _SECTIONS | _STYLED | _PAGE_NAMES:
            continue
        score[names[id(head)]] += 3
        said = next((q for q in r.phrases if q.sentence == si and q.start > head.end), None)
        listed = said is not None and any(len(g) > 1 and any(q is said for q in g) for g in r.lists)
        people = said is not None and (said.head in word_set("people")) != (head.head in word_set("people"))
        if said is not None and id(said) in names and said.plural and said.head not in _PAGES and not listed and \
                not people and \
                not is_fieldish(said.head, r.language) and \
                all(t.tag in {"DET", "ADJ", "CONJ"} for t in toks[head.end + 1:said.start]) and \
                (said.end >= len(toks) or toks[said.end].text in {",", "(", ".", ";"}):
            out[names[id(said)]] = names[id(head)]  # the section's own words for its things: one entity
    return out


_AS_ROLE = {"join", "register", "sign", "enrol", "enroll", "apuntar", "inscribir", "registrar", "hacer"}


def _roles(r: Reading, names: dict[int, str], score: Counter[str]) -> dict[str, str]:
    """'families join as members', 'los vecinos se hacen socios': the people are kept as the role they take."""
    out: dict[str, str] = {}
    for f in r.frames:
        who = f.subject or next((p for p in f.objects[:1] if p.end <= f.position), None)  # 'los vecinos se apuntan'
        role = next((q for prep, q in f.preps[:1] if prep in {"as", "como"}), None)
        if f.verb not in _AS_ROLE or role is None or id(role) not in names or role.head not in word_set("people"):
            continue
        score[names[id(role)]] += 3  # 'visitors can sign up as volunteers': the volunteers are kept
        if who is not None and id(who) in names and (who.head in word_set("people") or who.plural) and \
                names[id(role)] != names[id(who)]:
            out[names[id(who)]] = names[id(role)]
    return out


_BEFORE_INFINITIVE = {"y", "o", "para", "a", "de", "poder", "pueda", "puedan", "pueden", "puede", "quiero",
                      "queremos", "deben", "debe", "deberian", "sin", "al"}


def _infinitive(r: Reading, p: Phrase) -> bool:
    """'un formulario para pedir cita y dejar la bici', 'deberían poder entrar': a Spanish verb, not a thing."""
    toks = r.sentences[p.sentence]
    if r.language != "es" or p.modifiers or p.plural or not p.head.endswith(("ar", "er", "ir")) or \
            p.head in ENTITY_WORDS_ES or p.head in known_words() or not is_spanish_verb(p.head):
        return False
    before = toks[p.start - 1].text if p.start else ""
    after = toks[p.end] if p.end < len(toks) else None
    return before in _BEFORE_INFINITIVE or after is not None and after.tag == "DET"


_BEFORE_NAMES = {"in", "at", "near", "from", "of", "on", "called", "named", "de", "del", "en", "la", "el", "san",
                "santa", "los", "las", "cerca"}


def _proper_names(r: Reading) -> frozenset[str]:
    """Words written capitalised inside sentences and never in lower case, after 'in', 'de', 'called' or beside
    another capitalised word ('in Valladolid', 'Cabo de Palos', 'the Cornish coast'): names of places and
    people, not things to store. Known nouns stay things ('a Routes page')."""
    text = r.prompt.replace("\u2019", "'")
    lower = {singular(normalise(w), r.language) for w in re.findall(r"\b[a-z\u00e0-\u00ff]+\b", text)}
    out: set[str] = set()
    for m in re.finditer(r"(?<=[a-z\u00e0-\u00ff,]) ([A-Z\u00c0-\u00de][a-z\u00e0-\u00ff]+)\b", text):
        word = m.group(1)
        before = text[:m.start()].split()[-1:] or [""]
        after = text[m.end():m.end() + 2]
        beside = before[0][:1].isupper() or after[:1] == " " and text[m.end() + 1:m.end() + 2].isupper()
        placed = before[0].lower().strip(",") in _BEFORE_NAMES
        if singular(normalise(word), r.language) in lower or not (placed or beside):
            continue
        norm = normalise(word)
        if norm not in known_words() and singular(norm, r.language) not in known_words() and \
                norm not in ENTITY_WORDS_ES and singular(norm, "es") not in ENTITY_WORDS_ES:
            out |= {norm, singular(norm, r.language)}
    return frozenset(out)


_SITE_HAS = {"have", "tener", "tenga", "include", "incluir", "incluya", "need", "needs", "necesita", "necesitamos",
             "contain", "contener"}  # 'the site should have news, an agenda and ...', 'debe tener noticias, ...'
_LIBRARY_KINDS = {"public", "local", "community", "lending", "village", "town", "city", "county", "mobile", "digital",
                  "online", "music", "media", "reference", "research", "law", "medical", "children", "kids"}
_RANGES = {"collection", "catalogue", "catalog", "range", "selection", "library"}
_NOT_HEADED = _PAGES | _COLLECTIONS | _RANGES | _LEDGERS | {"fleet", "flota", "stock", "inventory", "inventario"}
_RANGE_KINDS = {"art", "product", "price", "age", "date", "time", "colour", "color", "size", "waste", "data", "rubbish",
                "spring", "summer", "autumn", "winter", "seasonal", "new", "full", "mountain", "kitchen"}
_SHOWING = {"show", "display", "feature", "present", "showcase", "list", "mostrar", "ensenar", "exponer", "listar"}
_SITE_WORDS = {"website", "site", "page", "pages", "web", "pagina", "app", "it", "homepage"}
_DIARIES = {"diary", "journal", "logbook", "diario"}
_TEACHING = {"teach", "tutor", "coach", "ensenar", "impartir", "dar"}
_WHICH = CHOICE_WORDS | {"que"}
_MANY_WORDS = {"several", "multiple", "many", "various", "different", "varios", "varias", "muchos", "muchas",
               "distintos", "distintas", "diferentes"}
_NOTES = {"note", "remark", "observation", "nota", "observacion", "comentario"}
_TIME_UNITS = {"time", "day", "week", "month", "year", "hour", "minute", "min", "hr", "night", "morning", "evening",
               "weekend",
               "vez", "dia", "semana", "mes", "ano", "hora", "minuto", "noche", "manana", "tarde", "semestre",
               "trimestre", "bimestre", "quincena", "semester", "fortnight", "quarter"}
_EVERY = {"each", "every", "per", "cada", "por", "todos", "todas", "next", "this", "que", "el", "la", "los", "las"}


_COUNTED = (["number", "of"], ["numero", "de"], ["amount", "of"], ["cantidad", "de"], ["count", "of"])
_WHEN_OF = (["fecha", "de"], ["fechas", "de"], ["hora", "de"], ["horas", "de"], ["date", "of"], ["dates", "of"],
            ["time", "of"])
_MODES = {"sale", "rent", "venta", "alquiler", "lease", "hire"}
_STAGES = {"stage", "status", "state", "step", "phase", "estado", "etapa", "fase"}


def _business_apposition(r: Reading) -> frozenset[str]:
    """'for Shield Pest Control, a pest control company that ...', 'para Pilates Sol, un estudio de ...': the noun
    describing the named business the site is for."""
    first = re.split(r"(?<=[.!?])\s|\n", r.prompt.strip(), maxsplit=1)[0]
    m = re.search(r"[A-Z][\w&'\-]*(?: [A-Z&][\w&'\-]*)*, (?:a|an|un|una) ((?:[a-zA-Z\u00e0-\u00ff\-]+ ){0,3}?"
                  r"[a-zA-Z\u00e0-\u00ff\-]+?)(?= (?:that|which|who|with|in|on|for|near|que|con|en|de|y|and)\b"
                  r"|[,.;:]|$)", first)
    return frozenset({singular(normalise(m.group(1).split()[-1]), r.language)}) if m else frozenset()


def _product_names(prompt: str) -> frozenset[str]:
    """CamelCase words the prompt introduces as what the product is ('SaleNotifier is ...', 'With TaskTime,
    users ...'), lower-cased: names, not things (an 'OrderItem' listed as an entity stays one)."""
    camel = r"\b([A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+)\b"
    named = re.findall(camel + r"(?=\s+(?:is|es|was|offers|provides|helps|allows|lets|also|ensures)\b)", prompt)
    named += re.findall(r"(?:^|[.!?]\s+)(?:With\s+|Con\s+)?" + camel, prompt)
    return frozenset(w.lower() for w in named)


_CONTENT = {"description", "information", "info", "detail", "profile", "data", "guide", "article", "insight",
            "descripcion", "informacion", "ficha", "dato"}  # 'information about plants, pests and diseases'
_BOOKS = {"book", "reserve", "hire", "rent"}
_FEATURE_NOUNS = {w for words in load("verbs")["feature_nouns"].values() for w in words}
_BOOKED = {"appointment", "booking", "reservation", "cita", "reserva", "turno", "slot"}


def _booked_kinds(r: Reading, p: Phrase) -> bool:
    """In a list after 'an appointment for' / 'cita para': what the appointment is for (its kind), not a thing."""
    toks = r.sentences[p.sentence]
    k = p.start - 1
    while k > 0 and (toks[k].tag in {"NOUN", "DET", "ADJ"} or toks[k].text in _LISTING):
        k -= 1
    if k < 1 or toks[k].text not in {"for", "para"} or toks[k - 1].text not in _BOOKED:
        return False
    j = k + 1
    while j < len(toks) and (toks[j].tag in {"NOUN", "DET", "ADJ"} or toks[j].text in _LISTING):
        j += 1
    return sum(t.text in {",", "and", "or", "y", "o"} for t in toks[k + 1:j]) >= 2


_LISTING = {",", "and", "or", "y", "o", "de", "of", "-"}


def _not_a_record(r: Reading, p: Phrase) -> bool:
    """Nouns that are a count, a mode, a stage list or a category label, not things to store."""
    toks = r.sentences[p.sentence]
    before = [t.text for t in toks[max(0, p.start - 2):p.start]]
    group = next((g for g in r.lists if any(q is p for q in g)), [p])
    lead = [t.text for t in toks[max(0, group[0].start - 2):group[0].start]]
    if before in _COUNTED or lead[-2:] == ["how", "many"] or lead[-1:] in (["cuantos"], ["cuantas"]):
        return True  # 'the number of bedrooms', 'how many people', 'cuántos adultos y niños': a count field
    if not p.plural and (before in _WHEN_OF or lead in _WHEN_OF):
        return True  # 'fecha de entrada y salida', 'the date of arrival': when something happens, a date field
    if before[-2:] in (["no", "hay"], ["are", "no"], ["is", "no"], ["need", "no"]) or \
            p.plural and before[-1:] == ["no"] and not p.modifiers:
        return True  # 'no hay reservas', 'there are no bookings': what the app does not keep
    if _booked_kinds(r, p):
        return True  # 'pedir cita para revisión, cambio de aceite o frenos': kinds of appointment, not things
    if p.head == "home" and not p.plural and not p.modifiers and p.start and toks[p.start - 1].tag == "VERB":
        return True  # 'letters sent home', 'take the kit home': where to, not a record
    if p.head in {"habit", "pattern", "behaviour", "behavior", "habito"} and len(p.words) > 1 and \
            p.words[-2] in _WAYS_OF:
        return True  # 'based on their spending habits' describes people, it is not a habit tracker
    if p.head in {"sale", "sales", "revenue", "earning", "statistic", "stat", "figure", "venta", "ingreso"} and \
            (before[-1:] and before[-1] in _PERIODIC or p.words[0] in _PERIODIC) and \
            not (p.head in {"sale", "sales", "venta"} and p.end < len(toks) and toks[p.end].text in {"per", "por"}):
        return True  # 'view daily sales': a report over the orders, not a record of its own
    if p.head in _VIEWS and not p.plural and before[-2:-1] in (["on"], ["in"], ["en"], ["via"]):
        return True  # 'check free slots on a calendar', 'see them on a map': a view of the records
    if p.head in _MODES and before[-1:] in (["for"], ["en"], ["de"]):
        return True  # 'flats for sale or rent', 'pisos en venta o alquiler'
    if p.head in _STAGES and p.plural and p.end < len(toks) and (toks[p.end].text in {":", "such", "like", "como"} or
                                                                 toks[p.end].tag in {"NOUN", "ADJ", "VERB"}):
        return True  # 'through the stages received, interview, offer and rejected'
    paid = [t for t in toks[max(0, p.start - 3):p.start] if t.tag == "VERB"]
    if paid and re.fullmatch(r"pa(?:y|ys|id|ying)|pag(?:a|an|ar|as|amos|ando|ado|ue|uen)", paid[-1].text) and \
            before[-1:] in (["with"], ["by"], ["con"]):
        return True  # 'customers pay by card', 'pagan con tarjeta': a payment method
    if p.head == "table" and p.modifiers[-1:] and p.modifiers[-1] in {"league", "score", "points", "time", "comparison",
                                                                        "standings", "periodic", "pivot"}:
        return True  # 'the league table' is computed standings, not a dining table
    if p.head in _product_names(r.prompt):
        return True  # 'BudgetOptimizerPlus is ...': the product's own made-up name
    if p.head == "order" and not p.plural and (before[-1:] == ["in"] or {*p.modifiers[-1:], *p.words[-2:-1]} & {
            "alphabetical", "chronological", "reverse", "priority", "date"}):
        return True  # 'the waiting list in order of application date': a sort order, not a purchase
    if p.head in {"casa", "home", "hogar"} and not p.plural and before[-1:] in (["en"], ["a"], ["at"], ["from"]):
        return True  # 'ejercicios para hacer en casa', 'work from home': where, not a house
    if p.head == "track" and before[-1:] == ["on"]:
        return True  # 'keep users on track'
    amp = {p.start - 1, p.end}
    if any(0 <= i < len(toks) and toks[i].text == "&" for i in amp) and re.search(r"\w&\w", r.prompt):
        return True  # 'a Restaurants&Delivery app': a category label
    if not p.modifiers and p.head in {"profile", "account", "perfil", "cuenta"}:
        return True  # 'candidates create a profile': the profile is the candidate
    if p.head in word_set("handing_nouns") and p.end < len(toks) and toks[p.end].text in {"of", "de"}:
        return False  # 'an app for the loan of laptops to students': each loan is kept
    return bool(p.start and toks[p.start - 1].text == "for" and not p.plural and p.start > 1 and
                toks[p.start - 2].text in {"website", "site", "app", "application", "platform", "portal"} or
                p.start > 2 and toks[p.start - 2].text in {"for", "para"} and not p.plural and
                toks[p.start - 1].tag == "DET" and toks[p.start - 3].text in {"website", "site", "app", "web", "pagina",
                                                                            "application", "platform", "portal"})


_PLACE_WORDS = {"spot", "place", "space", "plaza", "sitio", "hueco"}
_TAKING = {"book", "reserve", "get", "secure", "save", "claim", "take", "reservar", "coger", "pedir"}


_HOMES = {"flat", "apartment", "house", "home", "garden", "balcony", "kitchen", "garage", "loft", "piso", "casa",
          "apartamento", "jardin", "balcon", "cocina", "terraza", "huerto"}
_MINE = {"my", "our", "mi", "nuestro", "nuestra"}
_AREAS = {"street", "road", "neighbourhood", "neighborhood", "area", "town", "city", "village", "calle", "barrio",
          "zona", "ciudad", "pueblo", "municipio", "dome", "auditorium", "cupula", "auditorio"}


def _whereabouts(toks: list, p: Phrase) -> bool:
    """'potholes in the street', 'incidencias en la calle', 'in our town': where something happens, not a record."""
    k = p.start - 1
    while k > 0 and toks[k].tag == "DET":
        k -= 1
    if p.head in _HOMES and not p.plural and not p.modifiers and 0 < k < p.start - 1 and \
            toks[k].text in {"in", "around", "at", "en", "de"} and toks[k + 1].text in _MINE:
        return True  # 'the plants in my flat', 'las plantas de mi casa': where my things are, not a record
    return p.head in _AREAS and not p.plural and not p.modifiers and k >= 0 and (
        k < p.start - 1 and toks[k].text in {"in", "on", "around", "across", "en", "por"} or toks[k].text == "del")


def _a_place_in(toks: list, p: Phrase) -> bool:
    """'book a spot in beginner classes', 'reservar plaza en una salida': the class is booked, a spot is a unit."""
    if p.head not in _PLACE_WORDS or p.plural or p.modifiers:
        return False
    k = p.start - 1
    while k > 0 and toks[k].tag in {"DET", "NUM"}:
        k -= 1
    placed = p.end < len(toks) and toks[p.end].text in {"in", "on", "at", "for", "en", "para"}
    return k >= 0 and toks[k].tag == "VERB" and toks[k].lemma in _TAKING and (
        placed or toks[k].lemma in {"book", "reserve", "reservar"})  # 'students book a spot or cancel'


def _feature_object_bonus(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'a rating of each book', 'comentarios sobre las recetas': what a feature noun is about is stored."""
    feature_words = {w for ws in load("verbs")["feature_nouns"].values() for w in ws}
    for p in r.phrases:
        pictured = p.head in {"photo", "picture", "scan", "foto"} and not p.plural and \
            r.sentences[p.sentence][p.end + 1:p.end + 2] and \
            r.sentences[p.sentence][p.end + 1].text in {"a", "an", "un", "una"}  # 'a photo of a receipt'
        if p.head not in feature_words and " ".join(p.words) not in feature_words and not pictured:
            continue
        toks = r.sentences[p.sentence]
        after = next((q for q in r.phrases if q.sentence == p.sentence and p.end < q.start <= p.end + 3), None)
        if after is not None and id(after) in names and toks[p.end].text in {"of", "on", "for", "de", "sobre"} and \
                all(t.tag == "DET" for t in toks[p.end + 1:after.start]) and not (
                    pictured and (after.plural or is_fieldish(after.head, r.language) or
                                  after.head in word_set("abstract_nouns") | word_set("people"))):
            score[names[id(after)]] += 1


IN_GROUP = (["are", "in"], ["is", "in"], ["belong", "to"], ["belongs", "to"], ["are", "part", "of"],
             ["is", "part", "of"], ["can", "be", "part", "of"], ["can", "be", "in"], ["can", "belong", "to"],
             ["estan", "en"], ["esta", "en"], ["pertenecen", "a"], ["pertenece", "a"])
_HAS = {"has", "have", "tiene", "tienen"}


def _stated_membership(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'swimmers are in squads (each squad has a coach)': the members, their groups and what each group has are
    things the app keeps."""
    for si, toks in enumerate(r.sentences):
        phrases = [p for p in r.phrases if p.sentence == si and id(p) in names]
        for a, b in zip(phrases, phrases[1:], strict=False):
            between = [t.text for t in toks[a.end:b.start] if t.tag != "DET"]
            if is_fieldish(a.head, r.language) or is_fieldish(b.head, r.language):
                continue
            if between in IN_GROUP and a.plural:
                score[names[id(a)]] += 3
                score[names[id(b)]] += 2
            elif len(between) == 1 and between[0] in _HAS and a.start and toks[a.start - 1].text in _EACH and \
                    not b.plural:
                score[names[id(b)]] += 1


_A_ONE = {"a", "an", "one", "un", "una"}
_LOGGED_OF = {"log", "record", "history", "register", "diary", "journal", "registro", "historial", "diario"}
_ORDINALS = {"first", "second", "last", "next", "final", "initial", "primera", "primer", "ultima", "ultimo"}
_GOES_TO = (["go", "to"], ["goes", "to"], ["linked", "to"], ["tied", "to"], ["attached", "to"], ["va", "a"],
            ["van", "a"], ["vinculada", "a"], ["vinculado", "a"], ["asociada", "a"], ["asociado", "a"])
_AT_EACH = {"at", "for", "on", "after", "of", "in", "during", "en", "de", "para", "tras"}


def details_at_each(r: Reading, f: Frame) -> tuple[str, Phrase] | None:
    """(preposition, thing) when a storing verb lists details of each one of a thing: 'we record species, age, sex
    and weight at every capture', 'log depth and duration on every dive', 'do an inspection and record the
    pressure'."""
    done = _done_before(r, f)
    if done is not None and f.verb in STORING_VERBS and f.objects and not any(
            personish(p) or p.plural and not is_fieldish(p.head, r.language) and p.head not in ONE_FILE
            for p in f.objects):
        return "after", done
    toks = r.sentences[f.sentence]
    own = f.subject
    if own is not None and f.verb in STORING_VERBS and len(f.objects) >= 2 and own.start and not own.plural and \
            r.language == "en" and toks[f.position].text.endswith("s") and \
            toks[own.start - 1].text in _EACH | {"every"} and not personish(own) and not _skip(own.head) and \
            not any(personish(p) or p.plural for p in f.objects):
        return "at", own  # 'every inspection notes temper, brood, queen seen': the inspection's details
    opening = next((q for q in r.phrases if q.sentence == f.sentence and q.start == 2 and q.end <= f.position and
                    toks[0].text in _AT_EACH), None)  # 'For every inspection the inspector records ...'
    if opening is not None and f.verb in _NOTES_DOWN and f.objects and not f.preps and \
            toks[1].text in _EACH | {"every"} and not opening.plural and not _skip(opening.head) and \
            not is_fieldish(opening.head, r.language) and opening.head not in _TIME_UNITS and not any(
                personish(p) or p.plural and not is_fieldish(p.head, r.language) and p.head not in NOTE_WORDS
                for p in f.objects):
        return toks[0].text, opening  # 'At each visit I tune, note the pitch I tuned to': the visit's pitch
    if f.verb not in STORING_VERBS or len(f.objects) < 2 or any(
            p.plural and not is_fieldish(p.head, r.language) and p.head not in NOTE_WORDS or personish(p) or
            p.head in known_words() and not is_fieldish(p.head, r.language) and
            p.head not in word_set("field_nouns_never_things") for p in f.objects):
        return None
    if not f.preps and opening is None:
        return None
    prep, p = f.preps[0] if f.preps else (toks[0].text, opening)
    if prep not in _AT_EACH or not p.start or toks[p.start - 1].text not in _EACH | {"every"} or p.plural or \
            p.head in _TIME_UNITS or is_fieldish(p.head, r.language) or _skip(p.head):
        return None
    return prep, p


def _done_before(r: Reading, f: Frame) -> Phrase | None:
    """The one occasion people carry out just before, in 'inspectors do an inspection and record ...'."""
    toks = r.sentences[f.sentence]
    for g in r.frames:
        if g.sentence == f.sentence and g.verb in _DOING and g.objects and not g.objects[0].plural and \
                g.objects[0].end < f.position and toks[f.position - 1].text in {"and", "then", "y", "luego"} and \
                not any(t.tag in {"VERB", "AUX"} or t.text in {";", ":"} for t in toks[g.objects[0].end:f.position]):
            return g.objects[0]  # 'do a yearly inspection (of each valve) and record ...'
    return None


def _details_at_each(r: Reading, names: dict[int, str], score: Counter[str], first: dict[str, int],
                     word: dict[str, str]) -> None:
    """What holds the details listed at each one is a record, even when its word is a verb ('capture', 'check'),
    and the details are its fields, not things."""
    for f in r.frames:
        found = details_at_each(r, f)
        name = found and (names.get(id(found[1])) or entity_name(found[1].head, None, r.language))
        if not found or not name:
            continue
        p = found[1]
        names[id(p)] = name
        first.setdefault(name, r.phrases.index(p))
        word.setdefault(name, p.head)
        score[name] += 4
        for q in f.objects:
            if id(q) in names:
                score[names[id(q)]] -= 3
                if not q.plural and found[0] == r.sentences[f.sentence][0].text and not any(
                        names.get(id(o)) == names[id(q)] for o in r.phrases if o.sentence != f.sentence):
                    score[names.pop(id(q))] = 0  # 'At each visit ... note the pitch I tuned to': the visit's field


def _with_their_details(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'the containers in each shipment with their number and type': things said with their own details are kept."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        if id(p) not in names or not p.plural or is_fieldish(p.head, r.language):
            continue
        k = p.end
        if k + 2 < len(toks) and toks[k].text in {"in", "en", "for", "para", "of", "de"} and \
                toks[k + 1].text in _EACH | {"every"}:
            inner = next((q for q in r.phrases if q.sentence == p.sentence and q.start == k + 2), None)
            k = inner.end if inner is not None else k
        if k + 1 < len(toks) and toks[k].text in {"with", "con"} and toks[k + 1].text in {"their", "sus"}:
            score[names[id(p)]] += 2


_LEAGUES_ES = {"liga", "ligas", "torneo", "torneos", "campeonato", "campeonatos", "federacion", "club", "clubes"}


def _qualifies_after_de(r: Reading, toks: list, p: Phrase) -> bool:
    """A Spanish word after 'de' that says what kind a thing is ('multas de trafico'), or one of two bare singulars
    there ('fichajes de entrada y salida', 'billetes de ida y vuelta')."""
    def owner_ends(at: int) -> bool:
        return any(q.end == at and q.head in ENTITY_WORDS_ES for q in r.phrases if q.sentence == p.sentence)

    paired_first = p.end + 1 < len(toks) and toks[p.end].text in {"y", "o"} and toks[p.end + 1].tag == "NOUN" and \
        not toks[p.end + 1].text.endswith("s") and (p.end + 2 >= len(toks) or toks[p.end + 2].tag != "NOUN")
    if p.start > 1 and toks[p.start - 1].text == "de" and owner_ends(p.start - 1):
        return p.head not in ENTITY_WORDS_ES and p.head not in known_words() or paired_first
    own_de = p.end + 1 < len(toks) and toks[p.end].text == "de" and toks[p.end + 1].tag == "NOUN"
    return p.start > 3 and toks[p.start - 1].text in {"y", "o"} and toks[p.start - 2].tag == "NOUN" and \
        not toks[p.start - 2].text.endswith("s") and toks[p.start - 3].text == "de" and owner_ends(p.start - 3) and \
        not own_de  # 'turnos de riego y préstamo de herramientas': the loan is the list's next thing


ONE_FILE = {"photo", "picture", "image", "file", "document", "receipt", "screenshot", "scan", "pdf", "cv", "resume",
            "foto", "imagen", "archivo", "documento", "recibo"}
_FILE_KINDS = {"profile", "cover", "main", "passport", "id", "perfil", "portada"}  # 'upload a profile photo'
_DESCRIBING = {"describe", "explain", "describir", "explicar"}
_CHOOSING = {"choose", "pick", "select", "elegir", "escoger", "seleccionar"}


def _one_file_or_description(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'book a slot, describe the problem and upload a photo': one file and one description are details of the
    record being made, not tables."""
    uploading = set(load("verbs")["features"]["uploads"])
    for f in r.frames:
        for p in f.objects:
            toks = r.sentences[p.sentence]
            article = p.start and toks[p.start - 1].text in {"a", "an", "the", "un", "una", "el", "la"}
            if id(p) not in names or p.plural or not set(p.modifiers) <= _FILE_KINDS or not article:
                continue
            if f.verb in uploading and p.head in ONE_FILE or f.verb in _DESCRIBING:
                score[names[id(p)]] -= 4
        for p in f.objects if f.verb in _CHOOSING and len(f.objects) > 1 else []:
            toks = r.sentences[p.sentence]
            if id(p) in names and not p.plural and p.start and toks[p.start - 1].tag != "DET":
                score[names[id(p)]] -= 3  # 'choose paper and quantity': what is chosen for the order, its fields


def _handed_over(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'the loan of laptops to students', 'el alquiler de bicis a turistas': each hand-over is a record, and what is
    handed over and who gets it are kept."""
    for p in r.phrases:
        found = hand_over(r, p) if id(p) in names else None
        if found is None or id(found[0]) not in names or not found[0].plural:
            continue
        handed, taker = found
        score[names[id(p)]] += 3
        score[names[id(handed)]] += 2
        if taker is not None and id(taker) in names and personish(taker):
            score[names[id(taker)]] += 2


def hand_over(r: Reading, p: Phrase) -> tuple[Phrase, Phrase | None] | None:
    """(what is handed over, who gets it) when a phrase is a hand-over: 'the loan of laptops to students'."""
    toks = r.sentences[p.sentence]
    if p.head not in word_set("handing_nouns") or p.end >= len(toks) or toks[p.end].text not in {"of", "de"}:
        return None
    handed = next((q for q in r.phrases if q.sentence == p.sentence and q.start in {p.end + 1, p.end + 2}), None)
    if handed is None:
        return None
    k = handed.end
    taker = next((q for q in r.phrases if q.sentence == p.sentence and q.start in {k + 1, k + 2}), None) if \
        k < len(toks) and toks[k].text in {"to", "a", "for", "para"} else None
    return handed, taker


_LEAVING = {"leave", "submit", "dejar", "presentar"}


_SITES = {"website", "site", "app", "application", "portal", "platform", "system", "tool"}
_SOLE_ADMINS = {"owner", "manager", "admin", "administrator", "boss", "dueno", "duena", "encargado", "encargada",
                "gerente", "administrador", "administradora"}


TIME_SPENT = re.compile(r"\b(?:hours?|time|minutes?) (?:that )?(?:each|every) (\w+?)s? "
                        r"(?:spends?|works?|puts? in|logs?) (?:on|at|for) (?:a|an|each|every|the|their) (\w+?)s?\b")


_BOOKED_WITH = {"book", "books", "booking", "reserve", "reserves", "schedule", "schedules", "reservar", "reservan",
                "reserva", "pedir", "piden", "pide"}


def _booked_with(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'patients book appointments with a chosen osteopath', 'reservan cita con una podóloga': the professional
    booked with is kept, even when the word is new to the vocabularies."""
    for f in r.frames:
        if f.verb not in _BOOKED_WITH and f.verb.rstrip("s") not in _BOOKED_WITH:
            continue
        for prep, q in f.preps:
            if prep in {"with", "con"} and id(q) in names and (q.head in word_set("people") or
                                                                q.head.endswith(("ist", "path", "tor"))):
                score[names[id(q)]] += 2


def _time_spent(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'the hours each carpenter spends on a job': who spends the time and what on are both kept (their TimeEntry
    joins them)."""
    said = {w for m in TIME_SPENT.finditer(r.text) for w in m.groups()}
    for p in r.phrases:
        if id(p) in names and p.head in said and not is_fieldish(p.head, r.language):
            score[names[id(p)]] += 3


def _sole_admin(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'The shop owner should be able to manage the inventory': the one person who runs the business is the admin,
    not a table, when every mention is 'the (shop) owner' and none is an owner of something ('the owner of')."""
    said: dict[str, list[bool]] = {}
    runs = {p.head for p in r.phrases if p.sentence == 0 and not p.plural and 2 < p.start < 8 and
            r.sentences[0][p.start - 1].text in {"a", "an", "my", "our"} and r.sentences[0][p.start - 2].text == "for"
            and r.sentences[0][p.start - 3].text in _SITES and p.head.endswith(("er", "or", "ist", "ian"))}
    # 'a website for a kombucha brewer. The brewer marks orders as packed': who runs the site
    for p in r.phrases:
        if id(p) not in names:
            continue
        toks = r.sentences[p.sentence]
        if p.head in runs and id(p) in names and not p.plural and p.start > 0 and \
                toks[p.start - 1].text in {"a", "an", "my", "our", "the"}:
            said.setdefault(names[id(p)], []).append(True)  # '... for a kombucha brewer. The brewer should mark'
            continue
        sole = p.head in _SOLE_ADMINS and not p.plural and p.start > 0 and \
            names[id(p)] == entity_name(p.head, None, r.language) and \
            toks[p.start - 1].text in {"the", "our", "el", "la", "nuestro", "nuestra"} and \
            (p.end >= len(toks) or toks[p.end].text not in {"of", "de", "del"})
        said.setdefault(names[id(p)], []).append(sole)
    for name, soles in said.items():
        if all(soles):
            score[name] -= 9


def _audience(r: Reading, p: Phrase) -> bool:
    """'allows quality teams to manage', 'helps university research offices to ...': who uses the app, not a record."""
    toks = r.sentences[p.sentence]
    k = p.start - 1
    while k >= 0 and toks[k].tag in {"DET", "ADJ", "NOUN", "CONJ"}:
        k -= 1
    return p.plural and k >= 0 and toks[k].lemma in {"allow", "help", "enable", "let", "permit"} and \
        p.head in word_set("settings") | _GROUPS | _BUSINESSES | {"office", "department", "organisation",
                                                                  "organization", "institution", "council"}


def _reported_kinds(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'residents report potholes, broken streetlights and fly-tipping. Each report needs a category': what is
    reported are kinds of report (its category), when the reports themselves are kept."""
    if not any(p.head in {"report", "incidencia", "aviso"} and id(p) in names for p in r.phrases):
        return
    for f in r.frames:
        if f.verb not in {"report", "reportar", "denunciar"} or len(f.objects) < 2:
            continue
        for p in f.objects:
            said_once = sum(q.head == p.head for q in r.phrases) == 1
            if id(p) in names and said_once and names[id(p)] not in PEOPLE:
                score[names.pop(id(p))] = 0


def _per_and_left(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'stock per bin and per client', 'totals per team': what other records are counted per is a record too;
    'leave feedback after a talk', 'submit expenses': what people leave or hand in is kept."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        k = p.start - 1
        while k >= 0 and toks[k].tag in {"DET", "ADJ"}:
            k -= 1
        if id(p) in names and k >= 0 and toks[k].text in {"per", "por"} and p.head not in _TIME_UNITS and \
                not is_fieldish(p.head, r.language) and p.head not in word_set("people") - {"client", "cliente"}:
            score[names[id(p)]] += 1
            stat = next((q for q in r.phrases if q.sentence == p.sentence and q.end == k), None)
            if stat is not None and stat.start and toks[stat.start - 1].possessive and \
                    is_fieldish(stat.head, r.language):
                score[names[id(p)]] += 2  # 'each player's minutes per game': the games are records too
    for q in r.phrases:  # 'open a claim on a policy with a description and photos': the claim is described
        toks = r.sentences[q.sentence]
        head = r.head_before(q) if q.end < len(toks) and toks[q.end].text in {"with", "con"} else None
        if head is not None and id(head) in names and id(q) in names and not head.plural and not q.plural and \
                not _skip(head.head) and head.head not in _CONTAINERS and \
                not is_fieldish(head.head, r.language) and head.head not in _TIME_UNITS:
            score[names[id(head)]] += 2
    for f in r.frames:
        if f.verb in _LEAVING:
            for p in f.objects[:1]:
                if id(p) in names and not is_fieldish(p.head, r.language):
                    score[names[id(p)]] += 1


_THEIR = {"their", "sus"}
_NEEDING = {"need", "needs", "have", "has", "with", "and", "con", "y", "necesitan", "tienen"}


def _people_with_their(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'ringers need their permit level stored', 'volunteers with their skills': people whose own details the app
    keeps are records."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        if id(p) not in names or not p.plural or not personish(p) or p.end + 2 >= len(toks):
            continue
        k = p.end + (toks[p.end].text in {"can", "should", "must", "will"})
        if k + 1 < len(toks) and toks[k].text in _NEEDING and toks[k + 1].text in _THEIR and any(
                q.sentence == p.sentence and q.start == k + 2 and not personish(q) for q in r.phrases):
            score[names[id(p)]] += 3


@cache
def _known_field_names() -> frozenset[str]:
    """Every field name the noun knowledge gives some entity ('abstract', 'synopsis', 'caption')."""
    return frozenset(f.name for e in definitions().values() for f in e.fields)


def _with_a_detail(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'submit papers with an abstract and a PDF': one of each said with a plural thing is a detail of it, not a
    table of its own."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        if id(p) not in names or not p.plural or p.head in word_set("people") or p.end + 2 >= len(toks) or \
                toks[p.end].text not in {"with", "con"}:
            continue
        k = p.end + 1
        while k + 1 < len(toks) and toks[k].text in {"a", "an", "un", "una"}:
            q = next((q for q in r.phrases if q.sentence == p.sentence and q.start == k + 1), None)
            if q is None or q.plural or q.head in word_set("people") or id(q) not in names or \
                    names[id(q)] == names[id(p)]:
                break
            if not (is_fieldish(q.head, r.language) or q.head in {"pdf", "photo", "image", "file", "picture"} or
                    q.head in _known_field_names() and entity_name(q.head, None, r.language) not in definitions()):
                break  # 'groups with a guide': a thing of its own, unless the word is a detail things have
            name = names.pop(id(q))
            if name not in names.values():
                score[name] = -9  # nothing else names it: the detail is a field of the thing
            k = q.end + 1 if q.end < len(toks) and toks[q.end].text in {"and", "y", ","} else len(toks)


def _kinds_in_brackets(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'Extras (breakfast, parking) can be added to a booking': a plural thing whose kinds are named is a table."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        if id(p) not in names or not p.plural or is_fieldish(p.head, r.language) or p.end + 4 > len(toks) or \
                toks[p.end].text != "(":
            continue
        close = next((k for k in range(p.end + 1, len(toks)) if toks[k].text == ")"), None)
        inside = toks[p.end + 1:close] if close else []
        if close and 1 <= sum(t.text == "," for t in inside) <= 6 and all(t.tag in {"NOUN", "ADJ", "PUNCT", "CONJ"}
                                                                         for t in inside):
            score[names[id(p)]] += 1


_KEEPING = {"need", "needs", "want", "wants", "manage", "manages", "track", "tracks", "handle", "handles", "gestionar",
            "gestiona", "llevar", "controlar", "necesito", "necesitamos", "quiero", "queremos"}
_FOR_WORDS = {"for", "of", "para", "de"}


def _list_for_the_app(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'a system for routes, sailings, vessels and ticket sales', 'we need routes, sailings and vessels': every thing
    listed as what the app is for is kept, not only the first."""
    for group in r.lists:
        if len(group) < 3 or sum(id(p) in names for p in group) < 3:
            continue
        toks, at = r.sentences[group[0].sentence], group[0].start
        while at and toks[at - 1].tag in {"DET", "ADJ"} and toks[at - 1].text not in _FOR_WORDS:
            at -= 1
        before = [t.text for t in toks[max(0, at - 2):at]]
        tool = len(before) == 2 and before[1] in _FOR_WORDS and before[0] in word_set("tool_nouns")
        after = toks[group[-1].end] if group[-1].end < len(toks) else None
        opening = at == 0 and sum(p.plural and id(p) in names for p in group) >= 3 and (
            after is None or after.tag not in {"AUX", "VERB"})  # 'cheeses, suppliers, wheels.' (not '... are not')
        if not (tool or opening or before[-1:] and before[-1] in _KEEPING):
            continue
        if opening and id(group[0]) in names and group[0].plural and not is_fieldish(group[0].head, r.language):
            score[names[id(group[0])]] += 2
        for p in group[1:]:
            if id(p) in names and p.plural and not is_fieldish(p.head, r.language):
                score[names[id(p)]] += 2


_TITLE_KINDS = {d.key for d in TITLE_DOMAINS}  # 'sports club membership renewals and waivers': a list, not a kind


def _bare_noun_list(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'sports club membership renewals and waivers', 'facturas y presupuestos': a short request that is only a list of
    things asks for those things."""
    if len(r.sentences) != 1 or len(r.sentences[0]) > 14 or any(t.tag in {"VERB", "AUX"} for t in r.sentences[0]) \
            or any(re.search(rf"\b{re.escape(k)}\b", r.text) for k, v in load("words")["kinds"].items()
                   if v not in _TITLE_KINDS):
        return  # a kind of app ('inventory and POS for a boutique') brings its own records
    first = next((p for p in r.phrases if p.sentence == 0), None)
    if first is not None and any(w.endswith(("er", "or")) and len(w) > 4 and singular(w) not in known_words() and
                                 w not in word_set("people") for w in first.words):
        return  # 'a maths problem solver that explains each step': a tool, not a list of records
    for group in r.lists:
        for p in group:
            if id(p) in names and not is_fieldish(p.head, r.language):
                score[names[id(p)]] += 3


def _container_bonus(r: Reading, names: dict[int, str], score: Counter[str]) -> None:
    """'a database of vendors', 'a list of books': the thing after 'of' is stored."""
    for toks in r.sentences:
        for i, t in enumerate(toks[:-1]):
            if (t.lemma in _CONTAINERS or t.text in word_set("tool_nouns")) and toks[i + 1].text in {"of", "de"} and \
                    i + 2 < len(toks) and toks[i + 2].tag != "DET":  # 'app de recetas', not 'club de una ciudad'
                p = next((p for p in r.phrases if p.sentence == r.sentences.index(toks) and i + 1 < p.start <= i + 4),
                         None)
                if p is not None and id(p) in names and (p.plural or t.lemma in _CONTAINERS) and \
                        (p.head not in _TIME_UNITS or p.modifiers) and not (
                            t.text in {"gestion", "management"} and not p.plural and p.head in word_set("settings")):
                    score[names[id(p)]] += 3  # 'a range of nights' is how long a stay is; 'gestión de barbería' runs it
            if t.text in _PAGES and toks[i + 1].text in {"of", "for", "de", "con", "with"}:
                p = next((p for p in r.phrases if p.sentence == r.sentences.index(toks) and (
                    p.start == i + 2 or p.start == i + 3 and toks[i + 2].tag == "DET")), None)
                if p is not None and id(p) in names and p.plural:
                    score[names[id(p)]] += 3  # 'a page of upcoming workshops': the site lists them
