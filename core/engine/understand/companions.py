"""Stage 7b: what a competent engineer models beside the named things (order lines, a symptom's log entries,
the categories expenses are sorted into), from vocabulary/companions.json; never a whole template."""

from __future__ import annotations

import re
from functools import cache

from core.engine.understand.catalogue import parse_entities
from core.engine.understand.entities import _TIME_UNITS, AGENT_ENDINGS, PEOPLE, _verbal, is_fieldish, name_of
from core.engine.understand.features import CONSUMERS
from core.engine.understand.knowledge import definition, entity_name, words_of
from core.engine.understand.lexicon import normalise
from core.engine.understand.reading import Phrase, Reading
from core.engine.understand.relations import MAX_ENTITIES, add_link, force_link
from core.engine.understand.sentences import WHO_WORDS
from core.engine.understand.vocab import load, singular, word_set
from core.spec import EntitySpec, FeatureSpec, FieldSpec, snake

_NEGATION = re.compile(r"\b(not|no|without|never|nor|n't|doesn|don|sin|ni)\b")


@cache
def _rules() -> tuple[dict, tuple[dict, ...], frozenset[str]]:
    """(implied, cues with compiled patterns, people) from companions.json."""
    data = load("companions")
    cues = tuple({**c, "pattern": re.compile(c["when"])} for c in data["cues"])
    return data["implied"], cues, frozenset(data["people"])


_DONE_BY = {"Order": {"order", "buy", "purchase", "pedir", "comprar"}, "Booking": {"book", "reserve", "reservar"},
            "Reservation": {"book", "reserve", "reservar"}, "Rental": {"rent", "hire", "alquilar"},
            "Donation": {"donate", "donar"}, "QuoteRequest": {"request", "ask", "pedir", "solicitar"}}


def _said_doer(r: Reading, name: str) -> bool:
    """'wards that order them', 'departments order supplies': the prompt says who places the order, so that entity is
    its parent and no Customer is invented."""
    for f in r.frames:
        doer = r.entity_of(f.subject) if f.subject is not None and f.verb in _DONE_BY.get(name, ()) else None
        if doer and doer != name and doer in r.entities:
            add_link(r, name, doer)
            return True
    return False


def companions_stage(r: Reading) -> Reading:
    """Add the companions of named entities, then the entities cue phrases imply, each linked."""
    implied, cues, people = _rules()
    social = [c for c in cues if c.get("account") and any(_affirmed(c["pattern"], " ".join(t.text for t in toks))
                                                          for toks in r.sentences)]
    if not r.entities and not social:
        _lent_things(r, people)  # 'a tool lending library for our street' names only what is lent
        _progress_log(r, people)  # 'people follow their training progress over time': one dated entry per measurement
        _who_did_which(r, people)  # 'sign-out for the workshop: who took which power tool when'
        if not r.entities:
            return r  # 'people connect with each other' is about accounts even when no thing is named
    _types(r)
    _progress_log(r, people)
    _shop_orders(r, people)
    _bought_outright(r, people)
    _who_people(r, people)
    _who_did_which(r, people)
    _used_parts(r)
    _lent_things(r, people)
    _borrowed(r, people)
    _signed_out(r, people)
    _cart_items(r, people)
    _submissions(r, people)
    _dues(r, people)
    _stock_per_place(r)
    _taught_lessons(r)
    _trade_jobs(r)
    _quoted_people(r)
    _timed_assignments(r, people)
    _staffing(r, people)
    _who_works(r, people)
    _redemptions(r, people)
    _attendance_at(r, people)
    _attendees(r, people)
    _check_ins(r, people)
    _inspections(r)
    _completed_by(r, people)
    for name in list(r.entities):
        for rule in implied.get(name, []):
            if len(r.entities) >= MAX_ENTITIES:
                return r
            blockers = people if rule.get("unless") == "people" else set(rule.get("unless", []))
            if rule["add"] in r.entities or blockers & set(r.entities):
                continue
            if rule["as"] == "parent" and rule.get("unless") == "people" and _said_doer(r, name):
                continue
            if "when" in rule and not re.search(rule["when"], r.text) or \
                    "unless_when" in rule and re.search(rule["unless_when"], r.text):
                continue  # 'canoe club trip planner': a club's outings have no travel destinations
            if rule.get("unless_children") and any(parent == name for _, parent, _ in r.links):
                continue
            if any(child == name and parent in rule.get("unless_linked", ()) for child, parent, _ in r.links):
                continue  # 'café owners place wholesale orders': the cafés are the buyers
            if rule.get("unless_parents") and any(child == name for child, _, _ in r.links):
                continue  # 'which restaurants we sold which harvest to': what is sold is already there
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
        if set(cue.get("unless", [])) & set(r.entities):
            continue
        if not any(_affirmed(cue["pattern"], text) for text in _said(r)):
            continue
        if cue.get("needs") and not set(cue["needs"]) & set(r.entities) and not (
                cue.get("said_of_people") and _whose(r, cue["pattern"], [n for n in r.entities
                                                                            if _person(r, n, people)])):
            continue  # 'chiropractors set their weekly availability': whoever the availability is said of
        if cue.get("skip_if_uploads") and any(fs.name == "uploads" for fs in r.feature_specs):
            continue  # 'issues with attachments' already gave the issue a file field
        _add(r, cue["add"])
        anchor = next((n for n in cue["of"] if n in r.entities), None) if cue["of"] else None
        if anchor is None and cue["of"]:  # 'LabOrder (...) ... message on an order': a kind of one of them
            anchor = next((n for o in cue["of"] for n in r.entities if n.endswith(o) and n != cue["add"] and
                           r.field_lists.get(n)), None)
        if cue.get("said_of_people"):
            anchor = _whose(r, cue["pattern"], [*cue["of"], *(n for n in r.entities if _person(r, n, people))]) \
                or anchor  # 'player availability' in a coach's app
        if anchor is None and cue["add"] == "Reminder":
            anchor = _named_beside(r, cue["pattern"], cue["add"]) or _dated(r)  # 'remind me when a treatment ends'
        if anchor is None and cue.get("account"):
            anchor = r.account or "User"  # 'connect with each other': the people are the app's accounts
            _add(r, anchor)
        anchor = anchor or (r.main if cue["as"] != "none" and r.main != cue["add"] and not cue.get("anchor_only")
                            else None)
        if anchor:
            _link(r, cue["add"], anchor, cue["as"])
        for other in cue.get("also", []):
            if other in r.entities and other != anchor:
                add_link(r, cue["add"], other)
                r.links = [x for x in r.links if {x[0], x[1]} != {anchor, other}]  # the record joins the two
                if cue.get("joined_fields"):  # 'players say if they're available for saturday': per fixture
                    r.entities[cue["add"]].fields = [FieldSpec(**f) for f in cue["joined_fields"]]
                break
        if cue.get("feature") == "uploads":
            _file(r, cue["add"])
    _logged_amounts(r, people)
    _plan_signups(r)
    _role_accounts(r, people)
    _site_users(r)
    return r


_SHOP = re.compile(r"\b(online (?:shop|store)|web ?shop|e-?commerce|shopping cart|cart|checkout|"
                   r"tienda (?:online|en linea|virtual|web)|carrito)\b")


def _shop_orders(r: Reading, people: frozenset[str]) -> None:
    """Buying things in an online shop is an Order with lines for the things bought, not one Purchase per thing."""
    if "Purchase" not in r.entities or "Order" in r.entities:
        return
    bought = [p for c, p, _ in r.links if c == "Purchase"]
    if {"Ticket", "TicketType"} & set(bought) and all(_person(r, t, people) or t in {"Ticket", "TicketType"}
                                                      for t in bought):
        _tickets_bought(r, bought, people)
        return
    passes = all(t.endswith(("Pass", "Membership", "Subscription", "Voucher", "Card", "Credit", "Plan")) for t in bought
                 if t not in people)
    if not (_SHOP.search(r.text) or _ONLINE.search(r.text) or _WEBSITE.search(r.text) and not passes or
            "Ticket" in bought):
        return  # 'buy class passes' on a studio's site: one purchase each, no basket
    del r.entities["Purchase"]
    r.links = [x for x in r.links if "Purchase" not in x[:2]]
    _add(r, "Order")
    for thing in bought:
        if _person(r, thing, people):
            add_link(r, "Order", thing)
        elif thing == "Ticket":
            add_link(r, "Ticket", "Order")  # each ticket of an order is its own line (a seat, a QR code)
        else:
            _add(r, "OrderItem")
            add_link(r, "OrderItem", "Order")
            add_link(r, "OrderItem", thing)


_OUTRIGHT = ("Voucher", "GiftCard", "Membership", "Subscription")
_PLANS_BOUGHT = {"MembershipPlan", "SubscriptionPlan"}


def _bought_outright(r: Reading, people: frozenset[str]) -> None:
    """'customers buy gift vouchers', 'buy a monthly membership': the voucher or membership is itself the record of
    the sale (whose it is), and a plan bought is a membership of it, not a separate Purchase."""
    if "Purchase" not in r.entities or "Order" in r.entities:
        return
    bought = [p for c, p, _ in r.links if c == "Purchase"]
    buyers = [t for t in bought if _person(r, t, people)]
    things = [t for t in bought if t not in buyers]
    if not things or not all(t.endswith(_OUTRIGHT) or t in _PLANS_BOUGHT for t in things):
        return
    del r.entities["Purchase"]
    r.words_for.pop("Purchase", None)
    r.records.discard("Purchase")
    r.links = [x for x in r.links if "Purchase" not in x[:2]]
    for thing in things:
        held = thing
        if thing in _PLANS_BOUGHT:
            held = next((n for n in ("Membership", "Subscription") if n in r.entities), "Membership")
            if held not in r.entities:
                _add(r, held)
            add_link(r, held, thing)
        for buyer in buyers:
            add_link(r, held, buyer)


def _tickets_bought(r: Reading, bought: list[str], people: frozenset[str]) -> None:
    """'fans buy tickets for matches', 'attendees buy a ticket type': each ticket bought is the purchase (who
    holds it, of which type), not an order with lines."""
    del r.entities["Purchase"]
    r.links = [x for x in r.links if "Purchase" not in x[:2]]
    if "Ticket" not in r.entities:
        _add(r, "Ticket")
        held = definition("Ticket", "events")  # an admission, not a helpdesk ticket
        r.entities["Ticket"].fields = [f.model_copy() for f in held.fields] if held else r.entities["Ticket"].fields
    for thing in bought:
        if thing != "Ticket":
            add_link(r, "Ticket", thing)
    if not any(_person(r, t, people) for t in bought) and "User" not in r.entities:  # 'visitors buy tickets'
        buyer = next((n for n in r.entities if n in people), None) or "Customer"
        if buyer not in r.entities:
            _add(r, buyer)
        add_link(r, "Ticket", buyer)  # held by someone (with accounts, the account holds it)


# 'a website where users buy vinyl': orders there
_WEBSITE = re.compile(r"\b(?:implement|build|create|make|need|want)s? (?:a |an |our |the )?(?:\w+ )?"
                      r"(?:web ?site|web app|sitio web|pagina web|aplicacion web)\b")
