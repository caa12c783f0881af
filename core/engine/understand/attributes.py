"""Stage 5: each entity's fields: what the prompt lists for it, else what the noun usually has; always a label."""

from __future__ import annotations

import itertools
import re
from functools import cache

from core.engine.understand.candidates import ends_in_etc
from core.engine.understand.coverage import asks_for_capability, said_as, spanish_plural
from core.engine.understand.entities import (
    AGENT_ENDINGS,
    FORMS,
    GIFT_NOTES,
    MEASURED,
    NOTE_WORDS,
    ONE_FILE,
    bracket_at,
    declaring_line,
    details_at_each,
    each_one_at,
    flagged,
    is_fieldish,
    name_of,
    own_page,
    sheet_before,
)
from core.engine.understand.fields import field_ident, infer_field, qualified_es
from core.engine.understand.knowledge import (
    definition,
    definitions,
    entity_name,
    is_dependent,
    is_title_noun,
    known_words,
    words_of,
)
from core.engine.understand.lexicon import ENTITY_WORDS_ES, FIELD_WORDS_ES, PER_UNITS_ES
from core.engine.understand.reading import Phrase, Reading, Token
from core.engine.understand.sentences import flows_as_brackets
from core.engine.understand.style import colours_in
from core.engine.understand.vocab import load, singular, verb_lemmas, word_set
from core.spec import _PY_KEYWORDS, RESERVED, EntitySpec, FieldSpec

_MARKERS = {"with", "having", "has", "have", "including", "includes", "include", "contain", "contains", "store",
            "stores", "tienen", "tiene", "con", "incluyen", "incluye", "llevan", "lleva", ":", "(", "gets"}
_WHO_DETAILS = {"name", "email", "phone", "address", "contact", "company", "surname", "nombre", "telefono", "correo",
                "direccion", "contacto"}  # 'orders from customers (name, email)': the customers' details
_SKIP_BETWEEN = {"can", "should", "must", "will", "a", "an", "the", "their", "its", "fields", "field", "campos",
                 "like", "such", "as", "un", "una", "los", "las", "el", "la", "sus", "su", "each", "cada", "also",
                 "several", "multiple", "varios", "varias"}
_STYLE = {"background", "theme", "colour", "color", "colours", "colors", "buttons", "button", "components", "layout",
          "mode", "font", "fondo", "tema", "botones", "componentes", "dark", "light", "oscuro", "claro", "style"}
_TIME_WORDS = {"starts", "ends", "created", "updated", "due", "published", "scheduled", "opens", "closes", "expires"}
_JOINERS = {",", "and", "or", "y", "o", "e", "&", "/"}


def attributes_stage(r: Reading) -> Reading:
    """Fill every entity's fields and make sure each main entity has a human label."""
    for name, words in _listed_fields(r).items():
        r.field_lists.setdefault(name, [])
        r.field_lists[name] += [w for w in words if w not in r.field_lists[name]]
    flags = {field_ident(x) for x in r.flags}
    for name, e in r.entities.items():
        listed = r.field_lists.get(name, [])
        if listed:
            e.fields = _typed(e, listed, labelled=name not in r.records)
        for f in e.fields:
            if f.name in flags and f.type != "bool":
                f.type, f.required = "bool", False  # 'fallen trees yes/no'
        ensure_label(e)
    _sorted_by(r)
    _grouped_by(r)
    return r


_MARK_EN = re.compile(r"\b(?:mark|marks|marking|marked|flag|flags|flagged|flagging|tick|ticks|ticked)\b"
                      r"((?: [\w']+){0,4}?) "
                      r"(?:as|if|when|whether) (?:(?:it|they|he|she|is|are|has|have|been|was|were|already) )*(\w+)")
_MARK_ES = re.compile(r"\b(?:marcar|marque|marca|marcamos|marcan|indicar)\b((?: \w+){0,4}?) (?:como|si|cuando) "
                      r"(?:(?:el|la|los|las) (?!ya\b|esta\b)\w+ )?"
                      r"(?:(?:ya|esta|estan|fue|fueron|han|ha|se|la|lo|las|los|le|les) )*(\w+)")
_STATES_ES = {"pagad": "paid", "entregad": "delivered", "recogid": "collected", "hech": "done", "terminad": "done",
              "completad": "completed", "devuelt": "returned", "leid": "read", "enviad": "sent", "subi": "boarded",
              "resuelt": "resolved", "cobrad": "paid", "vendid": "sold", "limpi": "cleaned", "revisad": "checked",
              "atendid": "attended", "confirmad": "confirmed", "aprobad": "approved", "listo": "ready",
              "lista": "ready"}
_STATES_EN = {"done", "paid", "read", "sold", "sent", "present", "absent", "ready", "complete", "won", "lost", "seen",
              "given", "taken", "out", "in", "back", "open", "closed", "fixed"}
_PAYABLE = ("Payment", "Invoice", "Fee", "Order", "Booking", "Rental", "Tenancy", "Job", "Sale", "Loan", "Sweep",
            "Visit", "Appointment", "Session", "Lesson", "Walk", "CallOut", "Callout", "Firing", "Charge", "Due")


def marked_states_stage(r: Reading) -> Reading:
    """'mark as paid', 'mark each job as done', 'marcar si está pagada': a yes/no field on the thing marked (run
    once every record is known: the rental of 'who rents which garage, mark as paid' is a companion)."""
    for si, toks in enumerate(r.sentences):
        text = " ".join(t.text for t in toks)
        for m in (_MARK_ES if r.language == "es" else _MARK_EN).finditer(text):
            word = m.group(2)
            state = word if "_" in word else next((v for k, v in _STATES_ES.items() if word.startswith(k)), None) \
                if r.language == "es" \
                else word if word in _STATES_EN or word.endswith("ed") and len(word) > 4 else None
            if state is None or state in {"used", "based", "called", "named", "needed", "wanted"}:
                continue
            after = text[m.end():].split()
            if state in {"in", "out", "back"} and after and after[0].isalpha() and len(after[0]) > 3 \
                    and after[0] not in {"when", "while", "after", "until", "once", "because", "cuando"}:
                state = f"{state}_{after[0]}"  # 'mark bikes as in maintenance'
            elif r.language == "en" and state.endswith("ed") and after and after[0] in {"in", "out", "off", "up"}:
                state = f"{state}_{after[0]}"  # 'mark them as checked in', 'signed off', 'picked up'
            if state in _PY_KEYWORDS or state in RESERVED:
                state = f"is_{state}"
            before = len(text[:m.start()].split())
            said = [p for p in r.phrases if p.sentence == si and r.entity_of(p)]
            named = next((r.entity_of(p) for p in said if before < p.start <= before + 5), None)
            near = next((r.entity_of(p) for p in reversed(said) if p.end <= before), None)
            payable = next((n for kind in _PAYABLE for n in r.entities if n.endswith(kind)), None) \
                if state == "paid" else None
            owner = named or payable or near or r.main
            e = r.entities.get(owner) if owner else None
            if e is None:
                continue
            if not any(f.name == state or state in (f.choices or []) for f in e.fields):
                e.fields.append(FieldSpec(name=state, type="bool", required=False))
            r.capabilities.append(f"{spanish_plural(e.name, r.words_for.get(e.name, ''))}: marcar {word}"
                                  if r.language == "es" else f"{words_of(e.name)} marked {state.replace('_', ' ')}")
    _said_states(r)
    return r


_SAID_STATE = re.compile(r"\b(?:which|when|whether|if|once|until|till) (?:the |a |an |each |their |its |our |my )?"
                         r"(\w+) (?:is|are|was|were|gets?|has been|have been|'s) (?:\w+ )?(ready|done|paid|collected|"
                         r"delivered|finished|completed|shipped|fixed|returned|repaired|approved|picked up)\b")


