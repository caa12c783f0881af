"""Generate: describe an app, watch the roles build it, then inspect, preview, download and improve it."""

from __future__ import annotations

import streamlit as st

from core import projects
from core.config import get_settings
from core.conversation import Turn, get_thread
from core.errors import AutocreaError, InsufficientCreditsError
from core.projects import ProjectView
from pages import _credits as credits
from pages import _history as history
from pages import _studio as studio
from pages import _ui as ui

t = ui.t
user = ui.require_user()
settings = get_settings()
# Short chip label -> the full description it fills in (the label also names the project).
EXAMPLES = {"Task manager": "A task manager with projects and tasks",
            "Library": "A library where members borrow books",
            "Online shop": "An online shop with products (name, price, stock) and orders",
            "Blog": "Un blog con autores, entradas y comentarios",
            "Clínica": "Una clínica con pacientes, médicos y citas"}
FAILED = ("failed", "cancelled", "unsupported")


def _use_example() -> None:
    label = st.session_state.get("gen_example")
    if label:
        st.session_state["gen_prompt"] = EXAMPLES[label]
        if not st.session_state.get("gen_name"):
            st.session_state["gen_name"] = t(label)


def _open(project_id: str | None) -> None:
    if project_id:
        st.query_params["project"] = project_id
    else:
        st.query_params.pop("project", None)
    st.session_state.pop("gen_editing", None)


def new_generation() -> None:
    """The request form: name, description, examples, model, cost and balance."""
    st.title(f":material/auto_awesome: {t('Generate')}")
    if st.session_state.get("gen_welcome"):
        st.success(t("Welcome to AUTOCREA, {name}! Your account has {credits}: describe an app below, or start "
                     "from an example.", name=user.name, credits=ui.credits_label(user.balance)),
                   icon=":material/celebration:")
    st.caption(t("Describe the app you want in English or Spanish. Six AI roles design, write, audit "
                 "and test it while you watch."))
    form, aside = st.columns([3, 2], gap="large")
    with form:
        st.text_input(t("Project name (optional)"), key="gen_name", max_chars=100,
                      placeholder=t("Taken from your description when left empty"))
        labels = {k: t(k) for k in EXAMPLES}  # resolved now: format_func may run outside the script
        st.pills(t("Start from an example"), list(EXAMPLES), key="gen_example", on_change=_use_example,
                 format_func=labels.get)
        prompt = st.text_area(t("Describe your app"), key="gen_prompt", height=170,
                              placeholder=t("Who uses it, what they keep track of, which fields matter…"))
        st.caption(t("{n} / {limit} characters", n=ui.number(len(prompt or "")),
                     limit=ui.number(settings.max_prompt_chars)))
        options = ui.providers_for(user.id)
        names = [n for n, _ in options]
        labels = {n: t(label) for n, label in options}
        provider = st.selectbox(t("Model"), names, format_func=labels.get, key="gen_provider",
                                index=names.index(user.default_provider) if user.default_provider in names else 0)
        short = user.balance < settings.generation_cost
        if short:
            st.warning(t("A new app costs {cost} and your balance is {balance}.",
                         cost=ui.credits_label(settings.generation_cost), balance=ui.credits_label(user.balance)),
                       icon=":material/toll:")
            credits.out_of_credits(user, key="gen_packs")
        cost_col, go_col = st.columns([2, 1], vertical_alignment="center")
        cost_col.markdown(t("Cost: **{cost}** · Your balance: **{balance}**",
                            cost=ui.credits_label(settings.generation_cost), balance=ui.credits_label(user.balance)))
        if go_col.button(t("Generate"), type="primary", key="gen_go", icon=":material/rocket_launch:",
                         width="stretch", disabled=short):
            try:
                view = projects.start_generation(user_id=user.id, name=st.session_state.get("gen_name", ""),
                                                 prompt=prompt or "", provider=provider)
            except InsufficientCreditsError as exc:
                st.error(t("Insufficient credits: need {need}, have {have}", need=exc.need, have=exc.have),
                         icon=":material/toll:")
                st.caption(t("Nothing was charged."))
                credits.out_of_credits(user, key="gen_packs_refused")
            except AutocreaError as exc:  # refused before the charge (core.projects.create_project)
                st.error(t(str(exc)), icon=":material/error:")
                st.caption(t("Nothing was charged."))
            else:
                st.session_state.pop("gen_welcome", None)
                _open(view.id)
                st.rerun()
    with aside, st.container(border=True):
        st.markdown(f"#### {t('What you get')}")
        st.markdown(t("- A FastAPI backend with a database and one API per entity\n"
                      "- A responsive web frontend and a live preview\n"
                      "- Tests that exercise every endpoint, run for you\n"
                      "- A security audit, Docker, CI and a README\n"
                      "- The full git history, one commit per role"))
        st.caption(t("The Offline engine builds common business apps without any model key. "
                     "For anything else, add a model in Settings."))


