"""Understanding (issue 9), thirty-fifth pass: people signed up by someone else for a thing ('parents register their
kids for camp weeks'), and dated occasions named by a time word ('camp weeks', 'a market day')."""

from __future__ import annotations

import pytest

from tests.engine.spec_helpers import prompt_field as _field
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, record, person, thing, parent", [
    ("Parents register their kids for camp weeks.", "Registration", "Child", "CampWeek", "Parent"),
    ("Parents enrol children in camp sessions and pay a deposit.", "Enrollment", "Child", "CampSession", "Parent"),
    ("Los padres inscriben a sus hijos en los campus.", "Enrollment", "Child", "Campus", "Parent"),
])
def test_people_signed_up_by_someone_else_join_the_thing(prompt: str, record: str, person: str, thing: str,
                                                         parent: str) -> None:
    got = _entities(prompt)
    assert {record, person, thing, parent} <= set(got)
    assert set(_links(prompt, record)) == {person, thing}  # the record joins the kid and the week, not the parent
    assert parent in _links(prompt, person) and thing not in _links(prompt, person)


def test_registering_a_thing_is_still_recording_it() -> None:
    got = _entities("Owners register their pets and book grooming appointments.")
    assert "Registration" not in got and "Pet" in got


@pytest.mark.parametrize("prompt, occasion", [
    ("Parents register their kids for camp weeks.", "CampWeek"),
    ("Farmers market: vendors book stalls for each market day; shoppers see who is selling what.", "MarketDay"),
])
def test_an_occasion_named_by_a_time_word_is_kept(prompt: str, occasion: str) -> None:
    assert occasion in _entities(prompt)


def test_a_bare_time_word_is_still_no_table() -> None:
    got = _entities("Staff log their hours each week and managers approve the timesheets.")
    assert not {"Week", "Hour"} & set(got)


@pytest.mark.parametrize("prompt, lesson, host", [
    ("Members book group lessons (max 6 riders) with an instructor.", "Lesson", "Instructor"),
    ("Members of our club book a spot on a lesson with a coach.", "Lesson", "Coach"),
])
def test_a_group_lesson_many_book_is_booked_through_a_booking(prompt: str, lesson: str, host: str) -> None:
    got = _entities(prompt)
    assert {"Booking", lesson, host} <= set(got)
    assert lesson in _links(prompt, "Booking") and host not in _links(prompt, "Booking")
    assert host in _links(prompt, lesson)  # the lesson is taught by one instructor; the members book places on it


def test_a_lesson_booked_alone_is_still_the_booking() -> None:
    got = _entities("Members book lessons with an instructor.")
    assert "Booking" not in got and {"Member", "Instructor"} <= set(_links(
        "Members book lessons with an instructor.", "Lesson"))


@pytest.mark.parametrize("prompt", [
    "Cada niño tiene sus datos (nombre, fecha de nacimiento, alergias) y uno o dos tutores con teléfono.",
    "Each child has their details (name, date of birth, allergies) and one or two guardians.",
])
def test_their_details_in_brackets_are_the_owners_not_a_table(prompt: str) -> None:
    got = _entities(prompt)
    assert {"Child", "Guardian"} <= set(got) and not {"Dato", "Detail", "Student"} & set(got)


def test_a_childs_tutores_are_guardians_but_a_tutoring_academys_are_tutors() -> None:
    assert "Guardian" in _entities("En la escuela infantil cada niño tiene uno o dos tutores con teléfono y email.")
    got = _entities("Academia de clases particulares: los alumnos reservan sesiones con sus tutores.")
    assert "Tutor" in got and "Guardian" not in got


@pytest.mark.parametrize("prompt, kept", [
    ("Food bank inventory & distribution. Donations come in from donors; registered households collect one parcel "
     "a week.", "Household"),
    ("Food bank volunteers sign up for shifts.", "Volunteer"),
])
def test_a_food_bank_is_the_organisation_not_a_table_of_banks(prompt: str, kept: str) -> None:
    got = _entities(prompt)
    assert kept in got and "Bank" not in got


