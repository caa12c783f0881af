"""Stages 1-2: normalise the prompt and cut it into sentences of tagged tokens."""

from __future__ import annotations

import re
from functools import cache

from lemminflect import getAllLemmas

from core.engine.understand.lexicon import ENTITY_WORDS_EN, ENTITY_WORDS_ES, FIELD_WORDS_ES, detect_language, normalise
from core.engine.understand.reading import Reading, Token
from core.engine.understand.vocab import is_spanish_verb, load, singular, verb_lemmas, word_set

_TOKEN = re.compile(r"#[0-9a-f]{3,6}\b|[a-z0-9][a-z0-9_\-]*(?:'s|')?|[,;:()&/]")
_NOT_ADVERBS = {"family", "supply", "reply", "assembly", "anomaly", "apply", "ally", "rally", "july", "italy",
                "butterfly", "lily", "jelly", "belly", "fly", "holy", "only", "daily", "weekly", "monthly",
                "yearly", "early", "friendly", "user-friendly", "likely", "quarterly", "hourly", "nightly"}
_ADJ_SUFFIXES = ("ful", "ous", "ible", "able", "ical", "less", "ive")
_NOUNS_IN_ADJ_FORM = {"objective", "representative", "executive", "archive", "detective", "incentive",
                      "initiative", "alternative", "relative", "native", "motive", "directive", "cable", "table",
                      "vegetable", "timetable", "receivable", "payable", "deliverable", "collectible", "bible"}
_WANTING = {"want", "wants", "wanted", "need", "needs", "needed", "like", "would"}
_COLLECTIVE = {"staff", "people", "personnel", "crew", "faculty", "police"}  # singular form, plural verb
_VERB_SUFFIXES = ("izes", "ises", "ates", "ifies", "ides", "ects", "ains", "ows")
_TIME_FIELDS = {"starts", "ends", "created", "updated", "due", "published", "scheduled", "opens", "closes", "expires"}
_SUBORDINATING = {"if", "when", "once", "after", "until", "unless", "whenever", "before", "where"}
_MODALS = {"can", "could", "will", "would", "should", "must", "may", "might", "puede", "pueden", "podran",
           "debe", "deben"}


_PEOPLE_SUBJECTS = {"people", "members", "users", "kids", "children", "students", "guests", "customers", "friends",
                    "visitors", "players", "parents", "neighbours", "neighbors"}
_IRREGULAR_PLURALS = {"children", "people", "men", "women", "staff", "folk", "crew"}  # 'children sign up for ...'
_POSSESSIVES = {"my", "our", "your", "their", "his", "her"}
WHO_WORDS = {"who", "quien"}  # a free relative: the word after it (or after its auxiliary) is a verb
_WH_ADVERBS = {"how", "why", "whether", "when", "where"}  # 'rules to determine how files are kept'
_SITE_COMPOUNDS = {"hosting", "building", "ranking", "rankings", "booking", "bookings", "listing", "listings"}
_SITES = {"site", "website", "page", "app", "platform", "portal"}


def brackets(prompt: str) -> str:
    """'inspections [hive, date, queen seen y/n]' -> round brackets, no y/n; 'cattle records. Fields: [tag, dam]' ->
    'cattle records with tag, dam' (the fields of what was just named)."""
    prompt = re.sub(r"(?<=\w)\s*[.:;]\s*(?:fields|campos|columns|columnas)\s*:?\s*\[([^\]]*)\]",
                    lambda m: " with " + m.group(1), prompt, flags=re.I)
    prompt = prompt.replace("[", "(").replace("]", ")")
    # 'the retreats themselves (dates, price)': the fields are the retreats'
    prompt = re.sub(r"(?<=\w) (?:themselves|itself|mism[oa]s?) (?=\()", " ", prompt, flags=re.I)
    prompt = re.sub(r"(?<=\w)\s*(?:\.\.\.|\u2026)\s*(?=[),;])", " etc", prompt)  # '(bath, cut, nails...)': examples
    prompt = re.sub(r"(?<=\w) ?\| ?(?=\w)", "/", prompt)  # 'type: topographic | roof inspection': values, as '/'
    prompt = re.sub(r"(?<=[a-zA-Z])\s*=(?![>=])\s*(?=[a-zA-Z][\w /-]*,)", ": ", prompt)  # 'ticket = date, haulier
    return re.sub(r"\s+(?:\((?:y/n|yes/no|s[ií]/no)\)|\b(?:y/n|yes/no|s[ií]/no)\b)", "", prompt, flags=re.I)


_WHAT_WAS = {"found": "find", "caught": "catch", "seen": "sighting", "spotted": "sighting", "sold": "sale",
             "harvested": "harvest", "encontro": "hallazgo", "vio": "avistamiento", "pesco": "captura",
             "vendio": "venta", "cosecho": "cosecha"}


def normalise_stage(r: Reading) -> Reading:
    """Lower case, accents stripped, spaces collapsed; the language detected."""
    r.text = normalise(brackets(r.prompt).replace("’", "'"))
    r.language = detect_language(brackets(r.prompt))
    r.flags = {m.group(1) for m in _FLAGGED.finditer(normalise(r.prompt))}
    return r


_FLAGGED = re.compile(r"(\w+(?: \w+)?) ?(?:\((?:y/n|yes/no|si/no)\)|\b(?:y/n|yes/no|si/no)\b)")


def _several(m: re.Match) -> str:
    """'more than one' -> 'several', 'más de un' -> 'varios' (a count word the tagger knows)."""
    return "several" if m.group(0)[0] in "oOmM" and m.group(0).lower().startswith(("one", "more")) else "varios"


_FLOW = re.compile(r"([\w-]+)((?:\s*(?:->|=>|\u2192)\s*[\w -]+?)*)\s*(?:->|=>|\u2192)\s*([\w-]+)")


def _flow(m: re.Match[str]) -> str:
    """'dirty -> in progress -> clean' -> '(dirty, in progress, clean)': values in brackets, not things."""
    middle = [x.strip() for x in re.split(r"->|=>|\u2192", m.group(2)) if x.strip()]
    values = ", ".join([m.group(1), *middle, m.group(3)])
    return values if m.start() and m.string[m.start() - 1] == "(" else f"({values})"


def flows_as_brackets(text: str) -> str:
    """The text with each 'a -> b -> c' written as '(a, b, c)'."""
    return _FLOW.sub(_flow, text)


def sentences_stage(r: Reading) -> Reading:
    """Sentences (and list lines) as tokens tagged with their part of speech."""
    prompt = brackets(r.prompt)
    bullets: list[bool] = []
    text = re.sub(r"\b(e\.g\.|i\.e\.|etc\.)", lambda m: m.group(1).replace(".", ""), _lines(prompt, bullets))
    text = re.sub(r"(?<=[:.!?;])\s+\d{1,2}[.)]\s+(?=[a-z])", "\n", text)  # '... have: 1. artists: ...
    text = re.sub(r"\b([a-z])\s*&\s*([a-z])\b", r"\1\2", text)  # 'd&d', 'b&b', 'r&d': one word
    text = re.sub(r"[^\n]*(?: \+ [^\n+]*){2,}", lambda m: m.group(0).replace(" + ", ", "), text)  # 'a + b + c': a list
    text = re.sub(r"(?<=[a-z]) \+ (?=(?:a|an|the|their|his|her|its|my|our|su|sus|un|una) )", " and ", text,
                  flags=re.I)  # 'customers + their properties', 'turbidity + a photo'
    text = re.sub(r"(?<=[a-z]) \+ (?=[a-z]{3,}[^s\W]s\b)", " and ", text, flags=re.I)  # 'inventory + orders'
    text = re.sub(r"\b([a-z]{3,}[^s\W]s) \+ (?=[a-z])", r"\1 and ", text, flags=re.I)  # 'lessons + notes' (not
    # 'customer + bike (make, model)', one record of both)
    text = re.sub(r"\b(?:a |the )?(pass|passed) ?/ ?(?:fail|failed)\b", "a result", text, flags=re.I)  # pass/fail
    text = re.sub(r"\b(?:(?:their|your|his|her|my|our) )?(?:friends,? (?:and|&|or) famil(?:y|ies)|famil(?:y|ies),? "
                  r"(?:and|&|or) friends|(?:sus |tus |mis )?(?:amigos,? (?:y|o) famil\w+|famil\w+,? (?:y|o) amigos))\b",
                  "others", text, flags=re.I)  # 'share entries with friends and family': other people, no tables
    text = re.sub(r"\bpre-(order|book)", r"pre\1", text, flags=re.I)  # 'pre-order items': one verb
    text = re.sub(r"\b(?:natural language|language|data|image|text|word|signal|speech|audio|video) processing\b",
                  "automation", text, flags=re.I)  # a technique, not the records of a 'returns processing' app
    text = re.sub(r"\bfamily[- ](?:run|owned)\b", "independent", text, flags=re.I)  # 'a family-run funeral home'
    text = re.sub(r"\b(?:one or more|one or several|more than one|uno o m[aá]s|una o m[aá]s|uno o varios|"
                  r"una o varias|m[aá]s de una?)\b", _several, text,
                  flags=re.I)  # 'can own more than one piano': many of them
    text = re.sub(r"(?<!the )(?<!parking )(?<!auction )(?<!our )(?<!their )(?<!these )\b(?:a lot of|lots of|"
                  r"loads of|plenty of|tons of|a bunch of|a ton of)\b", "many", text, flags=re.I)  # not a Lot
    text = re.sub(r"\b((?:flag|mark|tag|label|marc)\w*) (as|como) ['\"]([a-z][a-z -]{1,28}[a-z])['\"]",
                  lambda m: f"{m.group(1)} {m.group(2)} {re.sub(r'[ -]', '_', m.group(3))}", text,
                  flags=re.I)  # "dogs flagged as 'escape artist'": one label, not an Artist
    text = re.sub(r"\b(?:because of|due to|owing to|on account of) (?:the |bad |heavy |high |strong |low )?"
                  r"(?:weather|clouds?|rain|wind|winds|snow|storms?|fog|ice|heat|tides?|conditions)\b", "",
                  text, flags=re.I)  # 'cancelled because of clouds': why, not a Cloud
    text = re.sub(r"\b(cancel\w*|suspend\w*|aplaz\w*|anul\w*) (?:por|debido a|a causa de) (?:el |la |las |los |mal |"
                  r"fuerte |mucho )?(?:tiempo|nubes?|lluvias?|viento|nieve|tormentas?|niebla|hielo|calor|mareas?)\b",
                  r"\1", text, flags=re.I)  # 'si se cancela por nubes': why, not a Nube
    text = re.sub(r"\b(voucher|gift card|gift voucher) codes?\b", r"\1", text,
                  flags=re.I)  # 'redeem a voucher code': the voucher (its code is a field), not a Code table
    text = re.sub(r"\b(record|log|note|track|write down|keep a record of) what (?:was|were|is|are|has been|have been|"
                  r"we|they|people|members|you|i)(?: \w+)? (found|caught|seen|spotted|sold|harvested)\b",
                  lambda m: f"{m.group(1)} each {_WHAT_WAS[m.group(2).lower()]}", text,
                  flags=re.I)  # 'we record what was found: species, habitat': each find, with those details
    text = re.sub(r"\b((?:apunt|registr|anot)\w*) lo que se (encontro|vio|pesco|vendio|cosecho)\b",
                  lambda m: f"{m.group(1)} cada {_WHAT_WAS[m.group(2).lower()]}", text, flags=re.I)
    text = re.sub(r"\bnext of kin\b", "next-of-kin", text, flags=re.I)  # one person, not a Next of a Kin
    text = re.sub(r"\b(drop|pick)[ -](offs|ups)\b|\b(each|every|a|the|one|per) (drop|pick)[ -](off|up)\b",
                  lambda m: m.expand(r"\1\2") if m.group(1) else m.expand(r"\3 \4\5"), text,
                  flags=re.I)  # 'regular drop offs', 'each drop off': one noun, not a Drop and an Off
    text = re.sub(r"\b(book|books|booked|booking) (?:onto|into|on to)\b", r"\1", text,
                  flags=re.I)  # 'book onto intro sessions': the sessions are booked
    text = re.sub(r"\b(tags?) ?(?:or|and|/) ?labels?\b|\blabels? ?(?:or|/) ?(tags?)\b",
                  lambda m: m.group(1) or m.group(2), text, flags=re.I)  # 'tags or labels': one thing, the tags
    text = re.sub(r"\b(add|adds|adding|assign|assigns|assigning|apply|applies|applying|attach|attaches|attaching) "
                  r"(?:custom |their own |own )?labels to\b", r"\1 tags to", text,
                  flags=re.I)  # 'add labels to notes': tags, many-to-many, not a Label table
    text = re.sub(r"\b(quantity|quantities|stock|units|amount|number) on hand\b", r"\1 available", text,
                  flags=re.I)  # 'with quantity on hand': how many are there, not a Hand
    text = re.sub(r"\b(?:several |many |a few )?(?:hundreds|thousands|dozens|millions|tens) of\b", "many", text,
                  flags=re.I)  # 'hundreds of scanned documents': a count, not a Hundred
    text = re.sub(r"\b(?:cientos|miles|decenas|docenas|centenares|millares|millones|un mont[oó]n|un pu[nñ]ado) de\b",
                  "muchos", text, flags=re.I)  # 'cientos de documentos', 'un montón de': muchos, not a Ciento
    if r.language == "es":
        text = re.sub(r"\b(esta|estan|estoy|estamos|estar|este|esten|está|están|esté|estén) de acuerdo\b",
                      r"\1 conformemente", text, flags=re.I)  # 'marcar que está de acuerdo': agrees, not an Agreement
        text = re.sub(r"(?<!hecho )(?<!hechos )(?<!hecha )(?<!hechas )\ba mano\b", "manualmente", text,
                      flags=re.I)  # 'apuntamos a mano los niños': by hand, an adverb
        text = re.sub(r"\b(?:hechos? |hechas? )?a (?:medida|mano)\b", "personalizado", text,
                      flags=re.I)  # 'plantillas a medida', 'un cuaderno a medida': made to order, not a Measurement
        text = re.sub(r"\b(fecha|hora|d[ií]a|lugar|n[uú]mero) de (\w+) y de (\w+)", r"\1 de \2 y \1 de \3", text,
                      flags=re.I)  # 'fecha de prueba y de entrega': two dates, not a Delivery
    for short, full in _CONTRACTIONS:
        text = re.sub(short, full, text)  # "i'd like", "we're": words, not possessives
    text = _FLOW.sub(_flow, text)  # 'mark the room dirty -> in progress -> clean': the states it goes through
    text = re.sub(r"\s+[\u2013\u2014]\s*|\s*[\u2013\u2014]\s+", " - ", text)
    text = re.sub(r"^((?:[^\s:.!?;\n-]+ ){1,7}[^\s:.!?;\n-]+) - ([^.!?;\n]*?) - ", r"\1: \2, ", text)  # an aside
    text = re.sub(r"^((?:[^\s:.!?;\n-]+ ){1,7}[^\s:.!?;\n-]+) - ", r"\1: ", text)  # 'coin collection app - coins, ...'
    text = re.sub(r"[^.!?;\n]+", _dash_list, text)
    lines = text.split("\n")
    bullets = bullets if len(bullets) == len(lines) else [False] * len(lines)  # a rewrite joined lines: no marks
    for line, bullet in zip(lines, bullets, strict=True):
        first = True
        for raw in re.split(r"(?<=[.!?;])\s+|\s+-\s+|(?<=[a-z)])\.(?=[a-z])", line):
            toks = [_token(t) for t in _TOKEN.findall(raw)]
            if toks:
                toks = tag(toks, r.language)
                _quantities(toks)
                if bullet and first:
                    r.bullets.add(len(r.sentences))
                first = False
                r.sentences.append(toks)
    return r


