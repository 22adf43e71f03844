"""The pytest plugin in another project: one test file, no conftest, the package installed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from e2e.scrubbing.encodings import MASK
from fixtures.registrants import VALID_CARD_NUMBER
from mock_court import create_app
from mock_court.core.server import LiveServer
from tests.plugin.runs import clean_env, run_pytest

SIGN_ON = """
from playwright.sync_api import expect

from e2e.pages.cso_login import CsoLoginPage


def test_sign_on(page, mock_court):
    user = mock_court.personas()["returning-user"]
    page.goto(mock_court.sites["login"] + "/csologin/login.jsf")
    CsoLoginPage(page).log_in(user["username"], user["password"])
    expect(page).to_have_url(mock_court.sites["pacer"] + "/")
    print("namespace", mock_court.url)


def test_faults_the_outbox_and_a_reset(mock_court):
    assert mock_court.set_faults(http503="psc.user_information")
    assert {letter["channel"] for letter in mock_court.outbox(channel="mail")} == {"mail"}
    mock_court.reset()
    assert mock_court.set_faults() == {}


def test_mock_is_mock_court(mock, mock_court, sites):
    assert mock is mock_court
    assert sites.login().startswith(mock_court.url)
"""


def test_a_project_with_only_the_plugin_signs_on_against_an_embedded_mock(tmp_path):
    (tmp_path / "test_court.py").write_text(SIGN_ON)
    run = run_pytest(tmp_path, "-q")
    assert run.returncode == 0, run.stdout + run.stderr
    assert "3 passed" in run.stdout


def test_mock_court_url_points_the_fixtures_at_a_served_mock(tmp_path):
    (tmp_path / "test_court.py").write_text(SIGN_ON)
    with LiveServer(create_app({"TEST_MODE": True})) as server:
        run = run_pytest(tmp_path, "-q", "-s", "--mock-court-url", server.url)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"namespace {server.url}/_ns/" in run.stdout


def test_loading_the_plugin_starts_nothing_and_imports_no_browser_driver():
    code = (
        "import sys, e2e.pytest_plugin;"
        "print(sorted(m for m in ('playwright', 'mock_court.core.server', 'e2e.flows') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], env=clean_env(), capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "[]"


def test_a_run_that_asks_for_no_fixture_of_the_plugin_starts_no_mock(tmp_path):
    (tmp_path / "test_plain.py").write_text(
        "import sys\n\ndef test_plain():\n    assert 'mock_court.core.server' not in sys.modules\n"
    )
    run = run_pytest(tmp_path, "-q")
    assert run.returncode == 0, run.stdout + run.stderr


LATE_REPORT = """
import pytest

from fixtures.personas import build_personas


@pytest.hookimpl(wrapper=True)
def pytest_sessionfinish(session):
    # a report written as the session finishes, after every other plugin has done its part
    finished = yield
    password = next(p for p in build_personas() if p["id"] == "returning-user")["password"]
    (session.config.rootpath / "results").mkdir(exist_ok=True)
    (session.config.rootpath / "results" / "late-report.txt").write_text(f"signed on with {password}")
    return finished
"""


def test_a_report_written_as_the_session_finishes_is_swept_of_secrets(tmp_path):
    (tmp_path / "conftest.py").write_text(LATE_REPORT)
    (tmp_path / "test_nothing.py").write_text("def test_nothing():\n    pass\n")
    run = run_pytest(tmp_path, "-q", "--output", "results")
    assert run.returncode == 0, run.stdout + run.stderr
    report = (tmp_path / "results" / "late-report.txt").read_text()
    assert report == f"signed on with {MASK.decode()}"


SECRET_IN_AN_ID = """
import pytest

from fixtures.registrants import VALID_CARD_NUMBER


@pytest.mark.parametrize("number", ["4000", VALID_CARD_NUMBER])
def test_card(number):
    pass
"""


@pytest.mark.parametrize(
    ("workers", "stopped"), [("0", pytest.ExitCode.USAGE_ERROR), ("2", pytest.ExitCode.INTERRUPTED)]
)
def test_a_test_id_holding_a_secret_stops_the_run_before_any_test(tmp_path, workers, stopped):
    (tmp_path / "test_cards.py").write_text(SECRET_IN_AN_ID)
    run = run_pytest(tmp_path, "-q", "-rA", "-n", workers)
    said = run.stdout + run.stderr
    assert run.returncode == stopped, said
    refused = "1 test id(s) hold a secret, which every log and report would show: test_cards.py::test_card"
    assert f"{refused}[{MASK.decode()}]" in said
    assert VALID_CARD_NUMBER not in said
    assert "no tests ran" in said
