"""Understanding (issue 9), sixteenth pass: phrasal verbs, sequences, bodies that are records, counted things,
Spanish trade and civic nouns, and more of what is not a data app."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names


def test_a_phrasal_verb_ending_in_ing_is_a_verb():
    """'clients ring up' is what clients do; 'ring' is no part of a 'ClientsRing' thing."""
    spec = infer_spec("im a chimney sweep. clients ring up, i go out and look at the chimney and book a sweep, "
                      "then i send an invoice")
    assert "Client" in names(spec) or "Customer" in names(spec)
    assert not any("Ring" in n or n == "Look" for n in names(spec))


@pytest.mark.parametrize("prompt", [
    "a diving championship: clubs enter their divers into age groups, judges give scores per dive, and we need "
    "the running order per board",
    "swimming gala: schools enter swimmers into races and we print the starting order for each race",
])
def test_a_running_order_is_a_sequence_not_a_purchase(prompt):
    """'running order', 'starting order' are positions; no Order, OrderItem or Customer is invented."""
    spec = infer_spec(prompt)
    assert not {"Order", "OrderItem", "Customer"} & set(names(spec))


def test_many_clubs_are_records_not_the_organiser():
    """'clubs enter their gymnasts': several clubs are kept; 'the club' that runs the app would not be."""
    spec = infer_spec("regional judo tournament: clubs enter their judokas into weight categories and referees "
                      "record each bout")
    assert "Club" in names(spec)


def test_the_club_that_uses_the_app_is_still_not_a_record():
    """'our club manages ...': the club is who uses the app."""
    spec = infer_spec("Our club manages members, boats and races")
    assert "Club" not in names(spec)
    assert {"Member", "Boat", "Race"} <= set(names(spec))


def test_counted_things_of_a_business_are_kept():
    """'a skating rink with 6 rinks', '12 lanes': what the business has a number of is a table."""
    spec = infer_spec("bowling centre, 10 lanes. customers book lanes by the hour and we sell party packages")
    assert "Lane" in names(spec)


def test_a_hire_phrase_takes_only_the_list_right_after_it_as_examples():
    """'(food + shoe hire), and our league nights: teams, players' — the teams are not kinds of shoe."""
    spec = infer_spec("skittles alley: alley bookings, party packages (buffet + shoe hire), and our league nights: "
                      "teams, players, and every game's score per player")
    assert {"Team", "Player"} <= set(names(spec))


@pytest.mark.parametrize("prompt", [
    "we run a darts league: teams, players, fixtures, and every game's score per player",
    "bowls club: league nights, rinks, teams and the scores per game for each player",
])
def test_leagues_that_record_game_scores_are_data_apps(prompt):
    """Scores of each game in a league are records, not a game to play."""
    spec = infer_spec(prompt)
    assert "Team" in names(spec)


@pytest.mark.parametrize(("prompt", "what"), [
    ("con mis amigos jugamos rol online y queremos una app para tirar dados en 3D con física, que se vean rodar",
     "3D"),
    ("Our drama club records monologues. Build a teleprompter: paste the text, it scrolls at a set speed, mirror "
     "mode and pause with a key", "teleprompter"),
    ("Tengo una sala de conciertos y quiero una herramienta para diseñar los carteles de cada concierto: poner "
     "fotos, textos con tipografías y exportar a PNG", "image"),
    ("I want a tool to design flyers for my bakery: drag photos, change fonts and export to PDF", "image"),
])
def test_more_tools_that_are_not_data_apps_are_declined(prompt, what):
    """3D dice, teleprompters and poster designers are declined with the reason, not built as stub apps."""
    with pytest.raises(UnsupportedRequestError) as exc:
        infer_spec(prompt)
    assert what in str(exc.value)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("Llevamos una piscifactoría: en qué balsa está cada lote y las ventas a los clientes", "Pond"),
    ("Administro el cementerio: nichos y sepulturas, el titular de cada concesión y los pagos", "Grave"),
    ("Administro el cementerio: nichos y sepulturas, el titular de cada concesión y los pagos", "Concession"),
    ("Somos bomberos voluntarios: registrar los llamados y qué voluntarios salieron en cada carro", "Call"),
    ("Coordino un doctorado: las tesis de cada alumno, su director y los avances que entregan cada semestre",
     "Thesis"),
    ("Coordino un doctorado: las tesis de cada alumno, su director y los avances que entregan cada semestre",
     "ProgressReport"),
])
def test_spanish_civic_and_trade_nouns_get_english_names(prompt, entity):
    """balsa, sepultura, concesión, llamado, tesis, avance: named in English, not left as Spanish words."""
    assert entity in names(infer_spec(prompt))


def test_spanish_renovation_items_are_work_items_and_trades_contractors():
    """'las partidas (cocina, baño...)' of a renovation are items of work; 'cada gremio' is a contractor."""
    spec = infer_spec("Estamos reformando la casa. Quiero apuntar las partidas (cocina, baño, pintura), los "
                      "presupuestos que me pasa cada gremio, cuál acepto y los pagos")
    got = set(names(spec))
    assert {"WorkItem", "Contractor", "Quote"} <= got
    assert not {"Match", "Estamo", "Acepto"} & got


def test_spanish_words_that_end_in_nces_keep_their_e():
    """'avances' is the plural of 'avance', not of 'avanz'."""
    spec = infer_spec("Seguimiento de proyectos: cada proyecto con sus avances y las facturas")
    assert "Avanz" not in names(spec)


def test_spanish_plural_of_tesis_is_tesis():
    """The coverage list says 'tesis', not 'tesises'."""
    spec = infer_spec("Una app para el posgrado: las tesis, los alumnos y los directores")
    assert "tesis" in spec.requested
    assert "tesises" not in spec.requested


def test_a_record_logged_with_which_choices_points_at_each():
    """'log each visit (which van, which service, which staff member did it)': the visit links all three."""
    spec = infer_spec("we run a mobile dog grooming van. customers have one or more dogs, log each groom (which "
                      "dog, which service, which staff member did it) and take card payments")
    groom = next(e for e in spec.entities if e.name == "Groom")
    assert {"Dog", "Service", "Staff"} <= {x.target for x in groom.relations}


def test_a_which_pair_inside_brackets_stays_a_join():
    """'walks (which dogs went on which walk)' is many-to-many, not walk -> dog."""
    spec = infer_spec("my dog walking business: clients, dogs, walks (which dogs went on which walk), payments")
    walk = next(e for e in spec.entities if e.name == "Walk")
    assert "Dog" not in {x.target for x in walk.relations if x.kind == "belongs_to"}


def test_readings_listed_after_a_colon_are_fields_of_the_reading():
    """'each week submit readings: temperature, pH, nitrates' — the measurements are fields, not tables."""
    spec = infer_spec("Pond keepers club. Members register their ponds and each week submit readings: temperature, "
                      "pH, nitrates, ammonia + a photo. we want to see which member looks after which pond")
    got = set(names(spec))
    assert "Reading" in got
    assert not {"Temperature", "Nitrate", "Ammonia"} & got
    reading = next(e for e in spec.entities if e.name == "Reading")
    assert {"temperature", "ph"} <= {f.name for f in reading.fields}


def test_which_person_verbs_which_thing_is_a_verb():
    """'which volunteer covers which site': covers is what volunteers do, not a 'VolunteerCover'."""
    spec = infer_spec("Litter pick group: volunteers, sites, and which volunteer covers which site each month")
    assert not any("Cover" in n for n in names(spec))
    assert {"Volunteer", "Site"} <= set(names(spec))


def test_people_described_by_a_who_clause_are_kept():
    """'the inspectors who visit each kitchen': inspectors are records, not the site's operators."""
    spec = infer_spec("Food bank network: kitchens, volunteers, weekly deliveries. Also the supervisors who visit "
                      "each kitchen.")
    assert "Supervisor" in names(spec)


