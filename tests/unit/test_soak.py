"""The soak's count: runs, failures and the slowest time of each test, from the runs' JUnit reports."""

from __future__ import annotations

from pathlib import Path

from e2e.soak import RunRecord, table, tally

RUN = """<testsuites><testsuite>
<testcase classname="tests.e2e.test_a" name="test_one" time="1.5"/>
<testcase classname="tests.e2e.test_a" name="test_two" time="2.0">{outcome}</testcase>
<testcase classname="tests.e2e.test_a" name="test_skipped" time="0"><skipped/></testcase>
</testsuite></testsuites>"""


def report(folder: Path, name: str, outcome: str = "", scale: float = 1.0) -> Path:
    path = folder / name
    path.write_text(RUN.format(outcome=outcome).replace('time="2.0"', f'time="{2.0 * scale}"'))
    return path


def test_runs_failures_and_the_slowest_time_per_test(tmp_path):
    reports = [
        report(tmp_path, "run-1.xml"),
        report(tmp_path, "run-2.xml", "<failure message='boom'/>", scale=3),
        report(tmp_path, "run-3.xml", "<error message='setup'/>"),
    ]
    assert tally(reports) == {
        "tests.e2e.test_a::test_one": RunRecord(runs=3, failures=0, slowest_s=1.5),
        "tests.e2e.test_a::test_two": RunRecord(runs=3, failures=2, slowest_s=6.0),
    }


def test_the_table_ends_with_the_totals():
    printed = table({"t::a": RunRecord(5, 0, 1.25), "t::b": RunRecord(5, 1, 3.0)})
    assert printed.splitlines()[-1] == "2 tests, 10 runs, 1 failures"
    assert "t::b     5         1         3.00" in printed
