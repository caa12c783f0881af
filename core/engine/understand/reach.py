"""Stage 8: reach. What is not a data app (a timer, an editor, a converter, a code tool, a game, a browser
extension, a disk analyser, an audio tool) is declined honestly; another stack is noted, and built in ours."""

from __future__ import annotations

import re
from functools import cache

from core.engine.understand.entities import declaring_line, record_lines
from core.engine.understand.knowledge import definition, known_words, words_of
from core.engine.understand.lexicon import ENTITY_WORDS_EN, ENTITY_WORDS_ES, pascal
from core.engine.understand.reading import Reading
from core.engine.understand.vocab import load, singular, word_set
from core.errors import UnsupportedRequestError

_Rule = tuple[str, re.Pattern[str]]
_OUR_STACK = "FastAPI + SQLAlchemy with a web frontend"


@cache
def _patterns() -> tuple[list[_Rule], list[_Rule], list[_Rule], list[_Rule], dict[str, re.Pattern[str]]]:
    """Compiled hard, tool, strong tool, whole-text tool and game patterns from vocabulary/reach.json."""
    data = load("reach")
    hard = [(x["what"], re.compile(x["pattern"])) for x in data["hard"]]
    tool = [(x["what"], re.compile(x["pattern"])) for x in data["tool"] if not x.get("strong")]
    strong = [(x["what"], re.compile(x["pattern"])) for x in data["tool"] if x.get("strong") and not x.get("scope")]
    across = [(x["what"], re.compile(x["pattern"], re.S)) for x in data["tool"] if x.get("scope") == "text"]
    game = {k: re.compile(v) for k, v in data["game"].items()}
    return hard, tool, strong, across, game


