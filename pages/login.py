"""Landing page: what AUTOCREA does, the free trial, and the "Log in" / "Create account" tabs."""

from __future__ import annotations

import streamlit as st

from core import auth
from core.config import get_settings
from core.errors import AutocreaError
from core.users import UserPublic, create_user
from pages import _ui as ui

t = ui.t


def _sign_in(user: UserPublic) -> None:
    """Set the authenticator's session keys; app.py writes the cookie in the same run."""
    st.session_state.update({"authentication_status": True, "username": user.username, "name": user.name,
                             "email": user.email, "roles": [user.role], "logout": None,
                             "auth_tv": user.token_version, "auth_set_cookie": True,
                             "ui_lang": user.language})
    st.session_state.pop("auth_notice", None)  # shown on the sign-in page until someone signs in again


def _on_login() -> None:
    username = st.session_state.get("login_username", "")
    password = st.session_state.get("login_password", "")
    st.session_state["login_password"] = ""
    try:
        client = auth.client_address(st.context.headers.get("X-Forwarded-For"), st.context.ip_address)
        user = auth.login(username, password, client=client)
    except AutocreaError as exc:
        st.session_state["login_error"] = str(exc)
        return
    if user is None:
        st.session_state["login_error"] = "Wrong username or password"
        return
    _sign_in(user)


def _on_register() -> None:
    g = st.session_state.get
    name = f"{g('reg_first', '').strip()} {g('reg_last', '').strip()}".strip()
    try:
        user = create_user(username=g("reg_username", ""), email=g("reg_email", ""), name=name,
                           password=g("reg_password", ""), repeat=g("reg_repeat", ""))
    except AutocreaError as exc:
        st.session_state["register_error"] = str(exc)
        return
    st.session_state["reg_password"] = st.session_state["reg_repeat"] = ""
    _sign_in(user)
    st.session_state["gen_welcome"] = True  # the studio greets a new account until its first app starts


settings = get_settings()
# Kept (not popped): the cookie component reruns the page right after a logout, which would hide it at once.
notice = st.session_state.get("auth_notice", "")
if notice:
    st.info(t(notice), icon=":material/info:")

hero, forms = st.columns([1.15, 1], gap="large")
with hero:
    st.image(str(ui.ASSETS / "logo.png"), width=230)
    st.title(t("Describe an app in plain words. Watch a team of AI roles build it."))
    st.markdown(t(
        "An **architect** designs it, **backend**, **frontend** and **devops** engineers write it, "
        "a **security** auditor reviews it and a **tester** runs its tests. You read every file, "
        "preview the app, download it as a ZIP or push it to git, and keep improving it."))
    st.markdown(t("**Try for example:**") + "".join(
        f"  \n:material/lightbulb: *{example}*" for example in ("A task manager with projects and tasks",
                                                                 "A library where members borrow books",
                                                                 "Una tienda con productos, categorías y pedidos")))
    st.success(t("New accounts get **{n} free credits**: enough for {k} complete apps.",
                 n=settings.trial_credits, k=settings.trial_credits // max(1, settings.generation_cost)),
               icon=":material/redeem:")
    st.caption(t("Works offline with the built-in Offline engine; add your own model keys in Settings."))

with forms:
    tab_login, tab_register = st.tabs([t("Log in"), t("Create account")])
    with tab_login:
        with st.form("login_form", border=True):
            st.text_input(t("Username"), key="login_username", autocomplete="username")
            st.text_input(t("Password"), type="password", key="login_password", autocomplete="current-password")
            st.form_submit_button(t("Log in"), type="primary", on_click=_on_login, width="stretch")
        error = st.session_state.pop("login_error", "")
        if error:
            st.error(t(error), icon=":material/error:")
    with tab_register:
        with st.form("register_form", border=True):
            first, last = st.columns(2)
            first.text_input(t("First name"), key="reg_first", autocomplete="given-name")
            last.text_input(t("Last name"), key="reg_last", autocomplete="family-name")
            st.text_input(t("Email"), key="reg_email", autocomplete="email")
            st.text_input(t("Username"), key="reg_username", autocomplete="username")
            st.text_input(t("Password"), type="password", key="reg_password", autocomplete="new-password",
                          help=t("At least 8 characters with letters and digits (at most 72 bytes)."))
            st.text_input(t("Repeat password"), type="password", key="reg_repeat", autocomplete="new-password")
            st.form_submit_button(t("Create account"), type="primary", on_click=_on_register, width="stretch")
        error = st.session_state.pop("register_error", "")
        if error:
            st.error(t(error), icon=":material/error:")
