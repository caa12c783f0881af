"""Stages 1-3: sentences of tagged tokens, noun phrases, lists, 'such as' examples and verb frames."""

from __future__ import annotations

import pytest

from core.engine.understand.candidates import candidates_stage
from core.engine.understand.reading import Reading
from core.engine.understand.sentences import normalise_stage, sentences_stage


def _read(prompt: str) -> Reading:
    return candidates_stage(sentences_stage(normalise_stage(Reading(prompt))))


def _tags(prompt: str) -> dict[str, str]:
    r = _read(prompt)
    return {t.text: t.tag for s in r.sentences for t in s}


@pytest.mark.parametrize(("prompt", "verbs", "nouns"), [
    ("a library where members borrow books and book study rooms", {"borrow"}, {"books", "members"}),
    ("users post recipes with ingredients and steps, rate them, and save favourites", {"post", "rate", "save"},
     {"recipes", "ingredients", "favourites"}),
    ("an online store where each order has order items", set(), {"store", "order", "items"}),
    ("the program allows businesses to track sales", {"allows", "track"}, {"businesses", "sales"}),
    ("Una tienda con productos, clientes y pedidos", set(), {"productos", "clientes", "pedidos"}),
    ("los usuarios publican hilos y responden a los hilos", {"publican", "responden"}, {"usuarios", "hilos"}),
])
def test_words_are_tagged_by_their_use(prompt, verbs, nouns):
    tags = _tags(prompt)
    assert all(tags[v] == "VERB" for v in verbs), tags
    assert all(tags[n] == "NOUN" for n in nouns), tags


def test_the_second_book_is_a_verb():
    toks = _read("members borrow books and book rooms").sentences[0]
    assert [t.tag for t in toks if t.text.startswith("book")] == ["NOUN", "VERB"]


def test_lists_and_examples():
    r = _read("Track expenses, budgets and savings goals. Expenses go into categories such as food, rent or travel.")
    heads = [[p.head for p in group] for group in r.lists]
    assert ["expense", "budget", "goal"] in heads
    examples = [[p.head for p in group] for group in r.examples.values()]
    assert examples == [["food", "rent", "travel"]]


def test_frames_have_subjects_objects_and_prepositions():
    r = _read("Teachers assign homework to students.")
    f = next(f for f in r.frames if f.verb == "assign")
    assert f.subject.head == "teacher" and [p.head for p in f.objects] == ["homework"]
    assert [(prep, p.head) for prep, p in f.preps] == [("to", "student")]


def test_passive_voice_and_relative_clauses():
    r = _read("Pages are written by editors. Reports that employees submit.")
    write = next(f for f in r.frames if f.verb == "write")
    assert write.subject.head == "editor" and [p.head for p in write.objects] == ["page"]
    submit = next(f for f in r.frames if f.verb == "submit")
    assert submit.subject.head == "employee" and [p.head for p in submit.objects] == ["report"]


def test_pronoun_objects_refer_back():
    r = _read("Users post recipes and rate them.")
    rate = next(f for f in r.frames if f.verb == "rate")
    assert [p.head for p in rate.objects] == ["recipe"]
