"""Stage 3: candidate nouns and verbs: noun phrases, lists of them, 'such as' examples, verb frames."""

from __future__ import annotations

import re
from collections import Counter

from core.engine.understand.reading import Frame, Phrase, Reading, Token
from core.engine.understand.vocab import load, word_set

_HAVE = {"have", "has", "tienen", "tiene"}
_LIST_JOINERS = {",", "and", "or", "y", "o", "e", "u", "&", "/", "plus"}
_EXAMPLE_MARKERS = (("such", "as"), ("like",), ("including",), ("eg",), ("e-g",), ("como",), ("incluyendo",),
                    ("tales", "como"), ("for", "example"), ("por", "ejemplo"))
_RELATIVE = {"that", "which", "que", "whom"}
_PASSIVE_AUX = {"is", "are", "was", "were", "be", "been", "get", "gets", "es", "son", "fue", "fueron", "ser"}
_ENCLITIC = re.compile(r"(?:ar|er|ir)(?:lo|la|los|las)$")
_PRONOUN_OBJECTS = {"them", "it", "los", "las", "lo", "la", "les", "those", "these"}
_LINKS = {"link", "enlace"}
_ANYONE = {"visitor", "user", "person", "fan", "shopper", "resident", "kid", "child"}  # not records, yet subjects


def candidates_stage(r: Reading) -> Reading:
    """Find the noun phrases, their lists and examples, and the verbs with what they act on."""
    for si, toks in enumerate(r.sentences):
        phrases = _chunk(toks, si, r.language)
        if r.language == "es":
            phrases = _spanish_compounds(toks, phrases)
        r.phrases.extend(phrases)
        r.lists.extend(_lists(toks, phrases))
        _examples(r, toks, phrases)
        r.frames.extend(_frames(toks, phrases, si, r.frames))
        if r.language == "en":
            _hire_nouns(r, toks, phrases, si)
    _colon_kinds(r)
    return r


def _colon_kinds(r: Reading) -> None:
    """'report problems in the street: potholes, broken streetlights, fly-tipping, graffiti.': a list that ends the
    sentence after a plural thing and a colon, whose items are never mentioned again, names kinds of that thing."""
    heads = Counter(p.head for p in r.phrases)
    for si, toks in enumerate(r.sentences):
        phrases = [p for p in r.phrases if p.sentence == si]
        for i, t in enumerate(toks):
            if t.text != ":":
                continue
            before = next((q for q in phrases if q.end == i), None)
            owner = next((q for q in phrases if before is not None and q.end < before.start and
                          toks[q.end].tag == "PREP" and all(x.tag == "DET" for x in toks[q.end + 1:before.start])),
                         before)
            group = next((g for g in r.lists if g[0].sentence == si and g[0].start > i and
                          all(x.tag in {"DET", "ADJ"} for x in toks[i + 1:g[0].start])), None)
            if owner is None or group is None or not owner.plural or len(group) < 3 or \
                    owner.head in word_set("abstract_nouns") | word_set("data_heads") | word_set("people") | \
                    word_set("kinds") or group[-1].end < len(toks) - 1 or \
                    any(heads[q.head] > 1 or q.head in word_set("people") for q in group) or \
                    any(x.text == "(" for x in toks[i:]):
                continue
            r.examples[id(owner)] = group


def _chunk(toks: list[Token], si: int, language: str) -> list[Phrase]:
    """Maximal runs of adjectives and nouns ending in a noun (Spanish: noun first, adjectives after)."""
    out: list[Phrase] = []
    i = 0
    while i < len(toks):
        if toks[i].tag not in {"ADJ", "NOUN"}:
            i += 1
            continue
        j = i
        while j < len(toks) and toks[j].tag in {"ADJ", "NOUN"} and not (j > i and toks[j - 1].possessive) and \
                not (language == "en" and j > i and _relative_subject(toks, j)):
            j += 1
        run = toks[i:j]
        nouns = [k for k, t in enumerate(run) if t.tag == "NOUN"]
        if nouns:
            h = nouns[0] if language == "es" else nouns[-1]
            head = run[h]
            mods = [t.text for t in run[:h] if t.tag == "NOUN"] if language != "es" else []
            out.append(Phrase(words=[t.text for t in run], head=head.lemma or head.text, sentence=si, start=i,
                              end=j, plural=head.text != (head.lemma or head.text),
                              possessive=run[-1].possessive, modifiers=mods))
        i = j
    return out


