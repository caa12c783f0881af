"""Stage 6: links between the entities: what the sentences say (verbs, 'of', 'for', 'with'), then what the
nouns usually mean together (an order belongs to a customer), joins for borrow/enroll/rent, many-to-many."""

from __future__ import annotations

import re

from core.engine.understand.entities import (
    FILLING,
    FORMS,
    IN_GROUP,
    SITTING,
    _skip,
    _verbal,
    hand_over,
    is_fieldish,
    name_of,
    word_sense,
)
from core.engine.understand.knowledge import (
    definition,
    entity_name,
    is_dependent,
    known_joins,
    known_parents,
    words_of,
)
from core.engine.understand.lexicon import ENTITY_WORDS_EN, ENTITY_WORDS_ES
from core.engine.understand.reading import Frame, Phrase, Reading
from core.engine.understand.vocab import load, singular, word_set
from core.spec import EntitySpec, FieldSpec, RelationSpec, snake

# Nouns that classify or own what they come with: 'products with categories' -> a product belongs to a category.
_PARENT_KINDS = {"Category", "Type", "Genre", "Author", "Owner", "Supplier", "Vendor", "Brand", "Department",
                 "Region", "Location", "Cuisine", "Team", "Group", "Project", "Company", "Store", "Restaurant",
                 "Venue", "Client", "Customer", "Account", "Course", "Board", "Folder", "Notebook", "Album",
                 "Playlist", "Trip", "Patient", "Member", "Employee", "Student", "Property", "Event"}
_APPLIED_THINGS = {"code", "coupon", "discount", "voucher", "filter", "promo", "change", "theme", "template", "label",
                   "tag", "treatment", "coat", "layer", "patch", "update", "fix", "rule", "codigo", "cupon",
                   "descuento", "filtro", "cambio", "plantilla"}
_GATHERINGS = {"event", "meetup", "meeting", "session", "workshop", "party", "rehearsal", "walk", "ride", "gathering",
               "evento", "reunion", "quedada", "sesion", "taller", "fiesta", "ensayo"}
_WHO_ASKED = {"who", "quien", "quienes"}  # 'see who has signed up': not them signing up
_SIGNING_UP = {"enrol", "enroll", "sign", "register", "apuntar", "inscribir"}
_JOINABLE = _GATHERINGS | {"outing", "class", "course", "trip", "excursion", "tournament", "camp", "hike", "tour",
                           "lesson", "workshop", "retreat", "race", "salida", "clase", "curso", "torneo",
                           "campamento", "viaje", "carrera"}
_CONTESTED = {"tournament", "race", "camp", "competition", "league", "torneo", "carrera", "campamento"}
_REGISTERED_FOR = _CONTESTED | {"event", "retreat", "conference", "festival", "evento", "congreso", "retiro"}
_COURSES = {"course", "curso", "cursillo"}  # signed up for, a course is an enrolment; a class or workshop a sign-up
_TAUGHT = {"class", "course", "lesson", "workshop", "clase", "curso", "taller"}
_CARRYING = {"carry", "transport", "include", "llevar", "transportar", "incluir"}
_TAKING = {"claim", "coger", "reclamar"}  # 'drivers claim legs', 'los voluntarios cogen turnos'
_PEOPLE = ("Member", "Employee", "User", "StaffMember", "Staff", "Agent", "SalesRep", "Volunteer", "Student", "Person")
_GENERIC_PEOPLE = {"individual", "person", "user", "member", "people", "staff", "colleague", "teammate",
                   "usuario", "persona", "miembro"}
_OF_PREPS = {"of", "for", "de", "para"}
_NEEDS_SUBJECT = {"follow"}  # 'users follow authors' is a Follow; 'follow tickets through statuses' is not
_NEEDS_PEOPLE = {"suggest", "nominate"}
_BROWSING = {"browse", "search", "filter", "sort", "find", "explore", "list", "group", "organize", "organise",
             "consultar", "buscar", "filtrar", "explorar", "ordenar", "ver", "agrupar"}
_EMPLOYS = {"hire"}
_RECORDS_ITS_OBJECT = {"register", "registrar"}  # a join only with a particle: 'register for shifts'
_LINK_VERBS = {"belong", "pertenecer", "link", "assign", "have", "contain", "tener", "include", "come", "venir"}
_OPTIONAL_PARENTS = {"Category", "Type", "Genre", "Folder", "Notebook", "Group", "Tag", "Cuisine", "Region",
                     "StandingOrder", "DeliveryRun"}  # a one-off order has no standing order, nor a run until planned
_JOIN_KINDS = {"Reservation", "Booking", "Rental", "Loan", "Appointment", "Enrollment", "Donation", "Registration",
               "Signup", "Adoption", "Lease", "Purchase", "Membership", "Visit", "Viewing", "Order", "Application"}
_REFERS = {"reference", "references", "refer", "refers", "point", "points", "link", "links", "referencia",
           "referencian"}
_POSSESSIVE_LIST = (["and", "their"], ["and", "its"], [",", "their"], [",", "its"], ["y", "sus"], ["y", "su"],
                    [",", "sus"], [",", "su"])
_SURFACES = {"Device", "Platform", "Screen", "Phone", "Computer", "Tablet", "Website", "Server"}
_KEEPERS = {"owner", "landlord", "guardian", "keeper", "dueno", "propietario", "tutor"}
_GROUPISH = {"team", "group", "crew", "squad", "family", "household", "club", "company", "department", "firm",
             "agency", "school", "band", "choir", "organisation", "organization", "business", "equipo", "grupo",
             "familia", "empresa", "departamento", "colegio", "escuela", "banda", "coro", "hogar", "casa"}
_MANY = {"many", "multiple", "several", "varios", "varias", "muchos", "muchas"}


def relations_stage(r: Reading) -> Reading:
    """Collect (child, parent, kind) links; joins for borrow/enroll/rent become entities of their own."""
    _one_name(r)
    _which_aside(r)
    _handed(r)
    _stated(r, with_lists=False)
    _placed(r)
    _held_where(r)
    _made_of(r)
    _added_to(r)
    _frames(r)
    _left_after(r)
    _known(r)
    _stated(r, with_lists=True)
    r.links = [x for x in r.links if frozenset(x[:2]) not in r.joined]
    _owners_in_compounds(r)
    _compound_things(r)
    _joins(r)
    _sides(r)
    _orphans(r)
    return r


_SIDES = [("home", "away"), ("from", "to"), ("origin", "destination"), ("pickup", "dropoff"), ("pickup", "delivery"),
          ("sending", "receiving"), ("buying", "selling"), ("first", "second"), ("local", "visitante"),
          ("origen", "destino")]
