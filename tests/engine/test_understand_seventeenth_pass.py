"""Understanding (issue 9), seventeenth pass: more of what is not a data app (AI image generators, lighting
and device control, file converters, image processing), and data apps that only mention such things."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(
    ("prompt", "what"),
    [
        (
            "an app that makes logos for small businesses using AI, you type your company name and pick a style",
            "an AI image generator",
        ),
        (
            "quiero que la app me diseñe ilustraciones con inteligencia artificial para mis cuentos infantiles",
            "an AI image generator",
        ),
        (
            "a tool to generate product photos with AI from a plain packshot, different backgrounds",
            "an AI image generator",
        ),
        ("AI avatar generator: upload a selfie and get 10 cartoon avatars back", "an AI image generator"),
        (
            "necesito algo que cree imágenes para mis posts de instagram con IA a partir de un texto",
            "an AI image generator",
        ),
        ("app to control the lights in our theatre from a tablet, with cues and fades", "a device controller"),
        (
            "I want to run the DMX lighting for our church services from my phone, presets for each song",
            "a lighting controller",
        ),
        (
            "una app para controlar las luces del escenario desde el móvil, con escenas guardadas",
            "a lighting controller",
        ),
        ("control our smart home lights and blinds from one dashboard, with schedules", "a lighting controller"),
        ("a lighting console app with faders and chases for small gigs", "a lighting controller"),
        ("a tool that converts our Word documents into accessible PDFs with tags", "a file converter"),
        ("convert scanned PDF files into editable Word docs", "a file converter"),
        ("necesito un programa que convierta los archivos de excel a pdf automáticamente", "a file converter"),
        ("turn markdown files into a nicely formatted ebook (epub) with a cover", "a file converter"),
        ("something that converts our price list spreadsheet to XML for the supplier portal", "a file converter"),
        ("stitch the photos from my drone flights into one big map of the vineyard", "an image-processing tool"),
        (
            "un programa que calcule el NDVI de las imágenes multiespectrales de mis parcelas",
            "an image-processing tool",
        ),
        ("photogrammetry app: take 50 photos of an object and get a 3D mesh", "an image-processing tool"),
        ("combine the photos from our site cameras into a panorama every evening", "an image-processing tool"),
        ("make a timelapse from the photos the construction camera takes every hour", "an image-processing tool"),
    ],
)
def test_generators_controllers_converters_and_image_tools_are_declined(prompt, what):
    """Making pictures with AI, running lights, converting files and stitching photos are not data apps: declined
    with the reason and nothing charged, not built as a stub app."""
    with pytest.raises(UnsupportedRequestError) as exc:
        infer_spec(prompt)
    assert what in str(exc.value)


@pytest.mark.parametrize(
    ("prompt", "entity"),
    [
        (
            "a lighting hire company: we rent out stage lights, DMX cables and consoles to bands. "
            "track bookings, customers and which items went out",
            "Booking",
        ),
        ("we sell AI-generated art prints online: products, orders, customers and reviews", "Product"),
        (
            "a drone survey company needs to track clients, survey jobs, flights, pilots and the deliverables we send",
            "Flight",
        ),
        (
            "a print shop: customers upload PDF files for each order, we track orders, paper types and delivery dates",
            "Order",
        ),
        ("agronomy consultancy: farms, fields, visits, and the NDVI readings we record per field each month", "Visit"),
        (
            "a translation agency: clients send documents, we assign translators, track deadlines and invoices",
            "Translator",
        ),
        (
            "photo club: members submit photos to monthly competitions, judges score them, we keep results",
            "Competition",
        ),
        (
            "our theatre needs to track productions, performances, cast, crew and the lighting plots per show",
            "Performance",
        ),
        ("una empresa de iluminación para eventos: clientes, eventos, equipos alquilados y facturas", "Invoice"),
        ("gestión de un estudio de diseño: clientes, proyectos, logos entregados y facturas", "Project"),
    ],
)
def test_data_apps_that_mention_lights_drones_files_or_ai_are_built(prompt, entity):
    """A lighting hire firm, a shop selling AI-generated prints, a drone survey firm: they keep records."""
    assert entity in names(infer_spec(prompt))


@pytest.mark.parametrize("prompt", [line for line in """
an app that reads the temperature sensor on my Arduino and shows a live graph
control the motors of my Raspberry Pi robot from a web page
dashboard that shows live readings from the ESP32 sensors in my greenhouse
una app para programar mi arduino desde el navegador y ver lo que manda por el puerto serie
flash firmware onto our microcontroller boards from a browser
""".strip().splitlines()])
def test_reading_or_driving_a_board_is_declined(prompt):
    """Reading sensors from, driving or programming an Arduino or Raspberry Pi is hardware work, not a data app."""
    with pytest.raises(UnsupportedRequestError) as exc:
        infer_spec(prompt)
    assert "a hardware controller" in str(exc.value)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("an online shop for our electronics store: Arduino kits, Raspberry Pi boards, sensors, orders and customers",
     "Order"),
    ("our makerspace lends Raspberry Pis and Arduino kits to members; track loans, due dates and members", "Loan"),
    ("Please implement a website for a robotics school. Users should be able to browse courses like Arduino for "
     "beginners, enrol in a course and pay the fee.", "Course"),
    ("school robotics club: teams, their robots, the ESP32 boards each team borrowed, and competition results",
     "Robot"),
    ("tienda online de componentes: placas arduino, sensores, pedidos y clientes", "Board"),
])
def test_shops_and_clubs_that_sell_or_lend_boards_are_data_apps(prompt, entity):
    """Selling, lending or teaching Arduino boards keeps records: built ('placas' of electronics are boards)."""
    assert entity in names(infer_spec(prompt))


def test_words_ending_in_ics_keep_their_s():
    """'robotics', 'physics', 'electronics' are one subject each, never a 'Robotic' or 'Physic'."""
    spec = infer_spec("school robotics club: teams, their robots, the ESP32 boards each team borrowed, and "
                      "competition results")
    assert not {"Robotic", "Physic", "Electronic"} & set(names(spec))


def test_a_verb_before_loans_is_not_a_thing_lent():
    """'...; track loans, due dates and members': 'track' is what the app does, not a Track that is lent."""
    spec = infer_spec("our makerspace lends Raspberry Pis and Arduino kits to members; track loans, due dates and "
                      "members")
    assert "Track" not in names(spec)


@pytest.mark.parametrize(("prompt", "wanted", "owner"), [
    ("our bakery sells cakes and bread to cafes", {"Cake", "Bread"}, "Bakery"),
    ("our makerspace lends Raspberry Pis and Arduino kits to members", {"Kit", "Member", "Loan"}, "Makerspace"),
])
def test_a_verb_after_our_business_is_a_verb(prompt, wanted, owner):
    """'our bakery sells cakes and bread': 'sells' is what the bakery does (not a 'bakery sells' compound), both
    things it sells are kept, and the bakery itself, who uses the app, is no record."""
    spec = infer_spec(prompt)
    assert wanted <= set(names(spec))
    assert owner not in names(spec)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("clay shoot: members book a stand and we record each shooter's score per round (out of 25)", "Score"),
    ("bowling league: teams, bowlers, and every game's score per bowler so we can do averages", "Score"),
    ("gymnastics meet: clubs, gymnasts, judges give D and E scores per routine", "Score"),
    ("debating league: each judge fills in a ballot with a speaker score for every student", "SpeakerScore"),
    ("archery club: members and their bows. record scores: each archer shoots a round on a date", "Score"),
    ("concurso de pesca: pescadores, mangas y la puntuación por cada pescador", "Score"),
])
def test_scores_per_round_or_player_are_records(prompt, entity):
    """A score per round, per routine, per player is one record each (points, linked), not a loose field."""
    spec = infer_spec(prompt)
    assert entity in names(spec)
    score = next(e for e in spec.entities if e.name == entity)
    assert any(f.name == "points" for f in score.fields)
    assert all(f.name != "name" for f in score.fields)


def test_their_scores_in_a_quiz_stay_on_the_attempt():
    """'people can track their scores': a statistic of their quiz attempts, no separate Score table."""
    spec = infer_spec("a quiz app: every quiz has multiple-choice questions; people can track their scores "
                      "and compete with friends")
    assert "Score" not in names(spec)


def test_judges_who_score_entries_give_scores():
    """'judges score the entries': the judges' marks are a Score of each entry by a judge (members who 'rate' a
    book still leave a Rating)."""
    spec = infer_spec("flower show: exhibitors enter plants into classes, judges score the entries and we award "
                      "1st, 2nd and 3rd in each class")
    assert "Score" in names(spec) and "Rating" not in names(spec)
    rated = infer_spec("book club: the book of each month, meetings, and members rate the book and comment")
    assert "Rating" in names(rated)


@pytest.mark.parametrize(("prompt", "target", "tag"), [
    ("my cookbook: recipes with ingredients, a shopping list, and tag recipes by cuisine", "Recipe", "Tag"),
    ("our lending library: books, members, loans, and label books by reading level", "Book", "Label"),
])
def test_a_feature_verb_after_comma_and_is_a_verb(prompt, target, tag):
    """', and tag recipes by cuisine': 'tag' is one more thing to do (tags on recipes), not a 'TagRecipe' thing."""
    spec = infer_spec(prompt)
    entity = next(e for e in spec.entities if e.name == target)
    assert any(rel.kind == "many_to_many" and rel.target in {"Tag", tag} for rel in entity.relations)


@pytest.mark.parametrize("prompt", [
    "my vinyl collection: albums, artists, and who I lent them to",
    "mi colección de cómics: cómics, editoriales y a quién se los presté",
])
def test_who_i_lent_things_to_is_a_loan_to_a_friend(prompt):
    """'who I lent them to': each loan is of one of my things to a friend (not to an artist or publisher)."""
    spec = infer_spec(prompt)
    loan = next(e for e in spec.entities if e.name.endswith("Loan"))
    assert "Friend" in {rel.target for rel in loan.relations}


@pytest.mark.parametrize(("prompt", "payment", "payer"), [
    ("I let out 8 storage units: who rents which unit, the monthly rent, and mark it as paid each month",
     "RentPayment", "Tenant"),
    ("peña ciclista: los socios, las salidas y las cuotas anuales, pagadas o no", "AnnualFee", "Member"),
    ("choir: singers, rehearsals and concerts; singers who pay the termly fee get the sheet music", "FeePayment",
     "Singer"),
])
def test_fees_marked_paid_are_payments_of_the_payer(prompt, payment, payer):
    """'the monthly rent ... mark it as paid', 'cuotas, pagadas o no': each payment is a record of who paid."""
    spec = infer_spec(prompt)
    record = next(e for e in spec.entities if e.name == payment)
    assert payer in {rel.target for rel in record.relations}


@pytest.mark.parametrize(("prompt", "record", "thing", "person"), [
    ("window cleaning firm: assign cleaners to jobs at customer addresses", "JobAssignment", "Job", "Cleaner"),
    ("a literary prize: an editor assigns three readers to each manuscript and they write reports",
     "ManuscriptAssignment", "Manuscript", "Reader"),
    ("hotel housekeeping: every morning the head housekeeper assigns rooms to housekeepers", "RoomAssignment",
     "Room", "Housekeeper"),
])
def test_several_people_assigned_to_each_thing_are_assignment_records(prompt, record, thing, person):
    """'assign three readers to each manuscript': each assignment is a record of one person on one thing."""
    spec = infer_spec(prompt)
    e = next(x for x in spec.entities if x.name == record)
    assert {thing, person} <= {rel.target for rel in e.relations}


def test_people_assigned_to_visits_give_each_visit_its_person():
    """'carers are assigned to visits': each visit has its carer; no assignment table in between."""
    spec = infer_spec("home care agency: carers are assigned to visits at clients' homes and write a note after "
                      "each visit")
    assert not any(n.endswith("Assignment") for n in names(spec))


def test_buying_several_things_on_a_website_is_an_order_with_lines():
    """'a website where users buy vinyl and CDs': an order with a line per thing bought, not one Purchase each."""
    spec = infer_spec("Please implement a website for a small record shop. Users should be able to browse albums "
                      "by genre and buy vinyl and CDs.")
    assert {"Order", "OrderItem"} <= set(names(spec)) and "Purchase" not in names(spec)


def test_buying_a_pass_on_a_website_is_one_purchase():
    """'buy class passes' on a studio's site: a pass is bought as one thing, no basket of order lines."""
    spec = infer_spec("Please implement a website for a climbing gym where members book sessions and buy "
                      "10-visit passes.")
    assert "OrderItem" not in names(spec)


