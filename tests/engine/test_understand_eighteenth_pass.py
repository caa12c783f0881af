"""Understanding (issue 9), eighteenth pass: random pickers, puzzle makers, colour-palette extractors, drawing grids
and sky explorers are not data apps; the sentence that asks for the app says what it is."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(
    ("prompt", "what"),
    [
        (
            "a bingo caller for our church hall: it draws numbers at random, shows them big on the screen and keeps "
            "a board of the called numbers",
            "a random picker",
        ),
        (
            "quiero una app que saque números al azar para el bingo del centro social y los diga en voz alta",
            "a random picker",
        ),
        (
            "a spin-the-wheel app for my classroom: I type the students' names and spin it to pick who answers next",
            "a random picker",
        ),
        ("necesito una ruleta de nombres para sortear quién friega los platos en el piso, con animación",
         "a random picker"),
        (
            "I teach maths. Could you build something where I type a list of numbers and it shows a random one "
            "each time I press a button? nothing needs saving",
            "a random picker",
        ),
        ("make me a crossword generator: I give it words and clues and it builds the grid and prints it",
         "a puzzle generator"),
        (
            "una app para crear sopas de letras para mis alumnos de primaria, con las palabras que yo elija, "
            "para imprimir",
            "a puzzle generator",
        ),
        ("a sudoku maker that generates puzzles at easy, medium and hard and lets me print them",
         "a puzzle generator"),
        ("a maze generator for a kids' activity book: pick the size and difficulty, print with solution",
         "a puzzle generator"),
        (
            "I run a quilting blog. I want a tool where I upload a picture of fabric and it extracts the dominant "
            "colours as a palette with hex codes",
            "a colour-palette extractor",
        ),
        ("una herramienta que saque la paleta de colores de una foto y me dé los códigos hex para mis diseños",
         "a colour-palette extractor"),
        (
            "Please implement a website for pixel art. Users draw on a 16x16 grid with a colour picker and eraser, "
            "and export the sprite as PNG.",
            "a drawing canvas",
        ),
        (
            "an interactive planetarium: explore the night sky, zoom into constellations and simulate how the sky "
            "moves over the year",
            "a simulator",
        ),
    ],
)
def test_pickers_puzzle_makers_palettes_drawing_and_sky_explorers_are_declined(prompt: str, what: str) -> None:
    """Drawing names at random, making word puzzles, pulling colours out of a photo, drawing on a pixel grid and
    exploring the sky keep no records: declined with the reason, nothing charged."""
    with pytest.raises(UnsupportedRequestError) as exc:
        infer_spec(prompt)
    assert what in str(exc.value)


@pytest.mark.parametrize(
    ("prompt", "entity"),
    [
        ("our bingo club: members, weekly sessions, tickets sold per session and the prize money paid out", "Ticket"),
        (
            "a raffle for our school fair: track the tickets we sell, who bought them, and the prizes donated by "
            "local shops",
            "Prize",
        ),
        ("puzzle book publisher: titles, authors, print runs, orders from bookshops and royalties", "Royalty"),
        ("a paint shop: colours we stock with hex codes, paint tins, customers and their orders", "Order"),
        ("planetarium booking system: shows, sessions, school groups booking seats and payments", "Session"),
        ("pixel art marketplace where artists sell sprites: artists, sprite packs, purchases and reviews", "Artist"),
        ("un club de crucigramas: socios, concursos mensuales y las puntuaciones de cada socio", "Contest"),
        ("a crossword competition: entrants, puzzles, submitted times and the leaderboard per puzzle", "Entrant"),
    ],
)
def test_clubs_shops_and_bookings_about_such_things_are_built(prompt: str, entity: str) -> None:
    """A bingo club, a crossword contest, a paint shop or a planetarium's bookings keep records: built."""
    assert entity in names(infer_spec(prompt))


def test_the_asking_sentence_says_what_the_app_is() -> None:
    """'I work in a care home and we play bingo on Thursdays. I want an app that draws the balls at random': the
    first sentence is context, the one that asks names the tool."""
    with pytest.raises(UnsupportedRequestError) as exc:
        infer_spec("Trabajo en una residencia y los jueves hacemos bingo. Quiero una app para la tele que saque las "
                   "bolas al azar y las diga en voz alta.")
    assert "a random picker" in str(exc.value)