def _dash_list(m: re.Match[str]) -> str:
    """'something for my pottery classes - students, which class they're in, and what they paid': one dash before a
    list introduces it, as a colon does (two dashes are an aside, and a dash before a clause starts another one)."""
    chunk = m.group(0)
    if chunk.count(" - ") != 1 or ":" in chunk:
        return chunk
    before, after = chunk.split(" - ")
    return f"{before}: {after}" if "," in after and len(after.split()) >= 3 else chunk


_BULLET = re.compile(r"^\s*(?:[-*\u2022\u2013]|\d{1,2}[.)])\s+")


def _lines(prompt: str, bullets: list[bool] | None = None) -> str:
    """The normalised prompt with its line breaks kept where a new line starts a new statement: a list item, a
    capitalised line or a line after one ending in ':' or a full stop (a wrapped sentence goes on as one); `bullets`
    gets, per line kept, whether it was a list item."""
    out: list[str] = []
    marks: list[bool] = []
    for raw in prompt.replace("\u2019", "'").splitlines():
        line = raw.strip()
        if not line:
            continue
        new = not out or bool(_BULLET.match(line)) or line[:1].isupper() or line[:1].isdigit() or \
            out[-1].rstrip().endswith((":", ".", "!", "?", ";"))
        bullet = bool(_BULLET.match(line))
        line = normalise(_BULLET.sub("", line))
        if new:
            out.append(line)
            marks.append(bullet)
        else:
            out[-1] += " " + line
    if bullets is not None:
        bullets[:] = marks
    return "\n".join(out)


_QUANTIFIERS = (("up", "to"), ("at", "least"), ("at", "most"), ("more", "than"), ("less", "than"), ("fewer", "than"),
                ("no", "more"), ("hasta",), ("al", "menos"), ("mas", "de"), ("menos", "de"), ("max",), ("maximum",),
                ("min",), ("minimum",), ("maximo",), ("minimo",))


def _quantities(toks: list[Token]) -> None:
    """'borrow up to three toys', 'hasta 10 fotos': a count before a noun reads as a determiner, not a preposition."""
    for i in range(len(toks)):
        for q in _QUANTIFIERS:
            k = i + len(q)
            if k < len(toks) and tuple(t.text for t in toks[i:k]) == q and (
                    toks[k].text.isdigit() or toks[k].tag in {"DET", "NUM"} and
                    toks[k].text in word_set("numbers") | {"one"}):
                for t in toks[i:k + 1]:
                    t.tag = "DET"


_SPONSOR_BEFORE = {"which", "the", "a", "our", "each", "every", "their", "its", "his", "her", "from", "by", "of",
                   "with", "for", "new", "event", "main", "corporate", "local"}
_SPONSOR_NEXT = {"is", "are", "was", "were", "can", "will", "should", "pay", "pays", "paid", "get", "gets", "see",
                 "logos", "logo", "names", "name", ",", ".", ")", "(", "list", "page", "tier", "tiers", "packages",
                 "package", "deals", "deal", "details"}
_PRICE_NOUNS = {"rates", "charges", "fees", "costs"}
_QUANTIFIER_SUBJECTS = {"some", "many", "most", "few", "both", "others", "several"}


_CONTRACTIONS = ((r"\b(i|we|you|they|he|she)'d\b", r"\1 would"), (r"\b(i|we|you|they|he|she|it)'ll\b", r"\1 will"),
                 (r"\bi'm\b", "i am"), (r"\b(i|we|you|they)'ve\b", r"\1 have"), (r"\b(we|you|they)'re\b", r"\1 are"),
                 (r"\bim(?= (?:a|an|not|looking|trying|building|running|starting|working)\b)", "i am"),
                 (r"\b(theres|whats)\b", lambda m: m.group(1)[:-1] + " is"), (r"\bw/(?=\s)", "with"),
                 (r"\b(a|an|the|each|every) (lost|found|missing|sighted|open|closed|new|used|wanted|offered) or "
                  r"(lost|found|missing|sighted|open|closed|new|used|wanted|offered) (report|listing|ad|advert|post|"
                  r"notice|item)(s?)\b", r"\1 \4\5 with a type (\2 or \3)"),  # 'a lost or found report'
                 (r"\b(?:por|en) (?:riguroso )?orden de llegada\b", "sin reserva"),
                 (r"\bin (?:the )?order (?:of|they) (?:arrival|arrive)\b", "as they arrive"),
                 (r"\b(has|have|is|are|was|were|does|do|did)nt\b", r"\1 not"), (r"\bits (?=(?:in|on|at)\b)", "it is "),
                 (r"\b(do|does|did|is|are|was|were|has|have|should|would|could)n't\b", r"\1 not"),
                 (r"\bcan't\b", "cannot"), (r"\bwon't\b", "will not"), (r"\b(who|what|that|there)'s\b", r"\1 is"),
                 (r"\b(keep|keeps|keeping|kept) (?:a )?(?:track|tabs|note) (?:of|on)\b(?! track)",
                  lambda m: {"keeps": "tracks", "keeping": "tracking", "kept": "tracked"}.get(m.group(1).lower(),
                                                                                           "track")),
                 (r"\b(?:(?:keep|keeps|kept) )?(?:lose|loses|losing|lost) track of\b", "needs to track"),
                 (r"\bon board\b(?! (?:the|a|an|our|their|each|every|of)\b)", ""),  # 'the crew on board'
                 (r"\b(?:para|en) (?:la )?casa(?= (?:que|y|o)\b|[,.;)]|$)", ""),  # 'ejercicios para la casa': at home
                 (r"(?<=s) de (?:segunda|2a) mano\b", " usados"),  # 'móviles de segunda mano' are used phones
                 (r"\b(?<!s )de (?:segunda|2a) mano\b", ""),  # 'librería de segunda mano': what kind of shop
                 (r"\b(?:in|by) the order (?:in which |that )?(?=they|it|he|she|we|people)", "as "),
                 (r"\b(set|sets|setting|decide|decides|choose|chooses|change|changes|arrange|arranges|fix|fixes) "
                  r"the (?:running )?order\b(?! (?:of|for|from|status))", r"\1 who goes first"),  # a line-up
                 (r"\b(put|puts|putting) (?:their|his|her|my|your|our) names? down\b", "sign up"),
                 (r"(?<=[:,] )(?:how many|cuantos|cuantas)(?=,| and | y )", "count"),  # 'species, how many, where'
                 (r"(?<=[:,] )(?:where|donde)(?=,| and | y )", "location"),
                 (r"(?<=[:,] )(?:when|cuando)(?=,| and | y )", "date"),
                 (r"\b(dar|darle|darles|darlo|darlos|darla|darlas|den|dan|da|poner|ponerle|ponerles|pongan|ponga) "
                  r"(?:un |una )?(?:me gusta|likes?)\b", "ponerles likes"))  # idioms: 'darles me gusta' gives likes



def _token(raw: str) -> Token:
    """A token, with a trailing 's kept as a mark."""
    if raw.endswith(("'s", "'")) and len(raw) > 2:
        return Token(raw[:-2] if raw.endswith("'s") else raw[:-1], possessive=True)  # "the class's teacher"
    return Token(raw)


def known_nouns() -> frozenset[str]:
    """Nouns that name things (lazy: knowledge imports the catalogue)."""
    from core.engine.understand.knowledge import known_words

    return known_words()


DETAIL_GERUNDS = {"choosing", "selecting", "picking", "giving", "telling", "entering", "specifying", "providing",
                  "indicating", "stating", "adding", "eligiendo", "escogiendo", "seleccionando", "indicando",
                  "diciendonos", "diciendo", "dandonos", "dando", "especificando", "poniendo", "detallando",
                  "anadiendo"}  # gerunds that introduce the details given with a request ('by choosing the size')