_ONLINE = re.compile(r"\b(?:buy|buys|buying|purchase|purchases|purchasing|order|orders|ordering|compra\w*) "
                     r"(?:\w+ ){0,4}(?:online|en linea)\b")

_TYPES = {
    "en": re.compile(r"\b(?:types?|kinds?) of (\w+)|\b(\w+) of (?:different|various|several|multiple|many) "
                     r"(?:types|kinds)\b|\b(\w+) (?:types|kinds)\b"),
    "es": re.compile(r"\b(?:tipos?|clases?) de (\w+)|\b(\w+) de (?:distintos|diferentes|varios) tipos\b"),
}
_KIND_FIELDS = {"kind", "type", "category", "room_type", "ticket_type"}


_NOT_FREE = {"NOUN", "ADJ", "NUM"}  # 'members who ...' is a relative clause: the members are named
_DOES = {"does", "did", "do", "has", "had", "hace", "hizo"}  # 'who does which chore'
_RECORD_VERBS = {"rent", "hire", "borrow", "lend", "book", "reserve", "alquilar", "prestar", "reservar"}
_RECORDS = ("Loan", "Booking", "Reservation", "Signup", "Enrollment", "Enrolment", "Attendance", "Assignment")
_HOUSEHOLDS = {"Family", "Household", "Familia"}  # the people are its members
_ANYONE = {"people", "person", "persona", "personas", "user", "usuario", "everyone", "anyone", "someone"}
_HOLDERS = ("Member", "Holder", "Player", "Participant", "Person", "Neighbour", "Volunteer")


def _person(r: Reading, name: str, people: frozenset[str]) -> bool:
    """Whether an entity of the reading is people (by its name or the word the prompt used for it)."""
    said = word_set("people")
    return name in people or name.lower() in said or r.words_for.get(name, "").split(" ")[-1] in said or \
        name.endswith(_HOLDERS)


def _who_people(r: Reading, people: frozenset[str]) -> None:
    """'who is bringing which dish', 'quien trae cada variedad': the app keeps the people, even unnamed ones."""
    said = word_set("people")
    if any(_person(r, n, people) or n in _HOUSEHOLDS or any(f.name in {"email", "phone"} for f in e.fields)
           for n, e in r.entities.items()) or r.account != "User" or len(r.entities) >= MAX_ENTITIES:
        return
    rules = load("companions")["who"]
    clauses = []
    for si, toks in enumerate(r.sentences):
        for i, t in enumerate(toks[:-1]):
            prev = toks[i - 1] if i else None
            nxt = toks[i + 1]
            if t.text not in WHO_WORDS or prev is not None and prev.tag in _NOT_FREE or \
                    nxt.text in word_set("subject_pronouns") | {"owes", "debe"}:
                continue  # 'who we are', 'who owes whom' (a cost share names its people)
            verb = next((k for k, v in enumerate(toks[i + 1:i + 6], i + 1) if v.tag in {"VERB", "PUNCT"} or
                         v.text in _DOES and k + 1 < len(toks) and toks[k + 1].tag not in {"VERB", "AUX"}), None)
            if verb is not None and toks[verb].tag != "PUNCT":  # 'who in the family uses each
                clauses.append((si, verb))
    if not clauses:
        return
    first = r.sentences[clauses[0][0]][clauses[0][1]]
    named = next((t.lemma for toks in r.sentences for t in toks if t.tag == "NOUN" and t.lemma in said and
                  t.lemma not in _ANYONE), None)  # 'where members say they'll come'
    name = next((rules["verbs"][w] for w in (first.text, first.lemma) if w in rules["verbs"]), None) or \
        (entity_name(named, None, r.language) if named else None) or \
        next((g["add"] for g in rules["groups"] if re.search(g["when"], r.text)), rules["default"])
    _add(r, name)
    for si, verb in clauses:  # 'who is hosting the potluck': each potluck has its host
        toks = r.sentences[si]
        thing = next((p for p in r.phrases if p.sentence == si and verb < p.start <= verb + 4 and
                      r.entity_of(p) not in {None, name}), None)
        if thing is not None and not any(t.tag in {"PUNCT", "CONJ"} for t in toks[verb + 1:thing.start]):
            target = r.entity_of(thing)
            record = next((c for c, p, _ in r.links if p == target and c.endswith(_RECORDS)), None)
            add_link(r, record or target, name)  # 'who borrowed which tool': each loan is someone's
        elif thing is None and toks[verb].lemma in _RECORD_VERBS:
            record = next((c for c, _, _ in r.links if c.endswith((*_RECORDS, "Rental"))), None) or \
                next((n for n in r.entities if n.endswith((*_RECORDS, "Rental"))), None)  # 'who rented what'
            if record is not None:
                add_link(r, record, name)  # "who's renting which one": each rental is someone's


_WHO_WHICH = {"who", "quien", "which", "que"}
_BEFORE_VERB = {"has", "have", "had", "is", "are", "was", "were", "ve", "s", "been", "will", "can", "did", "does",
                "do", "se", "ha", "han", "le", "les", "always", "usually", "actually", "each", "every", "cada"}
_CHOOSING = {"each", "which", "every", "the", "a", "an", "what", "cada", "que", "cual", "el", "la", "los", "las",
             "their", "his", "her", "its", "su", "sus"}
_PARTICLES = {"up", "in", "on", "out", "off", "into", "to", "at", "for", "from", "back", "with", "a", "en", "de",
              "al", "del", "con", "para"}
_BACK = {"one", "ones", "it", "them", "uno", "una"}
_NOT_CHOSEN = {"one", "thing", "way", "time", "day", "week", "month", "year", "season", "part", "bit", "cosa",
               "vez", "dia", "semana", "mes", "ano", "temporada"}


def _record(kind: str, name: str) -> EntitySpec:
    """A join record of a kind ('Loan') under its own name ('ToolLoan'), with that name's plural."""
    return EntitySpec(name=name, fields=[f.model_copy() for f in _join_records()[kind].fields])


def _keep_record(r: Reading, e: EntitySpec, word: str = "") -> None:
    """Add a record about other entities (it needs no label field)."""
    r.entities[e.name] = e
    r.words_for[e.name] = word or words_of(e.name)
    r.records.add(e.name)


@cache
def _join_records() -> dict[str, EntitySpec]:
    """The join records a 'who did which' clause names, by kind."""
    return {e.name: e for e in parse_entities(load("companions")["who_which"]["records"])}


_BROUGHT_BACK = re.compile(r"\b(?:came|comes|come|brought|brings|bring|is|are|was|were|got|gets|get) back\b|"
                           r"\b(?:returned|returns|return|devuelv\w+|devolvi\w+|devuelto|vuelve|volvio|check-?outs?|"
                           r"sign-?outs?)\b")


_GOES_OUT = {"*Loan", "*Rental", "*Assignment"}
_AT_WORK = re.compile(r"\b(workshops?|staff|employees?|workers?|crews?|sites?|warehouses?|offices?|factory|"
                      r"factories|plants?|depots?|taller(?:es)?|empleados?|trabajador\w*|obras?|almacen\w*|"
                      r"oficinas?|fabricas?|operarios?|(?:my|our|mi|nuestra) (?:\w+ ){0,2}(?:company|firm|empresa))\b")


def _someone(r: Reading) -> str:
    """The people a bare 'who' means, added: employees at a workplace, else members."""
    crew = next((n for n in r.entities if words_of(n).split()[-1] in {"crew", "staff", "team", "personnel"}), None)
    if crew:
        return crew  # 'gear checkout so we know who has which camera': the crew's
    name = "Employee" if _AT_WORK.search(r.text) else "Member"
    if name not in r.entities:
        r.entities[name] = definition(name, r.domain, r.text) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
        r.words_for[name] = words_of(name)
    return name


def _who_did_which(r: Reading, people: frozenset[str]) -> None:
    """'who turned up to each rehearsal', 'which van each driver takes', 'quien se apunta a cada turno': a record
    (or a link) joining the people, or the thing the clause starts with, and the thing it ends with."""
    rules = load("companions")["who_which"]
    for si, toks in enumerate(r.sentences):
        for i, t in enumerate(toks):
            if t.text not in _WHO_WHICH or len(r.entities) >= MAX_ENTITIES or \
                    t.text == "que" and not (i and toks[i - 1].text in {"a", "en", "de", "y"} or
                                             i + 1 < len(toks) and toks[i + 1].tag == "NOUN"):
                continue  # Spanish 'que' is 'which' after a preposition ('a que grupo') or before a bare noun
            clause = _clause(r, si, i)
            if clause is None:
                continue
            first, verb, thing, chose, each = clause
            kind = rules["verbs"].get(verb)
            if thing is None and kind == "Attendance":  # 'las reuniones, quién asiste'
                thing = next((p for p in r.phrases if r.entity_of(p) in rules["events"]), None)
            target = r.entity_of(thing) or _kept(r, thing)
            if target is None and kind and thing is not None and chose:
                target = _chosen_thing(r, thing)  # 'who borrowed which shared tool': the tools are kept
            if target is None and kind == "*Completion" and thing is not None and first is None:
                _done_thing(r, si, thing, people)  # 'only people who have done the induction for a machine'
                continue
            if first is not None and r.entity_of(first) is None and _kept(r, first) is None and target is not None:
                _chosen_thing(r, first)
            who = r.entity_of(first) or _kept(r, first) if first is not None else next(
                (n for n in r.entities if _person(r, n, people) and n != target), None)
            if who is None and first is None and target is not None and kind in _GOES_OUT and \
                    not _person(r, target, people):
                who = _someone(r)  # 'who took which power tool': the people are the app's, though unnamed
            if target is None or who is None or who == target:
                continue
            if kind == "CastAssignment" and target not in rules["roles"] and who not in rules["roles"]:
                kind = None  # 'which player plays which position': a plain link; 'who sings which role': a casting
            if kind == "Attendance" and (target not in rules["events"] and not target.endswith("Session") or
                                         not _person(r, who, people)):
                kind = None  # 'qué músicos van a cada tocada', 'a qué depósito va cada partida': a plain link
            if kind is None:
                if first is not None and not first.plural and each is not None and r.entity_of(each) == target and \
                        not _person(r, target, people):
                    force_link(r, target, who)  # 'a qué depósito va cada partida': each lot goes to one tank
                elif first is not None and not _person(r, who, people) and not _person(r, target, people):
                    add_link(r, who, target, "many_to_many")  # 'which dogs went on which walk'
                elif first is not None and _person(r, who, people) != _person(r, target, people):
                    person, other = (who, target) if _person(r, who, people) else (target, who)
                    if first.plural or first.head in {"staff", "crew", "personnel", "people", "personal"}:  # several
                        add_link(r, other, person, "many_to_many")
                    else:  # 'qué instructor da cada clase': one each
                        force_link(r, other, person)
                continue
            if _person(r, target, people) and not _person(r, who, people):
                who, target = target, who  # 'which van each driver takes': a VanAssignment
            record = kind.lstrip("*")
            if record == "Assignment" and _BROUGHT_BACK.search(" ".join(x.text for x in toks)):
                record = "Loan"  # 'who took which power tool when, when it came back': it goes out and comes back
            if record == "Assignment" and not _timed(toks[i:]):  # 'which plumber is assigned to each job'
                child = r.entity_of(each) if each is not None else target
                force_link(r, child, who if child == target else target)  # a record only when it changes by day
                continue
            name = f"{target}{record}" if kind.startswith("*") else kind
            name = next((n for n in r.entities if n.endswith(record) and n != target), name)
            if record in _SIGNUPS:  # 'who's signed up for each event' beside 'members register for events': one
                pair = {x[:2] for x in r.links}
                name = next((n for n in r.entities if n.endswith(_SIGNUPS) and {(n, who), (n, target)} <= pair),
                            name)
            if name not in r.entities:  # else the loan or the signup is already there: it joins the two
                _keep_record(r, _record(record, name))
            r.links = [x for x in r.links if {x[0], x[1]} != {who, target}]
            add_link(r, name, who)
            add_link(r, name, target)
            if record == "CastAssignment":
                _cast_in(r, name, target, toks[i:], rules["events"])


