"""Understanding (issue 9), ninth pass: lines and sections of a request, counts, roles people take, hiring."""

from __future__ import annotations

import re

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names, parents


def _fields(spec, entity: str) -> list[str]:
    return [f.name for f in spec.entity(entity).fields]


@pytest.mark.parametrize(("prompt", "things"), [
    ("Build a website for a brass band. Pages needed:\n- Concerts: upcoming dates with venue and ticket link\n"
     "- Players: one page per player with their instrument\n- Join us: a form to apply as a new player\n"
     "Fans can leave messages for the band", {"Concert", "Player", "Message"}),
    ("Una web para nuestra peña ciclista. Secciones:\n- Salidas: la ruta de cada domingo con kilómetros\n"
     "- Socios: cada socio con su bicicleta\nLos socios pueden apuntarse a las rutas", {"Route", "Member"}),
])
def test_a_line_without_a_full_stop_ends_its_statement(prompt, things):
    """List lines end where the line ends, so the last item does not run into the next sentence."""
    spec = infer_spec(prompt)
    assert things <= names(spec), names(spec)


def test_numbered_sections_name_the_things_and_their_fields():
    spec = infer_spec("I'd like a website for my pottery studio. The site should have:\n"
                      "1. Potters: a page per resident potter with their studio hours.\n"
                      "2. Pieces: each with title, clay body, glaze, price and status (available, sold).\n"
                      "3. Workshops: weekend courses, listing the pieces made.\n"
                      "Visitors can book a place on a workshop.")
    assert {"Potter", "Piece", "Workshop"} <= names(spec), names(spec)
    assert {"title", "glaze", "price", "status"} <= set(_fields(spec, "Piece")), _fields(spec, "Piece")
    assert "Course" not in names(spec)  # 'Workshops: weekend courses' says what the workshops are
    assert "Listing" not in names(spec)  # ', listing the pieces': what the page does


def test_the_app_title_before_a_colon_is_not_a_section():
    spec = infer_spec("church donations: members, funds and donations with amount, date and payment method")
    assert {"Member", "Fund", "Donation"} <= names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "loan", "thing"), [
    ("A neighbourhood book swap where readers borrow up to two books at a time for three weeks.", "Loan", "Book"),
    ("Una biblioteca de herramientas donde los vecinos pueden pedir prestadas hasta 3 herramientas.", None, "Tool"),
])
def test_a_count_before_a_thing_keeps_it_the_object(prompt, loan, thing):
    spec = infer_spec(prompt)
    assert thing in names(spec), names(spec)
    if loan:
        assert thing in parents(spec, loan), parents(spec, loan)


@pytest.mark.parametrize(("prompt", "role", "not_kept"), [
    ("A website for our allotment society: households join as members, rent a plot and log their harvests.",
     "Member", "Household"),
    ("Una web para el club de lectura: los vecinos se apuntan como socios y votan el libro del mes.",
     "Member", "Vecino"),
])
def test_people_kept_as_the_role_they_take(prompt, role, not_kept):
    spec = infer_spec(prompt)
    assert role in names(spec) and not_kept not in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "thing"), [
    ("A website for a ski school. Customers book lessons with an instructor and hire equipment by the day.",
     "Equipment"),
    ("A cycle shop site where visitors hire bikes for a day or a week.", "Bike"),
])
def test_hiring_a_thing_is_a_rental(prompt, thing):
    spec = infer_spec(prompt)
    assert "Rental" in names(spec) and thing in parents(spec, "Rental"), names(spec)


def test_hiring_people_is_not_a_rental():
    spec = infer_spec("A staffing agency app where companies hire workers for shifts.")
    assert "Rental" not in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "record", "detail"), [
    ("Customers book a table by choosing the date, the time slot the party size and a note.", "Booking",
     "party_size"),
    ("Visitors order a cake by choosing the size the flavour and the pickup date.", "CakeOrder", "pickup_date"),
])
def test_details_said_without_a_comma_between_them(prompt, record, detail):
    """Two details with nothing but a determiner between them (a regression: this raised IndexError)."""
    spec = infer_spec(prompt)
    assert detail in _fields(spec, record), _fields(spec, record)


