"""Alembic environment: uses our engine (SQLite pragmas, psycopg) and models' metadata."""

from __future__ import annotations

from alembic import context

from db.models import Base
from db.session import get_engine

config = context.config
url = config.attributes.get("url") or config.get_main_option("sqlalchemy.url")
engine = get_engine(url)

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=engine.dialect.name == "sqlite",
    )
    context.run_migrations()