def _cast_in(r: Reading, name: str, role: str, toks: list, events: list[str]) -> None:
    """'which singer sings which role in which performance': the casting is per performance (double casting);
    a bare 'cast:' heading the clause was the castings themselves."""
    words = [t.text for t in toks]
    for k in range(len(words) - 2):
        if words[k] in {"in", "for", "en", "para"} and words[k + 1] in {"which", "each", "que", "cada"}:
            event = _entity_for(r, words[k + 2])
            if event in r.entities and event in events:
                r.links = [x for x in r.links if {x[0], x[1]} != {role, event} or x[2] != "many_to_many"]
                add_link(r, name, event)
                break
    cast = r.entities.get("Cast")
    if cast is not None and [f.name for f in cast.fields] == ["name"] and not any("Cast" in x[:2] for x in r.links):
        del r.entities["Cast"]


_SIGNUPS = ("Signup", "Registration", "Enrollment", "Enrolment", "Rsvp")
_LENDING = re.compile(r"\b([a-z]{3,}) (?:lending|loans?|borrowing)(?: (?:thing|app|system|tool|scheme|library|"
                      r"service|site|log|tracker|register))?\b")
_NOT_LENT = {"money", "cash", "peer", "student", "home", "payday", "bank", "car", "book", "each", "every", "the",
             "their",
             "our", "your", "any", "some", "per", "new", "one", "active", "overdue", "current", "past", "all"}


_PROGRESS = re.compile(r"\b(?:track|tracks|tracking|monitor|monitors|monitoring|log|logs|logging|record|records|"
                       r"follow|seguir|registrar|controlar)\b(?: \w+){0,5}? (?:progress|progreso|evolution|evolucion|"
                       r"weight|peso|measurements|medidas)\b(?! (?:bars?|reports?|of (?:the |each |every )?(?:orders?|"
                       r"jobs?|tasks?|projects?|students?|alumnos?)))")


def _progress_log(r: Reading, people: frozenset[str]) -> None:
    """'log and follow their running progress over time' names nothing kept but the progress itself: a dated
    entry per measurement, not a refusal."""
    bare = [n for n, e in r.entities.items() if _person(r, n, people) and [f.name for f in e.fields] == ["name"]]
    if len(bare) != len(r.entities) or len(bare) > 1 or not _PROGRESS.search(r.text):
        return
    _keep_record(r, _own_definitions()["ProgressEntry"].model_copy(deep=True))
    for person in bare:
        add_link(r, "ProgressEntry", person)  # 'runners track their training progress': each runner's entries


def _lent_things(r: Reading, people: frozenset[str]) -> None:
    """'a gear lending thing: tents, stoves etc., who borrowed what': the gear is kept, and each loan is a person's."""
    m = _LENDING.search(r.text)
    if m is None or m.group(1) in _NOT_LENT or len(r.entities) >= MAX_ENTITIES:
        return
    word = singular(m.group(1))
    if is_fieldish(word, r.language) or _verbal(word) or word in _NOT_CHOSEN or any(
            t.text == m.group(1) and t.tag != "NOUN" for toks in r.sentences for t in toks):
        return  # 'track loans': what the app does, not a kind of thing lent; 'see which loans are overdue'
    thing = _entity_for(r, m.group(1)) or entity_name(word, None, r.language)
    if thing not in r.entities:
        r.entities[thing] = definition(thing, r.domain, r.text) or EntitySpec(name=thing, fields=[
            FieldSpec(name="name", max_length=200), FieldSpec(name="condition", required=False)])
        r.words_for[thing] = word
    loan = next((n for n in r.entities if n.endswith(("Loan", "Rental"))), None)
    if loan is None:
        loan = f"{thing}Loan"
        _keep_record(r, _record("Loan", loan))
    add_link(r, loan, thing)
    add_link(r, loan, _borrower(r, people, None))


_LENT_TO = re.compile(r"\b(?:who|to whom) (?:i|we) (?:have |'ve )?(?:lent|lend|loaned)\b|"
                      r"\ba quien (?:se lo |se los |se las |le |les )?(?:prest\w*|deje|dejamos)\b")
_BORROWED = re.compile(r"\b(?:who|which \w+) (?:has |have |had )?(?:borrowed|borrows|has got|took out|checked out|"
                       r"is borrowing)\b|\bquien (?:tiene|se llevo|ha pedido|pidio) (?:\w+ )?prestad\w*|" +
                       _LENT_TO.pattern)


def _borrowed(r: Reading, people: frozenset[str]) -> None:
    """'items (drills, ladders), who has borrowed what and when it is due back': each loan is a person's."""
    lent = bool(re.search(r"\b(borrow\w*|lend\w*|lent|loans?|prest\w*)\b", r.text))
    if not (_BORROWED.search(r.text) or lent and re.search(r"\bwho (?:has|have|had) (?:got )?(?:what|which)\b",
                                                              r.text)) or len(r.entities) >= MAX_ENTITIES or \
            any(n.endswith(("Loan", "Rental", "Booking", "Reservation", "Checkout")) for n in r.entities):
        return
    thing = next((n for n in r.entities if not _person(r, n, people) and n not in _NOT_LENT_THINGS), None)
    if thing is None:
        return
    loan = f"{thing}Loan" if thing not in {"Item", "Thing"} else "Loan"
    _keep_record(r, _record("Loan", loan))
    add_link(r, loan, thing)
    said = [r.entity_of(p) for p in r.phrases if any(t.text.startswith(("borrow", "lend", "lent", "prest"))
                                                     for t in r.sentences[p.sentence])]
    add_link(r, loan, _borrower(r, people, next((n for n in said if n and _person(r, n, people)), None),
                                anyone=bool(_LENT_TO.search(r.text))))


_SIGNED_OUT = re.compile(r"\bsign(?:s|ed|ing)? (?:the |a |an |their |our |any )?([a-z]{3,}) (?:out|back in)\b|"
                         r"\bsign(?:s|ed|ing)?[ -]out (?:the |a |an |their |our |any )?([a-z]{3,})\b|"
                         r"\b([a-z]{3,}) sign[ -]outs? (?:log|sheet|book|register|form|list|system)s?\b")


def _signed_out(r: Reading, people: frozenset[str]) -> None:
    """'contractors sign keys out and back in', 'a tool sign-out log': each sign-out is a loan of the thing to a
    person, with when it is due back; the log is those loans, not a table of its own."""
    words = [next(g for g in m.groups() if g) for m in _SIGNED_OUT.finditer(r.text)]
    if not words:
        return
    things = [_entity_for(r, w) for w in words]
    thing = next((n for n in things if n and not _person(r, n, people)), None)
    new = singular(words[0])
    held = any(n.endswith(("Loan", "Checkout")) for n in r.entities)
    if thing is None and not held and all(n is None for n in things) and new not in word_set("people") and \
            not is_fieldish(new, r.language) and not _verbal(new) and new not in _NOT_CHOSEN | {"them", "people"}:
        thing = entity_name(new, None, r.language)  # 'a tool sign-out log': the tools are kept
        r.entities[thing] = definition(thing, r.domain, r.text) or EntitySpec(name=thing, fields=[
            FieldSpec(name="name", max_length=200)])
        r.words_for[thing] = new
    loan = next((n for n in r.entities if n.endswith(("Loan", "Checkout"))), None)
    log = next((n for n in r.entities if n in {"SignOut", "SignOutLog", "Signout"}), None)
    if loan is None and thing and len(r.entities) < MAX_ENTITIES:
        loan = f"{thing}Loan"
        _keep_record(r, _record("Loan", loan))
        add_link(r, loan, thing)
        said = [r.entity_of(p) for p in r.phrases if p.sentence == next(
            (i for i, toks in enumerate(r.sentences) if any(x.text.startswith("sign") for x in toks)), -1)]
        add_link(r, loan, _borrower(r, people, next((n for n in said if n and _person(r, n, people)), None)))
        r.links = [x for x in r.links if not (x[0] == thing and _person(r, x[1], people))]  # held by a loan
    if loan and log:
        del r.entities[log]  # 'the sign-out log' is the loans
        r.links = [x for x in r.links if log not in x[:2]]


def _borrower(r: Reading, people: frozenset[str], said: str | None, anyone: bool = False) -> str:
    """Who borrows: the people said with the borrowing, else the first people kept (unless it was lent to anyone,
    'who I lent them to'), else the usual group (kept)."""
    who = None if anyone else said or next((n for n in r.entities if _person(r, n, people)), None)
    if who is None:
        rules = load("companions")["who"]
        who = next((g["add"] for g in rules["groups"] if re.search(g["when"], r.text)), rules["default"])
        _add(r, who)  # someone borrows: the neighbours, the members
    return who


_NOT_LENT_THINGS = {"WaitlistEntry", "Category", "Tag", "Reminder", "Payment", "Fine"}
_CART = re.compile(r"\b(?:add\w* (?:\w+ ){0,3}to (?:a|the|their|your|my) (?:shopping )?(?:cart|basket|bag)|"
                   r"(?:anadir|agregar|meter)\w* (?:\w+ ){0,3}(?:al carrito|a la cesta))\b")


_ITEMS_ADDED = re.compile(r"\badd(?:s|ing)? (?:the |their |some )?items? (?:to|into) (?:a |the |their |your )?"
                          r"(?:cart|basket|bag)\b")


