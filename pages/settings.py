"""Settings: language, default and fallback model, the user's own API keys, password."""

from __future__ import annotations

import streamlit as st

from core import i18n, keys
from core.users import change_password, find_user, update_preferences
from pages import _ui as ui

t = ui.t
user = ui.require_user()
KEY_PROVIDERS = (("joxcoder", "JoxCoder / Hugging Face"), ("openai", "OpenAI"), ("anthropic", "Anthropic"),
                 ("openai_compatible", "OpenAI-compatible"))
NEEDS_URL = {"joxcoder", "openai_compatible"}
WIDTH = 760  # forms read better at a line length than stretched across a wide screen

st.title(f":material/settings: {t('Settings')}")
general, models, security = st.tabs([t("General"), t("Model keys"), t("Password")])

with general, st.container(width=WIDTH):
    st.subheader(t("Language"))
    codes = list(i18n.LANGUAGES)
    choice = st.radio(t("UI language"), codes, index=codes.index(user.language) if user.language in codes else 0,
                      format_func=i18n.LANGUAGES.get, horizontal=True, key="settings_lang")
    if choice != user.language:
        update_preferences(user.username, language=choice)
        st.session_state["ui_lang"] = choice
        st.rerun()

    st.subheader(t("Models"))
    options = ui.providers_for(user.id)
    names = [n for n, _ in options]
    labels = {n: t(label) for n, label in options}
    with st.form("settings_models"):
        default = st.selectbox(t("Default provider"), names, format_func=labels.get,
                               index=names.index(user.default_provider) if user.default_provider in names else 0)
        fallbacks = ["none", *(n for n, _ in ui.fallbacks_for(user.id))]
        # Labels are resolved now: a format_func may also be called outside the script run.
        fallback_labels = {"none": t("None"), **labels}
        fallback = st.selectbox(t("Fallback provider"), fallbacks, format_func=fallback_labels.get,
                                index=fallbacks.index(user.fallback_provider)
                                if user.fallback_provider in fallbacks else 0,
                                help=t("Used when the default provider keeps failing. Only model providers "
                                       "can stand in; add a second key in Model keys to have one."))
        fallback = "" if fallback == "none" else fallback
        if st.form_submit_button(t("Save"), type="primary") and \
                ui.attempt(update_preferences, user.username, default_provider=default, fallback_provider=fallback):
            st.success(t("Saved."))
    st.caption(t("Only providers you can use right now are listed. Add a key in Model keys to use more."))
    ui.local_model_status()

with models, st.container(width=WIDTH):
    saved = {k.provider: k for k in keys.list_keys(user.id)}
    st.caption(t("Keys are encrypted at rest and never shown again in full."))
    for name, label in KEY_PROVIDERS:
        with st.container(border=True):
            st.markdown(f"**{label}**")
            key = saved.get(name)
            if key is not None:
                st.markdown(f":material/key: {ui.md_code(key.masked)}"
                            + (f" · {ui.md_code(key.base_url)}" if key.base_url else "")
                            + (f" · {ui.md_escape(key.model)}" if key.model else ""))
                test, delete = st.columns(2)
                if test.button(t("Test connection"), key=f"settings_test_{name}", icon=":material/network_check:"):
                    with st.spinner(t("Calling {p}…", p=label)):
                        result = ui.attempt(keys.test_connection, user_id=user.id, provider=name)
                    if result is not None:
                        ok, message = result
                        (st.success if ok else st.error)(t(message))
                if delete.button(t("Delete"), key=f"settings_del_{name}", icon=":material/delete:"):
                    keys.delete_key(user_id=user.id, provider=name)
                    st.rerun()
            with st.form(f"settings_key_{name}", clear_on_submit=True):
                api_key = st.text_input(t("API key"), type="password", key=f"settings_apikey_{name}")
                # Replacing a key keeps its server and model unless they are changed here.
                base_url = st.text_input(t("Base URL"), key=f"settings_url_{name}",
                                         value=key.base_url if key is not None else "",
                                         placeholder="http://localhost:11434/v1") if name in NEEDS_URL else ""
                model = st.text_input(t("Model"), key=f"settings_model_{name}",
                                      value=key.model if key is not None else "")
                label_btn = t("Replace key") if key is not None else t("Save key")
                if st.form_submit_button(label_btn) and ui.attempt(
                        keys.save_key, user_id=user.id, provider=name, api_key=api_key,
                        base_url=base_url, model=model) is not None:
                    st.rerun()

with security, st.container(width=WIDTH), st.form("settings_password", clear_on_submit=True):
    old = st.text_input(t("Current password"), type="password", key="settings_pw_old")
    new = st.text_input(t("New password"), type="password", key="settings_pw_new")
    repeat = st.text_input(t("Repeat password"), type="password", key="settings_pw_repeat")
    if st.form_submit_button(t("Change password"), type="primary"):
        ui.attempt(change_password, username=user.username, old=old, new=new, repeat=repeat)
        fresh = find_user(user.username)
        if fresh.token_version != st.session_state.get("auth_tv"):
            # Other sessions are now signed out; this one stays, with a fresh cookie.
            st.session_state["auth_tv"] = fresh.token_version
            st.session_state["auth_set_cookie"] = True
            st.success(t("Password changed. Other sessions have been signed out."))
