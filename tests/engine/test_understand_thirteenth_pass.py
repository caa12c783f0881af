"""Understanding (issue 9), thirteenth pass: 'who did which' clauses become join records, and goals scored in a
league are match events."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(("prompt", "record", "joined"), [
    ("I coach a netball squad: players, practices and who came to each practice", "Attendance",
     {"Player", "Practice"}),
    ("coro: cantantes, ensayos y quién viene a cada ensayo", "Attendance", {"Singer", "Rehearsal"}),
    ("Allotment app: plots, tenants and who rents which plot", "Rental", {"Tenant", "Plot"}),
    ("Courier firm: vans, drivers, and which van each driver takes each day", "VanAssignment", {"Van", "Driver"}),
    ("los turnos del comedor, los voluntarios y quién se apunta a cada turno", "Signup", {"Volunteer", "Shift"}),
])
def test_who_did_which_is_a_join_record(prompt, record, joined):
    """'who came to each practice': one record per person and practice, linked to both."""
    spec = infer_spec(prompt)
    assert record in names(spec), names(spec)
    assert joined <= parents(spec, record), parents(spec, record)


def test_which_thing_a_person_borrowed_is_kept_even_unlisted():
    """'who borrowed which shared tool': the tools are records too, and each loan joins a member and a tool."""
    spec = infer_spec("Community allotments: who rents which plot each season, and who borrowed which shared tool.")
    loan = next(n for n in names(spec) if n.endswith("Loan"))
    assert {"Tool", "Plot"} <= names(spec)
    assert "Tool" in parents(spec, loan)
    assert "name" not in [f.name for f in spec.entity(loan).fields]  # a record about others needs no label


def test_which_things_went_with_which_is_many_to_many():
    """'which dogs went on which walk': dogs and walks, many to many."""
    spec = infer_spec("my dog walking round: clients, dogs, walks (which dogs went on which walk)")
    kinds = {(e.name, r.target, r.kind) for e in spec.entities for r in e.relations}
    assert ("Dog", "Walk", "many_to_many") in kinds or ("Walk", "Dog", "many_to_many") in kinds, kinds


@pytest.mark.parametrize("prompt", [
    "Sunday league: teams, fixtures, players and goals scored",
    "Five-a-side league with teams, players, matches and the goals scored by each player",
    "Liga de futbol sala: equipos, jugadores, partidos y los goles de cada jugador",
])
def test_goals_in_a_league_are_match_events(prompt):
    """A league's goals are scored in a match by a player: no title, no target date, and no star rating."""
    spec = infer_spec(prompt)
    goal = spec.entity("Goal")
    assert [f.name for f in goal.fields] == ["minute"]
    assert "Player" in parents(spec, "Goal")
    assert "Rating" not in names(spec)


def test_personal_goals_stay_targets():
    """'workouts, exercises and goals' in a fitness app are targets with a date."""
    spec = infer_spec("A fitness app: workouts, exercises and goals")
    assert "target_date" in [f.name for f in spec.entity("Goal").fields]


def test_scoring_recipes_is_still_a_rating():
    """'users score recipes out of ten' rates the recipes."""
    assert "Rating" in names(infer_spec("A recipe site where users score recipes out of ten"))


@pytest.mark.parametrize("prompt", ["Medication tracker: medicines, doses taken and reminders",
                                    "keep my medicines and when to take them"])
def test_medicines_are_medications(prompt):
    """'medicines' and a 'medication tracker' are one entity with a medication's fields (dosage, frequency)."""
    spec = infer_spec(prompt)
    meds = [e for e in spec.entities if e.name in {"Medicine", "Medication"}]
    assert len(meds) == 1
    assert "dosage" in [f.name for f in meds[0].fields]


@pytest.mark.parametrize(("prompt", "job", "part"), [
    ("Plumbing jobs: customers, jobs, which plumber is assigned to each job, and the parts used", "Job", "Part"),
    ("taller de bicis: órdenes de trabajo, clientes y las piezas usadas", "WorkOrder", "Part"),
    ("Taller: clientes, órdenes de servicio y las refacciones que se usan en cada una", "ServiceOrder", "Part"),
])
def test_parts_used_are_lines_of_the_job(prompt, job, part):
    """'the parts used': how many of each part a job used, a line joining the two (JobPart with a quantity)."""
    spec = infer_spec(prompt)
    line = f"{job}{part}"
    assert line in names(spec), names(spec)
    assert parents(spec, line) == {job, part}
    assert [f.name for f in spec.entity(line).fields] == ["quantity"]
    assert not parents(spec, part), parents(spec, part)  # a part belongs to no job or plumber


