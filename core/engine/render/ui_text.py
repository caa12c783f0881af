"""Fixed interface strings of generated frontends, in English and Spanish."""

from __future__ import annotations

_EN = {
    "new": "New", "save": "Save", "cancel": "Cancel", "edit": "Edit", "delete": "Delete",
    "search": "Search", "empty": "Nothing here yet: add the first one with the form.",
    "confirm": "Delete this item?", "saved": "Saved", "deleted": "Deleted", "error": "Something went wrong",
    "dashboard": "Dashboard", "login": "Sign in", "register": "Create account", "logout": "Sign out",
    "email": "Email", "password": "Password", "contact": "Contact us", "name": "Name",
    "message": "Message", "send": "Send", "sent": "Thanks, your message was sent.",
    "checkout": "Checkout", "amount": "Amount", "pay": "Pay", "none": "(none)", "actions": "Actions",
    "previous": "Previous", "next": "Next", "yes": "Yes", "no": "No", "signin_needed": "Sign in to make changes.",
    "preview": "Preview: data lives in this page only and resets on reload.", "total": "Total",
    "home": "Home", "mine": "Mine", "my_favourites": "My favourites", "favourite": "Add to favourites",
    "unfavourite": "Remove from favourites", "rate": "Rate {n} of 5", "your_rating": "Your rating",
    "ratings": "{n} ratings", "one_rating": "1 rating", "no_ratings": "No ratings yet", "average": "Average rating",
    "comments": "Comments", "add_comment": "Add a comment", "no_comments": "No comments yet.", "post": "Post",
    "move_left": "Move left", "move_right": "Move right", "move_up": "Move up", "move_down": "Move down",
    "move_to": "Move to {state}", "all": "All", "filter": "Filter by {what}", "download": "Download",
    "file": "File", "current_file": "Current file", "signed_in_as": "Signed in as {who}", "admin": "admin",
    "count_by": "{what} by {by}", "sum_by": "{what} by {by}", "by_month": "month", "details": "Details",
    "back": "Back", "close": "Close", "add_card": "Add", "no_data": "No data yet",
    "signin_to": "Sign in to rate, save favourites and comment.", "moved": "Moved", "welcome": "Welcome, {who}",
    "registered": "Account created: you are signed in.", "password_hint": "At least 8 characters",
    "sections": "Sections", "needs_js": "This app needs JavaScript.",
}
_ES = {
    "new": "Añadir", "save": "Guardar", "cancel": "Cancelar", "edit": "Editar", "delete": "Eliminar",
    "search": "Buscar", "empty": "Aún no hay nada: añade el primero con el formulario.",
    "confirm": "¿Eliminar este elemento?", "saved": "Guardado", "deleted": "Eliminado",
    "error": "Algo salió mal", "dashboard": "Panel", "login": "Iniciar sesión", "register": "Crear cuenta",
    "logout": "Cerrar sesión", "email": "Correo", "password": "Contraseña", "contact": "Contacto",
    "name": "Nombre", "message": "Mensaje", "send": "Enviar", "sent": "Gracias, tu mensaje se ha enviado.",
    "checkout": "Pago", "amount": "Importe", "pay": "Pagar", "none": "(ninguno)", "actions": "Acciones",
    "previous": "Anterior", "next": "Siguiente", "yes": "Sí", "no": "No",
    "signin_needed": "Inicia sesión para hacer cambios.",
    "preview": "Vista previa: los datos viven solo en esta página y se reinician al recargar.", "total": "Total",
    "home": "Inicio", "mine": "Míos", "my_favourites": "Mis favoritos", "favourite": "Añadir a favoritos",
    "unfavourite": "Quitar de favoritos", "rate": "Valorar con {n} de 5", "your_rating": "Tu valoración",
    "ratings": "{n} valoraciones", "one_rating": "1 valoración", "no_ratings": "Sin valoraciones todavía",
    "average": "Valoración media", "comments": "Comentarios", "add_comment": "Añade un comentario",
    "no_comments": "Aún no hay comentarios.", "post": "Publicar", "move_left": "Mover a la izquierda",
    "move_right": "Mover a la derecha", "move_up": "Subir", "move_down": "Bajar", "move_to": "Pasar a {state}",
    "all": "Todas", "filter": "Filtrar por {what}", "download": "Descargar", "file": "Archivo",
    "current_file": "Archivo actual", "signed_in_as": "Sesión iniciada como {who}", "admin": "administrador",
    "count_by": "{what} por {by}", "sum_by": "{what} por {by}", "by_month": "mes", "details": "Detalles",
    "back": "Volver", "close": "Cerrar", "add_card": "Añadir", "no_data": "Aún no hay datos",
    "signin_to": "Inicia sesión para valorar, guardar favoritos y comentar.", "moved": "Movido",
    "welcome": "Hola, {who}", "registered": "Cuenta creada: has iniciado sesión.",
    "password_hint": "Al menos 8 caracteres", "sections": "Secciones",
    "needs_js": "Esta aplicación necesita JavaScript.",
}


def ui_strings(language: str) -> dict[str, str]:
    """The interface strings for `language` ('en' or 'es')."""
    return dict(_ES if language == "es" else _EN)