def _said_states(r: Reading) -> None:
    """'track which jobs are ready', 'text customers when it's ready': the state is one of the thing's statuses (or
    a yes/no on it when it has none)."""
    if r.language != "en":
        return
    for m in _SAID_STATE.finditer(r.text):
        word, state = m.group(1), field_ident(m.group(2))
        owner = next((n for n in r.entities if words_of(n).split()[-1] == singular(word)), None)
        if owner is None and word in {"it", "they", "its", "it's"}:
            owner = r.main
        e = r.entities.get(owner) if owner else None
        if e is None or e.name in r.owners or words_of(e.name) in word_set("people") or any(
                f.name == state or state in f.choices for x in r.entities.values() for f in x.fields):
            continue  # 'each tool is returned' beside a Loan that has 'returned': said already
        status = next((f for f in e.fields if f.type == "enum" and f.name in {"status", "state", "stage"}), None)
        if status is not None and state not in status.choices:
            status.choices.insert(max(len(status.choices) - 1, 0), state)  # before the final 'done' or 'closed'
        elif status is None and all(f.name != state for f in e.fields):
            e.fields.append(FieldSpec(name=state, type="bool", required=False))
        else:
            continue
        r.capabilities.append(f"{words_of(e.name)} marked {state.replace('_', ' ')}")


_GROUPINGS = {"level", "age", "grade", "size", "nivel", "edad", "talla", "edades", "niveles"}


def _grouped_by(r: Reading) -> None:
    """'teams by age group', 'clases por nivel': the things carry that field."""
    for p in r.phrases:
        toks = r.sentences[p.sentence]
        owner = _entity(r, p)
        if owner is None or not p.plural or p.end + 1 >= len(toks) or toks[p.end].text not in {"by", "por"}:
            continue
        q = next((q for q in r.phrases if q.sentence == p.sentence and q.start == p.end + 1), None)
        said = " ".join(q.words[-2:]) if q is not None else ""
        if q is None or _entity(r, q) or not (q.head in _GROUPINGS or said in word_set("field_nouns")):
            continue
        ident = field_ident(" ".join(q.words[-2:]))
        e = r.entities[owner]
        if all(f.name != ident for f in e.fields) and not ident.endswith("_id"):
            e.fields.append(infer_field(ident, required=False))


def _sorted_by(r: Reading) -> None:
    """'tasks sorted by priority', 'filter events by date': the app needs that field to sort on."""
    for f in r.frames:
        if f.verb not in {"sort", "filter", "rank", "group", "ordenar", "filtrar"}:
            continue
        owner = next((n for n in (_entity(r, p) for p in [*f.objects, f.subject] if p) if n), r.main)
        for prep, p in f.preps:
            if prep in {"by", "por"} and owner in r.entities and is_fieldish(p.head, r.language):
                e = r.entities[owner]
                ident = field_ident(" ".join(p.words[-2:]))
                new = infer_field(ident, required=False)
                dated = new.type in {"date", "datetime"} and any(x.type in {"date", "datetime"} for x in e.fields)
                if all(x.name != ident for x in e.fields) and not ident.endswith("_id") and not dated:
                    e.fields.append(new)


_TYPE_DETAILS = {"name", "description", "price", "colour", "color", "code", "notes", "nombre", "descripcion", "precio",
                 "codigo"}  # 'event type (name, colour)' lists details; 'job type (kitchen, floor)' values


