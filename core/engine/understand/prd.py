"""A pasted PRD in Markdown: its "## Entities" / "## Data model" section is read exactly, nothing invented."""

from __future__ import annotations

import re

from core.engine.understand.fields import field_ident, infer_field
from core.engine.understand.lexicon import normalise, pascal, singular
from core.spec import EntitySpec, FieldSpec, RelationSpec, pluralize, snake

_SECTION = re.compile(r"^(#{1,6})\s*(?:the\s+)?(entities|entity|data\s*model|data\s*models|models|schema|"
                      r"database|domain\s*model|entidades|modelo\s*de\s*datos|modelos|tablas|tables)\b.*$",
                      re.IGNORECASE | re.MULTILINE)
_TYPES: dict[str, str] = {
    "string": "string", "str": "string", "varchar": "string", "char": "string", "short text": "string",
    "text": "text", "longtext": "text", "markdown": "text", "long text": "text", "textarea": "text",
    "int": "int", "integer": "int", "bigint": "int", "smallint": "int", "entero": "int",
    "decimal": "decimal", "float": "decimal", "double": "decimal", "money": "decimal", "numeric": "decimal",
    "number": "decimal", "currency": "decimal", "numero": "decimal",
    "bool": "bool", "boolean": "bool", "booleano": "bool", "checkbox": "bool",
    "date": "date", "fecha": "date", "datetime": "datetime", "timestamp": "datetime", "time": "datetime",
    "email": "email", "url": "url", "link": "url", "uri": "url", "enum": "enum", "choice": "enum",
    "cadena": "string", "texto": "text",
}
_REL = re.compile(r"(?:fk|foreign key|references?|ref|belongs[_ ]to|->|→|relation to|link to)\s*:?\s*"
                  r"\(?`?([A-Za-z][A-Za-z0-9_]*)", re.IGNORECASE)


def find_prd_section(prompt: str) -> str | None:
    """The text of the entities section of a Markdown PRD, if the prompt is one."""
    m = _SECTION.search(prompt)
    if not m:
        return None
    level = len(m.group(1))
    rest = prompt[m.end():]
    end = re.search(rf"^#{{1,{level}}}\s", rest, re.MULTILINE)
    return rest[:end.start()] if end else rest


def prd_title(prompt: str) -> str | None:
    """The PRD's top heading, if any."""
    m = re.search(r"^#\s+(.+)$", prompt, re.MULTILINE)
    return m.group(1).strip() if m else None


def parse_prd(prompt: str) -> list[EntitySpec] | None:
    """Entities exactly as the PRD lists them, or None when the prompt has no such section."""
    section = find_prd_section(prompt)
    if section is None:
        return None
    raw: list[tuple[str, list[tuple[str, str]]]] = []  # (entity name, [(field, rest of line)])
    current: list[tuple[str, str]] | None = None
    for line in section.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        head = re.match(r"^#{2,6}\s+(.+)$", stripped)
        top_bullet = re.match(r"^[-*+]\s+\**`?([A-Za-z][\w ]*?)`?\**\s*(?:(?::|—|\s-)\s*(.*))?$", line)
        if head or (top_bullet and not line.startswith((" ", "\t")) and _is_entity_bullet(top_bullet)):
            name = (head.group(1) if head else top_bullet.group(1)).strip("*` :")
            current = []
            raw.append((name, current))
            if top_bullet and not head and top_bullet.group(2):
                for part in _inline_fields(top_bullet.group(2)):
                    current.append(part)
            continue
        if current is None:
            continue
        row = re.match(r"^\|\s*`?([A-Za-z][\w ]*?)`?\s*\|(.*)\|?\s*$", stripped)
        if row:
            if row.group(1).lower() in {"field", "name", "campo", "column", "columna", "nombre"} or \
                    set(row.group(2)) <= set("|-: "):
                continue
            current.append((row.group(1), row.group(2).replace("|", " ")))
            continue
        bullet = re.match(r"^[-*+]\s+`?([A-Za-z][\w ]*?)`?\s*(?::|—|\(|-\s)\s*(.*)$", stripped)
        if bullet:
            rest = bullet.group(2) if ":" in stripped or "—" in stripped else "(" + bullet.group(2)
            current.append((bullet.group(1), rest))
        elif re.match(r"^[-*+]\s+`?([A-Za-z_]\w*)`?\s*$", stripped):
            current.append((stripped.lstrip("-*+ ").strip("`"), ""))
    raw = [(n, f) for n, f in raw if f]
    if not raw:
        return None
    return _build(raw)


