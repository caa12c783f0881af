"""Understanding (issue 9), thirty-second pass: tables declared one per line as 'Name(fields)', values after a
field's colon, requests whose tables are spelled out are data apps, and what a reminder is for."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.understand.style import infer_theme
from core.errors import UnsupportedRequestError


def _entities(prompt: str) -> dict[str, list[str]]:
    return {e.name: [f.name for f in e.fields] for e in infer_spec(prompt).entities}


def _links(prompt: str, entity: str) -> set[str]:
    return {r.target for r in infer_spec(prompt).entity(entity).relations}


def _choices(prompt: str, entity: str, field: str) -> list[str]:
    return next(f.choices for f in infer_spec(prompt).entity(entity).fields if f.name == field)


_SURVEY = """Aerial mapping business database.
Customer(name, company, phone)
Job(customer, address, type: cadastral | facade scan | crop health, status: enquiry → booked → captured → sent)
Camera(model, serial, hours used)
Operator(name, permit number, permit expiry)
Capture(job, camera, operator, date, minutes, cards used, notes)
Output(job, file, type: mosaic | elevation model | pdf report)
Warn me when an operator's permit is about to expire."""


def test_tables_declared_one_per_line_are_the_model() -> None:
    got = _entities(_SURVEY)
    assert set(got) == {"Customer", "Job", "Camera", "Operator", "Capture", "Output"}  # no 'Business' from the title
    assert _links(_SURVEY, "Capture") == {"Job", "Camera", "Operator"}
    assert _links(_SURVEY, "Output") == {"Job"}
    assert {"minutes", "cards_used", "notes"} <= set(got["Capture"])  # 'cards used, notes': the list goes on


def test_values_after_a_fields_colon_belong_to_that_field() -> None:
    assert _choices(_SURVEY, "Job", "kind") == ["cadastral", "facade_scan", "crop_health"]
    assert _choices(_SURVEY, "Job", "status") == ["enquiry", "booked", "captured", "sent"]
    assert _choices(_SURVEY, "Output", "kind") == ["mosaic", "elevation_model", "pdf_report"]


@pytest.mark.parametrize(
    "prompt",
    [
        "Projects (client, type: survey/roof/farm, status: quote → scheduled → flown, notes)",
        "Projects (client, type: survey | roof | farm, status: quote -> scheduled -> flown, notes)",
    ],
)
def test_a_status_flow_inside_a_bracket_does_not_end_the_field_list(prompt: str) -> None:
    assert _choices(prompt, "Project", "status") == ["quote", "scheduled", "flown"]
    assert "notes" in _entities(prompt)["Project"]
    assert "Note" not in _entities(prompt)


def test_a_status_line_is_not_a_declared_table() -> None:
    prompt = ("Para mi taller: órdenes de trabajo con matrícula, modelo y horas; estados recibido -> en diagnóstico -> "
              "listo -> entregado.")
    assert "Status" not in _entities(prompt)


@pytest.mark.parametrize(
    "prompt",
    [
        # a photographer's studio: 'edited photos' is a count in a package, not an image tool
        "I run a portrait studio and live in spreadsheets. I want one place for my clients (name, email, phone, "
        "shoot date), my packages (hours of shooting, price, number of edited photos), a contract per shoot and "
        "instalments with due dates. Clients log in to see what they owe.",
        # tables spelled out line by line, whatever they hold
        "Survey office.\nSite(name, region)\nFlight(site, date, pilot)\nProduct(flight, file, type: orthomosaic | "
        "point cloud)",
    ],
)
def test_a_request_that_spells_out_its_tables_is_a_data_app(prompt: str) -> None:
    assert infer_spec(prompt).entities


def test_an_image_tool_is_still_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("Upload the drone photos and it stitches them into an orthomosaic I can download.")


def test_how_many_photos_is_a_number_not_files() -> None:
    got = _entities("Packages (hours of coverage, price, number of edited photos)")
    assert got["Package"][1:] == ["hours_of_coverage", "price", "number_of_edited_photos"]
    assert "PackagePhoto" not in got


def test_a_reminder_is_for_what_its_sentence_names() -> None:
    prompt = ("Sheep flock log. Ewes (tag, breed, born). Lambings (ewe, date, lambs born). Treatments (product, dose, "
              "start and end date). Remind me when a treatment withdrawal period ends.")
    assert _links(prompt, "Reminder") == {"Treatment"}


