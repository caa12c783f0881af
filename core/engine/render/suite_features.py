"""Generated tests for the feature rules: links, uploads, ownership, accounts and one file per entity feature."""

from __future__ import annotations

from string import Template

from core.engine.render import plan
from core.engine.render.suite import with_factory_imports
from core.spec import AppSpec, EntitySpec

_LINKS = '''
def test_${field}_link_filter_add_remove(client):
    a, b = make_$target(client), make_$target(client)
    item = make_$var(client, $field=[a["id"]])
    assert item["$field"] == [a["id"]]
    make_$var(client)
    rows = client.get(BASE, params={"$param": a["id"]}).json()
    assert [row["id"] for row in rows] == [item["id"]]
    url = f"{BASE}/{item['id']}/$segment"
    added = client.put(f"{url}/{b['id']}")
    assert added.status_code == 200, added.text
    assert added.json()["$field"] == sorted([a["id"], b["id"]])
    assert client.put(f"{url}/{b['id']}").json()["$field"] == sorted([a["id"], b["id"]])
    assert client.delete(f"{url}/{a['id']}").status_code == 204
    assert client.get(f"{BASE}/{item['id']}").json()["$field"] == [b["id"]]
    assert client.put(f"{url}/999999").status_code == 404
    assert client.patch(f"{BASE}/{item['id']}", json={"$field": []}).json()["$field"] == []
    assert client.post(BASE, json=${var}_payload(client, $field=[999999])).status_code == 404
    assert client.post(BASE, json=${var}_payload(client, $field="not-a-list")).status_code == 422
'''
_FILE = '''
def test_${field}_holds_an_upload_id(client):
    upload = make_upload(client)
    item = make_$var(client, $field=upload["id"])
    assert item["$field"] == upload["id"]
    assert client.get(f"/api/uploads/{upload['id']}").content == b"%PDF-1.4 sample"
    assert client.post(BASE, json=${var}_payload(client, $field=999999)).status_code == 404
'''
_OWNER = '''
def test_only_the_owner_or_an_admin_can_change(client, other):
    theirs = make_$var(client)
    mine = make_$var(other)
    assert mine["$owner"] == other.get("/api/auth/me").json()["id"]
    url = f"{BASE}/{theirs['id']}"
    assert other.patch(url, json={}).status_code == 403
    assert other.delete(url).status_code == 403
    assert other.patch(f"{BASE}/{mine['id']}", json={}).status_code == 200
    assert client.delete(f"{BASE}/{mine['id']}").status_code == 204


def test_mine_lists_own_rows(client, other, anon):
    make_$var(client)
    mine = make_$var(other)
    rows = other.get(BASE, params={"mine": "true"}).json()
    assert [row["id"] for row in rows] == [mine["id"]]
    assert anon.get(BASE, params={"mine": "true"}).status_code == 401
'''
_ACCOUNT = '''"""Accounts ($table): registered through /api/auth/register; each changes only itself unless admin."""

from __future__ import annotations

from tests.factories import make_$var

BASE = "/api/$table"


def test_first_account_is_admin_and_later_ones_are_not(client, other):
    assert client.get("/api/auth/me").json()["role"] == "admin"
    me = other.get("/api/auth/me").json()
    assert me["role"] == "user"
    assert set(me) >= {"id", "email", "role"}


def test_accounts_are_listed_without_password_hashes(client):
    made = make_$var(client)
    rows = client.get(BASE).json()
    assert made["id"] in [row["id"] for row in rows]
    assert all("password" not in key for row in rows for key in row)
    assert client.get(f"{BASE}/{made['id']}").json() == made


def test_a_user_changes_only_their_own_account(client, other):
    me = other.get("/api/auth/me").json()
    admin = client.get("/api/auth/me").json()
    assert other.patch(f"{BASE}/{me['id']}", json={}).status_code == 200
    assert other.patch(f"{BASE}/{admin['id']}", json={}).status_code == 403
    assert other.delete(f"{BASE}/{admin['id']}").status_code == 403
    assert client.delete(f"{BASE}/{me['id']}").status_code == 204


def test_role_cannot_be_set_by_the_client(anon, client):
    made = make_$var(anon, role="admin")
    assert made["role"] == "user"


def test_email_must_be_unique_and_valid(client):
    made = make_$var(client)
    again = client.post("/api/auth/register", json={"email": made["email"], "password": "long enough pw"})
    assert again.status_code == 409
    assert client.patch(f"{BASE}/{made['id']}", json={"email": "nope"}).status_code == 422


def test_missing_account_is_404(client):
    assert client.get(f"{BASE}/999999").status_code == 404
'''


def _sub(text: str, **kw: object) -> list[str]:
    """A filled template as lines."""
    return Template(text).substitute(**{k: str(v) for k, v in kw.items()}).split("\n")


def extra_entity_tests(spec: AppSpec, e: EntitySpec) -> list[str]:
    """Tests appended to tests/test_<plural>.py: links, file fields, ownership."""
    out: list[str] = []
    seen: set[str] = set()
    for r in plan.many_to_many(e):
        target = spec.entity(r.target)
        segment = target.table if target.table not in seen else r.field.removesuffix("_ids")
        seen.add(segment)
        out += ["", *_sub(_LINKS, field=r.field, target=target.var, var=e.var, param=plan.link_filter(r),
                          segment=segment)]
    for f in plan.file_fields(e):
        out += ["", *_sub(_FILE, field=f.name, var=e.var)]
    owner = plan.owner_field(spec, e)
    if owner:
        out += ["", *_sub(_OWNER, var=e.var, owner=owner)]
    return out


def render_account_test(spec: AppSpec, e: EntitySpec) -> str:
    """tests/test_users.py for the account entity."""
    return Template(_ACCOUNT).substitute(table=e.table, var=e.var)


def render_feature_tests(spec: AppSpec) -> dict[str, str]:
    """One tests/test_feature_<name>.py per entity feature (and totals) the app uses."""
    from core.engine.render.suite_rules import FEATURE_TESTS, totals_tests

    files = {}
    for name, build in FEATURE_TESTS.items():
        parts = [p for p in (build(spec, fs) for fs in spec.uses(name)) if p]
        if parts:
            files[f"tests/test_feature_{name}.py"] = _module(name, parts)
    totals = totals_tests(spec)
    if totals:
        files["tests/test_feature_totals.py"] = _module("totals", totals)
    return files


def _module(name: str, parts: list[str]) -> str:
    """A test module from test function sources."""
    head = (f'"""Rules of the {name} feature."""\n\nfrom __future__ import annotations\n\n'
            "from tests.factories import make_x\n")
    return with_factory_imports(head + "".join("\n\n" + p.strip("\n") + "\n" for p in parts))