@pytest.mark.parametrize(("prompt", "thing", "container"), [
    ("A recipe app where people save recipes, group them into cookbooks and rate each other's recipes.", "Recipe",
     "Cookbook"),
    ("A flashcard app where students write cards and organise them into decks.", "Card", "Deck"),
])
def test_things_grouped_into_collections_are_many_to_many(prompt, thing, container):
    spec = infer_spec(prompt)
    kinds = {(r.target, r.kind) for r in spec.entity(thing).relations} | {
        (thing, r.kind) for r in spec.entity(container).relations if r.target == thing}
    assert any(k == "many_to_many" for _, k in kinds), kinds


def test_what_people_build_of_their_own_is_kept_and_theirs():
    spec = infer_spec("A podcast directory where listeners follow shows, rate episodes and build their own "
                      "playlists.")
    assert "Playlist" in names(spec) and "Listener" in parents(spec, "Playlist"), names(spec)


@pytest.mark.parametrize(("prompt", "name"), [
    ("Somos una asesoría en Valladolid que lleva la contabilidad de autónomos. Queremos una web con nuestros "
     "servicios y un formulario para pedir cita.", "Valladolid"),
    ("A website for a sailing school on the Solent called Blue Tack: courses, instructors and bookings.", "Solent"),
])
def test_names_of_places_are_not_things(prompt, name):
    assert name not in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_a_product_name_word_said_again_in_lower_case_is_still_a_thing():
    spec = infer_spec("Fare Comparator lets people compare the fares of several transport options on a route, "
                      "and save the fares they like.")
    assert "Fare" in names(spec), names(spec)


def test_a_spanish_infinitive_is_not_a_thing():
    spec = infer_spec("Una web para mi taller de motos con un formulario para pedir cita y dejar la moto, y que el "
                      "cliente pueda entrar y consultar el estado de la reparación.")
    assert not names(spec) & {"Dejar", "Entrar", "Consultar"}, names(spec)


@pytest.mark.parametrize(("prompt", "who", "feature"), [
    ("A recipe-sharing site where cooks upload recipes and other cooks rate and favourite them.", "Cook", "Rating"),
    ("A gallery website where collectors register an account and save artworks to their favourites.", "Collector",
     "Favourite"),
])
def test_the_people_who_rate_or_save_are_the_accounts(prompt, who, feature):
    spec = infer_spec(prompt)
    assert "User" not in names(spec) and who in parents(spec, feature), (names(spec), parents(spec, feature))


@pytest.mark.parametrize(("prompt", "thing"), [
    ("Queremos una web para la peña. Debe tener noticias, una agenda de salidas y un formulario de contacto.",
     "NewsItem"),
    ("A website for our allotment society. It should have news, a calendar of work days and a contact form.",
     "NewsItem"),
])
def test_what_the_site_should_have_is_kept(prompt, thing):
    assert thing in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_spanish_subjunctive_verbs_and_where_things_happen():
    """'que cualquier vecino comunique incidencias en la calle': a verb (c -> qu), the street is where, not a thing."""
    spec = infer_spec("Una web para la asociación de vecinos con un apartado para que cualquier vecino comunique "
                      "incidencias en la calle con foto, y pueda ver en qué estado está cada una.")
    assert "Incident" in names(spec), names(spec)
    assert not names(spec) & {"Calle", "Apartado", "Comunique"}, names(spec)
    assert {"status", "photo"} <= set(_fields(spec, "Incident")), _fields(spec, "Incident")


@pytest.mark.parametrize(("prompt", "what"), [
    ("In Desert Strike, players take on the role of a tank commander who must clear each map of enemy bases.",
     "a game"),
    ("MemoryFlip is an app that offers a relaxing card-flipping game experience. The objective is to find all the "
     "pairs before time runs out.", "a game"),
    ("BallTracker studies football broadcasts and will automatically detect and track the players on the pitch.",
     "computer vision"),
    ("NetGuard performs vulnerability assessments on office networks and scans the system for open ports.",
     "a system scanner"),
    ("Give your phone a fresh look with animated wallpapers that change with the weather.",
     "a device customisation tool"),
    ("CityGuide is an app that gives walkers real-time directions and turn-by-turn guidance to museums, with "
     "museums, cafés and parks on a map.", "a navigation tool"),
    ("PhraseMate offers real-time translation for tourists: type a sentence and it translates it into the local "
     "language.", "a translator"),
    ("A tool to design and customise virtual sports arenas for esports events.", "a 3D application"),
])
def test_more_things_that_are_not_data_apps_are_declined(prompt, what):
    with pytest.raises(UnsupportedRequestError, match=re.escape(what)):
        infer_spec(prompt)


