"""Optional features of generated apps: auth, dashboard stats, global search, contact form, checkout."""

from __future__ import annotations

from string import Template

from core.engine.render import plan
from core.engine.render.common import display_field, search_fields
from core.engine.render.templates import load
from core.spec import AppSpec


def render_auth(spec: AppSpec) -> str:
    """app/auth.py (the same for every app but the name of its account entity)."""
    return plan.with_account(load("auth.py.tmpl"), plan.prepare(spec))


_STATS = '''

def _by(db: DbSession, label: sa.ColumnElement, value: sa.ColumnElement, *joins: tuple) -> list[dict[str, object]]:
    """Totals of `value` grouped by `label`, in label order."""
    stmt = sa.select(label, value)
    for target, on in joins:
        stmt = stmt.join(target, on)
    rows = db.execute(stmt.group_by(label).order_by(label))
    return [{"label": str(key), "value": round(float(total or 0), 2)} for key, total in rows if key is not None]


def _by_month(db: DbSession, when: sa.ColumnElement, value: sa.ColumnElement) -> list[dict[str, object]]:
    """Totals of `value` per calendar month of `when` (labels like 2025-01)."""
    year, month = sa.extract("year", when), sa.extract("month", when)
    rows = db.execute(sa.select(year, month, value).group_by(year, month).order_by(year, month))
    return [{"label": f"{int(y):04d}-{int(m):02d}", "value": round(float(total or 0), 2)}
            for y, m, total in rows if y is not None]


@router.get("/stats")
def stats(db: DbSession) -> dict[str, object]:
    """Rows per entity, plus counts and sums by category and by month (the dashboard's charts)."""
    out: dict[str, object] = {
        name: db.scalar(sa.select(sa.func.count()).select_from(model)) or 0 for name, model in MODELS.items()
    }
    out["counts"] = [
$counts    ]
    out["sums"] = [
$sums    ]
    return out
'''


def _charts(spec: AppSpec) -> tuple[str, str]:
    """The counts and sums lists of /api/stats: each {table, field, by, points}."""
    counts, sums = [], []
    for e in spec.entities:
        group = None
        rels = [r for r in e.relations if r.kind == "belongs_to"]
        enums = [f for f in e.fields if f.type == "enum"]
        if rels:
            parent = spec.entity(rels[0].target)
            shown = display_field(parent)
            group = (rels[0].field, f"models.{parent.name}.{shown}",
                     f", (models.{parent.name}, models.{e.name}.{rels[0].field} == models.{parent.name}.id)")
        elif enums:
            group = (enums[0].name, f"models.{e.name}.{enums[0].name}", "")
        when = next((f.name for f in e.fields if f.type in {"date", "datetime"}), "created_at")
        count = f"sa.func.count(models.{e.name}.id)"
        if group:
            counts.append(f'        {{"table": "{e.table}", "field": "id", "by": "{group[0]}", "points": '
                          f"_by(db, {group[1]}, {count}{group[2]})}},\n")
        for f in [f for f in e.fields if f.type == "decimal"][:2]:
            total = f"sa.func.sum(models.{e.name}.{f.name})"
            if group:
                sums.append(f'        {{"table": "{e.table}", "field": "{f.name}", "by": "{group[0]}", "points": '
                            f"_by(db, {group[1]}, {total}{group[2]})}},\n")
            sums.append(f'        {{"table": "{e.table}", "field": "{f.name}", "by": "month", "points": '
                        f"_by_month(db, models.{e.name}.{when}, {total})}},\n")
    return "".join(counts[:8]), "".join(sums[:8])
