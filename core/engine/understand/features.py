"""Stage 7: features. Verbs and nouns become structure (rate -> Rating, save -> Favourite, tag -> many-to-many,
book for a time -> a booking with start and end, upload -> a file field, approve -> a workflow status)."""

from __future__ import annotations

import re

from core.engine.understand.entities import (
    AGENT_ENDINGS,
    PERSON_ATTRIBUTES,
    VENUE_BUYERS,
    details_at_each,
    is_fieldish,
    name_of,
    own_page,
    personish,
)
from core.engine.understand.fields import field_ident
from core.engine.understand.knowledge import definition, entity_name, known_words, words_of
from core.engine.understand.lexicon import ident
from core.engine.understand.reading import Frame, Phrase, Reading
from core.engine.understand.relations import ASSIGNED_MANY, MAX_ENTITIES, add_link, force_link
from core.engine.understand.vocab import load, singular, word_set
from core.spec import EntitySpec, FeatureSpec, FieldSpec

# 'totals of hours per aircraft type', 'informe mensual de horas por voluntario': a report per group
REPORTS = (r"\b(?:(?:monthly|weekly|yearly|annual|daily|quarterly|half-yearly) (?:[a-z]+ )?)?"
           r"(?:totals?|reports?|rankings?|breakdowns?|leaderboards?|informes?|totales|resumen(?:es)?|clasificacion|"
           r"sumas?)(?: (?:mensual|semanal|anual|diari[oa]|trimestral|semestral)(?:es|s)?)?"
           r"(?: (?:of|de|del|de las|de los) [a-z]+(?: [a-z]+)?)? (?:per|by|por|para cada|de cada) "
           r"(?!(?:e-?mail|sms|text|phone|post|correo|telefono|whatsapp)\b)[a-z]+")
NOT_GROUPS = r"(?!(?:per|by|please|and|so|for|to|in|on|at|the|with|from|y|para|en|por|that|which|que)\b)"
FEATURE_PATTERNS: dict[str, re.Pattern[str]] = {
    "auth": re.compile(r"\b(login|log in|logins|sign in|sign up(?! for(?! an? account\b))|signup|sign-up|"
                       r"authentication|authenticated|user accounts?|accounts for users|user profiles?|"
                       r"users and roles|registro de usuarios|registrarse|iniciar sesion|inicio de sesion|"
                       r"contrasenas?|passwords?|(?:users?|members?|customers?) (?:can |must )?register|"
                       r"(?:see|sees|view|views|edit|edits|access|approve) (?:only )?(?:their|his|her) own|"
                       r"only their own|only (?:the )?[a-z]+ (?:should|can|may|must) (?:see|view|edit|access)|"
                       r"(?:restaurant|customer|client|member|parent|staff|trade|wholesale|business|shop|family) "
                       r"accounts?|[a-z]+ accounts (?:can |will )?(?:place|log|order|book|see|view|manage|pay)|"
                       r"solo (?:el|la|los|las) [a-z]+ (?:puede|pueden|debe|deben|deberia|deberian) (?:ver|editar)|"
                       r"(?:pueden|puedan|podran|deberian poder|poder|puede|pueda) (?:entrar|acceder)"
                       r"(?! a la (?:sala|nave))|(?:entran?|acceden?) con su usuario|"
                       r"solo (?:ven|ve|vea|vean|pueden ver|puede ver) "
                       r"(?:lo suyo|lo de sus|sus propi\w+|su propi\w+))\b"),
    "payments": re.compile(r"\b(pay|pays|paying|checkout|check-out|stripe|online payments?|card payments?|"
                           r"accept payments?|take payments?|payment options?|pagos? online|pagar|pagan|paga|cobrar|"
                           r"pasarela)\b"),
    "search": re.compile(r"\b(search|searchable|buscar|busqueda|buscador|filter|filters|filtering|filtrar|"
                         r"filtros?|find)\b"),
    "dashboard": re.compile(r"\b(dashboard|dashboards|charts?|stats|statistics|analytics|metrics|kpis?|"
                            r"reporting|panel|estadisticas|graficos?|graficas?|informes?|metricas|"
                            r"visuali[sz]e|visuali[sz]ation|insights|summary|summaries|overview)\b|"
                            r"\b(?:monthly|weekly|yearly|annual|quarterly|end[- ]of[- ](?:the[- ])?month) "
                            r"(?:[a-z]+ ){0,2}(?:reports?|totals?|breakdowns?)\b|" + REPORTS),
    "contact": re.compile(r"\b(contact form|contact us|contact page|get in touch|formulario de contacto|"
                          r"contactanos|contacto con nosotros|pagina de contacto)\b"),
}
_RATERS = {"user", "customer", "visitor", "reader", "guest", "diner", "fan", "listener", "viewer", "shopper", "buyer",
           "client", "patient", "people", "everyone", "anyone", "subscriber", "traveller", "traveler", "member",
           "attendee", "participant", "student", "learner", "patron", "parent", "tenant", "resident", "passenger",
           "camper", "socio", "alumno", "cliente", "huesped", "asistente", "participante"}
_FILE_WORDS = {"cv", "resume", "photo", "picture", "image", "file", "document", "receipt", "attachment", "pdf",
               "avatar", "logo", "scan", "foto", "imagen", "archivo", "documento", "recibo", "curriculum", "screenshot"}
_PERSONAL_FILES = {"cv", "resume", "headshot", "portrait", "avatar", "curriculum"}
_FILE_ALIASES = {"curriculum": "cv", "foto": "photo", "imagen": "image", "archivo": "file", "adjunto": "attachment",
                 "documento": "document", "fotos": "photo", "imagenes": "image", "adjuntos": "attachment"}
_PERSON_TARGETS = {"Doctor", "Dentist", "Therapist", "Tutor", "Trainer", "Coach", "Stylist", "Barber", "Teacher",
                   "Instructor", "Consultant", "Lawyer", "Advisor", "Mentor", "Vet", "Veterinarian", "Photographer",
                   "Optometrist", "Optician", "Physiotherapist", "Physio", "Podiatrist", "Chiropractor", "Osteopath",
                   "Nutritionist", "Counsellor", "Counselor", "Psychologist", "Hairdresser", "Mechanic", "Cleaner",
                   "Solicitor", "Accountant", "Guide"}
_FEATURE_ENTITIES = {"Rating", "Review", "Comment", "Tag", "Favourite", "Favorite", "Bookmark", "Like", "WishlistItem",
                     "User"}
_AMERICAN = re.compile(r"\bfavorit")
_BRITISH = re.compile(r"\bfavourit")
_WHO = {"Member", "Customer", "Patient", "Client", "Guest", "Student", "User", "Employee", "Attendee", "Owner",
        "Tenant", "Volunteer", "Passenger", "Traveler", "Traveller", "Person"}
_DECIDED = ("Request", "Claim", "Report", "Application", "Proposal")  # things someone approves
_BOOKINGS = ("Booking", "Reservation", "Appointment", "Session", "Lesson", "Viewing", "Visit", "Consultation", "Wake")
_A_PLACE = {"place", "spot", "seat", "space", "plaza", "sitio", "lugar"}  # 'book a place on a session'
_SHOWINGS = {"Sailing", "Screening", "Showtime", "Performance", "Departure", "Flight", "Concert", "Show", "Match",
             "Fixture", "Trip", "Tour", "Event", "Session", "Excursion", "Journey", "ClassSession", "GymClass",
             "Workshop", "Lesson", "Course", "Class"}
_ADMITS = {"ticket", "entrada", "seat", "butaca"}  # 'book tickets for a screening' books the screening
_BOOKING_VERBS = {"book", "reserve", "reservar"}  # not schedule: "users can schedule" books nothing
_SHARED = re.compile(r"\b(?:group|groups|max|maximum|up to \d+|capacity|places|spaces|spots|grupo|grupal|grupales|"
                     r"plazas|aforo)\b")  # a session many people book
_STATES = re.compile(r"\b(?:status|statuses|states|stages|steps|estados|etapas)\b(?: (?:such as|like|como|goes|go|"
                     r"moves|move|flows|flow|runs|pasa|pasan|va|van)(?: from| through| de| por)?)? ?[:(]? "
                     r"([a-z][a-z \-]*(?: ?[,/] ?[a-z][a-z \-]*){2,})")
_THROUGH = re.compile(r"\b(?:through|from|between|por|entre|pasando por)\b ((?:[a-z][a-z\-]* ){0,2}[a-z][a-z\-]*"
                      r"(?: , (?:[a-z][a-z\-]* ){0,2}[a-z][a-z\-]*)+(?: ,)? (?:and|or|to|y|o|a|hasta) "
                      r"(?:[a-z][a-z\-]* )?[a-z][a-z\-]*)")
_HOSTS = {"Speaker", "Instructor", "Host", "Referee", "Umpire", "Teacher", "Trainer", "Coach", "Presenter",
          "Lecturer", "Organizer", "Organiser", "Guide"}
_PLACES = {"Room", "Venue", "Court", "Classroom", "Location", "Studio", "Stage", "Hall", "Field", "Pitch",
           "Track", "Pool", "Theatre", "Theater", "Building", "Facility"}
_ACTIVITIES = {"Talk", "Session", "ClassSession", "GymClass", "Lesson", "Match", "Event", "Meeting", "Workshop",
               "Course", "Exam", "Concert", "Show", "Performance", "Lecture", "Seminar", "Game", "Tour", "Screening"}
_ORDERS = re.compile(r"\b(order forms?|(?:take|takes|taking|place|places|placing|accept|accepts) "
                     r"(?:online |wholesale |bulk |repeat |standing )?orders|online orders?|orders? online|"
                     r"pedidos? (?:en linea|online)|"
                     r"hac(?:er|en|e|emos) (?:sus |un |los )?pedidos?|realiza(?:r|n)? (?:sus |un |los )?pedidos?|"
                     r"formulario de pedido|(?:customers?|clients?|buyers?|shoppers?|visitors?|guests?|diners?) "
                     r"(?:can )?order (?:their |the |a |an )?(?:\w+ )?\w+s\b(?! by)|"
                     r"(?:,|\band|\bable to|\bcan) order (?:their |the |some )?(?:[a-z-]+ )?[a-z]+s\b(?! by))")