def test_which_person_is_assigned_to_each_thing_is_a_link():
    """'which plumber is assigned to each job' with nothing changing by the day: each job has its plumber."""
    spec = infer_spec("Plumbing jobs: customers, jobs, and which plumber is assigned to each job")
    assert "Plumber" in parents(spec, "Job")
    assert not any(n.endswith("Assignment") for n in names(spec))


def test_who_has_which_locker():
    """'who has which locker': each locker is someone's."""
    spec = infer_spec("Gym lockers: members, lockers and who has which locker")
    assert "Member" in parents(spec, "Locker")


def test_spanish_estatus_is_a_field_word():
    """Mexican 'estatus' is the status of something, not an entity 'Estatu'."""
    spec = infer_spec("Taller: carros de los clientes, órdenes de servicio y el estatus de cada reparación")
    assert not any(n.startswith("Estat") for n in names(spec)), names(spec)


def test_films_keep_their_word_and_a_showtime_still_links_to_them():
    """'films' is a Film (the prompt's word) with a movie's fields; a showtime is of a film."""
    spec = infer_spec("A cinema site: films, showtimes and ticket bookings")
    assert "Film" in names(spec) and "Movie" not in names(spec)
    assert "director" in [f.name for f in spec.entity("Film").fields]
    assert "Film" in parents(spec, "Showtime")


def test_members_suggesting_things_is_a_record_not_ai():
    """'members suggest films': each suggestion is a member's, of a film; nothing asks for AI recommendations."""
    spec = infer_spec("Film club where members suggest films and rate the ones we watched.")
    assert {"Member", "Film"} <= parents(spec, "Suggestion")
    assert "name" not in [f.name for f in spec.entity("Suggestion").fields]
    assert not spec.not_built


def test_the_app_suggesting_things_is_not_a_suggestion_record():
    """'the app suggests routes' is a recommendation the offline engine does not build, not a table."""
    spec = infer_spec("A trip planner where travellers save routes and destinations, and the app suggests routes.")
    assert "Suggestion" not in names(spec)


@pytest.mark.parametrize(("prompt", "kept"), [
    ("Chore chart for the family: assign chores to the kids each week", {"Chore", "Child"}),
    ("Each wedding has a guest list and a budget; I plan weddings for my clients", {"Wedding"}),
])
def test_charts_and_each_thing_that_has_records(prompt, kept):
    """'a chore chart' keeps chores; 'each wedding has a guest list' makes weddings records."""
    assert kept <= names(infer_spec(prompt))


def test_chart_kinds_are_not_entities():
    """'bar charts, scatter plots and pie charts' are ways to show data, not records."""
    spec = infer_spec("A data visualizer where users import data sets and draw bar charts, scatter plots and pie "
                      "charts.")
    assert not names(spec) & {"Pie", "Bar", "Plot", "Chart"}, names(spec)


def test_time_slots_keep_their_name():
    """'allocate time slots for each task': the prompt's TimeSlot, a task's planned time."""
    spec = infer_spec("A task planner where users add tasks, set priorities and allocate time slots for each task.")
    assert "Task" in parents(spec, "TimeSlot")


@pytest.mark.parametrize(("prompt", "junk"), [
    ("Fisioterapia: pacientes, citas y las notas que el fisio escribe después de cada sesión", "Despue"),
    ("Club de lectura: los libros, las reuniones, y que cada socio puntúe el libro y deje comentarios", "Deje"),
    ("Gastos del piso: quién pagó qué, dividirlo entre los compañeros y saber cuánto debe cada uno", "Saber"),
    ("un gimnasio donde los socios consultan sus cuotas pagadas y pendientes", "Pendiente"),
])
def test_spanish_adverbs_verbs_and_adjectives_are_not_entities(prompt, junk):
    """'después', 'deje', 'saber' and 'pendientes' are an adverb, verbs and an adjective, not things to store."""
    assert junk not in names(infer_spec(prompt))


def test_leaving_comments_in_spanish_is_the_comments_feature():
    """'que cada socio deje comentarios': members comment on the book."""
    spec = infer_spec("Club de lectura: los libros y que cada socio puntúe el libro y deje comentarios")
    assert "Comment" in names(spec)


@pytest.mark.parametrize(("prompt", "kept", "junk"), [
    ("Bike repair shop: customers drop off bikes, we open a repair ticket and text the customer when it's ready",
     {"Bike", "Customer"}, {"Drop", "Text"}),
    ("Cleaning company: jobs and cleaners, and cleaners tick off tasks on each job", {"Task", "Job"}, {"Tick"}),
])
def test_phrasal_and_contact_verbs_are_verbs(prompt, kept, junk):
    """'drop off', 'tick off' and 'text the customer' are things people do, not records."""
    got = names(infer_spec(prompt))
    assert kept <= got and not got & junk, got


