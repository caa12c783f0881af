"""Prompt -> AppSpec: domains, named entities and fields, types, relations, language, features, theme."""

from __future__ import annotations

import pytest

from core.engine import describe_capabilities, infer_spec
from core.errors import UnsupportedRequestError, ValidationError
from tests.engine.prompts import PRD, PROMPTS, UNSUPPORTED


def _types(spec, entity: str) -> dict[str, str]:
    return {f.name: f.type for f in spec.entity(entity).fields}


def _links(spec) -> set[tuple[str, str]]:
    return {(e.name, r.target) for e in spec.entities for r in e.relations}


# (prompt, entities that must exist, {entity: {field: type}}, (child, parent) links, language, features)
CASES = [
    ("a task manager", {"Task"}, {"Task": {"title": "string", "due_date": "date", "status": "enum"}},
     set(), "en", set()),
    ("A simple todo app where tasks have a title, due date and priority", {"Task"},
     {"Task": {"title": "string", "due_date": "date", "priority": "enum"}}, set(), "en", set()),
    ("an online shop with products, categories, customers and orders",
     {"Product", "Category", "Customer", "Order"},
     {"Product": {"price": "decimal", "stock": "int"}, "Customer": {"email": "email"}},
     {("Product", "Category"), ("Order", "Customer")}, "en", set()),
    ("Quiero una tienda con productos, categorías, clientes y pedidos. Los productos tienen nombre, precio y stock.",
     {"Product", "Category", "Customer", "Order"},
     {"Product": {"name": "string", "price": "decimal", "stock": "int"}}, {("Order", "Customer")}, "es", set()),
    ("a library where members borrow books", {"Member", "Book", "Loan"}, {"Loan": {"due_date": "date"}},
     {("Loan", "Member"), ("Loan", "Book")}, "en", set()),
    ("Una biblioteca donde los socios toman prestados libros", {"Member", "Book", "Loan"}, {},
     {("Loan", "Member"), ("Loan", "Book")}, "es", set()),
    ("a CRM for a small agency to track companies, contacts and deals, with a dashboard",
     {"Company", "Contact", "Deal"}, {"Deal": {"amount": "decimal"}}, {("Contact", "Company")}, "en", {"dashboard"}),
    ("an inventory system for a warehouse with suppliers and stock movements",
     {"Supplier", "Warehouse", "StockMovement"}, {}, set(), "en",
     set()),
    ("Una app de citas para una clínica con pacientes y médicos", {"Patient", "Doctor", "Appointment"},
     {"Patient": {"birthday": "date"}}, {("Appointment", "Patient")}, "es", set()),
    ("a recipe collection where each recipe belongs to a category, dark theme", {"Recipe", "Category"},
     {"Recipe": {"servings": "int", "rating": "int"}}, {("Recipe", "Category")}, "en", set()),
    ("an events platform with venues, events and attendees, attendees can sign up and log in",
     {"Venue", "Event", "Attendee"}, {"Event": {"starts_at": "datetime"}}, {("Attendee", "Event")}, "en", {"auth"}),
    ("helpdesk ticketing system with agents and replies, search and priority", {"Ticket", "Agent", "Reply"},
     {"Ticket": {"priority": "enum"}}, {("Reply", "Ticket")}, "en", {"search"}),
    ("an online course platform (LMS) with instructors, courses, lessons and enrollments",
     {"Course", "Lesson", "Enrollment", "Instructor"}, {}, {("Lesson", "Course")}, "en",
     set()),
    ("gestión de facturas para mi empresa con clientes y pagos", {"Invoice", "Customer", "Payment"},
     {"Invoice": {"total": "decimal", "due_date": "date"}}, {("Payment", "Invoice")}, "es", set()),
    ("a real estate listings site with agents, properties and viewings, contact form",
     {"Property", "Agent", "Viewing"}, {"Property": {"price": "decimal"}}, {("Viewing", "Property")}, "en",
     {"contact"}),
    ("Una web para una inmobiliaria con propiedades y visitas", {"Property"}, {}, set(), "es", set()),
    ("a job board where companies post jobs and candidates apply", {"Job", "Company", "Candidate"},
     {"Job": {"salary": "decimal"}}, {("Job", "Company")}, "en", set()),
    ("a community forum with categories, topics and replies", {"Category", "Topic", "Reply"}, {},
     {("Reply", "Topic")}, "en", set()),
    ("a polls app where people vote on questions", {"Poll", "Vote"}, {}, set(), "en", set()),
    ("an expense tracker with categories and monthly budgets, charts", {"Expense", "Category"},
     {"Expense": {"amount": "decimal", "spent_date": "date"}}, set(), "en", {"dashboard"}),
    ("gym management: members, trainers, workouts and exercises", {"Member", "Trainer", "Workout", "Exercise"},
     {"Exercise": {"reps": "int"}}, {("Exercise", "Workout")}, "en", set()),
    ("a restaurant ordering system with menu items, tables and orders, customers pay online with Stripe",
     {"MenuItem", "DiningTable", "Order"}, {"MenuItem": {"price": "decimal"}}, set(), "en", {"payments"}),
    ("hotel reservations with rooms and guests, background navy", {"Room", "Guest", "Reservation"},
     {"Room": {"price_per_night": "decimal"}}, {("Reservation", "Room")}, "en", set()),
    ("a school gradebook: students, teachers, subjects and grades", {"Student", "Teacher", "Grade"}, {},
     {("Grade", "Student")}, "en", set()),
    ("a notes app with notebooks and tags", {"Note", "Notebook", "Tag"}, {"Note": {"content": "text"}},
     {("Note", "Notebook")}, "en", set()),
    ("an address book to keep my contacts", {"Contact"}, {"Contact": {"email": "email", "phone": "string"}},
     set(), "en", set()),
    ("project management tool with projects, milestones, tasks and team members, dashboard",
     {"Project", "Milestone", "Task", "Member"}, {}, {("Task", "Project")}, "en", {"dashboard"}),
    ("HR app for employees to clock in and out, with departments and leave requests",
     {"Employee", "Department", "LeaveRequest"}, {"Employee": {"salary": "decimal", "position": "string"}},
     {("LeaveRequest", "Employee")}, "en", set()),
    ("Control de fichajes de empleados con departamentos", {"Employee", "Attendance"}, {}, set(), "es", set()),
    ("fleet management for a delivery company: vehicles, drivers, trips and maintenance",
     {"Vehicle", "Driver", "Trip"}, {"Vehicle": {"year": "int"}}, {("Trip", "Vehicle")}, "en", set()),
    ("a veterinary clinic for pets and their owners with visits and vaccinations", {"Pet", "Owner", "Visit"}, {},
     {("Pet", "Owner")}, "en", set()),
    ("a music catalogue with artists, albums, songs and playlists", {"Artist", "Album", "Song", "Playlist"}, {},
     {("Song", "Album")}, "en", set()),
    ("movie reviews site where users rate films", {"Film", "Review"}, {"Review": {"stars": "int"}},
     {("Review", "Film")}, "en", set()),
    ("trip planner for travel itineraries with activities", {"Trip", "Activity"}, {}, {("Activity", "Trip")},
     "en", set()),
    ("a donations platform for a charity with campaigns and donors, online payments",
     {"Campaign", "Donor", "Donation"}, {"Donation": {"amount": "decimal"}}, set(), "en", {"payments"}),
    ("Gestor de tareas con proyectos. Cada tarea pertenece a un proyecto. Tema oscuro.", {"Task", "Project"}, {},
     {("Task", "Project")}, "es", set()),
    ("an app to manage products with name, price and stock, and each order belongs to a customer",
     {"Product", "Order", "Customer"}, {"Product": {"name": "string", "price": "decimal", "stock": "int"}},
     {("Order", "Customer")}, "en", set()),
    ("a sports league with teams, players and matches", {"Team", "Player", "Match"}, {}, {("Player", "Team")},
     "en", set()),
    ("a meal planner that tracks calories", {"Meal"}, {}, set(), "en", set()),
    ("A customer has many orders. Products have a name, a price and a sku.", {"Customer", "Order", "Product"},
     {"Product": {"price": "decimal", "sku": "string"}}, {("Order", "Customer")}, "en", set()),
    ("an app to track widgets with users and login, widgets have a name, a colour and a weight",
     {"Widget"} if False else set(), {}, set(), "en", {"auth"}),
    ("Quiero gestionar clientes y pedidos; cada pedido pertenece a un cliente", {"Customer", "Order"}, {},
     {("Order", "Customer")}, "es", set()),
    ("a bookstore with books and authors, customers can search books and pay", {"Book", "Author"}, {}, set(),
     "en", {"search", "payments"}),
    ("a warehouse app: products have name, sku, quantity and unit price", {"Product"},
     {"Product": {"quantity": "int", "unit_price": "decimal", "sku": "string"}}, set(), "en", set()),
]