_BOARD = re.compile(r"\b(kanban|trello|boards?|tableros?)\b")
_STATE_WORDS = {"open", "opened", "new", "todo", "to_do", "pending", "in_progress", "doing", "done", "completed",
                "closed", "resolved", "approved", "rejected", "draft", "submitted", "shipped", "delivered",
                "cancelled", "canceled", "active", "archived", "review", "in_review", "abierta", "abierto",
                "pendiente", "en_curso", "en_proceso", "cerrada", "cerrado", "completada", "completado",
                "resuelta", "resuelto", "hecho", "hecha", "aprobada", "rechazada", "nueva", "nuevo"}
_SPLIT = re.compile(r"\b(?:(split|splits|splitting|share|shares|sharing|divide|dividir|repartir|reparte|reparten|"
                    r"dividen)\b (?:\w+ ){0,3}"
                    r"(costs?|expenses?|bills?|gastos?|cuentas?)|"
                    r"(?:costs?|expenses?|bills?) (?:split(?:s|ting)?|sharing)|"
                    r"(?:costs?|expenses?|bills?|trip|rent|tab|dinner|grocery|household) splitters?|splitwise|"
                    r"shared (?:costs|expenses|bills)|gastos compartidos|compartir (?:los )?gastos|"
                    r"(?:gastos?|cuentas?|facturas?) (?:\w+ ){0,3}se (?:divide|dividen|reparte|reparten)|"
                    r"who owes (?:whom|who|what)|quien debe (?:a quien|que)|"
                    r"(?:split|splits|splitting) (?:it|them|each one|each) (?:\w+ ){0,2}between)\b")


_ONLINE = re.compile(r"\b(web ?sites?|online|on ?line|checkout|check-out|stripe|cards?|\w*shops?|\w*stores?|tiendas?|"
                     r"web|en linea|tarjeta|e-?commerce|paypal|bizum)\b|\b(customers?|buyers?|clients?|guests?|"
                     r"users?|shoppers?|visitors?|diners?|clientes?|compradores?)\b(?: \w+){0,4} (?:pay|pays|paying|"
                     r"pagar|pagan|paga)\b")
_PAY_VERBS = re.compile(r"\b(pay|pays|paying|pagar|pagan|paga|cobrar)\b")


def _pays_offline(text: str) -> bool:
    """'we pay contributors a flat fee', 'members pay an annual subscription' in an app with no site or shop: money
    the app records, not a checkout (payments said only by a verb, and nothing online)."""
    said = FEATURE_PATTERNS["payments"].findall(text)
    return bool(said) and all(_PAY_VERBS.fullmatch(w) for w in said) and not _ONLINE.search(text)


def features_stage(r: Reading) -> Reading:
    """App features from phrases; entity features from verbs and nouns, with the entities they need."""
    r.features = [f for f, p in FEATURE_PATTERNS.items() if p.search(r.text)]
    if "payments" in r.features and _pays_offline(r.text):
        r.features.remove("payments")
    if _SPLIT.search(r.text) and re.search(r"\b(group|groups|friends|roommates|flatmates|housemates|people|"
                                          r"participants|grupo|grupos|amigos|companeros|pisos?)\b", r.text):
        _split_costs(r)
    if not r.entities:
        return r
    _reviewers(r)
    scored = _self_scores(r)
    wanted = _wanted(r, scored)
    for name in ("ratings", "favourites", "comments", "tags", "booking_slots", "uploads", "workflow", "ordering"):
        for target, detail in wanted.get(name, []):
            _apply(r, name, target, detail)
    _file_nouns(r)
    _board(r)
    _assignees(r)
    _assignments(r)
    _activity_people_places(r)
    _person_attributes(r)
    _takes_orders(r)
    _stated_states(r)
    _match_goals(r)
    if {"ratings", "favourites"} & {fs.name for fs in r.feature_specs} and "auth" not in r.features:
        r.features.insert(0, "auth")
    return r


_FEELINGS = {"pain", "mood", "energy", "stress", "anxiety", "fatigue", "tiredness", "wellbeing", "hunger", "craving",
             "confidence", "motivation", "soreness", "dolor", "animo", "estres", "ansiedad", "cansancio", "energia"}
_SCORING = {"rate", "score", "grade-item", "log", "record", "track", "note", "valorar", "puntuar", "registrar",
            "anotar"}


def _self_scores(r: Reading) -> set[int]:
    """'patients rate their pain from 0 to 10', 'log your mood each day': a dated score a person keeps about
    themselves (PainEntry), not a rating of a record called Pain. Returns the frames it read."""
    done: set[int] = set()
    for f in r.frames:
        objs = [p for p in f.objects if p.head in _FEELINGS]
        if f.verb not in _SCORING or not objs:
            continue
        head = objs[0].head
        english = {"dolor": "pain", "animo": "mood", "estres": "stress", "ansiedad": "anxiety",
                   "cansancio": "fatigue", "energia": "energy"}.get(head, head)
        name = f"{english.capitalize()}Entry"
        bare = next((n for n in r.entities if n.lower() == english), None)
        if bare and [x.name for x in r.entities[bare].fields] in (["name"], ["name", "description"]):
            del r.entities[bare]  # the feeling is a score on each entry, not a record of its own
            r.links = [x for x in r.links if bare not in x[:2]]
            r.named = {k: (name if v == bare else v) for k, v in r.named.items()}
        if name not in r.entities:
            r.entities[name] = EntitySpec(name=name, fields=[
                FieldSpec(name="noted_on", type="date"), FieldSpec(name="score", type="int", min=0, max=10),
                FieldSpec(name="notes", type="text", required=False)])
            r.words_for[name] = english
        who = _target(r, f.subject)
        who = who if who in _WHO else next((n for n in r.entities if n in _WHO), None)
        if who:
            add_link(r, name, who)
        done.add(id(f))
    return done


def _made_before(r: Reading, f: Frame) -> str | None:
    """'tenants report a repair, ... and upload a photo': the thing the same people made earlier in the sentence."""
    earlier = [g for g in r.frames if g.sentence == f.sentence and g.position < f.position and g.subject is f.subject]
    return next((t for g in reversed(earlier) for t in (_target(r, p) for p in g.objects if not personish(p)) if t),
                None)


_STATUS_WORDS = {"status", "statuses", "stage", "stages", "state", "states", "estado", "estados", "fase", "fases"}


def _status_brackets(r: Reading) -> set[tuple[int, int]]:
    """(sentence, token) positions inside the brackets that list a status's values."""
    out: set[tuple[int, int]] = set()
    for si, toks in enumerate(r.sentences):
        for i, t in enumerate(toks[1:], 1):
            if t.text == "(" and toks[i - 1].text in _STATUS_WORDS:
                end = next((j for j in range(i + 1, len(toks)) if toks[j].text == ")"), len(toks))
                out |= {(si, j) for j in range(i + 1, end)}
    return out


def _target(r: Reading, p: Phrase | None) -> str | None:
    """The app entity a phrase names."""
    name = (r.named.get(id(p)) or name_of(p, r.language)) if p else None
    return name if name in r.entities else None


