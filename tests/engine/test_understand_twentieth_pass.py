"""Understanding (issue 9), twentieth pass: the site's users, states, and tools that look like apps."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(
    ("prompt", "thing", "field"),
    [
        ("A bike hire shop with bikes, customers and hires. Staff can mark bikes as in maintenance.", "Bike",
         "in_maintenance"),
        ("A kit room: kits and loans. Mark each kit as out when it leaves.", "Kit", "out"),
    ],
)
def test_a_state_after_mark_as_is_a_yes_no_field_even_when_it_is_a_preposition(prompt: str, thing: str,
                                                                                 field: str) -> None:
    fields = {f.name: f.type for f in infer_spec(prompt).entity(thing).fields}
    assert fields.get(field) == "bool"


def test_a_reserved_word_state_gets_a_safe_name() -> None:
    fields = {f.name for f in infer_spec("A shelf of library books; mark each book as in.").entity("Book").fields}
    assert "is_in" in fields


@pytest.mark.parametrize(
    "prompt",
    [
        "Please implement a website for a jazz club selling gig tickets. Users can browse gigs by date, buy "
        "tickets and see the tickets they bought.",
        "Please implement a website for a bakery. Users can order cakes online and track the status of each "
        "order.",
    ],
)
def test_users_who_buy_on_a_website_are_its_user_accounts_not_an_invented_customer(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "User" in names(spec)
    assert "Customer" not in names(spec)


def test_what_users_only_browse_is_not_owned_by_them() -> None:
    spec = infer_spec("Please implement a website for a jazz club selling gig tickets. Users can browse gigs by "
                      "date, buy tickets and see the tickets they bought.")
    gig = next(n for n in names(spec) if n in {"Gig", "Concert", "Event"})
    assert "User" not in parents(spec, gig)


def test_customers_the_website_names_are_kept() -> None:
    spec = infer_spec("Please implement a website for a bakery. Customers can order cakes online and users can "
                      "track the status of each order.")
    assert "Customer" in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "a page where i drop a few photos and it arranges them into a collage, then i download the result",
        "Hazme una web para juntar varias fotos en un collage y descargarlo.",
        "I want a site where shoppers turn on their webcam and try sunglasses on virtually.",
        "Quiero una web donde la gente active la cámara y se pruebe virtualmente sombreros en tiempo real.",
        "Una herramienta que transponga los acordes de una canción dos semitonos.",
    ],
)
def test_collage_makers_camera_try_ons_and_chord_transposers_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    "prompt",
    [
        "A family photo archive: arrange photos into albums by year and tag who is in each.",
        "A security company's log of cameras installed at each client site, with install date and model.",
        "A guitar school: students, teachers, lessons and the chords each lesson covers.",
    ],
)
def test_photo_albums_camera_registers_and_chord_lessons_are_still_built(prompt: str) -> None:
    assert names(infer_spec(prompt))


def test_a_shop_with_a_virtual_try_on_is_built_and_says_the_try_on_is_not() -> None:
    spec = infer_spec("Una tienda online de ropa: productos, clientes y pedidos; el cliente activa la cámara y se "
                      "prueba virtualmente las chaquetas.")
    assert "Product" in names(spec)
    assert spec.not_built == ["uso de la cámara y probador virtual"]


def test_a_new_clause_after_comma_and_does_not_join_the_list_before_it() -> None:
    spec = infer_spec("A podcast tracker: episodes, and guests with contact info and a short bio, and an episode can "
                      "have several guests.")
    assert "Bio" not in names(spec)
    assert "short_bio" in {f.name for f in spec.entity("Guest").fields}


@pytest.mark.parametrize(
    ("prompt", "thing", "person"),
    [
        ("A podcast tracker with episodes and guests; an episode can have several guests.", "Episode", "Guest"),
        ("A conference app: each talk can have many speakers.", "Talk", "Speaker"),
    ],
)
def test_a_thing_that_has_several_people_shares_them_many_to_many(prompt: str, thing: str, person: str) -> None:
    spec = infer_spec(prompt)
    pairs = {(e.name, x.target) for e in spec.entities for x in e.relations if x.kind == "many_to_many"}
    assert (thing, person) in pairs or (person, thing) in pairs


def test_a_group_that_has_several_people_owns_them() -> None:
    spec = infer_spec("A chores app: a family has several children, and each child does chores.")
    assert "Family" in parents(spec, "Child")


def test_a_closing_list_after_a_plural_thing_and_a_colon_names_kinds_of_it() -> None:
    spec = infer_spec("Residents report problems in the street: potholes, broken streetlights, fly-tipping, graffiti. "
                      "Staff assign each problem to a department.")
    assert not {"Pothole", "Streetlight", "Graffiti"} & set(names(spec))
    assert "Problem" in names(spec)


def test_a_list_after_a_colon_whose_items_come_back_is_still_records() -> None:
    spec = infer_spec("A club app for our records: members, boats, races. Each boat belongs to a member and races "
                      "have results.")
    assert {"Member", "Boat", "Race"} <= set(names(spec))


@pytest.mark.parametrize(
    ("prompt", "entity", "fields"),
    [
        ("Pedidos con fecha de recogida y número de cajas.", "Order", {"pickup_date": "date", "box_count": "int"}),
        ("Reservas con fecha de entrada y salida y número de huéspedes.", "Reservation", {"guest_count": "int"}),
        ("Socios (nombre, número de socio, fecha de alta).", "Member", {"member_number": "string",
                                                                       "signup_date": "date"}),
    ],
)
def test_spanish_field_heads_qualified_by_a_noun_are_one_field(prompt: str, entity: str,
                                                               fields: dict[str, str]) -> None:
    got = {f.name: f.type for f in infer_spec(prompt).entity(entity).fields}
    assert fields.items() <= got.items()


@pytest.mark.parametrize(
    "prompt",
    [
        "Reservas con fecha de entrada y salida y número de huéspedes.",
        "Bookings with the date of arrival and departure.",
    ],
)
def test_what_a_date_is_of_is_not_a_record(prompt: str) -> None:
    assert not {"Ticket", "Departure", "Arrival"} & set(names(infer_spec(prompt)))


@pytest.mark.parametrize(
    ("prompt", "word"),
    [
        ("Pólizas de mis clientes; que me avise un mes antes de que venza cada póliza.", "Venza"),
        ("Recetas de jabón con sus aceites. Estaría bien poder guardar las recetas.", "Estaria"),
        ("Casas rurales: cada casa tiene habitaciones o se alquila entera; reservas y pagos.", "Entera"),
    ],
)
def test_spanish_verbs_and_adjectives_are_not_tables(prompt: str, word: str) -> None:
    assert word not in names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "entity", "fields"),
    [
        ("A lab inventory: chemicals with CAS number, hazard class and location.", "Chemical",
         {"cas_number", "hazard_class", "location"}),
        ("A pharmacy app: drugs with batch numbers and expiry dates.", "Drug", {"batch_number", "expiry_date"}),
        ("Blood donors with blood type and phone.", "Donor", {"blood_type", "phone"}),
    ],
)
def test_numbers_classes_and_types_named_after_something_are_fields(prompt: str, entity: str,
                                                                   fields: set[str]) -> None:
    assert fields <= {f.name for f in infer_spec(prompt).entity(entity).fields}


def test_a_participle_before_by_is_a_verb_so_its_subject_is_kept() -> None:
    spec = infer_spec("A small publisher: manuscripts submitted by authors, reviewed by editors, and contracts.")
    assert {"Manuscript", "Author"} <= set(names(spec))
    assert "Author" in parents(spec, "Manuscript")


@pytest.mark.parametrize(
    ("prompt", "orderer"),
    [
        ("A hospital pharmacy: drugs, and wards that order them; each order has several lines.", "Ward"),
        ("Departments order supplies from the store; each order has lines.", "Department"),
    ],
)
def test_who_the_prompt_says_orders_is_the_orders_parent_not_an_invented_customer(prompt: str,
                                                                                  orderer: str) -> None:
    spec = infer_spec(prompt)
    assert "Customer" not in names(spec)
    assert orderer in parents(spec, "Order")


def test_customers_are_still_added_when_nobody_is_said_to_order() -> None:
    assert "Customer" in names(infer_spec("A cake shop with cakes and orders."))


@pytest.mark.parametrize(
    ("prompt", "child", "parent"),
    [
        ("Record adverse reactions with severity for each patient.", "Patient", None),
        ("Track blood tests and results for each patient.", "BloodTest", "Patient"),
    ],
)
def test_a_sentence_that_starts_with_a_verb_keeps_its_objects(prompt: str, child: str, parent: str | None) -> None:
    spec = infer_spec(prompt)
    assert child in names(spec)
    if parent:
        assert parent in parents(spec, child)


def test_a_book_keeps_its_title_beside_the_isbn() -> None:
    spec = infer_spec("libros con ISBN y autor, y préstamos")
    fields = {f.name for f in spec.entity("Book").fields}
    assert {"title", "isbn"} <= fields
    assert "Isbn" not in names(infer_spec("A library: books with ISBN and author, and loans."))


@pytest.mark.parametrize(
    ("prompt", "child", "parent"),
    [
        ("An app for our podcast network: shows, episodes and hosts.", "Episode", "Show"),
        ("Un refugio: animales, adoptantes y solicitudes de adopción que se aprueban o rechazan.",
         "AdoptionApplication", "Animal"),
        ("Un refugio: animales, adoptantes y solicitudes de adopción que se aprueban o rechazan.",
         "AdoptionApplication", "Adopter"),
        ("Please implement a website for a hiking guide. Trails have difficulty and length. Users can log hikes "
         "they completed and rate trails.", "Hike", "Trail"),
    ],
)
def test_parents_the_domain_knows_link_two_named_things(prompt: str, child: str, parent: str) -> None:
    assert parent in parents(infer_spec(prompt), child)


def test_known_parents_are_not_invented_when_unnamed() -> None:
    assert "Show" not in names(infer_spec("A podcast app with episodes and guests."))


@pytest.mark.parametrize(
    ("prompt", "kept", "not_kept"),
    [
        ("Una app para el centro de salud: pacientes, médicos, citas y recetas con medicamentos y dosis.",
         "Prescription", "Recipe"),
        ("Recetas de cocina con ingredientes y pasos.", "Recipe", "Prescription"),
        ("Incidencias de la red informática: cada incidencia tiene un equipo afectado y un técnico.", "Device",
         "Team"),
        ("Un club de fútbol: equipos, jugadores y partidos.", "Team", "Device"),
    ],
)
def test_spanish_words_with_two_senses_follow_the_kind_of_app(prompt: str, kept: str, not_kept: str) -> None:
    spec = infer_spec(prompt)
    assert kept in names(spec)
    assert not_kept not in names(spec)


def test_what_site_users_register_for_is_theirs() -> None:
    spec = infer_spec("Please implement a website for a library's events. Users can browse events by date, register "
                      "for an event, and leave feedback after attending.")
    registration = next(n for n in names(spec) if n in {"Registration", "Signup", "Rsvp"})
    assert "User" in parents(spec, registration)


def test_a_thing_listed_among_a_records_details_is_its_parent() -> None:
    spec = infer_spec("A dog grooming salon: dogs with breed and owner, owners with phone, and appointments.")
    assert "Owner" in parents(spec, "Dog")


def test_people_a_record_is_shared_with_are_not_its_parents() -> None:
    spec = infer_spec("A memories app: users save memories with photos and share memories with family and friends.")
    assert not {"Family", "Friend"} & set(parents(spec, "Memory"))


def test_members_who_can_be_part_of_several_projects_are_many_to_many() -> None:
    spec = infer_spec("A research group app with projects and publications. Members can be part of several projects.")
    pairs = {(e.name, x.target) for e in spec.entities for x in e.relations if x.kind == "many_to_many"}
    assert ("Member", "Project") in pairs or ("Project", "Member") in pairs


def test_things_that_have_owners_belong_to_them() -> None:
    assert "Owner" in parents(infer_spec("A bike register: bikes have owners, and each bike has a frame number."),
                              "Bike")


def test_states_separated_by_slashes_are_the_workflow() -> None:
    spec = infer_spec("podcast production tracker - episodes (title, recording date, status: idea/booked/recorded/"
                      "edited/published) and guests")
    status = next(f for f in spec.entity("Episode").fields if f.name == "status")
    assert status.choices == ["idea", "booked", "recorded", "edited", "published"]
    assert "episode status (idea, booked, recorded, edited, published)" in spec.requested


@pytest.mark.parametrize(
    ("prompt", "phrase"),
    [
        ("A clothes swap: members and items (category, size, condition, photo).", "item photo upload"),
        ("Un catálogo de vinos con precio, bodega y una foto.", "subida de foto en vinos"),
    ],
)
def test_a_file_a_record_holds_is_listed_as_a_built_upload(prompt: str, phrase: str) -> None:
    spec = infer_spec(prompt)
    assert phrase in spec.requested
    assert phrase not in spec.not_built


def test_a_photo_listed_among_details_is_a_field_not_a_parent() -> None:
    spec = infer_spec("A bike rental site: bikes with a photo and a daily price")
    assert "Photo" not in parents(spec, "Bike")


def test_an_editorial_calendar_is_not_an_editorial_table() -> None:
    assert "Editorial" not in names(infer_spec("Our newsroom needs an editorial calendar: stories with section and "
                                               "deadline."))


@pytest.mark.parametrize(
    "prompt",
    [
        "A flight tracker showing planes overhead in real time.",
        "A weather forecast page that pulls the 7-day forecast for any city.",
        "A live bus arrival board for the stop outside our office.",
        "An RSS reader that pulls in news from my favourite feeds.",
        "A network speed test page for our office.",
        "A periodic table viewer where you click an element to see its properties.",
        "A star map that shows which constellations are visible tonight from my location.",
        "A breathing exercise app with an animated circle that grows and shrinks.",
        "Una app que mida el ritmo cardíaco con la cámara del móvil.",
    ],
)
def test_live_data_services_reference_viewers_and_exercise_players_are_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(
    ("prompt", "entity"),
    [
        ("A delivery company: parcels, drivers and real-time tracking of each parcel.", "Parcel"),
        ("A breathing exercises log: sessions with date, technique and minutes, and how I felt.", "Session"),
        ("An astronomy club: members, observing sessions with date and location, and objects observed.", "Member"),
        ("A status page for our services: incidents with start and end time, affected services and updates.",
         "Incident"),
    ],
)
def test_data_apps_about_the_same_things_are_built(prompt: str, entity: str) -> None:
    assert entity in names(infer_spec(prompt))


def test_real_time_tracking_is_not_time_tracking() -> None:
    spec = infer_spec("A delivery company: parcels, drivers and real-time tracking of each parcel.")
    assert "TimeEntry" not in names(spec)
    assert "real-time tracking" in spec.not_built


def test_parcels_of_a_delivery_company_are_parcels_not_holiday_packages() -> None:
    spec = infer_spec("Una empresa de reparto: paquetes, repartidores y seguimiento en tiempo real.")
    assert "Parcel" in names(spec)
    assert "Package" not in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "una web que me diga qué fase de la luna hay hoy",
        "Something that shows how many days are left until the summer holidays.",
    ],
)
def test_a_request_that_only_computes_or_shows_and_names_nothing_to_keep_is_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError, match="keeps nothing"):
        infer_spec(prompt)


def test_a_vague_request_is_still_asked_to_name_what_it_keeps() -> None:
    from core.errors import NothingUnderstoodError

    with pytest.raises(NothingUnderstoodError):
        infer_spec("An app for my business.")


def test_a_word_between_people_and_the_things_they_act_on_is_a_verb() -> None:
    """Since the twenty-first pass a wild bird's species is a Species table it links to, not a text field."""
    spec = infer_spec("A bird ringing station: volunteers catch birds and record each bird's ring number and species.")
    assert "ring_number" in {f.name for f in spec.entity("Bird").fields}
    assert "Species" in parents(spec, "Bird")
    assert "Volunteer" in names(spec)


def test_a_parents_evening_is_still_a_noun_phrase() -> None:
    spec = infer_spec("parents evening bookings for our school: teachers and slots")
    assert "Booking" in names(spec)


def test_comments_on_the_people_who_sign_in_keep_their_author_apart() -> None:
    spec = infer_spec("A bouldering gym app: climbers log in, rate routes, and comment on other climbers.")
    assert spec.account == "User"
    assert {"Climber", "User"} <= set(parents(spec, "Comment"))
    assert "User" in parents(spec, "Rating")


@pytest.mark.slow
def test_a_project_with_comments_on_its_account_people_passes_its_own_suite(tmp_path) -> None:
    from core.engine import render_project
    from tests.engine.generated import run_suite, write_project

    spec = infer_spec("A bouldering gym app: climbers log in, rate routes, and comment on other climbers.")
    result = run_suite(write_project(render_project(spec), tmp_path), timeout=300)
    assert result.returncode == 0 and result.failed == 0 and result.passed > 50, result.output
    assert result.ruff_ok, result.ruff_output