@pytest.mark.parametrize(("prompt", "thing"), [
    ("A network inventory where the IT team tracks the switches and routers in each office.", "Device"),
    ("A translation agency site where clients upload documents and order translations into other languages.",
     "Document"),
    ("A walking club app where members log the routes they walked and rate them.", "Route"),
])
def test_data_apps_near_those_tools_are_built(prompt, thing):
    assert thing in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_gerunds_after_for_are_what_the_app_does():
    spec = infer_spec("Create a platform for creating and sharing science flashcards.")
    assert "Flashcard" in names(spec), names(spec)


def test_each_one_does_something_and_the_thing_is_theirs():
    """'each artisan lists products': a verb after 'each X', and what is listed belongs to X."""
    spec = infer_spec("A marketplace for local makers where each maker lists handmade products and buyers order "
                      "them.")
    assert "Maker" in names(spec) and "Maker" in parents(spec, "Product"), names(spec)


@pytest.mark.parametrize(("prompt", "thing", "group"), [
    ("A shop where staff add products with a price, and products can appear in several curated collections.",
     "Product", "Collection"),
    ("Una app para el club: cada alumno puede estar en varios grupos y cada grupo tiene un horario.", "Student",
     "Group"),
])
def test_being_in_several_is_many_to_many(prompt, thing, group):
    spec = infer_spec(prompt)
    assert group in names(spec), names(spec)
    assert (group, "many_to_many") in {(r.target, r.kind) for r in spec.entity(thing).relations}, \
        spec.entity(thing).relations


@pytest.mark.parametrize(("prompt", "things"), [
    ("We are a removals firm. The website should show our services, photos of our lorries and customer "
     "testimonials, and a quote form.", {"Service", "Lorry", "Testimonial"}),
    ("Our village museum wants a website. It should show current and past exhibitions, each with a description "
     "and a few objects, and visitors can sign up as volunteers.", {"Exhibition", "Volunteer"}),
])
def test_what_the_site_shows_and_who_signs_up_are_kept(prompt, things):
    spec = infer_spec(prompt)
    assert things <= names(spec), names(spec)


def test_a_sponsors_logo_makes_the_sponsor_a_thing():
    spec = infer_spec("A website for our fun run: race pages, an entry form and a results page. Sponsors' logos "
                      "appear on the home page.")
    assert "Sponsor" in names(spec), names(spec)


def test_one_of_our_people_and_a_collection_of_things():
    spec = infer_spec("A website for our dental practice. Patients book a check-up with one of our four dentists, "
                      "and we show our toothbrush collection with brand and price.")
    assert {"Dentist", "Toothbrush"} <= names(spec), names(spec)
    assert "Collection" not in names(spec)
    assert {"brand", "price"} <= set(_fields(spec, "Toothbrush")), _fields(spec, "Toothbrush")
    booking = next(fs.entity for fs in spec.feature_specs if fs.name == "booking_slots")
    assert "Dentist" in parents(spec, booking), parents(spec, booking)


def test_somewhere_is_not_a_thing_and_buying_in_a_shop_is_an_order():
    spec = infer_spec("An online shop where customers buy our candles and place orders for delivery, and "
                      "somewhere we post photos of new candles.")
    assert "Somewhere" not in names(spec) and "Purchase" not in names(spec), names(spec)
    assert {"Candle", "Order"} <= names(spec), names(spec)


def test_kinds_of_appointment_and_counts_are_not_things():
    spec = infer_spec("Tengo un taller y quiero una web donde los clientes puedan pedir cita para revisión, cambio "
                      "de aceite, frenos o pre-ITV eligiendo el día, y pedir presupuesto para una reparación.")
    assert not names(spec) & {"Aceite", "Freno", "PreItv", "Checkup", "Budget", "BudgetRequest"}, names(spec)
    assert "QuoteRequest" in names(spec), names(spec)
    spec = infer_spec("A campsite website where guests book a pitch saying how many adults and children are coming "
                      "and pay a deposit.")
    assert "Child" not in names(spec) and "Adult" not in names(spec), names(spec)


def test_spanish_availability_and_deposit_are_not_things():
    spec = infer_spec("Un camping donde los clientes ven la disponibilidad de las parcelas, reservan y pagan una "
                      "señal.")
    assert not names(spec) & {"Disponibilidad", "Senal"}, names(spec)