@pytest.mark.parametrize("day", ["lunes", "martes", "jueves", "viernes"])
def test_spanish_weekdays_are_when_not_a_table(day: str) -> None:
    """'los jueves' is a day of the week (it keeps its s), not a Jueve record."""
    spec = infer_spec(f"un club de lectura: socios, libros y las reuniones de los {day}")
    assert not {"Jueve", "Lune", "Marte", "Viernes", "Jueves", "Lunes", "Martes"} & set(names(spec))
    assert "Member" in names(spec) or "Socio" in names(spec)


@pytest.mark.parametrize(
    ("prompt", "values", "kept"),
    [
        (
            "sports day app: every child is in one of 4 houses: red, blue, green, yellow. teachers enter the places "
            "in each race and points go to the house",
            {"Red", "Blue", "Green", "Yellow"},
            "House",
        ),
        (
            "organisers apply for an event permit: event name, type (street party, parade, fun run, market), "
            "location and date",
            {"Parade", "Market", "StreetParty", "FunRun"},
            "Permit",
        ),
        (
            "una app para la peña: socios y actividades, cada actividad de un tipo (senderismo, cena, excursión)",
            {"Senderismo", "Cena", "Excursion"},
            "Activity",
        ),
    ],
)
def test_instances_listed_after_a_kind_are_values_not_tables(prompt: str, values: set[str], kept: str) -> None:
    """'4 houses: red, blue, green, yellow', 'type (street party, parade, ...)': names of instances or kinds, not
    records of their own."""
    got = set(names(infer_spec(prompt)))
    assert not values & got
    assert kept in got


def test_plural_records_after_a_colon_are_still_records() -> None:
    """'Flying club: members, planes, bookings' lists the records; only single names are instances."""
    got = set(names(infer_spec("Flying club: members, planes, bookings and defects reported on each plane")))
    assert {"Member", "Booking", "DefectReport"} <= got  # defects reported: a dated report of each


@pytest.mark.parametrize(
    ("prompt", "made"),
    [
        (
            "Please implement a website for a neighbourhood Q&A. Users should be able to post questions, answer "
            "them and vote on the best answer.",
            "Question",
        ),
        (
            "Please implement a website where hobby bakers share recipes. Users can publish a recipe with photos "
            "and comment on others' recipes.",
            "Recipe",
        ),
    ],
)
def test_a_website_whose_users_act_has_user_accounts(prompt: str, made: str) -> None:
    """'Users should be able to post questions': the site keeps its users, and what they post is theirs."""
    spec = infer_spec(prompt)
    assert "User" in names(spec)
    made_by = next(e for e in spec.entities if e.name == made)
    assert any(x.target == "User" for x in made_by.relations)


@pytest.mark.parametrize(
    "prompt",
    [
        "Please implement a website for a bike shop. Customers can browse bikes, book a service and pay online.",
        "An app where I track my goals, set reminders and see my progress.",
    ],
)
def test_named_customers_or_a_single_user_tool_need_no_user_table(prompt: str) -> None:
    """Customers are the site's accounts; a personal tool ('an app where I track my goals') has one user."""
    assert "User" not in names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "owner", "child"),
    [
        (
            "Please implement a website where people review venues for wheelchair users. Users can add a venue, "
            "rate it and upload photos of each venue.",
            "Venue",
            "VenuePhoto",
        ),
        (
            "un taller de herrería: clientes y trabajos, y subir fotos de cada trabajo terminado",
            "Job",
            "JobPhoto",
        ),
        (
            "Please implement a website where makers publish projects with ordered build steps, each step with text "
            "and images.",
            "BuildStep",
            "BuildStepImage",
        ),
    ],
)
def test_several_uploaded_photos_or_images_are_records_of_their_owner(prompt: str, owner: str, child: str) -> None:
    """'upload photos of its entrances', 'each step with text and images': many files per thing, one record each
    (named by the word said), not one file field."""
    spec = infer_spec(prompt)
    e = next(x for x in spec.entities if x.name == child)
    assert any(x.target == owner for x in e.relations)
    assert any(f.type == "file" for f in e.fields)


def test_notes_that_come_with_a_thing_are_its_text() -> None:
    """'add new varieties with growing notes and photos': the variety's notes, not a Note table; and 'varieties'
    in the plural are things, not 'a variety of'."""
    spec = infer_spec("Please implement a website for a seed library. Volunteers should be able to add new varieties "
                      "with growing notes and photos, and members borrow seed packets.")
    got = names(spec)
    assert "Note" not in got and "Variety" in got
    variety = next(e for e in spec.entities if e.name == "Variety")
    assert any("notes" in f.name and f.type == "text" for f in variety.fields)