_ES_CLITICS = {"se", "me", "te", "nos", "le", "les"}  # a Spanish clitic stands before its verb
_LISTED_FIELDS = {"grade", "rate", "rank", "score", "weight", "price", "cost", "size", "colour", "color", "mark"}
_ES_WORK_VERBS = {"trabajar", "colaborar", "ayudar", "dirigir", "gestionar", "llevar", "participar", "ensenar",
                  "estudiar", "coordinar", "voluntariar", "entrenar"}
_ES_HABER = {"ha", "han", "he", "hemos", "haya", "hayan", "habia", "habian"}


_LINKED = {"linked", "attached", "tied", "connected"}
_GETS = {"get", "gets", "got", "getting", "gotten"}
_PARTICIPLES = {"split", "set", "put", "cut", "sent", "paid", "done", "made", "built", "given", "taken", "shown",
                "held", "sold", "kept", "spent", "left", "lost", "won", "shut", "led", "bought", "caught", "found"}


_CLITIC = re.compile(r"^([a-z]{3,}(?:ar|er|ir))(?:lo|la|los|las|le|les|se|nos)$")  # an infinitive with a pronoun


_LABELLED = {"flagged": "flag", "marked": "mark", "labelled": "label", "labeled": "label", "tagged": "tag"}
_FOUND = {"found", "spotted", "reported", "logged", "seen", "detected", "noticed", "recorded", "raised", "observed"}


def _closed(word: str) -> str | None:
    """The closed word class of a word, if it has one."""
    if not word:
        return None
    if not word[0].isalpha() and not word.startswith("#"):
        return "NUM" if word[0].isdigit() else "PUNCT"
    if word in {",", ";", ":", "(", ")", "&", "/"}:
        return "PUNCT"
    for key, tag_ in (("conjunctions", "CONJ"), ("prepositions", "PREP"), ("auxiliaries", "AUX"),
                      ("determiners", "DET"), ("pronouns", "PRON"), ("adverbs", "ADV"), ("numbers", "NUM")):
        if word in word_set(key):
            return tag_
    if word.endswith("ly") and word not in _NOT_ADVERBS and len(word) > 4:
        return "ADV"
    return None


_FEATURE_VERBS = frozenset(v for vs in load("verbs")["features"].values() for v in vs if v.isalpha() and
                           not is_spanish_verb(v))  # 'tag', 'rate', 'bookmark': verbs that ask for a feature


_WHO_THEN = {"each", "all", "both", "also", "then", "cada", "todos", "todas", "tambien"}  # 'who each respond'


_RECORD_THINGS = {"label", "labels", "shop", "shops", "store", "stores", "company", "companies", "collection",
                  "collections", "player", "players", "club", "clubs", "fair", "fairs", "sleeve", "sleeves"}
_IMPERATIVES = {"record", "track", "log", "manage", "store", "keep", "register", "add", "monitor", "capture",
                "collect", "organise", "organize"}


_SENDS = {"emails": "email", "texts": "text", "messages": "message", "notifies": "notify", "reminds": "remind",
          "pings": "ping", "alerts": "alert", "sends": "send"}
_SENT_TO = {"a", "an", "the", "each", "every", "them", "him", "her", "their", "you", "me", "us", "everyone", "parents",
            "customers", "members", "users", "staff"}
_SIDES = {"team", "teams", "side", "club", "score", "scores", "goals", "kit", "colours", "ground", "fixture", "game",
          "games", "match", "matches"}


_SPLIT = {"split": "split", "divided": "divide", "broken": "break", "separated": "separate", "grouped": "group",
          "organised": "organise", "organized": "organize", "sorted": "sort"}
_SHOWS_LISTS = {"page", "pages", "section", "screen", "tab", "table", "map", "profile", "profiles", "card", "cards",
                "email", "report", "dashboard"}  # 'a profile listing their languages': what it shows


_OBJECT_STARTS = {"a", "an", "the", "our", "their", "my", "your", "its", "his", "her", "where", "what"}


@cache
def _any_verb(word: str) -> str | None:
    """The verb a word is a form of ('fetches' -> fetch), from our verbs or any English verb, else None."""
    return verb_lemmas().get(word) or next(iter(getAllLemmas(word).get("VERB", ())), None)