_SIDE_EN = {"local": "home", "visitante": "away", "origen": "origin", "destino": "destination"}
_SIDE_OF = {w: pair for pair in _SIDES for w in pair}


def _side(p: Phrase) -> str | None:
    """The word saying which side a phrase is ('home team', 'equipo local'), if any."""
    if p.modifiers:
        return p.modifiers[-1]
    return p.words[-1] if len(p.words) == 2 and p.words[0] == p.head else None


def _sides(r: Reading) -> None:
    """'games have a home team, an away team and a date': two links to one table, one per side."""
    for si in range(len(r.sentences)):
        phrases = [p for p in r.phrases if p.sentence == si]
        for k, p in enumerate(phrases):
            side = _side(p)
            pair = _SIDE_OF.get(side or "")
            if not pair or side != pair[0]:
                continue
            other = next((q for q in phrases[k + 1:k + 4] if q.head == p.head and _side(q) == pair[1]), None)
            target = entity_name(p.head, None, r.language)
            owner = next((_entity(r, q) for q in reversed(phrases[:k]) if _entity(r, q) not in {None, target}), None)
            if other is None or target not in r.entities or owner is None:
                continue
            column = snake(target)
            r.sides[(owner, target)] = [f"{_SIDE_EN.get(w, w)}_{column}_id" for w in pair]
            force_link(r, owner, target)


def _added_to(r: Reading) -> None:
    """'extras (breakfast, parking) can be added to a booking': a catalogue of add-ons, many on each, many-to-many."""
    for f in r.frames:
        if f.verb not in {"add", "anadir"}:
            continue
        target = next((_entity(r, q) for prep, q in f.preps[:1] if prep in {"to", "a"}), None)
        toks = r.sentences[f.sentence]
        if not target or not f.position or toks[f.position - 1].text not in {"be", "been", "se"}:
            continue
        depth = [0]
        for t in toks:
            depth.append(depth[-1] + (t.text == "(") - (t.text == ")"))
        added = [q for q in r.phrases if q.sentence == f.sentence and q.end <= f.position and q.plural and
                 depth[q.start] == 0]
        x = _entity(r, added[-1]) if added else None
        if x and x != target:
            add_link(r, x, target, "many_to_many")


_SAME = (("Applicant", "Candidate"),)  # (said in the product's name, said in its sentences): one table


def _one_name(r: Reading) -> None:
    """'Applicant tracking system. Jobs have candidates applying': one kind of person, named as the request does."""
    pairs = list(_SAME)
    for short in [n for n in r.entities if n.isalpha() and len(re.findall(r"[A-Z]", n)) == 1 and n not in
                  r.field_lists]:
        longer = [n for n in r.entities if n != short and n.endswith(short) and r.field_lists.get(n)]
        if len(longer) == 1 and not any(n != short and n.endswith(short) and n not in longer for n in r.entities):
            pairs.append((short, longer[0]))  # 'LabOrder (patient, shade, ...) ... dentists submit orders': one table
    for other, kept in pairs:
        if other in r.entities and kept in r.entities:
            r.entities.pop(other)
            r.words_for.pop(other, None)
            r.links = [(kept if c == other else c, kept if p == other else p, k) for c, p, k in r.links]
            r.named = {k: kept if v == other else v for k, v in r.named.items()}


def _made_of(r: Reading) -> None:
    """'routines made of steps', 'kits consisting of parts': each part belongs to the whole."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        whole = _entity(r, p)
        if whole is None or p.end + 2 >= len(toks) or toks[p.end].text not in {"made", "consisting", "composed"} or \
                toks[p.end + 1].text != "of":
            continue
        part = next((_entity(r, q) for q in r.phrases if q.sentence == p.sentence and q.start == p.end + 2), None)
        if part and part != whole:
            add_link(r, part, whole)


def _held_where(r: Reading) -> None:
    """'each sprint gets a retrospective where people add cards': the cards are the retrospective's, and the
    retrospective the sprint's."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        holder = _entity(r, p)
        if holder is None or p.plural or p.end >= len(toks) or toks[p.end].text not in {"where", "donde"}:
            continue
        got = next((f for f in r.frames if f.sentence == p.sentence and p in f.objects and f.subject is not None and
                    f.subject.start and toks[f.subject.start - 1].text in {"each", "every", "cada"}), None)
        if got is None and not (p.start and toks[p.start - 1].text in {"each", "every", "cada"}):
            continue  # 'a shared canvas where users drag elements' is the app, not a record holding them
        for f in r.frames:
            if f.sentence != p.sentence or not p.end < f.position <= p.end + 4:
                continue
            for q in f.objects:
                held = _entity(r, q)
                if held and held != holder and q.head not in word_set("people"):
                    add_link(r, held, holder)
        owner = _entity(r, got.subject) if got is not None and got.verb in {"get", "have"} else None
        if owner and owner != holder:
            add_link(r, holder, owner)


def _handed(r: Reading) -> None:
    """'the loan of laptops to students': each loan is of a laptop and to a student."""
    for p in r.phrases:
        handing = _entity(r, p)
        found = hand_over(r, p) if handing is not None else None
        if found is not None:
            for parent in found:
                if parent is not None:
                    add_link(r, handing, _entity(r, parent) or "")


def _which_aside(r: Reading) -> None:
    """'log each wash (which car, which service, which staff member did it)': the record points at each one."""
    for si, toks in enumerate(r.sentences):
        for p in (p for p in r.phrases if p.sentence == si):
            child = _entity(r, p)
            if child is None or p.end >= len(toks) or toks[p.end].text != "(":
                continue
            close = next((k for k in range(p.end, len(toks)) if toks[k].text == ")"), len(toks))
            chosen = [_entity(r, q) for q in r.phrases
                      if q.sentence == si and p.end < q.start < close and toks[q.start - 1].text in _WHICH_WORDS]
            if child in chosen:
                continue  # 'walks (which dogs went on which walk)': a join of the two, made elsewhere
            for parent in chosen:
                if parent is not None:
                    add_link(r, child, parent)


_LEFT = {"leave", "submit", "write", "post", "dejar", "escribir", "presentar"}


def _left_after(r: Reading) -> None:
    """'leave feedback after a session', 'submit expenses after each trip', 'dejar comentarios sobre cada ruta':
    what is left belongs to what it is left on."""
    for f in r.frames:
        thing = _entity(r, f.objects[0]) if f.verb in _LEFT and f.objects else None
        if thing is None:
            continue
        for prep, p in f.preps:
            if prep not in {"after", "on", "about", "for", "tras", "sobre", "despues"}:
                continue
            ends = [n for n in r.entities if words_of(n).split()[-1] == p.head]  # 'a session': the YogaSession
            parent = _entity(r, p) or _by_head(r, p) or (ends[0] if len(ends) == 1 else None)
            if parent and parent != thing:
                add_link(r, thing, parent)
                break


