"""AppSpec -> the whole project: backend, frontend, devops and docs, as {relative path: text}."""

from __future__ import annotations

from core.engine.render.backend import render_backend
from core.engine.render.devops import render_devops
from core.engine.render.docs import render_docs
from core.engine.render.frontend import render_frontend as _render_frontend
from core.engine.render.plan import prepare
from core.spec import AppSpec

__all__ = ["render", "render_backend", "render_devops", "render_frontend", "render_project"]


def render_frontend(spec: AppSpec) -> dict[str, str]:
    """The frontend role's files, from the spec completed for its features (render/plan.py)."""
    return _render_frontend(prepare(spec))


def render_project(spec: AppSpec) -> dict[str, str]:
    """Every file of the generated project, deterministic for a given spec."""
    spec = prepare(spec)
    files: dict[str, str] = {}
    for part in (render_backend(spec), render_frontend(spec), render_devops(spec), render_docs(spec)):
        files.update(part)
    return dict(sorted(files.items()))


def render(spec: AppSpec) -> dict[str, str]:
    """AppSpec -> files: the renderer's one public entry (same as render_project)."""
    return render_project(spec)