def header(p: ProjectView) -> None:
    """Name, status, cost and the actions."""
    st.title(p.name)
    info, actions = st.columns([1, 1.5], vertical_alignment="center")
    cost = projects.credits_spent(p.id, user_id=user.id)
    gaps = studio.not_built(p)
    badge = (f":orange[:material/warning: {t('Completed, with parts not built')}]" if gaps and p.status == "completed"
             else ui.status_badge(p.status))
    info.markdown(f"{badge} · {ui.model_label(p.provider, p.model)} · {ui.credits_label(cost)} · "
                  f"{ui.when(p.created_at)}")
    with actions, st.container(horizontal=True, horizontal_alignment="right"):
        ready = not p.active and p.status != "unsupported" and bool(projects.list_snapshots(p.id, user_id=user.id))
        st.download_button(t("Download ZIP"), data=lambda: projects.zip_project(p.id, user_id=user.id),
                           file_name=f"{p.name.strip().replace(' ', '-').lower() or 'app'}.zip",
                           mime="application/zip", icon=":material/download:", disabled=not ready,
                           key="gen_zip", on_click="ignore")
        with st.popover(t("Push to git"), icon=":material/cloud_upload:", disabled=not ready), \
                st.form("gen_push", clear_on_submit=True):
            remote = st.text_input(t("Remote URL"), placeholder="https://github.com/you/app.git",
                                   key="gen_push_remote")
            token = st.text_input(t("Access token (optional)"), type="password", key="gen_push_token",
                                  help=t("Used for this push only; never stored or logged."))
            if st.form_submit_button(t("Push"), type="primary"):
                with st.spinner(t("Pushing…")):
                    commit = ui.attempt(projects.push_project, p.id, user_id=user.id, remote_url=remote,
                                        token=token)
                if commit:
                    st.success(t("Pushed commit {sha}.", sha=commit[:12]))
        focus = st.session_state.get("gen_focus", False)
        st.button(t("Show conversation") if focus else t("Hide conversation"), key="gen_focus_toggle",
                  icon=":material/left_panel_open:" if focus else ":material/left_panel_close:",
                  on_click=lambda: st.session_state.update(gen_focus=not focus),
                  help=t("Give the code and preview the whole width"))
        st.button(t("New app"), key="gen_new", on_click=_open, args=(None,), icon=":material/add:")
    if gaps and not p.active:
        studio.not_built_warning(gaps)


def outcome(p: ProjectView, steps: list) -> None:
    """What happened, in plain words, when the run did not complete."""
    if p.status in FAILED:
        failed = next((s for s in steps if s.status == "failed"), None)
        where = t("The {role} stopped", role=t(studio.ROLE_LABELS.get(failed.role, failed.role))) if failed else ""
        cost = projects.credits_spent(p.id, user_id=user.id)
        refund = (t("Your credits were refunded: this cost you nothing.") if cost == 0
                  else t("Credits charged: {n}.", n=ui.credits_label(cost)))
        message = p.error or (failed.error if failed else "")
        if p.status == "cancelled":
            st.warning(f"{t('Cancelled.')} {refund}", icon=":material/cancel:")
        elif p.status == "unsupported":
            st.warning(f"{t(message)} {refund}", icon=":material/block:")
        else:
            said = f"{where}: {t(message)}" if where and message else where or t(message)
            st.error(f"{said.rstrip('. ')}. {refund}".lstrip(". "), icon=":material/error:")
            if p.provider != "offline":
                st.caption(t("What to try: generate again in a few minutes, choose another model, or set a "
                             "fallback provider in Settings."))
    elif p.status == "needs_review":
        st.warning(t("The last change broke {n} of the project's tests. Keep it anyway, or discard it to restore "
                     "the previous version (the {cost} are refunded).", n=p.tests_failed,
                     cost=ui.credits_label(settings.followup_cost)), icon=":material/rate_review:")
        keep_col, discard_col = st.columns(2)
        for col, keep, label, icon in ((keep_col, True, t("Keep the change"), ":material/check:"),
                                       (discard_col, False, t("Discard the change"), ":material/undo:")):
            if col.button(label, key=f"gen_review_{keep}", icon=icon) and \
                    ui.attempt(projects.resolve_followup, p.id, user_id=user.id, keep=keep):
                st.rerun()


def _improve(project_id: str) -> None:
    """Start the follow-up; a callback, so a refused one keeps what was typed and a started one clears the box."""
    try:
        projects.start_followup(project_id, user_id=user.id, instruction=st.session_state.get("gen_instruction", ""))
    except InsufficientCreditsError as exc:
        st.session_state["gen_improve_error"] = t("Insufficient credits: need {need}, have {have}", need=exc.need,
                                                  have=exc.have)
    except AutocreaError as exc:
        st.session_state["gen_improve_error"] = t(str(exc))
    else:
        st.session_state["gen_instruction"] = ""