def test_a_notes_app_keeps_its_notes() -> None:
    """In a notes app the notes are the records."""
    assert "Note" in names(infer_spec("a notes app where I write notes with tags and pin the important ones"))


@pytest.mark.parametrize(
    ("prompt", "junk", "kept"),
    [
        (
            "buenas tardes, tengo un centro de acopio de cacao. quiero registrar productores, compras y pagos",
            {"Tard", "Tarde", "Buena"},
            "Purchase",
        ),
        (
            "ola tengo una herreria. quiero una app donde apunte a los clientes y sus trabajos",
            {"Ola"},
            "Customer",
        ),
        (
            "Buenas. Llevo una cofradía: barcos, ventas y liquidar a cada barco lo vendido menos la comisión",
            {"Meno", "Buena"},
            "Sale",
        ),
        (
            "rowing club: boats and members. damage reporting on boats, the boat goes out of service until fixed",
            {"Goe", "BoatGoe"},
            "Boat",
        ),
    ],
)
def test_greetings_adverbs_and_verbs_are_not_tables(prompt: str, junk: set[str], kept: str) -> None:
    """'buenas tardes', 'ola' (hola), 'menos', 'the boat goes out': greetings, adverbs and verbs are not records."""
    got = set(names(infer_spec(prompt)))
    assert not junk & got
    assert kept in got


def test_who_each_respond_is_a_verb() -> None:
    """'police and highways, who each respond with an objection': 'respond' is what they do, not a Respond table."""
    got = set(names(infer_spec("each application is sent for consultation to police and highways, who each respond "
                               "with an objection or conditions")))
    assert "Respond" not in got and "Application" in got


def test_no_module_of_the_engine_rebinds_a_top_level_name() -> None:
    """Two patterns with one name in a module: the later silently replaces the earlier (it happened twice). Only an
    extension of the name itself ('DOMAINS = DOMAINS + EXTRA') may rebind it."""
    import ast
    from pathlib import Path

    import core.engine

    root = Path(core.engine.__file__).parent
    clashes = []
    for path in sorted(root.rglob("*.py")):
        seen: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                bound, value = [node.name], None
            elif isinstance(node, ast.Assign):
                bound, value = [t.id for t in node.targets if isinstance(t, ast.Name)], node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                bound, value = [node.target.id], node.value
            else:
                continue
            uses = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
            clashes += [f"{path.relative_to(root)}: {name}" for name in bound if name in seen and name not in uses]
            seen.update(bound)
    assert clashes == []


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("rowing club: boats, members, outings.\n- damage reports on boats with photos\n- a km leaderboard",
         "DamageReport"),
        ("allotment society. plots, tenants, rent.\n- inspection reports per plot", "InspectionReport"),
    ],
)
def test_a_note_without_a_verb_names_what_it_keeps(prompt: str, kept: str) -> None:
    """'- damage reports on boats with photos': a bullet with no verb lists records, and 'reports' there is a
    noun, not what the damage does."""
    assert kept in names(infer_spec(prompt))


def test_a_sentence_with_its_verb_keeps_reading_it_as_a_verb() -> None:
    """'The app focuses on simplicity': a verb, no Focuse table."""
    got = names(infer_spec("A shop app with products and orders. The app focuses on simplicity and speed."))
    assert "Focuse" not in got and "Product" in got


def test_a_passive_keeps_the_thing_before_with() -> None:
    """'Meetings with parents should be logged': the meetings are logged (a record), each with its parent."""
    spec = infer_spec("A school app for students and teachers. Meetings with parents should be logged as well.")
    meeting = next(e for e in spec.entities if e.name == "Meeting")
    assert any(x.target == "Parent" for x in meeting.relations)
    parent = next(e for e in spec.entities if e.name == "Parent")
    assert not any(x.target == "Meeting" for x in parent.relations)


def test_records_with_people_belong_to_the_people() -> None:
    """'sessions with a coach' are the coach's sessions, not a coach belonging to a session."""
    spec = infer_spec("a tennis club app: members, courts, and lessons with coaches")
    lesson = next(e for e in spec.entities if e.name == "Lesson")
    assert any(x.target == "Coach" for x in lesson.relations)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("rowing club: boats and members. damage reporting on boats with photos", "DamageReport"),
        ("a site app for our building firm: sites, workers and incident logging", "Incident"),
    ],
)
def test_reporting_and_logging_keep_reports_and_logs(prompt: str, kept: str) -> None:
    """'damage reporting', 'incident logging': the reports (or the incidents logged) are records."""
    assert any(n.startswith(kept) for n in names(infer_spec(prompt)))


