"""Entity features in generated backends: the spec the renderer completes, the files it writes, and the
generated projects' own suites (one run per feature, one per combined app in English and Spanish)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from core.audit import audit_files
from core.engine import apply_followup, infer_spec, render_backend, render_devops, render_project
from core.engine.render.plan import owner_field, prepare
from core.spec import AppSpec
from tests.engine import render_specs as specs
from tests.engine.generated import bandit_issues, clean_env, run_suite, write_project

FEATURE_TESTS = {"ratings": "test_feature_ratings.py", "favourites": "test_feature_favourites.py",
                 "comments": "test_feature_comments.py", "tags": "test_feature_tags.py",
                 "ordering": "test_feature_ordering.py", "booking_slots": "test_feature_booking_slots.py",
                 "workflow": "test_feature_workflow.py", "uploads": "test_feature_uploads.py",
                 "totals": "test_feature_totals.py", "auth": "test_users.py"}


def test_favourites_bring_auth_and_the_account_entity():
    spec = prepare(specs.favourites())
    assert "auth" in spec.features
    user = spec.entity("User")
    assert spec.entities[0] is user
    email = next(f for f in user.fields if f.name == "email")
    assert (email.type, email.unique, email.required) == ("email", True, True)
    fav = spec.entity("Favourite")
    assert {r.target for r in fav.relations} == {"User", "Recipe"}
    assert owner_field(spec, fav) == "user_id" and owner_field(spec, spec.entity("Recipe")) == "owner_id"


def test_prepare_is_idempotent_and_architecture_json_round_trips():
    for build in (*specs.ALONE.values(), specs.combined_en, specs.combined_es):
        once = prepare(build())
        assert prepare(once) == once
        files = render_project(build())
        assert AppSpec.model_validate_json(files["architecture.json"]) == once


def test_prepare_fills_what_features_need():
    spec = prepare(specs.combined_en())
    rating = next(f for f in spec.entity("Rating").fields if f.name == "stars")
    assert (rating.min, rating.max, rating.required) == (1, 5, True)
    orders = prepare(specs.totals())
    assert "total" not in {f.name for f in orders.entity("Order").fields}  # computed, not typed in
    assert "uploads" in spec.features
    flow = AppSpec(name="x", entities=[{"name": "Task", "fields": [
        {"name": "status", "type": "enum", "choices": ["todo", "doing", "done"]}]}],
        feature_specs=[{"name": "workflow", "entity": "Task", "field": "status"}])
    assert prepare(flow).uses("workflow")[0].transitions == {"todo": ["doing"], "doing": ["done"]}


def test_users_other_fields_are_optional_so_register_needs_only_email_and_password():
    spec = prepare(specs.combined_es())
    assert [f.name for f in spec.entity("User").fields if f.required] == ["email"]


def test_backend_files_compile_and_carry_the_contract_routes():
    files = render_backend(specs.combined_en())
    for path, text in files.items():
        if path.endswith(".py"):
            ast.parse(text, filename=path)
    recipes = files["app/routers/recipes.py"]
    for route in ('"/{item_id}/favourite"', '"/{item_id}/comments"', '"/{item_id}/tags/{link_id}"',
                  '"/{item_id}/transition"', "mine: bool = False", "tag_id: int | None = None"):
        assert route in recipes, route
    assert '"/{item_id}/move"' in files["app/routers/steps.py"]
    assert "already booked" in files["app/routers/bookings.py"]
    assert '@router.get("/favourites"' in files["app/me.py"]
    assert "MAX_BYTES = 5 * 1024 * 1024" in files["app/uploads.py"]
    assert "password_hash" in files["app/models.py"] and "password_hash" not in files["app/schemas.py"]
    assert '"recipes_tags"' in files["app/models.py"]
    assert "/balances" in render_backend(specs.totals())["app/routers/groups.py"]


def test_generated_requirements_and_env_cover_uploads():
    files = render_project(specs.uploads())
    assert "python-multipart" in files["requirements.txt"]
    assert "UPLOAD_DIR=" in files[".env.example"] and "uploads/" in files[".gitignore"]
    assert "python-multipart" in Path("requirements.txt").read_text()


def test_every_feature_gets_its_own_generated_tests():
    for name, build in specs.ALONE.items():
        files = render_project(build())
        feature = "workflow" if name == "account_workflow" else name
        assert f"tests/{FEATURE_TESTS[feature]}" in files, name
        assert "def test_" in files[f"tests/{FEATURE_TESTS[feature]}"]


def test_an_account_with_a_workflow_is_created_by_registering_in_its_tests():
    """The account table has no POST route; its workflow test registers with a later state and expects 422."""
    files = render_project(specs.account_workflow())
    suite = files[f"tests/{FEATURE_TESTS['workflow']}"]
    assert '"/api/auth/register", json={**student_payload(client, status="submitted")' in suite


def test_spanish_docs_name_the_features():
    files = render_project(specs.combined_es())
    arch = files["ARCHITECTURE.md"]
    assert "valoraciones" in arch and "reservas por franja horaria" in arch and "flujo de estados" in arch
    assert "enlazado con etiquetas mediante `etiqueta_ids`" in arch
    assert json.loads(files["architecture.json"])["language"] == "es"


def _check(name: str, spec: AppSpec, root: Path) -> tuple[str, object]:
    write_project(render_project(spec), root)
    return name, run_suite(root, timeout=300)


SUITES = [(n, b) for n, b in specs.ALONE.items()] + [("combined_en", specs.combined_en),
                                                     ("combined_es", specs.combined_es), ("sparse", specs.sparse)]


@pytest.mark.slow
@pytest.mark.parametrize("chunk", [SUITES[i:i + 4] for i in range(0, len(SUITES), 4)],
                         ids=lambda c: "+".join(n for n, _ in c))
def test_generated_feature_suites_pass_and_are_ruff_clean(chunk, tmp_path):
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda nb: _check(nb[0], nb[1](), tmp_path / nb[0]), chunk))
    for name, result in results:
        assert result.returncode == 0 and result.passed > 20 and result.failed == 0, (name, result.output)
        assert result.ruff_ok, (name, result.ruff_output)


@pytest.mark.slow
def test_feature_app_code_has_no_bandit_findings(tmp_path):
    write_project(render_project(specs.combined_en()), tmp_path)
    assert bandit_issues(tmp_path) == []


@pytest.mark.slow
def test_feature_followups_re_render_a_working_project(tmp_path):
    spec = infer_spec("a blog where posts have a title and a body, and an online shop with products")
    for instruction in ("only the owner can edit a post", "let users favourite products", "add tags to posts",
                        "añade valoraciones a los productos", "add comments to posts"):
        spec, _ = apply_followup(spec, instruction)
    assert {"favourites", "tags", "ratings", "comments", "auth"} <= set(spec.features)
    result = run_suite(write_project(render_project(spec), tmp_path), timeout=300)
    assert result.returncode == 0 and result.failed == 0 and result.passed > 50, result.output
    assert result.ruff_ok, result.ruff_output


def test_readmes_list_the_feature_endpoints():
    en = render_project(specs.combined_en())["README.md"]
    for text in ("`POST /api/auth/register` creates an account", "`POST /api/recipes/{id}/favourite`",
                 "`POST /api/steps/{id}/move`", "`POST /api/recipes/{id}/transition`", "`POST /api/uploads`",
                 "`GET /api/recipes/{id}/comments`", "`PUT|DELETE /api/recipes/{id}/tags/{tag_id}`"):
        assert text in en, text
    assert "`POST /api/users`" not in en
    es = render_project(specs.combined_es())["README.md"]
    assert "un solape con otra reserva del mismo recurso responde 409" in es and "filtrable por `etiqueta_id`" in es
    assert "/balances" in render_project(specs.totals())["README.md"]


@pytest.mark.slow
def test_feature_rules_hold_on_postgresql(tmp_path):
    url = os.environ.get("TEST_DATABASE_URL", "")
    if not url.startswith("postgresql"):
        pytest.skip('TEST_DATABASE_URL is not a PostgreSQL URL (eval "$(bash .ci/services.sh)")')
    psycopg = pytest.importorskip("psycopg")
    name = f"genapp_{uuid.uuid4().hex[:12]}"  # its own database: the generated app drops and creates its tables
    admin = make_url(url).set(drivername="postgresql")
    with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        write_project(render_project(specs.combined_en()), tmp_path)
        target = admin.set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
        tests = sorted(str(p.relative_to(tmp_path)) for p in tmp_path.glob("tests/test_feature_*.py"))
        env = clean_env() | {"APP_TEST_DATABASE_URL": target}
        proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *tests,
                               "tests/test_users.py", "tests/test_recipes.py"], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0 and " passed" in proc.stdout, proc.stdout[-3000:] + proc.stderr[-2000:]
    finally:
        with psycopg.connect(admin.render_as_string(hide_password=False), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_architecture_states_each_rule_and_what_was_not_built():
    spec = specs.combined_en().model_copy(update={"requested": ["recipes", "ratings", "email alerts"],
                                                  "not_built": ["email alerts"]})
    arch = render_project(spec)["ARCHITECTURE.md"]
    assert "- **workflow**: `Recipe`.`status` moves only draft → published, published → archived (else 409)" in arch
    assert "Requested: recipes, ratings, email alerts." in arch and "Not built: email alerts." in arch
    es = render_project(specs.combined_es())["ARCHITECTURE.md"]
    assert "- **reservas por franja horaria** (`booking_slots`): `Cita` reserva `Dentista`" in es


def test_sparse_feature_specs_are_completed():
    spec = prepare(specs.sparse())
    review = spec.entity("Review")
    assert [(f.name, f.min, f.max) for f in review.fields] == [("stars", 1, 5)]
    assert {r.target for r in review.relations} == {"Project", "User"}
    assert [f.required for f in spec.entity("Pin").fields] == [False]
    task = {f.name: f for f in spec.entity("Task").fields}
    assert (task["state"].type, task["position"].type) == ("enum", "int")
    assert spec.uses("workflow")[0].transitions == {"draft": ["done"]}
    assert {f.type for f in spec.entity("Slot").fields} == {"datetime"}
    assert next(f for f in spec.entity("Attachment").fields if f.name == "document").type == "file"
    assert [r.field for r in spec.entity("Task").relations if r.kind == "many_to_many"] == ["label_ids"]
    assert spec.uses("comments") == [] and spec.not_built == ["comments on Attachment (the spec names no target)"]
    assert [f.name for f in spec.entity("User").fields if f.required] == ["email"]


def test_backend_and_devops_files_pass_the_security_audit():
    for build in (specs.combined_en, specs.combined_es, specs.totals, specs.sparse):
        spec = build()
        report = audit_files(render_backend(spec) | render_devops(spec))
        assert [f for f in report.findings if f.severity in {"high", "medium"}] == [], build.__name__
