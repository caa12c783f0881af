"""Prompt -> AppSpec as a pipeline of small stages passing one Reading along (see docs/ENGINE.md)."""

from __future__ import annotations

import re
from collections.abc import Callable

from lemminflect import getAllLemmas

from core.engine.understand.acts import details_stage, find_stage, records_stage
from core.engine.understand.attributes import (
    LOOKUPS,
    attributes_stage,
    choices_stage,
    ensure_label,
    keep_entity,
    marked_states_stage,
)
from core.engine.understand.candidates import candidates_stage
from core.engine.understand.catalogue import DOMAINS, TITLE_DOMAINS, Domain, parse_entities
from core.engine.understand.companions import companions_stage
from core.engine.understand.coverage import coverage_stage, said_as
from core.engine.understand.entities import AGENT_ENDINGS, PEOPLE, TIME_SPENT, entities_stage, name_of
from core.engine.understand.features import features_stage
from core.engine.understand.fields import field_ident, infer_field
from core.engine.understand.knowledge import (
    best_domain,
    definition,
    entity_name,
    known_words,
    member_fee,
    words_of,
)
from core.engine.understand.lexicon import normalise
from core.engine.understand.prd import parse_prd, prd_title
from core.engine.understand.reach import reach_stage
from core.engine.understand.reading import Phrase, Reading
from core.engine.understand.relations import MAX_ENTITIES, add_link, apply_links, order, relations_stage
from core.engine.understand.sentences import known_nouns, normalise_stage, sentences_stage
from core.engine.understand.style import infer_theme
from core.engine.understand.vocab import load, singular, word_set
from core.errors import ValidationError
from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, RelationSpec, account_entity, pluralize, snake

MAX_PROMPT = 20_000
_KIND_WORDS = 25  # a request this short that names nothing gets the kind's usual entities


def _in_passing(head: str, m: re.Match[str]) -> bool:
    """'carpool for school drop-off': the kind word says who or what the app is for, not what it is."""
    before = head[:m.start()].split()
    of = before[-1:] in (["of"], ["de"], ["del"]) or before[-2:-1] in (["of"], ["de"])
    return before[-1:] in (["for"], ["para"]) or of and bool({"for", "para"} & set(before[-6:]))
    # 'un afinador para los chavales de la orquesta': whose kids, not what the app is


def _kind_in(text: str) -> str | None:
    """The kind of app a phrase of `text` names ('a CRM', 'personal finances'), unless said in passing."""
    return next((k for phrase, k in load("words")["kinds"].items()
                 if (m := re.search(rf"\b{re.escape(phrase)}\b", text)) and not _in_passing(text, m)), None)


_GOODS_VERBS = {"rent": "Item", "hire": "Item", "lend": "Item", "alquilar": "Item", "sell": "Product",
                "stock": "Product", "vender": "Product"}
_NOT_GOODS = {"ticket", "membership", "subscription", "service", "class", "course", "lesson", "room", "space",
              "voucher", "plan", "package", "pass", "session", "tour", "experience", "entrada", "clase", "curso"}
_MASS_GOODS = {"equipment", "gear", "kit", "equipo", "material", "equipamiento"}


def _after_mass_noun(r: Reading, objects: list[Phrase]) -> list[Phrase]:
    """'rent out gear: wetsuits, boards, leashes', 'alquilamos equipo: jacket, regulador, neopreno': the kinds listed
    after a word for goods in general and a colon (empty when the objects say no such thing)."""
    if len(objects) != 1 or objects[0].head not in _MASS_GOODS:
        return []
    o = objects[0]
    toks = r.sentences[o.sentence]
    if o.end >= len(toks) or toks[o.end].text != ":":
        return []
    return [q for q in r.phrases if q.sentence == o.sentence and q.start > o.end and
            toks[q.start - 1].text not in {"por", "per", "by", "in"}]  # 'neopreno por tallas': sizes of one kind


def _goods_listed(r: Reading) -> None:
    """'we rent out marquees, tables, chairs and PA systems', 'vendemos velas, jabones y sales de baño': three or more
    kinds of goods are one table of items (or products) with the kind as a category, not a table per kind."""
    for f in r.frames:
        kind = _GOODS_VERBS.get(f.verb)
        subject = f.subject.head if f.subject is not None else None
        objects = _after_mass_noun(r, f.objects) or f.objects
        if kind is None or len(objects) < 3 or subject not in {None, "we", "i", "nosotros", "yo"} or \
                kind in r.entities or f.position > 3:
            continue
        names = [r.entity_of(o) for o in objects]
        said = [(o, n) for o, n in zip(objects, names, strict=True) if n]
        if len(said) < 3 or any(o.head in _NOT_GOODS or o.head in PEOPLE or r.field_lists.get(n) or
                                r.entities[n].relations or n in r.records for o, n in said):
            continue
        values = list(dict.fromkeys(snake(o.said()) for o in objects))
        fields = [FieldSpec(name="name", max_length=200),
                  FieldSpec(name="category", type="enum", choices=[*values, "other"], required=False)]
        fields += [FieldSpec(name="quantity_owned", type="int", required=False),
                   FieldSpec(name="daily_rate", type="decimal", required=False)] if kind == "Item" else [
            FieldSpec(name="price", type="decimal"), FieldSpec(name="stock", type="int", required=False)]
        gone = {n for _, n in said} | {n for n in map(r.entity_of, f.objects[:1]) if n and objects is not f.objects}
        r.entities = {(kind if n == said[0][1] else n): (EntitySpec(name=kind, fields=fields) if n == said[0][1]
                                                        else e) for n, e in r.entities.items() if
                      n == said[0][1] or n not in gone}
        for n in gone:
            r.words_for.pop(n, None)
        r.words_for[kind] = words_of(kind)
        r.links = [(kind if c in gone else c, kind if p in gone else p, k) for c, p, k in r.links
                   if not (c in gone and p in gone)]
        r.main = kind if r.main in gone or not r.main else r.main
        for o in [o for o, _ in said] + (f.objects[:1] if objects is not f.objects else []):
            r.named[id(o)] = kind  # what is rented is the item
        return


def kinds_stage(r: Reading) -> Reading:
    """'a CRM', 'a blog', 'an online shop': a short request that names no thing gets its kind's usual entities."""
    _goods_listed(r)
    head = " ".join(t.text for t in r.sentences[0][:8]) if r.sentences else ""
    kind = _kind_in(head)  # what the request is ('a CRM'), not a word in passing ('stock levels')
    kinds = {singular(k, r.language) for k in load("words")["kinds"]}
    late = not kind and not r.entities and bool(r.sentences) and all(
        singular(w, r.language) in kinds for w in r.fallback.values())  # 'las finanzas': the kind, not a table
    if late:  # 'X is a program that helps people look after their personal finances'
        kind = _kind_in(" ".join(t.text for t in r.sentences[0]))
        kind = None if any(d.key == kind for d in TITLE_DOMAINS) else kind  # '... antes de enviarlas a imprenta'
    if kind == "library" and re.search(r"\b(?:lending|tools?|toys?|seeds?|games?|gear|kit|equipment|things?|"
                                       r"instruments?) library\b", head) and \
            not re.search(r"\b(books?|reading|libros?)\b", r.text):
        kind = None  # 'a tool library', 'a toy lending library': the things lent are named, not books
    domain = next((d for d in _KINDS if d.key == kind), None)
    vague_kind = domain is not None and domain.key == "planner" and bool(r.fallback)  # 'manage social commitments'
    if not r.entities and (domain is None or len(r.text.split()) > _KIND_WORDS and not late or vague_kind):
        for name, word in r.fallback.items():  # 'helps users track their daily water intake'
            r.entities[name] = definition(name, r.domain) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
            r.words_for[name] = word
        r.main = next(iter(r.entities), "")
    if len(r.entities) == 1 and _titled(r):
        one = _domain_of_one(r, domain)  # 'Student management system': a school's usual records, not one table
        if one is not None:
            _apply_kind(r, one, skip={"Category", "Tag"})  # what nobody asked for a title does not bring
            return r
        only = next(iter(r.entities))
        if domain is not None and _is_the_business(r, only, head):
            del r.entities[only]  # 'Animal shelter management': the shelter is the business the app runs
            r.words_for.pop(only, None)
            r.main = ""
            _apply_kind(r, domain, skip={"Category", "Tag"})
            return r
    if r.entities and domain is not None and len(r.text.split()) <= _KIND_WORDS:
        known = {e.name: e for e in parse_entities(domain.entities)}
        for name in [n for n in r.entities if all(x in known for x in r.entities)]:  # 'un blog con comentarios'
            for parent in (x.target for x in known[name].relations if x.required and x.target not in r.entities):
                if parent in known:
                    r.entities[parent] = known[parent].model_copy(update={"relations": []}, deep=True)
                    r.words_for[parent] = words_of(parent)
    if r.entities or domain is None or (len(r.text.split()) > _KIND_WORDS and not late):
        return r
    _apply_kind(r, domain)
    return r


_KINDS = (*DOMAINS, *TITLE_DOMAINS)  # every kind of app a request can name
_TITLE_WORDS = {"management", "system", "app", "application", "platform", "portal", "software", "tool", "manager",
                "tracker", "board", "gestion", "sistema", "plataforma", "aplicacion", "tablero"}


def _titled(r: Reading) -> bool:
    """A request that is only a title ('Employee management system', 'Sistema de gestión de alumnos')."""
    words = r.text.strip(" .!").split()
    return len(r.sentences) == 1 and len(words) <= 6 and bool(set(words) & _TITLE_WORDS) and \
        not set(words) & {"with", "con", "where", "donde", "that", "que", "for", "para"} and ":" not in r.text


def _is_the_business(r: Reading, name: str, head: str) -> bool:
    """Whether the one thing a title names is the business a kind phrase of it names ('animal shelter', 'orquesta')."""
    said = r.words_for.get(name, words_of(name))
    return any(re.search(rf"\b{re.escape(phrase)}\b", head) and phrase.split()[-1] in said.split()
               for phrase in load("words")["kinds"])


def _domain_of_one(r: Reading, named: Domain | None) -> Domain | None:
    """The kind of app (the one the title names, else the one its words suggest) whose usual records include the
    one thing a title names."""
    score, domain = (2, named) if named is not None else best_domain(r.text)
    name = next(iter(r.entities))
    return domain if score >= 2 and any(e.name == name for e in parse_entities(domain.entities)) else None


def _apply_kind(r: Reading, domain: Domain, skip: frozenset[str] | set[str] = frozenset()) -> None:
    """The kind's usual entities (but `skip`), beside any the request named."""
    r.domain = domain.key
    for e in parse_entities(domain.entities):
        if e.name in skip:
            continue
        if e.name not in r.entities:
            r.entities[e.name] = e
            r.words_for[e.name] = words_of(e.name)
        else:
            if not r.entities[e.name].relations:
                r.entities[e.name].relations = e.relations  # its links within the kind ('Student' of a school)
            if [f.name for f in r.entities[e.name].fields] == ["name"]:
                r.entities[e.name].fields = e.fields  # 'car wash management': a wash is what the kind says
    r.main = r.main or next(iter(r.entities))


def style_stage(r: Reading) -> Reading:
    """The theme the prompt asks for."""
    r.theme = infer_theme(r.prompt)
    return r


STAGES: list[tuple[str, Callable[[Reading], Reading]]] = [
    ("normalise", normalise_stage), ("sentences", sentences_stage), ("candidates", candidates_stage),
    ("acts", find_stage), ("entities", entities_stage), ("records", records_stage), ("attributes", attributes_stage),
    ("kinds", kinds_stage), ("relations", relations_stage), ("features", features_stage),
    ("companions", companions_stage), ("details", details_stage), ("marked", marked_states_stage),
    ("choices", choices_stage),
    ("style", style_stage), ("reach", reach_stage), ("coverage", coverage_stage),
]


def read(prompt: str) -> Reading:
    """Run every stage over the prompt."""
    r = Reading(prompt)
    for _name, stage in STAGES:
        r = stage(r)
    return r