def _is_entity_bullet(m: re.Match[str]) -> bool:
    """A top-level bullet names an entity when it is capitalised or carries an inline field list."""
    return m.group(1)[:1].isupper() and (not m.group(2) or "," in m.group(2) or m.group(2) == "")


def _inline_fields(text: str) -> list[tuple[str, str]]:
    """'name (string), price (decimal)' -> [(name, string), (price, decimal)]."""
    out = []
    for part in re.split(r",(?![^()]*\))", text):
        m = re.match(r"\s*`?([A-Za-z][\w ]*?)`?\s*(?:\((.*)\)|:\s*(.*))?\s*$", part)
        if m:
            out.append((m.group(1), m.group(2) or m.group(3) or ""))
    return out


def _build(raw: list[tuple[str, list[tuple[str, str]]]]) -> list[EntitySpec]:
    """Turn the parsed rows into EntitySpecs with relations resolved against the PRD's own entities."""
    names = {n: pascal(singular(normalise(n).split()[-1])) if len(n.split()) == 1 else pascal(n) for n, _ in raw}
    by_snake = {snake(v): v for v in names.values()} | {pluralize(snake(v)): v for v in names.values()}
    marked = any(re.search(r"\b(required|optional|nullable|obligatorio|opcional)\b", r, re.IGNORECASE)
                 for _, fs in raw for _, r in fs)
    entities = []
    for name, rows in raw:
        fields: list[FieldSpec] = []
        relations: list[RelationSpec] = []
        for fname, rest in rows:
            ident = field_ident(fname)
            low = rest.lower()
            required = ("optional" not in low and "nullable" not in low and "opcional" not in low) and (
                not marked or bool(re.search(r"\b(required|obligatorio|not null)\b", low)))
            rel = _REL.search(rest)
            target = by_snake.get(snake(rel.group(1))) if rel else None
            if not target and ident.endswith("_id"):
                target = by_snake.get(ident[:-3])
            if target:
                fld = ident if ident.endswith("_id") else snake(target) + "_id"
                if fld not in {r.field for r in relations}:
                    relations.append(RelationSpec(target=target, field=fld, required=required))
                continue
            if ident in {f.name for f in fields}:
                continue
            fields.append(_field(ident, rest, required))
        entities.append(EntitySpec(name=names[name], fields=fields, relations=relations))
    return entities


def _field(ident: str, rest: str, required: bool) -> FieldSpec:
    """One PRD field line -> FieldSpec (explicit type, bounds and choices win over name guesses)."""
    low = normalise(rest)
    words = re.findall(r"[a-z]+(?: text)?", low)
    ftype = next((_TYPES[w] for w in words if w in _TYPES), None)
    choices: list[str] = []
    enum = re.search(r"(?:enum|one of|choices|values|uno de|valores)\s*[:(\[]?\s*([^)\]]+)", low)
    if enum:
        choices = [snake(c) for c in re.split(r"[|,/]| or ", enum.group(1)) if snake(c)]
        choices = [c for c in choices if c not in {"required", "optional", "default"}][:20]
        if len(choices) >= 2:
            ftype = "enum"
    if ftype == "enum" and len(choices) < 2:
        ftype = None
    base = infer_field(ident, required=required, type_hint=ftype)
    if base.type == "enum" and choices:
        base.choices = choices
    if re.search(r"\bunique\b|\bunico\b", low):
        base.unique = True
    mn = re.search(r"(?:\bmin(?:imum)?\s*[:=]?\s*|>=\s*)(-?\d+(?:\.\d+)?)", low)
    mx = re.search(r"(?:\bmax(?:imum)?\s*[:=]?\s*|<=\s*)(-?\d+(?:\.\d+)?)", low)
    ml = re.search(r"max[_ ]?length\s*[:=]?\s*(\d+)|\((\d+)\)|up to (\d+) char", low)
    if ml and base.type in {"string", "text"}:
        base.max_length = int(next(g for g in ml.groups() if g))
    elif base.type in {"int", "decimal"}:
        if mn:
            base.min = float(mn.group(1))
        if mx:
            base.max = float(mx.group(1))
    if base.type == "int" and base.min is not None:
        base.min = int(base.min)
    if base.type == "int" and base.max is not None:
        base.max = int(base.max)
    return base
