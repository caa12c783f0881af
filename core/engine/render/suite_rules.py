"""Generated test functions, one builder per entity feature, plus order totals and group balances."""

from __future__ import annotations

from string import Template

from core.engine.render import plan
from core.spec import AppSpec, FeatureSpec

_RATINGS = '''
def test_${var}_one_per_user_average_and_count(client, other):
    item = make_$target(client)
    assert item["rating_average"] is None and item["rating_count"] == 0
    base = "/api/$table"
    first = client.post(base, json=${var}_payload(client, $link=item["id"], $stars=5))
    assert first.status_code == 201, first.text
    again = client.post(base, json=${var}_payload(client, $link=item["id"], $stars=3))
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert again.json()["$stars"] == 3
    assert other.post(base, json=${var}_payload(other, $link=item["id"], $stars=4)).status_code == 201
    got = client.get(f"/api/$targets/{item['id']}").json()
    assert (got["rating_average"], got["rating_count"]) == (3.5, 2)
    assert len(client.get(base, params={"$link": item["id"]}).json()) == 2
    for bad in (0, 6):
        assert client.post(base, json=${var}_payload(client, $link=item["id"], $stars=bad)).status_code == 422


def test_${var}_average_has_one_decimal(client, other, anon):
    from tests.conftest import sign_in

    item = make_$target(client)
    base = "/api/$table"
    sign_in(anon, "third@example.com")
    for who, stars in ((client, 5), (other, 4), (anon, 4)):
        assert who.post(base, json=${var}_payload(who, $link=item["id"], $stars=stars)).status_code == 201
    assert client.get(f"/api/$targets/{item['id']}").json()["rating_average"] == 4.3
'''
_FAVOURITES = '''
def test_favourite_toggles_and_lists_${targets}(client, other):
    item = make_$target(client)
    make_$target(client)
    url = f"/api/$targets/{item['id']}/favourite"
    assert client.post(url).json() == {"favourited": True}
    assert [row["id"] for row in client.get("/api/me/favourites/$targets").json()] == [item["id"]]
    assert other.get("/api/me/favourites/$targets").json() == []
    assert client.post(url).json() == {"favourited": False}
    assert client.get("/api/me/favourites/$targets").json() == []
    assert client.post("/api/$targets/999999/favourite").status_code == 404


def test_favourites_of_${targets}_need_sign_in(anon, client):
    item = make_$target(client)
    assert anon.post(f"/api/$targets/{item['id']}/favourite").status_code == 401
    assert anon.get("/api/me/favourites").status_code == 401
'''
_COMMENTS = '''
def test_${var}_on_a_${target}_newest_first(client):
    item = make_$target(client)
    ids = [make_$var(client, $link=item["id"])["id"] for _ in range(3)]
    make_$var(client)
    rows = client.get(f"/api/$targets/{item['id']}/$table").json()
    assert [row["id"] for row in rows] == ids[::-1]
    assert all(row["created_at"] for row in rows)
$author    assert client.get("/api/$targets/999999/$table").status_code == 404
'''
_TAGS = '''
def test_deleting_a_${var}_unlinks_it_from_${targets}(client):
    tag = make_$var(client)
    item = make_$target(client, $field=[tag["id"]])
    assert client.get("/api/$targets", params={"$param": tag["id"]}).json()[0]["id"] == item["id"]
    assert client.delete(f"/api/$table/{tag['id']}").status_code == 204
    assert client.get(f"/api/$targets/{item['id']}").json()["$field"] == []
    assert client.get("/api/$targets", params={"$param": tag["id"]}).json() == []
'''
_ORDERING = '''
def test_${var}_positions_stay_dense_when_moving_and_deleting(client):
    base = "/api/$table"
    parent, elsewhere = make_$target(client), make_$target(client)

    def order(parent_id):
        rows = client.get(base, params={"$link": parent_id}).json()
        return [(row["id"], row["$pos"]) for row in rows]

    a, b, c = (make_$var(client, $link=parent["id"]) for _ in range(3))
    assert [row["$pos"] for row in (a, b, c)] == [0, 1, 2]
    moved = client.post(f"{base}/{c['id']}/move", json={"$pos": 0})
    assert moved.status_code == 200 and moved.json()["$pos"] == 0
    assert order(parent["id"]) == [(c["id"], 0), (a["id"], 1), (b["id"], 2)]
    across = client.post(f"{base}/{a['id']}/move", json={"$pos": 9, "$link": elsewhere["id"]})
    assert across.json()["$link"] == elsewhere["id"] and across.json()["$pos"] == 0
    assert order(parent["id"]) == [(c["id"], 0), (b["id"], 1)]
    assert client.delete(f"{base}/{c['id']}").status_code == 204
    assert order(parent["id"]) == [(b["id"], 0)]
    assert client.post(f"{base}/{b['id']}/move", json={"$pos": -1}).status_code == 422
    assert client.post(f"{base}/{b['id']}/move", json={"$pos": 0, "$link": 999999}).status_code == 404
'''
_BOOKING = '''
def test_${var}_slots_refuse_overlaps_reversed_and_past_times(client):
    base = "/api/$table"
    resource = make_$target(client)

    def book(start, end, **extra):
        data = ${var}_payload(client, **{"$link": resource["id"], "$start": start, "$end": end, **extra})
        return client.post(base, json=data)

    first = book("2099-03-01T10:00:00", "2099-03-01T11:00:00")
    assert first.status_code == 201, first.text
    clash = book("2099-03-01T10:30:00", "2099-03-01T11:30:00")
    assert clash.status_code == 409 and "already booked" in clash.json()["detail"]
    assert book("2099-03-01T11:00:00", "2099-03-01T12:00:00").status_code == 201
    other_resource = make_$target(client)["id"]
    assert book("2099-03-01T10:00:00", "2099-03-01T11:00:00", $link=other_resource).status_code == 201
    assert book("2099-03-02T11:00:00", "2099-03-02T10:00:00").status_code == 422
    assert book("2000-01-01T10:00:00", "2000-01-01T11:00:00").status_code == 422
    moved = client.patch(f"{base}/{first.json()['id']}", json={"$end": "2099-03-01T11:30:00"})
    assert moved.status_code == 409
'''
_WORKFLOW = '''
def test_${var}_workflow_allows_only_listed_transitions(client):
    base = "/api/$table"
    item = make_$var(client)
    assert item["$field"] == "$initial"
    url = f"{base}/{item['id']}/transition"
    illegal = client.post(url, json={"$field": "$illegal"})
    assert illegal.status_code == 409
    assert illegal.json()["detail"] == "Cannot move from $initial to $illegal"
    assert client.post(url, json={"$field": "$legal"}).json()["$field"] == "$legal"
    assert client.post(url, json={"$field": "not-a-state"}).status_code == 422
    assert client.post($create).status_code == 422
$patch'''
_UPLOADS = '''
def test_uploads_store_serve_and_limit(client, anon):
    made = client.post("/api/uploads", files={"file": ("cv.pdf", b"%PDF-1.4 hello", "application/pdf")})
    assert made.status_code == 201, made.text
    body = made.json()
    assert (body["filename"], body["content_type"], body["size"]) == ("cv.pdf", "application/pdf", 14)
    served = anon.get(f"/api/uploads/{body['id']}")
    assert served.status_code == 200 and served.content == b"%PDF-1.4 hello"
    assert served.headers["content-type"] == "application/pdf"
    big = client.post("/api/uploads", files={"file": ("big.txt", b"x" * (5 * 1024 * 1024 + 1), "text/plain")})
    assert big.status_code == 413
    exe = client.post("/api/uploads", files={"file": ("run.exe", b"MZ", "application/octet-stream")})
    assert exe.status_code == 415
    assert client.post("/api/uploads", files={"file": ("fake.png", b"%PDF-1.4", "image/png")}).status_code == 415
    assert client.post("/api/uploads", files={"file": ("empty.txt", b"", "text/plain")}).status_code == 422
    assert client.get("/api/uploads/999999").status_code == 404


def test_uploads_never_use_the_given_path(client):
    import os
    from pathlib import Path

    made = client.post("/api/uploads", files={"file": ("../../escape.txt", b"hello", "text/plain")}).json()
    assert made["filename"] == "escape.txt"
    stored = list(Path(os.environ["UPLOAD_DIR"]).iterdir())
    assert all(p.name != "escape.txt" for p in stored)
    assert not (Path(os.environ["UPLOAD_DIR"]).parent.parent / "escape.txt").exists()
    assert client.get(f"/api/uploads/{made['id']}").content == b"hello"
    assert client.get("/api/uploads/..%2F..%2Fetc%2Fpasswd").status_code in (404, 422)
'''
_TOTAL = '''
def test_${var}_total_is_the_sum_of_its_lines(client):
    item = make_$var(client)
    assert item["total"] == 0
    make_$line(client, $link=item["id"], $qty=2, $price=9.5)
    make_$line(client, $link=item["id"], $qty=1, $price=1.25)
    make_$line(client)
    assert client.get(f"/api/$table/{item['id']}").json()["total"] == 20.25
'''
_BALANCES = '''
def test_${var}_balances_from_expenses_and_shares(client):
    group = make_$var(client)
    a = make_$member(client, $member_group=group["id"])
    b = make_$member(client, $member_group=group["id"])
    expense = make_$expense(client, $group=group["id"], $payer=a["id"], $amount=30.0)
$shares    rows = {row["member_id"]: row for row in client.get(f"/api/$table/{group['id']}/balances").json()}
    assert (rows[a["id"]]["paid"], rows[a["id"]]["balance"]) == (30.0, 15.0)
    assert (rows[b["id"]]["owed"], rows[b["id"]]["balance"]) == (15.0, -15.0)
    assert client.get("/api/$table/999999/balances").status_code == 404
    assert expense["$amount"] == 30.0
'''


