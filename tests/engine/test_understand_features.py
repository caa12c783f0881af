"""Verbs and nouns become structure, in the shapes the renderer supports (see the render contract)."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.spec import AppSpec


def _rel(spec: AppSpec, entity: str) -> dict[str, str]:
    return {r.target: r.kind for r in spec.entity(entity).relations}


def _field(spec: AppSpec, entity: str, name: str):
    return next(f for f in spec.entity(entity).fields if f.name == name)


@pytest.mark.parametrize("prompt", [
    "A recipe sharing site where users post recipes, rate them and save favourites.",
    "Una web de recetas donde los usuarios valoran las recetas y guardan sus favoritas",
])
def test_ratings_and_favourites(prompt):
    spec = infer_spec(prompt)
    rating = spec.uses("ratings")[0]
    assert rating.target == "Recipe" and rating.field == "stars"
    stars = _field(spec, rating.entity, "stars")
    assert (stars.type, stars.min, stars.max, stars.required) == ("int", 1, 5, True)
    assert _field(spec, rating.entity, "review").required is False
    assert _rel(spec, rating.entity) == {"User": "belongs_to", "Recipe": "belongs_to"}
    favourite = spec.uses("favourites")[0]
    assert favourite.target == "Recipe" and _rel(spec, favourite.entity) == {"User": "belongs_to",
                                                                              "Recipe": "belongs_to"}
    assert "auth" in spec.features  # ratings and favourites belong to accounts


def test_comments_and_tags():
    spec = infer_spec("a blog with posts, tags, comments and authors")
    assert [(f.entity, f.target) for f in spec.uses("comments")] == [("Comment", "Post")]
    assert _field(spec, "Comment", "body").type == "text"
    assert [(f.entity, f.target) for f in spec.uses("tags")] == [("Tag", "Post")]
    assert _rel(spec, "Post")["Tag"] == "many_to_many"
    assert next(r for r in spec.entity("Post").relations if r.target == "Tag").field == "tag_ids"


@pytest.mark.parametrize(("prompt", "booking", "target"), [
    ("A dentist booking app: patients book appointments with dentists", "Appointment", "Dentist"),
    ("restaurant reservations: customers book tables for a time", "Reservation", "DiningTable"),
    ("Una app para reservar pistas de pádel por horas", "Booking", "Court"),
    ("a booking system for a yoga studio with classes and members who sign in", "Booking", "ClassSession"),
])
def test_bookings_have_a_start_and_an_end(prompt, booking, target):
    spec = infer_spec(prompt)
    fs = spec.uses("booking_slots")[0]
    assert (fs.entity, fs.target, fs.field, fs.end_field) == (booking, target, "start_at", "end_at")
    assert _field(spec, booking, "start_at").type == _field(spec, booking, "end_at").type == "datetime"
    assert target in _rel(spec, booking)


@pytest.mark.parametrize(("prompt", "entity", "field"), [
    ("A job board where candidates apply to jobs by uploading a CV", "Application", "cv"),
    ("A photo gallery where people upload photos and comment on them", "Photo", "photo"),
])
def test_uploads_are_file_fields(prompt, entity, field):
    spec = infer_spec(prompt)
    assert [(f.entity, f.field) for f in spec.uses("uploads")] == [(entity, field)]
    f = _field(spec, entity, field)
    assert (f.type, f.required) == ("file", False)


def test_several_uploaded_images_of_a_thing_are_its_image_records():
    """'designers upload images of their projects': many per project, each a ProjectImage holding its file."""
    spec = infer_spec("A portfolio site where designers upload images of their projects")
    assert [(f.entity, f.field) for f in spec.uses("uploads")] == [("ProjectImage", "image")]
    assert _field(spec, "ProjectImage", "image").type == "file"
    assert "Project" in _rel(spec, "ProjectImage")


def test_approval_is_a_workflow():
    spec = infer_spec("Expense reports that employees submit and managers approve or reject")
    fs = spec.uses("workflow")[0]
    assert (fs.entity, fs.field) == ("ExpenseReport", "status")
    assert fs.transitions == {"draft": ["submitted"], "submitted": ["approved", "rejected"], "approved": [],
                              "rejected": ["draft"]}
    assert _field(spec, "ExpenseReport", "status").choices == ["draft", "submitted", "approved", "rejected"]
    assert "Employee" in _rel(spec, "ExpenseReport")


def test_stated_statuses_are_a_workflow_in_that_order():
    spec = infer_spec("Support tickets move through statuses: open, in progress, resolved, closed.")
    fs = spec.uses("workflow")[0]
    assert fs.entity == "Ticket" and _field(spec, "Ticket", "status").choices == ["open", "in_progress", "resolved",
                                                                                     "closed"]
    assert fs.transitions["open"] == ["in_progress"] and fs.transitions["closed"] == []


@pytest.mark.parametrize("prompt", [
    "A kanban board with boards, lists and cards; cards can be reordered",
    "Un gestor de tareas tipo kanban: tableros, listas y tarjetas que se pueden reordenar",
])
def test_reordering_cards(prompt):
    spec = infer_spec(prompt)
    fs = spec.uses("ordering")[0]
    assert (fs.entity, fs.target, fs.field) == ("Card", "BoardList", "position")
    assert _field(spec, "Card", "position").type == "int"


def test_splitting_costs_in_a_group():
    spec = infer_spec("An app to split expenses within a group of friends")
    assert {"Group", "Member", "Expense", "Share"} <= {e.name for e in spec.entities}
    assert {"Expense", "Member"} <= set(_rel(spec, "Share")) and "Group" in _rel(spec, "Member")


def test_verbs_that_are_not_features_make_none():
    spec = infer_spec("A budgeting app to track income and expenses and save money")
    assert not spec.feature_specs and "Favourite" not in {e.name for e in spec.entities}
