"""AppSpec -> README.md, ARCHITECTURE.md (Mermaid ER diagram) and architecture.json, in the app's language."""

from __future__ import annotations

from core.engine.render import plan
from core.engine.render.common import entity_label, label, search_fields
from core.engine.render.docs_features import FEATURES_ES, feature_endpoints, feature_rules_md
from core.spec import AppSpec, EntitySpec

_MERMAID = {"string": "string", "text": "text", "int": "int", "decimal": "decimal", "bool": "boolean",
            "date": "date", "datetime": "datetime", "email": "string", "url": "string", "enum": "string", "file": "int"}
_TYPES_ES = {"string": "texto", "text": "texto largo", "int": "entero", "decimal": "decimal", "bool": "sí/no",
             "date": "fecha", "datetime": "fecha y hora", "email": "correo", "url": "URL", "enum": "opciones",
             "file": "archivo"}

def er_diagram(spec: AppSpec) -> str:
    """A Mermaid erDiagram of the entities and their relations."""
    required = "obligatorio" if spec.language == "es" else "required"
    lines = ["erDiagram"]
    for e in spec.entities:
        for r in e.relations:
            card = "}o--o{" if r.kind == "many_to_many" else "||--o{" if r.required else "|o--o{"
            lines.append(f'    {r.target} {card} {e.name} : "{r.field}"')
    for e in spec.entities:
        lines.append(f"    {e.name} {{")
        lines.append("        int id PK")
        for f in e.fields:
            note = f' "{required}"' if f.required and f.type != "bool" else ""
            lines.append(f"        {_MERMAID[f.type]} {f.name}{note}")
        for r in e.relations:
            if r.kind == "belongs_to":
                lines.append(f"        int {r.field} FK")
        lines.append("    }")
    return "\n".join(lines)


def _lower(text: str) -> str:
    """First letter lower-cased (labels inside a sentence)."""
    return text[:1].lower() + text[1:]


def join_es(items: list[str]) -> str:
    """'a, b y c' (or 'e' before an /i/ sound: 'nombre e importe')."""
    if len(items) < 2:
        return "".join(items)
    last = items[-1]
    low = last.lower()
    conj = "e" if low.startswith(("i", "í", "hi", "hí")) and not low.startswith(("hia", "hie", "hio")) else "y"
    return f"{', '.join(items[:-1])} {conj} {last}"


def _list_query(e: EntitySpec) -> str:
    """The list endpoint with its paging and parent-filter parameters."""
    filters = "".join(f"&{r.field if r.kind == 'belongs_to' else r.field.removesuffix('s')}=" for r in e.relations)
    return f"GET /api/{e.table}?limit=&offset={filters}"


def _entity_table_en(spec: AppSpec) -> list[str]:
    """English rows of the entity table."""
    rows = []
    for e in spec.entities:
        fields = ", ".join(f"`{f.name}` ({f.type}{'' if f.required or f.type == 'bool' else ', optional'})"
                           for f in e.fields)
        rels = ", ".join(f"belongs to {r.target} via `{r.field}`" if r.kind == "belongs_to" else
                         f"linked to many {r.target} via `{r.field}`" for r in e.relations) or "-"
        rows.append(f"| {e.name} | `/api/{e.table}` | {fields} | {rels} |")
    return rows


def _entity_table_es(spec: AppSpec) -> list[str]:
    """Spanish rows of the entity table: labels as the interface shows them, identifiers as the code has them."""
    rows = []
    for e in spec.entities:
        fields = ", ".join(
            f"{label(f.name, 'es')} (`{f.name}`, {_TYPES_ES[f.type]}"
            f"{'' if f.required or f.type == 'bool' else ', opcional'})" for f in e.fields)
        rels = ", ".join(f"enlazado con {_lower(entity_label(spec.entity(r.target), 'es'))} mediante `{r.field}`"
                         if r.kind == "many_to_many" else
                         f"pertenece a {entity_label(spec.entity(r.target), 'es', plural=False)} mediante `{r.field}`"
                         f"{'' if r.required else ' (opcional)'}" for r in e.relations) or "-"
        rows.append(f"| {entity_label(e, 'es')} (`{e.name}`) | `/api/{e.table}` | {fields} | {rels} |")
    return rows


def architecture_md(spec: AppSpec) -> str:
    """ARCHITECTURE.md: layers, entities and the ER diagram."""
    if spec.language == "es":
        return _architecture_md_es(spec)
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

{feature_rules_md(spec, "en")}## Entities

| Entity | Endpoint | Fields | Relations |
|---|---|---|---|
{chr(10).join(_entity_table_en(spec))}

## Entity-relationship diagram

```mermaid
{er_diagram(spec)}
```
"""


def _architecture_md_es(spec: AppSpec) -> str:
    """ARCHITECTURE.md in Spanish."""
    features = join_es([FEATURES_ES[f] for f in spec.features]) or "ninguna"
    return f"""# Arquitectura de {spec.title}

Un servicio FastAPI con modelos SQLAlchemy 2 (SQLite por defecto; cualquier otra base de datos mediante
`DATABASE_URL`), esquemas pydantic v2 que validan cada petición, un router por entidad y un frontend estático
que el mismo proceso sirve en `/`. `preview.html` es una copia autónoma de la interfaz que guarda los datos
en memoria.

```
app/main.py         aplicación, routers, archivos estáticos, cabeceras de seguridad
app/database.py     motor, sesiones (dependencia DbSession), Base
app/models.py       una tabla por entidad
app/schemas.py      esquemas Create / Update / Read con validación
app/routers/*.py    CRUD por entidad (paginación, búsqueda, comprobación de registros padre)
app/static/         index.html, app.css, app.js
tests/              pruebas pytest, con una base de datos SQLite nueva en cada prueba
```

