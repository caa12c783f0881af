"""UI text in English and Spanish: the English text is the key, so English labels never drift."""

from __future__ import annotations

import re
from typing import Any

from core.i18n_studio import ES_STUDIO

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
    # Generate
    "Project name": "Nombre del proyecto",
    "Describe your app": "Describe tu app",
    "Examples": "Ejemplos",
    "Model": "Modelo",
    "Describe the app you want in English or Spanish. Six AI roles design, write, audit and test it while you watch.":
        "Describe la app que quieres en español o inglés. Seis roles de IA la diseñan, escriben, auditan y prueban "
        "mientras miras.",
    "{n} / {limit} characters": "{n} / {limit} caracteres",
    "Cost: **{cost}** · Your balance: **{balance}**": "Coste: **{cost}** · Tu saldo: **{balance}**",
    "My task manager": "Mi gestor de tareas",
    "Who uses it, what they keep track of, which fields matter…":
        "Quién la usa, qué necesita registrar, qué campos importan…",
    "What you get": "Qué obtienes",
    "- A FastAPI backend with a database and one API per entity\n- A responsive web frontend and a live preview\n"
    "- Tests that exercise every endpoint, run for you\n- A security audit, Docker, CI and a README\n"
    "- The full git history, one commit per role":
        "- Un backend FastAPI con base de datos y una API por entidad\n- Un frontend web adaptable y una vista previa "
        "en vivo\n- Pruebas de cada endpoint, que AUTOCREA ejecuta por ti\n- Una auditoría de seguridad, Docker, CI y "
        "un README\n- Todo el historial git, un commit por rol",
    "The Offline engine builds common business apps without any model key. For anything else, add a model in "
    "Settings.": "El motor offline construye apps de gestión habituales sin ninguna clave. Para lo demás, añade un "
                 "modelo en Ajustes.",
    "Insufficient credits: need {need}, have {have}": "Créditos insuficientes: necesitas {need}, tienes {have}",
    "Get more credits in Billing": "Consigue más créditos en Facturación",
    "Start a new app": "Empezar una app nueva",
    "New app": "App nueva",
    "Download ZIP": "Descargar ZIP",
    "Push to git": "Subir a git",
    "Remote URL": "URL remota",
    "Access token (optional)": "Token de acceso (opcional)",
    "Used for this push only; never stored or logged.": "Solo para esta subida; nunca se guarda ni se registra.",
    "Push": "Subir",
    "Pushing…": "Subiendo…",
    "Pushed commit {sha}.": "Commit {sha} subido.",
    "Cancel": "Cancelar",
    "Cancelling… the current role stops at its next checkpoint.":
        "Cancelando… el rol actual se detiene en su próximo punto de control.",
    "Cancelled.": "Cancelado.",
    "The {role} stopped": "El {role} se detuvo",
    "Your credits were refunded: this cost you nothing.": "Se te devolvieron los créditos: no te ha costado nada.",
    "Credits charged: {n}.": "Créditos cobrados: {n}.",
    "The last change broke {n} of the project's tests. Keep it anyway, or discard it to restore the previous "
    "version (the {cost} are refunded).": "El último cambio rompió {n} pruebas del proyecto. Consérvalo igualmente "
    "o descártalo para restaurar la versión anterior (se devuelven los {cost}).",
    "Keep the change": "Conservar el cambio",
    "Discard the change": "Descartar el cambio",
    "Improve this app": "Mejora esta app",
    "e.g. add a priority field to tasks · añade categorías a los productos":
        "p. ej. añade categorías a los productos · add a priority field to tasks",
    "Costs {cost}; only the affected roles run again.": "Cuesta {cost}; solo vuelven a trabajar los roles afectados.",
    "Improve": "Mejorar",
    "Files appear here as each role finishes.": "Los archivos aparecen aquí a medida que termina cada rol.",
    "Code": "Código",
    "Preview": "Vista previa",
    "Architecture": "Arquitectura",
    "Security audit": "Auditoría de seguridad",
    "Tests": "Pruebas",
    "History": "Historial",
    # Studio
    "Architect": "Arquitecto",
    "Backend developer": "Desarrollador backend",
    "Frontend developer": "Desarrollador frontend",
    "DevOps engineer": "Ingeniero DevOps",
    "Security auditor": "Auditor de seguridad",
    "Tester": "Tester",
    "{done} of {total} roles done · {elapsed}": "{done} de {total} roles terminados · {elapsed}",
    "Queued: the team starts in a moment.": "En cola: el equipo empieza en un momento.",
    "waiting": "esperando",
    "working…": "trabajando…",
    "skipped": "omitido",
    "done": "hecho",
    "{n} tokens": "{n} tokens",
    "Files: {names}": "Archivos: {names}",
    "Starts when the roles it depends on have finished.": "Empieza cuando terminen los roles de los que depende.",
    "Files": "Archivos",
    "Edit": "Editar",
    "Save": "Guardar",
    "Discard": "Descartar",
    "Saved as snapshot {seq}: {message}": "Guardado como instantánea {seq}: {message}",
    "This project has no preview page yet; it appears when the frontend role finishes.":
        "Este proyecto aún no tiene vista previa; aparece cuando termina el rol de frontend.",
    "The preview route needs the full server: run `streamlit run server.py` (or `make run`) instead of "
    "`streamlit run app.py`.": "La vista previa necesita el servidor completo: ejecuta `streamlit run server.py` "
    "(o `make run`) en lugar de `streamlit run app.py`.",
    "A live, in-browser copy of your app with sample data, isolated from AUTOCREA.":
        "Una copia en vivo de tu app en el navegador, con datos de ejemplo y aislada de AUTOCREA.",
    "Preview of {name}": "Vista previa de {name}",
    "Open preview in a new tab": "Abrir la vista previa en otra pestaña",
    "The architect has not produced a design yet.": "El arquitecto aún no ha producido un diseño.",
    "Features: {names}": "Funciones: {names}",
    "Entity": "Entidad",
    "Field": "Campo",
    "Type": "Tipo",
    "Required": "Obligatorio",
    "Unique": "Único",
    "Choices": "Opciones",
    "Entity relationship diagram of {name}": "Diagrama entidad-relación de {name}",
    "High": "Alta",
    "Medium": "Media",
    "Low": "Baja",
    "The security audit has not run yet.": "La auditoría de seguridad aún no se ha ejecutado.",
    "The tests have not run for this version.": "Las pruebas no se han ejecutado para esta versión.",
    "Passed": "Superadas",
    "Isolation: {mode}": "Aislamiento: {mode}",
    "No snapshots yet: each role's work is saved here as it finishes.":
        "Aún no hay instantáneas: el trabajo de cada rol se guarda aquí al terminar.",
    "Role": "Rol",
    "Message": "Mensaje",
    "Created": "Creado",
    "From snapshot": "Desde la instantánea",
    "To snapshot": "Hasta la instantánea",
    "No differences.": "Sin diferencias.",
    # Projects
    "Search": "Buscar",
    "Name or description": "Nombre o descripción",
    "Status": "Estado",
    "All": "Todos",
    "{n} projects": "{n} proyectos",
    "1 project": "1 proyecto",
    "No project matches. Clear the search or the status filter.":
        "Ningún proyecto coincide. Borra la búsqueda o el filtro de estado.",
    "You have no projects yet. Describe an app on the Generate page and it will appear here.":
        "Aún no tienes proyectos. Describe una app en la página Generar y aparecerá aquí.",
    "Generate your first app": "Genera tu primera app",
    "{passed} passed · {failed} failed": "{passed} superadas · {failed} fallidas",
    "tests not run": "pruebas sin ejecutar",
    "Open": "Abrir",
    "ZIP": "ZIP",
    "Delete": "Eliminar",
    "Delete this project": "Eliminar este proyecto",
    "Delete **{name}** and its history? This cannot be undone; your credit history is kept.":
        "¿Eliminar **{name}** y su historial? No se puede deshacer; tu historial de créditos se conserva.",
    "Yes, delete": "Sí, eliminar",
    "Keep it": "Conservarlo",
    "Deleted {name}.": "{name} eliminado.",
    # Settings
    "General": "General",
    "Model keys": "Claves de modelos",
    "Language": "Idioma",
    "UI language": "Idioma de la interfaz",
    "Models": "Modelos",
    "Default provider": "Proveedor por defecto",
    "Fallback provider": "Proveedor de respaldo",
    "Used when the default provider keeps failing.": "Se usa cuando el proveedor por defecto sigue fallando.",
    "None": "Ninguno",
    "Saved.": "Guardado.",
    "Only providers you can use right now are listed. Add a key in Model keys to use more.":
        "Solo aparecen los proveedores que puedes usar ahora. Añade una clave en Claves de modelos para usar más.",
    "Keys are encrypted at rest and never shown again in full.":
        "Las claves se guardan cifradas y nunca se vuelven a mostrar completas.",
    "Test connection": "Probar conexión",
    "Calling {p}…": "Llamando a {p}…",
    "API key": "Clave de API",
    "Base URL": "URL base",
    "Save key": "Guardar clave",
    "Replace key": "Reemplazar clave",
    "Current password": "Contraseña actual",
    "New password": "Contraseña nueva",
    "Change password": "Cambiar contraseña",
    "Password changed. Other sessions have been signed out.":
        "Contraseña cambiada. Se han cerrado las demás sesiones.",
    # Billing
    "Balance": "Saldo",
    "A new app costs": "Una app nueva cuesta",
    "An improvement costs": "Una mejora cuesta",
    "Plans": "Planes",
    "Purchases are not available here yet: buying credits needs Stripe to be configured "
    "(STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET). Ask the operator of this installation; an "
    "administrator can also grant credits.":
        "Aquí aún no se puede comprar: comprar créditos requiere configurar Stripe (STRIPE_SECRET_KEY y "
        "STRIPE_WEBHOOK_SECRET). Pregunta al operador de esta instalación; un administrador también puede "
        "concederte créditos.",
    "Monthly subscription": "Suscripción mensual",
    "One-off purchase": "Compra única",
    "Credit packs": "Paquetes de créditos",
    "Credits every month for a few apps and many improvements.":
        "Créditos cada mes para unas cuantas apps y muchas mejoras.",
    "More credits every month, for teams that build often.": "Más créditos cada mes, para equipos que crean a menudo.",
    "Top up any time; credits never expire.": "Recarga cuando quieras; los créditos no caducan.",
    "Choose": "Elegir",
    "Checkout opens when Stripe is configured.": "El pago se abre cuando Stripe esté configurado.",
    "Buy": "Comprar",
    "Subscribe": "Suscribirse",
    "{price} / month": "{price} / mes",
    "{n} credits every month": "{n} créditos cada mes",
    "You already have a subscription.": "Ya tienes una suscripción.",
    "Continue to secure checkout": "Continuar al pago seguro",
    "Payment received: credits arrive in a few seconds.": "Pago recibido: los créditos llegan en unos segundos.",
    "Refresh balance": "Actualizar saldo",
    "Checkout cancelled: nothing was charged.": "Pago cancelado: no se ha cobrado nada.",
    "Your subscription: **{plan}** ({status}); current period ends {date}.":
        "Tu suscripción: **{plan}** ({status}); el periodo actual termina el {date}.",
    "Active": "Activa",
    "Trialing": "En periodo de prueba",
    "Past due": "Pago pendiente",
    "Purchases are not available: Stripe is not configured (STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET).":
        "No se puede comprar: Stripe no está configurado (STRIPE_SECRET_KEY y STRIPE_WEBHOOK_SECRET).",
    "Could not reach Stripe to start the checkout. Nothing was charged; please try again in a minute.":
        "No se pudo contactar con Stripe para iniciar el pago. No se ha cobrado nada; inténtalo de nuevo en un "
        "minuto.",
    "Stripe refused to start the checkout. Nothing was charged; please tell the operator of this installation.":
        "Stripe rechazó iniciar el pago. No se ha cobrado nada; avisa al operador de esta instalación.",
    "Stripe returned a checkout without a payment link. Nothing was charged; please try again.":
        "Stripe devolvió un pago sin enlace. No se ha cobrado nada; inténtalo de nuevo.",
    "Credit history": "Historial de créditos",
    "No credit movements yet.": "Aún no hay movimientos de créditos.",
    "Date": "Fecha",
    "Kind": "Tipo",
    "Credits": "Créditos",
    "Reference": "Referencia",
    "Memo": "Nota",
    "Trial": "Prueba",
    "Grant": "Concesión",
    "Charge": "Cargo",
    "Refund": "Reembolso",
    "Purchase": "Compra",
    "Subscription": "Suscripción",
    "Adjustment": "Ajuste",
    # Admin
    "This page is for administrators only. Your account cannot open it.":
        "Esta página es solo para administradores. Tu cuenta no puede abrirla.",
    "Users": "Usuarios",
    "{n} administrators": "{n} administradores",
    "Credits granted": "Créditos concedidos",
    "Credits charged": "Créditos cobrados",
    "Credits refunded": "Créditos devueltos",
    "Generations by status": "Generaciones por estado",
    "Generations by provider": "Generaciones por proveedor",
    "No generations yet.": "Aún no hay generaciones.",
    "Credits by day": "Créditos por día",
    "No ledger entries in the last 30 days.": "Sin movimientos en los últimos 30 días.",
    "Recent projects": "Proyectos recientes",
    "No projects yet.": "Aún no hay proyectos.",
    "Name": "Nombre",
    "Owner": "Propietario",
    "Accounts": "Cuentas",
    "Grant credits": "Conceder créditos",
    "Memo (why)": "Nota (motivo)",
    "Granted {amount} credits to {user}; balance {n}.": "Concedidos {amount} créditos a {user}; saldo {n}.",
    "Something went wrong on our side. Please try again; if it keeps happening, tell the operator this error id: "
    "**{error_id}**": "Algo falló por nuestra parte. Vuelve a intentarlo; si sigue pasando, da al operador este "
                      "identificador de error: **{error_id}**",
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
    # Studio polish: file tree, audit/tests verdicts, per-file diffs, examples, empty states
    "{n} files": "{n} archivos",
    "File": "Archivo",
    "Lines": "Líneas",
    "{n} lines": "{n} líneas",
    "Pick a file in the tree to read or edit it.": "Elige un archivo en el árbol para leerlo o editarlo.",
    "{n} entities · {k} fields": "{n} entidades · {k} campos",
    "The security audit has not run yet: it starts when the developers have finished.":
        "La auditoría de seguridad aún no se ha ejecutado: empieza cuando terminan los desarrolladores.",
    "{n} high-severity findings: fix them before you deploy.":
        "{n} hallazgos de severidad alta: corrígelos antes de desplegar.",
    "{n} findings to review; none is high severity.": "{n} hallazgos que revisar; ninguno de severidad alta.",
    "No findings.": "Sin hallazgos.",
    "Full report": "Informe completo",
    "The tests have not run yet: the tester starts after the security audit.":
        "Las pruebas aún no se han ejecutado: el tester empieza después de la auditoría de seguridad.",
    "{failed} of {total} tests failed.": "Fallaron {failed} de {total} pruebas.",
    "All {n} tests passed.": "Las {n} pruebas se superaron.",
    "The test run found no tests.": "La ejecución no encontró ninguna prueba.",
    "Isolation": "Aislamiento",
    "Test output": "Salida de las pruebas",
    "You": "Tú",
    "Compare versions here once there are two snapshots.": "Cuando haya dos instantáneas podrás compararlas aquí.",
    "{n} files changed · {added} lines added · {removed} removed":
        "{n} archivos cambiados · {added} líneas añadidas · {removed} eliminadas",
    "Start from an example": "Empieza con un ejemplo",
    "Task manager": "Gestor de tareas",
    "Library": "Biblioteca",
    "Online shop": "Tienda online",
    "Offline engine": "Motor offline",
    "JoxCoder Local (Qwen2.5-Coder 1.5B, on this machine)": "JoxCoder Local (Qwen2.5-Coder 1.5B, en esta máquina)",
    "JoxCoder Local: not installed. Run `make model` to install it (about 1.1 GB and 5 minutes of build).":
        "JoxCoder Local: no instalado. Ejecuta `make model` para instalarlo (unos 1,1 GB y 5 minutos de compilación).",
    "JoxCoder Local: installed, not running (it starts on first use).":
        "JoxCoder Local: instalado, sin arrancar (arranca al usarlo).",
    "JoxCoder Local: starting…": "JoxCoder Local: arrancando…",
    "JoxCoder Local: ready.": "JoxCoder Local: listo.",
    "JoxCoder Local: failed: {reason}": "JoxCoder Local: ha fallado: {reason}",
    "Waiting for JoxCoder Local: it answers one request at a time and another one is running":
        "Esperando a JoxCoder Local: atiende una petición a la vez y hay otra en curso",
    "No projects yet": "Aún no hay proyectos",
    "Files changed: {n} · lines added: {added} · removed: {removed}":
        "Archivos cambiados: {n} · líneas añadidas: {added} · eliminadas: {removed}",
    "No findings in the automated checks. They do not prove the code safe: review authentication, payments and "
    "file uploads by hand.": "Sin hallazgos en las comprobaciones automáticas. No demuestran que el código sea "
                             "seguro: revisa a mano la autenticación, los pagos y la subida de archivos.",
    "Nothing was charged.": "No se ha cobrado nada.",
    "Enter a project name": "Escribe un nombre para el proyecto",
    "Project name is too long: use at most 100 characters":
        "El nombre del proyecto es demasiado largo: usa como máximo 100 caracteres",
    "Describe your app: the description is empty": "Describe tu app: la descripción está vacía",
    "Project not found (it may have been deleted, or it belongs to another account)":
        "Proyecto no encontrado (puede que se haya eliminado o que pertenezca a otra cuenta)",
    "No changes to save": "No hay cambios que guardar",
    "Wait for the generation to finish before editing": "Espera a que termine la generación antes de editar",
    "Wait for the current generation to finish": "Espera a que termine la generación en curso",
    "Keep or discard the last change before asking for another":
        "Conserva o descarta el último cambio antes de pedir otro",
    "Say what to improve, e.g. 'add a priority field to tasks'":
        "Di qué mejorar, p. ej. 'añade un campo de prioridad a las tareas'",
}

