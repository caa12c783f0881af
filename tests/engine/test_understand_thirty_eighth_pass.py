"""Understanding (issue 9), thirty-eighth pass: a website whose users act has User accounts even when it also names
other people; relatives said in passing, idioms and measures are no tables."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.engine.understand.fields import field_ident
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, other", [
    ("Please implement a website for a community radio station. Users should be able to see the schedule and open a "
     "page for each show. Listeners should be able to comment on episodes.", "Listener"),
    ("Please implement a directory website where users can search for food trucks by cuisine. Truck owners should be "
     "able to register their truck and upload their menu. Users should be able to rate trucks.", "Owner"),
])
def test_a_site_whose_users_act_has_user_accounts_beside_other_people(prompt: str, other: str) -> None:
    assert "User" in _entities(prompt)


@pytest.mark.parametrize("prompt, absent", [
    ("A day centre app: clients, bookings and attendance. Families log in and see their mum or dad's attendance.",
     {"Mum", "Dad"}),
    ("medication reminder for my dad, tracks whether he took each pill", {"Dad"}),
])
def test_a_relative_said_as_whose_it_is_is_no_table(prompt: str, absent: set[str]) -> None:
    assert not absent & set(_entities(prompt))


def test_parents_of_the_children_stay_a_table() -> None:
    assert "Parent" in _entities("A nursery app: children, their parents with phone numbers, and daily reports.")


@pytest.mark.parametrize("prompt", [
    "tienda de novias: quiero llevar las citas de las novias y los vestidos que se prueban en cada cita",
    "Necesito una aplicación para mi tienda de vestidos de novia. Quiero gestionar las citas de prueba de las novias "
    "con cada asesora y el catálogo de vestidos.",
])
def test_novias_in_a_bridal_shop_are_brides(prompt: str) -> None:
    got = set(_entities(prompt))
    assert "Bride" in got and "Girlfriend" not in got


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a ski rental shop. Users should be able to browse skis by category and place a "
    "reservation. The shop owner should be able to manage the inventory and see all the reservations for a day.",
    "Please implement a holiday cottage website where guests book stays and leave reviews, and the owner manages "
    "cottages and blocked dates.",
])
def test_the_one_owner_who_runs_the_business_is_no_table(prompt: str) -> None:
    assert "Owner" not in _entities(prompt)


@pytest.mark.parametrize("prompt", [
    "Boarding kennel app: owners, their dogs and bookings. Owners can log in and see their bookings.",
    "Horse livery: horses with the owner of each horse, stalls and monthly invoices.",
])
def test_owners_of_things_stay_a_table(prompt: str) -> None:
    assert "Owner" in _entities(prompt)


@pytest.mark.parametrize("prompt, session, person", [
    ("Tengo una academia. Quiero gestionar los alumnos, los grupos y las matrículas de cada alumno en sus grupos. "
     "Necesito pasar lista en cada clase.", "ClassSession", "Student"),
    ("Roles: admin, teacher, student. Admin creates courses. Teachers take the register for each class and upload "
     "videos. Students see their own classes.", "Lesson", "Student"),
    ("Amateur theatre group management: productions, cast and crew, rehearsal schedule, who turned up to rehearsals, "
     "and ticket sales for the shows.", "Rehearsal", "Cast"),
])
def test_taking_the_register_keeps_an_attendance_of_each_person_at_each_session(prompt: str, session: str,
                                                                                 person: str) -> None:
    assert {session, person} <= set(_links(prompt, "Attendance"))


def test_the_dates_of_a_stay_are_no_clock_in() -> None:
    got = _entities("Reservas de la residencia canina con fecha de entrada y salida, la mascota y el tipo de "
                    "habitación.")
    assert "TimeEntry" not in got


@pytest.mark.parametrize("words, field", [
    ("nombre común", "common_name"), ("notas públicas", "public_notes"), ("fecha preferida", "preferred_date"),
    ("ritmo medio", "average_pace"), ("época", "era"), ("compositor", "composer"), ("mano de obra", "labour"),
    ("social media", "social_media"), ("jersey number", "jersey_number"),
])
def test_spanish_field_words_are_english_identifiers(words: str, field: str) -> None:
    assert field_ident(words) == field


def test_a_spanish_catalogue_has_english_columns() -> None:
    got = _entities("Necesito una app para mi vivero. Tenemos plantas (nombre común, nombre científico, precio, "
                    "stock) y pedidos de los clientes.")
    assert {"common_name", "scientific_name", "price"} <= set(got["Plant"])


@pytest.mark.parametrize("prompt", [
    "Queremos organizar los conciertos: cada concierto tiene un programa con el orden de las obras.",
    "quiero ver las canciones en orden de votos",
])
def test_an_order_of_things_is_a_sequence_not_orders(prompt: str) -> None:
    assert "Order" not in _entities(prompt)


def test_a_choirs_obras_are_pieces() -> None:
    got = set(_entities("Coro: catalogar las partituras y organizar los conciertos con el orden de las obras."))
    assert "Piece" in got and "Project" not in got


def test_a_purchase_order_is_still_an_order() -> None:
    assert "PurchaseOrder" in _entities("Los clientes hacen una orden de compra y el encargado la revisa.")


@pytest.mark.parametrize("prompt, tables", [
    ("car wash management", {"Customer", "Vehicle", "WashPackage", "Wash"}),
    ("campground management system", {"Pitch", "Guest", "Reservation"}),
    ("tattoo parlour app", {"Client", "Artist", "Appointment"}),
    ("moving company management", {"Customer", "Move", "Truck", "Mover"}),
    ("escape room management", {"Room", "Booking", "GameResult"}),
    ("brewery management system", {"Beer", "Brew", "Keg"}),
    ("chess club management", {"Member", "Tournament", "Game"}),
    ("allotment management", {"Plot", "Member", "Tenancy"}),
    ("Gestión de un vivero", {"Plant", "Supplier", "Order"}),
    ("app para mi estudio de tatuajes", {"Client", "Artist", "Appointment"}),
])
def test_a_title_naming_a_small_business_gets_its_usual_records(prompt: str, tables: set[str]) -> None:
    assert tables <= set(_entities(prompt))


def test_a_bare_thing_a_title_names_takes_the_kinds_columns() -> None:
    assert {"washed_at", "price"} <= set(_entities("car wash management")["Wash"])


def test_a_business_said_in_passing_in_a_tool_request_is_not_the_app() -> None:
    with pytest.raises(UnsupportedRequestError):
        understand("Una herramienta que convierta mis imágenes a CMYK y compruebe que tienen 300 ppp y 3 mm de "
                   "sangrado antes de enviarlas a imprenta.")


def test_details_of_things_per_another_are_theirs() -> None:
    got = _entities("Vet app:\n- Owners: name, phone\n- Pets per owner: name, species, breed\n"
                    "- Visits per pet: date, reason, cost")
    assert {"species", "breed"} <= set(got["Pet"]) and not {"species", "breed"} & set(got["Owner"])
    assert {"reason", "cost"} <= set(got["Visit"]) and "reason" not in got["Pet"]
    assert "Owner" in _links("Vet app:\n- Owners: name, phone\n- Pets per owner: name, species, breed", "Pet")


@pytest.mark.parametrize("prompt", [
    "We're a small moving company. I want to log each move: customer, from and to addresses, date. After the move "
    "the customer signs off and we invoice.",
    "garage job card system. customer comes in, we log their car (reg, make, model), the mechanic adds parts and "
    "labour hours, then we print an invoice.",
    "Gestión de jardines: contratos con clientes y visitas de los jardineros. A fin de mes, factura por cliente.",
])
def test_invoicing_said_as_a_verb_keeps_invoices(prompt: str) -> None:
    assert "Invoice" in _entities(prompt)


@pytest.mark.parametrize("prompt, linked", [
    ("Please implement a website for a car wash chain. Users should be able to choose a location, pick a wash "
     "package, and book a time slot. Administrators should be able to view bookings per location.", "Booking"),
    ("For our escape rooms business (two locations): game masters are scheduled on shifts per location.", "Shift"),
])
def test_a_business_with_several_locations_keeps_them(prompt: str, linked: str) -> None:
    assert "Location" in _links(prompt, linked)


@pytest.mark.parametrize("prompt", ["Events app: each event has a title, date and location.",
                                    "Shop app: products with stock per colour and size."])
def test_a_location_or_detail_of_one_thing_stays_a_field(prompt: str) -> None:
    assert not {"Location", "Colour"} & set(_entities(prompt))


@pytest.mark.parametrize("prompt, person", [
    ("Please implement a website for a dental practice. Patients book appointments. Staff should be able to manage "
     "each dentist's working hours and see the daily list of appointments.", "Dentist"),
    ("Personal trainer marketplace: clients send booking requests. Trainers should be able to accept or decline "
     "requests and manage their availability.", "Trainer"),
    ("Tutors set their weekly availability and the subjects they teach. Students book a 1-hour slot.", "Tutor"),
])
def test_the_hours_people_say_they_work_are_their_availability(prompt: str, person: str) -> None:
    assert person in _links(prompt, "Availability")


@pytest.mark.parametrize("prompt", [
    "Card collection app: users search for specific cards and then check their availability.",
    "Employee Time Tracker: businesses track and manage employee attendance and working hours.",
])
def test_availability_of_things_or_hours_worked_is_no_schedule(prompt: str) -> None:
    assert "Availability" not in _entities(prompt)


def test_stock_levels_are_a_column_not_movements() -> None:
    got = _entities("Supplies tracking for a tattoo parlour: stock levels of inks, needles and gloves, and who we "
                    "buy them from.")
    assert "StockMovement" not in got


def test_stock_movements_said_are_kept() -> None:
    assert "StockMovement" in _entities("Warehouse app: products, suppliers and stock movements (in and out).")


@pytest.mark.parametrize("prompt, fee", [
    ("Escuela de patinaje: alumnos, grupos por nivel con su monitor y cobrar la cuota mensual.", "MonthlyFee"),
    ("Gym app: members with name and phone, tracking attendance, and monthly fees.", "MonthlyFee"),
    ("Club de remo: socios y sus cuotas anuales.", "MembershipFee"),
])
def test_a_monthly_fee_is_named_so(prompt: str, fee: str) -> None:
    assert fee in _entities(prompt)


def test_a_cinemas_screens_are_kept() -> None:
    got = _entities("I manage a small independent cinema with two screens. People pick a showing, choose their seats "
                    "and pay. Staff add films and set up showings.")
    assert "Screen" in got


def test_an_apps_screens_are_no_table() -> None:
    assert "Screen" not in _entities("An app with three screens: login, dashboard and settings, to track my films.")
