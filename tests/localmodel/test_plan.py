"""The compact plan: normalising a small model's answer and merging it with the offline understanding."""

from __future__ import annotations

import json

import pytest

from core import engine
from core.roles.architect_merge import merge
from core.roles.architect_model import SCHEMA, entity_name, field_name, normalise, parse, typed_field
from core.spec import AppSpec, EntitySpec

RECIPE = "A recipe sharing site where users post recipes with ingredients and steps, rate them, and save favourites"


def test_names_become_english_identifiers_singular_and_pascal_case() -> None:
    assert entity_name("recipe_ratings") == "RecipeRating"
    assert entity_name("Order items") == "OrderItem"
    assert entity_name("Categories") == "Category"
    assert entity_name("Reseña") == "Resena"
    assert entity_name("123") == ""
    assert field_name("Prep Time") == "prep_time"
    assert field_name("prepTime") == "prep_time"
    assert field_name("created_at") == field_name("id") == ""
    assert field_name("type") == "kind" and field_name("class") == "class_name"


def test_reserved_fields_are_dropped_and_id_columns_become_links() -> None:
    plan = normalise({"entities": [
        {"name": "users", "fields": ["id", "Name", "email", "created_at"], "belongs_to": []},
        {"name": "Recipe", "fields": ["title", "user_id", "updated_at", "title", "password"], "belongs_to": ["Chef"]},
    ]})
    assert plan.fields["User"] == ["name", "email"]
    assert plan.fields["Recipe"] == ["title"]
    assert plan.links["Recipe"] == ["Chef", "User"]
    assert plan.fields["Chef"] == ["name"]  # named only as a link: added with a label field
    assert any("created_at" in n for n in plan.notes)


def test_field_names_that_are_phrases_are_dropped_with_a_note() -> None:
    """A column is a noun: 'insights_for_coaches_and_players' or 'how_i_felt' is a sentence fragment."""
    plan = normalise({"entities": [{"name": "Report", "belongs_to": [], "fields": [
        "title", "insights for coaches and players", "how I felt", "date_of_birth", "time_to_finish"]}]})
    assert plan.fields["Report"] == ["title", "date_of_birth", "time_to_finish"]
    assert any("insights_for_coaches_and_players" in n and "phrase" in n for n in plan.notes)


def test_answers_that_are_not_a_plan_say_what_is_wrong() -> None:
    with pytest.raises(ValueError, match="not valid JSON"):
        parse('{"entities": [{"name": "User"')
    with pytest.raises(ValueError, match="no usable entity"):
        parse('{"entities": [{"name": "!!"}]}')
    with pytest.raises(ValueError, match="no 'entities'"):
        parse('{"features": []}')


def test_the_schema_is_compact_and_closed() -> None:
    item = SCHEMA["properties"]["entities"]["items"]
    assert item["additionalProperties"] is False
    assert item["properties"]["fields"]["items"] == {"type": "string", "maxLength": 40}


def test_merge_keeps_the_offline_understanding_and_adds_what_the_model_saw() -> None:
    base = engine.understand(RECIPE)
    plan = parse(json.dumps({"entities": [
        {"name": "User", "fields": ["username", "email"], "belongs_to": []},
        {"name": "Recipe", "fields": ["title", "steps", "rating", "prep_minutes"], "belongs_to": ["User"]},
        {"name": "Ingredient", "fields": ["name", "quantity"], "belongs_to": ["Recipe"]},
        {"name": "Cuisine", "fields": ["name"], "belongs_to": []},
        {"name": "Recipe", "fields": ["duplicate"], "belongs_to": []},
        {"name": "Rating", "fields": ["rating"], "belongs_to": ["User", "Recipe"]},
        {"name": "Favourite", "fields": [], "belongs_to": ["User", "Recipe"]},
    ]}))
    spec, notes = merge(base, plan)
    names = {e.name for e in spec.entities}
    assert {e.name for e in base.entities} <= names  # nothing the offline understanding found is lost
    assert "Cuisine" in names and "added entity Cuisine" in notes
    assert spec.not_built == base.not_built and set(base.features) <= set(spec.features)
    assert "stars" in [f.name for f in spec.entity("Rating").fields]
    assert "rating" not in [f.name for f in spec.entity("Rating").fields]
    assert {r.target for r in spec.entity("Favourite").relations} == {"User", "Recipe"}
    recipe = spec.entity("Recipe")
    assert "prep_minutes" in {f.name for f in recipe.fields} and "Cuisine" in names
    assert "rating" not in {f.name for f in recipe.fields}  # a feature folded into a column is not copied


