"""Generate page pieces: the role timeline, the workbench tabs, follow-ups (views over core.projects)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import PurePosixPath

import streamlit as st
from streamlit_ace import st_ace

from core import projects
from core.projects import ProjectView, StepView
from core.spec import AppSpec
from pages import _ui as ui

t = ui.t
ROLE_LABELS = {"architect": "Architect", "backend": "Backend developer", "frontend": "Frontend developer",
               "devops": "DevOps engineer", "security": "Security auditor", "tester": "Tester"}
ROLE_ICONS = {"architect": ":material/architecture:", "backend": ":material/dns:", "frontend": ":material/web:",
              "devops": ":material/deployed_code:", "security": ":material/shield:", "tester": ":material/science:"}
STEP_STATES = {"pending": "running", "running": "running", "completed": "complete", "failed": "error",
               "cancelled": "error", "skipped": "complete"}
DONE_STEPS = ("completed", "failed", "cancelled", "skipped")
ACE_LANGUAGES = {".py": "python", ".js": "javascript", ".ts": "typescript", ".html": "html", ".css": "css",
                 ".md": "markdown", ".json": "json", ".yml": "yaml", ".yaml": "yaml", ".toml": "toml",
                 ".sh": "sh", ".sql": "sql", ".ini": "ini", ".cfg": "ini", ".txt": "text", ".xml": "xml"}
ROUTES_ENV = "AUTOCREA_SERVER_ROUTES"


def ace_language(path: str) -> str:
    """The Ace mode for a file name."""
    name = PurePosixPath(path).name
    if name == "Dockerfile" or name.startswith("Dockerfile."):
        return "dockerfile"
    if name == "Makefile":
        return "makefile"
    return ACE_LANGUAGES.get(PurePosixPath(path).suffix.lower(), "text")


def elapsed(p: ProjectView) -> str:
    """Time the generation has taken so far (or took)."""
    start = p.created_at if p.created_at.tzinfo else p.created_at.replace(tzinfo=UTC)
    end = p.finished_at or datetime.now(UTC)
    end = end if end.tzinfo else end.replace(tzinfo=UTC)
    seconds = max(0, int((end - start).total_seconds()))
    return f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def _step_label(step: StepView) -> str:
    role = f"{ROLE_ICONS.get(step.role, '')} {t(ROLE_LABELS.get(step.role, step.role))}"
    if step.status == "pending":
        return f"{role} · {t('waiting')}"
    if step.status == "running":
        return f"{role} · {t('working…')}"
    if step.status == "completed":
        return f"{role} · {step.summary or t('done')}"
    if step.status == "skipped":
        return f"{role} · {t('skipped')}"
    return f"{role} · {t(step.status.capitalize())}"


def render_step(step: StepView) -> None:
    """One st.status for one role, following its persisted state."""
    box = st.status(_step_label(step), state=STEP_STATES.get(step.status, "running"),
                    expanded=step.status in ("running", "failed"))
    with box:
        facts = []
        if step.provider:
            facts.append(f"{step.provider}{' · ' + step.model if step.model else ''}")
        if step.seconds:
            facts.append(f"{step.seconds:.1f}s")
        if step.prompt_tokens or step.completion_tokens:
            approx = "≈" if step.tokens_estimated else ""
            facts.append(t("{n} tokens", n=f"{approx}{step.prompt_tokens + step.completion_tokens:,}"))
        if facts:
            st.caption(" · ".join(facts))
        if step.error:
            st.error(step.error)
        elif step.summary and step.status == "completed":
            st.write(step.summary)
        files = step.detail.get("files") if isinstance(step.detail, dict) else None
        if isinstance(files, list) and files:
            st.caption(t("Files: {names}", names=", ".join(str(f) for f in files[:12])
                         + (" …" if len(files) > 12 else "")))
        if step.output and step.status == "running":
            st.code(step.output[-3000:], language="text")
        elif step.status == "pending":
            st.caption(t("Starts when the roles it depends on have finished."))


def render_timeline(p: ProjectView, steps: list[StepView]) -> None:
    """Overall progress, elapsed time and one status per role."""
    done = sum(1 for s in steps if s.status in DONE_STEPS)
    total = len(steps) or len(projects.ROLES)
    label = t("{done} of {total} roles done · {elapsed}", done=done, total=total, elapsed=elapsed(p))
    st.progress(done / total if total else 0.0, text=label)
    if not steps:
        st.caption(t("Queued: the team starts in a moment."))
    for step in steps:
        render_step(step)


def routes_available() -> bool:
    """True when served by server.py (which adds /preview); False under `streamlit run app.py`."""
    return os.environ.get(ROUTES_ENV) == "1"


def preview_url(p: ProjectView) -> str:
    """Our own sandboxed preview route for this project."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + base if base else ''}/preview/{p.preview_token}"


def mermaid_er(spec: AppSpec) -> str:
    """A Mermaid ER diagram of the spec's entities and relations."""
    lines = ["erDiagram"]
    for e in spec.entities:
        lines.append(f"    {e.name} {{")
        lines.append("        int id PK")
        lines += [f"        {f.type} {f.name}" for f in e.fields]
        lines += [f"        int {r.field} FK" for r in e.relations]
        lines.append("    }")
    for e in spec.entities:
        lines += [f'    {r.target} ||--o{{ {e.name} : "has"' for r in e.relations]
    return "\n".join(lines)


