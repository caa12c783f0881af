"""Admin: usage across the installation, recent projects, and granting credits."""

from __future__ import annotations

import streamlit as st

from core import admin
from pages import _ui as ui

t = ui.t
user = ui.require_user()
st.title(f":material/admin_panel_settings: {t('Admin')}")
if user.role != "admin":
    st.error(t("This page is for administrators only. Your account cannot open it."), icon=":material/block:")
    st.stop()

stats = admin.usage()
c1, c2, c3, c4 = st.columns(4)
c1.metric(t("Users"), stats.users, help=t("{n} administrators", n=stats.admins), border=True)
c2.metric(t("Credits granted"), stats.granted, border=True)
c3.metric(t("Credits charged"), stats.charged, border=True)
c4.metric(t("Credits refunded"), stats.refunded, border=True)

by_status, by_provider = st.columns(2)
with by_status:
    st.subheader(t("Generations by status"))
    if stats.projects_by_status:
        st.bar_chart({t(k.replace("_", " ").capitalize()): v for k, v in stats.projects_by_status.items()},
                     horizontal=True)
    else:
        st.caption(t("No generations yet."))
with by_provider:
    st.subheader(t("Generations by provider"))
    if stats.projects_by_provider:
        st.bar_chart({ui.model_label(k): v for k, v in stats.projects_by_provider.items()}, horizontal=True)
    else:
        st.caption(t("No generations yet."))

st.subheader(t("Credits by day"))
days = admin.credits_by_day(30)
if any(n for _, _, n in days):
    st.altair_chart(ui.credits_chart(days), width="stretch")
else:
    st.caption(t("No ledger entries in the last 30 days."))

st.subheader(t("Recent projects"))
recent = admin.recent_projects()
if recent:
    st.dataframe([{t("Name"): p.name, t("Owner"): p.owner, t("Status"): ui.status_text(p.status),
                   t("Model"): ui.model_label(p.provider), t("Credits"): p.credits, t("Created"): ui.when(p.created_at)}
                  for p in recent], hide_index=True, width="stretch")
else:
    st.caption(t("No projects yet."))

accounts, grant = st.columns([3, 2], gap="large")
people = admin.list_accounts()
with grant:
    st.subheader(t("Grant credits"))
    with st.form("admin_grant", clear_on_submit=True):
        names = {u.username: f"{u.username} · {u.name} · {ui.credits_label(u.balance)}" for u in people}
        target = st.selectbox(t("Account"), list(names), format_func=names.get, key="admin_grant_user",
                              index=None, placeholder=t("Choose an account"))
        amount = st.number_input(t("Credits"), min_value=1, max_value=1_000_000, value=50, step=10,
                                 key="admin_grant_amount")
        memo = st.text_input(t("Memo (why)"), key="admin_grant_memo")
        if st.form_submit_button(t("Grant credits"), type="primary"):
            if not target:
                st.error(t("Choose the account to grant credits to."), icon=":material/error:")
            else:
                new = ui.attempt(admin.grant_credits, actor=user.username, username=target, amount=int(amount),
                                 memo=memo)
                if new is not None:
                    st.session_state["admin_flash"] = t("Granted {amount} credits to {user}; balance {n}.",
                                                        amount=int(amount), user=target, n=ui.credits_label(new))
                    st.rerun()  # the Accounts table (drawn beside the form) shows the new balance
    flash = st.session_state.pop("admin_flash", "")
    if flash:
        st.success(flash, icon=":material/check_circle:")
with accounts:
    st.subheader(t("Accounts"))
    st.dataframe([{t("Username"): u.username, t("Name"): u.name, t("Role"): u.role, t("Balance"): u.balance,
                   t("Created"): ui.when(u.created_at)} for u in people],
                 hide_index=True, width="stretch")