def _listed_fields(r: Reading) -> dict[str, list[str]]:
    """'products with name, price and stock', 'log symptoms, severity and duration' -> field words per entity."""
    out: dict[str, list[str]] = {}
    for si, toks in enumerate(r.sentences):  # 'we have ~400 games. want to track each one: player count, shelf'
        colon = next((i for i, t in enumerate(toks) if t.text == ":"), None)
        if colon is None or not each_one_at(toks, colon):
            continue
        owner = next((r.entity_of(p) for p in reversed(r.phrases) if (p.sentence, p.start) < (si, colon) and
                      r.entity_of(p) and r.entity_of(p) not in r.records), None)
        if owner:
            out.setdefault(owner, []).extend(_field_words(r, _following_list(r, si, colon + 1), described=True))
    for p in r.phrases:
        owner = _entity(r, p) or page_owner(r, p)
        if owner is None and not p.plural and not p.modifiers:  # 'screenings in the dome with times': the screenings
            held = r.head_before(p, frozenset({"in", "at", "en"}))
            owner = _entity(r, held) if held is not None and held.plural else None
        toks = r.sentences[p.sentence]
        marker = p.end + _clause(toks, p.end)
        if owner is None and marker < len(toks) and toks[marker].text in {":", "("}:
            held = r.head_before(p)  # 'members post a report for a trail: date, conditions': the report's details
            after = _following_list(r, p.sentence, marker + 1)
            owner = _entity(r, held) if held is not None and held.start and not held.plural and \
                r.sentences[p.sentence][held.start - 1].tag in {"DET", "VERB"} and after and \
                len(after) >= 2 and any(is_fieldish(i.head, r.language) for i in after) else None
        if owner is None and p.head in FORMS and p.end < len(r.sentences[p.sentence]) and \
                r.sentences[p.sentence][p.end].text == "(":
            owner = next((_entity(r, f.subject) for f in r.frames if f.subject is not None and
                          f.sentence == p.sentence and f.subject.end <= p.start and _entity(r, f.subject)), None)
            # 'leads come from the website form (parent name, grade)': what the form makes has its details
        if owner is None:
            continue
        toks = r.sentences[p.sentence]
        if p.possessive:  # "each run's distance, time and route"
            items = _following_list(r, p.sentence, p.end)
            said = sum(is_fieldish(i.head, r.language) or i.head in word_set("portraits") for i in items)
            kept = any(_entity(r, i) or i.head in word_set("people") for i in items)
            if len(items) >= 2 and (said >= 2 or said and not kept):  # "each school's capacity and catchment area"
                out.setdefault(owner, []).extend(_field_words(r, items, described=True))
                continue
        k = p.end + (p.end < len(toks) and toks[p.end].text in {"can", "should", "must", "will"})
        if p.plural and k + 2 < len(toks) and toks[k].text in {"need", "needs", "necesitan"} and \
                toks[k + 1].text in {"their", "sus"}:  # 'ringers need their permit level stored'
            items = _following_list(r, p.sentence, k + 2)
            out.setdefault(owner, []).extend(_field_words(r, items, described=True))
            continue
        k = p.end
        while k < len(toks) and toks[k].text in _SKIP_BETWEEN:
            k += 1
        k += _clause(toks, k)  # 'los lotes que fabricamos (sabor, fecha)', 'the batch it went into (recipe, date)'
        if k >= len(toks) or toks[k].text not in _MARKERS:
            continue
        if toks[k].text in {"has", "have", "tiene", "tienen"} and k + 1 < len(toks) and toks[k + 1].text == "(":
            k += 1  # 'a buy-in has (date, customer, total paid)'
        head = r.head_before(p)
        if head is None and toks[k].text == "(":
            head = r.head_before(p, _PER)  # 'daily feeding per pen (feed type, kg)': the feeding's details
            head = head if head is not None and _entity(r, head) else None
        if head is None and toks[k].text in {"with", "con"}:
            held = r.head_before(p, _PER)  # 'training sessions per squad with pool, lane and time': the sessions'
            head = held if held is not None and held.plural and _entity(r, held) else None
        if head is None and toks[k].text == "(" and p.start > 1 and toks[p.start - 1].text in {"each", "every",
                                                                                               "cada"}:
            head = r.head_before(p, _AT_EACH)  # 'equipment at each site (make, model)': the equipment's details
            head = head if head is not None and _entity(r, head) else None
        if head is None and p.start and toks[p.start - 1].text in {"each", "every", "cada"}:
            head = r.head_before(p, _IN_EACH)  # 'the containers in each shipment with their number and type'
        if head is None and not p.plural and p.start and toks[p.start - 1].text in {"the", "our", "my"}:
            held = r.head_before(p, frozenset({"in", "en"}))  # 'objects in the collection with an accession number'
            head = held if held is not None and held.plural and _entity(r, held) else None
        sheet = None
        if head is None and toks[k].text == ":":
            sheet = sheet_before(r, p.sentence, p.start, lambda q: bool(_entity(r, q)))
        head = sheet or head  # 'a daily diary per child: meals, naps': the diary's details
        if head is None and toks[k].text == ":":
            head = r.head_before(p, _PER)  # '- Injuries per patient: body area, diagnosis': the injuries' details
            head = head if head is not None and _entity(r, head) else None
        if head is None and toks[k].text == "(":
            head = _record_of_each(r, p)  # 'roast logs linked to a lot (profile, charge temp)': the logs' details
        if head is None and toks[k].text == "(" and p.plural:
            held = r.head_before(p, frozenset({"from", "by"}))  # 'deliveries from growers (weight, price per tonne)'
            said = _following_list(r, p.sentence, k + 1)
            head = held if held is not None and held.plural and _entity(r, held) and said and not any(
                i.head in _WHO_DETAILS for i in said) else None
        owner = _entity(r, head) or owner if head is not None else owner  # 'a claim on a policy with a date'
        j = k + 1
        while toks[k].text == ":" and j < len(toks) and toks[j].text in _SKIP_BETWEEN:
            j += 1
        if j > k + 1 and j < len(toks) and toks[j].text in _MARKERS:
            k = j  # 'Artworks: each with title, medium and price'
        items = _following_list(r, p.sentence, k + 1)
        close = next((j for j in range(k + 1, len(toks)) if toks[j].text == ")"), None) if toks[k].text == "(" else None
        after = _following_list(r, p.sentence, close + 2) if close is not None and close + 1 < len(toks) and \
            toks[close + 1].text in {"with", "con", "including"} and p.plural else []
        if after and any(is_fieldish(i.head, r.language) for i in after) and \
                not any(is_fieldish(i.head, r.language) for i in items if i.end <= close):
            k = close + 1  # 'devices (laptops, servers, printers) with serial, purchase date and warranty end'
            items = after
        if toks[k].text == "(":
            shown = _examples_in(toks, k)
            items = [i for i in items if i.start not in shown]  # 'type like warehouse/beach/manor': the values
        if toks[k].text == "gets" and len(items) < 2:
            continue  # 'the client gets a private gallery link': something given, not the client's details
        if toks[k].text in {"has", "have"} and items and items[0].words[0] in _PARTICIPLES:
            continue  # 'each pair of shoes has done': a verb tense, not a field list
        if toks[k].text == "(" and not (p.start == 0 and declaring_line(toks)) and (
                not any(is_fieldish(i.head, r.language) for i in items) and
                                    p.head not in MEASURED or
                                    p.head in {"category", "type", "kind", "categoria", "tipo", "clase"} and (
                                        p.plural or not any(i.head in _TYPE_DETAILS for i in items))):
            continue  # 'by category (economy, SUV, van)', 'categories (greetings, numbers)': examples, not fields
        if items and ends_in_etc(toks, items):
            continue  # 'subscriptions tracker: netflix, spotify, gym etc': examples, not fields
        if len(items) >= 2 or any(is_fieldish(i.head, r.language) for i in items):
            described = toks[k].text in {"has", "have", "having", "tiene", "tienen", "llevan", "lleva"} or \
                bool(sheet) or p.head in FORMS  # what a form asks for is details
            out.setdefault(owner, []).extend(_field_words(r, items, described=described))
            _listed_parents(r, owner, items, declared=p.start == 0 and declaring_line(toks),
                            headed=toks[k].text in {":", "("} and is_fieldish(items[0].head, r.language))
    for f in r.frames:  # 'each flag belongs to a service, has an owner and a description': the flag has them
        owner = _entity(r, f.subject) if f.subject is not None else None
        toks = r.sentences[f.sentence]
        k = next((k for k in range(f.position + 1, len(toks) - 1) if toks[k].text in {",", "and", "y"} and
                  toks[k + 1].text in {"has", "have", "tiene", "tienen"}), None)
        if owner and k is not None and not any(t.tag in {"VERB", "AUX"} for t in toks[f.position + 1:k]):
            items = _following_list(r, f.sentence, k + 2)
            out.setdefault(owner, []).extend(_field_words(r, items, described=True))
    for f in r.frames:  # 'record each headache, severity, duration'
        owners = [_entity(r, p) for p in f.objects]
        first = next((o for o in owners if o), None)
        found = details_at_each(r, f)
        at = _entity(r, found[1]) if found else None
        files = [p for p in f.objects if p.head in ONE_FILE]  # 'record the pressure and photos': the photos are files
        if at and (not first or all(o is None or p in files for p, o in zip(f.objects, owners, strict=True))):
            idents = _field_words(r, [p for p in f.objects if p not in files], described=True)
            when = next((x.name for x in r.entities[at].fields if x.type in {"date", "datetime"}), "date")
            if found[0] in {"at", "after", "during", "on", "en", "tras"} and \
                    not any(infer_field(i).type in {"date", "datetime"} for i in idents):
                idents.insert(0, when)  # an occasion: its date says which one it is, it needs no name
                r.records.add(at)
            out.setdefault(at, []).extend(idents)
            doer = _entity(r, f.subject) if f.subject is not None else None
            if doer and doer != at and (f.subject.head in word_set("people") or
                                        f.subject.head.endswith(AGENT_ENDINGS)):
                from core.engine.understand.relations import add_link

                add_link(r, at, doer)  # 'for every inspection the inspector records ...': each is the inspector's
            continue
        if first and len(f.objects) >= 2:
            out.setdefault(first, []).extend(_field_words(r, [p for p, o in zip(f.objects, owners, strict=True)
                                                                if not o and is_fieldish(p.head, r.language)]))
    return out


_MEDIA_THINGS = {"Photo", "Image", "Picture", "File", "Attachment", "Document", "Video", "Audio", "Logo"}


def _clause(toks: list[Token], k: int) -> int:
    """How many tokens from `k` a clause before a bracket takes: 'que fabricamos (', 'it went into (' -> 2, 3."""
    return next((n for n in (2, 3, 4) if k + n < len(toks) and toks[k + n].text == "(" and
                 toks[k].text in _RELATIVE | _DOERS and (toks[k + n - 1].tag == "VERB" or (
                     toks[k + n - 1].tag == "PREP" and toks[k + n - 2].tag == "VERB")) and
                 all(t.text in _DOERS or t.tag == "VERB" for t in toks[k + 1:k + n - 1])), 0)


def _examples_in(toks: list[Token], k: int) -> set[int]:
    """Token indices of the examples after 'like', 'e.g.' or 'such as' inside the bracket opened at k."""
    out: set[int] = set()
    showing = False
    for j in range(k + 1, len(toks)):
        if toks[j].text == ")":
            break
        if toks[j].text == ",":
            showing = False
        elif toks[j].text in {"like", "eg", "such", "including", "como"}:
            showing = True
        elif showing:
            out.add(j)
    return out


def _listed_parents(r: Reading, owner: str, items: list[Phrase], declared: bool = False, headed: bool = False) -> None:
    """'dogs with breed and owner' beside 'owners': a single thing of the app listed among a record's details is its
    parent (on a declared 'Flight(project, drone, date)' line, whatever its other details)."""
    from core.engine.understand.relations import add_link

    if not declared and not any(is_fieldish(i.head, r.language) and i.head not in {"text", "texto"} for i in items):
        return  # 'share memories with family and friends' is who sees them, not what a memory holds
    for i in items:
        if i.words[0] in _LIMIT_WORDS:
            continue  # 'retreats (dates, price, max guests)': how many guests, a detail
        name = name_of(i, r.language) or r.entity_of(i)  # 'shifts (guard, site)' beside 'Sites (...)': the Site
        toks = r.sentences[i.sentence]
        if name and i.plural and i.start and toks[i.start - 1].text in _SEVERAL_WORDS and \
                not is_fieldish(i.head, r.language):
            name = r.entity_of(i) or name  # 'órdenes con varios estudios' at a lab: its tests
            if name not in r.entities and r.language == "en":
                keep_entity(r, name, i.head)
            if name in r.entities and name != owner:
                add_link(r, owner, name, "many_to_many")  # 'shows (title, genre, one or more hosts)'
            continue
        if headed and name and i.plural and name != owner and name in r.entities and \
                name not in _MEDIA_THINGS | _OWN_LISTS and not is_fieldish(i.head, r.language) and \
                sum(is_fieldish(j.head, r.language) for j in items) >= 2 and \
                not any(link[:2] in {(owner, name), (name, owner)} for link in r.links):
            add_link(r, owner, name, "many_to_many")  # 'tutors: name, subjects, hourly rate': each has several
            continue
        if i.head in FORMS | {"page", "pagina", "section"}:
            continue  # 'listings with photos, price and a map, a valuation request form': the site's next part
        if name and name != owner and name in r.entities and not i.plural and not is_fieldish(i.head, r.language) \
                and i.head not in {"text", "texto"} and name not in _MEDIA_THINGS and \
                not {"per", "por"} & set(i.words) and singular(i.words[-1], r.language) == i.words[-1]:
            add_link(r, owner, name, "many_to_many" if _examples_follow(r, i) else "belongs_to")


