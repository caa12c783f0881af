"""Generate: waiting for core.projects."""

import streamlit as st

from pages import _ui as ui

ui.require_user()
st.title(ui.t("Generate"))
st.info(ui.t("Coming soon."))