def understand(prompt: str, name: str | None = None) -> AppSpec:
    """The AppSpec a prompt asks for; UnsupportedRequestError when it is out of reach."""
    if not prompt or not prompt.strip():
        raise ValidationError("The prompt is empty: describe the app you want, e.g. 'a task manager with "
                              "projects and due dates'.")
    if len(prompt) > MAX_PROMPT:
        raise ValidationError(f"The prompt is too long ({len(prompt)} characters, at most {MAX_PROMPT}).")
    if name and name.strip() and not kebab(name):
        raise ValidationError(f"The project name '{name}' has no letters or digits; choose another.")
    prd = parse_prd(prompt)
    r = Reading(prompt)
    if prd:
        for stage in (normalise_stage, style_stage):
            r = stage(r)
        entities, domain, title = order(prd), "prd", prd_title(prompt) or "App"
        from core.engine.understand.features import FEATURE_PATTERNS

        r.features = [f for f, p in FEATURE_PATTERNS.items() if p.search(r.text)]
    else:
        r = read(prompt)
        _account_without_parents(r)
        _account_commented_on(r)
        _made_by_users(r)
        _drop_shortcuts(r)
        _lists_without_boards(r)
        _no_counts_of_children(r)
        _species(r)
        _fields_naming_entities(r)
        _glosses(r)
        _kids_are_the_learners(r)
        _notes_are_a_field(r)
        _kinds_are_values(r)
        _listed_kinds_of_gear(r)
        _comings_and_goings(r)
        _reports_of_harm(r)
        _membership_fees(r)
        _adoption_applications(r)
        _applications_decided(r)
        _signed_forms(r)
        _one_off_orders(r)
        _menu_is_its_dishes(r)
        _groups_that_book(r)
        _sponsorships(r)
        _plans_chosen(r)
        _scores_on_a_leaderboard(r)
        _time_entries_join(r)
        _daily_readings(r)
        _gerund_logs(r)
        _logged_events(r)
        _lent_gear_es(r)
        _visits_are_the_bookings(r)
        _questionnaires_filled_in(r)
        _skills_of_people(r)
        _qualifications_held(r)
        _entries_and_results(r)
        _clinical_notes(r)
        _assigned_not_owned(r)
        _lines_said_as_lines(r)
        _verbs_are_no_things(r)
        _one_rating(r)
        for e in r.entities.values():
            if e.name not in r.records:
                ensure_label(e)
            said = {f.name for f in e.fields}  # 'the duration' said beside a known duration_minutes: one field
            e.fields = [f for f in e.fields if not any(f"{f.name}_{unit}" in said for unit in _UNITS)]
            values = {f"{f.name}_{c}" for f in e.fields if f.type == "enum" for c in f.choices or []}
            e.fields = [f for f in e.fields if f.name not in values]  # 'status free / in use': a value, not a field
            if not e.name.endswith(_VEHICLES):  # 'boiler (make, model, install date)': the boiler_model
                for f in e.fields:
                    f.name = f"{snake(e.name)}_model" if f.name == "vehicle_model" else f.name
        entities, domain = apply_links(r), r.domain
        title = _title(r)
    rename_entity(entities, r.feature_specs, "Upload", "FileUpload")  # the generated app has its own uploads table
    _follows_between_people(entities)
    _lines_of_their_parent(entities, r)
    for reserved in ("AuthUser", "AuthToken", "ContactMessage"):
        if any(e.name == reserved for e in entities):
            raise ValidationError(f"The entity name '{reserved}' is reserved by the generated app; rename it.")
    entities = _one_per_table(entities[:30], r.feature_specs)
    account = r.account if r.account in {e.name for e in entities} else "User"
    if "auth" in r.features and account not in {e.name for e in entities} and len(entities) < 30:
        entities.insert(0, account_entity(account))  # 'they log in': the accounts table the app will have
    specs = _specs_for(entities, r)
    app_name = kebab(name) if name and name.strip() else _app_name(prompt, title)
    return AppSpec(name=app_name, title=name.strip()[:80] if name and name.strip() else title,
                   description=prompt.strip().splitlines()[0].strip("# ")[:300], language=r.language,
                   domain=domain, entities=entities, features=r.features, feature_specs=specs,
                   theme=r.theme, requested=r.requested, not_built=r.not_built,
                   account=r.account if r.account in {e.name for e in entities} else "User")


def _follows_between_people(entities: list[EntitySpec]) -> None:
    """'users follow other cooks': a Follow joins the follower and the one followed, two people of one table."""
    for e in entities:
        people = [x for x in e.relations if x.kind == "belongs_to"]
        if e.name != "Follow" or len(e.relations) != 1 or len(people) != 1:
            continue
        e.relations.append(RelationSpec(kind="belongs_to", target=people[0].target, field="followed_id"))
        if [f.name for f in e.fields] == ["name"]:
            e.fields = [FieldSpec(name="followed_at", type="datetime", required=False)]


def _one_per_table(entities: list[EntitySpec], specs: list[FeatureSpec]) -> list[EntitySpec]:
    """Two names with one table ('Cach' and 'Cache' from a misread plural) are one entity: the first is kept and
    whatever pointed at the other points at it."""
    kept: dict[str, str] = {}
    out: list[EntitySpec] = []
    for e in entities:
        if e.table in kept:
            kept[e.name] = kept[e.table]
            continue
        kept[e.table] = e.name
        out.append(e)
    gone = {n: k for n, k in kept.items() if n in {e.name for e in entities} and n != k}
    for e in out:
        seen: set[str] = set()
        rels = []
        for rel in e.relations:
            if rel.target in gone:
                old = rel.target
                rel.target, rel.field = gone[old], rel.field.replace(snake(old), snake(gone[old]), 1)
            if rel.target != e.name and (rel.target, rel.kind, rel.field) not in seen:
                seen.add((rel.target, rel.kind, rel.field))
                rels.append(rel)
        e.relations = rels
    for fs in specs:
        fs.entity = gone.get(fs.entity, fs.entity)
        fs.target = gone.get(fs.target, fs.target)
    return out


def _no_counts_of_children(r: Reading) -> None:
    """'sites have units (make, model, serial)': a site's units are its Unit records, not a 'units' number field."""
    for child, parent, kind in r.links:
        owner = r.entities.get(parent)
        if kind != "belongs_to" or owner is None or child not in r.entities:
            continue
        said = {pluralize(snake(child)), pluralize(snake(child).split("_")[-1])}
        owner.fields = [f for f in owner.fields if not (f.name in said and f.type in {"int", "string"})]


_UNITS = ("minutes", "hours", "days", "km", "kg", "litres", "liters", "m", "cm", "mm", "seconds", "gallons", "miles")
_VEHICLES = ("Vehicle", "Car", "Van", "Truck", "Lorry", "Bus", "Coach", "Motorbike", "Motorcycle", "Scooter", "Tractor",
             "Trailer", "Taxi", "Cab", "Caravan", "Motorhome", "Camper")


_PETS = re.compile(r"\b(pets?|dogs?|cats?|puppy|puppies|kittens?|mascotas?|perros?|gatos?|"
                   r"livestock|cattle|herd|ganado)\b")


_DAILY = {"daily", "diario", "diaria", "diarios", "diarias", "morning", "manana", "nightly"}
_EVERY = {"every", "each", "cada", "twice", "a", "al"}  # "dos veces al dia"
_PUNCT = {",", ";", ":", "(", ")", ".", "-", "+"}
_MEASURED = {"weight": "weight", "weights": "weight", "weigh-ins": "weight", "temperature": "temperature",
             "temperatures": "temperature", "humidity": "humidity", "ph": "ph", "glucose": "glucose",
             "gravity": "gravity", "baume": "baume", "peso": "weight", "pesos": "weight", "temperatura": "temperature",
             "temperaturas": "temperature", "humedad": "humidity", "glucosa": "glucose"}


def _daily_readings(r: Reading) -> None:
    """'daily weights', 'weight every morning', 'temperatura y humedad que apuntamos cada dia': a measurement logged
    over time is a row per reading of the thing measured (WeightRecord, or a Reading of several measures), not one
    field that each new reading would overwrite."""
    bare = "Reading" in r.entities and [f.name for f in r.entities["Reading"].fields] in ([], ["name"])
    if len(r.entities) >= MAX_ENTITIES or {"WeightRecord", "Reading"} & set(r.entities) and not bare:
        return  # a bare 'lecturas de humedad' is filled with what is measured
    for si, toks in enumerate(r.sentences):
        words = [t.text for t in toks]
        marks = [i - (i > 0 and words[i - 1] in _EVERY) for i, w in enumerate(words) if w in _DAILY and (
            w not in {"morning", "manana"} or i and words[i - 1] in _EVERY) or w in {"day", "dia"} and i and
            words[i - 1] in _EVERY]  # at 'every' of 'every morning'
        marks = [m for m in marks if m >= 0]
        measures = list(dict.fromkeys(_MEASURED[w] for i, w in enumerate(words) if w in _MEASURED and any(
            (0 < i - m <= 4 or 0 < m - i <= 6) and not _PUNCT & set(_clause(words[min(i, m):max(i, m)]))
            for m in marks)
            and not (i and words[i - 1] in {"by", "per", "por"})))
        if not measures:
            continue
        name = "WeightRecord" if measures == ["weight"] else "Reading"
        parent = _measured(r, si, marks[0], measures)
        for gone in [n for n in r.entities if snake(n).split("_")[0] in _MEASURED and n != parent]:
            del r.entities[gone]  # 'Brewers log daily temperature and Baume readings': not tables of their own
            r.links = [x for x in r.links if gone not in x[:2]]
        if parent is not None:
            held = r.entities[parent]
            held.fields = [f for f in held.fields if f.name not in measures] or held.fields
        r.entities[name] = EntitySpec(name=name, fields=[
            *(FieldSpec(name=m, type="decimal") for m in measures),
            FieldSpec(name="taken_at" if name == "Reading" else "recorded_on",
                      type="datetime" if name == "Reading" else "date"),
            FieldSpec(name="notes", type="text", required=False)])
        r.words_for.setdefault(name, " ".join(measures))
        if parent is not None:
            add_link(r, name, parent)
        return


def _clause(words: list[str]) -> list[str]:
    """The words between, with a relative clause's comma dropped ('temperatura y humedad, que anotamos cada dia')."""
    return [w for k, w in enumerate(words) if not (w == "," and words[k + 1:k + 2] in (["que"], ["which"], ["that"]))]


def _measured(r: Reading, si: int, mark: int, measures: list[str]) -> str | None:
    """What a logged reading is of: the thing that holds the measure ('rooms with temperature and humidity'), else
    the one followed one by one ('for each hog', 'every bird that comes in'), else the last thing named before it,
    else the main entity; never a person."""
    def thing(name: str | None) -> bool:
        return bool(name) and name in r.entities and name not in PEOPLE and \
            words_of(name) not in word_set("people") and not words_of(name).endswith(AGENT_ENDINGS) and \
            snake(name).split("_")[0] not in _MEASURED
    holder = next((n for n, e in r.entities.items() if thing(n) and {f.name for f in e.fields} & set(measures)), None)
    each = next((r.entity_of(p) for p in r.phrases if p.start and thing(r.entity_of(p)) and
                 r.sentences[p.sentence][p.start - 1].text in {"each", "every", "cada"}), None)
    before = [r.entity_of(p) for p in r.phrases if p.sentence == si and p.start < mark and thing(r.entity_of(p))]
    return holder or each or (before[-1] if before else None) or (r.main if thing(r.main) else None)


_CLINICAL_NOTES = re.compile(
    r"\b(?:writes?|writing|wrote|adds?|adding|keeps?|keeping|records?|recording|takes?|taking|logs?|logging)"
    r" (?:up |down |their |his |her |the |a |short )?(soap|clinical|session|progress|case|consultation|therapy|"
    r"treatment) notes\b|\bnotas (clinicas|de evolucion|de (?:cada |la )?sesion|de (?:cada |la )?consulta)\b")