_RELATIVE = {"que", "that", "which"}
_LIMIT_WORDS = {"max", "maximum", "min", "minimum", "maximo", "minimo"}
_DOERS = {"we", "i", "they", "you", "it"}
_OWN_LISTS = {"Tag", "Comment", "Review", "Rating", "Favourite", "Like", "Note"}
_SEVERAL_WORDS = {"several", "multiple", "many", "varios", "varias"}
_KIN = {"mother", "father", "parent", "dam", "sire", "madre", "padre", "mum", "dad"}  # 'cada animal con su madre'


def keep_entity(r: Reading, name: str, word: str) -> None:
    """A thing named among a record's details becomes an entity of the app (what we know of it, else a name), said
    in the request's `word`; nothing is added past MAX_ENTITIES."""
    from core.engine.understand.relations import MAX_ENTITIES

    if len(r.entities) >= MAX_ENTITIES:
        return
    r.entities[name] = definition(name, r.domain, r.text) or EntitySpec(
        name=name, fields=[FieldSpec(name="name", max_length=200)])
    r.entities[name].relations = []
    r.words_for.setdefault(name, word)
    r.requested.append(said_as(r, name))


def _examples_follow(r: Reading, p: Phrase) -> bool:
    """'rooms with capacity and equipment (whiteboard, screen)': several examples follow, so a room has many."""
    inner = bracket_at(r.sentences[p.sentence], p.end, 11)
    return inner is not None and any(t.text == "," for t in inner)


def page_owner(r: Reading, p: Phrase) -> str | None:
    """'each room needs its own page with the story and photos': what is on the page is the room's."""
    if not own_page(r, p):
        return None
    before = [q for q in r.phrases if q.sentence == p.sentence and q.end <= p.start and _entity(r, q)]
    return _entity(r, before[-1]) if before else None


def _entity(r: Reading, p: Phrase) -> str | None:
    """The entity a phrase names, when that entity is part of the app."""
    name = name_of(p, r.language)
    name = name if name in r.entities else r.named.get(id(p))  # 'for one space': the ParkingSpace said before
    return name if name in r.entities else None


_PARTICIPLES = {"done", "made", "been", "had", "gone", "got", "gotten", "taken", "given", "seen", "run", "won", "lost"}
_OF_FIELDS = {"date", "place", "country", "number", "year", "proof", "time", "point", "city", "level", "next", "hour",
              "minute", "amount", "length", "duration", "cost", "rate", "weight", "quantity", "percentage", "frequency",
              "description", "summary", "details", "cause", "location", "size"}
_KINDS_OF = {"type", "kind", "style", "variety"}


def _record_of_each(r: Reading, p: Phrase) -> Phrase | None:
    """'roast logs linked to a lot', 'treatment notes for each appointment': the plural records said before p."""
    toks = r.sentences[p.sentence]
    j = p.start - 1
    if j > 0 and toks[j].text in {"each", "every", "cada"} and toks[j - 1].text in {"for", "per", "on", "after", "de"}:
        end = j - 1
    else:
        while j > 0 and toks[j].text in {"a", "an", "the", "one", "un", "una"}:
            j -= 1
        if not (j > 1 and toks[j].text in {"to", "a"} and toks[j - 1].text in {"linked", "attached", "tied",
                                                                              "vinculados", "vinculadas"}):
            return None
        end = j - 1
    q = next((q for q in r.phrases if q.sentence == p.sentence and q.end == end), None)
    return q if q is not None and q.plural and _entity(r, q) else None


_UNIT_WORDS = {"litres", "liters", "litros", "kg", "km", "g", "ml", "cm", "mm", "m", "minutes", "minutos", "hours",
               "horas", "days", "dias", "miles", "gallons", "seconds", "metres", "meters", "metros", "grams", "gramos"}


