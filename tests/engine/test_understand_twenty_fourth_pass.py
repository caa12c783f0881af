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
        "A program where players compare their scores in various board games. Players can input scores for "
        "several games and view their performance side by side.",
        "A sports club app where coaches record each player's minutes per game.",
    ],
)
def test_keeping_scores_of_games_is_a_data_app(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "Player" in names(spec)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A sports club app with members and fees.", {"Member", "MembershipFee"}),
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
    assert any({field, field.removesuffix("s")} & {f.name for f in e.fields} for e in spec.entities)


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
    spec = infer_spec("People can record their symptoms with a severity rating at regular intervals.")
    assert "ratings" not in spec.features


def test_a_certificate_register_lists_its_fields_after_each_cert() -> None:
    spec = infer_spec("A register of our TLS certificates. For each cert: common name, issuer, expiry date and the "
                      "owning team.")
    assert "common_name" in {f.name for f in spec.entity("Certificate").fields}


def test_details_listed_with_have_keep_words_that_are_also_verbs_or_colours() -> None:
    spec = infer_spec("coin colection catalogue please. coins have country, denomination, year, mint mark, metal, "
                      "grade and what i paid.")
    fields = {f.name for f in spec.entity("Coin").fields}
    assert {"mint_mark", "metal", "grade"} <= fields
    assert not {"Grade", "Metal"} & names(spec)


def test_belongs_after_a_bracket_is_a_verb() -> None:
    spec = infer_spec("Every claim (RMA) belongs to an original order and customer.")
    assert "Order" in {r.target for r in spec.entity("Claim").relations}


@pytest.mark.parametrize(
    ("prompt", "absent"),
    [
        ("Trabajo en una notaría y queremos organizar las escrituras con sus otorgantes.", "Job"),
        ("Asociación de vecinos: socios, cuotas y propuestas. Los demás socios comentan y votan las propuestas.",
         "Dema"),
        ("Queremos un sistema de tickets: cada ticket pertenece a un cliente. Internamente los agentes comentan.",
         "Internamente"),
    ],
)
def test_spanish_verbs_adverbs_and_pronouns_are_not_tables(prompt: str, absent: str) -> None:
    assert absent not in names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "writer", "kept"),
    [
        ("im a plumber and my brother does electrics, we need something to track our jobs. each job belongs to a "
         "customer", "Plumber", {"Job", "Customer"}),
        ("As a team lead I want an incident log for our platform team - incidents with severity, owner and status.",
         "Lead", {"Incident"}),
    ],
)
def test_who_is_writing_is_not_a_table(prompt: str, writer: str, kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert writer not in names(spec)


def test_a_counsellor_who_is_also_a_record_stays() -> None:
    spec = infer_spec("I'm a counsellor sharing a practice with two colleagues. We need client records (each "
                      "counsellor only sees their own clients) and weekly sessions.")
    assert "Counsellor" in names(spec)


def test_things_that_sit_in_a_box_are_kept_not_a_sit_table() -> None:
    spec = infer_spec("Samples belong to a project and sit in a box, and boxes sit on a rack in a freezer.")
    assert {"Sample", "Box"} <= names(spec)
    assert "Sit" not in names(spec)
    assert "Box" in {r.target for r in spec.entity("Sample").relations}


@pytest.mark.parametrize(
    ("prompt", "absent", "kept"),
    [
        ("I want to build our family tree online: people, their parents and marriages.", "Tree", set()),
        ("Leave requests: employees request annual leave and their line manager approves.", "Line",
         {"LeaveRequest"}),
        ("comic shop pull list app. customers subscribe to series and each week we enter the new issues.",
         "BoardList", {"Customer", "Series", "Issue"}),
        ("Coworking space app: members, desks and meeting rooms. Members book a hot desk or a room by the hour.",
         "Space", {"Member", "Desk"}),
    ],
)
def test_compounds_that_name_something_else(prompt: str, absent: str, kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert absent not in names(spec)
    assert kept <= names(spec)


def test_comic_issues_are_not_support_tickets_and_a_milk_lot_is_not_an_auction_lot() -> None:
    issue = infer_spec("comic shop pull list app. customers subscribe to series and each week we enter the new "
                       "issues.").entity("Issue")
    assert "priority" not in {f.name for f in issue.fields}
    lot = infer_spec("A cheese dairy: each batch has a make date and the milk lot it came from.").entity("Lot")
    assert "hammer_price" not in {f.name for f in lot.fields}


def test_what_every_inspection_notes_is_its_details() -> None:
    spec = infer_spec("beekeeping records: apiaries, hives and inspections. each hive belongs to an apiary and every "
                      "inspection notes temper, brood, queen seen.")
    assert {"temper", "brood"} <= {f.name for f in spec.entity("Inspection").fields}
    assert not {"Temper", "Brood"} & names(spec)


def test_field_trials_are_trials_not_rehearsals() -> None:
    spec = infer_spec("Trabajo en investigación agrícola y hacemos ensayos de campo con variedades de maíz. Necesito "
                      "registrar parcelas, variedades y los ensayos.")
    assert "Rehearsal" not in names(spec)


def test_borrowing_and_returning_books_keeps_the_books() -> None:
    spec = infer_spec("members borrow and return books")
    assert {"Member", "Book", "Loan"} <= names(spec)


def test_what_residents_report_are_kinds_of_the_reports_they_file() -> None:
    spec = infer_spec("Our parish council wants residents to be able to report potholes, broken streetlights and "
                      "fly-tipping. Each report needs a category, a location and photos. Residents should be able to "
                      "upvote an existing report instead of posting a duplicate.")
    assert {"Resident", "Report", "Vote"} <= names(spec)
    assert not {"Pothole", "Streetlight", "ExistingReport"} & names(spec)
    report = {f.name for f in spec.entity("Report").fields}
    assert "status" in report and "period" not in report  # a reported problem, not a management report


def test_reports_people_file_are_records_even_when_only_assigned_later() -> None:
    spec = infer_spec("Our town council wants residents to report problems in the street. Council staff assign each "
                      "report to a department. Residents can upvote an existing report.")
    assert {"Report", "Department", "Vote"} <= names(spec)


@pytest.mark.parametrize(
    ("prompt", "setting"),
    [
        ("Tengo un taller mecánico pequeño y quiero una app para llevar los clientes y sus vehículos.", "Workshop"),
        ("I have a small bakery and want to track orders and customers.", "Bakery"),
    ],
)
def test_the_business_the_writer_has_is_not_a_table(prompt: str, setting: str) -> None:
    assert setting not in names(infer_spec(prompt))


def test_a_key_worker_is_a_staff_member() -> None:
    spec = infer_spec("A day nursery: each child belongs to a room and has a key worker, and staff log meals.")
    assert "Worker" not in names(spec)


def test_tickets_booked_on_a_ferry_book_the_sailing() -> None:
    spec = infer_spec("Please implement a website for a ferry company. The website should have routes and sailing "
                      "schedules for each route. Users can search sailings by date and port and book passenger and "
                      "vehicle tickets.")
    assert "Sailing" in {r.target for r in spec.entity("Booking").relations}


def test_scheduling_a_presenter_is_not_a_booking() -> None:
    spec = infer_spec("For our journal club members suggest papers and the organiser schedules a presenter for each "
                      "week.")
    assert "Booking" not in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "A welding training provider: a course catalog, course sessions with dates and instructors, and students "
        "who enroll in sessions.",
        "A student textbook exchange: textbook listings with course code, edition and price; search by course.",
    ],
)
def test_courses_taught_in_sessions_get_no_online_lessons(prompt: str) -> None:
    assert "Lesson" not in names(infer_spec(prompt))


