"""Understanding (issue 9), thirty-sixth pass: details listed after 'the X themselves', limits among details ('max
guests'), things people suggest, and reviews by the people who attend."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, entity, fields", [
    ("I need to manage the retreats themselves (dates, location, price, max guests) and guests signing up.",
     "Retreat", {"date", "location", "price", "max_guests"}),
    ("Gestionar los cursos mismos (fechas, precio) y las inscripciones.", "Course", {"date", "price"}),
])
def test_details_after_the_things_themselves_are_theirs(prompt: str, entity: str, fields: set[str]) -> None:
    assert fields <= set(_entities(prompt)[entity])


@pytest.mark.parametrize("prompt", [
    "Retreats (name, dates, max guests, teacher)",
    "I need to manage the retreats themselves (dates, location, price, max guests) and guests signing up.",
])
def test_a_limit_among_details_is_a_number_not_a_link(prompt: str) -> None:
    got = _entities(prompt)
    assert "max_guests" in got["Retreat"]
    assert "Guest" not in _links(prompt, "Retreat")
    spec = understand(prompt)
    assert next(f for f in spec.entity("Retreat").fields if f.name == "max_guests").type == "int"


@pytest.mark.parametrize("prompt", [
    "Members can suggest films.",
    "Members can suggest films, vote on what we watch next and review each screening.",
    "Our club members should be able to suggest films.",
])
def test_what_people_suggest_is_kept_and_is_no_ai_feature(prompt: str) -> None:
    spec = understand(prompt)
    assert {"Film", "Suggestion"} <= {e.name for e in spec.entities}
    assert set(_links(prompt, "Suggestion")) == {"Member", "Film"}
    assert "AI recommendations" not in spec.not_built


def test_an_app_that_suggests_is_still_a_recommendation() -> None:
    spec = understand("An app that can suggest recipes from what is in my fridge.")
    assert "AI recommendations" in spec.not_built and "Suggestion" not in {e.name for e in spec.entities}


@pytest.mark.parametrize("prompt, rated", [
    ("Members review each screening.", "Screening"),
    ("Los socios valoran cada proyección.", "Screening"),
    ("Attendees review every talk they went to.", "Talk"),
])
def test_people_who_attend_review_what_they_attended(prompt: str, rated: str) -> None:
    spec = understand(prompt)
    assert "ratings" in spec.features
    assert rated in _links(prompt, "Rating")


def test_judges_reviewing_applications_still_decide_without_stars() -> None:
    spec = understand("Applicants submit grant applications and judges review each application.")
    assert "Rating" not in {e.name for e in spec.entities}


@pytest.mark.parametrize("prompt, record, thing", [
    ("Members view upcoming tournaments and sign up for them.", "Registration", "Tournament"),
    ("Guests sign up for retreats.", "Registration", "Retreat"),
    ("Children sign up for summer camps.", "Registration", "Camp"),
    ("Los alumnos se apuntan a cursos de cocina.", "Enrollment", None),
    ("Volunteers sign up for shifts.", "Signup", "Shift"),
    ("A sign-up sheet for the workshops: members sign up for each workshop", "Signup", "Workshop"),
])
def test_a_sign_up_is_named_for_what_is_signed_up_for(prompt: str, record: str, thing: str | None) -> None:
    got = _entities(prompt)
    assert record in got and not ({"Signup", "Registration", "Enrollment"} - {record}) & set(got)
    if thing:
        assert thing in _links(prompt, record)


@pytest.mark.parametrize("prompt, thing", [
    ("Jobs and crews. Record any damage reported on a job.", "Job"),
    ("Users can browse tools, borrow them and report damaged tools.", "Tool"),
    ("Users browse the catalogue of tools, reserve a tool and report a broken tool with a description.", "Tool"),
    ("Keep a damage report log per boat with photos.", "Boat"),
    ("Rowing club. Coaches create outings (date, time, boat, crew lineup). Boats have a damage log anyone can add to.",
     "Boat"),
    ("Flying club: members, planes, bookings and defects reported on each plane", "Plane"),
])
def test_harm_reported_is_a_dated_report_of_the_thing(prompt: str, thing: str) -> None:
    got = _entities(prompt)
    report = next(n for n in got if n in {"DamageReport", "DefectReport"})
    assert {"reported_on", "description", "photo"} <= set(got[report])
    assert thing in _links(prompt, report)
    assert "Damage" not in got and "Defect" not in got


def test_damage_charges_are_no_report() -> None:
    got = _entities("An equipment hire depot: customers rent equipment. Staff record damage charges.")
    assert "DamageReport" not in got


def test_an_open_mic_night_is_a_data_app_with_comedians() -> None:
    prompt = ("We run an open mic comedy night every Tuesday. Comics sign up for a slot online, the host approves the "
              "lineup, and people in the audience can rate each set afterwards.")
    got = _entities(prompt)
    assert "name" in got["Comic"] and "issue_number" not in got["Comic"]
    assert "Audience" not in got and {"Comic", "Slot"} <= set(_links(prompt, "Signup"))


def test_an_app_that_listens_through_the_mic_is_still_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        understand("An app that listens through the mic and shows the noise level in decibels.")


def test_support_acts_at_a_show_do_not_make_a_help_desk() -> None:
    got = _entities("Ticketing for a comedy club. Shows have a headliner and support acts, a room and a date. "
                    "Customers buy tickets online.")
    assert "Reply" not in got and "priority" not in got["Ticket"] and "price" in got["Ticket"]


@pytest.mark.parametrize("prompt", [
    "Administrators should be able to add and edit products, manage stock and view incoming orders.",
    "Admins add and edit products, track deliveries and view orders.",
])
def test_a_verb_in_a_series_after_a_comma_is_no_field(prompt: str) -> None:
    got = _entities(prompt)
    assert not any(f.startswith(("manage", "track")) for f in got["Product"])


@pytest.mark.parametrize("prompt", [
    "A little game in the browser where the player explores a haunted house and collects keys.",
    "Tengo una carpeta con fotos de productos; quiero una herramienta que las renombre y las redimensione a 800 px.",
    "Let me upload a selfie and see what a pair of glasses would look like on me.",
    "A light show for our club night: animations that pulse to the beat of the music on the big screen.",
    "A tool to make party invitations: choose a template, drag your photos in and export a print-ready PDF.",
    "A screenplay editor that formats the character names and dialogue and exports them to PDF.",
])
def test_tools_that_keep_nothing_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        understand(prompt)


@pytest.mark.parametrize("prompt", [
    "A print shop: customers upload artwork for flyers, we keep their orders, proofs and invoices.",
    "Board game club: members log the games they play, who won and the scores.",
])
def test_data_apps_near_those_tools_are_built(prompt: str) -> None:
    assert understand(prompt).entities


@pytest.mark.parametrize("prompt", [
    "Need a system for routes, sailings, vessels and ticket sales.",
    "We need routes, sailings, vessels and ticket sales.",
    "Need a system for routes, sailings (timetable), vessels and their capacity (passengers + cars) and ticket sales.",
])
def test_everything_listed_as_what_the_app_is_for_is_kept(prompt: str) -> None:
    assert {"Route", "Sailing", "Vessel"} <= set(_entities(prompt))


@pytest.mark.parametrize("prompt", [
    "Gestión de un huerto comunitario: parcelas, socios, turnos de riego y préstamo de herramientas.",
    "Gestión de socios y préstamo de herramientas.",
    "Community garden: plots, members and loans of tools.",
])
def test_tools_lent_are_things_and_each_loan_is_dated(prompt: str) -> None:
    got = _entities(prompt)
    assert "Tool" in got and {"loan_date", "due_date"} <= set(got["Loan"])
    assert {"Tool", "Member"} <= set(_links(prompt, "Loan"))


def test_a_word_after_de_y_still_qualifies_the_thing() -> None:
    got = _entities("Fichajes de entrada y salida de los empleados.")
    assert "Salida" not in got and "Exit" not in got


def test_things_joined_by_pluses_are_a_list() -> None:
    got = _entities("community garden waitlist + plot assignments + yearly fees")
    assert {"WaitlistEntry", "Plot", "PlotAssignment", "Fee"} <= set(got)
    assert "Plot" in _links("community garden waitlist + plot assignments + yearly fees", "PlotAssignment")


def test_one_plus_still_joins_one_record() -> None:
    got = _entities("customer + bike (make, model), repairs")
    assert {"Customer", "Bike", "Repair"} <= set(got) and "Customer" in _links("customer + bike (make, model), repairs",
                                                                               "Bike")


@pytest.mark.parametrize("prompt, thing", [
    ("Track shift assignments for volunteers.", "Shift"),
    ("community garden waitlist + plot assignments + yearly fees", "Plot"),
])
def test_what_is_assigned_is_kept(prompt: str, thing: str) -> None:
    assert thing in _entities(prompt)


def test_homework_assignments_keep_no_homework_table() -> None:
    assert "Homework" not in _entities("Teachers set homework assignments and students submit them.")


@pytest.mark.parametrize("prompt", [
    "Amateur theatre group management: productions, cast, rehearsal schedule and ticket sales for the shows.",
    "Walking group app: walks, members and who is coming.",
    "My scout group needs a gear lending thing: tents, stoves etc., who borrowed what and when it's due back.",
])
def test_the_group_the_app_is_for_is_no_table(prompt: str) -> None:
    assert "Group" not in _entities(prompt)


def test_groups_people_join_are_still_kept() -> None:
    got = _entities("A support group platform where members post and comment.")
    assert "Group" in got


def test_a_sentence_that_is_a_list_of_things_keeps_them_all() -> None:
    prompt = "cheese shop inventory + orders. cheeses, suppliers, wheels in the cave with aging dates, orders by weight"
    got = _entities(prompt)
    assert {"Cheese", "Supplier", "Wheel", "Order"} <= set(got)
    assert "aging_date" in got["Wheel"]


def test_a_list_that_is_a_sentence_subject_is_not_kept() -> None:
    with pytest.raises(UnsupportedRequestError):
        understand("Previews, canvases, tuners, screen recorders, PDF tools and calculators are not data apps.")


@pytest.mark.parametrize("prompt, title", [
    ("Driving school management system", "Driving School"),
    ("Autoescuela", "Autoescuela"),
])
def test_a_driving_school_title_gives_lessons_in_cars(prompt: str, title: str) -> None:
    spec = understand(prompt)
    got = _entities(prompt)
    assert {"Instructor", "Student", "Vehicle", "Lesson"} <= set(got) and "Grade" not in got
    assert {"Student", "Instructor", "Vehicle"} <= set(_links(prompt, "Lesson"))
    assert spec.title == title


@pytest.mark.parametrize("prompt, title", [
    ("Dance school app", "Dance School"),
    ("Music school management", "Music School"),
    ("Language school management", "Language School"),
    ("Escuela de baile", "Escuela de baile"),
])
def test_a_school_that_teaches_an_activity_has_courses_not_grades(prompt: str, title: str) -> None:
    spec = understand(prompt)
    got = _entities(prompt)
    assert {"Teacher", "Student", "Course", "Enrollment"} <= set(got)
    assert not {"Grade", "Subject", "Album", "Song"} & set(got)
    assert spec.title == title


def test_a_primary_school_keeps_its_subjects_and_grades() -> None:
    assert {"Subject", "Grade"} <= set(_entities("Primary school management system"))


@pytest.mark.parametrize("prompt, expected", [
    ("Pharmacy management system", {"Medicine", "Supplier", "Prescription", "Sale", "SaleItem"}),
    ("Payroll system", {"Employee", "Payslip"}),
    ("Parking management system", {"ParkingLot", "ParkingSpace", "Vehicle", "ParkingSession"}),
    ("Church management software", {"Member", "Household", "Donation"}),
    ("Sports club management", {"Member", "Team", "Match", "MembershipFee"}),
    ("Car rental system", {"Car", "Customer", "Rental"}),
    ("Veterinary clinic management", {"Owner", "Pet"}),
    ("Yoga studio booking app", {"Instructor", "ClassSession", "Booking"}),
    ("Gym management system", {"Member", "Membership", "MembershipPlan", "CheckIn"}),
    ("Hospital management system", {"Doctor", "Patient", "Appointment"}),
])
def test_a_title_alone_gets_that_kind_of_apps_usual_records(prompt: str, expected: set[str]) -> None:
    assert expected <= set(_entities(prompt))


def test_a_gym_app_to_log_workouts_is_still_a_tracker() -> None:
    assert "Workout" in _entities("A gym app to log my workouts")


def test_a_list_naming_a_kind_of_club_keeps_every_thing() -> None:
    assert {"Waiver"} <= set(_entities("sports club membership renewals and waivers"))


@pytest.mark.parametrize("prompt, expected", [
    ("Student management system", {"Student", "Teacher", "Grade"}),
    ("Sistema de gestión de alumnos", {"Student", "Teacher", "Grade"}),
    ("Employee management system", {"Employee", "Department", "LeaveRequest"}),
    ("Project management tool", {"Project", "Task", "Milestone"}),
])
def test_a_title_naming_one_thing_gets_its_kinds_usual_records(prompt: str, expected: set[str]) -> None:
    assert expected <= set(_entities(prompt))


def test_a_title_brings_no_category_nobody_asked_for() -> None:
    assert "Category" not in _entities("Recipe app")


def test_a_request_saying_what_it_wants_gets_only_that() -> None:
    got = _entities("a habit tracker with streaks")
    assert "Habit" in got and "Checkin" not in got


def test_each_place_that_has_things_is_kept_and_bookings_are_of_the_inner_place() -> None:
    prompt = ("Escape room franchise with 3 locations. Each location has rooms with difficulty and theme. Staff are "
              "assigned to shifts per location. Track booking status: pending, paid, played, no-show.")
    got = _entities(prompt)
    assert "Location" in got and "Location" in _links(prompt, "Room") and "Location" in _links(prompt, "Shift")
    assert "Room" in _links(prompt, "Booking")


@pytest.mark.parametrize("prompt", [
    "A site where you play any song, it removes the vocals and shows synced lyrics for karaoke.",
    "Una pantalla para la tienda: el cliente pone un precio y le sale en su moneda con el cambio del día.",
    "Cada trimestre juntamos facturas. ¿Me haces una herramienta que junte varios PDFs en uno?",
    "Our guild wants a layout designer: a grid where you drag tiles, rotate them and export the result as a PNG.",
    "I need a small tool that takes an .srt file and shifts all the subtitles by a few seconds.",
])
def test_more_tools_that_keep_nothing_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        understand(prompt)


def test_a_shop_that_exports_its_orders_is_still_built() -> None:
    assert understand("An online shop with products, customers and orders; export the orders as CSV.").entities


@pytest.mark.parametrize("prompt, sold", [
    ("Users should be able to browse cheeses, save favourites, and order cheeses for delivery.", "Cheese"),
    ("Users can order cakes online.", "Cake"),
])
def test_what_users_order_is_an_order_with_lines(prompt: str, sold: str) -> None:
    got = _entities(prompt)
    assert {"Order", "OrderItem"} <= set(got) and sold in _links(prompt, "OrderItem")


@pytest.mark.parametrize("prompt", [
    "Customers order cakes for delivery.",
    "Una web donde los clientes hacen pedidos con entrega a domicilio o recogida en la tienda",
])
def test_how_an_order_is_fulfilled_is_no_table(prompt: str) -> None:
    got = _entities(prompt)
    assert not {"Delivery", "Address", "Pickup", "Domicilio"} & set(got)


def test_in_order_to_orders_nothing() -> None:
    assert "Order" not in _entities("Members log their runs in order to track their progress.")


@pytest.mark.parametrize("prompt, payer", [
    ("Members pay a yearly fee and book boats.", "Member"),
    ("Queremos llevar el registro de las socias y sus cuotas anuales.", "Member"),
    ("Toy library: families join with an annual fee and borrow toys.", "Family"),
])
def test_a_periodic_fee_is_each_members_for_a_period(prompt: str, payer: str) -> None:
    got = _entities(prompt)
    assert "Fee" not in got and {"period", "amount", "paid"} <= set(got["MembershipFee"])
    assert payer in _links(prompt, "MembershipFee")


def test_a_course_fee_stays_a_course_fee() -> None:
    assert "MembershipFee" not in _entities("Course fees and invoices for students")


def test_so_track_which_is_what_the_app_does() -> None:
    got = _entities("Tools need an induction before members can borrow them, so track which member has passed which "
                    "tool induction.")
    assert "Track" not in got and "Member" in got


@pytest.mark.parametrize("prompt", ["a kanban board", "a kanban board for my team", "tablero kanban"])
def test_a_kanban_board_title_gets_columns_and_cards(prompt: str) -> None:
    got = _entities(prompt)
    assert {"Board", "BoardColumn", "Card"} <= set(got) and "BoardColumn" in _links(prompt, "Card")


def test_photo_albums_are_no_music_albums() -> None:
    got = _entities("a photo sharing app with albums, likes and comments")
    assert "release_year" not in got["Album"] and "title" in got["Album"]


def test_a_music_app_listing_what_it_keeps_is_built() -> None:
    assert {"Artist", "Album", "Song"} <= set(_entities("a music app with artists, albums and songs"))


def test_fechas_limite_are_due_dates() -> None:
    got = _entities("una app de tareas con proyectos, etiquetas y fechas límite")
    assert "due_date" in got["Task"] and not any("limit" in f for f in got["Task"])