def tag(toks: list[Token], language: str = "en") -> list[Token]:
    """Tag tokens left to right; a word that can be a verb or a noun is decided by its neighbours."""
    verbs = verb_lemmas()
    adjectives = word_set("adjectives")
    for i, t in enumerate(toks):
        w = t.text
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1].text if i + 1 < len(toks) else ""
        closed = _closed(w)
        if w.startswith("#"):
            t.tag = "NUM"  # '#2F4F4F': a colour code, never a thing
        elif w in {"to", "that"}:
            t.tag = "PREP" if w == "to" else "CONJ"
        elif language == "en" and prev and prev.text in {"which", "what", "whose"} and closed is None and \
                w.endswith("s") and nxt in {"are", "were", "have", "had"}:
            t.tag = "NOUN"  # 'see which loans are overdue': which of the loans, not what lends
        elif language == "en" and prev and prev.text.endswith("est") and i > 1 and toks[i - 2].tag == "DET" and \
                closed is None:
            t.tag = "NOUN"  # 'compete for the highest score': a superlative describes a noun
        elif language == "en" and nxt == "(" and closed is None and w.endswith("s") and prev and \
                prev.tag in {"NOUN", "ADJ"} and _after_separator(toks, i - 1) and \
                prev.text not in {"status", "state", "stage", "estado"}:
            t.tag = "NOUN"  # '..., architectural change requests (submit with drawings)': a listed thing's details
        elif language == "en" and closed is None and w.endswith("s") and prev is not None and \
                prev.tag == "NOUN" and not prev.text.endswith("s") and not prev.possessive and i > 1 and \
                (toks[i - 2].text in {"each", "every"} or toks[i - 2].text in {"the", "a", "an"} and i > 2 and
                 toks[i - 3].text in _SUBORDINATING) and _any_verb(w) and w not in known_nouns() and \
                (nxt in PERIODIC or _closed(nxt) in {"DET", "PREP", "PRON"} or nxt in {",", ""}):
            t.tag, t.lemma = "VERB", _any_verb(w)  # 'each member renews yearly', 'if the challenger wins they ...'
        elif language == "en" and w in {"records", "logs", "tracks", "keeps", "stores", "lists", "holds"} and \
                nxt == ":" and any(x.text in {"each", "every"} for x in toks[max(0, i - 6):i]):
            t.tag, t.lemma = "VERB", w[:-1]  # 'every tank (batch) records: rice variety, ...': what each one keeps
        elif language == "en" and nxt in {")", "]"} and closed is None and w.endswith("s") and prev and \
                prev.tag in {"NOUN", "ADJ"} and "(" in [x.text for x in toks[max(0, i - 8):i]]:
            t.tag = "NOUN"  # '(adult/junior/family rates)': a bracket ends on a thing, not on a verb with no object
        elif language == "en" and w == "away" and nxt in _SIDES and (prev is None or
                                                                     prev.tag in {"DET", "PUNCT", "CONJ"}):
            t.tag = "NOUN"  # 'home team, away team, field': which side, a detail of the game, not where it went
        elif language == "en" and w in _SENDS and prev is not None and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and i > 1 and toks[i - 2].tag == "DET" and nxt in _SENT_TO:
            t.tag, t.lemma = "VERB", _SENDS[w]  # 'the system emails a reminder': what the app does, not emails kept
        elif language == "es" and closed is None and (m := _CLITIC.match(w)):
            t.tag, t.lemma = "VERB", verbs.get(m.group(1), m.group(1))  # 'queremos catalogarlos': a verb and 'them'
        elif language == "en" and prev is not None and prev.text == "that" and i > 1 and toks[i - 2].tag == "NOUN" \
                and not toks[i - 2].text.endswith("s") and toks[i - 2].text not in word_set("tool_nouns") and \
                w.endswith("s") and closed is None and \
                nxt not in {"", ".", ",", "and", "or", "of", "is", "are", "was", "were", "for"} and _any_verb(w):
            t.tag, t.lemma = "VERB", _any_verb(w)  # 'a coffee roaster that supplies shops': what the roaster does
        elif language == "en" and w in {"sponsor", "sponsors"} and (
                t.possessive or i + 1 == len(toks) or prev is not None and prev.text in _SPONSOR_BEFORE or
                nxt in _SPONSOR_NEXT):
            t.tag = "NOUN"  # "sponsors' logos", 'which sponsor is in which episode': the sponsors, not to sponsor
        elif language == "es" and w == "te" and prev is not None and prev.text in {"de", "del"} and \
                nxt in {",", ")", ".", "y", "o", ":", ";", None, "verde", "negro", "rojo", "blanco"}:
            t.tag, t.lemma = "NOUN", "te"  # 'tipo de té, sabor': the tea, not 'you'
        elif language == "es" and w == "final" and prev is not None and prev.text == "al":
            t.tag = "ADV"  # 'al final cada uno valora a su compañero': at the end, not a Final
        elif language == "es" and w == "a":
            t.tag = "PREP"  # 'el préstamo de portátiles a los alumnos': never an article in Spanish
        elif language == "es" and w in {"uno", "una"} and prev is not None and prev.text == "cada":
            t.tag = "PRON"  # 'a qué eventos va cada uno': each of them, not a thing
        elif language == "es" and w == "unas" and nxt in {")", ",", "etc", ".", "y", ""}:
            t.tag = "NOUN"  # 'baño, corte, uñas': nails (accents stripped), not 'some'
        elif language == "es" and w in {"todo", "toda"} and nxt not in {"list", "lista", "app"}:
            t.tag = "PRON"  # 'apuntarlo todo en una libreta': everything, not a to-do
        elif language == "en" and w in {"listing", "showing", "displaying", "explaining", "describing"} and \
                prev is not None and prev.text in _SHOWS_LISTS and \
                nxt and _closed(nxt) in {None, "DET", "ADJ", "NUM"}:
            t.tag, t.lemma = "VERB", w[:-3]  # 'a page listing tree varieties': what the page shows
        elif language == "en" and closed is None and w.endswith("s") and nxt in _LINKED and i + 2 < len(toks) and \
                toks[i + 2].text == "to" and prev is not None and prev.tag in {"NOUN", "ADJ"}:
            t.tag = "NOUN"  # 'roast logs linked to a lot': the logs, not someone who logs
        elif language == "en" and w in _LINKED and nxt == "to" and prev is not None and prev.tag == "NOUN" and \
                prev.text.endswith("s") and prev.text not in {"is", "was", "has"}:
            t.tag, t.lemma = "VERB", w[:-2] if w.endswith("ed") else w  # 'roast logs linked to a lot'
        elif language == "en" and (nxt == "by" or nxt in {"at", "on", "after", "during"} and i + 2 < len(toks) and
                                    toks[i + 2].text in {"each", "every"}) and \
                (lemma := _participle(w, verbs)) and prev is not None and prev.tag == "NOUN":
            t.tag, t.lemma = "VERB", lemma  # 'manuscripts submitted by authors', 'yield recorded at every milking'
        elif language == "en" and (i == 0 or prev is not None and prev.text in {"so", "then", "please"}) and \
                w in _IMPERATIVES and nxt not in {"of", "for", "and", "or", ",", "", "s"} \
                and _closed(nxt) in {None, "DET", "ADJ", "NUM"} and not (w == "record" and nxt in _RECORD_THINGS):
            t.tag, t.lemma = "VERB", w  # 'record adverse events for each patient': a sentence that starts with a verb
        elif language == "en" and w == "part" and nxt == "of" and prev is not None and \
                prev.text in {"be", "is", "are", "been", "being"}:
            t.tag = "PREP"  # 'members can be part of several projects': a membership, not a Part
        elif language == "en" and prev is not None and prev.tag == "NOUN" and prev.text.endswith("s") and \
                singular(prev.text) in word_set("people") and w.isalpha() and not w.endswith(("s", "ing", "ed")) and \
                len(w) > 2 and w not in adjectives and w not in word_set("field_nouns") and i + 1 < len(toks) and \
                _closed(nxt) in {None, "DET"} and nxt.isalpha() and toks[i + 1].text.endswith("s") and \
                (i < 2 or toks[i - 2].text not in {"the", "our", "my", "their", "a", "an", "for", "of"}):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'reporters pitch stories', 'volunteers catch birds'
        elif language == "en" and w in _SPLIT and nxt == "into" and prev is not None and \
                prev.text in {"is", "are", "get", "gets", "be", "been", "was", "were", "got"}:
            t.tag, t.lemma = "VERB", _SPLIT[w]  # 'a run is split into legs': the verb, not a Split
        elif language == "en" and w in {"first", "afterwards", "later"} and prev is not None and \
                prev.tag == "NOUN" and nxt in {"and", "then", ",", ".", ";", ""}:
            t.tag = "ADV"  # 'buy a gift voucher first and then redeem it': when, not a First
        elif language == "en" and w in _LABELLED and nxt == "as" and prev is not None and prev.tag == "NOUN":
            t.tag, t.lemma = "VERB", _LABELLED[w]  # "dogs flagged as 'escape artist'": how they are marked
        elif language == "en" and closed is None and prev is not None and prev.tag == "NOUN" and \
                (prev.text.endswith("s") or prev.text in {"children", "people", "men", "women"}) and \
                singular(prev.text) in word_set("people") and \
                set(getAllLemmas(w)) == {"VERB"} and w in getAllLemmas(w)["VERB"] and w not in known_nouns() and \
                w not in _FOUND | _PARTICIPLES | {"get", "become"} and (i < 2 or toks[i - 2].tag not in {"DET", "ADJ"}):
            t.tag, t.lemma = "VERB", w  # 'members renew yearly': after the people, a word that is only ever a verb
        elif language == "en" and closed is None and prev is not None and prev.text in {"and", "or", ","} and \
                set(getAllLemmas(w)) == {"VERB"} and w in getAllLemmas(w)["VERB"] and w not in known_nouns() and \
                w not in _FOUND | _PARTICIPLES and _closed(nxt) in {None, "DET", "ADJ", "NUM", "PRON"} and \
                any(x.tag == "VERB" and x.text == x.lemma for x in toks[max(0, i - 6):i - 1]):
            t.tag, t.lemma = "VERB", w  # '... schedule tasks and manage time': a word that is only ever a verb
        elif language == "en" and w in {"goes", "went", "gone", "comes", "came"}:
            t.tag, t.lemma = "VERB", "go" if w[0] == "g" else "come"  # 'status goes booked', 'lead comes in'
        elif language == "en" and w in {"do", "does", "did"} and prev and prev.tag == "NOUN" and \
                prev.text.endswith("s") and i + 1 < len(toks) and toks[i + 1].text not in verbs and \
                _closed(nxt) in {None, "DET", "ADJ", "NUM"} and nxt not in {"not", "so", "this", "that", "it"}:
            t.tag, t.lemma = "VERB", "do"  # 'guards do patrol rounds': the verb of the sentence, not an auxiliary
        elif language == "en" and w in verbs and verbs[w] == w and prev and (
                prev.text in _MODALS or prev.tag == "ADV" and i > 1 and toks[i - 2].text in _MODALS) and \
                _closed(nxt) in {None, "DET", "PRON", "PREP", "ADJ", "NUM"} and not (w == "like" and (
                    nxt == "to" or "would" in {x.text for x in toks[max(0, i - 2):i]})):
            t.tag, t.lemma = "VERB", w  # 'other users can like projects' ('would like volunteers to' is wanting)
        elif language == "en" and w in verbs and verbs[w] == w and prev and prev.text in {"and", "or"} and \
                nxt in {"on", "to", "with", "about", "them", "it"} and \
                any(x.tag == "VERB" and x.text == x.lemma for x in toks[max(0, i - 6):i - 1]):
            t.tag, t.lemma = "VERB", w  # '... can like projects and comment on them': one more thing they do
        elif language == "en" and w in _GETS and (verbs.get(nxt, nxt) != nxt and nxt.endswith("ed") or
                                                  nxt in _PARTICIPLES):
            t.tag = "AUX"  # 'each pickup gets assigned to a driver': a passive
        elif language == "en" and prev and prev.text in _GETS and prev.tag == "AUX":
            t.tag, t.lemma = "VERB", verbs.get(w, w)
        elif language == "en" and prev and prev.text in {"each", "every"} and w.endswith("ed") and \
                verbs.get(w, w) != w and nxt in {"to", "by", "for", "with"}:
            t.tag, t.lemma = "VERB", verbs[w]  # 'jobs, each assigned to a translator': a participle
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.tag == "NOUN" and \
                nxt in {"they", "we", "you", "i", "people"} and i + 2 < len(toks) and toks[i + 2].text in verbs:
            t.tag, t.lemma = "NOUN", w  # 'the group runs they sign up for': a noun and its relative clause
        elif w == "own" and prev and (prev.tag == "AUX" or prev.text in WHO_WORDS | {"i", "we", "they", "you"} or
                                      prev.tag == "NOUN" and prev.text.endswith("s")):
            t.tag, t.lemma = "VERB", w  # 'customers can own several pianos' ('their own' stays a determiner)
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and prev.text not in word_set("people") and \
                (i == 1 or toks[i - 2].text in {",", ":", ";", "-", "and", "+"}) and \
                nxt in {"on", "for", "of", "per", "with", "from", "about", "by"}:
            t.tag, t.lemma = "NOUN", w  # '- damage reports on boats with photos': a note-style heading, no verb
        elif language == "en" and w.endswith("s") and nxt in {":", "—", "–"} and prev and prev.tag == "NOUN":
            t.tag, t.lemma = "NOUN", w  # 'lambing records: date, number of lambs': a heading, not 'lambing records'
        elif language == "en" and w.endswith("s") and nxt == "such" and i + 2 < len(toks) and toks[i + 2].text == "as":
            t.tag, t.lemma = "NOUN", w  # 'handles file formats such as spreadsheets': the kind its examples are of
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.text in PERIODIC:
            t.tag, t.lemma = "NOUN", w  # 'hourly rates', 'weekly reports': things said with how often, not verbs
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.tag == "NOUN" and i > 1 and \
                toks[i - 2].text in PERIODIC:
            t.tag, t.lemma = "NOUN", w  # 'monthly progress reports from the raiser': a compound, not 'progress reports'
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and i > 1 and toks[i - 2].text in {"need", "needs", "want", "wants"}:
            t.tag, t.lemma = "NOUN", w  # 'need patient records, ...': what is needed, not 'the patient records'
        elif language == "en" and w in _FEATURE_VERBS and prev and prev.text in {"and", "or"} and i > 1 and \
                toks[i - 2].text == "," and (nxt in {"them", "it", "the", "their", "each", "every", "any"} or
                                             nxt.endswith("s") and len(nxt) > 3):
            t.tag, t.lemma = "VERB", w  # '..., and tag games by type', ', and rate them': one more thing to do
        elif language == "en" and closed is None and i + 2 < len(toks) and nxt == "by" and toks[i + 2].text == w:
            t.tag = "ADV"  # 'logs snags room by room': how, not a room
        elif language == "en" and closed is None and prev and prev.text == "by" and i > 1 and toks[i - 2].text == w:
            t.tag = "ADV"
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and nxt in {"it", "them", "him", "her"}:
            t.tag, t.lemma = "VERB", verbs[w]  # 'the site manager walks it'
        elif language == "en" and w.endswith("ed") and prev and prev.text in {"its", "it's", "is"} and i > 1 and \
                toks[i - 2].text in {"when", "once", "after", "until", "if", "before"}:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'uploads a photo when its fixed'
        elif language == "en" and closed is None and prev and prev.text in {"or", "and"} and i > 1 and \
                toks[i - 2].tag == "ADJ" and nxt and _closed(nxt) is None and nxt not in verbs and \
                not w.endswith("s"):
            t.tag = "ADJ"  # 'book a private or group lesson': a kind of lesson, not 'group'
        elif language == "en" and w in _EN_PARTICIPLES and prev and prev.tag == "DET" and nxt and \
                _closed(nxt) is None:
            t.tag = "ADJ"  # 'with a chosen instructor', 'report a broken light'
        elif language == "en" and prev and prev.text == "then" and w in verbs and verbs[w] == w and \
                _closed(nxt) in {"DET", "PRON", None} and nxt:
            t.tag, t.lemma = "VERB", w  # '..., then send an invoice'
        elif language == "en" and w in {"running", "batting", "starting", "bowling"} and nxt in {"order", "orders"}:
            t.tag = "ADJ"  # 'the running order per apparatus': a sequence, not running an order
        elif language == "es" and closed is None and prev and prev.text == "que" and i > 1 and \
                toks[i - 2].tag == "NOUN" and (lemma := _es_infinitive(w, _PRESENT, 3)) and \
                _closed(nxt) in {"PUNCT", "DET", "PREP", "CONJ", None}:
            t.tag, t.lemma = "VERB", lemma  # 'el familiar que contrata, el paquete': what the relative does
        elif language == "es" and w == "prestamos" and (prev is None or prev.tag != "DET" and prev.text not in {
                "de", "con", "sin", "los", "unos", "sus", "mis", "nuestros", "tus"}) and \
                (nxt in _ES_DETERMINERS or nxt.isalpha() and nxt not in {
                    "de", "del", "y", "o", "a", "al", "entre", "para", "por", "con", "en", "que", "sin"}):
            t.tag, t.lemma = "VERB", "prestar"  # 'a veces prestamos cosas a otras compañías': we lend, not loans
        elif language == "es" and closed is None and w.endswith(("o", "amos", "emos", "imos", "aron", "ieron")) and \
                not (w.endswith("o") and nxt in {"de", "del", ",", ".", "y", "o", ":", ")", ""}) and \
                (prev is None or prev.text in {",", "y", "yo", "nosotros", "que", "lo", "la", "los", "las", "le", "les",
                                               "tambien", "ya", "no", "hola", "!", "."}) and \
                singular(w, "es") not in ENTITY_WORDS_ES and singular(w, "es") not in load("spanish")["names"] and \
                ((lemma := _es_infinitive(w, _FIRST_PERSON_OR_PAST, 2)) or
                 prev is not None and prev.text == "que" and len(w) > 7 and w.endswith(("amos", "emos", "imos")) or
                 prev is None and len(w) > 6 and w.endswith(("amos", "emos", "imos")) and nxt not in {":", ",", "y"} or
                 prev is None and len(w) > 4 and w.endswith("o") and (nxt in {"a", "en", "con", "por", "para"} or
                                                                      nxt.endswith("mente")) or
                 nxt in _ES_DETERMINERS | _ES_POSSESSIVES and
                 w.endswith(("o", "amos", "emos", "imos")) and (prev is None or prev.tag in {"PUNCT", "ADV"} or
                                                                 prev.text in {"y", "yo", "nosotros"})):
            t.tag, t.lemma = "VERB", lemma or w  # 'coordino un huerto', 'reparamos bicis': a verb in the first person
        elif language == "es" and closed is None and prev and prev.text in {"que", "se"} and \
                nxt in _ES_DETERMINERS and singular(w, "es") not in ENTITY_WORDS_ES and \
                singular(w, "es") not in load("spanish")["names"] and w not in FIELD_WORDS_ES:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'antes de que venza cada póliza': a verb before its subject
        elif language == "es" and closed is None and len(w) > 6 and w.endswith(("able", "ible", "ables", "ibles")) and \
                singular(w, "es") not in ENTITY_WORDS_ES and singular(w, "es") not in load("spanish")["names"]:
            t.tag = "ADJ"  # 'favorable o desfavorable', 'reciclable': how something is, not a thing
        elif language == "es" and w == "personal" and prev and prev.text in {"el", "del", "al", "nuestro", "su"}:
            t.tag, t.lemma = "NOUN", "personal"  # 'el personal registra las devoluciones': the staff
        elif language == "en" and closed is None and prev is not None and not w.endswith("ing") and \
                (lemma := _any_verb(w)) and (
                prev.text in {"it", "he", "she"} and w.endswith("s") and lemma != w or
                (prev.text in {",", ":", "and", "then", "also"} or prev.tag == "ADV") and nxt in _OBJECT_STARTS and
                not (prev.text in {"and", ","} and i > 1 and toks[i - 2].tag in {"NOUN", "DET"} and
                     not (w.endswith("s") and lemma != w) and
                     not (prev.text == "," and nxt in {"a", "an", "the"} and
                          any(x.tag == "VERB" and x.text == x.lemma for x in toks[:i - 1])))):
            # 'mood and sleep every evening': two things; 'log requests from the nurses, match a driver': two acts
            t.tag, t.lemma = "VERB", lemma  # 'it fetches the elevation', ': draw a route', 'and plots the climb'
        elif language == "es" and w in {"tiene", "tienen"} and prev is not None and prev.tag == "NOUN" and \
                prev.text.endswith("s") and w == "tienen" and nxt not in {"que", "", "(", ":"} and \
                _closed(nxt) in {None, "DET"} and not {",", "y", "e", ":", "("} & {x.text for x in toks[i + 1:]}:
            t.tag, t.lemma = "VERB", "tener"  # 'los voluntarios tienen turnos de cuidado': they have shifts, kept
        elif closed and not (closed == "AUX" and w in {"need", "needs", "want", "wants"} and prev and
                             prev.tag == "DET"):
            t.tag = closed
        elif prev and closed is None and (prev.text in WHO_WORDS or (prev.tag == "AUX" or prev.text in _WHO_THEN)
                                          and i > 1 and toks[i - 2].text in WHO_WORDS) and \
                (w in verbs or language == "en" and w.endswith(("ing", "s", "ed")) or
                 language == "es" and not w.endswith("s")):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # "who's bringing which dish", 'quien trae cada variedad'
        elif language == "en" and w.endswith("s") and w in verbs and verbs[w] != w and prev and prev.tag == "NOUN" \
                and not prev.text.endswith("s") and i > 2 and toks[i - 2].tag == "DET" and \
                toks[i - 3].text in {"that", "which", "whom"} and _closed(nxt) in {None, "PUNCT", "CONJ", "PREP"}:
            t.tag, t.lemma = "VERB", verbs[w]  # 'incidents that a supervisor reviews': the relative clause's verb
        elif language == "en" and w.endswith("s") and len(w) > 3 and prev and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and i > 1 and (toks[i - 2].text in _POSSESSIVES and (
                    i < 3 or toks[i - 3].tag in {"PREP", "VERB"} or toks[i - 3].text in {"of", "for", "with"}) or
                    toks[i - 2].possessive and toks[i - 2].tag == "NOUN" and (
                        _closed(nxt) is not None or verbs.get(w, w) == w)) and \
                _closed(nxt) in {None, "PREP", "PUNCT", "CONJ"} and singular(w) not in word_set("abstract_nouns") and \
                not (i == 2 and nxt and _closed(nxt) is None and verbs.get(w, w) != w):
            t.tag, t.lemma = "NOUN", w  # 'a log of my bike rides with ...', 'track our dog walks': a compound
        elif language == "en" and w in verbs and verbs[w] == w and prev and prev.text in _PEOPLE_SUBJECTS and \
                i > 1 and toks[i - 2].tag == "NOUN" and toks[i - 2].text not in _PEOPLE_SUBJECTS:
            t.tag, t.lemma = "VERB", w  # 'the order people sing in', 'the songs members request'
        elif w in DETAIL_GERUNDS and (prev and prev.text in {",", "by", "and"} and _closed(nxt) in {"DET", "PRON"} or
                                      w.endswith(("ndo", "ndonos")) or language == "en" and prev and
                                      prev.tag == "NOUN" and nxt and w not in {"picking", "giving", "providing"}):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # '..., telling us the date and budget': how details are given
        elif w in _TIME_FIELDS and nxt in {"at", "on"} and prev and prev.text in {",", "and", "with", "have", "has"}:
            t.tag, t.lemma = "NOUN", w  # 'classes have a title, starts at and capacity'
        elif nxt and f"{w} {singular(nxt)}" in known_nouns() or prev and f"{prev.text} {singular(w)}" in known_nouns():
            t.tag, t.lemma = "NOUN", w  # 'leave requests', 'order items'
        elif language == "en" and w.endswith("s") and w in verbs and prev and prev.tag == "NOUN" and i > 1 and \
                toks[i - 2].text in {"with", "including", "of"} and not prev.text.endswith("s"):
            t.tag, t.lemma = "NOUN", w  # 'films with poster uploads': a compound after 'with'
        elif language == "en" and w.endswith("s") and prev and prev.tag == "NOUN" and not prev.text.endswith("s") \
                and i > 1 and toks[i - 2].tag == "VERB" and (singular(w) in known_nouns() or
                                                             _closed(nxt) not in {"DET", "PRON"}):
            t.tag, t.lemma = "NOUN", w  # 'create workout plans': the head of the verb's object, not a verb
        elif language == "es" and prev and prev.text in _ES_CLITICS and closed is None and len(w) > 2 and \
                (i < 2 or toks[i - 2].tag != "PREP"):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'que se vean las habitaciones', 'le asigna ejercicios'
        elif language == "es" and prev and prev.text in {"lo", "la", "los", "las"} and w in verbs and \
                w.endswith(("an", "en", "a", "e")) and singular(w, "es") not in known_nouns() and \
                i > 1 and toks[i - 2].tag in {"CONJ", "PUNCT"} and \
                (i + 1 >= len(toks) or toks[i + 1].text not in {"de", "del"}):
            t.tag, t.lemma = "VERB", verbs[w]  # 'y los canjean por descuentos': an object pronoun, then its verb
        elif language == "es" and prev and prev.text in _ES_HABER and w.endswith(("ado", "ido", "ada", "ida")):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'quien se ha alojado'
        elif language == "en" and (w.endswith("ifies") or w.endswith("izes") and len(w) > 7) and \
                (prev is None or prev.tag not in {"DET", "ADJ"}):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'tracks expenses, identifies areas': no noun ends so
        elif language == "en" and prev and (prev.text == "," or prev.text == "and" and i > 1 and
                                             toks[i - 2].text == ",") and w in verbs and verbs[w] == w and \
                any(t.tag == "VERB" and t.text == t.lemma for t in toks[:i - 1]) and \
                (_closed(nxt) in {"DET", "PRON"} or nxt.endswith("s") and _closed(nxt) is None and len(nxt) > 3 or
                 prev.text == "and" and nxt in known_nouns() and nxt not in verbs):
            t.tag, t.lemma = "VERB", w  # 'people can sort tasks, set deadlines, and get alerts'
        elif language == "en" and w in verbs and verbs[w] == w and prev and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and _people_of(toks, i) and \
                (_closed(nxt) in {"DET", "PRON"} or nxt.endswith("s") and _closed(nxt) is None):
            t.tag, t.lemma = "VERB", w  # 'members of our group record sightings': the verb agrees with 'members'
        elif language == "en" and w in _TIMES_OF_DAY and prev and (
                prev.tag == "NOUN" and prev.text.endswith("s") or prev.tag == "ADV" and prev.text in _TIMES_OF_DAY or
                prev.text in {"and", "or"} and i > 1 and toks[i - 2].text in _TIMES_OF_DAY):
            t.tag = "ADV"  # 'readings morning and evening': when, not a thing
        elif language == "en" and w.endswith("ed") and verbs.get(w, w) != w and prev and prev.tag == "NOUN" and \
                nxt in {"to", "by", "for", "into", "under", "with", "from"} and i > 1 and toks[i - 2].tag == "DET":
            t.tag, t.lemma = "VERB", verbs[w]  # 'every transaction assigned to an envelope': a participle
        elif language == "en" and closed is None and nxt in {"off", "up", "out"} and prev and (
                prev.tag == "NOUN" and (prev.text.endswith("s") or prev.text in _IRREGULAR_PLURALS) or
                prev.tag == "PRON" or prev.text in {"and", ","}) \
                and not w.endswith("s") and not (w.endswith("ing") and len(w) > 5) and len(w) > 2:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'customers drop off bikes', 'customers ring up'
        elif language == "en" and closed is None and prev and prev.text == "and" and i > 2 and \
                toks[i - 2].text in {"out", "round", "over", "back", "in"} and toks[i - 3].tag == "VERB" and \
                _closed(nxt) in {"PREP", "DET", "PRON"} and not w.endswith("s"):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'i go out and look at the trees'
        elif language == "en" and w in _CONTACTING and prev and prev.text in {",", "and", "then", "we", "i", "to",
                                                                            "can", "will"} and \
                _closed(nxt) in {"DET", "PRON"}:
            t.tag, t.lemma = "VERB", w  # '..., and text the customer when it is ready'
        elif language == "en" and prev and prev.text in {",", ":"} and w in verbs and verbs[w] == w and \
                len(nxt) > 3 and nxt.endswith("s") and _closed(nxt) is None and nxt not in verbs and \
                (i + 2 >= len(toks) or toks[i + 2].text in {",", "and", "or", ".", ";", "to", "by", "for", "with"}):
            t.tag, t.lemma = "VERB", w  # '...: match tutors to students by subject, schedule sessions, and ...'
        elif language == "en" and prev and prev.text in {",", ";", ":", "and", "then"} and w in verbs and \
                verbs[w] == w and nxt in {"each", "every", "all", "any"} and not is_spanish_verb(w):
            t.tag, t.lemma = "VERB", w  # '..., log each wash (which car, ...)': an action on every one of them
        elif language == "en" and prev and prev.text in _TIME_WORDS and i > 1 and \
                toks[i - 2].text in {"each", "every", "once", "a", "per"} and w in verbs and verbs[w] == w and \
                _closed(nxt) not in {"AUX", "CONJ", "PUNCT"} and nxt:
            t.tag, t.lemma = "VERB", w  # 'volunteers ... each month submit readings'
        elif language == "en" and w.endswith("s") and len(w) > 3 and closed is None and prev and \
                prev.tag == "NOUN" and i > 1 and toks[i - 2].text in {"which", "what"} and \
                nxt in {"which", "what", "each", "the"}:
            t.tag = "VERB"  # 'which volunteer covers which site'
            t.lemma = verbs.get(w, w[:-2] if w.endswith(("ches", "shes", "sses", "xes")) else w[:-1])
        elif language == "en" and w == "match" and nxt.endswith("s") and i + 2 < len(toks) and \
                toks[i + 2].text in {"to", "with"} and (prev is None or prev.tag not in {"DET", "ADJ", "NUM"}):
            t.tag, t.lemma = "VERB", "match"  # 'match tutors to students'
        elif language == "en" and w == "plus" and prev and (prev.text in {",", "and"} | _TIMES_OF_DAY or
                                                            prev.tag == "PUNCT"):
            t.tag = "CONJ"  # '..., plus the meds I am on'
        elif language == "es" and w in {"publico", "publica", "publicos", "publicas"} and prev and \
                prev.tag == "NOUN" and _closed(nxt) not in {"DET", "PRON"} and nxt not in {"sus", "su", "en"}:
            t.tag = "ADJ"  # 'sesiones de patinaje publico': public, not 'I publish'
        elif w in {"vs", "versus"} and prev and prev.tag == "NOUN" and prev.text.endswith("s"):
            t.tag = "CONJ"  # 'long-term guests vs nightly', 'agents vs regular employees'; 'expected vs actual' is one
        elif language == "en" and w == "next" and nxt == "of" and i + 2 < len(toks) and toks[i + 2].text == "kin":
            t.tag = "NOUN"  # 'date of birth and next of kin': a person's detail
        elif language == "en" and w == "part" and prev and prev.lemma == "take":
            t.tag = "ADV"  # 'who took part': an idiom, not a part
        elif language == "en" and w in {"book", "reserve"} and nxt in {"a", "an", "your", "their", "his", "her", "one",
                                                                      "online", "now", "in", "places", "seats"} and \
                not (prev and prev.tag in {"DET", "ADJ"}):
            t.tag, t.lemma = "VERB", w  # '..., book a place online': a booking verb, not a book
        elif language == "en" and nxt == "now" and w in verbs and verbs[w] == w:
            t.tag, t.lemma = "VERB", w  # "'Book now' buttons"
        elif language == "en" and prev and prev.text in word_set("subject_pronouns") and _closed(w) is None and \
                not w.endswith("ly") and w not in adjectives:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'the households we serve', 'the parcels we hand out'
        elif language == "en" and prev and prev.text in {":", ";"} and w in verbs and verbs[w] == w and \
                _closed(nxt) not in {"PUNCT", "CONJ", "AUX"} and nxt not in {",", "and", "or", ".", ")"}:
            t.tag, t.lemma = "VERB", w  # 'a site for a food bank: track donated items'
        elif language == "en" and w.endswith("ing") and len(w) > 5 and prev and prev.tag == "NOUN" and \
                (prev.text.endswith("s") and _closed(nxt) in {"PREP", "ADV"} or _closed(nxt) in {"DET", "PRON"}) and \
                (singular(w) not in known_nouns() or prev.text in _SITES and _closed(nxt) == "DET"):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'exercises targeting muscle groups', 'a site listing the ...'
        elif language == "en" and w.endswith("ing") and len(w) > 5 and prev and prev.text in _SITES and nxt and \
                (nxt in adjectives or nxt.endswith("s") and singular(w) not in known_nouns()) and \
                w not in _SITE_COMPOUNDS:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'a website showing upcoming concerts'
        elif language == "en" and nxt in {"them", "him", "her"} and len(w) > 3 and not w.endswith("s") and \
                (prev is None or prev.tag not in {"DET", "ADJ", "PREP"}):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # '..., classify them by type'
        elif language == "en" and w in verbs and prev and prev.text in {",", "with", "and", "including"} and \
                nxt in word_set("field_nouns") and nxt not in verbs and \
                (i + 2 >= len(toks) or toks[i + 2].text in {",", "and", "or", ".", ")", ";"}):
            t.tag, t.lemma = "NOUN", w  # 'serial number, model, purchase date': a field, not a verb
        elif language == "en" and w in verbs and not w.endswith("s") and nxt in {"and", "or"} and i + 2 < len(toks) \
                and \
                (prev is None or prev.text in {",", "can", "to", "and"} | _MODALS) and (
                    toks[i + 2].text in verbs or i + 3 < len(toks) and _closed(toks[i + 3].text) in {"DET", "PRON"}
                    or i + 3 < len(toks) and toks[i + 3].text.endswith("s") and toks[i + 3].text not in verbs):
            t.tag, t.lemma = "VERB", verbs[w]  # 'assign and reclaim assets'
        elif language == "en" and w.endswith("s") and w in verbs and nxt in {"and", "or"} and prev and \
                prev.tag == "NOUN" and i + 3 < len(toks) and toks[i + 2].text in verbs and \
                toks[i + 2].text.endswith("s") and _closed(toks[i + 3].text) in {"DET", "PRON"}:
            t.tag, t.lemma = "VERB", verbs[w]  # 'the helper tracks and grades the symptoms'
        elif language == "en" and prev and prev.text in {"and", "or"} and i > 1 and toks[i - 2].tag == "VERB" and \
                (nxt.endswith("s") and nxt not in verbs or w in verbs and _closed(nxt) == "DET") and \
                not w.endswith("s") and _closed(w) is None:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'assign and reclaim assets'
        elif language == "en" and w in verbs and prev and prev.text == "and" and i > 1 and toks[i - 2].text == "," \
                and nxt.endswith("s") and nxt not in verbs and (i + 2 >= len(toks) or toks[i + 2].tag == "PUNCT"
                                                                or toks[i + 2].text in {".", ",", "and"}):
            t.tag, t.lemma = "VERB", verbs[w]  # '..., and log repairs.'
        elif language == "en" and w.endswith("ing") and len(w) > 5 and prev and prev.text == "," and w in verbs and \
                _closed(nxt) in {"DET", "PRON"} and i > 1 and toks[i - 2].tag == "NOUN" and \
                toks[i - 2].text.endswith("s"):
            t.tag, t.lemma = "VERB", verbs[w]  # 'upcoming shows, listing the works included': a participle clause
        elif language == "en" and w.endswith("ing") and len(w) > 5 and prev and prev.text in {"for", "by"} and \
                w in verbs and w not in _SITE_COMPOUNDS and singular(w) not in known_nouns() and \
                (nxt in {"and", "or"} and i + 2 < len(toks) and toks[i + 2].text.endswith("ing") or
                 _closed(nxt) in {"DET", "PRON"} or nxt.endswith("s") and _closed(nxt) is None):
            t.tag, t.lemma = "VERB", verbs[w]  # 'a tool for writing and grading essays'
        elif language == "en" and w == "staff" and prev and prev.tag == "NOUN" and prev.text.endswith("s") and \
                _closed(nxt) in {"DET", "PRON"}:
            t.tag, t.lemma = "VERB", "staff"  # 'volunteers staff each opening session'
        elif language == "en" and w == "form" and prev and prev.text.endswith("s") and \
                singular(prev.text) in word_set("people") and nxt.endswith("s"):
            t.tag, t.lemma = "VERB", "form"  # 'participants form teams': people form groups, not a form
        elif language == "en" and w in _PRICE_NOUNS and prev and prev.tag == "NOUN" and \
                not prev.text.endswith("s") and i > 1 and toks[i - 2].tag in {"DET", "PRON", "ADJ"} and \
                _closed(nxt) in {None, "PUNCT", "CONJ", "PREP"} and \
                (not nxt or nxt in {",", ".", "and", "or", ";", ")", "for", "per"}):
            t.tag, t.lemma = "NOUN", w  # 'our hire rates', 'the nightly rates': prices, not a verb
        elif language == "en" and w.endswith("s") and w in verbs and verbs[w] != w and prev and prev.tag == "NOUN" \
                and not prev.text.endswith("s") and i > 1 and toks[i - 2].text in {"each", "every"} and \
                (nxt and _closed(nxt) not in {"PUNCT", "CONJ", "AUX", "VERB"} or
                 i > 2 and toks[i - 3].text in {"when", "until", "before", "after", "if", "once"}):
            t.tag, t.lemma = "VERB", verbs[w]  # 'each artisan lists handmade products'
        elif language == "en" and w in verbs and prev and prev.text in _QUANTIFIER_SUBJECTS and \
                nxt in {"a", "an", "the", "their", "his", "her", "our", "its", "them"}:
            t.tag, t.lemma = "VERB", verbs[w]  # 'some share a plot with a friend': people doing something
        elif language == "en" and w.endswith("ing") and len(w) > 5 and prev and prev.text in {"while", "when"}:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'while keeping the history'
        elif language == "es" and w in {"ven", "ve", "vemos"} and prev and prev.tag == "NOUN":
            t.tag, t.lemma = "VERB", "ver"  # 'los visitantes ven los vinos'
        elif language == "es" and prev and prev.text in {"y", "o"} and i > 2 and (toks[i - 2].tag == "ADJ" or
                                                                            toks[i - 3].tag == "NOUN" and
                                                                            toks[i - 2].tag == "NOUN") and \
                (w[-2:] == toks[i - 2].text[-2:] or toks[i - 2].tag == "ADJ" and w[-1] == toks[i - 2].text[-1]) and \
                singular(w, "es") not in ENTITY_WORDS_ES and nxt not in \
                _ES_DETERMINERS:
            t.tag = "ADJ"  # 'examenes teoricos y practicos': an adjective agreeing with the one before
        elif language == "es" and w.endswith(("ando", "iendo", "yendo")) and len(w) > 6 and \
                singular(w, "es") not in ENTITY_WORDS_ES:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'reservan indicando las fechas': a gerund, not a thing
        elif language == "es" and prev and prev.text in {"lo", "le", "les", "se", "me", "nos"} and w in verbs and \
                verbs[w] != w and singular(w, "es") not in ENTITY_WORDS_ES:
            t.tag, t.lemma = "VERB", verbs[w]  # 'el ayuntamiento lo asigna': a pronoun before its verb
        elif language == "es" and (m := _ENCLITIC.fullmatch(w)) and m.group(1) in verbs:
            t.tag, t.lemma = "VERB", verbs[m.group(1)]  # 'comprarlos', 'pagarlo', 'reservarla'
        elif language == "en" and w in verbs and not w.endswith("s") and prev and prev.tag == "NOUN" and \
                prev.text.endswith("s") and prev.text not in _PLURAL_FORM_NOUNS and nxt.endswith("s") and \
                _closed(nxt) is None and f"{prev.text} {w}" not in known_nouns():
            t.tag, t.lemma = "VERB", verbs[w]  # 'residents report problems': people do something to things
        elif language == "en" and w in verbs and w.endswith("s") and verbs[w] != w and prev and \
                not is_spanish_verb(verbs[w]) and _third_person(w, prev, toks[i - 2] if i > 1 else None, nxt, verbs):
            t.tag, t.lemma = "VERB", verbs[w]  # '..., assigns teams and referees': only a verb, never a thing
        elif language == "en" and w in {"clock", "clocks", "clocked", "clocking"} and nxt in {"in", "out", "on", "off"}:
            t.tag, t.lemma = "VERB", "clock"  # 'employees clock in and out': a time kept, not a Clock
        elif language == "en" and closed is None and w.isalpha() and not w.endswith("s") and len(w) > 2 and \
                _verb_series(toks[:i]):
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'every time i repot, prune, wire or fertilise': not things
        elif w in verbs and not (language == "en" and is_spanish_verb(verbs[w])) and \
                (_is_verb(w, prev, toks[i - 2] if i > 1 else None, nxt, language) or
                             _continues_verbs(toks[:i], w, nxt, verbs)):
            t.tag, t.lemma = "VERB", verbs[w]
        elif prev and (prev.text in _MODALS or prev.text == "to" and (_closed(nxt) in {"DET", "PRON", "PREP"} or
                                                                     nxt in _WH_ADVERBS or
                                                                     not nxt and w not in known_nouns())) and \
                not w.endswith("s") and _closed(w) is None:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'can utilize', 'to communicate with'
        elif language == "es" and w.endswith(("an", "en", "aron", "ieron")) and len(w) > 4 and prev and (
                prev.tag == "CONJ" or prev.tag == "NOUN" and prev.text.endswith("s")) and \
                singular(w, "es") not in ENTITY_WORDS_ES:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'los usuarios publican hilos y responden'
        elif language == "es" and w.endswith(("an", "en")) and len(w) > 5 and nxt in _ES_DETERMINERS and \
                not w.endswith(("men", "gen", "cen", "ien")) and prev and prev.tag in {"PUNCT", "CONJ", "NOUN"} \
                and singular(w, "es") not in {*ENTITY_WORDS_ES, *known_nouns()} and w not in FIELD_WORDS_ES:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'que reserven cita, elijan el servicio': before its object
        elif language == "es" and prev and prev.tag == "AUX" and re.fullmatch(r"[a-z]{2,}(?:ar|er|ir)", w) and \
                singular(w, "es") not in ENTITY_WORDS_ES and w not in FIELD_WORDS_ES and w not in _ES_NOUNS_IN_R:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'necesito pasar lista': an infinitive after 'necesito'
        elif language == "es" and nxt in _ES_DETERMINERS and _INFINITIVE.fullmatch(w) \
                and singular(w, "es") not in ENTITY_WORDS_ES and w not in FIELD_WORDS_ES and w not in _ES_NOUNS_IN_R:
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'comprobar la disponibilidad': an infinitive before its object
        elif prev and prev.tag == "NOUN" and not prev.text.endswith("s") and w.endswith(_VERB_SUFFIXES) and \
                singular(w) not in known_nouns() and singular(w) not in word_set("field_nouns"):
            t.tag, t.lemma = "VERB", w  # 'the software utilizes data'
        elif language == "en" and prev and prev.text in _WANTING and (w.endswith("ed") or verbs.get(w, w) != w) and \
                not w.endswith(("s", "ing")) and w not in known_nouns():
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'items they want fixed': what should be done to them
        elif language == "en" and prev and prev.tag == "NOUN" and not prev.text.endswith("s") and len(w) > 4 and \
                (w.endswith("ed") or verbs.get(w, w) != w and not w.endswith(("s", "ing"))) and \
                (not nxt or _closed(nxt) in {"PUNCT", "CONJ"}) and singular(w) not in known_nouns():
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'the route and date found': a participle after its noun
        elif language == "en" and w.endswith(("able", "ible")) and len(w) > 6 and w not in _NOUNS_IN_ADJ_FORM and \
                singular(w) not in known_nouns():
            t.tag = "ADJ"  # 'recipes suitable for all ages', 'not fixable'
        elif w in adjectives or language == "es" and (w.endswith("s") and singular(w, "es") in adjectives or
                                                      w in word_set("adjectives_es")) or (
                w.endswith(_ADJ_SUFFIXES) and w not in _NOUNS_IN_ADJ_FORM and
                                  _closed(nxt) is None and nxt not in verbs and len(w) > 5):
            t.tag = "ADJ"
        elif language == "en" and w.endswith("ed") and len(w) > 4 and prev and prev.tag == "NOUN" and \
                prev.text.endswith("s") and (not nxt or _closed(nxt) in {"PUNCT", "CONJ"}) and w not in known_nouns():
            t.tag, t.lemma = "VERB", verbs.get(w, w)  # 'badges earned, camps': a participle after its noun
        elif w.endswith("ed") and len(w) > 4 and prev and prev.tag in {"DET", "ADJ", "PREP"} and nxt and \
                _closed(nxt) is None:
            t.tag = "ADJ"  # 'predefined categories', 'assigned tasks'
        elif language == "en" and (kind := _never_noun(w)):
            t.tag = kind  # 'keep their horses here', 'would be nice to': English never uses the word as a thing
        else:
            t.tag = "NOUN"
        if t.tag == "NOUN":
            english = singular(w)
            mixed = language == "es" and (english in known_nouns() or english in ENTITY_WORDS_EN) and w != english
            t.lemma = english if mixed else singular(w, language)  # 'services' in a Spanish-styled prompt
    for i, t in enumerate(toks[2:], 2):
        if language == "en" and t.tag == "VERB" and toks[i - 1].tag == "NOUN" and toks[i - 1].text.endswith("s") and \
                not toks[i - 1].text.endswith("ss") and toks[i - 2].text in {"a", "an", "one", "each", "every"} and \
                t.text in known_nouns():
            t.tag, t.lemma = "NOUN", t.text  # 'a commissions book', 'an orders log': one book, not commissions booking
    for i, t in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if language == "es" and t.tag == "NOUN" and len(t.text) > 7 and t.text.endswith("mente"):
            t.tag = "ADV"  # 'internamente', 'rapidamente': an adverb, never a thing
        elif language == "en" and t.tag == "NOUN" and prev is not None and (
                prev.tag == "NOUN" and prev.text.endswith("s") or prev.text in {"and", "then"}) and \
                nxt is not None and nxt.text in {"in", "on", "at", "inside", "under"} and \
                set(getAllLemmas(t.text)) == {"VERB"} and singular(t.text) not in known_nouns():
            t.tag, t.lemma = "VERB", next(iter(getAllLemmas(t.text)["VERB"]))  # 'samples sit in a box'
        elif language == "en" and t.tag == "NOUN" and prev is not None and prev.text in {"and", "or"} and i > 1 and \
                toks[i - 2].tag == "VERB" and nxt is not None and nxt.tag in {"NOUN", "DET", "PRON"} and \
                "VERB" in getAllLemmas(t.text) and t.text in getAllLemmas(t.text)["VERB"]:
            t.tag, t.lemma = "VERB", t.text  # 'members borrow and return books': two verbs, one object
        elif language == "en" and t.text in _FOUND and prev is not None and prev.tag == "NOUN" and nxt is not None \
                and nxt.tag in {"VERB", "AUX"}:
            t.tag = "ADJ"  # 'each damage found gets a type': which damage, not a thing called 'found'
        elif language == "en" and t.text in {"belongs", "belong"} and nxt is not None and nxt.text == "to":
            t.tag, t.lemma = "VERB", "belong"  # 'every return (RMA) belongs to an order'
        elif language == "en" and t.tag == "VERB" and prev is not None and prev.text == "," and i > 1 and \
                toks[i - 2].tag == "NOUN" and nxt is not None and nxt.text in {",", "and", "or"} and \
                t.text in _LISTED_FIELDS:
            t.tag, t.lemma = "NOUN", t.text  # 'country, year, metal, grade and what I paid': one more detail
        elif language == "es" and t.tag == "NOUN" and prev is not None and prev.tag == "AUX" and len(t.text) > 4 and \
                t.text.endswith(("ar", "er", "ir")) and t.text not in ENTITY_WORDS_ES and nxt is not None and \
                nxt.tag in {"DET", "PRON"}:
            t.tag, t.lemma = "VERB", t.text  # 'queremos organizar las firmas': an infinitive after a wish
        elif language == "es" and i == 0 and t.tag == "NOUN" and t.text.endswith("o") and nxt is not None and \
                nxt.text in {"en", "como"} and f"{t.text[:-1]}ar" in _ES_WORK_VERBS:
            t.tag, t.lemma = "VERB", f"{t.text[:-1]}ar"  # 'Trabajo en una notaría': I work, not a Job
    if language == "en":
        _coordinated_verbs(toks)
        for prev, t in zip(toks, toks[1:], strict=False):
            if prev.possessive and prev.tag == "NOUN" and t.tag == "VERB" and t.text.endswith("s") and \
                    len(t.text) > 3 and t.text not in {"is", "was", "has", "does"}:
                t.tag, t.lemma = "NOUN", singular(t.text)  # "each player's scores per leg": what the player has
    return toks


