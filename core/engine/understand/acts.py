"""Acts: what someone does through the app together with the details they give.

'order a custom cake by choosing the size, the flavour and a pickup date' -> a CakeOrder with size, flavour and
pickup_date; 'ask us to cater their event, telling us the date, number of guests and budget' on a catering page ->
a CateringRequest; 'reservar un barco eligiendo las fechas y el puerto de salida' -> the booking carries the port.
The details are the act's fields (or links to things the app keeps), never things of their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from core.engine.understand.entities import name_of
from core.engine.understand.fields import field_ident, infer_field
from core.engine.understand.knowledge import entity_name
from core.engine.understand.reading import Phrase, Reading
from core.engine.understand.sentences import DETAIL_GERUNDS
from core.engine.understand.vocab import load, singular, word_set
from core.spec import EntitySpec, RelationSpec

_KINDS = {"order": "order", "encargar": "order", "request": "request", "solicitar": "request", "ask": "ask",
          "pedir": "pedir", "book": "booking", "reserve": "booking", "reservar": "booking", "agendar": "booking"}
_PAGES = {"page", "form", "section", "pagina", "formulario", "seccion"}
_JOINERS = {",", "and", "or", "y", "o", "e"}
_OF = {"of", "de", "del"}
_BOOKINGS = ("Booking", "Appointment", "Reservation")
_WHEN = {"date", "dates", "time", "day", "days", "fecha", "fechas", "hora", "dia", "dias", "slot", "free_slot",
         "hueco", "hueco_libre", "franja", "time_slot", "preferred_time", "hour"}  # a booking's start and end


@dataclass
class Act:
    """One act with its details: 'customers order a cake by choosing the size and the flavour'."""

    kind: str  # order | request | ask | booking | join
    verb: str
    sentence: int
    subject: Phrase | None
    obj: Phrase | None
    details: list[Phrase]
    page: str = ""  # the modifier of the page or form the act happens on ('a catering page where ...')
    parts: list[int] = field(default_factory=list)  # ids of every phrase the details were read from


def find_acts(r: Reading) -> list[Act]:
    """Every act verb followed, in its clause, by 'by choosing/giving/telling us ...' and two or more details."""
    joins = load("verbs")["joins"]
    acts: list[Act] = []
    for f in r.frames:
        kind = _KINDS.get(f.verb) or ("join" if f.verb in joins else "")
        if not kind:
            continue
        toks = r.sentences[f.sentence]
        j = _marker(toks, f.position + 1)
        if j is None:
            continue
        start = j + 1 + (toks[j + 1].text in {"us", "me", "them"} if j + 1 < len(toks) else 0)
        details, parts = _details(r, f.sentence, start)
        if len(details) < 2:
            continue
        obj = f.objects[0] if f.objects else None
        if kind == "ask":
            obj = next((q for prep, q in f.preps[:1] if prep == "for"), None)
            kind = "request" if obj is not None else "ask"
        if kind == "pedir":
            kind = "booking" if obj is not None and obj.head in {"cita", "reserva", "turno", "hora"} else \
                "request" if obj is not None and obj.head in word_set("requestable") else "order"
        page = next((q.modifiers[-1] for q in r.phrases if q.sentence == f.sentence and q.head in _PAGES and
                     q.modifiers and q.start < f.position), "")
        acts.append(Act(kind=kind, verb=f.verb, sentence=f.sentence, subject=f.subject, obj=obj, details=details,
                        page=page, parts=parts))
    return acts


def _marker(toks: list, start: int) -> int | None:
    """Where the details begin: a detailing gerund in the verb's clause (infinitives after 'to' may come between)."""
    for j in range(start, len(toks)):
        t = toks[j]
        if t.text in DETAIL_GERUNDS:
            return j
        if t.text in {";", ".", "where", "which", "that", "donde", "que", "while", "mientras"} or \
                t.tag == "AUX" or t.tag == "VERB" and toks[j - 1].text not in {"to", "para", "a"}:
            return None
    return None


def _details(r: Reading, si: int, start: int) -> tuple[list[Phrase], list[int]]:
    """The phrases the details name: 'the size, the flavour, a message for the top and a pickup date'."""
    toks = r.sentences[si]
    items: list[Phrase] = []
    parts: list[int] = []
    end = start
    for p in sorted((p for p in r.phrases if p.sentence == si and p.start >= start), key=lambda p: p.start):
        between = [t for t in toks[end:p.start] if t.tag not in {"DET", "PRON", "ADJ", "NUM"}]
        texts = [t.text for t in between]
        if items and len(texts) == 1 and texts[0] in _OF:
            last = items[-1]  # 'number of guests', 'fecha de recogida': one detail
            items[-1] = Phrase(words=[*last.words, texts[-1], *p.words], head=last.head, sentence=si,
                               start=last.start, end=p.end, plural=last.plural, modifiers=last.modifiers)
            parts.append(id(p))
            end = p.end
            continue
        if items and len(between) == 1 and between[0].tag == "PREP":
            parts.append(id(p))  # 'a message for the top': what the detail is for, not another detail
            end = p.end
            continue
        qualified = items and texts and between[0].tag == "PREP" and texts[-1] in _JOINERS and \
            {t.text for t in between if t.tag != "PREP"} <= _JOINERS  # 'a message for the top and a pickup date'
        if not set(texts) <= _JOINERS and not qualified or p.end < len(toks) and toks[p.end].tag in {"AUX", "VERB"}:
            break  # '..., and schools can request a visit': a new clause, not one more detail
        items.append(p)
        parts.append(id(p))
        end = p.end
    return items, parts


