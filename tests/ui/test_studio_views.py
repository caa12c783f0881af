"""Pure helpers behind the Generate workbench: the file tree and the per-file diff."""

from __future__ import annotations

from core.versions import diff_files
from pages._history import diff_by_file, last_change_from
from pages._studio import default_file, tree_label, tree_rows


def test_tree_rows_group_folders_first_then_files():
    paths = ["README.md", ".dockerignore", "app/main.py", "app/routers/tasks.py", "app/__init__.py", "Dockerfile"]
    assert tree_rows(paths) == ["app/", "app/routers/", "app/routers/tasks.py", "app/__init__.py", "app/main.py",
                                ".dockerignore", "Dockerfile", "README.md"]


def test_tree_label_indents_by_depth_and_escapes_markdown():
    assert tree_label("app/") == ":material/folder_open: app"
    assert tree_label("app/routers/__init__.py") == "\u2003\u2003:material/draft: \\_\\_init\\_\\_.py"


def test_default_file_prefers_readme_then_entry_point():
    assert default_file([".dockerignore", "README.md", "app/main.py"]) == "README.md"
    assert default_file([".dockerignore", "app/main.py"]) == "app/main.py"
    assert default_file([".dockerignore", "x.py"]) == ".dockerignore"


def test_diff_by_file_counts_added_and_removed_lines():
    old = {"a.py": "x = 1\ny = 2\n", "gone.txt": "bye\n", "same.md": "s\n"}
    new = {"a.py": "x = 1\ny = 3\nz = 4\n", "new.txt": "--- not a header\n", "same.md": "s\n"}
    parts = {path: (added, removed) for path, _, added, removed in diff_by_file(diff_files(old, new))}
    assert parts == {"a.py": (2, 1), "gone.txt": (0, 1), "new.txt": (1, 0)}
    assert diff_by_file("") == []


def test_model_written_file_names_render_as_text_not_links_images_or_directives():
    import re

    from pages._ui import md_code, md_escape

    for hostile in ("[Fix your account](javascript:alert(1))", "![x](data:image-png)", ":red[alert]",
                    "<img src=x onerror=alert(1)>", "**bold** `code`"):
        name = tree_label(f"app/{hostile}").split(": ", 1)[1]
        assert name.replace("\\", "") == hostile
        assert not re.search(r"(?<!\\)[\[\]():<>`*]", name), name  # every Markdown character is escaped
        assert md_escape(hostile).replace("\\", "") == hostile
    assert md_code("app/main.py") == "`app/main.py`"
    assert md_code("a`[x](javascript:y)`") == "a\\`\\[x\\]\\(javascript\\:y\\)\\`"


def test_history_opens_on_the_whole_follow_up() -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    from core.projects import ProjectView

    now = datetime.now(UTC)
    p = ProjectView("p1", 1, "Planner", "tasks", "offline", "", "completed", "", 60, 2, 49, 0, True,
                    {"high": 0, "medium": 0, "low": 0}, "limits", now, now, now, "tok", None)
    followup = replace(p, instruction="add a priority field to tasks", base_seq=6)
    # Snapshots 7-11 are the follow-up's roles: the diff starts where it began, not at its last role.
    assert last_change_from(followup, 1, list(range(1, 12))) == 6

