"""The description the generated frontend renders from (CONFIG): entities, features and where they apply, views."""

from __future__ import annotations

import json

from core.engine.render.common import display_field, entity_label, label
from core.engine.render.plan import account_table, expense_split, order_total, owner_field
from core.engine.render.ui_text import ui_strings
from core.engine.render.vocabulary import choice_label
from core.spec import AppSpec, EntitySpec, FeatureSpec


def _relation_label(spec: AppSpec, field: str, target: EntitySpec) -> str:
    """A relation's label: the target's name when the column is just `<target>_id`."""
    if field in {f"{target.var}_id", f"{target.var}_ids"}:
        return entity_label(target, spec.language, plural=field.endswith("_ids"))
    return label(field, spec.language)


def _link(spec: AppSpec, fs: FeatureSpec) -> str | None:
    """The column of the feature's entity that points at its target (rating.recipe_id)."""
    if not fs.target:
        return None
    entity = spec.entity(fs.entity)
    rel = next((r for r in entity.relations if r.target == fs.target), None)
    return rel.field if rel else None


def totals(spec: AppSpec) -> list[dict]:
    """Parents whose Read carries a `total` from their lines' quantity x price (the backend's rule)."""
    out = []
    for e in spec.entities:
        found = order_total(spec, e)
        if found:
            child, rel, qty, price = found
            out.append({"parent": e.table, "child": child.table, "link": rel.field, "quantity": qty, "price": price})
    return out


def balances(spec: AppSpec) -> list[dict]:
    """Groups with GET /{id}/balances (an expense-split app), and how the preview store computes them."""
    out = []
    for e in spec.entities:
        split = expense_split(spec, e)
        if not split:
            continue
        share = split["share"]
        out.append({"table": e.table, "member": split["member"].table, "member_group": split["member_group"],
                    "display": display_field(split["member"]), "expense": split["expense"].table,
                    "group": split["group"], "payer": split["payer"], "amount": split["amount"],
                    "share": {"table": share["entity"].table, "expense": share["expense"], "member": share["member"],
                              "amount": share["amount"]} if share else None})
    return out


def charts(spec: AppSpec) -> list[dict]:
    """What GET /api/stats charts (the backend's rule, which the preview store repeats): per entity, counts
    by its first parent (else first enum), and the sums of its first two decimals by that and by month."""
    counts, sums = [], []
    for e in spec.entities:
        rel = next((r for r in e.relations if r.kind == "belongs_to"), None)
        enum = next((f for f in e.fields if f.type == "enum"), None)
        group = None
        if rel:
            parent = spec.entity(rel.target)
            group = {"by": rel.field, "parent": parent.table, "display": display_field(parent)}
        elif enum:
            group = {"by": enum.name, "parent": None, "display": None}
        when = next((f.name for f in e.fields if f.type in {"date", "datetime"}), "created_at")
        if group:
            counts.append({"table": e.table, "field": "id", "kind": "count", **group})
        for f in [f for f in e.fields if f.type == "decimal"][:2]:
            if group:
                sums.append({"table": e.table, "field": f.name, "kind": "sum", **group})
            sums.append({"table": e.table, "field": f.name, "kind": "sum", "by": "month", "when": when,
                         "parent": None, "display": None})
    return counts[:8] + sums[:8]


def _home(spec: AppSpec, hidden: set[str]) -> str:
    """The first view: the board, the rated/favourited items' cards, else the dashboard or the first entity."""
    for name in ("ordering",):
        for fs in spec.uses(name):
            return spec.entity(fs.entity).table
    for name in ("ratings", "favourites", "comments", "tags"):
        for fs in spec.uses(name):
            if fs.target:
                return spec.entity(fs.target).table
    for name in ("booking_slots", "workflow"):
        for fs in spec.uses(name):
            return spec.entity(fs.entity).table
    if "dashboard" in spec.features:
        return "dashboard"
    return main_entity(spec, hidden).table


