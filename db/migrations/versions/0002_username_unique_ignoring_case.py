"""usernames unique ignoring case

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 14:00:00

`create_user` checks lower(username) before inserting, but two registrations racing past that
check ("alice" and "Alice") both passed the case-sensitive unique index. An expression index on
lower(username) makes the database refuse the second (SQLite and PostgreSQL).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    op.create_index("uq_users_username_lower", "users", [sa.text("lower(username)")], unique=True)


def downgrade() -> None:
    """Revert this revision."""
    op.drop_index("uq_users_username_lower", table_name="users")
