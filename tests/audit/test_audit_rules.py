"""Each audit rule fires on a small hostile example with the right place and severity; clean code is clean."""

from __future__ import annotations

import pytest

from core.audit import Finding, audit_files

# Built by concatenation so no real-looking key sits in this repository as one literal.
OPENAI = "sk-" + "proj-" + "Zq7Lm2Xw9Rt4" * 3
ANTHROPIC = "sk-" + "ant-" + "api03-" + "Hq2Vw8Ks3Ld6" * 3
AWS = "AKIA" + "J7Q2WZ5R8T3M6K9P"
GITHUB = "ghp" + "_" + "aB3dE6gH9jK2mN5pQ8sT1vW4yZ7bC0eF3hJ6"
STRIPE = "sk" + "_live_" + "4eC39HqLyjWDarjtT1zdp7dc"
SLACK = "xox" + "b-" + "2837465029-7364829104-Qw8Er7Ty6Ui5"
PEM = "-----BEGIN " + "RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n"


def rules(files: dict[str, str]) -> set[tuple[str, str, int, str]]:
    """(severity, file, line, rule) of every finding."""
    return {(f.severity, f.file, f.line, f.rule) for f in audit_files(files).findings}


@pytest.mark.parametrize(("secret", "rule"), [
    (OPENAI, "secret-openai-key"), (ANTHROPIC, "secret-anthropic-key"), (AWS, "secret-aws-key"),
    (GITHUB, "secret-github-token"), (STRIPE, "secret-stripe-key"), (SLACK, "secret-slack-token"),
])
def test_known_token_formats_are_high_and_never_echoed(secret: str, rule: str) -> None:
    report = audit_files({"app/config.py": f'"""Settings."""\n\nCLIENT = "{secret}"\n'})
    hits = [f for f in report.findings if f.rule == rule]
    assert [(f.severity, f.file, f.line) for f in hits] == [("high", "app/config.py", 3)]
    assert secret not in hits[0].message and secret[8:] not in str(report.findings)


def test_private_key_pem_is_high() -> None:
    assert ("high", "deploy/key.pem", 1, "secret-private-key") in rules({"deploy/key.pem": PEM})


def test_hardcoded_credentials_in_code_and_dotenv() -> None:
    found = rules({
        "app/db.py": 'import os\n\nDB_PASSWORD = "s3cure-Pa55"\nTOKEN_URL = "/auth/token"\n',
        ".env": "DEBUG=false\nSECRET_KEY=9f8e7d6c5b4a\nEMPTY_PASSWORD=\n",
        "app/seed.py": 'def seed(create):\n    create(username="admin", password="admin-1234")\n',
    })
    assert ("medium", "app/db.py", 3, "secret-hardcoded") in found
    assert ("high", ".env", 2, "secret-hardcoded") in found
    assert ("medium", "app/seed.py", 2, "secret-hardcoded") in found
    assert not any(f[1] == "app/db.py" and f[2] == 4 for f in found)
    assert not any(f[1] == ".env" and f[2] in (1, 3) for f in found)


def test_env_example_with_placeholders_is_clean_but_real_values_are_not() -> None:
    example = "SECRET_KEY=change-me\nOPENAI_API_KEY=\nSTRIPE_SECRET_KEY=your-key-here\nDB_PASSWORD=<password>\n"
    assert rules({".env.example": example}) == set()
    assert ("medium", ".env.example", 1, "secret-hardcoded") in rules({".env.example": "SECRET_KEY=Xy7pQ2rT9zK4\n"})


def test_labels_and_short_fake_tokens_are_not_secrets() -> None:
    js = ('const t = { "password": "Password", "token": "Your token" };\n'
          'const es = { "password": "Contraseña" };\n'
          'return { access_token: "preview", token_type: "bearer" };\n')
    assert rules({"static/app.js": js}) == set()
    assert rules({"app/config.py": 'PASSWORD = "Tr0ub4dor&3"\n'}) == {
        ("medium", "app/config.py", 1, "secret-hardcoded")}


