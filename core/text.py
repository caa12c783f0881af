"""Untrusted text at the edges: control and direction-override characters are refused before storage.

PostgreSQL cannot store NUL in text (psycopg raises DataError, so the user saw only an error id), and
terminal escapes or bidi overrides make what is shown differ from what is stored. Every form field
and CLI argument that reaches the database passes `check_text` first, on SQLite and PostgreSQL alike.
"""

from __future__ import annotations

import unicodedata

from core.errors import ValidationError

# Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder what follows them.
_BIDI_CONTROLS = frozenset(range(0x202A, 0x202F)) | frozenset(range(0x2066, 0x206A))
_REFUSED_CATEGORIES = frozenset({"Cc", "Cs", "Zl", "Zp"})


def bad_character(text: str, *, multiline: bool = False) -> str | None:
    """The first character `text` may not hold, as 'U+XXXX'; tabs and line breaks pass when `multiline`."""
    for c in text:
        if multiline and c in "\n\r\t":
            continue
        if unicodedata.category(c) in _REFUSED_CATEGORIES or ord(c) in _BIDI_CONTROLS:
            return f"U+{ord(c):04X}"
    return None


def check_text(value: str, field: str, *, multiline: bool = False) -> str:
    """`value` unchanged, or ValidationError naming the field and the character."""
    bad = bad_character(value, multiline=multiline)
    if bad:
        raise ValidationError(f"{field} contains a control character ({bad}): remove it and try again")
    return value
