"""AppSpec -> pytest suite covering every endpoint and validation rule of the generated app."""

from __future__ import annotations

from core.engine.render.common import alt_value, invalid_values, sample_py, search_fields
from core.engine.render.templates import fill, load
from core.spec import AppSpec, EntitySpec


def render_factories(spec: AppSpec) -> str:
    """tests/factories.py: valid payloads and creators per entity (parents created on demand)."""
    out = ['"""Valid payloads and creators for every entity; a global sequence keeps unique values unique."""',
           "", "from __future__ import annotations", "", "import itertools", "",
           "_seq = itertools.count(1)", ""]
    for e in spec.entities:
        out += ["", f"def {e.var}_payload(client, n: int | None = None, **overrides) -> dict:",
                f'    """A valid {e.var} (its parents are created)."""', "    n = next(_seq) if n is None else n",
                "    data = {"]
        for f in e.fields:
            out.append(f'        "{f.name}": {sample_py(f)},')
        for r in e.relations:
            out.append(f'        "{r.field}": make_{spec.entity(r.target).var}(client)["id"],')
        out += ["    }", "    data.update(overrides)", "    return data", "", "",
                f"def make_{e.var}(client, **overrides) -> dict:",
                f'    """Create a {e.var} through the API and return it."""',
                f'    response = client.post("/api/{e.table}", json={e.var}_payload(client, **overrides))',
                "    assert response.status_code == 201, response.text", "    return response.json()", ""]
    return "\n".join(out).rstrip() + "\n"


def render_entity_test(spec: AppSpec, e: EntitySpec) -> str:
    """tests/test_<plural>.py."""
    v, base = e.var, f"/api/{e.table}"
    out = [f'"""API tests for {e.table}: CRUD, pagination, search, validation and parent checks."""', "",
           "from __future__ import annotations", "", "import pytest", "",
           f"from tests.factories import make_{v}, {v}_payload", "", f'BASE = "{base}"', ""]
    rel_makers = sorted({spec.entity(r.target).var for r in e.relations})
    if rel_makers:
        out[6] = "from tests.factories import " + ", ".join(
            [f"make_{v}", *[f"make_{m}" for m in rel_makers if m != v], f"{v}_payload"])
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
    editable = e.fields[0] if e.fields else None
    if editable:
        alt = alt_value(editable)
        out += ["", "def test_put_replaces(client):", f"    created = make_{v}(client)",
                f"    payload = {v}_payload(client, {editable.name}={alt!r})",
                '    response = client.put(f"{BASE}/{created[\'id\']}", json=payload)',
                "    assert response.status_code == 200, response.text",
                f'    assert response.json()["{editable.name}"] == {alt!r}', "", "",
                "def test_patch_changes_only_given_fields(client):", f"    created = make_{v}(client)",
                f'    response = client.patch(f"{{BASE}}/{{created[\'id\']}}", json={{"{editable.name}": {alt!r}}})',
                "    assert response.status_code == 200, response.text", "    body = response.json()",
                f'    assert body["{editable.name}"] == {alt!r}',
                f'    assert {{k: x for k, x in body.items() if k != "{editable.name}"}} == '
                f'{{k: x for k, x in created.items() if k != "{editable.name}"}}', ""]
    out += ["", "def test_update_missing_returns_404(client):", f"    payload = {v}_payload(client)",
            '    assert client.put(f"{BASE}/999999", json=payload).status_code == 404',
            '    assert client.patch(f"{BASE}/999999", json={}).status_code == 404', "", "",
            "def test_delete_then_404(client):", f"    created = make_{v}(client)",
            '    url = f"{BASE}/{created[\'id\']}"', "    assert client.delete(url).status_code == 204",
            "    assert client.get(url).status_code == 404", "    assert client.delete(url).status_code == 404", ""]
    required = [f.name for f in e.fields if f.required and f.type != "bool"] + [
        r.field for r in e.relations if r.required]
    if required:
        out += ["", f"@pytest.mark.parametrize(\"field\", {required!r})",
                "def test_create_requires_field(client, field):", f"    payload = {v}_payload(client)",
                "    payload.pop(field)", "    assert client.post(BASE, json=payload).status_code == 422", "", "",
                f"@pytest.mark.parametrize(\"field\", {required!r})",
                "def test_patch_rejects_null_for_required(client, field):", f"    created = make_{v}(client)",
                '    response = client.patch(f"{BASE}/{created[\'id\']}", json={field: None})',
                "    assert response.status_code == 422", ""]
    cases = [(f.name, bad) for f in e.fields for bad in invalid_values(f)] + [
        (r.field, "not-an-id") for r in e.relations]
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
    uniques = [f for f in e.fields if f.unique]
    if uniques:
        names = [f.name for f in uniques]
        out += ["", f"@pytest.mark.parametrize(\"field\", {names!r})",
                "def test_duplicate_unique_value_conflicts(client, field):", f"    first = make_{v}(client)",
                f"    payload = {v}_payload(client)", "    payload[field] = first[field]",
                "    response = client.post(BASE, json=payload)", "    assert response.status_code == 409", ""]
    for r in e.relations:
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
    if "auth" in spec.features:
        out += ["", "def test_writes_require_sign_in(anon):", "    assert anon.get(BASE).status_code == 200",
                "    assert anon.post(BASE, json={}).status_code == 401",
                '    assert anon.delete(f"{BASE}/1").status_code == 401', ""]
    return "\n".join(out).rstrip() + "\n"


_STATS_TEST = """
def test_stats_counts_rows(client):
    before = client.get("/api/stats").json()
    make_{v}(client)
    after = client.get("/api/stats").json()
    assert after["{t}"] == before["{t}"] + 1
    assert all(isinstance(count, int) for count in after.values())
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
        parts.append(_STATS_TEST.format(v=first.var, t=first.table))
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
        parts.append(load("test_auth.py.tmpl"))
    text = "\n".join(parts)
    if "make_" + first.var not in text.split("def test_", 1)[1]:
        text = text.replace(f"from tests.factories import make_{first.var}\n", "")
    return text


def render_tests(spec: AppSpec) -> dict[str, str]:
    """Every test file of the generated project."""
    files = {
        "tests/__init__.py": "",
        "tests/conftest.py": fill("conftest.py.tmpl", auth="True" if "auth" in spec.features else "False"),
        "tests/factories.py": render_factories(spec),
        "tests/test_app.py": render_app_test(spec),
    }
    for e in spec.entities:
        files[f"tests/test_{e.table}.py"] = render_entity_test(spec, e)
    return files
