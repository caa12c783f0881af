"""What the follow-ups share with the first reading: the catalogue's entities, links, parents-first order.

`infer_spec` is the older public name of `understand` (pipeline.py).
"""

from __future__ import annotations

from functools import cache

from core.engine.understand.catalogue import DOMAINS, LIBRARY, parse_entities
from core.engine.understand.features import FEATURE_PATTERNS
from core.engine.understand.relations import order
from core.spec import AppSpec, EntitySpec, RelationSpec

__all__ = ["FEATURE_PATTERNS", "describe_capabilities", "entity_library", "infer_spec"]


def describe_capabilities() -> str:
    """A short text of what the offline engine builds."""
    titles = ", ".join(d.title_en.lower() for d in DOMAINS[:18])
    return (f"The offline engine builds data apps with a FastAPI backend, tests and a web frontend: {titles} "
            f"and {len(DOMAINS) - 18} more domains (or any app described by its entities and fields).")


@cache
def entity_library(preferred: str = "") -> dict[str, EntitySpec]:
    """Every catalogue entity by name, the `preferred` domain's definitions winning."""
    lib: dict[str, EntitySpec] = {}
    order = sorted(DOMAINS, key=lambda d: d.key != preferred)
    for d in (*order, LIBRARY):
        for e in parse_entities(d.entities):
            lib.setdefault(e.name, e)
    return lib


def _default_entity(name: str) -> EntitySpec:
    """An entity the catalogue does not know: a name and a description."""
    return parse_entities(f"{name}: name, description?")[0]


def _link(child: EntitySpec, parent: str) -> None:
    """Add `child` belongs_to `parent` unless already there."""
    if all(r.target != parent for r in child.relations):
        rel = RelationSpec(target=parent)
        child.fields = [f for f in child.fields if f.name != rel.field]
        child.relations.append(rel)


def _topological(entities: list[EntitySpec]) -> list[EntitySpec]:
    """Parents before children (many-to-many links never block), otherwise keeping the given order."""
    return order(entities)


def infer_spec(prompt: str, name: str | None = None) -> AppSpec:
    """Turn a plain-language prompt (EN or ES) or a pasted PRD into an AppSpec (the understanding pipeline)."""
    from core.engine.understand.pipeline import understand

    return understand(prompt, name)
