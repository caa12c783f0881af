"""What the renderers build from an AppSpec: the spec completed for its features, and per-entity roles.

`prepare` is idempotent and every public renderer calls it, so backend, frontend, devops and docs agree:
ratings and favourites bring auth; auth makes the account entity (`User` unless AppSpec.account names another,
such as the `Customer` who rates products) the account table; each entity feature gets the fields and relations
it needs when the spec left them out.
"""

from __future__ import annotations

import re

from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, RelationSpec, account_entity

QUANTITY = ("quantity", "qty", "units", "cantidad")
PRICE = ("unit_price", "price", "amount", "precio", "importe")
AMOUNT = ("amount", "importe", "total", "cost", "coste", "monto")
NEEDS_TARGET = {"ratings", "favourites", "comments", "tags", "ordering", "booking_slots"}
DEFAULT_FIELD = {"ratings": "stars", "ordering": "position", "booking_slots": "start_at", "workflow": "status",
                 "uploads": "file"}


def prepare(spec: AppSpec) -> AppSpec:
    """The spec with what its features need filled in (a new object; the input is not changed)."""
    s = spec.model_copy(deep=True)
    if (s.uses("ratings") or s.uses("favourites")) and "auth" not in s.features:
        s.features.append("auth")
    files = s.uses("uploads") or any(f.type == "file" for e in s.entities for f in e.fields)
    if files and "uploads" not in s.features:
        s.features.append("uploads")
    if "auth" in s.features:
        _accounts(s)
    for fs in list(s.feature_specs):
        if fs.name in NEEDS_TARGET and not fs.target:
            s.feature_specs.remove(fs)  # nothing to rate, book or order within: say so instead of guessing
            s.not_built.append(f"{fs.name} on {fs.entity} (the spec names no target)")
            continue
        if fs.name == "booking_slots" and "auth" in s.features and fs.target == s.account:
            other = next((r.target for r in belongs_to(s.entity(fs.entity)) if r.target != s.account), None)
            if other is None:  # the server sets the account from the login: it cannot be the thing booked
                s.feature_specs.remove(fs)
                s.not_built.append(f"booking_slots on {fs.entity} (what is booked is the account itself)")
                continue
            fs.target = other  # 'parents book me for their child's party': the child's slot, not the parent's
        _complete(s, fs, s.entity(fs.entity))
    for e in s.entities:
        if order_total(s, e):  # the backend computes the total from the lines; it is not typed in
            e.fields = [f for f in e.fields if f.name != "total"]
    return AppSpec.model_validate(s.model_dump())


def _complete(s: AppSpec, fs: FeatureSpec, e: EntitySpec) -> None:
    """Give one feature's entity the fields and relations its rules use."""
    fs.field = fs.field or DEFAULT_FIELD.get(fs.name, "")
    if fs.name in NEEDS_TARGET - {"tags"}:  # a tag is shared by many items: the link is the target's many-to-many
        _ensure_relation(e, fs.target, required=True)
    if fs.name in {"ratings", "favourites"} or (fs.name == "comments" and "auth" in s.features):
        _ensure_relation(e, s.account, required=True)
    if fs.name == "ratings":
        stars = _ensure_field(e, fs.field, "int")
        stars.type, stars.required, stars.min, stars.max = "int", True, 1, 5
    elif fs.name == "favourites":
        for f in e.fields:  # a toggle creates the row from the two links alone
            f.required = False
        for r in belongs_to(e):
            if r.target not in {s.account, fs.target}:
                r.required = False  # 'parents like projects' beside the account: the toggle sets only the two
    elif fs.name == "comments" and not e.fields:
        e.fields.append(FieldSpec(name="body", type="text"))
    elif fs.name == "tags":
        target = s.entity(fs.target)
        if not any(r.kind == "many_to_many" and r.target == e.name for r in target.relations):
            target.relations.append(RelationSpec(kind="many_to_many", target=e.name))
    elif fs.name == "ordering":
        pos = _ensure_field(e, fs.field, "int")
        pos.type, pos.min, pos.required = "int", 0, True
    elif fs.name == "booking_slots":
        fs.end_field = fs.end_field or "end_at"
        for name in (fs.field, fs.end_field):
            when = _ensure_field(e, name, "datetime")
            when.type, when.required = "datetime", True
    elif fs.name == "workflow":
        _workflow(fs, e)
    elif fs.name == "uploads":
        _ensure_field(e, fs.field, "file").type = "file"


