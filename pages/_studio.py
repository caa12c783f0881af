"""Generate page pieces: the role timeline, the workbench tabs, follow-ups (views over core.projects)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import PurePosixPath

import streamlit as st
from code_editor import code_editor

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
# Step "models" that are tools, not a model call (the security audit when it finds nothing to fix).
NO_MODEL = {"audit": "Audit tools only (no model call)"}
ACE_LANGUAGES = {".py": "python", ".js": "javascript", ".ts": "typescript", ".html": "html", ".css": "css",
                 ".md": "markdown", ".json": "json", ".yml": "yaml", ".yaml": "yaml", ".toml": "toml",
                 ".sh": "sh", ".sql": "sql", ".ini": "ini", ".cfg": "ini", ".txt": "text", ".xml": "xml"}
ROUTES_ENV = "AUTOCREA_SERVER_ROUTES"
PROSE = ("markdown", "text")  # modes where a completion list only gets in the way of writing
PREVIEW_HEIGHT = 900  # the generated app's form and list both fit; the new-tab link gives it the whole window


def ace_language(path: str) -> str:
    """The Ace mode for a file name."""
    name = PurePosixPath(path).name
    if name == "Dockerfile" or name.startswith("Dockerfile."):
        return "dockerfile"
    if name == "Makefile":
        return "makefile"
    return ACE_LANGUAGES.get(PurePosixPath(path).suffix.lower(), "text")


def elapsed(p: ProjectView, steps: list[StepView] | tuple = ()) -> str:
    """Time this run has taken so far (or took): from its first role's start, else from its creation."""
    starts = [s.started_at for s in steps if s.started_at is not None]
    start = min(starts) if starts else p.created_at if p.run <= 1 else p.updated_at
    start = start if start.tzinfo else start.replace(tzinfo=UTC)
    end = p.finished_at or datetime.now(UTC)
    end = end if end.tzinfo else end.replace(tzinfo=UTC)
    seconds = max(0, int((end - start).total_seconds()))
    return f"{seconds // 60}m {seconds % 60:02d}s" if seconds >= 60 else f"{seconds}s"


def not_run(step: StepView) -> bool:
    """A role the run never reached because an earlier one failed (not one a follow-up did not need)."""
    return step.status == "skipped" and bool(step.error)


def _step_label(step: StepView) -> str:
    role = f"{ROLE_ICONS.get(step.role, '')} {t(ROLE_LABELS.get(step.role, step.role))}"
    if step.status == "pending":
        return f"{role} · {t('waiting')}"
    if step.status == "running":
        return f"{role} · {t(test_progress(step) or 'working…')}"
    if step.status == "completed":
        return f"{role} · {t(step.summary) if step.summary else t('done')}"
    if step.status == "skipped":
        return f"{role} · {t('not run') if not_run(step) else t('skipped')}"
    return f"{role} · {t(step.status.capitalize())}"


def test_progress(step: StepView) -> str:
    """The tester's latest live count ("Tests so far: 12 run · 12 passed · 0 failed"), or ''."""
    if step.role != "tester":
        return ""
    return next((line for line in reversed(step.output.splitlines()) if line.startswith("Tests so far:")), "")


def not_built(p: ProjectView) -> list[str]:
    """What the architect understood was asked for but this project does not build."""
    return list(p.spec.not_built) if p.spec is not None else []


def not_built_warning(gaps: list[str]) -> None:
    """The gaps, as a warning: a project that leaves out part of the request is never shown all green."""
    st.warning(f"**{t('Not built')}:** " + "; ".join(ui.md_escape(g) for g in gaps), icon=":material/warning:")