_ACTIONS = {"book", "reschedule", "cancel", "edit", "delete", "update", "rebook", "amend", "modify", "change",
            "renew", "extend", "reserve", "view", "rate", "review", "share", "save", "report", "return", "pause"}

_SERIES_VERBS = {"manage", "track", "add", "remove", "create", "see", "browse", "approve", "assign", "schedule",
                 "export", "download", "upload", "publish", "print", "invite", "archive", "monitor", "record"}


def _coordinated_verbs(toks: list[Token]) -> None:
    """'book, reschedule or cancel an appointment': the words listed before a verb with one object are verbs;
    'schedule meetings and close a vote': a second verb after 'and' with its own article."""
    for i, t in enumerate(toks[1:-1], 1):
        if t.tag == "NOUN" and toks[i - 1].text in {"and", "or"} and toks[i + 1].text in {"a", "an", "the"} and \
                not t.text.endswith("s") and t.text in getAllLemmas(t.text).get("VERB", ()) and \
                any(x.tag == "VERB" for x in toks[:i - 1]):
            t.tag, t.lemma = "VERB", t.text
    for i, t in enumerate(toks[2:-2], 2):
        if t.tag == "NOUN" and t.text in _SERIES_VERBS and toks[i - 1].text == "," and \
                toks[i + 1].tag in {"NOUN", "DET", "ADJ"} and any(x.tag == "VERB" for x in toks[:i - 1]) and \
                any(toks[j].text in {"and", "or"} and toks[j + 1].tag == "VERB" for j in range(i + 2, len(toks) - 1)):
            t.tag, t.lemma = "VERB", t.text  # 'add and edit products, manage stock and view orders'
    for i, t in enumerate(toks):
        if t.tag != "VERB" or t.text not in _ACTIONS or i < 2 or toks[i - 1].text not in {"or", "and"} or \
                i + 1 >= len(toks) or toks[i + 1].tag not in {"DET", "NOUN", "PRON"}:
            continue
        k = i - 2
        while k >= 0 and toks[k].tag == "NOUN" and toks[k].text in _ACTIONS | _SERIES_VERBS:
            toks[k].tag, toks[k].lemma = "VERB", toks[k].text
            if k < 2 or toks[k - 1].text != ",":
                break
            k -= 2


    for i, t in enumerate(toks[2:], 2):
        if t.tag != "VERB" or t.text != t.lemma or toks[i - 1].text != ",":
            continue
        k, listed = i - 2, []
        while k >= 0 and toks[k].tag == "NOUN" and toks[k].text in getAllLemmas(toks[k].text).get("VERB", ()) and \
                (k == 0 or toks[k - 1].text in {",", ":"}):
            listed.append(toks[k])
            if k == 0 or toks[k - 1].text == ":":
                for x in listed:  # ': crop, straighten, fix the white balance': a list of things to do
                    x.tag, x.lemma = "VERB", x.text
                break
            k -= 2