def test_a_dated_which_pair_is_a_record_of_its_own():
    """'which foster carer has which kitten and when': a dated pairing, kept as an assignment record."""
    spec = infer_spec("cat rescue: kittens, foster carers, which carer has which kitten and when, vet visits")
    joins = [e for e in spec.entities if {"Kitten", "Carer"} <= {x.target for x in e.relations}]
    assert joins
    assert any(f.type == "date" for f in joins[0].fields)


def test_periodic_reports_sent_in_are_records():
    """'monthly progress reports from each tutor' are kept; 'provides progress reports' (a view) is not a table."""
    assert "ProgressReport" in names(infer_spec(
        "mentoring scheme: mentors, mentees, which mentor has which mentee, and monthly progress reports from the "
        "mentor"))
    assert "ProgressReport" not in names(infer_spec(
        "A fitness tracker that logs workouts and meals. The app provides charts and progress reports."))


def test_pups_are_puppies():
    """'puppies ... which raiser has which pup': one Puppy entity, not Puppy and Pup."""
    spec = infer_spec("guide dog charity: puppies (litter, name), raisers, which raiser has which pup")
    assert "Pup" not in names(spec)
    assert "Puppy" in names(spec)


def test_a_verb_after_a_noun_object_of_need_is_a_compound():
    """'need client records, hearing tests and follow-up appts': records of clients are the clients."""
    spec = infer_spec("optician here. need client records, eye tests (results per eye), frames each client "
                      "bought, and follow-up appts")
    got = set(names(spec))
    assert "Client" in got
    assert "ClientRecord" not in got
    assert "EyeTest" in got