def _following_list(r: Reading, si: int, start: int) -> list[Phrase]:
    """The noun phrases from token `start` joined by commas and 'and'."""
    toks = r.sentences[si]
    items: list[Phrase] = []
    skipped = 0  # the end of the last value said after 'status:'
    bracketed = -1  # the end of the last bracket of values skipped without a rule of its own
    for p in (p for p in r.phrases if p.sentence == si and p.start >= start):
        if p.start < skipped:
            continue
        between = [t for t in toks[max(items[-1].end if items else start, skipped):p.start]  # 'severity 1-5'
                   if t.text not in _SKIP_BETWEEN and not (items and re.fullmatch(r"\d+-\d+", t.text))]
        said = [t.text for t in between]
        close = next((j for j in range(p.start, len(toks)) if toks[j].text == ")"), len(toks))
        if items and said == ["("] and items[-1].end == p.start - 1 and \
                {"/", "|", "or", "o"} & {t.text for t in toks[p.start:close]}:
            skipped = close + 1
            continue  # 'conditions (snow / mud / ice), fallen trees': the values, then the list goes on
        if items and said == ["("] and items[-1].end == p.start - 1 and p.end < len(toks) and \
                toks[p.end].text == ")" and len(p.words) == 1 and not items[-1].plural:
            if p.words[0] in _UNIT_WORDS:
                items[-1] = Phrase(words=[*items[-1].words, p.words[0]], head=items[-1].head, sentence=si,
                                   start=items[-1].start, end=items[-1].end)
            skipped = p.end + 1
            continue  # 'size (litres), tapped on': its unit, then the list goes on
        if items and said == [":", "("] and items[-1].end == p.start - 2:
            skipped = next((j + 1 for j in range(p.start, len(toks)) if toks[j].text == ")"), len(toks))
            continue  # 'status: quote -> scheduled -> delivered, notes': the values, then the list goes on
        if items and said[:1] == [":"] and items[-1].end < len(toks) and toks[items[-1].end].text == ":":
            stop = next((j for j in range(items[-1].end + 1, len(toks)) if toks[j].text in {",", ")", ";"}), len(toks))
            if "/" in {t.text for t in toks[items[-1].end + 1:stop]} and p.start < stop:
                skipped = stop
                continue  # 'type: topographic / roof inspection / agriculture': values of any kind of word
        if items and items[-1].possessive and not said and len(items[-1].words) == 1 and \
                items[-1].head in word_set("people"):
            items[-1] = Phrase(words=[*items[-1].words, *p.words], head=p.head, sentence=si, start=items[-1].start,
                               end=p.end)
            continue  # "parent name, child's grade": the child's grade is one detail of the lead
        if items and (said == [":"] and items[-1].end == p.start - 1 and p.end < len(toks) and
                      toks[p.end].text in {"/", "|"} or skipped and said and
                      set(said) <= {"/", "|", "or", "o"}):
            skipped = p.end
            continue  # 'tasks (title, status: todo/doing/done, due date)': the values, then the list goes on
        joined = " ".join([*items[-1].words, "de", *p.words]) if items else ""
        if items and [t.text for t in between] == ["de"] and (joined in FIELD_WORDS_ES or qualified_es(joined)):
            items[-1] = Phrase(words=joined.split(), head=items[-1].head, sentence=si, start=items[-1].start,
                               end=p.end)
            continue  # 'numero de personas', 'fecha de recogida'
        last = items[-1].words if items else []
        if len(last) == 3 and last[1] == "de" and [t.text for t in between] in (["y"], ["o"]) and len(p.words) == 1 \
                and not p.plural and qualified_es(" ".join([last[0], "de", *p.words])):
            items.append(Phrase(words=[last[0], "de", *p.words], head=last[0], sentence=si, start=p.start, end=p.end))
            continue  # 'fecha de entrada y salida': the second is a date too
        if items and [t.text for t in between] == ["of"] and items[-1].head in _OF_FIELDS | _KINDS_OF and (
                items[-1].head in _OF_FIELDS or start and toks[start - 1].text == "("):  # 'date of birth'
            words = [*p.words, items[-1].head] if items[-1].head in _KINDS_OF else [*items[-1].words, "of", *p.words]
            items[-1] = Phrase(words=words, head=items[-1].head, sentence=si, start=items[-1].start, end=p.end)
            continue  # 'type of tea' is the tea type
        if items and ([t.text for t in between] == ["per"] or [t.text for t in between] == ["por"] and
                      p.head in PER_UNITS_ES):  # 'price per night', 'precio por dia'
            last = items[-1]
            items[-1] = Phrase(words=[*last.words, between[0].text, *p.words], head=last.head, sentence=si,
                               start=last.start, end=p.end)
            continue
        if items and between and between[0].text in {"at", "on"} and (items[-1].words[-1] in _TIME_WORDS or len(
                between) > 1 and between[1].text in {",", "and"} and items[-1].words[-1].endswith("ed")):
            items[-1] = Phrase(words=[*items[-1].words, between[0].text], head=items[-1].head, sentence=si,
                               start=items[-1].start, end=items[-1].end + 1)  # 'starts at'
            between = between[1:]
        if items and [t.text for t in between] == ["/"] and len(items[-1].words) == 1 and len(p.words) == 2 and \
                p.start == items[-1].end + 1:  # 'source/target language': two languages
            items[-1] = Phrase(words=[items[-1].words[0], p.words[-1]], head=p.head, sentence=si,
                               start=items[-1].start, end=items[-1].end)
            items.append(p)
            continue
        if items and [t.text for t in between] == ["/"] and len(items[-1].words) == 2 and len(p.words) == 1 and \
                p.start == items[-1].end + 1 and not p.plural:  # 'power left/right': the power of each side
            items.append(Phrase(words=[items[-1].words[0], p.words[0]], head=p.head, sentence=si, start=p.start,
                                end=p.end))
            continue
        pair = [t.text for t in between if t.text not in {",", "and", "y"}]
        if pair in (["from", "/", "to"], ["from", "to"], ["de", "/", "a"], ["origen", "/", "destino"]):
            for end in (pair[0], pair[-1]):  # 'from/to airfield': the two ends are two fields
                items.append(Phrase(words=[end, *p.words], head=p.head, sentence=si, start=p.start, end=p.end))
            continue
        if items and len(between) == 2 and between[0].tag == "VERB" and between[0].text.endswith(("ed", "en", "wn")) \
                and between[1].text in {",", ")"} and items[-1].end < len(toks) and toks[items[-1].end] is between[0]:
            items[-1] = Phrase(words=[*items[-1].words, between[0].text], head=items[-1].head, sentence=si,
                               start=items[-1].start, end=items[-1].end + 1)
            between = between[1:]  # 'batteries used, notes': one detail, then the list goes on
        opened = items[-1].end if items else len(toks)
        close = next((j for j in range(opened, len(toks)) if toks[j].text == ")"), None) \
            if opened < len(toks) and toks[opened].text == "(" else None
        if close is not None and p.start < close:
            skipped = bracketed = close + 1
            continue  # 'condition (A/B/C), price': the values in brackets, then the list goes on
        if close is not None and close < p.start and (skipped <= close or skipped == bracketed):
            if not (is_fieldish(p.head, r.language) or is_fieldish(p.words[-1], r.language)):
                break  # 'players (name, DOB) and coaches': the next thing, not a detail
            between = [t for t in toks[close + 1:p.start] if t.text not in _SKIP_BETWEEN]
        if between and not all(t.text in _JOINERS for t in between):
            break
        if items and items[-1].words in (["start"], ["starting"]) and p.words in (["end", "times"], ["end", "time"],
                                                                                  ["end", "dates"], ["end", "date"]):
            unit = singular(p.words[-1])  # 'start and end times': when each one starts and ends
            first, second = (["start", "date"], ["end", "date"]) if unit == "date" else (["starts", "at"],
                                                                                          ["ends", "at"])
            items[-1] = Phrase(words=first, head=first[-1], sentence=si, start=items[-1].start, end=items[-1].end)
            items.append(Phrase(words=second, head=second[-1], sentence=si, start=p.start, end=p.end))
            continue
        if items and [t.text for t in between] in ([",", "and"], [",", "y"]) and p.plural and \
                not any(i.plural for i in items) and not is_fieldish(p.head, r.language):
            break  # 'containers with their number and type, and the vessels ...': the outer list goes on
        if items and p.head in {"page", "pages", "pagina", "paginas"}:
            break  # 'auction events with dates, and a bidding page': the site's next part, not a field
        if items and r.language == "es" and p.head in _DOING_ES and p.end < len(toks) and toks[p.end].text == "de":
            break  # 'jugadores con su handicap, formacion de partidas de 4': the next thing the app does
        if items and len(p.words) > 1 and p.words[0] in _DOING and (
                len(p.words) > 2 or not is_fieldish(p.words[1], r.language)):
            break  # 'players with licence number, booking ice time for practices': the next thing the app does
        items.append(p)
    if items and items[-1].end + 1 == len(toks) and toks[-1].text in {"on", "at"} and \
            items[-1].words[-1].endswith("ed"):
        items[-1] = Phrase(words=[*items[-1].words, toks[-1].text], head=items[-1].head, sentence=si,
                           start=items[-1].start, end=items[-1].end + 1)  # '..., tapped on, kicked on'
    return items


_DOING = {"booking", "tracking", "managing", "recording", "logging", "scheduling", "handling", "selling", "renting",
          "organising", "organizing", "planning", "sending", "collecting", "reserving", "monitoring", "issuing"}
_DOING_ES = {"formacion", "gestion", "control", "registro", "seguimiento", "venta", "alquiler", "reserva",
             "organizacion", "creacion", "envio", "calculo", "clasificacion", "revision", "asignacion", "inscripcion",
             "cobro", "emision", "planificacion"}
_IN_EACH = frozenset({"in", "en", "inside", "dentro"})
_PER = frozenset({"per", "por"})
_AT_EACH = frozenset({"at", "in", "on", "en"})
_CONTAINER_WORDS = {"inventario", "inventory", "lista", "list", "catalogo", "catalogue", "catalog", "historial",
                    "history", "coleccion", "collection", "listado", "registro"}


def _mostly_fields(r: Reading, items: list[Phrase]) -> bool:
    """'date, location and budget': a list of three or more that is mostly field words lists fields only."""
    return len(items) >= 3 and sum(is_fieldish(p.head, r.language) for p in items) * 2 >= len(items)


# 'books (title, author, ISBN, genre)': a listed author or genre is kept as a field here, then becomes a linked
# entity (pipeline._fields_naming_entities). Field word -> (entity, Spanish word).
LOOKUPS = {"author": ("Author", "autor"), "genre": ("Genre", "genero"), "category": ("Category", "categoria"),
           "supplier": ("Supplier", "proveedor"), "publisher": ("Publisher", "editorial"),
           "manufacturer": ("Manufacturer", "fabricante"), "producer": ("Producer", "productor"),
           "department": ("Department", "departamento")}
_LOOKUP_WORDS = set(LOOKUPS) | {es for _, es in LOOKUPS.values()}


_GRADES = {"class", "type", "grade", "level", "kind", "band", "tier", "recommendation", "range",
           "rating"}  # 'hazard class', 'blood type', 'age recommendation': a field


