"""Live test counts while a suite runs: what the tester's step shows during its ~20 s."""

from __future__ import annotations

from core import sandbox

SUITE = {"tests/test_steps.py": "".join(
    f"def test_{i}():\n    assert {i} != 3\n" for i in range(6))}


def test_counts_are_read_from_pytest_progress_line_while_it_runs(tmp_path) -> None:  # noqa: ANN001
    seen: list[tuple[int, int, int]] = []
    out = tmp_path / "output.log"
    out.write_text("....F.  [ 60%]\n..")
    tick = sandbox._watch(None, out, lambda *c: seen.append(c))
    assert tick is not None
    tick()
    assert seen == [(7, 1, 0)]
    tick()  # the same counts again within half a second: nothing new to say
    assert seen == [(7, 1, 0)]


def test_progress_reports_counts_as_they_change_and_ends_at_the_summary() -> None:
    seen: list[tuple[int, int, int]] = []
    result = sandbox.run_tests(SUITE, trusted=True, progress=lambda *c: seen.append(c))
    assert (result.passed, result.failed) == (5, 1)
    assert seen[-1] == (5, 1, 0)  # however quick the suite, the last report is the summary's counts
    assert seen == sorted(seen, key=sum)  # counts only grow


def test_the_tester_turns_counts_into_one_line_per_change() -> None:
    from core.roles.tester import PROGRESS

    assert PROGRESS.format(n=12, passed=11, failed=1) == "Tests so far: 12 run · 11 passed · 1 failed"
