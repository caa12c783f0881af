"""Understanding (issue 9), thirty-first pass: colours said with a base beside a page background, and a hex in
brackets after a role."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.understand.style import infer_theme
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import field_names


@pytest.mark.parametrize(
    ("prompt", "primary", "background", "mode"),
    [
        ("Set the base colour of the layout to saddle brown and use antique white for the page background.",
         "#8b4513", "#faebd7", "light"),
        ("El diseño en azul marino y el fondo blanco.", "#000080", "#ffffff", "light"),
        ("Make it a dark theme: buttons and cards in dark orange on a near-black background (#121212).",
         "#ff8c00", "#121212", "dark"),
        ("Use an off-white background (#fafafa) and teal buttons.", "#008080", "#fafafa", "light"),
    ],
)
def test_base_and_bracketed_codes(prompt: str, primary: str, background: str, mode: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.background, theme.mode) == (primary, background, mode)


def test_a_layout_colour_alone_is_still_the_background() -> None:
    assert infer_theme("Use saddle brown for the layout").background == "#8b4513"


def _entities(prompt: str) -> dict[str, list[str]]:
    return {e.name: [f.name for f in e.fields] for e in infer_spec(prompt).entities}


def _links(prompt: str, entity: str) -> set[str]:
    return {r.target for r in infer_spec(prompt).entity(entity).relations}


@pytest.mark.parametrize(
    ("prompt", "wanted"),
    [
        ("Tables: Site, Visit, Inspector.", {"Site", "Visit", "Inspector"}),
        ("Maintenance tracking for a wind farm crew. Entities: Site (name, region), Turbine (serial, model, site, "
         "commissioning date), WorkOrder (turbine, priority), Technician (name, certs).",
         {"Site", "Turbine", "WorkOrder", "Technician"}),
    ],
)
def test_tables_the_user_declares_are_kept(prompt: str, wanted: set[str]) -> None:
    got = set(_entities(prompt))
    assert wanted <= got
    assert "DiningTable" not in got and "Entity" not in got


def test_a_declared_table_links_by_its_bracketed_field() -> None:
    prompt = "Entities: Turbine (serial, model), WorkOrder (turbine, type: scheduled/corrective, priority)."
    assert _links(prompt, "WorkOrder") == {"Turbine"}
    spec = infer_spec(prompt)
    kind = next(f for f in spec.entity("WorkOrder").fields if f.name == "kind")
    assert kind.choices == ["scheduled", "corrective"]
    assert "kind" not in field_names(spec, "Turbine")


@pytest.mark.parametrize(
    "prompt",
    ["Task manager: projects (name), tasks (title, status: todo/doing/done, due date, project).",
     "Tasks (title, project, status: todo/doing/done, due date) and projects (name)."],
)
def test_the_list_goes_on_after_a_fields_values(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert {"title", "due_date", "status"} <= set(field_names(spec, "Task"))
    assert {"todo", "doing", "done"} <= set(next(f for f in spec.entity("Task").fields if f.name == "status").choices)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("RV park: sites (number, hookup type, nightly rate), guests and stays.", "Site"),
        ("RV park: sites with hookup type (30/50 amp, water, sewer), monthly long-term guests vs nightly.", "Site"),
        ("Please implement a website for a campground and RV park. Users should be able to view the list of tent "
         "sites and RV pads, filter them by hookup type, make reservations for a range of nights, and pay online.",
         "Site"),
        ("camping: lista de parcelas, reservas y clientes. ya está.", "Pitch"),
    ],
)
def test_campground_sites_and_pitches(prompt: str, kept: str) -> None:
    got = set(_entities(prompt))
    assert kept in got
    assert not got & {"Night", "Nightly", "Plot"}


def test_vs_between_things_is_and_but_not_in_a_measure() -> None:
    assert "Guest" in _entities("RV park: sites with hookup type, monthly long-term guests vs nightly, meter readings.")
    prompt = ("Campaign events: staff propose an event. For each event track the venue, expected vs actual "
              "attendance, which surrogate speakers are going, and RSVPs from supporters.")
    assert "Venue" in _entities(prompt)


@pytest.mark.parametrize(
    ("prompt", "entity", "field"),
    [
        ("Pista de hielo: sesiones de patinaje público con aforo, venta de entradas y alquiler de patines por talla.",
         "SkatingSession", "starts_at"),
        ("Escuela: clases de baile, alumnos y profesores.", "DanceClass", "starts_at"),
        ("Camping: parcelas, bungalós, reservas por noches.", "Bungalow", "name"),
        ("Escuela de surf: clases con monitores, alumnos y reservas.", "Instructor", "name"),
    ],
)
def test_spanish_activities_and_people(prompt: str, entity: str, field: str) -> None:
    assert field in _entities(prompt).get(entity, [])


def test_monthly_plans_stay_plans() -> None:
    prompt = ("Quiero una app para mi autolavado. Los clientes tienen planes de suscripción mensual (básico, premium, "
              "ilimitado) y registran sus coches por matrícula.")
    assert {"Plan", "Subscription"} <= set(_entities(prompt))


@pytest.mark.parametrize(
    ("prompt", "entity", "fields"),
    [
        ("Wind farm blade inspections with drone photos. Each damage found gets a type, severity 1-5 and position on "
         "the blade, and we follow it up until it is repaired.", "Damage", {"kind", "severity", "position"}),
        ("Each defect has a type, severity 1-5 and position.", "Defect", {"kind", "severity", "position"}),
    ],
)
def test_each_thing_found_with_its_details(prompt: str, entity: str, fields: set[str]) -> None:
    assert fields <= set(_entities(prompt).get(entity, []))


def test_something_a_person_gets_is_not_their_detail() -> None:
    prompt = ("Photography studio booking: session type, location, date; client gets a private gallery link to pick "
              "their favorite photos after the shoot.")
    assert "private_gallery_link" not in _entities(prompt)["Client"]


@pytest.mark.parametrize(
    ("prompt", "entity", "field"),
    [
        ("Hockey club at the rink: teams by age category, players with licence number and medical check date, "
         "booking ice time for practices and matches, and monthly dues.", "Player", "booking_ice_time"),
        ("Gym app: members with name and phone, tracking attendance, and monthly fees.", "Member", "attendance"),
    ],
)
def test_what_the_app_does_next_is_not_a_field(prompt: str, entity: str, field: str) -> None:
    assert field not in _entities(prompt)[entity]


def test_a_gerund_field_stays_a_field() -> None:
    fields = _entities("Bookings with booking reference, booking date and guest name.")["Booking"]
    assert "booking_reference" in fields and "guest_name" in fields


def test_what_a_form_asks_is_the_leads_details_and_a_rate_is_a_figure() -> None:
    prompt = ("Tutoring centre CRM: leads come from the website form (parent name, child's grade, subject of "
              "interest), then follow-up calls, a free trial lesson, and finally they convert to enrolled. I want to "
              "see the conversion rate per month.")
    got = _entities(prompt)
    assert {"parent_name", "child_grade"} <= set(got["Lead"])
    assert not set(got) & {"Child", "Grade", "ConversionRate"}


def test_a_contact_form_alone_still_keeps_messages() -> None:
    assert "Message" in _entities("A site with a contact form (name, email, message).")


@pytest.mark.parametrize(
    ("prompt", "kept", "gone"),
    [
        ("Necesito una app para mi academia de refuerzo: alumnos, profesores, asignaturas y clases. Los padres tienen "
         "que poder ver las notas y la asistencia de sus hijos.", "Grade", "Note"),
        ("Quiero una web para mi escuela de música donde los padres vean el horario de clases de sus hijos y los "
         "profesores dejen notas sobre su progreso.", "Note", "Grade"),
        ("Bomberos voluntarios: control de guardias, salidas (incidentes) y quién acudió a cada una, formación y "
         "caducidad de certificados, y revisión de equipos (ERA, mangueras).", "Incident", "Departure"),
        ("Bomberos voluntarios: control de guardias, salidas (incidentes) y quién acudió a cada una, formación y "
         "caducidad de certificados, y revisión de equipos (ERA, mangueras).", "Equipment", "Team"),
        ("Club de montaña: salidas con dificultad y plazas, inscripción de socios.", "Outing", "Incident"),
        ("Torneos del club de golf: inscripción de jugadores con su hándicap, formación de partidas de 4 con hora de "
         "salida, tarjetas con los golpes por hoyo y clasificación automática.", "Scorecard", "Card"),
        ("Torneos del club de golf: inscripción de jugadores con su hándicap, formación de partidas de 4 con hora de "
         "salida, tarjetas con los golpes por hoyo y clasificación automática.", "TournamentEntry", "Enrollment"),
        ("Hostal con dormitorios compartidos: las camas se reservan por noche, huéspedes con su pasaporte y "
         "taquillas.", "Dorm", "Bedroom"),
    ],
)
def test_spanish_words_by_the_kind_of_app(prompt: str, kept: str, gone: str) -> None:
    got = _entities(prompt)
    assert kept in got and gone not in got


def test_an_activity_after_a_comma_ends_the_details() -> None:
    prompt = ("Torneos del club de golf: inscripción de jugadores con su hándicap, formación de partidas de 4 con hora "
              "de salida.")
    assert all("formacion" not in f for fields in _entities(prompt).values() for f in fields)


def test_a_passport_is_a_field_in_english() -> None:
    prompt = "Hostal con dormitorios compartidos: las camas se reservan por noche, huéspedes con su pasaporte."
    assert "passport_number" in _entities(prompt)["Guest"]


@pytest.mark.parametrize(
    ("prompt", "learner"),
    [
        ("need an app for my tutoring business. parents sign up their kids, kids get booked into sessions with a "
         "tutor, I want to see which subjects each tutor teaches", "Student"),
        ("Youth soccer league app. Teams have players (name, DOB, jersey number) and coaches. Parents register their "
         "kids online and pay the registration fee.", "Player"),
        ("Necesito una app para mi academia de refuerzo: alumnos, profesores, asignaturas y clases. Los padres tienen "
         "que poder ver las notas y la asistencia de sus hijos.", "Student"),
    ],
)
def test_the_kids_at_a_school_or_club_are_its_learners(prompt: str, learner: str) -> None:
    got = _entities(prompt)
    assert learner in got and "Child" not in got


def test_a_nursery_keeps_its_children() -> None:
    prompt = ("Nursery app for a 40-place day nursery. Children, their parents, key workers. Staff fill in a daily "
              "diary per child: meals, naps, nappies.")
    assert "Child" in _entities(prompt)


@pytest.mark.parametrize(
    "prompt",
    ["Hostal: las camas (no las habitaciones) se reservan por noche.",
     "Hostel: beds (not rooms) are booked per night."],
)
def test_what_is_booked_is_said_before_a_bracket(prompt: str) -> None:
    assert _links(prompt, "Booking") == {"Bed"}


@pytest.mark.parametrize(
    ("prompt", "about"),
    [
        ("dog walking business: clients, their dogs, walks (solo or group, max 4 dogs), walkers, and a short note "
         "after each walk. Clients get billed monthly.", "Walk"),
        ("Beekeeping log. Apiaries -> hives -> inspections. An inspection has date, queen seen (y/n), brood pattern, "
         "temperament, frames of honey, notes.", "Inspection"),
    ],
)
def test_a_note_about_a_record_is_its_notes_field(prompt: str, about: str) -> None:
    got = _entities(prompt)
    assert "Note" not in got and "notes" in got[about]


@pytest.mark.parametrize(
    "prompt",
    ["D&D campaign manager: characters, sessions, notes, loot, who's hosting next",
     "A note-taking app where users write notes with tags and pin the important ones."],
)
def test_notes_that_are_things_stay(prompt: str) -> None:
    assert "Note" in _entities(prompt)


def test_who_rents_at_a_shop_is_a_customer() -> None:
    got = _entities("ski rental shop - track skis and boots, who rented what, when its due back")
    assert {"Ski", "Boot", "Customer", "Rental"} <= set(got) and "Member" not in got
    assert "Customer" in _links("ski rental shop - track skis and boots, who rented what, when its due back",
                                "Rental")


def test_a_repair_ticket_is_not_an_event_ticket() -> None:
    prompt = ("shoe repair shop: tickets for each job (customer, shoes, what needs doing, price, due date), status "
              "received -> in progress -> ready -> collected")
    fields = _entities(prompt)["Ticket"]
    assert "seat_label" not in fields and "due_date" in fields


def test_a_converter_that_reads_an_api_is_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("A tool where I paste the green coffee price in USD per pound from the importer's offer sheet and "
                   "it gives me EUR per kilo using today's exchange rate from an FX API.")


@pytest.mark.parametrize(
    "prompt",
    ["We are an organic farm with weekly boxes. Members subscribe (small or large box), can skip weeks by telling us "
     "before Monday, and choose a pickup point. Payments are monthly.",
     "Somos una granja ecológica con cestas semanales. Los socios se suscriben (cesta pequeña o grande), pueden "
     "saltarse semanas avisando antes del lunes, y eligen un punto de recogida. Los cobros son mensuales."],
)
def test_people_who_subscribe_have_subscriptions(prompt: str) -> None:
    got = _entities(prompt)
    assert {"Member", "Subscription"} <= set(got) and "plan" in got["Subscription"]
    assert _links(prompt, "Subscription") == {"Member"}


def test_a_gerund_acts_for_the_sentences_subject() -> None:
    prompt = ("Los socios se suscriben, pueden saltarse semanas avisando antes del lunes, y eligen un punto de "
              "recogida.")
    from core.engine.understand.pipeline import read

    frames = read(prompt).frames
    assert all(f.subject is not None and f.subject.head == "socio" for f in frames)


def test_escape_room_hints_and_puzzles_in_order() -> None:
    got = _entities("Sala de escape: llevar el control de las pistas. Cada sala tiene sus enigmas en orden, cada "
                    "enigma sus pistas.")
    assert {"Room", "Puzzle", "Hint"} <= set(got)
    assert not set(got) & {"Order", "Court", "Enigma"}


def test_plural_things_joined_by_plus_are_two() -> None:
    prompt = ("i teach piano to about 20 kids after school lol. would love something to track each kid's lessons + "
              "notes, which pieces they're learning")
    got = _entities(prompt)
    assert "Lesson" in got and "LessonsNote" not in got and "Lol" not in got


def test_a_kind_of_boat_is_a_value_not_a_table() -> None:
    prompt = ("kayak and canoe rentals at the lake. boats (type: single kayak, double kayak, canoe, SUP; seats; "
              "number), rentals by the hour or half day. staff file a damage report if a boat comes back dinged.")
    got = _entities(prompt)
    assert "Canoe" not in got and _links(prompt, "Rental") == {"Boat"}
    assert {"reported_on", "description"} <= set(got["DamageReport"])


def test_vaccinations_and_dewormings_are_kinds_of_vet_record() -> None:
    prompt = ("Somos una protectora de animales. Necesitamos: - fichas de animales (nombre, especie, raza) - historial "
              "veterinario: vacunas, desparasitaciones, esterilización")
    got = _entities(prompt)
    assert "VetRecord" in got and "kind" in got["VetRecord"]
    assert not set(got) & {"Vaccination", "Deworming", "Sterilization"}


def test_medicines_are_medications_with_their_dose() -> None:
    got = _entities("A program for keeping track of medical information: medications, diagnoses, treatments and "
                    "appointment reminders.")
    assert "dosage" in got["Medication"]
    assert "Medication" in _entities("Care home: residents, their medicines and who gave each dose.")


def test_a_caravan_rented_at_a_campsite_is_not_a_pitch_kind() -> None:
    assert "Caravan" in _entities("A campsite app for pitch bookings and caravan rentals.")


def test_a_roles_heading_lists_account_types() -> None:
    prompt = ("Hostel ops app\nRoles: manager, receptionist, housekeeping\n- Rooms and beds, bed status (clean / "
              "dirty / occupied / out of order)\n- Reservations entered by reception")
    spec = infer_spec(prompt)
    got = {e.name for e in spec.entities}
    assert "Role" not in got and "Receptionist" not in got
    kinds = next(f.choices for f in spec.entity("User").fields if f.name == "account_type")
    assert {"manager", "receptionist", "housekeeping"} <= set(kinds)
    assert "Role" not in _links(prompt, "Reservation")


def test_crew_roles_in_brackets_stay_data() -> None:
    prompt = ("crew management for our video production company — productions, shoot days, crew with their roles (DP, "
              "gaffer, sound, grip...), a call sheet per shoot day")
    assert "User" not in _entities(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept", "gone"),
    [
        ("Nursery app for a day nursery. Children, their parents/carers (a child can have two), key workers.",
         "Parent", "Carer"),
        ("Drivers/couriers pick up parcels and deliver them to customers.", "Driver", "Courier"),
    ],
)
def test_two_words_for_the_same_people_are_one_table(prompt: str, kept: str, gone: str) -> None:
    got = _entities(prompt)
    assert kept in got and gone not in got


def test_regulars_preorder_bread() -> None:
    prompt = ("need something for my bakery so regulars can preorder bread for saturday pickup and i can see how many "
              "loaves of each kind to bake")
    got = _entities(prompt)
    assert {"Customer", "PreOrder"} <= set(got) and "Regular" not in got
    assert "Customer" in _links(prompt, "PreOrder")


def test_a_preorder_in_a_shop_with_orders_is_the_order() -> None:
    got = _entities("build me a simple app for my bakery where customers can preorder cakes for pickup and I can see "
                    "orders by day")
    assert "Order" in got and "PreOrder" not in got