@pytest.mark.parametrize("prompt", [
    "family butchers: for christmas we take pre-orders of turkeys and joints, customers pick a collection slot",
    "pastelería: por navidad tomamos encargos de roscones y turrones, con fecha de recogida",
])
def test_holidays_are_when_not_what(prompt):
    """'for christmas', 'por navidad': when the orders happen, not a Christma(s) table."""
    assert not any(n.startswith(("Christma", "Navidad")) for n in names(infer_spec(prompt)))


@pytest.mark.parametrize(("prompt", "kept", "shown"), [
    ("Pilates studio: the weekly class timetable, members book a place in a class and buy class packs",
     "ClassSession", "class timetable"),
    ("academia de baile: los alumnos ven el horario de clases y reservan plaza en cada clase", "ClassSession",
     "horario"),
])
def test_a_timetable_of_classes_is_a_view_of_the_classes(prompt, kept, shown):
    """'the weekly class timetable': the classes are kept and shown by date; no Timetable table beside them, and
    the timetable is listed in what was understood."""
    spec = infer_spec(prompt)
    assert kept in names(spec) and not {"Timetable", "Schedule"} & set(names(spec))
    assert any(shown in p for p in spec.requested)


@pytest.mark.parametrize(("prompt", "name"), [
    ("a podcast directory: users rate shows and bookmark episodes to listen to later", "Bookmark"),
    ("users can save their favorite hiking trails and rate them", "Favorite"),
    ("members save their favourite walks and rate them", "Favourite"),
])
def test_saved_things_keep_the_prompts_word_and_spelling(prompt, name):
    """'bookmark episodes' keeps Bookmarks; 'favorite' (US) and 'favourite' (UK) keep the prompt's spelling."""
    spec = infer_spec(prompt)
    assert name in names(spec)
    saved = next(e for e in spec.entities if e.name == name)
    assert not saved.fields or all(f.name != "name" for f in saved.fields)


@pytest.mark.parametrize(("prompt", "people"), [
    ("Event planning for my clients: each party has a venue, a menu and a list of suppliers", "Client"),
    ("organizo excursiones para mis clientes: cada excursion tiene destino, guia y pagos", "Client"),
])
def test_the_people_a_business_works_for_are_kept(prompt, people):
    """'event planning for my clients': the clients are records of the app."""
    assert {people, "Customer"} & set(names(infer_spec(prompt)))


def test_a_plus_before_their_things_joins_the_list():
    """'customers + their properties': both are kept, each property a customer's."""
    spec = infer_spec("window cleaner. customers + their properties, each clean: date, price, paid or not")
    assert {"Customer", "Property"} <= set(names(spec))


def test_a_practice_named_by_its_profession_is_the_business():
    """'Vet practice: owners, their pets, visits': the practice uses the app; no Veterinarian record is invented."""
    spec = infer_spec("Vet practice: owners, their pets, visits with notes and weight, and vaccination reminders")
    assert {"Owner", "Pet", "Visit"} <= set(names(spec)) and "Veterinarian" not in names(spec)