def _cart_items(r: Reading, people: frozenset[str]) -> None:
    """'add plants to a cart', 'añadir plantas al carrito': each cart line is a customer's product and quantity;
    the cart is those lines, not a table of its own or a product that belongs to a cart."""
    if not _CART.search(r.text):
        return
    who = next((n for n in r.entities if _person(r, n, people)), None)
    bought = _put_in_cart(r, people) or \
        next((p for c, p, _ in r.links if c == "OrderItem" and p != "Order"), None) or next(
        (n for n in r.entities if n not in people and not _person(r, n, people) and n not in {
            "Cart", "Order", "OrderItem", "Category", "Review", "Rating"} and n not in r.records), None)
    sold = next((n for n in ("Product", "MenuItem", "Dish") if n in r.entities), None)
    if "Item" in r.entities and sold and _ITEMS_ADDED.search(r.text) and \
            not any("Item" in x[:2] and "Cart" not in x[:2] for x in r.links):
        del r.entities["Item"]  # 'browse products ..., add items to a cart': the items are the products
        r.links = [x for x in r.links if "Item" not in x[:2]]
        bought = sold
        if "CartItem" in r.entities and not any(x[:2] == ("CartItem", sold) for x in r.links):
            add_link(r, "CartItem", sold)
    if who is None or bought is None:
        return
    cart = r.entities.get("Cart")
    if cart is not None and {f.name for f in cart.fields} <= {"name", "opened_on"}:
        del r.entities["Cart"]
        r.links = [x for x in r.links if "Cart" not in x[:2]]
    r.links = [x for x in r.links if not (x[0] == bought and x[1] == who)]  # a plant is not a customer's
    if "CartItem" not in r.entities:
        _keep_record(r, EntitySpec(name="CartItem", fields=[FieldSpec(name="quantity", type="int")]), "cart item")
    r.links = [x for x in r.links if x[0] != "CartItem"]
    add_link(r, "CartItem", who)
    add_link(r, "CartItem", bought)
    if _CHECKS_OUT.search(r.text) and "Order" not in r.entities and len(r.entities) + 2 <= MAX_ENTITIES:
        r.entities["Order"] = definition("Order", r.domain, r.text) or EntitySpec(name="Order", fields=[
            FieldSpec(name="order_date", type="date"), FieldSpec(name="total", type="decimal")])
        r.words_for["Order"] = "order"
        add_link(r, "Order", who)  # 'add items to a cart, and check out': the cart becomes an order of its lines
        if "OrderItem" not in r.entities:
            _keep_record(r, EntitySpec(name="OrderItem", fields=[FieldSpec(name="quantity", type="int"),
                                                                  FieldSpec(name="unit_price", type="decimal")]))
        add_link(r, "OrderItem", "Order")
        add_link(r, "OrderItem", bought)


_CHECKS_OUT = re.compile(r"\b(?:check(?:s|ing)? ?out|checkout|finali[sz]ar (?:la )?compra|pasar por caja|"
                         r"tramitar (?:el )?pedido)\b")


def _put_in_cart(r: Reading, people: frozenset[str]) -> str | None:
    """What is added to the cart: 'add plants to a cart', or what 'them' stands for ('browse dishes, add them')."""
    m = _CART.search(r.text)
    if m is None:
        return None
    said = [n for n in r.entities if n not in people and n in r.words_for]
    said_words = m.group(0).split()
    inner = said_words[1:said_words.index("to")] if "to" in said_words else said_words[1:-2]
    words = inner if any(w not in {"them", "it", "los", "las", "lo", "la"} for w in inner) else \
        r.text[:m.start()].split()[::-1][:12]
    for w in words:
        w = w.strip(",.;:()")
        if w in {"items", "item", "things", "stuff", "articulos", "cosas"}:
            return None  # 'add items to their cart': any item; what is sold is said elsewhere
        if words is not inner and singular(w, r.language) == w:
            continue  # 'browse plants by category, add them': 'them' stands for things said in the plural
        found = next((n for n in said if r.words_for[n] in {w, singular(w, r.language)}), None)
        if found:
            return found
    return None


_HANDED_IN = re.compile(
    r"\b(students?|pupils?|learners?|trainees?|alumn[oa]s?|estudiantes?)\b[^.;]*?\b(?:upload|submit|hand in|turn in|"
    r"send|subir|suben|entregar|entregan|enviar|envian)\w* (?:in )?(?:their |his |her |the |sus |los |las |el |la )?"
    r"(work|homework|assignments?|essays?|projects?|coursework|answers|trabajos?|deberes|tareas|redacciones)\b")
_SET_WORK = ("Assignment", "Homework", "Project", "Essay", "Task", "Exercise")


def _submissions(r: Reading, people: frozenset[str]) -> None:
    """'students upload their work', 'los alumnos entregan sus trabajos': each hand-in is a Submission of a student
    for an assignment, with its file and grade; the file is not a field of the student."""
    m = _HANDED_IN.search(r.text)
    if m is None or "Submission" in r.entities or len(r.entities) >= MAX_ENTITIES:
        return
    student = _entity_for(r, m.group(1)) or next((n for n in r.entities if _person(r, n, people)), None)
    if student is None:
        return
    _keep_record(r, EntitySpec(name="Submission", fields=[
        FieldSpec(name="submitted_at", type="datetime"), FieldSpec(name="file", type="file", required=False),
        FieldSpec(name="grade", required=False, max_length=20),
        FieldSpec(name="feedback", type="text", required=False, max_length=5000)]), "submission")
    add_link(r, "Submission", student)
    work = next((n for kind in _SET_WORK for n in r.entities if n == kind), None)
    if work:
        add_link(r, "Submission", work)
        r.entities[work].fields = [f for f in r.entities[work].fields if f.name not in {"submitted_at", "grade"}]
        for name in _SET_WORK:  # 'homework ... assignments': one thing said two ways
            bare = r.entities.get(name)
            if name != work and bare is not None and [f.name for f in bare.fields] == ["name"]:
                del r.entities[name]
                r.links = [x for x in r.links if name not in x[:2]]
    person = r.entities[student]
    for fs in r.feature_specs:
        if fs.name == "uploads" and fs.entity == student:
            person.fields = [f for f in person.fields if f.name != fs.field]
            fs.entity, fs.field = "Submission", "file"


_USED = re.compile(r"\b(parts?|materials?|supplies|ingredients?|components?|spares?|consumables?|piezas?|"
                   r"materiales?|repuestos?|refacciones?|recambios?|insumos?)(?: \w+)?,? (?:(?:that|which|que) "
                   r"(?:we |se )?(?:use|used|usan|utilizan|usaron|gastan)|used|usad[oa]s?|utilizad[oa]s?|"
                   r"gastad[oa]s?|consumed)\b|"
                   r"\bwhat (materials|parts|ingredients|supplies) (?:each|every|the) \w+ (?:used|uses|took|needs)\b")
_USED_NAMES = {"material": "Material", "materiale": "Material", "insumo": "Supply", "repuesto": "Part",
               "recambio": "Part", "refaccion": "Part", "pieza": "Part", "supplies": "Supply", "spare": "Part"}
_WORK = ("WorkOrder", "ServiceOrder", "RepairOrder", "RepairTicket", "Repair", "Job", "Batch", "Visit", "Service",
         "Ticket", "Order", "Appointment", "Project", "Commission")


def _used_parts(r: Reading) -> None:
    """'parts used', 'las refacciones que se usan', 'what materials each batch used': how many of each part each job
    used, a line joining the job and the part (JobPart), instead of a part belonging to whoever was named near it."""
    m = _USED.search(r.text)
    if m is None or len(r.entities) >= MAX_ENTITIES:
        return
    said = m.group(1) or m.group(2)
    part = _entity_for(r, said)
    job = next((n for kind in _WORK for n in r.entities if n.endswith(kind) and n != part), None)
    if part is None and job is not None and len(r.entities) < MAX_ENTITIES - 1:
        one = singular(said, r.language)
        part = _USED_NAMES.get(one) or entity_name(one, None, r.language)  # 'track materials used per job'
        if part in r.entities or part == job:
            return
        _add(r, part)
        r.words_for[part] = singular(said, r.language)
    if part is None or job is None or f"{job}{part}" in r.entities:
        return
    name = f"{job}{part}"
    _keep_record(r, EntitySpec(name=name, fields=[FieldSpec(name="quantity", type="int")]))
    r.links = [x for x in r.links if x[1] != part and x[0] != part]
    add_link(r, name, job)
    add_link(r, name, part)


_ATTENDANCE_AT = re.compile(r"\b(?:asistencias?|attendance) (?:a|at|to|en|per|por|for|de) (?:los |las |el |la |the |"
                            r"our |nuestros |nuestras |each |every |cada )?([a-z]+)")


_TAKES_ATTENDANCE = re.compile(r"\b([a-z]+) (?:can |should |will |must |also )?(?:be able to )?(?:take|takes|mark|"
                               r"marks|record|records|keep|keeps|log|logs|pas(?:a|an|ar|amos)|controlan?|registran?|toman?|"
                               r"marcan?) (?:the |la )?"
                               r"(?:attendance|asistencia|lista|register)\b")
_TURNED_UP = re.compile(r"\b(?:who|quien|quienes) (?:actually |really |realmente )?(?:turned up|turns up|showed up|"
                        r"came|attended|asistio|asistieron|vino|vinieron)\b")
_LEADERS = {"teacher", "coach", "instructor", "leader", "tutor", "trainer", "staff", "manager", "conductor",
            "director", "profesor", "entrenador", "monitor", "instructora", "profesora", "entrenadora", "monitora"}


def _attendance_at(r: Reading, people: frozenset[str]) -> None:
    """'la asistencia a los entrenamientos', 'attendance at rehearsals': each attendance is one person at one
    session (present or not), not a clock-in of staff or a record of whatever was named before."""
    m = _ATTENDANCE_AT.search(r.text)
    taker = _TAKES_ATTENDANCE.search(r.text)
    if "Attendance" not in r.entities or m is None and taker is None and not _TURNED_UP.search(r.text):
        return
    events = load("companions")["who_which"]["events"]
    session = _entity_for(r, m.group(1)) if m else next(  # 'teachers take attendance': at their lessons
        (n for n in r.entities if n in events or n.endswith("Session")), None)
    if session is None or session == "Attendance":
        return
    persons = [n for n in r.entities if (n in people or n in _person_like(r)) and n != session]
    takers = {_entity_for(r, taker.group(1))} if taker else set()
    who = next((n for n in persons if n not in takers and words_of(n) not in _LEADERS), None) or \
        next((n for n in persons if n not in takers), None) or next(iter(persons), None)
    r.links = [x for x in r.links if x[0] != "Attendance" or x[1] in {session, who}]
    add_link(r, "Attendance", session)
    if who:
        add_link(r, "Attendance", who)
    e = r.entities["Attendance"]
    if any(f.name in {"clock_in", "clock_out"} for f in e.fields) or {f.name for f in e.fields} <= {"name", "notes"}:
        e.fields = [FieldSpec(name="present", type="bool"), FieldSpec(name="notes", type="text", required=False)]


_IN_AND_OUT = re.compile(r"\b(?:check(?:ed)?[ -]?ins? (?:/|and|&|or)? ?(?:check(?:ed)?[ -]?)?outs?|"
                         r"drop(?:ped)?[ -]?off|pick(?:ed)?[ -]?up|arrival|entrada y salida|"
                         r"hora de (?:entrada|llegada))\b")
_KEEPERS = {"owner", "parent", "guardian", "carer", "dueno", "padre", "tutor"}  # whose dogs or kids attend


def _attendees(r: Reading, people: frozenset[str]) -> None:
    """'kindergarten attendance: kids, check in / check out times': each attendance is one person's, with the
    times they came and went when those are asked for."""
    e = r.entities.get("Attendance")
    if e is None:
        return
    persons = [n for n in r.entities if n != "Attendance" and (n in people or n in _person_like(r))]
    if not any(c == "Attendance" and p in persons for c, p, _ in r.links) and persons:
        learners = [n for n in persons if words_of(n) not in _LEADERS]
        who = (learners or persons)[0]  # the first people named attend ('members, rehearsals')
        if words_of(who).split()[-1] in _KEEPERS:  # 'owners, their dogs ... and daily attendance': the dogs'
            who = next((c for c, p, _ in r.links if p == who and c != "Attendance" and c not in r.records), who)
        force_link(r, "Attendance", who)
    if _IN_AND_OUT.search(r.text) and {f.name for f in e.fields} <= {"present", "notes", "name"}:
        e.fields = [FieldSpec(name="attended_on", type="date"),
                    FieldSpec(name="checked_in_at", type="datetime", required=False),
                    FieldSpec(name="checked_out_at", type="datetime", required=False),
                    FieldSpec(name="notes", type="text", required=False)]


