"""AppSpec -> pytest suite covering every endpoint and validation rule of the generated app."""

from __future__ import annotations

import re

from core.engine.render import plan
from core.engine.render.common import alt_value, invalid_values, sample_py, search_fields
from core.engine.render.templates import fill, load
from core.spec import AppSpec, EntitySpec, FieldSpec

_UPLOAD_FACTORY = '''

def make_upload(client, name: str = "file.pdf", content: bytes = b"%PDF-1.4 sample") -> dict:
    """Upload a small file and return its metadata."""
    response = client.post("/api/uploads", files={"file": (name, content, "application/octet-stream")})
    assert response.status_code == 201, response.text
    return response.json()
'''


def _payload_value(spec: AppSpec, e: EntitySpec, f: FieldSpec) -> str | None:
    """Python source for a factory value of `f` (None: leave it to the server's default)."""
    slot = plan.feature_for(spec, "booking_slots", e.name)
    if slot and f.name == slot.field:
        return "_future(n)"
    if slot and f.name == slot.end_field:
        return "_future(n, 1)"
    flow = plan.feature_for(spec, "workflow", e.name)
    if flow and f.name == flow.field:
        return None
    if f.type == "file":
        return 'make_upload(client)["id"]'
    return sample_py(f)


def render_factories(spec: AppSpec) -> str:
    """tests/factories.py: valid payloads and creators per entity (parents created on demand)."""
    booking = bool(spec.uses("booking_slots"))
    out = ['"""Valid payloads and creators for every entity; a global sequence keeps unique values unique."""',
           "", "from __future__ import annotations", ""] + (["import datetime as dt"] if booking else []) + [
           "import itertools", "", "_seq = itertools.count(1)", ""]
    if booking:
        out += ["", "def _future(n: int, hours: int = 0) -> str:",
                '    """A start time far ahead, 2 hours apart per n, so bookings never collide by accident."""',
                "    return (dt.datetime(2099, 1, 1) + dt.timedelta(hours=2 * n + hours)).isoformat()", ""]
    if "uploads" in spec.features:
        out += _UPLOAD_FACTORY.rstrip("\n").split("\n")
    for e in spec.entities:
        fields, rels = plan.writable(spec, e)
        account = plan.is_account(spec, e)
        out += ["", f"def {e.var}_payload(client, n: int | None = None, **overrides) -> dict:",
                f'    """A valid {e.var} (its parents are created)."""', "    n = next(_seq) if n is None else n",
                "    data = {"]
        for f in fields:
            value = _payload_value(spec, e, f)
            if value is not None:
                out.append(f'        "{f.name}": {value},')
        for r in rels:
            out.append(f'        "{r.field}": make_{spec.entity(r.target).var}(client)["id"],')
        out += ["    }", "    data.update(overrides)", "    return data", "", ""]
        if account:
            out += [f"def make_{e.var}(client, **overrides) -> dict:",
                    f'    """Register a new account ({e.var}) and return it."""',
                    f'    payload = {{**{e.var}_payload(client, **overrides), "password": "long enough pw"}}',
                    '    response = client.post("/api/auth/register", json=payload)']
        else:
            out += [f"def make_{e.var}(client, **overrides) -> dict:",
                    f'    """Create a {e.var} through the API and return it."""',
                    f'    response = client.post("/api/{e.table}", json={e.var}_payload(client, **overrides))']
        out += ["    assert response.status_code == 201, response.text", "    return response.json()", ""]
    return "\n".join(out).rstrip() + "\n"


def with_factory_imports(text: str) -> str:
    """Rewrite the `from tests.factories import ...` line to import exactly the helpers the text calls."""
    head, _, body = text.partition("\n\n\ndef ")
    names = sorted(set(re.findall(r"\b(make_\w+|\w+_payload)\(", body)))
    line = "from tests.factories import " + ", ".join(names)
    if len(line) > 120:
        line = "from tests.factories import (\n" + "".join(f"    {n},\n" for n in names) + ")"
    head = re.sub(r"from tests\.factories import [^\n]*", line if names else "", head)
    return head + "\n\n\ndef " + body


