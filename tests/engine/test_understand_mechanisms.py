"""General mechanisms of the reading (issue 9): files, attribute lists, feature words, Spanish nouns, names."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.spec import AppSpec
from tests.engine.spec_helpers import names as _names


def _fields(spec: AppSpec, entity: str) -> dict[str, str]:
    return {f.name: f.type for f in spec.entity(entity).fields}


def _links(spec: AppSpec, entity: str) -> dict[str, str]:
    return {r.target: r.kind for r in spec.entity(entity).relations}


@pytest.mark.parametrize(("prompt", "entity"), [
    ("A marketplace for used bicycles listed with price and photos", "Bicycle"),
    ("Rent out vans with model, daily price and pictures", "Van"),
    ("Un catálogo de muebles con precio y fotos", "Furniture"),
])
def test_photos_of_a_thing_are_a_child_table_of_files(prompt, entity):
    """Several photos do not fit one field: each is a row of <Thing>Photo holding its file."""
    spec = infer_spec(prompt)
    assert "Photo" not in _names(spec) and "Picture" not in _names(spec)
    photos = f"{entity}Photo"
    assert _fields(spec, photos)["photo"] == "file" and _links(spec, photos) == {entity: "belongs_to"}
    assert not any(t == "file" for t in _fields(spec, entity).values())
    assert (photos, "photo") in [(f.entity, f.field) for f in spec.uses("uploads")]


@pytest.mark.parametrize(("prompt", "entity", "field"), [
    ("A bike rental site: bikes with a photo and a daily price", "Bike", "photo"),
    ("Un catálogo de vinos con precio, bodega y una foto", "Wine", "photo"),
])
def test_one_photo_of_a_thing_is_a_file_field(prompt, entity, field):
    spec = infer_spec(prompt)
    assert not any(n.endswith("Photo") for n in _names(spec))
    assert _fields(spec, entity)[field] == "file"


@pytest.mark.parametrize("prompt", [
    "An image gallery with uploads and comments",
    "Una galería de fotos con subidas y comentarios",
])
def test_a_gallery_keeps_photos_as_things_with_uploads_and_comments(prompt):
    spec = infer_spec(prompt)
    assert "Photo" in _names(spec)
    assert [f.target for f in spec.uses("comments")] == ["Photo"]
    assert [f.entity for f in spec.uses("uploads")] == ["Photo"]


@pytest.mark.parametrize("prompt", [
    "A careers page where applicants apply for vacancies with a resume upload",
    "Candidates apply to openings and attach a CV",
])
def test_an_application_holds_the_cv(prompt):
    spec = infer_spec(prompt)
    upload = spec.uses("uploads")
    assert [f.entity for f in upload] == ["Application"]
    assert _fields(spec, "Application")[upload[0].field] == "file"
    assert "Application" in _names(spec) and _names(spec) & {"Job", "Vacancy"}  # 'vacancies' keep their word


@pytest.mark.parametrize(("prompt", "entity", "fields"), [
    ("A wine cellar tracker: bottles with vintage, region and grape", "Bottle", ["vintage", "region", "grape"]),
    ("A shop for shoes with brand, size and colour", "Shoe", ["brand", "size", "colour"]),
    ("Un inventario de coches con modelo, marca y kilometraje", "Vehicle", ["vehicle_model", "brand", "mileage"]),
])
def test_attribute_lists_are_fields_not_entities(prompt, entity, fields):
    spec = infer_spec(prompt)
    assert entity in _names(spec) and not {f.title().replace("_", "") for f in fields} & _names(spec)
    assert set(fields) <= set(_fields(spec, entity))


@pytest.mark.parametrize(("prompt", "voted"), [
    ("Readers upvote the best answers to each question", "Answer"),
    ("Un foro donde los socios votan respuestas", "Reply"),
])
def test_upvotes_make_votes(prompt, voted):
    spec = infer_spec(prompt)
    assert "Vote" in _names(spec)
    assert voted in _links(spec, "Vote")


@pytest.mark.parametrize(("prompt", "names"), [
    ("Una app para controlar multas de aparcamiento y vehículos", {"Fine", "Vehicle"}),
    ("Gestión de canchas de tenis, jugadores y partidos", {"Court", "Player", "Match"}),
    ("Una app de aulas, exámenes y alumnos", {"Classroom", "Exam", "Student"}),
])
def test_spanish_nouns_are_translated(prompt, names):
    spec = infer_spec(prompt)
    assert names <= _names(spec)
    assert all(n.isascii() for n in _names(spec))


def test_fines_for_late_returns_stay_not_built():
    assert "fines for late returns" in infer_spec("members borrow books and are charged fines when late").not_built


@pytest.mark.parametrize(("prompt", "entity"), [
    ("A leave system: holiday requests which team leads approve", "HolidayRequest"),
    ("Staff submit travel requests that a manager approves", "TravelRequest"),
])
def test_requests_someone_approves_get_a_decision_workflow(prompt, entity):
    spec = infer_spec(prompt)
    flow = spec.uses("workflow")
    assert [f.entity for f in flow] == [entity]
    assert flow[0].transitions == {"pending": ["approved", "rejected"], "approved": [], "rejected": []}


@pytest.mark.parametrize(("prompt", "entity", "states"), [
    ("A tool that logs incidents and follows them through new, in progress and done", "Incident",
     ["new", "in_progress", "done"]),
    ("Una app de quejas que pasan por abierta, en revisión y cerrada", "Complaint",
     ["abierta", "en_revision", "cerrada"]),
])
def test_a_status_list_after_through_is_a_workflow(prompt, entity, states):
    spec = infer_spec(prompt)
    assert [f.entity for f in spec.uses("workflow")] == [entity]
    assert next(f for f in spec.entity(entity).fields if f.name == "status").choices == states
    assert not {"Track", "Follow", "Revision", "Review"} & _names(spec)


def test_channels_after_through_are_not_states():
    assert not infer_spec("Customers reach support agents through email, phone and chat about tickets").uses("workflow")


def test_an_upload_entity_is_refused_by_the_spec_and_renamed_by_the_engine():
    from pydantic import ValidationError as SpecError

    from core.engine import apply_followup
    from core.spec import EntitySpec, FieldSpec

    with pytest.raises(SpecError, match="reserved"):
        AppSpec(name="x", title="X", description="x",
                entities=[EntitySpec(name="Upload", fields=[FieldSpec(name="name")])])
    spec, summary = apply_followup(infer_spec("a blog with posts and comments"), "add an Upload entity")
    assert "FileUpload" in _names(spec) and "Upload" not in _names(spec)
    assert "FileUpload" in summary and "reserved" in summary


@pytest.mark.parametrize(("prompt", "parent"), [
    ("A kanban tool: a board with lists of cards", "BoardList"),
    ("A Trello-style board with columns and cards", "BoardColumn"),
    ("Un tablero kanban con columnas y tarjetas", "BoardColumn"),
])
def test_board_cards_are_ordered_within_their_column(prompt, parent):
    spec = infer_spec(prompt)
    assert [(f.entity, f.target, f.field) for f in spec.uses("ordering")] == [("Card", parent, "position")]
    assert _links(spec, "Card")[parent] == "belongs_to"


def test_card_assignees_link_to_a_member():
    spec = infer_spec("A kanban board with columns and cards; each card has an assignee")
    assert _links(spec, "Card").get("Member") == "belongs_to"


@pytest.mark.parametrize(("prompt", "person", "join"), [
    ("A scheduling app where nurses are assigned to shifts", "Nurse", "ShiftAssignment"),
    ("Organisers assign volunteers to events", "Volunteer", "EventAssignment"),
])
def test_people_assigned_to_slots_get_a_join(prompt, person, join):
    spec = infer_spec(prompt)
    assert join in _names(spec)
    assert set(_links(spec, join)) >= {person, join.removesuffix("Assignment")}
    assert join.removesuffix("Assignment") not in _links(spec, person)


@pytest.mark.parametrize(("prompt", "target"), [
    ("A reading log: books with a 5-star rating", "Book"),
    ("A tasting notebook where I record wines with a rating", "Wine"),
    ("Un diario de vinos con una valoración de 1 a 5", "Wine"),
])
def test_a_single_rating_of_a_thing_asks_for_ratings(prompt, target):
    spec = infer_spec(prompt)
    assert [f.target for f in spec.uses("ratings")] == [target]


def test_a_rating_among_listed_fields_stays_a_field():
    spec = infer_spec("A catalogue of products with name, price and rating")
    assert not spec.uses("ratings") and _fields(spec, "Product")["rating"] == "int"


@pytest.mark.parametrize(("prompt", "activity", "person", "place"), [
    ("A football league site with matches, referees and pitches", "Match", "Referee", "Pitch"),
    ("Una app de congresos con charlas, ponentes y salas", "Talk", "Speaker", "Room"),
])
def test_a_listed_activity_belongs_to_its_person_and_place(prompt, activity, person, place):
    spec = infer_spec(prompt)
    assert _links(spec, activity) == {person: "belongs_to", place: "belongs_to"}


@pytest.mark.parametrize(("prompt", "person", "field"), [
    ("A dance school site with lessons and teacher bios", "Teacher", "bio"),
    ("A courier app that keeps each courier's licence", "Courier", "licence"),
])
def test_a_person_named_through_an_attribute_is_that_person(prompt, person, field):
    spec = infer_spec(prompt)
    assert person in _names(spec) and "Bio" not in _names(spec) and "Licence" not in _names(spec)
    assert any(f.startswith(field[:5]) for f in _fields(spec, person))


@pytest.mark.parametrize(("prompt", "sold"), [
    ("A cake shop website with a menu of cakes and an online order form", "Cake"),
    ("Una pastelería con una carta de tartas y pedidos online", "Cake"),
])
def test_a_menu_of_things_and_an_order_form_take_orders(prompt, sold):
    spec = infer_spec(prompt)
    assert {sold, "Order", "OrderItem", "Customer"} <= _names(spec) and "Menu" not in _names(spec)
    assert _links(spec, "OrderItem") == {"Order": "belongs_to", sold: "belongs_to"}
    assert _links(spec, "Order").get("Customer") == "belongs_to"


@pytest.mark.parametrize(("prompt", "people", "cost"), [
    ("Flatmates share bills within a household group and see who owes whom", "Flatmate", "Bill"),
    ("Una app para repartir gastos entre un grupo de amigos", "Friend", "Expense"),
])
def test_expense_splitting_has_a_payer_and_shares(prompt, people, cost):
    spec = infer_spec(prompt)
    expense = {r.target: r.field for r in spec.entity(cost).relations}
    assert expense == {"Group": "group_id", people: "paid_by_id"}
    assert _links(spec, people) == {"Group": "belongs_to"}
    assert _links(spec, "Share") == {cost: "belongs_to", people: "belongs_to"}


def test_galleries_of_photos_hold_photos():
    spec = infer_spec("A portfolio where illustrators keep galleries of photos")
    assert _links(spec, "Photo").get("Gallery") == "belongs_to" and "Photo" not in _links(spec, "Gallery")


@pytest.mark.parametrize(("prompt", "owner", "field"), [
    ("A service desk: issues with attachments, technicians and clients", "Issue", "attachment"),
    ("Employees upload receipts for their expenses", "Expense", "receipt"),
])
def test_attached_files_are_fields_of_their_owner(prompt, owner, field):
    spec = infer_spec(prompt)
    assert _fields(spec, owner)[field] == "file" and not {"Attachment", "Receipt"} & _names(spec)


@pytest.mark.parametrize("prompt", ["A recipe site with photo uploads", "A gallery with photo uploads"])
def test_photo_uploads_of_the_main_thing_build_a_valid_spec(prompt: str) -> None:
    spec = infer_spec(prompt)
    names = {e.name for e in spec.entities}
    assert all(fs.entity in names for fs in spec.feature_specs)
    assert "uploads" in spec.features or "uploads" in spec.not_built
