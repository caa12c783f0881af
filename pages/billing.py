"""Billing: balance, plans with Stripe Checkout (when configured), the subscription and the credit history."""

from __future__ import annotations

import streamlit as st

from core.admin import credit_history
from core.billing import PLANS, billing_enabled, get_subscription
from core.config import get_settings
from pages import _credits as credits
from pages import _ui as ui

t = ui.t
user = ui.require_user()
settings = get_settings()

st.title(f":material/credit_card: {t('Billing')}")
returned = st.query_params.get("checkout")
if returned == "success":
    st.success(t("Payment received: credits arrive in a few seconds."), icon=":material/check_circle:")
    st.button(t("Refresh balance"), key="billing_refresh", icon=":material/refresh:")
elif returned == "cancel":
    st.info(t("Checkout cancelled: nothing was charged."), icon=":material/info:")

left, mid, right = st.columns(3)
left.metric(t("Balance"), ui.credits_label(user.balance))
mid.metric(t("A new app costs"), ui.credits_label(settings.generation_cost))
right.metric(t("An improvement costs"), ui.credits_label(settings.followup_cost))

subscription = get_subscription(user.id)
if subscription is not None:
    plan = PLANS.get(subscription.plan)
    name = plan.name(ui.lang()) if plan else subscription.plan
    st.info(t("Your subscription: **{plan}** ({status}); current period ends {date}.", plan=name,
              status=t(subscription.status.replace("_", " ").capitalize()),
              date=ui.when(subscription.current_period_end)), icon=":material/autorenew:")

st.subheader(t("Plans"))
enabled = billing_enabled()
if not enabled:
    credits.purchases_off(user)
for col, plan in zip(st.columns(len(PLANS)), PLANS.values(), strict=True):
    recurring = plan.mode == "subscription"
    with col.container(border=True):
        st.markdown(f"### {plan.name(ui.lang())}")
        st.caption(t("Monthly subscription") if recurring else t("One-off purchase"))
        st.markdown(f"**{credits.price_label(plan)}**")
        if recurring:  # a pack's name already says how many credits it holds
            st.write(t("{n} credits every month", n=ui.number(plan.credits)))
        if enabled:
            blocked = recurring and subscription is not None
            credits.buy_button(user, plan, key=f"billing_buy_{plan.id}", disabled=blocked,
                               help=t("You already have a subscription.") if blocked else None)

st.subheader(t("Credit history"))
entries = credit_history(user.id)
if not entries:
    st.caption(t("No credit movements yet."))
else:
    st.dataframe(
        [{t("Date"): ui.when(e.created_at), t("Kind"): t(e.kind.capitalize()), t("Credits"): e.amount,
          t("Memo"): t(e.memo)} for e in entries],
        hide_index=True, width="stretch")
