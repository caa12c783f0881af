"""Understanding (issue 9), twelfth pass: Spanish nouns the reader keeps are named in English, and Spanish
compounds ('planes de dieta') are one entity."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.engine.understand.vocab import singular
from tests.engine.spec_helpers import names


@pytest.mark.parametrize(("prompt", "expected", "spanish"), [
    ("app para mi tienda de electrodomésticos: clientes, electrodomésticos vendidos y garantías",
     {"Appliance", "Customer", "Warranty"}, {"Electrodomestico", "Garantia"}),
    ("una app para la asociación de jubilados con las excursiones en autobús y los socios apuntados",
     {"Bus", "Member"}, {"Autobu", "Autobus"}),
    ("app para el laboratorio: muestras, análisis y resultados", {"Sample", "Analysis"}, {"Analisi", "Analisis"}),
    ("app para la granja: los huevos de cada nave y las entregas de pienso", {"Egg", "Shed"}, {"Huevo", "Nave"}),
])
def test_spanish_entities_get_english_names(prompt, expected, spanish):
    """A Spanish noun the reader keeps is named as the rest of the app is, in English ('electrodomésticos')."""
    got = names(infer_spec(prompt))
    assert expected <= got, got
    assert not got & spanish, got


@pytest.mark.parametrize(("plural", "single"), [
    ("autobuses", "autobus"), ("autobus", "autobus"), ("analisis", "analisis"), ("virus", "virus"),
    ("paises", "pais"), ("pais", "pais"), ("facturas", "factura"), ("canciones", "cancion"),
])
def test_spanish_singulars_of_words_ending_in_s(plural, single):
    """'autobús' and 'análisis' are already singular; their plurals lose -es, not a letter of the word."""
    assert singular(plural, "es") == single