def skipped(r: Reading, acts: list[Act]) -> set[int]:
    """Phrases that are not things of their own: the details, and what is ordered when it is only said there."""
    out = {pid for a in acts for pid in a.parts}
    for a in acts:
        if a.kind in {"order", "request", "ask"} and a.subject is not None:
            group = next((g for g in r.lists if a.subject in g), [a.subject])
            if not any(q.head == s.head and q.sentence != a.sentence for s in group for q in r.phrases):
                out |= {id(s) for s in group}  # 'companies and families can ask us ...': who writes in, not records
        if a.kind in {"order", "request"} and a.obj is not None and not a.obj.plural and not any(
                q.head == a.obj.head and q.sentence != a.sentence for q in r.phrases):
            out.add(id(a.obj))  # 'order a custom celebration cake': the cake is the order, made to measure
    return out


def record_name(r: Reading, a: Act) -> str:
    """The record an act leaves: CakeOrder, QuoteRequest, CateringRequest; a booking or a join is named elsewhere."""
    base = (name_of(a.obj, r.language) or entity_name(a.obj.head, None, r.language)) if a.obj is not None else ""
    if a.kind == "order":
        return f"{base}Order" if base and not a.obj.plural and not base.endswith("Order") else "Order"
    if a.kind == "request":
        return base if base.endswith("Request") else f"{base}Request"
    if a.kind == "ask":
        return f"{entity_name(a.page, None, r.language)}Request" if a.page else "Request"
    if a.kind == "join":
        return load("verbs")["joins"][a.verb][0]
    return ""


def find_stage(r: Reading) -> Reading:
    """Find the acts and the phrases that are their details, before entities are chosen."""
    r.acts = find_acts(r)
    r.details_of_acts = skipped(r, r.acts)
    return r


def records_stage(r: Reading) -> Reading:
    """Create the order and request records acts leave, with their details as fields or links."""
    for a in r.acts:
        name = record_name(r, a)
        fields, links = _split(r, a)
        if a.kind in {"booking", "join"}:  # their records are made later; the details stage gives them these
            known, linked = r.act_details.setdefault(name or "booking", ([], []))
            known.extend(x for x in fields if x not in known)
            linked.extend(links)
            continue
        e = r.entities.setdefault(name, EntitySpec(name=name, fields=[]))
        r.words_for.setdefault(name, " ".join(a.obj.words) if a.obj is not None else name.lower())
        r.field_lists.setdefault(name, [])
        r.field_lists[name] += [x for x in fields if x not in r.field_lists[name]]
        about = name_of(a.obj, r.language) if a.obj is not None else None
        who = name_of(a.subject, r.language) if a.subject is not None else None
        for target in [*links, about, who]:
            if target and target in r.entities and target != name and all(x.target != target for x in e.relations):
                e.relations.append(RelationSpec(target=target))
        if not (who and who in r.entities):  # whoever sent it from the site is named and answered by email
            r.field_lists[name][:0] = [x for x in ("name", "email") if x not in r.field_lists[name]]
    return r


def _split(r: Reading, a: Act) -> tuple[list[str], list[str]]:
    """Detail phrases -> field identifiers, and the entities they name (a chosen service, a stylist)."""
    fields: list[str] = []
    links: list[str] = []
    last = a.details[-1] if a.details else None
    if last is not None and len(a.details) > 1 and last.plural and len(last.modifiers) == 1 and \
            all(len(p.words) == 1 and not p.plural for p in a.details[:-1]):
        kinds = [p.words[0] for p in a.details[:-1]] + last.modifiers  # 'adult, child or concession tickets'
        return [field_ident(f"{k} {singular(last.head, r.language)} count") for k in kinds], []
    for p in a.details:
        name = name_of(p, r.language)
        if name and name in r.entities and len(p.words) == len(p.modifiers) + 1:
            links.append(name)
            continue
        ident = field_ident(" ".join(p.words))
        if ident and ident not in fields:
            fields.append(ident)
    return fields, links


def details_stage(r: Reading) -> Reading:
    """Give bookings and joins the details asked with them ('eligiendo las fechas y el puerto de salida')."""
    from core.engine.understand.relations import add_link

    for key, (fields, links) in r.act_details.items():
        name = next((fs.entity for fs in r.feature_specs if fs.name == "booking_slots"),
                    next((n for n in _BOOKINGS if n in r.entities), "")) if key == "booking" else key
        e = r.entities.get(name)
        if e is None:
            continue
        timed = any(f.name in {"start_at", "starts_at"} for f in e.fields)
        for ident in fields:
            if timed and ident in _WHEN or any(f.name == ident for f in e.fields):
                continue
            new = infer_field(ident, required=False)
            if new.name not in {f.name for f in e.fields}:
                e.fields.append(new)
        for target in links:
            add_link(r, name, target)
    return r

