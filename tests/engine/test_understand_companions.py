"""The companions stage (issue 9): what an engineer models beside the named things, and what cue phrases imply."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names as _names
from tests.engine.spec_helpers import parents as _links


@pytest.mark.parametrize(("prompt", "entity", "parent"), [
    ("A coffee roaster's web shop where buyers place orders and pay by card", "Payment", "Order"),
    ("Una web de alquiler de bicicletas: los clientes hacen reservas y pagan una señal", "Payment", "Reservation"),
    ("An app for a catering firm: clients receive invoices for each event and pay them online", "Payment", "Invoice"),
    ("A personal finance app to record expenses and income", "Category", None),
    ("A symptom diary: people track their symptoms and how bad they feel over time", "SymptomLog", "Symptom"),
    ("A cookbook site with recipes from grandmothers", "Ingredient", "Recipe"),
    ("A habit tracker with daily habits and streaks", "HabitLog", "Habit"),
    ("Una app de encuestas para clientes", "Question", "Survey"),
])
def test_named_things_bring_what_an_engineer_models_beside_them(prompt, entity, parent):
    spec = infer_spec(prompt)
    assert entity in _names(spec), _names(spec)
    if parent:
        assert parent in _links(spec, entity)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("An app where households list their groceries and categorize items by aisle", "Category"),
    ("A tutoring platform that gives students personalized recommendations of exercises", "Recommendation"),
    ("Small teams manage their tasks together, with file sharing and notifications", "Notification"),
    ("Small teams manage their tasks together, with file sharing and notifications", "Attachment"),
    ("Freelancers track time spent on client projects", "TimeEntry"),
    ("Clients post jobs and freelancers message each other about them", "Message"),
    ("A charity site where donors give money to fundraising campaigns", "Donation"),
    ("Un gestor de tareas para equipos con adjuntar archivos y notificaciones", "Notification"),
])
def test_cue_phrases_imply_records(prompt, entity):
    assert entity in _names(infer_spec(prompt))


def test_a_shared_file_is_an_uploaded_file():
    spec = infer_spec("Small teams manage their tasks together, with file sharing and notifications")
    assert ("Attachment", "file") in [(f.entity, f.field) for f in spec.uses("uploads")]
    assert "Task" in _links(spec, "Attachment")


@pytest.mark.parametrize(("prompt", "absent"), [
    ("A symptom tracker. It does not give recommendations.", "Recommendation"),
    ("Sin notificaciones: una app de tareas con proyectos", "Notification"),
    ("A restaurant site with a set menu: main course, dessert and wine", "Lesson"),
    ("A budgeting app that helps people reduce their spending habits", "HabitLog"),
    ("A shared expenses app for a group of flatmates", "Category"),
    ("A menu planner for a restaurant: menus have dishes with a price", "MenuItem"),
])
def test_companions_need_their_context(prompt, absent):
    assert absent not in _names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [
    "expense sharing for a group of flatmates",
    "A small app that helps people keep track of the water they drink daily.",
    "Una aplicación que ayuda a organizar los compromisos sociales de cada persona.",
    "A tool that lets residents report and track the state of bridges in their town.",
])
def test_a_short_request_keeps_the_thing_its_verb_acts_on(prompt):
    assert infer_spec(prompt).entities


@pytest.mark.parametrize("prompt", [
    "Software that monitors network traffic and system logs to detect suspicious activities.",
    "A small tool that analyzes the size of the directories inside a folder and shows which are largest.",
    "A utility that converts times between different time zones.",
    "a tool that compresses and resizes my photos in bulk",
    "An assistant giving live traffic conditions and suggesting other routes.",
])
def test_utilities_are_declined(prompt):
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(("prompt", "feature", "entity"), [
    ("Visitors browse upcoming concerts and leave a rating after attending.", "ratings", "Concert"),
    ("Listeners play episodes and mark favourite episodes.", "favourites", "Episode"),
    ("Los lectores pueden dejar una valoración de cada libro.", "ratings", "Book"),
])
def test_feature_phrasings(prompt, feature, entity):
    spec = infer_spec(prompt)
    assert entity in [f.target or f.entity for f in spec.uses(feature)] + \
        [f.entity for f in spec.uses(feature)], spec.feature_specs


def test_people_who_act_are_entities():
    spec = infer_spec("Patrons place holds on books and students enrol in courses.")
    assert {"Patron", "Book", "Course", "Enrollment"} <= _names(spec)


@pytest.mark.parametrize(("prompt", "absent"), [
    ("Flats for sale or rent with the number of bedrooms and a price", {"Sale", "Rent", "Bedroom"}),
    ("Por favor, crea una web de pisos en venta o alquiler con el número de habitaciones", {"Favor", "Sale", "Room"}),
    ("Recruiters move applications through the stages received, interview, offer and rejected", {"Stage"}),
    ("FastFork is a Restaurants&Delivery app where diners order dishes", {"Delivery"}),
    ("Candidates create a profile and apply to jobs", {"Profile"}),
    ("Create a website for a rural hotel where guests book rooms", {"Hotel"}),
])
def test_counts_modes_stages_and_the_business_itself_are_not_records(prompt, absent):
    assert not absent & _names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [
    "una tienda online con productos y pedidos; los clientes pagan con tarjeta",
    "An online shop with products and orders; customers pay by card",
])
def test_how_people_pay_is_not_a_record(prompt):
    spec = infer_spec(prompt)
    assert "Card" not in _names(spec) and "Payment" in _names(spec)


def test_spanish_requests_list_what_was_understood_in_spanish_words():
    spec = infer_spec("una tienda online con productos y pedidos; los clientes pagan con tarjeta")
    assert {"productos", "pedidos", "clientes", "pagos"} <= set(spec.requested)
    assert not [w for w in spec.requested if w.endswith("itemes")]


def test_a_favourite_in_passing_is_not_the_favourites_feature():
    spec = infer_spec("Diners make reservations at their favorite restaurants and reserve a table.")
    assert "favourites" not in spec.features


@pytest.mark.parametrize(("prompt", "present", "absent"), [
    ("An app that helps people schedule their workouts and keeps them on track with reminders",
     {"Workout", "Reminder"}, {"Booking", "Track"}),
    ("Los administradores pueden gestionar productos y proveedores, marcar los productos de temporada",
     {"Product", "Supplier"}, {"Marcar", "Administrador"}),
    ("Admins can approve events; visitors inscribe to events", {"Event"}, {"Admin"}),
    ("Los alumnos pueden inscribirse en un curso y pagar la matrícula", {"Course", "Enrollment", "Payment"}, set()),
])
def test_operators_idioms_and_spanish_verbs(prompt, present, absent):
    names = _names(infer_spec(prompt))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(("prompt", "present", "absent"), [
    ("a hiring tracker with job openings, candidates, applications and interview stages",
     {"Job", "Candidate", "Application", "Interview"}, {"Hiring", "Stage"}),
    ("a log for a fleet of vans: vehicles, drivers and fuel fill-ups", {"Vehicle", "Driver", "FuelEntry"}, {"FillUp"}),
    ("plataforma para una ONG con voluntarios, turnos y horas registradas", {"Volunteer", "Shift", "TimeEntry"}, set()),
])
def test_listed_records_in_short_requests(prompt, present, absent):
    names = _names(infer_spec(prompt))
    assert present <= names and not absent & names, names


@pytest.mark.parametrize(("prompt", "phrase"), [
    ("A takeaway site where customers place orders online for pickup or delivery", "pickup or delivery"),
    ("Una web donde los clientes hacen pedidos con entrega a domicilio o recogida en la tienda",
     "recogida o entrega a domicilio"),
])
def test_a_choice_the_prompt_offers_is_a_field(prompt, phrase):
    spec = infer_spec(prompt)
    fulfilment = next(f for f in spec.entity("Order").fields if f.name == "fulfilment")
    assert fulfilment.type == "enum" and fulfilment.choices == ["pickup", "delivery"]
    assert phrase in spec.requested


@pytest.mark.parametrize("prompt", [
    "Customers see the available cars by category (economy, SUV, van) and book them.",
    "Los clientes ven los productos por categoría (verduras, huevos, quesos) y hacen pedidos.",
])
def test_examples_in_brackets_are_not_fields(prompt):
    assert [f.name for f in infer_spec(prompt).entity("Category").fields] == ["name"]


@pytest.mark.parametrize(("prompt", "entity", "foreign"), [
    ("A website for a concert venue: visitors browse events and buy tickets online", "Ticket", "priority"),
    ("Un sitio para una inmobiliaria: los clientes buscan pisos, guardan favoritos y solicitan visitas a los pisos",
     "Visit", "diagnosis"),
])
def test_a_noun_does_not_borrow_another_kinds_fields(prompt, entity, foreign):
    spec = infer_spec(prompt)
    assert foreign not in {f.name for f in spec.entity(entity).fields}


def test_a_noun_keeps_its_kinds_fields_in_that_kind():
    spec = infer_spec("A helpdesk where customers open support tickets and agents reply")
    assert "priority" in {f.name for f in spec.entity("Ticket").fields}


def test_a_person_who_belongs_to_something_is_not_the_account():
    spec = infer_spec("A football league site: captains add players to their team; players rate the venues "
                      "and view the league table")
    assert spec.account == "User" and "DiningTable" not in _names(spec)
    assert "User" in _links(spec, "Rating")


def test_a_person_with_a_file_is_not_the_account():
    spec = infer_spec("A photo studio site: clients upload a profile photo, book sessions and save favourite photos")
    assert spec.account == "User"


def test_also_does_not_hide_the_verb_after_it():
    spec = infer_spec("People can also build their own travel itineraries and save their favorite destinations.")
    assert "favourites" in spec.features and "Destination" in _names(spec)


def test_an_achieved_goal_is_a_yes_or_no():
    spec = infer_spec("Build a fitness app where people log their workouts and set goals.")
    assert {f.name: f.type for f in spec.entity("Goal").fields}["achieved"] == "bool"


def test_the_products_own_name_is_not_a_record_but_a_listed_entity_is():
    spec = infer_spec("CoinKeeperPlus is a budgeting application where users record expenses.")
    assert "Coinkeeperplus" not in _names(spec) and "Expense" in _names(spec)
    assert "OrderItem" in _names(infer_spec("A shop with Product, OrderItem and Customer entities"))


def test_a_pets_species_breed_and_date_of_birth_are_its_fields():
    spec = infer_spec("Owners register their pets with species, breed and date of birth, and book visits with a vet.")
    assert not {"Species", "Breed"} & _names(spec)
    assert {"species", "breed", "date_of_birth"} <= {f.name for f in spec.entity("Pet").fields}


@pytest.mark.parametrize(("prompt", "thing", "kind"), [
    ("A hotel website where guests browse room types with photos and book rooms", "Room", "RoomType"),
    ("An events site where visitors buy tickets of different types (VIP, general) for concerts", "Ticket",
     "TicketType"),
    ("Un hotel rural donde los huéspedes consultan los tipos de habitación y reservan habitaciones", "Room",
     "RoomType"),
])
def test_kinds_of_a_thing_are_a_table_it_belongs_to(prompt, thing, kind):
    spec = infer_spec(prompt)
    assert kind in _links(spec, thing), _names(spec)
    assert all(f.name not in {"kind", "type"} for f in spec.entity(thing).fields)  # the table replaces the choice


def test_a_spanish_infinitive_after_a_field_list_is_not_a_field():
    spec = infer_spec("Los huéspedes consultan las habitaciones con fotos y precio por noche, comprobar la "
                      "disponibilidad y hacer una reserva")
    fields = {f.name for e in spec.entities for f in e.fields}
    assert "comprobar" not in fields and "disponibilidad" not in fields, fields


@pytest.mark.parametrize(("prompt", "entity", "parent"), [
    ("A sports trivia app: each quiz has multiple-choice questions and players track their scores", "AnswerOption",
     "Question"),
    ("A sports trivia app: each quiz has multiple-choice questions and players track their scores", "QuizAttempt",
     "Quiz"),
    ("A fitness app where users create workout plans from a library of exercises", "PlanExercise", "WorkoutPlan"),
    ("A library site where librarians manage books, members, loans and overdue fines", "Fine", "Loan"),
    ("A planner where people list their tasks, set priorities and allocate time slots to each task", "TimeSlot",
     "Task"),
    ("A planner where people write down tasks, then allocate specific time to each task", "TimeBlock", "Task"),
])
def test_richer_domains_bring_their_join_records(prompt, entity, parent):
    spec = infer_spec(prompt)
    assert entity in _names(spec), _names(spec)
    assert parent in _links(spec, entity)


def test_allocating_ones_own_time_is_not_a_booking():
    spec = infer_spec("A planner where people list their tasks, set priorities and allocate time slots to each task")
    assert "Booking" not in _names(spec), _names(spec)


@pytest.mark.parametrize(("prompt", "entity", "absent"), [
    ("A sports quiz app where people compete with their friends for the best score", "Friendship", None),
    ("A community app where people connect with other members and share experiences", "Connection", None),
    ("A travel journal where people share their trips with friends", None, "Friendship"),
])
def test_people_connected_to_people(prompt, entity, absent):
    names = _names(infer_spec(prompt))
    assert entity is None or entity in names, names
    assert absent is None or absent not in names, names


def test_plurals_of_latin_and_irregular_nouns():
    from core.spec import pluralize

    assert [pluralize(w) for w in ("diagnosis", "child", "person", "box", "category", "class")] == [
        "diagnoses", "children", "people", "boxes", "categories", "classes"]


@pytest.mark.parametrize("prompt", [
    "A coworking space with several locations where members book desks at each location",
    "A food bank where volunteers register for shifts at our different locations",
    "Un coworking con varias ubicaciones donde los socios reservan mesas en cada ubicación",
])
def test_a_place_there_are_many_of_is_a_record(prompt):
    assert "Location" in _names(infer_spec(prompt))


def test_the_plan_and_the_exercise_plan_are_one_thing():
    names = _names(infer_spec("An exercise planner: people make their own exercise plans. The app builds a "
                              "tailored plan with a mix of exercises for different muscle groups."))
    assert "Plan" not in names and "ExercisePlan" in names and "Exercise" in names, names


@pytest.mark.parametrize("prompt", [
    "Admins register assets with serial number, model and purchase date, and assign them to employees",
    "Pet owners register their pets and book vet visits",
])
def test_registering_a_thing_records_it(prompt):
    names = _names(infer_spec(prompt))
    assert "Registration" not in names and "Purchase" not in names, names


def test_verbs_in_a_long_list_of_actions_are_verbs():
    names = _names(infer_spec("Admins can register assets with serial number, model, purchase date and warranty "
                              "expiry, classify them by type and location, assign and reclaim assets from "
                              "employees while keeping the full assignment history, and log repairs."))
    assert {"Asset", "Employee", "Repair"} <= names and not names & {"Classify", "Keeping", "Purchase"}, names


def test_spanish_adjectives_of_number_are_not_records():
    names = _names(infer_spec("Una cadena de gimnasios con varias sedes y distintas salas donde los socios reservan "
                              "clases"))
    assert not any(n.startswith(("Distint", "Diferent")) for n in names), names


@pytest.mark.parametrize("prompt", [
    "A music school site where students browse courses by instrument and level and enrol",
    "Una escuela de música donde los alumnos consultan los cursos por instrumento y nivel",
])
def test_browsing_things_by_another_thing_links_them(prompt):
    spec = infer_spec(prompt)
    assert "Instrument" in _links(spec, "Course"), _names(spec)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("A clinic app for tracking diagnoses, medications and appointment reminders", "Appointment"),
    ("A home app with bill reminders", "Bill"),
])
def test_reminders_of_a_thing_need_the_thing(prompt, entity):
    spec = infer_spec(prompt)
    assert entity in _links(spec, "Reminder"), _names(spec)


@pytest.mark.parametrize(("prompt", "junk"), [
    ("A bookkeeping app where each user records income and expenses and the app generates reports once a month",
     {"Once", "GeneratesReport"}),
    ("A journal where people keep notes and see related notes and submitted drafts", {"Related", "Submitted"}),
    ("Un club donde los socios se inscriben en salidas eligiendo el nivel y se apuntan a la lista de espera",
     {"Eligiendo", "Espera"}),
])
def test_function_words_participles_and_gerunds_are_not_records(prompt, junk):
    names = _names(infer_spec(prompt))
    assert not names & junk, names


def test_spanish_field_words_in_a_list_are_fields_not_records():
    spec = infer_spec("Un club de montaña: los administradores gestionan las rutas con su desnivel y distancia, y los "
                      "guías; los socios escriben una crónica de cada salida")
    names = _names(spec)
    assert not names & {"Desnivel", "Distancia"} and {"Route", "Guide"} <= names, names
    assert {"elevation_gain_metres", "distance_km"} <= {f.name for f in spec.entity("Route").fields}


@pytest.mark.parametrize(("prompt", "present", "absent"), [
    ("An escape room site: visitors browse the rooms with their difficulty and duration, check free time slots on a "
     "calendar and book a slot. Staff can manage rooms and time slots.", {"Room"},
     {"Staff", "Calendar", "Difficulty"}),
    ("A cleaning company where the office assigns staff members to shifts at client homes", {"Staff", "Shift"},
     set()),
    ("A moving company site: customers follow the job status on moving day and leave a review of each job",
     {"Customer", "Review"}, {"Follow"}),
    ("A print shop where customers order products and staff manage products and price tables", {"Product"},
     {"DiningTable"}),
])
def test_operators_views_and_watching_are_not_records(prompt, present, absent):
    names = _names(infer_spec(prompt))
    assert present <= names and not names & absent, names


def test_spending_habits_describe_people_but_a_habit_tracker_keeps_habits():
    assert "Habit" not in _names(infer_spec("An app that sorts expenses into categories based on spending habits"))
    assert "Habit" in _names(infer_spec("A habit tracker where users record their daily habits"))


def test_every_item_after_a_colon_is_enumerated_even_past_a_clause():
    names = _names(infer_spec("an app to run our book club: members, the book we read each month, meetings and "
                              "ratings"))
    assert {"Member", "Book", "Meeting"} <= names, names


def test_a_vague_head_keeps_its_modifier():
    names = _names(infer_spec("A race website where admins manage races, price tiers and discount codes"))
    assert {"PriceTier", "DiscountCode"} <= names and not names & {"Tier", "Code"}, names


@pytest.mark.parametrize(("prompt", "present", "absent"), [
    ("A budgeting app where people record income and expenses by category", {"Budget"}, set()),
    ("Una app de presupuestos para registrar gastos e ingresos", {"Budget"}, set()),
    ("Couples create their wedding with date, location and budget and invite guests", set(), {"Budget"}),
])
def test_budgeting_apps_keep_budgets(prompt, present, absent):
    names = _names(infer_spec(prompt))
    assert present <= names and not names & absent, names


def test_various_kinds_of_a_known_thing_are_records():
    names = _names(infer_spec("A food ordering app offering a hand-picked range of dishes from various cuisines"))
    assert {"Dish", "Cuisine"} <= names, names


def test_a_wedding_is_a_record_and_its_budget_a_field():
    spec = infer_spec("Couples create their wedding with date, location and budget and invite guests")
    assert "Wedding" in _names(spec) and "Budget" not in _names(spec), _names(spec)
    assert {"date", "location", "budget"} <= {f.name for f in spec.entity("Wedding").fields}


def test_admins_reviewing_applications_do_not_rate_them():
    names = _names(infer_spec("A student housing site: students apply for rooms and admins review applications"))
    assert "Rating" not in names and "Review" not in names, names
    assert "Rating" in _names(infer_spec("A recipe site where users review recipes"))


def test_a_list_of_actions_continues_past_a_bracket():
    names = _names(infer_spec("Students apply for a room for an academic year (applications are approved by staff), "
                              "pay monthly rent online, and submit maintenance requests. Admins assign maintenance "
                              "requests to staff."))
    assert "MaintenanceRequest" in names and "MaintenanceRecord" not in names, names


@pytest.mark.parametrize(("prompt", "entity", "parent"), [
    ("TeamTask lets team members create tasks, assign them and track progress", "Team", None),
    ("A helpdesk where agents create tickets, set priority levels and communicate with customers", "Reply",
     "Ticket"),
    ("A support desk with tickets and automated ticket escalation", "Escalation", "Ticket"),
])
def test_teams_messages_and_escalations(prompt, entity, parent):
    spec = infer_spec(prompt)
    assert entity in _names(spec) and "PriorityLevel" not in _names(spec), _names(spec)
    assert parent is None or parent in _links(spec, entity)


def test_team_members_communicating_with_each_other_send_messages():
    names = _names(infer_spec("A team task app where team members create tasks and communicate with each other"))
    assert "Message" in names, names


def test_a_schedule_app_that_names_nothing_keeps_appointments():
    names = _names(infer_spec("PlanPal is a schedule software app meant to help people run their schedules more "
                              "efficiently and get more done."))
    assert "Appointment" in names, names
    names = _names(infer_spec("MeetMate is a schedule app built to help people handle their social commitments "
                              "well"))
    assert "Commitment" in names, names


@pytest.mark.parametrize(("prompt", "child", "parent"), [
    ("A self-storage business with two sites. Customers see the available units at each site and reserve a unit "
     "online.", "Unit", "Site"),
    ("A food bank where volunteers register for shifts at our different locations", "Shift", "Location"),
    ("A coworking space with several locations where members book desks at each location", "Desk", "Location"),
])
def test_a_thing_at_each_place_belongs_to_the_place(prompt, child, parent):
    spec = infer_spec(prompt)
    assert parent in _links(spec, child), _names(spec)
    assert all(f.name != parent.lower() for f in spec.entity(child).fields)


def test_examples_in_brackets_after_a_thing_are_not_records():
    names = _names(infer_spec("Readers place classified ads (for sale, jobs, property) that are published after "
                              "moderation"))
    assert "ClassifiedAd" in names and not names & {"Job", "Property", "Ads"}, names
    names = _names(infer_spec("A CRM (contacts, companies and deals) for a small agency"))
    assert {"Contact", "Company", "Deal"} <= names, names


def test_spanish_website_vocabulary_and_qualified_fields():
    spec = infer_spec("Un club de montaña: los socios se apuntan a las salidas (cada salida tiene fecha, dificultad y "
                      "plazas disponibles). Los administradores gestionan las rutas con su desnivel y distancia y el "
                      "inventario de material, y publican noticias.")
    names = _names(spec)
    assert {"Member", "Outing", "Route", "NewsItem"} <= names and "Calendario" not in names, names
    fields = {f.name for e in spec.entities for f in e.fields}
    assert "seats" in fields and not {"seats_disponibles", "inventario"} & fields, fields


def test_a_delivery_choice_is_neither_fields_nor_a_delivery_record():
    spec = infer_spec("Una tienda de la granja: los clientes hacen un pedido con entrega a domicilio o recogida en la "
                      "granja y lo pagan en línea. Los administradores gestionan productos y productores.")
    order = {f.name for f in spec.entity("Order").fields}
    assert "fulfilment" in order and not {"domicilio", "recogida"} & order, order
    assert "Delivery" not in _names(spec) and "Producer" in _names(spec), _names(spec)


def test_a_cinema_reads_its_list_of_admin_actions():
    spec = infer_spec("A cinema website. Users browse films and their showtimes and buy tickets online. Admins can "
                      "add films with poster uploads and genres, schedule screenings in each screen, set ticket "
                      "prices for adult, student and child tickets, and view daily sales.")
    names = _names(spec)
    assert {"Film", "Genre", "Showtime"} <= names, names  # the prompt's word, with a movie's fields
    assert not names & {"Student", "Sale", "Screening"}, names  # ticket kinds, a report, the showtimes again
    assert "starts_at" in {f.name for f in spec.entity("Showtime").fields}
    assert all(f.name != "poster_uploads" for f in spec.entity("Film").fields)


@pytest.mark.parametrize(("prompt", "parent"), [
    ("A car rental site: customers choose cars and dates for their rental and pay a deposit online", "Rental"),
    ("A cinema site where users browse films and buy tickets online", None),
    ("Una tienda de la granja: los clientes hacen un pedido y pagarlo en línea", "Order"),
])
def test_paying_online_keeps_payments(prompt, parent):
    spec = infer_spec(prompt)
    assert "Payment" in _names(spec), _names(spec)
    assert parent is None or parent in _links(spec, "Payment")


@pytest.mark.parametrize("prompt", [
    "A winery website where visitors buy wines in the online shop and pay online",
    "Una bodega donde los visitantes ven los vinos y pueden comprarlos en la tienda online",
])
def test_buying_in_an_online_shop_is_an_order_with_lines(prompt):
    spec = infer_spec(prompt)
    names = _names(spec)
    assert {"Order", "OrderItem"} <= names and "Purchase" not in names, names
    assert {"Order", "Wine"} <= _links(spec, "OrderItem")


def test_departments_come_with_an_organisation_not_with_every_employee():
    names = _names(infer_spec("a timesheet app where employees log hours against clients and projects"))
    assert "Department" not in names, names
    names = _names(infer_spec("An HR app where managers run performance evaluations of employees"))
    assert "Department" in names, names


def test_tickets_bought_are_the_purchase_and_their_types_belong_to_the_event():
    spec = infer_spec("A concert venue site: visitors browse upcoming events and buy tickets of different types "
                      "(general admission, VIP)")
    names = _names(spec)
    assert {"Ticket", "TicketType"} <= names and not names & {"Purchase", "Order", "OrderItem"}, names
    assert {"TicketType", "Customer"} <= set(_links(spec, "Ticket")) and "Event" in _links(spec, "TicketType")


@pytest.mark.parametrize(("prompt", "entity"), [
    ("Una academia donde los docentes publican anuncios y los padres reservan un hueco para una entrevista",
     "Interview"),
    ("Una biblioteca con ejemplares de cada libro y préstamos a los socios", "Copy"),
    ("Una tienda que vende bonos regalo y aplica descuentos", "Voucher"),
])
def test_more_spanish_nouns_are_known(prompt, entity):
    assert entity in _names(infer_spec(prompt)), _names(infer_spec(prompt))


def test_vague_words_do_not_become_records_in_tool_requests():
    with pytest.raises(UnsupportedRequestError):  # it names nothing kept and shows something: a tool
        infer_spec("An app that shows a frequency table of words and lets users set the volume level")


def test_customers_ordering_things_place_orders_and_a_far_negation_does_not_cancel_a_payment():
    spec = infer_spec("A florist website where customers order bouquets and plants from the catalogue and pay online")
    assert {"Order", "OrderItem", "Payment"} <= _names(spec), _names(spec)
    spec = infer_spec("A recording studio: bands book a room by the hour with or without a sound engineer, add "
                      "extras such as amp hire, and pay a deposit online")
    assert "Payment" in _names(spec), _names(spec)
    assert "Order" not in _names(infer_spec("A task app where people order tasks by priority"))


def test_reports_people_file_and_route_are_records():
    names = _names(infer_spec("A town council site where residents report problems in public spaces. Each report is "
                              "routed to the responsible department and gets a status, and residents can upvote "
                              "existing ones instead of creating duplicates."))
    assert {"Report", "Department"} <= names and not names & {"Instead", "Duplicate"}, names


def test_plain_meanings_outside_their_home_kind_of_app():
    spec = infer_spec("A marina where boat owners submit applications for a berth, the harbour master allocates "
                      "berths and berth holders pay their contract in instalments")
    fields = {f.name for f in spec.entity("Application").fields}
    assert "resume_url" not in fields and "cover_letter" not in fields, fields
    assert {"HarbourMaster", "BerthHolder"} & _names(spec), _names(spec)
    job_board = infer_spec("A job board where companies post jobs and candidates send applications with a cover letter")
    assert "cover_letter" in {f.name for f in job_board.entity("Application").fields}


def test_spanish_optician_words():
    names = _names(infer_spec("Una óptica: los clientes encargan gafas y eligen monturas y lentes"))
    assert {"Glasses", "Frame"} <= names and "Gafa" not in names, names


def test_a_rating_after_attending_rates_the_event_and_orders_reach_products_through_lines():
    spec = infer_spec("A concert venue site: visitors browse events, buy tickets and leave a rating after attending")
    assert "Event" in _links(spec, "Rating"), _names(spec)
    shop = infer_spec("A shop with products, customers and orders where products have name, price and stock")
    assert "Product" not in _links(shop, "Order") and {"Order", "Product"} <= _links(shop, "OrderItem")


def test_operator_roles_who_only_act_are_not_records_unless_work_is_assigned_to_them():
    names = _names(infer_spec("A food bank site: volunteers register for shifts; coordinators approve each "
                              "registration and record the hours worked"))
    assert "Volunteer" in names and "Coordinator" not in names, names
    names = _names(infer_spec("A cleaning company where the office assigns staff members to shifts at client homes"))
    assert "Staff" in names, names


@pytest.mark.parametrize(("prompt", "account", "target"), [
    ("A restaurant site where diners read customer reviews of dishes", "Customer", "Dish"),
    ("Un hotel donde se pueden leer las reseñas de clientes sobre las habitaciones", "Customer", None),
])
def test_customer_reviews_are_written_by_customers_who_are_the_accounts(prompt, account, target):
    spec = infer_spec(prompt)
    review = next(e for e in spec.entities if e.name in {"Review", "Rating"})
    assert account in _links(spec, review.name) and spec.account == account, _names(spec)
    assert "User" not in _names(spec)
    assert target is None or target in _links(spec, review.name)


def test_the_raters_are_never_what_they_rate():
    spec = infer_spec("Un hotel donde se pueden leer las reseñas de clientes sobre el hotel")
    review = next(e for e in spec.entities if e.name in {"Review", "Rating"})
    targets = [r.target for r in review.relations]
    assert len(targets) == len(set(targets)) == 2, targets


def test_an_app_colon_list_names_its_records_even_unknown_ones():
    names = _names(infer_spec("an app for our scout group: scouts, patrols, badges earned, camps and parental consent "
                              "forms"))
    assert {"Scout", "Patrol", "Badge", "Camp", "ConsentForm"} <= names, names


@pytest.mark.parametrize("prompt", [
    "Una lavandería con recogida y entrega a domicilio: los clientes eligen servicios, pagan en línea y pueden "
    "guardar varias direcciones",
    "A recipe site where users save favourite recipes",
])
def test_generated_tests_import_pytest_only_when_they_use_it(prompt):
    from core.engine import render_project

    for path, text in render_project(infer_spec(prompt)).items():
        if path.startswith("tests/") and "import pytest\n" in text:
            assert "pytest." in text.split("import pytest\n", 1)[1], path


def test_a_delivery_choice_keeps_an_entity_a_feature_needs():
    spec = infer_spec("Una lavandería con recogida y entrega a domicilio: los clientes eligen servicios, pagan en "
                      "línea y pueden guardar varias direcciones")
    names = _names(spec)
    for fs in spec.feature_specs:
        assert fs.entity in names and (not fs.target or fs.target in names), fs
