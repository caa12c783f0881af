"""Follow-up instructions change the spec as asked, in English and Spanish, and explain what changed."""

from __future__ import annotations

import pytest

from core.engine import apply_followup, infer_spec
from core.errors import ValidationError

TASKS = "a task manager where tasks have a title, notes, status and a project"


@pytest.fixture
def tasks():
    return infer_spec(TASKS)


def _fields(spec, entity):
    return {f.name: f for f in spec.entity(entity).fields}


def test_add_priority_field(tasks):
    tasks, _ = apply_followup(tasks, "remove the status field from tasks")
    spec, summary = apply_followup(infer_spec("a todo list where tasks have a title and notes"),
                                   "add a priority field to tasks")
    field = _fields(spec, "Task")["priority"]
    assert field.type == "enum" and field.choices == ["low", "medium", "high"] and not field.required
    assert "priority" in summary and "Task" in summary


def test_add_typed_field(tasks):
    spec, summary = apply_followup(tasks, "add a due_date date to tasks")
    assert _fields(spec, "Task")["due_date"].type == "date"
    assert summary.startswith("Added field due_date")


def test_add_two_word_date_field(tasks):
    spec, _ = apply_followup(tasks, "add a start date to tasks")
    assert _fields(spec, "Task")["start_date"].type == "date"


def test_remove_field(tasks):
    spec, summary = apply_followup(tasks, "remove the status field from tasks")
    assert "status" not in _fields(spec, "Task")
    assert "status" in summary


def test_add_related_entity():
    spec = infer_spec("an app to manage products with name, price and stock")
    spec.entities = [e for e in spec.entities if e.name == "Product"]
    spec.entity("Product").relations = []
    spec, summary = apply_followup(spec, "add categories to products")
    assert "Category" in {e.name for e in spec.entities}
    assert any(r.target == "Category" for r in spec.entity("Product").relations)
    assert "Category" in summary


def test_add_related_entity_in_spanish():
    spec = infer_spec("Una app para gestionar productos. Los productos tienen nombre, precio y stock")
    spec.entities = [e for e in spec.entities if e.name == "Product"]
    spec.entity("Product").relations = []
    spec, _ = apply_followup(spec, "añade categorías a los productos")
    assert [r.target for r in spec.entity("Product").relations] == ["Category"]
    assert spec.entities[0].name == "Category"  # parents come first


def test_add_field_in_spanish():
    spec = infer_spec("Gestor de tareas: las tareas tienen título y descripción")
    spec, summary = apply_followup(spec, "añade un campo prioridad a las tareas")
    assert _fields(spec, "Task")["priority"].type == "enum"
    assert "priority" in summary


def test_remove_field_in_spanish():
    spec = infer_spec("Una tienda. Los productos tienen nombre, precio y stock")
    spec, _ = apply_followup(spec, "quita el campo stock de los productos")
    assert "stock" not in _fields(spec, "Product")


@pytest.mark.parametrize(("instruction", "feature"), [
    ("add search", "search"), ("add a dashboard", "dashboard"), ("add login", "auth"),
    ("add a contact form", "contact"), ("accept payments with Stripe", "payments"), ("añade un buscador", "search"),
    ("añade un panel con estadísticas", "dashboard"),
])
def test_enable_feature(tasks, instruction, feature):
    spec, summary = apply_followup(tasks, instruction)
    assert feature in spec.features and feature in summary


def test_disable_feature(tasks):
    spec, _ = apply_followup(tasks, "add search")
    spec, summary = apply_followup(spec, "remove search")
    assert "search" not in spec.features and "Removed" in summary


def test_make_it_dark(tasks):
    spec, summary = apply_followup(tasks, "make it dark")
    assert spec.theme.mode == "dark" and "dark" in summary


def test_primary_colour(tasks):
    spec, _ = apply_followup(tasks, "use green as the primary colour")
    assert spec.theme.primary == "#008000"
    spec, _ = apply_followup(spec, "botones rojos y fondo blanco")
    assert spec.theme.primary == "#ff0000" and spec.theme.background == "#ffffff" and spec.theme.mode == "light"


def test_add_entity_with_fields(tasks):
    spec, summary = apply_followup(tasks, "add suppliers with name, email and phone")
    assert {f.name: f.type for f in spec.entity("Supplier").fields} == {"name": "string", "email": "email",
                                                                        "phone": "string"}
    assert "Supplier" in summary


def test_remove_entity_drops_links(tasks):
    spec, summary = apply_followup(tasks, "remove projects")
    assert "Project" not in {e.name for e in spec.entities}
    assert not spec.entity("Task").relations
    assert "Project" in summary


def test_original_spec_is_not_mutated(tasks):
    before = tasks.model_copy(deep=True)
    apply_followup(tasks, "add a priority field to tasks")
    assert tasks == before


@pytest.mark.parametrize("instruction", ["", "blah blah", "make it faster", "remove the colour field from tasks",
                                         "add a title field to tasks"])
def test_unclear_instructions_explain_themselves(tasks, instruction):
    with pytest.raises(ValidationError) as err:
        apply_followup(tasks, instruction)
    assert len(str(err.value)) > 20


def test_cannot_remove_the_last_entity():
    spec = infer_spec("widgets have a name and a colour")
    with pytest.raises(ValidationError):
        apply_followup(spec, f"remove {spec.entities[0].plural}")


@pytest.mark.parametrize("instruction", ["añade un campo precio por día a las habitaciones, por favor",
                                         "add a price per day field to rooms"])
def test_add_per_unit_field(instruction):
    spec, summary = apply_followup(infer_spec("un hotel con habitaciones y reservas"), instruction)
    field = next(f for f in spec.entity("Room").fields if f.name == "price_per_day")
    assert field.type == "decimal" and field.min == 0 and "price_per_day" in summary


SHOP = "an online shop with products, categories and orders"


@pytest.mark.parametrize(("instruction", "feature", "entity"), [
    ("let users favourite products", "favourites", "Favourite"),
    ("add tags to products", "tags", "Tag"),
    ("añade valoraciones a los productos", "ratings", "Rating"),
    ("add comments to products", "comments", "Comment"),
])
def test_feature_followups_add_the_contract_shapes(instruction, feature, entity):
    spec, summary = apply_followup(infer_spec(SHOP), instruction)
    [fs] = spec.uses(feature)
    assert (fs.entity, fs.target) == (entity, "Product")
    assert feature in spec.features and "Product" in summary
    if feature in {"favourites", "ratings"}:
        assert "auth" in spec.features and spec.entities[0].name == "User"
        assert {r.target for r in spec.entity(entity).relations} == {"User", "Product"}
    if feature == "ratings":
        stars = spec.entity("Rating").fields[0]
        assert (stars.name, stars.min, stars.max) == ("stars", 1, 5)
    if feature == "tags":
        assert [(r.kind, r.field) for r in spec.entity("Product").relations if r.target == "Tag"] == [
            ("many_to_many", "tag_ids")]
    again, summary = apply_followup(spec, instruction)
    assert again == spec and "nothing changed" in summary


def test_only_the_owner_can_edit_turns_on_accounts():
    spec, summary = apply_followup(infer_spec("a recipe site with recipes and ingredients"),
                                   "only the owner can edit a recipe")
    assert "auth" in spec.features and "User" in [e.name for e in spec.entities]
    assert "owner" in summary and "recipes" in summary
    _, again = apply_followup(spec, "solo el propietario puede editar las recetas")
    assert "nothing changed" in again


def test_feature_followup_without_an_entity_asks_which():
    with pytest.raises(ValidationError, match="Which entity"):
        apply_followup(infer_spec(SHOP), "add tags")
