"""AppSpec -> files: the project's shape, determinism, safety rules, docs and the self-contained preview."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest

from core.engine import infer_spec, render_backend, render_devops, render_frontend, render_project
from core.engine.render.common import entity_label, spanish_plural
from tests.engine.prompts import PROMPTS

REQUIRED = [
    "app/main.py", "app/database.py", "app/models.py", "app/schemas.py", "app/static/index.html",
    "app/static/app.css", "app/static/app.js", "preview.html", "Dockerfile", "docker-compose.yml",
    ".github/workflows/ci.yml", ".env.example", "requirements.txt", "README.md", "ARCHITECTURE.md",
    "architecture.json", "ruff.toml", "tests/conftest.py",
]
FULL = ("an online shop with login, a dashboard, search, a contact form and stripe checkout, "
        "dark theme and orange buttons")


@pytest.fixture(scope="module")
def shop() -> dict[str, str]:
    return render_project(infer_spec(FULL))


@pytest.mark.parametrize("prompt", PROMPTS[::4], ids=lambda p: p[:30])
def test_project_shape(prompt):
    spec = infer_spec(prompt)
    files = render_project(spec)
    assert set(REQUIRED) <= set(files)
    for e in spec.entities:
        assert f"app/routers/{e.table}.py" in files
        assert f"tests/test_{e.table}.py" in files
    assert "SECURITY_AUDIT.md" not in files
    for path in files:
        assert not path.startswith("/") and ".." not in path.split("/") and ".git/" not in path + "/"
        assert path == path.strip() and "\\" not in path
    assert sum(len(text.encode()) for text in files.values()) < 1_000_000


def test_generated_python_compiles(shop):
    for path, text in shop.items():
        if path.endswith(".py"):
            compile(text, path, "exec")


def test_roles_split_and_union(shop):
    spec = infer_spec(FULL)
    backend, frontend, devops = render_backend(spec), render_frontend(spec), render_devops(spec)
    assert not set(backend) & set(frontend) and not set(backend) & set(devops) and not set(frontend) & set(devops)
    assert {**backend, **frontend, **devops}.items() <= shop.items()
    assert {"README.md", "ARCHITECTURE.md", "architecture.json"} <= set(shop) - set(backend) - set(frontend)
    assert all(p.startswith(("app/", "tests/")) for p in backend)


def test_rendering_is_deterministic():
    for prompt in PROMPTS[:6]:
        assert render_project(infer_spec(prompt)) == render_project(infer_spec(prompt))


def test_feature_files_and_endpoints(shop):
    assert "app/auth.py" in shop
    features = shop["app/features.py"]
    for route in ('"/stats"', '"/search"', '"/contact"', '"/checkout"'):
        assert route in features
    assert "STRIPE_SECRET_KEY" in features and "STRIPE_SECRET_KEY=" in shop[".env.example"]
    assert "pbkdf2_hmac" in shop["app/auth.py"] and "secrets.token_urlsafe" in shop["app/auth.py"]


def test_plain_app_has_no_feature_modules():
    files = render_project(infer_spec("a notes app with notebooks"))
    assert "app/auth.py" not in files and "app/features.py" not in files


def test_secure_defaults(shop):
    python = "\n".join(t for p, t in shop.items() if p.endswith(".py") and p.startswith("app/"))
    assert "debug=True" not in python and "0.0.0.0" not in python
    assert "allow_credentials=False" in python and 'allow_origins=["*"]' not in python
    assert "import random" not in python and "\nassert " not in python
    assert "text(" not in python  # SQL only through the ORM
    assert "0.0.0.0" in shop["Dockerfile"]
    assert "USER appuser" in shop["Dockerfile"]


def test_frontend_escapes_data(shop):
    js = shop["app/static/app.js"]
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js
    assert "textContent" in js
    html = shop["app/static/index.html"]
    assert '<script src="/static/app.js"' in html and 'lang="en"' in html


def test_theme_drives_css_variables(shop):
    css = shop["app/static/app.css"]
    assert "--primary: #ffa500;" in css and "--bg: #0f172a;" in css
    assert "@media (max-width" in css


def test_preview_is_self_contained(shop):
    preview = shop["preview.html"]
    assert "<style>" in preview and "<script>" in preview
    assert not re.search(r"(src|href)\s*=", preview)
    assert "fetch(" not in preview and "XMLHttpRequest" not in preview and "@import" not in preview
    assert "localStorage" not in preview
    assert preview.count("sessionStorage") == 3  # all inside the try/catch of storage()
    assert "const SEED" in preview


def test_spanish_app_has_spanish_labels():
    files = render_project(infer_spec("Una tienda con productos y categorías. Los productos tienen nombre y precio"))
    config = files["app/static/app.js"]
    assert '"label": "Productos"' in config and '"label": "Precio"' in config and '"save": "Guardar"' in config
    assert 'lang="es"' in files["app/static/index.html"]


def test_architecture_docs(shop):
    data = json.loads(shop["architecture.json"])
    assert {"name", "entities", "features"} <= set(data)
    product = next(e for e in data["entities"] if e["name"] == "Product")
    assert {"name", "type", "required"} <= set(product["fields"][0])
    assert product["relations"][0]["target"] == "Category"
    assert "erDiagram" in shop["ARCHITECTURE.md"] and "Category ||--o{ Product" in shop["ARCHITECTURE.md"].replace(
        "|o--o{", "||--o{")
    readme = shop["README.md"]
    assert "uvicorn app.main:app" in readme and "/api/products" in readme and "pytest" in readme


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
def test_javascript_parses(shop, tmp_path):
    (tmp_path / "app.js").write_text(shop["app/static/app.js"])
    script = shop["preview.html"].split("<script>\n", 1)[1].split("</script>", 1)[0]
    (tmp_path / "preview.js").write_text(script)
    for name in ("app.js", "preview.js"):
        result = subprocess.run(["node", "--check", str(tmp_path / name)], capture_output=True, text=True, timeout=180)
        assert result.returncode == 0, result.stderr


SHOP_ES = ("Una tienda online con productos, categorías, clientes y pedidos; los productos tienen nombre, precio y "
           "stock. Con inicio de sesión, buscador, panel y formulario de contacto")
ENGLISH_TITLES = ("## Run it", "## Test it", "## Entities", "## Entity-relationship diagram", "# Architecture of",
                  "Features:", "belongs to", "A web app to manage", "See `ARCHITECTURE.md`", "(404 if missing)",
                  "Open http", "With Docker", "Without installing", '"required"', "optional")


@pytest.fixture(scope="module")
def shop_es() -> dict[str, str]:
    spec = infer_spec(SHOP_ES)
    assert spec.language == "es"
    return render_project(spec)


def test_spanish_readme(shop_es):
    readme = shop_es["README.md"]
    for text in ("## Cómo ejecutarla", "## Cómo probarla", "## API",
                 "Una aplicación web para gestionar usuarios, categorías, productos, clientes, pedidos y "
                 "líneas de pedido",
                 "Sin instalar nada, abre `preview.html`", "`POST /api/products` alta de producto (201)",
                 "listado de productos, paginado, filtrable por `category_id`",
                 "(`q` busca en nombre, correo, teléfono y dirección)", "(404 si no existe)",
                 "El modelo de datos y su diagrama están en `ARCHITECTURE.md`."):
        assert text in readme, text
    # commands and code stay as they are
    for text in ("uvicorn app.main:app --reload", "pip install -r requirements.txt", "pytest -q", "ruff check .",
                 "docker compose up --build", "`GET /api/products?limit=&offset=&category_id=`"):
        assert text in readme, text
    assert "POST /api/auth/login" in readme and "devuelve un token bearer" in readme
    assert "formulario de contacto" in readme and "busca en todas las entidades" in readme
    assert not [t for t in ENGLISH_TITLES if t in readme]


def test_spanish_architecture(shop_es):
    arch = shop_es["ARCHITECTURE.md"]
    for text in ("# Arquitectura de Tienda online", "## Entidades", "## Diagrama entidad-relación",
                 "| Entidad | Ruta | Campos | Relaciones |", "una tabla por entidad",
                 "| Productos (`Product`) | `/api/products` | Nombre (`name`, texto), Precio (`price`, decimal), "
                 "Stock (`stock`, entero) | pertenece a Categoría mediante `category_id` (opcional) |",
                 "Teléfono (`phone`, texto, opcional)", 'string name "obligatorio"', "Category |o--o{ Product",
                 "cuentas de usuario e inicio de sesión"):
        assert text in arch, text
    assert not [t for t in ENGLISH_TITLES if t in arch]


def test_english_docs_read_correctly(shop):
    readme = shop["README.md"]
    assert "`GET /api/products?limit=&offset=&category_id=` list" in readme
    assert "create an order (201)" in readme and "create a product (201)" in readme
    assert "`, `" not in readme.split("## API", 1)[1].split("- `POST /api/auth", 1)[0].replace("`, `GET", "")
    arch = shop["ARCHITECTURE.md"]
    assert "# Architecture of" in arch and "| Entity | Endpoint | Fields | Relations |" in arch


def test_join_es():
    from core.engine.render.docs import join_es
    assert join_es([]) == "" and join_es(["a"]) == "a"
    assert join_es(["nombre", "precio", "stock"]) == "nombre, precio y stock"
    assert join_es(["nombre", "importe"]) == "nombre e importe"
    assert join_es(["nombre", "hielo"]) == "nombre y hielo"


def test_spanish_labels_are_written_spanish():
    from core.engine.render.common import label
    spec = infer_spec("Una biblioteca con libros, socios y préstamos; una clínica con médicos; pedidos con fecha")
    assert "Préstamos" in {entity_label(e, "es") for e in spec.entities}
    assert label("order_date", "es") == "Fecha de pedido" and label("first_name", "es") == "Nombre"
    assert label("unit_price", "es") == "Precio unitario" and label("bathrooms", "es") == "Baños"
    assert spanish_plural("almacén") == "almacenes" and spanish_plural("huésped") == "huéspedes"


def test_invalid_length_for_text_follows_the_schema_default():
    """A model's spec may leave a text field's max_length unset: its too-long test value must exceed 5,000."""
    from core.engine.render.common import invalid_values
    from core.spec import FieldSpec

    text = FieldSpec(name="description", type="text", required=False)
    assert [len(v) for v in invalid_values(text)] == [5001]
    assert len(invalid_values(FieldSpec(name="title", type="string"))[0]) == 201