_CHECK_OUT = re.compile(r"\bcheck(?:s|ed|ing)?[ -]?outs?\b|\bcheckouts?\b")
_STAYING = {"guest", "traveller", "traveler", "camper", "tenant", "patient", "huesped"}


def _check_ins(r: Reading, people: frozenset[str]) -> None:
    """'members check in at the front desk', 'climbers check in with their card': each arrival is a dated CheckIn of
    the person (a stay's check-in and check-out are the stay's dates instead)."""
    if "CheckIn" in r.entities or _CHECK_OUT.search(r.text) or len(r.entities) >= MAX_ENTITIES:
        return
    for f in r.frames:
        toks = r.sentences[f.sentence]
        if f.verb != "check" or f.position + 1 >= len(toks) or toks[f.position + 1].text != "in" or \
                f.subject is None or f.subject.head in _STAYING or f.position + 2 < len(toks) and \
                toks[f.position + 2].tag not in {"PREP", "CONJ", "PUNCT", "ADV"}:
            continue  # 'customers check in bikes' hand a thing over: no arrival of theirs
        who = r.entity_of(f.subject)
        if who is None or not (who in people or f.subject.head in word_set("people")):
            continue
        _keep_record(r, EntitySpec(name="CheckIn", fields=[FieldSpec(name="checked_in_at", type="datetime"),
                                                           FieldSpec(name="notes", type="text", required=False)]),
                     "check-in")
        add_link(r, "CheckIn", who)
        return


_LOG_VERBS = {"log", "record", "track", "enter", "note", "submit", "anotar", "apuntar", "registrar", "fichar"}
_AMOUNTS = {"hour": "hours", "hora": "hours", "minute": "minutes", "minuto": "minutes", "mile": "miles", "km": "km",
            "kilometre": "km", "kilometer": "km", "kilometro": "km", "step": "steps", "calorie": "calories",
            "caloria": "calories"}
_WHEN_WORDS = {"daily", "weekly", "monthly", "their", "our", "the", "each", "every", "total", "diarias", "semanales"}
_PER = {"per", "for", "on", "from", "against", "por", "en", "de", "to"}
_SET_HOURS = {"opening", "business", "office", "operating", "visiting", "peak", "quiet", "happy", "contact"}


def _logged_amounts(r: Reading, people: frozenset[str]) -> None:
    """'staff track hours per project', 'students log their daily practice minutes', 'ellos apuntan las horas que
    trabajan': each amount logged is an entry (a date and the amount) by whoever logs it, for what it is spent on."""
    for f in r.frames:
        p = f.objects[0] if f.objects else None
        unit = _AMOUNTS.get(singular(p.head, r.language)) if p is not None and f.verb in _LOG_VERBS else None
        if unit is None or len(r.entities) >= MAX_ENTITIES:
            continue
        kind = next((m for m in reversed(p.modifiers) if m not in _WHEN_WORDS and m.isalpha()), None)
        if kind in _SET_HOURS or any(p in g for g in r.lists if len(g) > 1):
            continue  # 'opening hours' are a place's; 'logs the tach hours, landings and fuel' are a flight's details
        name = "TimeEntry" if unit == "hours" else entity_name(kind or unit.rstrip("s"), None, r.language) + "Log"
        if name in r.entities or name == "Log":
            continue
        if name == "TimeEntry":
            _add(r, name)  # the usual time entry: started, ended, minutes
            r.records.add(name)
        else:
            amount = FieldSpec(name=unit, type="decimal" if unit in {"miles", "km"} else "int", min=0)
            _keep_record(r, EntitySpec(name=name, fields=[FieldSpec(name="entry_date", type="date"), amount,
                                                          FieldSpec(name="notes", type="text", required=False)]))
        said = [q for q in r.phrases if q.sentence == f.sentence]
        person = [r.entity_of(q) for q in said if q.start < p.start and r.entity_of(q) in people | _person_like(r)]
        if person:
            add_link(r, name, person[-1])  # 'técnicos ... y ellos apuntan las horas': the last people named
        toks = r.sentences[f.sentence]
        for q in said:
            at = q.start - 1 if q.start and toks[q.start - 1].text not in {"each", "every", "cada"} else q.start - 2
            if q.start > p.end and at >= 0 and toks[at].text in _PER and r.entity_of(q) not in {None, name}:
                add_link(r, name, r.entity_of(q))  # 'hours per project and client'
                for other in said:
                    if other.start > q.end and r.entity_of(other) and toks[other.start - 1].text in {"and", "y"}:
                        add_link(r, name, r.entity_of(other))


_PLANS = {"Plan", "MembershipPlan", "SubscriptionPlan", "Tier", "MembershipTier", "Package", "Box", "Bundle"}


def _plan_signups(r: Reading) -> None:
    """'customers sign up for a plan': a subscription to the plan (since when, whether active), not a sign-up
    sheet with attendance."""
    plan = next((p for c, p, _ in r.links if c == "Signup" and p in _PLANS), None)
    if plan is None or "Subscription" in r.entities or any("Signup" in {fs.entity, fs.target}
                                                             for fs in r.feature_specs):
        return
    del r.entities["Signup"]
    r.words_for.pop("Signup", None)
    r.records.discard("Signup")
    _keep_record(r, EntitySpec(name="Subscription", fields=[
        FieldSpec(name="start_date", type="date"), FieldSpec(name="end_date", type="date", required=False),
        FieldSpec(name="active", type="bool", required=False)]))
    r.links = [tuple("Subscription" if x == "Signup" else x for x in link) for link in r.links]


def _person_like(r: Reading) -> set[str]:
    """Entities named by a people word."""
    return {n for n in r.entities if words_of(n) in word_set("people")}


_STAFF_WORDS = {"staff", "admin", "admins", "administrator", "administrators", "organiser", "organisers", "organizer",
                "organizers", "owner", "owners", "manager", "managers", "moderator", "moderators", "coordinator",
                "employees", "librarian", "librarians", "personal", "administrador", "administradores"}


# 'a coordinator approves them', 'un revisor las aprueba': someone signs off others' records, so people sign in
_SIGNS_OFF = re.compile(r"\b(?:admins?|administrators?|coordinators?|managers?|reviewers?|moderators?|supervisors?|"
                        r"organi[sz]ers?|leaders?|encargad[oa]s?|revisor(?:a|es|as)?|coordinador(?:a|es|as)?|"
                        r"administrador(?:a|es|as)?|moderador(?:a|es|as)?) (?:\w+ ){0,2}(?:approves?|rejects?|"
                        r"signs? off|validates?|verif(?:y|ies)|aprueban?|rechazan?|validan?|(?:las|los|la|lo) "
                        r"(?:aprueban?|rechazan?|validan?))\b|\b(?:admin|teacher|student|staff|member|user) and "
                        r"(?:\w+ )?accounts\b|\beveryone logs in\b")


_ROLES_LINE = re.compile(r"(?:^|\n|[.!] )(?:(?:two|three|four|five|dos|tres|cuatro|cinco) )?"
                         r"(?:user roles|account types|roles|roles de usuario|perfiles de usuario)\s*:")
_ROLES_HEADING = re.compile(r"\b(?:user roles|account types|roles|roles de usuario|perfiles de usuario)\s*(?::|\()")


def _listed_roles(after: str) -> list[str]:
    """'admin, reviewer, speaker, attendee.' after a roles heading: the role words, singular."""
    line = re.split(r"[.\n;(]| - ", re.sub(r"\s*\([^()\n]*\)", "", after), maxsplit=1)[0]  # 'coordinator (full access)'
    said = [w.strip() for w in re.split(r",|\band\b|\by\b|/", line) if w.strip()]
    return [singular(w) for w in said if re.fullmatch(r"[a-z][a-z ]{1,30}", w) and len(w.split()) <= 2]


def _role_accounts(r: Reading, people: frozenset[str]) -> None:
    """'visitors buy tickets while staff manage shows', 'businesses post vacancies and job seekers apply': two or more
    kinds of people act in the app, so each signs in as a User whose account_type says which (not 'role': the
    generated auth has its own role, user or admin)."""
    headed = _ROLES_HEADING.search(r.text)
    raw = _ROLES_LINE.search("\n".join(normalise(line) for line in r.prompt.splitlines()))
    listed = _listed_roles(raw.string[raw.end():]) if raw else []
    only_heading = len(re.findall(r"\broles?\b", r.text)) == 1  # 'actors audition for roles' keeps a Role table
    if headed and "Role" in r.entities and (len(listed) >= 2 and only_heading or
                                            not any("Role" in x[:2] for x in r.links) and
                                            not any("Role" in {fs.entity, fs.target} for fs in r.feature_specs)):
        del r.entities["Role"]  # 'Roles: conductor, section leaders, members': who signs in as what, not a table
        r.words_for.pop("Role", None)
        r.links = [x for x in r.links if "Role" not in x[:2]]
        r.feature_specs = [fs for fs in r.feature_specs if "Role" not in {fs.entity, fs.target}]
    for word in listed if len(listed) >= 2 else []:  # 'Roles: manager, receptionist, housekeeping': accounts
        name = next((n for n in r.entities if words_of(n) == word and n not in r.records), None)
        once = len(re.findall(rf"\b{re.escape(word)}(?:s|es)?\b", r.text)) == 1  # said only as a role
        if name and ({f.name for f in r.entities[name].fields} <= {"name"} or once) and \
                not any(name in x[:2] for x in r.links):
            del r.entities[name]
            r.words_for.pop(name, None)
    if "User" in r.entities or len(r.entities) >= MAX_ENTITIES or not (_SITE.search(r.text) or headed or
                                                                         _SIGNS_OFF.search(r.text)):
        return
    roles: dict[str, str] = {w: next((n for n in r.entities if words_of(n) == w or r.words_for.get(n) == w), "")
                             for w in listed} if len(listed) >= 2 else {}  # 'miembro' is the Member
    for f in r.frames:
        if f.subject is None:
            continue
        name = r.entity_of(f.subject)
        if name and _person(r, name, people):
            roles.setdefault(name, name)
        elif f.subject.head in _STAFF_WORDS or singular(f.subject.head) in _STAFF_WORDS or \
                (f.subject.head in word_set("people") or f.subject.head in _ACTORS) and f.subject.head not in _ANYONE:
            roles.setdefault(singular(f.subject.head), "")  # 'visitors browse shows' with no Visitor table
    if len(roles) < 2:
        return
    words = sorted({snake(n or w) for w, n in roles.items()} | {"admin"})
    r.entities["User"] = EntitySpec(name="User", fields=[
        FieldSpec(name="name", max_length=200), FieldSpec(name="email", type="email", unique=True),
        FieldSpec(name="account_type", type="enum", choices=words, required=False)])
    r.words_for["User"] = "user"
    for implied in r.implied_people & set(r.entities):  # 'visitors book a class': they book as users
        _into_user(r, implied)
    for name in (n for n in roles.values() if n):
        add_link(r, name, "User")