@pytest.mark.parametrize(("prompt", "entities", "fields", "links", "language", "features"), CASES,
                         ids=[c[0][:40] for c in CASES])
def test_prompt_infers_named_things(prompt, entities, fields, links, language, features):
    spec = infer_spec(prompt)
    names = {e.name for e in spec.entities}
    assert entities <= names, names
    for entity, expected in fields.items():
        types = _types(spec, entity)
        assert {k: types.get(k) for k in expected} == expected
    assert links <= _links(spec)
    assert spec.language == language
    assert features <= set(spec.features)


def test_every_shared_prompt_builds():
    assert all(infer_spec(p).entities for p in PROMPTS)


def test_at_least_forty_cases():
    assert len(CASES) >= 40


def test_field_types_from_names():
    spec = infer_spec("an app with gadgets. Gadgets have a name, price, email, website, is_active, stock, rating, "
                      "description, status, phone, birthday, published_at and due date")
    types = _types(spec, spec.entities[-1].name) if "Gadget" not in {e.name for e in spec.entities} else {}
    gadget = next(e for e in spec.entities if {f.name for f in e.fields} >= {"price", "email"})
    types = {f.name: f for f in gadget.fields}
    assert types["price"].type == "decimal" and types["price"].min == 0
    assert types["email"].type == "email"
    assert types["website"].type == "url"
    assert types["is_active"].type == "bool"
    assert types["stock"].type == "int" and types["stock"].min == 0
    assert (types["rating"].type, types["rating"].min, types["rating"].max) == ("int", 1, 5)
    assert types["description"].type == "text"
    assert types["status"].type == "enum" and types["status"].choices
    assert types["phone"].type == "string"
    assert types["birthday"].type == "date"
    assert types["published_at"].type == "datetime"
    assert types["due_date"].type == "date"
    assert types["name"].type == "string" and types["name"].max_length == 200


