"""Small readers of an AppSpec shared by the understanding tests."""

from __future__ import annotations

from core.spec import AppSpec


def names(spec: AppSpec) -> set[str]:
    """The entity names of a spec."""
    return {e.name for e in spec.entities}


def parents(spec: AppSpec, entity: str) -> set[str]:
    """The entities one entity links to."""
    return {r.target for r in spec.entity(entity).relations}


def links(spec: AppSpec) -> set[tuple[str, str, str]]:
    """Every (entity, target, kind) relation of a spec."""
    return {(e.name, r.target, r.kind) for e in spec.entities for r in e.relations}


def field_names(spec: AppSpec, entity: str) -> set[str]:
    """The field names of one entity."""
    return {f.name for f in spec.entity(entity).fields}
