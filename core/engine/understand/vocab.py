"""The understanding's vocabularies (vocabulary/*.json), loaded once, and the word forms built from them."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

DATA = Path(__file__).with_name("vocabulary")
_ES_ENDINGS = {
    "ar": ("ar", "a", "an", "as", "e", "en", "o", "amos", "ando", "ado", "ada", "ados", "adas", "ara", "aran"),
    "er": ("er", "e", "en", "es", "a", "an", "o", "emos", "iendo", "ido", "ida", "idos", "idas", "era", "eran"),
    "ir": ("ir", "e", "en", "es", "a", "an", "o", "imos", "iendo", "ido", "ida", "idos", "idas", "ira", "iran"),
}
_KEEP_E = ("ee", "ye", "oe")  # agree -> agreeing, not agreing


@cache
def load(name: str) -> dict[str, Any]:
    """One vocabulary file (vocabulary/<name>.json)."""
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


@cache
def word_set(key: str) -> frozenset[str]:
    """A word class from words.json (determiners, prepositions, abstract_nouns...)."""
    return frozenset(load("words")[key])


def en_forms(verb: str) -> set[str]:
    """English forms of a verb: rate -> rate, rates, rated, rating."""
    forms = {verb}
    if verb.endswith("e") and not verb.endswith(_KEEP_E):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    elif verb.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {verb + "es", verb + "ed", verb + "ing"}
    else:
        forms |= {verb + "s", verb + "ed", verb + "ing"}
        if re.fullmatch(r"[a-z]*[^aeiou][aeiou][bdgmnprt]", verb) and len(verb) <= 4:
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}  # tag -> tagged, plan -> planning
    return forms


def es_forms(verb: str) -> set[str]:
    """Spanish forms of an infinitive: valorar -> valora, valoran, valoramos, valorando, valorado..."""
    if verb in _SHORT_ES:
        return {verb, *_SHORT_ES[verb]}
    if len(verb) < 4 or verb[-2:] not in _ES_ENDINGS:
        return {verb}
    stem = verb[:-2]
    forms = {stem + e for e in _ES_ENDINGS[verb[-2:]]}
    for end, soft in (("car", "qu"), ("gar", "gu"), ("zar", "c")):
        if verb.endswith(end):  # comunicar -> comunique, pagar -> paguen, organizar -> organicen
            forms = {f for f in forms if not f.startswith(stem + "e")} | {stem[:-1] + soft + e for e in ("e", "en")}
    return forms


_SHORT_ES = {"ver": {"ve", "ven", "veo", "vemos", "vea", "vean", "viendo", "visto"},
             "tener": {"tener", "tengo", "tiene", "tienen", "tenemos", "tenga", "tengan", "teniendo", "tenido"},
             "hacer": {"hacer", "hago", "hace", "hacen", "hacemos", "haga", "hagan", "haciendo", "hecho"},
             "poner": {"poner", "pongo", "pone", "ponen", "ponemos", "ponga", "pongan", "poniendo", "puesto"},
             "traer": {"traer", "traigo", "trae", "traen", "traemos", "traiga", "traigan", "trayendo", "traido"},
             "dar": {"dar", "doy", "da", "dan", "damos", "dio", "dieron", "den", "dando", "dado"},
             "ir": {"ir", "voy", "va", "van", "vamos", "fue", "fueron", "vaya", "vayan", "yendo", "ido"},
             "salir": {"salir", "salgo", "sale", "salen", "salimos", "salio", "salieron", "salga", "salgan",
                       "saliendo"},
             "venir": {"venir", "vengo", "viene", "vienen", "venimos", "vino", "vinieron", "venga", "vengan",
                       "viniendo"},
             "decir": {"decir", "digo", "dice", "dicen", "decimos", "dijo", "dijeron", "diga", "digan", "diciendo",
                       "dicho"}}
_ES_ER = {"tener", "hacer", "ver", "poner", "leer", "comer", "correr", "perder", "saber", "traer", "valer",
          "aprender", "vender", "responder", "poder", "ser",
          "deber", "querer", "escoger", "recoger", "ofrecer", "conocer", "crecer", "establecer", "comprender",
          "pertenecer", "contener", "mantener", "obtener", "proveer", "atender", "devolver", "resolver",
          "volver", "mover", "creer", "meter", "beber", "barrer", "coser", "romper", "entender", "encender",
          "depender", "recorrer", "envolver", "remover", "promover", "torcer", "vencer", "convencer"}
_EN_AR_IR = {"star", "clear", "appear", "hear", "wear", "bear", "tear", "near", "pair", "repair", "stir", "fear",
             "gear"}


def _stem_changed(verb: str) -> set[str]:
    """Present forms of a Spanish verb whose stem vowel changes: aprobar -> aprueba, preferir -> prefieren.

    Built for every verb (a form no verb has is a word nobody writes), except forms that are nouns: the lexicon's
    ('cuenta', 'muestra') and nouns.json `verb_form_nouns_es` ('prueba', 'puerta').
    """
    from core.engine.understand.lexicon import ENTITY_WORDS_ES, FIELD_WORDS_ES
    stem, ending = verb[:-2], verb[-2:]
    m = re.search(r"([oe])([^aeiou]*)$", stem)
    if len(verb) < 5 or ending not in _ES_ENDINGS or not m:
        return set()
    changed = stem[:m.start()] + ("ue" if m.group(1) == "o" else "ie") + m.group(2)
    forms = {changed + e for e in (("a", "as", "an") if ending == "ar" else ("e", "es", "en", "a", "an"))}
    if ending == "ir" and m.group(1) == "e":  # pedir -> piden, pidan, pidiendo; elegir -> eligen
        closed = stem[:m.start()] + "i" + m.group(2)
        forms |= {closed + e for e in ("e", "es", "en", "a", "an", "iendo")}
    if verb.endswith(("ger", "gir")):  # escoger -> escoja, escojo; elegir -> elija, elijan, elijo
        forms |= {stem[:-1] + "j" + e for e in ("a", "an", "o", "amos")}
        if ending == "ir" and m.group(1) == "e":
            forms |= {stem[:m.start()] + "i" + m.group(2)[:-1] + "j" + e for e in ("a", "an", "o")}
    nouns = set(load("nouns")["verb_form_nouns_es"])
    return {f for f in forms if f.removesuffix("s").removesuffix("n") not in ENTITY_WORDS_ES and f not in FIELD_WORDS_ES
            and f.removesuffix("s") not in nouns}


def is_spanish_verb(verb: str) -> bool:
    """Whether a lemma of verbs.json is a Spanish infinitive (English forms must never come from it)."""
    return verb.endswith(("ar", "ir")) and verb not in _EN_AR_IR or verb in _ES_ER


@cache
def verb_lemmas() -> dict[str, str]:
    """Every known verb form -> its lemma (data verbs, feature verbs, join verbs, irregular forms)."""
    v = load("verbs")
    lemmas = {*v["data"], *v["joins"], *v["assign"], *v["ownership"]}
    for verbs in v["features"].values():
        lemmas |= set(verbs)
    lemmas |= set(v["general"])
    out: dict[str, str] = {}
    for lemma in sorted(lemmas):  # English forms first: 'vote' is vote, not a form of votar
        if not is_spanish_verb(lemma):
            for form in en_forms(lemma):
                out.setdefault(form, lemma)
    for lemma in sorted(lemmas):
        if is_spanish_verb(lemma):
            for form in es_forms(lemma):
                out.setdefault(form, lemma)
            out.setdefault(lemma + "se", lemma)  # 'inscribirse en un curso', 'suscribirse a una cesta'
            for form in _stem_changed(lemma):
                out.setdefault(form, lemma)
    from core.engine.understand.lexicon import ENTITY_WORDS_ES, FIELD_WORDS_ES
    nouns = set(ENTITY_WORDS_ES) | set(FIELD_WORDS_ES) | set(load("nouns")["verb_form_nouns_es"]) | \
        set(load("spanish")["names"]) | set(v["general_es_not_verbs"])
    for key in ("determiners", "prepositions", "conjunctions", "adverbs", "pronouns", "auxiliaries", "numbers"):
        nouns |= word_set(key)
    for lemma in v["general_es"]:  # 'qué instructor da cada clase', 'lo pesamos': forms that are nouns stay nouns
        for form in es_forms(lemma) | _stem_changed(lemma):
            if form not in nouns and form.removesuffix("s") not in nouns:
                out.setdefault(form, lemma)
    out.update(v["irregular_en"])
    return out


def singular(word: str, language: str = "en") -> str:
    """The singular of a normalised noun (EN rules and irregulars; ES rules when `language` is es)."""
    n = load("nouns")
    if word in n["irregular"]:
        return n["irregular"][word]
    if word in n["uncountable"] or len(word) < 4 or not word.endswith("s"):
        return word
    if language == "es":
        return _singular_es(word)
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ous")):
        return word
    return word[:-1]


def _singular_es(word: str) -> str:
    """Spanish singular: facturas -> factura, canciones -> cancion, profesores -> profesor, luces -> luz."""
    if word.endswith("xes"):
        return word[:-2]  # boxes -> box (an English loan keeps its plural)
    if word.endswith("nces"):
        return word[:-1]  # avances -> avance, balances -> balance
    if word.endswith("ces"):
        return word[:-3] + "z"
    if word.endswith(("ises", "eses", "oses", "uses")):
        return word[:-2]  # paises -> pais, meses -> mes, autobuses -> autobus
    if word.endswith(("bus", "rus", "pus", "sis", "tis", "ais", "nis")):
        return word  # autobus, virus, campus, analisis, dosis, pais, tenis: already singular
    if word.endswith("iones"):
        return word[:-2]
    if word.endswith("umes"):
        return word[:-2]  # albumes -> album
    if word.endswith("es") and word[-3] in "rl" and len(word) > 4 and word[-4] not in "aeiou":
        return word[:-1]  # muebles -> mueble, padres -> padre
    if word.endswith("es") and word[-3] in "rlndy":
        return word[:-2]
    return word[:-1]
