"""Understanding (issue 9), nineteenth pass: links the prompt implies through what it names."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from core.spec import snake
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(
    ("prompt", "child", "parent", "field"),
    [
        ("A marina app with boats, berths and owners.", "Boat", "Owner", "owner"),
        ("A film catalogue with movies, genres and directors; users rate movies.", "Movie", "Director", "director"),
        ("Plan trips to destinations and keep a day-by-day itinerary.", "Trip", "Destination", "destination"),
    ],
)
def test_a_field_that_names_an_entity_of_the_app_is_a_link(prompt: str, child: str, parent: str,
                                                           field: str) -> None:
    spec = infer_spec(prompt)
    assert parent in parents(spec, child)
    assert field not in {f.name for f in spec.entity(child).fields}


@pytest.mark.parametrize(
    ("prompt", "primary", "background"),
    [
        ("Please implement a website for a skip hire company where customers book skips. Use #2E7D32 as the base "
         "color and #F5F5F0 for the page background.", "#2e7d32", "#f5f5f0"),
        ("A babysitting co-op site where members post sitting requests. Base color #2E8B57, with a #F5FFFA "
         "background.", "#2e8b57", "#f5fffa"),
        ("Un sitio para una academia con cursos y alumnos: color base azul marino y fondo blanco.", "#000080",
         "#ffffff"),
    ],
)
def test_a_base_colour_beside_a_background_colour_is_the_brand_colour(prompt: str, primary: str,
                                                                       background: str) -> None:
    theme = infer_spec(prompt).theme
    assert (theme.primary, theme.background) == (primary, background)


def test_a_base_colour_alone_is_still_the_layout() -> None:
    theme = infer_spec("A habit tracker with papaya whip as the base color of the layout.").theme
    assert theme.background == "#ffefd5"


@pytest.mark.parametrize(
    ("prompt", "child", "parent"),
    [
        ("Staff file damage reports on boats.", "DamageReport", "Boat"),
        ("Employees leave feedback on the tasks assigned to them.", "Feedback", "Task"),
    ],
)
def test_a_record_on_a_thing_belongs_to_it(prompt: str, child: str, parent: str) -> None:
    assert parent in parents(infer_spec(prompt), child)


def test_notes_on_a_device_do_not_belong_to_it() -> None:
    spec = infer_spec("People write and edit notes on one device, and the edits sync to their other devices.")
    assert "Device" not in parents(spec, "Note")


@pytest.mark.parametrize(
    "prompt",
    [
        "A page where I upload a CSV and it checks every row for missing values and shows a report. Nothing needs to "
        "be saved.",
        "I want a simple tool to test how loud the classroom is using the laptop microphone, with a traffic light "
        "that turns red when it gets noisy.",
        'quiero una web que use el micrófono del móvil para medir los decibelios del bar y avise si pasamos del límite',
        'a spirit level for my phone using the accelerometer, for hanging pictures',
        'A kitchen layout planner: drag and drop cabinets onto a grid, see the measurements, export a picture.',
        'an app to sketch floor plans: draw walls, place doors and windows, and get the area of each room',
        "Scoreboard for our school volleyball matches on the gym projector: points, sets, timeouts, controlled from "
        "a phone.",
        'un marcador para la pantalla del pabellón con los puntos y el reloj de partido',
        'Make me something that reads my essay aloud with text-to-speech so I can hear mistakes.',
        'una herramienta que lea en voz alta los cuentos que pego, para mi hijo',
        'paste a recipe URL and it gives back just the ingredients list, no ads. nothing stored',
        'Paste a paragraph and it highlights the passive voice sentences.',
        'upload a photo of your room and it returns the three dominant colours so you can pick paint',
        'a tool to convert our scanned delivery notes to pdf in bulk',
        'quiero que convierta las fotos del móvil a jpg y las reduzca de tamaño',
        'I need a little page that turns a YouTube link into an mp3. no accounts, nothing saved.',
        'Una página para calcular cuánto tarda en secar el hormigón según la temperatura. No hace falta guardar nada.',
    ],
)
def test_sensor_tools_canvases_scoreboards_readers_one_shot_tools_and_keep_nothing_tools_are_declined(
        prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError, match="not a data app"):
        infer_spec(prompt)


@pytest.mark.parametrize(
    "prompt",
    [
        "A noise complaints log for our housing association: residents report noise with date, flat and decibel "
        "reading if they have one, and the board reviews each complaint.",
        'A volleyball league app with teams, players, fixtures and results; show a scoreboard of standings.',
        "A podcast catalogue where we keep episodes, hosts and guests; each episode has an audio file and a "
        "transcript.",
        "A kitchen fitter's jobs app: customers, jobs, cabinets ordered for each job and the fitting date.",
        'A reference manager for our lab: papers with DOI, authors and tags; export BibTeX for a selection.',
        "Our print shop needs to track orders: customer, files uploaded, paper type, quantity and status; we convert "
        "quotes into invoices.",
        "A reading club app where members log books they read aloud to kids at the library, with the date and the "
        "branch.",
        'A paint shop: products with colour codes, stock and price; customers can save their favourite colours.',
        'Invoices app: clients, invoices with lines, and each invoice can be downloaded as a PDF.',
        "App para una academia de música: alumnos, profesores, clases y el micrófono que cada aula tiene prestado "
        "(inventario de equipos).",
    ],
)
def test_data_apps_that_mention_such_things_are_built(prompt: str) -> None:
    assert infer_spec(prompt).entities


@pytest.mark.parametrize(
    ("prompt", "phrase"),
    [
        ("Volunteers and their DBS check expiry dates, so we get a warning before one runs out.",
         "alerts and warnings"),
        ("Pharmacy app: patients, prescriptions and allergies, with allergy alerts when a drug is prescribed.",
         "alerts and warnings"),
        ("Una app de mantenimiento de furgonetas: vehículos, revisiones e ITV, y que me avise antes de que caduque.",
         "alertas y avisos"),
    ],
)
def test_alerts_and_warnings_are_reported_as_not_built(prompt: str, phrase: str) -> None:
    spec = infer_spec(prompt)
    assert phrase in spec.not_built and phrase in spec.requested


def test_an_app_that_keeps_alerts_still_keeps_them() -> None:
    spec = infer_spec("Stock app: products, suppliers and low-stock alerts for each product.")
    assert "LowStockAlert" in names(spec)


def test_a_dashboard_says_what_it_draws() -> None:
    spec = infer_spec("An expenses app with categories and a dashboard with charts of spending per month.")
    assert "dashboard with totals and charts by month and category" in spec.requested


@pytest.mark.parametrize(
    ("prompt", "lines"),
    [
        ("freelance translator: clients, projects, invoices with line items, expenses, and who has paid.",
         "InvoiceLine"),
        ("A builder's app: jobs, quotes with line items and clients.", "QuoteLine"),
    ],
)
def test_line_items_of_a_document_are_its_lines_once(prompt: str, lines: str) -> None:
    spec = infer_spec(prompt)
    assert lines in names(spec) and "OrderItem" not in names(spec)
    assert "order items" not in spec.requested


@pytest.mark.parametrize(
    "prompt",
    ["swimmers are in squads (each squad has a coach). we record each swimmer's times at galas.",
     "Swimmers are in squads and each squad has a coach."],
)
def test_members_of_groups_and_what_each_group_has_are_kept_and_linked(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert {"Swimmer", "Squad", "Coach"} <= names(spec)
    assert "Squad" in parents(spec, "Swimmer") and "Coach" in parents(spec, "Squad")


@pytest.mark.parametrize(
    ("prompt", "child", "lookups"),
    [
        ("I want to catalogue books (title, author, ISBN, genre) and record loans.", "Book", {"Author", "Genre"}),
        ("Quiero catalogar los libros (título, autor, género) y registrar los préstamos.", "Book",
         {"Author", "Genre"}),
        ("Track products (name, price, category, supplier) and stock movements.", "Product",
         {"Category", "Supplier"}),
    ],
)
def test_an_author_genre_category_or_supplier_in_a_field_list_is_kept_and_linked(prompt: str, child: str,
                                                                                 lookups: set[str]) -> None:
    spec = infer_spec(prompt)
    assert lookups <= parents(spec, child)
    assert not {snake(x) for x in lookups} & {f.name for f in spec.entity(child).fields}


def test_a_model_of_something_that_is_not_a_vehicle_is_named_after_it() -> None:
    spec = infer_spec("A boiler service app: customers, boilers (make, model, install date) and visits.")
    assert "boiler_model" in {f.name for f in spec.entity("Boiler").fields}


def test_service_visits_are_not_property_viewings_and_a_service_plan_bought_online_is_no_shop_order() -> None:
    spec = infer_spec(
        "Please implement a website for a boiler maintenance company. Customers register their property and boiler, "
        "buy an annual service plan and book their yearly service visit from available engineer slots.")
    assert not {"Viewing", "Order", "OrderItem"} & names(spec)


def test_visits_to_properties_are_still_viewings() -> None:
    spec = infer_spec("An estate agency: properties for sale and visits to the properties booked by buyers.")
    assert "Viewing" in names(spec)


def test_an_infinitive_after_necesito_is_a_verb_and_matriculas_of_students_are_enrollments() -> None:
    spec = infer_spec("Tengo una academia. Quiero gestionar los alumnos, los grupos y las matrículas de cada alumno en "
                      "sus grupos. Necesito pasar lista en cada clase.")
    assert "Enrollment" in names(spec) and not {"Plate", "Pasar"} & names(spec)
    assert {"Student", "Group"} <= parents(spec, "Enrollment")


def test_a_car_matricula_is_still_its_plate() -> None:
    spec = infer_spec("Un taller mecánico: coches con matrícula, modelo y kilometraje, y las reparaciones de cada "
                      "coche.")
    assert "plate" in {f.name for f in spec.entity("Vehicle").fields}


@pytest.mark.parametrize(
    ("prompt", "junk"),
    [
        ("Log every fishing trip: which boat, the skipper and crew on board, and the catch per species.", {"Board"}),
        ("A community garden: plots and members, plus a waiting list for people who want a plot, in the order they "
         "applied.", {"Order", "OrderItem", "Application"}),
        ("Our community garden has 40 plots. Members get a plot for a season, and some share a plot with a friend.",
         {"Share", "Settlement"}),
    ],
)
def test_idioms_and_verbs_after_quantifiers_are_not_tables(prompt: str, junk: set[str]) -> None:
    assert not junk & names(infer_spec(prompt))


def test_shares_of_a_group_expense_are_still_kept() -> None:
    spec = infer_spec("Split bills with flatmates: each expense is split into shares between the members of a group.")
    assert "Share" in names(spec)


def test_an_abstract_word_before_a_tool_noun_is_no_table() -> None:
    spec = infer_spec("A budgeting app with budgets, income, expenses and a savings tracker.")
    assert "Saving" not in names(spec) and {"Budget", "Expense"} <= names(spec)


def test_a_noun_in_brackets_after_a_thing_is_another_name_for_it() -> None:
    spec = infer_spec("Case management for a small law firm: clients, matters (cases) and hearings.")
    assert "Matter" in names(spec) and "Case" not in names(spec)
    assert "cases" not in spec.requested


@pytest.mark.parametrize(
    "prompt",
    ["Bike repairs: customers and bikes; the customer gets a text when it's ready.",
     "Dog grooming: owners, dogs and appointments; we text the owner when the dog is ready."],
)
def test_texting_people_is_reported_as_sms_not_built(prompt: str) -> None:
    assert "SMS notifications" in infer_spec(prompt).not_built


def test_a_library_of_texts_sends_no_sms() -> None:
    assert "SMS notifications" not in infer_spec("Our texts: a library of sacred texts with authors.").not_built


def test_states_in_brackets_after_status_are_its_workflow() -> None:
    spec = infer_spec("Repairs app: each repair has a customer and a status (received, diagnosed, waiting for parts, "
                      "fixed, collected).")
    status = next(f for f in spec.entity("Repair").fields if f.name == "status")
    assert status.choices == ["received", "diagnosed", "waiting_for_parts", "fixed", "collected"]
    assert "workflow" in spec.features


def test_a_rate_per_one_thing_per_another_is_a_field_not_a_crash() -> None:
    spec = infer_spec("dairy farm app: cows, milkings (litres per cow per milking), vet treatments and calvings.")
    assert {"Cow", "Milking"} <= names(spec)


def test_spanish_parents_at_home_and_the_records_of_children() -> None:
    spec = infer_spec("Centro de logopedia infantil: fichas de los niños con su diagnóstico y ejercicios para la casa "
                      "que la terapeuta asigna. Los papás entran con su usuario y marcan los ejercicios hechos.")
    assert {"Child", "Exercise", "Parent"} <= names(spec)
    assert not {"Potato", "House", "Record"} & names(spec)


def test_holiday_homes_are_still_houses() -> None:
    spec = infer_spec("Alquiler de casas rurales: casas con habitaciones y reservas de los huéspedes.")
    assert "House" in names(spec) or "Property" in names(spec)


@pytest.mark.parametrize(
    "prompt",
    ["I'd like volunteers to log in, see the rota and claim open shifts.",
     "We'd like customers to rate the dishes.",
     "I make oak tables. I would also like a list of timber in stock."],
)
def test_would_like_someone_to_is_wanting_not_likes(prompt: str) -> None:
    assert "Like" not in names(infer_spec(prompt))


def test_client_sites_visited_are_places_of_the_client() -> None:
    spec = infer_spec("Guards do patrol rounds at client sites and scan checkpoints along the route.")
    assert {"Guard", "Site", "Client"} <= names(spec)
    assert "Client" in parents(spec, "Site")


def test_client_sites_a_web_agency_hosts_are_not_places() -> None:
    assert "Site" not in names(infer_spec("A web agency hosting client sites with domains and renewals."))


@pytest.mark.parametrize(
    ("prompt", "child", "parent"),
    [
        ("A lab app: samples come from production batches and each sample gets tests.", "Sample", "ProductionBatch"),
        ("Una app de laboratorio con lotes y muestras: las muestras vienen de los lotes.", "Sample", "Batch"),
    ],
)
def test_what_comes_from_a_thing_belongs_to_it(prompt: str, child: str, parent: str) -> None:
    assert parent in parents(infer_spec(prompt), child)


@pytest.mark.parametrize(
    ("prompt", "name"),
    [
        ("An equipment hire depot: customers rent equipment. Staff record damage charges.", "DamageCharge"),
        ("Athletes follow a training plan with exercises.", "TrainingPlan"),
        ("A fleet app: vans and their maintenance records.", "MaintenanceRecord"),
    ],
)
def test_a_plan_charge_fee_visit_check_or_session_keeps_its_kind_in_its_name(prompt: str, name: str) -> None:
    assert name in names(infer_spec(prompt))


def test_a_time_word_before_a_plan_is_not_its_kind() -> None:
    assert "WeeklyPlan" not in names(infer_spec("Members follow a weekly plan of workouts."))


def test_what_is_said_of_the_other_name_goes_to_the_thing() -> None:
    spec = infer_spec("Case management for a small law firm: clients, matters (cases) and hearings; lawyers comment "
                      "on cases.")
    assert "Matter" in parents(spec, "Comment") and "comments" in spec.features
