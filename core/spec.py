"""AppSpec: the architect's contract for every other role (entities, fields, relations, features)."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

FieldType = Literal[
    "string", "text", "int", "decimal", "bool", "date", "datetime", "email", "url", "enum", "file",
]
APP_FEATURES = ("auth", "payments", "search", "dashboard", "contact")
# Behaviours tied to entities: each has a FeatureSpec in AppSpec.feature_specs naming where it applies.
ENTITY_FEATURES = ("ratings", "favourites", "comments", "tags", "ordering", "booking_slots", "workflow", "uploads")
FEATURES = APP_FEATURES + ENTITY_FEATURES
_IDENT = re.compile(r"^[a-z][a-z0-9_]{0,39}$")
_ENTITY = re.compile(r"^[A-Z][A-Za-z0-9]{0,39}$")
RESERVED = {"id", "created_at", "updated_at"}
RESERVED_ENTITIES = {"Upload"}  # the generated app's own uploads table and /api/uploads route
_PY_KEYWORDS = {
    "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
    "except", "false", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "none",
    "nonlocal", "not", "or", "pass", "raise", "return", "true", "try", "while", "with", "yield", "self",
    "type", "model", "session", "metadata", "q", "limit", "offset", "skip", "fields", "schema",
    # builtins and module aliases the generated models use in annotations ('int: Mapped[int]' breaks the class)
    "int", "str", "float", "bool", "list", "sa", "dt",
}


class FieldSpec(BaseModel):
    """One typed column of an entity."""

    name: str
    type: FieldType = "string"
    required: bool = True
    unique: bool = False
    min: float | None = None
    max: float | None = None
    max_length: int | None = None
    choices: list[str] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _IDENT.match(v) or v in _PY_KEYWORDS or v in RESERVED:
            raise ValueError(f"field name '{v}' must be snake_case, not reserved")
        return v

    @model_validator(mode="after")
    def _enum(self) -> FieldSpec:
        if self.type == "enum" and not self.choices:
            raise ValueError(f"enum field '{self.name}' needs choices")
        return self


class RelationSpec(BaseModel):
    """A link from this entity to `target`.

    belongs_to: many-to-one through the column `field` (e.g. category_id).
    many_to_many: a join table `<this table>_<target table>`; `field` names the id list in the API (tag_ids).
    """

    kind: Literal["belongs_to", "many_to_many"] = "belongs_to"
    target: str
    field: str = ""
    required: bool = True

    @model_validator(mode="after")
    def _field(self) -> RelationSpec:
        if not self.field:
            self.field = snake(self.target) + ("_ids" if self.kind == "many_to_many" else "_id")
        if self.kind == "many_to_many":
            self.required = False
        return self


class EntitySpec(BaseModel):
    """A resource of the generated app: a table, a router, a page."""

    name: str
    plural: str = ""
    fields: list[FieldSpec] = Field(default_factory=list)
    relations: list[RelationSpec] = Field(default_factory=list)

    @field_validator("name")
    @classmethod
    def _name(cls, v: str) -> str:
        if not _ENTITY.match(v):
            raise ValueError(f"entity name '{v}' must be PascalCase letters and digits")
        return v

    @model_validator(mode="after")
    def _plural(self) -> EntitySpec:
        if not self.plural:
            self.plural = pluralize(snake(self.name))
        names = [f.name for f in self.fields] + [r.field for r in self.relations]
        dupes = {n for n in names if names.count(n) > 1}
        if dupes:
            raise ValueError(f"entity '{self.name}' repeats fields: {', '.join(sorted(dupes))}")
        return self

    @property
    def table(self) -> str:
        """Table and URL segment name (snake plural)."""
        return self.plural

    @property
    def var(self) -> str:
        """snake_case singular name."""
        return snake(self.name)


class ThemeSpec(BaseModel):
    """The generated frontend's look."""

    mode: Literal["light", "dark"] = "light"
    primary: str = "#4f46e5"
    background: str = ""
    text: str = ""


class FeatureSpec(BaseModel):
    """Where an entity feature applies.

    entity: the entity whose rows carry it (Rating, Favourite, Comment, Tag, Card, Booking, Expense...).
    target: what it is about: the rated/favourited/commented/tagged item, the booked resource, the
      ordering parent (a card's list); empty when not applicable (workflow, uploads).
    field: the field it drives: workflow's enum status, uploads' file field, ordering's int position,
      booking_slots' start datetime (its end is `end_field`).
    transitions: workflow only: status -> statuses it may move to.
    """

    name: Literal["ratings", "favourites", "comments", "tags", "ordering", "booking_slots", "workflow", "uploads"]
    entity: str
    target: str = ""
    field: str = ""
    end_field: str = ""
    transitions: dict[str, list[str]] = Field(default_factory=dict)


