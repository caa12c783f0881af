"""README and ARCHITECTURE.md text for the entity features (endpoints, rules), in English and Spanish."""

from __future__ import annotations

from core.engine.render import plan
from core.spec import AppSpec

FEATURES_ES = {"auth": "cuentas de usuario e inicio de sesión", "payments": "pagos con Stripe",
               "search": "búsqueda global", "dashboard": "panel de estadísticas", "contact": "formulario de contacto",
               "ratings": "valoraciones", "favourites": "favoritos", "comments": "comentarios",
               "tags": "etiquetas", "ordering": "orden manual", "booking_slots": "reservas por franja horaria",
               "workflow": "flujo de estados", "uploads": "subida de archivos"}


def feature_endpoints(spec: AppSpec, language: str) -> list[str]:
    """One README bullet per feature endpoint the app has."""
    es = language == "es"
    out: list[str] = []
    if plan.has_auth(spec):
        out.append("- `GET /api/<tabla>?mine=true` solo los registros propios; solo su propietario o un "
                   "administrador puede modificar o eliminar un registro (403)" if es else
                   "- `GET /api/<table>?mine=true` only your own rows; only a row's owner or an admin may change or "
                   "delete it (403)")
    for e in spec.entities:
        for r in plan.many_to_many(e):
            t = spec.entity(r.target)
            out.append(f"- `PUT|DELETE /api/{e.table}/{{id}}/{t.table}/{{{t.var}_id}}` " + (
                f"enlaza o desenlaza; `{r.field}` al crear o modificar; `?{plan.link_filter(r)}=` filtra" if es else
                f"link or unlink; `{r.field}` on create and update; `?{plan.link_filter(r)}=` filters"))
    for fs in spec.feature_specs:
        e, t = spec.entity(fs.entity), spec.entity(fs.target) if fs.target else None
        if fs.name == "ratings" and t:
            out.append(f"- `POST /api/{e.table}` " + (
                f"valora de 1 a 5 (una valoración por usuario: repetir la reemplaza, 200); `{t.table}` muestran "
                "`rating_average` y `rating_count`" if es else
                f"rates 1-5 (one rating per user: rating again replaces it, 200); {t.table} show "
                "`rating_average` and `rating_count`"))
        elif fs.name == "favourites" and t:
            out.append(f"- `POST /api/{t.table}/{{id}}/favourite` " + (
                "marca o desmarca como favorito; `GET /api/me/favourites` lista los tuyos" if es else
                "toggles a favourite; `GET /api/me/favourites` lists yours"))
        elif fs.name == "comments" and t:
            out.append(f"- `GET /api/{t.table}/{{id}}/{e.table}` " + (
                "comentarios, los más recientes primero" if es else "comments, newest first"))
        elif fs.name == "ordering" and t:
            link = next(r.field for r in plan.belongs_to(e) if r.target == t.name)
            optional = "opcional" if es else "optional"
            out.append(f'- `POST /api/{e.table}/{{id}}/move` `{{"{fs.field}": n, "{link}": {optional}}}` ' + (
                "mueve manteniendo las posiciones seguidas" if es else "moves, keeping positions dense"))
        elif fs.name == "booking_slots" and t:
            out.append(f"- `POST /api/{e.table}` " + (
                f"`{fs.end_field}` posterior a `{fs.field}` y nada en el pasado (422); un solape con otra reserva "
                "del mismo recurso responde 409" if es else
                f"`{fs.end_field}` after `{fs.field}` and nothing in the past (422); an overlap with another "
                "booking of the same resource answers 409"))
        elif fs.name == "workflow":
            out.append(f'- `POST /api/{e.table}/{{id}}/transition` `{{"{fs.field}": ...}}` ' + (
                "cambia de estado; una transición no permitida responde 409" if es else
                "changes state; a transition not allowed answers 409"))
    if "uploads" in spec.features:
        out.append("- `POST /api/uploads` " + (
            "sube un archivo (multipart, hasta 5 MB: pdf, imágenes, txt, doc, docx); `GET /api/uploads/{id}` lo "
            "devuelve" if es else
            "uploads one file (multipart, up to 5 MB: pdf, images, txt, doc, docx); `GET /api/uploads/{id}` "
            "serves it"))
    for e in spec.entities:
        if plan.expense_split(spec, e):
            out.append(f"- `GET /api/{e.table}/{{id}}/balances` " + (
                "lo que cada miembro pagó, debe y su saldo" if es else "what each member paid, owes and their balance"))
    return out


_RULES = {
    "ratings": ("`{entity}` rates `{target}` by `{field}` (1-5), one per user; `{target}` shows the average and count",
                "`{entity}` valora `{target}` con `{field}` (1-5), una por usuario; `{target}` muestra la media y el "
                "número"),
    "favourites": ("users mark `{target}` rows as favourites (`{entity}`), a toggle",
                   "cada usuario marca `{target}` como favorito (`{entity}`), con un interruptor"),
    "comments": ("`{entity}` comments on `{target}`, newest first",
                 "`{entity}` comenta `{target}`, lo más nuevo primero"),
    "tags": ("`{target}` is tagged with many `{entity}` and filtered by one",
             "`{target}` se enlaza con varios registros de `{entity}` y se filtra por uno"),
    "ordering": ("`{entity}` keeps a dense `{field}` inside its `{target}`, moved with /move",
                 "`{entity}` mantiene `{field}` seguida dentro de su `{target}`; se mueve con /move"),
    "booking_slots": ("`{entity}` books `{target}` from `{field}` to `{end}`: no overlaps (409), no past, end after "
                      "start (422)", "`{entity}` reserva `{target}` de `{field}` a `{end}`: sin solapes (409), nada en "
                      "el pasado y el fin después del inicio (422)"),
    "workflow": ("`{entity}`.`{field}` moves only {moves} (else 409)",
                 "`{entity}`.`{field}` solo admite los cambios {moves} (si no, 409)"),
    "uploads": ("`{entity}`.`{field}` holds an uploaded file (5 MB, pdf/images/txt/doc/docx)",
                "`{entity}`.`{field}` guarda un archivo subido (5 MB, pdf/imágenes/txt/doc/docx)"),
}


def feature_rules_md(spec: AppSpec, language: str) -> str:
    """ARCHITECTURE.md lines: each feature's rule, accounts, and what was asked and not built."""
    es = language == "es"
    lines = []
    if plan.has_auth(spec):
        lines.append("- **cuentas** (`auth`): las cuentas son `User` (la primera es admin); cada fila tiene "
                     "propietario y solo él o un admin la cambia (403)" if es else
                     "- **auth**: accounts are `User` (the first is the admin); every row has an owner and only they "
                     "or an admin change it (403)")
    for fs in spec.feature_specs:
        moves = ", ".join(f"{a} → {'/'.join(b)}" for a, b in fs.transitions.items() if b)
        text = _RULES[fs.name][1 if es else 0].format(entity=fs.entity, target=fs.target, field=fs.field,
                                                       end=fs.end_field, moves=moves)
        lines.append(f"- **{FEATURES_ES[fs.name]}** (`{fs.name}`): {text}" if es else f"- **{fs.name}**: {text}")
    for label, phrases in (("Pedido: " if es else "Requested: ", spec.requested),
                           ("No construido: " if es else "Not built: ", spec.not_built)):
        if phrases:  # 'snag details: room, priority' holds commas of its own: then the phrases are split by ';'
            lines.append(label + ("; " if any("," in x or ":" in x for x in phrases) else ", ").join(phrases) + ".")
    return "\n".join(lines) + "\n\n" if lines else ""
