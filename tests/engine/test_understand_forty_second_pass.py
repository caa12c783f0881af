"""Understanding (issue 9), forty-second pass: who applies and who runs the site, who places orders and what they
order, details said after 'from', sponsorships, likes in Spanish and a sign-up list that is not a board."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


def test_people_who_apply_for_slots_are_kept_and_linked_to_their_applications() -> None:
    prompt = ("Street festival planner. Buskers apply for pitch slots on the high street, the organiser approves "
              "them. Each slot has a time and a spot.")
    names = _entities(prompt)
    assert "Busker" in names
    assert "Busker" in _links(prompt, "Application")


@pytest.mark.parametrize("prompt", [
    "signup sheet for our storytelling evening, tellers put their names down and I set the order",
    "A sign-up list for the folk session: singers put their name down and the host decides the running order.",
])
def test_a_running_order_is_not_a_purchase(prompt: str) -> None:
    names = _entities(prompt)
    assert "Order" not in names and "OrderItem" not in names and "Customer" not in names


def test_putting_a_name_down_for_a_slot_is_a_signup() -> None:
    prompt = "A sheet for our poetry evening where readers put their names down for a slot."
    assert {"Reader", "Slot"} <= set(_links(prompt, "Signup"))


@pytest.mark.parametrize(("prompt", "record", "source"), [
    ("Cheese dairy: we log milk deliveries from farms (litres, fat content, price per litre) and cheese batches.",
     "Delivery", "Farm"),
    ("Charity shop app: we log donations from donors (amount, date, method) and volunteers' shifts.",
     "Donation", "Donor"),
])
def test_details_after_what_comes_from_whom_are_the_records(prompt: str, record: str, source: str) -> None:
    names = _entities(prompt)
    said = {"litres", "fat_content", "price_per_litre"} if record == "Delivery" else {"amount", "method"}
    assert said <= set(names[record])
    assert not said & set(names[source])


def test_details_of_the_people_it_comes_from_stay_theirs() -> None:
    names = _entities("Wholesale app: we take orders from retailers (name, email, phone) and ship them weekly.")
    assert {"email", "phone"} <= set(names["Retailer"])


@pytest.mark.parametrize(("prompt", "name"), [
    ("Winery app: harvest deliveries, fermentation tanks and bottling runs with their dates.", "BottlingRun"),
    ("Zine publisher: issues, contributors and print runs with paper stock.", "PrintRun"),
])
def test_runs_keep_their_kind_in_the_name(prompt: str, name: str) -> None:
    names = _entities(prompt)
    assert name in names and "Run" not in names


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a furniture maker. Customers should be able to order tables and chairs. The "
    "maker should be able to mark orders as shipped.",
    "Please implement a website for a wedding photographer. Couples should be able to book a date and see their "
    "galleries. The photographer should be able to upload photos.",
])
def test_the_one_a_website_is_for_is_its_admin_not_a_table(prompt: str) -> None:
    names = _entities(prompt)
    assert "Maker" not in names and "Photographer" not in names


def test_a_professional_a_booking_is_for_is_still_kept() -> None:
    prompt = "An agency site where clients book an interpreter for an appointment and interpreters submit their hours."
    assert "Appointment" in _entities(prompt)


@pytest.mark.parametrize(("prompt", "buyer", "sold"), [
    ("Please implement a website for a coffee roaster that supplies shops. Shop owners should be able to log in, "
     "browse the coffees with their grind options, place wholesale orders and see their invoices.", "Shop", "Coffee"),
    ("Please implement a website for a bakery that supplies restaurants. Restaurant owners should be able to log "
     "in, browse the breads and place orders.", "Restaurant", "Bread"),
])
def test_venue_owners_who_place_orders_are_the_buyers(prompt: str, buyer: str, sold: str) -> None:
    names = _entities(prompt)
    assert "Owner" not in names and "Customer" not in names
    assert buyer in _links(prompt, "Order")
    assert sold in _links(prompt, "OrderItem") and buyer not in _links(prompt, "OrderItem")


def test_what_is_ordered_is_what_the_order_lines_point_at() -> None:
    prompt = ("Please implement a website for a bowling alley. Users should be able to book a lane for a date and "
              "time and order snacks in advance with their booking.")
    assert "Snack" in _links(prompt, "OrderItem")


def test_diners_ordering_dishes_own_the_orders() -> None:
    prompt = "An ordering app where diners order dishes from the menu."
    assert "Diner" in _links(prompt, "Order")
    assert "Dish" in _links(prompt, "OrderItem")


def test_spanish_list_of_records_goes_on_after_brackets_and_clauses() -> None:
    prompt = ("Somos una pequeña quesería. Queremos controlar las cubas (fecha, tipo de leche, litros), los quesos "
              "que salen de cada cuba con su fecha de curación, y los pedidos de los bares que nos compran.")
    names = _entities(prompt)
    assert "Order" in names
    assert {"milk_type", "litres"} <= set(names["Vat"])


@pytest.mark.parametrize(("prompt", "entity", "field"), [
    ("Queremos controlar los lotes (fecha, tipo de té, sabor, litros) y las botellas.", "Batch", "tea_type"),
    ("We track brews (date, type of tea, flavour, litres) and bottles.", "Brew", "tea_type"),
])
def test_a_kind_of_a_thing_in_brackets_is_one_detail_and_the_list_goes_on(prompt: str, entity: str,
                                                                          field: str) -> None:
    names = _entities(prompt)
    assert field in names[entity] and "litres" in names[entity]


def test_orders_going_through_states_are_the_commissions_kept() -> None:
    prompt = ("I paint portraits on commission. I track commissions from clients (sitter, size, due date). Orders "
              "go through enquiry -> sketched -> painted -> delivered.")
    names = _entities(prompt)
    assert "Order" not in names
    assert "status" in names["Commission"]


def test_a_sign_up_list_is_not_a_board_column() -> None:
    prompt = ("We host a monthly storytelling night. Tellers sign up for the open list before the night; judges "
              "score each story from 1 to 10.")
    names = _entities(prompt)
    assert "BoardList" not in names
    assert "Teller" in names


@pytest.mark.parametrize("prompt", [
    "una web donde los socios publican recetas y la gente puede comentarlas y darles me gusta",
    "una web donde los socios suben fotos y la gente puede darles like",
])
def test_spanish_likes_are_likes(prompt: str) -> None:
    assert "Like" in _entities(prompt)


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a donkey sanctuary. Users should be able to browse the donkeys, sponsor an "
    "animal with a monthly donation and read news posts.",
    "Please implement a website for a horse rescue. Visitors should be able to read about the horses and sponsor "
    "a horse with a monthly gift. Sponsors should be able to log in and see updates.",
])
def test_sponsoring_an_animal_is_a_sponsorship_paid_by_a_person(prompt: str) -> None:
    names = _entities(prompt)
    assert "Sponsorship" in names and "Donation" not in names and "Donor" not in names
    assert "contact_name" not in names.get("Sponsor", [])
    assert "amount" in names["Sponsorship"]


@pytest.mark.parametrize("prompt", [
    "A website for our charity bike ride: route pages, an entry form and a results page. Sponsors' logos appear "
    "on every page.",
    "We sell ad slots to sponsors, so I need to know which sponsor is in which newsletter and what they paid.",
])
def test_sponsors_named_as_things_stay_sponsors(prompt: str) -> None:
    assert "Sponsor" in _entities(prompt)


def test_who_does_a_participle_is_not_who_does_the_next_verb() -> None:
    prompt = ("Please implement a website for a jazz bar. Users should be able to view upcoming gigs and the "
              "musicians playing in them, buy tickets for a gig, and see their tickets in their account.")
    assert "Musician" not in _links(prompt, "Ticket")


@pytest.mark.parametrize("prompt", [
    "Our junior netball league has 10 teams. Parents log in to see their kids' fixtures and pay subs; coaches "
    "record attendance at each practice.",
    "Website for a youth lacrosse club: browse the teams and the season's games, and parents register their child "
    "for a team.",
])
def test_kids_of_a_sports_club_are_its_players(prompt: str) -> None:
    names = _entities(prompt)
    assert "Player" in names and "Child" not in names


def test_kids_of_a_nursery_stay_children() -> None:
    assert "Child" in _entities("Nursery app: parents see their kids' daily reports and the rooms they are in.")


@pytest.mark.parametrize("prompt", [
    "Coaches enter game stats (assists, rebounds, minutes) for each player after every match.",
    "An app that suggests board games for our group based on player count, play time and the themes we like.",
])
def test_sports_stats_and_board_game_suggestions_are_data_apps(prompt: str) -> None:
    assert _entities(prompt)


def test_game_stats_keep_their_kind_in_the_name() -> None:
    names = _entities("Coaches enter game stats (assists, rebounds, minutes) for each player after every match.")
    assert "GameStat" in names and "Stat" not in names


@pytest.mark.parametrize(("prompt", "who", "record"), [
    ("Coffee subscription: customers pick a plan (250 g or 500 g a fortnight), we roast and ship a bag each time, "
     "and we note which beans each subscriber has already had.", "Customer", "Subscription"),
    ("Club de vinos: los socios eligen plan (6 o 12 botellas), cada trimestre enviamos una caja.", "Member",
     "Subscription"),
    ("A climbing wall's site where members choose a membership plan and book classes.", "Member", "Membership"),
])
def test_people_choosing_a_plan_are_subscribed_to_it(prompt: str, who: str, record: str) -> None:
    names = _entities(prompt)
    assert record in names
    assert who in _links(prompt, record)
    assert "Subscriber" not in names


@pytest.mark.parametrize(("prompt", "day"), [
    ("Please implement a website for a kite club. Users should be able to create an account, view the calendar of "
     "club flying days and sign up for them.", "FlyingDay"),
    ("Website for our orchard group: members see the list of pruning days and sign up for them.", "PruningDay"),
])
def test_days_of_an_activity_people_sign_up_for_are_kept(prompt: str, day: str) -> None:
    assert day in _entities(prompt)
    assert day in _links(prompt, "Signup")


def test_spanish_volunteering_days_are_events_not_matchdays() -> None:
    prompt = ("Web para el voluntariado de limpieza del río: calendario de jornadas e inscripción de voluntarios a "
              "cada jornada.")
    names = _entities(prompt)
    assert "Matchday" not in names and "Event" in names


def test_league_matchdays_stay_matchdays() -> None:
    prompt = "Liga de fútbol sala: equipos, jornadas y partidos de cada jornada con su resultado."
    assert "Matchday" in _entities(prompt)


def test_a_care_plan_reviewed_every_month_is_not_rated() -> None:
    prompt = ("Supported living app: each tenant has a support plan that has to be reviewed every month, and staff "
              "record medication rounds with the time and their initials.")
    names = _entities(prompt)
    assert "Rating" not in names and "Review" not in names
    assert "MedicationRound" in names and "Initial" not in names


def test_people_reviewing_what_they_bought_still_rate_it() -> None:
    assert "Rating" in _entities("Customers can review the teas they bought and save favourites.")


@pytest.mark.parametrize("prompt", [
    "app for our snooker club, members book tables by the hour and enter league results",
    "club de tenis de mesa: los socios reservan mesas por horas",
])
def test_tables_of_a_table_game_are_not_dining_tables(prompt: str) -> None:
    names = _entities(prompt)
    assert "GameTable" in names and "DiningTable" not in names


def test_a_fleets_insurance_and_services_are_records_of_each_vehicle() -> None:
    prompt = "Flota de furgonetas del taller: seguro, revisiones y multas de cada vehículo."
    names = _entities(prompt)
    assert {"InsurancePolicy", "MaintenanceRecord"} <= set(names)
    assert "Vehicle" in _links(prompt, "MaintenanceRecord")


def test_a_postcode_is_a_detail() -> None:
    prompt = "Landscaping site: visitors send a quote request with their postcode, garden size and a few photos."
    names = _entities(prompt)
    assert "Postcode" not in names
    assert "postcode" in names["QuoteRequest"]


@pytest.mark.parametrize(("prompt", "entity"), [
    ("Members of our butterfly group log sightings: species, how many, where, when and a photo.", "Sighting"),
    ("Apuntamos las capturas de cada salida: especie, cuántos, dónde, cuándo y una foto.", "Catch"),
])
def test_question_words_in_a_list_of_details_are_the_details(prompt: str, entity: str) -> None:
    names = _entities(prompt)
    assert {"count", "location", "date"} <= set(names[entity])


@pytest.mark.parametrize("prompt", [
    "Bowling alley booking system. Lane packages (name, price per head, duration). Customers book a package for a "
    "date and time slot. Also a leaderboard of player scores from the games.",
    "Please implement a website for a crazy golf course. Users should be able to book a tee time for a group and "
    "players should be able to see their scores from past games on a leaderboard.",
])
def test_scores_on_a_leaderboard_are_kept_and_the_app_is_built(prompt: str) -> None:
    names = _entities(prompt)
    assert "Score" in names
    assert "Player" in _links(prompt, "Score")


@pytest.mark.parametrize("prompt", [
    "Quiero un editor para escribir letras de canciones que cuente las sílabas de cada verso y me sugiera rimas.",
    "Customers upload a photo of their kitchen, drag cabinets and a worktop onto it and rotate the whole thing in 3D.",
    "Tengo planos de muebles en PDF grande y quiero una herramienta que los divida en hojas A4 para imprimirlos.",
    "I want to upload the GPX file from my cycling sportive and replay my ride on the map as an animation.",
])
def test_editors_visualisers_and_file_tools_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        understand(prompt)


@pytest.mark.parametrize("prompt", [
    "Blog with an editor for writing posts, tags and comments.",
    "Cycling club: members upload the GPX file of each ride and we keep a log of distance and climbing per member.",
])
def test_apps_that_mention_editors_or_files_are_still_built(prompt: str) -> None:
    assert _entities(prompt)


def test_a_word_count_detail_is_not_a_word_counter() -> None:
    prompt = "Each proofreading request has the source language, a word count and a deadline."
    assert "word_count" in _entities(prompt)["ProofreadingRequest"]


def test_a_word_counter_is_still_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        understand("a word counter for my essays")


@pytest.mark.parametrize(("prompt", "who", "what"), [
    ("I want to log the hours each plasterer spends on a job and the sand and lime we buy.", "Plasterer", "Job"),
    ("We log the time each volunteer spends on a task.", "Volunteer", "Task"),
    ("Track the hours each mechanic works on a repair.", "Mechanic", "Repair"),
])
def test_time_each_person_spends_on_a_thing_joins_them(prompt: str, who: str, what: str) -> None:
    assert {who, what} <= set(_links(prompt, "TimeEntry"))


def test_the_order_companion_knows_every_venue_buyer() -> None:
    from core.engine.understand.entities import VENUE_BUYERS
    from core.engine.understand.vocab import load

    rule = next(x for x in load("companions")["implied"]["Order"] if x["add"] == "Customer")
    assert set(rule["unless_linked"]) == VENUE_BUYERS