_BARE_NOTE = {"name", "title", "content", "body", "pinned", "notes", "written_at"}
_VISITS = ("Appointment", "Session", "Booking", "Reservation", "Consultation", "Visit")
_CLIENTS = ("Patient", "Client", "Customer")


def _clinical_notes(r: Reading) -> None:
    """'after each session the physio writes SOAP notes', 'notas clínicas': a note per visit, kept as its own
    record (SOAP notes in their four parts), not a text box on the visit."""
    m = _CLINICAL_NOTES.search(r.text)
    if m is None:
        return
    kind = m.group(1) or {"clinicas": "clinical", "de evolucion": "progress"}.get(m.group(2), "session")
    name = "TreatmentNote" if kind in {"soap", "treatment"} else f"{kind.capitalize()}Note"
    had = name if name in r.entities else "Note" if "Note" in r.entities else None
    if had is None and (len(r.entities) >= MAX_ENTITIES or any(n.endswith("Note") for n in r.entities)) or \
            had == "Note" and {f.name for f in r.entities[had].fields} - _BARE_NOTE:
        return  # a note the prompt describes is kept as described
    if had == "Note":  # 'escribimos las notas clínicas': the bare Note read from the words is this one
        del r.entities["Note"]
        r.links = [(name if c == "Note" else c, name if p == "Note" else p, k) for c, p, k in r.links]
    soap = kind in {"soap", "clinical", "treatment", "therapy"}
    e = definition("TreatmentNote") if soap else None
    fields = [f.model_copy() for f in e.fields] if e else [
        FieldSpec(name="written_at", type="datetime"), FieldSpec(name="body", type="text", max_length=20000)]
    if had != name or not {f.name for f in r.entities[name].fields} - _BARE_NOTE:
        r.entities[name] = EntitySpec(name=name, fields=fields)  # a ProgressNote we know keeps its own fields
    r.words_for[name] = f"{kind} notes"
    r.records.add(name)
    if had is None:
        r.requested.append(f"{kind} notes" if r.language == "en" else m.group(0))
    r.links = [x for x in r.links if x[1] != name]  # a note is of the visit, not what the visit belongs to
    for e in r.entities.values():
        e.fields = [f for f in e.fields if f.name not in {f"{kind}_notes", "soap_notes", "notas_clinicas"}]
    visit = next((n for v in _VISITS for n in r.entities if n.endswith(v) and n != name and
                  n not in r.records - {"Booking"}), None)
    client = next((n for n in r.entities if n in _CLIENTS), None)
    for parent in (visit, client if visit is None or not any(
            c == visit and p == client for c, p, _ in r.links) else None):
        if parent:
            add_link(r, name, parent)


def _visits_are_the_bookings(r: Reading) -> None:
    """'patients book appointments ... notes after each visit', 'a wishlist for their next visit': the visit is the
    appointment or reservation booked, one table, unless the prompt lists the visit's own fields."""
    booked = next((n for n in ("Appointment", "Booking", "Reservation") if n in r.entities), None)
    if booked is None or "Visit" not in r.entities or r.field_lists.get("Visit") or "Visit" in r.records:
        return
    said = {f.name for f in r.entities["Visit"].fields} - {"visit_date", "start_at", "end_at", "notes", "name"}
    if said:
        return  # a visit with details of its own ('visits with mileage and cost') is kept
    if any(f.name == "notes" for f in r.entities["Visit"].fields) and \
            not any(f.name == "notes" for f in r.entities[booked].fields):
        r.entities[booked].fields.append(FieldSpec(name="notes", type="text", required=False))
    _fold(r, "Visit", booked)


_FILLS_IN = re.compile(r"\b(?:fill(?:s|ing)? (?:in|out)|complet(?:e|es|ing)|submit(?:s|ting)?|answer(?:s|ing)?|"
                       r"rellen\w*|complet\w*|contest\w*) (?:a |an |the |their |his |her |our |un |una |el |la |su )?"
                       r"(?:[\w-]+ )?(?:questionnaire|cuestionario|intake form|health form)s?\b")
_FILLERS = ("Patient", "Client", "Customer", "Member", "Student", "Participant", "Guest", "User")


def _questionnaires_filled_in(r: Reading) -> None:
    """'patients fill in a health questionnaire before their first visit': one questionnaire per patient with
    their answers, not a survey builder of questions and responses."""
    m = _FILLS_IN.search(r.text)
    form = next((n for n in r.entities if n.endswith(("Questionnaire", "IntakeForm", "HealthForm"))), None)
    if m is None or form is None or r.field_lists.get(form) or \
            re.search(r"\b(?:create|creates|build|builds|design|designs|write|writes|add|adds|edit|edits) "
                      r"(?:\w+ ){0,2}(?:questions|questionnaires|surveys)\b", r.text):
        return  # 'the owner builds questionnaires from questions': the questions are kept
    for child in ("Question", "Response"):
        if child in r.entities and not r.field_lists.get(child) and \
                all(form in x[:2] for x in r.links if child in x[:2]):
            del r.entities[child]
            r.links = [x for x in r.links if child not in x[:2]]
    if {f.name for f in r.entities[form].fields} <= {"name", "title", "description"}:  # a known form keeps its own
        r.entities[form].fields = [FieldSpec(name="submitted_on", type="date"),
                                   FieldSpec(name="answers", type="text", max_length=20000)]
    r.records.add(form)
    filler = next((n for n in _FILLERS if n in r.entities), None)
    if filler:
        add_link(r, form, filler)


_SKILLED = re.compile(r"\b(?:(?:their|his|her|its|the right|right|relevant|matching|by|with|has|have|lists?|"
                      r"records?|tag(?:s|ged)? (?:\w+ )?with|add(?:s)?) (?:own |particular |specific |different )?"
                      r"(?:skills?|skillsets?|expertise|specialit(?:y|ies)|specialt(?:y|ies))|"
                      r"(?:skills?|expertise) (?:they|he|she) (?:have|has|offer|offers)|"
                      r"sus (?:habilidades|competencias|especialidades)|(?:que|quien|quienes|cual(?:es)?) (?:\w+ )?"
                      r"(?:sabe|saben) (?:de|hacer) (?:que|cada|cosa))\b")
_WORKERS = ("Volunteer", "Fixer", "Tutor", "Mentor", "Staff", "StaffMember", "Employee", "Technician", "Instructor",
            "Freelancer", "Contractor", "Worker", "Carer", "Helper", "Coach", "Teacher", "Consultant", "Trainer",
            "Candidate", "Member", "Caregiver", "Nurse", "Interpreter", "Translator", "Cleaner", "Handyman")


def _holder_before(r: Reading, at: int, also_not: set[str] | frozenset[str] = frozenset()) -> str | None:
    """The worker or other person said last before position `at` (else the first of them): who has the skills or
    holds the qualifications; customers, patients and guests hold none."""
    people = [n for n in r.entities if n in _WORKERS or words_of(n).split()[-1] in word_set("people") and
              n not in {"User", "Customer", "Client", "Patient", "Guest", "Visitor", *also_not}]
    return _said_last(r, people, r.text[:at]) or next(iter(people), None)


def _skills_of_people(r: Reading) -> None:
    """'match them with a fixer who has the right skills', 'qué voluntarios saben de qué': each person has several
    skills and each skill is had by several people (many-to-many), not one skill per person."""
    m = _SKILLED.search(r.text)
    if m is None or re.search(r"\bskill levels?\b", r.text) and "Skill" not in r.entities:
        return  # 'skill level: beginner / advanced' is a field of whoever has it
    person = _holder_before(r, m.start(), {"Student"})
    if person is None:
        return
    said_word = re.search(r"speciali[st]|specialt|especialidad", m.group(0))
    table = next((n for n in ("Specialty", "Speciality", "Skill") if n in r.entities), None) or (
        "Speciality" if said_word and "speciali" in said_word.group(0) else "Specialty" if said_word else "Skill")
    if table not in r.entities:
        if len(r.entities) >= MAX_ENTITIES:
            return
        r.entities[table] = EntitySpec(name=table, fields=[FieldSpec(name="name", max_length=100)])
        r.words_for[table] = ("especialidad" if said_word else "habilidad") if r.language == "es" else \
            words_of(table)
        r.requested.append(m.group(0))
    r.links = [x for x in r.links if {x[0], x[1]} != {table, person}]
    e = r.entities[person]
    e.fields = [f for f in e.fields if f.name not in {"specialty", "speciality", "skills", "skill", "especialidad"}]
    add_link(r, person, table, "many_to_many")


_HOLDS = re.compile(r"\b(?:hold|holds|holding|(?:who|that) (?:have|has|need|needs))\s+(?:(?:the|a|an|their|his|her|"
                    r"right|valid|current|relevant|required|paddlesport|coaching)\s+|[\w-]+/){0,3}"
                    r"(qualifications?|certificates?|certifications?|awards?|licen[cs]es?|permits?|badges?|"
                    r"tickets?)\b")
_HELD = {"qualification": "Qualification", "certificate": "Certificate", "certification": "Certification",
         "award": "Award", "licence": "Licence", "license": "License", "permit": "Permit", "badge": "Badge",
         "ticket": "Qualification"}


def _qualifications_held(r: Reading) -> None:
    """'members who hold the right qualification', 'instructors hold certificates that expire': each person holds
    several and each is held by several people (many-to-many), not one value per person."""
    m = _HOLDS.search(r.text)
    if m is None or r.language != "en":
        return
    word = singular(m.group(1))
    held = [n for n in r.entities if n in _HELD.values() and words_of(n) in m.group(0)]
    table = _HELD.get(word) if _HELD.get(word) in r.entities or not held else held[0]
    person = _holder_before(r, m.start())
    if table is None or person is None or any(x[0] == person and x[1] == table for x in r.links):
        return
    if table not in r.entities:
        if len(r.entities) >= MAX_ENTITIES:
            return
        r.entities[table] = EntitySpec(name=table, fields=[FieldSpec(name="name", max_length=100)])
        r.words_for[table] = word
        r.requested.append(m.group(0))
    r.links = [x for x in r.links if {x[0], x[1]} != {table, person}]
    add_link(r, person, table, "many_to_many")
    for other in held:  # 'awards/qualifications': two words for the one thing held
        if other != table and re.search(rf"\b{words_of(other)}s?/", m.group(0)) and \
                not any(other in x[:2] for x in r.links):
            _fold(r, other, table)


_CONTESTS = ("Race", "Regatta", "Competition", "Triathlon", "Marathon", "Meet", "Gala", "Sportive", "Route", "Course",
             "Event", "Heat", "Distance")  # what many people enter and finish in an order, each with a time
_CONTESTED = re.compile(r"\b(?:races?|regattas?|competitions?|triathlons?|marathons?|sportives?|heats?|carreras?|"
                        r"marchas?|competiciones|regatas?|travesias?|orienteering|orientacion|duathlons?|swim meets?|"
                        r"galas?|time trials?|fun runs?|parkruns?|trail runs?)\b")
_RESULTS_SAID = re.compile(r"\b(?:results?|resultados?|split times|finishing times|finish times|race times|"
                           r"clasificacion(?:es)?|tiempos)\b")
_ENTERS = re.compile(r"\b(?:(?:enter|enters|entering|entered|inscrib\w*|se apuntan? a|se apunta en|"
                     r"inscripcion(?:es)? de (?:cada )?[\w-]+) (?:for |en |a |al )?"
                     r"(?:a |an |the |their |one |any |each |un |una |el |la |los |las |cada )?(?:[\w-]+ )?"
                     r"(race|course|event|competition|regatta|distance|heat|carrera|recorrido|prueba|competicion|"
                     r"regata)s?|(regata|carrera|prueba|competicion)s? con inscripcion(?:es)?)\b")
_ENTRANTS = ("Runner", "Athlete", "Competitor", "Rider", "Swimmer", "Rower", "Crew", "Fencer", "Member", "Participant",
             "Entrant", "Cyclist", "Player", "User", "Socio")
_ENTERED = ("Entry", "RaceEntry", "Registration", "Enrollment", "Signup")