def test_autocomplete_tokens_of_a_login_form_are_not_secrets() -> None:
    js = 'const ac = { email: "email", password: signUp ? "new-password" : "current-password" }[name];\n'
    assert rules({"static/app.js": js}) == set()
    assert rules({"static/app.js": 'const password = "new-passw0rd!";\n'}) == {
        ("medium", "static/app.js", 1, "secret-hardcoded")}


def test_placeholder_defaults_in_code_are_low_and_tests_are_exempt() -> None:
    found = rules({"app/settings.py": 'secret_key: str = "change-me"\n',
                   "tests/test_auth.py": 'def test_login():\n    password = "hunter22"\n    assert password\n'})
    assert found == {("low", "app/settings.py", 1, "secret-placeholder-default")}


def test_wildcard_cors_with_credentials_is_high() -> None:
    code = ("from fastapi import FastAPI\nfrom fastapi.middleware.cors import CORSMiddleware\n\napp = FastAPI()\n"
            'app.add_middleware(\n    CORSMiddleware,\n    allow_origins=["*"],\n    allow_credentials=True,\n)\n')
    assert ("high", "app/main.py", 5, "cors-wildcard-credentials") in rules({"app/main.py": code})
    public = code.replace("allow_credentials=True", "allow_credentials=False")
    assert ("low", "app/main.py", 5, "cors-wildcard") in rules({"app/main.py": public})


def test_debug_and_reload_in_production_are_medium() -> None:
    found = rules({
        "app/main.py": "from fastapi import FastAPI\nimport uvicorn\n\napp = FastAPI(debug=True)\n"
                       "uvicorn.run(app, reload=True)\n",
        "settings.py": "DEBUG = True\n",
        "Dockerfile": "FROM python:3.11-slim\nCMD [\"uvicorn\", \"app.main:app\", \"--reload\"]\n",
        "tests/conftest.py": "from fastapi import FastAPI\n\napp = FastAPI(debug=True)\n",
    })
    assert {f for f in found if f[3] == "debug-enabled"} == {
        ("medium", "app/main.py", 4, "debug-enabled"), ("medium", "app/main.py", 5, "debug-enabled"),
        ("medium", "settings.py", 1, "debug-enabled"), ("medium", "Dockerfile", 2, "debug-enabled")}


def test_sql_built_from_strings_is_high() -> None:
    code = '''from sqlalchemy import text


def find(session, name, order):
    session.execute(text(f"SELECT * FROM items WHERE name = '{name}'"))
    query = "SELECT * FROM items ORDER BY " + order
    session.execute(text(query))
    session.execute(text("SELECT * FROM items WHERE id = :id"), {"id": 1})
    session.execute(text("SELECT * FROM t WHERE a = '{}'".format(name)))
'''
    sql = {f for f in rules({"app/repo.py": code}) if f[3] == "sql-string-building"}
    assert sql == {("high", "app/repo.py", 5, "sql-string-building"), ("high", "app/repo.py", 7, "sql-string-building"),
                   ("high", "app/repo.py", 9, "sql-string-building")}


def test_dom_sinks_with_data_are_medium_and_literals_or_escaped_values_are_not() -> None:
    js = """const list = document.getElementById("list");
list.innerHTML = "";
list.innerHTML = items.map((i) => `<li>${escapeHtml(i.name)}</li>`).join("");
list.innerHTML = `<li>${item.name}</li>`;
panel.insertAdjacentHTML("beforeend", "<p>" + message + "</p>");
document.write(location.hash);
count.innerHTML = `<b>${items.length}</b>`;
list.innerHTML =
  `<li>${escapeHtml(a)}</li>` + `<li>${escapeHtml(b)}</li>`;
"""
    found = {f for f in rules({"static/app.js": js}) if f[3] == "dom-xss-sink"}
    assert found == {("medium", "static/app.js", n, "dom-xss-sink") for n in (4, 5, 6)}
    html = '<script>\nout.outerHTML = "<p>" + userInput + "</p>";\n</script>\n'
    assert ("medium", "index.html", 2, "dom-xss-sink") in rules({"index.html": html})


