"""Understanding (issue 9), fortieth pass: things bought outright, adverbs after a noun, colours said for two roles,
and penalties that are not fines."""

from __future__ import annotations

import pytest

from core.engine.understand import understand
from core.engine.understand.style import infer_theme
from tests.engine.spec_helpers import prompt_fields as _entities
from tests.engine.spec_helpers import prompt_links as _links


@pytest.mark.parametrize("prompt, held, buyer", [
    ("Escape room with two rooms. Customers book a slot and can buy gift vouchers for friends.", "GiftVoucher",
     "Customer"),
    ("Academia de surf: los alumnos compran bonos de 10 clases y reservan clases con un monitor.", "Voucher",
     "Student"),
])
def test_a_voucher_bought_belongs_to_its_buyer_without_a_purchase(prompt: str, held: str, buyer: str) -> None:
    names = _entities(prompt)
    assert "Purchase" not in names
    assert buyer in _links(prompt, held)


def test_a_plan_bought_is_a_membership_of_it() -> None:
    prompt = ("Please implement a website for a climbing wall. Members should be able to book sessions and buy monthly "
              "membership plans.")
    names = _entities(prompt)
    assert "Purchase" not in names
    assert "MembershipPlan" in _links(prompt, "Membership")


def test_packs_bought_are_still_purchases() -> None:
    assert "Purchase" in _entities("Pilates studio: clients buy class packs of 10 and book classes with them.")


@pytest.mark.parametrize("prompt, absent", [
    ("Most guests buy a tasting voucher first and then redeem it to book a date.", "First"),
    ("Brides book a fitting first, then rent a dress for the wedding day.", "First"),
])
def test_first_after_a_noun_is_when_not_a_thing(prompt: str, absent: str) -> None:
    assert absent not in _entities(prompt)


@pytest.mark.parametrize("prompt, primary, text", [
    ("Please implement a website for a quilting guild. Give the layout a misty rose base colour and use dark olive "
     "green for text and buttons.", "#556b2f", "#556b2f"),
    ("Tea room site. White background, dark gray text, and orange buttons.", "#ffa500",
     "#a9a9a9"),
])
def test_a_colour_said_for_text_and_buttons_is_both(prompt: str, primary: str, text: str) -> None:
    theme = infer_theme(prompt)
    assert (theme.primary, theme.text) == (primary, text)


def test_penalties_scored_in_a_match_are_no_library_fines() -> None:
    spec = understand("Rugby club: players, matches, and who scored tries, conversions and penalties in each match.")
    assert not any("fine" in x.lower() for x in spec.not_built)


def test_late_penalties_are_still_fines() -> None:
    spec = understand("A library where members borrow books and pay penalties for late returns.")
    assert any("fine" in x.lower() for x in [*spec.not_built, *spec.requested]) or "Fine" in {e.name for e in
                                                                                              spec.entities}
