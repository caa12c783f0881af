"""Understanding (issue 9), twenty-first pass: details listed for each occasion, people's own details, a single
assignee, from/to pairs, and reports per group, built or listed as not built."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from tests.engine.spec_helpers import names, parents


@pytest.mark.parametrize(
    ("prompt", "occasion", "details", "not_tables"),
    [
        ("We run a bird ringing station. We record species, age, sex, wing length and weight at every capture.",
         "Capture", {"age", "sex", "wing_length", "weight"}, set()),
        ("Dive club app. We log depth, duration and water temperature on every dive.", "Dive",
         {"depth", "duration", "water_temperature"}, {"Depth", "Temperature", "WaterTemperature"}),
    ],
)
def test_details_recorded_at_every_occasion_are_its_fields(prompt: str, occasion: str, details: set[str],
                                                           not_tables: set[str]) -> None:
    spec = infer_spec(prompt)
    fields = [f for f in spec.entity(occasion).fields]
    assert details <= {f.name for f in fields}
    assert fields[0].type in {"date", "datetime"}, "an occasion is told apart by its date"
    assert not {f.name for f in fields} & {"name", "title"}
    assert not not_tables & set(names(spec))


def test_details_of_each_thing_keep_its_label_and_get_no_date() -> None:
    fields = [f.name for f in infer_spec("Track the condition and quantity of each item in the store room.")
              .entity("Item").fields]
    assert fields[0] == "name" and {"quantity", "condition"} <= set(fields) and "date" not in fields


@pytest.mark.parametrize(
    ("prompt", "people", "detail"),
    [
        ("A bird ringing station: birds and rings. Ringers need their permit level stored.", "Ringer",
         "permit_level"),
        ("A choir app with concerts. Singers need their voice part and phone number recorded.", "Singer",
         "voice_part"),
    ],
)
def test_people_whose_own_details_are_kept_are_a_table_with_those_fields(prompt: str, people: str,
                                                                          detail: str) -> None:
    spec = infer_spec(prompt)
    assert people in names(spec)
    assert detail in {f.name for f in spec.entity(people).fields}


@pytest.mark.parametrize(
    ("prompt", "record", "parent"),
    [
        # a single person something is assigned to
        ("a bug tracker: projects, bugs with severity and status, comments on bugs, labels, and each bug assigned "
         "to a developer", "Bug", "Developer"),
        ("A cleaning company: offices and cleaning jobs, each job assigned to a cleaner.", "Job", "Cleaner"),
        # what people leave or hand in after something
        ("Members book yoga sessions and leave feedback after a session.", "Feedback", "YogaSession"),
        ("Staff submit expenses with receipts after each trip.", "Expense", "Trip"),
        # an offer or a bid someone makes or places
        ("Housing allocation: households and flats. Officers make an offer of a flat to a household, and the "
         "household accepts or declines it.", "Offer", "Household"),
        ("A fish auction: lots landed by each vessel. Buyers can place a bid on a lot.", "Bid", "Lot"),
    ],
)
def test_the_record_is_kept_and_linked_to_what_the_sentence_ties_it_to(prompt: str, record: str, parent: str) -> None:
    spec = infer_spec(prompt)
    assert {record, parent} <= set(names(spec))
    assert parent in parents(spec, record)


def test_a_from_to_pair_in_a_field_list_is_two_fields() -> None:
    spec = infer_spec("pilot logbook: every flight with date, aircraft registration, from/to airfield, block times "
                      "and landings")
    fields = {f.name for f in spec.entity("Flight").fields}
    assert {"from_airfield", "to_airfield", "block_times", "landings"} <= fields


@pytest.mark.parametrize(
    ("prompt", "phrase"),
    [
        ("The imaging core has 4 microscopes. Researchers book a microscope for a time slot. Monthly usage report "
         "per group please.", "monthly usage report per group"),
        ("A flight logbook: every flight with date, aircraft and landings. Totals of hours per aircraft type and "
         "per month.", "totals of hours per aircraft type and per month"),
        ("Protección civil: voluntarios y servicios. Informe mensual de horas por titulación.",
         "informe mensual de horas por titulacion"),
        ("A garden log: raised beds, crops and harvests with weight. Totals per crop per year.",
         "totals per crop per year"),
    ],
)
def test_a_report_per_group_the_app_cannot_give_is_listed_as_not_built(prompt: str, phrase: str) -> None:
    spec = infer_spec(prompt)
    assert phrase in spec.requested and phrase in spec.not_built, (spec.requested, spec.not_built)
    assert "dashboard" in spec.features


@pytest.mark.parametrize(
    ("prompt", "phrase"),
    [
        ("A timesheet app: employees log hours on projects. Monthly report of hours per project.",
         "monthly report of hours per project"),
        ("App para voluntarios y servicios: quién se apunta a cada servicio con sus horas. Informe mensual de horas "
         "por voluntario y por servicio.", "informe mensual de horas por voluntario y por servicio"),
    ],
)
def test_a_report_per_parent_or_month_is_the_dashboard_and_is_built(prompt: str, phrase: str) -> None:
    spec = infer_spec(prompt)
    assert phrase in spec.requested and phrase not in spec.not_built, (spec.requested, spec.not_built)
    assert "dashboard" in spec.features


@pytest.mark.parametrize(
    "prompt",
    [
        "A club app with members and events. Members get reports by email.",
        "A shop with products and orders; customers can sort products by price.",
    ],
)
def test_reports_sent_by_email_or_a_sort_order_are_not_reports_per_group(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert not [p for p in spec.requested if " by " in p and ("report" in p or "total" in p)]


def test_an_opening_for_every_occasion_gives_its_details_and_its_doer() -> None:
    spec = infer_spec("For every inspection the inspector records the date, result and notes.")
    fields = [f.name for f in spec.entity("Inspection").fields]
    assert fields[0] == "date" and "notes" in fields and "Note" not in names(spec)
    assert "Inspector" in parents(spec, "Inspection")


def test_an_opening_for_every_occasion_in_spanish() -> None:
    spec = infer_spec("Para cada visita el técnico anota la fecha, la lectura y las observaciones.")
    fields = [f.name for f in spec.entity("Visit").fields]
    assert fields[0] == "date" and "notes" in fields


@pytest.mark.parametrize(
    ("prompt", "thing"),
    [
        ("A quality lab app: samples, tests and results. Spec limits per product.", "Product"),
        ("Un almacén: productos en ubicaciones, con el stock por cliente.", "Customer"),
    ],
)
def test_what_other_records_are_counted_per_is_kept(prompt: str, thing: str) -> None:
    assert thing in names(infer_spec(prompt))


@pytest.mark.parametrize(
    ("prompt", "record"),
    [
        ("A fishing log: every catch with species, weight and length. Totals per species.", "Catch"),
        ("Voluntarios registran avistamientos de aves: especie, número de ejemplares, lugar y fecha.", "Sighting"),
    ],
)
def test_the_species_of_wild_things_are_a_table_the_records_link_to(prompt: str, record: str) -> None:
    spec = infer_spec(prompt)
    assert "Species" in parents(spec, record)
    assert "species" not in {f.name for f in spec.entity(record).fields}
    assert spec.entity("Species").table == "species"


@pytest.mark.parametrize(
    "prompt",
    [
        "Voluntarios registran avistamientos de aves: especie, número de ejemplares, lugar y fecha.",
        "Volunteers log sightings of birds with species, count, place and date.",
    ],
)
def test_details_after_x_of_y_are_the_details_of_x(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "date" in {f.name for f in spec.entity("Sighting").fields}
    assert "date" not in {f.name for f in spec.entity("Bird").fields}


@pytest.mark.parametrize(
    "prompt, thing",
    [
        ("Case management for a law firm: clients, matters with hearing dates, and documents. Remind the responsible "
         "lawyer 7 days before a deadline.", "Matter"),
        ("A dental practice: patients, dentists and appointments. Patients should get a reminder 24h before.",
         "Appointment"),
        ("Clínica de fisioterapia: pacientes, fisioterapeutas y citas. Enviar un recordatorio un día antes de la cita.",
         "Appointment"),
    ],
)
def test_a_reminder_counted_from_a_kept_date_is_kept_and_sending_is_not_built(prompt: str, thing: str) -> None:
    spec = infer_spec(prompt)
    assert thing in {r.target for r in spec.entity("Reminder").relations}
    assert any(p in spec.not_built for p in ("reminders sent automatically",
                                             "recordatorios enviados automáticamente")), spec.not_built


def test_reminders_people_add_themselves_are_still_kept() -> None:
    spec = infer_spec("A personal planner: tasks with due dates, and I can add reminders 2 days before a task.")
    assert "Reminder" in names(spec)


def test_a_reminder_text_is_an_sms() -> None:
    spec = infer_spec("A barber shop: barbers, services and appointments; customers get a reminder text the day "
                      "before.")
    assert "SMS notifications" in spec.not_built


def test_what_is_voted_for_is_not_a_file_on_the_vote() -> None:
    spec = infer_spec("A monthly photography contest site. Users can upload up to three photos per contest, vote for "
                      "their favourite entries (one vote per photo), and comment on photos.")
    assert not [f for f in spec.entity("Vote").fields if f.type == "file"]
    assert "photo upload" in spec.requested and "photo photo upload" not in spec.requested


def test_a_file_sent_with_an_application_is_still_on_the_application() -> None:
    spec = infer_spec("A job board: companies post jobs and candidates apply to jobs with a CV.")
    assert [f for f in spec.entity("Application").fields if f.type == "file"]


@pytest.mark.parametrize(
    ("prompt", "expected"),
    [
        ("Revista científica: los autores envían manuscritos y el editor asigna revisores a cada manuscrito.",
         {"Manuscript", "Reviewer"}),
        ("Vivero de la asociación: llevamos los esquejes que regalamos a los socios, con su fecha.", {"Cutting"}),
    ],
)
def test_spanish_nouns_of_publishing_and_nature_are_named_in_english(prompt: str, expected: set[str]) -> None:
    assert expected <= set(names(infer_spec(prompt)))


@pytest.mark.parametrize(
    ("prompt", "record", "other"),
    [
        ("Please implement a website for a home insurance company. Users can log in, see their policies, and open a "
         "claim on a policy with a description, the date of loss and photo uploads.", "Claim", "Policy"),
        ("Los clientes abren un siniestro sobre una póliza con una descripción, la fecha del daño y fotos.", "Claim",
         "Policy"),
    ],
)
def test_details_after_x_on_y_are_the_details_of_x(prompt: str, record: str, other: str) -> None:
    spec = infer_spec(prompt)
    fields = {f.name for f in spec.entity(record).fields}
    assert "description" in fields
    assert "description" not in {f.name for f in spec.entity(other).fields}
    assert not [f for f in spec.entity(other).fields if f.type == "file"]
    assert other in parents(spec, record)


@pytest.mark.parametrize(
    "prompt",
    [
        "Planning office: residents submit applications, a planning officer recommends and the committee decides.",
        "Tutors and students; the tutor recommends exercises to each student.",
    ],
)
def test_a_person_who_recommends_is_not_ai_recommendations(prompt: str) -> None:
    assert "AI recommendations" not in infer_spec(prompt).not_built


def test_an_app_that_recommends_is_still_ai_recommendations() -> None:
    spec = infer_spec("A recipe app where users save recipes and the app recommends new recipes.")
    assert "AI recommendations" in spec.not_built


@pytest.mark.parametrize("word", ["thus", "hence", "therefore", "moreover", "furthermore", "additionally"])
def test_linking_adverbs_are_no_tables(word: str) -> None:
    spec = infer_spec(f"A clinic app with patients and prescriptions. It warns about allergies, {word} reducing "
                      "errors.")
    assert word.capitalize() not in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "A fish auction site: registered buyers can bid on lots during the auction window.",
        "Subasta de la lonja: los compradores pujan por los lotes de pescado.",
    ],
)
def test_bidding_on_lots_is_a_bid_linking_the_buyer_and_the_lot(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert {"Buyer", "Lot"} <= set(parents(spec, "Bid"))


def test_a_word_one_kind_of_app_defines_gets_plain_fields_elsewhere() -> None:
    """A forum's Topic (body, pinned) is not a quiz's topic: with no other sign of a forum it is a plain record."""
    spec = infer_spec("A quiz app for kids: quizzes grouped by topic, each with questions and answers.")
    assert "pinned" not in {f.name for f in spec.entity("Topic").fields}


def test_one_detail_said_is_added_to_what_the_thing_has() -> None:
    fields = {f.name for f in infer_spec("School office app: pupils and absences with reason.").entity("Absence")
              .fields}
    assert {"reason", "starts_on"} <= fields
    assert "Reason" not in names(infer_spec("School office app: pupils and absences with reason."))


def test_an_ear_tag_is_a_field_not_labels() -> None:
    spec = infer_spec("Dairy farm: cows with ear tag and breed, milk yield recorded at every milking, and calvings.")
    assert "ear_tag" in {f.name for f in spec.entity("Cow").fields}
    assert "tags" not in spec.features
    assert not [f.name for e in spec.entities for f in e.fields if f.name.endswith("_recorded")]


@pytest.mark.parametrize(
    "prompt",
    [
        "A literary magazine's submissions: writers, submissions and issues. We pay contributors a flat fee so "
        "track payments too.",
        "Our energy co-op owns solar arrays. Members buy shares and we pay each member a dividend once a year.",
    ],
)
def test_money_paid_out_or_recorded_is_no_online_checkout(prompt: str) -> None:
    spec = infer_spec(prompt)
    assert "payments" not in spec.features
    assert "online payments" not in spec.requested


def test_track_after_so_is_a_verb_and_what_is_tracked_is_kept() -> None:
    spec = infer_spec("A literary magazine's submissions: writers, submissions and issues. We pay contributors a "
                      "flat fee so track payments too.")
    assert "Payment" in names(spec) and "FlatFee" not in names(spec)


@pytest.mark.parametrize(
    "prompt",
    [
        "Please implement a website for classified ads. Users can place an ad and pay for it.",
        "A shop where customers pay by card.",
    ],
)
def test_paying_on_a_site_or_by_card_is_still_online_payments(prompt: str) -> None:
    assert "payments" in infer_spec(prompt).features


def test_a_rowing_club_bote_is_a_boat() -> None:
    spec = infer_spec("Club de remo: socios, botes con su tipo y las cuotas anuales pagadas o pendientes.")
    assert "Boat" in names(spec) and "Bote" not in names(spec)


def test_customers_who_pay_at_a_bookstore_are_online_payments() -> None:
    spec = infer_spec("a bookstore with books and authors, customers can search books and pay")
    assert "payments" in spec.features


@pytest.mark.parametrize(
    ("prompt", "not_a_table"),
    [
        ("A vet clinic: pets with species and breed, owners and visits.", "Species"),  # a pet's species is a field
        ("A restaurant booking site: customers book tables and can make special requests.", "Request"),
        ("Polling stations on election day: the stations with their address, and a pool of staff with their "
         "availability and training.", "Pool"),
        ("School office app: pupils, classes, parents as contacts, and letters sent home.", "Home"),
        ("A gym app: members and classes, with visits per week.", "Week"),
    ],
)
def test_words_that_name_no_table_here(prompt: str, not_a_table: str) -> None:
    assert not_a_table not in names(infer_spec(prompt))


def test_a_committee_that_scores_makes_a_score_record_not_user_ratings() -> None:
    spec = infer_spec("Allotment association: plots with size and rent, plot holders, and annual inspections where "
                      "the committee scores each plot.")
    assert {"Plot", "Committee"} <= set(parents(spec, "Score"))
    assert "auth" not in spec.features and "ratings" not in spec.features


def test_a_bid_and_a_repayment_carry_their_amount_and_no_made_up_name() -> None:
    bid = infer_spec("A fish auction site: registered buyers can bid on lots during the auction window.").entity("Bid")
    repayment = infer_spec("A small credit union: members, loans with interest rate, and monthly repayments against "
                           "each loan.").entity("Repayment")
    for e in (bid, repayment):
        fields = {f.name for f in e.fields}
        assert "amount" in fields and "name" not in fields
