"""The roles as data: who runs, what each needs first, and its step function."""

from __future__ import annotations

from core.roles import architect, builders, security, tester
from core.roles.base import Role, RoleResult, RunContext, changed

# The tester follows the audit because the audit role may change files (model-driven fixes).
PIPELINE: tuple[Role, ...] = (
    Role("architect", "Architect", (), architect.run, "architect.md"),
    Role("backend", "Backend developer", ("architect",), builders.run_backend, "backend.md"),
    Role("frontend", "Frontend developer", ("architect",), builders.run_frontend, "frontend.md"),
    Role("devops", "DevOps engineer", ("architect",), builders.run_devops, "devops.md"),
    Role("security", "Security auditor", ("backend", "frontend", "devops"), security.run, "security.md"),
    Role("tester", "Tester", ("security",), tester.run, "tester.md"),
)
ROLE_NAMES: tuple[str, ...] = tuple(r.name for r in PIPELINE)

__all__ = ["PIPELINE", "ROLE_NAMES", "Role", "RoleResult", "RunContext", "changed"]
