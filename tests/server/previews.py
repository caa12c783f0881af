"""Seed a project whose newest snapshot holds a given preview.html (as a finished generation leaves it)."""

from __future__ import annotations

from core.versions import add_snapshot
from db.models import Project
from db.session import session_scope


def seed_preview(database_url: str, html: str) -> str:
    """Insert a completed project with `html` as its preview.html; return its preview token."""
    with session_scope(database_url) as s:
        project = Project(user_id=None, name="Preview", prompt="preview", status="completed")
        s.add(project)
        s.flush()
        add_snapshot(session=s, project_id=project.id, role="frontend", message="frontend: preview",
                     files={"preview.html": html, "README.md": "# Preview\n"})
        return project.preview_token