_WHICH_WORDS = {"which", "what", "whose", "que", "cual", "cuales", "quien"}
MAX_ENTITIES = 12  # what the reading adds beside named entities never grows a spec past this
_EACH_OF = {"each", "every", "several", "different", "various", "multiple", "our", "their", "the", "cada", "sus",
            "nuestras", "nuestros", "distintas", "distintos", "las", "los"}


def _placed(r: Reading) -> None:
    """'units at each site', 'shifts at our different locations': each X is at one Y (and Y is no longer a text
    field of X)."""
    for p in r.phrases:
        child = _entity(r, p) or _by_head(r, p)
        toks = r.sentences[p.sentence]
        gap = _clause_gap(toks, p.end) if child is not None and p.plural else 0
        each = p.end + gap + 1 < len(toks) and toks[p.end + gap + 1].text in {"each", "every"}
        if child is None or p.end + gap >= len(toks) or toks[p.end + gap].text not in {"at", "in", "across", "en"} | (
                {"for", "on"} if gap else {"on"} if each else set()):  # 'checkpoints on each site'
            continue
        k = p.end + gap + 1
        quantified = False
        while k < len(toks) and toks[k].text in _EACH_OF:
            quantified = quantified or toks[k].text not in {"the", "their", "las", "los", "sus"}
            k += 1
        q = next((q for q in r.phrases if q.sentence == p.sentence and q.start == k), None)
        parent = (_entity(r, q) or _by_head(r, q)) if q is not None and quantified else None
        if parent and parent != child:
            add_link(r, child, parent)
            e = r.entities[child]
            e.fields = [f for f in e.fields if f.name != snake(parent)]


def _clause_gap(toks: list, at: int) -> int:
    """How many tokens a participle or a short relative clause takes after a thing ('the vendors hired for each
    wedding', 'the pieces we sing at each concert'), or 0."""
    if at < len(toks) and toks[at].tag == "VERB" and (toks[at].text.endswith(("ed", "en", "t")) or
                                                      toks[at].text in {"sold", "held", "made", "told", "paid"}):
        return 1
    if at + 1 < len(toks) and toks[at].text in {"we", "they", "you", "i", "people"} and toks[at + 1].tag == "VERB":
        return 2
    return 0


_EVENT_HEADS = {"allocation", "assignment", "rental", "reservation", "booking", "loan", "lending", "hire", "signup",
                "inspection", "enrollment", "enrolment", "registration", "subscription", "checkout", "alquiler",
                "reserva", "prestamo", "inscripcion"}
_LENDING_HEADS = {"loan", "lending", "hire", "rental", "prestamo", "alquiler"}
_NOT_THINGS = {"homework", "school", "writing", "reading", "class", "course", "coursework",  # school assignments
               "online", "group", "private", "public", "weekly", "monthly", "daily", "annual", "yearly", "new",
               "advance", "last", "next", "same", "multiple", "bulk", "self", "early", "late", "walk"}


def _owners_in_compounds(r: Reading) -> None:
    """'client projects', 'customer orders', 'member bikes': the people named before a kept thing are kept too,
    and the thing is theirs."""
    if r.language != "en":
        return
    for p in r.phrases:
        thing = r.named.get(id(p))
        if thing not in r.entities or len(p.modifiers) != 1 or f"{p.modifiers[0]} {p.head}" in _NOT_OWNED:
            continue
        word = singular(p.modifiers[0])
        if word not in word_set("people") or word in _GENERIC_PEOPLE or p.head in word_set("people"):
            continue
        person = entity_name(word, None, r.language)
        if person == thing or person.endswith(thing) or thing.endswith(person):
            continue
        if person not in r.entities:
            if len(r.entities) >= MAX_ENTITIES:
                continue
            _keep(r, person, word)
            r.owners.add(person)
        add_link(r, thing, person)


_VOTING = {"vote", "votar", "upvote"}
_NOTING = {"record", "log", "note", "register", "registrar", "anotar", "apuntar"}
_CONTESTS = {"regatta", "race", "show", "competition", "tournament", "league", "contest", "championship", "trial",
             "meet", "gala", "exhibition", "raffle", "draw", "marathon", "rally", "cup", "sportive", "triathlon"}
_NOT_OWNED = {"customer service", "customer support", "client service", "staff room", "member area", "user guide",
              "user interface", "patient care", "student life", "guest list", "guest house", "visitor centre",
              "visitor center", "customer journey", "customer feedback", "user feedback", "user experience"}


def _compound_things(r: Reading) -> None:
    """'plot allocations', 'equipment reservations', 'alquiler de instrumentos': what is allocated or reserved is a
    record too, and the allocation belongs to it."""
    for p in r.phrases:
        event = r.named.get(id(p))
        toks = r.sentences[p.sentence]
        if event not in r.entities or p.head not in _EVENT_HEADS:
            continue
        word = p.modifiers[-1] if p.modifiers else None
        if word is None and r.language == "en" and p.end + 1 < len(toks) and toks[p.end].text == "of" and \
                toks[p.end + 1].tag == "NOUN" and toks[p.end + 1].text.endswith("s"):
            word = toks[p.end + 1].text  # 'loans of tools', 'rental of kayaks'
        if word is None and r.language == "es" and p.end + 1 < len(toks) and toks[p.end].text == "de" and \
                toks[p.end + 1].tag == "NOUN":
            word = toks[p.end + 1].lemma or toks[p.end + 1].text  # 'alquiler de instrumentos'
            if singular(word, "es") not in ENTITY_WORDS_ES and singular(word, "es") not in load("spanish")["names"]:
                continue  # 'incidentes de seguridad': a word we do not know as a thing qualifies the event
        lent_tools = singular(word or "", r.language) in {"tool", "herramienta"} and p.head in _LENDING_HEADS
        if not word or word in _NOT_THINGS or word in word_set("adjectives") or _skip(word) and not lent_tools or \
                is_fieldish(word, r.language) or _verbal(word) or not word.isalpha():
            continue  # ... 'tool loans', 'préstamo de herramientas': the tools lent are things, not the app
        thing = entity_name(singular(word, r.language), None, r.language)
        thing = word_sense(singular(word, r.language), thing, r.text)  # 'reservas de pistas' at a bowling alley
        if not thing or thing == event or thing in _PEOPLE:
            continue
        if thing not in r.entities:
            _keep(r, thing, word)
        add_link(r, event, thing)


def _keep(r: Reading, name: str, word: str) -> None:
    """Keep an entity the prompt names only inside another phrase, with the fields we know for it."""
    r.entities[name] = definition(name, r.domain, r.text) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
    r.words_for[name] = word


