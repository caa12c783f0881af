"""UI text in English and Spanish: the English text is the key, so English labels never drift."""

from __future__ import annotations

from typing import Any

LANGUAGES = {"en": "English", "es": "Español"}

ES: dict[str, str] = {
    # Shell and navigation
    "Build": "Crear",
    "Account": "Cuenta",
    "Admin": "Administración",
    "Generate": "Generar",
    "Projects": "Proyectos",
    "Billing": "Facturación",
    "Settings": "Ajustes",
    "Welcome": "Bienvenida",
    "Log out": "Cerrar sesión",
    "{n} credits": "{n} créditos",
    "{n} credit": "{n} crédito",
    "Please log in first.": "Inicia sesión primero.",
    "You have been logged out.": "Has cerrado la sesión.",
    "Your session ended (logged out or password changed). Please log in again.":
        "Tu sesión terminó (cierre de sesión o cambio de contraseña). Vuelve a iniciar sesión.",
    # Landing and accounts
    "Describe an app in plain words. Watch a team of AI roles build it.":
        "Describe una aplicación con tus palabras. Mira cómo un equipo de roles de IA la construye.",
    "An **architect** designs it, **backend**, **frontend** and **devops** engineers write it, "
    "a **security** auditor reviews it and a **tester** runs its tests. You read every file, "
    "preview the app, download it as a ZIP or push it to git, and keep improving it.":
        "Un **arquitecto** la diseña, ingenieros de **backend**, **frontend** y **devops** la escriben, "
        "un auditor de **seguridad** la revisa y un **tester** ejecuta sus pruebas. Lees cada archivo, "
        "previsualizas la app, la descargas como ZIP o la subes a git, y sigues mejorándola.",
    "**Try for example:**": "**Prueba por ejemplo:**",
    "New accounts get **{n} free credits**: enough for {k} complete apps.":
        "Las cuentas nuevas reciben **{n} créditos gratis**: suficientes para {k} apps completas.",
    "Works offline with the built-in Offline engine; add your own model keys in Settings.":
        "Funciona sin conexión con el motor offline integrado; añade tus claves de modelos en Ajustes.",
    "Log in": "Iniciar sesión",
    "Create account": "Crear cuenta",
    "Username": "Usuario",
    "Password": "Contraseña",
    "Repeat password": "Repite la contraseña",
    "First name": "Nombre",
    "Last name": "Apellidos",
    "Email": "Correo electrónico",
    "At least 8 characters with letters and digits (at most 72 bytes).":
        "Al menos 8 caracteres con letras y dígitos (como máximo 72 bytes).",
    "Wrong username or password": "Usuario o contraseña incorrectos",
    "Too many attempts, try again in a minute": "Demasiados intentos, vuelve a probar en un minuto",
    "Passwords do not match": "Las contraseñas no coinciden",
    "Password is too long: use at most 72 bytes": "La contraseña es demasiado larga: usa como máximo 72 bytes",
    "Password is too weak: use at least 8 characters with letters and digits":
        "La contraseña es demasiado débil: usa al menos 8 caracteres con letras y dígitos",
    "Username is already registered": "Ese usuario ya está registrado",
    "Email is already registered": "Ese correo ya está registrado",
    "Name is required": "El nombre es obligatorio",
    "Username must be 3-32 letters, digits, '.', '_' or '-'":
        "El usuario debe tener 3-32 letras, dígitos, '.', '_' o '-'",
    "Current password is wrong": "La contraseña actual es incorrecta",
    # Statuses
    "Queued": "En cola",
    "Running": "En curso",
    "Completed": "Completado",
    "Failed": "Fallido",
    "Cancelled": "Cancelado",
    "Unsupported": "No soportado",
    "Needs review": "Requiere revisión",
    "Pending": "Pendiente",
    "Skipped": "Omitido",
}

CATALOGUES = {"es": ES}


def t(text: str, language: str = "en", **fmt: Any) -> str:
    """`text` translated to `language` (English when missing), formatted with `fmt`."""
    translated = CATALOGUES.get(language, {}).get(text, text)
    if not fmt:
        return translated
    try:
        return translated.format(**fmt)
    except (KeyError, IndexError, ValueError):
        return text.format(**fmt)