def _spanish_compounds(toks: list[Token], phrases: list[Phrase]) -> list[Phrase]:
    """'planes de dieta', 'órdenes de trabajo': a head noun and a bare singular noun after 'de' are one thing
    ('turnos de comida y cena' are shifts of two kinds, not a MealShift); an adjective may follow ('sesiones de
    patinaje publico'), not a period ('planes de suscripcion mensual' are plans with a monthly subscription)."""
    heads = load("spanish")["compound_heads"]
    out: list[Phrase] = []
    for p in phrases:
        last = out[-1] if out else None
        if last is not None and last.head in heads and not last.modifiers and len(last.words) == 1 and \
                p.start == last.end + 1 and toks[last.end].text == "de" and (
                    len(p.words) == 1 or len(p.words) == 2 and toks[p.start + 1].tag == "ADJ" and
                    not p.words[1].endswith("al")) and \
                not p.plural and (spanish_modifier(p.head) or last.head in _ACTIVITY_HEADS and len(p.words) == 1 and
                                  p.head not in load("spanish")["names"]) and not _another_kind(toks, p.end):
            last.words = [*last.words, "de", *p.words]
            last.end = p.end
            last.modifiers = [p.head]
            last.de_compound = True
            last.possessive = p.possessive
            continue
        out.append(p)
    return out


_ACTIVITY_HEADS = {"sesion", "clase", "curso", "entrenamiento"}  # 'sesiones de ergómetro': sessions, of a kind we
# have no English word for


def _another_kind(toks: list[Token], k: int) -> bool:
    """'... de comida y cena': a second bare singular noun joined to the modifier."""
    nxt = toks[k + 1] if k + 1 < len(toks) else None
    return nxt is not None and toks[k].text in {"y", "o", "e", "u"} and nxt.tag == "NOUN" and \
        nxt.text == (nxt.lemma or nxt.text)


def spanish_modifier(word: str) -> str:
    """The English word a Spanish noun is as a modifier ('dieta' -> 'diet'), or '' when there is none."""
    from core.engine.understand.lexicon import ENTITY_WORDS_ES

    known = load("spanish")["modifiers"].get(word)
    if known:
        return known
    name = ENTITY_WORDS_ES.get(word) or load("spanish")["names"].get(word, "")
    return name.lower() if name and sum(c.isupper() for c in name) == 1 else ""


def _relative_subject(toks: list[Token], j: int) -> bool:
    """'workshops members can sign up for': people after a plural noun, then a verb, start a clause."""
    before, here = toks[j - 1], toks[j]
    after = toks[j + 1] if j + 1 < len(toks) else None
    if before.tag == "NOUN" and here.text == "people" and after is not None and after.tag in {"AUX", "VERB"}:
        return True  # 'a gift voucher system people can redeem': the system, then who redeems it
    return (before.tag == "NOUN" and before.text != (before.lemma or before.text) and here.tag == "NOUN" and
            (here.lemma or here.text) in word_set("people") | _ANYONE and here.text != (here.lemma or here.text) and
            after is not None and after.tag in {"AUX", "VERB"})


def _lists(toks: list[Token], phrases: list[Phrase]) -> list[list[Phrase]]:
    """Phrases joined only by commas, 'and', 'or' (and articles): 'products, categories and orders'. A bracketed
    aside does not end a list: 'members, boats (class, sail number), races and results' lists four things."""
    depth, d = [], 0
    for t in toks:
        d += t.text == "("
        depth.append(d)
        d = max(0, d - (t.text == ")"))
    by = {id(q) for p, q in zip(phrases, phrases[1:], strict=False)
          if p.plural and not q.plural and q.start == p.end + 1 and toks[p.end].text in {"by", "por"}}
    for p, q in zip(phrases, phrases[1:], strict=False):
        if id(q) in by:  # 'ewes by tag number, tupping, lambings': how the ewes are known, not a list item
            depth[p.end:q.end] = [1] * (q.end - p.end)
    outer = [p for p in phrases if depth[p.start] == 0]
    inner = [p for p in phrases if depth[p.start] > 0 and id(p) not in by]
    groups = _joined(toks, outer, depth) + _joined(toks, inner, None)
    return sorted(groups, key=lambda g: g[0].start)


