"""Understanding (issue 9), forty-first pass: Spanish senses by context, Spanish verbs that are not things, users
who keep their own data, things completed and found, and more tools and games declined."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


def test_tree_care_equipment_is_equipment_lent_to_employees() -> None:
    prompt = ("Necesito gestionar el inventario de equipos de mi empresa de poda: motosierras, arneses, cuerdas, etc. "
              "Cada equipo tiene número de serie, fecha de compra y fecha de la próxima revisión. Quiero registrar "
              "quién se lleva cada equipo y cuándo lo devuelve.")
    names = _entities(prompt)
    assert "Team" not in names and "Member" not in names
    assert "serial_number" in names["Equipment"]
    assert {"Equipment", "Employee"} <= set(_links(prompt, "EquipmentLoan"))


def test_a_judges_mark_on_each_apparatus_is_a_score() -> None:
    prompt = ("Queremos una app para las competiciones del club. Cada competición tiene categorías por edad, las "
              "gimnastas se inscriben en una categoría y los jueces ponen la nota de cada aparato (salto, barras, "
              "viga y suelo).")
    names = _entities(prompt)
    assert {"Score", "Apparatus"} <= set(names)
    assert "Note" not in names and "Device" not in names


@pytest.mark.parametrize("prompt", [
    "Alumnos de la academia: cada profesor pone la nota de cada examen.",
    "Quiero dejar notas sobre cada cliente después de cada visita.",
])
def test_notes_stay_grades_or_notes_elsewhere(prompt: str) -> None:
    assert "Score" not in _entities(prompt)


@pytest.mark.parametrize("prompt, what", [
    ("I want a top-down go-kart racing game for the browser: 4 tracks, drift with the spacebar, AI opponents. "
     "Just for fun, to put on our track's website.", "a game"),
    ("For the juniors page on the club site - a little batting game. Bowler runs in, you tap to play the shot at "
     "the right moment, score runs, lose a wicket if you miss. Show their score at the end.", "a game"),
    ("Make something that animates the wind shifts over the race course. I'll paste the wind direction and speed "
     "readings from the committee boat and it draws arrows moving across a map of the bay.", "visualiser"),
    ("Para los talleres de chocolate quiero una herramienta que dibuje la curva de temperado: meto las "
     "temperaturas de fundido, enfriado y trabajo de cada tipo de chocolate y me sale la gráfica animada.",
     "visualiser"),
    ("Una extensión para Chrome que, cuando estoy en la web de un vivero proveedor, me ponga al lado de cada "
     "planta nuestro precio de venta.", "browser extension"),
    ("We'd love a Chrome add-on for festival-goers: when they're browsing our online programme it shows the "
     "Letterboxd rating next to every film title.", "browser extension"),
    ("Need something for our fencing club's competition nights: a big-screen bout clock. 3 minute periods, "
     "1 minute break, buzzer at the end, and referees can add touches for left and right.", "a timer"),
    ("Necesito algo para las partituras del club de jazz: subo un montón de PDFs escaneados, los junta por tema, "
     "los pone en el orden de los atriles y los renombra todos de golpe.", "file"),
])
def test_games_drawing_tools_add_ons_and_clocks_are_declined(prompt: str, what: str) -> None:
    with pytest.raises(UnsupportedRequestError, match=what):
        understand(prompt)


@pytest.mark.parametrize("prompt", [
    "Racing game results and driver standings for our karting league",
    "We run a board game cafe; track which browser game tournaments we host",
    "Fencing club: members, bouts with scores, and a results table per competition night.",
    "An app where I log my runs and it plots my weekly distance.",
])
def test_data_apps_that_mention_games_clocks_or_plots_are_built(prompt: str) -> None:
    assert understand(prompt).entities


@pytest.mark.parametrize("prompt, absent", [
    ("Para los talleres de chocolate: meto las temperaturas de cada tipo de chocolate y los alumnos de cada taller.",
     "Meto"),
    ("Club de jazz: subo un montón de partituras y las asigno a los músicos.", "Monton"),
    ("App para organizar tándems de idiomas. Las parejas registran sus sesiones (fecha, duración). Al final cada uno "
     "valora a su compañero.", "Final"),
    ("Solar panel installer CRM. Lead comes in -> site survey booked -> quote sent -> installed. Each job has a "
     "customer, address, roof type and number of panels.", "Come"),
])
def test_verbs_and_adverbs_are_not_things(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


def test_people_assigned_without_a_target_belong_to_the_main_record() -> None:
    prompt = ("Solar panel installer CRM. Each job has a customer, address, roof type, number of panels, inverter "
              "model. Assign a surveyor and an install crew.")
    assert {"Customer", "Surveyor", "Crew"} <= set(_links(prompt, "Job"))


def test_assigning_in_a_sentence_with_a_subject_links_nothing_new() -> None:
    prompt = "Our club runs tournaments. The software then schedules matches, assigns courts and umpires."
    assert "Umpire" not in _links(prompt, "Court")


@pytest.mark.parametrize("prompt, kept", [
    ("A software platform where users can track their goals, set reminders and see their progress.", "Goal"),
    ("A calorie app where users track their daily intake and set daily calorie goals.", "CalorieGoal"),
])
def test_users_who_keep_their_own_data_have_accounts(prompt: str, kept: str) -> None:
    spec = understand(prompt)
    assert "User" in {e.name for e in spec.entities}
    assert "User" in _links(prompt, kept)
    assert "auth" in spec.features


@pytest.mark.parametrize("prompt", [
    "An app where I track my goals, set reminders and see my progress.",
    "Please implement a website for a bike shop. Customers can browse bikes, book a service and pay online.",
])
def test_a_personal_tool_or_named_customers_need_no_user_table(prompt: str) -> None:
    assert "User" not in _entities(prompt)


def test_what_was_found_is_each_find() -> None:
    prompt = ("Our mushroom foraging society runs forays most weekends in autumn. Members sign up for a foray, and "
              "afterwards we record what was found: species, location (grid ref), habitat, edible/toxic, photos.")
    names = _entities(prompt)
    assert "Species" in _links(prompt, "Find")
    assert not {"Edible", "Toxic"} & set(names)


def test_what_was_caught_is_each_catch_in_spanish() -> None:
    prompt = "Club de pesca: cada salida apuntamos lo que se pescó: especie, peso, quién lo pescó y una foto."
    assert "Species" in _links(prompt, "Catch")


@pytest.mark.parametrize("prompt, who, thing", [
    ("Volunteer management for a community radio station. Volunteers sign up with their skills, complete training "
     "modules before they can go on air.", "Volunteer", "TrainingModule"),
    ("Los voluntarios completan cursos de formación antes de su primer turno.", "Volunteer", "TrainingCourse"),
])
def test_people_completing_things_leave_a_dated_completion(prompt: str, who: str, thing: str) -> None:
    names = _entities(prompt)
    assert "completed_on" in names[f"{thing}Completion"]
    assert {who, thing} <= set(_links(prompt, f"{thing}Completion"))


def test_completing_a_form_is_filling_it_not_a_completion() -> None:
    assert "EnquiryCompletion" not in _entities("Parents complete enquiry forms for a course.")


def test_badges_earned_are_kept() -> None:
    assert "Badge" in _entities("Kids complete reading challenges and earn badges.")


@pytest.mark.parametrize("prompt, name", [
    ("Roastery tracker\n- roast batches: which lot, date, roast profile, kg in, kg out", "RoastBatch"),
    ("A lab app: samples come from production batches and each sample gets tests.", "ProductionBatch"),
])
def test_batches_keep_their_kind(prompt: str, name: str) -> None:
    assert name in _entities(prompt)


def test_one_signup_record_for_people_and_events() -> None:
    prompt = ("Reenactment society, 120 members. We need to keep track of which events we're going to this season and "
              "who's signed up for each event. Ordinary members just sign up for events and see their own loans.")
    names = _entities(prompt)
    joins = [n for n in names if n.endswith(("Signup", "Registration"))]
    assert len(joins) == 1
    assert {"Member", "Event"} <= set(_links(prompt, joins[0]))


@pytest.mark.parametrize("prompt, entity, fields", [
    ("Item: size, condition (new or used), price, status.", "Item", {"size", "condition", "price", "status"}),
    ("Productos con talla, estado (nuevo o usado) y precio.", "Product", {"price"}),
    ("Item: consignor, category, size, condition (A/B/C), price.", "Item", {"size", "condition", "price"}),
    ("organisers apply for an event permit: event name, type (street party, parade, fun run, market), location and "
     "date", "Permit", {"location", "date"}),
])
def test_values_in_brackets_do_not_end_the_list_of_details(prompt: str, entity: str, fields: set[str]) -> None:
    assert fields <= set(_entities(prompt)[entity])


def test_a_thing_listed_after_brackets_is_not_a_detail() -> None:
    names = _entities("Youth soccer league app. Teams have players (name, DOB, jersey number) and coaches.")
    assert "coaches" not in names["Team"]


def test_a_spec_heading_is_not_a_table() -> None:
    prompt = ("Spec: vintage clothing shop, consignment model.\nConsignor: name, phone, email, IBAN.\n"
              "Item: consignor, category, decade, size, price.")
    assert "Spec" not in _entities(prompt)


@pytest.mark.parametrize("prompt, rater", [
    ("Book club: members, books, meetings and everyone's rating out of 5 for each book.", "Member"),
    ("our book club needs somewhere to keep track of the books we've read and everyone's rating out of 5.", "Member"),
])
def test_everyones_rating_out_of_five_is_a_rating_by_the_members(prompt: str, rater: str) -> None:
    assert {rater, "Book"} <= set(_links(prompt, "Rating"))


def test_a_difficulty_rating_in_brackets_stays_a_field() -> None:
    assert "Rating" not in _entities("Cache: name, difficulty rating (1-5), terrain.")


def test_keeping_track_is_not_a_track() -> None:
    assert "Track" not in _entities("our book club keeps track of what we have read and who lent each book.")


def test_books_people_suggest_are_not_ai_recommendations() -> None:
    spec = understand("Book club: members and books, plus a list of books people want to suggest next.")
    assert "AI recommendations" not in spec.not_built


def test_a_word_only_ever_a_verb_after_the_people_is_their_verb() -> None:
    prompt = ("membership for the jazz club. two tiers: Friend 30 a year, Patron 100 a year. members renew yearly, get "
              "10% or 20% off gig tickets depending on tier.")
    names = _entities(prompt)
    assert "Member" in names
    assert "Renew" not in names


def test_a_comments_thread_under_each_event_is_comments_on_events() -> None:
    prompt = "Meetup group: organisers post events, members RSVP, and there's a comments thread under each event."
    assert "Event" in _links(prompt, "Comment")


def test_a_forum_has_threads() -> None:
    prompt = "Please implement a website for a model railway club. Members should log in and post in a members' forum."
    assert "Forum" in _links(prompt, "Thread")


def test_a_mechanics_intervention_is_the_maintenance_record() -> None:
    prompt = ("Para el circuito de karts: llevar el mantenimiento de cada kart (cambio de aceite, neumáticos, "
              "frenos...). Los mecánicos apuntan cada intervención que hacen.")
    names = _entities(prompt)
    assert "Intervention" not in names
    assert "Kart" in _links(prompt, "MaintenanceRecord")


def test_a_donor_family_is_one_thing() -> None:
    names = _entities("For the transplant coordinators: keep a record of each donor family we support afterwards.")
    assert "DonorFamily" in names and "Family" not in names


def test_a_description_of_something_is_one_detail() -> None:
    names = _entities("Repair cafe. Items (type, brand, description of the fault, photo).")
    assert "Fault" not in names
    assert "description_of_fault" in names["Item"]


@pytest.mark.parametrize("prompt", [
    "Conference site: attendees browse talks and, after each talk, leave a rating and feedback.",
    "Customers can leave a rating and a review for each product.",
    "Guests leave feedback and a star rating after their stay.",
])
def test_a_rating_and_a_review_said_together_are_one_rating(prompt: str) -> None:
    names = _entities(prompt)
    assert "review" in names["Rating"]
    assert not {"Review", "Feedback"} & set(names)


def test_a_market_pitch_is_not_a_campsite_pitch() -> None:
    prompt = ("Please implement a website for a weekly farmers' market. Vendors apply for a pitch on upcoming dates; "
              "the market manager approves applications and assigns pitch numbers.")
    fields = _entities(prompt)["Pitch"]
    assert "nightly_rate" not in fields and "electric_hookup" not in fields


def test_a_percentage_commission_is_earned_not_commissioned() -> None:
    prompt = "Holiday lets: owners, apartments, bookings, and my 20% commission on each booking."
    fields = _entities(prompt).get("Commission", [])
    assert "due_date" not in fields


def test_checking_out_a_cart_makes_an_order_of_its_lines() -> None:
    prompt = ("Please implement a website for a plant nursery. Customers should be able to browse plants, add them "
              "to a cart, and check out.")
    assert "Customer" in _links(prompt, "Order")
    assert {"Order", "Plant"} <= set(_links(prompt, "OrderItem"))


def test_signing_up_for_a_newsletter_is_a_subscriber_only() -> None:
    names = _entities("Please implement a website for a tea shop. Visitors can browse teas and sign up for a "
                      "newsletter.")
    assert "Subscriber" in names and "Signup" not in names


@pytest.mark.parametrize("prompt, saved, name", [
    ("Please implement a website for a film festival. Users should be able to browse films and screenings, and build "
     "a personal schedule by adding screenings.", "Screening", "ScheduleItem"),
    ("Visitors can add films to their watchlist.", "Film", "WatchlistItem"),
    ("Users can add talks to their personal agenda.", "Talk", "AgendaItem"),
])
def test_a_personal_list_saves_what_is_added_to_it(prompt: str, saved: str, name: str) -> None:
    assert {"User", saved} <= set(_links(prompt, name))


def test_what_staff_complete_is_kept() -> None:
    assert "Course" in _entities("Staff complete training courses and we track their certificates.")


def test_a_rating_folded_with_feedback_rates_the_talk_not_itself() -> None:
    prompt = "Conference site: attendees browse talks and, after each talk, leave a rating and feedback."
    spec = understand(prompt)
    rated = next(fs for fs in spec.feature_specs if fs.name == "ratings")
    assert (rated.entity, rated.target) == ("Rating", "Talk")