@pytest.mark.parametrize(("prompt", "thing", "fields"), [
    ("A cycling log where I record each ride's distance, time and average speed, and each pair of tyres.", "Ride",
     {"distance", "time"}),
])
def test_a_verb_noun_with_its_properties_is_a_thing(prompt, thing, fields):
    spec = infer_spec(prompt)
    assert thing in names(spec), names(spec)
    assert fields <= set(_fields(spec, thing)), _fields(spec, thing)


def test_belonging_to_a_country_makes_a_lookup():
    spec = infer_spec("A coin collection app: each coin belongs to a country, and I note its year and condition.")
    assert "Country" in names(spec) and "Country" in parents(spec, "Coin"), names(spec)


@pytest.mark.parametrize(("prompt", "missing"), [
    ("A hackathon site where participants form teams and each team submits one project.", "Participant"),
    ("A carpooling board where drivers post trips and colleagues request a seat.", "SeatRequest"),
])
def test_people_who_form_teams_and_seats_requested(prompt, missing):
    assert missing in names(infer_spec(prompt)), names(infer_spec(prompt))


def test_a_random_team_picker_is_declined():
    with pytest.raises(UnsupportedRequestError, match="a random picker"):
        infer_spec("A random team generator: paste a list of names and it splits them into teams.")


def test_a_persons_photo_is_a_field_and_a_viewing_is_the_booking():
    spec = infer_spec("An estate agency website where visitors browse properties with photos and can book a viewing; "
                      "a team page shows each agent's photo and phone number.")
    assert "Photo" not in names(spec) and "Booking" not in names(spec), names(spec)
    assert "Viewing" in names(spec), names(spec)


def test_what_people_see_as_theirs_is_kept():
    spec = infer_spec("A self-storage website where people reserve a unit, and customers log in to see their unit "
                      "and their invoices.")
    assert "Invoice" in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "what"), [
    ("Let people make party mashups by mixing songs from their own library and adding effects.", "a music tool"),
    ("An app to compose custom ringtones from your favourite songs.", "not a data app"),
    ("Fly a spaceship through asteroid fields, dodge enemy fire and upgrade your weapons. The game offers ten "
     "levels.", "a game"),
])
def test_music_makers_and_described_games_are_declined(prompt, what):
    with pytest.raises(UnsupportedRequestError, match=re.escape(what)):
        infer_spec(prompt)


def test_a_music_library_is_still_built():
    spec = infer_spec("A music library app where I catalogue my vinyl records with artist, year and condition, and "
                      "track who borrowed which record.")
    assert names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "phrase"), [
    ("A bakery website with cakes and orders. Use a mint cream background with saddle brown buttons.",
     "colours: background #f5fffa, components #8b4513"),
    ("Una web para mi panadería con pasteles y pedidos, con fondo negro y botones naranja oscuro.",
     "colores: fondo #000000, componentes #ff8c00"),
])
def test_requested_colours_are_listed_as_requested(prompt, phrase):
    assert phrase in infer_spec(prompt).requested, infer_spec(prompt).requested


@pytest.mark.parametrize(("prompt", "phrase"), [
    ("Website for a bakery: an about page, opening hours, our cakes and online orders.",
     "information pages (about us, team, FAQ, opening hours)"),
    ("Web para la panadería con quiénes somos, horarios de apertura y pedidos online de pasteles.",
     "páginas informativas (quiénes somos, equipo, preguntas frecuentes, horarios)"),
])
def test_information_pages_are_reported_as_not_built(prompt, phrase):
    spec = infer_spec(prompt)
    assert phrase in spec.not_built and phrase in spec.requested, spec.not_built
    assert "Story" not in names(spec) and "Hour" not in names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "people", "cost", "group"), [
    ("A shared-flat expenses app: flatmates log bills, split each one between some or all of the flatmates, and "
     "see who owes whom.", "Flatmate", "Expense", None),
    ("Una app para que un grupo de amigos organice sus viajes: cada viaje tiene varios participantes, cualquiera "
     "puede apuntar un gasto que ha pagado y la app reparte cada gasto entre los que participan.", "Participant",
     "Expense", "Trip"),
])
def test_split_costs_said_other_ways(prompt, people, cost, group):
    spec = infer_spec(prompt)
    assert {people, cost, "Share"} <= names(spec), names(spec)
    assert {cost, people} <= parents(spec, "Share"), parents(spec, "Share")
    assert "amount" in _fields(spec, cost)
    assert "Signup" not in names(spec)  # 'apuntar un gasto' writes an expense down
    if group:
        assert group in parents(spec, cost) and "Group" not in names(spec), names(spec)
