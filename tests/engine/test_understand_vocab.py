"""The understanding's vocabularies: data files load, agree with the spec, and give correct word forms."""

from __future__ import annotations

import re

import pytest

from core.engine.understand.knowledge import entity_name
from core.engine.understand.style import colour_table
from core.engine.understand.vocab import en_forms, es_forms, load, singular, verb_lemmas
from core.spec import ENTITY_FEATURES


@pytest.mark.parametrize(("plural", "single"), [
    ("news", "news"), ("diagnoses", "diagnosis"), ("menus", "menu"), ("categories", "category"),
    ("statuses", "status"), ("addresses", "address"), ("boxes", "box"), ("people", "person"),
    ("analyses", "analysis"), ("expenses", "expense"), ("courses", "course"), ("movies", "movie"),
    ("leaves", "leave"), ("species", "species"), ("dishes", "dish"), ("quizzes", "quiz"), ("buses", "bus"),
])
def test_english_singulars(plural, single):
    assert singular(plural) == single


@pytest.mark.parametrize(("plural", "single"), [
    ("socios", "socio"), ("facturas", "factura"), ("canciones", "cancion"), ("profesores", "profesor"),
    ("clientes", "cliente"), ("luces", "luz"), ("ciudades", "ciudad"), ("fichajes", "fichaje"), ("viajes", "viaje"),
])
def test_spanish_singulars(plural, single):
    assert singular(plural, "es") == single


def test_entity_names_for_irregular_and_compound_nouns():
    assert entity_name("news", None, "en") == "NewsItem"
    assert entity_name("diagnosis", None, "en") == "Diagnosis"
    assert entity_name("menu", None, "en") == "Menu"
    assert entity_name("socio", None, "es") == "Member"
    assert entity_name("goal", "savings", "en") == "SavingsGoal"


def test_verb_forms_in_both_languages():
    assert {"rate", "rates", "rated", "rating"} <= en_forms("rate")
    assert {"tag", "tags", "tagged", "tagging"} <= en_forms("tag")
    assert {"valora", "valoran", "valorar", "valorado"} <= es_forms("valorar")
    lemmas = verb_lemmas()
    assert lemmas["vote"] == "vote" and lemmas["votan"] == "votar"  # English forms never come from Spanish verbs
    assert lemmas["bookmarked"] == "bookmark" and lemmas["written"] == "write"


def test_feature_vocabulary_names_only_spec_features():
    verbs = load("verbs")
    assert set(verbs["features"]) <= set(ENTITY_FEATURES)
    assert set(verbs["feature_nouns"]) <= set(ENTITY_FEATURES)
    for join, fields in verbs["joins"].values():
        assert re.fullmatch(r"[A-Z][A-Za-z]+", join) and fields


def test_colour_table_has_every_css_name_and_spanish():
    table = colour_table()
    assert len(load("colours")["css"]) == 148
    assert table["mintcream"] == "#f5fffa" and table["papayawhip"] == "#ffefd5" and table["darkorange"] == "#ff8c00"
    assert table["azulmarino"] == "#000080" and table["lightgoldenrod"] == "#eedd82"
    assert all(re.fullmatch(r"#[0-9a-f]{6}", v) for v in table.values())


def test_reach_and_coverage_patterns_compile():
    reach = load("reach")
    for rule in reach["hard"] + reach["tool"]:
        re.compile(rule["pattern"])
    for pattern in load("coverage")["not_built"].values():
        re.compile(pattern)
