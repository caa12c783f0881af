"""Understanding (issue 9), thirty-third pass: plain field lists after a thing and a colon, yes/no details,
people who sign up for what was just named, what the app replaces, and words by the kind of app."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_field as _field
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


def test_a_plain_field_list_after_people_and_a_colon_is_their_details() -> None:
    prompt = "Tutors: name, languages, hourly rate, bio, photo. Students book lessons with tutors."
    got = _entities(prompt)
    assert {"hourly_rate", "bio", "photo"} <= set(got["Tutor"])
    assert not {"HourlyRate", "Bio"} & set(got), got  # details, not tables
    assert _links(prompt, "Tutor").get("Language") == "many_to_many"  # a plural thing in the list: several each
    assert any(fs.name == "uploads" and fs.entity == "Tutor" for fs in infer_spec(prompt).feature_specs)


def test_a_field_list_at_the_start_of_a_line_with_a_bio() -> None:
    got = _entities("Authors: name, bio, photo")
    assert set(got) == {"Author"} and {"bio", "photo"} <= set(got["Author"])


@pytest.mark.parametrize("prompt, entity, flag, gone", [
    ("Volunteers log a beach clean: date, beach, bags collected, needles found yes/no, notes.", "Clean",
     "needles_found", "Needle"),
    ("Members post a report for a trail: date, conditions (snow / mud / ice / clear), fallen trees yes/no, notes.",
     "Report", "fallen_trees", "Tree"),
    ("Inspections (hive, date, queen seen y/n, fallen trees y/n, notes)", "Inspection", "fallen_trees", "Tree"),
])
def test_a_yes_no_detail_is_a_flag_not_a_table(prompt: str, entity: str, flag: str, gone: str) -> None:
    assert gone not in _entities(prompt)
    assert _field(prompt, entity, flag).type == "bool"


def test_values_in_brackets_and_details_with_a_participle_do_not_end_the_list() -> None:
    prompt = "Inspectors file a report for a bridge: date, condition (good / fair / poor), cracks seen, notes."
    got = _entities(prompt)
    assert {"date", "condition"} <= set(got["Report"]) and "Crack" not in got, got
    prompt = "Members post a report for a trail: date, conditions (snow / mud / ice), fallen trees yes/no, notes."
    assert {"date", "conditions", "fallen_trees", "notes"} <= set(_entities(prompt)["Report"])


def test_a_thing_that_has_bracketed_details() -> None:
    prompt = "Each consignment has (date, supplier, weight)."
    assert {"date", "weight"} <= set(_entities(prompt)["Consignment"])
    assert "Supplier" in _links(prompt, "Consignment")


@pytest.mark.parametrize("prompt, join, thing, who", [
    ("App para un club de escalada. Los monitores publican una salida con fecha y plazas y los socios se apuntan.",
     "Signup", "Outing", "Member"),
    ("Please implement a website for a cooking school. Users should be able to browse workshops, see the chef and "
     "the price, and enrol. Chefs should be able to create workshops.", "Enrollment", "Workshop", "User"),
])
def test_people_sign_up_for_what_was_just_named(prompt: str, join: str, thing: str, who: str) -> None:
    assert {thing, who} <= set(_links(prompt, join)), _entities(prompt)


def test_seeing_who_has_signed_up_is_not_signing_up() -> None:
    prompt = ("Please implement a website for a running club. Members should be able to browse upcoming races and "
              "sign up for a race. Coaches should be able to post races and see who has signed up.")
    assert "Member" in _links(prompt, "Registration") and "Coach" not in _links(prompt, "Registration")


@pytest.mark.parametrize("prompt, kept, gone", [
    ("Estudio de piercing: citas con los clientes y el depósito que pagan al reservar.", "Deposit", "Tank"),
    ("Alquiler de bicis para gente de fuera: bicis, reservas y pagos.", "Bike", "Fuera"),
    ("Club de ciclistas: salidas de los domingos con fecha y plazas, y los socios se apuntan.", "Outing", "Departure"),
    ("Quiero dejar de llevarlo todo en un cuaderno: clientes, trabajos y facturas.", "Invoice", "Notebook"),
    ("We want to stop using spreadsheets: members, classes and bookings.", "Booking", "Spreadsheet"),
])
def test_words_by_the_kind_of_app(prompt: str, kept: str, gone: str) -> None:
    got = _entities(prompt)
    assert kept in got and gone not in got and "Task" not in got, got


def test_which_route_is_the_delivery_route() -> None:
    prompt = "Panadería: pedidos de los bares, las rutas de reparto (qué bares van en qué ruta) y los pagos."
    got = _entities(prompt)
    assert "DeliveryRoute" in got and "Route" not in got, got


@pytest.mark.parametrize("prompt, gone, kept", [
    ("chess club management: members, ratings, tournaments, pairings, results", "Chess", "Tournament"),
    ("tennis club management: members, courts, bookings, coaches", "Tennis", "Court"),
    ("Bowling league app: teams, players, the points each game gives and the season's standings.", "Bowling", "Team"),
    ("book club app: members, books, meetings", "Club", "Book"),
])
def test_the_kind_of_club_is_no_table(prompt: str, gone: str, kept: str) -> None:
    got = _entities(prompt)
    assert gone not in got and kept in got, got


def test_examples_ending_in_dots_are_examples() -> None:
    got = _entities("qué se le hizo en cada cita (baño, corte, uñas...) y cuánto se cobró.")
    assert not {"bano", "corte", "unas"} & set(got["Appointment"]), got


def test_people_ordering_keep_orders() -> None:
    prompt = "Bakery app: customers order ahead and pick a collection time. Products with price."
    got = _entities(prompt)
    assert {"Order", "OrderItem"} <= set(got) and "Customer" in _links(prompt, "Order"), got


def test_a_bare_ing_verb_is_no_field() -> None:
    prompt = ("Please implement a website for a tattoo studio. Visitors should be able to request an appointment "
              "with a chosen artist, attaching a reference image.")
    fields = {f for fs in _entities(prompt).values() for f in fs}
    assert "attaching" not in fields, fields


def test_registrations_need_no_second_tournament_entry() -> None:
    got = _entities("Website for a darts club: users register for an upcoming tournament and see the pairings.")
    assert "Registration" in got and "TournamentEntry" not in got, got


@pytest.mark.parametrize("prompt, join, thing", [
    ("An app where users create meetups and other users can join meetups near them.", "Rsvp", "Meetup"),
    ("A dance school site: teachers create classes and students join classes.", "Enrollment", "ClassSession"),
    ("Players join tournaments and see the pairings.", "Registration", "Tournament"),
])
def test_joining_a_gathering_is_no_membership(prompt: str, join: str, thing: str) -> None:
    got = _entities(prompt)
    assert "Membership" not in got and thing in _links(prompt, join), got


def test_photos_in_a_such_as_list_belong_to_what_it_describes() -> None:
    prompt = ("Users can create entries for each hike, including details such as trail, dates, companions and "
              "photos.")
    specs = infer_spec(prompt).feature_specs
    assert any(fs.name == "uploads" and fs.entity.startswith("Hike") for fs in specs), specs


@pytest.mark.parametrize("prompt, people, gone", [
    ("Two market stalls: which van goes to which market, who's working each shift, and the stock on each stall.",
     "Staff", "Member"),
    ("App para nuestro coworking: taquillas, y un tablón donde los coworkers publican avisos.", "Member", "Coworker"),
])
def test_the_people_a_workplace_means(prompt: str, people: str, gone: str) -> None:
    got = _entities(prompt)
    assert people in got and gone not in got, got


def test_a_plate_is_a_detail() -> None:
    got = _entities("Car park app: log each visit: plate, arrival time, departure time, fee.")
    assert "Plate" not in got, got


@pytest.mark.parametrize("prompt", [
    "I need a logo editor for my print shop: open an image, move layers around and export it as a PNG.",
    "For our museum's school visits: an animated, clickable infographic showing how a river carries sand to the "
    "sea, step by step.",
    "Quiero un programa que coja todas las fotos de la boda, las redimensione a 1080 px y las renombre con el "
    "número de mesa.",
])
def test_media_tools_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", [
    "A menu editor for our restaurant: dishes with prices and allergens.",
    "Tienda online: los productos los recortamos de la lista cuando se agotan; clientes y pedidos.",
    "Quiero guardar las fotos de los clientes y sus pedidos.",
])
def test_data_apps_near_those_words_are_built(prompt: str) -> None:
    assert infer_spec(prompt).entities


@pytest.mark.parametrize("prompt, booking", [
    ("Bike rental: bikes, bookings and payments.", "Booking"),
    ("Alquiler de bicis: bicis, reservas y pagos.", "Reservation"),
])
def test_a_rental_business_with_bookings_keeps_one_booking(prompt: str, booking: str) -> None:
    got = _entities(prompt)
    assert booking in got and "Rental" not in got and "Bike" in _links(prompt, booking), got


def test_food_trucks_are_the_business_records() -> None:
    prompt = "Running four food trucks: which truck is at which event, who works each shift, and the stock per truck."
    got = _entities(prompt)
    assert "FoodTruck" in got and not {"Truck", "Vehicle"} & set(got), got
    assert _links(prompt, "FoodTruck").get("Event") == "many_to_many"
    assert "Staff" in got
