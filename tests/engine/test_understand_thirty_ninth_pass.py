"""Understanding (issue 9), thirty-ninth pass: groups said with their size, lists that are records of their own
(mailing, waiting and wanted lists), and a request whose only things are listed beside what it does."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, group, member", [
    ("Bowling league manager. Teams of 4 players, weekly fixtures, each game's score per player, a league table, and "
     "handicaps worked out from each player's average.", "Team", "Player"),
    ("Five-a-side league: teams of five players, fixtures and results.", "Team", "Player"),
])
def test_a_group_said_with_its_size_is_kept_with_its_members(prompt: str, group: str, member: str) -> None:
    assert group in _entities(prompt)
    assert group in _links(prompt, member)


@pytest.mark.parametrize("prompt, entity, absent", [
    ("Please implement a website for a theatre group. Users should be able to buy tickets for performances. "
     "Visitors should also be able to join the mailing list.", "Subscriber", {"BoardList", "Membership"}),
    ("second hand bookshop: books, customers and sales. customers can leave a wanted list and we email them when a "
     "copy comes in.", "WishlistItem", {"BoardList"}),
])
def test_a_named_kind_of_list_is_its_own_record_not_a_board_list(prompt: str, entity: str, absent: set[str]) -> None:
    names = set(_entities(prompt))
    assert entity in names
    assert not absent & names


def test_boards_still_have_lists() -> None:
    assert {"Board", "BoardList", "Card"} <= set(_entities("Kanban app with boards, lists and cards"))


@pytest.mark.parametrize("prompt, entry, parent", [
    ("Our sailing club runs courses over the summer. People sign up online for a course date and pay a deposit. "
     "When a course date is full we need a waiting list.", "WaitlistEntry", "Course"),
    ("A dentist's app with patients, appointments and a waiting list.", "WaitlistEntry", "Appointment"),
    ("Clases de yoga: alumnos, clases y lista de espera cuando se llenan.", "WaitlistEntry", "ClassSession"),
    ("Pottery classes with a waitlist when a class is full.", "WaitlistEntry", "ClassSession"),
])
def test_a_waiting_list_is_an_entry_per_person_waiting(prompt: str, entry: str, parent: str) -> None:
    assert entry in _entities(prompt)
    assert parent in _links(prompt, entry)


def test_the_only_listed_things_beside_what_an_app_does_are_built_not_refused() -> None:
    spec = understand("A software to help people grow their vocabulary in a foreign language through quizzes, "
                      "interactive learning, and progress tracking.")
    assert "Quiz" in [e.name for e in spec.entities]


@pytest.mark.parametrize("prompt, what", [
    ("I write our newsletter every month. Want a little writing app in the browser: markdown on the left, preview on "
     "the right, a word count, and a button to copy the HTML.", "an editor"),
    ("Queremos un visor en 3D de la estación para la web: que se vea la montaña, las pistas por colores y los "
     "remontes, y que puedas girarla con el ratón.", "a 3D viewer"),
    ("Sewing patterns often come as one big A0 PDF. I want a tool where I drop the PDF and it splits it into A4 "
     "pages with overlap marks so people can print at home.", "a converter"),
])
def test_tools_said_by_what_they_do_are_declined(prompt: str, what: str) -> None:
    with pytest.raises(UnsupportedRequestError, match=what):
        understand(prompt)


@pytest.mark.parametrize("prompt", [
    "A pattern shop: patterns with a PDF file each, customers and orders.",
    "A blog with posts, tags and comments; authors write posts in markdown.",
])
def test_data_apps_that_mention_pdfs_or_markdown_are_built(prompt: str) -> None:
    assert len(understand(prompt).entities) >= 2


@pytest.mark.parametrize("prompt, role", [
    ("soup kitchen volunteer app. volunteers sign up for shifts (kitchen, serving, cleanup) and a coordinator approves "
     "them.", "coordinator"),
    ("Bowling league manager. Teams of 4 players, weekly fixtures, each game's score per player. Captains enter the "
     "scores, the league admin approves them.", "captain"),
    ("Sign language school. Courses have a level and a teacher; each course has weekly lessons. Students enrol in "
     "courses; teachers take attendance each lesson. Admin, teacher and student accounts.", "teacher"),
    ("diccionario de LSE: cada signo con su vídeo, categorías, búsqueda, los alumnos guardan favoritos y los profes "
     "suben signos nuevos que un admin aprueba antes de publicarse", "student"),
])
def test_someone_who_signs_off_others_records_means_people_sign_in(prompt: str, role: str) -> None:
    user = understand(prompt).entity("User")
    assert role in next(f for f in user.fields if f.name == "account_type").choices


def test_a_spanish_signo_is_a_sign() -> None:
    assert "Sign" in _entities("diccionario de lengua de signos: cada signo con su vídeo y su categoría")


def test_a_status_value_said_after_the_word_status_is_no_field() -> None:
    fields = _entities("Laundromat app: machines (washers and dryers) with status free / in use / out of order.")
    assert "status" in fields["Machine"]
    assert "status_free" not in fields["Machine"]


@pytest.mark.parametrize("prompt", [
    "Necesito gestionar las reservas de pistas de la bolera. Cada pista tiene su número. Los clientes reservan una "
    "pista por horas. También quiero guardar las puntuaciones de cada partida por jugador.",
    "Bolera: necesito controlar las pistas (12), las reservas de partidas por hora y el alquiler de zapatos por talla.",
])
def test_a_bowling_alleys_pistas_are_lanes_and_its_partidas_games(prompt: str) -> None:
    names = set(_entities(prompt))
    assert "Lane" in names
    assert not {"Court", "WorkItem", "Rating"} & names


def test_a_paddle_clubs_pistas_stay_courts() -> None:
    assert "Court" in _entities("Club de pádel: socios, pistas y reservas por horas.")


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a recipe-sharing community. Users should be able to post recipes and follow "
    "other cooks.",
    "A photo sharing site where users upload photos and follow other users.",
    "Una red social de corredores: los usuarios suben sus carreras y siguen a otros corredores.",
])
def test_following_other_people_is_a_follow_between_two_users(prompt: str) -> None:
    spec = understand(prompt)
    follow = spec.entity("Follow")
    assert [x.target for x in follow.relations] == ["User", "User"]
    assert {x.field for x in follow.relations} == {"user_id", "followed_id"}


def test_what_users_post_stays_theirs_beside_a_follow() -> None:
    prompt = ("Please implement a website for a recipe-sharing community. Users should be able to post recipes and "
              "follow other cooks.")
    assert "User" in _links(prompt, "Recipe")


@pytest.mark.parametrize("prompt, business", [
    ("Barbershop management: clients, appointments and services", "Barbershop"),
    ("gestión de barbería: clientes, citas, servicios y caja del día", "Barbershop"),
])
def test_the_business_an_app_manages_is_no_table(prompt: str, business: str) -> None:
    names = set(_entities(prompt))
    assert business not in names
    assert {"Service", "Appointment"} <= names


def test_the_days_till_is_a_cash_up() -> None:
    names = set(_entities("gestión de barbería: clientes, citas, servicios y caja del día"))
    assert "CashUp" in names
    assert "Box" not in names


@pytest.mark.parametrize("prompt, values", [
    ("Ski school equipment room: we rent skis, boots, helmets and poles to students. Each piece of equipment has a "
     "tag number, type, size and condition.", {"ski", "boot", "helmet", "pole"}),
    ("Outdoor centre gear store: we lend tents, stoves, rucksacks and lanterns to scouts. Every item of equipment has "
     "a code, condition and a storage shelf.", {"tent", "stove", "rucksack", "lantern"}),
])
def test_listed_kinds_of_equipment_are_values_of_its_kind(prompt: str, values: set[str]) -> None:
    spec = understand(prompt)
    names = {e.name for e in spec.entities}
    assert not {v.title() for v in values} & names
    kind = next(f for f in spec.entity("Equipment").fields if f.name in {"kind", "type", "category"})
    assert values <= set(kind.choices)


@pytest.mark.parametrize("prompt", [
    "Please implement a website for managing scholarship applications at a small foundation. Applicants should be "
    "able to create an account and upload their transcripts.",
    "Volunteer applications for our food bank: name, availability and skills; we approve or reject them.",
])
def test_applications_for_something_are_kept(prompt: str) -> None:
    assert any(n.endswith("Application") for n in _entities(prompt))


def test_a_web_application_is_still_the_app() -> None:
    assert not any(n.endswith("Application") for n in _entities(
        "A web application where users keep their recipes with ingredients and ratings."))


@pytest.mark.parametrize("prompt, absent", [
    ("Tienda que repara móviles y vende accesorios y móviles de segunda mano, con clientes y ventas.", "Mano"),
    ("Librería de segunda mano, queremos vender online: catálogo con buscador por título, autor e ISBN, carrito, "
     "pedidos y envíos.", "Bookstore"),
])
def test_second_hand_is_how_things_are_not_a_table(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


@pytest.mark.parametrize("prompt, lines, parent", [
    ("Shop app: sales with several lines, customers and a monthly sales report.", "SaleItem", "Sale"),
    ("Ventas con varias líneas, clientes y productos.", "SaleItem", "Sale"),
])
def test_a_record_with_several_lines_has_items_not_a_line_table(prompt: str, lines: str, parent: str) -> None:
    names = set(_entities(prompt))
    assert lines in names
    assert "Line" not in names
    assert parent in _links(prompt, lines)


@pytest.mark.parametrize("prompt, what", [
    ("I need a tool where members drop an STL file and it gets sliced into G-code for our printers, with the usual "
     "settings they can tweak before downloading.", "a 3D-print slicer"),
    ("Tool request: I upload the architect's PDF floor plan, it detects the rooms and draws where the sockets should "
     "go, then exports a DWG for the CAD guy.", "a CAD tool"),
    ("Herramienta para renombrar de golpe las fotos de las revisiones: que lea la fecha EXIF y el número de colmena "
     "del nombre de la carpeta.", "a file or system utility"),
    ("¿Me puedes hacer una herramienta donde pego la carta de mi restaurante en español y me la devuelve traducida "
     "al inglés y al francés?", "a translator"),
    ("Necesito una herramienta para los presupuestos: pego un importe en euros y me lo pasa a dólares o libras con "
     "el cambio del día.", "a converter"),
    ("I'd like a tool where we can drag and drop pieces of track onto a baseboard grid, snap them together and check "
     "it all fits. Export to PNG would be nice.", "a design tool"),
    ("For the iPad on the bar I'd love a little beer-label memory game - flip two cards, match the labels, a timer "
     "counting up and a best-time score.", "a game"),
    ("make an escape room game I can put on our website as a teaser: players click objects to find clues and type a "
     "code into the safe", "a game"),
])
def test_more_tools_and_games_said_by_what_they_do_are_declined(prompt: str, what: str) -> None:
    with pytest.raises(UnsupportedRequestError, match=what):
        understand(prompt)


@pytest.mark.parametrize("prompt", [
    "Escape room bookings: rooms, games of 60 minutes, groups book a game slot and pay a deposit.",
    "Coaches create game plans for matches and share them with players; keep players, matches and plans.",
    "Photography club: members upload photos with their EXIF camera and lens, and vote in monthly competitions.",
    "A shop with products, customers and orders; prices shown in euros and dollars.",
])
def test_data_apps_that_mention_games_photos_or_currencies_are_built(prompt: str) -> None:
    assert len(understand(prompt).entities) >= 2


@pytest.mark.parametrize("prompt, primary, background", [
    ("Please implement a website for a rugby club. Users should see fixtures. The site should use forest green and "
     "white.", "#228b22", "#ffffff"),
    ("Please implement a website for a rugby club. Users should see fixtures. The site should use navy and gold.",
     "#000080", None),
    ("Una web para el club de remo: socios y barcos. La web debería usar azul marino y blanco.", "#000080", "#ffffff"),
])
def test_colours_the_site_should_use_are_its_theme(prompt: str, primary: str, background: str | None) -> None:
    theme = understand(prompt).theme
    assert theme.primary == primary
    if background:
        assert theme.background == background


def test_food_named_like_colours_is_no_theme() -> None:
    assert understand("A recipe site where the app should use tomatoes and salmon in recipes.").theme.primary == \
        understand("A recipe site with recipes.").theme.primary


def test_a_theatres_funciones_are_performances() -> None:
    prompt = ("Somos un grupo de teatro aficionado. Queremos llevar las obras, los ensayos y vender entradas para las "
              "funciones con butaca numerada.")
    assert "Performance" in _entities(prompt)
    assert "Performance" in _links(prompt, "Ticket")


@pytest.mark.parametrize("prompt", [
    "locksmith quotes & jobs. customer asks for a quote online with photos of the lock, I send back a price, they "
    "accept it, it turns into a job.",
    "bakery orders: customer orders a cake for a date, pays a deposit, we mark it ready.",
])
def test_a_customer_who_asks_or_buys_is_kept(prompt: str) -> None:
    assert "Customer" in _entities(prompt)


@pytest.mark.parametrize("prompt, person", [
    ("pharmacy loyalty app where customers earn points on purchases and redeem them for discounts", "Customer"),
    ("Programa de fidelización para la peluquería: las clientas acumulan puntos en cada visita y los canjean por "
     "descuentos.", "Customer"),
])
def test_points_earned_and_redeemed_are_kept(prompt: str, person: str) -> None:
    names = set(_entities(prompt))
    assert {"PointsTransaction", "Redemption"} <= names
    assert person in _links(prompt, "PointsTransaction")


def test_a_loyalty_stamp_is_no_collectible_stamp() -> None:
    names = set(_entities("Barbershop POS + loyalty. Products (name, brand, price, stock). Customers and sales. "
                          "Loyalty: 1 stamp per haircut, 10th is free."))
    assert "LoyaltyStamp" in names
    assert "Stamp" not in names


def test_collectors_stamps_stay_stamps() -> None:
    assert "Stamp" in _entities("Stamp collectors club: stamps with country and year, members and trades")


def test_a_punch_card_pass_is_no_loyalty_stamp() -> None:
    prompt = "Climbing gym: members buy a day pass or a 10-visit punch card and check in."
    assert "LoyaltyStamp" not in _entities(prompt)


@pytest.mark.parametrize("prompt, absent", [
    ("Vivero: los clientes hacen pedidos online de plantas. El encargado ve los pedidos pendientes y los marca como "
     "preparados.", "brand"),
])
def test_an_object_pronoun_before_a_spanish_verb_makes_it_a_verb(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)["Order"]


def test_a_spanish_noun_after_la_stays_a_noun() -> None:
    fields = _entities("Laboratorio clínico: pacientes, órdenes con varios estudios, la toma de muestra y los "
                       "resultados de cada estudio")
    assert "Patient" in fields


def test_a_maximum_is_no_table() -> None:
    names = set(_entities("Kayak tours: each tour has dates with a guide and a max of 10 people. People book spots."))
    assert "Max" not in names
    assert "Tour" in names