# Entities that classify or own the app's rows rather than being what the app is about.
_LOOKUPS = {"Category", "Tag", "User", "Status", "Type", "Label"}
# The entity people come to each catalogue domain for, when the app has it.
_DOMAIN_HOME = {"library": "Book", "shop": "Product", "crm": "Contact", "inventory": "Product", "forum": "Topic",
                "music": "Album", "fleet": "Vehicle", "vet": "Pet", "travel": "Trip", "donations": "Campaign",
                "hr": "Employee", "school": "Student", "realestate": "Property", "restaurant": "MenuItem",
                "hotel": "Room", "notes": "Note", "contacts": "Contact", "projects": "Project", "polls": "Poll",
                "fitness": "Workout", "finance": "Expense", "booking": "Booking", "clinic": "Appointment"}


def main_entity(spec: AppSpec, hidden: set[str]) -> EntitySpec:
    """What the app is about: the domain's main entity or one named like the domain, else the richest entity
    that is neither a lookup (categories, tags) nor a link between two others (order lines, loans)."""
    shown = [e for e in spec.entities if e.name not in hidden] or spec.entities
    for e in shown:
        if e.name == _DOMAIN_HOME.get(spec.domain) or e.table == spec.domain:
            return e
    linking = {e.name for e in shown if len([r for r in e.relations if r.kind == "belongs_to"]) >= 2}
    candidates = [e for e in shown if e.name not in _LOOKUPS | linking] or shown
    return max(candidates, key=lambda e: (len(e.fields) + 2 * len(e.relations), -shown.index(e)))


def app_config(spec: AppSpec) -> dict:
    """CONFIG as a dict (see docs/ENGINE.md, 'Generated frontend')."""
    lang = spec.language
    auth = "auth" in spec.features
    # Rows of these are made by a button elsewhere (favourite toggle) or are the accounts themselves.
    hidden = {fs.entity for fs in spec.uses("favourites")} | ({spec.account} if auth else set())
    kinds = {fs.name: fs for fs in spec.feature_specs}
    entities = []
    for e in spec.entities:
        fields = [{"name": f.name, "type": f.type, "required": f.required, "unique": f.unique,
                   "label": label(f.name, lang),
                   "min": f.min, "max": f.max, "max_length": f.max_length, "choices": f.choices,
                   "choice_labels": [choice_label(c, lang) for c in f.choices]} for f in e.fields]
        ordering = kinds.get("ordering")
        if ordering and ordering.entity == e.name:
            for f in fields:
                if f["name"] == (ordering.field or "position"):
                    f["label"] = "Posición" if lang == "es" else "Position"
        entities.append({
            "name": e.name, "table": e.table, "var": e.var, "label": entity_label(e, lang),
            "singular": entity_label(e, lang, plural=False), "display": display_field(e),
            "fields": fields, "owner": owner_field(spec, e), "hidden": e.name in hidden,
            "relations": [{"field": r.field, "target": spec.entity(r.target).table, "required": r.required,
                           "kind": r.kind, "label": _relation_label(spec, r.field, spec.entity(r.target))}
                          for r in e.relations],
        })
    uses = [{"name": fs.name, "entity": spec.entity(fs.entity).table,
             "target": spec.entity(fs.target).table if fs.target else None, "link": _link(spec, fs),
             "field": fs.field, "end_field": fs.end_field, "transitions": fs.transitions}
            for fs in spec.feature_specs]
    return {"title": spec.title, "language": lang, "features": spec.features, "entities": entities,
            "uses": uses, "account": account_table(spec) if auth else None, "home": _home(spec, hidden),
            "charts": charts(spec), "totals": totals(spec), "balances": balances(spec),
            "text": ui_strings(lang)}


def config_json(spec: AppSpec) -> str:
    """CONFIG as JSON safe to inline in a <script>."""
    return json.dumps(app_config(spec), indent=1, ensure_ascii=False).replace("</", "<\\/")
