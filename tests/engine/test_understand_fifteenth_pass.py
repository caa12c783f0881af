"""Understanding (issue 9), fifteenth pass: words that are not things (participles, adjectives, everyday verbs),
Spanish nouns the field dictionary knows, counted objects."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(("prompt", "not_a_thing"), [
    ("A repair shop site: customers drop off broken gadgets they want fixed, technicians log repairs", "Fixed"),
    ("Lost property desk: log found items with the place and date found, and owners submit claims", "Found"),
    ("A cookbook for kids with recipes suitable for all ages and their ingredients", "Suitable"),
    ("We hire out marquees; customers book marquees for dates and we must avoid double bookings", "Double"),
    ("Office leave tracker: staff ask for days off and the manager approves leave requests", "Ask"),
])
def test_participles_adjectives_and_verbs_are_not_entities(prompt, not_a_thing):
    """'want fixed', 'date found', 'suitable for', 'double bookings', 'staff ask for' describe, they name nothing."""
    assert not_a_thing not in names(infer_spec(prompt))


@pytest.mark.parametrize(("prompt", "not_a_thing"), [
    ("Una web para la biblioteca del barrio: los socios reservan libros y el personal anota en qué estado vuelve "
     "cada libro", "Vuelve"),
    ("Un museo: los visitantes ven las exposiciones actuales y pasadas y reservan visitas guiadas", "Pasada"),
    ("Quiero una app para mi remisería: choferes, autos, viajes y cuánto recaudó cada chofer", "Recaudo"),
])
def test_spanish_verbs_and_adjectives_are_not_entities(prompt, not_a_thing):
    """A verb after 'que', an adjective coordinated with another ('actuales y pasadas') is no record."""
    assert not_a_thing not in names(infer_spec(prompt))


def test_spanish_staff_is_a_noun_after_its_article():
    """'el personal registra las devoluciones': the staff do the registering; personal is no adjective here."""
    spec = infer_spec("Préstamo de bicicletas: el personal registra los préstamos y las devoluciones de cada "
                      "bicicleta")
    assert "Personal" not in names(spec)
    assert "Bicycle" in names(spec) or "Bike" in names(spec)


def test_a_spanish_field_word_names_its_entity_in_english():
    """'los resultados de cada análisis' are Results (the field dictionary knows the word), never 'Resultado'."""
    spec = infer_spec("Un laboratorio: pacientes, órdenes de análisis y los resultados de cada análisis")
    assert "Resultado" not in names(spec)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("Heladería: sabores, pedidos de delivery y qué cadete llevó cada pedido", "Courier"),
    ("Ludoteca que presta juguetes y juegos de mesa a las familias", "BoardGame"),
    ("Rutas escolares: cada ruta tiene varios paraderos y los alumnos suben en un paradero", "Stop"),
])
def test_spanish_business_nouns_get_english_names(prompt, entity):
    """cadete is a courier, un juego de mesa a board game, un paradero a stop."""
    assert entity in names(infer_spec(prompt))


def test_a_counted_object_after_a_phrasal_verb_is_kept():
    """'we rent out 12 storage units': the number between the verb and its object does not hide the units."""
    spec = infer_spec("we rent out 40 storage units. who is renting which one, and the monthly rent")
    assert "StorageUnit" in names(spec) or "Unit" in names(spec)
    assert any(e.name not in {"StorageUnit", "Unit"} and ("StorageUnit" in parents(spec, e.name) or
                                                          "Unit" in parents(spec, e.name)) for e in spec.entities)


def test_a_bracketed_aside_does_not_end_a_list():
    """'members, boats (class, sail number), regattas, races and results': five things, the aside their fields."""
    spec = infer_spec("yacht club. members, boats (class, sail number, handicap), regattas, races and results")
    assert {"Member", "Boat", "Regatta", "Race", "Result"} <= names(spec)
    assert "SailNumber" not in names(spec)


def test_a_sentence_that_only_lists_things_names_the_entities():
    """'customers, quotes, jobs.' alone in a sentence: each is a table, even a word that is often a field."""
    spec = infer_spec("plastering business. customers, quotes, jobs, payments. jobs come from accepted quotes")
    assert {"Customer", "Quote", "Job", "Payment"} <= names(spec)


def test_kinds_with_examples_after_such_as_are_values():
    """'handles file formats like documents, spreadsheets and images' lists formats, not tables."""
    from core.errors import UnsupportedRequestError

    with pytest.raises(UnsupportedRequestError):
        infer_spec("A tool that converts files between formats. It handles file formats like documents (DOCX, "
                   "PDF), spreadsheets (XLSX, CSV), slides and images.")


@pytest.mark.parametrize(("plural", "one"), [
    ("caches", "cache"), ("niches", "niche"), ("quiches", "quiche"), ("hoodies", "hoodie"), ("veggies", "veggie"),
    ("stories", "story"), ("churches", "church"),
])
def test_singulars_of_words_ending_in_che_and_ie(plural, one):
    """'geocaches' are caches, not 'cachs'; 'hoodies' are hoodies, not 'hoodys'; 'churches' still a church."""
    from core.engine.understand.vocab import singular

    assert singular(plural) == one


def test_two_names_for_one_table_become_one_entity():
    """Never a crash when two entities would share a table: the first is kept, links and features follow it."""
    from core.engine.understand.pipeline import _one_per_table
    from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, RelationSpec

    first = EntitySpec(name="Cach", fields=[FieldSpec(name="name")])
    second = EntitySpec(name="Cache", fields=[FieldSpec(name="title")])
    find = EntitySpec(name="Find", fields=[FieldSpec(name="found_on", type="date")],
                      relations=[RelationSpec(target="Cache"), RelationSpec(target="Cach")])
    specs = [FeatureSpec(name="ratings", entity="Cache")]
    kept = _one_per_table([first, second, find], specs)
    assert [e.name for e in kept] == ["Cach", "Find"]
    assert [(r.target, r.field) for r in kept[1].relations] == [("Cach", "cach_id")]
    assert specs[0].entity == "Cach"
    AppSpec(name="finds", title="Finds", entities=kept)


def test_geocaching_log_builds():
    """A prompt whose nouns misread into one plural still builds (caches, finds, logs)."""
    spec = infer_spec("geocaching club: our caches (coords, terrain), members log finds with a photo and rate caches")
    assert "Cache" in names(spec)


def test_every_noun_definition_makes_a_valid_entity():
    """The noun knowledge (nouns.json and the catalogue) parses into entities an AppSpec accepts, parents known."""
    from core.engine.understand.knowledge import definitions
    from core.spec import AppSpec

    known = definitions()
    assert len(known) > 700
    bad_parents = {(n, r.target) for n, e in known.items() for r in e.relations if r.target not in known}
    assert not bad_parents
    entities = [e.model_copy(deep=True) for e in known.values()]
    for e in entities:
        e.relations = []
    for i in range(0, len(entities), 25):
        AppSpec(name="nouns", title="Nouns", entities=entities[i:i + 25])


@pytest.mark.parametrize(("prompt", "entity", "fields"), [
    ("sailing club: members, boats, races and race results", "Race", {"name"}),
    ("we let out storage units: tenants, tenancies and rent payments", "Tenancy", {"start_date"}),
    ("sheep farm: ewes, rams, lambings and treatments", "Lambing", {"lambed_on"}),
])
def test_named_things_get_the_fields_we_know(prompt, entity, fields):
    """Domain knowledge enriches the entities the prompt names: a Race has a date, a Tenancy its start."""
    spec = infer_spec(prompt)
    assert entity in names(spec)
    assert fields <= {f.name for f in spec.entity(entity).fields}


@pytest.mark.parametrize(("prompt", "what"), [
    ("need something to cut my podcast videos into 30 sec vertical clips for reels and add captions automatically",
     "an image, video or sound tool"),
    ("Quiero algo que quite el ruido de fondo de mis audios de clase y los exporte en mp3",
     "an image, video or sound tool"),
    ("An accent coach: learners read sentences aloud and the app does pronunciation scoring",
     "an image, video or sound tool"),
    ("A help chatbot for our shop website that replies to customers using ChatGPT", "a chatbot on a third-party AI"),
    ("An app that shows the real-time positions of the city's trams and buses on a map", "a live traffic service"),
])
def test_media_tools_ai_chatbots_and_live_feeds_are_declined(prompt, what):
    """Cutting clips, cleaning audio, scoring speech, a chatbot on someone else's AI and live vehicle positions."""
    from core.errors import UnsupportedRequestError

    with pytest.raises(UnsupportedRequestError) as err:
        infer_spec(prompt)
    assert f"({what}" in str(err.value)


