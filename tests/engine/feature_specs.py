"""AppSpecs built by hand that use each entity feature, alone and combined, in English and Spanish."""

from __future__ import annotations

from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, RelationSpec, ThemeSpec

WORKFLOW = {"draft": ["submitted"], "submitted": ["approved", "rejected"], "approved": [], "rejected": ["draft"]}


def _f(name: str, type_: str = "string", **kw: object) -> FieldSpec:
    return FieldSpec(name=name, type=type_, **kw)


def recipes(language: str = "en", features: tuple[str, ...] = ("ratings", "favourites", "comments", "tags")) -> AppSpec:
    """Recipes people rate, save, discuss and tag (with accounts and a dashboard)."""
    recipe = EntitySpec(name="Recipe", fields=[
        _f("title"), _f("description", "text", required=False), _f("servings", "int", min=1, max=50),
        _f("price", "decimal", min=0, required=False), _f("cooked_on", "date", required=False),
        _f("difficulty", "enum", choices=["easy", "medium", "hard"]), _f("photo", "file", required=False)],
        relations=[RelationSpec(target="Category", required=False)]
        + ([RelationSpec(kind="many_to_many", target="Tag")] if "tags" in features else []))
    entities = [EntitySpec(name="User", fields=[_f("name"), _f("email", "email", unique=True)]),
                EntitySpec(name="Category", plural="categories", fields=[_f("name")]), recipe]
    specs = []
    if "ratings" in features:
        entities.append(EntitySpec(name="Rating", fields=[_f("stars", "int", min=1, max=5),
                                                          _f("review", "text", required=False)],
                                   relations=[RelationSpec(target="User"), RelationSpec(target="Recipe")]))
        specs.append(FeatureSpec(name="ratings", entity="Rating", target="Recipe", field="stars"))
    if "favourites" in features:
        entities.append(EntitySpec(name="Favourite",
                                   relations=[RelationSpec(target="User"), RelationSpec(target="Recipe")]))
        specs.append(FeatureSpec(name="favourites", entity="Favourite", target="Recipe"))
    if "comments" in features:
        entities.append(EntitySpec(name="Comment", fields=[_f("body", "text")],
                                   relations=[RelationSpec(target="User"), RelationSpec(target="Recipe")]))
        specs.append(FeatureSpec(name="comments", entity="Comment", target="Recipe"))
    if "tags" in features:
        entities.append(EntitySpec(name="Tag", fields=[_f("name", unique=True)]))
        specs.append(FeatureSpec(name="tags", entity="Tag", target="Recipe"))
    title = "Recetas de la abuela" if language == "es" else "Family recipes"
    return AppSpec(name="recipes", title=title, language=language, domain="recipes", entities=entities,
                   features=["auth", "dashboard"], feature_specs=specs, theme=ThemeSpec(primary="#c2410c"))


def board(language: str = "en") -> AppSpec:
    """A Trello-like board: lists with cards that move."""
    return AppSpec(name="board", title="Tablero" if language == "es" else "Team board", language=language,
                   entities=[EntitySpec(name="BoardList", fields=[_f("name")]),
                             EntitySpec(name="Card", fields=[_f("title"), _f("notes", "text", required=False),
                                                             _f("position", "int", min=0)],
                                        relations=[RelationSpec(target="BoardList")])],
                   feature_specs=[FeatureSpec(name="ordering", entity="Card", target="BoardList", field="position")])


def dentist(language: str = "en") -> AppSpec:
    """Appointments with dentists that may not overlap."""
    return AppSpec(name="dentist", title="Clínica dental" if language == "es" else "Smile dental clinic",
                   language=language,
                   entities=[EntitySpec(name="Dentist", fields=[_f("name"), _f("specialty", required=False)]),
                             EntitySpec(name="Appointment", fields=[
                                 _f("patient_name"), _f("start_at", "datetime"), _f("end_at", "datetime"),
                                 _f("reason", required=False)], relations=[RelationSpec(target="Dentist")])],
                   feature_specs=[FeatureSpec(name="booking_slots", entity="Appointment", target="Dentist",
                                              field="start_at", end_field="end_at")])


def expenses(language: str = "en") -> AppSpec:
    """Expense reports that move through a workflow, with a receipt upload and charts of sums."""
    return AppSpec(name="expenses", title="Gastos de viaje" if language == "es" else "Expense reports",
                   language=language, features=["dashboard"],
                   entities=[EntitySpec(name="ExpenseReport", fields=[
                       _f("title"), _f("amount", "decimal", min=0), _f("spent_on", "date"),
                       _f("status", "enum", choices=list(WORKFLOW)),
                       _f("kind", "enum", choices=["travel", "meals", "supplies"]),
                       _f("receipt", "file", required=False)])],
                   feature_specs=[FeatureSpec(name="workflow", entity="ExpenseReport", field="status",
                                              transitions=WORKFLOW),
                                  FeatureSpec(name="uploads", entity="ExpenseReport", field="receipt")])


def shop(language: str = "en") -> AppSpec:
    """Orders whose total comes from their lines (quantity x unit price)."""
    return AppSpec(name="shop", title="Tienda" if language == "es" else "Corner shop", language=language,
                   features=["dashboard"],
                   entities=[EntitySpec(name="Product", fields=[_f("name"), _f("price", "decimal", min=0)]),
                             EntitySpec(name="Order", fields=[_f("placed_on", "date"),
                                                              _f("status", "enum", choices=["new", "paid", "sent"])]),
                             EntitySpec(name="OrderItem", fields=[_f("quantity", "int", min=1),
                                                                  _f("unit_price", "decimal", min=0)],
                                        relations=[RelationSpec(target="Order"), RelationSpec(target="Product")])])


def everything(language: str = "en") -> AppSpec:
    """Every entity feature in one app, with accounts."""
    parts = [recipes(language), board(language), dentist(language), expenses(language)]
    entities, specs = [], []
    for p in parts:
        entities += [e for e in p.entities if e.name not in {x.name for x in entities}]
        specs += p.feature_specs
    return AppSpec(name="everything", title="Todo en uno" if language == "es" else "All in one", language=language,
                   entities=entities, features=["auth", "dashboard", "search"], feature_specs=specs)


def money(language: str = "en") -> AppSpec:
    """Order totals from their lines and a Splitwise-like group with balances."""
    base = shop(language)
    split = [EntitySpec(name="Group", fields=[_f("name")]),
             EntitySpec(name="Member", fields=[_f("name")], relations=[RelationSpec(target="Group")]),
             EntitySpec(name="Expense", fields=[_f("description"), _f("amount", "decimal", min=0),
                                                _f("spent_on", "date")],
                        relations=[RelationSpec(target="Group"), RelationSpec(target="Member")]),
             EntitySpec(name="Share", fields=[_f("amount", "decimal", min=0, required=False)],
                        relations=[RelationSpec(target="Expense"), RelationSpec(target="Member")])]
    return AppSpec(name="money", title="Cuentas" if language == "es" else "Shop and shared costs",
                   language=language, features=["dashboard"], entities=base.entities + split)
