"""Hand-built AppSpecs for the backend suites: each entity feature alone, totals, and all combined (EN, ES)."""

from __future__ import annotations

from core.spec import AppSpec, EntitySpec, FeatureSpec, FieldSpec, RelationSpec

F = FieldSpec


def _e(name: str, *fields: FieldSpec, rel: tuple[str, ...] = (), m2m: tuple[str, ...] = ()) -> EntitySpec:
    """An entity with belongs_to relations `rel` and many-to-many relations `m2m`."""
    return EntitySpec(name=name, fields=list(fields),
                      relations=[RelationSpec(target=t) for t in rel]
                      + [RelationSpec(kind="many_to_many", target=t) for t in m2m])


def _recipes() -> list[EntitySpec]:
    return [_e("User", F(name="email", type="email", unique=True), F(name="name", required=False)),
            _e("Recipe", F(name="title"), F(name="minutes", type="int", min=1, required=False))]


def ratings() -> AppSpec:
    return AppSpec(name="recipes", features=["auth"], entities=[
        *_recipes(), _e("Rating", F(name="stars", type="int", min=1, max=5), F(name="review", type="text",
                                                                              required=False),
                        rel=("User", "Recipe"))],
        feature_specs=[FeatureSpec(name="ratings", entity="Rating", target="Recipe", field="stars")])


def favourites() -> AppSpec:
    # No auth and no relation to User on purpose: the renderer must add both.
    return AppSpec(name="saved-recipes", entities=[
        _e("Recipe", F(name="title")), _e("Favourite", rel=("Recipe",))],
        feature_specs=[FeatureSpec(name="favourites", entity="Favourite", target="Recipe")])


def comments() -> AppSpec:
    return AppSpec(name="blog-comments", entities=[
        _e("Post", F(name="title"), F(name="body", type="text")),
        _e("Comment", F(name="body", type="text"), F(name="author", max_length=80), rel=("Post",))],
        feature_specs=[FeatureSpec(name="comments", entity="Comment", target="Post")])


def tags() -> AppSpec:
    return AppSpec(name="tagged-blog", entities=[
        _e("Tag", F(name="name", unique=True, max_length=40)),
        _e("Post", F(name="title"), m2m=("Tag",))],
        feature_specs=[FeatureSpec(name="tags", entity="Tag", target="Post")])


def ordering() -> AppSpec:
    return AppSpec(name="board", entities=[
        _e("Board", F(name="name")), _e("BoardList", F(name="name"), rel=("Board",)),
        _e("Card", F(name="title"), F(name="position", type="int", min=0), rel=("BoardList",))],
        feature_specs=[FeatureSpec(name="ordering", entity="Card", target="BoardList", field="position")])


def booking_slots() -> AppSpec:
    return AppSpec(name="dentist", entities=[
        _e("Dentist", F(name="name")),
        _e("Appointment", F(name="patient_name"), F(name="start_at", type="datetime"),
           F(name="end_at", type="datetime"), rel=("Dentist",))],
        feature_specs=[FeatureSpec(name="booking_slots", entity="Appointment", target="Dentist", field="start_at",
                                   end_field="end_at")])


FLOW = {"draft": ["submitted"], "submitted": ["approved", "rejected"], "approved": [], "rejected": ["draft"]}


def workflow() -> AppSpec:
    return AppSpec(name="expense-reports", entities=[
        _e("ExpenseReport", F(name="title"), F(name="amount", type="decimal", min=0),
           F(name="status", type="enum", choices=list(FLOW)))],
        feature_specs=[FeatureSpec(name="workflow", entity="ExpenseReport", field="status", transitions=FLOW)])


def account_workflow() -> AppSpec:
    """The account entity itself moves through states (students who apply and get approved)."""
    return AppSpec(name="admissions", features=["auth"], account="Student", entities=[
        _e("Student", F(name="email", type="email", unique=True), F(name="name", required=False),
           F(name="status", type="enum", choices=list(FLOW))),
        _e("Course", F(name="title"), F(name="starts_on", type="date", required=False)),
        _e("Application", F(name="statement", type="text"), rel=("Student", "Course"))],
        feature_specs=[FeatureSpec(name="workflow", entity="Student", field="status", transitions=FLOW)])


def uploads() -> AppSpec:
    return AppSpec(name="jobs", entities=[
        _e("Job", F(name="title")),
        _e("Application", F(name="name"), F(name="cv", type="file", required=False), rel=("Job",))],
        feature_specs=[FeatureSpec(name="uploads", entity="Application", field="cv")])


def auth() -> AppSpec:
    # Auth without a User entity: the renderer adds the account table and owner_id columns.
    return AppSpec(name="notes", features=["auth"], entities=[_e("Note", F(name="title"), F(name="body",
                                                                                           type="text"))])


def totals() -> AppSpec:
    return AppSpec(name="orders", features=["dashboard"], entities=[
        _e("Product", F(name="name"), F(name="price", type="decimal", min=0)),
        _e("Order", F(name="reference"), F(name="total", type="decimal", required=False)),
        _e("OrderItem", F(name="quantity", type="int", min=1), F(name="unit_price", type="decimal", min=0),
           rel=("Order", "Product")),
        _e("Group", F(name="name")), _e("Member", F(name="name"), rel=("Group",)),
        _e("Expense", F(name="description"), F(name="amount", type="decimal", min=0),
           F(name="spent_on", type="date"), rel=("Group", "Member")),
        _e("Share", F(name="amount", type="decimal", min=0), rel=("Expense", "Member"))])