def _entry_fields() -> list[FieldSpec]:
    """An entry's own fields: when it was made and the bib or start number it gets."""
    return [FieldSpec(name="entered_on", type="date"), FieldSpec(name="bib_number", required=False, max_length=20)]


def _entries_and_results(r: Reading) -> None:
    """'runners enter a course with their card number', 'after the race we upload the results': people enter a
    race or course (an Entry joining them) and each entry finishes with a result (time, position), unless the
    contest is a match between two sides, whose result is the match's own score."""
    contest = next((n for n in _CONTESTS if n in r.entities), None)
    if contest is None or not _CONTESTED.search(r.text) and contest not in {"Race", "Regatta", "Competition"}:
        return  # 'courses' and 'events' are contests only beside races, regattas or orienteering
    if any(n in r.entities for n in ("Match", "Fixture", "Game", "Bout", "Partido")):
        return  # 'fixtures and results': each match keeps its score
    entrant = next((n for n in _ENTRANTS if n in r.entities), None)
    m = _ENTERS.search(r.text)
    entry = next((n for n in _ENTERED if n in r.entities), None)
    if entry == "Enrollment" and m:  # 'se inscriben en un recorrido': a race entry, not a course enrolment
        _replace(r, "Enrollment", EntitySpec(name="Entry", fields=[*_entry_fields(), *(
            f for f in r.entities["Enrollment"].fields if f.name not in {"progress", "completed", "enrolled_on"})]))
        entry = "Entry"
        if not any(c == "Entry" and p in _CONTESTS for c, p, _k in r.links):
            add_link(r, "Entry", contest)  # 'inscripciones de cada palista en las pruebas' of the regatta
    if entry is None and m and entrant and len(r.entities) < MAX_ENTITIES:
        r.entities["Entry"] = EntitySpec(name="Entry", fields=_entry_fields())
        r.words_for["Entry"] = "entrada" if r.language == "es" else "entry"
        r.records.add("Entry")
        r.requested.append(m.group(0))
        entry = "Entry"
        add_link(r, "Entry", entrant)
        add_link(r, "Entry", contest)
        r.links = [x for x in r.links if {x[0], x[1]} != {entrant, contest}]  # the entry joins the two
        for e in r.entities.values():  # 'enter a course with their SportIdent number': a detail of the entry
            moved = [f for f in e.fields if e.name != "Entry" and f.name.endswith("_number") and
                     f.name != "bib_number" and f.name.split("_")[0] in r.text and
                     re.search(rf"\bwith (?:their|his|her|a|an|the) {f.name.split('_')[0]}", r.text)]
            e.fields = [f for f in e.fields if f not in moved]
            r.entities["Entry"].fields.extend(moved)
    said = _RESULTS_SAID.search(r.text)
    if said is None or any(n.endswith("Result") or n in {"Result", "Resultado", "Timing"} for n in r.entities) or \
            len(r.entities) >= MAX_ENTITIES or (entry or entrant) is None:
        return
    held = entry and {f.name for f in r.entities[entry].fields} & {"position", "finish_time", "time", "place"}
    if held:
        return  # the entry already keeps its time and place
    r.entities["Result"] = EntitySpec(name="Result", fields=[
        FieldSpec(name="position", type="int", required=False, min=1),
        FieldSpec(name="finish_time", required=False, max_length=20),
        FieldSpec(name="points", type="int", required=False),
        FieldSpec(name="status", type="enum", choices=["finished", "did_not_finish", "did_not_start",
                                                       "disqualified"])])
    r.words_for["Result"] = "resultado" if r.language == "es" else "result"
    r.records.add("Result")
    r.requested.append(said.group(0))
    if entry:
        add_link(r, "Result", entry)
    else:
        add_link(r, "Result", entrant)
        add_link(r, "Result", contest)


def _assigned_not_owned(r: Reading) -> None:
    """A RefereeAssignment joining referees and matches: a match no longer has one referee as well."""
    for name in [n for n in r.entities if n.endswith("Assignment") and n != "Assignment"]:
        ends = {p for c, p, k in r.links if c == name and k == "belongs_to"}
        if len(ends) == 2:
            r.links = [x for x in r.links if {x[0], x[1]} != ends]


_GERUND_LOG = re.compile(r"[A-Z][a-z]+ingLog")


_LOGGED = re.compile(r"\b(?:log|logs|logged|logging|record|records|recorded|recording|track|tracks|note|notes|"
                     r"enter|enters) (?:every|each|all|their|the|any|daily|weekly) ([a-z]{4,}ing)s?"
                     r"(?=\s*(?:[(,.;:]|$|and\b|plus\b|with\b|for\b|of\b|in\b|on\b|at\b))"
                     r"(?: \(([^)]*)\))?(?:,? (?:and|plus) (?:their |the |regular |daily |weekly )?(weight|health|"
                     r"welfare|hoof|dental|temperature|body condition) checks)?")
_NOT_EVENTS = {"everything", "nothing", "something", "anything", "morning", "evening", "building", "meeting",
               "booking", "thing", "string", "ceiling", "setting", "settings", "clothing", "bedding", "pudding",
               "wedding", "painting", "drawing", "recording", "listing", "filling", "topping", "sighting", "spending",
               "earning", "saving", "rating", "during", "using", "going", "coming", "making", "having", "working"}


def _logged_events(r: Reading) -> None:
    """'keepers log every feeding (food type, amount, eaten or not) and weight checks': each feeding and each
    check is a dated record of the animal, with the details given, not a word the reading drops."""
    m = _LOGGED.search(r.text)
    if m is None or m.group(1) in _NOT_EVENTS or len(r.entities) >= MAX_ENTITIES:
        return
    name = m.group(1).capitalize()
    of = next((n for n in (r.main, *r.entities) if n in r.entities and n != name and _a_thing(r, n) and
               words_of(n) not in word_set("people")), None)
    if name in r.entities:  # 'we record every milking (litres, time of day)': read already, not yet anyone's
        e = r.entities[name]
        if of and not any(c == name for c, _, _ in r.links) and of != name:
            e.fields = [FieldSpec(name="logged_at", type="datetime"), *(f for f in e.fields if f.name != "name")]
            r.records.add(name)
            add_link(r, name, of)
        return
    if any(n.startswith(name) for n in r.entities) or name.lower() in known_words():
        return
    given = [w.strip() for w in re.split(r",|\bor not\b|\bor\b|\band\b|/", m.group(2) or "") if w.strip()]
    fields = [FieldSpec(name="logged_at", type="datetime")]
    for w in given:
        f = infer_field(field_ident(w))
        if f.name and f.name not in {x.name for x in fields}:
            fields.append(f)
    r.entities[name] = EntitySpec(name=name, fields=fields)
    r.words_for[name] = m.group(1)
    r.records.add(name)
    r.requested.append(m.group(0).split("(")[0].strip())
    if of:
        add_link(r, name, of)
    check = m.group(3)
    if check and len(r.entities) < MAX_ENTITIES:
        cname = "".join(w.capitalize() for w in check.split()) + "Check"
        if cname not in r.entities:
            r.entities[cname] = EntitySpec(name=cname, fields=[
                FieldSpec(name="checked_on", type="date"), FieldSpec(name="value", type="decimal", required=False),
                FieldSpec(name="notes", type="text", required=False)])
            r.words_for[cname] = f"{check} check"
            r.records.add(cname)
            if of:
                add_link(r, cname, of)


_LENT_GEAR_ES = re.compile(r"\b(prestamos?|alquiler(?:es)?) (?:de|del) (?:la |las |los |el )?(material|equipo|"
                           r"equipamiento|herramientas?)\b")
_GEAR_WORDS = {"material": "Equipment", "equipo": "Equipment", "equipamiento": "Equipment",
               "herramienta": "Tool", "herramientas": "Tool"}


def _lent_gear_es(r: Reading) -> None:
    """'préstamo de material del club (escobas, zapatillas)', 'alquiler de equipo (trajes, botellas)': the gear is
    kept and each loan or rental is of it; 'equipo' here is equipment, not a team."""
    m = _LENT_GEAR_ES.search(r.text)
    if m is None or r.language != "es":
        return
    record = next((n for n in r.entities if n.endswith(("Loan", "Rental"))), None)
    if record is None:
        return
    gear = _GEAR_WORDS[m.group(2)]
    known = definition(gear)
    spec = EntitySpec(name=gear, fields=[f.model_copy() for f in known.fields] if known else [
        FieldSpec(name="name", max_length=200)])
    if "Team" in r.entities and m.group(2) == "equipo" and sum(p.head == "equipo" for p in r.phrases) == 1:
        _replace(r, "Team", spec)
    if gear not in r.entities:
        if len(r.entities) >= MAX_ENTITIES:
            return
        r.entities[gear] = spec
        r.words_for[gear] = m.group(2)
    add_link(r, record, gear)
    r.entities[record].fields = [f for f in r.entities[record].fields if f.name not in {m.group(2), "equipment"}]


def _gerund_logs(r: Reading) -> None:
    """'- Feeding log: date, food item, accepted': each row is a feeding of the app's main record (an animal)."""
    for name in [n for n in r.entities if _GERUND_LOG.fullmatch(n)]:
        parents = {p for c, p, _ in r.links if c == name}
        if r.main and r.main != name and r.main in r.entities and r.main not in parents and \
                not any(c in parents and p == r.main for c, p, _ in r.links):  # a dog's log is its handler's
            add_link(r, name, r.main)


def _species(r: Reading) -> None:
    """'the catch per species', 'species, GPS location, photo': the species of wild things are rows of a Species
    table the records link to (a pet's species stays a choice field)."""
    said = re.search(r"\b(species|especies?)\b", r.text)
    if not said or _PETS.search(r.text) or "Species" in r.entities or len(r.entities) >= MAX_ENTITIES:
        return
    holders = [e for e in r.entities.values() for f in e.fields if f.name in {"species", "species_name"} and
               f.type in {"string", "enum"}]
    if not holders:
        return
    r.entities["Species"] = definition("Species", r.domain, r.text) or EntitySpec(
        name="Species", fields=[FieldSpec(name="name", max_length=200, unique=True)])
    r.words_for.setdefault("Species", said.group(1))
    r.requested.append(said_as(r, "Species"))
    for e in holders:
        e.fields = [f for f in e.fields if f.name not in {"species", "species_name"}]
        add_link(r, e.name, "Species")


def _fields_naming_entities(r: Reading) -> None:
    """'boats, berths and owners': a boat's catalogue field 'owner' is a link to the app's Owner, not a text box;
    'books (title, author, ISBN, genre)': the author and the genre the prompt lists are kept and linked."""
    for e in list(r.entities.values()):
        for f in e.fields:
            name, es = LOOKUPS.get(f.name, ("", ""))
            if name and name not in r.entities and f.type == "string" and not f.choices and \
                    re.search(rf"\b(?:{f.name}|{es})\b", r.text):
                keep_entity(r, name, f.name)
    for e in r.entities.values():
        for f in list(e.fields):
            other = next((n for n in r.entities if n != e.name and (snake(n) == f.name or f.name == r.words_for.get(n)
                                                                      and f.name in word_set("people"))), None)
            if other is None or f.type != "string" or f.choices:
                continue
            if (e.name, other) in {(c, p) for c, p, _ in r.links}:
                e.fields.remove(f)  # 'reparaciones (cliente, mecánico, fecha)': the link says who, not a text box
                continue
            if any({c, p} == {e.name, other} for c, p, _ in r.links):
                continue
            e.fields.remove(f)
            add_link(r, e.name, other)


_RATED_AND_REVIEWED = re.compile(r"\b(?:(?:star )?ratings?|stars) and (?:a |an |some |written )*"
                                 r"(?:reviews?|feedback)\b|\b(?:reviews?|feedback) and (?:a |an )?(?:star )?ratings?\b|"
                                 r"\b(?:valoracion|puntuacion)(?:es)? y (?:una |un )?(?:resenas?|opinion(?:es)?)\b")


