"""Credits views shared by Billing and the studio: prices, checkout buttons, and what to do when credits run out."""

from __future__ import annotations

import uuid

import streamlit as st

from core.billing import PLANS, Plan, billing_enabled, create_checkout
from core.users import UserPublic
from pages import _ui as ui

t = ui.t


def price_label(plan: Plan) -> str:
    """'$12.00 / month' or '$5.00' in English, '12,00 US$ / mes' or '5,00 US$' in Spanish."""
    amount = f"{plan.price_cents / 100:,.2f}"
    if ui.lang() == "es":
        amount = amount.translate(str.maketrans({",": ".", ".": ","}))
        price = f"{amount} {'US$' if plan.currency == 'usd' else plan.currency.upper()}"
    else:
        price = f"${amount}" if plan.currency == "usd" else f"{amount} {plan.currency.upper()}"
    return t("{price} / month", price=price) if plan.mode == "subscription" else price


def checkout_key(user_id: int, plan: Plan) -> str:
    """One idempotency key per plan and browser session: reruns and double clicks reuse one Checkout Session."""
    nonce = st.session_state.setdefault(f"billing_nonce_{plan.id}", uuid.uuid4().hex)
    return f"autocrea-checkout-{user_id}-{plan.id}-{nonce}"


def buy_button(user: UserPublic, plan: Plan, *, key: str, disabled: bool = False, help: str | None = None,
               named: bool = False) -> None:
    """"Buy" / "Subscribe" ("Buy 100 credits" when `named`), then the link to Stripe's checkout page."""
    label = (t("Subscribe") if plan.mode == "subscription" else
             t("Buy {name}", name=plan.name(ui.lang())) if named else t("Buy"))
    if st.button(label, key=key, help=help, disabled=disabled, width="stretch",
                 icon=":material/shopping_cart:"):
        url = ui.attempt(create_checkout, user_id=user.id, plan=plan.id, idempotency_key=checkout_key(user.id, plan))
        if url:
            st.session_state[f"billing_url_{plan.id}"] = url
    url = st.session_state.get(f"billing_url_{plan.id}")
    if url:
        st.link_button(t("Continue to secure checkout"), url, type="primary", icon=":material/open_in_new:",
                       width="stretch")


def purchases_off(user: UserPublic) -> None:
    """Why nothing can be bought here: plain words for users, the set-up hint for administrators."""
    st.info(t("Purchases are not enabled on this installation; ask the administrator for credits."),
            icon=":material/info:")
    if user.role == "admin":
        st.caption(t("Administrator: set STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET to sell credits "
                     "(see docs/BILLING.md), or grant credits on the Admin page."))


def out_of_credits(user: UserPublic, *, key: str) -> None:
    """Where more credits come from, right where they ran out: the packs inline, or whom to ask."""
    if not billing_enabled():
        purchases_off(user)
        return
    packs = [p for p in PLANS.values() if p.mode == "payment"]
    st.caption(t("Buy a credit pack now:"))
    for col, plan in zip(st.columns(len(packs)), packs, strict=True):
        with col:
            st.markdown(f"**{price_label(plan)}**")
            buy_button(user, plan, key=f"{key}_{plan.id}", named=True)