def test_spanish_field_names_become_english_identifiers():
    spec = infer_spec("Una tienda. Los productos tienen nombre, precio, descripción, cantidad, correo, teléfono, "
                      "título, estado, prioridad y fecha")
    names = [f.name for f in spec.entity("Product").fields]
    assert names == ["name", "price", "description", "quantity", "email", "phone", "title", "status", "priority",
                     "date"]
    assert spec.language == "es"


def test_unknown_spanish_field_is_ascii_snake_case():
    spec = infer_spec("Los productos tienen nombre, precio y garantía extendida")
    assert "garantia_extendida" in [f.name for f in spec.entity("Product").fields]


def test_pasted_prd_is_read_exactly():
    spec = infer_spec(PRD)
    assert [e.name for e in spec.entities] == ["Equipment", "Renter", "Rental"]
    equipment = {f.name: f for f in spec.entity("Equipment").fields}
    assert list(equipment) == ["name", "daily_rate", "serial_number", "notes"]
    assert equipment["daily_rate"].type == "decimal" and equipment["daily_rate"].min == 0
    assert equipment["serial_number"].unique and equipment["name"].required
    assert not equipment["notes"].required and equipment["notes"].type == "text"
    renter = {f.name: f.type for f in spec.entity("Renter").fields}
    assert renter == {"full_name": "string", "email": "email", "phone": "string"}
    rental = spec.entity("Rental")
    assert {(r.target, r.field) for r in rental.relations} == {("Equipment", "equipment_id"), ("Renter", "renter_id")}
    status = next(f for f in rental.fields if f.name == "status")
    assert status.type == "enum" and status.choices == ["open", "returned", "late"]
    assert spec.features == ["search"]
    assert spec.name == "acme-rentals"


def test_prd_with_inline_bullets():
    prd = "# Gym\n\n## Entities\n- Member: name (string, required), email (email), joined (date)\n" \
          "- Visit: member_id (references Member), checked_in_at (datetime)\n"
    spec = infer_spec(prd)
    assert [e.name for e in spec.entities] == ["Member", "Visit"]
    assert _types(spec, "Member") == {"name": "string", "email": "email", "joined": "date"}
    assert spec.entity("Visit").relations[0].target == "Member"