def _by_head(r: Reading, p: Phrase) -> str | None:
    """The entity whose name is the phrase's head word ('the available units' -> Unit)."""
    return next((n for n in r.entities if words_of(n) == p.head), None)


def add_link(r: Reading, child: str, parent: str, kind: str = "belongs_to") -> None:
    """Record a link once (never to itself, never both directions)."""
    if child == parent or child not in r.entities or parent not in r.entities:
        return
    if any({c, p} == {child, parent} for c, p, _ in r.links):
        return
    r.links.append((child, parent, kind))


def force_link(r: Reading, child: str, parent: str, kind: str = "belongs_to") -> None:
    """Record a link a feature needs, replacing a guessed link in the other direction."""
    r.links = [x for x in r.links if {x[0], x[1]} != {child, parent}]
    add_link(r, child, parent, kind)


def _entity(r: Reading, p: Phrase | None) -> str | None:
    """The app entity a phrase names."""
    if p is None:
        return None
    name = r.named.get(id(p)) or name_of(p, r.language)
    if name in r.entities:
        return name
    bare = entity_name(p.head, None, r.language)
    if p.modifiers and bare in r.entities and set(p.modifiers) <= set(load("nouns")["compound_modifiers_skip"]):
        return bare  # 'upvote an existing report': one of the reports
    if p.head in _GENERIC_PEOPLE:
        return next((n for n in _PEOPLE if n in r.entities), None)
    return None


_ASSIGNED = re.compile(r"(?:is|are|gets?|will be|can be)(?: \w+ (?:and|,))?(?: also| then| automatically| usually)? "
                       r"assigned to(?: (?:one|any|each) of)?(?: our| the| their| a| an)?$")
_CREWS = {"crew", "team", "squad", "gang", "cuadrilla", "equipo"}
_COLLEAGUES = {"partner", "associate", "junior", "senior", "socio", "socia"}  # 'each client is assigned to a partner'


def _stated(r: Reading, *, with_lists: bool) -> None:
    """'X of Y', 'X for Y', "Y's X", 'X with Y', 'X belongs to Y', 'X has many Y', 'X can be in many Y'."""
    many: set[tuple[str, str]] = set()
    chained: set[int] = set()
    for si, toks in enumerate(r.sentences):
        phrases = [p for p in r.phrases if p.sentence == si]
        for a, b in zip(phrases, phrases[1:], strict=False):
            x, y = _entity(r, a), _entity(r, b)
            if not x or not y or x == y:
                continue
            between = [t.text for t in toks[a.end:b.start] if t.tag != "DET"]
            raw = [t.text for t in toks[a.end:b.start]]
            several = bool(set(raw) & _MANY)
            if _ASSIGNED.match(" ".join(raw)):
                between = ["is", "assigned", "to"]  # 'a job is created and assigned to one of our engineers'
            elif any(t.tag == "NOUN" or t.tag == "ADJ" and not several or t.tag == "VERB" and
                   t.lemma not in _LINK_VERBS and not several for t in toks[a.end:b.start]):
                continue  # 'products can appear in several curated collections': an adjective after 'several'
            if several and set(raw) & {"in", "en", "to", "a"} and not set(raw) & {"has", "have", "tiene", "tienen",
                                                                                   "contain", "contains"}:
                many.add((x, y))  # 'actors appear in many films' (with 'films have many actors': both ways)
                add_link(r, x, y, "many_to_many")  # 'puede estar en varios grupos': each is in several
                continue
            if a.possessive and not between:
                add_link(r, y, x)
            elif between in (["of"], ["for"], ["de"], ["para"], ["per"], ["on"], ["sobre"]) and id(b) not in chained:
                if between[0] != "on" or y not in _SURFACES:  # 'damage reports on boats'; not 'notes on a device'
                    add_link(r, x, y)
            elif between[-2:] in (["belong", "to"], ["belongs", "to"], ["pertenece", "a"], ["pertenecen", "a"]) or \
                    between in IN_GROUP or \
                    between in (["pertenece"], ["pertenecen"]) or \
                    between[-3:] in (["is", "part", "of"], ["are", "part", "of"], ["be", "part", "of"],
                                     ["is", "linked", "to"],
                                     ["are", "assigned", "to"], ["is", "assigned", "to"]):
                kind = "many_to_many" if set(raw) & _MANY else "belongs_to"
                if between[-2:] == ["assigned", "to"] and a.head in word_set("people") and \
                        b.head not in word_set("people") | _COLLEAGUES and y not in ASSIGNED_MANY and \
                        kind == "belongs_to":
                    add_link(r, y, x)  # 'carers are assigned to visits': each visit has its carer
                    continue
                add_link(r, x, y, kind)
                chained |= _also(r, x, phrases, b, toks)
            elif set(between) & {"has", "have", "tiene", "tienen", "contain", "contains"} and set(raw) & _MANY:
                many.add((x, y))
                if b.head in word_set("people") and a.head not in word_set("people") and a.head not in _GROUPISH:
                    add_link(r, x, y, "many_to_many")  # 'an episode can have several guests': a guest comes back
                else:
                    add_link(r, y, x)
            elif set(raw) & _MANY and any(t.tag == "VERB" for t in toks[a.end:b.start]):
                many.add((x, y))  # 'actors appear in many movies'
            elif between in (["has"], ["have"], ["tiene"], ["tienen"]) and _one_party(r, b, toks):
                add_link(r, x, y)  # 'each case has a client and a volunteer lawyer': the case is theirs
                for q in _and_more(r, phrases, b, toks):
                    if _one_party(r, q, toks):
                        add_link(r, x, _entity(r, q))
            elif between in (["has"], ["have"], ["tiene"], ["tienen"]) and b.head in _KEEPERS:
                add_link(r, x, y)  # 'bikes have owners': each bike is its owner's
            elif between in (["has"], ["have"], ["tiene"], ["tienen"], ["contains"], ["contain"]):
                add_link(r, y, x)  # 'each order has order items'
            elif set(between) & _REFERS or between in (["is", "of"], ["is", "for"], ["es", "de"], ["son", "de"],
                                                        ["come", "from"], ["comes", "from"], ["vienen", "de"],
                                                        ["viene", "de"]):
                add_link(r, x, y)  # 'items that reference products', 'samples come from production batches'
                chained |= _also(r, x, phrases, b, toks)
            enumeration = len(next((g for g in r.lists if g[0] is b), [])) >= 3  # 'con clientes, coches y ...'
            if with_lists and not enumeration and (between and between[-1] in {"with", "con"} or
                                                   raw in _POSSESSIVE_LIST):
                if y == "Tag":
                    continue  # tags are many-to-many (features stage)
                if y in _PARENT_KINDS and x not in _PARENT_KINDS or _joins_things(x) and not _joins_things(y) or \
                        b.head in word_set("people") and a.head not in word_set("people"):
                    add_link(r, x, y)  # 'meetings with parents': each meeting is with its parent
                else:
                    add_link(r, y, x)
    _reciprocal(r, many)