def _after_separator(toks: list[Token], i: int) -> bool:
    """Whether the nouns and adjectives ending at token i follow a list's comma, colon or dash (or start it)."""
    while i >= 0 and toks[i].tag in {"NOUN", "ADJ"}:
        i -= 1
    return i < 0 or toks[i].text in {",", ":", "-", "and", ";"}


@cache
def _never_noun(w: str) -> str | None:
    """'ADV' or 'ADJ' for a word English knows only as an adverb or adjective ('here', 'nice'), else None."""
    readings = getAllLemmas(w)
    if not readings or "NOUN" in readings or "VERB" in readings or singular(w) in known_nouns() or \
            w in word_set("field_nouns") or w in _NOT_ADVERBS:
        return None
    return "ADV" if "ADV" in readings else "ADJ"


def _participle(w: str, verbs: dict[str, str]) -> str | None:
    """The verb a past participle comes from ('reviewed', 'submitted', 'written'), or None."""
    if w in verbs and verbs[w] != w and w.endswith(("ed", "en")):
        return verbs[w]
    if w.endswith("ed") and len(w) > 5 and w[-3] == w[-4] and w[:-3] in verbs:
        return w[:-3]  # 'submitted', 'planned'
    return None


def _es_infinitive(w: str, endings: tuple[tuple[str, tuple[str, ...]], ...], stem: int) -> str | None:
    """The known Spanish infinitive a form comes from, trying each (suffix, infinitive endings) in turn; the stem
    left must be longer than `stem` letters."""
    lemmas = _lemma_set()
    for suffix, ends in endings:
        if w.endswith(suffix) and len(w) > len(suffix) + stem:
            found = next((w[:-len(suffix)] + end for end in ends if w[:-len(suffix)] + end in lemmas), None)
            if found:
                return found
    return None