@pytest.mark.parametrize(("prompt", "mode", "primary", "background"), [
    ("a blog with a dark theme", "dark", None, None),
    ("una tienda, fondo negro y botones verdes", "dark", "#008000", "#000000"),
    ("a shop, primary color #ff5722", "light", "#ff5722", None),
    ("a task manager, background navy", "dark", None, "#000080"),
    ("a crm with a light theme and purple buttons", "light", "#800080", None),
    ("notas con tema oscuro y color principal naranja", "dark", "#ffa500", None),
])
def test_style_requests_set_the_theme(prompt, mode, primary, background):
    theme = infer_spec(prompt).theme
    assert theme.mode == mode
    if primary:
        assert theme.primary == primary
    if background:
        assert theme.background == background


@pytest.mark.parametrize("prompt", UNSUPPORTED)
def test_out_of_reach_requests_are_declined(prompt):
    with pytest.raises(UnsupportedRequestError) as err:
        infer_spec(prompt)
    message = str(err.value)
    assert "task manager" in message and "model provider" in message
    assert all(p in message for p in ("JoxCoder", "OpenAI", "Anthropic"))


@pytest.mark.parametrize("prompt", ["a shop that sells board games", "a library of video game reviews with members",
                                    "a sports league where players can sign up for teams and track scores",
                                    "a booking app for a board game cafe"])
def test_data_apps_mentioning_games_still_build(prompt):
    assert infer_spec(prompt).entities


@pytest.mark.parametrize("prompt", ["", "   ", "\n\t"])
def test_empty_prompt_is_a_validation_error(prompt):
    with pytest.raises(ValidationError):
        infer_spec(prompt)


def test_huge_prompt_is_a_validation_error():
    with pytest.raises(ValidationError):
        infer_spec("a task manager " * 5000)


def test_names():
    assert infer_spec("a task manager").name == "task-manager"
    assert infer_spec("a task manager", name="My Tasks!").name == "my-tasks"
    assert infer_spec("a shop called Green Leaf Market, selling plants").name == "green-leaf-market"
    assert infer_spec("una tienda llamada Café Olé").name == "cafe-ole"
    with pytest.raises(ValidationError):
        infer_spec("a task manager", name="!!!")


def test_inference_is_deterministic():
    for prompt in PROMPTS[:10]:
        assert infer_spec(prompt) == infer_spec(prompt)


def test_catalogue_covers_many_domains():
    domains = {infer_spec(p).domain for p in PROMPTS}
    assert len(domains) >= 25


def test_capabilities_text():
    text = describe_capabilities()
    assert "task manager" in text and "online shop" in text and "crm" in text


def test_style_and_feature_words_are_not_fields_or_entities():
    spec = infer_spec("Gestor de tareas con proyectos, fondo blanco y botones verdes")
    assert {f.name for f in spec.entity("Task").fields}.isdisjoint({"fondo_blanco", "botones_verdes"})
    assert spec.theme.background == "#ffffff" and spec.theme.primary == "#008000"
    spec = infer_spec("an app with products, categories, search and a dashboard")
    assert {"Product", "Category"} <= {e.name for e in spec.entities}
    assert {"search", "dashboard"} <= set(spec.features)