def _one_rating(r: Reading) -> None:
    """'leave a rating and a review', 'feedback and a star rating': one rating with its text, not two tables."""
    if "Rating" not in r.entities or not _RATED_AND_REVIEWED.search(r.text):
        return
    for other in ("Review", "Feedback"):
        if other in r.entities:
            _fold(r, other, "Rating")
    for fs in (fs for fs in r.feature_specs if fs.entity == fs.target == "Rating"):  # it rated the feedback folded
        fs.target = next((n for n in (r.main, *r.entities) if n in r.entities and n != "Rating" and  # 'after each talk'
                          n != r.account and n not in PEOPLE and n not in r.records), None)
        if fs.target:
            add_link(r, "Rating", fs.target)  # with no target left it is not built (_specs_for)


def _fold(r: Reading, gone: str, into: str) -> None:
    """One table, not two: `gone` goes and whatever pointed at it (links, features, the app's main entity and
    account) points at `into`."""
    del r.entities[gone]
    links = [(into if c == gone else c, into if p == gone else p, k) for c, p, k in r.links]
    r.links = list(dict.fromkeys((c, p, k) for c, p, k in links if c != p))
    for fs in r.feature_specs:
        fs.entity, fs.target = (into if x == gone else x for x in (fs.entity, fs.target))
    r.records.discard(gone)
    r.main = into if r.main == gone else r.main
    r.account = into if r.account == gone else r.account
    r.requested = [x for x in r.requested if x != said_as(r, gone)]


def _glosses(r: Reading) -> None:
    """'matters (cases)': one noun in brackets straight after a thing is another name for it, not a second table."""
    for si, toks in enumerate(r.sentences):
        phrases = [p for p in r.phrases if p.sentence == si]
        for a, b in zip(phrases, phrases[1:], strict=False):
            if not (b.start == a.end + 1 and toks[a.end].text == "(" and b.end < len(toks) and
                    toks[b.end].text == ")"):
                continue
            outer, inner = r.entity_of(a), r.entity_of(b) or name_of(b, r.language)
            if not outer or not inner or outer == inner or inner not in r.entities or outer not in r.entities:
                continue
            _fold(r, inner, outer)


_LEARNERS = ("Student", "Player", "Pupil", "Swimmer", "Dancer", "Camper", "Athlete", "Gymnast", "Learner")
_TEACHING = re.compile(r"\b(tutor\w*|teach\w*|lessons?|schools?|classes|academ\w*|colegios?|escuelas?|clases|"
                       r"profesor\w*|alumn\w*|cafeteria|comedor escolar|tuition|homework|deberes)\b")
_PLAYING = re.compile(r"\b(games?|match(?:es)?|fixtures?|leagues?|coach\w*|practices?|seasons?|tournaments?|"
                      r"partidos?|ligas?|entrenador\w*|temporadas?)\b")
_CARE = re.compile(r"\b(escuelas? infantil(?:es)?|nurser(?:y|ies)|day ?care|daycare|child ?care|guarder\w*|babysit\w*|"
                   r"creches?|kindergartens?|"
                   r"preschools?|foster\w*|nanny|nannies|paediatric\w*|pediatric\w*|pediatra|synagogues?|churche?s?|"
                   r"parish\w*|congregations?|mosques?|iglesias?|parroquias?)\b")  # a community's children


def _kids_are_the_learners(r: Reading) -> None:
    """'parents sign up their kids, kids get booked into sessions with a tutor', 'las notas de sus hijos': at a school
    or a club the children are its students or players, not a second table of children (a nursery keeps Child)."""
    if "Child" not in r.entities or _CARE.search(r.text):
        return
    learner = next((n for n in _LEARNERS if n in r.entities), None)
    if learner is None:
        said = re.sub(r"\btutor\w*", "", r.text) if "Guardian" in r.entities else r.text  # 'tutores' of a child
        learner = "Student" if _TEACHING.search(said) else "Player" if "Team" in r.entities and \
            _PLAYING.search(said) else None  # 'a youth hockey club: parents register their kids': the players
        if learner is None:
            return
        plural = "students" if learner == "Student" else "players"
        r.entities = {(learner if k == "Child" else k): (
            v.model_copy(update={"name": learner, "plural": plural}) if k == "Child" else v)
            for k, v in r.entities.items()}
        r.words_for[learner] = r.words_for.get("Child", learner.lower())
        r.entities["Child"] = r.entities[learner]  # folded below: its links and features move to the learner
    _fold(r, "Child", learner)


_NOTE_APPS = re.compile(r"\b(note[- ]?taking|notes? apps?|notebooks?|sticky notes|notes? (?:manager|organi[sz]er)|"
                        r"(?:app|aplicacion) de notas|apuntes|cuadernos?|notas rapidas|post-?its?)\b")
_NOTE_OF = re.compile(r"\b(?:notes?|notas?) (?:after|for|on|about|per|from|de|tras|despues de|sobre) "
                      r"(?:each|every|the|a|an|cada|la|el|una|un) (\w+)")


_LISTING = {"has", "have", "with", "con", "tiene", "tienen", "includes", "include", "(", ":"}


def _notes_are_a_field(r: Reading) -> None:
    """'a short note after each walk', 'an inspection has date, temperament, notes': notes are text on the record
    they are about, not a table of their own (a note-taking app keeps Note)."""
    if "Note" not in r.entities or r.main == "Note" or _NOTE_APPS.search(r.text) or \
            any(p == "Note" for _, p, _ in r.links):
        return
    m = _NOTE_OF.search(r.text)
    about = next((n for n in r.entities if m and n != "Note" and
                  words_of(n).split()[-1] in {m.group(1), m.group(1).rstrip("s")}), None)
    said = next((p for p in r.phrases if p.head in {"note", "nota"}), None)
    if about is None and said is not None:  # 'an inspection has date, temperament, notes': the last detail listed
        toks = r.sentences[said.sentence]
        last = said.start and toks[said.start - 1].text in {",", "and", "y"} and (
            said.end == len(toks) or toks[said.end].text in {".", ")", ";"})
        owner = next((q for q in r.phrases if q.sentence == said.sentence and q.end < said.start and
                      q.end < len(toks) and toks[q.end].text in _LISTING and r.entity_of(q) not in {None, "Note"}),
                     None)
        about = r.entity_of(owner) if last and owner is not None else None
    if about is None or about not in r.entities:
        return
    del r.entities["Note"]
    r.links = [(c, p, k) for c, p, k in r.links if "Note" not in {c, p}]
    r.feature_specs = [fs for fs in r.feature_specs if "Note" not in {fs.entity, fs.target}]
    r.records.discard("Note")
    e = r.entities[about]
    if not any(f.name == "notes" for f in e.fields):
        e.fields.append(FieldSpec(name="notes", type="text", required=False))
    r.requested = [x for x in r.requested if x != said_as(r, "Note")]


def _kinds_are_values(r: Reading) -> None:
    """'boats (type: single kayak, double kayak, canoe, SUP)' beside 'kayak and canoe rentals': a canoe is a kind of
    boat (a value of its type), so what was said of canoes is said of boats, not of a second bare table."""
    for owner, e in list(r.entities.items()):
        kinds = {w for f in e.fields if f.type == "enum" and f.name in {"kind", "type", "category"} and
                 all(c.replace("_", " ") in r.text for c in f.choices)  # values the user said, not a definition's
                 for c in f.choices for w in (c, c.split("_")[-1])}
        for name in [n for n in r.entities if n != owner and snake(n) in kinds]:
            bare = {f.name for f in r.entities[name].fields} <= {"name", "notes", "description"}
            if not bare or name in PEOPLE:
                continue
            _fold(r, name, owner)


_WITH_LINES = re.compile(r"\b([a-z]+) (?:with|con|has|have|tiene|tienen) (?:its |their |sus |su )?"
                         r"(?:several |multiple |many |various |one or more |varias |varios |multiples |muchas |"
                         r"una o (?:varias|mas) )?(?:lines|line items|lineas)\b")
_LINE_NAMES = {"Invoice": "InvoiceLine", "Quote": "QuoteLine", "Estimate": "QuoteLine", "Receipt": "ReceiptLine",
               "PurchaseOrder": "PurchaseOrderLine", "Prescription": "PrescriptionLine"}


def _lines_said_as_lines(r: Reading) -> None:
    """'ventas con varias líneas', 'cada pedido tiene varias líneas (producto, cantidad)': each line is an item of
    the sale or order (SaleItem, OrderItem), with the details listed for it, not a bare Line table."""
    line = r.entities.get("Line")
    said = _WITH_LINES.search(r.text)
    if said is None or line is not None and line.relations:
        return
    word = singular(said.group(1), r.language)
    parent = next((n for n in r.entities if n != "Line" and word in {words_of(n), r.words_for.get(n)}), None)
    if parent is None:
        return
    name = _LINE_NAMES.get(parent, f"{parent}Item")
    if line is None and (name in r.entities or len(r.entities) >= MAX_ENTITIES or
                         any(n.startswith(parent) and n.endswith(("Item", "Line")) for n in r.entities)):
        return  # 'I write quotes with lines for tiles, grout, labour': the lines, never read as a thing, unless kept
    listed = [f for f in line.fields if f.name != "name"] if line else []
    others = [(c, p, k) for c, p, k in r.links if c == "Line" and p != parent]
    r.entities.pop("Line", None)
    r.links = [x for x in r.links if "Line" not in x[:2]]
    r.words_for.pop("Line", None)
    if name not in r.entities:
        r.entities[name] = definition(name) or EntitySpec(name=name, fields=[
            FieldSpec(name="quantity", type="int"), FieldSpec(name="unit_price", type="decimal", required=False)])
        r.entities[name].relations = []
        r.words_for[name] = words_of(name)
        if listed:  # the details the user gave the lines are the lines' fields
            r.entities[name].fields = listed
    for _, other, kind in others:
        add_link(r, name, other, kind)
    add_link(r, name, parent)
    goods = next((n for n in ("Product", "Item", "Service", "Medicine", "Medication") if n in r.entities), None)
    if goods:
        add_link(r, name, goods)
        r.links = [x for x in r.links if x[:2] != (parent, goods)]  # the sale's goods are on its lines


_GEAR = ("Equipment", "Gear", "Kit", "EquipmentItem")


def _listed_kinds_of_gear(r: Reading) -> None:
    """'we rent skis, boots, helmets and poles ... each piece of equipment has a tag number': the things listed are
    kinds of the equipment (values of its kind), not bare tables of their own."""
    owner = next((n for n in _GEAR if n in r.entities and len(r.entities[n].fields) >= 2), None)
    if owner is None:
        return
    for group in r.lists:
        named = [r.entity_of(p) for p in group]
        bare = [n for n in named if n and n != owner and n in r.entities and n not in PEOPLE and
                {f.name for f in r.entities[n].fields} <= {"name"} and not r.entities[n].relations]
        if len(bare) < 3 or len(bare) != len([n for n in named if n]):
            continue
        values = [snake(n) for n in bare]
        for name in bare:
            _fold(r, name, owner)
        kind = next((f for f in r.entities[owner].fields if f.name in {"kind", "type", "category"}), None)
        if kind is None:
            r.entities[owner].fields.append(FieldSpec(name="kind", type="enum", choices=[*values, "other"],
                                                      required=False))
        elif kind.type in {"string", "enum"}:
            kind.type, kind.choices = "enum", list(dict.fromkeys([*values, *kind.choices, "other"]))


_PAIRS = (("Arrival", "Departure", re.compile(r"\barrivals? (?:and|or|&|/) ?departures?\b|\bllegadas? y salidas?\b")),
          ("CheckIn", "CheckOut", re.compile(r"\bcheck-?ins? (?:and|or|&|/) ?(?:check-?)?outs?\b")))


def _comings_and_goings(r: Reading) -> None:
    """'the harbour master logs every arrival and departure': one Movement a boat makes, arriving or leaving, not
    two tables (nor a departure with seats and a price)."""
    for come, go, said in _PAIRS:
        if not {come, go} <= set(r.entities) or "Movement" in r.entities or not said.search(r.text):
            continue
        r.entities["Movement"] = EntitySpec(name="Movement", fields=[
            FieldSpec(name="kind", type="enum", choices=["arrival", "departure"] if come == "Arrival" else
                      ["check_in", "check_out"]),
            FieldSpec(name="happened_at", type="datetime"),
            FieldSpec(name="notes", type="text", required=False)])
        r.words_for["Movement"] = "movement"
        _fold(r, come, "Movement")
        _fold(r, go, "Movement")