def test_an_online_course_still_has_lessons() -> None:
    assert "Lesson" in names(infer_spec("An online course platform where students learn at their own pace: courses "
                                        "with video lessons."))


@pytest.mark.parametrize(
    ("prompt", "audience"),
    [
        ("CalibrateIt is a software program that allows quality teams to manage the calibration of measuring "
         "instruments. Users can schedule calibrations and upload certificates.", "Team"),
        ("GrantTrack is a software program that allows university research offices to manage research grants, "
         "funders and budget lines.", "Office"),
    ],
)
def test_who_the_software_serves_is_not_a_table(prompt: str, audience: str) -> None:
    assert audience not in names(infer_spec(prompt))


def test_scheduling_our_own_work_is_a_date_not_a_booking() -> None:
    spec = infer_spec("CalibrateIt is a software program that allows quality teams to manage the calibration of "
                      "measuring instruments. Users can schedule calibrations and upload certificates.")
    assert not {"Booking", "Customer"} & names(spec)
    assert any(f.type in {"date", "datetime"} for f in spec.entity("Calibration").fields)


def test_an_opticians_prescription_is_for_lenses_not_medicine() -> None:
    spec = infer_spec("Tengo una óptica. Quiero una app con los clientes, sus graduaciones (cada cliente puede tener "
                      "muchas graduaciones) y los pedidos de lentes.")
    fields = {f.name for f in spec.entity("Prescription").fields}
    assert "sphere_right" in fields and "medication_name" not in fields


