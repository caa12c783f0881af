"""Understanding (issue 9), eleventh pass: the people a free 'who' clause asks the app to keep, objects chosen with
'which', and days of the week as times rather than things."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(("prompt", "people", "thing"), [
    ("Our book club needs to know who is hosting each meeting and who is bringing which snack.", "Member", "Snack"),
    ("a site for the allotment: plots and who is growing what on each plot", "Member", "Plot"),
    ("una app para la comunidad de vecinos: quien reserva la barbacoa y quien paga cada derrama", "Neighbour",
     "Booking"),
    ("A family app for our chores: who does which chore this week", "FamilyMember", "Chore"),
])
def test_who_clauses_keep_the_people(prompt, people, thing):
    """'who is bringing which snack': the people are a table, and what they bring or book is theirs."""
    spec = infer_spec(prompt)
    assert {people, thing} <= names(spec), names(spec)
    assert people in parents(spec, thing), parents(spec, thing)


@pytest.mark.parametrize(("prompt", "people"), [
    ("app para la porra de la oficina: los partidos de cada jornada, quien participa y cuanto pone", "Participant"),
    ("five-a-side for our team: who is playing each week and the matches we play", "Player"),
    ("A tool shed for our choir where members borrow tools; track who borrowed which tool", "Member"),
])
def test_the_people_are_named_by_their_verb_or_the_prompt(prompt, people):
    """The verb names them ('quien participa', 'who is playing'), else the people the prompt mentions ('members')."""
    assert people in names(infer_spec(prompt)), names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [
    "A website for our choir that says who we are and lists our concerts with dates and venues.",
    "An app for housemates to log shared bills, split each bill between the people who share it.",
    "A site where members who have paid can book courts.",
    "A guitar school site: teachers, lessons and who teaches each lesson.",
])
def test_no_people_table_when_they_are_named_or_it_is_not_a_free_who(prompt):
    """'who we are' is about the site owners; 'members who have paid' names its people; teachers are people."""
    spec = infer_spec(prompt)
    assert not {"Member", "Neighbour", "FamilyMember", "HouseholdMember", "Colleague"} & names(spec) - \
        ({"Member"} if "members" in prompt else set()), names(spec)


def test_which_thing_after_a_verb_is_its_object():
    """'track who borrowed which tool': the tool is borrowed, and each loan is someone's."""
    spec = infer_spec("track who borrowed which tool from the tool library")
    assert {"Tool", "Loan", "Member"} <= names(spec), names(spec)
    assert {"Tool", "Member"} <= set(parents(spec, "Loan")), parents(spec, "Loan")


@pytest.mark.parametrize("prompt", [
    "app para la peña ciclista: las salidas de cada domingo con su ruta y kilómetros",
    "A sunday league app: teams, fixtures every saturday and the results",
    "A yoga studio timetable: classes on mondays and thursdays with their teachers",
])
def test_days_of_the_week_are_times_not_things(prompt):
    found = {n.lower() for n in names(infer_spec(prompt))}
    assert not found & {"domingo", "sunday", "saturday", "monday", "thursday"}, found