def render_step(step: StepView, gaps: list[str] | tuple = ()) -> None:
    """One st.status for one role, following its persisted state.

    Written through the container, not `with box:`: leaving a running status's `with` block marks it complete,
    so a role still at work (or waiting) would show a check mark.
    """
    if not_run(step):  # no check mark: nothing was done
        st.expander(_step_label(step), icon=":material/block:").caption(t(step.error))
        return
    if step.status == "pending":  # st.status has no idle state: a spinner would read as "working"
        st.expander(_step_label(step), icon=":material/schedule:").caption(
            t("Starts when the roles it depends on have finished."))
        return
    box = st.status(_step_label(step), state=STEP_STATES.get(step.status, "running"),
                    expanded=step.status in ("running", "failed"))
    facts = []
    if step.model in NO_MODEL:
        facts.append(t(NO_MODEL[step.model]))
    elif step.provider:
        facts.append(ui.model_label(step.provider, step.model))  # "Offline engine", or "OpenAI · gpt-x"
    if step.seconds:
        facts.append(f"{step.seconds:.1f}s")
    if step.prompt_tokens or step.completion_tokens:
        approx = "≈" if step.tokens_estimated else ""
        facts.append(t("{n} tokens", n=f"{approx}{ui.number(step.prompt_tokens + step.completion_tokens)}"))
    if facts:
        box.caption(" · ".join(facts))
    if step.error:
        box.error(t(step.error))
    elif step.summary and step.status == "completed":
        box.write(t(step.summary))
    if step.role == "architect" and gaps and step.status == "completed":
        box.warning(f"**{t('Not built')}:** " + "; ".join(ui.md_escape(g) for g in gaps), icon=":material/warning:")
    files = step.detail.get("files") if isinstance(step.detail, dict) else None
    if isinstance(files, list) and files:
        box.caption(t("Files: {names}", names=", ".join(ui.md_escape(str(f)) for f in files[:12])
                      + (" …" if len(files) > 12 else "")))
    if step.output and step.status == "running":
        box.code(step.output[-3000:], language="text", wrap_lines=True)  # the stream reads as prose


def render_timeline(p: ProjectView, steps: list[StepView]) -> None:
    """Overall progress, elapsed time and one status per role."""
    done = sum(1 for s in steps if s.status in DONE_STEPS and not not_run(s))
    total = len(steps) or len(projects.ROLES)
    if p.status in ("failed", "cancelled") and any(s.status in ("failed", "cancelled") or not_run(s)
                                                    for s in steps):
        done = sum(1 for s in steps if s.status in ("completed", "skipped") and not not_run(s))
        label = t("Stopped after {done} of {total} roles · {elapsed}", done=done, total=total,
                  elapsed=elapsed(p, steps))
    else:
        label = t("{done} of {total} roles done · {elapsed}", done=done, total=total, elapsed=elapsed(p, steps))
    st.progress(done / total if total else 0.0, text=label)
    if not steps:
        st.caption(t("Queued: the team starts in a moment."))
    for step in steps:
        render_step(step, not_built(p))


def routes_available() -> bool:
    """True when served by server.py (which adds /preview); False under `streamlit run app.py`."""
    return os.environ.get(ROUTES_ENV) == "1"


def preview_url(p: ProjectView) -> str:
    """Our own sandboxed preview route for this project (its lifetime renewed: the owner is viewing it)."""
    from core.projects import preview_link

    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    return f"{'/' + base if base else ''}/preview/{preview_link(p.id, user_id=p.user_id)}"


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


def tree_rows(paths: list[str]) -> list[str]:
    """Folders (as 'dir/') and files in tree order: at each level folders first, then files, by name."""
    tree: dict = {}
    for path in paths:
        node = tree
        *dirs, name = path.split("/")
        for d in dirs:
            node = node.setdefault(d + "/", {})
        node[name] = None

    def walk(node: dict, prefix: str) -> list[str]:
        rows: list[str] = []
        for name in sorted(node, key=lambda n: (not n.endswith("/"), n.lower())):
            rows.append(prefix + name)
            if name.endswith("/"):
                rows += walk(node[name], prefix + name)
        return rows

    return walk(tree, "")


