"""Understanding (issue 9), sixth pass: possessions, Spanish nouns and verbs, calendars, adjectives, views."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.understand.vocab import verb_lemmas
from tests.engine.spec_helpers import names as _names
from tests.engine.spec_helpers import parents as _links


@pytest.mark.parametrize(("prompt", "owner", "owned"), [
    ("A website for a bike workshop with online booking and a gallery of our members' bikes.", "Member", "Bike"),
    ("A grooming salon site with online booking and before-and-after photos of our customers' dogs.",
     "Customer", "Dog"),
    ("Un sitio para la escuela de música con las partituras de los alumnos y un calendario de audiciones.",
     "Student", "SheetMusic"),
])
def test_what_people_own_is_a_record_and_belongs_to_them(prompt, owner, owned):
    spec = infer_spec(prompt)
    assert {owner, owned} <= _names(spec), _names(spec)
    assert owner in _links(spec, owned)


def test_an_adjective_before_an_activity_is_no_entity():
    names = _names(infer_spec("A site for a tattoo studio with online booking and a gallery of artists' work."))
    assert "Online" not in names and "Digital" not in names, names


@pytest.mark.parametrize(("prompt", "wanted", "unwanted"), [
    ("Queremos una web para la clínica: el fisio anota la evolución del paciente y le asigna ejercicios para hacer "
     "en casa.", {"Physiotherapist", "ProgressNote", "Patient", "Exercise"}, {"House", "Fisio", "Evolucion"}),
    ("Una app para el taller: cada furgoneta tiene revisiones y averías, y los mecánicos las reparan.",
     {"Van", "Mechanic"}, {"Furgoneta"}),
    ("Una web para la protectora donde los adoptantes solicitan adoptar perros y gatos.", {"Adopter"},
     {"Adoptante"}),
])
def test_common_spanish_nouns_become_english_entities(prompt, wanted, unwanted):
    names = _names(infer_spec(prompt))
    assert wanted <= names, names
    assert not names & unwanted, names


def test_spanish_plural_adjectives_and_computed_tables_are_no_entities():
    names = _names(infer_spec("Una web para la liga de fútbol del barrio: los equipos con sus jugadores, los "
                              "partidos de cada jornada, la tabla de clasificación y la lista de máximos goleadores."))
    assert {"Team", "Player", "Match", "Matchday"} <= names, names
    assert not names & {"Maximo", "Tabla", "Clasificacion", "Goleador"}, names


def test_stem_changing_spanish_verbs_are_verbs_but_nouns_stay_nouns():
    lemmas = verb_lemmas()
    assert lemmas["aprueba"] == "aprobar" and lemmas["aprueban"] == "aprobar"
    assert "cuenta" not in lemmas and "muestra" not in lemmas  # the lexicon's nouns (Account, Sample)


@pytest.mark.parametrize("prompt", [
    "A family organiser with a shared calendar, task lists and reminders for each family member.",
    "Una app familiar con un calendario compartido, listas de tareas y recordatorios.",
])
def test_one_calendar_is_its_events(prompt):
    names = _names(infer_spec(prompt))
    assert "Event" in names and "Calendar" not in names, names


def test_a_calendar_of_dated_records_is_their_view():
    names = _names(infer_spec("A salon app where clients book appointments with stylists on a calendar."))
    assert "Appointment" in names and "Calendar" not in names and "Event" not in names, names


def test_several_calendars_stay_records():
    names = _names(infer_spec("A calendar app: users keep several calendars, each with its own colour, and add "
                              "appointments to them."))
    assert "Calendar" in names, names


def test_time_slots_in_a_timetable_book_nothing():
    spec = infer_spec("a conference schedule with talks, speakers, rooms, time slots and attendee favourites")
    assert "booking_slots" not in spec.features and "Booking" not in _names(spec), _names(spec)
    assert {"Talk", "Speaker", "Room", "TimeSlot"} <= _names(spec), _names(spec)


def test_booking_a_slot_still_books():
    spec = infer_spec("A yoga studio where members book time slots for classes.")
    assert "booking_slots" in spec.features, spec.features


def test_in_order_of_is_a_sort_order_not_a_purchase():
    names = _names(infer_spec("A site for our allotment association: the committee keeps the register of plots and "
                              "manages the waiting list in order of application date."))
    assert "Plot" in names and not names & {"Order", "OrderItem"}, names


def test_marking_invoices_paid_is_a_state_not_a_payment_table():
    names = _names(infer_spec("A coworking site: members book meeting rooms and see their invoices, and admins can "
                              "mark invoices as paid."))
    assert "Invoice" in names and "Payment" not in names, names
    paying = _names(infer_spec("A coworking site where members pay their invoices online."))
    assert "Payment" in paying, paying


def test_a_page_list_names_pages_not_records():
    names = _names(infer_spec(
        "Create a website for a vet clinic. Pages: Home (opening hours and emergency phone number), Our Team (vet "
        "profiles with photo), Services & Prices, and Book an Appointment. Pet owners register their pets and book "
        "an appointment with a chosen vet for a chosen service."))
    assert {"Pet", "Owner", "Appointment", "Service"} <= names, names
    assert not names & {"Home", "Team", "Page"}, names


@pytest.mark.parametrize(("prompt", "unwanted"), [
    ("A budgeting app that categorizes and tracks spending, identifies areas of overspending and suggests savings.",
     {"Identify", "Categorize"}),
    ("A site for our community garden where members rent plots, with a page for monthly work days where members "
     "say they'll come.", {"Say"}),
    ("A talk submission site where speakers submit talks and organisers accept or reject each talk.", {"Accept"}),
    ("A wedding site with a gift registry where guests reserve a gift so nobody buys it twice.", {"Nobody"}),
    ("Hola, somos un club de senderismo y queremos una web con un calendario de salidas con la ruta, los kilómetros "
     "y el punto de encuentro, y que los socios puedan apuntarse.", {"Hola", "Kilometro", "Punto"}),
    ("I run a vet clinic and need a website where owners book appointments for their pets. Please use an alice blue "
     "background with tomato 'Book now' buttons.", {"Book", "Tomato", "AliceBlue"}),
    ("A portfolio website for a photographer: galleries grouped by theme (weddings, portraits, landscapes) and "
     "clients mark favourite photos.", {"Wedding", "Portrait", "Landscape"}),
])
def test_verbs_greetings_colours_and_values_are_no_entities(prompt, unwanted):
    names = _names(infer_spec(prompt))
    assert not names & unwanted, names


def test_pages_of_a_site_are_no_records_but_a_cms_keeps_its_pages():
    site = _names(infer_spec("A website for an animal shelter: the home page shows the dogs and cats looking for a "
                             "home, and each animal gets its own page with photos, age and a short story."))
    assert "Animal" in site and "Page" not in site, site
    cms = _names(infer_spec("A small CMS where editors write pages and publish them, with tags on each page."))
    assert "Page" in cms, cms


def test_spanish_clitics_subjunctives_and_numbers_are_not_things():
    spec = infer_spec("Tenemos un hostal con ocho habitaciones y queremos una web. Que se vean las habitaciones con "
                      "fotos y precio por noche, y que la gente pueda reservar eligiendo fechas, sin que se solapen "
                      "dos reservas de la misma habitación. Solo puede opinar quien se ha alojado con nosotros.")
    names = _names(spec)
    assert {"Room", "Reservation"} <= names, names
    assert not names & {"Ocho", "Vean", "Solapen", "Pueda", "Misma", "Alojado", "Dos"}, names


def test_a_theatre_ticket_is_no_help_desk_ticket():
    spec = infer_spec("A website for our theatre company: visitors see this season's plays and each play's "
                      "performance dates, pick seats and reserve tickets.")
    assert "Play" in _names(spec), _names(spec)
    assert "priority" not in {f.name for f in spec.entity("Ticket").fields}
    desk = infer_spec("A help desk where customers open support tickets and agents answer them.")
    assert "priority" in {f.name for f in desk.entity("Ticket").fields}


def test_them_after_coordinated_feature_verbs_is_the_thing_named_before():
    spec = infer_spec("A recipe-sharing site where cooks upload recipes, tag them by cuisine, and other cooks rate "
                      "and favourite them.")
    assert "Recipe" in _links(spec, "Rating") and "Recipe" in _links(spec, "Favourite")
    rated = next(fs.target for fs in spec.feature_specs if fs.name == "ratings")
    assert rated == "Recipe"  # what is rated; the cooks are who rates (the accounts, ninth pass), not a new User


def test_a_verb_in_a_list_of_actions_makes_no_field():
    spec = infer_spec("A deadline app where people can add and sort tasks, set deadlines, and get reminders "
                      "before upcoming deadlines.")
    fields = {f.name for f in spec.entity("Task").fields}
    assert "set_deadlines" not in fields and "due_date" in fields, fields


def test_shared_content_is_posts_and_liking_or_commenting_are_features():
    spec = infer_spec("A social networking app where people set up profiles, upload images, videos or articles and "
                      "share them with their network. Everyone can explore content others shared, such as liking, "
                      "commenting or saving it.")
    names = _names(spec)
    assert "Post" in names and not names & {"Content", "Video", "Article", "Image"}, names
    assert {"favourites", "comments"} <= set(spec.features), spec.features


def test_a_possessive_of_a_word_ending_in_s_keeps_the_word():
    from core.engine.understand.sentences import _token

    assert _token("class's").text == "class" and _token("class's").possessive
    assert _token("customers'").text == "customers" and _token("dog's").text == "dog"
