"""Stage 7b: what a competent engineer models beside the named things (order lines, a symptom's log entries,
the categories expenses are sorted into), from vocabulary/companions.json; never a whole template."""

from __future__ import annotations

import re
from functools import cache

from core.engine.understand.catalogue import parse_entities
from core.engine.understand.knowledge import definition, words_of
from core.engine.understand.reading import Reading
from core.engine.understand.relations import add_link
from core.engine.understand.vocab import load, singular
from core.spec import EntitySpec, FeatureSpec, FieldSpec

_NEGATION = re.compile(r"\b(not|no|without|never|nor|n't|doesn|don|sin|ni)\b")
MAX_ENTITIES = 12  # companions never grow a spec past this


@cache
def _rules() -> tuple[dict, tuple[dict, ...], frozenset[str]]:
    """(implied, cues with compiled patterns, people) from companions.json."""
    data = load("companions")
    cues = tuple({**c, "pattern": re.compile(c["when"])} for c in data["cues"])
    return data["implied"], cues, frozenset(data["people"])


def companions_stage(r: Reading) -> Reading:
    """Add the companions of named entities, then the entities cue phrases imply, each linked."""
    implied, cues, people = _rules()
    social = [c for c in cues if c.get("account") and any(_affirmed(c["pattern"], " ".join(t.text for t in toks))
                                                          for toks in r.sentences)]
    if not r.entities and not social:
        return r  # 'people connect with each other' is about accounts even when no thing is named
    _types(r)
    _shop_orders(r, people)
    for name in list(r.entities):
        for rule in implied.get(name, []):
            if len(r.entities) >= MAX_ENTITIES:
                return r
            blockers = people if rule.get("unless") == "people" else set(rule.get("unless", []))
            if rule["add"] in r.entities or blockers & set(r.entities):
                continue
            if "when" in rule and not re.search(rule["when"], r.text):
                continue
            if rule.get("unless_children") and any(parent == name for _, parent, _ in r.links):
                continue
            _add(r, rule["add"])
            _link(r, rule["add"], name, rule["as"])
            other = next((o for o in rule.get("joins", []) if o in r.entities), None)
            if other:
                _join(r, rule["add"], name, other)
    for rule in load("companions").get("fields", []):
        e = r.entities.get(rule["entity"])
        m = re.search(rule["when"], r.text)
        if e is not None and m and all(f.name != rule["name"] for f in e.fields):
            said = set(re.findall(r"[a-z]{4,}", rule["when"]))
            e.fields = [f for f in e.fields if f.name not in said]  # 'domicilio', 'recogida' were the choice
            if not e.fields:
                usual = definition(e.name, r.domain)
                e.fields = usual.fields if usual else [FieldSpec(name="name")]
            e.fields.append(FieldSpec(name=rule["name"], type="enum", choices=rule["choices"], required=False))
            r.capabilities.append(rule["requested"][r.language])  # listed in `requested` by the coverage stage
            for way in rule.get("replaces", []):
                bare = r.entities.get(way)
                used = any(way in (fs.entity, fs.target) for fs in r.feature_specs)
                if bare is not None and [f.name for f in bare.fields] == ["name"] and not used:
                    del r.entities[way]  # 'con entrega a domicilio': the delivery is this choice, not a record
                    r.links = [x for x in r.links if way not in x[:2]]
    for cue in (*cues, *cues):  # twice: a rental a cue adds can still be paid for
        if len(r.entities) >= MAX_ENTITIES or cue["add"] in r.entities:
            continue
        if set(cue.get("unless", [])) & set(r.entities) or cue.get("needs") and not set(cue["needs"]) & set(r.entities):
            continue
        if not any(_affirmed(cue["pattern"], text) for text in _said(r)):
            continue
        if cue.get("skip_if_uploads") and any(fs.name == "uploads" for fs in r.feature_specs):
            continue  # 'issues with attachments' already gave the issue a file field
        _add(r, cue["add"])
        anchor = next((n for n in cue["of"] if n in r.entities), None) if cue["of"] else None
        if anchor is None and cue.get("account"):
            anchor = r.account or "User"  # 'connect with each other': the people are the app's accounts
            _add(r, anchor)
        anchor = anchor or (r.main if cue["as"] != "none" and r.main != cue["add"] and not cue.get("anchor_only")
                            else None)
        if anchor:
            _link(r, cue["add"], anchor, cue["as"])
        for other in cue.get("also", []):
            if other in r.entities:
                add_link(r, cue["add"], other)
                break
        if cue.get("feature") == "uploads":
            _file(r, cue["add"])
    return r


_SHOP = re.compile(r"\b(online (?:shop|store)|web ?shop|e-?commerce|shopping cart|cart|checkout|"
                   r"tienda (?:online|en linea|virtual|web)|carrito)\b")


def _shop_orders(r: Reading, people: frozenset[str]) -> None:
    """Buying things in an online shop is an Order with lines for the things bought, not one Purchase per thing."""
    if "Purchase" not in r.entities or "Order" in r.entities:
        return
    bought = [p for c, p, _ in r.links if c == "Purchase"]
    if not (_SHOP.search(r.text) or _ONLINE.search(r.text) or "Ticket" in bought):
        return
    del r.entities["Purchase"]
    r.links = [x for x in r.links if "Purchase" not in x[:2]]
    _add(r, "Order")
    for thing in bought:
        if thing in people:
            add_link(r, "Order", thing)
        elif thing == "Ticket":
            add_link(r, "Ticket", "Order")  # each ticket of an order is its own line (a seat, a QR code)
        else:
            _add(r, "OrderItem")
            add_link(r, "OrderItem", "Order")
            add_link(r, "OrderItem", thing)


