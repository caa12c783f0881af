"""AppSpec -> FastAPI + SQLAlchemy 2 backend: database, models, schemas, one router per entity."""

from __future__ import annotations

import re

from core.engine.render import plan
from core.engine.render.templates import fill, load
from core.spec import AppSpec, EntitySpec, FieldSpec

_SA = {"string": "sa.String({n})", "text": "sa.Text", "int": "sa.Integer",
       "decimal": "sa.Numeric(12, 2, asdecimal=False)", "bool": "sa.Boolean", "date": "sa.Date",
       "datetime": "sa.DateTime", "email": "sa.String(320)", "url": "sa.String(2048)", "enum": "sa.String(50)"}
_PY = {"string": "str", "text": "str", "int": "int", "decimal": "float", "bool": "bool", "date": "dt.date",
       "datetime": "dt.datetime", "email": "str", "url": "str", "enum": "str", "file": "int"}
_UPLOAD_MODEL = '''

class Upload(Base):
    """A stored file; its bytes live under UPLOAD_DIR with a generated name."""

    __tablename__ = "uploads"

    id: Mapped[int] = mapped_column(primary_key=True)
    filename: Mapped[str] = mapped_column(sa.String(255))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int] = mapped_column(sa.Integer)
    stored_name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime, default=utcnow)
'''


def _fk(name: str, target: str, required: bool, ondelete: str) -> str:
    """A foreign-key column line."""
    opt = "" if required else " | None"
    return (f"    {name}: Mapped[int{opt}] = mapped_column(\n"
            f'        sa.ForeignKey("{target}.id", ondelete="{ondelete}"), index=True\n    )')


def _join_tables(spec: AppSpec) -> list[str]:
    """sa.Table definitions for many-to-many relations."""
    out = []
    for e in spec.entities:
        for r in plan.many_to_many(e):
            left, right = plan.join_columns(spec, e, r)
            name = plan.join_table(spec, e, r)
            out += ["", f"{name} = sa.Table(", f'    "{name}",', "    Base.metadata,",
                    f'    sa.Column("{left}", sa.ForeignKey("{e.table}.id", ondelete="CASCADE"), primary_key=True),',
                    f'    sa.Column("{right}", sa.ForeignKey("{spec.entity(r.target).table}.id", ondelete="CASCADE"),'
                    " primary_key=True),", ")"]
    return out


def _entity_model(spec: AppSpec, e: EntitySpec) -> list[str]:
    """The lines of one model class."""
    out = ["", f"class {e.name}(Base):", f'    """A row of {e.table}."""', "", f'    __tablename__ = "{e.table}"']
    pair = [fs for fs in (*spec.uses("ratings"), *spec.uses("favourites")) if fs.entity == e.name]
    if pair:
        owner = plan.owner_field(spec, e)
        target = next(r.field for r in plan.belongs_to(e) if r.target == pair[0].target)
        out.append(f'    __table_args__ = (sa.UniqueConstraint("{owner}", "{target}"),)')
    out += ["", "    id: Mapped[int] = mapped_column(primary_key=True)"]
    for f in e.fields:
        if f.type == "file":
            out.append(_fk(f.name, "uploads", f.required, "RESTRICT" if f.required else "SET NULL"))
            continue
        col = _SA[f.type].format(n=f.max_length or 200)
        opt = "" if f.required or f.type == "bool" else " | None"
        extra = ", unique=True" if f.unique else ""
        default = ", default=False" if f.type == "bool" else ""
        out.append(f"    {f.name}: Mapped[{_PY[f.type]}{opt}] = mapped_column({col}{extra}{default})")
    for r in plan.belongs_to(e):
        out.append(_fk(r.field, spec.entity(r.target).table, r.required, "CASCADE" if r.required else "SET NULL"))
    if plan.owner_field(spec, e) == "owner_id":
        out.append(_fk("owner_id", plan.account_table(spec), False, "SET NULL"))
    if plan.is_account(spec, e):
        out += ["    password_hash: Mapped[str] = mapped_column(sa.String(300))",
                '    role: Mapped[str] = mapped_column(sa.String(20), default="user")']
    out.append("    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime, default=utcnow)")
    for r in plan.many_to_many(e):
        target = spec.entity(r.target)
        table = plan.join_table(spec, e, r)
        left, right = plan.join_columns(spec, e, r)
        out += [f"    {plan.link_attr(r)}: Mapped[list[{target.name}]] = relationship(",
                f"        secondary={table},", '        lazy="selectin",']
        if target is e:
            out += [f"        primaryjoin=lambda: {e.name}.id == {table}.c.{left},",
                    f"        secondaryjoin=lambda: {e.name}.id == {table}.c.{right},"]
        out.append("    )")
    for r in plan.many_to_many(e):
        out += ["", "    @property", f"    def {r.field}(self) -> list[int]:",
                f'        """Ids of the linked {spec.entity(r.target).table}."""',
                f"        return sorted(row.id for row in self.{plan.link_attr(r)})"]
    out.append("")
    return out