_ANY = ("ar", "er", "ir")
_PRESENT = (("an", _ANY), ("en", _ANY), ("a", _ANY), ("e", _ANY))  # 'contrata' -> contratar
_FIRST_PERSON_OR_PAST = (("amos", ("ar",)), ("emos", ("er",)), ("imos", ("ir",)), ("aron", ("ar",)),
                         ("ieron", ("er", "ir")), ("o", _ANY))  # 'coordino', 'pesamos', 'pagaron'


@cache
def _lemma_set() -> frozenset[str]:
    """Every verb lemma the vocabulary knows."""
    return frozenset(verb_lemmas().values())


def _people_of(toks: list[Token], i: int) -> bool:
    """'members of our angling club | record': plural people, 'of/in/at', a determiner and nouns before word i."""
    j = i - 1
    while j > 0 and toks[j].tag == "NOUN" and not toks[j].text.endswith("s"):
        j -= 1
    people = toks[j - 2] if j > 1 else None
    return people is not None and j < i - 1 and toks[j].tag == "DET" and \
        toks[j - 1].text in {"of", "in", "at", "from"} and people.tag == "NOUN" and people.text.endswith("s") and \
        singular(people.text) in word_set("people")


def _third_person(w: str, prev: Token, before: Token | None, nxt: str, verbs: dict[str, str]) -> bool:
    """'the app tracks and records', '..., assigns teams and referees': a verb form no thing is named by here."""
    if prev.text in PERIODIC:
        return False  # 'hourly rates', 'weekly reports': things described by how often
    if prev.text in word_set("tool_nouns") and prev.tag != "VERB" and \
            not (before is not None and before.tag in {"PREP", "NOUN"}):
        return bool(nxt) and _closed(nxt) in {"DET", "PRON", "CONJ", "ADV", None}  # the software does it
    return prev.text in {",", "then", "and", "also", "it", "which", "that"} and \
        _closed(nxt) in {"DET", "PRON", None} and bool(nxt) and \
        verbs[w] not in known_nouns() | word_set("abstract_nouns") | word_set("field_nouns")


