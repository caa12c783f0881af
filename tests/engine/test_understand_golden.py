"""Golden prompts (EN/ES) -> the parts of the spec that matter: entities, fields, links, features."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.spec import AppSpec
from tests.engine.spec_helpers import names as _names


def _links(spec: AppSpec) -> set[tuple[str, str, str]]:
    return {(e.name, r.target, r.kind) for e in spec.entities for r in e.relations}


def _fields(spec: AppSpec, entity: str) -> dict[str, str]:
    return {f.name: f.type for f in spec.entity(entity).fields}


# (prompt, entities that must be there, entities that must not, (child, parent, kind) links)
ENTITIES = [
    ("a blog with posts, tags, comments and authors", {"Post", "Tag", "Comment", "Author"}, {"Category"},
     {("Post", "Tag", "many_to_many"), ("Comment", "Post", "belongs_to")}),
    ("A recipe sharing site where users post recipes with ingredients and steps, rate them, and save favourites.",
     {"Recipe", "Ingredient", "Step", "Rating", "Favourite", "User"}, {"Category"},
     {("Ingredient", "Recipe", "belongs_to"), ("Rating", "Recipe", "belongs_to"), ("Favourite", "User", "belongs_to")}),
    ("A news portal with news, categories and journalists", {"NewsItem", "Category", "Journalist"}, {"New"}, set()),
    ("A clinic system to record patients, their diagnoses and prescriptions", {"Patient", "Diagnosis", "Prescription"},
     {"Diagnose"}, {("Diagnosis", "Patient", "belongs_to")}),
    ("A menu planner for a restaurant: menus have dishes, dishes have a name, price and allergens",
     {"Menu", "Dish"}, {"MenuItem"}, {("Dish", "Menu", "belongs_to")}),
    ("customer management with invoices", {"Customer", "Invoice"}, set(), {("Invoice", "Customer", "belongs_to")}),
    ("A wiki where pages are written by editors and grouped into spaces.", {"Page", "Editor"}, set(),
     {("Page", "Editor", "belongs_to")}),
    ("An event app: organisers create events, attendees register for events, and each event happens at a venue.",
     {"Event", "Attendee", "Venue", "Registration"}, set(),
     {("Registration", "Event", "belongs_to"), ("Registration", "Attendee", "belongs_to"),
      ("Event", "Venue", "belongs_to")}),
    ("A kanban board with boards, lists and cards; cards belong to lists and lists belong to boards.",
     {"Board", "BoardList", "Card"}, set(),
     {("Card", "BoardList", "belongs_to"), ("BoardList", "Board", "belongs_to")}),
    ("Project tracker where tasks are assigned to team members and each task belongs to a project",
     {"Task", "Member", "Project"}, set(), {("Task", "Member", "belongs_to"), ("Task", "Project", "belongs_to")}),
    ("A film club: films have many actors and actors appear in many films", {"Film", "Actor"}, set(),
     {("Actor", "Film", "many_to_many")}),
    ("Una app de clínica donde los pacientes reservan citas con médicos.", {"Patient", "Doctor", "Appointment"},
     set(), {("Appointment", "Patient", "belongs_to"), ("Appointment", "Doctor", "belongs_to")}),
    ("Gestor de inventario: cada producto pertenece a un proveedor y a un almacén.",
     {"Product", "Supplier", "Warehouse"}, set(),
     {("Product", "Supplier", "belongs_to"), ("Product", "Warehouse", "belongs_to")}),
    ("Un foro donde los usuarios publican hilos y responden a los hilos.", {"Thread", "Reply"}, {"Responden"},
     {("Reply", "Thread", "belongs_to")}),
    ("Una app para gestionar el inventario de una ferretería: productos con nombre, precio y stock, y proveedores",
     {"Product", "Supplier"}, {"Ferreteria", "Inventario"}, set()),
    ("Gestión de socios y cuotas para un club", {"Member"}, {"Team", "Player", "Match"}, set()),
    ("Please implement a website for a local bakery where customers can browse products, place orders for pickup, "
     "and leave reviews.", {"Customer", "Product", "Order", "Review"}, {"Bakery"},
     {("Order", "Customer", "belongs_to"), ("Review", "Product", "belongs_to")}),
    ("Build a personal portfolio website with a projects section, a blog, and a contact form.", {"Project", "Post"},
     {"ContactForm", "Section", "Portfolio"}, set()),
    ("Create an online platform for a yoga studio where members can book classes, view instructors' profiles, and "
     "purchase membership plans.", {"Member", "ClassSession", "Instructor", "MembershipPlan"}, {"Profile", "Studio"},
     {("Membership", "Member", "belongs_to"), ("Membership", "MembershipPlan", "belongs_to")}),
    ("booking app for a hair salon: customers book services, fondo negro y botones verdes",
     {"Customer", "Service", "Booking"}, {"Serviz", "Fondo", "Boton", "App"},
     {("Booking", "Service", "belongs_to"), ("Booking", "Customer", "belongs_to")}),
    ("A community website where neighbours can lend tools to each other.", {"Neighbour", "Tool", "Loan"}, set(),
     {("Loan", "Tool", "belongs_to")}),
    ("Quiero una web para una academia de idiomas con cursos, profesores y alumnos; los alumnos se inscriben en "
     "cursos y pagan la matrícula online.", {"Course", "Teacher", "Student", "Enrollment"}, {"Academia"},
     {("Enrollment", "Student", "belongs_to"), ("Enrollment", "Course", "belongs_to")}),
]


@pytest.mark.parametrize(("prompt", "present", "absent", "links"), ENTITIES, ids=[c[0][:40] for c in ENTITIES])
def test_entities_and_links(prompt, present, absent, links):
    spec = infer_spec(prompt)
    names = _names(spec)
    assert present <= names, names
    assert not absent & names, names
    assert links <= _links(spec), _links(spec)


def test_domain_knowledge_only_enriches_named_entities():
    spec = infer_spec("A recipe site with recipes and ingredients")
    assert _names(spec) == {"Recipe", "Ingredient"}  # no Category nobody asked for
    assert {"title", "instructions", "prep_minutes", "servings"} <= set(_fields(spec, "Recipe"))
    assert _fields(spec, "Recipe").get("steps", "text") == "text"


@pytest.mark.parametrize("prompt", [
    "A simple app to track stock levels of my home pantry items",  # 'stock' is not a warehouse
    "A menu of my favourite board games with notes",  # 'menu' is not a restaurant
    "Plan trips with friends: each trip has stops and a budget",  # 'trips' is not the travel template
])
def test_one_keyword_never_brings_a_template(prompt):
    names = _names(infer_spec(prompt))
    assert not names & {"Warehouse", "StockMovement", "DiningTable", "MenuItem", "Accommodation", "Activity"}, names


def test_every_main_entity_has_a_label_and_no_verb_phrase_fields():
    spec = infer_spec("The Expense Tracker is an app offering users an easy and efficient way to manage their "
                      "expenses, rate them, and save favourites.")
    assert "Expense" in _names(spec) and "Member" not in _names(spec)
    for e in spec.entities:
        names = {f.name for f in e.fields}
        assert not names & {"easy", "efficient_way", "rate_them", "save_favourites"}, names
        assert all(n.count("_") < 4 for n in names)
    assert {"title", "name"} & set(_fields(spec, "Expense"))


def test_spanish_fields_and_units():
    spec = infer_spec("Alquiler de coches: los coches tienen matrícula, modelo y precio por día")
    assert _fields(spec, "Vehicle") == {"plate": "string", "vehicle_model": "string", "price_per_day": "decimal"}
    spec = infer_spec("Una app de tareas: las tareas tienen título, fecha límite y prioridad")
    assert _fields(spec, "Task") == {"title": "string", "due_date": "date", "priority": "enum"}


def test_sorting_by_a_field_adds_it():
    spec = infer_spec("A todo list app where tasks can be tagged and sorted by priority")
    assert {e.name for e in spec.entities} == {"Task", "Tag"}
    assert _fields(spec, "Task")["priority"] == "enum"


def test_unbuilt_wishes_are_reported():
    assert "streaks" in infer_spec("a habit tracker with streaks").not_built
    assert "fines for late returns" in infer_spec("a library where members borrow books and pay fines").not_built
