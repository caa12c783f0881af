"""Understanding (issue 9), twenty-sixth pass: document diffs and guessing quizzes, verb lists, lookups a record goes
to, rooms that are not hotel rooms, pages that are not tables, and craft and heritage words in Spanish."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


def _entity(spec, name: str):  # noqa: ANN001, ANN202
    return next(e for e in spec.entities if e.name == name)


def _links(spec) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(e.name, r.target, r.kind) for e in spec.entities for r in e.relations}


@pytest.mark.parametrize(
    "prompt",
    [
        "A tool that takes two versions of a policy document, compares them and highlights insertions and deletions.",
        "Una herramienta que compara dos versiones de un contrato y marca los cambios.",
        "A rhythm trainer for my pupils: it plays a beat and they guess the time signature; keep the score for the "
        "round.",
        "Una app para mis alumnos: suena un acorde y tienen que adivinar si es mayor o menor.",
        "Ear training drills for my choir, harder each time they get one right.",
        "A collaborative whiteboard where my team can draw and add sticky notes.",
    ],
)
def test_document_diffs_and_guessing_quizzes_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A contract register where we upload each version of a contract and its renewal date.", {"Contract"}),
        ("A pub quiz league: teams play each week and we record the scores per round.", {"Team"}),
        ("The website should have a list of meeting rooms with capacity, floor and equipment (projector, "
         "whiteboard), and a calendar. Staff can log in and book a room for an hour.", {"Room", "Booking"}),
    ],
)
def test_records_beside_versions_quizzes_and_whiteboards_are_built(prompt: str, kept: set[str]) -> None:
    assert kept <= names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "verbs"),
    [
        ("Every time we repot, feed or mist a plant we log it with the date and notes.", {"Feed", "Mist"}),
        ("My allotment diary: beds (name, size) and every time I sow, thin or weed a bed I note the date.",
         {"Thin", "Weed", "Sow"}),
    ],
)
def test_a_list_of_what_the_speaker_does_is_verbs(prompt: str, verbs: set[str]) -> None:
    assert not verbs & names(infer_spec(prompt))


def test_records_with_a_bracket_of_fields_are_kept_and_each_one_goes_to_a_lookup() -> None:
    spec = infer_spec("Members pay subscriptions; each payment may go to a fund (e.g. Roof Appeal).")
    assert "Fund" in names(spec)
    spec = infer_spec("We store volunteer agreements (date signed, whether they consent to photos) and volunteers.")
    assert any(n.endswith("Agreement") for n in names(spec))


def test_rooms_are_hotel_rooms_only_where_the_request_is_about_lodging() -> None:
    studio = _entity(infer_spec("A rehearsal space that rents rooms to choirs by the hour with an hourly price and "
                                "a booking form."), "Room")
    assert "price_per_night" not in {f.name for f in studio.fields}
    hotel = _entity(infer_spec("A small hotel: guests reserve rooms for nights and we track check-in."), "Room")
    assert "price_per_night" in {f.name for f in hotel.fields}


def test_several_examples_of_a_listed_thing_make_many_of_them() -> None:
    spec = infer_spec("Please implement a website for booking study rooms in a library. The website should have a "
                      "list of rooms with capacity, floor and equipment (whiteboard, screen), and a calendar showing "
                      "free and booked slots. Users can log in and book a room for up to 2 hours.")
    assert ("Room", "Equipment", "many_to_many") in _links(spec)


def test_what_a_catalogue_is_filtered_by_is_not_a_table() -> None:
    spec = infer_spec("A plant shop: customers can search and filter plants by sun, soil and hardiness and leave "
                      "reviews.")
    assert "Plant" in names(spec)
    assert not {"Sun", "Soil", "Hardiness"} & names(spec)
    museum = infer_spec("Please implement a website for a museum's online collection. Objects have an accession "
                        "number, title and images; visitors can search, filter by gallery and save favourites.")
    assert "Gallery" in names(museum)  # one thing a collection is filtered by, and a thing of its own


def test_a_page_named_by_an_activity_is_neither_a_table_nor_a_field() -> None:
    spec = infer_spec("Please implement a website for a car auction. The website should have a catalogue of lots "
                      "(make, model, guide price, photos), auction days with dates, and a bidding page. Users can "
                      "register and place bids on lots.")
    assert "Bidding" not in names(spec)
    assert all("bidding" not in f.name for e in spec.entities for f in e.fields)
    assert {"Lot", "Bid"} <= names(spec)


def test_joining_a_waitlist_is_the_waitlist_entry_and_one_or_the_other_is_not_a_link() -> None:
    spec = infer_spec("Members can buy a pass or a punch card, book a session and join a waitlist when a session "
                      "is full.")
    links = _links(spec)
    assert ("WaitlistEntry", "Session", "belongs_to") in links
    assert not any(c in {"Membership"} and p == "WaitlistEntry" for c, p, _ in links)
    assert "Membership" not in names(spec)


def test_a_notice_board_keeps_notices() -> None:
    spec = infer_spec("A residents' site with a notice board and an events calendar.")
    assert "Notice" in names(spec) and "NoticeBoard" not in names(spec)
    assert "title" in {f.name for f in _entity(spec, "Notice").fields}


def test_what_is_added_to_the_cart_is_what_them_stands_for() -> None:
    spec = infer_spec("Users browse wines, add them to their basket and place orders.")
    assert ("CartItem", "Wine", "belongs_to") in _links(spec)


@pytest.mark.parametrize(
    ("prompt", "kept", "not_kept"),
    [
        ("Bordo a mano y quiero apuntar mis hilos (marca, número, cuántos tengo) y mis patrones (con foto o PDF).",
         {"Thread", "Pattern"}, {"Bordo", "Topic", "Boss", "Reply"}),
        ("Gestionamos familias de acogida para estudiantes extranjeros: familias (dirección, habitaciones) y "
         "estudiantes (país, edad).", {"HostFamily", "Student"}, {"FosterFamily"}),
        ("Somos voluntarios de un tren histórico: socios, sus cualificaciones, las locomotoras y los coches.",
         {"Member", "Qualification", "Locomotive", "Carriage"}, {"Vehicle", "Cualificacion"}),
        ("Hacemos una cuestación con huchas: controlar las huchas (número, precinto) y los voluntarios.",
         {"CollectionBox", "Volunteer"}, {"PiggyBank"}),
    ],
)
def test_spanish_craft_charity_and_railway_words(prompt: str, kept: set[str], not_kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert not not_kept & names(spec)


def test_embroidery_threads_are_not_forum_threads() -> None:
    spec = infer_spec("My cross-stitch stash: threads (brand, colour number, how many skeins) and patterns.")
    assert "Reply" not in names(spec)
    forum = infer_spec("A forum where members post threads about gardening and others write replies.")
    assert "Reply" in names(forum) or "Comment" in names(forum)


@pytest.mark.parametrize(
    ("prompt", "owner", "states", "not_tables"),
    [
        ("Custom cake orders. Each order goes through enquiry -> deposit paid -> baking -> collected.", "Order",
         ["enquiry", "deposit_paid", "baking", "collected"], {"Enquiry", "Deposit", "Baking"}),
        ("I restore furniture on commission. I track commissions from customers (piece, price, due date). Orders go "
         "through quote -> approved -> in progress -> delivered.", "Commission",
         ["quote", "approved", "in_progress", "delivered"], {"Quote"}),
        ("Los pedidos pasan por: presupuesto -> pagado -> enviado.", "Order", ["presupuesto", "pagado", "enviado"],
         {"Budget"}),
    ],
)
def test_the_states_a_thing_goes_through_are_its_status(prompt: str, owner: str, states: list[str],
                                                         not_tables: set[str]) -> None:
    spec = infer_spec(prompt)
    status = next(f for f in _entity(spec, owner).fields if f.name == "status")
    assert status.choices == states
    assert not not_tables & names(spec)


def test_notes_for_each_visit_with_their_fields_are_records_and_a_first_visit_is_a_time() -> None:
    spec = infer_spec("Need a system for my osteopathy clinic:\n- patients with contact details\n- appointments with "
                      "date and practitioner\n- session notes for each appointment (date, areas treated, "
                      "duration)\n- a consent form patients sign before their first visit")
    assert "SessionNote" in names(spec)
    assert ("SessionNote", "Appointment", "belongs_to") in _links(spec)
    assert "FirstVisit" not in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "Password checker for our staff training day: type a password and it shows how long it would take to crack. "
        "It must never send or store anything.",
        "Generate printable QR labels for our shelves: type the shelf code and it makes a PDF.",
        "An email signature builder for our dental practice: staff type their name and role and copy the HTML.",
        "A CV formatter: paste a candidate's CV and it puts it into our template as a PDF.",
    ],
)
def test_checkers_label_makers_and_formatters_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


def test_details_after_a_bracket_of_examples_are_fields_of_the_plural_thing() -> None:
    spec = infer_spec("We look after 20 schools' IT. I want devices (laptops, tablets, printers) with serial, "
                      "purchase date and OS. Each device belongs to a school.")
    device = {f.name for f in _entity(spec, "Device").fields}
    assert {"serial", "purchase_date"} <= device


def test_a_status_in_a_has_list_belongs_to_the_thing_that_has_it() -> None:
    spec = infer_spec("Each repair has a customer, parts, date received and status (received, waiting for parts, "
                      "ready, collected).")
    repair = next(f for f in _entity(spec, "Repair").fields if f.name == "status")
    assert repair.choices[0] == "received"
    spec = infer_spec("Each client is assigned to a partner and has status (awaiting info, in prep, sent for "
                      "approval, filed).")
    assert ("Client", "Partner", "belongs_to") in _links(spec)
    assert not any(f.name == "workflow" and f.entity == "Partner" for f in spec.feature_specs)


def test_people_keep_a_name_and_pictures_of_a_thing_keep_the_thing() -> None:
    spec = infer_spec("Each patient belongs to one dentist and has a last check-up date and a recall interval.")
    assert "name" in {f.name for f in _entity(spec, "Patient").fields}
    spec = infer_spec("Bookkeeping for my clients: they snap a photo of a receipt, enter the amount, and I review it "
                      "and categorise it.")
    assert "Receipt" in names(spec)
    assert "Rating" not in names(spec)


@pytest.mark.parametrize(
    ("prompt", "not_kept"),
    [
        ("Families book a 30 min slot to visit a resident, and staff approve each visit.", {"MinSlot"}),
        ("Opticians track patients with lens type and power left/right.", {"Left", "Right"}),
        ("Employees write a self review, managers write theirs, and goals are set.", {"Their", "Theirs"}),
        ("A register of which keys exist (building, door, number) and who has them.", {"Exist"}),
    ],
)
def test_durations_sides_pronouns_and_verbs_are_not_tables(prompt: str, not_kept: set[str]) -> None:
    assert not not_kept & names(infer_spec(prompt))


@pytest.mark.parametrize(
    "prompt",
    [
        "Can you build a rainfall totals widget for our farm website? It pulls data from a weather API and shows a "
        "chart.",
        "A screen for the shop window that rotates our offers every 10 seconds, no backend, I'll edit the text myself.",
        "I need a feed mixing page - enter the number of ewes and their weight and it shows the kg of hay and "
        "concentrate they need.",
    ],
)
def test_widgets_displays_and_input_output_pages_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


def test_a_widget_shop_is_still_a_shop() -> None:
    assert "Supplier" in names(infer_spec("A stock tracker for our widget shop: widgets, suppliers and orders."))


def test_standing_orders_and_measures() -> None:
    spec = infer_spec("We're a bakery supplying cafes. Each customer has standing orders by day of week and can add "
                      "one-off changes.")
    assert "StandingOrder" in names(spec) and "Standing" not in names(spec)
    assert ("StandingOrder", "Customer", "belongs_to") in _links(spec)
    spec = infer_spec("I farm 600 acres. Each field has a name and size in hectares, and every spray application "
                      "records the product and the rate per hectare.")
    assert not {"Acre", "Hectare"} & names(spec)


def test_details_in_brackets_after_records_linked_to_a_thing_are_the_records() -> None:
    spec = infer_spec("Coffee roastery tool: green coffee lots (origin, farm, kilos in stock), roast logs linked to a "
                      "lot (profile name, charge temp, drop temp, total time), and cupping sessions.")
    roast = next(e for e in spec.entities if e.name.startswith("Roast"))
    assert "charge_temp" in {f.name for f in roast.fields}
    assert "charge_temp" not in {f.name for f in _entity(spec, "Lot").fields}
    spec = infer_spec("chess club app - members, tournaments, games with results. each game is linked to two "
                      "members and belongs to a tournament.")
    assert any(c == "Game" and p == "Member" for c, p, _ in _links(spec))


def test_a_like_with_another_parent_is_created_from_the_account_and_the_item_alone() -> None:
    from core.engine.render.plan import prepare

    spec = infer_spec("Please implement a website for a kids' robotics club. Parents can register their children "
                      "and enrol them in a course. Students upload their projects and other users can like them.")
    like = next((e for e in spec.entities if e.name in {"Like", "Favourite"}), None)
    assert like is not None
    ready = prepare(spec)
    fav = next(f for f in ready.feature_specs if f.name == "favourites")
    for r in ready.entity(fav.entity).relations:
        if r.kind == "belongs_to" and r.target not in {ready.account, fav.target}:
            assert not r.required


def test_a_deposit_is_an_amount_on_what_it_secures() -> None:
    spec = infer_spec("I make custom guitars. Customers order a guitar with body wood, finish and pickups, pay a "
                      "deposit, and I track each order through the build.")
    assert "Deposit" not in names(spec)
    assert any(f.name == "deposit" for e in spec.entities for f in e.fields)


def test_reviews_for_each_trader_and_slots_on_weekends() -> None:
    spec = infer_spec("I manage a night market: traders are assigned to stalls each week. I want a leaderboard, "
                      "customer reviews for each trader and a rota.")
    assert any(c in {"Rating", "Review"} and p == "Trader" for c, p, _ in _links(spec))
    spec = infer_spec("We need timed entry slots on busy weekends and online booking for our lavender farm.")
    assert "Weekend" not in names(spec)


@pytest.mark.parametrize(
    ("prompt", "kept", "not_kept"),
    [
        ("Tengo una quesería: registrar cada lote de queso (fecha, litros de leche) y controlar la maduración en "
         "cámara con recordatorios para voltear.", {"Batch"}, {"Camera"}),
        ("Cooperativa de aceite: cada socio entrega aceituna varias veces; registrar kilos, variedad y si es de suelo "
         "o de vuelo.", {"Member"}, {"Flight"}),
        ("Organizar los turnos del personal: auxiliares y enfermeras, turnos de mañana, tarde y noche; nadie puede "
         "hacer noche y mañana seguidas.", {"Shift"}, {"Manana", "Noche", "Tarde"}),
        ("El paciente compra un bono de 10 sesiones y quiero ver cuántas le quedan y cuándo caduca.", {"Patient"},
         {"Caduca"}),
    ],
)
def test_spanish_rooms_flights_parts_of_the_day_and_verbs(prompt: str, kept: set[str], not_kept: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert not not_kept & names(spec)


def test_plural_details_name_one_value_each_and_forms_are_not_parents() -> None:
    spec = infer_spec("A dog grooming salon: dogs with breed and owner, and services with prices.")
    assert "price" in {f.name for f in _entity(spec, "Service").fields}
    spec = infer_spec("Please implement a website for an estate agent. The website should have property listings "
                      "with photos, price, bedrooms and a map, a valuation request form and a sold section.")
    assert not any(p.endswith("Request") for c, p, _ in _links(spec) if c == "Listing")


def test_festival_tickets_are_admissions_and_a_page_listing_things_keeps_the_things() -> None:
    spec = infer_spec("Please implement a website for a summer music festival. The website should have a line-up "
                      "page and ticket sales. Users can buy early-bird tickets and save favourite acts.")
    ticket = {f.name for f in _entity(spec, "Ticket").fields}
    assert "priority" not in ticket and "requester_email" not in ticket
    spec = infer_spec("Please implement a website for a pumpkin farm. The website should have a page listing "
                      "pumpkin varieties (Jack, Crown Prince) with sizes and prices, and a booking form for visits.")
    assert "Variety" in names(spec) and "Page" not in names(spec)


def test_a_login_brings_the_accounts_table_into_the_spec() -> None:
    spec = infer_spec("A piano teacher's app: students and lessons; students log in to record their practice.")
    assert "auth" in spec.features
    assert spec.account in names(spec)
    plain = infer_spec("dashboard for a dental practice: dentists, patients and appointments")
    assert "User" not in names(plain)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("Our town planning office: residents submit a permit application and attach drawings; keep a log of each "
         "decision with its conditions.", "Decision"),
        ("We need a history of each repair with the parts used, for our bike shop customers.", "Repair"),
        ("Mantener un registro de cada visita con sus observaciones; clientes y técnicos.", "Visit"),
    ],
)
def test_a_log_of_each_thing_keeps_the_thing(prompt: str, kept: str) -> None:
    assert kept in names(infer_spec(prompt))


def test_commenting_on_reviews_keeps_the_comments_feature() -> None:
    spec = infer_spec("A book club app where members review books and comment on reviews.")
    assert {"ratings", "comments"} <= set(spec.features)
