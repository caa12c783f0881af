"""Domain knowledge about nouns: which words name things, what fields those things usually have."""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllLemmas

from core.engine.understand.catalogue import DOMAINS, LIBRARY, Domain, parse_entities
from core.engine.understand.lexicon import ENTITY_WORDS_EN, ENTITY_WORDS_ES, FIELD_WORDS_ES, pascal
from core.engine.understand.vocab import load, word_set
from core.spec import EntitySpec, FieldSpec


def words_of(name: str) -> str:
    """PascalCase -> its lower-case words ('SavingsGoal' -> 'savings goal')."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r" \1", name).lower()


@cache
def definitions() -> dict[str, EntitySpec]:
    """Typical fields of every noun we know (nouns.json first, then the catalogue's domains), by entity name."""
    out: dict[str, EntitySpec] = {e.name: e for e in parse_entities(load("nouns")["entities"])}
    for d in (*DOMAINS, LIBRARY):
        for e in parse_entities(d.entities):
            out.setdefault(e.name, e)
    for name, known in load("nouns")["fields_of"].items():
        if name not in out and known in out:  # a marina's Berth: the user's word, a Mooring's fields
            out[name] = EntitySpec(name=name, fields=[f.model_copy() for f in out[known].fields],
                                   relations=[x.model_copy() for x in out[known].relations])
    return out


@cache
def known_words() -> frozenset[str]:
    """Singular nouns (EN, one or two words) that name things an app stores."""
    words = {words_of(n) for n in definitions()} | set(ENTITY_WORDS_EN) | set(load("nouns")["names"])
    return frozenset(w for w in words if w not in word_set("abstract_nouns"))


def entity_name(head: str, modifier: str | None, language: str) -> str:
    """The entity name for a head noun (singular) and an optional noun modifier kept in the name."""
    names = load("nouns")["names"]
    if language == "es" and head in ENTITY_WORDS_ES:
        return ENTITY_WORDS_ES[head]
    if language == "es" and not modifier and head in load("spanish")["names"]:
        return load("spanish")["names"][head]  # 'electrodomésticos' are Appliances, not Electrodomesticos
    if language == "es" and not modifier and re.fullmatch(r"[a-z]+", FIELD_WORDS_ES.get(head, "-")):
        return pascal(FIELD_WORDS_ES[head])  # 'los resultados de cada estudio' are Results, not Resultados
    if language == "es" and not modifier and (english := _cognate(head)):
        return pascal(english)  # 'las emociones' are Emotions, not Emocion
    if modifier:
        phrase = f"{modifier} {head}"
        return names.get(phrase) or ENTITY_WORDS_EN.get(phrase) or pascal(phrase)
    return names.get(head) or pascal(head)


_COGNATE_ENDINGS = (("ccion", "ction"), ("cion", "tion"), ("sion", "sion"), ("idad", "ity"), ("ismo", "ism"),
                    ("ista", "ist"), ("ia", "y"))


@cache
def _cognate(head: str) -> str | None:
    """The English noun a Spanish word regularly becomes ('emocion' -> emotion, 'dentista' -> dentist), when English
    has it."""
    for es, en in _COGNATE_ENDINGS:
        if head.endswith(es) and len(head) > len(es) + 2:
            english = head[:-len(es)] + en
            return english if "NOUN" in getAllLemmas(english) else None
    return None


def definition(name: str, domain: str = "", text: str = "") -> EntitySpec | None:
    """A copy of what we know about an entity (the request's kind of app knows best), if anything.

    With the request's `text`, a definition only one kind of app gives is not used when the text is about another
    kind and shows that one by nothing but the entity's own word: an events site's `Ticket` gets no priority.
    """
    home = next((d for d in DOMAINS if d.key == domain), None)
    own = next((e for e in parse_entities(home.entities) if e.name == name), None) if home else None
    if own is not None and text and name in _noun_definitions() and not _shows(home, text, words_of(name)):
        own = None  # 'rents rooms to bands by the hour': a hotel's Room only where the text is about lodging
    for sense in load("nouns")["senses"].get(name, []) if text else []:
        if ("when" not in sense or re.search(sense["when"], text)) and \
                ("unless" not in sense or not re.search(sense["unless"], text)):
            return parse_entities(sense["entity"])[0]  # 'customers commission panels': a piece made to order
    if own is None and text and name not in _noun_definitions():
        homes = [d for d in DOMAINS if any(e.name == name for e in parse_entities(d.entities))]
        other_score, other = best_domain(text)
        keys = {d.key for d in homes}
        two = name in load("nouns")["two_senses"]  # a help desk's Ticket and an events site's
        if (len(homes) == 1 or two and homes) and (other.key not in keys or other.key in keys and two) and \
                not any(_shows(d, text, words_of(name)) for d in homes):  # 'reserve tickets' makes no help desk
            label = "title" if is_title_noun(name) else "name"
            return parse_entities(f"{name}: {label}, notes?")[0]
    known = own or definitions().get(name)
    if known is None:  # 'bugs' keep their word and get what an Issue has; 'vendors' what a Supplier has
        alias = ENTITY_WORDS_EN.get(words_of(name))
        if alias and alias != name and alias in definitions():
            said = next((e for d in DOMAINS if d.key == domain for e in parse_entities(d.entities) if e.name == alias),
                        definitions()[alias])  # 'vacancies' on a job board are its jobs
            return EntitySpec(name=name, fields=[f.model_copy() for f in said.fields],
                              relations=[x.model_copy() for x in said.relations])
    if known is None and name.endswith(("Reading", "Measurement")) and len(name) > len("Reading") and \
            not name.startswith(("Story", "Book", "Bible", "Poetry", "Tarot", "Palm", "Scripture", "Script", "Play",
                                 "Public", "Group", "Lesson")):
        return parse_entities(f"{name}: recorded_at:datetime, value:decimal, notes?")[0]  # 'temperature readings'
    return known.model_copy(deep=True) if known else None


@cache
def _noun_definitions() -> frozenset[str]:
    """Entities nouns.json defines for any kind of app."""
    return frozenset(e.name for e in parse_entities(load("nouns")["entities"]))


def _shows(domain: Domain, text: str, own_word: str) -> bool:
    """Whether the text names the kind of app by a trigger other than the entity's own word (and its plural)."""
    own = {own_word, own_word + "s", own_word + "es"}
    words = [t.replace("+", " ") for t in domain.triggers.split()]
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words if w not in own)


