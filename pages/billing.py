"""Billing: balance, plans with Stripe Checkout (when configured), the subscription and the credit history."""

from __future__ import annotations

import uuid

import streamlit as st

from core.admin import credit_history
from core.billing import PLANS, Plan, billing_enabled, create_checkout, get_subscription
from core.config import get_settings
from pages import _ui as ui

t = ui.t
user = ui.require_user()
settings = get_settings()


def price_label(plan: Plan) -> str:
    """'$12.00 / month' or '$5.00'."""
    price = f"${plan.price_cents / 100:,.2f}" if plan.currency == "usd" else \
        f"{plan.price_cents / 100:,.2f} {plan.currency.upper()}"
    return t("{price} / month", price=price) if plan.mode == "subscription" else price


def checkout_key(plan: Plan) -> str:
    """One idempotency key per plan and browser session: reruns and double clicks reuse one Checkout Session."""
    nonce = st.session_state.setdefault(f"billing_nonce_{plan.id}", uuid.uuid4().hex)
    return f"autocrea-checkout-{user.id}-{plan.id}-{nonce}"


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
    st.info(t("Purchases are not available here yet: buying credits needs Stripe to be configured "
              "(STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET). Ask the operator of this installation; an "
              "administrator can also grant credits."), icon=":material/info:")
for col, plan in zip(st.columns(len(PLANS)), PLANS.values(), strict=True):
    recurring = plan.mode == "subscription"
    with col.container(border=True):
        st.markdown(f"### {plan.name(ui.lang())}")
        st.caption(t("Monthly subscription") if recurring else t("One-off purchase"))
        st.markdown(f"**{price_label(plan)}**")
        st.write(t("{n} credits every month", n=plan.credits) if recurring else ui.credits_label(plan.credits))
        blocked = recurring and subscription is not None
        hint = (t("Checkout opens when Stripe is configured.") if not enabled
                else t("You already have a subscription.") if blocked else None)
        if st.button(t("Subscribe") if recurring else t("Buy"), key=f"billing_buy_{plan.id}", help=hint,
                     disabled=not enabled or blocked, width="stretch"):
            url = ui.attempt(create_checkout, user_id=user.id, plan=plan.id, idempotency_key=checkout_key(plan))
            if url:
                st.session_state[f"billing_url_{plan.id}"] = url
        url = st.session_state.get(f"billing_url_{plan.id}")
        if url and enabled:
            # Streamlit cannot redirect: the person follows the link to Stripe's checkout page.
            st.link_button(t("Continue to secure checkout"), url, type="primary", icon=":material/open_in_new:",
                           width="stretch")

st.subheader(t("Credit history"))
entries = credit_history(user.id)
if not entries:
    st.caption(t("No credit movements yet."))
else:
    st.dataframe(
        [{t("Date"): ui.when(e.created_at), t("Kind"): t(e.kind.capitalize()), t("Credits"): e.amount,
          t("Memo"): t(e.memo)} for e in entries],
        hide_index=True, width="stretch")