@pytest.mark.parametrize("prompt", [
    "a shop that sells board games and puzzles",
    "our board game library: members borrow games and we log game nights",
    "Ludoteca: prestamos de juegos de mesa a los socios",
])
def test_games_kept_sold_or_lent_are_data(prompt):
    """Selling, lending or collecting games is a data app; only making a game is declined."""
    assert infer_spec(prompt).entities


@pytest.mark.parametrize(("prompt", "liked"), [
    ("Heladería: guardar el cliente con su dirección y los pedidos de cada cliente", False),
    ("Recetas: los usuarios pueden guardar recetas en favoritos", True),
])
def test_guardar_stores_unless_it_keeps_for_later(prompt, liked):
    """'guardar el cliente' stores a record; 'guardar en favoritos' is a favourite."""
    assert ("favourites" in [fs.name for fs in infer_spec(prompt).feature_specs]) is liked


def test_things_known_by_a_number_stay_in_the_list():
    """'cows by ear tag number, tuppings (which bull with which cows), calvings': the bracket is a clause, the number
    how the cows are known; the animals, the bulls and the calvings are kept, each calving of an animal."""
    spec = infer_spec("dairy farm. cows by ear tag number, servings (which bull with which cows), calvings — date, "
                      "number of calves — plus vaccinations per animal")
    assert {"Bull", "Calving"} <= names(spec)
    herd = "Cow" if "Cow" in names(spec) else "Animal"
    assert herd in names(spec) and herd in parents(spec, "Calving")
    assert not any(n.startswith("Plus") for n in names(spec))