def _field_words(r: Reading, items: list[Phrase], *, described: bool = False) -> list[str]:
    """Field identifiers for phrases that are not entities of the app (at most three words, no verbs)."""
    out = []
    for p in items:
        flag = flagged(r, p)
        if flag:
            out.append(field_ident(flag))
            continue
        name = name_of(p, r.language)
        if p.head in {"message", "mensaje", "note"} and set(p.modifiers[-1:]) & GIFT_NOTES:
            out.append(field_ident(f"{p.modifiers[-1]} {p.head}"))  # 'with a card message': text on the order
            continue
        known = not described and (words_of(name) in known_words() or p.head in ENTITY_WORDS_ES) if name else False
        known = known and (p.plural or not _mostly_fields(r, items))
        known = known and (p.plural or p.head not in word_set("people"))  # 'Workshops (title, teacher)': a field
        known = known and p.head not in NOTE_WORDS  # notes are text, unless kept
        known = known and not (len(p.words) > 1 and p.words[-1] != p.head and p.words[-1].endswith(("ed", "en", "wn")))
        # 'cards used', 'batteries used': how many, a detail
        graded = len(p.words) > 1 and p.head in _GRADES and p.modifiers and (
            p.modifiers[0] not in known_words() or not p.plural and name not in r.entities)  # 'permit level'
        if name and (name in r.entities or known and (p.plural or p.head not in _LOOKUP_WORDS)) and \
                not is_fieldish(p.head, r.language) and not graded and p.words[0] not in _LIMIT_WORDS:
            continue  # 'productos con nombre, precio y stock, y proveedores': suppliers are not a field
        if p.head in _CONTAINER_WORDS or p.words[-1] in {"upload", "uploads"}:
            continue  # 'el inventario de material' is the material; 'poster uploads' are the uploads feature
        words = [w for w in p.words if w not in _SKIP_BETWEEN][-4:] or p.words[-4:]  # 'a field' of a game
        toks = r.sentences[p.sentence]
        if r.language == "es" and p.end + 1 < len(toks) and toks[p.end].text == "de" and \
                f"{p.words[-1]} de {toks[p.end + 1].text}" in FIELD_WORDS_ES:
            words = [*words, "de", toks[p.end + 1].text]  # 'el número de serie' said as a frame's object
        text = " ".join(words)
        feature = text in feature_words() and text.endswith("s")  # 'ratings' asks for a feature, 'rating' is a field
        columns = len(words) <= 2 and not p.plural and r.language == "en" and len(items) >= 3 and sum(
            is_fieldish(i.head, r.language) or is_fieldish(i.words[-1], r.language) for i in items) >= 2
        # 'name, style, apple variety, notes': one of its columns
        styled = set(words) & _STYLE and words not in (["colour"], ["color"]) and not (
            words == ["style"] and columns)  # 'size and colour', 'name, style, ABV' are fields
        if feature or styled or colours_in(words[-1]) or asks_for_capability(text) or \
                p.head in word_set("abstract_nouns") and not is_fieldish(p.head, r.language) and not graded and \
                not columns and \
                not (p.words == [p.head] and p.head in {"type", "kind", "tipo"} and len(items) >= 2) and \
                not (len(p.modifiers) == 1 and p.head in {"area", "zone", "region", "radius", "district"} and
                     not p.modifiers[0].endswith("ing") and p.modifiers[0] not in {"management", "admin"}) and \
                infer_field(field_ident(" ".join(words))).type == "string":
            continue
        if len(words) == 1 and words[0].endswith("ing") and verb_lemmas().get(words[0], words[0]) != words[0] and \
                words[0] not in known_words() | word_set("ing_nouns") | word_set("field_nouns"):
            continue  # 'request an appointment, attaching a reference image': a verb, not a field
        if not words or len(words) == 1 and verb_lemmas().get(words[-1]) == words[-1] and \
                not is_fieldish(words[-1], r.language) and not (described and len(items) > 2):
            # "record" is a verb here; an "ear tag" is a field; 'coins have country, year, grade': a detail
            continue
        ident = field_ident(" ".join(words))
        one = field_ident(" ".join([*words[:-1], singular(words[-1], r.language)]))
        if p.plural and one != ident and not one.endswith("_value") and infer_field(ident).type == "string" and \
                infer_field(one).type in {"decimal", "date", "datetime", "int"}:
            ident = one  # 'treatments with prices': each treatment has a price
        if ident not in out:
            out.append(ident)
    return out


_OWN_STATES = {"status", "state", "stage", "kind", "condition"}


def _typed(e: EntitySpec, idents: list[str], *, labelled: bool = True) -> list[FieldSpec]:
    """The listed fields, typed as the entity's known definition types them, else from their names."""
    known = {f.name: f for f in e.fields}
    catalogue = {f.name: f for d in definitions().values() for f in d.fields}
    rel_fields = {r.field for r in e.relations}
    fields: list[FieldSpec] = []
    for ident in idents:
        if ident in rel_fields or ident in _PY_KEYWORDS or ident in RESERVED:
            continue
        borrowed = catalogue.get(ident)
        if borrowed is not None and borrowed.type == "enum" and ident in _OWN_STATES:
            borrowed = None  # another thing's states (a lab sample's 'analysed') are not this one's
        f = (known.get(ident) or borrowed or infer_field(ident)).model_copy()
        if any(x.name == f.name for x in fields):
            continue  # 'numero de plazas ... numero de personas': two words the same field once
        if ident in {"name", "title"} or not fields and f.type != "bool":
            f.required = True
        fields.append(f)
    label = next((f for f in e.fields if f.name in {"name", "title"}), None)
    if len(fields) == 1 and len(e.fields) > 1 and fields[0].type != "file" and \
            fields[0].name not in {"name", "title"}:  # 'absences with reason': one detail beside what it has
        one = fields[0].model_copy(update={"required": known[fields[0].name].required} if fields[0].name in known
                                   else {"required": False})
        return [one if f.name == one.name else f for f in e.fields] + ([] if one.name in known else [one])
    if label and labelled and not any(f.name in load("nouns")["label_fields"] for f in fields):
        fields.insert(0, label)
    return fields or e.fields


@cache
def feature_words() -> frozenset[str]:
    """Nouns that ask for a feature ('valoraciones', 'tags'), never a field."""
    return frozenset(w for words in load("verbs")["feature_nouns"].values() for w in words)


def ensure_label(e: EntitySpec) -> None:
    """Give a main entity a human label (title or name) when it has none."""
    if is_dependent(e.name) or any(f.name in load("nouns")["label_fields"] for f in e.fields):
        return
    person = words_of(e.name).split()[-1] in word_set("people")  # 'each patient has a last check-up date': named
    if e.fields and e.fields[0].type in {"date", "datetime"} and e.fields[0].required and not person:
        return  # a dated record ('Lambing: lambed_on, lambs_born'): its date says which one it is
    if e.name.endswith("Result") and e.fields and e.fields[0].required and e.fields[0].type != "text":
        return  # 'RaceResult: finishing_position': the boat and the race say which one it is
    label = "title" if is_title_noun(e.name) else "name"
    e.fields.insert(0, FieldSpec(name=label, max_length=200))


_CHOICE_FIELDS: dict[str, str] = load("words")["choice_fields"]  # field words that take a list of values
_CHOICE = re.compile(rf"\b({'|'.join(_CHOICE_FIELDS)})\s*(?:\(\s*(?:eg,?\s*|like\s+|such as\s+)?([^()]{{2,90}})\)|"
                     r"(?:like|such as|eg,?|e\.g\.,?)\s+([\w\-]+(?: [\w\-]+)?(?:\s*/\s*[\w\-]+(?: [\w\-]+)?)+)|"
                     rf":\s*((?:(?!,\s*(?:{'|'.join(_CHOICE_FIELDS)})\s*:)[^():.;\n]){{3,150}})|"
                     r"\s([\w\-]+(?:\s*/\s*[\w\-]+(?: [\w\-]+)?)+)|"
                     r"\s((?!or\b|o\b)[\w\-]+(?:\s*,\s*[\w\-]+)*\s+(?:or|o)\s+[\w\-]+)(?=\s*[,)]))")
_HELD_BY = {"regimen": ("Reservation", "Booking", "Stay", "Reserva")}  # a choice only one kind of record has
_LOOKUP_KINDS = {"kind", "category", "level", "tier", "grade", "material", "format"}
_NOT_KINDS = {"per", "each", "every", "plus", "also", "their", "its", "his", "her", "our", "your", "some", "other",
              "what", "which", "whose", "right", "correct", "same", "different", "tipo"}
