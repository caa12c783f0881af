"""Understanding (issue 9), twenty-fifth pass: camera tools, decoders that answer with a list, and code analysers."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(
    "prompt",
    [
        "Una web que use la cámara del portátil para detectar si estoy sonriendo y me ponga una canción alegre.",
        "A page that uses my webcam to detect whether I am slouching and beeps.",
        "A page where the phone camera looks at your face shape and suggests glasses frames that suit you.",
        "Paste a cron expression like '0 5 * * 1' and get it back in plain English: minute, hour, day of week and "
        "month.",
        "A tool that measures the time complexity of a Python function and suggests faster loops.",
        "The Code Efficiency Checker evaluates snippets and recommends patterns that use less memory.",
    ],
)
def test_camera_tools_decoders_and_code_analysers_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A plant journal: I take photos of each plant with my phone camera and log every watering.", {"Plant"}),
        ("Un diario de plantas: hago fotos con la cámara del móvil a cada planta y apunto cada riego.", {"Plant"}),
        ("A security company app: guards log patrols, each camera has a location, and each camera detects "
         "incidents that a supervisor reviews.", {"Guard", "Patrol", "Camera", "Incident"}),
        ("Customers paste their order number and get it back with the delivery status; we manage orders, customers "
         "and couriers.", {"Customer", "Order", "Courier"}),
    ],
)
def test_data_apps_with_a_camera_or_a_lookup_are_built(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


def _field(spec, entity: str, name: str):  # noqa: ANN001, ANN202 - a test helper
    return next(f for f in spec.entity(entity).fields if f.name == name)


def test_things_stored_with_a_bracket_of_fields_are_a_table_even_when_the_word_is_a_field_word() -> None:
    spec = infer_spec("I want to store locations (address, type like warehouse/beach/manor, owner contact, permit "
                      "notes) with lots of photos.")
    assert "Location" in names(spec)
    assert not {"Warehouse", "Beach", "Manor", "Lot", "Note"} & names(spec)
    kind = _field(spec, "Location", "kind")
    assert kind.type == "enum" and kind.choices == ["warehouse", "beach", "manor"]


def test_lots_of_is_a_quantity_but_parking_lots_are_kept() -> None:
    assert "Lot" not in names(infer_spec("A recipe site where users post recipes with lots of photos."))
    assert "Lot" in names(infer_spec("A car park app: the parking lots of the city, each with spaces and a price "
                                     "per hour."))


@pytest.mark.parametrize(
    ("prompt", "entity", "field", "choices"),
    [
        ("A campsite app: each pitch has a number, a type (tent, caravan or cabin) and a nightly price.", "Pitch",
         "kind", ["tent", "caravan", "cabin"]),
        ("A stamp collection: stamps with country, year and condition (mint/used).", "Stamp", "condition",
         ["mint", "used"]),
        ("A language school: groups with a level (A1, A2, B1, B2), teachers and students enrolled in groups.",
         "Group", "level", ["a1", "a2", "b1", "b2"]),
        ("Quiero guardar las piscinas de cada cliente con su volumen y tipo (cloro o sal).", "Pool", "kind",
         ["cloro", "sal"]),
        ("A recipe site: each recipe has a title, a difficulty (easy, medium, hard...) and photos.", "Recipe",
         "difficulty", ["easy", "medium", "hard", "other"]),
    ],
)
def test_a_field_with_its_values_in_brackets_is_a_choice(prompt: str, entity: str, field: str,
                                                         choices: list[str]) -> None:
    spec = infer_spec(prompt)
    f = _field(spec, entity, field)
    assert f.type == "enum" and f.choices == choices
    assert not set(choices) & {x.name for x in spec.entity(entity).fields}


def test_values_of_a_thing_of_its_own_make_its_kind_and_the_details_say_them() -> None:
    spec = infer_spec("Volunteers log in, see the upcoming dinners and sign up for a shift (prep, cooking, serving "
                      "or washing up).")
    assert _field(spec, "Shift", "kind").choices == ["prep", "cooking", "serving", "washing_up"]
    assert any("(prep, cooking, serving, washing up)" in x for x in spec.requested)


def test_values_beside_a_table_of_kinds_stay_its_rows_and_a_remark_in_brackets_is_not_values() -> None:
    spec = infer_spec("Teachers award points to students with a reason and a category (effort, kindness, sport). "
                      "Admins manage the categories.")
    assert not any(f.type == "enum" and f.name == "category" for e in spec.entities for f in e.fields)
    spec = infer_spec("A vinyl shop: albums with artist, title and condition (sleeve and media graded separately).")
    assert not any(f.name == "condition" and f.type == "enum" for f in spec.entity("Album").fields)


def test_a_volunteer_who_signs_up_with_their_details_is_not_enrolled_in_anything() -> None:
    spec = infer_spec("Organizamos una feria y necesitamos voluntarios. Cada voluntario se inscribe con sus datos y "
                      "marca en qué turnos podría ayudar (barra, taquilla, limpieza).")
    assert {"Volunteer", "Shift"} <= names(spec)
    assert not {"Enrollment", "Cleaning", "Bar"} & names(spec)


@pytest.mark.parametrize(
    ("prompt", "join", "parts"),
    [
        ("Club de escalada: salidas programadas a las que los socios se apuntan.", "Signup", {"Member", "Outing"}),
        ("Una academia: los alumnos se matriculan en uno o varios cursos.", "Enrollment", {"Student", "Course"}),
    ],
)
def test_spanish_reflexive_sign_ups_join_the_person_and_the_thing(prompt: str, join: str, parts: set[str]) -> None:
    spec = infer_spec(prompt)
    assert parts <= {r.target for r in spec.entity(join).relations}


@pytest.mark.parametrize(
    ("prompt", "asked"),
    [
        ("HR app: employees request leave with dates and a type, and their manager approves it.", "LeaveRequest"),
        ("Customers can request a change to their order.", "ChangeRequest"),
        ("Compartimos la custodia: anotamos los gastos de los niños y cada uno puede pedir un cambio de días que el "
         "otro acepta.", "ChangeRequest"),
    ],
)
def test_what_people_ask_for_is_a_request_record(prompt: str, asked: str) -> None:
    assert asked in names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "kept", "not_tables"),
    [
        ("Estoy separada y comparto la custodia de mis hijos. Queremos anotar los gastos de los niños.",
         {"Child", "Expense"}, {"Separada"}),
        ("Tostamos café de especialidad. Necesito registrar cada tueste y las catas con su puntuación.",
         {"Roast", "Tasting"}, {"Tostamo"}),
        ("Somos un grupo de baile. Queremos los miembros, los disfraces de cada uno y a qué eventos va cada uno.",
         {"Member", "Costume", "Event"}, {"Uno"}),
    ],
)
def test_spanish_states_first_person_verbs_and_each_one_are_not_tables(prompt: str, kept: set[str],
                                                                       not_tables: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert not not_tables & names(spec)


def test_what_a_relative_clause_reviews_is_its_antecedent_and_a_supervisor_review_is_no_star_rating() -> None:
    spec = infer_spec("A security app: guards log patrols and incidents that a supervisor reviews.")
    assert {"Guard", "Patrol", "Incident"} <= names(spec)
    assert not {"Review", "Rating"} & names(spec)


def test_page_parts_painted_after_they_are_named_are_not_tables() -> None:
    spec = infer_spec("A trading card shop: cards with set and rarity, and orders. Background should be #F5F0E6, "
                      "with buttons and cards in #1F4E5F.")
    assert "Card" in names(spec)
    spec = infer_spec("A narrowboat hire site: boats, bases and bookings. Background should be white, with buttons "
                      "and cards in navy.")
    assert {"Boat", "Base", "Booking"} <= names(spec)
    assert "Card" not in names(spec)


def test_a_wind_farm_is_not_a_farm_with_hectares() -> None:
    spec = infer_spec("A maintenance site for a wind farm operator: wind farms, their turbines and work orders.")
    farm = spec.entity("WindFarm")
    assert "area_hectares" not in {f.name for f in farm.fields}
    assert any(r.target == "WindFarm" for r in spec.entity("Turbine").relations)


def test_a_films_runtime_is_a_field() -> None:
    spec = infer_spec("A film festival site: users submit a film with title, runtime, country and a screener link.")
    assert "Runtime" not in names(spec)
    assert "runtime" in {f.name for f in spec.entity("Film").fields}


def test_the_writers_workplace_is_not_a_table_and_lists_up_to_is_a_verb() -> None:
    spec = infer_spec("I work in the admissions team at a college. Students apply for courses: each application is "
                      "for one student and lists up to three courses in ranked order.")
    assert {"Student", "Application", "Course"} <= names(spec)
    assert not {"Team", "BoardList", "List"} & names(spec)


def test_a_possessive_list_of_details_is_fields_unless_it_names_people() -> None:
    spec = infer_spec("Parents apply for school places. We record each school's capacity and catchment area.")
    assert {"capacity", "catchment_area"} <= {f.name for f in spec.entity("School").fields}
    spec = infer_spec("A sports club app where coaches record each game's score, the players who played and their "
                      "minutes.")
    assert "players" not in {f.name for f in spec.entity("Game").fields}


@pytest.mark.parametrize(
    ("prompt", "entity", "field", "choices", "not_tables"),
    [
        ("Soy electricista. Necesito registrar los trabajos (cliente, dirección, tipo: avería, instalación, revisión u "
         "otro, urgencia) y marcar como cobrado.", "Job", "kind", ["averia", "instalacion", "revision", "otro"],
         {"Breakdown", "Installation", "Revision"}),
        ("Club de tenis: pistas (nombre, superficie, modalidad: individual, dobles, clase) y reservas por horas.",
         "Court", "mode", ["individual", "dobles", "clase"], {"Clase", "ClassSession"}),
        ("A print shop: customers send jobs (file upload, material PLA or PETG, colour, quantity).", "Job",
         "material", ["pla", "petg"], set()),
        ("A welding shop: welders and their qualifications (process MIG/TIG/stick, expiry date).", "Qualification",
         "process", ["mig", "tig", "stick"], {"Stick"}),
        ("An archery club: archers shoot rounds (distance, date, bow type recurve/compound/barebow, total score).",
         "Round", "bow_type", ["recurve", "compound", "barebow"], set()),
    ],
)
def test_values_after_a_colon_a_slash_or_an_or_are_a_choice(prompt: str, entity: str, field: str,
                                                             choices: list[str], not_tables: set[str]) -> None:
    spec = infer_spec(prompt)
    f = _field(spec, entity, field)
    assert f.type == "enum" and f.choices == choices
    assert not not_tables & names(spec)
    assert not any(x.name.endswith(f"_{choices[0]}") for x in spec.entity(entity).fields)


def test_a_stage_list_is_the_workflow_of_the_thing_tracked() -> None:
    spec = infer_spec("A job search app: users track their applications, including company, role, date applied and "
                      "stage (applied, interview, offer, rejected).")
    assert _field(spec, "Application", "status").choices == ["applied", "interview", "offer", "rejected"]
    assert "Stage" not in names(spec) or not any(f.type == "enum" for f in spec.entity("Stage").fields)


def test_what_the_app_does_not_keep_is_not_a_table() -> None:
    spec = infer_spec("Albergue de peregrinos: registrar peregrinos cada noche y asignar litera. No hay reservas, "
                      "solo por orden de llegada.")
    assert not {"Reservation", "Order", "OrderItem"} & names(spec)


def test_a_swatch_library_keeps_swatches_and_w_slash_means_with() -> None:
    spec = infer_spec("upholstery workshop - jobs (customer, furniture piece, fabric chosen) - fabric swatch library "
                      "w/ photos")
    assert {"Job", "Swatch"} <= names(spec)
    assert "Library" not in names(spec)
    assert "Book" in names(infer_spec("A school library: books, pupils and loans."))


def test_whats_is_a_contraction_and_a_flask_of_cells_is_no_stack() -> None:
    spec = infer_spec("pantry app. items (name, category, quantity, best before). show me whats expiring this week")
    assert "What" not in names(spec)
    spec = infer_spec("cell culture tracker - cell lines (name, source) - each flask belongs to a cell line")
    assert not spec.not_built
    assert infer_spec("A todo app built with Flask.").not_built


def test_a_translator_that_answers_is_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("braille translator - type text and get braille, or paste braille and get text back")


def test_a_thing_each_parent_gets_where_people_add_records_holds_them() -> None:
    spec = infer_spec("retro board: each sprint gets a retrospective where people add cards, and everyone can upvote "
                      "cards")
    assert any(r.target == "Sprint" for r in spec.entity("Retrospective").relations)
    assert any(r.target == "Retrospective" for r in spec.entity("Card").relations)
    spec = infer_spec("A design app with a shared canvas where users drag elements and add notes.")
    assert "Canvas" not in names(spec)


@pytest.mark.parametrize(
    ("prompt", "kept", "not_tables"),
    [
        ("Club de tiro con arco: arqueros (nombre, licencia), entrenamientos con puntuación por tanda.",
         {"Archer"}, {"Goalkeeper", "SavingsCircle"}),
        ("Cuidamos colonias felinas: cada colonia tiene ubicación y varios gatos (nombre, color, foto).",
         {"Colony", "Cat"}, {"Neighborhood"}),
    ],
)
def test_spanish_words_take_the_sense_their_request_shows(prompt: str, kept: set[str], not_tables: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert not not_tables & names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "make me a braille tool: type text and it converts to braille dots, with a big print button",
        "SiteCheck is a software program that allows developers to audit web pages for SEO issues. Users enter a "
        "URL and the application checks titles, headings and links, then produces a report.",
    ],
)
def test_converters_and_website_auditors_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


def test_a_verb_before_which_and_a_heading_order_are_not_tables() -> None:
    spec = infer_spec("A knot app: users learn knots, filter them by use, and tracks which knots the user has "
                      "mastered.")
    assert "Knot" in names(spec)
    assert "Track" not in names(spec)
    spec = infer_spec("A style guide app: pages with title, heading order and body, and editors who review them.")
    assert "Order" not in names(spec)


def test_examples_of_categories_are_rows_not_fields_and_by_hand_is_not_a_thing() -> None:
    spec = infer_spec("A sign dictionary: words, categories (greetings, family, food, numbers) and videos.")
    assert {f.name for f in spec.entity("Category").fields} == {"name"}
    spec = infer_spec("En la secretaría apuntamos a mano los alumnos que llegan tarde (alumno, hora, motivo).")
    assert "Personalizado" not in names(spec)


def test_routines_made_of_steps_hold_their_steps() -> None:
    spec = infer_spec("a skincare tracker: products (brand, expiry), morning and evening routines made of steps")
    assert {"Product", "Routine", "Step"} <= names(spec)
    assert any(r.target == "Routine" for r in spec.entity("Step").relations)


def test_things_logged_for_someone_are_records_with_start_and_end_times() -> None:
    spec = infer_spec("I want to log our baby's feeds (breast or bottle), nappy changes and naps with start and end "
                      "times.")
    assert {"Feed", "NappyChange", "Nap"} <= names(spec)
    assert "unit_cost" not in {f.name for f in spec.entity("Feed").fields}
    nap = {f.name: f.type for f in spec.entity("Nap").fields}
    assert nap.get("starts_at") == "datetime" and nap.get("ends_at") == "datetime"


def test_a_school_class_pupils_belong_to_is_not_a_lesson_and_a_yoga_class_is() -> None:
    spec = infer_spec("A school app: pupils belong to a class, each class has a teacher, and parents see homework.")
    assert "SchoolClass" in names(spec) and "ClassSession" not in names(spec)
    assert "ClassSession" in names(infer_spec("A yoga studio: classes, members who book a class, and instructors."))


def test_the_team_that_uploads_is_not_a_table_and_editors_comment() -> None:
    spec = infer_spec("Yearbook app: students, photos uploaded by the team, pages of the book, and editors can "
                      "comment on a page.")
    assert "Team" not in names(spec)
    assert "Comment" in names(spec)


def test_a_compound_type_keeps_its_word_and_a_listed_type_does_not_take_the_word_before_the_comma() -> None:
    spec = infer_spec("Tree surgery: we write a quote (work type: felling, crown reduction or stump grinding) and "
                      "the customer accepts.")
    assert _field(spec, "Quote", "work_type").choices == ["felling", "crown_reduction", "stump_grinding"]
    spec = infer_spec("Clocks (maker, year, type (longcase, bracket or wall), movement).")
    assert _field(spec, "Clock", "kind").choices == ["longcase", "bracket", "wall"]


def test_spanish_possessive_pronouns_and_agreeing_are_not_tables() -> None:
    spec = infer_spec("Registramos las evaluaciones de cada asesor, y el asesor puede ver la suya y marcar que está "
                      "de acuerdo.")
    assert not {"Suya", "Agreement", "Conforme"} & names(spec)


def test_a_compound_at_the_end_of_a_detail_list_is_a_field_but_a_clause_end_verb_stays_a_verb() -> None:
    spec = infer_spec("A bridge club: members, sessions, and pairs that played in each session with their percentage "
                      "score and master points.")
    assert "master_points" in {f.name for e in spec.entities for f in e.fields}
    spec = infer_spec("We're an engineering firm. Staff request business trips (destination, dates, purpose), "
                      "their manager approves, then the travel desk books flights.")
    assert "workflow" in spec.features  # 'their manager approves,' is the approval, not a compound noun


def test_registers_of_things_keep_the_things() -> None:
    spec = infer_spec("DroneLog is a software program that allows drone pilots to keep flight records. It "
                      "provides aircraft and battery registers and flight logs with location and duration.")
    assert {"Aircraft", "Battery", "Flight"} <= names(spec)


def test_a_status_list_with_slashes_is_a_workflow_not_tables() -> None:
    spec = infer_spec("Land surveying practice. Jobs (client, site address), each job is assigned to surveyors, with "
                      "visit dates and status quote / booked / fieldwork / delivered.")
    assert not {"StatusQuote", "Fieldwork"} & names(spec)


@pytest.mark.parametrize(
    ("prompt", "entity", "field", "choices"),
    [
        ("window cleaning rounds - customers (address, house size: small / medium / large, price per clean)",
         "Customer", "house_size", ["small", "medium", "large"]),
        ("Hago alpargatas. Quiero registrar pedidos con cliente, talla, precio y estado (pendiente, cosiendo, "
         "enviado).", "Order", "status", ["pendiente", "cosiendo", "enviado"]),
    ],
)
def test_a_choice_goes_to_the_thing_whose_details_it_ends(prompt: str, entity: str, field: str,
                                                          choices: list[str]) -> None:
    spec = infer_spec(prompt)
    assert _field(spec, entity, field).choices == choices
    assert sum(f.name in {field, field.split("_")[-1]} for e in spec.entities for f in e.fields
               if f.type == "enum") == 1


def test_colour_codes_and_legal_orders_are_not_tables_and_bottles_are_not_wine() -> None:
    spec = infer_spec("Please implement a website for a knife sharpening service. Users can create an order listing "
                      "each knife (type, blade length, condition). Primary colour #2F4F4F, accent #C0A060, "
                      "background #FAFAF5.")
    assert not any(n.lower().startswith(("item2f", "c0a0", "fafa")) for n in names(spec))
    spec = infer_spec("Tree surgery: quote requests from homeowners (address, tree species, photos) and whether a "
                      "tree preservation order applies.")
    assert not {"Order", "OrderItem"} & names(spec)
    spec = infer_spec("water cooler delivery: customers, drivers with routes, and at each stop the driver records "
                      "bottles delivered and empties collected.")
    assert "Bottle" not in names(spec) or "vintage" not in {f.name for f in spec.entity("Bottle").fields}


def test_a_lost_or_found_report_is_one_report_people_post() -> None:
    spec = infer_spec("A site for lost and found pets. Users can post a lost or found report with the animal type, "
                      "breed and photos, and comment on a report.")
    assert "Report" in names(spec)
    assert not {"Lost", "FoundReport"} & names(spec)
