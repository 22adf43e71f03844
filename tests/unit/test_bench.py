"""The bench's pieces: the request loop against a served mock, the JUnit reading, the table and
the JSON it writes, its options. Only that figures come out: no timing is asserted here."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

import pytest

from e2e.bench.__main__ import main
from e2e.bench.figures import Figure, Target, failed, table, write_json
from e2e.bench.load import measure
from e2e.bench.parts import full_command
from e2e.bench.runs import SuiteRun, Timed, outcomes
from e2e.bench.served import served_mock

FIGURE_KEYS = {"name", "value", "unit", "target", "note", "required", "met"}

REPORT = """<testsuites><testsuite>
<testcase classname="tests.e2e.test_a" name="test_passes" time="1.5"/>
<testcase classname="tests.e2e.test_a" name="test_fails" time="2.0"><failure message="boom"/></testcase>
<testcase classname="tests.e2e.test_a" name="test_errs" time="0"><error message="setup"/></testcase>
<testcase classname="tests.e2e.test_a" name="test_skipped" time="0"><skipped/></testcase>
</testsuite></testsuites>"""


@pytest.fixture(scope="module")
def served_url():
    with served_mock() as url:
        yield url


def test_the_request_loop_counts_answers_and_latencies_of_a_served_mock(served_url):
    found = measure(served_url + "/psc/pscof/registration.jsf", seconds=1, processes=1, threads=2)
    assert found.requests > 0 and found.per_second > 0
    assert found.statuses == {200: found.requests}
    assert 0 < found.percentile_ms(50) <= found.percentile_ms(95)


def test_an_answer_other_than_200_is_counted_as_such(served_url):
    found = measure(served_url + "/psc/no-such-page", seconds=0.5, processes=1, threads=1)
    assert found.not_ok == found.requests > 0


CHATTY_SERVER = """
import http.server, sys

class Answer(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.end_headers()

server = http.server.HTTPServer(("127.0.0.1", 0), Answer)
print(f"Mock court listening on http://127.0.0.1:{server.server_port}/", flush=True)
print("a warning\\n" * 100_000, flush=True)  # 1 MB: far more than a pipe holds
server.handle_request()
"""


def test_a_served_mock_that_prints_a_lot_keeps_answering():
    """A server blocks on a full pipe: whatever it prints after its first line is read as it comes."""
    with served_mock(command=(sys.executable, "-c", CHATTY_SERVER)) as url:
        with urllib.request.urlopen(url + "/", timeout=10) as answer:
            assert answer.status == 200


def test_outcomes_are_read_from_the_junit_report(tmp_path):
    report = tmp_path / "run.xml"
    report.write_text(REPORT)
    run = SuiteRun(Timed(status=1, wall_s=3.0, cpu_s=2.0), outcomes(report))
    assert run.outcomes == {
        "tests.e2e.test_a::test_passes": "passed",
        "tests.e2e.test_a::test_fails": "failed",
        "tests.e2e.test_a::test_errs": "error",
        "tests.e2e.test_a::test_skipped": "skipped",
    }
    assert (run.passed, run.failed, run.ran) == (1, 2, 3)


def test_a_run_that_wrote_no_report_is_a_failure(tmp_path):
    run = SuiteRun(Timed(status=4, wall_s=0.5, cpu_s=0.1), outcomes(tmp_path / "missing.xml"))
    assert run.failed == 1


def test_the_table_shows_each_figure_beside_its_target():
    figures = [
        Figure("e2e -n 2: wall", 72.5, "s", Target("<=", 60)),
        Figure("e2e -n 2: tests failed", 0, "tests", Target("==", 0), required=True),
        Figure("flow: a-guide", 4.25, "s"),
    ]
    lines = table(figures).splitlines()
    assert lines[0].split() == ["figure", "value", "target", "met", "note"]
    assert lines[2].split() == ["e2e", "-n", "2:", "wall", "72.50", "s", "<=", "60", "s", "NO"]
    assert lines[3].split()[-1] == "yes" and lines[4].split()[-1] == "-"
    assert failed(figures) == []  # a timing target missed is reported, not a failure


def test_a_required_figure_off_target_fails_the_bench():
    broken = Figure("4 processes vs 1: runs that differ", 1, "runs", Target("==", 0), required=True)
    assert failed([broken, Figure("serve", 10, "req/s", Target(">=", 1000))]) == [broken]


def test_the_json_holds_every_figure_with_its_target_and_whether_it_is_met(tmp_path):
    path = tmp_path / "out" / "bench.json"
    write_json([Figure("make test: wall", 100.0, "s", Target("<=", 120)), Figure("flow: g", 3.0, "s")], path)
    figures = json.loads(path.read_text())["figures"]
    assert [set(figure) for figure in figures] == [FIGURE_KEYS, FIGURE_KEYS]
    assert figures[0]["target"] == {"op": "<=", "value": 120} and figures[0]["met"] is True
    assert figures[1]["target"] is None and figures[1]["met"] is None


def test_the_quick_load_part_prints_a_table_and_writes_its_json(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["--quick", "--parts", "load"]) == 0
    printed = capsys.readouterr().out
    assert "bench: serve /psc/pscof/registration.jsf" in printed and "figure" in printed
    figures = json.loads((tmp_path / "test-results" / "bench.json").read_text())["figures"]
    rates = [f for f in figures if f["unit"] == "req/s"]
    assert rates and all(f["value"] > 0 for f in rates)
    assert all(set(f) == FIGURE_KEYS for f in figures)
    assert any(f["target"] == {"op": ">=", "value": 1000} for f in rates)


def test_an_unknown_part_is_refused_naming_the_parts(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--parts", "load,speed"])
    assert exited.value.code == 2
    error = capsys.readouterr().err
    assert "unknown part speed" in error and "walkthrough" in error


def test_the_whole_suite_alone_is_asked_for_the_report(pytestconfig, tmp_path):
    """Passed in PYTEST_ADDOPTS, the report's path would reach every pytest the suite's own tests
    start, and each would write its report over the suite's."""
    report = tmp_path / "full report.xml"
    make, *rest = full_command(report)
    dry = subprocess.run([make, "-n", *rest], cwd=pytestconfig.rootpath, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    (suite,) = [line for line in dry.stdout.splitlines() if "-m pytest -n auto" in line]
    assert f"--junitxml='{report}'" in suite
