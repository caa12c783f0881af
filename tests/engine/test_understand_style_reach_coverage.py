"""Stages 8-10: colours and modes, what is out of reach, and what was asked for but not built."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.understand.style import infer_theme
from core.errors import UnsupportedRequestError, ValidationError


@pytest.mark.parametrize(("prompt", "mode", "primary", "background"), [
    ("A todo app with a dark orange theme", "light", "#ff8c00", ""),
    ("a todo app, white background, navy components", "light", "#000080", "#ffffff"),
    ("Notes with a mint cream background and saddle brown buttons and cards", "light", "#8b4513", "#f5fffa"),
    ("use papaya whip as the base color and dark slate gray for the buttons", "light", "#2f4f4f", "#ffefd5"),
    ("light goldenrod for the layout, components in crimson", "light", "#dc143c", "#eedd82"),
    ("a CRM in dark mode with #ff5722 accents", "dark", "#ff5722", ""),
    ("background navy", "dark", "#4f46e5", "#000080"),
    ("fondo negro y botones verdes", "dark", "#008000", "#000000"),
    ("una app de notas con tema oscuro y color principal azul marino", "dark", "#000080", ""),
    ("recipes with tomatoes, salmon and lime", "light", "#4f46e5", ""),  # food, not colours
])
def test_colours(prompt, mode, primary, background):
    theme = infer_theme(prompt)
    assert (theme.mode, theme.primary, theme.background) == (mode, primary, background)


@pytest.mark.parametrize("prompt", [
    "A pomodoro timer that rings every 25 minutes",
    "A markdown editor with live preview",
    "An HTML editor for landing pages",
    "A diagram editor to draw flowcharts by dragging shapes",
    "A converter that turns PDF files into Word documents using an online API",
    "A tool that formats Python source code automatically",
    "A line counter that counts the lines of code in a repository",
    "Code metrics analyser for Java projects",
    "A platformer game where players collect coins and fight enemies",
    "A chrome extension that blocks phishing sites",
    "A disk space analyser that shows which folders are largest",
    "A music composer that generates melodies",
    "Un cronómetro con vueltas",
    "Un conversor de divisas que consulta una API externa",
])
def test_non_data_apps_are_declined_with_a_way_forward(prompt):
    with pytest.raises(UnsupportedRequestError) as err:
        infer_spec(prompt)
    assert "data apps" in str(err.value) and "model provider" in str(err.value)


@pytest.mark.parametrize("prompt", [
    "a shop that sells board games", "a booking app for a board game cafe with tables and reservations",
    "a library of video game reviews with members", "a music school with students, teachers and lessons",
])
def test_data_apps_that_mention_tools_are_built(prompt):
    assert infer_spec(prompt).entities


def test_another_stack_is_built_in_ours_and_said():
    spec = infer_spec("Build a task tracker in Node.js with Express and MongoDB: tasks with title and due date")
    assert [e.name for e in spec.entities] == ["Task"]
    assert any("node.js" in n and "FastAPI" in n for n in spec.not_built)


def test_requested_and_not_built():
    spec = infer_spec("A diary app with entries and tags, speech input and email reminders; import entries from Excel")
    assert {"entries", "tags"} <= set(spec.requested)
    assert {"speech input", "email notifications", "import from Excel or CSV"} <= set(spec.not_built)
    assert set(spec.not_built) <= set(spec.requested)


def test_nothing_understood_says_so():
    with pytest.raises(ValidationError, match="could not tell what this app should store"):
        infer_spec("something nice and easy for everyone")


def test_a_fully_built_request_reports_nothing_missing():
    spec = infer_spec("a library where members borrow books")
    assert spec.not_built == [] and {"members", "books", "loans"} <= set(spec.requested)


def test_coverage_speaks_the_prompts_language():
    spec = infer_spec("Una app para gestionar socios con notificaciones por correo y entrada por voz; hecha en Node.js")
    assert "socios" in spec.requested
    assert {"notificaciones por correo", "entrada por voz"} <= set(spec.not_built)
    assert any(n.startswith("la tecnología node.js") for n in spec.not_built)
    assert "notificaciones" not in spec.not_built  # the specific phrase already says it


def test_capabilities_are_not_entities():
    spec = infer_spec("A diary with entries and tags, speech input and email reminders")
    assert {e.name for e in spec.entities} == {"Entry", "Tag", "Reminder"}  # the reminders are kept, not emailed
    assert {"speech input", "email notifications"} <= set(spec.not_built)
    assert [(f.entity, f.target) for f in spec.uses("tags")] == [("Tag", "Entry")]
