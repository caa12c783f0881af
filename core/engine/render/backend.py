"""AppSpec -> FastAPI + SQLAlchemy 2 backend: database, models, schemas, one router per entity."""

from __future__ import annotations

from core.engine.render.common import search_fields
from core.engine.render.templates import fill, load
from core.spec import AppSpec, EntitySpec, FieldSpec

_SA = {"string": "sa.String({n})", "text": "sa.Text", "int": "sa.Integer",
       "decimal": "sa.Numeric(12, 2, asdecimal=False)", "bool": "sa.Boolean", "date": "sa.Date",
       "datetime": "sa.DateTime", "email": "sa.String(320)", "url": "sa.String(2048)", "enum": "sa.String(50)"}
_PY = {"string": "str", "text": "str", "int": "int", "decimal": "float", "bool": "bool", "date": "dt.date",
       "datetime": "dt.datetime", "email": "str", "url": "str", "enum": "str"}


def render_models(spec: AppSpec) -> str:
    """app/models.py: one SQLAlchemy class per entity."""
    out = ['"""SQLAlchemy models: one table per entity."""', "", "from __future__ import annotations", "",
           "import datetime as dt", "", "import sqlalchemy as sa", "from sqlalchemy.orm import Mapped, mapped_column",
           "", "from app.database import Base", "", "",
           "def utcnow() -> dt.datetime:", '    """Naive UTC now (SQLite stores no time zone)."""',
           "    return dt.datetime.now(dt.UTC).replace(tzinfo=None)", ""]
    for e in spec.entities:
        out += ["", f"class {e.name}(Base):", f'    """A row of {e.table}."""', "",
                f'    __tablename__ = "{e.table}"', "",
                "    id: Mapped[int] = mapped_column(primary_key=True)"]
        for f in e.fields:
            col = _SA[f.type].format(n=f.max_length or 200)
            opt = "" if f.required or f.type == "bool" else " | None"
            extra = ", unique=True" if f.unique else ""
            default = ", default=False" if f.type == "bool" else ""
            out.append(f"    {f.name}: Mapped[{_PY[f.type]}{opt}] = mapped_column({col}{extra}{default})")
        for r in e.relations:
            target = spec.entity(r.target).table
            ondelete = "CASCADE" if r.required else "SET NULL"
            opt = "" if r.required else " | None"
            out.append(f"    {r.field}: Mapped[int{opt}] = mapped_column(\n"
                       f'        sa.ForeignKey("{target}.id", ondelete="{ondelete}"), index=True\n    )')
        out.append("    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime, default=utcnow)")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _annotation(f: FieldSpec, partial: bool) -> str:
    """Pydantic annotation and default for a field (partial = every field optional)."""
    args: list[str] = []
    t = f.type
    if t in {"string", "text"}:
        if f.required:
            args.append("min_length=1")
        args.append(f"max_length={f.max_length or (200 if t == 'string' else 5000)}")
    elif t == "url":
        args += [r'pattern=r"^https?://[^\s/$.?#][^\s]*$"', "max_length=2048"]
    elif t in {"int", "decimal"}:
        cast = int if t == "int" else float
        if f.min is not None:
            args.append(f"ge={cast(f.min)!r}")
        if f.max is not None:
            args.append(f"le={cast(f.max)!r}")
    base = {"email": "EmailStr", "enum": "Literal[" + ", ".join(repr(c) for c in f.choices) + "]"}.get(
        t, _PY[t])
    optional = partial or not f.required
    if t == "bool" and not partial:
        return f"{base} = False"
    ann = f"{base} | None" if optional else base
    if optional:
        args.insert(0, "default=None")
    return f"{ann} = Field({', '.join(args)})" if args and (len(args) > 1 or not optional) else (
        f"{ann} = None" if optional else ann)