def _joined(toks: list[Token], phrases: list[Phrase], depth: list[int] | None) -> list[list[Phrase]]:
    """Runs of phrases with only list joiners between them (outside brackets when `depth` is given)."""
    groups: list[list[Phrase]] = []
    current: list[Phrase] = []
    for p in phrases:
        if current:
            between = [t for k, t in enumerate(toks[current[-1].end:p.start], current[-1].end)
                       if t.tag != "DET" and not _repeated_a(toks, k) and (depth is None or depth[k] == 0)]
            if between and all(t.text in _LIST_JOINERS for t in between) and not _new_clause(toks, between, p):
                current.append(p)
                continue
            if len(current) > 1:
                groups.append(current)
        current = [p]
    if len(current) > 1:
        groups.append(current)
    return groups


def _repeated_a(toks: list[Token], k: int) -> bool:
    """'pertenece a un proveedor y a un almacén': the Spanish 'a' repeated after 'y' does not end the list."""
    return toks[k].text == "a" and toks[k].tag == "PREP" and k > 0 and toks[k - 1].text in {"y", "o", ","}


def _new_clause(toks: list[Token], between: list[Token], p: Phrase) -> bool:
    """'guests with contact info and a short bio, and an episode can have several guests': after ', and' a single
    thing with its own verb starts a new clause; it does not join the list before it."""
    return [t.text for t in between] in ([",", "and"], [",", "y"]) and not p.plural and p.end < len(toks) and \
        toks[p.end].tag in {"AUX", "VERB"} and toks[p.start - 1].tag == "DET"


def _examples(r: Reading, toks: list[Token], phrases: list[Phrase]) -> None:
    """'categories such as food, transport' -> food and transport are examples of categories."""
    for k, p in enumerate(phrases):
        after = [t.text for t in toks[p.end:p.end + 3]]
        if after[:1] == [","]:
            after = after[1:]
        if not any(tuple(after[:len(m)]) == m for m in _EXAMPLE_MARKERS) or k + 1 >= len(phrases):
            continue
        nxt = phrases[k + 1]
        group = next((g for g in r.lists if g[0] is nxt), [nxt])
        kinds_of = p.start > 1 and toks[p.start - 1].text in {"of", "de"} and \
            toks[p.start - 2].text in _KIND_WORDS or p.words[-1] in _KIND_WORDS and p.plural  # 'modes of
        # travel such as buses, ferries', 'workouts of different types such as runs': values, not tables
        if (p.head in word_set("abstract_nouns") or p.head in word_set("data_heads")) and not kinds_of and \
                p.head not in {"format", "formato"}:  # 'formats such as PDF and spreadsheets' are values
            if p.head in {"feature", "function", "functionality", "option", "tool", "capability"}:
                r.capabilities += [" ".join(x.words) for x in group]
            continue  # 'health information, including allergies, vaccines...': the items are the things
        r.examples[id(p)] = group
    for group in r.lists:
        if phrases and group[0].sentence == phrases[0].sentence and ends_in_etc(toks, group):
            r.examples[id(group[0])] = group  # 'netflix, spotify, gym etc': examples of a thing, not things
        last = group[-1]
        if phrases and group[0].sentence == phrases[0].sentence and len(group) >= 3 and \
                [t.text for t in toks[last.end:last.end + 2]] in _BY_KIND:
            r.examples[id(group[0])] = group  # 'browse tents, sleeping bags and stoves by category': kinds of one


_BY_KIND = [[b, k] for b in ("by", "por") for k in ("category", "type", "kind", "categoria", "tipo")]
_APP_WORDS = {"app", "application", "website", "site", "platform", "system", "software", "portal", "business",
              "company", "service"}
_HIRE_NOUNS = {"hire": "hire", "rental": "rent", "rentals": "rent"}


