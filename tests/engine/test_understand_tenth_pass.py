"""Understanding (issue 9), tenth pass: grammar that holds across phrasings (agreement, 'each X of a Y', idioms),
booking names the prompt uses, and media tools described by what they add to photos."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(("prompt", "things", "who"), [
    ("A fishing log where members of our angling club record catches of each fish at local lakes.",
     {"Member", "Catch", "Fish"}, "Member"),
    ("A site where parents at our school book slots with teachers.", {"Parent", "Teacher"}, "Parent"),
])
def test_the_verb_agrees_with_the_people_before_of(prompt, things, who):
    """'members of our club record catches': 'record' is the members' verb, not part of 'club record catches'."""
    spec = infer_spec(prompt)
    assert things <= names(spec), names(spec)
    assert "ClubRecord" not in names(spec) and "SchoolBook" not in names(spec), names(spec)
    thing = sorted(things - {who})[0]
    booked = "Booking" if "Booking" in names(spec) else thing
    assert who in parents(spec, booked) or who in parents(spec, thing), (parents(spec, booked), parents(spec, thing))


def test_each_x_of_a_y_keeps_both():
    spec = infer_spec("A quiz league tracker where I log each round of a quiz and the points every team scored.")
    assert {"Round", "Quiz"} <= names(spec), names(spec)
    assert "Quiz" in parents(spec, "Round"), parents(spec, "Round")


@pytest.mark.parametrize("prompt", [
    "A choir app where our group logs each concert, who took part and the songs we sang.",
    "A running club site where runners who took part in a race log their times.",
])
def test_taking_part_is_not_a_part(prompt):
    assert "Part" not in names(infer_spec(prompt))


def test_our_group_doing_something_is_who_uses_the_app():
    spec = infer_spec("A walking app where our group records each walk of a trail with the distance.")
    assert "Group" not in names(spec), names(spec)
    assert {"Walk", "Trail"} <= names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "booking"), [
    ("A salon website where clients browse treatments and book a 45-minute appointment with a stylist.",
     "Appointment"),
    ("A small hotel site where guests look at the rooms and book a reservation for their stay.", "Reservation"),
])
def test_a_booking_keeps_the_word_the_prompt_uses(prompt, booking):
    spec = infer_spec(prompt)
    assert booking in names(spec), names(spec)
    assert "Booking" not in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "things"), [
    ("Una app para el torneo de dominó del barrio: las partidas de cada ronda con su resultado.", {"Match", "Round"}),
    ("Una app para el gimnasio municipal donde los usuarios compran su abono mensual y reservan la taquilla.",
     {"Pass", "Locker"}),
    ("Una web para la guardería: las educadoras apuntan las comidas y la siesta de cada bebé.", {"Educator", "Baby"}),
])
def test_common_spanish_nouns_have_english_names(prompt, things):
    spec = infer_spec(prompt)
    assert things <= names(spec), names(spec)


def test_fruit_and_vegetables_for_sale_are_products():
    spec = infer_spec("Una tienda online de mi huerta: vendo fruta y verdura por kilos y los clientes hacen pedidos.")
    assert "Product" in names(spec), names(spec)
    assert not {"Fruit", "Vegetable", "Fruta", "Verdura"} & names(spec), names(spec)


def test_the_things_after_a_topic_colon_are_kept():
    spec = infer_spec("A darts league: players from different clubs, a match night every Tuesday, points for each "
                      "leg, and a table for the season.")
    assert {"Player", "Club", "MatchNight", "Point"} <= names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "things"), [
    ("stamp album tracker - stamps by country, year and condition", {"Stamp"}),
    ("vinyl collection — artist, title, year, pressing and what I paid", {"Vinyl"}),
    ("gig diary – bands I've seen, the venue and who came with me", {"Band", "Venue"}),
])
def test_a_dash_after_the_title_works_as_a_colon(prompt, things):
    spec = infer_spec(prompt)
    assert things <= names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "thing"), [
    ("A packing list for camping trips: the gear, its weight and which bag it goes in.", "Bag"),
    ("birding log: birds I have spotted, date, which wood and which binoculars", "Wood"),
    ("Una app para el coro: los ensayos, quién viene y a qué concierto vamos.", "Concert"),
])
def test_which_x_is_a_choice_among_kept_records(prompt, thing):
    assert thing in names(infer_spec(prompt))