@cache
def _media() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compiled media patterns: a verb acting on a media noun, a '<media> ... <tool>' name, a media kind, records."""
    m = load("reach")["media"]
    nouns = "|".join(m["nouns"])
    after = "|".join(m["not_after"])
    noun = rf"(?:{nouns})\b(?! (?:{after})\b)"
    stops = "with|for|of|from|to|in|on|by|into|about|and|or|that|which|where|who|while|con|para|de|en|y|o|que"
    # 'remove the background from photos': a changing verb, then a media noun after one of its prepositions
    acting = re.compile(rf"\b(?:{'|'.join(m['verbs'])})\b(?: (?!(?:{stops})\b)[a-z'\-]+){{0,3}} {noun}|"
                        rf"\b(?:{'|'.join(m['near'])})\b(?: [a-z'\-]+){{1,5}} (?:of|from|in|on|within) "
                        rf"(?:(?:the|their|your|my|his|her|a|an|any) )?(?:[a-z\-]+ )?{noun}")
    named = re.compile(rf"\b{noun}(?: [a-z\-]+){{0,2}} (?:{'|'.join(m['tools'])})s?\b")
    return acting, named, re.compile(m["kind"]), re.compile(m["keeps"])


def media_tool(head: str) -> bool:
    """'lets people remove the backdrop from a picture', 'The Song Speed Adjuster ...': it makes or changes
    images, video or sound, and says nothing of keeping records."""
    acting, named, kind, keeps = _media()
    return bool(acting.search(head) or named.search(head) or kind.search(head)) and not keeps.search(head)


def decline_reason(r: Reading) -> str | None:
    """What the request is, when it is out of reach; None for a data app."""
    hard, tool, strong, across, game = _patterns()
    text = r.text
    if _declares_tables(r):
        return None  # 'Client(name, email) Project(client, ...) Drone(...)': the user has drawn the data model
    for what, pattern in hard:
        if pattern.search(text):
            return what
    sentences = re.split(r"(?<=[.!?])\s", text)
    head = sentences[0]
    # 'I do the puzzle page for our newsletter. Could you build me a thing where ...': the asking sentence says what
    asks = [s for s in sentences[1:] if _ASKING.search(s)][:1]
    stored = len([n for n in r.entities if n not in {"User", "File", "Folder", "Project", "Language"} | r.owners])
    subject = " ".join(head.split()[:6])  # 'a diagram editor to draw...', 'the code formatter is...'
    kept = stored and _KEPT_RECORDS.search(text)  # 'a timer ... and we keep each team's time on a leaderboard'
    liked = _LIKED_AND_KEPT.search(text)  # 'users can rate jokes and save their favourites': the jokes are kept
    for what, pattern in tool:
        in_head = any(pattern.search(h) for h in [head, *asks])
        if what in {"a generator", "a random picker"} and liked:
            continue
        if not kept and (pattern.search(subject) or in_head and stored < 3 or pattern.search(text) and stored < 2 and
                         not _data_words(text)):
            return what
    for what, pattern in tool:  # 'I need a tool to open an .srt file, shift the timings...': a tool, whatever it names
        if not kept and any(pattern.search(h) and _A_TOOL_TO.search(h) and not _data_words(h) for h in asks):
            return what
    for what, pattern in across:  # 'make an editor for our arrangements? ... and export to PDF': across sentences
        if pattern.search(text) and not _data_words(text):
            return what
    for what, pattern in strong:
        if what == "a browser extension" and pattern.search(subject):
            return what  # 'Chrome extension: ... if our catalogue has it': an extension, whatever it looks up
        if what == "a live sensor dashboard" and (_data_words(text) or _KEEPS.search(text)):
            continue  # 'a dashboard that stores the readings every 5 minutes': the readings are kept
        if any(pattern.search(h) and not _data_words(h) and not (what == "a route planner" and _KEEPS.search(h))
               for h in [head, *asks]):  # 'suggests the best route from the ones we've saved' keeps routes
            return what  # 'it scans the system for weaknesses', 'real-time directions': what it is, whatever it lists
    if any(media_tool(_COUNTED.sub("", h)) for h in [head, *asks]):  # 'number of edited photos' is a count
        return "an image, video or sound tool"
    tool_word = _agent_tool(r)
    if tool_word and stored - (pascal(tool_word) in r.entities) < 2 and not _data_words(text) and \
            not _KEEPS.search(text):
        return f"a tool ({tool_word})"
    soft = game["soft"].findall(text)
    gamey = bool(game["context"].search(text)) and any(s.startswith(("game", "juego", "videojuego")) for s in soft)
    played = game["subject"].search(text) or (game["players"].search(text) and game["world"].search(text) and
                                              not _data_words(head))  # 'lets players log the quests they take on'
    tracked = _TRACKED_GAMES.search(text)  # 'members record the games they play', 'lifts to away games': fixtures
    kept = re.search(r"\bkeep(?:s|ing)? (?:a )?(?:track|record|log) of\b", head) and stored >= 2  # of the monsters
    if played or soft and not tracked and (stored < 2 or gamey and stored < 4 and not kept):
        return "a game"
    if re.search(load("reach")["nothing_kept"], text):
        return "a tool that keeps nothing"  # 'Nothing needs to be saved': the last word, after the named kinds
    said_stateless = _STATELESS.search(text)
    named = next((what for what, pattern in tool if pattern.search(text)), None)
    if said_stateless and named and not _KEPT_RECORDS.search(text):
        return named  # 'una calculadora ... sin registro': a named tool said to keep nothing
    if said_stateless and stored <= 3 and not _KEPT_RECORDS.search(text) and not _data_words(_STATELESS.sub("", text)) \
            and not _KEEPS.search(_STATELESS.sub("", text)) and not _SIGNS_UP.search(text):
        return "a tool that keeps nothing"  # 'No accounts.', 'it keeps no history between scans': nothing is stored
    if not stored and _DOES.search(text) and not _data_words(text) and not _KEEPS.search(text) and \
            not _OVER_TIME.search(text) and not _shows_own_things(r):
        return "a tool that keeps nothing"  # 'a page that shows the moon phase for tonight': it computes, keeps nothing
    if _nothing_recognisable(r):
        return "a tool that keeps nothing"  # 'a colour development clock: pick toner, it counts down': no records
    unkept = _NOT_KEPT.sub("", text)  # 'no accounts, no saving' says nothing is kept
    given, back = _GIVEN.search(text), _GIVES_BACK.search(text)
    answers = given and back and not _OVER_TIME.search(_weak_counts_dropped(text, given, back)) and \
        not _lists_records(r) and not _SIGNS_UP.search(text) and not kept and not _KEPT_RECORDS.search(text)
    # 'it shows me which page goes where on each sheet': what it gives back may go per item; it keeps nothing
    if (answers or _ONLY_A_TOOL.search(text)) and (stored <= 3 or answers and not _named_before_answer(r)) and \
            not _data_words(unkept) and not _KEEPS.search(unkept):
        return "a tool that keeps nothing"  # 'I type the floor area ... and it tells me the heat loss': input, output
    return None


_LIKED_AND_KEPT = re.compile(r"\b(?:rate|rates|rating) (?:the |their |your )?[\w-]+s?\b[^.]{0,40}\b(?:save|saves|"
                             r"saving|keep|keeps) (?:their |your |the |them as )?(?:favou?rites?|favou?red)\b")
_WEAK_COUNTS = re.compile(r"\b(?:each|every|per|cada)\b")


def _weak_counts_dropped(text: str, given: re.Match[str], back: re.Match[str]) -> str:
    """The text with 'each', 'every' and 'per' dropped from what is typed in and what comes back ('how many sheets
    per signature ... it shows which page goes on each sheet'): there they are settings of one answer, not records
    adding up."""
    if given.start() > back.start():
        return text
    rest = text[back.end():]
    end = back.end() + len(re.split(r"[.!?;]", rest)[0])
    return text[:given.start()] + _WEAK_COUNTS.sub("", text[given.start():end]) + text[end:]


_A_TOOL_TO = re.compile(r"\b(?:tool|utility|script|program|programa|herramienta|something|algo) (?:to|that|which|para|"
                        r"que) (?!(?:keeps?|stores?|tracks?|logs?|records?|manages?|guarde|registre|gestione)\b)")
_COUNTED = re.compile(r"\b(?:number|amount|count|numero|cantidad) (?:of|de) (?:[\w-]+ ){0,2}")
_DOES = re.compile(r"\b(shows?|displays?|calculates?|computes?|converts?|generates?|plays?|checks?|tells?|measures?|"
                   r"counts?|highlights?|animates?|gives? (?:me|you|us) back|returns?|spits? out|lets? (?:me|you|us) "
                   r"(?:click|type|drag|draw|play|spin|roll|pick|hear|listen|see|try)|muestra\w*|calcul\w*|"
                   r"convier\w*|gener\w*|reproduc\w*|comprueb\w*|mid[ae]n?|devuelv\w*|me dig[ae])\b")


_GIVEN = re.compile(r"\b(?:i|we|you|users?|people|they|someone|anyone|customers?|clients?|techs?|staff)\s+"
                    r"(?:can\s+|could\s+|just\s+|then\s+|to\s+)?(?:type|enter|enters|types|paste|"
                    r"input|upload|drop|put in)\b|\b(?:paste|type|enter|pegas?|subo|subes) (?:in|a|an|the|your|my|"
                    r"some|the names|las?|los|el|unas?|tus?|mis?)\b|\btakes? (?:a|an|the|my|your) \w+|"
                    r"\b(?:pego|pegas|introduzco|introduces|introduce|escribo|escribes|escribe|meto|metes|mete)\b|"
                    r"\b(?:type|paste|enter|input) (?:\w+ ){1,3}and (?:get|it)\b|"
                    r"(?:^|[-:;]\s*)(?:enter|type|input|paste|put in)\s+[a-z]\w+")  # '... page - enter nozzle flow'

_GIVES_BACK = re.compile(r"\b(?:it|that|which|and)\s+(?:then\s+)?(?:tells|gives|shows|returns|calculates|works out|"
                         r"spits out|scores|counts|flags|suggests|reads|generates|converts|produces|shuffles|prints|"
                         r"formats|draws|plots|animates)\b|"
                         r"\b(?:and|to) get (?:it|them|that) (?:back|translated|decoded)\b|"
                         r"\band get (?:the |a |an |its )?(?:morse|text|result|results|answer|translation|output|"
                         r"binary|hex|braille|ipa|transcription|dose|price|cost|total|number|estimate|share|shares)\b|"
                         r"\bget (?:each|every) (?:person's |one's )?shares?\b|"
                         r"\b(?:te|me|nos|le|les) (?:da|dice|devuelve|muestra|calcula|genera)\b|\b(?:shuffle|shuffles) "
                         r"(?:them|the \w+) into\b|\b(?:descarg\w+|download) (?:\w+ ){0,2}(?:zip|mp3|pdf|wav)\b")
_OVER_TIME = re.compile(r"\b(?:each|every|per|daily|weekly|monthly|totals?|charts?|progress|history|over time|owes?|"
                        r"cada|diari[oa]s?|semanal(?:es)?|mensual(?:es)?|historial|totales)\b")  # what adds up is kept
_NOT_KEPT = re.compile(r"\b(?:no|not|without|nothing|sin|nada)\s+(?:\w+\s+)?(?:saving|saved|save|stored|history|"
                       r"guardar|guarda)\b")
_STATELESS = re.compile(
    r"\bno data is (?:stored|kept|saved)\b|\b(?:does not|doesn't|do not|don't) (?:record|store|save|keep) (?:any )?"
    r"(?:patients|customers|users|people|data|records|results|scores|history)\b|\bno guarda (?:canciones|datos|nada|"
    r"sesiones|resultados|historial)\b|\bno scores\b|"
    r"\bno (?:user )?(?:accounts?|logins?|sign[- ]?ups?|registration)(?: (?:are |is )?(?:needed|required|"
    r"necessary))?\b|\bno (?:requiere|necesita|hace falta) (?:registro|cuentas?|login)\b|"
    r"\bsin (?:registro|cuentas|login)\b|\bni cuentas de usuario\b|\bkeeps? no (?:history|records|data)\b|"
    r"\b(?:are|is) (?:cleared|wiped|lost|discarded|forgotten) when\b|"
    r"\bse (?:pierde|pierden|borra|borran) al (?:terminar|cerrar|salir)\b|\blives? only in\b|"
    r"\bonly (?:in|while) (?:the |an )?(?:open )?(?:tab|session|browser)\b|"
    r"\bjust (?:show|display|give) (?:me |us )?the (?:number|result|answer|price|total)\b|\bjust for fun\b|"
    r"\bsolo para (?:divertirse|pasar el rato)\b")
# the user says nothing is kept: no accounts, nothing remembered between uses
_ONLY_A_TOOL = re.compile(r"\b(?:just|only|simply) a (?:calculator|tool|converter|helper)\b|\bnada mas\b|"
                          r"\bno saving\b|\bno accounts, no\b")


_TRACKED_GAMES = re.compile(r"\b(?:record|records|recording|log|logs|logging|track|tracks|tracking|keep|keeps|enter|"
                            r"enters|input|inputs|submit|submits|registr\w*|apunt\w*|anot\w*) (?:[\w']+ ){0,3}"
                            r"(?:games|matches|results|scores?|partidas|partidos|resultados)\b|"
                            r"\b(?:record|records|log|logs|track|tracks|enter|enters|input|inputs) (?:[\w']+ ){0,5}"
                            r"(?:per|each|every|in each|for each|after each) (?:game|match|partido)\b|"
                            r"\b(?:away|home|upcoming|weekend|league|cup) (?:games|matches|partidos)\b|"
                            r"\b(?:check|checks|lend|lends|loan|loans|borrow|borrows|rent|rents) (?:the )?games?\b|"
                            r"\b(?:\d+|~\d+|hundreds of) (?:board )?games\b|"
                            r"\b(?:games|matches) (?:this|each|every|per) (?:season|week|weekend)\b|"
                            r"\bgame (?:schedule|days?|fees?|stats|statistics|results|scores|reports?|sheets?)\b|"
                            r"\bscores? (?:from|of|in) (?:the |their |past |previous |each |all )?(?:games|matches)\b|"
                            r"\b(?:recommend\w*|suggest\w*|discover|search|browse|explore|find) (?:[\w-]+ ){0,4}"
                            r"board ?games?\b|"
                            r"\b(?:each|every|per) game(?:'s| ?s)? (?:scores?|results?)\b|"
                            r"\bscores? (?:per|for each|of each|for every) game\b|\bleague nights?\b|"
                            r"\bpartidos (?:de|del) (?:la )?(?:temporada|liga)\b|"
                            r"\b(?:sell|sells|selling|sold|stock|stocks|lend|lends|lending|rent|rents|renting|hire|"
                            r"hires|borrow|borrows|borrowed|collection of|library of|vende\w*|presta\w*|alquila\w*) "
                            r"(?:\w+ ){0,3}(?:games|board games|juegos|juegos de mesa)\b|"
                            r"\b(?:board ?games?|games|video ?games|juegos(?: de mesa)?) (?:collection|library|shelf|"
                            r"cafe|club|nights?|swap|lending)s?\b|\bgame nights?\b|"
                            r"\b(?:my|our|mis|nuestros) (?:\w+ ){0,2}(?:board ?games|video ?games|juegos de mesa)\b|"
                            r"\b(?:collection|library|database|encyclopedia|wiki|catalogu?e) of (?:[\w-]+ ){0,3}"
                            r"(?:lore|information|guides?|walkthroughs?|characters)\b")  # a game's wiki is kept


_ASKING = re.compile(r"\b(?:i|we)(?: (?:want|need|would like|would love)|'d like|'d love)\b|^\W*would love\b|"
                     r"^\W*(?:make|build|create|write|develop|code)(?: me| us)? (?:a|an|the|some)\b|"
                     r"^\W*(?:want|need|looking for)\b|"
                     r"\b(?:could|can|would) you (?:build|make|create|do)\b|\b(?:build|make) (?:me|us)\b|"
                     r"\b(?:quiero|queremos|necesito|necesitamos|me gustaria|nos gustaria)\b|"
                     r"\b(?:podrias|puedes|podeis|podrian) (?:hacer|crear|montar)(?:me|nos)?\b")
_KEEPS = re.compile(r"\b(imports?|importing|saves?|saved|saving|history|histories|archive|(?:and|that|which|it) "
                    r"keeps (?:the |all |our |their |a |an )?(?:list of |record of |log of )?[a-z]+s)\b")
_WANTING_LEAD = {"a", "an", "the", "my", "our", "simple", "small", "quick", "basic", "free", "online", "web", "little",
                 "need", "want", "build", "make", "create", "me", "us", "i", "we", "please", "like", "would",
                 "write", "implement", "develop"}


_SHARED_COSTS = {"expense", "expenses", "bill", "bills", "cost", "costs", "rent", "trip", "cheque", "check", "tab",
                 "grocery", "groceries", "dinner", "household", "flat", "flatmate", "roommate", "gasto", "gastos"}


def _agent_tool(r: Reading) -> str | None:
    """'a JSON formatter and validator', 'a morse code translator': the request names a device that does something
    (an agent noun of a verb, '-er'/'-or'), not a kind of record keeper. Its head word, else None."""
    if r.language != "en" or not r.sentences:
        return None
    toks = r.sentences[0]
    first = next((p for p in r.phrases if p.sentence == 0), None)
    if first is None or first.plural or any(t.tag not in {"DET", "ADJ", "AUX", "PRON", "VERB", "NUM"} and
                                            t.text not in _WANTING_LEAD for t in toks[:first.start]):
        return None
    word = first.head
    if word in word_set("record_tools") or word in word_set("people") or word in known_words() or \
            not word.endswith(("er", "or", "iser", "izer", "yser", "yzer")) or len(word) < 6:
        return None
    if word == "splitter" and set(first.modifiers) & _SHARED_COSTS:
        return None  # 'an expense splitter for roommates': who paid what and who owes whom, kept
    if word in ENTITY_WORDS_EN or word in load("nouns")["names"] or first.modifiers[-1:] and \
            f"{first.modifiers[-1]} {word}" in known_words():
        return None  # 'a customer', 'an order', 'a poster': things kept in data apps
    return word


_KEPT_RECORDS = re.compile(r"\b(?:we|i|it|they) (?:also |then )?(?:keep|keeps|store|stores|log|logs|record|records|"
                           r"archive|archives|guardamos|registramos) (?:the|each|every|all|their|our|its|his|her|"
                           r"los|las|cada|todos|todas) |(?:^|[.!?] )(?:track|log|record|keep track of|keep a record of|"
                           r"registrar|llevar el control de) "
                           r"(?:our|my|the|all|each|every|los|las|nuestros|nuestras|mis) |"
                           r"\b(?:is|are|gets|get) (?:then |also )?(?:saved|stored|logged|recorded|kept) (?:to|in|on|"
                           r"against|under|with)\b|"
                           r"\b(?:saves|stores|logs) (?:each|every|all|the) [\w-]+ (?:to|in|on|against)\b|"
                           r"\b(?:students|members|users|teachers|coaches|players|customers|patients|volunteers|"
                           r"clients|staff|pupils|parents) (?:can |then |also )?(?:record|log|save|track)s?\b")
# what is kept ('we keep each team's time', 'Track our giveaway entries, pick a winner'); 'save your drawing' is not
_SIGNS_UP = re.compile(r"\b(?:can|then|and|to) (?:register|book|reserve|sign up|enrol|enroll|order|buy|reservar|"
                       r"inscribirse|comprar|pedir)\b")


_RECORD_HINTS = re.compile(r"\b(?:history|histories|register|registers|registro|gestion|management|ordering|orders?|"
                           r"pedidos?|bookings?|reservations?|reservas?|members|socios|customers|clientes|collections?|"
                           r"catalog(?:ue)?s?|directory|platform|plataforma|accounts?|profiles?|logins?|sell|sells|"
                           r"vende\w*|venta|ventas|tracker|diary|journal|lists?|listas?|apply|applies|applied|"
                           r"applications? (?:for|to)|approves?|approved|rejects?|solicitud\w*|aprueba\w*|status|"
                           r"estados?|forms?|formularios?|stored|saved|recorded|kept|apunt\w*|anot\w*|guard\w*)\b")


def _nothing_recognisable(r: Reading) -> bool:
    """What the request would build is at most one thing the engine knows, linked to nothing, and no word says
    records are kept ('flashes when it's time to rinse', 'get each share'): a tool, not a data app."""
    known = sum(definition(n) is not None for n in r.entities)
    text = r.text
    several = {r.entity_of(p) for p in r.phrases if p.plural} - {None}  # 'issues, contributors and print runs'
    detailed = any(len(words) >= 3 and name in r.entities for name, words in r.field_lists.items())  # 'items (name,'
    return bool(r.entities) and known <= 1 and not r.links and not _declares_tables(r) and len(several) < 2 and \
        not detailed and not _shows_own_things(r) and \
        not _data_words(text) and not _KEEPS.search(text) and not _RECORD_HINTS.search(text) and \
        not _KEPT_RECORDS.search(text) and not _SIGNS_UP.search(text) and bool(_TOOL_SIGNS.search(text)) and \
        not _PLANS.search(text)


# 'shows our cakes', 'see all my plants': what is kept
_OWN_THINGS = re.compile(r"\b(?:shows?|lists?|tells? me which of|see|muestra\w*) (?:me )?(?:all )?"
                         r"(?:my|our|mis|nuestr[oa]s) (?:[\w-]+ ){0,2}?[\w-]+s\b")


def _shows_own_things(r: Reading) -> bool:
    """'a site that shows our cakes with prices': it lists things of the user's that the app keeps."""
    kept = {words_of(n).split()[-1] for n in r.entities}
    return any(singular(m.group(0).split()[-1]) in kept for m in _OWN_THINGS.finditer(r.text))


_TOOL_SIGNS = re.compile(r"\b(?:it|that|which|and|then) (?:\w+ ){0,2}(?:shows?|tells?|counts?|flashes|beeps?|rings?|"
                         r"buzz\w*|plays?|prints?|exports?|converts?|calculates?|works out|gives?|renames?|copies|"
                         r"draws?|simulates?|refreshes|updates?|loops?|queries|pulls?|sends?|turns?)\b|"
                         r"\b(?:screen|pantalla|display|button|boton|tablet|png|pdf|export|exporta\w*|print|imprim\w*|"
                         r"beep|pitido|buzzer|countdown|cuenta atras|alarm|alarma|avise|avisa|click|clic|tap|show me|"
                         r"muestrame|herramienta|tool|copy|copia|renombr\w*|rename|cortar|recortar|trim)\b|"
                         r"\b\w+ (?:to|a) [\w/]+, [\w ]+ (?:to|a) \w+")  # 'knots to km/h, feet to metres': a converter
_PLANS = re.compile(r"\b(?:plan|plans|planning|planner|organi[sz]e|organi[sz]ing|discover|explore|learn|learning|"
                    r"news|notes?|notebooks?|tasks?|projects?|flashcards?|planificar|organizar|tareas|proyectos)\b")


def _lists_records(r: Reading) -> bool:
    """'it shows the upcoming events', 'le muestra los pisos disponibles': the answer is records the app keeps."""
    kept = {words_of(n).split()[-1] for n in r.entities} | {w.split()[-1] for w in r.words_for.values() if w}
    for m in _GIVES_BACK.finditer(r.text):
        if not re.search(r"show|suggest|return|gives|muestra|devuelve", m.group(0)):
            continue  # 'counts characters', 'flags words': it works on the input, it lists nothing kept
        for w in r.text[m.end():].split()[:5]:
            if w.endswith("s") and len(w) > 3 and ({singular(w), singular(w, "es")} & kept or
                                                   singular(w, "es") in ENTITY_WORDS_ES and r.language == "es"):
                return True
    return False


def _named_before_answer(r: Reading) -> bool:
    """'Paste a METAR string and get it back in plain English: wind, visibility, cloud': every thing named comes
    after what it gives back, so they are the answer's parts, not records; True when one is named before."""
    m = _GIVES_BACK.search(r.text)
    before = r.text[:m.start()] if m else r.text
    return any(re.search(rf"\b{re.escape(words_of(n).split()[-1])}", before) for n in r.entities)


def _declares_tables(r: Reading) -> bool:
    """Three tables with the fields the user gives them in brackets ('couples (names, email, phone)', 'packages
    (hours, price)'): whatever else it mentions (edited photos, orthomosaics), the request is a data app."""
    given = [name for name, words in r.field_lists.items() if len(words) >= 2 and name in r.entities]
    lines = sum(map(declaring_line, r.sentences)) + record_lines(r)  # lines 'Drone(model, serial)', 'Piece: key, title'
    return len(given) >= 3 or lines >= 2 or len(given) >= 2 and bool(_KEEPS_PEOPLE.search(r.text))


_KEEPS_PEOPLE = re.compile(r"\b(?:log in|logs in|sign in|accounts?|spreadsheets?|one place for|iniciar sesion|"
                           r"hojas? de calculo)\b")


_SHOPS = re.compile(r"\b(?:a|an|the|our|my|your|their|this|hardware|online|app|play|grocery|web|book|corner|"
                    r"coffee|retail|local|department|garden|pet|toy|record|charity|thrift|farm|gift|music) stores?\b")


def _data_words(text: str) -> bool:
    """Words that say the app keeps records ('a hardware store' is a shop, not storing)."""
    return bool(re.search(r"\b(track|tracks|tracking|manage|manages|managing|log|logs|record|records|store|stores|"
                          r"database|catalog|catalogue|inventory|gestionar|registrar|guardar)\b",
                          _NOT_TRACKING.sub(" ", _SHOPS.sub(" ", text))))


_NOT_TRACKING = re.compile(r"\b(?:click|backing|audio|race|running|dirt|bmx) tracks?\b")  # a click track plays


def reach_stage(r: Reading) -> Reading:
    """Decline what is out of reach; note another requested stack."""
    what = decline_reason(r)
    if what:
        raise UnsupportedRequestError(
            f"The offline engine cannot build this request ({what}): it is not a data app. The offline engine "
            f"builds data apps — things to store, list, search and link, such as a task manager, a shop, a CRM, "
            f"bookings or a library — as a {_OUR_STACK}, with tests. For this request, choose a model provider "
            f"(JoxCoder, OpenAI or Anthropic) in Settings; it can try. Nothing was charged.")
    stacks = sorted(set(re.findall(load("reach")["other_stacks"], r.text)))
    if stacks and r.language == "es":
        r.not_built.append(f"la tecnología {', '.join(stacks)} (construida con FastAPI + SQLAlchemy y un frontend web)")
    elif stacks:
        r.not_built.append(f"the {', '.join(stacks)} stack (built with {_OUR_STACK} instead)")
    return r