def _hire_nouns(r: Reading, toks: list[Token], phrases: list[Phrase], si: int) -> None:
    """'Tool hire: cement mixers, tile cutters': tools are hired (a verb said as a noun); the list names kinds."""
    for p in phrases:
        if p.words[-1] not in _HIRE_NOUNS or not p.modifiers or len(p.words) != len(p.modifiers) + 1:
            continue
        word = p.modifiers[-1]
        if word in word_set("settings") or word in _APP_WORDS or word.endswith("ing"):
            continue  # 'a car hire company', 'our hire shop' are where the app is used
        thing = Phrase(words=[word], head=word[:-1] if word.endswith("s") and len(word) > 4 else word,
                       sentence=si, start=p.end - 2, end=p.end - 1)
        r.phrases.append(thing)
        r.frames.append(Frame(verb=_HIRE_NOUNS[p.words[-1]], sentence=si, position=p.end - 1, objects=[thing]))
        group = next((g for g in r.lists if g[0].sentence == si and g[0].start > p.end), None)
        between = toks[p.end:group[0].start] if group is not None else []
        if group is not None and any(t.text in {":", "-"} for t in between) and \
                not any(t.tag in {"VERB", "AUX"} or t.text in {",", "(", ")", ";", "and", "y"} for t in between):
            r.examples[id(thing)] = group  # the mixers and cutters are the tools, not tables of their own


def ends_in_etc(toks: list[Token], group: list[Phrase]) -> bool:
    """Whether a list of phrases ends in 'etc' ('gym, pool, yoga etc')."""
    return group[-1].end < len(toks) and toks[group[-1].end].text in {"etc", "etcetera"}


_PARTICLE_VERBS = {"bring", "hand", "drop", "send", "turn", "take", "check", "sign", "log", "fill", "call", "put"}
_HANDED = {"borrow", "lend", "rent", "hire", "buy", "purchase", "prestar", "alquilar", "comprar"}  # '... and return'
CHOICE_WORDS = {"which", "what", "whichever", "cual", "cuales"}  # 'who brings which dish': the dish is brought


def _noted_thing(toks: list[Token], vi: int) -> bool:
    """'se apuntan los puntos', 'se apunta la hora': a thing (not people) straight after the reflexive verb."""
    after = toks[vi + 1:vi + 4]
    if not after or after[0].text not in {"el", "la", "los", "las", "su", "sus"}:
        return False
    noun = next((t for t in after[1:] if t.tag == "NOUN"), None)
    return noun is not None and (noun.lemma or noun.text) not in word_set("people")


_KIND_WORDS = {"modes", "mode", "types", "type", "kinds", "kind", "sorts", "sort", "categories", "forms", "tipos",
               "clases", "modos", "categorias", "formas", "medios"}


_SIGNS_UP_FOR = {"sign", "register", "enrol", "enroll", "apply", "book", "vote"}
_BARE_ENDS = {",", ".", ";", ":", "and", "so", "then", "online", "-", "!", "y"}


