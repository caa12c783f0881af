"""AppSpec -> README.md, ARCHITECTURE.md (Mermaid ER diagram) and architecture.json."""

from __future__ import annotations

from core.engine.render_common import search_fields
from core.spec import AppSpec

_MERMAID = {"string": "string", "text": "text", "int": "int", "decimal": "decimal", "bool": "boolean",
            "date": "date", "datetime": "datetime", "email": "string", "url": "string", "enum": "string"}


def er_diagram(spec: AppSpec) -> str:
    """A Mermaid erDiagram of the entities and their relations."""
    lines = ["erDiagram"]
    for e in spec.entities:
        for r in e.relations:
            card = "||--o{" if r.required else "|o--o{"
            lines.append(f'    {r.target} {card} {e.name} : "{r.field}"')
    for e in spec.entities:
        lines.append(f"    {e.name} {{")
        lines.append("        int id PK")
        for f in e.fields:
            note = ' "required"' if f.required and f.type != "bool" else ""
            lines.append(f"        {_MERMAID[f.type]} {f.name}{note}")
        for r in e.relations:
            lines.append(f"        int {r.field} FK")
        lines.append("    }")
    return "\n".join(lines)


def architecture_md(spec: AppSpec) -> str:
    """ARCHITECTURE.md: layers, entities and the ER diagram."""
    rows = []
    for e in spec.entities:
        fields = ", ".join(f"`{f.name}` ({f.type}{'' if f.required or f.type == 'bool' else ', optional'})"
                           for f in e.fields)
        rels = ", ".join(f"belongs to {r.target} via `{r.field}`" for r in e.relations) or "-"
        rows.append(f"| {e.name} | `/api/{e.table}` | {fields} | {rels} |")
    features = ", ".join(spec.features) or "none"
    return f"""# Architecture of {spec.title}

A FastAPI service with SQLAlchemy 2 models (SQLite by default, any database through `DATABASE_URL`),
pydantic v2 schemas that validate every request, one router per entity, and a static frontend served
by the same process at `/`. `preview.html` is a self-contained copy of the interface with an in-memory
store.

```
app/main.py         app, routers, static files, security headers
app/database.py     engine, sessions (DbSession dependency), Base
app/models.py       one table per entity
app/schemas.py      Create / Update / Read schemas with validation
app/routers/*.py    CRUD per entity (pagination, search, parent checks)
app/static/         index.html, app.css, app.js
tests/              pytest suite, a fresh SQLite database per test
```

Features: {features}.

## Entities

| Entity | Endpoint | Fields | Relations |
|---|---|---|---|
{chr(10).join(rows)}

## Entity-relationship diagram

```mermaid
{er_diagram(spec)}
```
"""


def readme(spec: AppSpec) -> str:
    """README.md: what it is, how to run and test it, the endpoints."""
    endpoints = []
    for e in spec.entities:
        search = " (`q` searches " + ", ".join(f.name for f in search_fields(e)) + ")" if search_fields(e) else ""
        filters = "".join(f", `{r.field}`" for r in e.relations)
        endpoints += [f"- `POST /api/{e.table}` create a {e.var.replace('_', ' ')} (201)",
                      f"- `GET /api/{e.table}?limit=&offset={filters}` list{search}",
                      f"- `GET|PUT|PATCH|DELETE /api/{e.table}/{{id}}` read, replace, update, delete (404 if missing)"]
    feats = set(spec.features)
    if "auth" in feats:
        endpoints += ["- `POST /api/auth/register`, `POST /api/auth/login` (returns a bearer token), "
                      "`GET /api/auth/me`, `POST /api/auth/logout`; every write needs `Authorization: Bearer <token>`"]
    if "dashboard" in feats:
        endpoints.append("- `GET /api/stats` row counts per entity")
    if "search" in feats:
        endpoints.append("- `GET /api/search?q=` search every entity at once")
    if "contact" in feats:
        endpoints.append("- `POST /api/contact` contact form (name, email, message)")
    if "payments" in feats:
        endpoints.append("- `POST /api/checkout` Stripe Checkout; answers 503 until `STRIPE_SECRET_KEY` is set")
    endpoints.append("- `GET /api/health`, interactive docs at `/docs`")
    names = ", ".join(e.name for e in spec.entities)
    return f"""# {spec.title}

{spec.description or spec.title}

A web app to manage {names}: a FastAPI + SQLAlchemy backend with validation, a responsive web interface
served at `/`, and a pytest suite that exercises every endpoint and validation rule.

## Run it

```bash
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt
uvicorn app.main:app --reload
```

Open http://127.0.0.1:8000. Data lives in `app.db` (SQLite) unless `DATABASE_URL` says otherwise;
see `.env.example` for every setting.

With Docker: `docker compose up --build` (the database is kept in the `app-data` volume).

Without installing anything, open `preview.html` in a browser: the same interface with sample data kept
in memory.

## Test it

```bash
pytest -q
ruff check .
```

## API

{chr(10).join(endpoints)}

See `ARCHITECTURE.md` for the data model and its diagram.
"""


def render_docs(spec: AppSpec) -> dict[str, str]:
    """README.md, ARCHITECTURE.md and architecture.json."""
    return {
        "README.md": readme(spec),
        "ARCHITECTURE.md": architecture_md(spec),
        "architecture.json": spec.model_dump_json(indent=2) + "\n",
    }
