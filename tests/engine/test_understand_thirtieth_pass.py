"""Understanding (issue 9), thirtieth pass: a game's home and away teams are two links to one table; colours said
as rgb(), roles said before their colour and explicit roles beat a scheme's order."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.render import render
from core.engine.understand.style import infer_theme
from tests.engine.spec_helpers import names


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