# Messages core builds with values (role summaries, snapshot messages, refusals): English template -> Spanish.
# `t` matches a text that is not in the catalogue against these (and the catalogue's own templates).
ES_MESSAGES: dict[str, str] = {
    # Control characters at the edges (core/text.py)
    "{field} contains a control character ({char}): remove it and try again":
        "{field} contiene un carácter de control ({char}): quítalo y vuelve a intentarlo",
    "Description": "Descripción",
    "Instruction": "Instrucción",
    # The job queue (core/jobs.py)
    "The job queue is unavailable, so the generation did not start. Your {n} credits were refunded; "
    "try again in a minute.":
        "La cola de trabajos no está disponible, así que la generación no empezó. Se te devolvieron {n} "
        "créditos; vuelve a intentarlo en un minuto.",
    "The job queue is unavailable, so the generation did not start; try again in a minute.":
        "La cola de trabajos no está disponible, así que la generación no empezó; vuelve a intentarlo en un minuto.",
    "The job queue was unavailable; credits were refunded":
        "La cola de trabajos no estaba disponible; se devolvieron los créditos",
    "No worker started this generation within {n} minutes; credits were refunded":
        "Ningún proceso empezó esta generación en {n} minutos; se devolvieron los créditos",
    "The server restarted during this generation; credits were refunded":
        "El servidor se reinició durante esta generación; se devolvieron los créditos",
    "Designed {spec}": "Diseñó {spec}",
    "{n} entities ({names})": "{n} entidades ({names})",
    "{n} entities ({names}); features: {features}": "{n} entidades ({names}); funciones: {features}",
    "{change} -> {spec}": "{change} → {spec}",
    "Wrote {n} {noun} files": "Escribió {n} archivos de {noun}",
    "Wrote {n} {noun} files, removed {k}": "Escribió {n} archivos de {noun} y eliminó {k}",
    "Wrote {n} {noun} file": "Escribió {n} archivo de {noun}",
    "Wrote {n} {noun} file, removed {k}": "Escribió {n} archivo de {noun} y eliminó {k}",
    "No {noun} change needed": "Sin cambios de {noun}",
    "{summary} ({n} by the model)": "{summary} ({n} del modelo)",
    "{summary}; refused {n} unsafe or out-of-area model files":
        "{summary}; rechazó {n} archivos del modelo inseguros o fuera de su área",
    "{high} high, {medium} medium, {low} low findings": "Hallazgos: {high} altos, {medium} medios, {low} bajos",
    "{passed} passed, {failed} failed": "{passed} superadas, {failed} fallidas",
    "{passed} passed, {failed} failed, {errors} errors": "{passed} superadas, {failed} fallidas, {errors} errores",
    "{passed} passed, {failed} failed after {rounds} repair rounds":
        "{passed} superadas, {failed} fallidas tras {rounds} rondas de reparación",
    "Added field {name} ({detail}) to {entity}": "Añadido el campo {name} ({detail}) a {entity}",
    "Removed field {name} from {entity}": "Eliminado el campo {name} de {entity}",
    "Added the {feature} feature": "Añadida la función {feature}",
    "Removed the {feature} feature": "Eliminada la función {feature}",
    "Removed entity {entity} and its links": "Eliminada la entidad {entity} y sus relaciones",
    "{entity} already has a field '{name}'.": "{entity} ya tiene un campo '{name}'.",
    "{entity} has no field '{name}'. Its fields are: {fields}.":
        "{entity} no tiene un campo '{name}'. Sus campos son: {fields}.",
    "{entity} already belongs to {parent}.": "{entity} ya pertenece a {parent}.",
    "The description is too long: {n} characters, the limit is {limit}":
        "La descripción es demasiado larga: {n} caracteres, el límite es {limit}",
    "You already have {n} generations running (limit {limit}); wait for one to finish or cancel it":
        "Ya tienes {n} generaciones en marcha (límite {limit}); espera a que termine una o cancélala.",
    "Nothing to cancel: the project is {status}": "Nada que cancelar: el proyecto está {status}",
    "Generation: {name}": "Generación: {name}",
    "Free trial": "Prueba gratuita",
    "A new app costs {cost} and your balance is {balance}.": "Una app nueva cuesta {cost} y tu saldo es {balance}.",
    # Model providers: failures in plain words (core/providers/plain.py), keys and connection tests (core/keys.py)
    "{provider} failed after {n} attempts: {cause}": "{provider} falló tras {n} intentos: {cause}",
    "{provider} failed: {cause}": "{provider} falló: {cause}",
    "Every provider failed. {detail}": "Fallaron todos los proveedores. {detail}",
    "the API key was rejected (HTTP 401): check it in Settings":
        "la clave de API fue rechazada (HTTP 401): revísala en Ajustes",
    "access was denied (HTTP 403): the key may not have access to this model":
        "acceso denegado (HTTP 403): puede que la clave no tenga acceso a este modelo",
    "the model '{model}' or its endpoint was not found (HTTP 404): check the model name and the base URL":
        "no se encontró el modelo '{model}' o su endpoint (HTTP 404): revisa el nombre del modelo y la URL base",
    "the model server is limiting requests (HTTP 429): too many requests, or the account's quota is used up":
        "el servidor del modelo está limitando las peticiones (HTTP 429): demasiadas peticiones, o la cuota "
        "de la cuenta está agotada",
    "the model server is overloaded (HTTP {n})": "el servidor del modelo está sobrecargado (HTTP {n})",
    "the model server is unavailable or overloaded (HTTP 503)":
        "el servidor del modelo no está disponible o está sobrecargado (HTTP 503)",
    "the model server had an internal error (HTTP {n})": "el servidor del modelo tuvo un error interno (HTTP {n})",
    "the model server could not take the request right now":
        "el servidor del modelo no pudo atender la petición en este momento",
    "nothing answered at {url} (connection refused): is the server running, and is the base URL right?":
        "nada respondió en {url} (conexión rechazada): ¿está el servidor en marcha y es correcta la URL base?",
    "could not reach {url}: check the base URL and the network":
        "no se pudo llegar a {url}: revisa la URL base y la red",
    "the model server did not answer within {n} s": "el servidor del modelo no respondió en {n} s",
    "the connection dropped while the model was answering": "la conexión se cortó mientras el modelo respondía",
    "the model server sent an answer that could not be read":
        "el servidor del modelo envió una respuesta que no se pudo leer",
    "What to try: generate again in a few minutes, choose another model, or set a fallback provider in Settings.":
        "Qué probar: vuelve a generar en unos minutos, elige otro modelo o configura un proveedor de respaldo "
        "en Ajustes.",
    "No files were produced: the run stopped before any role finished.":
        "No se generó ningún archivo: la ejecución se detuvo antes de que terminara algún rol.",
    "Stopped after {done} of {total} roles · {elapsed}": "Detenido tras {done} de {total} roles · {elapsed}",
    "not run": "no ejecutado",
    "Not run: an earlier step failed": "No se ejecutó: falló un paso anterior",
    "Audit tools only (no model call)": "Solo herramientas de auditoría (sin llamar al modelo)",
    "Used when the default provider keeps failing. Only model providers can stand in; add a second key in "
    "Model keys to have one.":
        "Se usa cuando el proveedor por defecto sigue fallando. Solo un proveedor de modelos puede sustituirlo; "
        "añade una segunda clave en Claves de modelos para tener uno.",
    "The Offline engine cannot be a fallback: choose a model provider, or None":
        "El motor offline no puede ser de respaldo: elige un proveedor de modelos, o Ninguno",
    "The fallback provider must differ from the default provider":
        "El proveedor de respaldo debe ser distinto del proveedor por defecto",
    "Connected to {label} ({model}) in {s} s": "Conectado a {label} ({model}) en {s} s",
    "The offline engine runs here and needs no connection": "El motor offline funciona aquí y no necesita conexión",
    "{label} is not configured: add your key in Settings or set {hint}":
        "{label} no está configurado: añade tu clave en Ajustes o define {hint}",
    "Your saved {label} key cannot be decrypted (the server's encryption key changed): add it again in Settings":
        "Tu clave guardada de {label} no se puede descifrar (cambió la clave de cifrado del servidor): "
        "añádela de nuevo en Ajustes",
    "The API key is empty": "La clave de API está vacía",
    "The API key contains spaces or line breaks: paste it again":
        "La clave de API contiene espacios o saltos de línea: pégala de nuevo",
    "The base URL must be an http(s) URL, like http://localhost:11434/v1 (got '{url}')":
        "La URL base debe ser una URL http(s), como http://localhost:11434/v1 (se recibió '{url}')",
    "Remove the user name and password from the base URL; put the secret in the API key field":
        "Quita el usuario y la contraseña de la URL base; pon el secreto en el campo de la clave de API",
    "An OpenAI-compatible server needs its base URL, like http://localhost:11434/v1":
        "Un servidor compatible con OpenAI necesita su URL base, como http://localhost:11434/v1",
}
ES.update({k: v for k, v in ES_MESSAGES.items() if k not in ES})
ES.update(ES_STUDIO)