_ONLINE = re.compile(r"\b(?:buy|buys|buying|purchase|purchases|purchasing|order|orders|ordering|compra\w*) "
                     r"(?:\w+ ){0,4}(?:online|en linea)\b")

_TYPES = {
    "en": re.compile(r"\b(?:types?|kinds?) of (\w+)|\b(\w+) of (?:different|various|several|multiple|many) "
                     r"(?:types|kinds)\b|\b(\w+) (?:types|kinds)\b"),
    "es": re.compile(r"\b(?:tipos?|clases?) de (\w+)|\b(\w+) de (?:distintos|diferentes|varios) tipos\b"),
}
_KIND_FIELDS = {"kind", "type", "category", "room_type", "ticket_type"}


def _types(r: Reading) -> None:
    """'room types', 'tickets of different types', 'tipos de habitación': a XType table the X belongs to."""
    for m in _TYPES[r.language].finditer(r.text):
        word = next(g for g in m.groups() if g)
        thing = _entity_for(r, word)
        if thing is None or thing == r.account or thing.endswith("Type") or len(r.entities) >= MAX_ENTITIES:
            continue
        kind = f"{thing}Type"
        if kind not in r.entities:
            _add(r, kind)
            r.words_for[kind] = f"tipo de {r.words_for.get(thing, words_of(thing))}" if r.language == "es" \
                else f"{words_of(thing)} type"
        r.links = [x for x in r.links if {x[0], x[1]} != {thing, kind}]
        add_link(r, thing, kind)
        e = r.entities[thing]
        e.fields = [f for f in e.fields if not (f.name in _KIND_FIELDS and f.type == "enum")]


def _entity_for(r: Reading, word: str) -> str | None:
    """The entity a single word of the prompt names ('tickets' -> Ticket, 'habitacion' -> Room)."""
    one = singular(word, r.language)
    for name in r.entities:
        if one in {words_of(name), r.words_for.get(name, "")} or word == r.words_for.get(name):
            return name
    return None


@cache
def _own_definitions() -> dict[str, EntitySpec]:
    """Fields of the companions only this vocabulary defines."""
    return {e.name: e for e in parse_entities(load("companions")["entities"])}


def _said(r: Reading) -> list[str]:
    """Each sentence's words, without an act's details ('a message for the top' of a cake order is no messaging)."""
    spans = {(p.sentence, i) for p in r.phrases if id(p) in r.details_of_acts for i in range(p.start, p.end)}
    return [" ".join(t.text for i, t in enumerate(toks) if (si, i) not in spans) for si, toks in enumerate(r.sentences)]


def _affirmed(pattern: re.Pattern[str], sentence: str) -> bool:
    """The sentence asks for it: matched, and not after a 'not', 'without' or 'sin'."""
    m = pattern.search(sentence)
    if not m:
        return False
    clause = sentence[:m.start()].rsplit(",", 1)[-1]  # 'with or without an engineer, ... and pay' pays
    return not _NEGATION.search(" ".join(clause.split()[-10:]))


def _add(r: Reading, name: str) -> None:
    """A companion entity with the fields we know for it."""
    own = _own_definitions().get(name)
    e = own.model_copy(deep=True) if own else definition(name, r.domain)
    e = e or EntitySpec(name=name, fields=[FieldSpec(name="name")])
    parents = [rel.target for rel in e.relations]
    e.relations = []
    r.entities[name] = e
    r.words_for[name] = words_of(name)
    for parent in parents:
        add_link(r, name, parent)  # a ticket type belongs to its event when the event is there


def _join(r: Reading, join: str, a: str, b: str) -> None:
    """The companion joins two entities (a plan's exercises): it carries the link and the fields they share."""
    r.links = [x for x in r.links if {x[0], x[1]} != {a, b}]
    add_link(r, join, b)
    mine = {f.name for f in r.entities[join].fields}
    r.entities[b].fields = [f for f in r.entities[b].fields if f.name not in mine or f.name == "name"]
    r.entities[join].fields = [f for f in r.entities[join].fields if f.name != "name"]


def _link(r: Reading, added: str, anchor: str, role: str) -> None:
    """child: the companion belongs to the anchor; parent: the anchor belongs to the companion."""
    if role == "child":
        add_link(r, added, anchor)
    elif role == "parent":
        add_link(r, anchor, added)
    elif role == "child_of_group":  # a settlement is between members of the anchor's group
        add_link(r, added, next((n for n in ("Group", "Member") if n in r.entities), anchor))


def _file(r: Reading, name: str) -> None:
    """An uploaded file on the companion (an Attachment), served by the uploads feature."""
    e = r.entities[name]
    if all(f.type != "file" for f in e.fields):
        e.fields.append(FieldSpec(name="file", type="file", required=False))
    field = next(f.name for f in e.fields if f.type == "file")
    r.feature_specs.append(FeatureSpec(name="uploads", entity=name, field=field))
    if "uploads" not in r.features:
        r.features.append("uploads")