def _workflow(fs: FeatureSpec, e: EntitySpec) -> None:
    """An enum of the states (the field's own order first: its first choice is the initial state)."""
    named = list(dict.fromkeys([*fs.transitions, *(t for v in fs.transitions.values() for t in v)]))
    status = _ensure_field(e, fs.field, "enum", named or ["draft", "done"])
    own = status.choices if status.type == "enum" else []
    status.type, status.required = "enum", True
    status.choices = list(dict.fromkeys([*own, *named])) or ["draft", "done"]
    if not fs.transitions:  # no rules given: each state leads to the next
        fs.transitions = {a: [b] for a, b in zip(status.choices, status.choices[1:], strict=False)}


def _accounts(s: AppSpec) -> None:
    """Make the account entity (`User` unless the spec names another) the account table, adding it when absent."""
    if s.account not in {e.name for e in s.entities}:
        s.entities.insert(0, account_entity(s.account))
    user = s.entity(s.account)
    email = _ensure_field(user, "email", "email")
    email.type, email.required, email.unique = "email", True, True
    for f in user.fields:
        if f.name != "email":  # an account is created from email and password; the rest is filled in later
            f.required = False
            f.unique = False
    for r in user.relations:
        r.required = False


def _ensure_field(e: EntitySpec, name: str, type_: str, choices: list[str] | None = None) -> FieldSpec:
    """The field `name` of `e`, added with `type_` when missing."""
    for f in e.fields:
        if f.name == name:
            return f
    f = FieldSpec(name=name, type=type_, choices=choices or [])
    e.fields.append(f)
    return f


def _ensure_relation(e: EntitySpec, target: str, required: bool) -> RelationSpec:
    """The belongs_to relation of `e` to `target`, added when missing."""
    for r in e.relations:
        if r.kind == "belongs_to" and r.target == target:
            return r
    r = RelationSpec(target=target, required=required)
    e.relations.append(r)
    return r


def belongs_to(e: EntitySpec) -> list[RelationSpec]:
    """The entity's many-to-one relations (a column each)."""
    return [r for r in e.relations if r.kind == "belongs_to"]


def many_to_many(e: EntitySpec) -> list[RelationSpec]:
    """The entity's many-to-many relations (a join table each)."""
    return [r for r in e.relations if r.kind == "many_to_many"]


def join_table(spec: AppSpec, e: EntitySpec, r: RelationSpec) -> str:
    """Name of the join table of a many-to-many relation (`<this table>_<target table>`)."""
    base = f"{e.table}_{spec.entity(r.target).table}"
    first = next(x for x in many_to_many(e) if x.target == r.target)
    return base if first is r else f"{base}_{r.field.removesuffix('_ids')}"


def join_columns(spec: AppSpec, e: EntitySpec, r: RelationSpec) -> tuple[str, str]:
    """The (this side, target side) columns of a join table."""
    other = spec.entity(r.target).var
    return f"{e.var}_id", (f"other_{other}_id" if other == e.var else f"{other}_id")


def link_attr(r: RelationSpec) -> str:
    """The ORM attribute holding the linked rows of a many-to-many relation."""
    return r.field.removesuffix("_ids") + "_links"


def link_filter(r: RelationSpec) -> str:
    """The list query parameter filtering by one linked id (tag_ids -> tag_id)."""
    return r.field.removesuffix("s") if r.field.endswith("_ids") else r.field + "_one"


def file_fields(e: EntitySpec) -> list[FieldSpec]:
    """Fields holding an upload id."""
    return [f for f in e.fields if f.type == "file"]


def account_table(spec: AppSpec) -> str:
    """The account entity's table ('users', or 'customers' when customers are the accounts)."""
    return next((e.table for e in spec.entities if e.name == spec.account), "users")


