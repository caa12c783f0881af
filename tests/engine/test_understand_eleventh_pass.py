"""Understanding (issue 9), eleventh pass: the people a free 'who' clause asks the app to keep, objects chosen with
'which', and days of the week as times rather than things."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
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


@pytest.mark.parametrize(("prompt", "thing"), [
    ("a bug tracker for my side project, with priorities and screenshots", "Bug"),
    ("my kid's football team needs a way to organise lifts to away games", "Lift"),
    ("app del equipo de baloncesto: los partidos de la temporada y quién lleva a los niños", "Match"),
])
def test_screenshots_and_away_games_are_not_out_of_reach(prompt, thing):
    """A screenshot on a bug is a file, not a screenshot tool; away games are fixtures, not a video game."""
    assert thing in names(infer_spec(prompt)), names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [
    "a screenshot tool that captures the screen and uploads it to a link",
    "A football game where the player dribbles past defenders and scores goals",
])
def test_screenshot_tools_and_football_games_are_still_declined(prompt):
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


def test_a_word_keeps_its_name_and_borrows_what_its_synonym_has():
    """'bugs' stay Bug, with what an Issue has (a status and a priority); a screenshot is a file on it."""
    bug = infer_spec("a bug tracker for my side project, with priorities and screenshots").entity("Bug")
    fields = {f.name: f.type for f in bug.fields}
    assert {"status", "priority"} <= set(fields) and fields.get("screenshot") == "file", fields
    assert "screenshots" not in fields and "priorities" not in fields, fields


@pytest.mark.parametrize(("prompt", "place"), [
    ("i want an app to keep track of the plants in my flat, when i watered them and when to repot", "Apartment"),
    ("una app para las plantas de mi casa con la fecha de riego de cada una", "House"),
])
def test_where_my_things_are_is_not_a_table(prompt, place):
    found = names(infer_spec(prompt))
    assert "Plant" in found and place not in found and "Casa" not in found, found


def test_one_dash_before_a_list_introduces_it():
    """'... for my pottery classes - students, which class ..., and what they paid': the students are listed."""
    found = names(infer_spec("can you make me something for my pottery classes - students, which class they're "
                             "in, and what they paid"))
    assert {"Student", "ClassSession"} <= found, found


@pytest.mark.parametrize(("prompt", "thing"), [
    ("an app for my recipes", "Recipe"),
    ("una app para mis recetas", "Recipe"),
    ("an app for my houseplants with the watering date of each one", "Houseplant"),
])
def test_what_an_app_is_for_is_kept(prompt, thing):
    """'an app for my recipes': the recipes are the app's records (people it is for are its users, not records)."""
    assert thing in names(infer_spec(prompt)), names(infer_spec(prompt))


@pytest.mark.parametrize(("prompt", "thing", "not_thing"), [
    ("keep a log of my bike rides with distance, time and route", "Ride", "Bike"),
    ("an app to track our dog walks: date, distance and which park", "Walk", None),
])
def test_a_noun_after_my_noun_is_a_compound_not_a_verb(prompt, thing, not_thing):
    """'my bike rides with ...': 'rides' is the head noun (the bike does not ride)."""
    found = names(infer_spec(prompt))
    assert thing in found and (not_thing is None or not_thing not in found), found


@pytest.mark.parametrize("prompt", [
    "our family records our hikes with the distance and who came",
    "nuestra familia apunta las excursiones que hacemos con la distancia",
])
def test_our_family_as_the_subject_is_the_users(prompt):
    found = names(infer_spec(prompt))
    assert "Family" not in found and found & {"Hike", "Excursion", "Trip", "Outing"}, found


def test_a_karaoke_night_signup_is_not_a_music_tool():
    assert "Song" in names(infer_spec("a karaoke night signup sheet with songs and the order people sing in"))


def test_a_karaoke_player_is_still_declined():
    with pytest.raises(UnsupportedRequestError):
        infer_spec("a karaoke app that shows the lyrics and plays the backing track")


@pytest.mark.parametrize(("prompt", "thing"), [
    ("an attendance sheet for my class", "Attendance"),
    ("a sign-up sheet for the bake sale: who bakes what", "Signup"),
])
def test_a_sheet_records_what_it_is_for(prompt, thing):
    assert thing in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_who_bakes_is_a_verb_and_keeps_the_bakers():
    assert "Member" in names(infer_spec("a sign-up sheet for the bake sale: who bakes what"))


def test_letter_and_letter_is_one_word():
    """'D&D', 'B&B': one word, not two one-letter things."""
    found = names(infer_spec("a place to keep my D&D homebrew monsters with stats and which campaign they appeared in"))
    assert "Monster" in found and "D" not in found, found


@pytest.mark.parametrize(("prompt", "thing"), [
    ("a list of the birds I have seen", "Bird"),
    ("un registro de los gastos del coche", "Expense"),
    ("un registro de las lecturas del contador de luz cada mes", "Reading"),
    ("a collection of my favourite quotes", "Quote"),
])
def test_a_list_or_log_of_things_keeps_the_things(prompt, thing):
    """'a list of the birds I have seen', 'un registro de los gastos': what a list, log or record holds."""
    assert thing in names(infer_spec(prompt)), names(infer_spec(prompt))


@pytest.mark.parametrize(("prompt", "things"), [
    ("app para mi pastelería: tartas, sabores, pedidos y fecha de recogida", {"Cake", "Flavour", "Order"}),
    ("quiero llevar el control de las vacunas y desparasitaciones de mis gatos", {"Cat", "VetRecord"}),
    ("app para organizar las quedadas del grupo de senderismo: rutas, fechas y quién se apunta", {"Meetup", "Route"}),
    ("una web para la escuela de surf: clases, monitores, alumnos y alquiler de tablas", {"Board", "Rental"}),
])
def test_more_everyday_spanish_nouns(prompt, things):
    assert things <= names(infer_spec(prompt)), names(infer_spec(prompt))