def test_spanish_adjectives_and_ordinals_are_not_tables() -> None:
    """'resultado favorable o desfavorable', 'el tercer tiempo': how something is and which one, not records."""
    got = set(names(infer_spec("resultados de la inspección: favorable, desfavorable o negativo. Registrar vehículos "
                               "e inspecciones, y el pago del tercer tiempo de cada partido.")))
    assert not {"Desfavorable", "Favorable", "Tercer"} & got
    assert "Inspection" in got


def test_after_can_a_verb_and_like_is_a_like() -> None:
    """'Other users can like projects and comment on them': 'like' after 'can' is the verb (a Like of a project by a
    user), and 'comment' after 'and' is one more thing they do."""
    spec = infer_spec("Please implement a website where makers share projects. Other users can like projects and "
                      "comment on them.")
    like = next(e for e in spec.entities if e.name == "Like")
    assert {x.target for x in like.relations} >= {"Project", "User"}
    assert {"favourites", "comments"} <= set(spec.features)


def test_would_like_to_is_wanting() -> None:
    """'I'd like to log hours and services': wanting, no Like table."""
    got = names(infer_spec("farm contractor app: fields, jobs and invoices. i'd like to log hours and services too."))
    assert "Like" not in got and "Favourite" not in got


def test_inspection_records_are_inspections() -> None:
    """'inspection records per hive': the inspections themselves ('maintenance records' stay MaintenanceRecord)."""
    got = names(infer_spec("Beekeepers association: members, their apiaries and hives, inspection records per hive "
                           "(queen seen, brood, temper), honey harvests, and equipment loans."))
    assert "Inspection" in got and "InspectionRecord" not in got


def test_inviting_people_keeps_invitations() -> None:
    """'Users can create a trip, invite friends': each invitation is a record of who was invited (sent, accepted,
    declined), not a label-less gap."""
    spec = infer_spec("Please implement a website for group trips. Users can create a trip, invite friends, plan "
                      "activities and split expenses.")
    invitation = next(e for e in spec.entities if e.name == "Invitation")
    assert any(f.name == "status" and f.type == "enum" for f in invitation.fields)
    assert any(x.target == "Friend" for x in invitation.relations)


def test_things_that_have_things_are_records_in_a_chain() -> None:
    """'Customers have sites, sites have units (make, model, serial)': Site and Unit are records, each of the one
    before ('site' and 'unit' alone are often a website or a unit of measure)."""
    spec = infer_spec("Air conditioning servicing company. Customers have sites, sites have units (make, model, "
                      "serial, install date).")
    site = next(e for e in spec.entities if e.name == "Site")
    unit = next(e for e in spec.entities if e.name == "Unit")
    assert any(x.target == "Customer" for x in site.relations)
    assert any(x.target == "Site" for x in unit.relations)
    assert "units" not in {f.name for f in site.fields}  # its units are the Unit records, not a count


def test_examples_in_brackets_after_an_uploaded_thing_are_not_tables() -> None:
    """'the documents for each uploaded (bill of lading, commercial invoice, packing list)': kinds of document."""
    got = set(names(infer_spec("we handle shipments for clients. need the documents for each uploaded (bill of "
                               "lading, commercial invoice, packing list, customs declaration).")))
    assert not {"BoardList", "Declaration", "Bill", "Invoice"} & got
    assert {"Shipment", "Document"} <= got


@pytest.mark.parametrize(
    ("prompt", "session", "person"),
    [
        ("club de rugby: jugadores, partidos y la asistencia a los entrenamientos", "TrainingSession", "Player"),
        ("choir app: members, concerts, and attendance at rehearsals", "Rehearsal", "Member"),
    ],
)
def test_attendance_at_sessions_is_a_person_at_a_session(prompt: str, session: str, person: str) -> None:
    """'la asistencia a los entrenamientos': training sessions are kept (in a club 'entrenamientos' are sessions,
    not workouts), and each attendance is one person at one session, present or not."""
    spec = infer_spec(prompt)
    attendance = next(e for e in spec.entities if e.name == "Attendance")
    assert {x.target for x in attendance.relations} == {session, person}
    assert any(f.name == "present" and f.type == "bool" for f in attendance.fields)


