"""Forty-seventh pass: tools described without their usual names (live sensor feeds, clicking beats, backups,
screen recording, game clones, unit switches, AI chat), requests that say nothing is kept, and people or groups
that are details or users rather than tables."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


def _fields(spec, entity: str) -> set[str]:
    """The field names of one entity of a spec."""
    return {f.name for e in spec.entities if e.name == entity for f in e.fields}


@pytest.mark.parametrize("prompt", [
    "For the cold room: our ESP8266 boards publish the temperature every few seconds and I want big live gauges "
    "on the office screen.",
    "Una pantalla en la cocina leyendo los sensores de las neveras por wifi y que avise si pasan de 5 grados.",
    "Something for the band's drummer that clicks the beat at the tempo he sets, with a louder first beat.",
    "Una app para el gimnasio con rondas tipo tabata, 30 segundos de esfuerzo y 15 de pausa, y un pitido.",
    "Un bot de Discord para el club de lectura que avise cuando salga un libro nuevo de nuestros autores.",
    "A little program that backs up our shared office folders to a USB disk every night.",
    "Quiero una herramienta que haga copias de seguridad del ordenador de recepción cada viernes.",
    "Show me a treemap of folder sizes on the studio's file server so I can see what is eating the space.",
    "An app that records the screen while our trainers demo the till, then downloads the video.",
    "A wordle clone with gardening words for the nursery's newsletter readers.",
    "Guess the cheese from a photo, score a point, play again: a bit of fun for the deli's customers.",
    "For the homebrew club: convert between original gravity, plato and brix.",
    "Una web para pasar las cantidades de las recetas de tazas a gramos.",
    "A breathing guide for the waiting room TV: a circle that grows and shrinks slowly.",
    "A chat helper for our bike shop's site that answers repair questions using an AI model.",
    "A ticker for the trading club's meeting room that pulls prices from a market API every 10 seconds.",
    "I want the nurses to type in the child's weight and get the dose in ml. No accounts needed.",
    "The quiz night app shows questions on the projector, teams answer on their phones and the scores are "
    "cleared when the night ends.",
    "A page for the darts league where two players enter their throws and it shows what to aim for to finish. "
    "Just for fun, no login.",
])
def test_tools_described_by_what_they_do_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", [
    "Timer app for our rowing coaches: each erg piece is timed and every piece is saved to the rower's profile so "
    "we can compare their history over the season.",
    "Metronome practice log for the music school: students record the piece, the tempo and the minutes practised "
    "and teachers review them weekly.",
    "Price calculator for our decking firm; it saves every quote against the client's file with line items and a "
    "status.",
    "The cellar probes send readings over MQTT, and the dashboard should store them every ten minutes for each vat "
    "and chart them.",
    "Public directory of the town's food banks with opening hours and what they need this week, no login for "
    "visitors; volunteers manage the listings.",
])
def test_data_apps_with_tool_words_are_built(prompt: str) -> None:
    assert names(infer_spec(prompt))


def test_a_table_named_beside_a_yes_no_detail_of_the_same_word_is_kept() -> None:
    spec = infer_spec("Moth trapping records:\nTrap (site, bulb type, date set)\nQueen (trap, year, source)\n"
                      "Check (trap, date, queen seen y/n, notes)")
    assert "Queen" in names(spec)
    assert "queen_seen" in _fields(spec, "Check")


@pytest.mark.parametrize(("prompt", "entity", "field", "person"), [
    ("Pottery school app. Courses (title, teacher, max places), and students who book courses.",
     "Course", "teacher", "Teacher"),
    ("Allotment records. Sites (name, postcode, owner), Plots (site, number, size).", "Site", "owner", "Owner"),
    ("Film society app: Films (title, director, year, runtime) and Screenings (film, date, room).",
     "Film", "director", "Director"),
])
def test_a_person_among_a_records_details_is_a_field(prompt: str, entity: str, field: str, person: str) -> None:
    spec = infer_spec(prompt)
    assert person not in names(spec)
    assert field in _fields(spec, entity)


@pytest.mark.parametrize("prompt", [
    "Moth group records system. Traps (site, grid ref), Catches (trap, date, species, count).",
    "Choir group admin app - concerts (title, date, venue) and which singers sing in each concert.",
    "Vendemos entradas para los bolos de nuestro grupo de danza: cada espectáculo tiene varias funciones y butacas "
    "numeradas.",
    "Squash club: members book courts in 45 minute slots; the committee wants to see which courts get booked "
    "most.",
])
def test_the_group_running_the_app_or_its_committee_is_no_table(prompt: str) -> None:
    found = names(infer_spec(prompt))
    assert not {"Group", "Committee"} & set(found)
    assert found


def test_groups_people_join_are_still_tables() -> None:
    assert "Group" in names(infer_spec("Users create groups, invite friends into them and split expenses within "
                                       "each group."))


@pytest.mark.parametrize("prompt", [
    "nail bar helper: pick gel or acrylic, it counts down the curing time for each station and flashes when it's "
    "done.",
    "Dog grooming salon: a page where staff pick the coat type and it shows the drying time on the big screen.",
])
def test_a_request_naming_nothing_the_engine_keeps_and_doing_something_is_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", [
    "Film festival accreditation: bloggers apply with their site and audience size, and our press team approves or "
    "rejects every request.",
    "A project planner that helps managers plan and organise their projects.",
    "A website for my bakery that shows our cakes with prices.",
    "A portfolio site that shows my photography projects.",
])
def test_vague_or_unusual_data_apps_are_not_taken_for_tools(prompt: str) -> None:
    assert names(infer_spec(prompt))


def test_members_fees_are_membership_fees() -> None:
    spec = infer_spec("Club de remo: socios, barcos y cuotas.")
    assert {"Member", "MembershipFee"} <= set(names(spec))
    assert "Fee" not in names(spec)


def test_a_fee_paid_once_beside_payments_is_the_payment() -> None:
    spec = infer_spec("Karate club app: students, gradings and payments. Students pay the fee when they book a "
                      "grading.")
    assert "Payment" in names(spec)
    assert "Fee" not in names(spec)


def test_spanish_things_coordinated_readings_per_day_and_states_in_progress() -> None:
    spec = infer_spec("Coordinamos cuatro huertos escolares. Los profesores apuntan las lecturas de humedad tres veces "
                      "al día y las averías (riego roto, valla caída) con su estado: pendiente, en curso, arreglada.")
    found = names(spec)
    assert "Course" not in found
    assert {"Garden", "Reading"} <= set(found)
    assert "humidity" in {f.name for f in spec.entity("Reading").fields}



@pytest.mark.parametrize("prompt", ["orienteering club management", "gestión del club de petanca"])
def test_a_club_named_with_nothing_else_keeps_members_events_and_fees(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert {"Member", "Event", "Registration", "MembershipFee"} <= set(names(spec))
    assert {r.target for r in spec.entity("Registration").relations} == {"Member", "Event"}


@pytest.mark.parametrize("prompt", [
    "Our buyers lose time copying supplier prices. Make a Firefox extension: on a wholesaler's page it reads the "
    "prices and adds them to our spreadsheet.",
    "Para los socios del club de tiro: una calculadora de la caída de la bala según distancia, viento y calibre. "
    "Sin registro: metes los datos y ves el resultado.",
    "Could you make an editor for the band's setlists? I want to lay out songs with keys and cues, and export to "
    "PDF for the stage.",
    "A tuner for the ukulele class: they pluck a string and it shows whether they're sharp or flat.",
    "For the gym lobby, a screen that shows the current class and a big clock.",
    "WindNow shows live wind at the sailing club from the harbour buoy on a wall display. No data is stored.",
])
def test_tools_asked_in_a_second_sentence_or_said_to_keep_nothing_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", [
    "A screen in the kitchen that shows orders as they come in, with their items, and staff mark them ready.",
    "Piano tuner booking system: customers book a tuner for a date and we keep each piano's history.",
])
def test_screens_of_kept_orders_and_tuners_as_people_are_data_apps(prompt: str) -> None:
    assert names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [
    "Darts league: players, fixtures and each player's scores per leg.",
    "Curling league app: teams, games and each skip's scores for every end.",
])
def test_a_players_scores_per_game_are_points_not_ratings(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "ratings" not in spec.features and "auth" not in spec.features
    assert "points" in {f.name for f in spec.entity("Score").fields}


@pytest.mark.parametrize("prompt", [
    "A countdown to opening night on the theatre's homepage: days, hours and minutes.",
    "QR maker for the bookshop: paste an event link, get a printable QR code for the window.",
    "Pub quiz trivia for the bar's TV: random questions on the screen, the answer after 15 seconds, looping all night.",
    "Take a photo of a mushroom on a walk and it tells me whether it's safe to eat.",
    "RouteBoard is a software application for a hotel lobby. It lists the next trams from the city's real-time feed "
    "and refreshes every minute.",
    "For the village fete: drag stalls and gazebos onto a plan of the field and print it for the stewards.",
    "Could I draw a flowchart of how a new puppy is booked in at the kennels, to print for the office?",
    "Click track for the choir's recording day: tap tempo, accent on the first beat, count-in bars.",
    "Split the café tip jar at the end of each week between the baristas by hours worked.",
    "Teachers write the newsletter in markdown; we need an editor that shows it as they type, plus a button that "
    "exports a tidy PDF.",
])
def test_more_tools_described_in_users_words_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", [
    "Theatre box office: shows, performances, seats and ticket sales, with a countdown to each opening night on the "
    "show page.",
    "Fungi recording group: members log each find with a photo, the species and a grid reference.",
])
def test_data_apps_beside_those_tools_are_built(prompt: str) -> None:
    assert names(infer_spec(prompt))
