"""Forty-fifth pass: availability of any professional, visits that are the appointments booked, race entries and
results, a wishlist that no longer crashes the reading, and reach (tools that keep nothing)."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import links, names


def _fields(spec, entity: str) -> set[str]:
    """The field names of one entity of a spec."""
    return {f.name for e in spec.entities if e.name == entity for f in e.fields}


@pytest.mark.parametrize("prompt, person", [
    ("Website for a podiatry practice: patients book appointments with a podiatrist of their choice. Podiatrists "
     "should be able to manage their weekly availability.", "Podiatrist"),
    ("Osteopathy clinic app. Clients book sessions with an osteopath; osteopaths set their availability each week.",
     "Osteopath"),
    ("Marshals for our fun run: marshals sign up, choose the checkpoints they like and give their availability for "
     "each day.", "Marshal"),
])
def test_availability_is_kept_for_whoever_sets_it(prompt: str, person: str) -> None:
    spec = infer_spec(prompt)
    assert ("Availability", person, "belongs_to") in links(spec), links(spec)


def test_availability_needs_someone_to_have_it() -> None:
    spec = infer_spec("A shop for garden furniture: customers browse benches and check their availability.")
    assert "Availability" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, booked", [
    ("Chiropody clinic site: patients book or cancel appointments with a chiropodist, and the chiropodist writes "
     "notes after every visit.", "Appointment"),
    ("Board game cafe: guests browse our shelf of games, reserve a table and keep games on a wishlist ahead of "
     "their next visit.", "Booking"),
])
def test_a_visit_is_the_appointment_or_reservation_booked(prompt: str, booked: str) -> None:
    spec = infer_spec(prompt)
    assert booked in names(spec) and "Visit" not in names(spec), names(spec)


def test_a_visit_with_details_of_its_own_is_kept() -> None:
    spec = infer_spec("Home care agency: clients book appointments for an assessment, and carers log visits "
                      "(mileage, tasks done, duration).")
    assert "Visit" in names(spec), names(spec)


def test_a_wishlist_beside_a_visit_does_not_break_the_reading() -> None:
    spec = infer_spec("A board game cafe website. People browse the games, book a table, and add games to their "
                      "wishlist for the next visit.")
    assert any(n.startswith("Wishlist") for n in names(spec)), names(spec)


@pytest.mark.parametrize("prompt, entrant, contest", [
    ("Fell running club site: runners enter a race online and pay the fee; after the race we post the results.",
     "Runner", "Race"),
    ("Website for our orienteering league: members view events and their courses and enter a course with their "
     "dibber number. Organisers publish results after each event.", "Member", "Course"),
])
def test_people_enter_a_race_and_each_entry_gets_a_result(prompt: str, entrant: str, contest: str) -> None:
    spec = infer_spec(prompt)
    got = links(spec)
    entry = next(n for n in ("Entry", "Registration") if n in names(spec))
    assert {(entry, entrant, "belongs_to"), (entry, contest, "belongs_to")} <= got, got
    assert ("Result", entry, "belongs_to") in got, got
    assert {"position", "finish_time", "status"} <= _fields(spec, "Result")


def test_a_number_people_enter_with_is_the_entry_s() -> None:
    spec = infer_spec("Orienteering club site: members enter a course at each event with their dibber number; "
                      "organisers upload results.")
    assert "dibber_number" in _fields(spec, "Entry"), [(e.name, [f.name for f in e.fields]) for e in spec.entities]


def test_spanish_race_entries_are_entries_not_enrolments() -> None:
    spec = infer_spec("Club de atletismo: organizamos carreras populares. Los atletas se inscriben en una carrera y "
                      "luego publicamos los resultados con los tiempos.")
    assert "Entry" in names(spec) and "Enrollment" not in names(spec), names(spec)
    assert ("Result", "Entry", "belongs_to") in links(spec), links(spec)
    assert "progress" not in _fields(spec, "Entry")


@pytest.mark.parametrize("prompt", [
    "Hockey club: squads, players, fixtures and their results.",
    "A five-a-side league app: teams, matches and results, with a table of standings.",
])
def test_results_of_matches_stay_on_the_matches(prompt: str) -> None:
    assert "Result" not in names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [
    "Make me a page where I drop in a FIT file from my bike computer and see the ride drawn on a map, coloured by "
    "heart rate. No accounts or saving needed.",
    "Guardamos los vídeos de los partidos en el disco. Necesito una herramienta que los comprima antes de subirlos "
    "a Drive.",
    "Una página donde los clientes extranjeros ven el precio de los menús con el tipo de cambio de hoy, sacado de "
    "alguna API de divisas.",
    "Page for foreign guests: they choose a currency and our room rates show in it, using today's exchange rates "
    "from an online API.",
    "A tool for quilters: type in the quilt size, the block size and how many blocks per row, and it shows which "
    "fabric goes in each square.",
])
def test_tools_that_keep_nothing_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt, kept", [
    ("Expense tracker for our travel club: members log expenses in any currency, we convert them with exchange "
     "rates from an API and show totals per month.", "Member"),
    ("Pub quiz helper that takes our list of questions (question, answer, round) and prints answer sheets for each "
     "team, and keeps quizzes from past nights so we can reuse questions.", "Question"),
])
def test_apps_that_keep_records_beside_a_tool_are_built(prompt: str, kept: str) -> None:
    assert kept in names(infer_spec(prompt))


def test_checking_out_a_cart_pays_for_the_order() -> None:
    spec = infer_spec("Please implement a website for a honey farm. Users should be able to browse jars by flower "
                      "and size, add the jars to their cart and check out; admins handle the orders.")
    assert ("Payment", "Order", "belongs_to") in links(spec), links(spec)


def test_guests_checking_out_of_rooms_pay_nothing_new() -> None:
    spec = infer_spec("Small hotel app: guests book rooms, check in and check out.")
    assert "Payment" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt", [
    "Website for a massage studio: clients sign up, complete a health questionnaire and then book treatments.",
    "Web para una consulta de fisioterapia: los pacientes rellenan un cuestionario de salud y reservan citas.",
])
def test_a_questionnaire_people_fill_in_is_one_record_of_theirs(prompt: str) -> None:
    spec = infer_spec(prompt)
    form = next(n for n in names(spec) if n.endswith("Questionnaire"))
    assert "Question" not in names(spec) and "Response" not in names(spec), names(spec)
    assert any(c == form and k == "belongs_to" for c, _, k in links(spec)), links(spec)
    assert "answers" in _fields(spec, form)


def test_a_survey_builder_keeps_its_questions() -> None:
    spec = infer_spec("A survey tool where staff create questionnaires from questions and clients fill in a "
                      "questionnaire after each visit.")
    assert "Question" in names(spec), names(spec)


@pytest.mark.parametrize("prompt, professional", [
    ("Patients book appointments with a chosen osteopath.", "Osteopath"),
    ("Dog owners book grooming sessions with a groomer.", "Groomer"),
    ("Los pacientes piden cita con una podóloga.", "Podiatrist"),
])
def test_the_professional_booked_with_is_kept(prompt: str, professional: str) -> None:
    spec = infer_spec(prompt)
    assert professional in names(spec), names(spec)
    assert any(p == professional for _, p, _ in links(spec)), links(spec)


@pytest.mark.parametrize("prompt, person", [
    ("Community tool library: volunteers sign up for repair shifts and we pair each broken item with a volunteer "
     "who has the right skills.", "Volunteer"),
    ("Banco de tiempo del barrio: los voluntarios ofrecen ayuda y queremos saber qué voluntarios saben de qué.",
     "Volunteer"),
    ("Tutoring agency: tutors list their skills and parents search tutors by subject.", "Tutor"),
])
def test_people_have_many_skills(prompt: str, person: str) -> None:
    spec = infer_spec(prompt)
    assert (person, "Skill", "many_to_many") in links(spec), links(spec)


def test_a_skill_level_is_a_field() -> None:
    spec = infer_spec("Climbing gym: members with a skill level (beginner, intermediate, advanced) and their visits.")
    assert "Skill" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt", [
    "Could you make us a chess clock for the club? Two timers, one per player, plus a five second increment per move.",
    "We'd like a digital version of our family card game for the kids' tablets: it's a trick-taking game for 3-5 "
    "players, and whoever takes most tricks wins.",
    "Our film society gets subtitles with bad timing. I need a tool that opens an .srt file, plays the film beside "
    "it, moves all lines by some seconds and saves it back out.",
    "I log bat detector recordings for our survey group. Would love an app where I load a wav recording and it "
    "shows the spectrogram so I can zoom in.",
    "Quiero algo que convierta las rutas .fit del reloj a .gpx de golpe, para subirlas a otra web.",
])
def test_clocks_games_and_file_tools_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


def test_a_chess_club_with_a_tool_beside_its_records_is_built() -> None:
    spec = infer_spec("Chess club app: members, rated games between members, and a ladder; we also need a tool to "
                      "track who paid their subs.")
    assert "Member" in names(spec), names(spec)


def test_editing_and_saving_back_is_no_favourite() -> None:
    spec = infer_spec("A recipe app: cooks write recipes, edit them and save them back.")
    assert "Favourite" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, thing", [
    ("Recipe keeper where cooks can put tags or labels on recipes to find them later.", "Recipe"),
    ("Reading list app: people save articles and add labels to articles.", "Article"),
])
def test_tags_or_labels_are_one_tag_table(prompt: str, thing: str) -> None:
    spec = infer_spec(prompt)
    assert "Label" not in names(spec), names(spec)
    assert (thing, "Tag", "many_to_many") in links(spec) or ("Tag", thing, "many_to_many") in links(spec), links(spec)


def test_shipping_labels_are_not_tags() -> None:
    spec = infer_spec("Warehouse app: orders, parcels, and we print shipping labels for each parcel.")
    assert "Tag" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, thing, person", [
    ("Scout hut: we keep the group's radios, and leaders sign radios out and back in with a return date.", "Radio",
     "Leader"),
    ("Makerspace: members sign out drills from the tool wall, and we want to see who has each one.", "Drill",
     "Member"),
])
def test_signing_things_out_is_a_loan(prompt: str, thing: str, person: str) -> None:
    spec = infer_spec(prompt)
    loan = f"{thing}Loan"
    assert {(loan, thing, "belongs_to"), (loan, person, "belongs_to")} <= links(spec), links(spec)


def test_a_sign_out_log_is_the_loans() -> None:
    spec = infer_spec("Woodwork club: members, courses, and a tool sign-out log: who took which saw and when it came "
                      "back.")
    assert "SignOut" not in names(spec), names(spec)
    assert ("ToolLoan", "Tool", "belongs_to") in links(spec), links(spec)


def test_people_signing_in_and_out_borrow_nothing() -> None:
    spec = infer_spec("Volunteers sign in and out of each shift at the food bank.")
    assert not any(n.endswith("Loan") for n in names(spec)), names(spec)


@pytest.mark.parametrize("prompt, event, animal, detail", [
    ("Goat dairy: goats with name and breed; we record every milking (litres, time of day, cell count).", "Milking",
     "Goat", "litres"),
    ("Reptile house: reptiles (name, species, enclosure). Keepers log each feeding (prey item, weight, accepted or "
     "not) and weight checks.", "Feeding", "Reptile", "prey_item"),
])
def test_logged_events_are_dated_records_of_the_animal(prompt: str, event: str, animal: str, detail: str) -> None:
    spec = infer_spec(prompt)
    assert (event, animal, "belongs_to") in links(spec), links(spec)
    assert {"logged_at", detail} <= _fields(spec, event)


def test_weight_checks_logged_beside_feedings_are_kept() -> None:
    spec = infer_spec("Reptile house: reptiles (name, species, enclosure). Keepers log each feeding (prey item, "
                      "weight, accepted or not) and weight checks.")
    assert ("WeightCheck", "Reptile", "belongs_to") in links(spec), links(spec)


def test_logging_working_hours_is_no_event() -> None:
    spec = infer_spec("Time tracker: employees log their working hours and managers approve timesheets.")
    assert "Working" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, person, thing", [
    ("Refugio de animales: perros y gatos en adopción. Los voluntarios tienen turnos.", "Volunteer", "Shift"),
    ("Protectora de aves: aves ingresadas y sus tratamientos. Los cuidadores tienen turnos de noche.", "Caregiver",
     "Shift"),
])
def test_spanish_people_who_have_things_keep_them(prompt: str, person: str, thing: str) -> None:
    spec = infer_spec(prompt)
    assert (thing, person, "belongs_to") in links(spec), links(spec)


def test_spanish_have_to_is_not_having() -> None:
    spec = infer_spec("Club de remo: socios y barcos. Los socios tienen que pagar la cuota cada mes.")
    assert "Member" in names(spec), names(spec)


@pytest.mark.parametrize("prompt, person, table", [
    ("Website for a podiatry practice: visitors read about the podiatrists and their specialities and book "
     "appointments.", "Podiatrist", "Speciality"),
    ("Clínica dental: los dentistas y sus especialidades, pacientes y citas.", "Dentist", "Specialty"),
])
def test_professionals_have_many_specialities(prompt: str, person: str, table: str) -> None:
    spec = infer_spec(prompt)
    assert (person, table, "many_to_many") in links(spec), links(spec)
    assert "specialty" not in _fields(spec, person)


def test_a_speech_therapy_clinic_asks_for_no_speech_input() -> None:
    spec = infer_spec("Speech therapy practice: children, their parents, therapists and weekly sessions.")
    assert not any("speech" in x for x in spec.not_built), spec.not_built


@pytest.mark.parametrize("prompt, record, person", [
    ("Club de esquí: socios y préstamo de material (esquís, botas, bastones) con fecha de devolución.", "Loan",
     "Member"),
    ("Escuela de surf: alumnos y alquiler de equipo (tablas, neoprenos) por días.", "Rental", "Student"),
])
def test_spanish_gear_lent_or_hired_is_equipment(prompt: str, record: str, person: str) -> None:
    spec = infer_spec(prompt)
    assert "Team" not in names(spec), names(spec)
    assert {(record, "Equipment", "belongs_to"), (record, person, "belongs_to")} <= links(spec), links(spec)
    assert "material" not in _fields(spec, record)


def test_applications_approved_or_rejected_are_records_of_the_applicant() -> None:
    spec = infer_spec("Residency programme: artists apply with a portfolio and a statement; the curator accepts or "
                      "rejects each application.")
    assert ("Application", "Artist", "belongs_to") in links(spec), links(spec)
    assert "status" not in _fields(spec, "Artist")


def test_a_software_application_is_no_application_record() -> None:
    spec = infer_spec("TaskMaster is a software application for small teams to plan tasks, and managers "
                      "review progress.")
    assert "Application" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, signer", [
    ("Go-kart track: customers book races for several drivers, and every driver needs a signed waiver.", "Driver"),
    ("Bouldering wall: climbers register and sign the liability waiver online before they climb.", "Climber"),
])
def test_a_signed_waiver_is_a_record_of_who_signed(prompt: str, signer: str) -> None:
    spec = infer_spec(prompt)
    assert ("Waiver", signer, "belongs_to") in links(spec), links(spec)
    assert {"signed_at", "signed_by", "guardian_name"} <= _fields(spec, "Waiver")


def test_one_off_orders_beside_standing_orders_are_orders() -> None:
    spec = infer_spec("Bakery wholesale app: customers, standing orders (say 10 sourdough loaves each Monday), one-off "
                      "orders on top, and invoices at month end.")
    assert {("Order", "Customer", "belongs_to"), ("Order", "StandingOrder", "belongs_to")} <= links(spec), links(spec)
    order = next(e for e in spec.entities if e.name == "Order")
    assert not next(x for x in order.relations if x.target == "StandingOrder").required  # a one-off has none
