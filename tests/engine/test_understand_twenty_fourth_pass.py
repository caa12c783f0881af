"""Understanding (issue 9), twenty-fourth pass: parts of the page painted a colour, kinds of boats, entries into a
contest, results per race, and score keepers that are not games."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(
    "prompt",
    [
        "A club site with members and events. Use white as the background and navy for the header, tables and buttons.",
        "A club site with members and events. Use navy for the cards, tables and buttons.",
        "Un sitio del club con socios y eventos. Usa azul marino para la cabecera, tablas y botones.",
    ],
)
def test_parts_of_the_page_after_a_colour_are_not_tables(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert {"Member", "Event"} <= names(spec)
    assert not {"DiningTable", "Card", "Table"} & names(spec)


def test_tables_booked_in_a_restaurant_are_still_tables() -> None:
    spec = infer_spec("A restaurant app to book tables. Use navy for buttons.")
    assert "DiningTable" in names(spec)


def test_boat_classes_are_kinds_of_boat_not_lessons() -> None:
    spec = infer_spec("A sailing club with boats, boat classes (Optimist, ILCA 4, 420) and regattas. "
                      "The site shows points per class.")
    assert {"Boat", "BoatClass", "Regatta"} <= names(spec)
    assert "ClassSession" not in names(spec)
    assert "starts_at" not in {f.name for f in spec.entity("BoatClass").fields}
    assert any(r.target == "BoatClass" for r in spec.entity("Boat").relations)


def test_entering_a_boat_into_a_regatta_is_an_entry() -> None:
    spec = infer_spec("A sailing club site with boats and regattas. Users can enter a boat into a regatta.")
    entry = spec.entity("Entry")
    assert {"Boat", "Regatta"} <= {r.target for r in entry.relations}


def test_entering_data_into_the_app_is_not_an_entry() -> None:
    spec = infer_spec("Users enter their expenses into the app with a category.")
    assert "Entry" not in names(spec)


@pytest.mark.parametrize(
    ("prompt", "result", "parts", "detail"),
    [
        ("A sailing club with boats and races. Race officers record each boat's finishing position per race.",
         "RaceResult", {"Boat", "Race"}, "finishing_position"),
        ("A running club: we log each runner's time in each race.", "RaceResult", {"Runner", "Race"}, "time"),
        ("A sports club app where coaches record each player's minutes per game.", "GameResult", {"Player", "Game"},
         "minutes"),
    ],
)
def test_a_detail_of_each_thing_per_contest_is_a_result(prompt: str, result: str, parts: set[str],
                                                        detail: str) -> None:
    spec = infer_spec(prompt)
    record = spec.entity(result)
    assert parts <= {r.target for r in record.relations}
    assert detail in {f.name for f in record.fields}


def test_recording_each_boats_result_does_not_make_the_officer_its_owner() -> None:
    spec = infer_spec("A sailing club with boats and races. Race officers record each boat's finishing position "
                      "per race.")
    assert "Officer" not in {r.target for r in spec.entity("Boat").relations}


def test_a_grade_per_subject_stays_a_grade() -> None:
    spec = infer_spec("Teachers record each student's grade per subject.")
    assert {"Student", "Subject"} <= {r.target for r in spec.entity("Grade").relations}
    assert not any(n.endswith("Result") for n in names(spec))


@pytest.mark.parametrize(
    "prompt",
    [
        "A software application that allows players to compare their scores in different board games. Players can "
        "input their scores for multiple games and view a side-by-side comparison of their performance.",
        "A sports club app where coaches record each player's minutes per game.",
    ],
)
def test_keeping_scores_of_games_is_a_data_app(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "Player" in names(spec)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A sports club app with members and fees.", {"Member", "Fee"}),
        ("A sports shop with products.", {"Product"}),
    ],
)
def test_a_sports_club_or_shop_keeps_no_sport_table(prompt: str, kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert "Sport" not in names(spec)


def test_first_person_plural_after_que_is_a_verb_and_its_bracket_details_go_to_the_thing() -> None:
    spec = infer_spec("Tengo una heladería. Quiero registrar los sabores y los lotes que fabricamos (sabor, fecha, "
                      "litros, caducidad).")
    assert {"Flavour", "Batch"} <= names(spec)
    assert not any(n.startswith("Fabrica") for n in names(spec))
    assert "expiry_date" in {f.name for f in spec.entity("Batch").fields}


@pytest.mark.parametrize(
    "prompt",
    [
        "Consulta de podología: citas de pacientes y pedidos de plantillas a medida para cada paciente.",
        "Un taller de encuadernación: encargos de clientes para hacer un cuaderno a medida, con presupuesto.",
    ],
)
def test_a_medida_means_made_to_order_not_a_measurement(prompt: str) -> None:
    assert "Measurement" not in names(infer_spec(prompt))


def test_a_field_compound_in_a_bracket_of_fields_is_a_field() -> None:
    spec = infer_spec("A planetarium site with shows (title, description, duration, age recommendation) and "
                      "screenings.")
    assert "age_recommendation" in {f.name for f in spec.entity("Show").fields}
    assert "Recommendation" not in names(spec)
    assert "AI recommendations" not in spec.not_built


def test_a_navigation_bar_painted_a_colour_is_not_maps() -> None:
    spec = infer_spec("A theatre site with productions and performances. Use tomato as the main colour for buttons, "
                      "links and the navigation bar.")
    assert "maps and navigation" not in spec.not_built


def test_tickets_booked_for_a_screening_are_a_booking_of_the_screening() -> None:
    spec = infer_spec("A cinema site with films and screenings. Users can book tickets for a screening choosing "
                      "adult, child or concession tickets.")
    booking = spec.entity("Booking")
    assert "Screening" in {r.target for r in booking.relations}
    assert {"adult_ticket_count", "child_ticket_count", "concession_ticket_count"} <= {f.name for f in booking.fields}
    assert "priority" not in {f.name for f in spec.entity("Ticket").fields}  # not a help desk's ticket
    assert "Child" not in names(spec)


def test_the_dome_screenings_are_in_is_where_they_are_and_their_details_stay_on_them() -> None:
    spec = infer_spec("A planetarium site with a schedule of screenings in the dome with times and seat capacity.")
    assert "Dome" not in names(spec)
    assert "seat_capacity" in {f.name for f in spec.entity("Screening").fields}


def test_signing_an_agreement_is_not_signing_up_and_the_agreement_is_the_rental() -> None:
    spec = infer_spec("I own about 40 parking spaces in three car parks and rent them out monthly. Tenants sign a "
                      "rental agreement for one space with a start date, monthly rent and deposit; some tenants rent "
                      "more than one space. I need to record payments each month.")
    assert {"ParkingSpace", "Tenant", "RentalAgreement", "Payment"} <= names(spec)
    assert not {"Signup", "Rental", "Space"} & names(spec)
    agreement = spec.entity("RentalAgreement")
    assert {"ParkingSpace", "Tenant"} <= {r.target for r in agreement.relations}
    assert {"start_date", "monthly_rent", "deposit"} <= {f.name for f in agreement.fields}


def test_signing_up_for_a_class_is_still_a_signup() -> None:
    spec = infer_spec("Members sign up for classes at our gym.")
    assert "Signup" in names(spec)


def test_treatment_records_are_treatments_and_hours_spent_in_a_list_is_a_detail() -> None:
    spec = infer_spec("At the museum the conservation team needs to keep treatment records. For every object "
                      "(accession number, title, material) we log treatments: which conservator, materials used, "
                      "hours spent and before/after photos.")
    assert {"Treatment", "Conservator"} <= names(spec)
    assert not {"TreatmentRecord", "TimeEntry"} & names(spec)


def test_hours_worked_still_keeps_time_entries() -> None:
    spec = infer_spec("Staff log the hours worked on each project.")
    assert "TimeEntry" in names(spec)


def test_what_is_noted_at_each_visit_is_the_visits_detail() -> None:
    spec = infer_spec("I'm a self-employed piano tuner. Clients have one or more pianos (make, model, serial, year). "
                      "At each visit I tune, note the pitch I tuned to and charge a fee.")
    assert {"Client", "Piano", "Visit"} <= names(spec)
    assert "Pitch" not in names(spec)
    assert "pitch" in {f.name for f in spec.entity("Visit").fields}


@pytest.mark.parametrize(
    ("prompt", "field"),
    [
        ("A cache has coordinates, difficulty and terrain ratings (1-5) and a hider.", "terrain_ratings"),
        ("A restaurant guide with hygiene ratings.", "hygiene_ratings"),
    ],
)
def test_a_named_kind_of_rating_is_a_field_not_the_ratings_feature(prompt: str, field: str) -> None:
    spec = infer_spec(prompt)
    assert "ratings" not in spec.features
    assert "Rating" not in names(spec)
    assert any(field in {f.name for f in e.fields} for e in spec.entities)


def test_star_ratings_and_product_reviews_are_still_the_feature() -> None:
    assert "ratings" in infer_spec("Customers leave star ratings on products.").features
    assert "Rating" in names(infer_spec("Users can leave ratings and reviews of recipes."))


def test_a_restaurant_guide_lists_restaurants_not_a_menu_or_a_tour_guide() -> None:
    spec = infer_spec("A restaurant guide with hygiene ratings.")
    assert "Restaurant" in names(spec)
    assert not {"Guide", "MenuItem", "DiningTable", "Order"} & names(spec)


def test_tour_guides_are_still_people() -> None:
    assert "Guide" in names(infer_spec("A tour company with tour guides and trips."))


def test_an_app_with_things_keeps_them_even_when_the_word_is_new() -> None:
    assert "Trail" in names(infer_spec("A hiking guide app with trails."))


def test_a_commissions_book_keeps_art_commissions_not_sales_commissions() -> None:
    spec = infer_spec("A commissions book for my stained glass studio. Customers commission panels; each commission "
                      "can have several design sketches (I upload images).")
    assert {"Commission", "Customer", "Sketch"} <= names(spec)
    assert not {"Book", "Booking"} & names(spec)
    fields = {f.name for f in spec.entity("Commission").fields}
    assert "percent" not in fields and "due_date" in fields


def test_sales_commissions_keep_their_percent() -> None:
    spec = infer_spec("Track sales commissions for each sales rep.")
    assert "percent" in {f.name for f in spec.entity("Commission").fields}


def test_code_reviews_and_severity_ratings_are_not_star_ratings() -> None:
    spec = infer_spec("Users can log their symptoms along with a severity rating on a regular basis.")
    assert "ratings" not in spec.features