def test_room_by_room_and_walks_it_and_its_fixed_are_read_as_english():
    """'walks it', 'snags room by room', 'when its fixed': verbs and adverbs, not entities."""
    spec = infer_spec("small builder. when each flat is finished the site manager walks it and logs snags room by "
                      "room, assigns them to subbies, the subbie uploads a photo when its fixed")
    got = set(names(spec))
    assert {"Snag", "Subcontractor"} <= got
    assert not {"Room", "Walk", "Fixed", "Subbie"} & got


def test_coordinates_and_terrain_are_fields():
    """'each spot with coords, difficulty & terrain': fields of the spot."""
    spec = infer_spec("our wreck diving club charts wrecks along the coast. list each wreck with coords, "
                      "difficulty & terrain, and log every dive (who dived, date, comment)")
    got = set(names(spec))
    assert not {"Coord", "Terrain"} & got
    wreck = next(e for e in spec.entities if e.name == "Wreck")
    assert {"coords", "terrain"} <= {f.name for f in wreck.fields}


def test_each_verbal_noun_with_its_details_in_brackets_is_a_record():
    """'log every find (who found it, date, comment)': a find is a record, however verbal the word."""
    spec = infer_spec("geocaching group: caches with coords and difficulty, log every find (who found it, date, "
                      "comment), members rate caches")
    assert "Find" in names(spec)


def test_an_exam_paper_is_an_exam():
    """'each exam paper has a date and room': one Exam, not Exam and Paper."""
    spec = infer_spec("school exams office: each exam paper has a date, time and room, invigilators are assigned "
                      "to each session")
    assert "Paper" not in names(spec)
    assert "Exam" in names(spec)


@pytest.mark.parametrize("prompt", [
    "Please implement a website for a kayak hire centre. Users should be able to browse kayaks and paddleboards by "
    "type, check availability for their dates, rent boats for half or full days, and view their rentals.",
    "Please implement a website for a piano tuner. Users should be able to see the services offered, request a "
    "quote by entering their address and piano type, and track the status of their request.",
])
def test_users_who_book_rent_or_request_are_customers(prompt):
    """Users who rent or request something on a business's site are its customers, who own those records."""
    spec = infer_spec(prompt)
    assert "Customer" in names(spec) or "User" in names(spec)
    owners = {x.target for e in spec.entities for x in e.relations if e.name.endswith(("Rental", "Request", "Booking"))}
    assert owners & {"Customer", "User"}


def test_private_or_group_and_chosen_are_adjectives():
    """'book a private or group lesson with a chosen instructor': group and chosen describe, they do nothing."""
    spec = infer_spec("Please implement a website for a surf school. Users should be able to book a private or "
                      "group lesson with a chosen instructor and rent wetsuits for the day.")
    got = set(names(spec))
    assert "Instructor" in got
    assert not any(n.startswith("Chosen") for n in got)
    assert "booking_slots" in spec.features or "Booking" in got