def _t(text: str, **kw: object) -> str:
    """Fill a test template."""
    return Template(text).substitute(**{k: str(v) for k, v in kw.items()})


def _link(spec: AppSpec, entity: str, target: str) -> str:
    """The belongs_to field of `entity` pointing at `target`."""
    return next(r.field for r in plan.belongs_to(spec.entity(entity)) if r.target == target)


def _ratings(spec: AppSpec, fs: FeatureSpec) -> str:
    e, t = spec.entity(fs.entity), spec.entity(fs.target)
    return _t(_RATINGS, var=e.var, table=e.table, target=t.var, targets=t.table, stars=fs.field or "stars",
              link=_link(spec, e.name, t.name))


def _favourites(spec: AppSpec, fs: FeatureSpec) -> str:
    t = spec.entity(fs.target)
    return _t(_FAVOURITES, target=t.var, targets=t.table)


def _comments(spec: AppSpec, fs: FeatureSpec) -> str:
    e, t = spec.entity(fs.entity), spec.entity(fs.target)
    owner = plan.owner_field(spec, e)
    author = (f'    assert rows[0]["{owner}"] == client.get("/api/auth/me").json()["id"]\n' if owner else "")
    return _t(_COMMENTS, var=e.var, table=e.table, target=t.var, targets=t.table, link=_link(spec, e.name, t.name),
              author=author)