def _joins_things(name: str) -> bool:
    """A booking, a loan, a request or an application: a record between people and what they ask for."""
    return name in _JOIN_KINDS or name.endswith(("Request", "Application", "Booking", "Reservation", "Signup"))


_EACH_WORDS = {"each", "every", "cada"}
ASSIGNED_MANY = {"Shift", "Event", "Session", "ClassSession", "Match", "Fixture", "Game", "Project", "Route", "Trip",
                  "Course", "Task", "Duty", "Job"}  # many people are assigned to each: a join (features._assignments)


_WORK_ITEMS = {"task", "ticket", "job", "chore", "case", "request", "issue", "lead", "order", "incident", "complaint",
               "bug", "enquiry", "inquiry", "query", "report", "duty", "project", "story", "card", "deliverable",
               "action", "visit", "call", "delivery", "route", "shift", "repair", "inspection", "installation",
               "errand", "appointment", "booking", "lesson", "walk", "trip", "pickup", "collection", "claim",
               "tarea", "trabajo", "caso", "solicitud", "incidencia", "pedido", "encargo", "proyecto", "turno",
               "visita", "ruta", "aviso", "reclamacion", "reparacion", "cita", "reserva", "clase", "paseo"}
_WORK_ENDINGS = ("task", "ticket", "job", "request", "order", "report", "work")  # done once, by one person


def _one_party(r: Reading, p: Phrase, toks: list) -> bool:
    """'a client', 'one lawyer', 'un cliente': one person (or a kind) the owner of 'has' belongs to."""
    name = _entity(r, p)
    return bool(name) and not p.plural and p.start > 0 and toks[p.start - 1].text in {"a", "an", "one", "un", "una"} \
        and (p.head in word_set("people") or name in _PARENT_KINDS)


def _and_more(r: Reading, phrases: list[Phrase], after: Phrase, toks: list) -> list[Phrase]:
    """The phrases listed straight after one ('a client and a volunteer lawyer')."""
    out = []
    for q in (q for q in phrases if q.start > after.end):
        if not {t.text for t in toks[after.end:q.start]} <= {"and", "y", ",", "a", "an", "one", "un", "una"}:
            break
        out.append(q)
        after = q
    return out


def _reciprocal(r: Reading, many: set[tuple[str, str]]) -> None:
    """'movies have many actors and actors appear in many movies': many-to-many."""
    for x, y in many:
        if (y, x) in many and x < y:
            r.links = [link for link in r.links if {link[0], link[1]} != {x, y}]
            r.links.append((x, y, "many_to_many"))


def _also(r: Reading, child: str, phrases: list[Phrase], after: Phrase, toks: list) -> set[int]:
    """'belongs to a supplier and to a warehouse', 'es de un socio para una clase': every parent listed."""
    used: set[int] = set()
    for q in (q for q in phrases if q.start > after.end):
        between = [t.text for t in toks[after.end:q.start] if t.tag != "DET"]
        if not between or not set(between) <= {"and", "y", "to", "a", "for", "para", "de", "of", ",", "in", "en"}:
            break
        parent = _entity(r, q)
        if parent:
            add_link(r, child, parent)
            used.add(id(q))
        after = q
    return used