class AppSpec(BaseModel):
    """The whole application as the architect designed it.

    `requested` lists, in short phrases, what the architect understood the request to ask for;
    `not_built` what of it this project does not build (shown as a warning, never silently dropped).
    """

    name: str
    title: str = ""
    description: str = ""
    language: Literal["en", "es"] = "en"
    domain: str = "custom"
    entities: list[EntitySpec] = Field(min_length=1, max_length=30)
    features: list[str] = Field(default_factory=list)
    feature_specs: list[FeatureSpec] = Field(default_factory=list)
    theme: ThemeSpec = Field(default_factory=ThemeSpec)
    requested: list[str] = Field(default_factory=list)
    not_built: list[str] = Field(default_factory=list)
    account: str = "User"  # with auth, the entity whose rows are the accounts (a 'Customer' who rates products)

    @field_validator("features")
    @classmethod
    def _features(cls, v: list[str]) -> list[str]:
        unknown = [f for f in v if f not in FEATURES]
        if unknown:
            raise ValueError(f"unknown features {unknown}; valid: {list(FEATURES)}")
        return list(dict.fromkeys(v))

    @model_validator(mode="after")
    def _relations(self) -> AppSpec:
        names = [e.name for e in self.entities]
        if len(set(names)) != len(names):
            raise ValueError("entity names must be unique")
        tables = [e.table for e in self.entities]
        if len(set(tables)) != len(tables):
            raise ValueError("entity plurals must be unique")
        clash = next((e.name for e in self.entities if e.name in RESERVED_ENTITIES or e.table == "uploads"), None)
        if clash:
            raise ValueError(f"the entity name '{clash}' is reserved by the generated app (its uploads table and "
                             f"route); rename it, e.g. FileUpload")
        for e in self.entities:
            for r in e.relations:
                if r.target not in names:
                    raise ValueError(f"{e.name} relates to unknown entity '{r.target}'")
        for fs in self.feature_specs:
            for ref in (fs.entity, fs.target):
                if ref and ref not in names:
                    raise ValueError(f"feature '{fs.name}' refers to unknown entity '{ref}'")
            if fs.name not in self.features:
                self.features.append(fs.name)
        if not self.title:
            self.title = self.name.replace("-", " ").title()
        return self

    def entity(self, name: str) -> EntitySpec:
        """The entity called `name`."""
        return next(e for e in self.entities if e.name == name)

    def uses(self, feature: str) -> list[FeatureSpec]:
        """The places where an entity feature applies (empty when the app does not use it)."""
        return [fs for fs in self.feature_specs if fs.name == feature]

    def children(self, name: str) -> list[tuple[EntitySpec, RelationSpec]]:
        """Entities that belong to `name`, with the relation that links them."""
        return [(e, r) for e in self.entities for r in e.relations if r.target == name]


def account_entity(name: str) -> EntitySpec:
    """The table of an app's accounts as it is first made: an email to sign in with and an optional name."""
    return EntitySpec(name=name, fields=[FieldSpec(name="email", type="email", unique=True),
                                         FieldSpec(name="name", required=False)])


def snake(name: str) -> str:
    """PascalCase or spaced words -> snake_case."""
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name.strip())
    return re.sub(r"[^a-zA-Z0-9]+", "_", s).strip("_").lower()


# No plural equal to its singular ('sheep'): a table and one of its items would get the same identifier.
_IRREGULAR = {"child": "children", "person": "people", "loaf": "loaves", "leaf": "leaves", "shelf": "shelves",
              "knife": "knives", "wife": "wives", "life": "lives", "half": "halves", "calf": "calves", "wolf": "wolves",
              "thief": "thieves", "scarf": "scarves", "foot": "feet", "tooth": "teeth", "mouse": "mice",
              "goose": "geese", "man": "men", "woman": "women", "species": "species", "series": "series"}


def pluralize(word: str) -> str:
    """English plural of a snake_case noun (last word)."""
    head, _, last = word.rpartition("_")
    if last in _IRREGULAR:
        last = _IRREGULAR[last]
    elif last.endswith("sis") and len(last) > 4:  # diagnosis -> diagnoses, analysis -> analyses
        last = last[:-2] + "es"
    elif last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        last = last[:-1] + "ies"
    elif last.endswith(("s", "x", "z", "ch", "sh")):
        last = last + "es"
    else:
        last = last + "s"
    return f"{head}_{last}" if head else last