def _wanted(r: Reading, scored: set[int] | frozenset[int] = frozenset()) -> dict[str, list[tuple[str, str]]]:
    """Feature -> [(target entity, detail word)] from verbs ('rate recipes') and nouns ('with ratings')."""
    v = load("verbs")
    verb_feature = {verb: f for f, verbs in v["features"].items() for verb in verbs}
    out: dict[str, list[tuple[str, str]]] = {}
    states = _status_brackets(r)
    for f in r.frames:
        feature = verb_feature.get(f.verb)
        if not feature or id(f) in scored or (f.sentence, f.position) in states:
            continue
        if (feature == "ratings" or f.verb in {"review", "revisar"}) and f.subject is not None and \
                f.subject.head in _OPERATORS:
            continue  # 'admins review applications' decide on them; nobody rates them ('editors comment' do)
        if f.verb in {"review", "revisar"} and f.subject is not None and f.subject.head not in _RATERS and (
                f.subject.head in word_set("people") | _PANELS or f.subject.head.endswith(AGENT_ENDINGS)) and \
                any(p.head not in word_set("people") for p in f.objects):
            continue  # 'claims are reviewed by adjusters', 'judges review each application': a decision, not stars
        if f.verb in {"review", "revisar", "check"} and f.subject is None and f.position and \
                r.sentences[f.sentence][f.position - 1].text in {"i", "we", "yo", "nosotros", "reviso", "revisamos"}:
            continue  # 'they enter the receipt, I review it and categorise it': the owner checks it; no stars
        toks = r.sentences[f.sentence]
        if f.verb in {"review", "revisar"} and (
                f.position + 1 < len(toks) and toks[f.position + 1].text in _PERIODIC or
                f.position + 2 < len(toks) and toks[f.position + 1].text in {"every", "each", "cada"} and
                toks[f.position + 2].text in _PERIODS or
                f.position and toks[f.position - 1].text in {"be", "been", "is", "are", "ser", "sea"} and
                toks[f.position].text.endswith(("ed", "ado", "ada"))):
            continue  # 'a care plan that has to be reviewed every month': a periodic check, not stars
        if f.verb in {"score", "puntuar"} and any(p is not None and p.head in _SCORED for p in [*f.objects, f.subject]):
            continue  # 'goals scored by each player': a match event, not a rating
        objs = [p for p in f.objects]
        target = next((t for t in (_target(r, p) for p in objs) if t), None)
        if not objs and feature == "ratings":  # 'customer reviews for each trader'
            target = next((_target(r, q) for prep, q in f.preps if prep in {"for", "of", "on", "about", "de", "sobre",
                                                                              "para"} and _target(r, q)), None)
        detail = objs[0].head if objs else ""
        if feature == "favourites" and f.verb in {"bookmark", "like"}:
            detail = f.verb  # 'bookmark courses they plan to take', 'users can like projects': bookmarks, likes
        if feature == "ratings" and f.verb == "score" and (f.subject is None or f.subject.head not in _RATERS):
            detail = "score"  # 'judges score the entries': what they give is a score ('users score recipes' rate)
            scorer = _target(r, f.subject) if f.subject is not None else None
            if scorer and scorer not in {"User", r.account} and target:  # 'the committee scores each plot'
                _scored_by(r, target, scorer)
                continue
        if feature == "uploads":
            joined = next((g for g in r.frames if g.sentence == f.sentence and g.position < f.position and
                           g.verb in v["joins"] and v["joins"][g.verb][0] in r.entities), None)
            of = next((_target(r, p) for prep, p in f.preps if prep in {"of", "for", "de", "para"} and _target(r, p)),
                      None)  # 'upload images of their projects'
            kept = target if objs and objs[0].plural else None  # 'upload photos' to Photo; 'a profile photo' is theirs
            made = _made_before(r, f) if f.subject is not None and personish(f.subject) else None
            if detail in _PERSONAL_FILES and f.subject is not None and personish(f.subject) and \
                    _target(r, f.subject):
                made = _target(r, f.subject)  # 'job seekers ... filter openings, upload a CV': their own CV
            owner = (v["joins"][joined.verb][0] if joined else None) or of or kept or made or \
                _target(r, f.subject) or next(
                (_target(r, p) for _, p in f.preps if _target(r, p)), None)
            if owner is None and not objs:  # '... with a description and photo uploads': the record described
                owner = _described_before(r, Phrase(words=[f.verb], head=f.verb, sentence=f.sentence,
                                                    start=f.position, end=f.position + 1))
            out.setdefault(feature, []).append((owner or r.main, detail if detail in _FILE_WORDS else "file"))
            continue
        if feature == "booking_slots" and f.verb in {"schedule", "agendar", "programar"} and objs and \
                objs[0].head in word_set("people") | {"presenter", "speaker", "host", "volunteer"}:
            continue  # 'the organiser schedules a presenter for each week': who presents, not a booking
        if feature == "booking_slots" and f.verb in {"schedule", "agendar", "programar"} and target in _OWN_PLANS:
            _scheduled(r.entities[target])  # 'schedule their workouts': a time on the workout, nothing booked
            continue
        if feature == "booking_slots":
            with_ = next((_target(r, p) for _, p in f.preps if _target(r, p)), None)
            shown = next((n for n in r.entities if n in _SHOWINGS), None)  # 'book passenger tickets': on a sailing
            who = _target(r, f.subject) or ""
            said = name_of(objs[0], r.language) if objs and not target else None
            if said in _BOOKINGS and said not in r.entities:
                target = said  # 'book a 90-minute appointment': the prompt's own word names the booking
            if target in {"Session", "Lesson"} and f.verb in _BOOKING_VERBS and _SHARED.search(
                    " ".join(t.text for t in r.sentences[f.sentence])):
                out.setdefault(feature, []).append((target, f"Booking|{who}"))  # 'group lessons (max 6 riders)'
            elif target in _BOOKINGS:
                out.setdefault(feature, []).append((with_ or "", f"{target}|{who}"))
            elif f.verb in _BOOKING_VERBS and any(o.head in _ADMITS | _A_PLACE for o in objs) and (with_ or shown) and \
                    (with_ or shown) != target:
                out.setdefault(feature, []).append((with_ or shown, f"Booking|{who}"))  # 'tickets for a screening
            elif target:
                out.setdefault(feature, []).append((target, f"|{who}"))
            elif f.verb in _BOOKING_VERBS and with_ in _BOOKINGS and objs and objs[0].head in _A_PLACE:
                out.setdefault(feature, []).append((with_, f"Booking|{who}"))  # 'a place on a session': a booking of it
            elif f.verb in _BOOKING_VERBS and not objs and not with_ and "Appointment" not in r.entities and \
                    next((n for n in _BOOKABLE if n in r.entities), None):
                bookable = next(n for n in _BOOKABLE if n in r.entities)
                out.setdefault(feature, []).append((bookable, f"|{who}"))  # 'classes ... people book and pay'
            elif f.verb in _BOOKING_VERBS and (with_ or who) and with_ not in _BOOKINGS:
                out.setdefault(feature, []).append((with_ or "", f"|{who}"))  # 'book time on the cutter'
            continue
        if feature == "favourites" and f.verb in {"save", "guardar"} and not target and \
                detail not in {"favourite", "favorite", "favorito", "favoritos", "favorita", "favoritas"}:
            continue  # 'save money', 'save time', 'guardamos el stock por producto'
        if feature == "favourites" and f.verb in {"save", "guardar"} and target and (
                target in _WHO or f.verb == "guardar" and not _KEPT_FOR_LATER.search(
                    " ".join(t.text for t in r.sentences[f.sentence]))):
            continue  # 'guardar el cliente con su direccion', 'save the customer's address': stored, not liked
        if feature == "favourites" and f.verb == "save" and (
                f.subject is None and _saved_by_me(r, f) or f.subject is not None and
                f.subject.head in word_set("tool_nouns")):
            continue  # "I'd like to save customers' measurements", 'a calculator that saves each quote': stored
        if feature == "favourites" and f.verb == "save" and _SAVED_BACK.search(
                " ".join(t.text for t in r.sentences[f.sentence][max(0, f.position - 6):f.position + 4])):
            continue  # 'edit the recipe and save it back', 'save your changes': written, not liked
        if feature == "workflow" and not target:  # 'requests that a manager approves': the request is approved
            target = next((n for n in r.entities if n.endswith(_DECIDED)), None)
        out.setdefault(feature, []).append((target or r.main, detail))
    nouns = {w: f for f, words in v["feature_nouns"].items() for w in words}
    for p in r.phrases:
        if (p.sentence, p.start) in states:
            continue  # 'status (awaiting info, sent for approval, filed)': a state's name, not an approval
        phrase = " ".join(p.words)
        feature = nouns.get(phrase) or nouns.get(p.head) or nouns.get(" ".join(p.words[-2:]))
        if not feature and any(nouns.get(w) == "booking_slots" for w in p.modifiers):
            feature = "booking_slots"  # 'a booking system for a yoga studio'
        if feature == "tags" and not p.plural and p.modifiers and p.modifiers[-1] not in {"hash", "topic", "keyword"}:
            continue  # 'cows with ear tag and breed', 'a price tag': one identifier, a field, not labels
        if feature == "tags" and p.head in {"label", "etiqueta"} and (
                set(p.modifiers) & _PRINTED_LABELS or p.start and r.sentences[p.sentence][p.start - 1].lemma in
                {"print", "imprimir", "stick", "pegar"}):
            continue  # 'we print shipping labels for each parcel': a printout, not tags on records
        mod = p.modifiers[-1] if p.modifiers else ""
        following = " ".join(t.text for t in r.sentences[p.sentence][p.end:p.end + 3])
        if feature == "ratings" and p.head in {"puntuacion", "score"} and (
                _GAME_SCORE.match(following) or _GAME_SCORE_EN.match(following)):
            continue  # 'las puntuaciones de cada partida', 'each bowler's scores per game': points, not ratings
        if feature == "ratings" and mod and mod not in _STARS and mod not in known_words() and \
                mod not in word_set("people") and not mod[0].isdigit() and not mod.endswith("star"):
            continue  # 'difficulty and terrain ratings (1-5)', 'a hygiene rating': a score the thing has, a field
        if feature in {"ratings", "comments", "tags", "favourites"} and not p.plural and len(p.words) == 1 and \
                p.head not in _GERUNDS and not (feature in {"ratings", "comments"} and _rated(r, p)) and \
                not (p.head in _PERSONAL_LISTS and any(q is p for f in r.frames if f.verb in _MARKING
                                                       for _, q in f.preps)):  # 'add films to their watchlist'
            continue  # a 'rating' in a field list is a field, 'ratings' is the feature
        liked = [m for m in p.words[:-1] if nouns.get(m) == "favourites"]
        marked = any(p in f.objects and f.verb in _MARKING for f in r.frames)
        saved = _target(r, p) if not feature and liked and marked else None
        if saved:
            out.setdefault("favourites", []).append((saved, liked[-1]))  # 'mark favourite episodes'
            continue
        if feature == "booking_slots" and any(p in f.objects and f.verb in _ALLOCATING for f in r.frames):
            continue  # 'allocate time slots to tasks' plans one's own time; nothing is booked
        if feature == "booking_slots" and p.head in {"slot", "franja"} and not _books(r):
            continue  # 'a conference schedule with talks, rooms and time slots': a timetable, nobody books
        if feature == "booking_slots":
            own = name_of(p, r.language)
            entity = own if own in r.entities and own in _BOOKINGS else ""
            target = _owner_of(r, p) or next((n for n in r.entities if n not in _BOOKINGS and n != own), "")
            out.setdefault(feature, []).append((target, f"{entity}|"))
        elif feature == "favourites" and p.head in _PERSONAL_LISTS:
            added = next((t for f in r.frames if f.sentence == p.sentence and f.verb in _MARKING
                          for t in (_target(r, o) for o in f.objects) if t), None)
            out.setdefault(feature, []).append((added or _owner_of(r, p) or _main(r), p.head))  # 'by adding screenings'
        elif feature and feature not in ("uploads", "workflow", "ordering"):
            out.setdefault(feature, []).append((_owner_of(r, p) or _main(r), p.head))
        elif feature:
            word = next((w for w in [*p.modifiers, p.head] if singular_file(w)), "file")
            own = _target(r, p)
            holder = own if own is not None and _listed_table(r, p) else None  # 'Attachment (scans/photos)'
            if feature == "workflow":  # 'refunds need a manager's approval': the refunds are approved
                holder = next((_target(r, f.subject) for f in r.frames if f.verb in {"need", "require", "necesitar",
                                                                                     "requerir"} and
                               p in f.objects and _target(r, f.subject)), holder)
                toks = r.sentences[p.sentence]
                holder = holder or next((_target(r, q) for q in r.phrases if q.sentence == p.sentence and
                                         q.end < p.start and q.end < len(toks) and
                                         toks[q.end].text in {"need", "needs", "require", "requires"} and
                                         _target(r, q)), None)
            out.setdefault(feature, []).append((holder or _joined(r, p) or _owner_of(r, p) or
                                                _described_before(r, p) or _main(r), singular_file(word) or "file"))
    return out