_NOT_VALUES = {"in", "with", "they", "can", "be", "of", "a", "an", "the", "so", "on", "field", "fields", "con",
               "de", "per", "por", "each", "cada", "is", "are", "es", "we", "i", "if", "when", "which", "que"}


def _raw_values(m: re.Match[str]) -> str:
    """The text of the values a choice match lists, whichever way they were written."""
    chain = re.match(r"[\w -]+(?:\u2192[\w -]+)+", re.sub(r"\s*(?:->|=>|\u2192)\s*", "\u2192", m.group(4) or ""))
    if chain:  # 'status: quote -> scheduled -> delivered, notes': the states, then the next field
        return ", ".join(chain.group(0).split("\u2192"))
    return m.group(2) or m.group(3) or _colon_list(m.group(4) or "") or m.group(5) or m.group(6) or ""


def _colon_list(raw: str) -> str:
    """'mano, pala, cesta punta', 'fuga, atasco u otro, urgencia', 'theatre, classroom, cabaret, number of seats':
    the values after a field's colon, up to the last one joined by 'or' or the first item that is a field."""
    out = []
    arrows = re.split(r"\s*(?:->|=>|\u2192)\s*", raw.strip())
    if len(arrows) > 2 and all(0 < len(a.split()) <= 3 for a in arrows):
        return ", ".join(arrows)  # 'status: received -> diagnosing -> fixed': the states in order
    for item in raw.split(","):
        item = item.strip()
        if not out and item.count("/") >= 1:
            return ", ".join(v.strip() for v in item.split("/"))  # 'stage: received / skinned / finished'
        last = re.split(r"\s+(?:or|o|u)\s+", item)
        if len(last) > 1:
            return ", ".join([*out, *last])
        if not item or len(item.split()) > 3 or re.search(r"\d", item) or any(
                is_fieldish(w, "en") or w in {"type", "kind", "status", "category"} for w in item.split()):
            break
        out.append(item)
    return ", ".join(out)


def _choice_values(raw: str) -> list[str] | None:
    """'tent, caravan or cabin', 'mint/used', 'copper, brass, steel...' -> the values (an open list ends in
    'other'); None when the bracket says something else ('in lines of code', 'they sign in')."""
    if not raw:
        return None
    open_list = bool(re.search(r"\.\.\.|\betc\b|\u2026|\band so on\b", raw))
    raw = re.sub(r"\.\.\.|\betc\b\.?|\u2026|\band so on\b", "", raw)
    raw = re.sub(r"\b(in|on|en) (progress|transit|review|hold|production|repair|curso|proceso|revision)\b", r"\1-\2",
                 raw)  # 'in progress', 'on hold', 'en curso': one state
    values = [v.strip(" .-") for v in re.split(r"\s*(?:,|/|\||\bor\b|\band\b|\bo\b|\by\b)\s*", raw)]
    values = [v for v in values if v]
    if not 2 <= len(values) <= 10 or any(len(v.split()) > 3 or set(v.split()) & _NOT_VALUES or
                                         not re.fullmatch(r"[a-z0-9][a-z0-9 \-]*", v) or
                                         any(w.endswith(("ately", "ously", "ently", "fully", "arily"))
                                             for w in v.split())
                                         for v in values):
        return None
    out = list(dict.fromkeys(v.replace(" ", "_").replace("-", "_") for v in values))
    return [*out, "other"] if open_list and "other" not in out else out


def _bracket_owner(r: Reading, at: int) -> str | None:
    """'work orders (turbine, type: scheduled/corrective)': the entity named right before the bracket `at` is in."""
    opened = r.text.rfind("(", 0, at)
    if opened < 0 or ")" in r.text[opened:at]:
        return None
    before = re.findall(r"[a-z]+", r.text[max(0, opened - 40):opened])[-2:]
    if not before:
        return None
    said = {singular(before[-1], r.language), before[-1], "".join(before), singular("".join(before), r.language)}
    return next((n for n in r.entities if words_of(n).split()[-1] in said or n.lower() in said or
                 r.words_for.get(n) in said), None)


def _said_before(r: Reading, at: int, among: list[str] | None = None) -> str | None:
    """The entity of the app (among some) said last before character `at` of the text, in the same sentence."""
    best, where = None, max(r.text.rfind(c, 0, at) for c in ".!?;\n")
    for name in among or r.entities:
        word = r.words_for.get(name) or words_of(name)
        for w in {word, words_of(name)}:
            starts = [m.start() for m in re.finditer(rf"\b{re.escape(w)}(?:s|es)?\b", r.text[:at])]
            if starts and starts[-1] > where:
                best, where = name, starts[-1]
    return best


_FLOWS = re.compile(r"\b([a-z]+)\s+(?:go|goes|move|moves|pass|passes|flow|flows|progress|progresses|pasan|pasa)\s+"
                    r"(?:(?:through|por)\s*(?:(?:the\s+|these\s+|estas\s+|los\s+)?(?:stages|steps|states|estados|"
                    r"fases|etapas)\s*)?:?\s*)?\(([^()]{2,150})\)")  # 'the order goes received -> washing -> ...'


_STATUS_OF = re.compile(r"\b(?:status|statuses|state|states|estados?) (?:of|de|del) (?:the |their |his |her |its |"
                        r"each |an? |la |el |su |sus |cada )?([a-z]+) ?:? \(([^()]{2,120})\)")


def choice_values(text: str) -> set[str]:
    """The values listed for choice fields in the text ('tipo: fuga, atasco u otro' -> fuga, atasco, otro), and
    'status quote', 'stage' when the word itself leads the values."""
    out: set[str] = {v.replace("_", " ") for m in _FLOWS.finditer(flows_as_brackets(text))
                     for v in _choice_values(m.group(2)) or []}
    for m in _CHOICE.finditer(text):
        values = _choice_values(_raw_values(m))
        out |= {v.replace("_", " ") for v in values or []}
        if values and _CHOICE_FIELDS[m.group(1)] == "status":
            out |= {m.group(1), *(f"{m.group(1)} {v.replace('_', ' ')}" for v in values)}
    return out


def _has_subject(r: Reading, at: int) -> str | None:
    """'each case belongs to a client and has a type (...)': the thing each clause is about, when the field follows
    its 'has a'."""
    before = r.text[:at]
    if not re.search(r"\b(?:has|have|tiene|tienen|with|con)\s+(?:a |an |un |una |its |their |su )?$", before):
        return None
    sentence = re.split(r"[.!?;\n]", before)[-1]
    each = re.findall(r"\b(?:each|every|cada)\s+([a-z]+)", sentence)
    for word in reversed(each):
        for name in r.entities:
            if word in {words_of(name).split()[-1], r.words_for.get(name, "")}:
                return name
    return None


def _flowing_record(r: Reading, word: str) -> str | None:
    """The record a flow of states names when the app keeps nothing else with a status ('the order goes ...')."""
    name = entity_name(word, None, r.language)
    from core.engine.understand.relations import MAX_ENTITIES, add_link

    if len(r.entities) >= MAX_ENTITIES or name not in definitions() or is_fieldish(word, r.language):
        return None
    r.entities[name] = definition(name, r.domain, r.text) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
    r.entities[name].relations = []
    r.words_for[name] = word
    people = [n for n in r.entities if words_of(n).split()[-1] in word_set("people")]
    if len(people) == 1:
        add_link(r, name, people[0])  # the customer's order
    return name


def _listed_with(r: Reading, at: int) -> str | None:
    """'pedidos con cliente, talla, precio y estado (...)': the thing whose detail list the field ends."""
    sentence = re.sub(r"\([^()]*\)", "", re.split(r"[.!?;\n]", r.text[:at])[-1])
    m = re.search(r"\b([a-z]+) (?:with|con|including|incluyendo|has|have|tiene|tienen)\b(?:[^,]*,)+[^,]*$", sentence)
    if m is None:
        return None
    word = m.group(1)
    return next((n for n in r.entities if word in {words_of(n).split()[-1], r.words_for.get(n, "")} or
                 singular(word, r.language) in {words_of(n).split()[-1], r.words_for.get(n, "")}), None)


