"""Forty-sixth pass: reach (a shop called a store, tools fed an upload, drawings exported, tunes with a beat)
and the structure of requests read from sets written outside the engine."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import links, names


def _fields(spec, entity: str) -> set[str]:
    """The field names of one entity of a spec."""
    return {f.name for e in spec.entities if e.name == entity for f in e.fields}


@pytest.mark.parametrize("prompt", [
    "Firefox add-on please: on a bookstore product page, flag the book if our library catalogue already holds it.",
    "A Chrome extension that, on any online store checkout page, reminds our staff to apply the club discount.",
    "Upload a PDF of a floor plan and it measures every room for you, printing the square metres on each one.",
    "I drop in a CSV of lap times and it draws a pace chart, nothing more.",
    "An app where I can sketch quilt blocks, pick the fabric colours and export the layout as a PDF to print.",
    "For our practice nights: a page that plays the jig tunes and flashes each beat so beginners keep time; a "
    "tempo slider too.",
])
def test_tools_are_declined_whatever_they_mention(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", [
    "Our hardware store needs to track stock of tools, suppliers and the orders we place with them.",
    "Members upload photos of their quilts to the gallery and it lists them by show and category.",
    "Music school app: teachers log lessons and the pieces each student plays, with tempo notes per lesson.",
])
def test_data_apps_that_share_those_words_are_built(prompt: str) -> None:
    assert names(infer_spec(prompt))


@pytest.mark.parametrize("prompt, lines, parent", [
    ("Carpintería: llevo clientes y presupuestos con sus líneas (concepto, horas, precio/hora); el cliente acepta.",
     "QuoteLine", "Quote"),
    ("Vendemos aceite a tiendas. Cada pedido tiene muchas líneas (producto, litros, precio) y fecha de entrega.",
     "OrderItem", "Order"),
])
def test_spanish_lines_are_items_of_their_parent(prompt: str, lines: str, parent: str) -> None:
    spec = infer_spec(prompt)
    assert "Line" not in names(spec) and (lines, parent, "belongs_to") in links(spec), links(spec)


def test_the_lines_keep_the_details_given_for_them() -> None:
    spec = infer_spec("Taller de tapicería: clientes y presupuestos con líneas (tela, metros, precio).")
    assert {"tela", "price"} <= _fields(spec, "QuoteLine"), _fields(spec, "QuoteLine")


@pytest.mark.parametrize("prompt, shop", [
    ("Gestión de cristalería: llevar clientes, encargos y facturas de vidrio.", "Cristaleria"),
    ("Gestión de ebanistería: clientes, encargos y facturas.", "Ebanisteria"),
])
def test_the_spanish_shop_the_app_is_for_is_no_table(prompt: str, shop: str) -> None:
    assert shop not in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_a_chain_of_spanish_shops_keeps_its_shops() -> None:
    spec = infer_spec("Cadena de heladerías: cada heladería tiene dirección, encargado y horario; los sabores "
                      "disponibles cambian por heladería.")
    assert len(names(spec)) >= 2, names(spec)


@pytest.mark.parametrize("prompt, verb", [
    ("Household budget software: the app will then quietly retrieve and sort each purchase into categories.",
     "Retrieve"),
    ("Parrot sanctuary: track every bird admitted, the vet checks, and a log of what each bird ate.",
     "Ate"),
])
def test_a_word_that_is_only_a_verb_is_no_table(prompt: str, verb: str) -> None:
    assert verb not in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_following_other_people_is_still_a_join() -> None:
    spec = infer_spec("A site for whisky lovers: members log the drams they taste, rate them and follow other "
                      "members to see their tasting notes.")
    assert "Follow" in names(spec), names(spec)


def test_records_kept_per_thing_get_the_details_listed_with_them() -> None:
    spec = infer_spec("Diving club admin. Groups, each with a couple of instructors. Training sessions per group with "
                      "pool, lane and time; instructors mark attendance.")
    assert {"pool", "lane"} <= _fields(spec, "TrainingSession"), _fields(spec, "TrainingSession")
    assert ("TrainingSession", "Group", "belongs_to") in links(spec), links(spec)


def test_ordering_with_no_object_keeps_the_order_said() -> None:
    spec = infer_spec("Please implement a website for a crepe van. Users should be able to see where the van parks "
                      "each day and order ahead for collection. Users should get an order number and see when "
                      "their order is ready.")
    assert {"Order", "OrderItem"} <= set(names(spec)), names(spec)


@pytest.mark.parametrize("prompt", [
    "app del club de esgrima: que los socios paguen la cuota anual desde la web y se inscriban en torneos",
    "Club de ajedrez: los socios pagan su cuota y se inscriben en los torneos del club.",
])
def test_spanish_members_paying_the_fee_keep_each_fee(prompt: str) -> None:
    spec = infer_spec(prompt)
    fee = next((n for n in names(spec) if n.endswith("Fee")), None)
    assert fee and (fee, "Member", "belongs_to") in links(spec), links(spec)


@pytest.mark.parametrize("prompt", [
    "crepe van: menu, weekly spots, preorders",
    "Please build a website for a soba kitchen. Visitors can read the menu with prices and allergens, then "
    "order ahead for a collection time and pay by card.",
])
def test_the_menu_is_its_dishes(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "MenuItem" in names(spec) and "Menu" not in names(spec), names(spec)


def test_menus_given_details_of_their_own_stay() -> None:
    spec = infer_spec("Catering company: set menus (season, price per head, minimum guests) and events that choose "
                      "a menu.")
    assert "Menu" in names(spec), names(spec)


def test_a_clubs_trips_have_no_travel_destinations() -> None:
    spec = infer_spec("Walking club trip planner. Leaders post trips (area, date, distance, meeting point) and "
                      "members sign up for them.")
    assert "Trip" in names(spec) and not {"Destination", "ItineraryItem"} & set(names(spec)), names(spec)


def test_a_holiday_planner_keeps_its_destinations() -> None:
    spec = infer_spec("A holiday planner: users plan trips, add destinations and build a day-by-day itinerary.")
    assert "Destination" in names(spec), names(spec)


def test_rates_closing_a_bracket_are_prices_not_ratings() -> None:
    spec = infer_spec("Rowing club renewals. Each member renews yearly (senior/student/family rates) and we record "
                      "the payments.")
    assert "Rating" not in names(spec) and "Member" in names(spec), names(spec)


@pytest.mark.parametrize("prompt, gone", [
    ("Men's Shed admin: members, workshop projects and the hours each member puts in.", "Man"),
    ("Women's rugby club: players, fixtures and training attendance.", "Woman"),
])
def test_whose_kind_of_group_it_is_is_no_table(prompt: str, gone: str) -> None:
    assert gone not in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_children_borrowing_books_is_a_loan() -> None:
    spec = infer_spec("Toy library for a nursery: children borrow toys and parents bring them back within a week.")
    assert any(n.endswith("Loan") for n in names(spec)), names(spec)


def test_booking_with_no_object_books_the_class() -> None:
    spec = infer_spec("Website for my candle-making studio. I run classes (pillar candles, jar candles), each class "
                      "has dates, max 8 people and a price. People book and pay online.")
    assert any(c.endswith("Booking") and p == "ClassSession" for c, p, _k in links(spec)), links(spec)


def test_what_each_one_records_after_a_colon_are_its_details() -> None:
    spec = infer_spec("Cider production log. Every vat records: apple variety, pressing ratio, yeast strain, water "
                      "source, start date.")
    assert names(spec) == ["Vat"] or "StartDate" not in names(spec) and "Vat" in names(spec), names(spec)
    assert "start_date" in _fields(spec, "Vat"), _fields(spec, "Vat")


@pytest.mark.parametrize("prompt, kind", [
    ("We track jobs: customer, address, job type (bathroom, kitchen, hallway), square metres, dates.", "JobType"),
    ("Mis reformas: guardo cliente, dirección de la obra, tipo de trabajo (baño, cocina, terraza) y fechas.",
     "WorkType"),
])
def test_values_of_a_type_in_brackets_are_no_fields(prompt: str, kind: str) -> None:
    spec = infer_spec(prompt)
    assert _fields(spec, kind) <= {"name"}, _fields(spec, kind)


def test_spanish_verbs_after_que_are_verbs() -> None:
    spec = infer_spec("Centro de fisioterapia. Vendo bonos de 5 sesiones y quiero apuntar cada sesión que consume "
                      "(fecha, fisio, notas) y los pagos.")
    assert "Consume" not in names(spec) and "Session" in names(spec), names(spec)


def test_a_verb_in_an_if_clause_is_no_table() -> None:
    spec = infer_spec("Squash ladder for the club. Players challenge anyone two places above them; if the challenger "
                      "wins they swap places. Record each match with its scores.")
    assert "Win" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, gone", [
    ("Grupo de danzas tradicionales: socios, cuotas y ensayos.", "Danza"),
    ("Banda de gaitas: músicos, ensayos y actuaciones.", "Gaita"),
])
def test_what_kind_of_spanish_group_it_is_is_no_table(prompt: str, gone: str) -> None:
    assert gone not in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_each_thing_of_a_verbless_note_is_kept() -> None:
    spec = infer_spec("Tortoise sanctuary database. Each tortoise goes in a pen. Feeding log (what, how much), "
                      "weigh-ins, vet visits.")
    assert {"Tortoise", "Pen"} <= set(names(spec)) and any(n.startswith("WeighIn") for n in names(spec)), names(spec)


def test_quotes_with_lines_get_their_lines() -> None:
    spec = infer_spec("I'm a plasterer. I write quotes with lines for materials, labour and skip hire, and I want to "
                      "turn an accepted quote into a job.")
    assert ("QuoteLine", "Quote", "belongs_to") in links(spec) and "Job" in names(spec), links(spec)


def test_a_spanish_record_card_lists_details_of_the_thing() -> None:
    spec = infer_spec("Importamos vino. Catálogo de vinos con ficha técnica: tipo, grado, región, bodega, "
                      "graduación y maridajes. Los restaurantes hacen pedidos.")
    assert not {"Record", "DataSheet", "Prescription"} & set(names(spec)) and "Wine" in names(spec), names(spec)


def test_a_waiting_list_is_waitlist_entries() -> None:
    spec = infer_spec("Glass fusing classes: students enrol and pay; full classes put extra students on a "
                      "waiting list.")
    assert "WaitlistEntry" in names(spec) and "WaitingListEntry" not in names(spec), names(spec)


def test_something_that_comes_back_broken_is_no_rota() -> None:
    spec = infer_spec("Préstamo de bicis entre vecinos. Si una bici vuelve rota se abre un parte de taller.")
    assert "Rota" not in names(spec), names(spec)


def test_an_english_rota_is_still_kept() -> None:
    spec = infer_spec("Shared flat: bills, who paid them, and a cleaning rota")
    assert "CleaningTask" in names(spec), names(spec)


@pytest.mark.parametrize("prompt, entrant", [
    ("Club de remo. Regatas (fecha, lugar), remeros con su categoría e inscripciones de cada remero en las pruebas, "
     "con tiempos y posiciones.", "Rower"),
    ("Club de vela con regatas; regatas con inscripción de barcos por clase y número de vela.", "Boat"),
])
def test_spanish_entries_to_races_are_entries(prompt: str, entrant: str) -> None:
    spec = infer_spec(prompt)
    assert ("Entry", "Regatta", "belongs_to") in links(spec) and ("Entry", entrant, "belongs_to") in links(spec), \
        links(spec)


def test_spanish_paddlers_are_named_in_english() -> None:
    spec = infer_spec("Club de piragüismo: palistas con su categoría, regatas y resultados por palista.")
    assert "Paddler" in names(spec) and "Palista" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, person, held", [
    ("Gliding club. Members who hold the right rating can book gliders.", None, None),
    ("Dive club: only members who hold a valid certification may book dives.", "Member", "Certification"),
    ("Climbing wall: instructors hold certificates (first aid, SPA) that expire.", "Instructor", "Certificate"),
    ("Kayak club. Paddlers hold awards/qualifications that expire after three years.", "Paddler",
     "Qualification"),
])
def test_qualifications_people_hold_are_many_to_many(prompt: str, person: str | None, held: str | None) -> None:
    spec = infer_spec(prompt)
    if person is None:  # a rating is not one of the things held
        assert "Qualification" not in names(spec), names(spec)
        return
    assert (person, held, "many_to_many") in links(spec), links(spec)
    assert "Award" not in names(spec), names(spec)


def test_marked_as_checked_in_keeps_the_particle() -> None:
    spec = infer_spec("Escape room bookings: customers book a room and a time; on arrival the host marks each "
                      "booking as checked in.")
    assert "checked_in" in _fields(spec, "Booking"), _fields(spec, "Booking")


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a paintball field. Visitors can compare packages, book a session for their "
    "group and buy vouchers.",
    "Bowling alley with 10 lanes. Groups book a lane for one or two hours, up to 6 bowlers per lane.",
])
def test_a_group_that_books_is_a_party_size(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "Group" not in names(spec) and "party_size" in _fields(spec, "Booking"), names(spec)


def test_groups_members_join_are_kept() -> None:
    spec = infer_spec("Walking club: members join groups by region, groups organise walks and members book places.")
    assert "Group" in names(spec), names(spec)


def test_a_system_people_use_is_the_thing_before_them() -> None:
    spec = infer_spec("Climbing wall: members book sessions, and we want a voucher system people can redeem at the "
                      "desk.")
    assert any(n.endswith("Voucher") for n in names(spec)), names(spec)


def test_a_generator_whose_items_are_rated_and_saved_keeps_them() -> None:
    spec = infer_spec("A joke generator: it generates a random joke from the categories users pick. Users can rate "
                      "jokes and save their favourites for later.")
    assert "Joke" in names(spec) and any(n.startswith("Favo") for n in names(spec)), names(spec)


def test_a_generator_with_nothing_kept_is_still_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("A random team name generator for our quiz night: click and get a funny name.")