_GAME_SCORE = re.compile(r"(?:de|por|en) (?:cada |la |las |los |el |su |sus )?(?:partidas?|partidos?|jugador\w*|"
                         r"rondas?|juegos?|equipos?|hoyos?|pruebas?|jornadas?|tiradas?|mangas?)\b")
_GAME_SCORE_EN = re.compile(r"(?:per|for|in|of|from|after|on) (?:each |every |the |a |every single )?(?:games?|"
                            r"match(?:es)?|rounds?|holes?|legs?|frames?|ends?|sets?|heats?|races?|nights?|weeks?|"
                            r"innings|quarters?|periods?|courses?|stages?)\b")
_SCORED = {"goal", "point", "run", "try", "basket", "touchdown", "gol", "punto", "tanto", "canasta", "ensayo"}
def _match_goals(r: Reading) -> None:
    """'goals scored by each player', 'los goles de cada jugador': beside matches, a goal is a match event with its
    scorer, not a personal target."""
    scored = any(f.verb in {"score", "puntuar"} and any(p is not None and p.head in {"goal", "gol"}
                                                        for p in [*f.objects, f.subject]) for f in r.frames)
    matches = {"Match", "Fixture"} & set(r.entities) and "Player" in r.entities
    if "Goal" not in r.entities or not scored and not matches:
        return
    r.records.add("Goal")
    r.entities["Goal"].fields = [FieldSpec(name="minute", type="int", required=False)]
    r.links = [x for x in r.links if x[0] != "Goal"]
    for parent in ("Match", "Game", "Fixture", "Player"):
        add_link(r, "Goal", parent)


_STARS = {"star", "stars", "user", "customer", "online", "public", "overall", "average", "guest", "reader", "member",
          "peer", "anonymous", "verified", "written", "short", "honest", "valoraciones"}
_GERUNDS = {"liking", "bookmarking", "commenting", "tagging"}  # 'such as liking, commenting or saving content'


def _books(r: Reading) -> bool:
    """Whether the request books or reserves anything (a verb or a booking noun), beyond naming time slots."""
    words = {w for f, ws in load("verbs")["feature_nouns"].items() if f == "booking_slots" for w in ws
             if "slot" not in w and "franja" not in w}
    return any(f.verb in _BOOKING_VERBS for f in r.frames) or any(
        p.head in words or " ".join(p.words) in words for p in r.phrases) or bool(
        re.search(r"\b(book|books|booked|reserv\w*|appointments?|citas?)\b", r.text))


def _saved_by_me(r: Reading, f: Frame) -> bool:
    """'I'd like to save ...', 'we save ...': the one writing keeps the records (unless they are favourites)."""
    toks = r.sentences[f.sentence]
    before = [t.text for t in toks[max(0, f.position - 5):f.position]]
    cut = max((k for k, w in enumerate(before) if w in {",", ";", ":", "and", "users", "customers"}), default=-1)
    return bool({"i", "we", "i'd", "we'd"} & set(before[cut + 1:])) and \
        not _KEPT_FOR_LATER.search(" ".join(t.text for t in toks))


_KEPT_FOR_LATER = re.compile(r"favou?rit|bookmark|for later|wish ?list|liked|para (?:despues|luego|mas tarde|"
                             r"verl[oa]s?)|preferid|guardad[oa]s")  # kept to come back to: a favourite
_MARKING = {"mark", "save", "add", "keep", "star", "flag", "bookmark", "collect", "store", "manage", "list", "pick",
            "choose", "marcar", "guardar", "elegir"}  # 'mark favourite episodes', not 'at their favourite restaurants'
_GIVEN = {"leave", "give", "write", "add", "post", "submit", "dejar", "escribir", "anadir", "publicar"}


_OWN_PLANS = {"Workout", "Task", "Post", "Meeting", "Event", "Shift", "Exam", "Activity", "Habit", "Study",
              "StudySession", "Meal", "Run", "Training", "Practice", "PracticeSession", "Campaign", "Email",
              "Newsletter", "Publication", "Reminder", "Trip", "Chore", "Visit", "Interview", "Match", "Game",
              "Calibration", "Shoot", "Inspection", "Maintenance", "Delivery", "Job", "Audit", "Test", "Scan",
              "Backup", "Release", "Deployment", "Harvest", "Treatment", "Rehearsal", "Recording"}


def _scheduled(e: EntitySpec) -> None:
    """Give a planned thing a start time unless it has one."""
    if not any(f.type == "datetime" or f.name.endswith(("_at", "_date", "_on")) for f in e.fields):
        e.fields.append(FieldSpec(name="scheduled_at", type="datetime", required=False))


_OUT_OF = re.compile(r"(?:\( ?)?(?:out of \d+|from \d+ to \d+|\d+ ?- ?\d+|\d+ to \d+|(?:sobre|de) \d+(?: a \d+)?)\b")


def _rated(r: Reading, p: Phrase) -> bool:
    """'a 1-5 rating', 'a star rating', 'notes with a rating' (alone, not one of a field list) ask for ratings."""
    toks = r.sentences[p.sentence]
    before = [t.text for t in toks[max(0, p.start - 3):p.start]]
    if any(re.fullmatch(r"\d+(?:-\d+)?|\d+-star|stars?|estrellas", w) for w in before):
        return True
    after = " ".join(t.text for t in toks[p.end:p.end + 4])
    if _OUT_OF.match(after) and p.start and toks[p.start - 1].possessive:
        return True  # "everyone's rating out of 5": each person's stars
    given = [t.lemma or t.text for t in toks[max(0, p.start - 3):p.start] if t.tag == "VERB"]
    if given and given[-1] in _GIVEN:
        return True  # 'leave a rating after attending', 'write a review'
    listed = any(p in g and len(g) > 1 for g in r.lists)
    return not listed and [w for w in before if w not in {"a", "an", "una", "un"}][-1:] in (["with"], ["con"])


def _joined(r: Reading, p: Phrase) -> str | None:
    """The join entity a verb of the same sentence made ('candidates apply ... with a CV' -> Application)."""
    joins = load("verbs")["joins"]
    before = [f for f in r.frames if f.sentence == p.sentence and f.position < p.start]
    frame = max(before, key=lambda f: f.position) if before else None  # 'apply ... with a CV': the verb before it
    frame = frame if frame is not None and frame.verb in joins and joins[frame.verb][0] in r.entities else None
    if frame and (p in frame.objects or any(q is p and prep not in {"with", "con"} for prep, q in frame.preps)):
        return None  # 'vote for their favourite photo': the photo is what is voted for, not a file on the vote
    return joins[frame.verb][0] if frame else None


def _described_before(r: Reading, p: Phrase) -> str | None:
    """The nearest entity before 'with ... photos' in the sentence ('bicycles listed with price and photos')."""
    toks = r.sentences[p.sentence]
    for q in sorted((q for q in r.phrases if q.sentence == p.sentence and q.end <= p.start), key=lambda q: -q.end):
        between = {t.text for t in toks[q.end:p.start]}
        name = _target(r, q)
        if name and name not in _FEATURE_ENTITIES | _WHO and (between & {"with", "con"} or toks[q.end].text in {
                "(", ":"} and ")" not in between):  # 'cars (make, model, year, photos)'
            head = r.head_before(q)  # 'a claim on a policy with ... photo uploads': the claim's
            return _target(r, head) or name if head is not None else name
    return None


def _recorded_at(r: Reading, p: Phrase) -> str | None:
    """'do an inspection and record the pressure and photos': what the details recorded at each one are of."""
    for f in r.frames:
        found = details_at_each(r, f) if f.sentence == p.sentence and f.position < p.start else None
        if found:
            return _target(r, found[1])
    return None


def _main(r: Reading) -> str:
    """The main entity, or the first one that is not a feature's own entity ('a gallery with comments')."""
    if r.main not in _FEATURE_ENTITIES:
        return r.main
    return next((n for n in r.entities if n not in _FEATURE_ENTITIES and n not in _WHO), r.main)


_OPERATORS = {"admin", "administrator", "staff", "manager", "moderator", "editor", "librarian", "recruiter",
              "coordinator", "organiser", "organizer", "administrador", "gestor", "coordinador", "personal"}
_PANELS = {"committee", "board", "panel", "jury", "comite", "jurado", "tribunal"}  # who decide together
_ALLOCATING = {"allocate", "block", "dedicate", "asignar", "dedicar"}


def singular_file(word: str) -> str:
    """'photos' -> 'photo' when the word names a file someone uploads, else ''."""
    word = _FILE_ALIASES.get(word, word)
    for w in (word, word[:-1] if word.endswith("s") else word, word[:-2] if word.endswith("es") else word):
        if w in _FILE_WORDS:
            return _FILE_ALIASES.get(w, w)
    return ""