def test_a_chain_of_things_is_what_holds_what_not_states() -> None:
    prompt = "Hive log. Apiaries -> hives -> inspections. An inspection has date, temperament and notes."
    spec = infer_spec(prompt)
    assert _links(prompt, "Inspection") == {"Hive"}
    assert all("apiaries" not in f.choices for e in spec.entities for f in e.fields)


def test_a_yes_no_field_does_not_swallow_the_bracket() -> None:
    got = _entities("Hangar app. Stands (number, width, power y/n), planes (name, registration, wingspan, owner) and "
                    "owners with contact details.")
    assert {"Stand", "Plane", "Owner"} <= set(got)
    assert "power" in got["Stand"]
    assert _links("Hangar app. Stands (number, width, power y/n), planes (name, registration, wingspan, owner) and "
                  "owners with contact details.", "Plane") == {"Owner"}


def test_arrivals_and_departures_are_one_movement() -> None:
    spec = infer_spec("Harbour app: boats (name, length) and their owners. The harbour master logs every arrival and "
                      "departure.")
    names = {e.name for e in spec.entities}
    assert "Movement" in names and not {"Arrival", "Departure"} & names
    kind = next(f for f in spec.entity("Movement").fields if f.name == "kind")
    assert kind.choices == ["arrival", "departure"]


def test_people_who_lease_a_thing_have_leases() -> None:
    prompt = "Garages (number, size) and tenants with contact details. Tenants lease a garage for a year."
    assert _links(prompt, "Lease") == {"Tenant", "Garage"}


def test_que_pasa_por_is_a_verb_not_a_thing() -> None:
    prompt = ("Taller de motos: abrimos una orden de trabajo que pasa por recibida → en reparación → lista → "
              "entregada, con las piezas usadas.")
    assert "Pasa" not in _entities(prompt)


def test_booked_time_on_a_thing_books_the_thing() -> None:
    prompt = "glass studio: members book furnace time and kiln firings, and we track enrolments for the 8-week course."
    got = _entities(prompt)
    assert {"Furnace", "Firing", "Course"} <= set(got)
    assert "Furnace" in _links(prompt, "Booking")
    assert _links(prompt, "Enrollment") >= {"Course"}


def test_a_bag_of_something_is_the_something() -> None:
    got = _entities("we sell bags of compost and sacks of bark to members")
    assert "Bag" not in got and "Sack" not in got
    assert "Compost" in got


@pytest.mark.parametrize(
    ("prompt", "record", "thing"),
    [
        ("Boat club: boats (name, length) and members. Our bosun inspects the boats every month.", "Inspection",
         "Boat"),
        ("Boat club: boats (name, length) and members. We inspect the boats every month.", "Inspection", "Boat"),
        ("Club: barcos (nombre, eslora) y socios. Inspeccionamos los barcos cada mes.", "Inspection", "Boat"),
        ("Shelter: dogs (name, breed) and adopters. The vet examines each dog on arrival.", "Examination", "Dog"),
    ],
)
def test_what_people_inspect_gets_inspections(prompt: str, record: str, thing: str) -> None:
    assert thing in _links(prompt, record)


def test_an_app_that_evaluates_keeps_no_inspections() -> None:
    got = _entities("Evaluate news articles for credibility and show a score for each article.")
    assert "Evaluation" not in got


def test_a_profile_listing_things_is_not_a_listing() -> None:
    got = _entities("Members create a profile listing the instruments they play and join bands.")
    assert "Listing" not in got


def test_places_counted_each_with_things_hold_them() -> None:
    prompt = "Climbing gym chain with 3 locations, each with several walls. Members log routes per wall."
    assert "Location" in _entities(prompt)
    assert "Location" in _links(prompt, "Wall")


def test_vouchers_people_redeem_are_kept() -> None:
    got = _entities("Spa app: treatments (name, price) and bookings. Gift vouchers that customers can redeem when "
                    "booking.")
    assert "GiftVoucher" in got


def test_spanish_radio_advertising_words() -> None:
    got = _entities("Radio local: gestión de anunciantes y cuñas. Cada anunciante tiene campañas y al final de mes "
                    "facturamos los pases emitidos.")
    assert {"Advertiser", "Spot", "Airing"} <= set(got)
    assert "Crib" not in got and "Anunciante" not in got


