"""Understanding (issue 9), twenty-second pass: details said with 'their', collections things are grouped into,
reviews that are decisions, and tools that answer a question and keep nothing."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.render import render_project
from core.errors import NothingUnderstoodError, UnsupportedRequestError
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(
    ("prompt", "owners", "details"),
    [
        ("Users can add stocks and funds with their ticker and currency.", {"Fund"}, {"ticker", "currency"}),
        ("Collectors add coins and banknotes with their country and denomination.", {"Coin", "Banknote"},
         {"country", "denomination"}),
    ],
)
def test_singular_details_after_with_their_are_fields_not_tables(prompt: str, owners: set[str],
                                                                 details: set[str]) -> None:
    spec = infer_spec(prompt)
    for owner in owners:
        assert details <= {f.name for f in spec.entity(owner).fields}
    assert not {d.capitalize() for d in details} & names(spec)


def test_plural_things_after_with_their_are_still_tables() -> None:
    assert {"Project", "Task", "Milestone"} <= names(infer_spec("Projects with their tasks and milestones."))


def test_what_people_group_things_into_is_kept_even_when_the_word_is_abstract() -> None:
    assert {"Holding", "Portfolio"} <= names(infer_spec("Users can group holdings into portfolios."))


@pytest.mark.parametrize(
    "prompt",
    ["Claims are reviewed by adjusters, who approve or reject them.",
     "Grant applications are reviewed by assessors, who approve or reject them.",
     "Papers get reviewed by the committee.",
     "Los proyectos son revisados por un comité que los aprueba o rechaza."],
)
def test_a_review_by_a_role_is_a_decision_not_star_ratings(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert not {"Rating", "Review", "User"} & names(spec)
    assert "ratings" not in spec.features


@pytest.mark.parametrize("prompt", ["Customers can review products.", "Users review restaurants.",
                                    "Los clientes pueden revisar y valorar los productos."])
def test_customers_who_review_still_give_ratings(prompt: str) -> None:
    assert "Rating" in names(infer_spec(prompt))


@pytest.mark.parametrize(
    "prompt",
    ["I'm a tiler. I type the length and width of a wall and the tile size, and it tells me how many boxes to order.",
     "I enter the dimensions of a room and it tells me how many litres of paint I need.",
     "paste in the names of tonight's players and it shuffles them into two teams. no accounts, no saving",
     "A page where I upload a floor plan photo and download a PDF with the measurements drawn on it.",
     "Pegas una lista de ingredientes y te da las calorías totales. Nada más.",
     "Subes una foto de un ticket y te da el total con IVA desglosado, nada más.",
     "Para la tablet del mostrador: el cliente escribe su código postal y le dice si repartimos allí.",
     "Our florist needs a tool that takes an order note and prints a nicely formatted card message."],
)
def test_tools_that_take_an_input_and_give_an_answer_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError, match="a tool that keeps nothing"):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("I enter each sale and it shows me the monthly totals per product.", {"Sale", "Product"}),
     ("We type in our customers' orders and it calculates what each customer owes.", {"Customer", "Order"}),
     ("Members enter their rounds each week and it shows a leaderboard.", {"Member", "Round"}),
     ("Customers type in their postcode and it shows the delivery days; we record every order.",
      {"Customer", "Order"})],
)
def test_apps_where_what_is_entered_adds_up_are_built(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


def test_a_daily_log_that_names_nothing_asks_for_more_instead_of_being_declined() -> None:
    with pytest.raises(NothingUnderstoodError):
        infer_spec("I enter my daily weight and it shows me a chart of my progress.")


@pytest.mark.parametrize(
    ("prompt", "entry"),
    [("Tenants report repairs with a description and a photo; I record the invoice cost of each repair.",
      "repair details: description, cost"),
     ("The inspector logs snags: room, description, a photo and a priority.", "snag details: room, description, "
                                                                               "priority"),
     ("Gestionamos los portátiles del instituto (número de serie, modelo, estado) y los préstamos a alumnos.",
      "datos de portatiles: numero de serie, modelo, estado")],
)
def test_requested_lists_the_details_the_prompt_names_for_each_record(prompt: str, entry: str) -> None:
    assert entry in infer_spec(prompt).requested


def test_requested_lists_no_details_the_prompt_did_not_name() -> None:
    requested = infer_spec("a shop with products, customers and orders").requested
    assert not any("details" in r for r in requested)


def test_its_status_belongs_to_the_thing_not_the_person_it_is_assigned_to() -> None:
    spec = infer_spec("I assign each repair to a contractor and track its status (reported, scheduled, fixed).")
    assert "status" in {f.name for f in spec.entity("Repair").fields}
    assert "status" not in {f.name for f in spec.entity("Contractor").fields}


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("We want to record the club's hiking routes with their distance, elevation gain and difficulty.", {"Route"}),
     ("Each team's coach picks players.", {"Team", "Coach", "Player"})],
)
def test_a_plural_after_someones_compound_is_a_noun_and_a_verb_before_an_object_stays_a_verb(
        prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "record", "parents_"),
    [("An app for the loan of laptops to students.", "Loan", {"Laptop", "Student"}),
     ("Una app para el préstamo de portátiles a los alumnos.", "Loan", {"Laptop", "Student"}),
     ("Una app para el alquiler de bicis a turistas.", "Rental", {"Bike"})],
)
def test_a_hand_over_of_things_to_people_is_a_record_linking_both(prompt: str, record: str,
                                                                  parents_: set[str]) -> None:
    assert parents_ <= parents(infer_spec(prompt), record)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [("Asignamos cada tarea a un voluntario.", {"Task", "Volunteer"}),
     ("Gestionamos socios y cuotas.", {"Member", "MembershipFee"})],
)
def test_short_spanish_requests_are_read_as_spanish(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


def test_things_said_with_their_own_details_are_kept_and_get_them() -> None:
    spec = infer_spec("The website should have shipments for each customer, the containers in each shipment with "
                      "their number and type, and the vessels and voyages they are loaded on.")
    assert "number" in {f.name for f in spec.entity("Container").fields}
    assert not {"vessels", "voyages", "number"} & {f.name for f in spec.entity("Shipment").fields}


def test_invoices_have_their_fields_in_any_kind_of_app_and_time_spent_is_no_table() -> None:
    spec = infer_spec("A simple CRM for my freelance design business: clients, projects, invoices and time spent on "
                      "each project.")
    assert {"issue_date", "total", "status"} <= {f.name for f in spec.entity("Invoice").fields}
    assert "Spent" not in names(spec)


def test_a_pair_of_bare_words_after_de_says_what_kind_it_is() -> None:
    spec = infer_spec("Necesito controlar las horas de los empleados del bar: turnos y fichajes de entrada y salida.")
    assert {"Employee", "Shift"} <= names(spec)
    assert not {"Ticket", "Departure"} & names(spec)


def test_the_architecture_splits_requested_details_by_semicolons() -> None:
    spec = infer_spec("The inspector logs snags: room, description, a photo and a priority.")
    arch = render_project(spec)["ARCHITECTURE.md"]
    assert "snag details: room, description, priority" in arch
    assert "Requested: " + "; ".join(spec.requested) + "." in arch


def test_a_spanish_a_repeated_after_y_keeps_both_parents() -> None:
    spec = infer_spec("Gestor de inventario: cada producto pertenece a un proveedor y a un almacén.")
    assert {"Supplier", "Warehouse"} <= parents(spec, "Product")


def test_a_pace_clock_is_a_timer() -> None:
    with pytest.raises(UnsupportedRequestError, match="a timer"):
        infer_spec("For our swim club: a page on the poolside tablet that shows the pace clock and beeps every "
                   "15 seconds.")


def test_one_photo_and_a_description_are_details_of_the_record_being_made() -> None:
    spec = infer_spec("Tenants report a repair, describe the problem and upload a photo.")
    assert not {"Problem", "Photo"} & names(spec)
    assert "photo" in {f.name for f in spec.entity("Repair").fields}
    assert "photo" not in {f.name for f in spec.entity("Tenant").fields}


def test_requested_details_skip_a_records_own_word_and_feature_records() -> None:
    requested = infer_spec("A mood journal: each day I log my mood and notes, and friends can leave a rating with "
                           "stars.").requested
    assert not any(r.startswith(("mood details: mood", "rating details", "note details")) for r in requested)


def test_bare_words_chosen_together_are_choices_not_tables() -> None:
    spec = infer_spec("I run a small print shop. Customers upload their artwork, choose paper and quantity, and we "
                      "track each job until it is collected.")
    assert "Paper" not in names(spec) and "Job" in names(spec)
    assert {"Plan", "PaymentMethod"} <= names(infer_spec("Customers choose a plan and a payment method."))


@pytest.mark.parametrize(("prompt", "owner"), [("Members upload a profile photo.", "Member"),
                                               ("Authors upload a cover image for each book.", "Book")])
def test_a_profile_photo_or_a_cover_image_is_a_file_field(prompt: str, owner: str) -> None:
    spec = infer_spec(prompt)
    assert not {"Photo", "Image", "CoverImage", "ProfilePhoto"} & names(spec)
    assert any(f.type == "file" for f in spec.entity(owner).fields)


@pytest.mark.parametrize("prompt", ["For each laptop we store the serial number, the model and the status.",
                                    "Para cada portátil guardamos el número de serie, el modelo y el estado."])
def test_details_stored_for_each_thing_are_its_fields(prompt: str) -> None:
    fields = [f.name for f in infer_spec(prompt).entity("Laptop").fields]
    assert fields[0] == "name" and {"serial_number", "status"} <= set(fields)


def test_what_we_do_to_a_thing_named_before_us_needs_no_object_after_the_verb() -> None:
    spec = infer_spec("For each concert we build a programme, an ordered list of pieces.")
    assert {"Concert", "Programme"} <= names(spec)


@pytest.mark.parametrize(
    ("prompt", "reservation", "parents_"),
    [("A wedding gift list site where guests reserve gifts from our list and can leave a message.",
      "GiftReservation", {"Gift", "Guest"}),
     ("Customers reserve products online and collect them in store.", "ProductReservation", {"Product", "Customer"}),
     ("Los socios reservan libros.", "BookReservation", {"Book", "Member"})],
)
def test_things_reserved_to_collect_are_reservations_with_a_status_not_time_slots(prompt: str, reservation: str,
                                                                                  parents_: set[str]) -> None:
    spec = infer_spec(prompt)
    assert "Booking" not in names(spec) and "booking_slots" not in spec.features
    assert [f.name for f in spec.entity(reservation).fields] == ["reserved_on", "status"]
    assert parents_ <= parents(spec, reservation)


def test_courts_reserved_for_an_hour_are_still_booked_by_time() -> None:
    spec = infer_spec("Members reserve courts for an hour.")
    assert {"start_at", "end_at"} <= {f.name for f in spec.entity("Booking").fields}