def _tags(spec: AppSpec, fs: FeatureSpec) -> str:
    e, t = spec.entity(fs.entity), spec.entity(fs.target)
    r = next(r for r in plan.many_to_many(t) if r.target == e.name)
    return _t(_TAGS, var=e.var, table=e.table, target=t.var, targets=t.table, field=r.field,
              param=plan.link_filter(r))


def _ordering(spec: AppSpec, fs: FeatureSpec) -> str:
    e, t = spec.entity(fs.entity), spec.entity(fs.target)
    return _t(_ORDERING, var=e.var, table=e.table, target=t.var, link=_link(spec, e.name, t.name), pos=fs.field)


def _booking(spec: AppSpec, fs: FeatureSpec) -> str:
    e, t = spec.entity(fs.entity), spec.entity(fs.target)
    return _t(_BOOKING, var=e.var, table=e.table, target=t.var, link=_link(spec, e.name, t.name), start=fs.field,
              end=fs.end_field)


def _workflow(spec: AppSpec, fs: FeatureSpec) -> str:
    e = spec.entity(fs.entity)
    states = next(f.choices for f in e.fields if f.name == fs.field)
    initial = states[0]
    allowed = fs.transitions.get(initial, [])
    legal = allowed[0] if allowed else initial
    illegal = next((s for s in states if s not in allowed and s != initial), None)
    if not allowed or illegal is None:
        return ""
    after = next((s for s in states if s not in fs.transitions.get(legal, []) and s != legal), None)
    patch = ("" if after is None else
             f'    patched = client.patch(f"{{base}}/{{item[\'id\']}}", json={{"{fs.field}": "{after}"}})\n'
             "    assert patched.status_code == 409\n")
    create = f'base, json={e.var}_payload(client, {fs.field}="{legal}")'
    if "auth" in spec.features and e.name == spec.account:  # the account is created by registering
        create = (f'"/api/auth/register", json={{**{e.var}_payload(client, {fs.field}="{legal}"), '
                  f'"password": "long enough pw"}}')
    return _t(_WORKFLOW, var=e.var, table=e.table, field=fs.field, initial=initial, legal=legal, illegal=illegal,
              patch=patch, create=create)


def _uploads(spec: AppSpec, fs: FeatureSpec) -> str:
    return _UPLOADS if fs is spec.uses("uploads")[0] else ""


FEATURE_TESTS = {"ratings": _ratings, "favourites": _favourites, "comments": _comments, "tags": _tags,
                 "ordering": _ordering, "booking_slots": _booking, "workflow": _workflow, "uploads": _uploads}


def totals_tests(spec: AppSpec) -> list[str]:
    """Order totals and group balances, where the app has them."""
    out = []
    for e in spec.entities:
        total = plan.order_total(spec, e)
        if total:
            line, rel, qty, price = total
            out.append(_t(_TOTAL, var=e.var, table=e.table, line=line.var, link=rel.field, qty=qty, price=price))
        split = plan.expense_split(spec, e)
        if split:
            share = split["share"]
            shares = ""
            if share:
                for who in ("a", "b"):
                    amount = f', {share["amount"]}=15.0' if share["amount"] else ""
                    shares += (f'    make_{share["entity"].var}(client, {share["expense"]}=expense["id"], '
                               f'{share["member"]}={who}["id"]{amount})\n')
            out.append(_t(_BALANCES, var=e.var, table=e.table, member=split["member"].var,
                          member_group=split["member_group"], expense=split["expense"].var, group=split["group"],
                          payer=split["payer"], amount=split["amount"], shares=shares))
    return out