def test_write_endpoints_without_a_model() -> None:
    code = '''from typing import Any

from fastapi import APIRouter, Request

from app.schemas import ItemCreate

router = APIRouter()


@router.post("/items")
def create(payload: dict[str, Any]):
    return payload


@router.patch("/items/{item_id}")
async def patch(item_id: int, request: Request):
    return await request.json()


@router.put("/items/{item_id}")
def replace(item_id: int, item: ItemCreate):
    return item


@router.get("/items")
def listing(filters: dict | None = None):
    return []
'''
    found = {f for f in rules({"app/routers/items.py": code}) if f[3] == "unvalidated-body"}
    assert found == {("medium", "app/routers/items.py", 11, "unvalidated-body"),
                     ("low", "app/routers/items.py", 16, "unvalidated-body")}


def test_binding_all_interfaces_is_low_only() -> None:
    code = 'import uvicorn\n\nif __name__ == "__main__":\n    uvicorn.run("app.main:app", host="0.0.0.0")\n'
    assert rules({"run.py": code}) == {("low", "run.py", 4, "bind-all-interfaces")}


def test_bandit_findings_are_mapped_and_asserts_in_tests_skipped() -> None:
    files = {"app/util.py": "import subprocess\n\n\ndef run(cmd):\n    return subprocess.call(cmd, shell=True)\n",
             "tests/test_util.py": "def test_ok():\n    assert 1 + 1 == 2\n"}
    report = audit_files(files)
    shell = [f for f in report.findings if f.rule == "bandit-B602"]
    assert [(f.severity, f.file, f.line) for f in shell] == [("high", "app/util.py", 5)]
    assert "bandit.readthedocs.io" in shell[0].advice
    assert not [f for f in report.findings if f.rule == "bandit-B101"]
    assert any(t.startswith("bandit ") for t in report.tools)


def test_unparseable_python_is_reported_not_fatal() -> None:
    assert ("low", "app/broken.py", 1, "syntax-error") in rules({"app/broken.py": "def (:\n"})


CLEAN = {
    "app/main.py": '''"""The API."""

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from sqlalchemy import select, text

from app.config import settings
from app.schemas import ItemCreate

app = FastAPI(debug=settings.debug)
app.add_middleware(CORSMiddleware, allow_origins=settings.cors_origins, allow_credentials=True)


@app.post("/items", status_code=201)
def create_item(item: ItemCreate) -> dict[str, str]:
    return {"name": item.name}


def count(session) -> int:
    session.execute(text("SELECT count(*) FROM items WHERE owner = :owner"), {"owner": "x"})
    return session.scalar(select(1))
''',
    "app/config.py": '"""Settings."""\n\nimport os\n\nSECRET_KEY = os.environ["SECRET_KEY"]\n',
    "static/app.js": 'const el = document.getElementById("name");\nel.textContent = item.name;\nel.innerHTML = "";\n',
    ".env.example": "SECRET_KEY=change-me\nDATABASE_URL=sqlite:///./app.db\n",
    "tests/test_main.py": 'def test_create(client):\n    r = client.post("/items", json={"name": "a"})\n'
                          '    assert r.status_code == 201\n',
    "README.md": "Set `OPENAI_API_KEY=sk-...` and `password: \"secret123\"` in your shell.\n",
}


def test_clean_code_has_no_findings() -> None:
    report = audit_files(CLEAN)
    assert report.findings == [], report.findings
    assert report.counts() == {"high": 0, "medium": 0, "low": 0}
    assert report.files_scanned == 6 and report.python_files == 3


def test_findings_are_sorted_most_severe_first() -> None:
    report = audit_files({"a.py": 'import uvicorn\nuvicorn.run("m:app", host="0.0.0.0")\nKEY = "' + AWS + '"\n'})
    assert [f.severity for f in report.findings] == sorted((f.severity for f in report.findings),
                                                           key=["high", "medium", "low"].index)
    assert all(isinstance(f, Finding) for f in report.findings)