def test_a_spanish_relative_clause_verb_is_not_a_thing():
    """'el familiar que contrata': contratar is what the relative does; no Contract table appears."""
    spec = infer_spec("Tengo una funeraria. Necesito registrar cada servicio: el difunto, el familiar que contrata, "
                      "el paquete y la sala")
    assert "Contract" not in names(spec)


def test_which_customers_we_sold_which_lot_to_is_a_sale():
    """'which shops we sold which batch to': a Sale joining both, with no invented Product."""
    spec = infer_spec("We make cider in batches. Log each batch (which orchard, pressing date) and which pubs we "
                      "sold which batch to.")
    sale = next(e for e in spec.entities if e.name == "Sale")
    assert {"Pub", "Batch"} <= {x.target for x in sale.relations}
    assert "Product" not in names(spec)


def test_turnos_at_a_consulting_room_are_appointments():
    """'los turnos de cada semana' of a psychologist's patients are appointments, not work shifts."""
    spec = infer_spec("Soy psicóloga y atiendo en mi consultorio. Necesito mis pacientes, los turnos de cada semana "
                      "y cuánto me debe cada paciente")
    assert "Appointment" in names(spec)
    assert "Shift" not in names(spec)


def test_books_of_ten_are_not_books_and_docs_are_documents():
    """'sold in books of 10' counts permits; 'proof docs they upload' are documents."""
    spec = infer_spec("Council parking team. residents apply for a permit for their zone, and visitor permits are "
                      "sold in books of 10. we need to track applications, proof docs they upload and payments.")
    got = set(names(spec))
    assert "Book" not in got
    assert "Doc" not in got
    assert "Document" in got


@pytest.mark.parametrize("prompt", [
    "a JSON formatter and validator: paste JSON, it pretty prints it and highlights errors",
    "a bulk email sender to send our newsletter to 5,000 addresses from a CSV",
    "an SEO analyser: enter a URL and get a score with suggestions for titles and meta tags",
    "a website uptime checker that pings our sites every minute and texts me when one is down",
    "an image compressor that shrinks JPGs and PNGs before I upload them",
    "a voice changer for our podcast that makes voices sound like robots",
    "a world clock showing the time in London, New York and Tokyo side by side",
    "a text diff tool that compares two pieces of text and highlights what changed",
    "an app to scan receipts with the camera and read the total automatically",
    "I want to remote control the projector and lights in our hall from a tablet",
    "una herramienta que traduzca los menús del restaurante al inglés y francés automáticamente",
    "a bot for our discord that welcomes new members and gives them roles",
    "a 3D room planner where you drag furniture around",
    "an app that plays a different bird song each morning as an alarm",
    "a spinning prize wheel for our shop's Instagram giveaway",
    "an app that recognises plants from a photo",
    "a chatbot on our website that answers questions about opening hours and prices",
    "a crypto trading bot that buys and sells bitcoin automatically",
    "a virtual tour of our holiday cottage with 360 photos",
    "an ebook reader app that remembers where I stopped",
    "sync our team's shifts to google calendar automatically",
    "an app that connects to my arduino and shows the temperature sensor readings live",
    "a virtual piano teacher that listens to me play and corrects mistakes",
    "an app that reads my gas meter from a photo each month",
])
def test_tools_devices_bots_and_vision_are_declined(prompt):
    """Agent-noun tools ('a formatter', 'an analyser'), camera reading, device control, chat and trading bots,
    virtual tours, e-readers, calendar syncs, hardware, alarms and prize wheels: not data apps."""
    with pytest.raises(UnsupportedRequestError):
        infer_spec(prompt)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("a habit tracker with habits, daily check-ins and streaks", "Habit"),
    ("a meal planner: recipes, weekly plans and a shopping list", "Recipe"),
    ("a recipe organizer where I save recipes with ingredients and tags", "Recipe"),
    ("a supplier register for our cafe with suppliers, orders and invoices", "Supplier"),
    ("a printer fleet log: track each printer, its toner orders and repairs", "Printer"),
])
def test_record_keepers_named_with_er_are_still_built(prompt, entity):
    """Trackers, planners, organizers and logs keep records; an -er word there is no tool to decline."""
    assert entity in names(infer_spec(prompt))


