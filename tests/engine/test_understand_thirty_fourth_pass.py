"""Understanding (issue 9), thirty-fourth pass: a vague request's kind said late in its sentence, reports of
damage, states after 'status goes', list items, who took or lent what, tickets bought, staff, and what coverage
reports of bookings and reports."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from tests.engine.spec_helpers import prompt_field as _field
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, expected", [
    ("PennyPilot is a software tool that helps people keep their personal finances under control...",
     {"Category", "Transaction"}),
    ("An online place where professionals engage in industry discussions and share knowledge.",
     {"Topic", "Reply"}),
    ("Presupuestín es una aplicación de software que sirve para gestionar mejor las finanzas personales.",
     {"Category", "Transaction"}),
])
def test_a_kind_said_late_in_a_vague_request_is_built_not_refused(prompt: str, expected: set[str]) -> None:
    assert expected <= set(_entities(prompt))


def test_a_kind_said_in_passing_late_is_still_not_the_app() -> None:
    got = _entities("Volunteers sign up for shifts at the food bank and log the hours they give to the forum")
    assert "Topic" not in got and {"Volunteer", "Shift"} <= set(got)


@pytest.mark.parametrize("prompt, report, parent", [
    ("A tool library: members browse the catalogue of tools and reserve a tool. Volunteers should be able to check "
     "tools out and in, log damage, and send overdue reminders.", "DamageReport", "Tool"),
    ("Instructors report a defect on a boat after a session: what is broken, a photo, whether it can still sail.",
     "DefectReport", "Boat"),
    ("Los socios registran los daños de cada coche al devolverlo.", "DamageReport", "Vehicle"),
])
def test_logged_damage_is_a_dated_report_not_a_damage_table(prompt: str, report: str, parent: str) -> None:
    got = _entities(prompt)
    assert report in got and not {"Damage", "Defect", "Dano"} & set(got), got
    assert {"reported_on", "description"} <= set(got[report])
    assert parent in _links(prompt, report)


def test_damage_found_on_an_inspection_stays_damage() -> None:
    got = _entities("Wind farm blade inspections with drone photos. Each damage found gets a type, severity 1-5 "
                    "and position on the blade.")
    assert "Damage" in got and "DamageReport" not in got


@pytest.mark.parametrize("prompt, entity, states", [
    ("Print jobs. Status goes received -> proof sent -> printing -> delivered.", "PrintJob",
     ["received", "proof_sent", "printing", "delivered"]),
    ("Bugs: the state goes from new -> triaged -> fixed.", "Bug", ["new", "triaged", "fixed"]),
    ("Pedidos de la imprenta. El estado pasa de recibido -> en impresión -> entregado.", "Order",
     ["recibido", "en_impresion", "entregado"]),
])
def test_states_after_status_goes_start_after_the_verb(prompt: str, entity: str, states: list[str]) -> None:
    assert _field(prompt, entity, "status").choices == states


@pytest.mark.parametrize("prompt, signed", [
    ("Cada vez que un coche pasa por el túnel se apunta el lavado con la fecha y el tipo de lavado.", False),
    ("Organizamos torneos. En cada ronda se apuntan los puntos de cada jugador.", False),
    ("Los socios se apuntan a las salidas del club.", True),
    ("En cada salida se apuntan los socios que van.", True),
])
def test_se_apunta_a_thing_notes_it_down_and_people_sign_up(prompt: str, signed: bool) -> None:
    assert ("Signup" in _entities(prompt)) is signed


def test_the_thing_a_list_item_starts_with_is_kept() -> None:
    prompt = ("Dance school app\n- classes (style, level, teacher)\n- students and their parents\n"
              "- rehearsal schedule\n- ticket sales for the summer show")
    assert {"Rehearsal", "Ticket", "Student", "Parent"} <= set(_entities(prompt))


def test_ticket_sales_are_tickets() -> None:
    prompt = "Theatre box office: performances (date, time) and ticket sales per performance."
    got = _entities(prompt)
    assert "Ticket" in got and "Sale" not in got
    assert "Performance" in _links(prompt, "Ticket")


def test_a_hospital_stay_is_an_admission_with_its_states_and_doses() -> None:
    prompt = ("Hospitalización para la clínica veterinaria: animales ingresados con su dueño y jaula asignada. El "
              "veterinario pauta tratamientos (fármaco, dosis) y los auxiliares marcan cada toma como administrada. "
              "Estados del ingreso: ingresado → en observación → alta.")
    got = _entities(prompt)
    assert {"Admission", "Dose"} <= set(got) and not {"Income", "Toma"} & set(got), got
    assert _field(prompt, "Admission", "status").choices == ["ingresado", "en_observacion", "alta"]
    assert "status" not in got["Dose"]


def test_the_statuses_of_a_named_thing_are_its_own() -> None:
    prompt = "Customers and repairs. Statuses of a repair: received -> fixed -> collected."
    assert _field(prompt, "Repair", "status").choices == ["received", "fixed", "collected"]
    assert "status" not in _entities(prompt)["Customer"]


def test_ingreso_is_income_outside_a_hospital() -> None:
    assert "Income" in _entities("Control de gastos: ingresos y gastos por categoría cada mes.")


@pytest.mark.parametrize("prompt, person", [
    ("Tool room sign-out for the workshop: who took which power tool when, when it came back and in what condition.",
     "Employee"),
    ("A little app for our street: who borrowed which ladder and when it came back.", "Neighbour"),
])
def test_who_took_which_thing_and_brought_it_back_is_a_loan(prompt: str, person: str) -> None:
    got = _entities(prompt)
    loan = next(n for n in got if n.endswith("Loan"))
    assert person in _links(prompt, loan) and "Workshop" not in got, got


def test_who_has_which_plot_is_a_members_plot() -> None:
    prompt = "community garden plot waitlist + who has which plot"
    assert "Member" in _links(prompt, "Plot")


def test_which_van_each_driver_takes_each_day_stays_an_assignment() -> None:
    got = _entities("We need to see which van each driver takes every day.")
    assert "VanAssignment" in got and not any(n.endswith("Loan") for n in got)


@pytest.mark.parametrize("prompt, lent, to", [
    ("Inventario de herramientas. Prestamos herramientas a los vecinos.", "Tool", "Neighbour"),
    ("Inventario de vestuario con foto y talla. A veces prestamos cosas a otras compañías y apuntamos cuándo lo "
     "devuelven.", "Costume", "Company"),
])
def test_prestamos_x_a_y_is_we_lend_a_loan_of_x_to_y(prompt: str, lent: str, to: str) -> None:
    got = _entities(prompt)
    assert "Cosa" not in got
    assert {lent, to} <= set(_links(prompt, "Loan")), got


def test_prestamos_as_a_noun_stays_loans() -> None:
    assert {"Book", "Member"} <= set(_links("Préstamos de libros a los socios.", "Loan"))


@pytest.mark.parametrize("prompt, entity, word", [
    ("Almacén de vestuario y atrezo: cada pieza con foto, talla y época, y qué piezas se usaron en cada obra.",
     "Item", "Part"),
    ("Taller mecánico: piezas de recambio usadas en cada reparación.", "Part", "Item"),
])
def test_a_pieza_is_an_item_in_a_wardrobe_and_a_part_in_a_garage(prompt: str, entity: str, word: str) -> None:
    got = _entities(prompt)
    assert entity in got and word not in got, got


@pytest.mark.parametrize("prompt, phrase", [
    ("Youth hostel. Guests book a bed for a range of nights; we need to see availability per night.",
     "availability checked when booking (no double bookings)"),
    ("Casa rural: los huéspedes reservan habitaciones y vemos la disponibilidad.",
     "disponibilidad comprobada al reservar (sin reservas dobles)"),
])
def test_availability_asked_of_bookings_is_reported_as_the_overlap_check(prompt: str, phrase: str) -> None:
    spec = infer_spec(prompt)
    assert phrase in spec.requested and phrase not in spec.not_built


def test_no_availability_phrase_without_bookings() -> None:
    spec = infer_spec("Plant shop: plants with availability (in stock or not), orders and customers.")
    assert not any("double bookings" in x for x in spec.requested)


def test_check_in_and_out_are_reported_when_the_stay_has_those_states() -> None:
    spec = infer_spec("Hotel: rooms, guests and reservations; reception does check-in and check-out.")
    assert "check-in and check-out (reservation status)" in spec.requested


@pytest.mark.parametrize("prompt", [
    "Coworking: members book desks and rooms. Admin gets a monthly usage report.",
    "donor database, donations, gift aid, thank-you letters, and a yearly report for trustees",
])
def test_a_monthly_or_yearly_report_is_the_dashboard(prompt: str) -> None:
    assert "dashboard" in infer_spec(prompt).features


def test_an_incident_report_is_a_record_not_the_dashboard() -> None:
    assert "dashboard" not in infer_spec("Incident app: staff file an incident report with photos.").features


@pytest.mark.parametrize("prompt", [
    "Trip diary: people write entries for each trip with photos and share selected entries with family and "
    "friends.",
    "Listas de la compra que los usuarios comparten con familiares y amigos.",
])
def test_friends_and_family_to_share_with_are_no_tables(prompt: str) -> None:
    got = _entities(prompt)
    assert not {"Family", "Friend", "Familiar", "Amigo"} & set(got), got


def test_families_who_join_are_kept() -> None:
    assert "Family" in _entities("Toy library: families join with an annual fee and borrow toys.")


@pytest.mark.parametrize("prompt, entity, values", [
    ("Boats: name, class (dinghy, keelboat), length.", "Boat", ["dinghy", "keelboat"]),
    ("Policies (insurer, class e.g. motor/home/liability, policy number, premium).", "Policy",
     ["motor", "home", "liability"]),
])
def test_a_class_with_its_values_is_a_category_of_the_thing(prompt: str, entity: str, values: list[str]) -> None:
    got = _entities(prompt)
    assert "ClassSession" not in got, got
    assert _field(prompt, entity, "category").choices == values


def test_classes_people_book_stay_sessions() -> None:
    assert "ClassSession" in _entities("Yoga studio: classes (style, level) and members who book a class.")


@pytest.mark.parametrize("prompt, expected", [
    ("Our club runs a time trial every Thursday. Need: riders, each week's event, results (time, bike type) and a "
     "league table.", {"Rider", "Event", "Result"}),
    ("Para el coro. Necesitamos: cantantes, cada ensayo con su fecha, y las partituras (título, compositor).",
     {"Singer", "Rehearsal"}),
])
def test_what_a_need_list_names_is_kept(prompt: str, expected: set[str]) -> None:
    assert expected <= set(_entities(prompt))


@pytest.mark.parametrize("prompt, links", [
    ("Fans buy tickets for matches.", {"Match", "Fan"}),
    ("Attendees should be able to register and buy a ticket type (standard, student or VIP).",
     {"Attendee", "TicketType"}),
])
def test_a_ticket_bought_is_the_purchase_not_an_order(prompt: str, links: set[str]) -> None:
    got = _entities(prompt)
    assert not {"Order", "OrderItem", "Purchase"} & set(got), got
    assert links <= set(_links(prompt, "Ticket"))
    assert "subject" not in got["Ticket"]  # an admission, not a helpdesk ticket


def test_goods_bought_online_are_still_orders() -> None:
    got = _entities("Online shop: customers buy candles online.")
    assert {"Order", "OrderItem"} <= set(got), got


def test_parents_of_students_who_log_in_are_the_parents() -> None:
    prompt = ("Please implement a website for a music school. Students book weekly lessons with teachers. Parents of "
              "younger students should be able to log in and see their child's schedule and notes.")
    got = _entities(prompt)
    assert "Parent" in got and "Student" in _links(prompt, "Parent"), got


@pytest.mark.parametrize("prompt, thing", [
    ("Customers pre-order bread for Saturday.", "Bread"),
    ("Clients can pre-order cakes for collection.", "Cake"),
])
def test_pre_order_is_a_verb_that_keeps_preorders(prompt: str, thing: str) -> None:
    got = _entities(prompt)
    assert "PreOrder" in got and thing in _links(prompt, "PreOrder"), got


def test_a_cv_uploaded_among_other_actions_is_the_uploaders() -> None:
    prompt = ("Job seekers should be able to search and filter openings, upload a CV, apply, and track the status of "
              "their applications.")
    got = _entities(prompt)
    assert "cv" in got["JobSeeker"] and "cv" not in got["Job"], got


def test_lists_by_week_are_views_not_a_table() -> None:
    got = _entities("Los padres inscriben a sus hijos en los campus. Necesitamos listas por semana y por grupo "
                    "de edad.")
    assert "List" not in got and "Child" in got, got


def test_children_sign_up_is_a_verb_after_an_irregular_plural() -> None:
    assert {"Child", "Camp"} <= set(_links("Children sign up for summer camps.", "Registration"))


def test_members_who_choose_what_is_ordered_are_the_buyers() -> None:
    prompt = ("En el club hacemos un pedido conjunto de equipación una vez al año. Cada socio entra, elige prendas "
              "(maillot, culotte, chaleco) y talla, y al cerrar el pedido necesito un resumen por prenda.")
    got = _entities(prompt)
    assert "Customer" not in got and "Member" in _links(prompt, "Order"), got


def test_a_board_regime_in_brackets_is_the_reservations_choice() -> None:
    prompt = ("Reservas de grupos para el albergue: los colegios reservan para varias noches, con un profesor "
              "responsable y régimen (solo alojamiento, media pensión o pensión completa).")
    got = _entities(prompt)
    assert "Accommodation" not in got, got
    assert _field(prompt, "Reservation", "regimen").choices == ["solo_alojamiento", "media_pension",
                                                                "pension_completa"]


@pytest.mark.parametrize("prompt, kept, values", [
    ("Users log workouts of different types such as runs, swims and rides.", "Workout", {"Run", "Ride", "Swim"}),
    ("People plan trip budgets and track their expenses on different modes of travel such as trains, flights, "
     "taxis and buses.", "Expense", {"Flight", "Train", "Bus", "Taxi"}),
])
def test_examples_of_kinds_are_values_not_tables(prompt: str, kept: str, values: set[str]) -> None:
    got = _entities(prompt)
    assert kept in got and not values & set(got), got


@pytest.mark.parametrize("prompt", ["Users track their spending by category.", "An app to log my daily spending."])
def test_spending_is_expenses(prompt: str) -> None:
    assert "Expense" in _entities(prompt)


def test_x_processing_keeps_the_things_processed() -> None:
    assert "Return" in _entities("returns processing: return received, inspected, restocked or scrapped, with "
                                 "reason codes and a weekly report")


def test_natural_language_processing_is_a_technique_not_a_table() -> None:
    got = _entities("A news app that relies on natural language processing to summarise articles; users bookmark "
                    "sources.")
    assert "Language" not in got and "Source" in got, got


@pytest.mark.parametrize("prompt", ["A café rota: staff, shifts, and staff clock in at the till.",
                                    "El personal ficha la entrada y salida."])
def test_staff_are_called_staff(prompt: str) -> None:
    got = _entities(prompt)
    assert "Staff" in got and "StaffMember" not in got, got