def _frames(r: Reading) -> None:
    """Verbs: 'companies post jobs', 'assign tasks to members', 'members borrow books' (a Loan)."""
    verbs = load("verbs")
    for f in r.frames:
        subject = _entity(r, f.subject)
        objects = [o for o in (_entity(r, p) for p in f.objects) if o]
        particles = verbs["join_particles"].get(f.verb)
        preps = f.preps
        role = next((_entity(r, q) for prep, q in f.preps[:1] if prep in {"as", "como"}), None)
        if role and f.verb in verbs["joins"] and not objects:
            subject, preps = role, f.preps[1:]  # 'people sign up as volunteers for weekly shifts': the volunteers
        if f.verb in verbs["joins"] and not objects and particles:
            objects = [o for o in (_entity(r, p) for prep, p in preps[:1] if prep in particles) if o]
            if role and objects:  # the join links them; 'volunteers for weekly shifts' is no direct link
                r.joined.add(frozenset({role, objects[0]}))
        if f.verb in {"subscribe", "suscribir"} and not objects and subject and f.subject is not None and \
                f.subject.head in word_set("people") and "Subscription" not in r.entities:
            join, fields = verbs["joins"][f.verb]  # 'members subscribe (small or large box)': each subscription is
            _join(r, join, fields, None, subject)  # a member's, whatever it is to
            toks = r.sentences[f.sentence]
            if f.position + 1 < len(toks) and toks[f.position + 1].text == "(":
                r.entities[join].fields.append(FieldSpec(name="plan", required=False))
            continue
        if f.verb in {"rsvp", "attend"} and not objects and not f.objects and subject and f.subject is not None and \
                f.subject.head in word_set("people"):
            objects = [n for n in r.entities if words_of(n).split()[-1] in _GATHERINGS][:1]  # 'members RSVP'
        if f.verb == "order" and not f.objects and subject and f.subject is not None and \
                f.subject.head in word_set("people") and len(r.entities) < MAX_ENTITIES and \
                not any(n.endswith(("Order", "Sale", "Purchase")) for n in r.entities):
            r.entities["Order"] = definition("Order") or EntitySpec(name="Order", fields=[FieldSpec(name="ordered_at")])
            r.entities["Order"].relations = []
            r.words_for.setdefault("Order", "order")
            add_link(r, "Order", subject)  # 'customers order ahead': each order is a customer's
            continue
        who = f.subject or next((g.subject for g in reversed(r.frames) if g.sentence == f.sentence and
                                 g.position < f.position and g.subject is not None), None)  # 'users ..., and enrol'
        asked = {t.text for t in r.sentences[f.sentence][max(f.position - 2, 0):f.position]} & _WHO_ASKED
        if f.verb in _SIGNING_UP and not objects and not f.objects and not f.preps and who is not None and \
                not asked and (who.head in word_set("people") and _entity(r, who) or who.head in {"user", "usuario"}):
            subject = _entity(r, who) or r.account
            said = [_entity(r, q) for q in r.phrases if (q.sentence, q.start) < (f.sentence, f.position)]
            objects = [n for n in said if n and n != subject and words_of(n).split()[-1] in _JOINABLE][-1:]
            # 'se publica una salida ... y los socios se apuntan', 'users enrol and pay': in what was just named
        if f.verb in {"lend", "prestar"} and not objects and f.objects and r.main and \
                f.objects[0].head in {"thing", "stuff", "cosa", "item", "articulo"}:
            objects = [r.main]  # 'a veces prestamos cosas a otras compañías': the things the inventory keeps
        if f.verb in _VOTING and not objects and subject and not f.objects and r.main and r.main != subject:
            objects = [r.main]  # 'members vote on next month's pick': a vote for one of the things the app keeps
        if f.verb in {"apuntar", "anotar"} and _notes_down(r.sentences[f.sentence], f.position):
            continue  # 'apuntar un gasto' notes an expense down; 'apuntarse a las salidas' signs up
        into = next((_entity(r, q) for prep, q in f.preps[:1] if prep in (particles or ())), None)
        if f.verb in verbs["joins"] and objects and into and into != objects[0] and f.objects and \
                f.objects[0].head in word_set("people") and (not f.subject or f.subject.head in word_set("people")):
            join, fields = verbs["joins"][f.verb]
            if join not in (objects[0], into):
                _join(r, join, fields, objects[0], into)  # 'parents register their kids for camp weeks'
                r.joined.add(frozenset({objects[0], into}))
            if subject and subject != objects[0] and not any({c, p} == {subject, objects[0]} for c, p, _ in r.links):
                add_link(r, objects[0], subject)  # ... and each kid is a parent's
            continue
        if f.verb in verbs["joins"] and objects and f.objects and f.verb in _RECORDS_ITS_OBJECT:
            continue  # 'register assets', 'owners register their pets': recorded, not signed up for
        if f.verb in {"apply", "aplicar"} and f.objects and f.objects[0].head in _APPLIED_THINGS:
            continue  # 'apply a discount code at checkout' uses it; 'apply for a grant' is an application
        if f.verb in _EMPLOYS and f.objects and f.objects[0].head in word_set("people"):
            continue  # 'hire staff' employs them; 'hire a board' rents it
        if f.verb in verbs["joins"] and f.objects and f.objects[0].head in {"status", "progress", "estado", "progreso"}:
            continue  # 'customers follow the job status': they watch it, nothing is joined
        if f.verb in _NEEDS_PEOPLE and (f.subject is None or f.subject.head not in word_set("people")):
            continue  # 'the app suggests routes' recommends them; 'members suggest films' keeps suggestions
        if f.verb == "match" and objects:  # 'match tutors to students' (match is a noun too often to be a verb word)
            other = next((_entity(r, q) for prep, q in f.preps if prep in {"to", "with"} and _entity(r, q)), None)
            if other and other != objects[0]:
                _join(r, "Pairing", "paired_on:date?, status=proposed|active|ended", objects[0], other)
            continue
        if f.verb == "belong" and subject and f.subject is not None and f.subject.end < len(r.sentences[f.sentence]) \
                and r.sentences[f.sentence][f.subject.end].text == "(":
            toks = r.sentences[f.sentence]
            to = next((p for prep, p in f.preps[:1] if prep == "to" and _entity(r, p)), None)
            if to is not None and _entity(r, to) != subject:
                add_link(r, subject, _entity(r, to))  # 'every claim (RMA) belongs to an order and customer'
                _also(r, subject, [q for q in r.phrases if q.sentence == f.sentence], to, toks)
            continue
        if f.verb in SITTING and subject:
            where = next((_entity(r, p) for prep, p in f.preps[:1] if prep in {"in", "on", "inside"}), None)
            if where and where != subject:
                add_link(r, subject, where)  # 'samples sit in a box, boxes sit on a rack': where each one is kept
            continue
        if f.verb in _NOTING | {"enter", "track", "keep"} and _result_per(r, f):
            continue
        entered = f.verb == "enter" and objects and next(
            (q for prep, q in f.preps if prep in {"into", "in", "for"} and q.head in _CONTESTS and _entity(r, q)), None)
        if entered and _entity(r, entered) != objects[0]:
            _join(r, "Entry", "entered_on:date?, status=entered|withdrawn|finished", objects[0], _entity(r, entered))
            continue  # 'enter a boat into a regatta', 'enter dogs in the show': an Entry, not typing data in
        if f.verb in verbs["joins"] and objects and (subject or f.verb not in _NEEDS_SUBJECT):
            join, fields = verbs["joins"][f.verb]
            if join in {"Purchase", "PreOrder"} and "Order" in r.entities:
                continue  # 'customers buy cheeses' in a shop with orders: the Order is the purchase
            if join == "Rental" and any(n in r.entities or n != "Booking" and any(e.endswith(n) for e in r.entities)
                                        for n in ("Booking", "Reservation", "Agreement", "Lease", "Contract")):
                continue  # 'I rent out three cottages. Need bookings ...': the booking is the rental
            if join == "Signup" and f.verb == "sign" and f.objects and not any(
                    t.text == "up" for t in r.sentences[f.sentence][f.position:max(f.objects[0].start,
                                                                                    f.position + 2)]):
                if subject:
                    add_link(r, objects[0], subject)
                continue  # 'tenants sign a rental agreement': their document; they do not sign up
            if join in {"Membership", "Subscription", "Signup"} and objects[0].endswith((
                    "Entry", "Waitlist", "WaitingList", "Queue", "Subscriber")):
                continue  # 'join a waitlist', 'join the mailing list', 'sign up for a newsletter': the entry is it
            said = set(words_of(objects[0]).split())
            if join == "Membership" and said & _JOINABLE:  # 'join meetups' to go, 'join a course' to learn
                join, fields = verbs["joins"]["enrol" if said & _TAUGHT else "register" if said & _CONTESTED else
                                              "rsvp"]  # 'join a tournament': a registration
            if join == "Signup" and said & (_COURSES | _REGISTERED_FOR):  # 'sign up for courses', '... for events'
                join, fields = verbs["joins"]["enrol" if said & _COURSES else "register"]
            if join not in (subject, objects[0]):
                _join(r, join, fields, subject, objects[0])  # 'people vote on questions': a Vote per question
            lent_to = next((_entity(r, q) for prep, q in f.preps if prep in {"to", "a"} and _entity(r, q)), None) \
                if f.verb in {"lend", "prestar"} else None
            if lent_to and join in r.entities and lent_to not in (join, objects[0]):
                add_link(r, join, lent_to)  # 'prestamos cosas a otras compañías': each loan is to one of them
            continue
        form = next((_entity(r, q) for q in [*f.objects, *(q for _, q in f.preps[:1])] if q.head in FORMS), None)
        if form and f.verb in FILLING:  # 'fill in an adoption form on an animal's page': the form is about it
            for prep, q in f.preps:
                about = _entity(r, q)
                if about and about != form and prep in {"on", "for", "about", "of", "sobre", "de", "para"}:
                    add_link(r, form, about)
            if subject:
                add_link(r, form, subject)
            continue
        if f.verb in verbs["children"]:
            about = objects[:1] or [o for o in (_entity(r, p) for _, p in f.preps[:1]) if o]
            if about:
                _child(r, verbs["children"][f.verb], about[0], subject)
            continue
        if f.verb in verbs["assign"]:
            to = next((p for prep, p in f.preps if prep in {"to", "a"} and _entity(r, p)), None)
            if to is None and f.subject is not None and f.objects and f.position and \
                    r.sentences[f.sentence][f.position - 1].text == "se":  # 'los árbitros se asignan a los partidos'
                f = Frame(verb=f.verb, sentence=f.sentence, position=f.position, objects=[f.subject],
                          preps=[("a", f.objects[0])])
                to = f.preps[0][1]
                objects = [o for o in (_entity(r, p) for p in f.objects) if o]
            target = _entity(r, to)
            if to is None and f.subject is None and f.position == 0 and r.main in r.entities and \
                    words_of(r.main).split()[-1] not in word_set("people"):
                for o, p in ((_entity(r, p), p) for p in f.objects):
                    if o and o != r.main and (p.head in word_set("people") or p.head in _CREWS):
                        add_link(r, r.main, o)  # 'Each job has ... Assign a surveyor and an install crew': the job's
                continue
            for o, p in ((_entity(r, p), p) for p in f.objects):
                one_each = to is not None and not p.plural and to.start > 0 and \
                    r.sentences[to.sentence][to.start - 1].text in _EACH_WORDS
                if o and target and p.head in word_set("people") and to.head not in word_set("people") and \
                        (target not in ASSIGNED_MANY or one_each):  # 'assign a plumber to each job': one each
                    add_link(r, target, o)  # 'carers are assigned to visits': each visit has its carer
                elif o and target and p.plural and p.head not in word_set("people") and \
                        p.head not in _WORK_ITEMS and not p.head.endswith(_WORK_ENDINGS) and \
                        to.head in word_set("people") and o != target:
                    _join(r, f"{o}Assignment", "assigned_on:date?, notes?", o, target)
                    r.records.add(f"{o}Assignment")  # 'assign costumes to dancers': a costume is worn by many
                elif o and target:
                    add_link(r, o, target)  # 'assign chores to the kids': each chore is a kid's
            continue
        if f.verb in _CARRYING and subject and subject not in objects and f.subject is not None and \
                f.subject.start and r.sentences[f.sentence][f.subject.start - 1].text in {"each", "every", "cada"}:
            for o in objects:
                if not any({c, p} == {o, subject} for c, p, _ in r.links):
                    add_link(r, o, subject, "many_to_many")  # 'each run carries several animals'
        if f.verb in _TAKING and subject and words_of(subject).split()[-1] in word_set("people") and \
                subject not in objects:
            for o in objects:
                add_link(r, o, subject)  # 'drivers claim legs': each leg is the driver's who took it
        if f.verb in verbs["ownership"] and subject and subject not in objects:
            for o in objects:
                said = next((p for p in f.objects if _entity(r, p) == o), None)
                if said is None or not (said.possessive and f.verb in _NOTING):
                    add_link(r, o, subject)  # 'officers record each boat's position': the boat is not theirs
        for prep, p in f.preps:
            parent = _entity(r, p)
            if prep in {"into", "en"} and f.verb in {"split", "divide", "break", "dividir", "partir"} and parent:
                for o in objects:
                    add_link(r, parent, o)  # 'projects get split into jobs': each job is part of a project
                continue
            if prep in {"into", "en"} and f.verb in word_set("grouping_verbs") and parent and p.plural:
                for o in objects:
                    add_link(r, o, parent, "many_to_many")  # 'group recipes into cookbooks': one can be in several
                continue
            if prep in {"by", "por"} and f.verb in _BROWSING and parent and parent not in _PEOPLE:
                for o in objects:
                    add_link(r, o, parent)  # 'browse courses by instrument': each course has its instrument
                continue
            if prep in _OF_PREPS | {"to", "in", "a", "en"} and parent:
                for o in objects:
                    if o != parent and o not in _PARENT_KINDS:
                        add_link(r, o, parent)


