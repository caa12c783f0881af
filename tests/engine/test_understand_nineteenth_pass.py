"""Understanding (issue 9), nineteenth pass: links the prompt implies through what it names."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
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
        ("Employees give feedback on tasks assigned to them.", "Feedback", "Task"),
    ],
)
def test_a_record_on_a_thing_belongs_to_it(prompt: str, child: str, parent: str) -> None:
    assert parent in parents(infer_spec(prompt), child)


def test_notes_on_a_device_do_not_belong_to_it() -> None:
    spec = infer_spec("Users create and edit their notes on one device and the changes sync to their other devices.")
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