def _into_user(r: Reading, implied: str) -> None:
    """A person the engine implied is the site's User: the table goes and whatever pointed at it points at User."""
    del r.entities[implied]
    r.links = [(("User" if c == implied else c), ("User" if p == implied else p), k) for c, p, k in r.links]
    r.feature_specs = [fs.model_copy(update={k: "User" for k in ("entity", "target") if getattr(fs, k) == implied})
                       for fs in r.feature_specs]


_USERS_ACT = re.compile(r"\b(?:users?|usuari[oa]s?) (?:can|should|will|must|may|are able|could|need|pueden|"
                        r"deben|podran|deberian)\b")
_SITE_KINDS = re.compile(r"\b(?:web ?sites?|portal|web ?app|marketplace|sitio web|pagina web)\b")
# who the site's users are when the prompt names them (donors and volunteers are others the users deal with)
_ACCOUNT_PEOPLE = set(CONSUMERS) - {"Parent", "Donor", "Volunteer", "Candidate", "Applicant"} | \
    {"Account", "Profile", "Seller", "Host"}


# 'allows users to track their daily intake', 'users can create personalized plans': each user keeps their own data
_USERS_OWN = re.compile(r"\busers? (?:can |to |will |are able to )?(?:\w+ )?(?:and \w+ )?(?:track|save|create|set|"
                        r"manage|log|record|store|keep|build|upload|share|add|customi[sz]e|personali[sz]e|rate|"
                        r"bookmark)\w* (?:and \w+ )?(?:their|personal|own)\b|"
                        r"\ballows? users to (?:\w+ ){0,3}(?:their|own)\b")
_KEPT_OWN = {"track", "set", "save", "manage", "build", "keep", "store", "customize", "customise", "personalize",
             "personalise"}
_AUTHORED = {"post", "create", "add", "upload", "write", "submit", "publish", "share", "list", "open", "start", "log",
             "record", "make", "leave", "ask", "crear", "publicar", "anadir", "subir", "escribir", "compartir", "dejar"}


def _site_users(r: Reading) -> None:
    """'Please implement a website ... Users should be able to post, vote and comment': a site whose users act needs
    their accounts (a User), beside other people the prompt names (truck owners, listeners): they are users too."""
    people = _ACCOUNT_PEOPLE & set(r.entities) | r.implied_people & set(r.entities)
    unsaid = {n for n in people if not any(r.entity_of(p) == n for p in r.phrases)}
    followed = "User" in r.entities and "Follow" in r.entities  # the User a 'follow other cooks' cue made
    own = bool(_USERS_OWN.search(r.text)) and not any(
        n in PEOPLE or r.words_for.get(n, "") in word_set("people") for n in r.entities)
    if "User" in r.entities and not followed or len(r.entities) >= MAX_ENTITIES or \
            not (_SITE_KINDS.search(r.text) and _USERS_ACT.search(r.text) or own):
        return
    if not followed:
        r.entities["User"] = EntitySpec(name="User", fields=[FieldSpec(name="name", max_length=200),
                                                             FieldSpec(name="email", type="email", unique=True)])
        r.words_for["User"] = "user"
        for implied in unsaid:  # 'users can buy tickets': the buyers a ticket order implies are the site's users
            _into_user(r, implied)
    r.account = "User"
    if own and "auth" not in r.features:
        r.features.insert(0, "auth")  # each user sees their own goals: they sign in
    for f in r.frames:  # 'users post questions': each question is posted by a user
        if f.subject is not None and f.subject.head in {"user", "users", "usuario", "usuarios"} and \
                f.verb in _AUTHORED | (_KEPT_OWN if own else set()):
            for o in f.objects:
                name = r.entity_of(o)
                if name and not any(c == name and p in r.entities and p != "User" and
                                    p in _ACCOUNT_PEOPLE for c, p, _ in r.links):
                    add_link(r, name, "User")


_ACTORS = {"visitor", "shopper", "buyer", "seller", "captain", "seeker", "candidate", "employer", "business",
           "company", "speaker", "teacher", "instructor", "coach", "judge", "setter", "tenant", "landlord"}
_SITE = re.compile(r"\b(web ?sites?|site|portal|platform|web ?app|job board|marketplace|sitio|web|plataforma|"
                   r"pagina web|online)\b")
_EACH = {"which", "each", "every", "cada", "que", "cual"}


def _clause(r: Reading, si: int, i: int) -> tuple[Phrase | None, str, Phrase | None, bool, Phrase | None] | None:
    """A 'who/which' clause at token i: (the thing it starts with, its verb, the thing it ends with, whether that
    thing is chosen with 'which' or 'each', the phrase 'each' goes with)."""
    toks = r.sentences[si]
    at = {p.start: p for p in r.phrases if p.sentence == si}
    first, k = None, i + 1
    if [t.text for t in toks[i + 1:i + 3]] in (["of", "them"], ["of", "those"], ["de", "ellos"], ["de", "ellas"]):
        k = i + 3  # 'which of them have done the training': who
    elif toks[i].text in {"which", "que"}:  # 'which van ...': the clause starts with a thing
        first = at.get(i + 1)
        if first is None or r.entity_of(first) is None and _kept(r, first) is None and \
                first.head not in word_set("people"):
            return None  # 'qué instructor da cada clase': a person the clause names is kept too
        k = first.end
    aux = None
    while k < len(toks) and (toks[k].text in _BEFORE_VERB or toks[k].tag == "DET" or
                             first is not None and toks[k].text in {"we", "i", "they", "you"}):
        aux = toks[k].text if toks[k].tag != "DET" else aux
        k += 1  # 'which van each driver takes': the second one may come before the verb
    other = at.get(k) if at.get(k) is not None and r.entity_of(at[k]) else None
    each = other if other is not None and toks[other.start - 1].text in _EACH else None
    if other is not None:
        k = other.end
        while k < len(toks) and toks[k].text in _BEFORE_VERB:
            aux, k = toks[k].text, k + 1
    if k < len(toks) and toks[k].text in _CHOOSING and aux:
        verb = aux  # 'who has which locker'
    elif k >= len(toks) or toks[k].tag in {"PUNCT", "CONJ"}:
        return None
    else:
        verb, k = toks[k].text, k + 1
        if k < len(toks) and f"{verb} {toks[k].text}" in load("companions")["who_which"]["verbs"]:
            verb, k = f"{verb} {toks[k].text}", k + 1  # 'who checked out which part': a loan, not a check
    chose = False
    while k < len(toks) and toks[k].text in _PARTICLES | _CHOOSING and toks[k].tag != "NOUN":
        chose = chose or toks[k].text in _EACH
        k += 1
    if chose and k + 1 < len(toks) and toks[k].tag in {"ADJ", "VERB"} and toks[k + 1].tag == "NOUN":
        k += 1  # 'which shared tool'
    thing = other or at.get(k)
    if thing is None and k < len(toks) and toks[k].text in _BACK:
        before = [p for p in r.phrases if p.sentence == si and p.end <= i and r.entity_of(p)]
        each_one = [p for p in before if p.start and toks[p.start - 1].text in _EACH - {"which", "que", "cual"}]
        thing = (each_one or before[-1:] or [None])[0]  # 'each event has ... and which staff are working it'
        if not each_one and before:
            thing = before[-1]  # 'training sessions and who turned up to each one'
    if each is None and chose and thing is not None and thing is not other and \
            toks[thing.start - 1].text in _EACH - {"which", "que", "cual"}:
        each = thing
    return first, verb, thing, chose, each


def _timed(toks: list) -> bool:
    """'each day', 'every season', 'cada semana': the pairing changes over time, so each one is a record."""
    units = _TIME_UNITS | {"season", "term", "shift", "temporada", "curso", "trimestre", "turno"}
    return any(t.text in {"each", "every", "per", "cada", "por", "this", "next"} and nxt.text in units or
               (t.text, nxt.text) in _WHEN_PAIRS for t, nxt in zip(toks, toks[1:], strict=False))


_WHEN_PAIRS = {("and", "when"), ("y", "cuando"), ("from", "when"), ("desde", "cuando"), ("with", "dates"),
               ("con", "fechas"), ("and", "since")}  # 'which raiser has which pup and when': dated pairings


_FORM_WORDS = {"form", "forms", "formulario", "formularios", "survey", "surveys", "questionnaire", "questionnaires",
               "checklist", "checklists", "encuesta", "encuestas", "cuestionario", "cuestionarios"}
_COMPLETING = {"complete", "finish", "pass", "completar", "terminar", "aprobar", "superar"}


def _completed_by(r: Reading, people: frozenset[str]) -> None:
    """'volunteers complete training modules', 'los alumnos completan lecciones': each completion is a record of
    the person and the thing, with its date."""
    for f in r.frames:
        who = r.entity_of(f.subject) if f.subject is not None else None
        if f.verb not in _COMPLETING or who is None or not _person(r, who, people):
            continue
        for o in f.objects:
            thing = r.entity_of(o)
            if thing is None or not o.plural or o.head in _FORM_WORDS or thing == who or thing in r.records or \
                    _person(r, thing, people) or len(r.entities) >= MAX_ENTITIES:
                continue  # 'parents complete enquiry forms': a form completed is filled in
            pairs = {x[:2] for x in r.links}
            if any(n.endswith("Completion") and {(n, thing), (n, who)} <= pairs for n in r.entities):
                continue  # 'who has completed which course': already recorded
            name = f"{thing}Completion"
            _keep_record(r, _record("Completion", name))
            add_link(r, name, who)
            add_link(r, name, thing)


def _done_thing(r: Reading, si: int, thing: Phrase, people: frozenset[str]) -> None:
    """'people who have done the induction for a machine': each induction is a record of a person (and the thing it
    is for), with the date it was done."""
    who = next((n for n in r.entities if _person(r, n, people)), None)
    if who is None or is_fieldish(thing.head, r.language) or thing.head in _NOT_CHOSEN:
        return
    name = entity_name(thing.head, thing.modifiers[-1] if thing.modifiers else None, r.language)
    if not name or name in r.entities:
        return
    _keep_record(r, _record("Completion", name), thing.head)
    add_link(r, name, who)
    toks = r.sentences[si]
    k = thing.end
    if k < len(toks) and toks[k].text in {"for", "on", "para", "de"}:
        on = next((p for p in r.phrases if p.sentence == si and p.start in {k + 1, k + 2}), None)
        if r.entity_of(on):
            add_link(r, name, r.entity_of(on))


def _kept(r: Reading, p: Phrase | None) -> str | None:
    """The entity a phrase's own noun names when the reading kept it from another phrase ('parts inventory')."""
    name = entity_name(p.head, None, r.language) if p is not None else None
    return name if name in r.entities else None


