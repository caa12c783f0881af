"""Forty-third pass: reminders are kept as records, availability per person and event, bare sign-ups, and reach."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import links, names


@pytest.mark.parametrize("prompt, thing", [
    ("Scuba club kit: regulators and tanks with their next service date. Send an alert 14 days before a service "
     "is due.", None),
    ("Lifeboat crew records: crew members and their qualifications with expiry dates - remind them 60 days before "
     "they lapse.", "Qualification"),
    ("Pottery classes: students book a class, and we want to email each student a reminder 1 day before.", "Booking"),
    ("Taller de bicis: las bicis de alquiler con fecha de la próxima revisión. Avisos cuando toque la revisión.",
     None),
])
def test_asked_for_reminders_are_kept_as_records(prompt: str, thing: str | None) -> None:
    spec = infer_spec(prompt)
    assert "Reminder" in names(spec), names(spec)
    if thing:
        assert ("Reminder", thing, "belongs_to") in links(spec)
    assert any("remind" in p or "recordatorio" in p or "alert" in p or "aviso" in p for p in spec.not_built), \
        spec.not_built  # sending them is not built, and says so


@pytest.mark.parametrize("prompt, person, event", [
    ("Five-a-side league app: teams, players and matches, and every week players tell us if they're available "
     "for the next game.", "Player", "Match"),
    ("A choir's concert planner: concerts with a date and hall, and singers mark the dates they are unavailable.",
     "Singer", "Concert"),
])
def test_saying_who_is_available_is_an_availability_per_person_and_event(prompt: str, person: str,
                                                                           event: str) -> None:
    spec = infer_spec(prompt)
    assert {("Availability", person, "belongs_to"), ("Availability", event, "belongs_to")} <= links(spec), \
        links(spec)
    assert "available" in {f.name for f in spec.entity("Availability").fields}


def test_a_bare_sign_up_is_for_what_was_just_posted() -> None:
    spec = infer_spec("Walking group app: guides post walks (route, length, meeting place), members sign up, each "
                      "walk has a maximum number of walkers.")
    assert {("Signup", "Member", "belongs_to"), ("Signup", "Walk", "belongs_to")} <= links(spec), links(spec)


def test_seeing_who_signed_up_is_still_not_a_sign_up() -> None:
    spec = infer_spec("Guides post walks and see who has signed up.")
    assert "Signup" not in names(spec)


def test_a_braille_transcription_business_is_a_data_app() -> None:
    spec = infer_spec("A braille transcription service: clients send documents and we track each job (client, "
                      "pages, due date, status) and invoice them.")
    assert {"Client", "Job", "Invoice"} <= names(spec)


@pytest.mark.parametrize("prompt", [
    "I want a braille translator: type English text and get braille back.",
    "Un juego de bolos para la web: física de la bola, apuntas arrastrando el dedo y ves la puntuación.",
    "Handwriting practice for kids on a tablet, pen pressure-sensitive, every stroke can be undone (undo button).",
])
def test_tools_and_games_are_still_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt, record, of", [
    ("Kennel app: dogs staying with us, their owners, and daily weights for each dog.", "WeightRecord", "Dog"),
    ("Premature baby unit: babies, their parents, and each baby's weight every morning.", "WeightRecord", "Baby"),
    ("Vivero: invernaderos con su temperatura y humedad, que anotamos cada mañana, y las plantas de cada "
     "invernadero.", "Reading", "Greenhouse"),
])
def test_a_measure_logged_daily_is_a_row_per_reading(prompt: str, record: str, of: str) -> None:
    spec = infer_spec(prompt)
    assert (record, of, "belongs_to") in links(spec), links(spec)
    assert not {"temperature", "humidity", "weight"} & {f.name for f in spec.entity(of).fields}


@pytest.mark.parametrize("prompt", [
    "Shop with products (weight, price) and daily orders.",
    "A bakery: daily orders from cafes and the weight of each loaf.",
])
def test_a_weight_that_is_a_detail_stays_a_field(prompt: str) -> None:
    assert not {"WeightRecord", "Reading"} & names(infer_spec(prompt))
