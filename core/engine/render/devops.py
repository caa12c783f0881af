"""AppSpec -> Dockerfile, docker-compose, CI workflow, .env.example, requirements and ruff config."""

from __future__ import annotations

from core.engine.render.plan import prepare
from core.spec import AppSpec

REQUIREMENTS = """fastapi>=0.115
uvicorn>=0.32
SQLAlchemy>=2.0,<3
pydantic>=2.7,<3
email-validator>=2
python-multipart>=0.0.9
httpx>=0.27
pytest>=8
ruff>=0.5
"""

DOCKERFILE = """FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY app ./app
RUN useradd --create-home appuser && mkdir -p /data && chown appuser /data
USER appuser

ENV DATABASE_URL=sqlite:////data/app.db
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/api/health')"
# Binding every interface is right inside a container; the port is published by docker-compose.
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "8000", "--proxy-headers"]
"""

CI = """name: CI

on:
  push:
  pull_request:

jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
          cache: pip
      - run: pip install -r requirements.txt
      - run: ruff check .
      - run: pytest -q
"""

RUFF = """line-length = 120
target-version = "py311"

[lint]
select = ["E4", "E7", "E9", "F"]
"""

GITIGNORE = """__pycache__/
*.pyc
.env
*.db
.pytest_cache/
.ruff_cache/
.venv
uploads/
"""


def env_example(spec: AppSpec) -> str:
    """.env.example: every setting the app reads, with safe placeholders."""
    lines = ["# Copy to .env and adjust. Never commit real secrets.", "DATABASE_URL=sqlite:///./app.db",
             "# Comma-separated browser origins allowed to call the API (empty = same origin only).", "CORS_ORIGINS="]
    if "auth" in spec.features:
        lines += ["# PBKDF2 rounds for password hashes and bearer token lifetime.", "PASSWORD_ITERATIONS=600000",
                  "TOKEN_TTL_HOURS=24"]
    if "uploads" in spec.features:
        lines += ["# Folder where uploaded files are kept (created on first upload).", "UPLOAD_DIR=./uploads"]
    if "payments" in spec.features:
        lines += ["# Stripe secret key (sk_test_... while testing); checkout answers 503 until it is set.",
                  "STRIPE_SECRET_KEY=", "PUBLIC_URL=http://localhost:8000"]
    return "\n".join(lines) + "\n"


def compose(spec: AppSpec) -> str:
    """docker-compose.yml: the app with a persistent SQLite volume."""
    env = ["      DATABASE_URL: sqlite:////data/app.db", "      CORS_ORIGINS: ${CORS_ORIGINS:-}"]
    if "payments" in spec.features:
        env.append("      STRIPE_SECRET_KEY: ${STRIPE_SECRET_KEY:-}")
    if "uploads" in spec.features:
        env.append("      UPLOAD_DIR: /data/uploads")
    return ("services:\n  app:\n    build: .\n    ports:\n      - \"127.0.0.1:8000:8000\"\n    environment:\n"
            + "\n".join(env) + "\n    volumes:\n      - app-data:/data\n    restart: unless-stopped\n\n"
            "volumes:\n  app-data:\n")


def render_devops(spec: AppSpec) -> dict[str, str]:
    """The devops role's files."""
    spec = prepare(spec)
    return {
        "Dockerfile": DOCKERFILE,
        "docker-compose.yml": compose(spec),
        ".github/workflows/ci.yml": CI,
        ".env.example": env_example(spec),
        ".gitignore": GITIGNORE,
        ".dockerignore": ".git\n.env\n*.db\n__pycache__/\n.pytest_cache/\n.venv\nuploads/\n",
        "requirements.txt": REQUIREMENTS,
        "ruff.toml": RUFF,
        "pytest.ini": "[pytest]\ntestpaths = tests\n",
    }