def test_an_english_plural_said_in_spanish_has_its_english_singular() -> None:
    got = _entities("Pupilaje de caballos:\n- Caballos [nombre, raza, edad]\n- Boxes [número, tamaño]")
    assert "Box" in got and "Boxe" not in got


@pytest.mark.parametrize("prompt, record, states", [
    ("We weigh the bag and give the customer a ticket. The order goes received -> washing -> drying -> ready -> "
     "collected.", "Order", ["received", "washing", "drying", "ready", "collected"]),
    ("Each job goes quoted -> booked -> done -> invoiced.", "Job", ["quoted", "booked", "done", "invoiced"]),
    ("Applicant tracking system. Jobs have candidates applying; each application moves Applied -> Phone screen -> "
     "Interview -> Offer -> Hired. Interviewers fill in a scorecard after each interview.", "Application",
     ["applied", "phone_screen", "interview", "offer", "hired"]),
])
def test_a_thing_that_goes_through_arrowed_states_has_them(prompt: str, record: str, states: list[str]) -> None:
    assert _field(prompt, record, "status").choices == states


def test_an_order_only_named_by_its_flow_is_kept_and_is_the_customers() -> None:
    prompt = "We weigh the bag and give the customer a ticket. The order goes received -> washing -> ready."
    assert "Customer" in _links(prompt, "Order")


@pytest.mark.parametrize("prompt, who", [
    ("Members check in at the front desk and we show today's check-ins.", "Member"),
    ("Climbing gym: climbers check in with their membership card.", "Climber"),
])
def test_people_who_check_in_leave_a_dated_check_in(prompt: str, who: str) -> None:
    assert "CheckIn" in _entities(prompt) and who in _links(prompt, "CheckIn")


@pytest.mark.parametrize("prompt", [
    "Hostel: guests check in and check out; we track beds.",
    "Bike repair shop: customers check in bikes, mechanics log repairs and parts.",
])
def test_a_stay_or_a_thing_handed_over_is_no_check_in_record(prompt: str) -> None:
    assert "CheckIn" not in _entities(prompt)


def test_one_person_assigned_to_each_job_is_the_jobs() -> None:
    prompt = "Plumbing job tracker: customers, jobs and plumbers. Assign a plumber to each job."
    assert "Plumber" in _links(prompt, "Job") and "Job" not in _links(prompt, "Plumber")


def test_people_assigned_to_each_shift_are_still_a_join() -> None:
    assert set(_links("Assign volunteers to each shift.", "ShiftAssignment")) == {"Shift", "Volunteer"}


def test_a_listed_rental_with_no_links_joins_the_one_thing_and_the_one_kind_of_people() -> None:
    prompt = ("Ski rental shop\n- equipment (type, brand, size)\n- customers (name, phone, boot size)\n"
              "- rentals with start/end date and deposit")
    assert set(_links(prompt, "Rental")) == {"Equipment", "Customer"}


DENTAL = ("Dental lab orders. Entities: Practice (name, address), Dentist (belongs to practice), LabOrder (patient "
          "initials, tooth numbers, shade, material, due date, status), Attachment (scans/photos). Dentists submit "
          "orders, lab staff update the status, both sides can message on an order.")


def test_the_short_word_for_a_listed_compound_is_the_same_table() -> None:
    got = _entities(DENTAL)
    assert {"LabOrder", "Attachment", "Message"} <= set(got) and not {"Order", "OrderItem", "Customer"} & set(got)
    assert "Dentist" in _links(DENTAL, "LabOrder") and "LabOrder" in _links(DENTAL, "Message")


@pytest.mark.parametrize("prompt", [DENTAL, "Entities: Job (title, status), Attachment (scans/photos)."])
def test_a_listed_file_table_stays_a_table(prompt: str) -> None:
    got = _entities(prompt)
    assert "Attachment" in got and _links(prompt, "Attachment")  # a file of something the app keeps
    assert not any(f.startswith("attachment") for name, fields in got.items() if name != "Attachment" for f in fields)


def test_sessions_said_short_after_course_sessions_are_the_course_sessions() -> None:
    got = _entities("A welding training provider: a course catalog, course sessions with dates and instructors, "
                    "and students who enroll in sessions.")
    assert "CourseSession" in got and "Session" not in got