_HARMS = {"Damage": "DamageReport", "Defect": "DefectReport", "Fault": "FaultReport", "Breakage": "DamageReport"}
_REPORTED = re.compile(r"\b(?:report|reports|reported|reporting|log|logs|logged|logging|record|records|recorded|"
                       r"recording|note|notes|noted|file|files|filed|flag|flags|flagged|registra\w*|anota\w*|"
                       r"reporta\w*)\s+(?:(?:a|an|any|the|each|every|all|los|las|el|un|una|cualquier)\s+)?"
                       r"(?:damages?|defects?|faults?|breakages?|danos?|desperfectos?)\b")


_HARM_SAID = re.compile(r"\b(?:damages?|defects?|faults?|breakages?)\s+(?:log|logs|reports?|register|records?|"
                        r"(?:\w+\s+){0,2}(?:reported|logged|recorded|noted))\b")  # 'a damage log', 'damage reported'
_BROKEN = re.compile(r"\b(?:report|reports|reported|reporting|flag|flags|log|logs)\s+(?:(?:a|an|any|the|their)\s+)?"
                     r"(?:damaged|broken|faulty)\s+(\w+)")  # 'report a broken tool', 'report damaged tools'
_HARMED_THING = re.compile(r"\s+(?:\w+\s+){0,2}?(?:on|to|of|for|per)\s+(?:(?:a|an|the|each|every|their)\s+)?"
                           r"(\w+)")  # 'damage reported on a job', 'a damage log per boat'


def _reports_of_harm(r: Reading) -> None:
    """'volunteers log damage', 'report a defect on a boat', 'report a broken tool': each time is a dated report
    (what, how bad, a photo) of the thing harmed, not a Damage table holding a name."""
    told, broken = _REPORTED.search(r.text) or _HARM_SAID.search(r.text), _BROKEN.search(r.text)
    if not told and not broken:
        return
    for harm, report in _HARMS.items():
        if harm not in r.entities or report in r.entities:
            continue
        e = r.entities[harm]
        said = [f for f in e.fields if f.name not in ("name", "description")]
        known = definition("DamageReport", r.domain)
        fields = said or ([f.model_copy() for f in known.fields] if known else [FieldSpec(name="description")])
        _replace(r, harm, EntitySpec(name=report, fields=fields, relations=e.relations))
        harmed = _harmed(r, told)
        if not any(c == report and _a_thing(r, p) for c, p, _ in r.links) and harmed and harmed != report:
            add_link(r, report, harmed)  # 'volunteers check tools out and in, log damage': damage to a tool
    _harm_reported(r, told, broken)


def _replace(r: Reading, gone: str, new: EntitySpec) -> None:
    """`new` takes `gone`'s place: where it was said, with its word and everything that pointed at it."""
    at = list(r.entities).index(gone)
    r.entities[new.name] = new
    r.words_for[new.name] = r.words_for.get(gone, words_of(gone))
    _fold(r, gone, new.name)
    names = list(r.entities)
    names.insert(at, names.pop())
    r.entities = {n: r.entities[n] for n in names}


_SPONSOR_PAYS = re.compile(r"\b(?:sponsor\w*|apadrin\w*)\b[^.;]{0,60}?\b(?:with|by|con|mediante) (?:a|an|una|un) "
                           r"(?:monthly |yearly |annual |regular )?(donation|gift|fee|payment|contribution|donativo|"
                           r"donacion|cuota|aportacion|pago)\b")
_PAID_AS = {"donation": "Donation", "gift": "Donation", "donativo": "Donation", "donacion": "Donation", "fee": "Fee",
            "cuota": "Fee", "payment": "Payment", "pago": "Payment", "contribution": "Contribution",
            "aportacion": "Contribution"}


def _sponsorships(r: Reading) -> None:
    """'sponsor an animal with a monthly donation': the donation is what the sponsorship pays, not a Donation (and a
    Donor) of its own; who pays is the sponsor."""
    if "Sponsorship" not in r.entities:
        return
    r.records.add("Sponsorship")
    cared = any(c == "Sponsorship" and (p in _ANIMALS or p in {"Child", "Animal"}) for c, p, _ in r.links)
    if cared and "Sponsor" in r.entities and any(f.name == "contact_name" for f in r.entities["Sponsor"].fields):
        r.entities["Sponsor"].fields = [FieldSpec(name="name"), FieldSpec(name="email", type="email"),
                                        FieldSpec(name="phone", required=False)]  # a person, not a company
    m = _SPONSOR_PAYS.search(r.text)
    paid = _PAID_AS.get(m.group(1), "") if m else ""
    if paid not in r.entities or len(re.findall(rf"\b{m.group(1)}", r.text)) > 1:
        return
    _fold(r, paid, "Sponsorship")
    if "Donor" in r.entities and not re.search(r"\b(?:donors?|donantes?)\b", r.text):
        if "Sponsor" in r.entities:
            _fold(r, "Donor", "Sponsor")
        else:
            fields = [f.model_copy() for f in r.entities["Donor"].fields]
            _replace(r, "Donor", EntitySpec(name="Sponsor", fields=fields))


_CHOOSING_PLANS = {"pick", "choose", "select", "subscribe", "sign", "join", "elegir", "escoger", "contratar",
                   "suscribir", "apuntar"}


def _plans_chosen(r: Reading) -> None:
    """'customers pick a plan (3, 5 or 8 spices a month)': who is on which plan is a Subscription joining them, and
    the subscribers said later are those customers."""
    plan = next((n for n in r.entities if n.endswith("Plan") and n not in {"FloorPlan", "SitePlan", "LessonPlan",
                                                                           "MealPlan", "TrainingPlan"}), None)
    if plan is None or len(r.entities) >= MAX_ENTITIES:
        return
    who = None
    for f in r.frames:
        picked = [q for q in f.objects] + [q for _, q in f.preps[:1]]
        if f.verb in _CHOOSING_PLANS and f.subject is not None and r.entity_of(f.subject) in PEOPLE and \
                any(r.entity_of(q) == plan for q in picked):
            who = r.entity_of(f.subject)
            break
    if who is None or who not in r.entities:
        return
    name = "Membership" if plan == "MembershipPlan" else "Subscription"
    if name not in r.entities:
        r.entities[name] = definition(name) or EntitySpec(name=name, fields=[
            FieldSpec(name="started_on", type="date"), FieldSpec(name="active", type="bool")])
        r.entities[name].relations = []
        r.words_for[name] = name.lower()
        r.records.add(name)
    for parent in (who, plan):
        if not any(c == name and p == parent for c, p, _ in r.links):
            add_link(r, name, parent)
    if "Subscriber" in r.entities and who != "Subscriber" and \
            not any(c == "Subscriber" for c, _, _ in r.links):
        _fold(r, "Subscriber", who)  # 'customers pick a plan ... each subscriber has received': the same people


_LEADERBOARD = re.compile(r"\b(leaderboards?|league tables?|high ?scores? tables?|rankings?|clasificaci\w+)\b")
_SCORES_KEPT = re.compile(r"\b(scores|puntuaciones)\b")
_SCORED_BY = ("Player", "Member", "Participant", "Competitor", "Team", "User")
_SCORED_IN = ("Game", "Match", "Session", "Round", "Heat", "Event", "Race")


def _scores_on_a_leaderboard(r: Reading) -> None:
    """'a leaderboard of player scores from the games': the scores are kept, each a player's in a game; the
    leaderboard is a view over them."""
    if not _LEADERBOARD.search(r.text) or not _SCORES_KEPT.search(r.text) or len(r.entities) >= MAX_ENTITIES - 1 or \
            any(n in r.entities for n in ("Score", "Result", "GameResult", "SpeakerScore", "Rating", "Review")):
        return
    who = next((n for n in _SCORED_BY if n in r.entities), None)
    if who is None and re.search(r"\bplayers?\b|\bjugador\w*", r.text):
        who = "Player"
        r.entities[who] = definition(who) or EntitySpec(name=who, fields=[FieldSpec(name="name")])
        r.entities[who].relations = []
        r.words_for[who] = "player"
    if who is None:
        return
    r.entities["Score"] = EntitySpec(name="Score", fields=[FieldSpec(name="points", type="int"),
                                                           FieldSpec(name="played_on", type="date", required=False)])
    r.records.add("Score")
    r.words_for["Score"] = "score"
    add_link(r, "Score", who)
    game = next((n for n in _SCORED_IN if n in r.entities), None)
    if game:
        add_link(r, "Score", game)


def _time_entries_join(r: Reading) -> None:
    """'the hours each carpenter spends on a job': each TimeEntry is one person's time on one thing."""
    found = list(TIME_SPENT.finditer(r.text))
    if not found or "TimeEntry" not in r.entities and (len(r.entities) >= MAX_ENTITIES or
                                                       definition("TimeEntry") is None):
        return
    if "TimeEntry" not in r.entities:
        r.entities["TimeEntry"] = definition("TimeEntry")
        r.entities["TimeEntry"].relations = []
        r.words_for["TimeEntry"] = "time entry"
        r.records.add("TimeEntry")
    for m in found:
        for word in m.groups():
            name = next((n for n in r.entities if r.words_for.get(n) == word or words_of(n).split()[-1] == word),
                        None)
            if name and name != "TimeEntry" and not any(c == "TimeEntry" and p == name for c, p, _ in r.links):
                add_link(r, "TimeEntry", name)


def _harmed(r: Reading, said: re.Match[str] | None) -> str | None:
    """The thing a report of harm is about: 'damage reported on a job', 'boats have a damage log', else the main."""
    after = _HARMED_THING.match(r.text, said.end()) if said else None
    before = re.search(r"(\w+) (?:have|has|keep|keeps|get|gets) (?:a|an|its|their) (?:\w+ )?$",
                       r.text[:said.start()]) if said else None
    for m in (after, before):
        thing = _entity_said(r, m.group(1)) if m else None
        if thing and _a_thing(r, thing):
            return thing
    if before and before.group(1).endswith("s") and singular(before.group(1), r.language) in known_words() and \
            before.group(1) not in word_set("people") and len(r.entities) < MAX_ENTITIES:
        thing = entity_name(singular(before.group(1), r.language), None, r.language)
        keep_entity(r, thing, singular(before.group(1), r.language))  # 'boats have a damage log': boats are kept
        return thing
    return r.main if r.main in r.entities and _a_thing(r, r.main) else None


_PERIOD_FEES = re.compile(r"\b(?:(?:yearly|annual|monthly|membership|season|seasonal|anual|anuales|mensual|"
                          r"mensuales|de socios?) (?:fees?|cuotas?|dues|subs)|"
                          r"(?:fees?|cuotas?|dues) (?:anual|mensual|de socio)\w*|"
                          r"(?:fees?|dues|cuotas?) (?:every|each|per|por|cada|al) (?:year|month|season|ano|mes)|"
                          r"(?:members|socios|socias) (?:\w+ ){0,2}(?:pay|paguen|pagan|pagaran) (?:la |las |su |sus |"
                          r"the |their )?(?:fees?|dues|cuotas?))\b")
_MONTHLY = re.compile(r"\b(?:monthly (?:fees?|dues|subs)|(?:fees?|dues) (?:every|each|per) month|cuotas? mensual\w*|"
                      r"cuotas? (?:por|cada|al) mes|mensualidad\w*)\b")
_YEARLY = re.compile(r"\b(?:yearly|annual|anual\w*|season|seasonal|temporada|termly)\b")
_PAYERS = ("Member", "Parent", "Family", "Household", "Player", "Student", "Tenant", "Resident", "Gardener")