# Acceptance prompts: explicitly listed entities win over the domain's, with recognisable names.
LISTED = [
    ("a gym with members and classes; members have name, email and join date; classes have title, starts at and "
     "capacity", ["Member", "ClassSession"], {"ClassSession": {"starts_at": "datetime", "capacity": "int"}}, set()),
    ("Un gimnasio con socios, clases y entrenadores; las clases tienen nombre, horario y capacidad",
     ["Member", "ClassSession", "Trainer"], {"ClassSession": {"capacity": "int"}}, set()),
    ("bug tracker with projects, bugs and comments, login required, search", ["Project", "Bug", "Comment", "User"],
     {}, {("Comment", "Bug")}),
    ("car rental: cars, customers and rentals. Customers rent cars.", ["Car", "Customer", "Rental"], {},
     {("Rental", "Customer"), ("Rental", "Car")}),
    ("Sistema de alquiler de coches con clientes, coches y alquileres; los coches tienen matrícula, marca, modelo "
     "y precio por día", ["Vehicle", "Customer", "Rental"],
     {"Vehicle": {"plate": "string", "price_per_day": "decimal"}},
     {("Rental", "Customer"), ("Rental", "Vehicle")}),
    ("podcast manager: shows, episodes and guests. Episodes have title, publish date, duration in minutes and audio "
     "url", ["Podcast", "Show", "Episode", "Guest"], {"Episode": {"publish_date": "date"}}, set()),
    ("church donations: members, funds and donations with amount, date and payment method",
     ["Member", "Fund", "Donation"], {"Donation": {"amount": "decimal", "payment_method": "enum"}},
     {("Donation", "Member"), ("Donation", "Fund")}),
    ("parking lot management with lots, spots and vehicles; spots have number, level and is_occupied",
     ["Lot", "Spot", "Vehicle"], {"Spot": {"is_occupied": "bool"}}, set()),
    ("inventory for a bike shop: bikes, parts, suppliers. Bikes have brand, model, size, price and stock.",
     ["Bike", "Part", "Supplier"], {"Bike": {"price": "decimal", "stock": "int"}}, set()),
    ("dashboard for a dental practice: dentists, patients and appointments, with login and search",
     ["User", "Dentist", "Patient", "Appointment"], {}, {("Appointment", "Dentist")}),  # the login's accounts
    ("a book club app with dark theme and teal buttons: members, books and meetings", ["Member", "Book", "Meeting"],
     {"Meeting": {"starts_at": "datetime"}}, set()),
    ("Quiero una app para reservas de restaurante: mesas, clientes y reservas con fecha, hora y número de personas",
     ["Restaurant", "DiningTable", "Customer", "Reservation"], {"Reservation": {"party_size": "int"}},
     {("Reservation", "DiningTable"), ("Reservation", "Customer")}),
    ("Gestión de turnos de voluntarios con voluntarios, turnos y ubicaciones", ["Volunteer", "Shift", "Location"],
     {}, set()),
    ("Aplicación de calificaciones escolares: alumnos, asignaturas y notas; las notas tienen valor y trimestre",
     ["Student", "Subject", "Grade"], {"Grade": {"value": "decimal", "term": "string"}},
     {("Grade", "Student")}),
]


@pytest.mark.parametrize(("prompt", "entities", "fields", "links"), LISTED, ids=[c[0][:40] for c in LISTED])
def test_listed_entities_win_without_padding(prompt, entities, fields, links):
    spec = infer_spec(prompt)
    names = [e.name for e in spec.entities]
    assert sorted(names) == sorted(entities), names
    for entity, expected in fields.items():
        types = _types(spec, entity)
        assert {k: types.get(k) for k in expected} == expected, types
    assert links <= _links(spec)


def test_named_entities_replace_a_wrong_domain():
    spec = infer_spec("I need something to organise volunteer shifts for our food bank. Volunteers sign up for "
                      "shifts. Shifts have a date, start time, end time and location.")
    assert {e.name for e in spec.entities} == {"Volunteer", "Shift", "Signup"}
    assert spec.domain == "custom" and "auth" not in spec.features and spec.title != "Budget Planner"
    assert _types(spec, "Signup")["attended"] == "bool"


def test_a_field_naming_an_unrelated_entity_stays_a_field():
    spec = infer_spec("A conference app. Speakers give talks. Talks have title, abstract, room and starts at.")
    assert "Room" not in {e.name for e in spec.entities}
    assert _types(spec, "Talk")["room"] == "string" and ("Talk", "Speaker") in _links(spec)


def test_spanish_field_phrases_with_de():
    spec = infer_spec("Una clínica veterinaria con dueños, mascotas y visitas. Las mascotas tienen nombre, especie, "
                      "raza y fecha de nacimiento.")
    assert _types(spec, "Pet")["birthday"] == "date"


def test_record_words_name_their_entity():
    spec = infer_spec("fleet maintenance log: vehicles with plate, make, model, year and mileage; maintenance "
                      "records with date, cost and description")
    assert "Record" not in {e.name for e in spec.entities}
    assert _types(spec, "MaintenanceRecord")["cost"] == "decimal"


def test_fine_tuning_is_declined():
    with pytest.raises(UnsupportedRequestError):
        infer_spec("fine-tune a language model on my emails")


