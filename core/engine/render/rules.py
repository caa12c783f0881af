"""Feature rules woven into an entity's router: links, ratings, favourites, comments, ordering, bookings,
workflow and group balances. `collect` adds hooks, helpers and endpoints to a routers._Router."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from core.engine.render import plan

if TYPE_CHECKING:
    from core.engine.render.routers import _Router

_LINKS = '''
def _set_links(db: DbSession, item: models.$Name, links: dict[str, list[int]]) -> None:
    """Replace the linked rows named by id lists; an unknown id is a 404."""
    for key, ids in links.items():
        attr, model = LINKS[key]
        rows = []
        for link_id in dict.fromkeys(ids):
            row = db.get(model, link_id)
            if row is None:
                raise HTTPException(status_code=404, detail=f"{model.__name__} {link_id} not found ({key})")
            rows.append(row)
        setattr(item, attr, rows)
'''
_LINK_ENDPOINTS = '''
@router.put("/{item_id}/$segment/{link_id}", response_model=schemas.${Name}Read)
def add_${var}_$single(item_id: int, link_id: int, db: DbSession$user) -> models.$Name:
    """Link a $single to this $label (nothing changes when it is already linked)."""
    item = _get(db, item_id)
$check    row = db.get(models.$Target, link_id)
    if row is None:
        raise HTTPException(status_code=404, detail=f"$Target {link_id} not found")
    if row not in item.$attr:
        item.$attr.append(row)
    return _commit(db, item)


@router.delete("/{item_id}/$segment/{link_id}", status_code=status.HTTP_204_NO_CONTENT)
def remove_${var}_$single(item_id: int, link_id: int, db: DbSession$user) -> Response:
    """Unlink a $single from this $label."""
    item = _get(db, item_id)
$check    item.$attr = [row for row in item.$attr if row.id != link_id]
    db.commit()
    return Response(status_code=status.HTTP_204_NO_CONTENT)
'''
_RATING = '''    existing = db.scalar(
        select(models.$Name).where(
            models.$Name.$owner == user.id, models.$Name.$link == data["$link"]
        )
    )
    if existing is not None:  # one rating per user and item: rating again replaces it
        for key, value in data.items():
            setattr(existing, key, value)
        response.status_code = status.HTTP_200_OK
        return _commit(db, existing)'''
_FAVOURITE = '''
@router.post("/{item_id}/favourite")
def toggle_favourite(item_id: int, db: DbSession, user: CurrentUser) -> dict[str, bool]:
    """Add this $label to the user's favourites, or remove it when it is already there."""
    _get(db, item_id)
    row = db.scalar(
        select(models.$Fav).where(models.$Fav.$owner == user.id, models.$Fav.$link == item_id)
    )
    if row is None:
        db.add(models.$Fav($owner=user.id, $link=item_id))
    else:
        db.delete(row)
    db.commit()
    return {"favourited": row is None}
