"""The `mock-court` command: serve, personas, fault specs."""

import json
import subprocess
import sys
import time
import urllib.request

import pytest
from click.testing import CliRunner

from mock_court.cli import main
from mock_court.faults import FaultSpecError, parse_spec


def test_personas_prints_the_same_list_as_the_control_api(client):
    printed = json.loads(CliRunner().invoke(main, ["personas"]).output)
    assert printed == client.get("/_mock/personas").get_json()


@pytest.mark.parametrize(("spec", "expected"), [
    ("", {}),
    ("captcha=challenge", {"captcha": "challenge"}),
    ("http500=psc.registration+ecf.utilities,menus@txwd=stale-cache",
     {"http500": ["psc.registration", "ecf.utilities"], "menus@txwd": "stale-cache"}),
])
def test_fault_specs(spec, expected):
    assert parse_spec(spec) == expected


@pytest.mark.parametrize(("spec", "message"), [
    ("captcha", "'captcha' is not name=value"),
    ("captcha=sometimes", "captcha must be one of"),
    ("weather=rain", "unknown fault 'weather'"),
])
def test_bad_fault_specs_are_refused(spec, message):
    with pytest.raises(FaultSpecError, match=message):
        parse_spec(spec)


def test_serve_refuses_a_bad_fault_spec():
    result = CliRunner().invoke(main, ["serve", "--faults", "weather=rain"])
    assert result.exit_code == 2
    assert "unknown fault 'weather'" in result.output


def test_serve_prints_its_url_and_answers_within_seconds(tmp_path):
    started = time.monotonic()
    server = subprocess.Popen(
        [sys.executable, "-m", "mock_court.cli", "serve", "--port", "0", "--test-mode",
         "--db", str(tmp_path / "court.db")],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        url = server.stdout.readline().split()[-1]
        with urllib.request.urlopen(url + "_mock/sites", timeout=5) as response:
            assert json.load(response)["psc"] == url + "psc"
        assert time.monotonic() - started < 5
    finally:
        server.terminate()
        server.wait(timeout=5)
    assert (tmp_path / "court.db").exists()


def test_readme_lists_every_guide_as_the_catalogs_say(pytestconfig):
    printed = CliRunner().invoke(main, ["guides"]).output.strip()
    assert printed.count("\n") >= 4
    assert printed in (pytestconfig.rootpath / "README.md").read_text()