def _computed(spec: AppSpec) -> list[str]:
    """Column properties added once every class exists: rating averages and counts, order totals."""
    out = []
    for fs in spec.uses("ratings"):
        r, t = spec.entity(fs.entity), spec.entity(fs.target)
        link = next(x.field for x in plan.belongs_to(r) if x.target == t.name)
        where = f".where({r.name}.{link} == {t.name}.id)"
        out += ["", f"{t.name}.rating_average = column_property(",
                f"    sa.select(sa.func.avg({r.name}.{fs.field})){where}.correlate_except({r.name}).scalar_subquery()",
                ")", f"{t.name}.rating_count = column_property(",
                f"    sa.select(sa.func.count({r.name}.id)){where}.correlate_except({r.name}).scalar_subquery()", ")"]
    for e in spec.entities:
        total = plan.order_total(spec, e)
        if total:
            line, rel, qty, price = total
            out += ["", f"{e.name}.total = column_property(", "    sa.select(sa.func.coalesce(sa.func.sum("
                    f"{line.name}.{qty} * {line.name}.{price}), 0))",
                    f"    .where({line.name}.{rel.field} == {e.name}.id)",
                    f"    .correlate_except({line.name})", "    .scalar_subquery()", ")"]
    return out


def render_models(spec: AppSpec) -> str:
    """app/models.py: one SQLAlchemy class per entity, join tables, uploads and computed columns."""
    spec = plan.prepare(spec)
    orm = ["Mapped", "mapped_column"]
    computed = _computed(spec)
    if computed:
        orm.insert(0, "column_property")
    if any(plan.many_to_many(e) for e in spec.entities):
        orm.append("relationship")
    out = ['"""SQLAlchemy models: one table per entity."""', "", "from __future__ import annotations", "",
           "import datetime as dt", "", "import sqlalchemy as sa", f"from sqlalchemy.orm import {', '.join(orm)}",
           "", "from app.database import Base", "", "",
           "def utcnow() -> dt.datetime:", '    """Naive UTC now (SQLite stores no time zone)."""',
           "    return dt.datetime.now(dt.UTC).replace(tzinfo=None)", ""]
    out += _join_tables(spec)
    if "uploads" in spec.features:
        out += _UPLOAD_MODEL.rstrip("\n").split("\n") + [""]
    for e in spec.entities:
        out += _entity_model(spec, e)
    out += computed
    text = "\n".join(out).rstrip() + "\n"
    if any(e.name in _ORM_NAMES for e in spec.entities):  # an entity called Base (a crew base) must not hide it
        text = text.replace("from app.database import Base\n", "from app.database import Base as ModelBase\n")
        text = re.sub(r"^(class \w+)\(Base\):", r"\1(ModelBase):", text, flags=re.M)
        text = text.replace("    Base.metadata,", "    ModelBase.metadata,")
    return text


_ORM_NAMES = {"Base"}


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


def render_backend(spec: AppSpec) -> dict[str, str]:
    """The backend role's files (the app package and its tests)."""
    from core.engine.render.behaviours import render_behaviours
    from core.engine.render.features import render_auth, render_features
    from core.engine.render.routers import render_router
    from core.engine.render.schemas import render_schemas
    from core.engine.render.suite import render_tests

    spec = plan.prepare(spec)
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
    files.update(render_behaviours(spec))
    files.update(render_tests(spec))
    return files


def extra_modules(spec: AppSpec) -> list[str]:
    """App modules besides the entity routers that main.py includes (each exposes `router`)."""
    extra = []
    if "auth" in spec.features:
        extra.append("auth")
    if set(spec.features) & {"dashboard", "search", "contact", "payments"}:
        extra.append("features")
    if "uploads" in spec.features:
        extra.append("uploads")
    if spec.uses("favourites"):
        extra.append("me")
    return extra


def render_main(spec: AppSpec) -> str:
    """app/main.py: the app, routers, static frontend and security headers."""
    spec = plan.prepare(spec)
    modules = [e.table for e in spec.entities]
    extra = extra_modules(spec)
    imports = "".join(f"from app import {m}\n" for m in extra)
    routers = ", ".join([f"{m}.router" for m in modules] + [f"{m}.router" for m in extra])
    if len(modules) + len(extra) == 1:
        routers += ","
    if len(routers) > 80:
        routers = "\n" + "".join(f"    {r.strip()},\n" for r in routers.split(","))
    return fill("main.py.tmpl",
        title=spec.title.replace('"', "'"), imports=imports,
        router_imports="from app.routers import " + ", ".join(modules) if len(", ".join(modules)) < 70 else
        "from app.routers import (\n" + "".join(f"    {m},\n" for m in modules) + ")",
        routers=routers)