def test_merge_never_makes_a_cycle_or_an_invalid_spec() -> None:
    base = engine.understand("A blog with posts and comments")
    plan = parse(json.dumps({"entities": [
        {"name": "Post", "fields": ["title"], "belongs_to": ["Comment"]},
        {"name": "Comment", "fields": ["body"], "belongs_to": ["Post"]},
    ]}))
    spec, _ = merge(base, plan)
    for e in spec.entities:
        for r in e.relations:
            assert e.name not in {r2.target for r2 in spec.entity(r.target).relations}


def test_an_entity_named_like_a_keyword_is_mapped_or_renamed() -> None:
    base = engine.understand("Una app para un gimnasio con socios, clases y reservas")
    plan = parse(json.dumps({"entities": [{"name": "Class", "fields": ["name"], "belongs_to": []}]}))
    spec, _ = merge(base, plan)
    assert "Class" not in {e.name for e in spec.entities}
    lone = AppSpec(name="x", entities=[EntitySpec(name="Member", fields=[typed_field("name")])])
    spec, notes = merge(lone, plan)
    assert "ClassItem" in {e.name for e in spec.entities} and any("renamed Class" in n for n in notes)


def test_fields_are_typed_from_their_names() -> None:
    assert typed_field("stars").type == "int" and typed_field("stars").max == 5
    assert typed_field("price").type == "decimal"
    assert typed_field("starts_at").type == "datetime"
    assert typed_field("email").type == "email"
    assert typed_field("instructions").type == "text"
    assert typed_field("title").required and typed_field("title").type == "string"


def test_a_new_rating_gets_stars_and_a_new_join_row_needs_no_column() -> None:
    lone = AppSpec(name="x", entities=[EntitySpec(name="Book", fields=[typed_field("title")])])
    plan = parse(json.dumps({"entities": [
        {"name": "Review", "fields": ["review"], "belongs_to": ["Book"]},
        {"name": "Bookmark", "fields": [], "belongs_to": ["Book"]},
        {"name": "Shelf", "fields": [], "belongs_to": []},
    ]}))
    spec, _ = merge(lone, plan)
    assert [f.name for f in spec.entity("Review").fields] == ["stars"]
    assert spec.entity("Bookmark").fields == []
    assert [f.name for f in spec.entity("Shelf").fields] == ["name"]


GARDEN = ("A website for our community garden at Elm Street: members rent plots, join the waiting list, and log "
          "the harvest of each plot. The board of Greenway Allotments approves new members.")


def test_with_the_prompt_the_merge_leaves_out_what_the_request_does_not_name() -> None:
    base = engine.understand(GARDEN)
    plan = parse(json.dumps({"entities": [
        {"name": "CommunityGarden", "fields": ["name", "address"], "belongs_to": []},
        {"name": "GreenwayAllotments", "fields": ["name"], "belongs_to": []},
        {"name": "Notification", "fields": ["message"], "belongs_to": []},
        {"name": "Status", "fields": ["name"], "belongs_to": []},
        {"name": "User", "fields": ["email"], "belongs_to": []},
        {"name": "WaitingListEntry", "fields": ["joined_on"], "belongs_to": ["Member"]},
        {"name": "Harvest", "fields": ["weight_kg"], "belongs_to": ["Plot"]},
        {"name": "PlotTenancy", "fields": ["starts_on"], "belongs_to": ["Member", "Plot"]},
    ]}))
    names = {e.name for e in merge(base, plan, GARDEN)[0].entities}
    everything = {e.name for e in merge(base, plan)[0].entities}
    assert {e.name for e in base.entities} <= names  # the offline reading is never filtered
    assert {"Notification", "Status"} <= everything
    added = names - {e.name for e in base.entities}  # what the filter decides on: the model's additions
    assert not added & {"CommunityGarden", "GreenwayAllotments", "Notification", "Status", "User"}, added
    assert {"Harvest", "PlotTenancy"} <= names  # named in the request, or a join of two things it names
    assert any(n.startswith("Waiting") or n.startswith("Waitlist") for n in names)


def test_a_spanish_request_grounds_the_models_english_names() -> None:
    prompt = "Una web para una autoescuela: los alumnos reservan clases prácticas y pagan cada clase."
    base = engine.understand(prompt)
    plan = parse(json.dumps({"entities": [
        {"name": "Payment", "fields": ["amount"], "belongs_to": []},
        {"name": "Reservation", "fields": ["starts_at"], "belongs_to": []},
        {"name": "Car", "fields": ["plate"], "belongs_to": []},
    ]}))
    spec, notes = merge(base, plan, prompt)
    names = {e.name for e in spec.entities}
    assert names & {"Payment"} and names & {"Reservation", "Booking"}, names
    assert "Car" not in names and any("left out Car" in n for n in notes)
