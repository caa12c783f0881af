"""AppSpec -> app/routers/<plural>.py: CRUD per entity plus the rules of the features that apply to it."""

from __future__ import annotations

from string import Template

from core.engine.render import plan, rules
from core.engine.render.common import search_fields
from core.spec import AppSpec, EntitySpec

_HEAD = '''def _get(db: DbSession, item_id: int) -> models.$Name:
    """The $label or a 404."""
    item = db.get(models.$Name, item_id)
    if item is None:
        raise HTTPException(status_code=404, detail=f"$Name {item_id} not found")
    return item


def _check_parents(db: DbSession, data: dict) -> None:
    """Every referenced parent must exist: a clear 404 instead of a foreign-key error."""
    for field, model in PARENTS.items():
        value = data.get(field)
        if value is not None and db.get(model, value) is None:
            raise HTTPException(status_code=404, detail=f"{model.__name__} {value} not found ({field})")


def _commit(db: DbSession, item: models.$Name) -> models.$Name:
    """Commit, turning unique-constraint violations into 409."""
    try:
        db.commit()
    except IntegrityError as exc:
        db.rollback()
        raise HTTPException(status_code=409, detail="A $label with these unique values already exists") from exc
    db.refresh(item)
    return item
'''


class _Router:
    """Collects the pieces of one router module."""

    def __init__(self, spec: AppSpec, e: EntitySpec) -> None:
        self.spec, self.e = spec, e
        self.auth = plan.has_auth(spec)
        self.owner = "id" if plan.is_account(spec, e) else plan.owner_field(spec, e)
        self.std: set[str] = {"from typing import Annotated"}
        self.fastapi = {"APIRouter", "HTTPException", "Query", "Response", "status"}
        self.sa = {"select"}
        self.pydantic: set[str] = set()
        self.auth_names: set[str] = set()
        self.helpers: list[str] = []
        self.extra: list[str] = []
        self.consts: list[str] = []
        self.hooks: dict[str, list[str]] = {}

    def hook(self, where: str, *lines: str) -> None:
        """Add code lines to a point of the CRUD endpoints."""
        self.hooks.setdefault(where, []).extend(lines)

    def sub(self, text: str, **kw: str) -> str:
        """Fill a code template with this entity's names."""
        return Template(text).substitute(Name=self.e.name, label=self.e.var.replace("_", " "), table=self.e.table,
                                         var=self.e.var, **kw)

    def user(self) -> str:
        """The signed-in user parameter of a write endpoint."""
        if not self.auth:
            return ""
        self.auth_names.add("CurrentUser")
        return ", user: CurrentUser" if self.owner else ", _user: CurrentUser"

    def owner_check(self) -> str:
        """The 403 check before changing a row."""
        if not self.owner:
            return ""
        self.auth_names.add("check_owner")
        return f"    check_owner(item.{self.owner}, user)\n"


def render_router(spec: AppSpec, e: EntitySpec) -> str:
    """The router module of one entity."""
    r = _Router(spec, e)
    rules.collect(r)
    fields, rels = plan.writable(spec, e)
    parents = [f'"{x.field}": models.{x.target}' for x in rels]
    parents += [f'"{f.name}": models.Upload' for f in plan.file_fields(e)]
    r.consts.insert(0, "PARENTS: dict[str, type] = {" + ", ".join(parents) + "}")
    body = [_create(r), _list(r), _get_one(r), _replace(r), _update(r), _delete(r)] + r.extra
    imports = ["from __future__ import annotations", ""]
    std = sorted(x for x in r.std if x.startswith("import")) + sorted(x for x in r.std if x.startswith("from"))
    imports += std + ["", "from fastapi import " + ", ".join(sorted(r.fastapi, key=lambda n: (n[0].islower(), n)))]
    if r.pydantic:
        imports.append("from pydantic import " + ", ".join(sorted(r.pydantic)))
    imports += ["from sqlalchemy import " + ", ".join(sorted(r.sa)), "from sqlalchemy.exc import IntegrityError", "",
                "from app import models, schemas"]
    if r.auth_names:
        imports.append("from app.auth import " + ", ".join(sorted(r.auth_names, key=lambda n: (n[0].islower(), n))))
    imports.append("from app.database import DbSession")
    doc = f'"""Endpoints for {e.table}: create, list (pagination, search, filters), read, update, delete."""'
    head = [doc, "", *imports, "", f'router = APIRouter(prefix="/api/{e.table}", tags=["{e.table}"])', *r.consts,
            "", "", r.sub(_HEAD)]
    return "\n".join(head) + "".join("\n\n" + h.strip("\n") + "\n" for h in r.helpers) + "".join(
        "\n\n" + b.strip("\n") + "\n" for b in body)


def _create(r: _Router) -> str:
    """POST: validate, set owner and server-decided fields, insert."""
    e = r.e
    if plan.is_account(r.spec, e):
        return ""  # accounts are created by POST /api/auth/register
    extra_params = ", response: Response" if "replace_rating" in r.hooks else ""
    lines = [f'@router.post("", response_model=schemas.{e.name}Read, status_code=status.HTTP_201_CREATED)',
             f"def create_{e.var}(payload: schemas.{e.name}Create, db: DbSession{r.user()}{extra_params})"
             f" -> models.{e.name}:", f'    """Create a {e.var.replace("_", " ")}."""',
             "    data = payload.model_dump()"]
    if plan.many_to_many(e):
        lines.append("    links = {key: data.pop(key) for key in LINKS}")
    lines.append("    _check_parents(db, data)")
    if r.owner:
        lines.append(f'    data["{r.owner}"] = user.id')
    lines += r.hooks.get("create", [])
    lines += [f"    item = models.{e.name}(**data)"]
    if plan.many_to_many(e):
        lines.append("    _set_links(db, item, links)")
    lines += ["    db.add(item)", "    return _commit(db, item)"]
    return "\n".join(lines)