def _continues_verbs(before: list[Token], w: str, nxt: str, verbs: dict[str, str]) -> bool:
    """'..., rate them, and save favourites': a base-form verb after a comma or 'and' in a list of actions."""
    if not before or before[-1].text not in {",", "and", "or", "y", "o"}:
        return False
    if len(before) > 1 and before[-1].text in {"and", "or", "y", "o"} and before[-2].text == ",":
        before = before[:-1]
    depth, outside = 0, []
    for t in before:  # a verb inside brackets ('(applications are approved by staff)') is not in the list
        depth += (t.text == "(") - (t.text == ")")
        if depth == 0 and t.text != ")":
            outside.append(t)
    earlier = [t for t in outside if t.tag == "VERB"]
    if not earlier or _closed(nxt) in {"CONJ", "PUNCT", "AUX"}:
        return False
    base = earlier[-1].text == earlier[-1].lemma
    return base == (w == verbs[w]) and (_closed(nxt) in {"DET", "PRON", "ADV"} or not w.endswith("s"))


def _verb_series(outside: list[Token]) -> bool:
    """'i repot, prune, ...': the list so far is bare base-form verbs, the first one right after 'i', 'we' or 'they'."""
    k = len(outside) - 1
    while k >= 2 and outside[k].text in {",", "and", "or"}:
        item = outside[k - 1]
        if item.tag == "VERB" and outside[k - 2].text in {"i", "we", "you", "they"}:
            return item.text == item.lemma
        if item.tag != "VERB" or item.text != item.lemma or outside[k - 2].text not in {",", "and", "or"}:
            return False
        k -= 2
    return False


_ENCLITIC = re.compile(r"([a-z]{3,}(?:ar|er|ir))(?:lo|la|los|las|le|les|nos)")
_CONTACTING = {"text", "email", "message", "call", "phone", "ring", "ping", "sms", "whatsapp"}
_EN_PARTICIPLES = {"chosen", "broken", "hidden", "written", "stolen", "frozen", "given", "forgotten", "fallen",
                   "spoken", "driven", "beaten", "eaten", "woken", "selected", "preferred"}
PERIODIC = {"hourly", "daily", "weekly", "monthly", "yearly", "annual", "quarterly", "termly", "nightly", "fortnightly"}
_TIME_WORDS = {"day", "week", "month", "year", "morning", "evening", "night", "weekend", "season", "term",
               "quarter", "fortnight", "shift", "visit", "session"}
_TIMES_OF_DAY = {"morning", "evening", "afternoon", "night", "mornings", "evenings", "afternoons", "nights"}
_PLURAL_FORM_NOUNS = {"sales", "news", "savings", "sports", "goods", "earnings", "series", "species", "analytics",
                      "clothes", "glasses", "economics", "logistics", "electronics", "graphics", "physics", "ethics"}
_INFINITIVE = re.compile(r"[a-z]{4,}(?:ar|er|ir)(?:se|lo|la|los|las)?")
_ES_NOUNS_IN_R = {"lugar", "hogar", "taller", "collar", "altar", "poder", "placer", "deber", "mujer", "alquiler",
                  "dolar", "azucar", "militar", "titular", "familiar", "celular", "auxiliar", "socialmente"}
_ES_POSSESSIVES = {"mi", "mis", "nuestro", "nuestra", "nuestros", "nuestras", "tu", "tus", "su", "sus"}
_ES_DETERMINERS = {"el", "la", "los", "las", "un", "una", "unos", "unas", "su", "sus", "cada", "todos", "todas"}


def _is_verb(w: str, prev: Token | None, before: Token | None, nxt: str, language: str) -> bool:
    """Whether an ambiguous word (book, order, rate, track, list...) is used as a verb here."""
    if language == "es" and not is_spanish_verb(verb_lemmas().get(w, "")):
        language = "en"  # an English verb in a mixed prompt ('booking app ..., fondo negro')
    if language == "es":
        if w in FIELD_WORDS_ES and prev and prev.tag in {"AUX", "PUNCT", "CONJ", "PREP"}:
            return False  # 'los coches tienen matricula, modelo...' lists fields, not matricular
        if singular(w, "es") in ENTITY_WORDS_ES and not (prev and prev.text in {"se", "puede", "pueden", "para"}):
            return False  # 'pedidos' are orders here, not a form of pedir
        if re.fullmatch(r"[a-z]{3,}(?:ar|er|ir)(?:se)?", w) and w in verb_lemmas() and nxt in _ES_DETERMINERS:
            return True  # 'gestionar productos, marcar los productos de temporada'
        if prev and prev.text in {"a", "de", "para", "al"} and verb_lemmas().get(w) == w:
            return True  # 'ayuda a organizar', 'para gestionar': an infinitive after a preposition
        return not (prev and prev.tag in {"DET", "ADJ"}) and not w.endswith(("cion", "ciones"))
    if nxt in {"which", "that", "who"} and w.endswith("s") and prev is not None and prev.tag == "NOUN" and \
            singular(w) in known_nouns() | set(load("nouns")["compound_heads"]):
        return False  # 'vacation requests which managers approve': a noun with its relative clause
    if w.endswith("s") and nxt == "up" and w in verb_lemmas() and prev is not None and prev.tag != "DET":
        return True  # 'each application lists up to three schools', 'the van sleeps up to four'
    if prev is not None and prev.text in {"so", "then", "also", "please", "just"} and \
            nxt in {"which", "what", "who", "whose", "how", "when", "where", "whether", "if"}:
        return True  # '..., so track which member has passed which induction': what the app should do
    if prev is None:  # imperative: 'track expenses', 'gather information'
        return _closed(nxt) in {"DET", "PRON"} or nxt.endswith("s") or nxt in {"information", "data", "feedback"}
    if prev.text in {",", ";"} and before is not None and before.tag == "NOUN" and not w.endswith(("s", "ing")) and \
            (_closed(nxt) in {"DET", "PRON"} or nxt.endswith("s") and not nxt.endswith("ss") and
             f"{w} {singular(nxt)}" not in known_nouns() | set(load("nouns")["names"])):
        return True  # 'an app for freelancers, log invoices and expenses': the next thing the app does
    if prev.text == "to" and w.endswith("s") and w != verb_lemmas().get(w, w) and w not in verb_lemmas().values():
        return False  # 'belong to lists'
    participle = w != verb_lemmas().get(w, w) and not w.endswith(("s", "ing")) or w.endswith(("ed", "en"))
    if prev.text in {"has", "have", "had", "having"}:
        return participle  # 'has order items' is a noun, 'has ordered' a verb
    if prev.text in {"need", "needs", "want", "wants"} and w.endswith("s") and singular(w) in known_nouns() and \
            _closed(nxt) not in {"DET", "PRON"}:
        return False  # 'we need routes, sailings and vessels': the things wanted
    if prev.text == "to" or prev.tag in {"AUX", "ADV"} and prev.text not in {"etc"}:
        return not (prev.text in {"is", "are", "was", "be"} and not w.endswith(("ed", "en", "ing")) and
                    w not in load("verbs")["irregular_en"])  # 'laptops are lent to employees'
    if prev.tag in {"DET", "ADJ"} or prev.possessive or prev.tag == "NUM" or "-and-" in prev.text or \
            prev.text in PERIODIC:
        return False  # ... 'click-and-collect orders' describes the orders; 'hourly rates' are prices
    if prev.tag == "PRON" and prev.text not in {"it", "which", "what", "there"} or \
            prev.text in {"who", "which", "that"} and _closed(nxt) != "PUNCT":
        return True
    if prev.text in {"it", "which", "that"}:
        return w.endswith("s")
    if prev.tag == "PREP":
        return w.endswith("ing") and prev.text in {"for", "by", "of", "in", "on", "after", "before", "about", "while",
                                                   "when", "without"} \
            and _closed(nxt) in {"DET", "PRON", None}
    if w.endswith("s") and nxt in {"whether", "which", "what", "how", "if"} and prev.text in {",", "and", "it"}:
        return True  # '..., tracks whether he took each pill'
    if prev.tag == "CONJ" and prev.text in {"and", "or"}:
        return bool(before and before.tag == "VERB") or _closed(nxt) in {"DET", "PRON"} and \
            nxt not in {"it", "them", "they"} or \
            w.endswith("s") and nxt in {"which", "what", "how", "whether", "who", "when"}  # 'and tracks which knots'
    if prev.tag == "NOUN" and prev.text in word_set("generic_subjects"):
        return True
    if prev.tag == "NOUN" and w.endswith("s") and not prev.text.endswith("s") and \
            singular(w) not in known_nouns() and verb_lemmas().get(w) != w and \
            not (nxt in {"", ",", ".", ";", ")", "and", "or"} and before is not None and
                 before.text in {"and", "with", "plus"} and singular(prev.text) not in word_set("people")):
        return True  # 'the software allows businesses to...' ('percentage score and master points': a noun)
    if prev.tag == "NOUN" and w.endswith("ed") and verb_lemmas().get(w, w) != w and _closed(nxt) in {"DET", "PRON"}:
        return True  # 'which neighbour borrowed the ladder': a past tense before its object
    if prev.tag == "NOUN":  # 'members borrow books', 'a user rates recipes'
        plural_subject = prev.text.endswith("s") and not prev.text.endswith("ss") or prev.text in _COLLECTIVE
        return (plural_subject and not w.endswith("s")) or (not plural_subject and w.endswith("s") and
                                                            _closed(nxt) in {"DET", "PRON", "PREP"})
    return False