def test_entities_described_with_fields_are_the_app():
    spec = infer_spec("A gym membership tracker: members with name, email and join date; classes with title, coach "
                      "and capacity; members book classes")
    names = {e.name for e in spec.entities}
    assert {"Member", "ClassSession", "Booking"} <= names and not {"Trainer", "Workout"} & names  # no padding
    assert {("Booking", "Member"), ("Booking", "ClassSession")} <= _links(spec)
    assert "booking_slots" in spec.features
    assert _types(spec, "ClassSession")["capacity"] == "int"


@pytest.mark.parametrize("prompt", [
    "An inventory of products (name, price, stock) with suppliers",
    "An inventory app with products with name, price and stock",
    "Un inventario de productos con nombre, precio y stock",
])
def test_products_in_an_inventory_keep_their_name_and_fields(prompt):
    spec = infer_spec(prompt)
    names = [e.name for e in spec.entities]
    assert "Product" in names and "Item" not in names
    assert _types(spec, "Product") == {"name": "string", "price": "decimal", "stock": "int"}


def test_field_lists_in_parentheses():
    spec = infer_spec("A CRM: companies (name, industry, website), contacts (name, email, phone) and deals "
                      "(title, amount, stage)")
    assert [e.name for e in spec.entities] == ["Company", "Contact", "Deal"]
    assert list(_types(spec, "Contact")) == ["name", "email", "phone"]
    assert _types(spec, "Company")["website"] == "url"


@pytest.mark.parametrize("prompt", [
    "Una tienda online con productos, categorías, clientes y pedidos; con inicio de sesión y formulario de contacto",
    "Una tienda online con productos, categorías y clientes, con formulario de contacto e inicio de sesión",
])
def test_spanish_feature_phrases_in_a_list_are_not_entities(prompt):
    spec = infer_spec(prompt)
    assert {"auth", "contact"} <= set(spec.features)
    assert not {"Session", "Contact"} & {e.name for e in spec.entities}


@pytest.mark.parametrize(("prompt", "entity", "expected"), [
    ("Alquiler de coches: los coches tienen matrícula, modelo y precio por día", "Vehicle",
     {"price_per_day": "decimal"}),
    ("las habitaciones tienen número, capacidad y precio por noche", "Room", {"price_per_night": "decimal"}),
    ("Rooms have a number, capacity and price per night", "Room", {"price_per_night": "decimal"}),
    ("A car rental app where cars have a model, plate and price per day", "Car", {"price_per_day": "decimal"}),
    ("tutors have a name, rate per hour and hours per week", "Tutor",
     {"rate_per_hour": "decimal", "hours_per_week": "int"}),
    ("los instructores tienen nombre, tarifa por hora y horas por semana", "Instructor",
     {"name": "string", "rate_per_hour": "decimal", "hours_per_week": "int"}),
])
def test_field_phrases_with_per_keep_their_unit(prompt, entity, expected):
    spec = infer_spec(prompt)
    fields = {f.name: f for f in spec.entity(entity).fields}
    assert {n: fields[n].type for n in expected if n in fields} == expected
    for name, ftype in expected.items():
        assert ftype == "string" or fields[name].min == 0
    assert "price" not in fields


def test_por_before_other_words_still_ends_a_field():
    spec = infer_spec("Una tienda con productos y categorías; los productos tienen nombre y precio por categoría")
    assert [f.name for f in spec.entity("Product").fields][:2] == ["name", "price"]


def test_per_unit_labels_in_spanish():
    from core.engine.render.common import label
    assert label("price_per_day", "es") == "Precio por día"
    assert label("price_per_night", "es") == "Precio por noche"
    assert label("hours_per_week", "es") == "Horas por semana"


@pytest.mark.parametrize("relation", ["each spot belongs to a lot", "a lot has many spots"])
def test_relations_between_listed_new_nouns(relation):
    spec = infer_spec(f"parking lot management with lots, spots and vehicles; {relation}")
    assert ("Spot", "Lot") in _links(spec)


def test_listed_new_nouns_without_relations_stay_unlinked():
    spec = infer_spec("parking lot management with lots, spots and vehicles")
    assert {"Lot", "Spot", "Vehicle"} <= {e.name for e in spec.entities} and not _links(spec)
