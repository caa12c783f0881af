"""The offline engine: prompt -> AppSpec, AppSpec -> a complete, tested project. Deterministic, no network."""


from core.engine.followup import apply_followup
from core.engine.infer import describe_capabilities, infer_spec
from core.engine.render import render_backend, render_devops, render_frontend, render_project

__all__ = [
    "apply_followup",
    "describe_capabilities",
    "infer_spec",
    "render_backend",
    "render_devops",
    "render_frontend",
    "render_project",
]
