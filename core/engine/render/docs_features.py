"""README lines for the entity features' endpoints, in English and Spanish."""

from __future__ import annotations

from core.engine.render import plan
from core.spec import AppSpec


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
