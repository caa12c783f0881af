"""Messages core builds from templates read in Spanish too, numbers with Spanish separators."""

from __future__ import annotations

import pytest

from core.i18n import translate_message


@pytest.mark.parametrize(("english", "spanish"), [
    ("Wrote 16 backend files", "Escribió 16 archivos de backend"),
    ("Wrote 1 frontend file", "Escribió 1 archivo de frontend"),
    ("Wrote 16 backend files (3 by the model); refused 2 unsafe or out-of-area model files",
     "Escribió 16 archivos de backend (3 del modelo); rechazó 2 archivos del modelo inseguros o fuera de su área"),
    ("87 passed, 0 failed", "87 superadas, 0 fallidas"),
    ("The description is too long: 8,007 characters, the limit is 8,000",
     "La descripción es demasiado larga: 8.007 caracteres, el límite es 8.000"),
    ("Generation: Tienda", "Generación: Tienda"),
])
def test_template_messages_translate(english: str, spanish: str) -> None:
    assert translate_message(english, "es") == spanish
    assert translate_message(english, "en") == english


def test_unknown_messages_stay_as_they_are() -> None:
    assert translate_message("Something nobody wrote a template for", "es") == "Something nobody wrote a template for"


def test_the_engines_refusals_read_in_spanish() -> None:
    """Both offline-engine refusals a Spanish studio can show are in its catalogue, not left in English."""
    from core.engine import infer_spec
    from core.errors import UnsupportedRequestError, ValidationError
    from core.i18n import t

    for prompt, error in (("hola", ValidationError), ("un temporizador pomodoro", UnsupportedRequestError)):
        with pytest.raises(error) as caught:
            infer_spec(prompt)
        spanish = t(str(caught.value), "es")
        assert spanish != str(caught.value)
        assert "app" in spanish and " the " not in spanish