def render_schemas(spec: AppSpec) -> str:
    """app/schemas.py: Create, Update and Read schemas per entity with validation."""
    out = ['"""Request and response schemas; validation lives here."""', "", "from __future__ import annotations",
           "", "import datetime as dt", "from typing import Literal", "",
           "from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator", "", "",
           "class Strict(BaseModel):", '    """Strips whitespace so blank strings fail min_length."""', "",
           "    model_config = ConfigDict(str_strip_whitespace=True)", ""]
    for e in spec.entities:
        out += ["", f"class {e.name}Create(Strict):", f'    """Fields to create or replace a {e.var}."""', ""]
        for f in e.fields:
            out.append(f"    {f.name}: {_annotation(f, partial=False)}")
        for r in e.relations:
            out.append(f"    {r.field}: int" if r.required else f"    {r.field}: int | None = None")
        if not e.fields and not e.relations:
            out.append("    pass")
        required = [f.name for f in e.fields if f.required and f.type != "bool"] + [
            r.field for r in e.relations if r.required]
        out += ["", "", f"class {e.name}Update(Strict):", f'    """A partial update of a {e.var}."""', ""]
        for f in e.fields:
            out.append(f"    {f.name}: {_annotation(f, partial=True)}")
        for r in e.relations:
            out.append(f"    {r.field}: int | None = None")
        if required:
            names = ", ".join(repr(n) for n in required) + ("," if len(required) == 1 else "")
            out += ["", '    @model_validator(mode="after")', f"    def _no_null_required(self) -> {e.name}Update:",
                    '        """Required fields may be left out but not set to null."""',
                    f"        for name in ({names}):",
                    "            if name in self.model_fields_set and getattr(self, name) is None:",
                    '                raise ValueError(f"{name} cannot be null")', "        return self"]
        elif not e.fields and not e.relations:
            out.append("    pass")
        out += ["", "", f"class {e.name}Read({e.name}Create):", f'    """A stored {e.var}."""', "",
                "    model_config = ConfigDict(from_attributes=True)", "", "    id: int",
                "    created_at: dt.datetime", ""]
    body = "\n".join(out[10:]).rstrip() + "\n"
    used = body.replace("FieldCreate", "")
    pyd = ["BaseModel", "ConfigDict"] + [n for n in ("EmailStr", "Field") if n in used]
    pyd += ["model_validator"] if "@model_validator" in body else []
    head = '"""Request and response schemas; validation lives here."""\n\nfrom __future__ import annotations\n\n'
    head += "import datetime as dt\n" + ("from typing import Literal\n" if "Literal[" in body else "")
    head += f"\nfrom pydantic import {', '.join(pyd)}\n\n\n"
    return head + body


def render_router(spec: AppSpec, e: EntitySpec) -> str:
    """app/routers/<plural>.py: CRUD with pagination, search and parent checks."""
    auth = "auth" in spec.features
    searchable = search_fields(e)
    parents = ", ".join(f'"{r.field}": models.{r.target}' for r in e.relations)
    filters = "".join(f",\n    {r.field}: int | None = None" for r in e.relations)
    where = "".join(f"    if {r.field} is not None:\n"
                    f"        stmt = stmt.where(models.{e.name}.{r.field} == {r.field})\n" for r in e.relations)
    search = ""
    if searchable:
        cols = ", ".join(f"func.lower(models.{e.name}.{f.name}).contains(q.lower(), autoescape=True)"
                         for f in searchable)
        search = f"    if q:\n        stmt = stmt.where(or_({cols}))\n"
    return fill("router.py.tmpl",
        Name=e.name, table=e.table, var=e.var, label=e.var.replace("_", " "),
        parents=parents, filters=filters, where=where, search=search,
        q_param=",\n    q: Annotated[str | None, Query(max_length=100)] = None" if searchable else "",
        sa_import="from sqlalchemy import func, or_, select" if searchable else "from sqlalchemy import select",
        auth_import="from app.auth import CurrentUser\n" if auth else "",
        user=", _user: CurrentUser" if auth else "",
    )


def render_main(spec: AppSpec) -> str:
    """app/main.py: the app, routers, static frontend and security headers."""
    modules = [e.table for e in spec.entities]
    extra = []
    if "auth" in spec.features:
        extra.append("auth")
    if set(spec.features) & {"dashboard", "search", "contact", "payments"}:
        extra.append("features")
    imports = "".join(f"from app import {m}\n" for m in extra)
    routers = ", ".join([f"{m}.router" for m in modules] + [f"{m}.router" for m in extra])
    return fill("main.py.tmpl",
        title=spec.title.replace('"', "'"), imports=imports,
        router_imports="from app.routers import " + ", ".join(modules) if len(", ".join(modules)) < 70 else
        "from app.routers import (\n" + "".join(f"    {m},\n" for m in modules) + ")",
        routers=routers)


def render_backend(spec: AppSpec) -> dict[str, str]:
    """The backend role's files (the app package and its tests)."""
    from core.engine.render.features import render_auth, render_features
    from core.engine.render.suite import render_tests

    files = {
        "app/__init__.py": '"""The generated application package."""\n',
        "app/database.py": load("database.py.tmpl"),
        "app/main.py": render_main(spec),
        "app/models.py": render_models(spec),
        "app/schemas.py": render_schemas(spec),
        "app/routers/__init__.py": '"""One router per entity."""\n',
    }
    for e in spec.entities:
        files[f"app/routers/{e.table}.py"] = render_router(spec, e)
    if "auth" in spec.features:
        files["app/auth.py"] = render_auth(spec)
    feats = render_features(spec)
    if feats:
        files["app/features.py"] = feats
    files.update(render_tests(spec))
    return files
