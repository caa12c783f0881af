"""Understanding (issue 9), thirty-seventh pass: a line 'Thing: detail, detail' is a table and its columns, however
short the list, whichever line it is on, with participle details ('brewed on') and units ('size (litres)')."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, tables", [
    ("Library app.\nBook: title, author, isbn.\nMember: name, email.", {"Book", "Member"}),
    ("Cider: name, apple variety, ABV, pressed on, notes.\nBarrel: number, current cider.", {"Cider", "Barrel"}),
    ("Instrument: id, name, category, serial number, purchase date.\nRepair log per instrument.", {"Instrument"}),
    ("Sheet music app.\nPiece: title, composer, difficulty.\nPlayer: name, phone.", {"Piece", "Player"}),
])
def test_a_line_naming_a_thing_and_its_details_is_a_table(prompt: str, tables: set[str]) -> None:
    assert tables <= set(_entities(prompt))


def test_the_details_on_a_record_line_are_its_columns() -> None:
    got = _entities("Cider: name, style, ABV, pressed on, notes.\n"
                    "Barrel: number, size (litres), filled on, emptied on.")
    assert {"name", "style", "abv", "pressed_on", "notes"} <= set(got["Cider"])
    assert {"number", "size_litres", "filled_on", "emptied_on"} <= set(got["Barrel"])


def test_a_thing_on_a_record_line_is_a_link() -> None:
    prompt = "Cider: name, ABV.\nBarrel: number, current cider."
    assert "Cider" in _links(prompt, "Barrel")


def test_the_first_line_is_a_table_when_it_lists_details() -> None:
    got = _entities("Instrument: id, name, category, serial number, purchase date, status (available, loaned, "
                    "retired).")
    assert {"serial_number", "purchase_date", "status"} <= set(got["Instrument"])


@pytest.mark.parametrize("prompt, title", [
    ("Photography studio booking: session type, location, date.", "Studio"),
    ("Gym app: members, classes and bookings.", "Gym"),
])
def test_a_title_before_a_colon_is_no_table(prompt: str, title: str) -> None:
    assert title not in _entities(prompt)


@pytest.mark.parametrize("prompt, kinds", [
    ("Entities: Donor (name, phone), Donation (donor, date, amount). Roles: coordinator (full access), volunteer "
     "(read-only).", {"coordinator", "volunteer"}),
    ("Choir app with singers, rehearsals and attendance. Two roles: director and singer.", {"director", "singer"}),
    ("Reservas de salas para el coworking. Dos roles: admin y miembro. Los miembros reservan salas.",
     {"admin", "member"}),
])
def test_roles_with_their_rights_in_brackets_are_account_types(prompt: str, kinds: set[str]) -> None:
    spec = understand(prompt)
    user = spec.entity("User")
    assert kinds <= set(next(f for f in user.fields if f.name == "account_type").choices)


def test_a_role_said_only_as_a_role_is_no_table() -> None:
    names = set(_entities("Entities: Donor (name, phone), Donation (donor, date, amount). Roles: coordinator (full "
                          "access), volunteer (read-only)."))
    assert not names & {"Coordinator", "Volunteer"}


@pytest.mark.parametrize("prompt, absent", [
    ("Gestión de canchas de tenis, jugadores y partidos", {"Teni", "Tenis"}),
    ("Tienda de discos: catálogo, pedidos y una lista de deseos por cliente.", {"Deseo"}),
])
def test_spanish_words_are_not_table_names(prompt: str, absent: set[str]) -> None:
    assert not set(_entities(prompt)) & absent


def test_a_spanish_wish_list_keeps_wishlist_items() -> None:
    assert "WishlistItem" in _entities("Tienda de discos: catálogo, pedidos y una lista de deseos por cliente.")


@pytest.mark.parametrize("prompt", [
    "Make a route planner for our club rides: sketch a route on the map, it fetches the elevation from the Mapbox "
    "API and plots the climb profile, and exports a GPX file.",
    "I need an online editor for our product photos: crop, rotate, fix the exposure and stamp our logo before "
    "they go on the shop.",
    "Please implement a website for pixel art. Users draw on a 32x32 grid with a palette, and export the result as "
    "PNG.",
    "Tool for the front desk at our hostel: type a price in euros and it converts it to the guest's currency using "
    "today's exchange rate from an API.",
])
def test_tools_whose_verbs_read_as_nouns_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        understand(prompt)


@pytest.mark.parametrize("prompt, verbs", [
    ("Sketch a route on the map: it fetches the elevation and plots the profile.", {"fetch", "plot"}),
    ("Our editor: crop, straighten, fix the colours.", {"crop", "straighten", "fix"}),
    ("Upload the plan, it detects the rooms and automatically draws where the sockets go.", {"detect", "draw"}),
])
def test_verbs_with_their_objects_are_verbs(prompt: str, verbs: set[str]) -> None:
    from core.engine.understand.reading import Reading
    from core.engine.understand.sentences import normalise_stage, sentences_stage

    r = sentences_stage(normalise_stage(Reading(prompt=prompt)))
    assert verbs <= {t.lemma for toks in r.sentences for t in toks if t.tag == "VERB"}


@pytest.mark.parametrize("prompt, kept", [
    ("A wellbeing app for students to log their mood and sleep every evening.", "Sleep"),
    ("Financial goals app: saving for a holiday, buying a car, paying off a loan; users track their progress.",
     "Goal"),
])
def test_nouns_beside_other_nouns_stay_things(prompt: str, kept: str) -> None:
    assert kept in _entities(prompt)


def test_a_place_before_a_colon_does_not_do_what_follows() -> None:
    names = set(_entities("Stock app for our village cheese shop: log each batch of cheese (date, litres of milk) "
                          "and track its ripening with reminders."))
    assert "CheeseShop" not in names and "Batch" in names


@pytest.mark.parametrize("prompt, tables", [
    ("Tutoring centre management system", {"Tutor", "Student", "Subject", "TutoringSession"}),
    ("Sistema de gestión de academia", {"Tutor", "Student", "Subject"}),
    ("Coworking space management", {"Member", "MembershipPlan", "Space", "Booking"}),
    ("Plumbing company management software", {"Customer", "Technician", "Job", "Invoice"}),
    ("Cinema management system", {"Movie", "Screen", "Showtime", "TicketBooking"}),
    ("Golf club management app", {"Member", "TeeTime", "Competition"}),
    ("Bakery management system", {"Product", "Order", "OrderItem"}),
    ("Dog rescue management", {"Animal", "Adopter", "AdoptionApplication"}),
    ("App para un refugio de animales", {"Animal", "Adopter", "AdoptionApplication"}),
    ("Marina management system", {"Berth", "Boat", "BerthBooking"}),
    ("Community choir management", {"Musician", "Rehearsal", "Concert", "Attendance"}),
    ("Hostel management system", {"Room", "Guest", "Reservation"}),
    ("Barbershop management app", {"Service", "Customer", "Booking"}),
    ("Gestión de una barbería", {"Service", "Customer", "Booking"}),
])
def test_a_title_naming_a_kind_of_business_gets_its_usual_records(prompt: str, tables: set[str]) -> None:
    assert tables <= set(_entities(prompt))


@pytest.mark.parametrize("prompt, absent", [
    ("Dog rescue management", "Rescue"),
    ("Youth orchestra management", "Orchestra"),
])
def test_the_business_a_title_names_is_no_table(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


def test_a_kind_said_of_other_people_is_not_the_app() -> None:
    with pytest.raises(UnsupportedRequestError):
        understand("Necesito un afinador para los chavales de la banda: que escuche por el micrófono del móvil y "
                   "marque si la nota está alta o baja.")


@pytest.mark.parametrize("prompt", [
    "kayak rental mgmt - kayaks (size, type, condition), rentals w/ deposit, damage reports",
    "Costume hire: costumes (name, size, condition, deposit), customers and hires with dates.",
])
def test_a_deposit_listed_among_details_is_a_field_not_payments(prompt: str) -> None:
    got = _entities(prompt)
    assert "Payment" not in got and any("deposit" in fields for fields in got.values())


@pytest.mark.parametrize("prompt", [
    "Tailor shop: orders go through fittings. Also track deposits and balance owed.",
    "Kayak rentals: customers pay a deposit when they book.",
])
def test_deposits_taken_are_payments(prompt: str) -> None:
    assert "Payment" in _entities(prompt)


@pytest.mark.parametrize("prompt, entity, field", [
    ("Gift shop: customers order hampers with a gift message and a delivery date.", "Hamper", "gift_message"),
    ("Florist: orders (bouquet, delivery date, card message, status).", "Order", "card_message"),
])
def test_a_card_message_is_a_detail_not_messaging(prompt: str, entity: str, field: str) -> None:
    got = _entities(prompt)
    assert "Message" not in got and field in got[entity]


def test_requests_logged_are_records_and_matching_is_an_act() -> None:
    got = _entities("Our charity has volunteer drivers. We need to log requests from the social workers, match a "
                    "driver who's free that day, and record mileage.")
    assert "Request" in got and "Match" not in got


@pytest.mark.parametrize("prompt, thing, person", [
    ("app for my party rentals biz - customers, parties, price lists, and who's working each party", "Party",
     "Staff"),
    ("Festival volunteers app: volunteers, shifts and who is working which shift.", "Shift", "Volunteer"),
])
def test_who_works_each_thing_is_an_assignment(prompt: str, thing: str, person: str) -> None:
    assert {thing, person} <= set(_links(prompt, f"{thing}Assignment"))


@pytest.mark.parametrize("prompt, table, kinds, gone", [
    ("We rent out gazebos, tables, chairs and heaters for garden parties.", "Item", {"gazebo", "table", "chair"},
     {"Gazebo", "Chair"}),
    ("We sell candles, soaps and bath bombs online.", "Product", {"candle", "soap", "bath_bomb"}, {"Candle", "Soap"}),
    ("Alquilamos carpas, mesas y sillas para bodas.", "Item", {"carpa", "mesa", "silla"}, {"Tent", "Chair"}),
])
def test_three_kinds_of_goods_are_one_table_with_a_category(prompt: str, table: str, kinds: set[str],
                                                            gone: set[str]) -> None:
    spec = understand(prompt)
    names = {e.name for e in spec.entities}
    assert table in names and not names & gone
    assert kinds <= set(next(f for f in spec.entity(table).fields if f.name == "category").choices)


def test_goods_with_details_of_their_own_stay_tables() -> None:
    names = set(_entities("We sell bikes (frame size, brand), helmets (size) and locks (type)."))
    assert {"Bike", "Helmet", "Lock"} <= names


@pytest.mark.parametrize("prompt, absent", [
    ("Garage app: customers, cars (reg, make, model) and jobs. Need to see a car's full service history.", "History"),
    ("A shop for prints: each print is unique, so a sold print can't be added to another cart.", "Cannot"),
])
def test_views_and_negations_are_no_tables(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


def test_a_history_of_named_events_keeps_the_events() -> None:
    assert "Grooming" in _entities("A site for a dog groomer where owners register their dogs and see their dog's "
                                   "grooming history.")


@pytest.mark.parametrize("prompt, entity, fields, absent", [
    ("We keep about 300 puzzles at the library. Want to track each one: piece count, brand, shelf and condition.",
     "Puzzle", {"piece_count", "brand", "shelf", "condition"}, {"Shelf", "Brand"}),
    ("Tenemos 40 bicis. Queremos registrar de cada una: talla, marca, estado.", "Bike", {"size", "brand"}, set()),
])
def test_details_of_each_one_belong_to_the_things_just_named(prompt: str, entity: str, fields: set[str],
                                                              absent: set[str]) -> None:
    got = _entities(prompt)
    assert fields <= set(got[entity]) and not set(got) & absent


def test_a_cafe_lending_hundreds_of_games_is_a_data_app() -> None:
    assert "Game" in _entities("We have ~200 games at the cafe. Staff check games out to a table and back in.")


def test_details_in_brackets_after_at_each_belong_to_the_thing_before() -> None:
    got = _entities("Boiler service app\n- customers and their properties\n- boilers at each property (make, model, "
                    "serial, install date)\n- service visits")
    assert {"make", "serial", "install_date"} <= set(got["Boiler"]) and "serial" not in got["Property"]


@pytest.mark.parametrize("prompt, kinds", [
    ("Surf school. We also rent out gear: wetsuits, boards, leashes and fins.", {"wetsuit", "board", "leash"}),
    ("Escuela de esquí. También alquilamos equipo: esquís, botas, cascos por tallas y bastones.",
     {"bota", "casco"}),
])
def test_goods_listed_after_gear_are_kinds_of_one_rented_item(prompt: str, kinds: set[str]) -> None:
    spec = understand(prompt)
    assert kinds <= set(next(f for f in spec.entity("Item").fields if f.name == "category").choices)
    assert "Item" in _links(prompt, "Rental")


def test_spanish_maintenance_is_a_dated_record_of_the_thing() -> None:
    prompt = "Alquiler de kayaks. Cada kayak tiene su historial de mantenimiento y reparaciones."
    assert "MaintenanceRecord" in _entities(prompt) and "Kayak" in _links(prompt, "MaintenanceRecord")


@pytest.mark.parametrize("prompt, person", [
    ("Staff are assigned to shifts.", "Staff"),
    ("Security firm: guards are assigned to shifts at client sites.", "Guard"),
])
def test_people_assigned_to_shifts_are_one_assignment_each(prompt: str, person: str) -> None:
    assert {"Shift", person} <= set(_links(prompt, "ShiftAssignment"))
    assert "Shift" not in _links(prompt, person)


def test_the_one_person_assigned_to_each_job_is_the_jobs() -> None:
    assert "JobAssignment" not in _entities("Plumbing jobs: customers, jobs, and which plumber is assigned to each job")


@pytest.mark.parametrize("prompt", [
    "Boiler servicing app: customers and their sites, boilers at each site, service visits.",
    "Pest control app: clients and their sites, traps at each site, inspections.",
])
def test_customers_sites_are_places_not_websites(prompt: str) -> None:
    assert "Site" in _entities(prompt)
