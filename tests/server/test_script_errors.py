"""Uncaught page errors become a friendly message with an error id; the details go to the log only."""

from __future__ import annotations

import re

from streamlit.testing.v1 import AppTest
from structlog.testing import capture_logs


def _page() -> None:
    import streamlit as st

    from pages._ui import report_script_error

    try:
        raise RuntimeError("database password=hunter2 leaked in a traceback")
    except RuntimeError as exc:
        st.session_state["suppressed"] = report_script_error(exc)


def test_report_script_error_shows_an_id_not_the_traceback():
    with capture_logs() as logs:
        at = AppTest.from_function(_page, default_timeout=180).run()  # a loaded CI machine is slow, never 3 s
    assert at.session_state["suppressed"] is True
    message = at.error[0].value
    match = re.search(r"error id: \*\*([0-9a-f]{8})\*\*", message)
    assert match, message
    assert "hunter2" not in message and "Traceback" not in message
    assert any(e["event"] == "script_error" and e["error_id"] == match.group(1) for e in logs), logs