def test_a_heading_in_s_before_a_colon_is_a_noun():
    """'lambing records: date, number of lambs' is a heading, not the verb 'records'."""
    from core.engine.understand.sentences import _token, tag

    toks = tag([_token(w) for w in ["lambing", "records", ":", "date", ",", "number"]])
    assert toks[1].tag == "NOUN"


def test_spanish_lab_studies_are_tests_and_the_sample_collection_a_sample():
    """At a clinical lab 'estudios' are tests and 'la toma de muestra' is a sample, not a Studio and a Toma."""
    spec = infer_spec("Laboratorio clínico: pacientes, órdenes con varios estudios, la toma de muestra y los "
                      "resultados de cada estudio")
    assert "Studio" not in names(spec) and "Toma" not in names(spec)
    assert {"Test", "Sample"} <= names(spec)


def test_who_rents_a_property_is_a_tenant_and_each_rental_is_theirs():
    """"we let 8 storage units; who's renting which one": the renters are tenants and each rental is a tenant's."""
    spec = infer_spec("we rent out 8 garages. who's renting which one, the monthly rent and whether it is paid")
    assert {"Garage", "Tenant"} <= names(spec)
    record = next(e.name for e in spec.entities if "Garage" in parents(spec, e.name))
    assert "Tenant" in parents(spec, record)


def test_counted_staff_are_kept():
    """'an osteopathy practice with three osteopaths': the practitioners are kept (patients book with them)."""
    spec = infer_spec("Osteopathy practice with three osteopaths. Patients book appointments online with one of us.")
    assert "Osteopath" in names(spec)


def test_which_thing_was_ordered_for_whom_is_an_order_record():
    """'which frames were ordered for which customer': each order joins the customer and the frame."""
    spec = infer_spec("Opticians: customers, eye tests, and which frames were ordered for which customer")
    order = next(n for n in names(spec) if n.endswith("Order"))
    assert {"Customer", "Frame"} <= parents(spec, order)


@pytest.mark.parametrize(("prompt", "entity", "state"), [
    ("we rent out 10 garages: who's renting which one, the monthly rent, and mark as paid", "RentPayment", "paid"),
    ("dog walking business: clients, dogs and walks, mark each walk as paid", "Walk", "paid"),
    ("a list of records I lend to friends, mark each loan as returned", "Loan", "returned"),
    ("Asociación de vecinos: socios y cuotas mensuales (marcar si está pagada)", "MonthlyFee", "paid"),
])
def test_marked_states_are_yes_no_fields_and_listed(prompt, entity, state):
    """'mark as paid', 'marcar si está pagada': a yes/no on the thing marked (the month's rent payment, not the
    garage), listed in what the architect understood."""
    spec = infer_spec(prompt)
    assert any(f.name == state and f.type == "bool" or state in (f.choices or [])
               for f in spec.entity(entity).fields)
    assert any("marked" in p or "marcar" in p for p in spec.requested)


def test_gerund_field_words_name_the_noun():
    """'creating tasks, setting deadlines and tracking progress': the task has a due date and a progress."""
    from core.engine.understand.fields import field_ident

    assert field_ident("setting deadlines") == "due_date"
    assert field_ident("assigning priority levels") == "priority_level"


def test_each_loan_is_not_a_lent_thing():
    """'each loan has a due date': 'each' is no thing that is lent."""
    spec = infer_spec("tool library: members borrow tools, each loan has a due date")
    assert "Each" not in names(spec)
    assert any("due" in p for p in spec.requested)


def test_kinds_browsed_by_category_are_values_not_tables():
    """'browse kayaks, paddleboards and wetsuits by category': kinds of the hired gear, one table with categories."""
    spec = infer_spec("Please implement a website for renting water-sports gear. Users browse kayaks, paddleboards "
                      "and wetsuits by category, reserve gear for their dates and cancel reservations. Staff add "
                      "equipment.")
    assert not {"Kayak", "Paddleboard", "Wetsuit"} & names(spec)
    assert "Category" in names(spec)
    assert len({"Gear", "Equipment"} & names(spec)) == 1


@pytest.mark.parametrize(("prompt", "entity"), [
    ("A website for a river cruise company: routes, book seats for a sailing, and the passenger count for each "
     "sailing", "Sailing"),
    ("Wine club: members sign up for a tasting and we record the wines poured at each tasting", "Tasting"),
])
def test_a_gerund_after_a_or_each_is_a_record(prompt, entity):
    """'for a sailing', 'at each tasting': the word is a thing here, not an activity."""
    assert entity in names(infer_spec(prompt))


def test_an_adjective_in_ing_is_no_record():
    """'an entertaining and challenging time' names nothing to keep."""
    spec = infer_spec("A collection of puzzles that gives people an entertaining and challenging time; users save "
                      "favourite puzzles and rate them")
    assert not {"Challenging", "Entertaining"} & names(spec)