def _notes_down(toks: list, at: int) -> bool:
    """'puede apuntar un gasto': the verb without 'se', straight before its object, writes something down."""
    verb = toks[at].text
    reflexive = verb.endswith(("se", "nos", "me")) or at and toks[at - 1].text in {"se", "nos", "me", "te"}
    dets = {"un", "una", "el", "la", "los", "las", "sus", "su", "cada", "mis", "mi"}
    personal = at + 2 < len(toks) and toks[at + 1].text in {"a", "al"}  # 'apunte a los clientes': writes them down
    if personal and any(t.text in {"a", "al"} for t in toks[at + 3:at + 7]):
        return False  # 'apuntan a sus hijos a las actividades': signs them up for something
    nxt = at + 1 + personal
    return not reflexive and nxt < len(toks) and (toks[nxt].text in dets or toks[nxt - 1].text == "al")


def _result_per(r: Reading, f: Frame) -> bool:
    """'record each boat's finishing position per race': a result of one thing in another, with that detail."""
    toks = r.sentences[f.sentence]
    owner = next((p for p in f.objects[:1] if p.possessive), None) or next(
        (o for p in f.objects[:1] for o in r.phrases if o.sentence == f.sentence and o.possessive and
         o.end == p.start), None)  # 'record each player's minutes per game'
    whole = next((q for prep, q in f.preps if prep in {"per", "por", "in", "at", "for", "en"} and
                  q.start > 0 and toks[q.start - 1].text in {"each", "every", "per", "cada"} | {prep}), None)
    a, b = _entity(r, owner), _entity(r, whole)
    if owner is None or not a or not b or a == b:
        return False
    what = next((q for q in r.phrases if q.sentence == f.sentence and owner.end <= q.start <= owner.end + 1), None)
    if what is None or _entity(r, what) or not is_fieldish(what.head, r.language) and what.head not in _RESULTS:
        return False  # 'each student's grade per subject': the Grade is a record of its own
    if any({c, p} == {a, b} for c, p, _ in r.links) or any(
            {a, b} <= {c for c, p, _ in r.links if p == n} | {p for c, p, _ in r.links if c == n} for n in r.entities):
        return False
    name = f"{b}Result" if b in _CONTEST_RECORDS else f"{a}{b}"
    kind = ":int" if what.head in {"position", "place", "placing", "rank"} else ""
    _join(r, name, f"{snake(' '.join(what.words))}{kind}, notes?", a, b)
    r.words_for[name] = f"{r.words_for.get(b) or b.lower()} result" if name.endswith("Result") else \
        f"{r.words_for.get(a) or a.lower()} {r.words_for.get(b) or b.lower()}"
    return True


