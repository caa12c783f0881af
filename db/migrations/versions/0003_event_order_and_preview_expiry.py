"""event order on subscriptions, preview link expiry

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 07:20:00

`subscriptions.last_event_at` is the Stripe creation time of the newest event applied to the row: an
older event delivered late no longer moves the status or period back. `projects.preview_expires_at`
gives /preview/<token> links a lifetime (NULL: expired until the owner opens the project again).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Apply this revision."""
    with op.batch_alter_table("subscriptions") as batch_op:
        batch_op.add_column(sa.Column("last_event_at", sa.DateTime(timezone=True), nullable=True))
    with op.batch_alter_table("projects") as batch_op:
        batch_op.add_column(sa.Column("preview_expires_at", sa.DateTime(timezone=True), nullable=True))


def downgrade() -> None:
    """Revert this revision."""
    with op.batch_alter_table("projects") as batch_op:
        batch_op.drop_column("preview_expires_at")
    with op.batch_alter_table("subscriptions") as batch_op:
        batch_op.drop_column("last_event_at")