@cache
def _triggers(domain: Domain) -> tuple[tuple[re.Pattern[str], int], ...]:
    """A domain's trigger words as patterns with weights (phrases weigh more)."""
    return tuple((re.compile(rf"\b{re.escape(t.replace('+', ' '))}\b"), 3 if "+" in t else 2)
                 for t in domain.triggers.split())


_ADMISSION = re.compile(r"\b((?:book|books|booking|buy|buys|buying|purchase|purchases|reserve|reserves|sell|sells|"
                        r"selling|order|orders|adult|child|concession|student|season) (?:\w+ ){0,2})tickets?\b|"
                        r"\btickets?(?= (?:for|to) (?:a|an|the|each|every|our|upcoming) )")


def best_domain(text: str) -> tuple[int, Domain]:
    """The kind of app the normalised text names most strongly, with its score (0 when none)."""
    text = _ADMISSION.sub(lambda m: f"{m.group(1) or ''}admission", text)  # 'book tickets for a show': seats
    scored = [(sum(w * min(2, len(p.findall(text))) for p, w in _triggers(d)), -i, d) for i, d in enumerate(DOMAINS)]
    score, _, domain = max(scored, key=lambda t: t[:2])
    return score, domain


def is_title_noun(name: str) -> bool:
    """Whether the entity is labelled by a title (a post, a task) rather than a name."""
    return name in load("nouns")["title_nouns"]


def is_dependent(name: str) -> bool:
    """Whether the entity records something about others (a rating, a loan, a log entry) and needs no label."""
    deps = load("nouns")["dependents"]
    return name in deps or any(name.endswith(d) and name != d for d in (
        "Log", "Entry", "Item", "Line", "Record", "Photo", "Image", "Observation", "Assignment", "Stock", "Score"))


@cache
def known_parents() -> dict[str, frozenset[str]]:
    """Entity -> every parent any definition gives it (an Order belongs to a Customer, a Loan to a Book...)."""
    out: dict[str, set[str]] = {}
    for d in (*DOMAINS, LIBRARY):
        for e in parse_entities(d.entities):
            out.setdefault(e.name, set()).update(r.target for r in e.relations)
    for e in parse_entities(load("nouns")["entities"]):
        out.setdefault(e.name, set()).update(r.target for r in e.relations)
    for child, known in load("nouns")["parents"].items():  # 'shows, episodes': each episode is of a show
        out.setdefault(child, set()).update(known)
    return {k: frozenset(v) for k, v in out.items()}


@cache
def known_joins() -> tuple[EntitySpec, ...]:
    """Catalogue entities that join two others (OrderItem between Order and Product, Loan between Book and Member)."""
    out = []
    for d in DOMAINS:
        for e in parse_entities(d.entities):
            if sum(r.required for r in e.relations) >= 2 and e.name.endswith(("Item", "Line", "Entry")):
                out.append(e)
    return tuple(out)


def member_fee(name: str = "MembershipFee") -> EntitySpec:
    """A member's fee for a period (MembershipFee or MonthlyFee): what is due, when, and whether it was paid."""
    return EntitySpec(name=name, fields=[
        FieldSpec(name="period", max_length=40), FieldSpec(name="amount", type="decimal"),
        FieldSpec(name="due_date", type="date", required=False), FieldSpec(name="paid", type="bool", required=False)])