def tree_label(row: str) -> str:
    """One tree row: indented by depth, a folder or file icon, the bare name (markdown-escaped)."""
    parts = row.rstrip("/").split("/")
    indent = "\u2003" * (len(parts) - 1)
    name = ui.md_escape(parts[-1])  # options are markdown: keep __init__, and a model's '[x](url)' is text
    icon = ":material/folder_open:" if row.endswith("/") else ":material/draft:"
    return f"{indent}{icon} {name}"


def default_file(paths: list[str]) -> str:
    """The file a person wants first: the README, else the app's entry point, else the first file."""
    return next((c for c in ("README.md", "app/main.py") if c in paths), paths[0])


def folder_view(folder: str, files: dict[str, str]) -> None:
    """What a folder row shows: its files with their size, to pick from the tree."""
    inside = [f for f in sorted(files) if f.startswith(folder)]
    st.markdown(f"**{ui.md_code(folder)}** · {t('{n} files', n=len(inside))}")
    st.dataframe([{t("File"): f.removeprefix(folder), t("Lines"): files[f].count("\n") + 1} for f in inside],
                 hide_index=True, width="stretch")
    st.caption(t("Pick a file in the tree to read or edit it."))


def editor(path: str, text: str, *, key: str, editing: bool) -> str:
    """An Ace editor; completion only on Ctrl+Space in code and never in prose, so Enter always types a newline."""
    language = ace_language(path)
    prose = language in PROSE
    response = code_editor(text, lang=language, height="540px", key=key,
                           response_mode=["debounce", "blur"], allow_reset=True,
                           options={"wrap": prose, "showLineNumbers": True, "displayIndentGuides": not prose},
                           # Ace's own light theme: the component's "light" one imports a web font from a CDN.
                           props={"theme": "textmate", "readOnly": not editing, "enableLiveAutocompletion": False,
                                  "enableBasicAutocompletion": not prose, "enableSnippets": False, "fontSize": 13})
    return response["text"] if isinstance(response, dict) and response.get("type") else text


def code_tab(p: ProjectView, user_id: int, files: dict[str, str]) -> None:
    """A folder tree beside a read-only editor; "Edit" then "Save" makes a new snapshot."""
    tree, pane = st.columns([1, 3], gap="small")
    rows = tree_rows(list(files))
    key = f"gen_file_{p.id}"
    if st.session_state.get(key) not in rows:
        st.session_state.pop(key, None)  # a file that a later snapshot removed
    with tree, st.container(height=600, border=True, key="gen_tree"):
        path = st.radio(t("Files"), rows, index=rows.index(default_file(sorted(files))), key=key,
                        label_visibility="collapsed", format_func=tree_label)
    with pane:
        if path not in files:
            folder_view(path, files)
            return
        editing = st.session_state.get("gen_editing") == (p.id, path)
        head, actions = st.columns([3, 2] if editing else [4, 1], vertical_alignment="center")
        lines = t("{n} lines", n=files[path].count("\n") + 1)
        head.markdown(f"**{ui.md_code(path)}** · :gray[{ace_language(path)} · {lines}]")
        edit_key = f"gen_ace_{p.id}_{path}"
        if not editing and actions.button(t("Edit"), key="gen_edit", icon=":material/edit:", disabled=p.active,
                                          width="stretch"):
            st.session_state["gen_editing"] = (p.id, path)
            st.session_state.pop(edit_key, None)
            st.rerun()
        content = editor(path, files[path], key=edit_key if editing else f"gen_view_{p.id}_{path}", editing=editing)
        if editing:
            with actions.container(horizontal=True, horizontal_alignment="right"):
                save = st.button(t("Save"), key="gen_save", type="primary", icon=":material/save:", width="content")
                discard = st.button(t("Discard"), key="gen_discard", icon=":material/close:", width="content")
            if save:
                snap = ui.attempt(projects.save_edit, p.id, user_id=user_id, path=path, content=content)
                if snap is not None:
                    st.session_state.pop("gen_editing", None)
                    st.session_state["gen_flash"] = t("Saved as snapshot {seq}: {message}", seq=snap.seq,
                                                      message=snap.message)
                    st.rerun()
            if discard:
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
    note, link = st.columns([3, 1], vertical_alignment="center")
    note.caption(t("A live, in-browser copy of your app with sample data, isolated from AUTOCREA."))
    link.link_button(t("Open in a new tab"), url, icon=":material/open_in_new:", width="stretch")
    st.iframe(url, height=PREVIEW_HEIGHT, alt=t("Preview of {name}", name=p.name))


