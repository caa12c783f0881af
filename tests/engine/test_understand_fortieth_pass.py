"""Understanding (issue 9), fortieth pass: things bought outright, adverbs after a noun, colours said for two roles,
and penalties that are not fines."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.engine.understand.style import infer_theme
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, held, buyer", [
    ("Escape room with two rooms. Customers book a slot and can buy gift vouchers for friends.", "GiftVoucher",
     "Customer"),
    ("Academia de surf: los alumnos compran bonos de 10 clases y reservan clases con un monitor.", "Voucher",
     "Student"),
])
def test_a_voucher_bought_belongs_to_its_buyer_without_a_purchase(prompt: str, held: str, buyer: str) -> None:
    names = _entities(prompt)
    assert "Purchase" not in names
    assert buyer in _links(prompt, held)


def test_a_plan_bought_is_a_membership_of_it() -> None:
    prompt = ("Please implement a website for a climbing wall. Members should be able to book sessions and buy monthly "
              "membership plans.")
    names = _entities(prompt)
    assert "Purchase" not in names
    assert "MembershipPlan" in _links(prompt, "Membership")


def test_packs_bought_are_still_purchases() -> None:
    assert "Purchase" in _entities("Pilates studio: clients buy class packs of 10 and book classes with them.")


@pytest.mark.parametrize("prompt, absent", [
    ("Most guests buy a tasting voucher first and then redeem it to book a date.", "First"),
    ("Brides book a fitting first, then rent a dress for the wedding day.", "First"),
])
def test_first_after_a_noun_is_when_not_a_thing(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


@pytest.mark.parametrize("prompt, primary, text", [
    ("Please implement a website for a quilting guild. Give the layout a misty rose base colour and use dark olive "
     "green for text and buttons.", "#556b2f", "#556b2f"),
    ("Tea room site. White background, dark gray text, and orange buttons.", "#ffa500",
     "#a9a9a9"),
])
def test_a_colour_said_for_text_and_buttons_is_both(prompt: str, primary: str, text: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.text) == (primary, text)


def test_penalties_scored_in_a_match_are_no_library_fines() -> None:
    spec = understand("Rugby club: players, matches, and who scored tries, conversions and penalties in each match.")
    assert not any("fine" in x.lower() for x in spec.not_built)


def test_late_penalties_are_still_fines() -> None:
    spec = understand("A library where members borrow books and pay penalties for late returns.")
    assert any("fine" in x.lower() for x in [*spec.not_built, *spec.requested]) or "Fine" in {e.name for e in
                                                                                              spec.entities}


@pytest.mark.parametrize("prompt, absent", [
    ("Tenemos muchos planos antiguos. Queremos catalogarlos y buscarlos por fecha.", "Catalogarlo"),
    ("Archivo del club: fotos y actas. Queremos ordenarlas por año.", "Ordenarla"),
])
def test_a_spanish_infinitive_with_a_pronoun_is_a_verb(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


def test_them_before_a_colon_gives_the_details_of_what_was_just_named() -> None:
    fields = _entities("Tenemos muchos planos escaneados. Queremos registrarlos: fecha, autor y notas.")
    owner = next(n for n, fs in fields.items() if "date" in fs)
    assert {"date", "notes"} <= set(fields[owner])


@pytest.mark.parametrize("prompt, absent", [
    ("The archive holds hundreds of letters from the war; volunteers transcribe them.", "Hundred"),
    ("We sell thousands of seedlings every spring to garden centres.", "Thousand"),
    ("El archivo guarda cientos de cartas y los voluntarios las transcriben.", "Ciento"),
])
def test_a_count_of_things_is_no_table(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


def test_a_verbless_line_naming_one_record_per_thing_is_kept() -> None:
    prompt = ("Laundry service for hotels: hotels send bags of linen daily. Drivers collect them. Monthly invoice per "
              "hotel.")
    assert "Hotel" in _links(prompt, "Invoice")


@pytest.mark.parametrize("prompt", [
    "Dog walking app: walkers pick a dog from the list and log each walk.",
    "Tool library: members choose a tool from the list and borrow it for a week.",
])
def test_a_list_to_pick_from_is_no_board_list(prompt: str) -> None:
    assert "BoardList" not in _entities(prompt)


def test_a_kanban_board_keeps_its_lists() -> None:
    assert "BoardList" in _entities("A kanban tool with boards, lists and cards that users drag between lists.")


@pytest.mark.parametrize("prompt, entity, flag, absent", [
    ("Dog daycare: dogs, owners and visits. Dogs flagged as 'escape artist' get a red badge.", "Dog", "escape_artist",
     "Artist"),
    ("Stable app: horses, riders and lessons. Horses marked as \"box walker\" need a note.", "Horse", "box_walker",
     "Walker"),
])
def test_a_quoted_label_is_a_flag_on_the_thing(prompt: str, entity: str, flag: str, absent: str) -> None:
    fields = _entities(prompt)
    assert flag in fields[entity]
    assert absent not in fields


@pytest.mark.parametrize("prompt, what", [
    ("Un configurador de bicicletas en 3D: el cliente elige cuadro, ruedas y color y la ve girar en pantalla.",
     "a 3D viewer"),
    ("A 3D kitchen configurator where buyers pick doors and worktops and spin the room around.", "a 3D viewer"),
    ("tool for the surf school: pull the swell forecast from Magicseaweed and show it as arrows on a map every hour",
     "a live data service"),
    ("I photograph a cheese label and the app sends it to the CheeseDB API and shows me the tasting notes.",
     "a live data service"),
    ("A tool that takes our sermon recordings, removes the long silences and normalises the volume for the website.",
     "an audio or music tool"),
    ("A sheet music editor for our brass band: enter notes on a staff, transpose parts and print them.", "an editor"),
    ("For the observatory's site: type your village and see what the night sky looks like tonight.",
     "an interactive visualiser"),
    ("An app where learners hear a native speaker, mimic the pronunciation and get a score for each word.",
     "a speech trainer"),
])
def test_more_tools_said_by_what_they_do_are_declined(prompt: str, what: str) -> None:
    with pytest.raises(UnsupportedRequestError, match=what):
        understand(prompt)


@pytest.mark.parametrize("prompt", [
    "A bike shop: bikes with a 3D model file each, customers and orders.",
    "A podcast network: shows, episodes with their mp3 and loudness in LUFS, and sponsors per episode.",
    "Choir library: scores with composer and voicing, members borrow scores and return them.",
    "Astronomy club: members, observing nights with the sky conditions, and the objects each member logged.",
    "Language school: students, teachers, courses and a pronunciation grade per student each term.",
])
def test_data_apps_that_mention_such_tools_are_built(prompt: str) -> None:
    assert len(understand(prompt).entities) >= 2


@pytest.mark.parametrize("prompt", [
    "An app where runners track their training progress over time.",
    "Una app para registrar mi peso cada semana.",
])
def test_progress_tracked_with_nothing_else_named_is_a_dated_log_not_a_refusal(prompt: str) -> None:
    fields = _entities(prompt)
    assert "ProgressEntry" in fields
    assert "recorded_on" in fields["ProgressEntry"]


@pytest.mark.parametrize("prompt, absent", [
    ("Liga de bolos: equipos, jugadores y partidos de cada jornada.", "Bolo"),
    ("Torneo de dardos: parejas, rondas y resultados.", "Dardo"),
])
def test_the_game_a_spanish_league_plays_is_no_table(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


def test_the_people_a_spanish_club_is_of_stay() -> None:
    assert "Cyclist" in _entities("Club de ciclistas: salidas de los domingos con fecha y plazas.")


@pytest.mark.parametrize("prompt, absent", [
    ("Boat trips: customers book a seat on a trip; if a trip is cancelled because of bad weather we email them.",
     "Weather"),
    ("Stargazing nights: members book a place; nights cancelled due to clouds are moved to the next week.", "Cloud"),
    ("Excursiones en barco: los clientes reservan plaza y si se cancela por viento les avisamos.", "Wind"),
])
def test_why_something_is_cancelled_is_no_table(prompt: str, absent: str) -> None:
    names = _entities(prompt)
    assert absent not in names
    assert "Booking" in names


def test_quantity_on_hand_is_no_hand() -> None:
    assert "Hand" not in _entities("Spare parts store: parts with a supplier and quantity on hand, and stock orders.")


def test_a_word_that_is_only_a_verb_after_and_is_no_field() -> None:
    fields = _entities("TaskPal helps people plan their week. It gives suggestions to schedule tasks efficiently "
                       "and manage time.")
    assert not any("manage" in f for fs in fields.values() for f in fs)


def test_a_word_that_is_only_a_verb_after_and_is_no_table() -> None:
    assert "Perform" not in _entities("Users create notebooks, organise notes and perform searches across them.")


@pytest.mark.parametrize("prompt, visit", [
    ("Please implement a website for a pool company. Users should be able to browse pool kits and book a pool "
     "cleaning visit.", "CleaningVisit"),
    ("Blinds shop site: customers browse blinds and can book a home measuring visit.", "MeasuringVisit"),
])
def test_a_visit_booked_is_the_booking_itself(prompt: str, visit: str) -> None:
    fields = _entities(prompt)
    assert "Booking" not in fields
    assert {"start_at", "end_at"} <= set(fields[visit])


def test_subscribing_to_a_newsletter_is_a_subscriber_not_a_subscription() -> None:
    names = _entities("Please implement a website for a tea room. Users should be able to see the menu. Visitors "
                      "should also be able to subscribe to the newsletter.")
    assert "Subscriber" in names
    assert "Subscription" not in names


@pytest.mark.parametrize("prompt, record, parent", [
    ("club de natación: socios, cuotas anuales, entrenamientos y asistencia a cada uno", "Attendance",
     "TrainingSession"),
    ("choir app: members, yearly subs, rehearsals and attendance at each one", "Attendance", "Rehearsal"),
])
def test_each_one_is_the_thing_named_just_before(prompt: str, record: str, parent: str) -> None:
    assert parent in _links(prompt, record)


@pytest.mark.parametrize("prompt, animal", [
    ("rabbit rescue site - the rabbits (with photos) and people can apply to adopt a rabbit; we approve or reject "
     "the applications", "Rabbit"),
    ("Refugio de perros: los perros con fotos y los visitantes envían una solicitud de adopción.", "Dog"),
])
def test_applying_to_adopt_is_an_adoption_application(prompt: str, animal: str) -> None:
    names = _entities(prompt)
    assert "AdoptionApplication" in names
    assert not {"Adoption", "Application"} & set(names)
    assert animal in _links(prompt, "AdoptionApplication")


def test_the_deceased_and_their_next_of_kin_are_kept() -> None:
    fields = _entities("Funeral director app: each funeral with the deceased (full name, date of death) and the next "
                       "of kin we speak to (name, phone).")
    assert {"Deceased", "NextOfKin"} <= set(fields)
    assert not {"Kin", "Next"} & set(fields)


def test_a_wake_in_a_room_is_booked_like_a_booking() -> None:
    prompt = "Tanatorio: difuntos, salas y velatorios (sala, inicio y fin). Una sala no se puede reservar dos veces."
    fields = _entities(prompt)
    assert {"start_at", "end_at"} <= set(fields["Wake"])
    assert "Room" in _links(prompt, "Wake")
    assert "Booking" not in fields


def test_a_voucher_code_is_the_voucher_not_a_code_table() -> None:
    names = _entities("Please implement a website for a spa. Users should be able to buy gift vouchers and redeem a "
                      "voucher code to book a treatment.")
    assert "Code" not in names
    assert "GiftVoucher" in names


@pytest.mark.parametrize("prompt, kept", [
    ("Boat hire. Boats with a name. Alterations get logged with the carpenter who did them and the cost.",
     "Alteration"),
    ("Costume hire shop. Costumes with size. Cleanings get logged with the staff member who did them.", "Cleaning"),
])
def test_things_that_get_logged_are_kept(prompt: str, kept: str) -> None:
    assert kept in _entities(prompt)