def test_two_dates_said_once_are_two_fields_not_a_delivery() -> None:
    spec = infer_spec("Hago arreglos de ropa. Necesito guardar los encargos de cada clienta con fecha de prueba y de "
                      "entrega.")
    assert "Delivery" not in names(spec)


def test_research_plots_are_not_rented_allotments() -> None:
    spec = infer_spec("Hacemos ensayos de campo con variedades de maíz. Necesito registrar parcelas, variedades y las "
                      "mediciones de cada parcela.")
    assert "annual_rent" not in {f.name for f in spec.entity("Plot").fields}


def test_runs_members_log_are_records_and_theres_is_not_a_table() -> None:
    spec = infer_spec("running club: members log their runs, follow each other, comment on runs, and theres a "
                      "monthly leaderboard by distance")
    assert {"Member", "Run"} <= names(spec)
    assert "There" not in names(spec)
    assert "distance_km" in {f.name for f in spec.entity("Run").fields}


@pytest.mark.parametrize(
    ("prompt", "entity", "absent_field"),
    [
        ("FleetLog allows delivery companies to manage their vans. It provides vehicle records and driver "
         "assignments.", "DriverAssignment", "grade"),
        ("InterviewLoop allows hiring teams to coordinate candidate interviews with structured scorecards from each "
         "interviewer.", "Scorecard", "gross_score"),
    ],
)
def test_compounds_take_the_sense_of_their_app(prompt: str, entity: str, absent_field: str) -> None:
    assert absent_field not in {f.name for f in infer_spec(prompt).entity(entity).fields}


def test_a_tournament_draw_is_a_bracket_not_a_painting() -> None:
    spec = infer_spec("torneo de fifa en el cole: inscripcion de jugadores, cuadro de eliminatorias y resultados de "
                      "cada partido")
    assert "Painting" not in names(spec)


def test_booking_a_spot_books_the_class() -> None:
    spec = infer_spec("yoga studio class booking. classes have a teacher, a room and a max capacity. students book a "
                      "spot or cancel.")
    assert "Spot" not in names(spec)
    assert "ClassSession" in {r.target for r in spec.entity("Booking").relations}


def test_the_bare_word_after_a_compound_is_the_compound() -> None:
    spec = infer_spec("I'm a landlord with 6 flats. Tenants submit maintenance requests with photos. I assign each "
                      "request to a contractor.")
    assert "Request" not in names(spec)
    assert "Contractor" in {r.target for r in spec.entity("MaintenanceRequest").relations}


def test_reading_entries_of_each_pupil() -> None:
    spec = infer_spec("im a year 4 teacher and want my class to log the books they read at home. each pupil has many "
                      "reading entries (book title, pages read, parent comment). i want to approve entries.")
    assert "ReadingEntry" in names(spec)
    assert not {"Entry", "ClassSession"} & names(spec)


def test_lenses_are_a_lens_and_a_hackathon_team_has_no_city() -> None:
    spec = infer_spec("uni photography society: members upload photos to monthly competitions. we also have 2 "
                      "cameras and some lenses members can borrow.")
    assert "Lense" not in names(spec)
    team = infer_spec("hackathon management: participants sign up, form teams (max 4), each team submits a project "
                      "with a repo link.").entity("Team")
    assert "city" not in {f.name for f in team.fields}


def test_spanish_kids_are_children() -> None:
    spec = infer_spec("Quiero un sistema para prestar libros a los chicos: libros, préstamos y devoluciones.")
    assert "Chico" not in names(spec)


def test_an_availability_calendar_beside_bookings_adds_no_events() -> None:
    spec = infer_spec("Please implement a website for a small boutique hotel. The website should have room types, an "
                      "availability calendar and a booking form. Users can reserve rooms for specific dates.")
    assert "Event" not in names(spec)
    assert "Room" in {r.target for r in spec.entity("Booking").relations}


def test_customers_bring_in_artwork_is_an_object_not_a_place() -> None:
    from core.engine.understand import pipeline

    r = pipeline.read("framing shop app: customers bring in artwork and we quote a frame")
    bring = next(f for f in r.frames if f.verb == "bring")
    assert [p.head for p in bring.objects] == ["artwork"]


def test_an_entity_called_base_does_not_hide_the_models_declarative_base() -> None:
    from core.engine.render import render_project

    spec = infer_spec("A crew roster app: crew members, bases and flights. Each crew member belongs to a base.")
    assert "Base" in names(spec)
    models = render_project(spec)["app/models.py"]
    assert "from app.database import Base as ModelBase" in models
    assert "class Base(ModelBase):" in models and "class CrewMember(ModelBase):" in models
    compile(models, "models.py", "exec")
