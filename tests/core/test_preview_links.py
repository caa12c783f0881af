"""Preview links: a lifetime renewed while the owner views the project, a new token with each snapshot."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from sqlalchemy import update

from core import projects
from core.config import get_settings
from core.errors import NotFoundError
from core.versions import add_snapshot
from db.models import Project, utcnow
from db.session import session_scope
from tests.factories import make_user

HTML = "<!doctype html><title>p</title><p>hello</p>"


def _project(user_id: int) -> str:
    """A finished project whose newest snapshot has a preview.html."""
    pid = projects.create_project(user_id=user_id, name="p", prompt="A blog with posts", cost=0).id
    with session_scope() as s:
        s.execute(update(Project).where(Project.id == pid).values(status="completed"))
        add_snapshot(session=s, project_id=pid, role="frontend", message="frontend", files={"preview.html": HTML})
    return pid


def _expire(pid: str) -> None:
    with session_scope() as s:
        s.execute(update(Project).where(Project.id == pid).values(preview_expires_at=utcnow() - timedelta(seconds=1)))


def test_a_link_lives_for_its_lifetime_then_says_it_expired(any_db: str) -> None:
    user = make_user("pia")
    pid = _project(user.id)
    token = projects.get_project(pid, user_id=user.id).preview_token
    assert projects.find_preview(token) == ("ok", HTML)
    with session_scope() as s:
        expires = s.get(Project, pid).preview_expires_at
    expires = expires if expires.tzinfo else expires.replace(tzinfo=UTC)
    lifetime = timedelta(minutes=get_settings().preview_link_minutes)
    assert utcnow() < expires <= utcnow() + lifetime
    _expire(pid)
    assert projects.find_preview(token) == ("expired", None)
    assert projects.get_preview_html(token) is None


def test_the_owner_viewing_the_project_renews_the_same_link(any_db: str) -> None:
    user = make_user("pia")
    pid = _project(user.id)
    _expire(pid)
    token = projects.preview_link(pid, user_id=user.id)
    assert token == projects.get_project(pid, user_id=user.id).preview_token
    assert projects.find_preview(token) == ("ok", HTML)


def test_someone_else_cannot_renew_a_link(any_db: str) -> None:
    owner, other = make_user("pia"), make_user("otto")
    pid = _project(owner.id)
    _expire(pid)
    with pytest.raises(NotFoundError):
        projects.preview_link(pid, user_id=other.id)
    assert projects.find_preview(projects.get_project(pid, user_id=None).preview_token)[0] == "expired"


def test_each_new_snapshot_rotates_the_token(any_db: str) -> None:
    user = make_user("pia")
    pid = _project(user.id)
    old = projects.preview_link(pid, user_id=user.id)
    projects.save_edit(pid, user_id=user.id, path="preview.html", content=HTML + "<p>v2</p>")
    new = projects.preview_link(pid, user_id=user.id)
    assert new != old
    assert projects.find_preview(old) == ("missing", None)
    assert projects.find_preview(new) == ("ok", HTML + "<p>v2</p>")
