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


@pytest.mark.parametrize(("prompt", "payment", "payer"), [
    ("A site for our rowing club: members, boats and who has paid their subs this season", "FeePayment", "Member"),
    ("community garden app: plots, plot holders and who has paid this year's rent", "RentPayment", "PlotHolder"),
    ("app para el coro: los cantantes, los ensayos y quién ha pagado la cuota de cada mes", "FeePayment", "Singer"),
    ("A padel league site: players, matches and whether each player has paid for the court", "Payment", "Player"),
])
def test_who_has_paid_is_a_payment_record_of_the_payer(prompt, payment, payer):
    """'who has paid their subs': each payment is a record (amount, date) of the one who paid; the subs are no table."""
    spec = infer_spec(prompt)
    assert {payment, payer} <= names(spec), names(spec)
    assert payer in parents(spec, payment), parents(spec, payment)
    fields = {f.name for f in spec.entity(payment).fields}
    assert {"amount"} <= fields and fields & {"paid_on", "paid_at"}, fields
    assert not {"Sub", "Subs", "Rent", "Cuota"} & names(spec), names(spec)


def test_who_owes_whom_in_a_cost_share_is_no_separate_payment():
    spec = infer_spec("An app for flatmates to split bills and see who owes whom")
    assert "Payment" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt", [
    "app para una tanda entre compañeros del trabajo: cuanto aporta cada uno cada quincena y los turnos de cobro",
    "A carpool for parents at the school: the runs each week and which parent drives",
    "un amigo invisible entre amigos del gimnasio: los regalos y el presupuesto",
])
def test_where_people_meet_is_not_a_table(prompt):
    """'compañeros del trabajo', 'parents at the school': where the people are from, not a record."""
    assert not {"Trabajo", "Work", "School", "Gimnasio", "Gym"} & names(infer_spec(prompt)), names(infer_spec(prompt))


@pytest.mark.parametrize(("prompt", "booking"), [
    ("A site for our physiotherapy practice: our physios, and patients can book online", "Appointment"),
    ("dog grooming salon website: services with prices, and owners can book online", "Appointment"),
    ("web para una peluquería: servicios, estilistas y los clientes reservan online", "Appointment"),
    ("A padel club where members book courts for an hour", "Booking"),
    ("A campsite site: pitches and cabins, and guests book them online with dates", "Booking"),
])
def test_a_booking_with_a_professional_is_an_appointment(prompt, booking):
    """Reviewers call a booked service with a professional (health, grooming, hair) an appointment; a court is
    booked."""
    found = names(infer_spec(prompt))
    assert booking in found, found
    assert not {"Appointment", "Booking"} - {booking} & found, found