def with_account(text: str, spec: AppSpec) -> str:
    """A template written for a `User` account, for this spec's account entity (`Customer`, `Listener`...)."""
    if spec.account == "User":
        return text
    text = re.sub(r"\bUser(Create|Read)\b", rf"{spec.account}\1", text)
    text = re.sub(r"\bUser\b", spec.account, text)
    return text.replace('"users.id"', f'"{account_table(spec)}.id"')


def has_auth(spec: AppSpec) -> bool:
    """Whether the app has accounts."""
    return "auth" in spec.features


def is_account(spec: AppSpec, e: EntitySpec) -> bool:
    """Whether `e` is the account table."""
    return has_auth(spec) and e.name == spec.account


def owner_field(spec: AppSpec, e: EntitySpec) -> str | None:
    """The column naming a row's owner: its relation to User, else `owner_id`; None without auth."""
    if not has_auth(spec) or e.name == spec.account:
        return None
    rel = next((r for r in belongs_to(e) if r.target == spec.account), None)
    return rel.field if rel else "owner_id"


def feature_for(spec: AppSpec, name: str, entity: str) -> object | None:
    """The FeatureSpec `name` whose entity is `entity`, if any."""
    return next((fs for fs in spec.uses(name) if fs.entity == entity), None)


def controlled(spec: AppSpec, e: EntitySpec) -> set[str]:
    """Fields whose values a feature rule decides (not freely editable)."""
    out: set[str] = set()
    for fs in spec.feature_specs:
        if fs.entity != e.name:
            continue
        if fs.name in {"workflow", "ordering"}:
            out.add(fs.field)
        elif fs.name == "booking_slots":
            out |= {fs.field, fs.end_field}
    return out | {f.name for f in file_fields(e)}


def writable(spec: AppSpec, e: EntitySpec) -> tuple[list[FieldSpec], list[RelationSpec]]:
    """Fields and belongs_to relations a client sends on create (owner and positions are set by the server)."""
    order = feature_for(spec, "ordering", e.name)
    fields = [f for f in e.fields if not (order and f.name == order.field)]
    owner = owner_field(spec, e)
    return fields, [r for r in belongs_to(e) if r.field != owner]


def order_total(spec: AppSpec, e: EntitySpec) -> tuple[EntitySpec, RelationSpec, str, str] | None:
    """(lines entity, its relation to e, quantity field, price field) when e's total is the sum of its lines."""
    for child, rel in spec.children(e.name):
        if rel.kind != "belongs_to":
            continue
        names = {f.name: f for f in child.fields if f.type in {"int", "decimal"}}
        qty = next((n for n in QUANTITY if n in names), None)
        price = next((n for n in PRICE if n in names and names[n].type == "decimal"), None)
        if qty and price:
            return child, rel, qty, price
    return None


def expense_split(spec: AppSpec, group: EntitySpec) -> dict | None:
    """How balances are computed for a group: members, expenses (payer, amount) and optional shares."""
    if group.name in {spec.account, "User"}:
        return None  # the accounts table owns staff and donations; it is not a group splitting costs
    members = [c for c, r in spec.children(group.name) if r.kind == "belongs_to"]
    for expense, to_group in spec.children(group.name):
        amount = next((f.name for f in expense.fields if f.name in AMOUNT and f.type == "decimal"), None)
        payer = next((r for r in belongs_to(expense) if r.target in {m.name for m in members}), None)
        if to_group.kind != "belongs_to" or not amount or payer is None:
            continue
        member = spec.entity(payer.target)
        share = None
        for s, to_expense in spec.children(expense.name):
            to_member = next((r for r in belongs_to(s) if r.target == member.name), None)
            s_amount = next((f.name for f in s.fields if f.name in AMOUNT and f.type == "decimal"), None)
            if to_expense.kind == "belongs_to" and to_member:
                share = {"entity": s, "expense": to_expense.field, "member": to_member.field, "amount": s_amount}
                break
        member_rel = next(r for r in belongs_to(member) if r.target == group.name)
        return {"member": member, "member_group": member_rel.field, "expense": expense, "group": to_group.field,
                "payer": payer.field, "amount": amount, "share": share}
    return None
