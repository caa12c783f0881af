"""The generated frontend's data: Spanish labels, domain-like seed rows that follow the features' rules, CONFIG."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from core.engine import render_frontend
from core.engine.render.common import label
from core.engine.render.frontend_config import app_config
from core.engine.render.samples import sample_rows
from core.engine.render.ui_text import ui_strings
from tests.engine import feature_specs as specs

ALL = [getattr(specs, name)(lang) for name in ("recipes", "board", "dentist", "expenses", "shop", "everything")
       for lang in ("en", "es")]


@pytest.mark.parametrize(("name", "expected"), [
    ("check_in", "Fecha de entrada"), ("check_out", "Fecha de salida"), ("emergency_phone", "Teléfono de emergencia"),
    ("prep_time", "Tiempo de preparación"), ("cover_photo", "Foto de portada"), ("guest_name", "Nombre del huésped"),
    ("start_at", "Inicio"), ("created_by", "Creado por"), ("price", "Precio"), ("unit_price", "Precio unitario"),
])
def test_spanish_labels_read_as_spanish(name, expected):
    assert label(name, "es") == expected


def test_seed_rows_read_like_the_domain_and_are_deterministic():
    en, es = sample_rows(specs.recipes("en")), sample_rows(specs.recipes("es"))
    assert en == sample_rows(specs.recipes("en"))
    assert [r["title"] for r in en["recipes"]][:2] == ["Spaghetti carbonara", "Chicken tikka masala"]
    assert es["recipes"][0]["title"] == "Tortilla de patatas"
    assert es["categories"][0]["name"] == "Tapas"
    users = en["users"]
    assert users[0]["name"] == "Ana García" and users[0]["email"] == "ana.garcia@example.com"
    values = [v for rows in [*en.values(), *es.values()] for r in rows for v in r.values() if isinstance(v, str)]
    assert not [v for v in values if re.fullmatch(r"(Name|Nombre|Title|Título) \d+", v)]
    assert 0 < en["recipes"][0]["price"] < 100


def test_seed_rows_follow_the_features_rules():
    board = sample_rows(specs.board())["cards"]
    for parent in {c["board_list_id"] for c in board}:
        assert sorted(c["position"] for c in board if c["board_list_id"] == parent) == [0, 1]
    slots = sample_rows(specs.dentist())["appointments"]
    assert all("2027" < s["start_at"] < s["end_at"] for s in slots)
    for a in slots:
        clash = [b for b in slots if b is not a and b["dentist_id"] == a["dentist_id"]
                 and b["start_at"] < a["end_at"] and a["start_at"] < b["end_at"]]
        assert not clash
    ratings = sample_rows(specs.recipes())["ratings"]
    assert len({(r["user_id"], r["recipe_id"]) for r in ratings}) == len(ratings)
    assert all(1 <= r["stars"] <= 5 for r in ratings)
    reports = sample_rows(specs.expenses())["expense_reports"]
    assert all(r["receipt"] is None for r in reports)


def test_config_says_where_each_feature_applies_and_what_the_home_view_is():
    homes = {s.name: app_config(s)["home"] for s in ALL if s.language == "en"}
    assert homes == {"recipes": "recipes", "board": "cards", "dentist": "appointments", "expenses": "expense_reports",
                     "shop": "dashboard", "everything": "cards"}
    config = app_config(specs.recipes())
    entities = {e["table"]: e for e in config["entities"]}
    assert config["account"] == "users" and entities["favourites"]["hidden"] and entities["users"]["hidden"]
    assert entities["ratings"]["owner"] == "user_id" and entities["categories"]["owner"] == "owner_id"
    assert {"name": "ratings", "entity": "ratings", "target": "recipes", "link": "recipe_id", "field": "stars",
            "end_field": "", "transitions": {}} in config["uses"]
    tags = next(r for r in entities["recipes"]["relations"] if r["kind"] == "many_to_many")
    assert tags == {"field": "tag_ids", "target": "tags", "required": False, "kind": "many_to_many", "label": "Tags"}
    shop = app_config(specs.shop())
    assert {"parent": "orders", "child": "order_items", "link": "order_id", "quantity": "quantity",
            "price": "unit_price"} in shop["totals"]
    assert {"table": "order_items", "field": "unit_price", "kind": "sum", "by": "month", "when": "created_at",
            "parent": None, "display": None} in shop["charts"]


def test_spanish_apps_carry_spanish_words_only():
    en, es = ui_strings("en"), ui_strings("es")
    assert set(en) == set(es)
    same = {k for k in en if en[k] == es[k]}
    assert same <= {"total", "no", "admin"}, same
    config = app_config(specs.everything("es"))
    labels = [e["label"] for e in config["entities"]] + [f["label"] for e in config["entities"] for f in e["fields"]]
    assert {"Tarjetas", "Citas", "Fecha de gasto", "Recibo", "Fecha de preparación"} <= set(labels)
    status = next(f for e in config["entities"] for f in e["fields"] if f["name"] == "status")
    assert status["choice_labels"] == ["Borrador", "Enviado", "Aprobado", "Rechazado"]


@pytest.mark.parametrize("spec", ALL, ids=[f"{s.name}-{s.language}" for s in ALL])
def test_preview_stays_self_contained_and_parses(spec, tmp_path):
    files = render_frontend(spec)
    preview = files["preview.html"]
    assert not re.search(r"(src|href)\s*=", preview)
    assert "fetch(" not in preview and "XMLHttpRequest" not in preview and "localStorage" not in preview
    assert "innerHTML" not in preview and "innerHTML" not in files["app/static/app.js"]
    seed = json.loads(preview.split("const SEED = ", 1)[1].split(";\n", 1)[0])
    assert set(seed) >= {e.table for e in spec.entities}
    if shutil.which("node") is None:
        pytest.skip("node is not installed")
    (tmp_path / "app.js").write_text(files["app/static/app.js"])
    (tmp_path / "preview.js").write_text(preview.split("<script>\n", 1)[1].split("</script>", 1)[0])
    for name in ("app.js", "preview.js"):
        result = subprocess.run(["node", "--check", str(tmp_path / name)], capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr


def _english_words() -> set[str]:
    """English identifier words our tables translate: seeing one in a Spanish label means it was left over."""
    from core.engine.render.vocabulary import load_data
    from core.engine.understand.lexicon import LABELS_ES

    table = load_data("labels_es")
    pairs = {**LABELS_ES, **table["words"], **table["events"], **table["choices"]}
    same = {"total", "color", "general", "personal", "final", "hotel", "suite", "audio", "avatar", "id", "no", "vip"}
    return {k for k, v in pairs.items() if v and k != v.lower() and "_" not in k} - same


def test_every_catalogue_domain_reads_in_spanish():
    from core.engine.understand import catalogue
    from core.spec import AppSpec

    english, left = _english_words(), {}
    for domain in catalogue.DOMAINS:
        spec = AppSpec(name="x", language="es", domain=domain.key, entities=catalogue.parse_entities(domain.entities))
        for e in app_config(spec)["entities"]:
            texts = [e["label"], e["singular"], *(f["label"] for f in e["fields"]),
                     *(r["label"] for r in e["relations"]), *(c for f in e["fields"] for c in f["choice_labels"])]
            for text in texts:
                if {w.lower() for w in re.findall(r"[A-Za-zÀ-ÿ]+", text)} & english:
                    left[text] = domain.key
    assert left == {}


def test_sample_tables_have_a_value_per_seed_row():
    from core.engine.render.samples import ROWS
    from core.engine.render.vocabulary import load_data

    data = load_data("samples")
    lists = {**data["entities"], **data["fields"], "names": data["names"]}
    short = [k for k, v in lists.items() for lang in ("en", "es") if len(set(v[lang])) < ROWS]
    assert short == [] and all(len(v) >= ROWS for v in data["numbers"].values())


@pytest.mark.parametrize(("prompt", "home"), [
    ("a library where members borrow books", "books"),
    ("Quiero una tienda con productos, categorías, clientes y pedidos", "products"),
    ("a recipe collection where each recipe belongs to a category", "recipes"),
])
def test_home_is_what_the_app_is_about_not_its_first_table(prompt, home):
    from core.engine import infer_spec

    assert app_config(infer_spec(prompt))["home"] == home


@pytest.mark.parametrize(("name", "expected"), [
    ("fecha_inicio", "Fecha de inicio"), ("linea_factura", "Línea de factura"), ("precio_unitario", "Precio unitario"),
    ("numero", "Número"), ("valoracion", "Valoración"), ("fecha_limite", "Fecha límite"),
    ("nombre_cliente", "Nombre de cliente"),
])
def test_spanish_identifiers_keep_their_order_and_get_their_accents(name, expected):
    assert label(name, "es") == expected


def test_spanish_identifiers_get_domain_like_samples_too():
    from tests.engine import render_specs

    rows = sample_rows(render_specs.combined_es())
    assert rows["dentistas"][0]["nombre"] == "Lucía Martínez"  # a person, as a dentist is
    assert rows["tratamientos"][0]["nombre"] == "Limpieza dental"
    assert rows["facturas"][0]["numero"] == "F-2026-001"
    assert rows["etiquetas"][0]["nombre"] == "destacado"
    assert [r["estrellas"] for r in rows["valoracions"]] == [5, 4, 4, 3]