def _file_nouns(r: Reading) -> None:
    """'bikes with photos', 'a CV' on an application: a file field on the owner, not a Photo entity.

    Photos stay things of their own only where the prompt treats them so (a gallery or album of photos)."""
    collection = re.search(r"\b(galler(?:y|ies)|albums?|portfolios?|galerias?|albumes)\b", r.text)
    for p in r.phrases:
        word = singular_file(p.head) or (singular_file(p.modifiers[-1]) if p.head in {"gallery", "galeria"} and
                                         p.modifiers else "")  # 'a photo gallery' of each room
        if not word or p.modifiers and not singular_file(p.modifiers[-1]) and p.head not in _FILE_WORDS | {"photos"}:
            continue
        before = [t.text for t in r.sentences[p.sentence][max(p.start - 2, 0):p.start]]
        if before[-1:] in (["of"], ["de"]) and before[0] in _COUNTS:
            continue  # 'number of edited photos': how many, not the files
        own = r.named.get(id(p)) or name_of(p, r.language)
        if own in r.entities and collection and word in {"photo", "picture", "image"} and \
                not r.uses_feature("uploads", own):
            _upload(r, own, "photo")  # the photos of a gallery are things; each holds its file
            continue
        if own in {"Photo", "Image", "Picture"} & set(r.entities) and r.uses_feature("uploads", own):
            continue  # 'comment on photos' after 'upload photos': the photos already hold their files
        described = _owner_of(r, p) or _described_before(r, p) or _page_of(r, p) or _recorded_at(r, p)
        owner = _joined(r, p) or described
        if not owner or owner == own or owner not in r.entities:
            continue
        if owner == described and word in {"photo", "picture", "image"} and _several(r, p) and \
                owner not in _WHO and words_of(owner) not in word_set("people") and \
                not singular_file(owner.lower()) and owner not in {"Thumbnail", "Poster", "Cover", "Banner"} and \
                not _listed_with(r, p, owner):
            kind = "Image" if p.head in {"image", "images", "imagen", "imagenes"} else "Photo"
            _photos_of(r, owner, own, kind)  # 'each room with its story and some photos': a RoomPhoto per photo
            continue
        if own in r.entities and own != owner and _listed_table(r, p):
            if not r.uses_feature("uploads", own):
                _upload(r, own, "file")  # 'Entities: ..., Attachment (scans/photos)': a table of files, as listed
            if not any(c == own for c, _, _ in r.links):
                force_link(r, own, owner)
            continue
        if own in r.entities and own != owner and not any(own == parent for _, parent, _ in r.links):
            r.entities.pop(own)
            r.links = [link for link in r.links if own not in link[:2]]
            r.main = owner if r.main == own else r.main
        if not r.uses_feature("uploads", owner):
            _upload(r, owner, word)
    if collection and {"Photo", "Gallery"} <= set(r.entities):  # a gallery has photos, not the reverse
        r.links = [link for link in r.links if link[:2] != ("Gallery", "Photo")]
        if not any(link[:2] == ("Photo", "Gallery") for link in r.links):
            add_link(r, "Photo", "Gallery")


_COUNTS = {"number", "amount", "count", "total", "numero", "cantidad"}


def _several(r: Reading, p: Phrase) -> bool:
    """'photos', 'some photos', 'a photo gallery', 'fotos': more than one file, so more than one field can hold."""
    return p.plural or p.head in {"gallery", "galeria"} or any(m in {"gallery", "galeria"} for m in p.modifiers)


_UPLOADING = set(load("verbs")["features"]["uploads"]) | {"add", "post", "share", "anadir", "compartir", "publicar"}


def _listed_with(r: Reading, p: Phrase, owner: str) -> bool:
    """'city, dates, sights, photos': photos listed beside the owner are not the owner's."""
    group = next((g for g in r.lists if p in g), [])
    return any(q is not p and (r.named.get(id(q)) or name_of(q, r.language)) == owner for q in group)


def _page_of(r: Reading, p: Phrase) -> str | None:
    """'each room needs its own page with the story and some photos': the room's."""
    from core.engine.understand.attributes import page_owner

    toks = r.sentences[p.sentence]
    page = next((q for q in r.phrases if q.sentence == p.sentence and q.end <= p.start and own_page(r, q) and
                 {"with", "con"} & {t.text for t in toks[q.end:p.start]}), None)
    return page_owner(r, page) if page is not None else None


def _photos_of(r: Reading, owner: str, own: str | None, kind: str = "Photo") -> None:
    """A child entity holding one photo each (RoomPhoto: photo file, caption; StepImage for 'images'), instead of
    one file on the owner."""
    name = f"{owner}{kind}"
    if own in r.entities and own != owner and own in {"Photo", "Picture", "Image", "Gallery"} and \
            not any(own == parent and child != owner for child, parent, _ in r.links):  # 'requests with photos'
        r.entities.pop(own)
        r.links = [link for link in r.links if own not in link[:2]]
    e = r.entities[owner]
    e.fields = [f for f in e.fields if singular_file(f.name.split("_")[0]) != "photo" and f.name != kind.lower() and
                f.name not in {"photos", "images", "pictures", "photo_gallery", "gallery", "fotos"}]
    kept = {f.name for f in e.fields}
    r.feature_specs = [fs for fs in r.feature_specs if not (fs.name == "uploads" and fs.entity == owner and
                                                            fs.field not in kept)]
    if name not in r.entities:
        r.entities[name] = EntitySpec(name=name, fields=[FieldSpec(name=kind.lower(), type="file"),
                                                         FieldSpec(name="caption", required=False, max_length=200)])
        r.words_for[name] = f"{words_of(owner)} {kind.lower()}"
    force_link(r, name, owner)
    if not r.uses_feature("uploads", name):
        r.feature_specs.append(FeatureSpec(name="uploads", entity=name, field=kind.lower()))
    if "uploads" not in r.features:
        r.features.append("uploads")


_ATTENDED = {"attending": ("Event", "Concert", "Show", "Performance", "ClassSession", "Session", "Workshop"),
             "stay": ("Booking", "Reservation", "Room", "Stay"), "visit": ("Visit", "Appointment"),
             "playing": ("Room", "Game", "Session", "Booking"), "class": ("ClassSession", "Lesson"),
             "trip": ("Trip", "Tour"), "tour": ("Tour", "Trip")}


def _owner_of(r: Reading, p: Phrase) -> str | None:
    """The entity a feature noun hangs off: 'recipes with ratings', 'ratings of recipes', 'recipe reviews'."""
    for m in p.modifiers:
        name = name_of(Phrase(words=[m], head=m.rstrip("s"), sentence=p.sentence, start=0, end=0), r.language)
        if name in r.entities and name not in CONSUMERS:  # 'customer reviews' are by customers, not of them
            return name
    toks = r.sentences[p.sentence]
    after = [q for q in r.phrases if q.sentence == p.sentence and q.start > p.end and q.start - p.end <= 2]
    added = p.start and toks[p.start - 1].text in {"add", "adds", "adding", "assign", "assigns", "assigning", "attach",
                                                   "attaches", "apply", "applies", "anadir", "asignar"}
    if after and p.end < len(toks) and (toks[p.end].text in {"of", "on", "for", "de", "en", "para"} or
                                        added and toks[p.end].text in {"to", "a"}) and \
            _target(r, after[0]) not in CONSUMERS:  # 'reseñas de clientes' are by the customers
        return _target(r, after[0])
    following = [t.text for t in toks[p.end:p.end + 3]]
    if following[:1] == ["after"] and len(following) > 1:  # 'leave a rating after attending / after their stay'
        done = _ATTENDED.get(following[1]) or _ATTENDED.get(following[-1])
        if done and any(n in r.entities for n in done):
            return next(n for n in done if n in r.entities)
    group = next((g for g in r.lists if p in g), [p])
    if group[0].start and (toks[group[0].start - 1].text == "(" or toks[group[0].start - 1].text == ":" and
                           is_fieldish(group[0].head, r.language)):  # 'tutors: name, bio, photo
        outer = next((q for q in r.phrases if q.sentence == p.sentence and q.end == group[0].start - 1), None)
        held = r.head_before(outer) if outer is not None else None
        outer = held if held is not None and _target(r, held) else outer  # 'a repair for their home (photos)'
        if outer is not None and _target(r, outer) and _target(r, outer) not in _FEATURE_ENTITIES | _WHO:
            return _target(r, outer)  # 'incidents (shift, severity, photos)': the incidents' photos
    lead = [q for q in r.phrases if q.sentence == p.sentence and q.end <= group[0].start and
            [t.text for t in toks[q.end:group[0].start] if t.tag not in {"DET", "NUM"} and not t.text[:1].isdigit()]
            in (["with"], ["con"], ["and", "their"])]
    for q in reversed(lead):
        head = r.head_before(q)
        q = head if head is not None and _target(r, head) else q
        if _target(r, q) and _target(r, q) not in _FEATURE_ENTITIES | _WHO:
            return _target(r, q)  # 'open a claim on a policy with ... photo uploads': the claim's photos
    if group[0].start and toks[group[0].start - 1].text in {"as", "including", "like", "incluyendo", "como"}:
        listed = {id(q) for q in group}
        before = [q for q in r.phrases if q.sentence == p.sentence and q.end < group[0].start and id(q) not in listed
                  and _target(r, q) and _target(r, q) not in _FEATURE_ENTITIES | _WHO]
        if before:  # 'an entry per trip with details like the city, dates and photos': the trip's
            return _target(r, before[-1])
    owner = next((_target(r, q) for q in group if _target(r, q) and _target(r, q) not in _FEATURE_ENTITIES), None)
    return owner if owner and owner != _target(r, p) and owner not in _WHO else None


CONSUMERS = ("Customer", "Client", "Member", "Guest", "Student", "Listener", "Reader", "Viewer", "Buyer", "Shopper",
              "Diner", "Fan", "Subscriber", "Learner", "Traveler", "Traveller", "Patient", "Attendee", "Passenger",
              "Tenant", "Player", "Patron", "Parent", "Donor", "Volunteer", "Candidate", "Applicant", "Socio")


def _reviewers(r: Reading) -> None:
    """'customer reviews', 'guest ratings', 'reseñas de clientes': the people who review are the app's accounts."""
    if r.account != "User" or "User" in r.entities or any(n in CONSUMERS for n in r.entities):
        return
    for p in r.phrases:
        if p.head not in {"review", "rating", "resena", "valoracion", "opinion"}:
            continue
        toks = r.sentences[p.sentence]
        words = list(p.modifiers)
        if p.end + 1 < len(toks) and toks[p.end].text == "de":
            words.append(toks[p.end + 1].text)  # 'reseñas de clientes'
        for w in words:
            name = entity_name(singular(w, r.language), None, r.language)
            if name in CONSUMERS:
                r.entities[name] = definition(name, r.domain) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
                r.entities[name].relations = []
                r.words_for[name] = w
                return


_ACCOUNT_VERBS = {"register", "log", "sign", "login", "registrar", "entrar", "acceder"}
_USERS_SIGN_UP = re.compile(r"\b(?:users?|usuari[oa]s?)\b[^.;]{0,40}\b(?:sign(?:s|ing)? (?:up|in)|log(?:s|ging)? in|"
                            r"register|make an account|create an account|registrarse|se registran|iniciar sesion)\b")