def test_people_named_before_a_kept_thing_own_it():
    """'client projects get split into jobs': clients are kept, and each project is a client's."""
    spec = infer_spec("Design studio: designers with their skills; client projects get split into tasks, each "
                      "assigned to a designer")
    assert "Client" in names(spec)
    project = next(e for e in spec.entities if e.name == "Project")
    assert "Client" in {x.target for x in project.relations}


def test_owners_named_in_a_compound_do_not_make_a_tool_a_data_app():
    """'answers customer questions using ChatGPT' stays declined though 'customer' is a person."""
    with pytest.raises(UnsupportedRequestError):
        infer_spec("A chatbot on my site that answers customer questions using ChatGPT")


def test_members_who_vote_on_a_pick_vote_for_the_kept_things():
    """'members suggest books, vote on next month's pick': a Vote joins a member and a book."""
    spec = infer_spec("Book club where members suggest books, vote on next month's pick, and review the ones we "
                      "read.")
    vote = next(e for e in spec.entities if e.name == "Vote")
    assert {"Member", "Book"} <= {x.target for x in vote.relations}


@pytest.mark.parametrize(("prompt", "not_a_thing"), [
    ("hola! coordino un huerto comunitario: parcelas, vecinos y turnos de riego", "Coordino"),
    ("Somos un grupo de teatro: actores, obras y funciones", "Somo"),
    ("Organizo torneos de pádel: parejas, partidos y resultados", "Organizo"),
])
def test_spanish_first_person_verbs_are_not_entities(prompt, not_a_thing):
    """'coordino un huerto', 'somos un grupo', 'organizo torneos': what the writer does, not a table."""
    assert not_a_thing not in names(infer_spec(prompt))


def test_a_visualiser_that_imports_data_sets_is_still_built():
    """A tool word with data the user imports and keeps is a data app ('users import data sets')."""
    spec = infer_spec("A data visualizer where users import data sets and save their charts.")
    assert "Dataset" in names(spec)


@pytest.mark.parametrize(("prompt", "entity"), [
    ("a plant shop where customers upload a photo of their plant and we reply with care advice", "Plant"),
    ("our book club members scan the ISBN and we keep the list of books", "Book"),
])
def test_photos_and_scans_in_data_apps_are_not_vision(prompt, entity):
    """Uploading a photo or keeping scanned items is a data app, not computer vision."""
    assert entity in names(infer_spec(prompt))


def test_a_restaurant_carta_is_its_menu():
    """'la carta' of a restaurant lists dishes; it is no letter."""
    spec = infer_spec("Tengo un restaurante: la carta con precios, las mesas y las reservas de los clientes")
    assert "Letter" not in names(spec)


@pytest.mark.parametrize(("prompt", "thing", "person"), [
    ("A lending library of things for our street: items (drills, ladders, tents), who has borrowed what and when "
     "it is due back, and a waiting list per item", "Item", None),
    ("my board game collection: games, designer, year. friends borrow stuff so I want to know who has what",
     "Game", "Friend"),
])
def test_who_has_borrowed_what_is_a_loan(prompt, thing, person):
    """'who has borrowed what', 'friends borrow ... who has what': each loan joins a person and the thing."""
    spec = infer_spec(prompt)
    loan = next(e for e in spec.entities if e.name.endswith("Loan"))
    targets = {x.target for x in loan.relations}
    assert any(t.endswith(thing) for t in targets)
    if person:
        assert person in targets


def test_goods_taken_on_credit_are_not_loans():
    """'quién se llevó qué fiado' is credit at a shop, not a loan of things."""
    spec = infer_spec("Tengo una tienda de barrio y les fío a los vecinos. Quiero anotar quién se llevó qué fiado y "
                      "los abonos que me van haciendo.")
    assert not any(n.endswith("Loan") for n in names(spec))


def test_what_we_need_listed_after_need_the_is_kept():
    """'We need the members, which concerts they sing in, ...': the members are kept."""
    spec = infer_spec("Our brass band has 30 players. We need the members, which concerts they're playing in and "
                      "the sheet music each section has been given.")
    assert "Member" in names(spec)


