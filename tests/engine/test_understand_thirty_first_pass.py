"""Understanding (issue 9), thirty-first pass: colours said with a base beside a page background, and a hex in
brackets after a role."""

from __future__ import annotations

import pytest

from core.engine.understand.style import infer_theme


@pytest.mark.parametrize(
    ("prompt", "primary", "background", "mode"),
    [
        ("Set the base colour of the layout to saddle brown and use antique white for the page background.",
         "#8b4513", "#faebd7", "light"),
        ("El diseño en azul marino y el fondo blanco.", "#000080", "#ffffff", "light"),
        ("Make it a dark theme: buttons and cards in dark orange on a near-black background (#121212).",
         "#ff8c00", "#121212", "dark"),
        ("Use an off-white background (#fafafa) and teal buttons.", "#008080", "#fafafa", "light"),
    ],
)
def test_base_and_bracketed_codes(prompt: str, primary: str, background: str, mode: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.background, theme.mode) == (primary, background, mode)


def test_a_layout_colour_alone_is_still_the_background() -> None:
    assert infer_theme("Use saddle brown for the layout").background == "#8b4513"
