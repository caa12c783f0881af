"""Understanding (issue 9), eighth pass: what a visitor sends with its details, photos of a thing, media tools."""

from __future__ import annotations

import pytest

from core.engine import infer_spec
from core.errors import UnsupportedRequestError
from tests.engine.spec_helpers import names, parents


def _fields(spec, entity: str) -> list[str]:
    return [f.name for f in spec.entity(entity).fields]


@pytest.mark.parametrize(("prompt", "record", "details", "not_things"), [
    ("A bakery website where customers can order a custom cake by choosing the size, the flavour, a message for "
     "the top and a pickup date.", "CakeOrder", ["size", "flavour", "message", "pickup_date"],
     {"Cake", "Flavour", "Message", "Size"}),
    ("Una web para mi pastelería donde los clientes puedan encargar una tarta eligiendo el tamaño, el sabor y la "
     "fecha de recogida.", "CakeOrder", ["size", "flavour"], {"Cake", "Flavour"}),
    ("A website for my catering business with a catering page where companies and families can ask us to come to "
     "their event, telling us the date, number of guests, location and budget.", "CateringRequest",
     ["date", "number_of_guests", "location", "budget"], {"Company", "Family", "Budget", "Location"}),
    ("A website for a climbing gym where visitors can request a free trial session, giving their name, experience "
     "level and preferred date.", "TrialSessionRequest", ["name", "experience_level", "preferred_date"],
     {"Member", "Workout", "Exercise"}),
])
def test_what_a_visitor_sends_keeps_the_details_given(prompt, record, details, not_things):
    """'order X by choosing A, B and C': one record of the act with A, B, C as its fields, not things of their own."""
    spec = infer_spec(prompt)
    assert record in names(spec), names(spec)
    assert set(details) <= set(_fields(spec, record)), _fields(spec, record)
    assert "email" in _fields(spec, record)  # the site answers whoever sent it
    assert not names(spec) & not_things, names(spec)


@pytest.mark.parametrize(("prompt", "booking", "detail"), [
    ("A restaurant website. Customers can book a table by choosing the date, the time and the number of guests.",
     "Booking", "number_of_guests"),
    ("Quiero una web para alquilar barcos. Los clientes pueden reservar un barco eligiendo las fechas, el puerto y "
     "el número de personas.", "Booking", "puerto"),
])
def test_a_booking_carries_the_details_chosen_with_it(prompt, booking, detail):
    spec = infer_spec(prompt)
    fields = _fields(spec, booking)
    assert detail in fields and "start_at" in fields, fields
    assert "date" not in fields and "fechas" not in fields  # the booking's start and end say when


def test_a_chosen_thing_the_app_keeps_is_a_link_not_a_field():
    spec = infer_spec("Tengo una peluquería. Se ven los servicios con su precio y las peluqueras con su foto. Los "
                      "clientes piden cita eligiendo el servicio, la peluquera y un hueco libre.")
    booking = next(fs.entity for fs in spec.feature_specs if fs.name == "booking_slots")
    assert {"Service", "Hairdresser"} <= parents(spec, booking), parents(spec, booking)


def test_a_detail_clause_needs_two_details():
    """'order products by choosing' alone, or a single detail, is not a detail list: the shop keeps its Order."""
    spec = infer_spec("An online shop where customers order products with a discount code.")
    assert {"Product", "Order"} <= names(spec), names(spec)


@pytest.mark.parametrize(("prompt", "owner"), [
    ("We run an escape room business with three themed rooms. Each room needs its own page with the story, the "
     "difficulty, the group size and some photos. Customers book a 60-minute slot for a room.", "Room"),
    ("A shelter website with a page for each dog with its name, age, breed and photos.", "Dog"),
    ("A guesthouse website listing our rooms with a description, price and a photo gallery.", "Room"),
    ("Una web para mi casa rural: las habitaciones con fotos, precio y descripción.", "Room"),
])
def test_several_photos_of_a_thing_are_rows_of_their_own(prompt, owner):
    spec = infer_spec(prompt)
    photos = f"{owner}Photo"
    assert photos in names(spec), names(spec)
    assert parents(spec, photos) == {owner}
    assert [f.type for f in spec.entity(photos).fields if f.name == "photo"] == ["file"]
    assert not any(f.name.startswith("photo") for f in spec.entity(owner).fields), _fields(spec, owner)
    assert (photos, "photo") in [(fs.entity, fs.field) for fs in spec.uses("uploads")]


def test_photos_listed_beside_other_things_are_not_theirs():
    """'where, when, activities, photos': the photos are not the destination's."""
    spec = infer_spec("A trip diary. For every trip people fill in the dates, the destination, activities, and photos "
                      "they took.")
    assert "DestinationPhoto" not in names(spec) and "ActivityPhoto" not in names(spec), names(spec)


@pytest.mark.parametrize("prompt", [
    "CleanCut is a small tool that lets users remove the background of any photo.",
    "PatternForge is a graphics program for users to create custom textures to use in design work.",
    "VidSnip is a small program for cutting clips out of longer videos and trimming them.",
    "BeatShift is a tool that lets musicians change the tempo of a song they load.",
    "Una aplicación para recortar vídeos y mezclar canciones.",
    "ReactLab is a program to simulate chemical reactions and predict the results.",
    "Reads your sentences, finds the parts of speech and flags grammatical errors.",
    "A tool that generates random passwords from a chosen length and the kinds of characters you want.",
    "Un generador de contraseñas seguras donde eliges la longitud.",
    "A program that turns office files of several kinds into other formats.",
    "InkPlay is an app with lots of detailed coloring pages to fill in.",
])
def test_media_and_processing_tools_are_declined(prompt):
    with pytest.raises(UnsupportedRequestError, match="not a data app"):
        infer_spec(prompt)


@pytest.mark.parametrize(("prompt", "thing"), [
    ("A photo sharing platform where users upload photos, comment on them and like them.", "Photo"),
    ("MixMaker is a music program where people build and tailor playlists of their own.", "Playlist"),
    ("An app where people sort their photo filters and put them into categories.", "Photo"),
    ("Una web para nuestro estudio de fotografía con galerías de fotos para cada cliente.", "Gallery"),
])
def test_media_words_in_a_data_app_are_not_declined(prompt, thing):
    assert any(thing in n for n in names(infer_spec(prompt)))