def _chosen_thing(r: Reading, p: Phrase) -> str | None:
    """The entity for a thing a 'who did which' clause names and the reading did not keep, added."""
    if is_fieldish(p.head, r.language) or p.head in _NOT_CHOSEN:
        return None
    name = entity_name(p.head, None, r.language)
    if not name or name in r.entities:
        return name or None
    longer = [n for n in r.entities if n.endswith(name) and len(n) > len(name) and n[-len(name) - 1].islower()]
    if len(longer) == 1 and not p.modifiers:  # 'las rutas de reparto (qué tiendas van en qué ruta)': that route
        r.named[id(p)] = longer[0]
        return longer[0]
    r.entities[name] = definition(name, r.domain, r.text) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
    r.words_for[name] = p.head
    r.named[id(p)] = name
    return name


_DUES = re.compile(r"\b(?:who|quien|whether(?: \w+){1,3}?)(?: (?:has|have|is|still|already|ya|ha|han|hasn't|has not))* "
                   r"(?:paid|pays|paying|owes|pagado|paga|pagan|debe|deben)\b"
                   r"(?: (?:for|their|his|her|the|this|last|next|each|every|its|la|el|las|los|su|sus|cada|"
                   r"year's|month's|season's|term's|week's|year|month|season|term|week|de|del|"
                   r"annual|monthly|yearly|weekly|club|membership|anual|mensual|trimestral)\b)*(?: (\w+))?(?: (\w+))?")


_PAID_MARK = re.compile(r"\b(?:mark(?:ed|s)? (?:\w+ )?as paid|paid or (?:not|unpaid)|paid y/?n|paid/unpaid|"
                        r"pagad[oa]s? o no|marcar (?:si )?(?:esta |estan |como )?pagad[oa]s?|marcar lo pagado|"
                        r"si ya (?:pagaron|pago|pagaste)|(?:quien|quienes) (?:ya )?(?:pago|pagaron)|"
                        r"(?:who|que|quienes) (?:pay|pays|pagan|paga) (?:the |a |la |el |una |un |su |sus |their )?"
                        r"(?:\w+ )?(?:cuotas?|fees?|subs|dues|rent|alquiler|mensualidad(?:es)?))\b")


def _dues(r: Reading, people: frozenset[str]) -> None:
    """'who has paid this year's rent', 'quien ha pagado la cuota': each payment is a record of who paid what."""
    kinds = load("companions")["dues"]
    m = _DUES.search(r.text)
    said = [m.group(1), m.group(2)] if m else []
    if m is None and _PAID_MARK.search(r.text):
        fee = re.search(rf"\b({'|'.join(w for words in kinds.values() for w in words)})\b", r.text)
        said = [fee.group(1), None] if fee else []  # 'las cuotas trimestrales, pagadas o no', 'rent, mark as paid'
    if not said or len(r.entities) >= MAX_ENTITIES or \
            any(n == "Settlement" or n.endswith("Share") for n in r.entities):
        return  # 'who owes whom' in a cost share is settled by its shares and settlements
    kind = next((k for k, words in kinds.items() if said[0] in words or said[1] in words), "Payment")
    period = _fee_period(r.text, said[0]) if kind == "FeePayment" and said[0] else None
    kind = f"{period}Fee" if period else kind  # 'cuotas anuales pagadas o no': each year's fee, paid or not
    if kind in r.entities or "Payment" in r.entities:
        return
    payer = next((n for n in r.entities if _person(r, n, people)), None)
    if payer is None:
        return
    words = {said[0], singular(said[0])} if said[0] else set()
    paid = next((n for n, w in r.words_for.items() if w.split(" ")[-1] in words), None)
    if paid and kind != "Payment" and paid != r.main and not any(p == paid for _, p, _ in r.links):
        del r.entities[paid]  # 'who has paid their subs': the subs are the payments, not a table of their own
        r.links = [x for x in r.links if paid not in x[:2]]
    _add(r, kind)
    if period and "Fee" in r.entities:  # the fee said is this record
        del r.entities["Fee"]
        r.main = kind if r.main == "Fee" else r.main
        r.links = [(kind if c == "Fee" else c, kind if p == "Fee" else p, k) for c, p, k in r.links]
    if period:
        r.entities[kind] = EntitySpec(name=kind, fields=[
            FieldSpec(name="period", max_length=50), FieldSpec(name="amount", type="decimal"),
            FieldSpec(name="due_date", type="date", required=False), FieldSpec(name="paid", type="bool")])
    add_link(r, kind, payer)


_PERIODS = {"monthly": "Monthly", "mensual": "Monthly", "mensuales": "Monthly", "annual": "Annual",
            "yearly": "Annual", "anual": "Annual", "anuales": "Annual", "weekly": "Weekly", "semanal": "Weekly",
            "semanales": "Weekly", "quarterly": "Quarterly", "trimestral": "Quarterly", "trimestrales": "Quarterly"}


def _fee_period(text: str, word: str) -> str | None:
    """'monthly fees', 'las cuotas anuales': the period a fee is due in, named in the record (AnnualFee)."""
    m = re.search(rf"\b(monthly|annual|yearly|weekly|quarterly)(?: membership| club)? {re.escape(word)}\b|"
                  rf"\b{re.escape(word)} (mensual(?:es)?|anual(?:es)?|semanal(?:es)?|trimestral(?:es)?)\b", text)
    return _PERIODS[m.group(1) or m.group(2)] if m else None


_PER_PLACE = re.compile(
    r"\b(?:stock|stock levels?|inventory|quantit(?:y|ies)|how many (?:\w+ )?(?:we have|are left)|existencias)"
    r" (?:(?:we have|kept|held|left) )?(?:at|in|per|for|by|of|en|por|de) (?:each|every|cada|all|todas? las?|todos los)"
    r" ?(?:(?:of )?(?:our|the|my|nuestr[oa]s|mis) )?(?:\w+ )?(\w+)")
_STOCK_PLACES = {"Van", "Truck", "Vehicle", "Warehouse", "Store", "Shop", "Branch", "Location", "Site", "Depot",
                 "Kitchen", "Bar", "Clinic", "Pharmacy"}
_STOCKED = ("Product", "Item", "Ingredient", "Part", "Material", "Supply", "Book", "Medication", "Medicine",
            "Wine", "Beer", "Plant", "Garment", "Tyre", "Component", "Consumable")


def _stock_per_place(r: Reading) -> None:
    """'stock at each of our branches', 'existencias en cada tienda': how many of a product each place holds."""
    m = _PER_PLACE.search(r.text)
    if m is None or len(r.entities) >= MAX_ENTITIES:
        return
    place = _entity_for(r, m.group(1))
    word = singular(m.group(1), r.language)
    if place is None and entity_name(word, None, r.language) in _STOCK_PLACES:
        place = entity_name(word, None, r.language)  # 'plus stock in each van': the vans are kept, each with stock
        r.entities[place] = definition(place, r.domain, r.text) or EntitySpec(name=place, fields=[
            FieldSpec(name="name")])
        r.words_for[place] = word
    thing = next((n for n in r.entities if n in _STOCKED or n.endswith(_STOCKED)), None)
    if thing is None and place in _STOCK_PLACES and len(r.entities) < MAX_ENTITIES:
        thing = "StockItem"  # what is carried is not named: a catalogue of the items stocked
        r.entities[thing] = EntitySpec(name=thing, fields=[FieldSpec(name="name"), FieldSpec(name="sku",
                                                                                              required=False)])
        r.words_for[thing] = "stock item"
    if place is None or thing is None or place == thing:
        return
    join = f"{place}Stock"
    if join in r.entities:
        return
    r.entities[join] = EntitySpec(name=join, fields=[FieldSpec(name="quantity", type="int"),
                                                     FieldSpec(name="reorder_level", type="int", required=False)])
    r.words_for[join] = f"existencias en {r.words_for.get(place, words_of(place))}" if r.language == "es" \
        else f"{words_of(place)} stock"
    add_link(r, join, thing)
    add_link(r, join, place)
    for e in (r.entities[thing], r.entities[place]):  # the count lives on the join now
        e.fields = [f for f in e.fields if f.name not in {"stock", "quantity", "stock_quantity", "quantity_in_stock"}]


_COURSE_CONTENT = {"content", "position", "body", "video_url"}
_LEARNERS = ("Student", "Pupil", "Child", "Learner", "Client", "Member", "Customer")


def _taught_lessons(r: Reading) -> None:
    """'I teach piano: students and weekly lessons': with no course to hold them, lessons are times with a learner,
    not pages of course content."""
    e = r.entities.get("Lesson")
    if e is None or "Course" in r.entities or not {f.name for f in e.fields} & (_COURSE_CONTENT | {"starts_at"}):
        return  # a lesson with a time is taught (nouns.json `senses`); it still needs its learner
    e.fields = [FieldSpec(name="starts_at", type="datetime"),
                FieldSpec(name="duration_minutes", type="int", required=False),
                FieldSpec(name="notes", type="text", required=False)]
    for people in (_LEARNERS, ("Teacher", "Instructor", "Tutor", "Coach")):
        who = next((n for n in people if n in r.entities), None)
        if who is not None and not (people is _LEARNERS and _joined_by_another(r, "Lesson", who)):
            add_link(r, "Lesson", who)


def _joined_by_another(r: Reading, a: str, b: str) -> bool:
    """Does a record link both ('a booking of a group lesson by a member'), so the two need no link of their own?"""
    return any({a, b} <= {p for c2, p, _ in r.links if c2 == c} for c in {c for c, _, _ in r.links} - {a, b})


_HIRING = re.compile(r"\b(hir(e|es|ing)|recruit\w*|vacanc(y|ies)|applicants?|candidates?|salar(y|ies)|job (board|"
                     r"posts?|postings?|listings?|offers?|seekers?)|apply|applies|applications?|cv|cvs|resumes?|"
                     r"employers?|empleo|vacantes?|candidat\w+|ofertas? de (trabajo|empleo))\b")


def _trade_jobs(r: Reading) -> None:
    """'quotes and jobs for my plastering business': a job is work done for a customer, not a vacancy."""
    e = r.entities.get("Job")
    if e is None or _HIRING.search(r.text) or \
            not {"Quote", "Customer", "Client", "Invoice", "Estimate"} & set(r.entities):
        return
    if {f.name for f in e.fields} & {"salary", "employment_type"}:
        work = definition("Job")  # nouns.json: the work-job sense (title, scheduled_on, status)
        e.fields = work.fields if work else e.fields
    customer = next((n for n in ("Customer", "Client") if n in r.entities), None)
    if customer is not None:
        add_link(r, "Job", customer)
    if "Quote" in r.entities:
        add_link(r, "Job", "Quote")  # 'a job once a quote is accepted'
        if customer is not None:
            add_link(r, "Quote", customer)


def _timed_assignments(r: Reading, people: frozenset[str]) -> None:
    """'assign chores to the kids each week': who has which chore changes by week, so each is a record."""
    for f in r.frames:
        to = next((q for prep, q in f.preps if prep in {"to", "a"}), None)
        if f.verb not in _ASSIGN_VERBS or to is None or not _timed(r.sentences[f.sentence]) or \
                len(r.entities) >= MAX_ENTITIES:
            continue
        person = r.entity_of(to) or _kept(r, to)
        objects = f.objects
        toks = r.sentences[f.sentence]
        if not objects and f.position + 1 < len(toks) and toks[f.position + 1].text in {"them", "it", "los", "las"}:
            objects = [q for q in r.phrases if q.sentence == f.sentence and q.end <= f.position and
                       (r.entity_of(q) or _kept(r, q))][-1:]  # 'list of chores, assign them to the kids'
        for thing in (r.entity_of(q) or _kept(r, q) for q in objects):
            if not thing or not person or _person(r, thing, people) or not (
                    _person(r, person, people) or r.words_for.get(person, "").endswith(AGENT_ENDINGS)):
                continue
            _assignment(r, thing, person, done=True)