def _frames(toks: list[Token], phrases: list[Phrase], si: int, earlier: list[Frame]) -> list[Frame]:
    """Each verb with the phrase before it (subject), the phrases it acts on and its prepositions."""
    frames: list[Frame] = []
    verbs = [i for i, t in enumerate(toks) if t.tag == "VERB"]
    for n, vi in enumerate(verbs):
        stop = verbs[n + 1] if n + 1 < len(verbs) else len(toks)
        f = Frame(verb=toks[vi].lemma, sentence=si, position=vi)
        if f.verb == "apuntar" and not toks[vi].text.endswith(("se", "me", "nos", "te", "os")) and \
                not (vi and toks[vi - 1].text in {"se", "me", "nos", "te", "os"}) and \
                not (vi + 1 < len(toks) and toks[vi + 1].text in {"a", "al"}):
            f.verb = "anotar"  # 'apuntar mis viajes' notes them down; 'apuntarse', 'apuntar a los hijos a' sign up
        elif f.verb == "apuntar" and _noted_thing(toks, vi):
            f.verb = "anotar"  # 'se apuntan los puntos de cada uno': the points are noted down; nobody signs up
        before = [p for p in phrases if p.end <= vi and _outside(toks, p.end, vi) <= 4 and
                  not _bracketed(toks, p.start, vi)]  # 'every return (RMA) belongs to an order': the return does;
        # 'las camas (no las habitaciones) se reservan': the beds are
        gap_before = toks[before[-1].end:vi] if before else []
        coordinated = frames and any(t.text in {",", "and", "y"} for t in gap_before)
        if vi and toks[vi - 1].text in word_set("subject_pronouns") and before and before[-1].end == vi - 1 and \
                not (vi + 1 < len(toks) and toks[vi + 1].tag in {"DET", "NOUN", "ADJ", "NUM"}):
            f.objects.append(before[-1])  # 'the households we serve': the phrase is what we act on
            frames.append(f)
            continue
        gerund = frames and frames[-1].subject is not None and vi and toks[vi - 1].tag != "DET" and (
            toks[vi].text.endswith(("ando", "iendo", "yendo")) and toks[vi].text != toks[vi].lemma)
        if gerund:
            f.subject = frames[-1].subject  # 'pueden saltarse semanas avisando antes': the members tell, not the weeks
        elif before and not any(t.tag == "VERB" or t.text in {"so", "then", "please"} for t in gap_before) and \
                not coordinated and not (gap_before and gap_before[-1].text in word_set("subject_pronouns")) and \
                not _asked_after_colon(gap_before) and not (
                    [t.text for t in gap_before] == [":"] and toks[vi].text == toks[vi].lemma and
                    before[-1].head not in word_set("people")):  # 'at our charter: type a price': an instruction
            # 'a flat fee so track payments': no subject across 'so'; 'grade and what i paid': I pay, not the grade
            f.subject = before[-1]
            k = _skip_det(toks, f.subject.start - 1)
            owner = next((p for p in phrases if p.end == k), None) if k > 0 and toks[k].text in _HAVE else None
            if owner is not None and any(t.text in {"and", "y"} for t in gap_before):
                f.subject = owner  # 'customers have accounts and can see past orders': the customers see them
            whole = next((p for p in phrases if p.end < f.subject.start and p.plural and
                          [t.text for t in toks[p.end:f.subject.start] if t.tag not in {"DET", "NOUN"}] in
                          (["of"], ["in"], ["at"], ["from"]) and
                          p.head in word_set("people") and (not f.subject.plural or
                                                            f.subject.head in word_set("people")) and
                          not toks[vi].text.endswith("s")), None)
            f.subject = whole or f.subject  # 'members of our group record sightings': the members do
        elif frames and _outside(toks, frames[-1].position, vi) <= 8:
            prior = frames[-1]
            if len(frames) > 1 and toks[prior.position].text.endswith("ing") and prior.subject is not None and \
                    not toks[vi].text.endswith("ing") and \
                    prior.subject.end == prior.position and frames[-2].subject is not None:
                prior = frames[-2]  # 'view shows and the comedians performing in them, buy tickets': the viewers buy
            f.subject = prior.subject  # 'members browse products, place orders and reserve rooms'
        after = [p for p in phrases if vi < p.start < stop]
        gap = toks[vi + 1:after[0].start] if after else toks[vi + 1:stop]
        if after and all(t.tag in {"DET", "ADV", "ADJ", "VERB"} or t.text in {"a", "an"} or
                         t.tag == "NUM" or t.text in CHOICE_WORDS and k == len(gap) - 1
                         for k, t in enumerate(gap)):  # 'book a 45-minute appointment', 'borrowed which tool'
            first = after[0]
            if first.possessive and len(after) > 1 and after[1].start == first.end and after[1].plural:
                first = after[1]  # "track my kids' chores", "our fleet's fuel cards": the chores, the cards
                after = after[1:]
            f.objects.append(first)
            prev = first
            for p in after[1:]:
                between = [t for k, t in enumerate(toks[prev.end:p.start], prev.end) if t.tag not in {"DET", "ADV"}
                           and not _repeated_a(toks, k)]
                bare = toks[p.start - 1].tag != "DET" and not p.plural
                if bare and ([t.text for t in between] == ["de"] and toks[p.start - 1].text == "de" or
                             [t.text for t in between] in (["y"], ["o"]) and prev is not f.objects[-1]):
                    prev = p  # 'el número de serie, el modelo y el estado': one detail, then the list goes on
                    continue  # ('leña de encina y roble': both say what kind of firewood)
                if p.end < len(toks) and toks[p.end].tag in {"VERB", "AUX"}:
                    break  # 'teach classes and students enroll': students start the next clause
                if between and all(t.text in _LIST_JOINERS for t in between):
                    f.objects.append(p)
                    prev = p
                else:
                    break
        elif f.subject is not None and f.subject.start > 1 and \
                toks[rel := _skip_det(toks, f.subject.start - 1)].text in _RELATIVE:
            before_rel = [p for p in phrases if p.end == rel]
            if before_rel:
                f.objects.append(before_rel[0])  # 'reports that employees submit'
        elif f.subject is not None and f.subject.start > 0 and _relative_subject(toks, f.subject.start):
            before_rel = [p for p in phrases if p.end == f.subject.start]
            stranded = next((t.text for t in toks[vi + 1:vi + 3] if t.tag == "PREP"), None)
            if before_rel and stranded:
                f.preps.append((stranded, before_rel[0]))  # 'the events members can register for'
            elif before_rel:
                f.objects.append(before_rel[0])  # 'the dogs visitors can adopt'
        elif any(t.text in _PRONOUN_OBJECTS for t in gap[:2]) or _ENCLITIC.search(toks[vi].text) and \
                toks[vi].lemma != toks[vi].text and toks[vi].lemma.endswith(("ar", "er", "ir")):
            src = next((g for g in reversed([*earlier, *frames]) if g.objects), None)  # 'rate and favourite them'
            here = [p for p in phrases if p.end <= vi and p is not f.subject and p.head not in word_set("people") and
                    p.start > 0 and toks[p.start - 1].text in {"each", "every", "cada"} and not p.plural]
            if here and (src is None or src.sentence != si):
                f.objects.append(here[-1])  # 'after each talk, attendees rate it': the talk of this sentence
            elif src and src.objects:
                f.objects.append(src.objects[0])  # 'post recipes ..., rate them'
            elif _ENCLITIC.search(toks[vi].text) and toks[vi].lemma != toks[vi].text:
                said = [p for p in phrases if p.end <= vi]
                if said:
                    f.objects.append(said[-1])  # 'ven los vinos y pueden comprarlos': the wines
        last = f.objects[-1].end if f.objects else vi + 1
        for k in range(last, stop):
            if toks[k].tag == "PREP":
                nxt = next((p for p in phrases if k < p.start <= k + 3 and p.start < stop), None)
                if nxt and all(t.tag in {"DET", "ADJ"} or t.tag == "NUM" and "-" in t.text  # 'the 6-week course'
                               for t in toks[k + 1:nxt.start]):
                    f.preps.append((toks[k].text, nxt))
        k = next((k for k in range(vi + 1, min(vi + 4, stop)) if toks[k].tag == "PREP"), None)
        if f.verb in _SIGNS_UP_FOR and not any(prep in {"for", "to", "on"} for prep, _ in f.preps) and \
                k is not None and k + 1 < len(toks) and toks[k + 1].text in {"them", "it"}:
            src = next((g for g in reversed(frames) if g.sentence == si and (g.objects or g.preps)), None)
            said = [q for q in [*src.objects, *(q for _, q in src.preps)] if q.plural] if src else []
            if said:
                f.preps.append((toks[k].text, said[-1]))  # 'view the club's flying days and sign up for them'
                f.objects = [o for o in f.objects if o is not said[-1]]
        if f.verb in _SIGNS_UP_FOR - {"book", "vote", "apply"} and not f.objects and \
                f.subject is not None and f.subject.head in word_set("people") and \
                not {"who", "whoever", "quien", "quienes"} & {t.text for t in toks[max(vi - 3, 0):vi]}:
            k = vi + 1 + (vi + 1 < len(toks) and toks[vi + 1].text == "up")
            if k >= len(toks) or toks[k].text in _BARE_ENDS:
                f.preps = []  # 'members sign up, each ride has a max number of riders': not for the riders
                src = next((g for g in reversed(frames) if g.sentence == si and g.objects), None)
                said = [q for q in src.objects if q.plural and q.head not in word_set("people")] if src else []
                if said:
                    f.preps.append(("for", said[-1]))  # 'leaders post rides (...), members sign up'
        _passive(toks, vi, f, phrases)
        if f.subject is not None and not f.objects and not f.preps:
            k = _skip_det(toks, f.subject.start - 1)
            if k > 2 and toks[k].text in {"que", "cual", "cuales"} and toks[k - 1].tag == "DET" and \
                    toks[k - 2].text in {"a", "en", "para", "con", "al"}:
                held = next((p for p in phrases if p.end == k - 2), None)
                if held is not None:
                    f.preps.append((toks[k - 2].text, held))  # 'salidas a las que los socios se apuntan'
        if vi and toks[vi - 1].text == "que" and f.subject is not None and f.subject.end == vi - 1 and \
                len(f.objects) == 1 and f.objects[0].plural and f.objects[0].head in word_set("people") and \
                f.subject.head not in word_set("people") and toks[vi].text.endswith(("an", "en")):
            f.subject, f.objects = f.objects[0], [f.subject]  # 'las incidencias que reportan los vecinos'
        if vi > 1 and toks[vi - 1].text in {"to", "para", "a"} and toks[vi - 2].lemma in _LINKS:
            continue  # 'a link to buy tickets': the buying happens elsewhere
        if not f.objects and f.preps and f.preps[0][0] in {"in", "off"} and f.verb in _PARTICLE_VERBS and \
                vi + 1 < len(toks) and toks[vi + 1].text == f.preps[0][0]:
            f.objects, f.preps = [f.preps[0][1]], f.preps[1:]  # 'customers bring in artwork': the artwork
        frames.append(f)
    featured = {verb for verbs in load("verbs")["features"].values() for verb in verbs}
    for a, b in zip(frames, frames[1:], strict=False):
        if not a.objects and b.objects and b.position > a.position and (
                a.verb in featured and b.verb in featured or a.verb in _HANDED) and \
                all(t.text in {"and", "or", ",", "y", "o"} for t in toks[a.position + 1:b.position]):
            a.objects = list(b.objects)  # 'members borrow and return books', 'rate and review recipes'
            a.preps = a.preps or list(b.preps)
    return frames