CATALOGUES = {"es": ES}
# Placeholders that only ever hold numbers match digits only, so "{n} files" never swallows a sentence.
NUMERIC = {"n", "k", "need", "have", "limit", "passed", "failed", "errors", "rounds", "high", "medium", "low",
           "done", "total", "seq", "added", "removed", "amount", "cost"}
_FIELD = re.compile(r"\{(\w+)\}")
_PATTERNS: dict[str, list[tuple[re.Pattern[str], str]]] = {}


def _patterns(language: str) -> list[tuple[re.Pattern[str], str]]:
    """The catalogue's templates as regular expressions, most literal text first."""
    if language not in _PATTERNS:
        found = []
        for template, translated in CATALOGUES.get(language, {}).items():
            parts = _FIELD.split(template)
            if len(parts) == 1 or len(set(parts[1::2])) != len(parts[1::2]):
                continue
            regex = "".join(re.escape(p) if i % 2 == 0 else
                            (rf"(?P<{p}>[\d.,≈]+)" if p in NUMERIC else rf"(?P<{p}>.+?)")
                            for i, p in enumerate(parts))
            literal = sum(len(p) for p in parts[0::2])
            found.append((literal, re.compile(regex, re.S), translated))
        found.sort(key=lambda x: -x[0])
        _PATTERNS[language] = [(rx, tr) for _, rx, tr in found]
    return _PATTERNS[language]


def _number(text: str, language: str) -> str:
    """An English-formatted number ("8,007.5") with the language's separators ("8.007,5" in Spanish)."""
    if language != "es":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def translate_message(text: str, language: str, _depth: int = 0) -> str:
    """A message built from a template (e.g. "Wrote 16 backend files") in `language`; unchanged when unknown."""
    if language == "en" or not text:
        return text
    exact = CATALOGUES.get(language, {}).get(text)
    if exact is not None:
        return exact
    for regex, translated in _patterns(language):
        m = regex.fullmatch(text)
        if m:
            values = {k: _number(v, language) if k in NUMERIC else
                      v if _depth >= 2 else translate_message(v, language, _depth + 1)
                      for k, v in m.groupdict().items()}
            try:
                return translated.format(**values)
            except (KeyError, IndexError, ValueError):
                return text
    return text


def t(text: str, language: str = "en", **fmt: Any) -> str:
    """`text` translated to `language` (English when missing), formatted with `fmt`."""
    catalogue = CATALOGUES.get(language, {})
    if not fmt:
        return catalogue.get(text) or translate_message(text, language)
    translated = catalogue.get(text, text)
    try:
        return translated.format(**fmt)
    except (KeyError, IndexError, ValueError):
        return text.format(**fmt)
