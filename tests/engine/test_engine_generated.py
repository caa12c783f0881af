"""Generated projects really work: their own suites pass, ruff and bandit are clean, uvicorn serves them."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from core.engine import apply_followup, infer_spec, render_project
from tests.engine.generated import bandit_issues, clean_env, run_suite, write_project
from tests.engine.prompts import PROMPTS

pytestmark = pytest.mark.slow
EXTRA = [
    "an online shop with login, a dashboard, search, a contact form and stripe checkout",
    "a booking system for a yoga studio with classes and members who sign in",
    "Quiero un CRM con empresas, contactos y oportunidades, con inicio de sesión y buscador",
    # the person the prompt names is the account (AppSpec.account), not an extra User table
    "a podcast site where listeners subscribe to shows, mark favourite episodes and comment on them",
    "Una tienda de vinos donde los clientes hacen pedidos, valoran los vinos y pagan con tarjeta",
    # join records found from 'who did which' (a bool first field), job lines, and role accounts
    "I run a choir: singers, rehearsals, and who turned up to each rehearsal",
    "Plumbing jobs: customers, jobs, which plumber is assigned to each job, and the parts used",
    "Please implement a job board where local businesses post vacancies and job seekers apply for them",
    "Please implement a holiday cottage website where guests book stays and leave reviews, and the owner manages "
    "cottages and blocked dates.",  # role accounts beside the generated auth's own role
    "A crew roster app: crew members, bases and flights. Each crew member belongs to a base.",  # an entity Base
    # the account (parents) books a slot for something of theirs: the slot belongs to the child, not the login
    "Children's entertainer: parents book me for parties, so I need bookings (child's name, age, date, package: "
    "45 min or 1 hour) and parents leave a review afterwards.",
]
ALL = PROMPTS + EXTRA
CHUNK = 4
CHUNKS = [ALL[i:i + CHUNK] for i in range(0, len(ALL), CHUNK)]


def _build_and_check(prompt: str, root: Path) -> tuple[str, object]:
    write_project(render_project(infer_spec(prompt)), root)
    return prompt, run_suite(root)


@pytest.mark.parametrize("prompts", CHUNKS, ids=[f"prompts{i * CHUNK}-{i * CHUNK + len(c) - 1}"
                                                  for i, c in enumerate(CHUNKS)])
def test_generated_suites_pass_and_are_ruff_clean(prompts, tmp_path):
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(pool.map(lambda ip: _build_and_check(ip[1], tmp_path / f"p{ip[0]}"), enumerate(prompts)))
    for prompt, result in results:
        assert result.returncode == 0 and result.passed > 0 and result.failed == 0, (prompt, result.output)
        assert result.ruff_ok, (prompt, result.ruff_output)


def test_at_least_forty_prompts_are_verified():
    assert len(ALL) >= 40


@pytest.mark.parametrize("prompt", [EXTRA[0], EXTRA[2], PROMPTS[-1]], ids=["shop", "crm-es", "prd"])
def test_bandit_finds_no_medium_or_high_issue(prompt, tmp_path):
    write_project(render_project(infer_spec(prompt)), tmp_path)
    assert bandit_issues(tmp_path) == []


def test_followups_keep_the_project_working(tmp_path):
    spec = infer_spec("a task manager where tasks have a title, notes and a status")
    for instruction in ("add a priority field to tasks", "add a due_date date to tasks",
                        "remove the notes field from tasks", "add categories to tasks", "add search",
                        "add a dashboard", "add login", "make it dark", "use green as the primary colour"):
        spec, _ = apply_followup(spec, instruction)
    result = run_suite(write_project(render_project(spec), tmp_path / "en"))
    assert result.returncode == 0 and result.passed > 0 and result.ruff_ok, result.output
    es = infer_spec("Una tienda. Los productos tienen nombre, precio y stock")
    for instruction in ("añade un campo prioridad a los productos", "añade proveedores a los productos",
                        "quita el campo stock de los productos", "añade un formulario de contacto"):
        es, _ = apply_followup(es, instruction)
    result = run_suite(write_project(render_project(es), tmp_path / "es"))
    assert result.returncode == 0 and result.passed > 0 and result.ruff_ok, result.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_uvicorn_serves_frontend_and_api(tmp_path):
    spec = infer_spec("a library where members borrow books, with a dashboard")
    root = write_project(render_project(spec), tmp_path / "app")
    port = _free_port()
    env = clean_env() | {"DATABASE_URL": f"sqlite:///{tmp_path / 'live.db'}"}
    proc = subprocess.Popen([sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1", "--port",
                             str(port)], cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180  # uvicorn starts slowly on loaded CI cores
        while True:
            try:
                if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline and proc.poll() is None, "uvicorn did not start"
            time.sleep(0.2)
        page = httpx.get(f"{base}/", timeout=60)
        assert page.status_code == 200 and 'id="app"' in page.text and "text/html" in page.headers["content-type"]
        assert httpx.get(f"{base}/static/app.js", timeout=60).status_code == 200
        created = httpx.post(f"{base}/api/members", json={"name": "Ana", "email": "ana@example.com"}, timeout=60)
        assert created.status_code == 201, created.text
        listed = httpx.get(f"{base}/api/members", timeout=60)
        assert listed.status_code == 200 and [m["name"] for m in listed.json()] == ["Ana"]
        assert httpx.get(f"{base}/api/stats", timeout=60).json()["members"] == 1
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
@pytest.mark.parametrize(("prompt", "view", "expected"), [
    ("a library where members borrow books, with a dashboard", "dashboard", 'class="stat-value">4<'),
    ("a task manager where each task belongs to a project", "tasks", ">Write the project brief</td>"),
    ("Gestor de tareas con proyectos", "tasks", ">Redactar el informe del proyecto</td>"),
])
def test_preview_renders_in_a_real_browser(prompt, view, expected, tmp_path):
    write_project(render_project(infer_spec(prompt)), tmp_path)
    proc = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                           "--virtual-time-budget=3000", "--dump-dom", f"file://{tmp_path / 'preview.html'}#{view}"],
                          capture_output=True, text=True, timeout=300)
    assert expected in proc.stdout, proc.stdout[-2000:]
    assert "<table>" in proc.stdout or view == "dashboard"
