"""Understanding (issue 9), thirtieth pass: a game's home and away teams are two links to one table; colours said
as rgb(), roles said before their colour and explicit roles beat a scheme's order."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.render import render
from core.engine.understand.style import infer_theme
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import field_names, names


def _sides(prompt: str, entity: str) -> list[tuple[str, str]]:
    spec = infer_spec(prompt)
    return [(r.target, r.field) for r in spec.entity(entity).relations]


@pytest.mark.parametrize(
    ("prompt", "entity"),
    [
        ("Soccer league app. Teams have players. Matches have a home team, an away team, a field, a date and a "
         "score.", "Match"),
        ("Youth soccer league app. Teams have players (name, DOB, jersey number) and coaches. Games have home team, "
         "away team, field, date, score. Parents register their kids online.", "Game"),
        ("Liga de fútbol: equipos con jugadores, partidos con equipo local, equipo visitante, fecha y resultado.",
         "Match"),
    ],
)
def test_home_and_away_are_two_links_to_the_teams(prompt: str, entity: str) -> None:
    assert entity in names(infer_spec(prompt))
    assert _sides(prompt, entity) == [("Team", "home_team_id"), ("Team", "away_team_id")]


def test_both_sides_reach_the_generated_app() -> None:
    spec = infer_spec("Soccer league app. Teams have players. Matches have a home team, an away team and a date.")
    files = render(spec)
    assert "away_team_id" in files["app/models.py"] and "home_team_id" in files["app/models.py"]
    assert '"label": "Away team"' in files["app/static/app.js"]


def test_one_team_said_once_is_one_link() -> None:
    assert _sides("Soccer club: teams have players; matches have a team, an opponent, a date and a score.",
                  "Match") == [("Team", "team_id")]


@pytest.mark.parametrize(
    ("prompt", "primary", "background"),
    [
        ("Use rgb(70, 130, 180) for the primary colour and rgb(248, 248, 255) for the background.", "#4682b4",
         "#f8f8ff"),
        ("Usa el color rgb(199, 21, 133) para los botones.", "#c71585", ""),
        ("Use a maroon and ivory colour scheme, with maroon for buttons and ivory for the background.", "#800000",
         "#fffff0"),
        ("El color de fondo del diseño debe ser #FAFAFA y el color principal, verde.", "#008000", "#fafafa"),
        ("Use a turquoise and sand palette: turquoise buttons on a wheat background.", "#40e0d0", "#f5deb3"),
        ("white background, navy components", "#000080", "#ffffff"),
    ],
)
def test_colours_said_every_way(prompt: str, primary: str, background: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.background) == (primary, background or theme.background)
    if background:
        assert theme.background == background


def test_a_colour_in_the_next_clause_is_not_taken_without_a_role() -> None:
    assert infer_theme("Our menu has tomato soup, salmon and olive bread.").primary == infer_theme("").primary


@pytest.mark.parametrize(
    ("prompt", "primary", "background", "mode"),
    [
        ("Please implement a website for a dojo offering black belt classes. Make it crimson.", "#dc143c", "", ""),
        ("todo app for my team, kanban style. teal please", "#008080", "", ""),
        ("Yoga studio site. Something calm, light blue maybe.", "#add8e6", "", ""),
        ("Tienda de bicicletas online. Que sea naranja.", "#ffa500", "", ""),
        ("hazme una app para mi peluquería, ponla en azul claro", "#add8e6", "", ""),
        ("I love sea green, can everything be sea green?", "#2e8b57", "", ""),
        ("podcast site; our logo is Medium Sea Green so use that", "#3cb371", "", ""),
        ("Recording studio bookings. Deep pink on black, dark theme.", "#ff1493", "#000000", "dark"),
        ("Restaurante Casa Verde: reservas. Los botones deben ser rojos y el fondo, beige.", "#ff0000", "#f5f5dc", ""),
    ],
)
def test_colour_wishes_without_a_component_word(prompt: str, primary: str, background: str, mode: str) -> None:
    theme = infer_theme(prompt)
    assert theme.primary == primary
    assert theme.background == (background or theme.background)
    assert theme.mode == (mode or theme.mode)


@pytest.mark.parametrize("prompt", ["I like black coffee and olive bread.",
                                    "Dishes: tomato soup, salmon and olive bread",
                                    "Our menu has tomato soup, salmon and olive bread."])
def test_food_is_not_a_colour_wish(prompt: str) -> None:
    assert infer_theme(prompt).primary == infer_theme("").primary


@pytest.mark.parametrize("prompt", ["expense splitter for roommates.", "bill splitter for a group of friends"])
def test_an_expense_splitter_is_a_data_app(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert {"Group", "Expense", "Share"} <= names(spec)


def test_a_team_splitter_is_still_a_random_picker() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("team name splitter that randomly splits people into groups")


def test_what_the_club_keeps_in_brackets_after_de() -> None:
    spec = infer_spec("App para el club de kárate (clases de cinturón negro, exámenes de grado, cuotas).")
    assert {"Exam", "Fee"} <= names(spec)


@pytest.mark.parametrize(
    ("prompt", "session", "attendee"),
    [
        ("Music school with several teachers (piano, guitar). Students enroll in a course with a teacher and lessons "
         "are weekly in one of our 5 rooms. Teachers take attendance, the system emails a reminder the day before "
         "each lesson, and families get a monthly invoice.", "Lesson", "Student"),
        ("Music school: teachers take attendance at each lesson; students, lessons, teachers.", "Lesson", "Student"),
        ("Choir: members, rehearsals and attendance at rehearsals.", "Rehearsal", "Member"),
    ],
)
def test_attendance_is_of_who_attends_not_who_takes_it(prompt: str, session: str, attendee: str) -> None:
    spec = infer_spec(prompt)
    assert {session, attendee} <= {r.target for r in spec.entity("Attendance").relations}


def test_scheduled_lessons_are_not_online_course_lessons() -> None:
    music = infer_spec("Music school with several teachers. Students enroll in a course with a teacher and lessons "
                       "are weekly in one of our 5 rooms.")
    online = infer_spec("Online course platform: courses, modules, lessons and quizzes; students track progress.")
    assert "starts_at" in field_names(music, "Lesson") and "content" not in field_names(music, "Lesson")
    assert "content" in field_names(online, "Lesson")


@pytest.mark.parametrize(
    ("prompt", "entry", "parents_"),
    [
        ("Consultancy: staff track hours per project and client.", "TimeEntry", {"Project", "Client"}),
        ("Productora: asignamos técnicos a cada proyecto y ellos apuntan las horas que trabajan.", "TimeEntry",
         {"Technician"}),
        ("Piano teacher site: students book lesson slots and log their daily practice minutes.", "PracticeLog",
         {"Student"}),
    ],
)
def test_logged_amounts_are_entries(prompt: str, entry: str, parents_: set[str]) -> None:
    spec = infer_spec(prompt)
    assert entry in names(spec)
    assert parents_ <= {r.target for r in spec.entity(entry).relations}


@pytest.mark.parametrize("prompt", [
    "Bakery site: show our opening hours and let customers order cakes.",
    "Flying club: after each flight the pilot logs the tach hours, landings and fuel uplift.",
])
def test_hours_that_are_details_are_not_time_entries(prompt: str) -> None:
    assert "TimeEntry" not in names(infer_spec(prompt))


def test_signing_up_for_a_plan_is_a_subscription() -> None:
    spec = infer_spec("Wash and fold service: customers sign up for a plan and schedule pickups on a calendar. "
                      "Drivers need a list of today's pickups and drop-offs.")
    assert {"Subscription", "Pickup", "Driver"} <= names(spec) and "Signup" not in names(spec)
    assert {"Customer", "Plan"} <= {r.target for r in spec.entity("Subscription").relations}


def test_signing_up_for_shifts_stays_a_signup() -> None:
    assert "Signup" in names(infer_spec("Volunteers sign up for shifts."))


def test_techs_are_technicians() -> None:
    spec = infer_spec("locksmith job tracker. customers, jobs (address, lock type, status), techs, invoices. "
                      "dispatcher assigns jobs to techs.")
    assert "Technician" in names(spec) and "Technician" in {r.target for r in spec.entity("Job").relations}


@pytest.mark.parametrize(
    ("prompt", "primary", "background"),
    [
        ("Colour scheme for the site: mint cream behind the content, forest green as the primary colour.", "#228b22",
         "#f5fffa"),
        ("The palette is simple: #EEE behind everything and #D35400 on the interactive elements.", "#d35400",
         "#eeeeee"),
        ("Dark mode, please; charcoal #2B2B2B behind the content and rgb(0, 200, 150) for the controls.", "#00c896",
         "#2b2b2b"),
        ("Pages should sit on a floralwhite base, with firebrick for the navigation bar, buttons and links.",
         "#b22222", "#fffaf0"),
        ("Use a bisque backdrop and sienna for all the interactive bits.", "#a0522d", "#ffe4c4"),
        ("Todo el sitio llevará fondo honeydew, con botones y enlaces en azul medianoche.", "#191970", "#f0fff0"),
    ],
)
def test_backgrounds_behind_and_interactive_elements(prompt: str, primary: str, background: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.background) == (primary, background)


def test_instructors_marking_attendance_keep_attendance_es() -> None:
    spec = infer_spec("Escuela de esquí: los clientes reservan clases por nivel. Cada clase tiene un monitor, una "
                      "fecha y un punto de encuentro. Los monitores marcan la asistencia.")
    assert "Attendance" in names(spec)
    assert "Instructor" not in {r.target for r in spec.entity("Attendance").relations}


def test_a_dog_walk_is_not_a_hike() -> None:
    spec = infer_spec("Dog walking app. Owners add their dogs. Walkers log each walk with the duration and a photo.")
    assert "walked_at" in field_names(spec, "Walk") and "distance_km" not in field_names(spec, "Walk")


def test_note_creation_keeps_notes() -> None:
    spec = infer_spec("Shared note-taking software offering live collaboration, note creation, tagging, "
                      "categorization, text formatting, embedded images and links, chat, and file sharing.")
    assert {"Note", "Tag"} <= names(spec)


def test_a_shopping_list_creation_is_no_board() -> None:
    spec = infer_spec("BuyRight helps users pick what to buy by providing reviews, real-time product comparisons, "
                      "shopping list creation, and tailored recommendations.")
    assert "BoardList" not in names(spec)


def test_a_detail_said_beside_its_measured_field_is_one_field() -> None:
    spec = infer_spec("Dog walking app. Owners add their dogs. Walkers log each walk with the duration and a photo.")
    assert "duration_minutes" in field_names(spec, "Walk") and "duration" not in field_names(spec, "Walk")
