"""Small readers of an AppSpec shared by the understanding tests."""

from __future__ import annotations

from core.engine import infer_spec
from core.spec import AppSpec, FieldSpec


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


def prompt_fields(prompt: str) -> dict[str, list[str]]:
    """Each entity of the prompt's spec with its field names, in order."""
    return {e.name: [f.name for f in e.fields] for e in infer_spec(prompt).entities}


def prompt_links(prompt: str, entity: str) -> dict[str, str]:
    """What one entity of the prompt's spec links to, with the kind of each link."""
    return {r.target: r.kind for r in infer_spec(prompt).entity(entity).relations}


def prompt_field(prompt: str, entity: str, name: str) -> FieldSpec:
    """One field of one entity of the prompt's spec."""
    return next(f for f in infer_spec(prompt).entity(entity).fields if f.name == name)