def test_a_verb_after_then_is_a_verb():
    """'..., then send an invoice': send is what I do; the invoice is kept."""
    spec = infer_spec("mobile mechanic: customers book a slot, i log the work and the parts used, then send an "
                      "invoice")
    assert "Invoice" in names(spec)
    assert "Send" not in names(spec)


def test_spanish_receiving_and_handing_out_keep_records():
    """'Recibimos donaciones de supermercados ... guardamos el stock': donations kept, no favourites invented."""
    spec = infer_spec("Somos un banco de alimentos. Recibimos donaciones de supermercados y particulares, guardamos "
                      "el stock por producto y repartimos lotes a familias cada quincena.")
    got = set(names(spec))
    assert "Donation" in got
    assert "Favourite" not in got
    assert "favourites" not in spec.features


@pytest.mark.parametrize(("prompt", "entity", "not_entity"), [
    ("Somos un grupo scout: los chavales por sección, sus familias, las acampadas con quién va a cada una",
     "Camp", "Acampada"),
    ("Tenemos una tienda de bicis con taller. Vendemos bicis y accesorios y alquilamos bicis por días",
     "Accessory", "Accesorio"),
    ("Inmobiliaria pequeña: pisos en venta con fotos, propietarios, visitas con interesados y las ofertas que hacen",
     "Lead", "Interesado"),
    ("Inmobiliaria pequeña: pisos en venta con fotos, propietarios, visitas con interesados y las ofertas que hacen",
     "Offer", "Job"),
])
def test_everyday_spanish_nouns_get_english_names(prompt, entity, not_entity):
    """A larger Spanish noun dictionary: acampada -> Camp, accesorio -> Accessory, interesado -> Lead."""
    got = set(names(infer_spec(prompt)))
    assert entity in got
    assert not_entity not in got


def test_spanish_property_words_are_fields():
    """'registramos la calidad de cada entrega': quality is a field of the delivery, not a table."""
    spec = infer_spec("Cooperativa de café: los socios entregan café, lo pesamos y registramos la calidad de cada "
                      "entrega")
    assert "Calidad" not in names(spec)
    assert "Quality" not in names(spec)


def test_a_field_named_like_a_python_type_is_renamed():
    """'int' as a field would shadow the type in the generated model: it becomes int_value."""
    from core.engine.understand.fields import field_ident
    from core.spec import FieldSpec

    assert field_ident("int") == "int_value"
    with pytest.raises(ValueError):
        FieldSpec(name="str")


def test_a_thing_listed_after_a_relative_clause_is_still_kept():
    """'track applications, proof docs they upload, payments and when each permit expires': payments kept;
    'expires' is a verb."""
    spec = infer_spec("Allotment office: tenants apply for a plot. we need to track applications, documents they "
                      "upload, payments and when each tenancy expires.")
    got = set(names(spec))
    assert "Payment" in got
    assert not any("Expire" in n for n in got)


def test_follow_up_appts_are_appointments():
    """'follow-up appts': an Appointment, not a 'FollowUpAppt'."""
    spec = infer_spec("physio practice: patients, treatment notes and follow-up appts")
    assert "Appointment" in names(spec)


def test_people_who_staff_a_session_are_not_staff_members():
    """'volunteers staff each opening session': staff is what volunteers do."""
    spec = infer_spec("Our church runs a food pantry: households register, each visit we record what they took, "
                      "volunteers staff each opening session, and we log donations.")
    assert "Staff" not in names(spec)
    assert "Volunteer" in names(spec)


def test_notes_listed_with_properties_are_a_text_field():
    """'dogs with breed and care notes': notes are a field of the dog when listed after a property."""
    spec = infer_spec("Dog daycare: owners, their dogs with breed and care notes, and daily attendance")
    assert "CareNote" not in names(spec)
    dog = next(e for e in spec.entities if e.name == "Dog")
    assert "care_notes" in {f.name for f in dog.fields}


def test_visit_notes_after_properties_still_name_visits():
    """'vaccinations with the next due date, and visit notes': the visits are kept."""
    spec = infer_spec("Vet practice: owners and their pets, vaccinations given with the next due date, and visit "
                      "notes where we can upload x-rays.")
    assert "Visit" in names(spec)