_DEPOSIT = re.compile(r"\b(deposits?|fianzas?|senal|anticipo)\b")
_TAKES_DEPOSITS = ("Order", "Booking", "Reservation", "Commission", "Appointment", "Rental", "Tenancy", "Lease",
                   "Job", "Registration", "Consultation", "Enrollment", "Contract", "Pedido", "Reserva")


def _deposit_field(r: Reading) -> None:
    """'pay a deposit', 'price and deposit', 'fianza': an amount on the order or booking it secures (a Deposit table
    is kept only when the request makes one)."""
    if "Deposit" in r.entities or not _DEPOSIT.search(r.text) or any(
            "deposit" in f.name for e in r.entities.values() for f in e.fields):
        return
    holder = next((n for n in r.entities if n.endswith(_TAKES_DEPOSITS)), None)
    if holder is not None:
        r.entities[holder].fields.append(FieldSpec(name="deposit", type="decimal", required=False))


def _set_states(e: EntitySpec, values: list[str], drop_values: bool = True) -> None:
    """The entity's status becomes a choice of these states (fields named after a state go, unless told not to)."""
    e.fields = [x for x in e.fields if x.name != "status" and not (drop_values and x.name in values)]
    e.fields.append(FieldSpec(name="status", type="enum", choices=values, required=False))


_LEADS_STATES = re.compile(r"^(?:the |its |el |la |su )?(?:status|state|stage|estado|fase)(?: (?:goes|go|moves|move|"
                           r"flows|flow|runs|is|are|pasa|va|es))?(?: (?:from|through|de|por))? ")


def _bare_flow(r: Reading) -> None:
    """'Lead -> site survey -> proposal -> installed.' said on its own: the states of the one record that has a
    status (or of the app's main record)."""
    for m in re.finditer(r"(?:^|[.!?:\n]\s*)([a-z][\w ]*(?:\s*(?:->|=>|\u2192)\s*[\w ]+){2,})\s*(?:[.!?\n]|$)", r.text):
        said = _LEADS_STATES.sub("", m.group(1).strip())  # 'Status goes received -> ...': the states start after
        values = _choice_values(", ".join(re.split(r"\s*(?:->|=>|\u2192)\s*", said)))
        kept = {words_of(n).split()[-1] for n in r.entities}
        if values and sum(singular(v) in kept for v in values) >= 2:
            _held_in(r, [singular(v) for v in values])
            continue  # 'Apiaries -> hives -> inspections': what holds what, not states
        if not values or any(x.name == "status" and x.choices == values for e in r.entities.values() for x in e.fields):
            continue
        having = [n for n, e in r.entities.items() if any(x.name == "status" for x in e.fields)]
        owner = having[0] if len(having) == 1 else r.main if r.main in r.entities else None
        if owner:
            _set_states(r.entities[owner], values, drop_values=False)


def _held_in(r: Reading, words: list[str]) -> None:
    """'clients -> sites -> cleaning schedule': each thing belongs to the one before it."""
    from core.engine.understand.relations import add_link

    names = [next((n for n in r.entities if words_of(n).split()[-1] == w), None) for w in words]
    for parent, child in itertools.pairwise(names):
        if parent and child and parent != child and not any({a, b} == {parent, child} for a, b, _ in r.links):
            add_link(r, child, parent)


def choices_stage(r: Reading) -> Reading:
    """'a type (tent, caravan or cabin)', 'condition like mint/used': a field of the thing said before, with those
    values to choose from (a plural 'types (...)' names rows of a table of its own and is left alone)."""
    _deposit_field(r)
    for m in _FLOWS.finditer(flows_as_brackets(r.text)):  # 'orders go through quote -> paid -> shipped': states
        values = _choice_values(m.group(2))
        word = singular(m.group(1), r.language)
        owner = next((n for n in r.entities if word in {words_of(n).split()[-1], r.words_for.get(n, "")}), None) or \
            _said_before(r, m.start()) or next((n for n, e in r.entities.items() if any(
                x.name == "status" for x in e.fields)), None)  # 'Orders go through ...' of the commissions kept
        if values and owner is None and word in {"order", "job"} and m.group(1) != word and r.main in r.entities and \
                not any(x.name == "status" for x in r.entities[r.main].fields) and \
                words_of(r.main).split()[-1] not in word_set("people"):
            owner = r.main  # 'I track commissions from customers (...). Orders go through quote -> approved'
        if values and owner is None:
            owner = _flowing_record(r, word)  # 'The order goes received -> washing -> ...': orders are kept
        if values and owner:
            _set_states(r.entities[owner], values)
    for m in _STATUS_OF.finditer(flows_as_brackets(r.text)):  # 'follow the status of their repair (received, ...)'
        values = _choice_values(m.group(2))
        owner = next((n for n in r.entities if singular(m.group(1), r.language) in
                      {words_of(n).split()[-1], r.words_for.get(n, "")}), None)
        if values and owner:
            _set_states(r.entities[owner], values)
    _bare_flow(r)
    for m in _CHOICE.finditer(r.text):
        word, raw = m.group(1), _raw_values(m)
        values = _choice_values(raw)
        ident = _CHOICE_FIELDS[word]
        if not values or ident in {v for v in values}:
            continue
        if ident == "status" and any(x.name == "status" and x.choices == values for e in r.entities.values()
                                     for x in e.fields):
            continue  # 'Estados del ingreso: ...' were given to the admission already
        named = next((n for n in r.entities if words_of(n).split()[-1] == word or r.words_for.get(n) == word), None)
        named = None if ident == "status" else named  # 'stage (applied, interview)': the workflow of the thing
        if named and ident in _LOOKUP_KINDS:
            continue  # 'a category (effort, kindness)' beside a Category table: its rows, not a field
        before = re.findall(r"([a-z]+)\s+$", r.text[max(0, m.start() - 30):m.start()])[-1:]
        compound = f"{before[0]}_{ident}" if before and before[0] not in _NOT_VALUES | _NOT_KINDS else ""
        said_as = [n for n, e in r.entities.items() if any(x.name == compound for x in e.fields)]
        if compound and said_as:
            ident = compound  # 'house size: small / medium / large' is the customer's house_size
        holders = said_as or [n for n, e in r.entities.items() if any(
            x.name == ident or ident == "kind" and x.name == "type" for x in e.fields)]
        flowing = [n for n in holders if r.uses_feature("workflow", n)]
        holders = flowing if ident == "status" and len(flowing) == 1 else holders  # the one whose states move
        owner = named or (holders[0] if len(holders) == 1 else _bracket_owner(r, m.start()) or
                          _has_subject(r, m.start()) or _listed_with(r, m.start())
                          or len(holders) > 1 and _said_before(r, m.start(), holders) or _said_before(r, m.start()))
        held = next((n for n in r.entities if n.endswith(_HELD_BY.get(ident, ()))), None) if ident in _HELD_BY else None
        owner = held or owner  # 'reservan ..., con un profesor responsable ... y régimen (...)': the stay's board
        if owner is None:
            continue
        if named:
            ident = "kind"  # 'sign up for a shift (prep, cooking, serving)': kinds of shift
        elif ident == "kind" and before and before[0].isalpha() and len(before[0]) > 2 and \
                before[0] not in words_of(owner).split() and before[0] not in _NOT_VALUES | _NOT_KINDS:
            ident = f"{before[0]}_type"  # 'services per garment type (shirt, suit)'
        e = r.entities[owner]
        chosen = FieldSpec(name=ident, type="enum", choices=values, required=False)
        said = next((k for k, x in enumerate(e.fields) if x.name == ident or ident == "kind" and x.name == "type"),
                    None)
        if said is None:
            e.fields.append(chosen)
        else:
            e.fields[said] = chosen
        gone = set(values) | {v.split("_")[0] for v in values} | {f"{ident}_{v}" for v in values} | {
            x.name for x in e.fields if x is not chosen and word in x.name.split("_") and
            any(x.name.endswith(f"_{v}") for v in values)}  # 'bow_type_recurve'
        e.fields = [x for x in e.fields if x.name not in gone and not (  # 'beach', 'manor' were values, not fields
            x is not chosen and x.type == "string" and x.name.endswith(f"_{word}") and word != ident)]  # 'plus type'
    return r
