"""Follow-ups that add an entity feature ("let users favourite products", "add tags to posts", "añade valoraciones
a los productos") or ownership ("only the owner can edit a recipe"): the same spec shapes the understanding emits."""

from __future__ import annotations

import re
from collections.abc import Callable

from core.errors import ValidationError
from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, RelationSpec

# Matched on normalised text (lower case, no accents).
FEATURE_WORDS: dict[str, re.Pattern[str]] = {
    "favourites": re.compile(r"\b(favou?rit\w*|favorit\w*|bookmark\w*|wishlist\w*)\b"),
    "ratings": re.compile(r"\b(ratings?|rate|rated|stars|reviews?|valoraci\w*|valorar|puntuaci\w*|puntuar|"
                          r"resenas?|estrellas)\b"),
    "comments": re.compile(r"\b(comments?|comment on|comentarios?|comentar)\b"),
    "tags": re.compile(r"\b(tags?|tagging|etiquetas?|etiquetar)\b"),
}
OWNERSHIP = re.compile(r"\b(only (the |its |their )?(owners?|authors?|creators?)|solo (el |la |su |los |las )?"
                       r"(propietari[oa]s?|duen[oa]s?|autor(a|es)?|creador(a|es)?))\b")
_VERBS = re.compile(r"^(?:please |also |tambien )?(?:add|enable|let|allow|include|give|want|make|users can|"
                    r"anade|agrega|activa|incluye|permite|permitir|quiero|deja|haz|que los usuarios)\b")


def wants_feature(text: str) -> str | None:
    """The entity feature (or 'ownership') a normalised follow-up asks for, if any."""
    if OWNERSHIP.search(text):
        return "ownership"
    if not _VERBS.match(text):
        return None
    for name, pattern in FEATURE_WORDS.items():
        if pattern.search(text):
            return name
    return None


def add_feature(spec: AppSpec, feature: str, target: EntitySpec | None) -> str:
    """Change `spec` (a copy) to have `feature` on `target`; returns the summary."""
    if feature == "ownership":
        return _ownership(spec, target)
    if target is None:
        raise ValidationError(f"Which entity should get {feature}? For example: 'add {feature} to "
                              f"{_example(spec)}'.")
    if any(fs.target == target.name for fs in spec.uses(feature)):
        return f"{target.name} already has {feature}; nothing changed"
    return _BUILDERS[feature](spec, target)


def _example(spec: AppSpec) -> str:
    """A table name to show in help text."""
    return next((e.table for e in spec.entities if e.name != "User"), spec.entities[0].table)


def _free(spec: AppSpec, name: str, target: EntitySpec) -> str:
    """`name`, or `<Target><Name>` when an entity already uses it for something else."""
    return name if name not in {e.name for e in spec.entities} else f"{target.name}{name}"


def _accounts(spec: AppSpec) -> None:
    """Turn on auth and make sure the User entity exists (the account table)."""
    if "auth" not in spec.features:
        spec.features.append("auth")
    if "User" not in {e.name for e in spec.entities}:
        spec.entities.insert(0, EntitySpec(name="User", fields=[
            FieldSpec(name="email", type="email", unique=True), FieldSpec(name="name", required=False)]))


def _ownership(spec: AppSpec, target: EntitySpec | None) -> str:
    """Accounts make every row owned: only its owner or an admin may change or delete it."""
    what = target.table.replace("_", " ") if target else "rows"
    if "auth" in spec.features:
        return f"Accounts were already on: only the owner or an admin can change {what}; nothing changed"
    _accounts(spec)
    return f"Added accounts: only the owner (or an admin) can change or delete {what}; reading stays public"


def _ratings(spec: AppSpec, target: EntitySpec) -> str:
    _accounts(spec)
    name = _free(spec, "Rating", target)
    spec.entities.append(EntitySpec(name=name, fields=[
        FieldSpec(name="stars", type="int", min=1, max=5), FieldSpec(name="review", type="text", required=False)],
        relations=[RelationSpec(target="User"), RelationSpec(target=target.name)]))
    spec.feature_specs.append(FeatureSpec(name="ratings", entity=name, target=target.name, field="stars"))
    return (f"Added ratings to {target.name}: one 1-5 rating per user ({name}, /api/{spec.entity(name).table}), "
            "with the average and count on each")


def _favourites(spec: AppSpec, target: EntitySpec) -> str:
    _accounts(spec)
    name = _free(spec, "Favourite", target)
    spec.entities.append(EntitySpec(name=name, relations=[RelationSpec(target="User"),
                                                          RelationSpec(target=target.name)]))
    spec.feature_specs.append(FeatureSpec(name="favourites", entity=name, target=target.name))
    return (f"Added favourites to {target.name}: POST /api/{target.table}/{{id}}/favourite toggles, "
            "GET /api/me/favourites lists them")


def _comments(spec: AppSpec, target: EntitySpec) -> str:
    name = _free(spec, "Comment", target)
    fields = [FieldSpec(name="body", type="text")]
    relations = [RelationSpec(target=target.name)]
    if "auth" in spec.features:
        relations.append(RelationSpec(target="User"))
    else:
        fields.append(FieldSpec(name="author", max_length=80))
    spec.entities.append(EntitySpec(name=name, fields=fields, relations=relations))
    spec.feature_specs.append(FeatureSpec(name="comments", entity=name, target=target.name))
    return f"Added comments to {target.name}: GET /api/{target.table}/{{id}}/comments, newest first"


def _tags(spec: AppSpec, target: EntitySpec) -> str:
    name = "Tag"
    if name not in {e.name for e in spec.entities}:
        spec.entities.append(EntitySpec(name=name, fields=[FieldSpec(name="name", unique=True, max_length=40)]))
    if not any(r.kind == "many_to_many" and r.target == name for r in target.relations):
        target.relations.append(RelationSpec(kind="many_to_many", target=name))
    spec.feature_specs.append(FeatureSpec(name="tags", entity=name, target=target.name))
    return (f"Added tags to {target.name}: tag_ids on each, filter with ?tag_id=, "
            f"PUT/DELETE /api/{target.table}/{{id}}/tags/{{tag_id}}")


_BUILDERS: dict[str, Callable[[AppSpec, EntitySpec], str]] = {
    "ratings": _ratings, "favourites": _favourites, "comments": _comments, "tags": _tags}