def _assignment(r: Reading, thing: str, person: str, done: bool = False) -> None:
    """One person on one thing is a record ('ChoreAssignment'), in place of a direct link between the two."""
    name = f"{thing}Assignment"
    if name not in r.entities:
        e = _record("Assignment", name)
        if done:
            e.fields.append(FieldSpec(name="done", type="bool", required=False))  # a chore of the week gets done
        _keep_record(r, e)
    r.links = [x for x in r.links if {x[0], x[1]} != {thing, person}]
    add_link(r, name, thing)
    add_link(r, name, person)


_ASSIGN_VERBS = frozenset(load("verbs")["assign"])
_COUNTED = {"two", "three", "four", "several", "multiple", "2", "3", "4", "or", "dos", "tres", "varios", "varias"}


def _staffing(r: Reading, people: frozenset[str]) -> None:
    """'assign two readers to each manuscript', 'assign cleaners to jobs': several people work on each thing, and
    each of them on several things, so each assignment is a record of one person on one thing."""
    for f in r.frames:
        to = next((q for prep, q in f.preps if prep in {"to", "a"}), None)
        if f.verb not in _ASSIGN_VERBS or to is None or len(r.entities) >= MAX_ENTITIES:
            continue
        thing = r.entity_of(to) or _kept(r, to)
        toks = r.sentences[f.sentence]
        for q in f.objects:
            person = r.entity_of(q) or _kept(r, q)
            if not person or not thing or person == thing or _person(r, thing, people) or \
                    not (_person(r, person, people) or q.head.endswith(AGENT_ENDINGS)):
                continue
            around = toks[max(0, to.start - 1):to.end + 3]
            passive = f.position and toks[f.position - 1].text in {"are", "is", "get", "gets", "be", "were", "was"}
            several = q.plural and (q.start and toks[q.start - 1].text in _COUNTED or not passive and (
                to.plural or any(t.text in {"per", "each", "every", "cada"} for t in around)))  # 'carers are
            # assigned to visits' gives each visit its carer; 'assign cleaners to jobs' puts several on each
            if several and f"{thing}Assignment" not in r.entities:
                _assignment(r, thing, person)


_WHO_WORKS = re.compile(r"\bwho(?:'s| is| are)? (?:working|staffing|serving at|working at|on shift at|on shift for) "
                        r"(?:each|every|which|the|our) (\w+)")


def _who_works(r: Reading, people: frozenset[str]) -> None:
    """'clients, events, menus, and who's working each event': the staff on each event, one record per person on
    one event."""
    m = _WHO_WORKS.search(r.text)
    thing = next((n for n in r.entities if m and words_of(n).split()[-1] == singular(m.group(1))), None)
    if thing is None or len(r.entities) >= MAX_ENTITIES - 1 or f"{thing}Assignment" in r.entities:
        return
    person = next((n for n in r.entities if n != thing and _person(r, n, people) and
                   n in {"Staff", "StaffMember", "Employee", "Volunteer", "Worker", "Crew", "CrewMember"}), None)
    if person is None:
        person = "Staff"
        _add(r, person)
    _assignment(r, thing, person)


_REDEEM = re.compile(
    r"\b(?:trade|trades|swap|swaps|exchange|exchanges|redeem|redeems|spend|spends|cash|canjea\w*|cambia\w*|gasta\w*) "
    r"(?:in )?(?:their |the |his |her |sus |los |las )?(?:points|stars|credits|tokens|puntos|estrellas|creditos) "
    r"(?:for|por|en) (?:\w+ )?(rewards|prizes|treats|premios|recompensas|regalos)\b|"
    r"\b(?:points|stars|credits|tokens|puntos|estrellas) (?:that |which |que |to |para )?"
    r"(?:they |you |kids |children |members |customers )?(?:can |could |pueden |puedan )?"
    r"(?:trade|swap|exchange|redeem|spend|canjear|cambiar|gastar) (?:for|por|en) (?:\w+ )?"
    r"(rewards|prizes|treats|premios|recompensas|regalos)\b")


def _redemptions(r: Reading, people: frozenset[str]) -> None:
    """'they can trade points for rewards': the rewards are kept, and each redemption is a person's."""
    m = _REDEEM.search(r.text)
    person = next((n for n in r.entities if _person(r, n, people)), None)
    if m is None or person is None or len(r.entities) >= MAX_ENTITIES - 1:
        return
    word = m.group(1) or m.group(2)
    reward = "Reward" if word in {"rewards", "premios", "recompensas", "treats"} else "Prize"
    if reward not in r.entities:
        r.entities[reward] = parse_entities(f"{reward}: name, points_cost:int, description?")[0]
        r.words_for[reward] = word
    if "Redemption" not in r.entities:
        _keep_record(r, parse_entities("Redemption: redeemed_on:date, points:int")[0])
    add_link(r, "Redemption", reward)
    add_link(r, "Redemption", person)


def _quoted_people(r: Reading) -> None:
    """'presupuestos que el paciente tiene que aprobar': a quote is made for a customer (or patient, or client)."""
    if "Quote" not in r.entities or any(c == "Quote" and p in _QUOTED_FOR for c, p, _ in r.links):
        return
    person = next((n for n in _QUOTED_FOR if n in r.entities), None)
    if person is not None:
        add_link(r, "Quote", person)


_QUOTED_FOR = ("Customer", "Client", "Patient")


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


_WHEN = {"when", "before", "after", "once", "if", "until", "cuando", "antes", "despues", "si"}


_NOT_DOERS = {"app", "software", "system", "tool", "platform", "site", "website", "it", "program", "application"}


def _inspections(r: Reading) -> None:
    """'The committee inspects plots twice a year', 'el veterinario examina a los perros': each inspection is a dated
    record of the thing inspected (and of who inspects, when the app keeps them), not an act with nothing kept."""
    acts = load("verbs")["inspections"]
    for f in r.frames:
        record = acts.get(f.verb) if f.verb != "_doc" else None
        thing = next((n for p in f.objects for n in (r.entity_of(p), name_of(p, r.language)) if n in r.entities), None)
        toks = r.sentences[f.sentence]
        we = f.position > 0 and toks[f.position - 1].text in {"we", "i", "they", "nosotros"} or \
            r.language == "es" and toks[f.position].text.endswith("mos")  # 'we inspect', 'revisamos'
        if record is None or thing is None or thing == record or len(r.entities) >= MAX_ENTITIES or \
                (f.subject is None or f.subject.head in _NOT_DOERS) and not we:
            continue
        if record not in r.entities:
            _add(r, record)
            r.words_for.setdefault(record, words_of(record))
        if not any(c == record and p == thing for c, p, _ in r.links):
            add_link(r, record, thing)
        doer = r.entity_of(f.subject) if f.subject is not None else None
        if doer and doer in r.entities and doer not in {thing, record} and words_of(doer) in word_set("people"):
            add_link(r, record, doer)


def _whose(r: Reading, pattern: re.Pattern[str], people: list[str]) -> str | None:
    """The person a cue's words are said of: the one named in them or just before ('player availability', 'each
    dentist's working hours', 'instructors and their availability'), else None."""
    for si, text in enumerate(_said(r)):
        m = pattern.search(text) if _affirmed(pattern, text) else None
        if m is None:
            continue
        start, end = len(text[:m.start()].split()), len(text[:m.end()].split())
        near = [p for p in r.phrases if p.sentence == si and start - 4 <= p.start < end and
                r.entity_of(p) in people] or \
            [p for p in r.phrases if p.sentence == si and start - 8 <= p.start < start and  # 'X should be able to'
             r.entity_of(p) in people and "," not in text.split()[p.start:start]]
        if near:
            return r.entity_of(max(near, key=lambda p: p.start))
    return None


def _named_beside(r: Reading, pattern: re.Pattern[str], added: str) -> str | None:
    """The thing a reminder is for, when its sentence names it after 'when' or 'before' ('remind me when a
    treatment period ends': the treatment's reminders), else None."""
    for si, text in enumerate(_said(r)):
        m = pattern.search(text) if _affirmed(pattern, text) else None
        if m is None:
            continue
        at = len(text[:m.start()].split())
        words = text.split()
        for p in (p for p in r.phrases if p.sentence == si and at < p.start <= at + 8):
            between = words[at + 1:p.start]
            if "," in between or not _WHEN & set(between):
                continue  # 'remind me when a treatment period ends', not 'reminders, notes'
            name = r.entity_of(p) or next((n for n in r.entities for w in p.words[:-1] if words_of(n) == singular(w)),
                                          None)  # 'a treatment period': the treatment's
            if name and name != added and name in r.entities and words_of(name) not in word_set("people"):
                return name
    return None


_RUNS_OUT = re.compile(r"(^|_)(expir\w*|expires|caducidad|vencimiento|due|renewal|next_\w+)(_|$)")


def _dated(r: Reading) -> str | None:
    """The last-named thing with an expiry, due or next date ('certificates with expiry dates - remind people 30 days
    before they run out'): what a reminder is counted from."""
    return next((n for n, e in reversed(r.entities.items()) if n != "Reminder" and any(_RUNS_OUT.search(f.name)
                                                                                      for f in e.fields)), None)


def _said(r: Reading) -> list[str]:
    """Each sentence's words, without an act's details ('a message for the top' of a cake order is no messaging)."""
    spans = {(p.sentence, i) for p in r.phrases if id(p) in r.details_of_acts for i in range(p.start, p.end)}
    return [" ".join(t.text for i, t in enumerate(toks) if (si, i) not in spans) for si, toks in enumerate(r.sentences)]


def _affirmed(pattern: re.Pattern[str], sentence: str) -> bool:
    """The sentence asks for it: matched, and not after a 'not', 'without' or 'sin'."""
    for m in pattern.finditer(sentence):
        if _listed_detail(sentence, m):
            continue  # 'rentals with start/end date and deposit': the deposit is a detail of the rental
        clause = sentence[:m.start()].rsplit(",", 1)[-1]  # 'with or without an engineer, ... and pay' pays
        return not _NEGATION.search(" ".join(clause.split()[-10:]))
    return False


_DETAIL_WORDS = {"deposit", "deposits", "fianza", "senal"}


def _listed_detail(sentence: str, m: re.Match[str]) -> bool:
    """'(name, condition, deposit)', 'rentals w/ deposit, damage reports': a detail word said between a list's
    commas, not something done."""
    if m.group(0) not in _DETAIL_WORDS:
        return False
    before = sentence[:m.start()].split()[-1:] or [""]
    after = sentence[m.end():].split()[:1] or [""]
    return before[0] in {",", "(", ":", "and", "with", "w/", "w", "y", "con"} and after[0] in {",", ")", ".", "and",
                                                                                             "y", ""}


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