def _asked_after_colon(gap: list[Token]) -> bool:
    """'sign-out for the workshop: who took which tool': the question after the colon has its own subject."""
    texts = [t.text for t in gap]
    return ":" in texts and any(w in texts[texts.index(":"):] for w in ("who", "quien", "which", "what", "que"))


def _outside(toks: list[Token], a: int, b: int) -> int:
    """How many tokens from a to b are outside brackets (a bracket and what it holds count for nothing)."""
    depth, n = 0, 0
    for t in toks[a:b]:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif not depth:
            n += 1
    return n


def _bracketed(toks: list[Token], k: int, b: int) -> bool:
    """Whether token k is inside a bracket that closes before b."""
    opened = max((i for i in range(k) if toks[i].text == "("), default=-1)
    return opened >= 0 and not any(t.text == ")" for t in toks[opened:k]) and \
        any(t.text == ")" for t in toks[k:b])


def _skip_det(toks: list[Token], k: int) -> int:
    """The index before the determiners ending at k: 'incidents that a supervisor reviews' -> 'that'."""
    while k > 0 and toks[k].tag == "DET":
        k -= 1
    return k


_SAME_PARTICIPLES = {"split", "set", "put", "cut", "shut", "hit", "read", "run", "spread", "cast"}  # 'get split into'


