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
}


def ui_strings(language: str) -> dict[str, str]:
    """The interface strings for `language` ('en' or 'es')."""
    return dict(_ES if language == "es" else _EN)
