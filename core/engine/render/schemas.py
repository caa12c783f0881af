"""AppSpec -> app/schemas.py: Create, Update and Read schemas per entity with validation."""

from __future__ import annotations

from core.engine.render import plan
from core.engine.render.backend import _annotation
from core.spec import AppSpec, EntitySpec, FieldSpec

_ROUND = '''
    @field_validator("{name}")
    @classmethod
    def _round_{name}(cls, value: float | None) -> float | None:
        """{doc}"""
        return None if value is None else round(value, {digits})
'''


def _literal(choices: list[str]) -> str:
    """A Literal annotation of these choices."""
    return "Literal[" + ", ".join(repr(c) for c in choices) + "]"


def _create_field(spec: AppSpec, e: EntitySpec, f: FieldSpec) -> str:
    """One Create schema line; a workflow's status may only start at its first state."""
    flow = plan.feature_for(spec, "workflow", e.name)
    if flow and f.name == flow.field:
        return f"    {f.name}: {_literal(f.choices[:1])} = {f.choices[0]!r}"
    if f.type == "file":
        return f"    {f.name}: int" if f.required else f"    {f.name}: int | None = None"
    return f"    {f.name}: {_annotation(f, partial=False)}"


def _create(spec: AppSpec, e: EntitySpec) -> list[str]:
    """The Create schema."""
    fields, rels = plan.writable(spec, e)
    out = ["", f"class {e.name}Create(Strict):", f'    """Fields to create or replace a {e.var}."""', ""]
    out += [_create_field(spec, e, f) for f in fields]
    out += [f"    {r.field}: int" if r.required else f"    {r.field}: int | None = None" for r in rels]
    out += [f"    {r.field}: list[int] = Field(default_factory=list, max_length=100)" for r in plan.many_to_many(e)]
    if out[-1] == "":
        out.append("    pass")
    return out


def _update(spec: AppSpec, e: EntitySpec) -> list[str]:
    """The Update schema: every field optional, required ones not nullable."""
    fields, rels = plan.writable(spec, e)
    out = ["", "", f"class {e.name}Update(Strict):", f'    """A partial update of a {e.var}."""', ""]
    for f in fields:
        out.append(f"    {f.name}: int | None = None" if f.type == "file" else
                   f"    {f.name}: {_annotation(f, partial=True)}")
    out += [f"    {r.field}: int | None = None" for r in rels]
    out += [f"    {r.field}: list[int] | None = Field(default=None, max_length=100)" for r in plan.many_to_many(e)]
    required = [f.name for f in fields if f.required and f.type != "bool"] + [r.field for r in rels if r.required]
    required += [r.field for r in plan.many_to_many(e)]
    if required:
        names = ", ".join(repr(n) for n in required) + ("," if len(required) == 1 else "")
        out += ["", '    @model_validator(mode="after")', f"    def _no_null_required(self) -> {e.name}Update:",
                '        """Required fields may be left out but not set to null."""',
                f"        for name in ({names}):",
                "            if name in self.model_fields_set and getattr(self, name) is None:",
                '                raise ValueError(f"{name} cannot be null")', "        return self"]
    elif out[-1] == "":
        out.append("    pass")
    return out


def _read(spec: AppSpec, e: EntitySpec) -> list[str]:
    """The Read schema: the Create fields plus what the server decides."""
    out = ["", "", f"class {e.name}Read({e.name}Create):", f'    """A stored {e.var}."""', "",
           "    model_config = ConfigDict(from_attributes=True)", "", "    id: int"]
    flow = plan.feature_for(spec, "workflow", e.name)
    if flow:
        states = next(f for f in e.fields if f.name == flow.field).choices
        out.append(f"    {flow.field}: {_literal(states)}")
    order = plan.feature_for(spec, "ordering", e.name)
    if order:
        out.append(f"    {order.field}: int")
    owner = plan.owner_field(spec, e)
    if owner:
        rel = next((r for r in plan.belongs_to(e) if r.field == owner), None)
        out.append(f"    {owner}: int" if rel is not None and rel.required else f"    {owner}: int | None = None")
    if plan.is_account(spec, e):
        out.append("    role: str")
    rated = any(fs.target == e.name for fs in spec.uses("ratings"))
    if rated:
        out += ["    rating_average: float | None = None", "    rating_count: int = 0"]
    total = plan.order_total(spec, e) is not None
    if total:
        out.append("    total: float = 0")
    out.append("    created_at: dt.datetime")
    if rated:
        out += _ROUND.format(name="rating_average", doc="Averages show one decimal.", digits=1).split("\n")[:-1]
    if total:
        out += _ROUND.format(name="total", doc="Money shows cents.", digits=2).split("\n")[:-1]
    return out + [""]


def render_schemas(spec: AppSpec) -> str:
    """app/schemas.py."""
    spec = plan.prepare(spec)
    out = ["", "class Strict(BaseModel):", '    """Strips whitespace so blank strings fail min_length."""', "",
           "    model_config = ConfigDict(str_strip_whitespace=True)", ""]
    for e in spec.entities:
        out += _create(spec, e) + _update(spec, e) + _read(spec, e)
    body = "\n".join(out).rstrip() + "\n"
    used = body.replace("FieldCreate", "")
    pyd = ["BaseModel", "ConfigDict"] + [n for n in ("EmailStr", "Field") if n + ("" if n == "EmailStr" else "(")
                                         in used]
    pyd += [n for n in ("field_validator", "model_validator") if "@" + n in body]
    head = '"""Request and response schemas; validation lives here."""\n\nfrom __future__ import annotations\n\n'
    head += "import datetime as dt\n" + ("from typing import Literal\n" if "Literal[" in body else "")
    head += f"\nfrom pydantic import {', '.join(pyd)}\n\n"
    return head + body
