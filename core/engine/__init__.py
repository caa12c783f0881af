"""The offline engine: prompt -> AppSpec (understand/), AppSpec -> a complete, tested project (render/).

Deterministic, no network.
"""

from core.engine.followup import apply_followup
from core.engine.render import render, render_backend, render_devops, render_frontend, render_project
from core.engine.understand import describe_capabilities, infer_spec, understand

__all__ = [
    "apply_followup",
    "describe_capabilities",
    "infer_spec",
    "render",
    "render_backend",
    "render_devops",
    "render_frontend",
    "render_project",
    "understand",
]
