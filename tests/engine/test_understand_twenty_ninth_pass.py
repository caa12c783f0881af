"""Understanding (issue 9), twenty-ninth pass: an entity keeps the user's own word (a marina's berths are Berths,
with what we know of moorings); users who sign up are the accounts even when judges score; scoring keeps what is
scored; 'which loans are overdue' asks about loans."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import field_names, names, parents


@pytest.mark.parametrize(
    ("prompt", "kept", "instead", "field"),
    [
        ("Marina app: berths, boats and their owners, with yearly contracts.", "Berth", "Mooring", "length_m"),
        ("driving school: lesson booking with instructors and cars", "Car", "Vehicle", "plate"),
        ("Car rental with a fleet calendar and customer licence uploads", "Car", "Vehicle", "plate"),
    ],
)
def test_an_entity_keeps_the_user_s_word_and_the_fields_we_know(prompt: str, kept: str, instead: str,
                                                                 field: str) -> None:
    spec = infer_spec(prompt)
    assert kept in names(spec) and instead not in names(spec)
    assert field in field_names(spec, kept)
    assert spec.entity(kept).table == f"{kept.lower()}s"  # its own table, not the known entity's


def test_kids_are_still_children() -> None:
    assert "Child" in names(infer_spec("Chore chart for my kids: chores, points and rewards."))


@pytest.mark.parametrize(
    "prompt",
    [
        "Please implement a website for a hackathon. Users should be able to sign up and create a team. "
        "Judges should be able to score submissions.",
        "Web para un concurso de fotos: los usuarios se registran y suben fotos; un jurado puntúa cada foto.",
    ],
)
def test_users_who_sign_up_are_the_accounts_even_when_others_score(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert spec.account == "User" and "User" in names(spec)


def test_what_judges_score_is_kept_and_the_score_links_both() -> None:
    spec = infer_spec("Judges should be able to score submissions.")
    assert {"Judge", "Submission", "Score"} <= names(spec)
    assert parents(spec, "Score") >= {"Judge", "Submission"}


def test_goals_scored_in_a_list_of_statistics_brings_no_target() -> None:
    spec = infer_spec("Teams input numbers like goals scored, corners, shots on target and possession percentage.")
    assert "Target" not in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "Members borrow tools. Volunteers should be able to see which loans are overdue.",
        "A tool library: members borrow tools and volunteers check which loans are overdue.",
    ],
)
def test_which_loans_are_overdue_asks_about_loans(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "Which" not in names(spec) and not any(n.startswith("Which") for n in names(spec))
    assert "Loan" in names(spec)


def test_the_highest_score_is_a_noun() -> None:
    spec = infer_spec("A sports quiz app where people compete with their friends for the highest score")
    assert "Score" not in names(spec) or not spec.uses("ratings")


def test_a_listed_thing_with_details_in_brackets_is_kept_and_dues_are_payments() -> None:
    spec = infer_spec("HOA app: homeowners, properties, annual dues, architectural change requests (submit with "
                      "drawings, board approves/denies), violation notices with fines")
    assert {"Homeowner", "Property", "DuesPayment", "ChangeRequest", "Fine"} <= names(spec)
    assert not names(spec) & {"Board", "Drawing"}
    assert [fs.entity for fs in spec.uses("workflow")] == ["ChangeRequest"]


@pytest.mark.parametrize(
    ("prompt", "kept", "instead"),
    [
        ("Small vet clinic: pet records (owner, species, breed, vaccinations), appointments.", "Pet", "PetRecord"),
        ("Brewery: batch records with recipe, brew date and gravity readings.", "Batch", "BatchRecord"),
    ],
)
def test_records_of_a_known_thing_are_that_thing(prompt: str, kept: str, instead: str) -> None:
    spec = infer_spec(prompt)
    assert kept in names(spec) and instead not in names(spec)


def test_a_status_flow_after_its_verb_makes_no_table() -> None:
    spec = infer_spec("Small ISP. Customers sign up for a plan. An install job is created; status goes booked -> "
                      "installed -> live.")
    assert not any(n.startswith("Goe") for n in names(spec))


@pytest.mark.parametrize(
    "prompt",
    [
        "Language school admin: courses, groups, students and teachers. Teachers only see their own groups.",
        "Insurance broker CRM: clients and policies. Account handlers only see their own clients.",
        "Queremos llevar las cuotas de cada niño. Los padres deberían poder entrar y ver solo lo de sus hijos.",
        "App para el colegio: alumnos, notas y faltas. Los padres entran con su usuario y ven las notas.",
    ],
)
def test_people_who_see_only_their_own_things_have_accounts(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "auth" in spec.features and spec.account in names(spec)


def test_entering_a_place_is_not_logging_in() -> None:
    spec = infer_spec("Control de acceso del almacén: los repartidores pueden entrar a la nave de 8 a 14; "
                      "registramos entradas y salidas.")
    assert "auth" not in spec.features


@pytest.mark.parametrize(
    ("prompt", "session", "person"),
    [
        ("Our choir needs: list of singers with their voice part, attendance at each rehearsal, and yearly dues.",
         "Rehearsal", "Singer"),
        ("Language school: students, teachers, lessons, attendance per lesson.", "Lesson", "Student"),
    ],
)
def test_attendance_at_each_session_is_a_record_of_a_person_at_a_session(prompt: str, session: str,
                                                                         person: str) -> None:
    spec = infer_spec(prompt)
    assert parents(spec, "Attendance") >= {session, person}


def test_each_person_is_one_of_the_people_kept() -> None:
    spec = infer_spec("Choir: singers and rehearsals, and which concert dress each person has borrowed.")
    assert "Person" not in names(spec) and "Singer" in names(spec)


@pytest.mark.parametrize(
    ("prompt", "entity", "values"),
    [
        ("Repair shop: customers bring devices; each repair has a status: received -> diagnosing -> "
         "waiting for parts -> fixed -> collected.", "Repair",
         ["received", "diagnosing", "waiting_for_parts", "fixed", "collected"]),
        ("Incidencias de vecinos con foto; el administrador cambia el estado: abierta → en curso → resuelta.",
         "Incident", ["abierta", "en_curso", "resuelta"]),
    ],
)
def test_a_status_flow_after_a_colon_gives_the_user_s_states(prompt: str, entity: str, values: list[str]) -> None:
    spec = infer_spec(prompt)
    status = next(f for f in spec.entity(entity).fields if f.name == "status")
    assert status.choices == values
    assert not names(spec) & {"Course", "Resuelta", "Fixed", "Collected"}


@pytest.mark.parametrize(
    ("prompt", "entity", "borrowed"),
    [
        ("Winery production tracker. Vineyard blocks (name, varietal, acres). Tanks (capacity, material).",
         "Tank", "kind"),
        ("Winery production tracker. Vineyard blocks (name, varietal, acres). Tanks (capacity, material).",
         "Production", "director"),
        ("Print shop: customers, jobs and print runs with paper stock.", "PrintRun", "distance_km"),
    ],
)
def test_a_word_with_another_trade_s_sense_does_not_borrow_itsfield_names(prompt: str, entity: str,
                                                                     borrowed: str) -> None:
    spec = infer_spec(prompt)
    assert entity in names(spec) and borrowed not in field_names(spec, entity)


def test_a_theatre_production_keeps_itsfield_names() -> None:
    spec = infer_spec("Community theatre: productions with cast lists, performances and ticket sales.")
    assert "opening_date" in field_names(spec, "Production")


@pytest.mark.parametrize(
    "prompt",
    [
        "Quiero un editor para diseñar el cartel del concierto: arrastrar los nombres, cambiar colores y exportarlo.",
        "I need an editor to design our gig posters and export them as PNG.",
        "I want to drop in an MP3 of an interview and get back a transcript with timestamps, using Whisper.",
        "After each wedding I get 300 photos. I want something that renames them all by date, shrinks them and "
        "zips them up for the couple.",
        "A digital workspace for designers: a canvas on which people freely drag and drop shapes and images.",
    ],
)
def test_editors_transcribers_and_batch_file_tools_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    "prompt",
    [
        "Podcast website: episodes with audio files, transcripts, guests and show notes; listeners can comment.",
        "Sign shop: customers, quotes and jobs; designers save each proof as a PNG attached to the job.",
        "Our agency needs an editor to create client newsletters: subscribers, campaigns and templates.",
        "Blog with an editor for writing posts, tags and comments.",
    ],
)
def test_data_apps_that_mention_editors_or_transcripts_are_built(prompt: str) -> None:
    assert infer_spec(prompt).entities


def test_players_outside_sport_and_bikes_in_for_repair_get_fields_of_their_sense() -> None:
    rooms = infer_spec("Escape rooms: customers book a room for a time slot; every player signs a waiver.")
    assert "jersey_number" not in field_names(rooms, "Player") and "position_role" not in field_names(rooms, "Player")
    team = infer_spec("Football club: players with positions, matches and goals.")
    assert "position_role" in field_names(team, "Player")
    shop = infer_spec("Bike repair shop: customers check in bikes, mechanics log repairs and parts.")
    assert "price" not in field_names(shop, "Bike") and "serial_number" in field_names(shop, "Bike")


def test_the_status_of_a_thing_with_its_values_in_brackets() -> None:
    spec = infer_spec("Customers book a repair and follow the status of their repair (received, in progress, "
                      "ready for pickup).")
    status = next(f for f in spec.entity("Repair").fields if f.name == "status")
    assert status.choices == ["received", "in_progress", "ready_for_pickup"]


def test_one_of_each_said_with_a_plural_thing_is_its_detail() -> None:
    spec = infer_spec("Authors should be able to submit papers with an abstract and a PDF, reviewers should be able "
                      "to score and comment on the papers assigned to them.")
    assert "Abstract" not in names(spec) and "abstract" in field_names(spec, "Paper")


def test_a_flow_said_on_its_own_gives_the_states_of_the_record_not_tables() -> None:
    spec = infer_spec("Solar installation CRM. Lead -> site survey -> proposal -> contract signed -> permit submitted "
                      "-> installed. Each job has a customer, address and system size. I want to see how many jobs "
                      "sit at each stage.")
    assert not names(spec) & {"Lead", "Proposal", "Contract", "Permit", "Stage"}
    status = next(f for f in spec.entity("Job").fields if f.name == "status")
    assert status.choices[:2] == ["lead", "site_survey"] and "installed" in status.choices


def test_a_state_said_elsewhere_as_a_thing_is_kept() -> None:
    spec = infer_spec("Applicant tracking system. Jobs have candidates applying; each application moves Applied -> "
                      "Phone screen -> Interview -> Offer -> Hired. Interviewers fill in a scorecard after each "
                      "interview.")
    assert "Interview" in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "Community orchestra admin. Roles: conductor, section leaders, members. Members belong to a section and "
        "the conductor creates rehearsals and concerts.",
        "Hackathon platform. Participants register and create or join a team. Roles: participant, mentor, judge, "
        "organiser. Judges score each project.",
    ],
)
def test_a_roles_heading_lists_who_signs_in_not_a_role_table(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "User" in names(spec) and "Role" not in names(spec)
    kinds = next(f for f in spec.entity("User").fields if f.name == "account_type")
    assert len(kinds.choices) >= 3


def test_a_roles_heading_keeps_a_role_table_that_other_things_link() -> None:
    spec = infer_spec("Theatre company. Roles: director, actor, stage manager. Actors audition for roles in each "
                      "production; each role belongs to a production.")
    assert "Role" in names(spec) and "Production" in parents(spec, "Role")


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("Customers book a room for a time slot. A game master gets assigned to each booking.", "GameMaster"),
        ("Each job is assigned to a technician. A surveyor gets assigned to each site visit.", "Job"),
    ],
)
def test_what_is_assigned_and_who_it_is_assigned_to_are_kept(prompt: str, kept: str) -> None:
    assert kept in names(infer_spec(prompt))