def test_revisiones_are_inspections_except_at_a_doctor() -> None:
    assert "Inspection" in _entities("Quiero una app para mis colmenas: revisiones, tratamientos y kilos de miel.")
    assert "Inspection" not in _entities("Clínica: pacientes, citas y revisiones anuales con el médico.")


def test_nunca_is_never_a_thing() -> None:
    assert "Nunca" not in _entities("Prestamos herramientas entre socios y nunca sabemos quién las tiene.")


@pytest.mark.parametrize(
    ("prompt", "primary", "background"),
    [
        ("Give the whole page a linen background and use teal for headings, buttons and links.", "#008080",
         "#faf0e6"),
        ("Títulos en rojo oscuro y fondo crema.", "#8b0000", "#fffdd0"),
    ],
)
def test_headings_are_components(prompt: str, primary: str, background: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.background) == (primary, background)


def test_parts_claims_and_loads() -> None:
    prompt = ("Volunteer drivers move donated furniture between depots. A delivery route is split into stops and "
              "drivers claim stops. Each route carries several items (name, size).")
    assert _links(prompt, "Stop") >= {"Route", "Driver"}
    assert any(r.target == "Route" and r.kind == "many_to_many" for r in infer_spec(prompt).entity("Item").relations)


def test_a_game_for_children_is_declined() -> None:
    with pytest.raises(UnsupportedRequestError):
        infer_spec("Hazme un juego para niños en el que un pez nada comiendo burbujas y esquivando tiburones.")


def test_a_games_wiki_is_a_data_app() -> None:
    spec = infer_spec("A software application that lets tabletop game players browse a comprehensive collection of "
                      "game lore: characters, locations and factions of the game world.")
    assert spec.entities


def test_things_described_in_a_list_are_kept() -> None:
    got = _entities("Gardeners can read information about plants, pests and diseases.")
    assert {"Plant", "Pest", "Disease"} <= set(got)


def test_insights_into_listed_things_keep_them() -> None:
    got = _entities("A software application that gives travellers insights into the customs, festivals and dishes of "
                    "different regions.")
    assert {"Custom", "Festival", "Dish"} <= set(got)


def test_people_who_rsvp_reply_to_the_event() -> None:
    prompt = "Hiking club. Leaders post walks (date, route, grade) and members RSVP."
    assert any(e.name.lower() == "rsvp" for e in infer_spec(prompt).entities)


def test_one_or_more_things_in_a_bracket_are_many_to_many() -> None:
    spec = infer_spec("Podcast network app. Shows (title, genre, one or more hosts) and episodes.")
    assert any(r.target == "Host" and r.kind == "many_to_many" for r in spec.entity("Show").relations)


def test_a_weekly_schedule_of_shows_has_slots() -> None:
    prompt = "Student radio app. Shows (title, genre) on a weekly schedule grid, and episodes."
    assert _links(prompt, "ScheduleSlot") == {"Show"}


def test_a_farms_fields_are_fields_of_land() -> None:
    got = _entities("Our pick-your-own farm: I want to see which fields are open and how much each field yielded.")
    assert "Field" in got
    assert "Field" not in _entities("Survey app: admins create surveys with custom fields; a farm survey asks about "
                                    "harvests.")


def test_a_checklist_has_items_and_a_drone_flight_is_not_an_airline_flight() -> None:
    got = _entities("Drone club: drones (name, serial), batteries, flights and a checklist before each flight.")
    assert "ChecklistItem" in got and "Task" not in got
    assert "origin" not in got["Flight"] and "flown_on" in got["Flight"]


def test_questions_in_a_forum_get_replies() -> None:
    assert _links("Members post questions in a forum and reply to others.", "Reply") == {"Question"}


def test_what_clients_download_is_kept_and_after_delivery_is_when() -> None:
    got = _entities("Clients track their projects and download the deliverables once they are ready. After delivery, "
                    "clients can leave a review.")
    assert "Deliverable" in got and "Delivery" not in got


def test_applying_a_discount_code_is_no_application() -> None:
    got = _entities("Users book a room and apply a discount code at checkout.")
    assert "Application" not in got
    assert "Application" in _entities("Students apply for scholarships and staff review each application.")
