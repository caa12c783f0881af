"""Sandbox overhead: a small generated-style project's tests run plain, limits-only and under bubblewrap.

Prints one JSON object: median seconds per level over N runs, the overhead against a plain run, and the
audit's median seconds. Usage: python bench/sandbox_bench.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from core.audit import audit_files  # noqa: E402
from core.files import write_files  # noqa: E402
from core.sandbox import Limits, detect_isolation, execute  # noqa: E402

PROJECT = {
    "app/__init__.py": "",
    "app/main.py": '''"""Tasks API."""

from fastapi import Depends, FastAPI, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

engine = create_engine("sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool)
SessionLocal = sessionmaker(engine)


class Base(DeclarativeBase):
    pass


class Task(Base):
    __tablename__ = "tasks"
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))


class TaskCreate(BaseModel):
    title: str = Field(min_length=1, max_length=200)


Base.metadata.create_all(engine)
app = FastAPI()


def get_session():
    with SessionLocal() as session:
        yield session


@app.post("/tasks", status_code=201)
def create_task(body: TaskCreate, session: Session = Depends(get_session)) -> dict:
    task = Task(title=body.title)
    session.add(task)
    session.commit()
    return {"id": task.id, "title": task.title}


@app.get("/tasks/{task_id}")
def read_task(task_id: int, session: Session = Depends(get_session)) -> dict:
    task = session.get(Task, task_id)
    if task is None:
        raise HTTPException(404, "Task not found")
    return {"id": task.id, "title": task.title}


@app.get("/tasks")
def list_tasks(session: Session = Depends(get_session)) -> list[dict]:
    return [{"id": t.id, "title": t.title} for t in session.scalars(select(Task))]
''',
    "tests/__init__.py": "",
    "tests/test_tasks.py": '''from fastapi.testclient import TestClient

from app.main import app

client = TestClient(app)


def test_create_and_read():
    made = client.post("/tasks", json={"title": "Write"}).json()
    assert client.get(f"/tasks/{made['id']}").json()["title"] == "Write"


def test_validation():
    assert client.post("/tasks", json={"title": ""}).status_code == 422


def test_missing():
    assert client.get("/tasks/999").status_code == 404


def test_list():
    assert isinstance(client.get("/tasks").json(), list)
''',
}


def timed(level: str) -> float:
    """Seconds for one run of the project's tests at `level` ("plain", "limits" or "bubblewrap")."""
    with tempfile.TemporaryDirectory(prefix="autocrea-bench-") as tmp:
        workdir = Path(tmp) / "project"
        write_files(workdir, PROJECT)
        if level == "plain":
            start = time.monotonic()
            proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"], cwd=workdir,
                                  capture_output=True, text=True)
            seconds = time.monotonic() - start
            if proc.returncode != 0:
                raise SystemExit(f"plain run failed:\n{proc.stdout[-2000:]}")
            return seconds
        run = execute(workdir, level=level, timeout=120, limits=Limits(), bwrap=detect_isolation().bwrap)  # type: ignore[arg-type]
        if not run.succeeded:
            raise SystemExit(f"{level} run failed:\n{run.output[-2000:]}")
        return run.seconds


def main() -> None:
    """Run the benchmark and print one JSON object."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    info = detect_isolation()
    levels = ["plain", "limits"] + (["bubblewrap"] if info.level == "bubblewrap" else [])
    timed("plain")  # warm the page cache so the first level is not penalised
    samples: dict[str, list[float]] = {lvl: [] for lvl in levels}
    for _ in range(args.runs):  # interleaved, so load from other work on the machine hits every level alike
        for lvl in levels:
            samples[lvl].append(timed(lvl))
    medians = {lvl: round(statistics.median(v), 3) for lvl, v in samples.items()}
    audit = [audit_files(PROJECT).seconds for _ in range(args.runs)]
    print(json.dumps({
        "runs": args.runs,
        "isolation_available": info.level,
        "isolation_note": info.note,
        "median_seconds": medians,
        "overhead_seconds": {lvl: round(medians[lvl] - medians["plain"], 3) for lvl in levels if lvl != "plain"},
        "audit_median_seconds": round(statistics.median(audit), 4),
        "project_files": len(PROJECT),
    }))


if __name__ == "__main__":
    main()