'''
_COMMENTS = '''
@router.get("/{item_id}/$segment", response_model=list[schemas.${Child}Read])
def list_${var}_$segment(
    item_id: int,
    db: DbSession,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[models.$Child]:
    """Comments on this $label, newest first."""
    _get(db, item_id)
    stmt = (
        select(models.$Child)
        .where(models.$Child.$link == item_id)
        .order_by(models.$Child.created_at.desc(), models.$Child.id.desc())
    )
    return list(db.scalars(stmt.offset(offset).limit(limit)))
'''
_ORDERING = '''
def _siblings(db: DbSession, parent_id: int | None, exclude: int | None = None) -> list[models.$Name]:
    """The ${table} of one parent, in order."""
    stmt = select(models.$Name).where(models.$Name.$parent == parent_id)
    if exclude is not None:
        stmt = stmt.where(models.$Name.id != exclude)
    return list(db.scalars(stmt.order_by(models.$Name.$pos, models.$Name.id)))


def _renumber(rows: list[models.$Name]) -> None:
    """Dense positions 0..n-1 in list order."""
    for index, row in enumerate(rows):
        row.$pos = index


def _place(db: DbSession, item: models.$Name, parent_id: int | None, position: int | None) -> None:
    """Put the $label at `position` (the end when None or too large) of a parent; both lists stay dense."""
    if item.$parent != parent_id:
        _renumber(_siblings(db, item.$parent, exclude=item.id))
    rows = _siblings(db, parent_id, exclude=item.id)
    rows.insert(len(rows) if position is None else min(position, len(rows)), item)
    item.$parent = parent_id
    _renumber(rows)
'''
_MOVE = '''
class ${Name}Move(BaseModel):
    """Where to move a $label: a position, optionally under another parent."""

    $pos: int = Field(ge=0)
    $parent: int | None = None


@router.post("/{item_id}/move", response_model=schemas.${Name}Read)
def move_${var}(item_id: int, payload: ${Name}Move, db: DbSession$user) -> models.$Name:
    """Move a $label up, down or to another parent; positions stay dense in both."""
    item = _get(db, item_id)
$check    parent_id = item.$parent if payload.$parent is None else payload.$parent
    _check_parents(db, {"$parent": parent_id})
    _place(db, item, parent_id, payload.$pos)
    return _commit(db, item)
'''
_BOOKING = '''
def _naive(value: dt.datetime) -> dt.datetime:
    """UTC without a time zone, as stored."""
    return value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value


def _check_slot(db: DbSession, item: models.$Name | None, data: dict) -> None:
    """End after start, no start in the past, no overlap with another booking of the same $target."""
    for key in ("$start", "$end"):
        if data.get(key) is not None:
            data[key] = _naive(data[key])
    start = data.get("$start", item.$start if item else None)
    end = data.get("$end", item.$end if item else None)
    resource = data.get("$link", item.$link if item else None)
    if end <= start:
        raise HTTPException(status_code=422, detail="$end must be after $start")
    moved = item is None or data.get("$start", item.$start) != item.$start
    if moved and start < models.utcnow():
        raise HTTPException(status_code=422, detail="$start cannot be in the past")
    clash = db.scalar(
        select(models.$Name)
        .where(models.$Name.$link == resource, models.$Name.$start < end, models.$Name.$end > start)
        .where(models.$Name.id != (item.id if item else -1))
        .limit(1)
    )
    if clash is not None:
        raise HTTPException(
            status_code=409,
            detail=f"$Target {resource} is already booked from {clash.$start:%Y-%m-%d %H:%M} "
            f"to {clash.$end:%Y-%m-%d %H:%M}; choose another time",
        )
'''
_WORKFLOW = '''
def _check_transition(current: str, new: str) -> None:
    """409 unless `new` may follow `current`."""
    if new not in TRANSITIONS.get(current, []):
        raise HTTPException(status_code=409, detail=f"Cannot move from {current} to {new}")
'''
_TRANSITION = '''
class ${Name}Transition(BaseModel):
    """The state to move to."""

    $field: Literal[$states]


@router.post("/{item_id}/transition", response_model=schemas.${Name}Read)
def transition_${var}(item_id: int, payload: ${Name}Transition, db: DbSession$user) -> models.$Name:
    """Move a $label to another state, if its workflow allows it."""
    item = _get(db, item_id)
$check    _check_transition(item.$field, payload.$field)
    item.$field = payload.$field
    return _commit(db, item)
'''


def collect(r: _Router) -> None:
    """Add every feature rule that concerns the router's entity."""
    _links(r)
    for fs in r.spec.feature_specs:
        if fs.entity == r.e.name:
            {"ratings": _rating, "ordering": _ordering, "booking_slots": _booking, "workflow": _workflow}.get(
                fs.name, lambda *_: None)(r, fs)
        if fs.target == r.e.name and fs.name == "favourites":
            _favourite(r, fs)
        if fs.target == r.e.name and fs.name == "comments":
            _comments(r, fs)
    from core.engine.render.behaviours import balances_endpoint
    split = plan.expense_split(r.spec, r.e)
    if split:
        r.extra.append(balances_endpoint(r.e, split))


def _link(r: _Router, fs: object, target: str) -> str:
    """The belongs_to field of the router's entity (or the feature entity) pointing at `target`."""
    e = r.spec.entity(fs.entity)
    return next(x.field for x in plan.belongs_to(e) if x.target == target)


def _links(r: _Router) -> None:
    """Many-to-many: LINKS, _set_links and add/remove endpoints."""
    m2m = plan.many_to_many(r.e)
    if not m2m:
        return
    r.consts.append("LINKS: dict[str, tuple[str, type]] = {" + ", ".join(
        f'"{x.field}": ("{plan.link_attr(x)}", models.{x.target})' for x in m2m) + "}")
    r.helpers.append(r.sub(_LINKS))
    seen: set[str] = set()
    for x in m2m:
        target = r.spec.entity(x.target)
        segment = target.table if target.table not in seen else x.field.removesuffix("_ids")
        seen.add(segment)
        r.extra.append(r.sub(_LINK_ENDPOINTS, segment=segment, single=segment if segment != target.table else
                             target.var, Target=target.name, attr=plan.link_attr(x), user=r.user(),
                             check=r.owner_check()))


def _rating(r: _Router, fs: object) -> None:
    """One rating per user and item: create again replaces."""
    r.hooks["replace_rating"] = []
    r.hook("create", r.sub(_RATING, owner=r.owner, link=_link(r, fs, fs.target)))


def _favourite(r: _Router, fs: object) -> None:
    """POST /{id}/favourite toggles."""
    r.auth_names.add("CurrentUser")
    fav = r.spec.entity(fs.entity)
    r.extra.append(r.sub(_FAVOURITE, Fav=fav.name, owner=plan.owner_field(r.spec, fav), link=_link(r, fs, r.e.name)))


def _comments(r: _Router, fs: object) -> None:
    """GET /{id}/comments newest first."""
    child = r.spec.entity(fs.entity)
    r.extra.append(r.sub(_COMMENTS, Child=child.name, segment=child.table, link=_link(r, fs, r.e.name)))


def _ordering(r: _Router, fs: object) -> None:
    """Dense positions inside a parent; move endpoint."""
    parent = _link(r, fs, fs.target)
    kw = {"parent": parent, "pos": fs.field}
    r.helpers.append(r.sub(_ORDERING, **kw))
    r.pydantic |= {"BaseModel", "Field"}
    r.hooks["order"] = [f"models.{r.e.name}.{parent}", f"models.{r.e.name}.{fs.field}", f"models.{r.e.name}.id"]
    r.hook("create", f'    data["{fs.field}"] = len(_siblings(db, data["{parent}"]))')
    r.hook("write", f'    if "{parent}" in data and data["{parent}"] != item.{parent}:',
           f'        _place(db, item, data.pop("{parent}"), None)')
    r.hook("delete_before", f"    parent_id = item.{parent}")
    r.hook("delete_after", "    db.flush()", "    _renumber(_siblings(db, parent_id))")
    r.extra.append(r.sub(_MOVE, user=r.user(), check=r.owner_check(), **kw))


def _booking(r: _Router, fs: object) -> None:
    """Start/end checks and no overlap for the same resource."""
    r.std.add("import datetime as dt")
    r.helpers.append(r.sub(_BOOKING, start=fs.field, end=fs.end_field, link=_link(r, fs, fs.target),
                           Target=fs.target, target=r.spec.entity(fs.target).var.replace("_", " ")))
    r.hook("create", "    _check_slot(db, None, data)")
    r.hook("write", "    _check_slot(db, item, data)")


def _workflow(r: _Router, fs: object) -> None:
    """Allowed transitions; PUT keeps the state, PATCH and /transition check it."""
    states = next(f.choices for f in r.e.fields if f.name == fs.field)
    r.consts.append(f"TRANSITIONS: dict[str, list[str]] = {json.dumps(dict(fs.transitions))}")
    r.helpers.append(_WORKFLOW)
    r.std.add("from typing import Annotated, Literal")
    r.std.discard("from typing import Annotated")
    r.pydantic.add("BaseModel")
    r.hook("put", f'    data.pop("{fs.field}")  # the state moves only through transitions')
    r.hook("patch", f'    if data.get("{fs.field}", item.{fs.field}) != item.{fs.field}:',
           f'        _check_transition(item.{fs.field}, data["{fs.field}"])')
    r.extra.append(r.sub(_TRANSITION, field=fs.field, states=", ".join(repr(s) for s in states), user=r.user(),
                         check=r.owner_check()))