@pytest.mark.parametrize("prompt, who", [
    ("kindergarten attendance: kids, check in / check out times, who dropped off & who picked up, allergies",
     "Child"),
    ("Attendance app for our choir: members and rehearsals.", "Member"),
    ("Dog daycare: owners, their dogs with breed and care notes, and daily attendance", "Dog"),
])
def test_attendance_is_someones(prompt: str, who: str) -> None:
    assert who in _links(prompt, "Attendance")


def test_attendance_with_times_in_and_out_keeps_them() -> None:
    got = _entities("kindergarten attendance: kids, check in / check out times, who dropped off & who picked up")
    assert {"checked_in_at", "checked_out_at"} <= set(got["Attendance"])


@pytest.mark.parametrize("prompt, gone", [
    ("Everything lives in spreadsheets. We need members and concerts.", "Spreadsheet"),
    ("Ahora lo llevamos en excel: socios y cuotas.", "Excel"),
])
def test_the_tool_used_today_is_no_table(prompt: str, gone: str) -> None:
    got = _entities(prompt)
    assert gone not in got and "Member" in got


def test_an_approval_a_thing_needs_is_its_workflow_not_a_table() -> None:
    prompt = ("Ticket sales for a 3-day festival: ticket types (day pass, weekend, VIP) with limited quantities, "
              "orders, QR codes scanned at the gate, and refunds need a manager's approval.")
    got = _entities(prompt)
    assert "Approval" not in got and "approved" in _field(prompt, "Refund", "status").choices


def test_stock_in_each_van_keeps_the_vans_and_what_each_carries() -> None:
    prompt = "Plumber management with their certifications and expiry reminders, plus stock in each van."
    got = _entities(prompt)
    assert {"Van", "VanStock"} <= set(got) and "Van" in _links(prompt, "VanStock")
    assert "quantity" in got["VanStock"]


CHOIR_ES = ("Gestión del coro: coristas con su cuerda (soprano, contralto, tenor, bajo), ensayos y asistencia a cada "
            "ensayo, partituras en PDF que se puedan subir, y las giras, donde los coristas se apuntan y pagan el "
            "viaje en cuotas.")


def test_a_choirs_cuerdas_are_voice_parts_and_its_tours_are_signed_up_for() -> None:
    got = _entities(CHOIR_ES)
    assert {"Singer", "VoicePart", "Rehearsal", "Attendance", "Tour", "Signup"} <= set(got)
    assert set(_links(CHOIR_ES, "Signup")) == {"Singer", "Tour"}


@pytest.mark.parametrize("prompt", [
    "Users should be able to pick a free time slot, and book, reschedule or cancel an appointment.",
    "Members can view, edit or cancel a booking.",
])
def test_actions_listed_before_one_object_are_verbs_not_tables(prompt: str) -> None:
    assert not {"Book", "Reschedule", "View", "Edit"} & set(_entities(prompt))


@pytest.mark.parametrize("prompt, kept", [
    ("Visitors can read obituaries.", "Obituary"),
    ("Members watch the recorded talks and rate them.", "Talk"),
])
def test_what_people_read_or_watch_on_the_site_is_kept(prompt: str, kept: str) -> None:
    assert kept in _entities(prompt)


@pytest.mark.parametrize("prompt, gone", [
    ("An organiser should be able to schedule meetings and close a vote.", "Close"),
    ("a notes app where I write notes with tags and pin the important ones", "Pin"),
])
def test_a_second_verb_with_its_own_article_is_a_verb(prompt: str, gone: str) -> None:
    assert gone not in _entities(prompt)


def test_items_added_to_a_cart_are_the_products() -> None:
    got = _entities("Users should be able to browse products by category, add items to a cart, and place the order.")
    assert "Item" not in got and {"Product", "Order"} <= set(got)


def test_it_after_each_thing_of_its_sentence_is_that_thing() -> None:
    prompt = ("Speakers submit talk proposals, which the organisers accept or reject. After each talk, attendees "
              "should be able to rate it.")
    assert "Talk" in _links(prompt, "Rating") and "Proposal" not in _links(prompt, "Rating")
