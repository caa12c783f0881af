"""AUTOCREA's Streamlit entry: page config, the auth gate and the navigation (a router only)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import streamlit as st
import streamlit_authenticator as stauth

from core import auth
from core.config import get_settings
from core.users import find_user, revoke_sessions
from pages import _ui as ui

# A local icon: a material-icon favicon is fetched from fonts.gstatic.com, which offline installs cannot reach.
ICON = Path(__file__).resolve().parent / "pages" / "assets" / "icon.png"
# "auto": the sidebar starts collapsed on phone-sized screens, where it would cover the studio.
st.set_page_config(page_title="AUTOCREA", page_icon=str(ICON), layout="wide", initial_sidebar_state="auto")


@st.cache_resource(show_spinner=False)
def _prepare(database_url: str) -> str:
    """Migrate once per process and database (`streamlit run app.py` has no lifespan)."""
    from db.migrate import upgrade

    return upgrade(database_url)


def _request_logout() -> None:
    st.session_state["auth_logout_requested"] = True


def _session_cookie(method: str, grant: str = "") -> None:
    """Have the browser set (POST a grant) or clear (DELETE) the HttpOnly login cookie at our /session route."""
    base = (st.get_option("server.baseUrlPath") or "").strip("/")
    url, body = json.dumps(f"{'/' + base if base else ''}/session"), json.dumps(grant) if grant else "null"
    st.html(f"<script>fetch({url}, {{method: {json.dumps(method)}, credentials: 'same-origin', "
            f"headers: {{'X-Autocrea-Session': '1'}}, body: {body}}});</script>", unsafe_allow_javascript=True)


# server.py serves /session; under `streamlit run app.py` the cookie falls back to one set by page script.
SERVER_ROUTES = os.environ.get("AUTOCREA_SERVER_ROUTES") == "1"


settings = get_settings()
_prepare(settings.database_url)
signed_in = bool(st.session_state.get("authentication_status"))
claims = None if signed_in else auth.verify_token(st.context.cookies.get(settings.cookie_name))
known = [find_user(n) for n in {st.session_state.get("username") if signed_in else None,
                                 claims.username if claims else None} if n]
authenticator = stauth.Authenticate(auth.credentials_for(known), settings.cookie_name, auth.get_cookie_key(),
                                    settings.cookie_expiry_days, login_sleep_time=0)

if claims and not st.session_state.get("logout"):
    authenticator.login(location="unrendered")
    if st.session_state.get("authentication_status"):
        st.session_state["auth_tv"] = claims.token_version
        st.session_state.setdefault("ui_lang", known[-1].language if known else "en")

username = st.session_state.get("username")
if st.session_state.get("authentication_status") and username:
    if st.session_state.pop("auth_logout_requested", False):
        revoke_sessions(username)
        authenticator.logout(location="unrendered")
        st.session_state["auth_notice"] = "You have been logged out."
        st.session_state["auth_clear_cookie"] = True
    elif auth.is_revoked(username, st.session_state.get("auth_tv")):
        authenticator.logout(location="unrendered")
        st.session_state["auth_notice"] = "Your session ended (logged out or password changed). Please log in again."
        st.session_state["auth_clear_cookie"] = True

ui.chrome()
# One slot, drawn on every run, for the run that sets or clears the cookie: an element that appeared in one run
# only would shift everything after it, and the next rerun would redraw the page (losing text being typed).
cookie_slot = st.empty()
user = ui.current_user()
if user is not None:
    if st.session_state.pop("auth_set_cookie", False):
        with cookie_slot.container():
            if SERVER_ROUTES:
                _session_cookie("POST", auth.issue_grant(user))
            else:
                token, expires = auth.issue_token(user)
                authenticator.cookie_controller.cookie_model.cookie_manager.set(
                    settings.cookie_name, token, expires_at=expires.replace(tzinfo=None))
    ui.sidebar(user, _request_logout)
    t = ui.t
    sections = {
        t("Build"): [
            st.Page("pages/generate.py", title=t("Generate"), icon=":material/auto_awesome:", default=True),
            st.Page("pages/projects.py", title=t("Projects"), icon=":material/folder_open:"),
        ],
        t("Account"): [
            st.Page("pages/billing.py", title=t("Billing"), icon=":material/credit_card:"),
            st.Page("pages/settings.py", title=t("Settings"), icon=":material/settings:"),
        ],
    }
    admin = st.Page("pages/admin.py", title=t("Admin"), icon=":material/admin_panel_settings:",
                    visibility="visible" if user.role == "admin" else "hidden")
    if user.role == "admin":
        sections[t("Admin")] = [admin]
    else:
        # Listed but hidden, so /admin by URL reaches the page and is refused there with a message.
        sections[t("Account")].append(admin)
    st.navigation(sections).run()
else:
    if st.session_state.pop("auth_clear_cookie", False) and SERVER_ROUTES:
        with cookie_slot.container():
            _session_cookie("DELETE")
    st.navigation([st.Page("pages/login.py", title=ui.t("Welcome"), icon=":material/login:",
                           default=True)], position="hidden").run()