Funcionalidades: {features}.

{feature_rules_md(spec, "es")}## Entidades

| Entidad | Ruta | Campos | Relaciones |
|---|---|---|---|
{chr(10).join(_entity_table_es(spec))}

## Diagrama entidad-relación

```mermaid
{er_diagram(spec)}
```
"""


def _article_en(noun: str) -> str:
    """'a' or 'an' before an English noun."""
    if noun.startswith(("uni", "use", "usu", "uti", "eu", "one")):
        return "a"
    return "an" if noun[:1] in "aeiou" or noun.startswith(("hour", "honest", "honor")) else "a"


def readme(spec: AppSpec) -> str:
    """README.md: what it is, how to run and test it, the endpoints."""
    if spec.language == "es":
        return _readme_es(spec)
    endpoints = []
    for e in spec.entities:
        search = " (`q` searches " + ", ".join(f.name for f in search_fields(e)) + ")" if search_fields(e) else ""
        noun = e.var.replace("_", " ")
        create = ("- `POST /api/auth/register` creates an account (201)" if plan.is_account(spec, e) else
                  f"- `POST /api/{e.table}` create {_article_en(noun)} {noun} (201)")
        endpoints += [create,
                      f"- `{_list_query(e)}` list{search}",
                      f"- `GET|PUT|PATCH|DELETE /api/{e.table}/{{id}}` read, replace, update, delete (404 if missing)"]
    feats = set(spec.features)
    if "auth" in feats:
        endpoints += ["- `POST /api/auth/register`, `POST /api/auth/login` (returns a bearer token), "
                      "`GET /api/auth/me`, `POST /api/auth/logout`; every write needs `Authorization: Bearer <token>`"]
    endpoints += feature_endpoints(spec, "en")
    if "dashboard" in feats:
        endpoints.append("- `GET /api/stats` row counts per entity, and counts and sums by category and by month")
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


def _readme_es(spec: AppSpec) -> str:
    """README.md in Spanish (commands and code unchanged)."""
    endpoints = []
    for e in spec.entities:
        one, many = _lower(entity_label(e, "es", plural=False)), _lower(entity_label(e, "es"))
        found = [_lower(label(f.name, "es")) for f in search_fields(e)]
        search = f" (`q` busca en {join_es(found)})" if found else ""
        parents = [f"`{r.field if r.kind == 'belongs_to' else plan.link_filter(r)}`" for r in e.relations]
        filters = f", filtrable por {join_es(parents)}" if parents else ""
        create = ("- `POST /api/auth/register` alta de una cuenta (201)" if plan.is_account(spec, e) else
                  f"- `POST /api/{e.table}` alta de {one} (201)")
        endpoints += [create,
                      f"- `{_list_query(e)}` listado de {many}, paginado{filters}{search}",
                      f"- `GET|PUT|PATCH|DELETE /api/{e.table}/{{id}}` consultar, reemplazar, modificar o eliminar "
                      "(404 si no existe)"]
    feats = set(spec.features)
    if "auth" in feats:
        endpoints += ["- `POST /api/auth/register`, `POST /api/auth/login` (devuelve un token bearer), "
                      "`GET /api/auth/me`, `POST /api/auth/logout`; toda escritura exige "
                      "`Authorization: Bearer <token>`"]
    endpoints += feature_endpoints(spec, "es")
    if "dashboard" in feats:
        endpoints.append("- `GET /api/stats` número de registros de cada entidad, y recuentos y sumas por categoría y "
                         "por mes")
    if "search" in feats:
        endpoints.append("- `GET /api/search?q=` busca en todas las entidades a la vez")
    if "contact" in feats:
        endpoints.append("- `POST /api/contact` formulario de contacto (nombre, correo y mensaje)")
    if "payments" in feats:
        endpoints.append("- `POST /api/checkout` pago con Stripe Checkout; responde 503 mientras no se configure "
                         "`STRIPE_SECRET_KEY`")
    endpoints.append("- `GET /api/health` estado del servicio; documentación interactiva en `/docs`")
    names = join_es([_lower(entity_label(e, "es")) for e in spec.entities])
    return f"""# {spec.title}

{spec.description or spec.title}

Una aplicación web para gestionar {names}: un backend FastAPI + SQLAlchemy con validación, una interfaz web
adaptable servida en `/` y una batería de pruebas pytest que recorre cada endpoint y cada regla de validación.

## Cómo ejecutarla

```bash
python -m venv .venv && . .venv/bin/activate
pip install -r requirements.txt
uvicorn app.main:app --reload
```

Abre http://127.0.0.1:8000. Los datos se guardan en `app.db` (SQLite), salvo que `DATABASE_URL` indique otra
base de datos; en `.env.example` están todas las opciones de configuración.

Con Docker: `docker compose up --build` (la base de datos se conserva en el volumen `app-data`).

Sin instalar nada, abre `preview.html` en un navegador: la misma interfaz con datos de ejemplo guardados en
memoria.

## Cómo probarla

```bash
pytest -q
ruff check .
```

## API

{chr(10).join(endpoints)}

El modelo de datos y su diagrama están en `ARCHITECTURE.md`.
"""


def render_docs(spec: AppSpec) -> dict[str, str]:
    """README.md, ARCHITECTURE.md and architecture.json."""
    spec = plan.prepare(spec)
    return {
        "README.md": readme(spec),
        "ARCHITECTURE.md": architecture_md(spec),
        "architecture.json": spec.model_dump_json(indent=2) + "\n",
    }
