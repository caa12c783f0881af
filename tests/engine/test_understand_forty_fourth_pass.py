"""Forty-fourth pass: attendance at performances, kinds browsed by, wild species, gerund logs, casting, assignments
and reach (media and drawing tools)."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import links, names


@pytest.mark.parametrize("prompt, person, event", [
    ("Theatre friends scheme: patrons, their memberships, and we track which patrons came to which performances.",
     "Patron", "Performance"),
    ("Club de senderismo: socios y excursiones, y queremos saber qué socios vinieron a qué excursiones.",
     "Member", "Excursion"),
    ("Jazz society: members and concerts; record which members attended which concerts.", "Member", "Concert"),
])
def test_who_came_to_which_event_is_an_attendance(prompt: str, person: str, event: str) -> None:
    spec = infer_spec(prompt)
    assert {("Attendance", person, "belongs_to"), ("Attendance", event, "belongs_to")} <= links(spec), links(spec)


@pytest.mark.parametrize("prompt, kind, thing", [
    ("A website for a tea merchant where customers browse teas by variety, add them to a cart and place orders.",
     "Variety", "Tea"),
    ("A nursery shop site where customers filter shrubs by type and add them to a basket.", "Category", "Shrub"),
    ("Tienda de quesos: los clientes pueden buscar quesos por tipo y hacer pedidos.", "Category", "Cheese"),
])
def test_browsing_by_a_kind_keeps_the_kinds(prompt: str, kind: str, thing: str) -> None:
    spec = infer_spec(prompt)
    assert kind in names(spec), names(spec)
    assert (thing, kind, "belongs_to") in links(spec), links(spec)


def test_filtering_by_a_qualified_type_is_still_a_field() -> None:
    spec = infer_spec("A bike theft map for our town: members report thefts and everyone can filter by lock type "
                      "and month.")
    assert "LockType" not in names(spec) and "Category" not in names(spec), names(spec)


def test_wild_species_beside_vet_visits_are_a_table() -> None:
    spec = infer_spec("Bird hospital records.\n- Patients: species, ring number, found at, admitted on\n"
                      "- Vet visits with notes and cost")
    assert "Species" in names(spec), names(spec)
    assert "species" not in {f.name for e in spec.entities for f in e.fields}


def test_a_pets_species_is_still_a_choice() -> None:
    spec = infer_spec("Vet clinic: pets (name, species, breed, owner), owners and appointments.")
    assert "Species" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, log, parent", [
    ("Tortoise sanctuary database.\n- Tortoises: name, species, arrival date\n- Feeding log: date, food, eaten "
     "yes/no", "FeedingLog", "Tortoise"),
    ("Stable yard app.\n- Horses: name, owner, stable\n- Grooming log: date, groomer, notes", "GroomingLog",
     "Horse"),
])
def test_a_gerund_log_heading_a_field_list_is_a_log_of_the_main_record(prompt: str, log: str, parent: str) -> None:
    spec = infer_spec(prompt)
    assert log in names(spec), names(spec)
    assert "date" in {f.name for f in spec.entity(log).fields}
    assert "name" not in {f.name for f in spec.entity(log).fields}  # a dated row needs no label
    assert (log, parent, "belongs_to") in links(spec), links(spec)


def test_a_log_of_something_that_belongs_to_the_main_record_is_not_linked_twice() -> None:
    spec = infer_spec("Farrier app.\nOwner (name, phone)\nHorse (name, owner)\nShoeing log (date, horse, notes)")
    assert ("ShoeingLog", "Horse", "belongs_to") in links(spec) or "ShoeingLog" not in names(spec)
    assert ("ShoeingLog", "Owner", "belongs_to") not in links(spec), links(spec)


@pytest.mark.parametrize("prompt, person, role", [
    ("Amateur dramatics: shows, actors, roles, and who plays which part in each show.", "Actor", "Part"),
    ("Ballet school: productions, dancers, roles; which dancer dances which role in which performance.",
     "Dancer", "Role"),
    ("Compañía de zarzuela: funciones, cantantes y papeles; qué cantante canta qué papel en cada función.",
     "Singer", "Role"),
])
def test_who_sings_or_plays_which_role_is_a_casting(prompt: str, person: str, role: str) -> None:
    spec = infer_spec(prompt)
    assert {("CastAssignment", person, "belongs_to"), ("CastAssignment", role, "belongs_to")} <= links(spec), \
        links(spec)


def test_which_player_plays_which_position_is_no_casting() -> None:
    spec = infer_spec("Five-a-side team: players and positions, and which player plays which position.")
    assert "CastAssignment" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt, join, thing, person", [
    ("Choir wardrobe: robes (size, colour) and singers. We assign robes to singers before each concert.",
     "RobeAssignment", "Robe", "Singer"),
    ("Rehab clinic: patients and a library of stretches with a video link; therapists assign stretches to "
     "patients.", "StretchAssignment", "Stretch", "Patient"),
    ("Club de remo: botes y socios. Asignamos los botes a los socios cada temporada.",
     "BoatAssignment", "Boat", "Member"),
])
def test_things_assigned_to_people_are_an_assignment_record(prompt: str, join: str, thing: str,
                                                              person: str) -> None:
    spec = infer_spec(prompt)
    assert {(join, thing, "belongs_to"), (join, person, "belongs_to")} <= links(spec), links(spec)
    assert (thing, person, "belongs_to") not in links(spec)


@pytest.mark.parametrize("prompt", [
    "Help desk: agents and tickets; managers assign tickets to agents.",
    "Family chores app: kids and chores; parents assign chores to the kids.",
])
def test_work_assigned_to_a_person_is_still_theirs(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert not any(n.endswith("Assignment") for n in names(spec)), names(spec)


@pytest.mark.parametrize("prompt", [
    "Hockey league: teams, fixtures and umpires. Umpires are assigned to fixtures.",
    "Fútbol sala: equipos, partidos y árbitros. Los árbitros se asignan a cada partido.",
])
def test_officials_assigned_to_matches_are_their_appointments(prompt: str) -> None:
    spec = infer_spec(prompt)
    join = next(n for n in names(spec) if n.endswith("Assignment"))
    assert join in {"RefereeAssignment", "UmpireAssignment"}, names(spec)
    ends = {x[1] for x in links(spec) if x[0] == join}
    assert len(ends) == 2 and not any({a, b} == ends for a, b, _ in links(spec) if a != join), links(spec)


@pytest.mark.parametrize("prompt, what", [
    ("Necesito un editor para sincronizar las letras de mis canciones con el audio; al final exporta un .lrc.",
     "an editor"),
    ("water polo tactics board: a pool diagram where I drag the players around, draw arrows for swims and play it "
     "back as an animation.", "a drawing canvas"),
    ("Necesito algo para la cofradía que coja los PDF de las circulares y los junte en uno solo por fecha.",
     "a converter"),
    ("Something to look at spectrograms of our hydrophone recordings, with zoom and a frequency cursor.",
     "an audio or music tool"),
    ("Grupo de zarzuela, para ensayar: que la tablet escuche el micrófono y pinte la línea de afinación de quien "
     "canta.", "an audio or music tool"),
])
def test_media_and_drawing_tools_are_declined(prompt: str, what: str) -> None:
    with pytest.raises(UnsupportedRequestError) as caught:
        infer_spec(prompt)
    assert what in str(caught.value)


def test_a_choir_app_that_mentions_the_microphone_is_still_built() -> None:
    spec = infer_spec("Choir app: singers, voice parts, rehearsals with attendance, and a practice page where "
                      "singers record themselves with the microphone.")
    assert {"Singer", "Rehearsal", "Attendance"} <= names(spec)


@pytest.mark.parametrize("prompt, person, event", [
    ("Karate dojo admin\n- Students (name, belt)\n- Classes (style, weekday)\n- Attendance taken for each class",
     "Student", "ClassSession"),
    ("Judo club: members, classes, attendance recorded for every class.", "Member", "ClassSession"),
])
def test_attendance_taken_for_each_session_is_kept(prompt: str, person: str, event: str) -> None:
    spec = infer_spec(prompt)
    assert {("Attendance", person, "belongs_to"), ("Attendance", event, "belongs_to")} <= links(spec), links(spec)


def test_spanish_sessions_of_an_unknown_kind_keep_their_details() -> None:
    spec = infer_spec("Gimnasio de remo: cada socio anota sus sesiones de ergómetro (metros, minutos, vatios).")
    assert "Session" in names(spec), names(spec)
    assert "watts" in {f.name for f in spec.entity("Session").fields}


def test_drop_offs_are_one_word() -> None:
    spec = infer_spec("Nursery run: parents arrange pick ups and drop offs for their children; each drop off has "
                      "a time.")
    assert not {"Off", "Up", "Drop", "Pick"} & names(spec), names(spec)


@pytest.mark.parametrize("prompt, thing", [
    ("Pilates studio: members book onto classes (max 10 people).", "ClassSession"),
    ("Bouldering wall: members book into taster sessions, and staff see who is coming.", "Session"),
])
def test_booking_onto_a_session_books_it(prompt: str, thing: str) -> None:
    spec = infer_spec(prompt)
    assert "Book" not in names(spec)
    booked = next(n for n in names(spec) if n.endswith(("Booking", "Signup", "Registration")))
    assert any(a == booked and b.endswith(thing) for a, b, _ in links(spec)), links(spec)


@pytest.mark.parametrize("prompt, note, visit", [
    ("Osteopath: patients book appointments online; the osteopath writes clinical notes after every visit.",
     "ClinicalNote", "Appointment"),
    ("Counselling practice: clients and appointments; counsellors keep progress notes.", "ProgressNote",
     "Appointment"),
    ("Fisioterapia: pacientes y citas; después de cada cita escribimos las notas clínicas.", "ClinicalNote",
     "Appointment"),
])
def test_clinical_notes_are_records_of_the_visit(prompt: str, note: str, visit: str) -> None:
    spec = infer_spec(prompt)
    assert (note, visit, "belongs_to") in links(spec), links(spec)
    assert not any(f.name.endswith("_notes") and f.name != "notes" for e in spec.entities for f in e.fields)


def test_medical_notes_in_a_field_list_stay_a_field() -> None:
    spec = infer_spec("Kids club: children (name, DOB, medical notes) and sessions.")
    assert not any(n.endswith("Note") for n in names(spec)), names(spec)


@pytest.mark.parametrize("prompt", [
    "Community orchard: trees, volunteers and pruning records. Only the committee may view the volunteer records.",
    "Bakery wholesale: cafe accounts place orders for the next morning; we see the orders by delivery round.",
    "Huerto escolar: parcelas, clases y riegos. Solo los profesores pueden ver las notas de los alumnos.",
])
def test_access_said_of_a_role_needs_accounts(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "auth" in spec.features and "User" in names(spec), (spec.features, names(spec))


def test_bank_accounts_are_not_logins() -> None:
    spec = infer_spec("Household budget: bank accounts, categories and monthly spending per category.")
    assert "auth" not in spec.features, spec.features