def _membership_fees(r: Reading) -> None:
    """'members pay a yearly fee', 'las socias y sus cuotas anuales': each fee is a member's, for a period; 'pay
    the fee' beside the app's payments: the payment is the fee paid, one table."""
    if "Fee" in r.entities and "Payment" in r.entities and not _PERIOD_FEES.search(r.text) and not any(
            p == "Fee" and c != "Payment" for c, p, _ in r.links):
        _fold(r, "Fee", "Payment")
    if "Fee" not in r.entities or "MembershipFee" in r.entities or "MonthlyFee" in r.entities:
        return
    payer = next((n for n in _PAYERS if n in r.entities), None)
    linked = payer is not None and any({c, p} == {"Fee", payer} for c, p, _ in r.links)
    members_pay = payer == "Member" and "Payment" not in r.entities and not any(
        "Fee" in (c, p) and payer not in (c, p) for c, p, _ in r.links)  # 'socios ... y cuotas': the members' fees
    if payer is None and not re.search(r"\b(?:membership|member|members|socios?|socias?)\b", r.text) or \
            not (_PERIOD_FEES.search(r.text) or linked or members_pay):
        return  # a livery's monthly fee per horse is no membership fee
    name = "MonthlyFee" if _MONTHLY.search(r.text) and not _YEARLY.search(r.text) else "MembershipFee"
    _replace(r, "Fee", member_fee(name))
    r.records.add(name)  # a record about a member: no name of its own
    r.links = [(c, p, k) for c, p, k in r.links if p != name or c not in {"Membership", payer}]
    if payer:
        add_link(r, name, payer)  # each fee is one member's


_ADOPT_APPLY = re.compile(r"\b(?:appl(?:y|ies|ying) (?:to|for) (?:adopt|adoption)|adoption (?:applications?|requests?|"
                          r"forms?)|solicitud(?:es)? de adopcion|solicitar (?:la )?adopcion|solicitar adoptar|"
                          r"pedir (?:la )?adopcion)\b")
_ANIMALS = ("Cat", "Dog", "Animal", "Pet", "Horse", "Rabbit")


def _adoption_applications(r: Reading) -> None:
    """'apply to adopt a cat', 'approve or reject adoption applications': one AdoptionApplication (who applied for
    which animal, its status), not an Adoption beside a generic Application."""
    said = [n for n in ("Adoption", "Application", "AdoptionRequest") if n in r.entities]
    if not said or "AdoptionApplication" in r.entities or not _ADOPT_APPLY.search(r.text):
        return
    _replace(r, said[0], EntitySpec(name="AdoptionApplication", fields=[
        FieldSpec(name="submitted_on", type="date"),
        FieldSpec(name="status", type="enum", choices=["pending", "approved", "rejected"]),
        FieldSpec(name="notes", type="text", required=False)]))
    r.records.add("AdoptionApplication")
    for other in said[1:]:
        _fold(r, other, "AdoptionApplication")
    animal = next((n for n in _ANIMALS if n in r.entities), None)
    if animal and not any(c == "AdoptionApplication" and p == animal for c, p, _ in r.links):
        add_link(r, "AdoptionApplication", animal)


_DECIDED_APPLICATIONS = re.compile(
    r"\b(?:approv\w*|reject\w*|review\w*|accept\w*|assess\w*|shortlist\w*|decline\w*|aprueb\w*|aprob\w*|rechaz\w*|"
    r"revis\w*)(?: (?:or|and|o|y) \w+)? (?:each |every |the |their |all |new |incoming |cada |las |la )?"
    r"(?:\w+ )?(?:applications?|solicitud(?:es)?)\b|\b(?:applications?|solicitudes) (?:are|is|get|gets|son|se) "
    r"(?:approved|rejected|reviewed|aprobad\w*|rechazad\w*|revisad\w*)")
_APPLIES = re.compile(r"\b(\w+) (?:can |should |must |may |will )?(?:be able to )?(?:apply|applies|solicitan|"
                      r"solicita|presentan)\b")


def _applications_decided(r: Reading) -> None:
    """'journalists apply with their outlet; the press officer approves or rejects each application': each
    application is a record of its applicant with a status and a reason, not a status on the person."""
    m = _DECIDED_APPLICATIONS.search(r.text)
    if m is None or any(n.endswith(("Application", "Request", "Solicitud")) for n in r.entities) or \
            len(r.entities) >= MAX_ENTITIES:
        return
    said = _APPLIES.search(r.text)
    applicant = next((n for n in r.entities if said and (r.words_for.get(n) or words_of(n)).split()[-1][:5] ==
                      said.group(1)[:5]), None) or next(
        (n for n in r.entities if words_of(n).split()[-1] in word_set("people") and n != "User"), None)
    if applicant is None:
        return
    r.entities["Application"] = EntitySpec(name="Application", fields=[
        FieldSpec(name="submitted_on", type="date"),
        FieldSpec(name="status", type="enum", choices=["pending", "approved", "rejected"]),
        FieldSpec(name="decision_reason", type="text", required=False)])
    r.words_for["Application"] = "solicitud" if r.language == "es" else "application"
    r.records.add("Application")
    r.requested.append(m.group(0))
    person = r.entities[applicant]
    person.fields = [f for f in person.fields if not (f.name == "status" and f.type == "enum" and
                                                     set(f.choices or []) & {"approved", "rejected", "pending"})]
    add_link(r, "Application", applicant)
    for fs in r.feature_specs:
        if fs.name == "workflow" and fs.entity == applicant:
            fs.entity = "Application"


_SIGNED_FORM = re.compile(r"\b(?:signed|sign|signs|signing|firma\w*|firmad\w*) (?:a |an |the |their |his |her |our |"
                          r"online |digital |el |la |su |un |una )?(?:safety |liability |online |parental |photo |"
                          r"medical )?(waiver|consent form|release form|disclaimer|exencion de responsabilidad|"
                          r"consentimiento)s?\b|\b(waiver|consent form|release form|consentimiento)s? "
                          r"(?:firmad\w*|signed)\b")
_SIGNERS = ("Jumper", "Participant", "Climber", "Rider", "Diver", "Player", "Member", "Customer", "Client", "Guest",
            "Student", "Child", "Visitor", "Patient", "Volunteer", "Attendee")


def _signed_forms(r: Reading) -> None:
    """'every jumper needs a signed waiver', 'sign the safety waiver online': each signature is a record of who
    signed (and a guardian for a minor), when, not a name-only table or nothing."""
    m = _SIGNED_FORM.search(r.text)
    if m is None:
        return
    word = m.group(1) or m.group(2)
    name = {"consent form": "ConsentForm", "release form": "ReleaseForm", "disclaimer": "Waiver",
            "exencion de responsabilidad": "Waiver", "consentimiento": "Consent"}.get(word, "Waiver")
    people = [n for n in r.entities if n in _SIGNERS or words_of(n).split()[-1] in word_set("people")]
    signer = _said_last(r, people, r.text[:m.start()]) or next((n for n in _SIGNERS if n in r.entities), None)
    if signer is None or name not in r.entities and len(r.entities) >= MAX_ENTITIES:
        return
    fields = [FieldSpec(name="signed_at", type="datetime"), FieldSpec(name="signed_by", max_length=200),
              FieldSpec(name="guardian_name", required=False, max_length=200),
              FieldSpec(name="accepted", type="bool")]
    if name in r.entities and {f.name for f in r.entities[name].fields} - {"name"}:
        return  # a waiver the prompt describes is kept as described
    r.entities[name] = EntitySpec(name=name, fields=fields)
    r.words_for[name] = word
    r.records.add(name)
    if said_as(r, name) not in r.requested:
        r.requested.append(m.group(0))
    r.links = [x for x in r.links if x[0] != name]
    add_link(r, name, signer)


_FOOD_MENU = re.compile(r"\b(?:restaurants?|caf\w*|bars?|food|dishes|meals?|drinks?|orders?|ordering|pickup|"
                        r"collection|takeaway|tacos?|noodles?|dumplings?|pizzas?|burgers?|crepes?|tea|coffee|trucks?|vans?|"
                        r"stalls?|kitchens?|bakery|pre-?orders?|restaurante\w*|comidas?|"
                        r"platos?|bebidas?|pedidos?)\b")


_GROUP_BOOKS = re.compile(r"\b(?:for (?:a|the|your|their) group|groups? (?:can |should be able to )?book|"
                          r"group bookings?|book (?:\w+ ){0,3}for (?:a |your |their )?(?:group|party))\b")


def _groups_that_book(r: Reading) -> None:
    """'book a session for a group', 'groups book a lane': the group is how many come (a party size on the
    booking), not a table of groups, unless the groups are said to be more ('members join groups')."""
    group = r.entities.get("Group")
    booking = next((n for n in ("Booking", "Reservation") if n in r.entities), None)
    if group is None or booking is None or {f.name for f in group.fields} - {"name"} or \
            not _GROUP_BOOKS.search(r.text) or len(re.findall(r"\bgroups?\b", r.text)) > 1 + bool(
                re.search(r"\bgroup bookings?\b", r.text)) or \
            any(p == "Group" and c not in {booking, "Session", "Slot", "TimeSlot"} for c, p, _k in r.links):
        return
    del r.entities["Group"]
    r.links = [x for x in r.links if "Group" not in x[:2]]
    r.records.discard("Group")
    fields = r.entities[booking].fields
    if not any(f.name in {"party_size", "group_size", "players", "people"} for f in fields):
        fields.append(FieldSpec(name="party_size", type="int", required=False))
    if not any(c == booking and p in {"Customer", "User", "Member", "Client", "Guest", "Visitor", "Player",
                                       "Student", "Patient", r.account} for c, p, _k in r.links):
        # 'groups book a lane': whoever books for the group is the customer (a coach on the booking is not)
        if "Customer" not in r.entities:
            r.entities["Customer"] = definition("Customer") or EntitySpec(name="Customer", fields=[
                FieldSpec(name="name"), FieldSpec(name="email", required=False)])
            r.entities["Customer"].relations = []
            r.words_for["Customer"] = "customer"
        add_link(r, booking, "Customer")


def _menu_is_its_dishes(r: Reading) -> None:
    """'browse the menu with prices ... order ahead': the menu is its dishes (MenuItem, on each OrderItem), not a
    table of menus; menus given details of their own ('menus (season, price per head)') stay."""
    menu = r.entities.get("Menu")
    known = definition("Menu")
    planned = "MenuItem" not in r.entities and any(n in r.entities for n in ("Dish", "Meal", "Recipe"))
    if menu is None or not _FOOD_MENU.search(r.text) or planned or \
            {f.name for f in menu.fields} - {f.name for f in known.fields if known} - {"name", "price", "description"}:
        return
    r.links = [x for x in r.links if {x[0], x[1]} not in ({"Order", "Menu"}, {"OrderItem", "Menu"},
                                                           {"MenuItem", "Menu"})]
    if "MenuItem" in r.entities:
        _fold(r, "Menu", "MenuItem")
    else:
        item = definition("MenuItem") or EntitySpec(name="MenuItem", fields=[
            FieldSpec(name="name"), FieldSpec(name="price", type="decimal")])
        item.relations = []
        _replace(r, "Menu", item)
    if "OrderItem" in r.entities and not any(c == "OrderItem" and p != "Order" for c, p, _k in r.links):
        add_link(r, "OrderItem", "MenuItem")  # the dishes ordered, unless the lines already name them


_ONE_OFF = re.compile(r"\b(?:one[- ]off|single|extra|ad[- ]hoc|occasional|puntual(?:es)?|sueltos?) (?:extra )?"
                      r"(?:orders|pedidos)\b|\b(?:orders|pedidos) (?:puntuales|sueltos|extra)\b")
_PRODUCTS = ("Product", "MenuItem", "Pie", "Loaf", "Cake", "Item", "Producto")


