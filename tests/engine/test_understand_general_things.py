"""Understanding (issue 9), fifth pass: kinds of one general thing, filed reports, bookings without an object."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from tests.engine.spec_helpers import names as _names
from tests.engine.spec_helpers import parents as _links


@pytest.mark.parametrize(("prompt", "general", "kinds"), [
    ("A rescue charity site where families browse rabbits and guinea pigs and ferrets ready for a new home, "
     "and apply to adopt one.", "Animal", {"Rabbit", "Ferret"}),
    ("A boarding kennel app: owners book stays for their dogs and cats, and we keep feeding notes for each pet.",
     "Pet", {"Dog", "Cat"}),
    ("Fleet app for a removals firm: vans and trucks, drivers, and the jobs each vehicle is sent on.",
     "Vehicle", {"Van", "Truck"}),
    ("An IT asset register where staff lend laptops, monitors and tablets to employees.",
     "Asset", {"Laptop", "Monitor", "Tablet"}),
    ("Una web para la escuela: alquilamos guitarras y violines a los alumnos y anotamos cada instrumento.",
     "Instrument", {"Guitar", "Violin", "Guitarra", "Violine"}),
])
def test_kinds_of_one_thing_are_one_entity_named_by_the_general_word(prompt, general, kinds):
    names = _names(infer_spec(prompt))
    assert general in names, names
    assert not names & kinds, names


def test_one_kind_alone_stays_itself_when_no_general_word_is_said():
    names = _names(infer_spec("A dog grooming salon: owners register their dogs and book a groom for each dog."))
    assert "Dog" in names and "Animal" not in names, names


def test_a_kind_joins_the_general_thing_the_prompt_already_names():
    spec = infer_spec("A woodshop where members book time on the lathe and the bandsaw; every machine needs a "
                      "safety check first.")
    names = _names(spec)
    assert "Machine" in names and "Lathe" not in names, names
    booking = next(n for n in names if n in {"Booking", "Reservation"})
    assert "Machine" in _links(spec, booking)


@pytest.mark.parametrize(("prompt", "filed"), [
    ("Tenants submit a report about a broken boiler or a leak, and the landlord assigns each report to a "
     "contractor.", "Report"),
    ("Una app para el barrio: los vecinos envían un reporte de baches o farolas rotas con una foto.", "Report"),
])
def test_a_report_someone_files_is_a_record(prompt, filed):
    assert filed in _names(infer_spec(prompt))


def test_reports_that_are_only_viewed_are_not_records():
    names = _names(infer_spec("A sales tracker for reps to log deals, with monthly reports of revenue."))
    assert "Report" not in names and "Deal" in names, names


def test_open_and_closed_describe_a_record_rather_than_name_another():
    names = _names(infer_spec("A helpdesk where customers file a report of a fault; agents see a list of open "
                              "reports and closed reports."))
    assert "Report" in names and not any(n in names for n in ("OpenReport", "ClosedReport")), names


@pytest.mark.parametrize("prompt", [
    "Los huéspedes reservan indicando las fechas de llegada y salida; tenemos dos apartamentos en la playa.",
    "A climbing wall where members book time on the auto-belay lanes.",
])
def test_booking_without_a_booked_object_still_makes_a_booking(prompt):
    spec = infer_spec(prompt)
    assert "booking_slots" in spec.features
    assert _names(spec) & {"Booking", "Reservation"}, _names(spec)


def test_a_spanish_gerund_is_not_a_thing():
    names = _names(infer_spec("Los socios reservan pistas indicando la hora y el número de jugadores."))
    assert not any(n.lower().startswith("indicando") for n in names), names


def test_a_phrasal_verb_particle_is_not_a_thing():
    names = _names(infer_spec("Volunteers log their hours on each project, which a coordinator signs off."))
    assert "Off" not in names and "Project" in names, names


@pytest.mark.parametrize("prompt", [
    "A network for hikers: people set up profiles and connect with like-minded walkers close by.",
    "An app where freelance designers connect and chat with each other and form working relationships.",
])
def test_connections_between_people_are_between_accounts(prompt):
    spec = infer_spec(prompt)
    assert "Connection" in _names(spec)
    person = next(n for n in _names(spec) if n in {"User", "Hiker", "Designer", "Member"})
    assert person in _links(spec, "Connection")


@pytest.mark.parametrize(("prompt", "verb"), [
    ("Members participate in discussions about books and vote on the next read.", "Participate"),
    ("Users can initiate group conversations and share files.", "Initiate"),
    ("Los voluntarios participan en campañas y registran sus horas.", "Participan"),
])
def test_a_verb_is_never_an_entity(prompt, verb):
    assert verb not in _names(infer_spec(prompt))


def test_kinds_an_earlier_general_thing_took_make_no_second_one():
    names = _names(infer_spec("A makerspace where members book the 3D printers, the laser cutter and the CNC router; "
                              "each machine needs an induction first."))
    assert "Machine" in names and "Device" not in names, names


@pytest.mark.parametrize("prompt", [
    "A bakery website. Pages: a home page with opening hours, a products page listing our cakes, and a contact page.",
    "Web de una panadería: una página de inicio con el horario y un catálogo de pasteles con precios.",
])
def test_the_home_page_is_a_page_not_a_record(prompt):
    names = _names(infer_spec(prompt))
    assert "Home" not in names and "Inicio" not in names, names


def test_a_vet_keeps_its_word_and_a_veterinarians_fields():
    spec = infer_spec("Pet owners book appointments with a vet for their pets.")
    assert "Vet" in _names(spec) and "Veterinarian" not in _names(spec)  # the word people (and reviewers) use
    assert "specialty" in {f.name for f in next(e for e in spec.entities if e.name == "Vet").fields}


def test_a_spanish_adjective_after_y_is_not_a_thing():
    names = _names(infer_spec("Una autoescuela: los alumnos reservan clases y registramos los exámenes teóricos y "
                              "prácticos de cada alumno."))
    assert "Practico" not in names and "Exam" in names, names


def test_an_english_word_that_is_also_a_spanish_verb_form_is_read_in_english():
    spec = infer_spec("A garage site: a services page listing our repairs, and customers book a repair online.")
    assert "booking_slots" in spec.features
    assert "Repair" in _names(spec), _names(spec)


@pytest.mark.parametrize(("prompt", "event", "thing"), [
    ("An allotment society site to manage plot allocations and members' fees.", "Allocation", "Plot"),
    ("A school intranet with equipment reservations and room bookings for teachers.", "Reservation", "Equipment"),
    ("A campsite app for pitch bookings and caravan rentals.", "Rental", "Caravan"),
])
def test_what_is_allocated_or_reserved_is_a_record_too(prompt, event, thing):
    spec = infer_spec(prompt)
    assert thing in _names(spec), _names(spec)
    if event:
        assert thing in _links(spec, event)


def test_a_manner_before_a_booking_is_not_a_thing():
    names = _names(infer_spec("Customers make online bookings and group bookings for our boat tours."))
    assert not names & {"Online", "Group"}, names


def test_a_waiting_list_keeps_the_prompts_words():
    assert "WaitlistEntry" in _names(infer_spec("A dentist's app with patients, appointments and a waiting list."))


def test_the_things_we_act_on_in_a_reduced_relative_are_records():
    names = _names(infer_spec("A site for our soup kitchen: track the volunteers on each shift, the guests we serve "
                              "and the meals we hand out."))
    assert {"Guest", "Meal"} <= names, names


def test_either_is_not_a_thing():
    names = _names(infer_spec("Students can book either a lesson or a practice room at the music school."))
    assert "Either" not in names, names


def test_a_short_name_said_after_its_compound_is_the_same_thing():
    names = _names(infer_spec("Show our daily boat trips with prices, and let divers book a seat on a trip."))
    assert "BoatTrip" in names and "Trip" not in names, names


def test_a_line_of_an_order_stays_its_own_record():
    names = _names(infer_spec("A shop where customers place orders; each order has order items for products."))
    assert {"Order", "OrderItem"} <= names, names


def test_who_asks_for_the_site_is_not_a_record():
    names = _names(infer_spec("Our rowing club wants a site where members book boats and log their outings."))
    assert "Club" not in names and "Member" in names, names


@pytest.mark.parametrize(("prompt", "entry", "person"), [
    ("A physio portal: patients see their exercises and rate their pain from 0 to 10 each day.", "PainEntry",
     "Patient"),
    ("A wellbeing app for students to log their mood and sleep every evening.", "MoodEntry", None),
    ("Una app para pacientes: registran su dolor cada día y ven sus citas.", "PainEntry", None),
])
def test_a_score_someone_keeps_about_themselves_is_a_dated_entry(prompt, entry, person):
    spec = infer_spec(prompt)
    assert entry in _names(spec), _names(spec)
    assert "score" in {f.name for f in spec.entity(entry).fields}
    assert not any(fs.name == "ratings" and fs.target in {"Pain", "Mood"} for fs in spec.feature_specs)
    if person:
        assert person in _links(spec, entry)


@pytest.mark.parametrize(("prompt", "person"), [
    ("un sistema de citas para una peluquería con estilistas, servicios y clientes", "Stylist"),
    ("una web para una clínica con fisioterapeutas, pacientes y sesiones", "Physiotherapist"),
    ("un despacho de abogados con clientes, casos y facturas", "Lawyer"),
])
def test_spanish_professions_are_english_entities(prompt, person):
    assert person in _names(infer_spec(prompt))


@pytest.mark.parametrize(("prompt", "thing", "parent"), [
    ("A site for a dog groomer where owners register their dogs and see their dog's grooming history.", "Grooming",
     None),
    ("Pet owners register their pets and see each pet's vaccination history.", "Vaccination", "Pet"),
])
def test_a_history_of_things_keeps_those_things(prompt, thing, parent):
    spec = infer_spec(prompt)
    assert thing in _names(spec), _names(spec)
    assert "History" not in " ".join(_names(spec))
    if parent:
        assert parent in _links(spec, thing)


def test_a_list_of_things_named_before_list_is_those_things():
    names = _names(infer_spec("A youth football club site: teams, players, and the fixture list with results."))
    assert "Fixture" in names and "FixtureList" not in names, names
    assert "ShoppingList" in _names(infer_spec("A meal planner with recipes and a shopping list."))


def test_two_verbs_after_a_product_name_are_verbs():
    names = _names(infer_spec("Wellness Helper tracks and assesses the seriousness of symptoms over time."))
    assert "Track" not in names and "Symptom" in names, names


@pytest.mark.parametrize(("prompt", "setting"), [
    ("We're a family-run bakery. Customers order cakes online and collect them.", "Bakery"),
    ("Somos una protectora de animales: los visitantes ven los perros y gatos y envían una solicitud de adopción.",
     "Protectora"),
])
def test_who_we_are_is_not_a_record(prompt, setting):
    names = _names(infer_spec(prompt))
    assert setting not in names and len(names) >= 2, names


@pytest.mark.parametrize(("prompt", "application"), [
    ("Visitors browse our dogs and cats and submit an adoption application for one animal.", "AdoptionApplication"),
    ("Los visitantes ven los perros y gatos y envían una solicitud de adopción.", "AdoptionApplication"),
])
def test_an_application_someone_submits_is_a_record_about_the_thing(prompt, application):
    spec = infer_spec(prompt)
    assert application in _names(spec), _names(spec)
    assert "Animal" in _links(spec, application)
    assert "status" in {f.name for f in spec.entity(application).fields}


def test_labels_a_prompt_lists_are_its_tags_and_an_issue_tracker_keeps_its_tickets():
    spec = infer_spec("an issue tracker for a small team with projects, tickets, labels and comments")
    names = _names(spec)
    assert {"Project", "Ticket", "Label", "Comment"} <= names, names
    assert not names & {"Tag", "Issue", "Team"}, names
    assert any(fs.name == "tags" and fs.entity == "Label" for fs in spec.feature_specs)


def test_a_team_the_app_is_for_is_a_record_when_teams_are_what_it_keeps():
    names = _names(infer_spec("A league app with teams, players and fixtures; each player belongs to a team."))
    assert "Team" in names, names


def test_a_social_networking_app_connects_its_accounts():
    spec = infer_spec("PeerLink is a social networking application for nurses to share shift tips.")
    assert "Connection" in _names(spec)
    assert _links(spec, "Connection") & {"User", "Nurse"}