def render_entity_test(spec: AppSpec, e: EntitySpec) -> str:
    """tests/test_<plural>.py."""
    from core.engine.render.suite_features import extra_entity_tests

    v, base = e.var, f"/api/{e.table}"
    fields, rels = plan.writable(spec, e)
    ruled = plan.controlled(spec, e)
    out = [f'"""API tests for {e.table}: CRUD, pagination, search, validation and parent checks."""', "",
           "from __future__ import annotations", "", "import pytest", "",
           f"from tests.factories import make_{v}, {v}_payload", "", f'BASE = "{base}"', ""]
    out += ["", "def test_create_and_get(client):", f"    created = make_{v}(client)",
            '    got = client.get(f"{BASE}/{created[\'id\']}")', "    assert got.status_code == 200",
            "    assert got.json() == created", "", "",
            "def test_get_missing_returns_404(client):", '    response = client.get(f"{BASE}/999999")',
            "    assert response.status_code == 404", '    assert "not found" in response.json()["detail"]', "", "",
            "def test_list_paginates(client):", f"    ids = [make_{v}(client)['id'] for _ in range(3)]",
            '    first = client.get(BASE, params={"limit": 2})', "    assert first.status_code == 200",
            '    assert [row["id"] for row in first.json()] == ids[:2]',
            '    rest = client.get(BASE, params={"limit": 2, "offset": 2}).json()',
            '    assert [row["id"] for row in rest] == ids[2:]',
            '    assert client.get(BASE, params={"limit": 0}).status_code == 422',
            '    assert client.get(BASE, params={"offset": -1}).status_code == 422', ""]
    sf = [f for f in search_fields(e) if f.type in {"string", "text"} and (f.max_length or 200) >= 20]
    if sf:
        f = sf[0]
        out += ["", "def test_search_finds_matching_rows(client):",
                f'    make_{v}(client, {f.name}="Zebra needle 42")', f"    make_{v}(client)",
                '    rows = client.get(BASE, params={"q": "zebra NEEDLE"}).json()',
                f'    assert [row["{f.name}"] for row in rows] == ["Zebra needle 42"]',
                '    assert client.get(BASE, params={"q": "no-such-thing-xyz"}).json() == []', ""]
    editable = next((f for f in fields if f.name not in ruled), None)
    if editable:
        alt = alt_value(editable)
        eq = "is" if isinstance(alt, bool) else "=="  # 'assert x is False', never '== False' (ruff E712)
        out += ["", "def test_put_replaces(client):", f"    created = make_{v}(client)",
                f"    payload = {v}_payload(client, {editable.name}={alt!r})",
                '    response = client.put(f"{BASE}/{created[\'id\']}", json=payload)',
                "    assert response.status_code == 200, response.text",
                f'    assert response.json()["{editable.name}"] {eq} {alt!r}', "", "",
                "def test_patch_changes_only_given_fields(client):", f"    created = make_{v}(client)",
                f'    response = client.patch(f"{{BASE}}/{{created[\'id\']}}", json={{"{editable.name}": {alt!r}}})',
                "    assert response.status_code == 200, response.text", "    body = response.json()",
                f'    assert body["{editable.name}"] {eq} {alt!r}',
                f'    assert {{k: x for k, x in body.items() if k != "{editable.name}"}} == '
                f'{{k: x for k, x in created.items() if k != "{editable.name}"}}', ""]
    out += ["", "def test_update_missing_returns_404(client):", f"    payload = {v}_payload(client)",
            '    assert client.put(f"{BASE}/999999", json=payload).status_code == 404',
            '    assert client.patch(f"{BASE}/999999", json={}).status_code == 404', "", "",
            "def test_delete_then_404(client):", f"    created = make_{v}(client)",
            '    url = f"{BASE}/{created[\'id\']}"', "    assert client.delete(url).status_code == 204",
            "    assert client.get(url).status_code == 404", "    assert client.delete(url).status_code == 404", ""]
    flow = plan.feature_for(spec, "workflow", e.name)
    required = [f.name for f in fields if f.required and f.type != "bool" and not (flow and f.name == flow.field)]
    required += [r.field for r in rels if r.required]
    if required:
        out += ["", f"@pytest.mark.parametrize(\"field\", {required!r})",
                "def test_create_requires_field(client, field):", f"    payload = {v}_payload(client)",
                "    payload.pop(field)", "    assert client.post(BASE, json=payload).status_code == 422", "", "",
                f"@pytest.mark.parametrize(\"field\", {required!r})",
                "def test_patch_rejects_null_for_required(client, field):", f"    created = make_{v}(client)",
                '    response = client.patch(f"{BASE}/{created[\'id\']}", json={field: None})',
                "    assert response.status_code == 422", ""]
    cases = [(f.name, bad) for f in fields for bad in invalid_values(f)] + [
        (r.field, "not-an-id") for r in rels]
    if cases:
        out += ["", "@pytest.mark.parametrize(", '    ("field", "value"),', "    ["]
        out += [f"        ({name!r}, {bad!r})," if len(repr(bad)) < 60 else
                f"        ({name!r}, {bad[0]!r} * {len(bad)})," for name, bad in cases]
        out += ["    ],", ")", "def test_create_rejects_invalid_value(client, field, value):",
                f"    payload = {v}_payload(client)", "    payload[field] = value",
                "    response = client.post(BASE, json=payload)",
                "    assert response.status_code == 422, response.text",
                "", "", "@pytest.mark.parametrize(", '    ("field", "value"),', "    ["]
        out += [f"        ({name!r}, {bad!r})," if len(repr(bad)) < 60 else
                f"        ({name!r}, {bad[0]!r} * {len(bad)})," for name, bad in cases]
        out += ["    ],", ")", "def test_patch_rejects_invalid_value(client, field, value):",
                f"    created = make_{v}(client)",
                '    response = client.patch(f"{BASE}/{created[\'id\']}", json={field: value})',
                "    assert response.status_code == 422", ""]
    uniques = [f for f in fields if f.unique]
    if uniques:
        names = [f.name for f in uniques]
        out += ["", f"@pytest.mark.parametrize(\"field\", {names!r})",
                "def test_duplicate_unique_value_conflicts(client, field):", f"    first = make_{v}(client)",
                f"    payload = {v}_payload(client)", "    payload[field] = first[field]",
                "    response = client.post(BASE, json=payload)", "    assert response.status_code == 409", ""]
    for r in rels:
        p = spec.entity(r.target).var
        after = ("    assert client.get(url).status_code == 404" if r.required else
                 f'    assert client.get(url).json()["{r.field}"] is None')
        out += ["", f"def test_{r.field}_must_exist(client):", f"    payload = {v}_payload(client, {r.field}=999999)",
                "    response = client.post(BASE, json=payload)", "    assert response.status_code == 404",
                '    assert "not found" in response.json()["detail"]', f"    created = make_{v}(client)",
                f'    patched = client.patch(f"{{BASE}}/{{created[\'id\']}}", json={{"{r.field}": 999999}})',
                "    assert patched.status_code == 404", "", "",
                f"def test_filter_by_{r.field}(client):", f"    parent = make_{p}(client)",
                f'    mine = make_{v}(client, {r.field}=parent["id"])', f"    make_{v}(client)",
                f'    rows = client.get(BASE, params={{"{r.field}": parent["id"]}}).json()',
                '    assert [row["id"] for row in rows] == [mine["id"]]', "", "",
                f"def test_deleting_parent_{'removes' if r.required else 'unlinks'}_via_{r.field}(client):",
                f"    parent = make_{p}(client)", f'    child = make_{v}(client, {r.field}=parent["id"])',
                f'    gone = client.delete(f"/api/{spec.entity(r.target).table}/{{parent[\'id\']}}")',
                "    assert gone.status_code == 204",
                '    url = f"{BASE}/{child[\'id\']}"', after, ""]
    out += extra_entity_tests(spec, e)
    if "auth" in spec.features:
        out += ["", "def test_writes_require_sign_in(anon):", "    assert anon.get(BASE).status_code == 200",
                "    assert anon.post(BASE, json={}).status_code == 401",
                '    assert anon.delete(f"{BASE}/1").status_code == 401', ""]
    text = "\n".join(out).rstrip() + "\n"
    if "pytest." not in text.split("import pytest", 1)[1]:
        text = text.replace("import pytest\n\n", "", 1)  # an entity with nothing to parametrize
    return with_factory_imports(text)