_REFLEXIVE_ES = {"inscribir", "apuntar", "registrar", "matricular", "suscribir", "unir", "presentar", "dar"}


def _passive(toks: list[Token], vi: int, f: Frame, phrases: list[Phrase]) -> None:
    """'pages are written by editors': the phrase before is the object, the one after 'by' the subject."""
    aux = [t.text for t in toks[max(0, vi - 3):vi]]
    participle = (toks[vi].text != toks[vi].lemma or toks[vi].text in _SAME_PARTICIPLES and
                  vi and toks[vi - 1].text in _PASSIVE_AUX) and not toks[vi].text.endswith(("s", "ing"))
    if f.subject is not None and not f.objects and "se" in aux and f.verb not in _REFLEXIVE_ES:
        # 'tarjetas que se pueden reordenar'; but 'cada voluntario se inscribe': the volunteer signs up
        f.objects, f.subject = [f.subject], None
        return
    reduced = participle and toks[vi].text.endswith("ed") and f.subject is not None and f.subject.end == vi and \
        not f.objects and vi + 1 < len(toks) and toks[vi + 1].text in {"to", "by", "for", "into", "under", "with"}
    if not participle or not (set(aux[-2:]) & _PASSIVE_AUX or reduced) or f.subject is None:
        return  # ... a reduced relative is passive too: 'every transaction assigned to an envelope'
    by = next((p for prep, p in f.preps if prep in {"by", "por"}), None)
    f.objects = [f.subject]
    f.subject = by
    f.preps = [(prep, p) for prep, p in f.preps if p is not by]
    k = f.objects[0].start - 1
    before = next((p for p in phrases if p.end == k), None) if k > 0 else None
    if before is not None and toks[k].text in {"with", "from", "between", "con"}:
        f.preps.append((toks[k].text, f.objects[0]))  # 'meetings with parents should be logged': the meetings
        f.objects = [before]