def _acting_people(r: Reading) -> str:
    """'other cooks rate them', 'collectors register an account and save works': the people who rate, save or log
    in are the accounts, not a new User."""
    if _USERS_SIGN_UP.search(r.text):
        return ""  # 'users should be able to sign up ... judges score': the accounts are the users
    v = load("verbs")
    acting = {verb for verbs in v["features"].values() for verb in verbs} | _ACCOUNT_VERBS
    said = [_target(r, f.subject) for f in r.frames if f.verb in acting and f.subject is not None and
            f.subject.head in word_set("people")]
    return next((n for n in said if n and n not in _FEATURE_ENTITIES), "")


_OUR_CLUB = re.compile(r"\b(?:our|my|the) (?:[\w-]+ ){0,2}(?:club|society|choir|guild|circle)\b|"
                       r"\b(?:nuestro|mi|el) (?:club|coro|circulo)\b")


_PERSONAL_LISTS = {"wishlist": "WishlistItem", "wish list": "WishlistItem", "watchlist": "WatchlistItem",
                   "watch list": "WatchlistItem", "schedule": "ScheduleItem", "agenda": "AgendaItem",
                   "itinerary": "ItineraryItem"}  # 'add films to a watchlist': one saved film per line of it


def _user(r: Reading) -> str:
    """The account entity: the person the prompt names as the app's user (customers, listeners), else a User."""
    if r.account == "User" and "User" not in r.entities:
        r.account = next((n for n in r.entities if n in CONSUMERS), "") or _acting_people(r) or (
            "Member" if _OUR_CLUB.search(r.text) and not _USERS_SIGN_UP.search(r.text) else "User")
        if r.account == "Member" and "Member" not in r.entities:  # 'our book club ... everyone's rating': members
            r.entities["Member"] = definition("Member", r.domain, r.text) or EntitySpec(
                name="Member", fields=[FieldSpec(name="name", max_length=200)])
            r.words_for["Member"] = "member"
    if r.account != "User":
        return r.account
    if "User" not in r.entities:
        r.entities["User"] = EntitySpec(name="User", fields=[FieldSpec(name="name", max_length=200),
                                                             FieldSpec(name="email", type="email", unique=True)])
        r.words_for["User"] = "user"
    return "User"


def _scored_by(r: Reading, target: str, scorer: str) -> None:
    """'the committee scores each plot', 'judges score the routines': a Score of the thing by the scorer, with its
    points; not a users' star rating, so it asks for no accounts."""
    if "Score" not in r.entities:
        r.entities["Score"] = EntitySpec(name="Score", fields=[
            FieldSpec(name="points", type="decimal"), FieldSpec(name="notes", type="text", required=False)])
    add_link(r, "Score", target)
    add_link(r, "Score", scorer)
    r.records.add("Score")


def _apply(r: Reading, feature: str, target: str, detail: str) -> None:
    """Add the entity, fields, links and FeatureSpec a feature needs (once per target)."""
    if any(fs.name == feature and (fs.target == target or feature in {"ratings", "favourites", "comments"})
           for fs in r.feature_specs):
        return  # one Rating/Favourite/Comment entity per app
    if feature in {"ratings", "favourites", "comments", "tags"} and (not target or target not in r.entities or
                                                                      target in _FEATURE_ENTITIES):
        return
    if feature in {"ratings", "favourites"} and target == _user(r):
        target = next((n for n in r.entities if n not in _FEATURE_ENTITIES | _WHO and n != target), "")
        if not target:
            return  # nothing to rate but the raters themselves
    if feature == "ratings":
        name = "Review" if detail in {"review", "resena"} or "Review" in r.entities else \
            "Score" if detail == "score" and "Score" not in r.entities else "Rating"
        r.entities[name] = EntitySpec(name=name, fields=[
            FieldSpec(name="stars", type="int", min=1, max=5),
            FieldSpec(name="review", type="text", required=False, max_length=5000)])
        force_link(r, name, _user(r))
        force_link(r, name, target)
        r.entities[target].fields = [f for f in r.entities[target].fields if f.name not in {"rating", "stars"}]
        r.feature_specs.append(FeatureSpec(name="ratings", entity=name, target=target, field="stars"))
    elif feature == "favourites":
        name = _PERSONAL_LISTS[detail] if detail in _PERSONAL_LISTS else "Bookmark" if detail == "bookmark" and \
            "Bookmark" not in r.entities else "Like" if detail == "like" and "Like" not in r.entities else \
            "Favorite" if r.language == "en" and _AMERICAN.search(r.text) and not _BRITISH.search(r.text) else \
            "Favourite"  # the prompt's own word and spelling
        if r.entities.pop("Wishlist", None) is not None:  # the list is the items on it: nothing may still point at it
            r.links = [x for x in r.links if "Wishlist" not in x[:2]]
            r.feature_specs = [fs for fs in r.feature_specs if "Wishlist" not in (fs.entity, fs.target)]
        r.entities[name] = EntitySpec(name=name, fields=[])
        force_link(r, name, _user(r))
        force_link(r, name, target)
        r.feature_specs.append(FeatureSpec(name="favourites", entity=name, target=target))
    elif feature == "comments":
        r.entities["Comment"] = EntitySpec(name="Comment", fields=[FieldSpec(name="body", type="text",
                                                                             max_length=5000)])
        if "User" in r.entities or "auth" in r.features:
            add_link(r, "Comment", _user(r))
        else:
            r.entities["Comment"].fields.append(FieldSpec(name="author", required=False, max_length=200))
        force_link(r, "Comment", target)
        r.feature_specs.append(FeatureSpec(name="comments", entity="Comment", target=target))
    elif feature == "tags":
        tag = "Label" if "Label" in r.entities and "Tag" not in r.entities else "Tag"  # 'tickets, labels': Label
        if tag not in r.entities:
            r.entities[tag] = EntitySpec(name=tag, fields=[FieldSpec(name="name", unique=True, max_length=200)])
        r.links = [link for link in r.links if tag not in link[:2] or target not in link[:2]]
        r.links.append((target, tag, "many_to_many"))
        r.feature_specs.append(FeatureSpec(name="tags", entity=tag, target=target))
    elif feature == "booking_slots" and target in r.entities and \
            singular(r.words_for.get(target, words_of(target)).split()[-1], r.language) in word_set("held_things"):
        _held(r, target, detail.partition("|")[2])
    elif feature == "booking_slots":
        _booking(r, target, detail)
    elif feature == "uploads":
        _upload(r, target, detail)
    elif feature == "workflow" and target in r.entities and not r.uses_feature("workflow", target):
        _workflow(r, target)
    elif feature == "ordering" and target in r.entities:
        parent = next((p for c, p, k in r.links if c == target and k == "belongs_to"), "")
        e = r.entities[target]
        if parent:
            if all(f.name != "position" for f in e.fields):
                e.fields.append(FieldSpec(name="position", type="int", min=0, required=False))
            r.feature_specs.append(FeatureSpec(name="ordering", entity=target, target=parent, field="position"))


_APPOINTMENTS = re.compile(
    r"\b(patients?|pacientes?|clinics?|clinicas?|salons?|salon de belleza|peluquerias?|barbers?|barbershop|"
    r"barberias?|groom\w*|therap\w*|terapeut\w*|dentist\w*|dental|physio\w*|fisio\w*|podiatr\w*|chiropod\w*|"
    r"optician\w*|optometrist\w*|opticas?|hearing (?:tests?|aids?|checks?)|audiolog\w*|vets?|veterinar\w*|"
    r"massages?|masajes?|check-?ups?|consultations?|consultas?|eye tests?|beauty|nails?|manicur\w*|"
    r"tattoo\w*|tatuaj\w*|stylists?|estilistas?|hairdress\w*|haircuts?|cortes? de pelo)\b")


_BOOKED_TIMES = re.compile(r"(?:starts|ends)_at|dates?|\w+_dates|(?:check_in|check_out|arrival|departure|start|end|"
                           r"pickup|return)(?:_dates?|_times?)?|fechas?|fechas_\w+")  # said by start_at / end_at


_PUBLIC_BOOKERS = re.compile(r"\b(users?|visitors?|people|the public|usuarios?|visitantes?|la gente|el publico)\b"
                             r"[^.;]{0,90}(?:\b(?:can|to|and|or|also|could|may|will|puedan|pueden|y|o)|,) "
                             r"(?:book|reserve|reservar|rent|alquilar|hire)\b")


def _held(r: Reading, target: str, who: str) -> None:
    """'guests reserve gifts', 'patrons reserve books': a reservation of the thing, with its date and status."""
    name = f"{target}Reservation"
    if name not in r.entities:
        r.entities[name] = EntitySpec(name=name, fields=[
            FieldSpec(name="reserved_on", type="date"),
            FieldSpec(name="status", type="enum", choices=["reserved", "ready", "collected", "cancelled"])])
        r.words_for[name] = f"{words_of(target)} reservation"
    force_link(r, name, target)
    who = _booker(r, target, who)
    if who and who != target:
        add_link(r, name, who)


def _booker(r: Reading, target: str, who: str) -> str:
    """Who books or reserves: the one said, else the people the app keeps, else its accounts or implied customers."""
    who = who or next((n for n in r.entities if n in _WHO and n not in {target, "User"}), "")
    if not who and "User" in r.entities and target != "User" and _PUBLIC_BOOKERS.search(r.text):
        who = "User"  # the site's accounts book
    elif not who and _PUBLIC_BOOKERS.search(r.text) and len(r.entities) < 12:
        who = "Customer"  # 'users should be able to book a room': the people who book are kept, with contacts
        r.entities[who] = definition(who) or EntitySpec(name=who, fields=[FieldSpec(name="name")])
        r.words_for.setdefault(who, "cliente" if r.language == "es" else "customer")
        r.implied_people.add(who)
    return who


_PRINTED_LABELS = {"shipping", "address", "postage", "barcode", "price", "product", "name", "care", "bottle", "jar",
                   "printed", "printable", "sticker", "envio", "precio"}