_STATS_TEST = """
def test_stats_counts_rows(client):
    before = client.get("/api/stats").json()
    make_{v}(client)
    after = client.get("/api/stats").json()
    assert after["{t}"] == before["{t}"] + 1
    assert all(isinstance(after[table], int) for table in {tables})
    assert all(set(chart) == {{"table", "field", "by", "points"}} for chart in after["counts"] + after["sums"])
"""
_SUMS_TEST = """

def test_stats_sum_money_by_month(client):
    def total(stats):
        chart = next(c for c in stats["sums"] if (c["table"], c["field"], c["by"]) == ("{t}", "{f}", "month"))
        return round(sum(point["value"] for point in chart["points"]), 2)

    before = total(client.get("/api/stats").json())
    make_{v}(client, {f}={value})
    assert total(client.get("/api/stats").json()) == round(before + {value}, 2)
"""
_SEARCH_TEST = """
def test_global_search(client):
    assert client.get("/api/search", params={"q": ""}).status_code == 422
    assert client.get("/api/search", params={"q": "no-such-thing-xyz"}).json() == []
"""


def render_app_test(spec: AppSpec) -> str:
    """tests/test_app.py: health, frontend, and feature endpoints."""
    first = spec.entities[0]
    parts = [fill("test_app.py.tmpl", first=first.var, tables=repr([e.table for e in spec.entities]))]
    feats = set(spec.features)
    if "dashboard" in feats:
        parts.append(_STATS_TEST.format(v=first.var, t=first.table, tables=[e.table for e in spec.entities]))
        money = [(e, f) for e in spec.entities if not plan.is_account(spec, e)
                 for f in plan.writable(spec, e)[0] if f.type == "decimal"]
        if money:
            e, f = money[0]
            value = float(f.min if f.min is not None and f.min > 12.5 else min(12.5, f.max if f.max is not None
                                                                                  else 12.5))
            parts.append(_SUMS_TEST.format(v=e.var, t=e.table, f=f.name, value=value))
    if "search" in feats:
        sf = [f for f in search_fields(first) if f.type in {"string", "text"} and (f.max_length or 200) >= 20]
        found = (f'    make_{first.var}(client, {sf[0].name}="Zebra needle 42")\n'
                 '    hits = client.get("/api/search", params={"q": "zebra needle"}).json()\n'
                 f'    assert [(h["entity"], h["id"] > 0) for h in hits] == [("{first.table}", True)]\n') if sf else ""
        parts.append(_SEARCH_TEST + found)
    if "contact" in feats:
        parts.append(load("test_contact.py.tmpl"))
    if "payments" in feats:
        parts.append(load("test_checkout.py.tmpl"))
    if "auth" in feats:
        parts.append(plan.with_account(load("test_auth.py.tmpl"), spec))
    text = "\n".join(parts)
    return with_factory_imports(text)


def render_tests(spec: AppSpec) -> dict[str, str]:
    """Every test file of the generated project."""
    from core.engine.render.suite_features import render_account_test, render_feature_tests

    spec = plan.prepare(spec)
    files = {
        "tests/__init__.py": "",
        "tests/conftest.py": fill("conftest.py.tmpl", auth="True" if "auth" in spec.features else "False"),
        "tests/factories.py": render_factories(spec),
        "tests/test_app.py": render_app_test(spec),
    }
    for e in spec.entities:
        files[f"tests/test_{e.table}.py"] = (render_account_test(spec, e) if plan.is_account(spec, e)
                                            else render_entity_test(spec, e))
    files.update(render_feature_tests(spec))
    return files