@pytest.mark.parametrize(("prompt", "things", "absent"), [
    ("app para apuntar mis viajes: los países y las ciudades que visité en cada viaje", {"Trip"}, {"Paise"}),
    ("club de atletismo: atletas, competiciones y las marcas de cada uno", {"Athlete", "Competition"}, {"Uno"}),
    ("app para mi huerto: qué tengo plantado en cada bancal y cuántos kilos saco", {"Bed"}, {"Tengo", "Saco"}),
    ("hábitos diarios tipo leer, meditar o beber agua y marcar cada día si lo he cumplido", {"Habit"}, {"Beber"}),
    ("lista de pelis para ver con mi novia", {"Movie"}, {"Peli"}),
])
def test_spanish_plurals_verbs_and_everyday_words(prompt, things, absent):
    spec = infer_spec(prompt)
    assert things <= names(spec), names(spec)
    assert not absent & names(spec), names(spec)


@pytest.mark.parametrize("prompt", [
    "An app to keep track of my houseplants and when I water them.",
    "We keep losing track of which neighbour borrowed the ladder.",
    "I want to keep tabs on my running shoes and the miles on each pair.",
])
def test_keeping_track_is_an_idiom_not_a_track(prompt):
    assert "Track" not in names(infer_spec(prompt))


def test_times_of_day_after_a_thing_say_when():
    spec = infer_spec("Track my glucose readings morning and evening, plus the insulin doses I take.")
    assert "Morning" not in names(spec) and "Evening" not in names(spec), names(spec)
    assert any(n.endswith("Reading") for n in names(spec)), names(spec)


def test_what_people_have_is_tracked_not_the_people():
    spec = infer_spec("An app to track my students' assignments and the marks they get.")
    assert "Assignment" in names(spec), names(spec)


def test_a_list_ending_in_etc_gives_examples_not_things_or_fields():
    spec = infer_spec("Memberships tracker: gym, pool, yoga etc, with the monthly cost and renewal date")
    assert "Membership" in names(spec), names(spec)
    assert not {"Gym", "Pool", "Yoga"} & names(spec), names(spec)
    assert not {"gym", "pool", "yoga"} & {f.name for f in spec.entity("Membership").fields}


@pytest.mark.parametrize(("prompt", "thing"), [
    ("tortoise care log: feedings, weighings and vet visits", "Feeding"),
    ("A garden journal where I record plantings in each bed and the harvest.", "Planting"),
])
def test_plural_ing_nouns_are_records(prompt, thing):
    assert thing in names(infer_spec(prompt))


def test_settings_are_not_records():
    assert "Setting" not in names(infer_spec("A family chat app with group messages, photos and privacy settings."))


def test_two_things_heading_a_section_are_both_kept():
    spec = infer_spec("We need a site for our darts league. It should have:\n"
                      "- Venues and teams: each venue hosts one or more teams\n"
                      "- Fixtures and results: the season's fixtures with the score of each leg")
    assert {"Venue", "Team", "Fixture"} <= names(spec), names(spec)


def test_a_page_headed_by_plural_things_lists_them():
    spec = infer_spec("Website for a pottery studio. Classes page: wheel throwing, hand building, glazing, max 6 "
                      "people, book a place online. Customers have accounts and can see their bookings.")
    assert "Class" in names(spec) or "ClassSession" in names(spec), names(spec)
    assert "Max" not in names(spec) and "Book" not in names(spec), names(spec)


def test_people_who_have_accounts_are_who_acts_next():
    spec = infer_spec("An online tea shop. Customers have accounts and can rate the teas they bought.")
    assert "Customer" in names(spec), names(spec)
    assert "Account" not in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "absent", "kept"), [
    ("Please build a website for Greenway Lawns, a garden maintenance company that mows lawns for homes. Customers "
     "book a visit and see their invoices.", "Company", "Customer"),
    ("Una web para Pilates Sol, un estudio pequeño en Gijón. Las alumnas reservan clases.", "Estudio", "Student"),
])
def test_the_business_the_site_is_for_is_not_a_table(prompt, absent, kept):
    spec = infer_spec(prompt)
    assert absent not in names(spec), names(spec)
    assert kept in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "signup"), [
    ("app para apuntar mis gastos del coche: gasolina, talleres y seguros", False),
    ("app para el club donde los socios se apuntan a las salidas de cada domingo", True),
    ("una app para el AMPA donde las familias apuntan a sus hijos a las actividades", True),
])
def test_apuntar_notes_down_unless_someone_signs_up(prompt, signup):
    spec = infer_spec(prompt)
    assert ("Signup" in names(spec) or any(n.endswith(("Signup", "Enrollment", "Enrolment", "Registration"))
                                           for n in names(spec))) == signup, names(spec)