_RESULTS = {"position", "place", "placing", "time", "points", "result", "rank", "minutes", "distance", "weight"}
_CONTEST_RECORDS = {"Race", "Game", "Match", "Heat", "Round", "Stage", "Event", "Competition", "Regatta", "Fixture",
                    "Bout", "Leg", "Contest", "Tournament"}


def _join(r: Reading, join: str, fields: str, a: str | None, b: str) -> None:
    """A join entity (Loan, Enrollment...) between two entities, created when the prompt did not name it."""
    from core.engine.understand.catalogue import parse_entities

    if join not in r.entities:
        r.entities[join] = definition(join) or parse_entities(f"{join}: {fields}")[0]
        r.entities[join].relations = []
        r.words_for.setdefault(join, join.lower())
    if a:
        add_link(r, join, a)
    add_link(r, join, b)


def _child(r: Reading, name: str, parent: str, author: str | None) -> None:
    """'members reply to threads' -> a Reply of the thread (by the member)."""
    if name not in r.entities:
        r.entities[name] = definition(name) or EntitySpec(name=name, fields=[])
        r.entities[name].relations = []
        r.words_for.setdefault(name, name.lower())
    add_link(r, name, parent)
    if author:
        add_link(r, name, author)


def _known(r: Reading) -> None:
    """Links the nouns imply between entities the prompt names (the definitions' parents)."""
    parents = known_parents()
    for name, e in list(r.entities.items()):
        for target in sorted(parents.get(name, ())) + [rel.target for rel in e.relations]:
            if target in r.entities:
                add_link(r, name, target)
            else:  # a showtime's Movie is the prompt's Film; a calving's Cow is the prompt's Animal
                said = next((n for n in r.entities if ENTITY_WORDS_EN.get(words_of(n)) == target), None) or \
                    next((g for g, k in load("nouns")["kinds_of"].items() if g in r.entities and g != name and
                          words_of(target) in k["kinds"]), None)
                if said:
                    add_link(r, name, said)
        e.relations = []


def _joins(r: Reading) -> None:
    """The line between two named entities the domain knows (OrderItem between Order and Product)."""
    for j in known_joins():
        parents = [x.target for x in j.relations if x.required]
        if j.name not in r.entities and all(p in r.entities for p in parents) and not any(
                {c, p} == set(parents) for c, p, _ in r.links):
            e = j.model_copy(deep=True)
            e.relations = []
            r.entities[j.name] = e
            r.words_for.setdefault(j.name, j.name.lower())
            for p in parents:
                add_link(r, j.name, p)


def _orphans(r: Reading) -> None:
    """A record about something (a log entry, a payment) that nothing links belongs to the main entity; a listed
    booking-like record ('tables, customers and reservations') links the other things of its list."""
    for group in r.lists:
        toks = r.sentences[group[0].sentence]
        if len(group) == 2 and {t.text for t in toks[group[0].end:group[1].start]} & {"or", "o"}:
            continue  # 'buy a membership or a class pack': one or the other, not a membership of the pack
        names = [n for n in (_entity(r, p) for p in group if p.head not in {"reminder", "alert", "notification"}) if n]
        for n in names:
            others = [o for o in names if o != n and not is_dependent(o)]
            if n in _JOIN_KINDS and sum(c == n for c, _, _ in r.links) < 2 and 1 <= len(others) <= 2:
                for o in others:
                    add_link(r, n, o)
    for n in [n for n in r.entities if n in _JOIN_KINDS and all(c != n for c, _, _ in r.links)]:
        heads = [e for e in r.entities if e != n and e not in _JOIN_KINDS and not is_dependent(e)]
        people = [e for e in heads if words_of(e).split()[-1] in word_set("people")]
        things = [e for e in heads if e not in people]
        if len(people) == 1 and len(things) == 1:  # '- equipment (...) - customers (...) - rentals with dates'
            add_link(r, n, things[0])
            if not any(x[:2] == (things[0], people[0]) for x in r.links):
                add_link(r, n, people[0])  # (a visit to a client's piano is the client's through the piano)
    linked = {c for c, _, _ in r.links} | {p for _, p, _ in r.links}
    for name in r.entities:
        if name not in linked and name != r.main and r.main and is_dependent(name):
            add_link(r, name, _each_one_before(r, name) or r.main)


_EACH_ONE = (["a", "cada", "uno"], ["a", "cada", "una"], ["at", "each", "one"], ["for", "each", "one"],
             ["to", "each", "one"], ["de", "cada", "uno"], ["de", "cada", "una"], ["en", "cada", "uno"],
             ["en", "cada", "una"], ["of", "each", "one"])


def _each_one_before(r: Reading, name: str) -> str | None:
    """'entrenamientos y asistencia a cada uno': 'each one' is the thing named just before, not the main entity."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        if _entity(r, p) != name or [t.text for t in toks[p.end:p.end + 3]] not in _EACH_ONE:
            continue
        before = [q for q in r.phrases if q.sentence == p.sentence and q.end <= p.start and _entity(r, q) and
                  _entity(r, q) != name]
        return _entity(r, before[-1]) if before else None
    return None


def apply_links(r: Reading) -> list[EntitySpec]:
    """Write the collected links into the entities, parents before children."""
    for child, parent, kind in r.links:
        e = r.entities[child]
        known = definition(child)
        optional = parent in _OPTIONAL_PARENTS or bool(known and any(
            x.target == parent and not x.required for x in known.relations))
        rel = RelationSpec(target=parent, kind=kind, required=not optional,
                           field=r.link_fields.get((child, parent), ""))
        if (child, parent) in r.sides and kind == "belongs_to":
            e.relations = [x for x in e.relations if x.target != parent]
            names = r.sides[(child, parent)]
            e.fields = [f for f in e.fields if f.name not in names and f"{f.name}_id" not in names]
            e.relations += [RelationSpec(target=parent, required=not optional, field=name) for name in names]
        elif all(x.target != parent for x in e.relations):
            e.fields = [f for f in e.fields if f.name != rel.field]
            e.relations.append(rel)
    return order(list(r.entities.values()))


def order(entities: list[EntitySpec]) -> list[EntitySpec]:
    """Parents before children (belongs_to), otherwise the prompt's order; a cycle drops its last link."""
    done: list[EntitySpec] = []
    pending = list(entities)
    while pending:
        names = {e.name for e in done}
        ready = next((e for e in pending if all(x.target in names or x.kind == "many_to_many"
                                                for x in e.relations)), None)
        if ready is None:
            ready = pending[0]
            ready.relations = [x for x in ready.relations if x.target in names or x.kind == "many_to_many"]
        done.append(ready)
        pending.remove(ready)
    return done
