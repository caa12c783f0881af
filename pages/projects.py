"""Projects: the user's own projects, searchable, with open, download and delete."""

from __future__ import annotations

import streamlit as st

from core import projects
from core.errors import AutocreaError
from core.projects import ProjectView
from pages import _ui as ui

t = ui.t
user = ui.require_user()


def _ask_delete(project_id: str) -> None:
    st.session_state["projects_confirm"] = project_id


def _cancel_delete() -> None:
    st.session_state.pop("projects_confirm", None)


def row(p: ProjectView) -> None:
    """One project card."""
    with st.container(border=True):
        info, facts, actions = st.columns([3, 2, 3], vertical_alignment="center")
        with info:
            st.markdown(f"**{p.name}**  \n{ui.status_badge(p.status)}")
            st.caption(p.prompt[:160] + ("…" if len(p.prompt) > 160 else ""))
        with facts:
            tests = (t("{passed} passed · {failed} failed", passed=p.tests_passed, failed=p.tests_failed)
                     if p.tests_ran else t("tests not run"))
            st.caption(f"{ui.model_label(p.provider, p.model)}  \n{ui.when(p.created_at)}  \n"
                       f"{ui.credits_label(p.credits_charged)} · {tests}")
        with actions, st.container(horizontal=True, horizontal_alignment="right", vertical_alignment="center"):
            st.page_link("pages/generate.py", label=t("Open"), icon=":material/open_in_new:",
                         query_params={"project": p.id})
            st.download_button(t("Download ZIP"), data=lambda pid=p.id: projects.zip_project(pid, user_id=user.id),
                               file_name=f"{p.name.strip().replace(' ', '-').lower() or 'app'}.zip",
                               mime="application/zip", icon=":material/download:", key=f"projects_zip_{p.id}",
                               on_click="ignore", disabled=p.active or p.status == "unsupported")
            st.button(t("Delete"), key=f"projects_del_{p.id}", icon=":material/delete:", on_click=_ask_delete,
                      args=(p.id,), disabled=p.active, help=t("Delete this project"))
        if st.session_state.get("projects_confirm") == p.id:
            st.warning(t("Delete **{name}** and its history? This cannot be undone; your credit history is kept.",
                         name=p.name), icon=":material/warning:")
            yes, no = st.columns([1, 5])
            if yes.button(t("Yes, delete"), key=f"projects_yes_{p.id}", type="primary"):
                _cancel_delete()
                try:
                    projects.delete_project(p.id, user_id=user.id)
                except AutocreaError as exc:
                    st.session_state["projects_flash_error"] = str(exc)
                else:
                    st.session_state["projects_flash"] = t("Deleted {name}.", name=p.name)
                st.rerun()
            no.button(t("Keep it"), key=f"projects_no_{p.id}", on_click=_cancel_delete)


st.title(f":material/folder_open: {t('Projects')}")
flash = st.session_state.pop("projects_flash", "")
if flash:
    st.success(flash, icon=":material/check:")
flash_error = st.session_state.pop("projects_flash_error", "")
if flash_error:
    st.error(t(flash_error), icon=":material/error:")
search, status = st.columns([3, 1])
q = search.text_input(t("Search"), key="projects_q", placeholder=t("Name or description"))
status_labels = {s: t(s.replace("_", " ").capitalize()) for s in ("all", *projects.STATUSES)}
chosen = status.selectbox(t("Status"), list(status_labels), key="projects_status", format_func=status_labels.get)
chosen = "" if chosen == "all" else chosen
found = projects.list_projects(user_id=user.id, q=q, status=chosen)
if found:
    st.caption(t("{n} projects", n=len(found)) if len(found) != 1 else t("1 project"))
    for p in found:
        row(p)
elif q or chosen:
    st.info(t("No project matches. Clear the search or the status filter."), icon=":material/search_off:")
else:
    with st.container(border=True, horizontal_alignment="center"):
        st.markdown(f"### :material/lightbulb: {t('No projects yet')}", text_alignment="center")
        st.markdown(t("You have no projects yet. Describe an app on the Generate page and it will appear here."),
                    text_alignment="center")
        st.page_link("pages/generate.py", label=t("Generate your first app"), icon=":material/auto_awesome:")