def test_a_skill_share_is_not_a_cost_share():
    spec = infer_spec("A neighbourhood skill share where people offer lessons and others sign up.")
    assert not {"Share", "Settlement"} & names(spec), names(spec)
    assert "Lesson" in names(spec), names(spec)


def test_a_game_schedule_is_the_games():
    spec = infer_spec("Youth football team app: players, parents and the game schedule with who drives to each game.")
    assert "Game" in names(spec), names(spec)
    assert "GameSchedule" not in names(spec), names(spec)


def test_an_aside_between_dashes_stays_in_its_sentence():
    spec = infer_spec("Memberships tracker – gym, pool, yoga etc – with the monthly cost and who uses each")
    assert "Membership" in names(spec), names(spec)
    assert not {"Gym", "Pool", "Yoga"} & names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "absent"), [
    ("i teach guitar privately and need my students, their weekly lessons and the songs each one is learning",
     "Guitar"),
    ("Doy clases de inglés y enseño francés: necesito mis alumnos, sus clases y los pagos de cada mes", "French"),
])
def test_what_is_taught_is_a_subject_not_a_table(prompt, absent):
    spec = infer_spec(prompt)
    assert absent not in names(spec), names(spec)
    assert "Student" in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "entry"), [
    ("a gratitude journal: three things each day and how I felt", "GratitudeEntry"),
    ("a workout journal with the exercises, sets and weights of each session", "Workout"),
])
def test_a_diary_or_journal_keeps_entries_of_its_kind(prompt, entry):
    assert entry in names(infer_spec(prompt))


def test_a_reduced_relative_participle_links_its_noun():
    spec = infer_spec("household budget: categories with limits, and every expense assigned to a category")
    assert {"Category", "Expense"} <= names(spec), names(spec)
    assert "Category" in parents(spec, "Expense"), parents(spec, "Expense")


@pytest.mark.parametrize(("word", "plural"), [("loaf", "loaves"), ("bread_shelf", "bread_shelves"),
                                              ("child", "children"), ("bus", "buses"), ("diagnosis", "diagnoses")])
def test_requested_words_and_table_names_use_english_plurals(word, plural):
    from core.spec import pluralize

    assert pluralize(word) == plural


_NOT_DATA_APPS = [  # media tools, dice and randomisers, small tools, word games, games, software
    "An app that lets people create custom filters for their photos and tweak brightness and contrast.",
    "Software where users add decorative borders to their pictures and save the result.",
    "A program with virtual musical instruments so kids can play drums and piano together.",
    "un juego del ahorcado para practicar vocabulario con mis alumnos",
    "a crossword game for my grandad with easy clues",
    "word counter that shows how long my essay takes to read",
    "a tool that shrinks my pictures before I upload them",
    "generador de firmas de correo con mi logo y mi cargo",
    "An app that removes the background from your photos in one click.",
    "Software that improves the sharpness of old pictures and restores faded colours.",
    "A tool that reduces the noise in my videos and stabilises shaky footage.",
    "A dice roller for board games that shows each roll of the dice.",
    "A turn order randomizer for our games nights.",
    "Race against opponents on neon tracks and unlock faster cars in this arcade game.",
    "An interactive storytelling app where readers choose their own adventure.",
    "Players become pirates who sail between islands and battle rival ships for treasure.",
    "Write an interpreter for a small scripting language with variables and loops.",
    "Device drivers for USB printers on Linux.",
]
_DATA_APPS_NEAR_THEM = [  # photo clubs, game records, quest trackers, people who drive or interpret
    "A photo club site where members upload photos to monthly competitions and judges score them.",
    "A framing shop app to track customer orders of frames for their photos, with price and pickup date.",
    "A site where members of our bridge club record the games they play and see a ranking.",
    "A board game night tracker where we log each game we play and who won.",
    "An app where role-playing game players can keep track of their quests, objectives and rewards.",
    "A photo club site where members upload photos of each outing and comment on them.",
    "A car club app where members log the changes they make to their cars, with photos.",
    "A site for our community minibus: passengers request trips and each run has one vehicle and a volunteer driver "
    "for part of the day.",
    "An agency site where clients book an interpreter for an appointment and interpreters submit their hours.",
]


@pytest.mark.parametrize("prompt", _NOT_DATA_APPS)
def test_what_is_not_a_data_app_is_declined(prompt):
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize("prompt", _DATA_APPS_NEAR_THEM)
def test_data_apps_that_sound_like_them_still_build(prompt):
    assert infer_spec(prompt).entities
