"""Shared view helpers: the signed-in user, translations, sidebar, error display, formatting."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import streamlit as st

from core import i18n
from core.errors import AutocreaError, InsufficientCreditsError, NotFoundError
from core.users import UserPublic, find_user

T = TypeVar("T")
# The authenticator owns these session keys; we read them and set them only on login/logout.
AUTH_KEYS = ("name", "username", "email", "roles", "authentication_status")
STATUS_ICONS = {"queued": ":material/schedule:", "running": ":material/progress_activity:",
                "completed": ":material/check_circle:", "failed": ":material/error:",
                "cancelled": ":material/cancel:", "unsupported": ":material/block:",
                "needs_review": ":material/rate_review:"}
ASSETS = Path(__file__).resolve().parent / "assets"
# Our own static CSS (never generated content); spacing and type sizes live in .streamlit/config.toml.
# The wide layout's side padding goes to the workbench. The file tree is one radio: tighter rows and no
# wrapping make it read like an editor's tree (a hovered row shows its whole name).
CSS = """<style>
[data-testid="stMainBlockContainer"] { padding-left: 2.5rem; padding-right: 2.5rem; max-width: 100%; }
.st-key-gen_tree [role="radiogroup"] { gap: 0; width: 100%; }
.st-key-gen_tree [role="radiogroup"] > div { width: 100%; }
.st-key-gen_tree [data-testid="stRadioOption"] { margin: 0; padding: 0.1rem 0.4rem; border-radius: 0.4rem; }
.st-key-gen_tree [data-testid="stRadioOption"] > div > div:not([data-testid="stMarkdownContainer"]) { display: none; }
.st-key-gen_tree [data-testid="stRadioOption"]:hover { background: #F4F3FB; }
.st-key-gen_tree [data-testid="stRadioOption"]:has(input:checked) { background: #E9E6FD; }
.st-key-gen_tree [data-testid="stRadioOption"]:has(input:checked) p { font-weight: 600; }
.st-key-gen_tree [data-testid="stRadioOption"]:has(input:focus-visible) { outline: 2px solid #5B4CF0; }
.st-key-gen_tree [data-testid="stRadioOption"] p { font-size: 0.875rem; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; }
.st-key-gen_tree [data-testid="stRadioOption"] > div { min-width: 0; }
.st-key-gen_tree [data-testid="stRadioOption"]:hover p { white-space: normal; overflow-wrap: anywhere; }
</style>"""
# What each test isolation level means for the person reading the Tests tab (the level names are jargon).
ISOLATION = {"bubblewrap": "The tests ran in an isolated sandbox with no network and no access to other files.",
             "limits": "The tests ran with time and memory limits but without an isolated sandbox.",
             "none": "The tests did not run: no isolated sandbox is available for model-written code."}


def lang() -> str:
    """The UI language of this session ('en' or 'es')."""
    return st.session_state.get("ui_lang", "en")


def t(text: str, **fmt: Any) -> str:
    """`text` in the session's language."""
    return i18n.t(text, lang(), **fmt)


def current_user() -> UserPublic | None:
    """The signed-in user, read fresh from the database (None when signed out or gone)."""
    username = st.session_state.get("username")
    if not st.session_state.get("authentication_status") or not username:
        return None
    try:
        return find_user(username)
    except NotFoundError:
        return None


def require_user() -> UserPublic:
    """The signed-in user, or stop the page with a sign-in hint."""
    user = current_user()
    if user is None:
        st.warning(t("Please log in first."))
        st.stop()
    return user


_MD_SPECIAL = re.compile(r"([\\`*_\[\](){}<>!:~$|#])")


def md_escape(text: str) -> str:
    """Untrusted text (model-written file names) as literal Markdown: no links, images or directives."""
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_code(text: str) -> str:
    """Untrusted text as an inline code span (escaped text when it holds a backtick)."""
    return f"`{text}`" if "`" not in text and "\n" not in text else md_escape(text)


def credits_label(n: int) -> str:
    """'100 credits' / '1 credit' in the session's language."""
    return t("{n} credits", n=number(n)) if n != 1 else t("{n} credit", n=n)


def number(n: int) -> str:
    """A whole number with the session language's thousands separator (8,000 / 8.000)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang() == "es" else text


def when(value: datetime | None) -> str:
    """A short, readable timestamp."""
    return value.strftime("%Y-%m-%d %H:%M") if value else "—"


def attempt(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Call a core function; show an AutocreaError as a message and return None."""
    try:
        return fn(*args, **kwargs)
    except InsufficientCreditsError as exc:
        from core.billing import billing_enabled
        from pages._credits import purchases_off

        st.error(t("Insufficient credits: need {need}, have {have}", need=exc.need, have=exc.have),
                 icon=":material/toll:")
        st.caption(t("Nothing was charged."))
        user = current_user()
        if billing_enabled():
            st.page_link("pages/billing.py", label=t("Buy credits in Billing"), icon=":material/credit_card:")
        elif user is not None:
            purchases_off(user)
        return None
    except AutocreaError as exc:
        st.error(t(str(exc)), icon=":material/error:")
        return None


def status_text(status: str) -> str:
    """A status in words, translated (for tables, which do not render icons)."""
    return t(status.replace("_", " ").capitalize())


def status_badge(status: str) -> str:
    """A status with its icon, translated."""
    return f"{STATUS_ICONS.get(status, '')} {status_text(status)}".strip()


def model_label(provider: str, model: str = "") -> str:
    """'Offline engine' or 'OpenAI · gpt-x': the provider's own label, and the model when it says more."""
    try:
        from core.providers import REGISTRY

        label = REGISTRY[provider].label
    except (ImportError, KeyError, AttributeError):
        return " · ".join(x for x in (provider, model) if x)
    return t(label) if provider == "offline" or not model else f"{t(label)} · {model}"


def chrome() -> None:
    """Our small stylesheet; once per run."""
    st.html(CSS)  # style-only HTML takes no space in the layout


def sidebar(user: UserPublic, on_logout: Callable[[], None]) -> None:
    """The AUTOCREA mark, the user's name, balance and the logout button."""
    st.logo(str(ASSETS / "logo.png"), icon_image=str(ASSETS / "icon.png"), size="large")
    with st.sidebar:
        st.markdown(f"**{user.name}**  \n:gray[@{user.username}]")
        st.markdown(f":material/toll: **{credits_label(user.balance)}**")
        st.button(t("Log out"), key="ui_logout", icon=":material/logout:", on_click=on_logout,
                  width="stretch")


def providers_for(user_id: int) -> list[tuple[str, str]]:
    """Providers usable right now by this user ("Offline engine" first)."""
    from core.providers import available_providers

    return available_providers(user_id)


def local_model_status() -> None:
    """JoxCoder Local's state in one line: not installed / stopped / starting / ready / failed (with the reason)."""
    from core.localmodel.runtime import get_server

    state, reason = get_server().status()
    if state == "not_installed":
        st.caption(t("JoxCoder Local: not installed. Run `make model` to install it (about 1.1 GB and 5 minutes "
                     "of build)."))
    elif state == "failed":
        st.error(t("JoxCoder Local: failed: {reason}", reason=reason), icon=":material/error:")
    else:
        text = {"stopped": "JoxCoder Local: installed, not running (it starts on first use).",
                "starting": "JoxCoder Local: starting…", "ready": "JoxCoder Local: ready."}[state]
        st.caption(f":material/memory: {t(text)}")


def fallbacks_for(user_id: int) -> list[tuple[str, str]]:
    """Model providers this user could fall back to (never the offline engine)."""
    from core.providers import fallback_candidates

    return fallback_candidates(user_id)


def report_script_error(exc: Exception) -> bool:
    """st.App's on_script_error: log with a short id (and Sentry), show a friendly message, hide the traceback."""
    import uuid

    from core.logging import get_logger

    error_id = uuid.uuid4().hex[:8]
    get_logger("autocrea.ui").error("script_error", error_id=error_id, error_type=type(exc).__name__, exc_info=exc)
    try:
        import sentry_sdk

        if sentry_sdk.is_initialized():
            sentry_sdk.set_tag("error_id", error_id)
            sentry_sdk.capture_exception(exc)
    except ImportError:
        pass
    st.error(t("Something went wrong on our side. Please try again; if it keeps happening, tell the operator "
               "this error id: **{error_id}**", error_id=error_id), icon=":material/sentiment_dissatisfied:")
    return True


def credits_chart(days: list[tuple[str, str, int]]) -> Any:
    """Credits per day, one bar per kind side by side (charges and refunds apart), on a fixed window of days."""
    import altair as alt

    rows = [{"day": d[5:], "kind": t(k.capitalize()), "credits": n} for d, k, n in days]
    order = list(dict.fromkeys(r["day"] for r in rows))
    return (alt.Chart(alt.Data(values=rows)).mark_bar(cornerRadiusTopLeft=2, cornerRadiusTopRight=2)
            .encode(x=alt.X("day:O", sort=order, title=t("Date"), axis=alt.Axis(labelAngle=-45)),
                    xOffset=alt.XOffset("kind:N"),
                    y=alt.Y("credits:Q", title=t("Credits"), scale=alt.Scale(domainMin=0)),
                    color=alt.Color("kind:N", title=t("Kind"), legend=alt.Legend(orient="top")),
                    tooltip=[alt.Tooltip("day:O", title=t("Date")), alt.Tooltip("kind:N", title=t("Kind")),
                             alt.Tooltip("credits:Q", title=t("Credits"), format=",")])
            .properties(height=260))