_SAVED_BACK = re.compile(r"\b(?:(?:edit|edits|change|changes|fix|fixes|update|updates|correct|corrects|modify|"
                         r"modifies|adjust|adjusts|shift|shifts) (?:[\w',]+ ){0,4}and save|save (?:it|them|the file|"
                         r"the changes|your changes|their changes|changes) (?:back|again|out|afterwards)|"
                         r"save (?:the |your |their |my )?changes)\b")
_BOOKED_VISITS = ("Visit", "Appointment", "Consultation", "Viewing")  # 'book a home maintenance visit': the booking


def _booking(r: Reading, target: str, detail: str) -> None:
    """A booking entity with start and end, linked to what is booked and to who books."""
    entity, _, who = detail.partition("|")
    name = entity or next((n for n in _BOOKINGS if n in r.entities and n != "Visit"), None) or \
        (target if target in r.entities and target.endswith(_BOOKED_VISITS) else None) or \
        ("Appointment" if _APPOINTMENTS.search(r.text) else "Booking")  # a service with a professional
    if r.uses_feature("booking_slots", name):
        return
    if name not in r.entities:
        r.entities[name] = EntitySpec(name=name, fields=[])
        said = [p for p in r.phrases if r.named.get(id(p)) == "Rental"]
        if "Rental" in r.entities and said and all(p.sentence == 0 and p.start <= 1 and not p.plural for p in said) \
                and not any("Rental" in (fs.entity, fs.target) for fs in r.feature_specs):
            del r.entities["Rental"]  # 'Bike rental: bikes, bookings': the business; each booking is the rental
            r.links = [x for x in r.links if "Rental" not in x[:2]]
    e = r.entities[name]
    e.fields = [f for f in e.fields if f.type not in {"date", "datetime"} and not _BOOKED_TIMES.fullmatch(f.name)]
    e.fields[:0] = [FieldSpec(name="start_at", type="datetime"), FieldSpec(name="end_at", type="datetime")]
    booked_itself = target == name and name.endswith(_BOOKED_VISITS) and name not in _BOOKINGS  # the visit booked
    target = target if target in r.entities and target != name else next(
        (n for n in r.entities if n in _PERSON_TARGETS), "") or (r.main if r.main != name else "")
    target = "" if booked_itself and target not in _PERSON_TARGETS else target
    inner = next((c for c, p, k in r.links if p == target and c in _PLACES and k == "belongs_to"), None)
    if target in _PLACES and inner:
        target = inner  # 'each location has rooms ... booking status': a room is booked, at its location
    if target in _WHO:  # 'reservations of a member for a class': the class is booked, the member books
        who = who or target
        linked = [p for c, p, _ in r.links if c == name and p not in _WHO]
        target = linked[0] if linked else next((n for n in r.entities if n not in _WHO and n != name and
                                                n not in _FEATURE_ENTITIES), target)
    if target:
        force_link(r, name, target)
    who = _booker(r, target, who)
    if who and who != target:
        add_link(r, name, who)
    provider = next((n for n in r.entities if n in _PERSON_TARGETS and n not in {target, who}), "")
    if provider and target in _SHOWINGS and provider in _HOSTS and name == "Booking":
        add_link(r, target, provider)  # 'book group lessons with an instructor': the lesson is taught by one
    elif provider and target not in _PERSON_TARGETS:
        add_link(r, name, provider)  # 'book an eye test with one of our optometrists': with whom
    r.feature_specs.append(FeatureSpec(name="booking_slots", entity=name, target=target, field="start_at",
                                       end_field="end_at"))


def _upload(r: Reading, owner: str, word: str) -> None:
    """A file field on the entity that owns the upload ('applicants upload a CV' -> Application.cv)."""
    if owner not in r.entities:
        return
    e = r.entities[owner]
    word = word if word in _FILE_WORDS else "file"
    name = field_ident("photo" if word == "file" and owner in {"Photo", "Picture", "Image"} else word)
    if any(fs.name == "uploads" and fs.entity == owner and fs.field == name for fs in r.feature_specs):
        return
    if all(f.name != name for f in e.fields):
        e.fields = [f for f in e.fields if f.name not in {f"{name}_url", f"{name}s"}]  # the file replaces its link
        e.fields.append(FieldSpec(name=name, type="file", required=False))
    r.feature_specs.append(FeatureSpec(name="uploads", entity=owner, field=name))


def _board(r: Reading) -> None:
    """A kanban / Trello-like board: cards ordered within their column or list (a moveable position)."""
    if not _BOARD.search(r.text) or "Card" not in r.entities or r.uses_feature("ordering", "Card"):
        return
    parent = next((n for n in ("BoardColumn", "BoardList") if n in r.entities), None)
    said = re.search(r"\b(columns?|columnas?|lanes?|stages?|lists|listas)\b", r.text)
    if parent is None and said:
        parent = "BoardList" if said.group(1) in {"lists", "listas"} else "BoardColumn"
        r.entities[parent] = definition(parent) or EntitySpec(name=parent, fields=[FieldSpec(name="name")])
        r.entities[parent].relations = []
        r.words_for[parent] = "list" if parent == "BoardList" else "column"
    if parent is None:
        return
    if all(p != parent for c, p, _ in r.links if c == "Card"):
        force_link(r, "Card", parent)
    _apply(r, "ordering", "Card", "")


def _assignees(r: Reading) -> None:
    """'cards have assignees', 'tasks with an assignee': the thing belongs to a person (a member when none)."""
    for p in r.phrases:
        if p.head not in {"assignee", "responsable", "asignado"}:
            continue
        owner = _owner_of(r, p) or next((_target(r, q) for q in r.phrases if q.sentence == p.sentence and
                                         q.end <= p.start and _target(r, q)), None)
        if not owner or owner in _WHO:
            continue
        person = next((n for n in r.entities if n in _WHO | _PERSON_TARGETS | {"Agent", "Technician"}), None)
        if person is None:
            person = "Member"
            r.entities[person] = definition(person) or EntitySpec(name=person, fields=[FieldSpec(name="name")])
            r.words_for[person] = "member"
        e = r.entities[owner]
        e.fields = [f for f in e.fields if f.name not in {"assignee", "assigned_to"}]
        add_link(r, owner, person)


def _assignments(r: Reading) -> None:
    """'employees are assigned to shifts': a person works many shifts and a shift has many people -> a join."""
    if not re.search(r"\b(assign\w*|allocat\w*|asign\w*|rota|roster)\b", r.text):
        return
    for child, parent, kind in list(r.links):
        people = child in _WHO | {"Volunteer", "Nurse", "Driver", "Player", "Worker", "Staff", "StaffMember", "Crew",
                                  "CrewMember"} or words_of(child) in word_set("people")  # 'guards', 'staff'
        if kind != "belongs_to" or not people or parent not in ASSIGNED_MANY or parent not in r.entities or \
                re.search(rf"\b{words_of(child)} is (?:assigned|allocated)\b", r.text):
            continue  # 'which plumber is assigned to each job': each job has its one plumber
        join = f"{child}Assignment" if child in _HOSTS else f"{parent}Assignment"  # a referee's appointments
        r.links.remove((child, parent, kind))
        e = definition(join) or EntitySpec(name=join, fields=[
            FieldSpec(name="notes", type="text", required=False, max_length=5000)])
        if not any(f.type in {"date", "datetime"} for f in e.fields):
            e.fields.insert(0, FieldSpec(name="assigned_on", type="date", required=False))
        r.entities[join] = e
        r.words_for[join] = f"{words_of(parent)} assignment"
        force_link(r, join, parent)
        force_link(r, join, child)


def _activity_people_places(r: Reading) -> None:
    """'talks, speakers and rooms': the activity listed with people and places belongs to both."""
    for group in r.lists:
        named = [n for n in dict.fromkeys(r.named.get(id(p)) for p in group) if n in r.entities]
        people = [n for n in named if n in _WHO | _PERSON_TARGETS | _HOSTS]
        places = [n for n in named if n in _PLACES]
        activity = next((n for n in named if n in _ACTIVITIES), None)
        if not activity or not (people or places):
            continue
        for parent in people[:1] + places[:1]:
            if parent in {"Member", "Customer", "Attendee", "Student", "Guest", "Client", "Patient"}:
                continue  # who attends many activities is a booking or an enrolment, not the activity's owner
            if not any(c == activity and p == parent for c, p, _ in r.links):
                add_link(r, activity, parent)
            e = r.entities[activity]
            e.fields = [f for f in e.fields if f.name != words_of(parent).replace(" ", "_")]


def _person_attributes(r: Reading) -> None:
    """'instructor bios', "the driver's licence": a field of that person."""
    for p in r.phrases:
        kind = PERSON_ATTRIBUTES.get(p.head)
        if not kind:
            continue
        toks = r.sentences[p.sentence]
        owner = next((q for q in r.phrases if q.sentence == p.sentence and q.end == p.start and
                      toks[q.end - 1].possessive), None)
        name = _target(r, owner) if owner else (
            entity_name(singular(p.modifiers[-1], r.language), None, r.language) if p.modifiers else None)
        if name not in r.entities:
            continue
        e, field = r.entities[name], field_ident(p.head)
        if all(not f.name.startswith(field[:5]) for f in e.fields):  # 'licence' is there as license_number
            e.fields.append(FieldSpec(name=field, type=kind, required=False) if kind != "string" else
                            FieldSpec(name=field, required=False, max_length=200))
            if kind == "file":
                r.feature_specs.append(FeatureSpec(name="uploads", entity=name, field=field))


_BOOKABLE = ("ClassSession", "Session", "Class", "Course", "Workshop", "Lesson", "Tour", "TourSlot", "Slot",
             "TimeSlot", "Court", "Room", "Lane", "Pitch", "Table", "Event", "Trip")  # what 'people book' books
_ORDER_WORDS = {"order", "pedido", "ticket", "entrada", "item", "product", "thing", "online", "advance"}
_PERIODIC = {"monthly", "weekly", "yearly", "annually", "quarterly", "regularly", "periodically", "mensualmente",
             "anualmente", "periodicamente"}