def architecture_tab(p: ProjectView) -> None:
    """The ER diagram and the entities as a table."""
    spec = p.spec
    if spec is None:
        st.info(t("The architect has not produced a design yet."), icon=":material/hourglass_top:")
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
    with st.container(border=True):
        st.caption(t("{n} entities · {k} fields", n=len(spec.entities), k=len(rows)))
        st.mermaid_chart(mermaid_er(spec), alt=t("Entity relationship diagram of {name}", name=p.name))
    st.dataframe(rows, hide_index=True, width="stretch", height=min(36 + 35 * len(rows), 456))


def audit_tab(p: ProjectView, user_id: int) -> None:
    """A verdict, findings by severity and the SECURITY_AUDIT.md report."""
    report = projects.get_audit_report(p.id, user_id=user_id)
    if not report:
        st.info(t("The security audit has not run yet: it starts when the developers have finished."),
                icon=":material/hourglass_top:")
        return
    high, medium, low = (p.audit.get(k, 0) for k in ("high", "medium", "low"))
    if high:
        st.error(t("{n} high-severity findings: fix them before you deploy.", n=high), icon=":material/gpp_bad:")
    elif medium or low:
        st.warning(t("{n} findings to review; none is high severity.", n=medium + low),
                   icon=":material/shield:")
    else:
        st.success(t("No findings in the automated checks. They do not prove the code safe: review "
                     "authentication, payments and file uploads by hand."), icon=":material/verified_user:")
    cols = st.columns(3)
    for col, label, value in zip(cols, (t("High"), t("Medium"), t("Low")), (high, medium, low), strict=True):
        col.metric(label, value, border=True)
    body = report.split("\n", 1)[1] if report.startswith("# ") else report  # the tab already names it
    with st.expander(t("Full report"), icon=":material/description:", expanded=bool(high or medium or low)):
        st.markdown(body)


def tests_tab(p: ProjectView, user_id: int) -> None:
    """Passed / failed / not run, honestly, with the tester's output."""
    if not p.tests_ran:
        waiting = p.active and any(s.status in ("pending", "running") for s in projects.get_steps(p.id, user_id=user_id)
                                   if s.role == "tester")
        st.info(t("The tests have not run yet: the tester starts after the security audit.") if waiting
                else t("The tests have not run for this version."), icon=":material/pending:")
    else:
        total = p.tests_passed + p.tests_failed
        if p.tests_failed:
            st.error(t("{failed} of {total} tests failed.", failed=p.tests_failed, total=total),
                     icon=":material/error:")
        elif total:
            st.success(t("All {n} tests passed.", n=total), icon=":material/check_circle:")
        else:
            st.warning(t("The test run found no tests."), icon=":material/warning:")
        passed, failed = st.columns(2)
        passed.metric(t("Tests passed"), p.tests_passed, border=True)
        failed.metric(t("Tests failed"), p.tests_failed, border=True)
        if p.isolation:
            st.caption(f":material/shield: {t(ui.ISOLATION.get(p.isolation, p.isolation))}")
    output = projects.get_test_output(p.id, user_id=user_id)
    if output:
        with st.expander(t("Test output"), icon=":material/terminal:", expanded=bool(p.tests_failed)):
            st.code(output[-20000:], language="text")