def _one_off_orders(r: Reading) -> None:
    """'each customer has a standing order ... plus one-off extra orders': beside the standing orders, each order
    (standing or one-off) is a dated Order of the customer with its lines, delivered on a run."""
    if "StandingOrder" not in r.entities or "Order" in r.entities or not _ONE_OFF.search(r.text) or \
            len(r.entities) >= MAX_ENTITIES:
        return
    r.entities["Order"] = EntitySpec(name="Order", fields=[
        FieldSpec(name="delivery_date", type="date"), FieldSpec(name="quantity", type="int", required=False),
        FieldSpec(name="status", type="enum", choices=["placed", "confirmed", "delivered", "cancelled"]),
        FieldSpec(name="notes", type="text", required=False)])
    r.words_for["Order"] = "pedido" if r.language == "es" else "order"
    r.records.add("Order")
    r.requested.append(_ONE_OFF.search(r.text).group(0))
    buyer = next((n for n in ("Customer", "Client", "Cafe", "Restaurant", "Shop", "Store") if n in r.entities), None)
    if buyer:
        add_link(r, "Order", buyer)
    add_link(r, "Order", "StandingOrder")  # the order a standing order made, if it made it (optional)
    for run in ("DeliveryRun", "Route", "DeliveryRoute", "Run"):
        if run in r.entities:
            add_link(r, "Order", run)
            break
    product = next((n for n in _PRODUCTS if n in r.entities), None)
    if product and "OrderItem" not in r.entities and len(r.entities) < MAX_ENTITIES:
        r.entities["OrderItem"] = EntitySpec(name="OrderItem", fields=[FieldSpec(name="quantity", type="int")])
        r.records.add("OrderItem")
        add_link(r, "OrderItem", "Order")
        add_link(r, "OrderItem", product)


def _harm_reported(r: Reading, said: re.Match[str] | None, broken: re.Match[str] | None) -> None:
    """A report of harm said where no table of damage was kept ('record any damage reported on a job')."""
    if any(x in r.entities for x in _HARMS.values()) or len(r.entities) >= MAX_ENTITIES:
        return
    if said and re.match(r"\s+(?:charges?|fees?|costs?|deposits?|waivers?|insurance)\b", r.text[said.end():]):
        return  # 'staff record damage charges': what is charged, not a report
    thing = _entity_said(r, broken.group(1)) if broken else _harmed(r, said)
    known = definition("DamageReport", r.domain)
    if thing is None or known is None or thing in PEOPLE:
        return
    r.entities["DamageReport"] = EntitySpec(name="DamageReport", fields=[f.model_copy() for f in known.fields])
    r.words_for["DamageReport"] = "damage report"
    r.requested.append(said_as(r, "DamageReport"))
    add_link(r, "DamageReport", thing)


def _entity_said(r: Reading, word: str) -> str | None:
    """The app's entity a single word names ('tools' -> Tool), if the app keeps it."""
    name = entity_name(singular(word, r.language), None, r.language)
    return name if name in r.entities else next((n for n, w in r.words_for.items()
                                                 if n in r.entities and w in {word, singular(word, r.language)}), None)


def _said_last(r: Reading, names: list[str], text: str) -> str | None:
    """Of these entities, the one whose word the text says last ('... and every jumper needs a signed waiver': the
    jumper), else None."""
    def at(n: str) -> int:
        return text.rfind((r.words_for.get(n) or words_of(n)).split()[-1][:5])
    return max((n for n in names if at(n) >= 0), key=at, default=None)


def _a_thing(r: Reading, name: str) -> bool:
    """Whether an entity is a thing rather than people (by its name or the word the prompt used)."""
    return name not in PEOPLE and r.words_for.get(name, "").split(" ")[-1] not in word_set("people")


def _drop_shortcuts(r: Reading) -> None:
    """An order's products are reached through its lines: a direct Order -> Product link beside an OrderItem that
    joins them says the same thing wrongly (an order of one product)."""
    parents: dict[str, set[str]] = {}
    for child, parent, kind in r.links:
        if kind == "belongs_to":
            parents.setdefault(child, set()).add(parent)
    joins = [ps for c, ps in parents.items() if len(ps) == 2 and c.endswith(("Item", "Line"))]
    r.links = [(c, p, k) for c, p, k in r.links if not any({c, p} == ps for ps in joins)]


def _verbs_are_no_things(r: Reading) -> None:
    """'it will then retrieve and categorise', 'a log of what each bird ate': a word that is only ever a verb and was
    given nothing but a name is no table."""
    for name in [n for n, e in r.entities.items() if re.fullmatch(r"[A-Z][a-z]+", n) and n != r.main and
                 not n.endswith("ing") and {f.name for f in e.fields} <= {"name"}]:
        word = name.lower()
        if set(getAllLemmas(word)) != {"VERB"} or word in known_nouns() or \
                any(name in {fs.entity, fs.target} for fs in r.feature_specs) or \
                name in {"Follow", "Like", "Vote", "Block", "Mute"}:  # 'follow other users': a join of two people
            continue
        del r.entities[name]
        r.links = [x for x in r.links if name not in x[:2]]
        r.records.discard(name)


_BOARDS = re.compile(r"\b(?:kanban|trello|boards?|tableros?|cards?|tarjetas?|columns?|columnas?|to-?do|tareas?|"
                     r"tasks?)\b")


def _lists_without_boards(r: Reading) -> None:
    """'staff pick the dog from the list': a list is a board's column only where boards, cards or tasks are said;
    elsewhere it is how the app shows what it keeps, not a table."""
    if "BoardList" not in r.entities or r.main == "BoardList" or _BOARDS.search(r.text) or \
            any("BoardList" in {fs.entity, fs.target} for fs in r.feature_specs) or \
            any(p == "BoardList" and c not in {"Signup", "Registration"} for c, p, _k in r.links):
        return  # 'poets sign up for the open list': a sign-up list is who signed up, not a board's column
    del r.entities["BoardList"]
    r.links = [x for x in r.links if "BoardList" not in x[:2]]
    r.records.discard("BoardList")


_BY_ACCOUNT = {"Rating", "Review", "Favourite", "Favorite", "Bookmark", "WishlistItem", "Comment"}


_PARTICIPATIONS = {"Registration", "Signup", "Booking", "Reservation", "Application", "Enrollment", "Attendance",
                   "Submission", "Entry", "Vote", "Rsvp", "Feedback", "Hike", "Order", "Donation", "Ticket"}


def _made_by_users(r: Reading) -> None:
    """'Users can register for an event': on a site whose accounts are Users, a registration, booking or entry that
    belongs to no person is the user's."""
    if "User" not in r.entities or r.account != "User":
        return
    people = {n for n in r.entities if n in PEOPLE or r.words_for.get(n, "") in word_set("people")}
    for name in _PARTICIPATIONS & set(r.entities):
        if not any(c == name and (p == "User" or p in people) for c, p, _ in r.links):
            add_link(r, name, "User")


def _account_commented_on(r: Reading) -> None:
    """'climbers sign in and comment on other climbers': a comment on a person whose table is also the account needs
    both its author and the person it is about, so the accounts are Users and the comment links both."""
    person = r.account
    about = [fs for fs in r.feature_specs if fs.target == person and fs.name in {"comments", "ratings", "favourites"}]
    if person not in r.entities or person == "User" or not about or len(r.entities) >= MAX_ENTITIES:
        return
    _users_become_the_account(r, person, kept={fs.entity for fs in about})  # what is about the person stays theirs
    for fs in about:
        add_link(r, fs.entity, "User")


def _account_without_parents(r: Reading) -> None:
    """A named person who belongs to something (a player of a team) or has a file (a client's photo) cannot register
    with email and password alone: User is the account then."""
    person = r.entities.get(r.account)
    if person is None or not (any(c == r.account and k == "belongs_to" for c, _, k in r.links) or
                              any(f.type == "file" for f in person.fields)):
        return
    _users_become_the_account(r, r.account)


def _users_become_the_account(r: Reading, person: str, kept: frozenset[str] | set[str] = frozenset()) -> None:
    """User is the account instead of `person`: what the account rates, saves or comments is the user's (except
    what `kept` names)."""
    r.account = "User"
    r.entities.setdefault("User", EntitySpec(name="User", fields=[FieldSpec(name="name", max_length=200),
                                                                 FieldSpec(name="email", type="email", unique=True)]))
    r.words_for.setdefault("User", "user")
    r.links = [(c, "User" if p == person and c in _BY_ACCOUNT and c not in kept else p, k) for c, p, k in r.links]


def _specs_for(entities: list[EntitySpec], r: Reading) -> list[FeatureSpec]:
    """Feature specs whose entities survived; a feature left with none is reported as not built, not dropped."""
    names = {e.name for e in entities}
    kept = [fs for fs in r.feature_specs if fs.entity in names and (not fs.target or fs.target in names) and
            fs.target != fs.entity]  # a rating of ratings rates nothing
    for fs in r.feature_specs:
        if fs not in kept and not any(k.name == fs.name for k in kept) and fs.name in r.features:
            r.features.remove(fs.name)
            r.not_built.append(fs.name.replace("_", " "))
    return kept


_DOCUMENTS = {"Invoice", "Quote", "Estimate", "Bill", "PurchaseOrder", "Receipt", "Sale", "Purchase", "Delivery",
              "Shipment", "Return", "Request", "Requisition"}


def _lines_of_their_parent(entities: list[EntitySpec], r: Reading) -> None:
    """'quotes with line items': with no order in the app, the lines are the quote's (QuoteLine, not OrderItem)."""
    lines = next((e for e in entities if e.name == "OrderItem"), None)
    if lines is None or any(e.name == "Order" for e in entities):
        return
    parent = next((rel.target for rel in lines.relations if rel.target in _DOCUMENTS), None)
    if parent is None:
        return
    if any(e.name == f"{parent}Line" for e in entities):  # 'invoices with line items': the InvoiceLine we know
        entities.remove(lines)
        for e in entities:
            e.relations = [rel for rel in e.relations if rel.target != "OrderItem"]
        r.feature_specs = [fs for fs in r.feature_specs if "OrderItem" not in {fs.entity, fs.target}]
    else:
        rename_entity(entities, r.feature_specs, "OrderItem", f"{parent}Line")
    r.requested = list(dict.fromkeys(said_as(r, f"{parent}Line") if x == "order items" else x for x in r.requested))


def rename_entity(entities: list[EntitySpec], specs: list[FeatureSpec], old: str, new: str) -> bool:
    """Rename an entity everywhere it is referred to (its links and features) when its name is reserved."""
    if not any(e.name == old for e in entities) or any(e.name == new for e in entities):
        return False
    for e in entities:
        if e.name == old:
            e.name, e.plural = new, pluralize(snake(new))
        for rel in e.relations:
            if rel.target == old:
                rel.target, rel.field = new, rel.field.replace(snake(old), snake(new), 1)
    for fs in specs:
        fs.entity = new if fs.entity == old else fs.entity
        fs.target = new if fs.target == old else fs.target
    return True


def _title(r: Reading) -> str:
    """The kind's title, else the main entities' plural names."""
    if any(d.key == r.domain for d in TITLE_DOMAINS):
        said = next((k for k, v in load("words")["kinds"].items() if v == r.domain and re.search(rf"\b{k}\b", r.text)),
                    None)  # 'Dance school app' is a Dance School, 'Escuela de baile' an Escuela de baile
        if said:
            return said.title() if r.language == "en" else said[:1].upper() + said[1:]
    kind = next((d for d in _KINDS if d.key == r.domain), None)
    if kind:
        return kind.title_es if r.language == "es" else kind.title_en
    names = [r.main] + [n for n in r.entities if n != r.main and n != "User"]
    return " ".join(pluralize(words_of(n).replace(" ", "_")).replace("_", " ") for n in names[:2]).title()


def _app_name(prompt: str, title: str) -> str:
    """A kebab-case name: the one the prompt gives ('called X', 'llamada X') or one from the title."""
    m = re.search(r"(?:called|named|llamad[oa]|se llama|nombre)\s+[\"'“]?([A-Za-z0-9][\w\- ]{1,40}?)[\"'”]?"
                  r"(?=[,.;:!?]|\s+(?:that|which|for|with|where|to|que|para|con|donde|y|and)\b|$)", prompt)
    return kebab(m.group(1) if m else title) or "app"


def kebab(text: str) -> str:
    """ASCII kebab-case (accents dropped), at most 40 characters."""
    return "-".join(re.findall(r"[a-z0-9]+", normalise(text)))[:40].strip("-")