def _list(r: _Router) -> str:
    """GET list: pagination, search, parent and link filters, mine."""
    e = r.e
    params = ["    db: DbSession,"]
    if r.owner:
        r.auth_names.add("OptionalUser")
        params.append("    user: OptionalUser,")
    params += ["    limit: Annotated[int, Query(ge=1, le=200)] = 50,", "    offset: Annotated[int, Query(ge=0)] = 0,"]
    searchable = search_fields(e)
    if searchable:
        params.append("    q: Annotated[str | None, Query(max_length=100)] = None,")
        r.sa |= {"func", "or_"}
    rels = plan.belongs_to(e)
    params += [f"    {x.field}: int | None = None," for x in rels]
    params += [f"    {plan.link_filter(x)}: int | None = None," for x in plan.many_to_many(e)]
    if r.owner:
        params.append("    mine: bool = False,")
    order = r.hooks.get("order", [f"models.{e.name}.id"])
    lines = [f'@router.get("", response_model=list[schemas.{e.name}Read])', f"def list_{e.table}(", *params,
             f") -> list[models.{e.name}]:",
             f'    """List {e.table} with pagination and optional search and filters."""',
             f"    stmt = select(models.{e.name}).order_by({', '.join(order)})"]
    if searchable:
        cols = ", ".join(f"func.lower(models.{e.name}.{f.name}).contains(q.lower(), autoescape=True)"
                         for f in searchable)
        lines += ["    if q:", f"        stmt = stmt.where(or_({cols}))"]
    for x in rels:
        lines += [f"    if {x.field} is not None:",
                  f"        stmt = stmt.where(models.{e.name}.{x.field} == {x.field})"]
    for x in plan.many_to_many(e):
        t = r.spec.entity(x.target).name
        p = plan.link_filter(x)
        lines += [f"    if {p} is not None:",
                  f"        stmt = stmt.where(models.{e.name}.{plan.link_attr(x)}.any(models.{t}.id == {p}))"]
    if r.owner:
        lines += ["    if mine:", "        if user is None:",
                  '            raise HTTPException(status_code=401, detail="Sign in to see your own rows (mine=true)")',
                  f"        stmt = stmt.where(models.{e.name}.{r.owner} == user.id)"]
    lines.append("    return list(db.scalars(stmt.offset(offset).limit(limit)))")
    return "\n".join(lines)


def _get_one(r: _Router) -> str:
    """GET one."""
    e = r.e
    return (f'@router.get("/{{item_id}}", response_model=schemas.{e.name}Read)\n'
            f"def get_{e.var}(item_id: int, db: DbSession) -> models.{e.name}:\n"
            f'    """One {e.var.replace("_", " ")}."""\n    return _get(db, item_id)')


def _write(r: _Router, verb: str) -> str:
    """PUT (replace) or PATCH (partial update)."""
    e = r.e
    put = verb == "put"
    lines = [f'@router.{verb}("/{{item_id}}", response_model=schemas.{e.name}Read)',
             f"def {'replace' if put else 'update'}_{e.var}(item_id: int, payload: schemas.{e.name}"
             f"{'Create' if put else 'Update'}, db: DbSession{r.user()}) -> models.{e.name}:",
             f'    """{"Replace every field" if put else "Change some fields"} of a {e.var.replace("_", " ")}."""',
             "    item = _get(db, item_id)", r.owner_check().rstrip("\n"),
             "    data = payload.model_dump()" if put else "    data = payload.model_dump(exclude_unset=True)"]
    if plan.many_to_many(e):
        lines.append("    links = {key: data.pop(key) for key in LINKS if key in data}")
    lines.append("    _check_parents(db, data)")
    lines += r.hooks.get(verb, []) + r.hooks.get("write", [])
    lines += ["    for key, value in data.items():", "        setattr(item, key, value)"]
    if plan.many_to_many(e):
        lines.append("    _set_links(db, item, links)")
    lines.append("    return _commit(db, item)")
    return "\n".join(x for x in lines if x)


def _replace(r: _Router) -> str:
    """PUT."""
    return _write(r, "put")


def _update(r: _Router) -> str:
    """PATCH."""
    return _write(r, "patch")


def _delete(r: _Router) -> str:
    """DELETE."""
    e = r.e
    lines = ['@router.delete("/{item_id}", status_code=status.HTTP_204_NO_CONTENT)',
             f"def delete_{e.var}(item_id: int, db: DbSession{r.user()}) -> Response:",
             f'    """Delete a {e.var.replace("_", " ")}."""', "    item = _get(db, item_id)",
             r.owner_check().rstrip("\n"), *r.hooks.get("delete_before", []), "    db.delete(item)",
             *r.hooks.get("delete_after", []), "    db.commit()",
             "    return Response(status_code=status.HTTP_204_NO_CONTENT)"]
    return "\n".join(x for x in lines if x)