def test_theatre_tickets_are_for_performances_not_support_tickets():
    """An event ticketing site: shows, performances and seats, and a ticket is an event ticket (no priority)."""
    spec = infer_spec("An event ticketing website for a local theatre where visitors can see upcoming shows, choose "
                      "seats for a performance and buy tickets.")
    assert {"Show", "Performance", "Seat", "Ticket"} <= names(spec), names(spec)
    assert "priority" not in [f.name for f in spec.entity("Ticket").fields]


def test_support_tickets_keep_the_help_desk_sense():
    """'support tickets' at a help desk have a priority and replies."""
    spec = infer_spec("A help desk where customers open support tickets and agents reply")
    assert "priority" in [f.name for f in spec.entity("Ticket").fields]


def test_vacancies_keep_their_word_with_a_job_boards_fields():
    """'businesses post vacancies ... apply for jobs': one Vacancy, with a job posting's fields."""
    spec = infer_spec("A job board where local businesses post vacancies and job seekers apply for jobs")
    assert "Vacancy" in names(spec) and "Job" not in names(spec), names(spec)
    assert "salary" in [f.name for f in spec.entity("Vacancy").fields]


@pytest.mark.parametrize(("prompt", "kept", "not_made"), [
    ("Allotment society: plots, tenants and inspection notes when a plot is neglected", "Inspection",
     "InspectionNote"),
    ("Vet practice: owners, pets and visit notes with lab results", "Visit", "VisitNote"),
])
def test_notes_of_an_event_are_the_event(prompt, kept, not_made):
    """'inspection notes' are written at an inspection: the Inspection is the record, its notes a field."""
    got = names(infer_spec(prompt))
    assert kept in got and not_made not in got, got


def test_class_passes_are_a_thing():
    """'buy class passes' keeps ClassPass, named as said."""
    assert "ClassPass" in names(infer_spec("A yoga studio site where members book classes and buy class passes"))


def test_watching_live_streams_is_declined():
    """Watching live streams of concerts is a streaming service, not a data app."""
    with pytest.raises(UnsupportedRequestError):
        infer_spec("A program that lets people watch live streams of their favourite concerts at home.")


def test_matching_people_to_people_is_a_pairing():
    """'match tutors to students by subject': students and subjects are kept, and each pairing joins a tutor and a
    student."""
    spec = infer_spec("Tutoring agency: match tutors to students by subject, schedule sessions, and let parents "
                      "rate the tutor after each session.")
    assert {"Tutor", "Student", "Subject", "Session"} <= names(spec), names(spec)
    assert {"Tutor", "Student"} <= parents(spec, "Pairing")


def test_a_match_is_still_a_noun():
    """'the results of each match' and 'matches' in a league stay games, never the verb."""
    spec = infer_spec("A five-a-side league with teams, players and matches; match results are entered by captains")
    assert "Match" in names(spec) and "Pairing" not in names(spec)


@pytest.mark.parametrize("prompt", [
    "Food bank: log donations coming in, stock by item and expiry date, and food parcels given to households.",
    "A church site where we record donations and print a yearly receipt",
])
def test_donations_have_donors(prompt):
    """A donation is given by someone: the donor is kept, and the donation has a date and an amount."""
    spec = infer_spec(prompt)
    assert "Donor" in parents(spec, "Donation")
    assert {"donation_date", "amount"} <= {f.name for f in spec.entity("Donation").fields}


@pytest.mark.parametrize(("prompt", "roles"), [
    ("Please implement a website for a community theatre where visitors can browse upcoming shows and buy "
     "tickets, while staff manage shows and performance dates.", {"visitor", "staff"}),
    ("Please implement a job board where local businesses post vacancies and job seekers apply for them.",
     {"business", "job_seeker"}),
])
def test_two_kinds_of_people_acting_on_a_site_sign_in_as_users_with_roles(prompt, roles):
    """Visitors and staff both act on the site: each signs in as a User with a role."""
    spec = infer_spec(prompt)
    role = next(f for f in spec.entity("User").fields if f.name == "account_type")
    assert roles <= set(role.choices), role.choices


def test_one_kind_of_people_needs_no_role_accounts():
    """Only customers act: no User table beside them."""
    spec = infer_spec("Please implement a website for a plant nursery where customers browse plants, add them to a "
                      "cart and place orders.")
    assert "User" not in names(spec)


def test_for_each_thing_i_need():
    """'For each wedding I need the guest list ...': weddings are records, the guests belong to them."""
    spec = infer_spec("I'm a wedding planner. For each wedding I need the guest list with meal choices and the "
                      "vendors we've hired.")
    assert {"Wedding", "Guest", "Vendor"} <= names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "record", "joined"), [
    ("Makerspace members need to book the laser cutter and 3D printers, and only people who've done the induction "
     "for a machine can book it.", "Induction", {"Member", "Machine"}),
    ("A course platform: students, courses, and who has completed which course", "CourseCompletion",
     {"Student", "Course"}),
])
def test_who_has_done_a_thing_is_a_dated_record(prompt, record, joined):
    """'people who've done the induction for a machine': an Induction per person and machine, with its date."""
    spec = infer_spec(prompt)
    assert joined <= parents(spec, record), names(spec)
    assert "completed_on" in [f.name for f in spec.entity(record).fields]


