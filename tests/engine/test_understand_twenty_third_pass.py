"""Understanding (issue 9), twenty-third pass: words English never uses as things, Spanish words that English shares,
who is writing, and details that are files."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.render import render_project
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(
    ("prompt", "kept", "not_tables"),
    [
        ("Owners keep their horses here on different livery packages.", {"Horse", "LiveryPackage"}, {"Here"}),
        ("Parents drop their kids here each morning and we record who collects them.", {"Parent", "Child"}, {"Here"}),
        ("It would be awesome to track every plant we grow with its watering dates.", {"Plant"}, {"Awesome"}),
        ("Artists sell paintings to buyers. Would be nice to upload an image of each painting.",
         {"Artist", "Painting"}, {"Nice"}),
    ],
)
def test_adverbs_and_adjectives_are_never_tables(prompt: str, kept: set[str], not_tables: set[str]) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert not not_tables & names(spec)


def test_a_nice_to_have_upload_goes_on_the_thing_it_shows() -> None:
    spec = infer_spec("Artists sell paintings to buyers. Would be nice to upload an image of each painting.")
    assert any(f.type == "file" for f in spec.entity("Painting").fields)


def test_a_sort_order_said_with_an_adjective_is_not_a_purchase() -> None:
    spec = infer_spec("Users log their hikes with photos, and the app lists the hikes in a chronological order.")
    assert "Hike" in names(spec)
    assert not {"Order", "OrderItem", "Customer"} & names(spec)


@pytest.mark.parametrize(
    ("prompt", "kept", "writer"),
    [
        ("Small bakery here, we sell cakes and take custom orders for birthdays.", {"Cake"}, "Bakery"),
        ("Yoga teacher here. I want to track my classes and which students attend each one.", {"Student"},
         "Teacher"),
    ],
)
def test_who_is_writing_is_not_a_table(prompt: str, kept: set[str], writer: str) -> None:
    spec = infer_spec(prompt)
    assert kept <= names(spec)
    assert not any(n.endswith(writer) for n in names(spec))


@pytest.mark.parametrize(
    ("prompt", "entity"),
    [
        ("Quiero un diario: cada día anoto mi ánimo y las emociones que siento, y qué actividades hice.", "Emotion"),
        ("El archivo registra las reproducciones que piden los investigadores y las cobra.", "Reproduction"),
        ("Una clínica con los dentistas, los pacientes y sus citas.", "Dentist"),
    ],
)
def test_spanish_words_english_shares_get_the_english_name(prompt: str, entity: str) -> None:
    assert entity in names(infer_spec(prompt))


def test_false_friends_keep_their_dictionary_meaning() -> None:
    spec = infer_spec("Un hotel pequeño: las habitaciones, los huéspedes y las reparaciones de cada habitación.")
    assert {"Room", "Repair"} <= names(spec)
    assert not {"Habitation", "Reparation"} & names(spec)


def test_spanish_contra_is_a_preposition() -> None:
    spec = infer_spec("Registramos las quejas de los vecinos contra los comercios del barrio.")
    assert not any(n.startswith("Contra") for n in names(spec))


def test_a_resident_outside_a_care_home_is_a_person_with_contact_details() -> None:
    spec = infer_spec("Our town council wants residents to report potholes and broken streetlights with a photo.")
    fields = {f.name for f in spec.entity("Resident").fields}
    assert {"name", "email"} <= fields
    assert not {"next_of_kin", "admitted_on", "room_number"} & fields


def test_next_of_kin_is_a_detail() -> None:
    spec = infer_spec("A care home app: residents with their date of birth and next of kin, and daily care notes.")
    assert {"date_of_birth", "next_of_kin"} <= {f.name for f in spec.entity("Resident").fields}


@pytest.mark.parametrize(
    ("prompt", "entity", "field"),
    [
        ("Residents log complaints against shops. Each complaint has the reason, the date and attached documents.",
         "Complaint", "attached_documents"),
    ],
)
def test_attached_documents_are_files(prompt: str, entity: str, field: str) -> None:
    spec = infer_spec(prompt)
    assert next(f for f in spec.entity(entity).fields if f.name == field).type == "file"


def test_a_project_with_attached_files_renders() -> None:
    spec = infer_spec("Residents log complaints against shops. Each complaint has the reason, the date and "
                      "attached documents.")
    files = render_project(spec)
    assert any(path.endswith("models.py") and "attached_documents" in text for path, text in files.items())


def test_an_occasion_people_carry_out_is_a_record_with_what_they_record_at_it() -> None:
    spec = infer_spec("Inspectors do a yearly inspection of each valve and record the pressure and photos.")
    assert "Inspection" in names(spec)
    assert "pressure" in {f.name for f in spec.entity("Inspection").fields}
    assert "Pressure" not in names(spec)
    photos = next(e for e in spec.entities if e.name.endswith("Photo"))
    assert any(r.target == "Inspection" for r in photos.relations)


def test_photos_in_a_bracketed_detail_list_are_files_of_the_thing() -> None:
    spec = infer_spec("Members list their boats (name, length, year, photos) and book berths.")
    photos = spec.entity("BoatPhoto")
    assert any(f.type == "file" for f in photos.fields)
    assert any(r.target == "Boat" for r in photos.relations)


@pytest.mark.parametrize(
    "prompt",
    [
        "I repair watches. I'd like to save each customer's watches and the repairs so I don't have to ask again.",
        "A mortgage broker CRM: clients, their applications, lenders, and a calculator that saves each quote.",
    ],
)
def test_saving_by_the_owner_or_a_tool_is_storing_not_favourites(prompt: str) -> None:
    assert "Favourite" not in names(infer_spec(prompt))


def test_people_saving_their_favourites_still_get_favourites() -> None:
    assert "Favourite" in names(infer_spec("Members save their favourite trails and rate them."))


def test_a_tool_that_needs_no_saving_is_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("a little tool to split a taxi fare: type the total and the number of people and it shows what "
                   "each person owes. we don't need accounts or saving anything")


def test_a_clause_after_a_colon_is_not_a_list_of_names() -> None:
    spec = infer_spec("Track our fleet's fuel cards: each card belongs to a driver and a vehicle, and we log every "
                      "fuel purchase.")
    assert {"FuelCard", "Driver", "Vehicle"} <= names(spec)
    assert "Fleet" not in names(spec)


def test_spanish_ordinals_are_not_tables() -> None:
    spec = infer_spec("La parroquia registra los bautizos y las primeras comuniones de cada niño.")
    assert not any(n.startswith("Primer") for n in names(spec))


def test_what_a_thing_belongs_to_is_kept_even_when_the_word_is_general() -> None:
    spec = infer_spec("A register of our servers. Each server belongs to a service and has a hostname and an IP "
                      "address.")
    assert "Service" in names(spec)
    server = spec.entity("Server")
    assert any(r.target == "Service" for r in server.relations)
    assert {"hostname", "ip_address"} <= {f.name for f in server.fields}


def test_a_general_word_with_a_modifier_after_belongs_to_is_not_a_new_table() -> None:
    spec = infer_spec("Parents book lessons for their kids. Each child belongs to a parent account.")
    assert "Account" not in names(spec)


@pytest.mark.parametrize(
    ("prompt", "booked"),
    [
        ("A lake sauna: a timetable of sessions, and users book a place on a session.", "Session"),
        ("Members of our club book a spot on a lesson with a coach.", "Lesson"),
    ],
)
def test_a_place_on_a_session_is_a_booking_of_it(prompt: str, booked: str) -> None:
    spec = infer_spec(prompt)
    assert any(r.target == booked for r in spec.entity("Booking").relations)
    assert not any(f.name == "start_at" for f in spec.entity(booked).fields)


@pytest.mark.parametrize(
    ("prompt", "kept"),
    [
        ("A website for our gigs: visitors enter a town and it shows the upcoming gigs there, and they can book "
         "tickets.", "Gig"),
        ("A recipe finder: I enter what is in my fridge and it suggests recipes from our collection of recipes.",
         "Recipe"),
        ("A stopwatch for our swimming club that the coach starts for each race, and we keep the race results.",
         "Race"),
        ("A calculator for our print shop's trade orders: customers enter quantities and it shows the price, and we "
         "keep the orders.", "Order"),
    ],
)
def test_an_answer_drawn_from_kept_records_is_a_data_app(prompt: str, kept: str) -> None:
    assert kept in names(infer_spec(prompt))


@pytest.mark.parametrize(
    "prompt",
    [
        "a headline checker for our editors: paste a headline and it counts the characters and flags long words",
        "A page where I type a word and it shows its synonyms.",
        "A drawing app where kids pick colours and brushes and save their drawings.",
    ],
)
def test_tools_that_answer_from_the_input_are_still_declined(prompt: str) -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


def test_shops_listed_with_their_details_are_a_table() -> None:
    spec = infer_spec("A store locator: customers type their postcode and it shows the nearest shops with their "
                      "phone number.")
    assert "Shop" in names(spec)
    assert not {"Product", "Order", "OrderItem"} & names(spec)


def test_a_state_the_prompt_waits_for_is_one_of_the_statuses() -> None:
    spec = infer_spec("A tailoring shop: customers have many jobs, and I want to see which jobs are ready.")
    status = next(f for f in spec.entity("Job").fields if f.name == "status")
    assert "ready" in status.choices
    assert "job marked ready" in spec.requested


def test_a_state_of_a_thing_with_no_statuses_is_a_yes_no() -> None:
    spec = infer_spec("Customers drop off bikes for repair and we text them once the bike is fixed.")
    assert next(f for f in spec.entity("Bike").fields if f.name == "fixed").type == "bool"


def test_a_state_another_record_holds_is_not_repeated() -> None:
    spec = infer_spec("Members borrow tools and we check when each tool is returned.")
    assert "returned" in {f.name for f in spec.entity("Loan").fields}
    assert "returned" not in {f.name for f in spec.entity("Tool").fields}


@pytest.mark.parametrize(
    ("prompt", "child", "parent"),
    [
        ("A wedding planner: weddings, and the vendors hired for each wedding.", "Vendor", "Wedding"),
        ("A choir: concerts, and the pieces we sing at each concert.", "Piece", "Concert"),
        ("A letting agent: tenants, flats and leases.", "Lease", "Tenant"),
        ("A letting agent: tenants, flats and leases.", "Lease", "Apartment"),
        ("A law firm: clients, cases and the hearings of each case.", "Case", "Client"),
    ],
)
def test_things_said_for_each_other_thing_or_known_to_belong_are_linked(prompt: str, child: str,
                                                                         parent: str) -> None:
    assert any(r.target == parent for r in infer_spec(prompt).entity(child).relations)


def test_photos_of_requests_are_the_requests_own() -> None:
    spec = infer_spec("A property manager: buildings, tenants, and maintenance requests with photos.")
    assert "Photo" not in names(spec)
    assert any(r.target == "MaintenanceRequest" for r in spec.entity("MaintenanceRequestPhoto").relations)
    assert not any(r.target.endswith("Photo") for r in spec.entity("MaintenanceRequest").relations)


def test_each_one_logged_is_a_record_even_when_its_word_is_general() -> None:
    spec = infer_spec("A lab sample tracker: technicians log every test run on a sample with the result.")
    assert "TestRun" in names(spec)
    assert any(r.target == "Sample" for r in spec.entity("TestRun").relations)


def test_details_after_the_whole_things_are_kept_in_are_the_things() -> None:
    spec = infer_spec("A museum: objects in the collection with an accession number and a location.")
    assert {"accession_number", "location"} <= {f.name for f in spec.entity("Object").fields}


@pytest.mark.parametrize(
    ("prompt", "record", "person"),
    [
        ("A residents association app: flats, owners, and the incidents that neighbours report.", "Incident",
         "Neighbour"),
        ("Una comunidad de vecinos: pisos, propietarios y las incidencias que reportan los vecinos.", "Incident",
         "Neighbour"),
        ("Tenants report repairs and the landlord schedules them.", "Repair", "Tenant"),
    ],
)
def test_what_people_report_is_theirs(prompt: str, record: str, person: str) -> None:
    spec = infer_spec(prompt)
    assert any(r.target == person for r in spec.entity(record).relations)
    assert not any(r.target == record for r in spec.entity(person).relations)


def test_tickets_people_raise_are_records() -> None:
    spec = infer_spec("A club app: members raise tickets.")
    assert any(r.target == "Member" for r in spec.entity("Ticket").relations)