def combined_en() -> AppSpec:
    """Every feature in one English app."""
    return AppSpec(name="cookbook", title="Cookbook", features=["auth", "dashboard", "search"], entities=[
        *_recipes()[:1],
        _e("Tag", F(name="name", unique=True, max_length=40)),
        _e("Recipe", F(name="title"), F(name="photo", type="file", required=False),
           F(name="status", type="enum", choices=["draft", "published", "archived"]), m2m=("Tag",)),
        _e("Rating", F(name="stars", type="int"), F(name="review", type="text", required=False),
           rel=("User", "Recipe")),
        _e("Favourite", rel=("User", "Recipe")),
        _e("Comment", F(name="body", type="text"), rel=("Recipe", "User")),
        _e("Step", F(name="text", type="text"), F(name="position", type="int"), rel=("Recipe",)),
        _e("Kitchen", F(name="name")),
        _e("Booking", F(name="start_at", type="datetime"), F(name="end_at", type="datetime"),
           F(name="price", type="decimal", min=0), rel=("Kitchen",))],
        feature_specs=[
            FeatureSpec(name="tags", entity="Tag", target="Recipe"),
            FeatureSpec(name="ratings", entity="Rating", target="Recipe", field="stars"),
            FeatureSpec(name="favourites", entity="Favourite", target="Recipe"),
            FeatureSpec(name="comments", entity="Comment", target="Recipe"),
            FeatureSpec(name="ordering", entity="Step", target="Recipe", field="position"),
            FeatureSpec(name="booking_slots", entity="Booking", target="Kitchen", field="start_at",
                        end_field="end_at"),
            FeatureSpec(name="workflow", entity="Recipe", field="status",
                        transitions={"draft": ["published"], "published": ["archived"], "archived": []}),
            FeatureSpec(name="uploads", entity="Recipe", field="photo")])


def combined_es() -> AppSpec:
    """Every feature in one Spanish app (a clinic with reviews, files, visits and invoices)."""
    return AppSpec(name="clinica", title="Clínica dental", language="es", features=["auth", "dashboard"],
                   entities=[
        _e("User", F(name="email", type="email", unique=True), F(name="nombre", required=False)),
        _e("Etiqueta", F(name="nombre", unique=True, max_length=40)),
        _e("Dentista", F(name="nombre"), F(name="foto", type="file", required=False), m2m=("Etiqueta",)),
        _e("Valoracion", F(name="estrellas", type="int"), rel=("User", "Dentista")),
        _e("Favorito", rel=("User", "Dentista")),
        _e("Comentario", F(name="texto", type="text"), rel=("Dentista",)),
        _e("Cita", F(name="fecha_inicio", type="datetime"), F(name="fecha_fin", type="datetime"),
           F(name="estado", type="enum", choices=["pendiente", "confirmada", "cancelada"]), rel=("Dentista",)),
        _e("Tratamiento", F(name="nombre"), F(name="posicion", type="int"), rel=("Dentista",)),
        _e("Factura", F(name="numero")),
        _e("LineaFactura", F(name="cantidad", type="int", min=1), F(name="precio", type="decimal", min=0),
           rel=("Factura",))],
        feature_specs=[
            FeatureSpec(name="tags", entity="Etiqueta", target="Dentista"),
            FeatureSpec(name="ratings", entity="Valoracion", target="Dentista", field="estrellas"),
            FeatureSpec(name="favourites", entity="Favorito", target="Dentista"),
            FeatureSpec(name="comments", entity="Comentario", target="Dentista"),
            FeatureSpec(name="ordering", entity="Tratamiento", target="Dentista", field="posicion"),
            FeatureSpec(name="booking_slots", entity="Cita", target="Dentista", field="fecha_inicio",
                        end_field="fecha_fin"),
            FeatureSpec(name="workflow", entity="Cita", field="estado",
                        transitions={"pendiente": ["confirmada", "cancelada"], "confirmada": ["cancelada"],
                                     "cancelada": []}),
            FeatureSpec(name="uploads", entity="Dentista", field="foto")])


ALONE = {"auth": auth, "ratings": ratings, "favourites": favourites, "comments": comments, "tags": tags,
         "ordering": ordering, "booking_slots": booking_slots, "workflow": workflow, "uploads": uploads,
         "totals": totals, "account_workflow": account_workflow}


def sparse() -> AppSpec:
    """Features named with little detail: the renderer completes fields, relations, states and accounts."""
    return AppSpec(name="sparse", entities=[
        _e("User", F(name="email", type="email", unique=True), F(name="nickname", max_length=40)),
        _e("Project", F(name="name"), m2m=("User",)),
        _e("Task", F(name="title"), F(name="state"), F(name="due", type="date", required=False), rel=("Project",)),
        _e("Slot", F(name="starts", type="date"), F(name="ends", type="date"), rel=("Project",)),
        _e("Review"), _e("Pin", F(name="note")), _e("Label", F(name="name", max_length=30)),
        _e("Attachment", F(name="title"), F(name="document", required=False))],
        feature_specs=[FeatureSpec(name="ratings", entity="Review", target="Project"),
                       FeatureSpec(name="favourites", entity="Pin", target="Project"),
                       FeatureSpec(name="ordering", entity="Task", target="Project"),
                       FeatureSpec(name="workflow", entity="Task", field="state"),
                       FeatureSpec(name="booking_slots", entity="Slot", target="Project", field="starts",
                                   end_field="ends"),
                       FeatureSpec(name="tags", entity="Label", target="Task"),
                       FeatureSpec(name="uploads", entity="Attachment", field="document"),
                       FeatureSpec(name="comments", entity="Attachment")])
