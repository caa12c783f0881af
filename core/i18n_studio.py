"""Spanish for the studio's newer texts (credits where they run out, the thread, coverage, the workbench)."""

from __future__ import annotations

ES_STUDIO: dict[str, str] = {
    # The request form and the welcome
    "Project name (optional)": "Nombre del proyecto (opcional)",
    "Taken from your description when left empty": "Si lo dejas vacío, se toma de tu descripción",
    "Welcome to AUTOCREA, {name}! Your account has {credits}: describe an app below, or start from an example.":
        "¡Te damos la bienvenida a AUTOCREA, {name}! Tu cuenta tiene {credits}: describe una app aquí abajo o "
        "empieza con un ejemplo.",
    # Credits where they run out
    "Purchases are not enabled on this installation; ask the administrator for credits.":
        "Las compras no están activadas en esta instalación; pide créditos al administrador.",
    "Administrator: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to sell credits (see docs/BILLING.md), or grant "
    "credits on the Admin page.":
        "Administrador: define STRIPE_SECRET_KEY y STRIPE_WEBHOOK_SECRET para vender créditos (consulta "
        "docs/BILLING.md), o concede créditos en la página de Administración.",
    "Buy a credit pack now:": "Compra ahora un paquete de créditos:",
    "Buy {name}": "Comprar {name}",
    "Buy credits in Billing": "Comprar créditos en Facturación",
    "An improvement costs {cost} and your balance is {balance}.":
        "Una mejora cuesta {cost} y tu saldo es de {balance}.",
    "Costs {cost} · your balance: {balance}. Only the affected roles run again.":
        "Cuesta {cost} · tu saldo: {balance}. Solo vuelven a trabajar los roles afectados.",
    "e.g. add a priority field to tasks": "p. ej. añade un campo de prioridad a las tareas",
    "Follow-up: {text}": "Mejora: {text}",
    # The thread and coverage
    "An earlier improvement": "Una mejora anterior",
    "Run {n} · {status} · {cost}": "Ejecución {n} · {status} · {cost}",
    "Not built": "No construido",
    "Completed, with parts not built": "Completado, con partes sin construir",
    "Show conversation": "Mostrar la conversación",
    "Hide conversation": "Ocultar la conversación",
    "Give the code and preview the whole width": "Da todo el ancho al código y a la vista previa",
    "Tests so far: {n} run · {passed} passed · {failed} failed":
        "Pruebas hasta ahora: {n} ejecutadas · {passed} superadas · {failed} fallidas",
    # The workbench
    "Open in a new tab": "Abrir en otra pestaña",
    "Tests passed": "Pruebas superadas",
    "Tests failed": "Pruebas fallidas",
    "The tests ran in an isolated sandbox with no network and no access to other files.":
        "Las pruebas se ejecutaron en un entorno aislado, sin red y sin acceso a otros archivos.",
    "The tests ran with time and memory limits but without an isolated sandbox.":
        "Las pruebas se ejecutaron con límites de tiempo y memoria, pero sin un entorno aislado.",
    "The tests did not run: no isolated sandbox is available for model-written code.":
        "Las pruebas no se ejecutaron: no hay un entorno aislado para el código escrito por un modelo.",
    # Admin
    "Choose an account": "Elige una cuenta",
    "Choose the account to grant credits to.": "Elige la cuenta a la que conceder créditos.",
    # The offline engine's refusal (core/engine/understand/reach.py) and what it names
    "The offline engine cannot build this request ({what}): it is not a data app. The offline engine builds data "
    "apps — things to store, list, search and link, such as a task manager, a shop, a CRM, bookings or a library — "
    "as a {stack}, with tests. For this request, choose a model provider (JoxCoder, OpenAI or Anthropic) in "
    "Settings; it can try. Nothing was charged.":
        "El motor offline no puede construir esta petición ({what}): no es una app de datos. El motor offline "
        "construye apps de datos —cosas que guardar, listar, buscar y enlazar, como un gestor de tareas, una "
        "tienda, un CRM, reservas o una biblioteca— con {stack}, con pruebas. Para esta petición, elige un "
        "proveedor de modelos (JoxCoder, OpenAI o Anthropic) en Ajustes; puede intentarlo. No se ha cobrado nada.",
    "FastAPI + SQLAlchemy with a web frontend": "FastAPI + SQLAlchemy y un frontend web",
    "a compiler or interpreter": "un compilador o intérprete",
    "an operating system or driver": "un sistema operativo o un driver",
    "machine-learning training": "entrenamiento de aprendizaje automático",
    "malware": "malware",
    "a native mobile app": "una app móvil nativa",
    "a 3D application": "una aplicación 3D",
    "a timer": "un temporizador",
    "an editor": "un editor",
    "a converter": "un conversor",
    "a code tool": "una herramienta de código",
    "a browser extension": "una extensión del navegador",
    "a system utility": "una utilidad del sistema",
    "an audio or music tool": "una herramienta de audio o música",
    "a calculator": "una calculadora",
    "a live traffic service": "un servicio de tráfico en tiempo real",
    # The offline engine's answer when it understood nothing to store (core/engine/understand/coverage.py)
    "I could not tell what this app should store. Name the things it keeps and what they have, e.g. "
    "'a library where members borrow books', 'a shop with products, customers and orders', or "
    "'una app de recetas con ingredientes y valoraciones'.":
        "No he podido saber qué debe guardar esta app. Nombra las cosas que guarda y qué tienen, p. ej. "
        "'una biblioteca donde los socios toman libros prestados', 'una tienda con productos, clientes y "
        "pedidos' o 'una app de recetas con ingredientes y valoraciones'.",
    "a game": "un juego",
}