_SEARCH = '''

class SearchHit(BaseModel):
    """One search result."""

    entity: str
    id: int
    label: str


@router.get("/search", response_model=list[SearchHit])
def search(db: DbSession, q: Annotated[str, Query(min_length=1, max_length=100)]) -> list[SearchHit]:
    """Search every entity's text fields at once (at most 20 hits each)."""
    hits: list[SearchHit] = []
    needle = q.lower()
    for name, (model, label_field, fields) in SEARCHABLE.items():
        clauses = [sa.func.lower(getattr(model, f)).contains(needle, autoescape=True) for f in fields]
        for row in db.scalars(sa.select(model).where(sa.or_(*clauses)).order_by(model.id).limit(20)):
            hits.append(SearchHit(entity=name, id=row.id, label=str(getattr(row, label_field))))
    return hits
'''
_CONTACT = '''

class ContactMessage(Base):
    """A message sent through the contact form."""

    __tablename__ = "contact_messages"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(200))
    email: Mapped[str] = mapped_column(sa.String(320))
    message: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[dt.datetime] = mapped_column(sa.DateTime, default=models.utcnow)


class ContactIn(BaseModel):
    """A contact form submission."""

    model_config = ConfigDict(str_strip_whitespace=True)

    name: str = Field(min_length=1, max_length=200)
    email: EmailStr
    message: str = Field(min_length=10, max_length=5000)


@router.post("/contact", status_code=status.HTTP_201_CREATED)
def contact(payload: ContactIn, db: DbSession) -> dict[str, object]:
    """Store a contact form message."""
    row = ContactMessage(**payload.model_dump())
    db.add(row)
    db.commit()
    return {"id": row.id, "status": "received"}
'''
_CHECKOUT = '''

class CheckoutIn(BaseModel):
    """What to charge."""

    amount: float = Field(gt=0, le=1_000_000)
    currency: str = Field(default="usd", pattern="^[a-z]{3}$")
    description: str = Field(default="Order", min_length=1, max_length=200)


@router.post("/checkout")
def checkout(payload: CheckoutIn) -> dict[str, str]:
    """Start a Stripe Checkout session; 503 until STRIPE_SECRET_KEY is configured."""
    key = os.environ.get("STRIPE_SECRET_KEY", "")
    if not key:
        raise HTTPException(
            status_code=503, detail="Payments are not configured: set STRIPE_SECRET_KEY to enable checkout"
        )
    base = os.environ.get("STRIPE_API_BASE", "https://api.stripe.com")
    public_url = os.environ.get("PUBLIC_URL", "http://localhost:8000")
    form = {
        "mode": "payment",
        "success_url": f"{public_url}/?paid=1",
        "cancel_url": f"{public_url}/?cancelled=1",
        "line_items[0][quantity]": "1",
        "line_items[0][price_data][currency]": payload.currency,
        "line_items[0][price_data][unit_amount]": str(round(payload.amount * 100)),
        "line_items[0][price_data][product_data][name]": payload.description,
    }
    try:
        response = httpx.post(f"{base}/v1/checkout/sessions", data=form, auth=(key, ""), timeout=15)
    except httpx.HTTPError as exc:
        raise HTTPException(status_code=502, detail="The payment provider could not be reached") from exc
    if response.status_code >= 400:
        raise HTTPException(status_code=502, detail="The payment provider refused the checkout")
    data = response.json()
    return {"id": str(data.get("id", "")), "url": str(data.get("url", ""))}
'''


def render_features(spec: AppSpec) -> str | None:
    """app/features.py for the dashboard, search, contact and payments features, or None."""
    spec = plan.prepare(spec)
    feats = set(spec.features)
    if not feats & {"dashboard", "search", "contact", "payments"}:
        return None
    body = ""
    imports = {"sa": False}
    if "dashboard" in feats:
        counts, sums = _charts(spec)
        body += Template(_STATS).substitute(counts=counts, sums=sums)
    if "search" in feats:
        body += _SEARCH
    if "contact" in feats:
        body += _CONTACT
    if "payments" in feats:
        body += _CHECKOUT
    imports["sa"] = any(f in feats for f in ("dashboard", "search", "contact"))
    lines = ['"""Cross-entity endpoints: ' + ", ".join(sorted(feats - {"auth"})) + '."""', "",
             "from __future__ import annotations", ""]
    std = []
    if "contact" in feats:
        std.append("import datetime as dt")
    if "payments" in feats:
        std.append("import os")
    if "search" in feats:
        std.append("from typing import Annotated")
    lines += std + ([""] if std else [])
    third = []
    if "payments" in feats:
        third.append("import httpx")
    if imports["sa"]:
        third.append("import sqlalchemy as sa")
    fastapi_names = ["APIRouter"]
    if "payments" in feats:
        fastapi_names.append("HTTPException")
    if "search" in feats:
        fastapi_names.append("Query")
    if "contact" in feats:
        fastapi_names.append("status")
    third.append("from fastapi import " + ", ".join(fastapi_names))
    pyd = [n for n, used in (("BaseModel", feats & {"search", "contact", "payments"}),
                             ("ConfigDict", "contact" in feats), ("EmailStr", "contact" in feats),
                             ("Field", feats & {"contact", "payments"})) if used]
    if pyd:
        third.append("from pydantic import " + ", ".join(pyd))
    if "contact" in feats:
        third.append("from sqlalchemy.orm import Mapped, mapped_column")
    lines += third + [""]
    app_imports = []
    if feats & {"dashboard", "search", "contact"}:
        app_imports.append("from app import models")
    db_names = [n for n, used in (("Base", "contact" in feats), ("DbSession", feats & {"dashboard", "search",
                                                                                          "contact"})) if used]
    if db_names:
        app_imports.append("from app.database import " + ", ".join(db_names))
    lines += app_imports + ["", 'router = APIRouter(prefix="/api", tags=["features"])']
    if "dashboard" in feats:
        lines.append("MODELS = {" + ", ".join(f'"{e.table}": models.{e.name}' for e in spec.entities) + "}")
    if "search" in feats:
        items = []
        for e in spec.entities:
            fields = [f.name for f in search_fields(e)]
            if fields:
                items.append(f'    "{e.table}": (models.{e.name}, "{display_field(e)}", {fields!r}),')
        lines += ["SEARCHABLE: dict[str, tuple[type, str, list[str]]] = {", *items, "}"]
    return "\n".join(lines) + "\n" + body
