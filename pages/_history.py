"""The History tab: snapshots with their messages and a per-file diff between two of them."""

from __future__ import annotations

import streamlit as st

from core import projects
from core.projects import ProjectView
from pages import _ui as ui
from pages._studio import ROLE_LABELS

t = ui.t


def diff_by_file(diff: str) -> list[tuple[str, str, int, int]]:
    """A unified diff cut per file: (path, diff text, lines added, lines removed)."""
    lines = diff.splitlines(keepends=True)
    out: list[list] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("--- ") and i + 1 < len(lines) and lines[i + 1].startswith("+++ "):
            old, new = line[4:].strip(), lines[i + 1][4:].strip()
            path = (new if new != "/dev/null" else old).split("/", 1)[-1]
            out.append([path, line + lines[i + 1], 0, 0])
            i += 2
            continue
        if out:
            out[-1][1] += line
            out[-1][2] += line.startswith("+")
            out[-1][3] += line.startswith("-")
        i += 1
    return [(a, b, c, d) for a, b, c, d in out]


def role_label(role: str) -> str:
    """A snapshot's author in words ("user" is a hand edit)."""
    names = {**ROLE_LABELS, "user": "You"}
    return t(names.get(role, role.replace("_", " ").capitalize()))


def last_change_from(p: ProjectView, user_id: int, seqs: list[int]) -> int:
    """Where the diff starts: before the latest follow-up (its whole change), else the last snapshot that differs."""
    if len(seqs) < 2 or p.active:
        return seqs[-2] if len(seqs) > 1 else seqs[0]
    if p.instruction and p.base_seq in seqs[:-1]:
        return p.base_seq
    key = f"gen_diff_from_{p.id}_{seqs[-1]}"
    if key not in st.session_state:
        latest = projects.get_files(p.id, user_id=user_id, seq=seqs[-1])
        st.session_state[key] = next((seq for seq in reversed(seqs[:-1])
                                      if projects.get_files(p.id, user_id=user_id, seq=seq) != latest), seqs[-2])
    return st.session_state[key]


def history_tab(p: ProjectView, user_id: int) -> None:
    """Snapshots with their messages, and a per-file diff between two of them."""
    snaps = projects.list_snapshots(p.id, user_id=user_id)
    if not snaps:
        st.info(t("No snapshots yet: each role's work is saved here as it finishes."),
                icon=":material/hourglass_top:")
        return
    st.dataframe([{"#": s.seq, t("Role"): role_label(s.role), t("Message"): t(s.message), t("Files"): s.files,
                   t("Created"): ui.when(s.created_at)} for s in reversed(snaps)], hide_index=True, width="stretch",
                 height=min(36 + 35 * len(snaps), 316),
                 column_config={"#": st.column_config.NumberColumn(width=40),
                                t("Files"): st.column_config.NumberColumn(width=60),
                                t("Message"): st.column_config.TextColumn(width="medium")})
    if len(snaps) < 2:
        st.caption(t("Compare versions here once there are two snapshots."))
        return
    seqs = [s.seq for s in snaps]
    labels = {s.seq: f"{s.seq} · {t(s.message)[:60]}" for s in snaps}
    a, b = st.columns(2)
    start = seqs.index(last_change_from(p, user_id, seqs))
    # A new snapshot, or the end of the run (when the starting point is worked out again), resets both pickers.
    tip = f"{p.id}_{seqs[-1]}_{p.active}"
    old = a.selectbox(t("From snapshot"), seqs, index=start, format_func=labels.get, key=f"gen_diff_a_{tip}")
    new = b.selectbox(t("To snapshot"), seqs, index=len(seqs) - 1, format_func=labels.get, key=f"gen_diff_b_{tip}")
    changed = diff_by_file(projects.diff_snapshots(p.id, old, new, user_id=user_id))
    if not changed:
        st.info(t("No differences."), icon=":material/check:")
        return
    st.caption(t("Files changed: {n} · lines added: {added} · removed: {removed}", n=len(changed),
                 added=sum(c[2] for c in changed), removed=sum(c[3] for c in changed)))
    for path, text, added, removed in changed:
        with st.expander(f"{ui.md_code(path)} · :green[+{added}] · :red[−{removed}]", expanded=len(changed) <= 3):
            st.code(text, language="diff")