def test_a_flow_of_states_is_values_not_tables() -> None:
    """'mark the room dirty -> in progress -> clean', 'if they find something broken': states, not records."""
    got = set(names(infer_spec("hotel housekeeping app: rooms and housekeepers. housekeepers mark the room dirty -> "
                               "in progress -> clean, then the supervisor inspects it. if they find something broken "
                               "they raise a maintenance request for that room.")))
    assert not {"Dirty", "Clean", "Broken", "Progress", "ProgressClean", "RoomDirty"} & got
    assert {"Room", "Housekeeper"} <= got


def test_status_goes_through_steps() -> None:
    """'status goes booked -> departed -> arrived': 'goes' is a verb and the states are values."""
    got = set(names(infer_spec("freight app: shipments, clients and carriers. status goes booked -> departed -> "
                               "arrived -> delivered.")))
    assert not {"Goe", "Booked", "Departed", "Arrived", "Delivered"} & got
    assert {"Shipment", "Client", "Carrier"} <= got


def test_what_users_browse_is_the_catalogue() -> None:
    """'browse perfumes by brand and by scent notes': perfumes are the catalogue's records, reviewed by users."""
    spec = infer_spec("Please implement a website for a fragrance enthusiast community. Users should be able to "
                      "browse perfumes by brand and by scent notes, write reviews, and follow other users.")
    review = next(e for e in spec.entities if e.name == "Review")
    assert any(x.target == "Perfume" for x in review.relations)


def test_apuntar_a_alguien_writes_them_down() -> None:
    """'donde apunte a los clientes y sus trabajos': noting the customers down, not signing them up ('se apuntan a
    las salidas' still signs up)."""
    got = names(infer_spec("tengo una herreria. quiero una app donde apunte a los clientes y sus trabajos, con "
                           "medidas y el presupuesto"))
    assert "Signup" not in got and {"Customer", "Job"} <= set(got)
    assert "Signup" in names(infer_spec("club de montaña: los socios se apuntan a las salidas y pagan el bus"))


@pytest.mark.parametrize(
    ("prompt", "fee", "payer"),
    [
        ("coto de caza: socios, licencias y las cuotas anuales pagadas o no", "AnnualFee", "Member"),
        ("club de futbol: jugadores y la cuota mensual (marcar si está pagada)", "MonthlyFee", "Player"),
        ("tennis club: members pay monthly fees, mark as paid", "MonthlyFee", "Member"),
    ],
)
def test_a_periodic_fee_marked_paid_is_that_periods_fee(prompt: str, fee: str, payer: str) -> None:
    """'las cuotas anuales pagadas o no', 'monthly fees, mark as paid': each period's fee of each payer, paid or not
    (no bare Fee table beside it)."""
    spec = infer_spec(prompt)
    e = next(x for x in spec.entities if x.name == fee)
    assert any(f.name == "paid" and f.type == "bool" for f in e.fields)
    assert any(x.target == payer for x in e.relations)
    assert "Fee" not in names(spec)


def test_a_catalogue_kept_by_game_players_is_built() -> None:
    """'role-playing game players can keep track of each monster they run into': a catalogue of monsters, not a
    game ('a companion with turn tracking and a timer' is still declined)."""
    spec = infer_spec("An app where role-playing game players can keep track of each monster they run into during "
                      "a game. Players can add new monsters, change their stats and abilities, and mark monsters as "
                      "defeated.")
    assert "Monster" in names(spec)
    with pytest.raises(UnsupportedRequestError):
        infer_spec("An app that acts as a digital companion for classic board games, with features like "
                   "scorekeeping, turn tracking, rule references and interactive player aids. A timer you can "
                   "adjust is included for games that need one.")


@pytest.mark.parametrize(
    ("prompt", "holiday", "kept"),
    [
        ("i volunteer at our masjid and every ramadan we serve free iftar meals. track volunteers and donations",
         "Ramadan", "Volunteer"),
        ("our synagogue: members and children\n* bar/bat mitzvah calendar: which shabbat, which child, tutor assigned",
         "Shabbat", "Child"),
    ],
)
def test_holidays_are_when_not_tables(prompt: str, holiday: str, kept: str) -> None:
    """'every ramadan we serve iftar', 'which shabbat, which child': when things happen, not records."""
    got = names(infer_spec(prompt))
    assert holiday not in got and kept in got
