"""Understanding (issue 9), twenty-seventh pass: route planners, live visualisers, extensions and party quizzes are
declined; forums keep their threads; reminders sent from a due date make no table; a status in a bracket belongs to
the bracket's thing; people's words for things are kept (a vet, a job card, a bici)."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import links, names


@pytest.mark.parametrize(
    "prompt",
    [
        "CycleWise is an application that helps commuters find the fastest and safest routes across the city, taking "
        "into account hills, bike lanes and the weather.",
        "Quiero que me calcule la ruta más corta para visitar a todos mis clientes de mañana con el mapa.",
        "For my physics class: pupils move the slider for the launch angle and watch the trajectory change in real "
        "time.",
        "Una página donde los alumnos arrastran los vértices de un polígono y ven cómo cambia el área.",
        "Necesito una extensión de Chrome que me guarde el precio, el título y la tienda de cada producto que miro.",
        "A tiny page for the team room that shows our sprint burndown from the Jira API on a big screen. Nothing to "
        "save.",
        "A reflex test for the kids' club: a light turns on at a random moment and they tap as fast as they can.",
        "Un juego de preguntas para la cena de empresa, con la puntuación de cada mesa en el proyector.",
    ],
)
def test_route_planners_visualisers_extensions_and_party_games_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A courier firm app: dispatchers assign parcels to drivers, plan the best routes for the day and log "
         "deliveries.", "Parcel"),
        ("Kanban board where I drag cards between columns and see the totals update.", "Card"),
        ("A hair salon site with a price slider to see services under a budget.", "Service"),
        ("Quiero una app para mis repartidores: rutas, clientes y pedidos, y que calcule la ruta más corta.",
         "Order"),
        ("A quiz app where teachers write questions and students answer them; scores are saved per class.",
         "Question"),
    ],
)
def test_data_apps_that_mention_routes_sliders_or_quizzes_are_built(prompt: str, kept: str) -> None:
    assert kept in names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "author"),
    [
        ("A forum where members start threads and reply to each other.", "Member"),
        ("Un foro donde los socios abren hilos y responden.", "Member"),
    ],
)
def test_a_forum_keeps_the_threads_people_start(prompt: str, author: str) -> None:
    spec = infer_spec(prompt)
    assert ("Thread", author, "belongs_to") in links(spec)
    assert "Topic" not in names(spec)


def test_a_forum_with_threads_has_replies_of_the_threads() -> None:
    spec = infer_spec("A forum with categories, threads and replies.")
    assert {("Thread", "Category", "belongs_to"), ("Reply", "Thread", "belongs_to")} <= links(spec)


@pytest.mark.parametrize(
    "prompt, thing",
    [
        ("Dog grooming: owners, dogs and vaccinations (vaccine, date). Email the owner a reminder when a vaccination "
         "is due.", "Vaccination"),
        ("Home admin: bills with amount and due day, and a reminder before they are due.", "Bill"),
        ("A boat yard: boats, owners and insurance renewals; insurance due date per boat so we can remind them.",
         "Boat"),
        ("Contracts with renewal dates and their suppliers; renewals with reminders.", "Renewal"),
    ],
)
def test_a_reminder_sent_from_a_due_date_is_kept_and_sending_is_not_built(prompt: str, thing: str) -> None:
    spec = infer_spec(prompt)
    assert ("Reminder", thing, "belongs_to") in links(spec)  # what is due, for which record, done or not
    assert "reminders sent automatically" in spec.not_built


def test_reminders_kept_as_records_stay_a_table() -> None:
    spec = infer_spec("A planner where I add reminders with a title and a time, and tick them off.")
    assert "Reminder" in names(spec)


def test_a_status_in_a_bracket_belongs_to_the_bracket_s_thing() -> None:
    spec = infer_spec("Clinic admin. Doctor (name, specialty); Appointment (patient, doctor, datetime, reason, "
                      "status: booked/attended/missed); Patient (name, phone).")
    status = next(f for f in spec.entity("Appointment").fields if f.name == "status")
    assert status.choices == ["booked", "attended", "missed"]
    assert not any(f.name == "status" for f in spec.entity("Doctor").fields)
    assert not any(fs.name == "workflow" and fs.entity == "Doctor" for fs in spec.feature_specs)


def test_a_thing_s_status_does_not_borrow_another_thing_s_states() -> None:
    spec = infer_spec("Vendemos bicis de segunda mano. Cada bici con número de cuadro, marca, estado y precio.")
    bike = spec.entity("Bike")
    assert "frame_number" in {f.name for f in bike.fields}
    status = next(f for f in bike.fields if f.name == "status")
    assert "analysed" not in status.choices


@pytest.mark.parametrize(
    ("prompt", "kept", "not_kept"),
    [
        ("A vet clinic: owners, pets, vets and appointments.", "Vet", "Veterinarian"),
        ("Garage app - customers drop off cars, we open a job card with the faults and assign a mechanic.", "JobCard",
         "JobSheet"),
        ("Alquiler de bicis para turistas: bicis, clientes y alquileres.", "Bike", "Bicycle"),
    ],
)
def test_the_word_people_use_for_a_thing_is_its_name(prompt: str, kept: str, not_kept: str) -> None:
    spec = infer_spec(prompt)
    assert kept in names(spec) and not_kept not in names(spec)
    assert len(spec.entity(kept).fields) > 2  # and it still gets the fields of what it is


@pytest.mark.parametrize(
    ("prompt", "holder", "child"),
    [
        ("A box office for our theatre. Productions have several performances; customers buy tickets.",
         "Production", "Performance"),
        ("Webshop: one order can have several tickets and each customer pays online.", "Order", "Ticket"),
        ("Una escuela: los cursos tienen varios grupos y los alumnos se matriculan.", "Course", "Group"),
    ],
)
def test_what_has_several_records_is_kept(prompt: str, holder: str, child: str) -> None:
    spec = infer_spec(prompt)
    assert {holder, child} <= names(spec)


@pytest.mark.parametrize(
    ("prompt", "replaced"),
    [
        ("We want our own box office instead of paying commission: shows, seats and tickets.", "Commission"),
        ("A shared tool library rather than spreadsheets: members borrow tools.", "Spreadsheet"),
        ("Queremos gestionar las reservas de la pista en vez de usar papel: socios, pistas y reservas.", "Paper"),
    ],
)
def test_what_the_app_replaces_is_not_a_thing_it_keeps(prompt: str, replaced: str) -> None:
    assert replaced not in names(infer_spec(prompt))


def test_the_details_of_a_record_sheet_kept_per_thing_are_its_fields() -> None:
    spec = infer_spec("Nursery app. Children and their parents. Staff fill in a daily diary per child: meals, naps, "
                      "nappies, activities.")
    assert not {"Meal", "Nap", "Nappy", "Activity"} & names(spec)
    diary = spec.entity("Diary")
    assert {"meals", "naps", "nappies", "activities"} <= {f.name for f in diary.fields}
    assert ("Diary", "Child", "belongs_to") in links(spec)
    spec = infer_spec("Los monitores rellenan una ficha por alumno: asistencia, nivel, observaciones.")
    assert "Student" in names(spec) and "Attendance" not in names(spec)


@pytest.mark.parametrize(
    ("prompt", "who"),
    [
        ("Control horario para la tienda: los empleados fichan entrada y salida y vemos las horas del mes.",
         "Employee"),
        ("A café rota: staff, shifts, and staff clock in at the till.", "Staff"),
    ],
)
def test_clocking_in_and_out_is_a_time_entry(prompt: str, who: str) -> None:
    spec = infer_spec(prompt)
    assert ("TimeEntry", who, "belongs_to") in links(spec)
    assert not {"Ticket", "Departure", "Clock", "Fichar"} & names(spec)


@pytest.mark.parametrize(
    ("prompt", "examples"),
    [
        ("Gastos de casa: cada uno apunta lo que paga (súper, luz, alquiler...) con su categoría, y a final de mes "
         "vemos quién debe a quién.", {"Luz", "Rental", "Final", "Super"}),
        ("Flatmates log what they spend (food, cleaning stuff, bills) and the app shows who owes whom.",
         {"Food", "Bill"}),
    ],
)
def test_examples_of_what_is_paid_and_the_end_of_the_month_are_not_things(prompt: str, examples: set[str]) -> None:
    assert not examples & names(infer_spec(prompt))


def test_states_said_after_the_sentence_about_a_record_are_its_status() -> None:
    spec = infer_spec("Soporte informático. Los empleados abren tickets y los técnicos los atienden. Estados: "
                      "abierto, en curso, esperando al usuario, resuelto. También un inventario de equipos.")
    status = next(f for f in spec.entity("Ticket").fields if f.name == "status")
    assert status.choices == ["abierto", "en_curso", "esperando_al_usuario", "resuelto"]
    assert any(fs.name == "workflow" and fs.entity == "Ticket" for fs in spec.feature_specs)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("bookkeeping app for freelancers, log invoices and expenses, estimate quarterly taxes",
         {"Invoice", "Expense"}),
        ("A club site for our members, book courts and pay fees online.", {"Court", "Member"}),
    ],
)
def test_a_verb_after_a_comma_starts_the_next_thing_the_app_does(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "lent"),
    [
        ("Tool library for the neighborhood, borrow and return, who has what, late reminders", "Tool"),
        ("Toy library app for the nursery, parents borrow toys.", "Toy"),
    ],
)
def test_a_lending_library_of_things_lends_those_things(prompt: str, lent: str) -> None:
    spec = infer_spec(prompt)
    assert lent in names(spec)
    assert any(e.name.endswith("Loan") and any(r.target == lent for r in e.relations) for e in spec.entities)


def test_a_colon_list_after_family_members_names_the_records() -> None:
    spec = infer_spec("Cuidado de mi madre entre tres hermanos: turnos, citas médicas, medicación y gastos "
                      "compartidos.")
    assert {"Shift", "Appointment", "Medication", "Expense"} <= names(spec)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("sports club membership renewals and waivers", {"Renewal", "Waiver"}),
        ("facturas y presupuestos para mi taller", {"Invoice", "Quote"}),
    ],
)
def test_a_short_list_of_things_asks_for_those_things(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "kept", "not_kept"),
    [
        ("un blog con comentarios", {"Post", "Comment"}, set()),
        ("Carpool for school drop-off, weekly schedule, who's driving which day", set(), {"Teacher", "Grade"}),
        ("reading list app, want to read / reading / finished, star rating and a short review", {"Book"},
         {"BoardList"}),
    ],
)
def test_the_kind_of_app_is_what_the_request_is(prompt: str, kept: set[str], not_kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec) and not not_kept & names(spec)


def test_spanish_verbs_before_their_object_and_workday_records() -> None:
    spec = infer_spec("Quiero una app para mi peluquería donde los clientes reserven cita, elijan el servicio y la "
                      "peluquera.")
    assert "Elijan" not in names(spec) and "Service" in names(spec)
    spec = infer_spec("Empresa pequeña: registro de jornada de los empleados y vacaciones que piden ellos y aprueba el "
                      "jefe.")
    assert {"TimeEntry", "Vacation"} <= names(spec) and "Matchday" not in names(spec)
    assert ("Vacation", "Employee", "belongs_to") in links(spec)
    assert "Matchday" in names(infer_spec("Liga de fútbol sala: equipos, jornadas y resultados."))


@pytest.mark.parametrize(
    "prompt",
    [
        "Una página que muestre el precio de la luz por horas de hoy sacándolo de la API de Red Eléctrica.",
        "A page that pulls today's tide times from the UK tide API and shows them as a chart.",
    ],
)
def test_a_page_showing_data_pulled_from_an_api_is_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept", "not_kept"),
    [
        ("medication reminder for my dad, tracks whether he took each pill, notifies me if he missed one", {"Pill"},
         {"Track"}),
        ("App for our food bank to register families, log each pickup, and stop someone from picking up twice in the "
         "same week", {"Family", "Pickup"}, {"Stop"}),
        ("Inscripciones para la carrera: dorsal, talla de camiseta y pago con tarjeta.", set(), {"Card"}),
        ("App de deberes: los profes ponen tareas por clase y fecha de entrega y las familias las ven.", {"Task"},
         set()),
    ],
)
def test_verbs_read_as_verbs_and_payment_methods_are_not_things(prompt: str, kept: set[str],
                                                                 not_kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec) and not not_kept & names(spec)


def test_a_page_reading_a_public_api_is_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("Write a little page that tells me the weather in my city right now from a public API, big "
                   "numbers, auto refresh")


def test_the_accounts_table_is_not_a_group_splitting_costs() -> None:
    from core.engine import render_project

    spec = infer_spec("Please implement a website for a local animal rescue charity. Visitors browse animals with "
                      "photos. Users submit an adoption application, which staff review and approve or reject. People "
                      "sign up as volunteers for weekly shifts and make one-off donations.")
    files = render_project(spec)
    assert not any("/balances" in text for name, text in files.items() if name.startswith("app/routers/"))
    split = render_project(infer_spec("Flatmates log bills and split each bill between them, with who owes whom."))
    assert any("/balances" in text for name, text in split.items() if name.startswith("app/routers/"))


def test_readings_logged_are_records_with_their_measures() -> None:
    spec = infer_spec("Brewhouse log. Recipes with ingredients. Log gravity and temperature readings during "
                      "fermentation.")
    reading = spec.entity("TemperatureReading")
    assert {"recorded_at", "value"} <= {f.name for f in reading.fields}
    spec = infer_spec("Aquarium log: each tank has fish; log water readings (pH, ammonia, nitrate) weekly.")
    assert {"ph", "ammonia", "nitrate"} <= {f.name for f in spec.entity("WaterReading").fields}


def test_theatre_roles_and_plays_in_spanish() -> None:
    spec = infer_spec("app para nuestra compañía de teatro amateur: actores, obras, qué actor hace cada papel, "
                      "calendario de ensayos y quién viene a cada ensayo")
    assert {"Play", "Role", "Actor", "Rehearsal"} <= names(spec) and "Paper" not in names(spec)
    assert "Play" not in names(infer_spec("Coro: partituras en PDF por obra, ensayos y asistencia."))


@pytest.mark.parametrize(
    ("prompt", "parent"),
    [
        ("dog walking business: clients, their dogs, walks and walkers. Clients get billed monthly.", "Client"),
        ("Garage app - customers drop off cars, we open a job card with the faults, then the customer gets an "
         "invoice.", "JobCard"),
    ],
)
def test_billing_said_as_a_verb_keeps_invoices(prompt: str, parent: str) -> None:
    spec = infer_spec(prompt)
    assert ("Invoice", parent, "belongs_to") in links(spec)


def test_extras_that_can_be_added_to_a_booking_are_a_table_linked_many_to_many() -> None:
    spec = infer_spec("Small hotel, 12 rooms. Guests book a room for check-in/check-out dates. Extras (breakfast, "
                      "parking) can be added to a booking.")
    assert ("Extra", "Booking", "many_to_many") in links(spec)
    assert not {"Breakfast", "Parking"} & names(spec)


def test_attendance_at_classes_is_presence_and_clocking_in_is_time() -> None:
    spec = infer_spec("Academia de inglés: alumnos, grupos por nivel, asistencia y pagos mensuales.")
    assert {"present"} <= {f.name for f in spec.entity("Attendance").fields}
    spec = infer_spec("Staff attendance: employees clock in and out.")
    assert ("TimeEntry", "Employee", "belongs_to") in links(spec) and "Clock" not in names(spec)


def test_signing_up_as_a_role_for_shifts_is_a_signup_of_that_role() -> None:
    spec = infer_spec("The site should also let people sign up as volunteers for weekly shifts.")
    got = links(spec)
    assert {("Signup", "Volunteer", "belongs_to"), ("Signup", "Shift", "belongs_to")} <= got
    assert ("Volunteer", "Shift", "belongs_to") not in got


def test_an_applicant_tracker_keeps_jobs_candidates_and_scorecards() -> None:
    spec = infer_spec("Applicant tracking system. Jobs have candidates applying. Interviewers fill in a scorecard "
                      "after each interview.")
    assert {"Job", "Candidate", "Scorecard", "Interview"} <= names(spec) and "Applicant" not in names(spec)


def test_a_staff_rota_keeps_the_staff_it_schedules() -> None:
    spec = infer_spec("staff rota for the cafe. staff enter availability, manager builds the week, staff can request "
                      "swaps. show labour cost vs sales.")
    assert {"Staff", "Shift", "SwapRequest"} <= names(spec)
    assert "Staff" not in names(infer_spec("Staff can manage rooms and bookings for our hotel."))


def test_a_live_screen_fed_by_an_api_is_declined_and_a_shop_synced_from_one_is_built() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("live dashboard for the town hall lobby screen showing bus departures from the nearest stop using "
                   "the transit API, and the weather")
    assert "Order" in names(infer_spec("A live dashboard of our orders and customers, with totals per month."))


def test_a_booking_site_for_things_books_those_things() -> None:
    spec = infer_spec("booking site for our 2 holiday cottages with an availability calendar, nightly price that "
                      "changes by season, min 3 nights, deposit then balance 4 weeks before")
    assert ("Booking", "Cottage", "belongs_to") in links(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "Guardería: registro de entrada y salida de los niños y avisos a los padres.",
        "Control de fichajes para los operarios de la fábrica: entrada, salida y pausas por turno.",
    ],
)
def test_entrada_y_salida_are_times_not_tickets_and_departures(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert not {"Ticket", "Departure"} & names(spec)
    assert {"TimeEntry", "Attendance"} & names(spec)