def test_which_of_them_have_done_the_training():
    """'which of them have done the food safety training': the volunteers' trainings are kept, with an expiry."""
    spec = infer_spec("Keep track of our volunteers and which of them have done the food safety training and when "
                      "it expires")
    done = next(e for e in spec.entities if e.name.endswith("Training"))
    assert "Volunteer" in parents(spec, done.name)
    assert "expires_on" in [f.name for f in done.fields]


@pytest.mark.parametrize(("prompt", "thing", "person"), [
    ("My scout group needs a gear lending thing: tents, stoves etc., who borrowed what and when it's due back.",
     "Gear", "Member"),
    ("A tool lending library for our street", "Tool", "Neighbour"),
])
def test_lending_things_keeps_the_things_and_their_loans(prompt, thing, person):
    """'a gear lending thing', 'a tool lending library': what is lent, who borrows it, and each loan."""
    spec = infer_spec(prompt)
    loan = next(n for n in names(spec) if n.endswith("Loan"))
    assert {thing, person} <= parents(spec, loan), names(spec)
    assert "Book" not in names(spec)


def test_a_library_app_is_still_books():
    """'a library app' alone is a book library."""
    assert {"Book", "Loan"} <= names(infer_spec("a library app"))


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a plant nursery where customers can browse plants by category, add them to a "
    "cart and place orders.",
    "Una web para una tienda de plantas donde los clientes pueden añadir plantas al carrito y hacer pedidos.",
])
def test_adding_to_a_cart_is_a_customers_cart_line(prompt):
    """'add plants to a cart': each cart line joins a customer and a plant, with a quantity; a plant belongs to no
    cart and to no customer."""
    spec = infer_spec(prompt)
    assert parents(spec, "CartItem") == {"Customer", "Plant"}
    assert not parents(spec, "Plant") & {"Cart", "Customer"}


def test_join_records_have_their_own_plural():
    """A ToolLoan beside a Loan, an EquipmentRental beside a Rental: each table has its own plural (a crash found by
    fuzzing 'who rents ...' clauses)."""
    spec = infer_spec("Gestión del club: ensayos, turnos, and who equipment rents each one each day")
    plurals = [e.plural for e in spec.entities]
    assert len(plurals) == len(set(plurals)), plurals


def test_students_handing_in_work_are_submissions():
    """'students upload their work, I grade it': a Submission of a student for an assignment, with the file and the
    grade; the student has no file field."""
    spec = infer_spec("I teach 3 classes. I set assignments per class, students upload their work, I grade it and "
                      "leave a comment.")
    assert {"Student", "Assignment"} <= parents(spec, "Submission")
    fields = {f.name for f in spec.entity("Submission").fields}
    assert {"file", "grade"} <= fields
    assert "file" not in {f.name for f in spec.entity("Student").fields}
    assert [fs.entity for fs in spec.uses("uploads")] == ["Submission"]


def test_test_dates_with_pass_fail_are_tests():
    """'test dates with pass/fail': the tests are kept with a date and a result, not fields called pass and fail."""
    spec = infer_spec("We're a driving school. Instructors, students, lessons booked in their cars, and test dates "
                      "with pass/fail.")
    fields = {f.name for f in spec.entity("Test").fields}
    assert "result" in fields and not fields & {"pass", "fail", "pass_value"}


def test_testing_knowledge_is_a_verb():
    """'test their knowledge' is something people do, not a Test table."""
    spec = infer_spec("A quiz app that lets users test their knowledge of history with quizzes and questions.")
    assert "Test" not in names(spec)


def test_results_after_each_match_keep_the_matches():
    """'results are entered after each match': the matches are records."""
    spec = infer_spec("A website for a community sports league where captains register their teams and players, "
                      "and results are entered after each match.")
    assert {"Team", "Player", "Match"} <= names(spec), names(spec)


def test_spanish_foster_homes_and_adopters():
    """'casas de acogida' are FosterHomes; an adoption application is someone's (an Adopter)."""
    spec = infer_spec("protectora de animales: perros y gatos en adopción, solicitudes de adopción que tenemos que "
                      "aprobar o rechazar, y casas de acogida")
    assert "FosterHome" in names(spec) and "House" not in names(spec), names(spec)
    assert "Adopter" in parents(spec, "AdoptionApplication")
