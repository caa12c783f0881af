"""Billing: balance, credit history and plans (purchases only when Stripe is configured)."""

from __future__ import annotations

import streamlit as st

from core.admin import credit_history
from core.config import get_settings
from pages import _ui as ui

t = ui.t
user = ui.require_user()
settings = get_settings()

st.title(f":material/credit_card: {t('Billing')}")
left, mid, right = st.columns(3)
left.metric(t("Balance"), ui.credits_label(user.balance))
mid.metric(t("A new app costs"), ui.credits_label(settings.generation_cost))
right.metric(t("An improvement costs"), ui.credits_label(settings.followup_cost))

st.subheader(t("Plans"))
stripe_ready = settings.enabled_services()["stripe"]
if not stripe_ready:
    st.info(t("Purchases are not available here yet: buying credits needs Stripe to be configured "
              "(STRIPE_SECRET_KEY). Ask the operator of this installation; an administrator can also "
              "grant credits."), icon=":material/info:")
plans = (
    ("Basic", t("Monthly subscription"), t("Credits every month for a few apps and many improvements.")),
    ("Pro", t("Monthly subscription"), t("More credits every month, for teams that build often.")),
    (t("Credit packs"), t("One-off purchase"), t("Top up any time; credits never expire.")),
)
for col, (name, kind, blurb) in zip(st.columns(3), plans, strict=True):
    with col.container(border=True):
        st.markdown(f"### {name}")
        st.caption(kind)
        st.write(blurb)
        st.button(t("Choose"), key=f"billing_{name}", disabled=True,
                  help=t("Checkout opens when Stripe is configured.") if not stripe_ready
                  else t("Checkout is not enabled in this version."))

st.subheader(t("Credit history"))
entries = credit_history(user.id)
if not entries:
    st.caption(t("No credit movements yet."))
else:
    st.dataframe(
        [{t("Date"): ui.when(e.created_at), t("Kind"): t(e.kind.capitalize()), t("Credits"): e.amount,
          t("Reference"): e.ref, t("Memo"): e.memo} for e in entries],
        hide_index=True, width="stretch")