def improve(p: ProjectView) -> None:
    """The follow-up box, with its cost against the balance before the click."""
    me = ui.current_user() or user
    short = me.balance < settings.followup_cost
    with st.form("gen_improve", border=True):
        st.text_area(t("Improve this app"), key="gen_instruction", height=90,
                     placeholder=t("e.g. add a priority field to tasks"))
        st.caption(t("Costs {cost} · your balance: {balance}. Only the affected roles run again.",
                     cost=ui.credits_label(settings.followup_cost), balance=ui.credits_label(me.balance)))
        st.form_submit_button(t("Improve"), type="primary", icon=":material/auto_fix_high:", on_click=_improve,
                              args=(p.id,), disabled=p.active or p.status == "needs_review" or short)
    refused = st.session_state.pop("gen_improve_error", "")
    if refused:
        st.error(refused, icon=":material/error:")
        st.caption(t("Nothing was charged."))
    if short:
        st.warning(t("An improvement costs {cost} and your balance is {balance}.",
                     cost=ui.credits_label(settings.followup_cost), balance=ui.credits_label(me.balance)),
                   icon=":material/toll:")
        credits.out_of_credits(me, key="gen_improve_packs")


def past_turn(turn: Turn) -> None:
    """An earlier request of the thread: what was asked, what came of it, what it cost."""
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(ui.md_escape(turn.request) if turn.request else t("An earlier improvement"))
    with st.chat_message("assistant", avatar=":material/smart_toy:"):
        icon = {"completed": ":material/check_circle:", "failed": ":material/error:",
                "cancelled": ":material/cancel:"}.get(turn.status, "")
        said = t(turn.outcome) if turn.outcome else ui.status_text(turn.status)
        st.markdown(f"{icon} {said}".strip())
        st.caption(t("Run {n} · {status} · {cost}", n=turn.run, status=ui.status_text(turn.status),
                     cost=ui.credits_label(turn.credits)))


def conversation(p: ProjectView) -> None:
    """The whole thread: the prompt and every follow-up, then one status per role of the latest run."""
    thread = get_thread(p.id, user_id=user.id)
    for turn in thread[:-1]:
        past_turn(turn)
    with st.chat_message("user", avatar=":material/person:"):
        st.markdown(ui.md_escape(p.instruction or p.prompt))
    steps = projects.get_steps(p.id, user_id=user.id)
    studio.render_timeline(p, steps)
    if p.active:
        if st.button(t("Cancel"), key="gen_cancel", icon=":material/stop_circle:"):
            ui.attempt(projects.cancel, p.id, user_id=user.id)
            st.caption(t("Cancelling… the current role stops at its next checkpoint."))
    else:
        outcome(p, steps)
        if p.spec is not None:
            improve(p)


def project_view(project_id: str, was_active: bool) -> None:
    """Header, conversation and workbench, re-read from the database on every tick while the job runs."""
    p = projects.get_project(project_id, user_id=user.id)
    if p.active != was_active:
        st.rerun(scope="app")  # start or stop polling
    header(p)
    if st.session_state.get("gen_focus"):
        workbench(p)
        return
    left, right = st.columns([1, 2.6], gap="medium")
    with left, st.container(key="gen_conversation"):
        conversation(p)
    with right:
        workbench(p)


def workbench(p: ProjectView) -> None:
    """Code | Preview | Architecture | Security audit | Tests | History."""
    files = projects.get_files(p.id, user_id=user.id)
    if not files:
        if p.active:
            st.info(t("Files appear here as each role finishes."), icon=":material/hourglass_top:")
        else:
            st.info(t("No files were produced: the run stopped before any role finished."),
                    icon=":material/draft:")
        return
    flash = st.session_state.pop("gen_flash", "")
    if flash:
        st.success(flash, icon=":material/save:")
    tabs = st.tabs([t("Code"), t("Preview"), t("Architecture"), t("Security audit"), t("Tests"), t("History")])
    with tabs[0]:
        studio.code_tab(p, user.id, files)
    with tabs[1]:
        studio.preview_tab(p, files)
    with tabs[2]:
        studio.architecture_tab(p)
    with tabs[3]:
        studio.audit_tab(p, user.id)
    with tabs[4]:
        studio.tests_tab(p, user.id)
    with tabs[5]:
        history.history_tab(p, user.id)


project_id = st.query_params.get("project")
if not project_id:
    new_generation()
    st.stop()
project = ui.attempt(projects.get_project, project_id, user_id=user.id)
if project is None:
    st.button(t("Start a new app"), key="gen_missing_new", on_click=_open, args=(None,), type="primary")
    st.stop()

# A refresh, another tab or coming back re-attaches here: all state is read from the database.
st.fragment(project_view, run_every=1.0 if project.active else None)(project.id, project.active)