_PERIODS = {"day", "week", "month", "year", "quarter", "term", "season", "dia", "semana", "mes", "ano", "trimestre",
            "six", "three", "two", "few"}
_MASS_GOODS = {"Food", "Meal", "Item", "Thing", "Stuff", "Goods", "Comida"}  # 'order food': from the menu's dishes
_CHOOSING = {"order", "buy", "choose", "pick", "select", "pedir", "elegir", "comprar", "encargar", "seleccionar",
             "escoger"}  # 'cada socio entra, elige prendas y talla': the members are the buyers


def _listed_table(r: Reading, p: Phrase) -> bool:
    """'Entities: Job (...), Attachment (scans/photos)': a thing listed with its details in brackets is a table."""
    toks = r.sentences[p.sentence]
    return p.end < len(toks) and toks[p.end].text == "(" and p.start > 0 and toks[p.start - 1].text in {",", ":", ";"}


def _takes_orders(r: Reading) -> None:
    """'an online order form', 'customers place orders': Order with OrderItem lines of the thing sold, by a Customer."""
    if not _ORDERS.search(r.text):
        return
    placer, doer = None, None
    for f in r.frames:  # 'café owners log in, browse the flavours, place wholesale orders': who places them
        doer = f.subject if f.subject is not None else doer if doer is not None and doer.sentence == f.sentence \
            else None
        if doer is not None and (f.verb in _CHOOSING or f.verb == "place" and any(
                o.head == "order" for o in f.objects)) and _target(r, doer) in VENUE_BUYERS and \
                _target(r, doer) in r.entities:
            placer = _target(r, doer)
            break
    said = next((o for f in r.frames if f.verb in {"order", "buy", "purchase", "pedir", "comprar", "encargar"}
                 for o in f.objects), None)
    ordered = _target(r, said) if said is not None else None
    if said is not None and ordered is None and said.plural and not is_fieldish(said.head, r.language) and \
            said.head not in _ORDER_WORDS and len(r.entities) < MAX_ENTITIES:
        ordered = name_of(said, r.language)  # 'order snacks in advance with their booking': the snacks are sold
        if ordered and ordered not in r.entities:
            r.entities[ordered] = definition(ordered) or EntitySpec(name=ordered, fields=[
                FieldSpec(name="name"), FieldSpec(name="price", type="decimal", required=False)])
            r.entities[ordered].relations = []
            r.words_for[ordered] = said.head
    sold = ordered if ordered in r.entities and ordered not in _FEATURE_ENTITIES | _WHO | _MASS_GOODS and \
        not ordered.startswith("Order") else None  # 'book a room and order drinks with the booking': the drinks
    sold = sold or next((n for n in r.entities if n not in _FEATURE_ENTITIES | _WHO and not n.startswith("Order") and
                         n not in {"Menu", "Category", "Group"} and n != placer), None)
    if sold is None:
        return
    for name in [n for n in r.entities if n in {"OrderForm", "Form", "Menu"}]:
        if not any(name in link[:2] for link in r.links):
            r.entities.pop(name)
    buyer = next((n for n in r.entities if n in CONSUMERS and n not in {"Member", "Student", "Patient"}), None)
    buyer = buyer or placer or next((_target(r, f.subject) for f in r.frames if f.verb in _CHOOSING and
                                     f.subject is not None and _target(r, f.subject) in {"Member", "Student"}),
                                    None) or "Customer"
    for name in (buyer, "Order", "OrderItem"):
        if name not in r.entities:
            r.entities[name] = definition(name) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
            r.entities[name].relations = []
            r.words_for[name] = words_of(name)
    for child, parent in (("Order", buyer), ("OrderItem", "Order"), ("OrderItem", sold)):
        add_link(r, child, parent)


def _open_bracket(text: str) -> int | None:
    """The token index of the last bracket still open at the end of `text` (joined tokens), if any."""
    depth, at = 0, None
    for i, w in enumerate(text.split()):
        if w == "(":
            depth, at = depth + 1, i
        elif w == ")":
            depth = max(depth - 1, 0)
            at = None if not depth else at
    return at if depth else None


def _stated_states(r: Reading) -> None:
    """'tickets move through statuses: open, in progress, resolved, closed' -> a workflow in that order."""
    for si, toks in enumerate(r.sentences):
        text = " ".join(t.text for t in toks)
        m = _STATES.search(text) or _THROUGH.search(text)
        if not m:
            continue
        states = [ident(x) for x in re.split(r" , | / | and | or | y | o | to | a |,|/", m.group(1)) if x.strip()]
        states = list(dict.fromkeys(s for s in states if s))
        if m.re is _THROUGH and not set(states) & _STATE_WORDS:
            continue  # 'through email, phone and chat' are channels, not states
        at = len(text[:m.start(1)].split())  # the token where the states begin
        inside = [p for p in r.phrases if p.sentence == si and p.start >= at]
        for p in inside:  # 'en curso' is a state here, not a course
            n = r.named.get(id(p))
            if n in r.entities and n != r.main and not any(n in link[:2] for link in r.links) and \
                    all(r.named.get(id(q)) != n for q in r.phrases if q not in inside):
                r.entities.pop(n)
        before = [p for p in r.phrases if p.sentence == si and p.end <= at]
        its = bool(re.search(r"\bits \w+\W*$", text[:m.start(1)]))  # 'a contractor, track its status': not a person's
        listed = re.search(r"\b([a-z]+) (?:has|have|with|tiene|tienen|con) (?:[^,(]* , )+[^,(]*\W*$", text[:m.start(1)])
        listed = listed or re.search(r"\b(?:each|every|cada) ([a-z]+)\b[^.;]*\b(?:has|have|tiene|tienen) "
                                     r"(?:a |an |its |un |una |su )?(?:status|state|stage|estado|fase)\W*$",
                                     text[:m.start(1)])
        holder = next((p for p in before if listed and p.words[-1] == listed.group(1)), None)
        opened = _open_bracket(text[:m.start(1)])  # 'Appointment (pet, vet, status: scheduled/completed)'
        bracketed = next((p for p in before if opened is not None and p.end == opened), None)
        owner = _target(r, bracketed) if bracketed is not None else None
        owner = owner or (_target(r, holder) if holder is not None else None)  # 'each prescription has a patient, ...'
        owner = owner or next((n for n in (_target(r, p) for p in reversed(before) if not (its and personish(p))) if n
                               and n not in _WHO), None)
        owner = owner if m.re is _THROUGH or owner else next(
            (n for n in (name_of(p, r.language) for p in r.phrases if p.sentence == si) if n in r.entities), None)
        if owner is None and si:  # 'Employees open tickets ... States: open, in progress, ...'
            said = [n for n in (_target(r, p) for p in r.phrases if p.sentence == si - 1) if n and n not in _WHO]
            owner = next((n for n in said if any(f.name == "status" for f in r.entities[n].fields)), None)
        owner = owner or _main(r)
        if len(states) < 3 or owner not in r.entities or r.uses_feature("workflow", owner):
            continue
        e = r.entities[owner]
        e.fields = [f for f in e.fields if f.name != "status"]
        e.fields.append(FieldSpec(name="status", type="enum", choices=states))
        moves = {a: [b] for a, b in zip(states, states[1:], strict=False)} | {states[-1]: []}
        r.feature_specs.append(FeatureSpec(name="workflow", entity=owner, field="status", transitions=moves))


def _workflow(r: Reading, target: str) -> None:
    """An approval status: draft -> submitted -> approved | rejected (rejected goes back to draft)."""
    e = r.entities[target]
    e.fields = [f for f in e.fields if f.name != "status"]
    if target.endswith("Request"):  # a request waits for a decision: pending -> approved | rejected
        moves = {"pending": ["approved", "rejected"], "approved": [], "rejected": []}
    else:
        moves = {"draft": ["submitted"], "submitted": ["approved", "rejected"], "approved": [], "rejected": ["draft"]}
    e.fields.append(FieldSpec(name="status", type="enum", choices=list(moves)))
    r.feature_specs.append(FeatureSpec(name="workflow", entity=target, field="status", transitions=moves))


_SHARERS = {"housemate", "participant", "companero", "companeros"}  # people who share costs, beside words.json's
_OPERATOR_NAMES = {"Owner", "Manager", "Admin", "Organiser", "Organizer"}
_COSTS = ("Expense", "Bill", "Cost", "Purchase", "Gasto")


def _split_costs(r: Reading) -> None:
    """'split expenses within a group' -> Group, Member, Expense (paid by a member), Share of each member; the people
    and the costs the prompt names are used ('flatmates log bills, split each bill' -> Flatmate, Bill)."""
    people = next((n for n in r.entities if r.words_for.get(n, "") in _SHARERS | {"participante", "participantes"}),
                  "") or next((n for n in r.entities if r.words_for.get(n, "") in word_set("people") | _SHARERS and
                               n not in _OPERATOR_NAMES), "Member")
    cost = next((n for n in r.entities if n in _COSTS), "Expense")  # the first said: 'an expenses app ... bills'
    grouped = people == "Member" or bool(re.search(r"\b(groups?|trips?|grupos?|viajes?)\b", r.text))
    group = "Trip" if "Trip" in r.entities else "Group"  # 'cada viaje tiene varios participantes': the trip
    for name in (*((group,) if grouped else ()), people, cost, "Share"):
        if name not in r.entities:
            r.entities[name] = definition(name) or EntitySpec(name=name, fields=[FieldSpec(name="name")])
            r.entities[name].relations = []
    for other in [n for n in r.entities if n in _COSTS and n != cost]:  # one cost said two ways
        r.entities.pop(other)
        r.links = [(cost if c == other else c, cost if p == other else p, k) for c, p, k in r.links]
    pairs = [(people, group), (cost, group)] if grouped else []
    if not any(f.name == "amount" for f in r.entities[cost].fields):
        r.entities[cost].fields.append(FieldSpec(name="amount", type="decimal", min=0))  # what is split
    for child, parent in (*pairs, (cost, people), ("Share", cost), ("Share", people)):
        add_link(r, child, parent)
    r.link_fields[(cost, people)] = "paid_by_id"  # the one who paid; shares say who owes