def code_tab(p: ProjectView, user_id: int, files: dict[str, str]) -> None:
    """File tree beside a read-only Ace viewer; "Edit" then "Save" makes a new snapshot."""
    tree, editor = st.columns([1.2, 3], gap="small")
    paths = sorted(files)
    with tree, st.container(height=560, border=True):
        path = st.radio(t("Files"), paths, key=f"gen_file_{p.id}", label_visibility="collapsed",
                        format_func=lambda x: x.replace("_", "\\_"))  # options are markdown: keep __init__
    with editor:
        editing = st.session_state.get("gen_editing") == (p.id, path)
        head, actions = st.columns([3, 1])
        head.markdown(f"**`{path}`** · {ace_language(path)}")
        ace_key = f"gen_ace_{p.id}_{path}"
        if not editing and actions.button(t("Edit"), key="gen_edit", icon=":material/edit:", disabled=p.active,
                                          width="stretch"):
            st.session_state["gen_editing"] = (p.id, path)
            st.session_state.pop(ace_key, None)
            st.rerun()
        content = st_ace(value=files[path], language=ace_language(path), theme="chrome", readonly=not editing,
                         key=ace_key if editing else f"gen_view_{p.id}_{path}", height=520, font_size=13,
                         show_gutter=True, wrap=False, auto_update=True)
        if editing:
            save, cancel_edit = actions.columns(2)
            if save.button(t("Save"), key="gen_save", type="primary", icon=":material/save:"):
                snap = ui.attempt(projects.save_edit, p.id, user_id=user_id, path=path,
                                  content=content if isinstance(content, str) else files[path])
                if snap is not None:
                    st.session_state.pop("gen_editing", None)
                    st.session_state["gen_flash"] = t("Saved as snapshot {seq}: {message}", seq=snap.seq,
                                                      message=snap.message)
                    st.rerun()
            if cancel_edit.button(t("Discard"), key="gen_discard", icon=":material/close:"):
                st.session_state.pop("gen_editing", None)
                st.rerun()


def preview_tab(p: ProjectView, files: dict[str, str]) -> None:
    """The generated preview.html, served by our sandboxed route and embedded by URL."""
    if "preview.html" not in files:
        st.info(t("This project has no preview page yet; it appears when the frontend role finishes."))
        return
    if not routes_available():
        st.warning(t("The preview route needs the full server: run `streamlit run server.py` "
                     "(or `make run`) instead of `streamlit run app.py`."), icon=":material/info:")
        return
    url = preview_url(p)
    st.caption(t("A live, in-browser copy of your app with sample data, isolated from AUTOCREA."))
    st.iframe(url, height=640, alt=t("Preview of {name}", name=p.name))
    st.link_button(t("Open preview in a new tab"), url, icon=":material/open_in_new:")


def architecture_tab(p: ProjectView) -> None:
    """The entities as a table and a Mermaid ER diagram."""
    spec = p.spec
    if spec is None:
        st.info(t("The architect has not produced a design yet."))
        return
    st.markdown(f"**{spec.title}** · {spec.description}" if spec.description else f"**{spec.title}**")
    if spec.features:
        st.caption(t("Features: {names}", names=", ".join(spec.features)))
    rows = []
    for e in spec.entities:
        rows += [{t("Entity"): e.name, t("Field"): f.name, t("Type"): f.type, t("Required"): f.required,
                  t("Unique"): f.unique, t("Choices"): ", ".join(f.choices)} for f in e.fields]
        rows += [{t("Entity"): e.name, t("Field"): r.field, t("Type"): f"→ {r.target}", t("Required"): r.required,
                  t("Unique"): False, t("Choices"): ""} for r in e.relations]
    st.dataframe(rows, hide_index=True, width="stretch")
    st.mermaid_chart(mermaid_er(spec), alt=t("Entity relationship diagram of {name}", name=p.name))


def audit_tab(p: ProjectView) -> None:
    """Findings by severity and the SECURITY_AUDIT.md report."""
    high, medium, low = st.columns(3)
    high.metric(t("High"), p.audit.get("high", 0))
    medium.metric(t("Medium"), p.audit.get("medium", 0))
    low.metric(t("Low"), p.audit.get("low", 0))
    report = projects.get_audit_report(p.id)
    if report:
        with st.container(border=True):
            st.markdown(report)
    else:
        st.info(t("The security audit has not run yet."))


def tests_tab(p: ProjectView) -> None:
    """Passed / failed, honestly, with the tester's output."""
    if not p.tests_ran:
        st.info(t("The tests have not run for this version."), icon=":material/info:")
    else:
        passed, failed = st.columns(2)
        passed.metric(t("Passed"), p.tests_passed)
        failed.metric(t("Failed"), p.tests_failed)
        if p.isolation:
            st.caption(t("Isolation: {mode}", mode=p.isolation))
    output = projects.get_test_output(p.id)
    if output:
        st.code(output[-20000:], language="text")


def history_tab(p: ProjectView) -> None:
    """Snapshots with their messages, and a diff between two of them."""
    snaps = projects.list_snapshots(p.id)
    if not snaps:
        st.info(t("No snapshots yet: each role's work is saved here as it finishes."))
        return
    st.dataframe([{"#": s.seq, t("Role"): s.role, t("Message"): s.message, t("Files"): s.files,
                   t("Created"): ui.when(s.created_at)} for s in reversed(snaps)], hide_index=True, width="stretch")
    if len(snaps) < 2:
        return
    seqs = [s.seq for s in snaps]
    labels = {s.seq: f"{s.seq} · {s.message[:60]}" for s in snaps}
    a, b = st.columns(2)
    old = a.selectbox(t("From snapshot"), seqs, index=len(seqs) - 2, format_func=labels.get, key=f"gen_diff_a_{p.id}")
    new = b.selectbox(t("To snapshot"), seqs, index=len(seqs) - 1, format_func=labels.get, key=f"gen_diff_b_{p.id}")
    diff = projects.diff_snapshots(p.id, old, new)
    st.code(diff or t("No differences."), language="diff")
