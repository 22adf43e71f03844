"""The `mock-court` command: serve, personas, fault specs, and the commands other packages add."""

import json
import re
import subprocess
import sys
import urllib.request
from importlib.metadata import EntryPoint

import pytest
from click.testing import CliRunner

from mock_court import cli
from mock_court.cli import PLUGINS, main
from mock_court.core.faults import FaultSpecError, parse_spec


def test_personas_prints_the_same_list_as_the_control_api(client):
    printed = json.loads(CliRunner().invoke(main, ["personas"]).output)
    assert printed == client.get("/_mock/personas").get_json()


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("", {}),
        ("captcha=challenge", {"captcha": "challenge"}),
        (
            "http500=psc.registration+ecf.utilities,menus@txwd=stale-cache",
            {"http500": ["psc.registration", "ecf.utilities"], "menus@txwd": "stale-cache"},
        ),
    ],
)
def test_fault_specs(spec, expected):
    assert parse_spec(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("captcha", "'captcha' is not name=value"),
        ("captcha=sometimes", "captcha must be one of"),
        ("weather=rain", "unknown fault 'weather'"),
    ],
)
def test_bad_fault_specs_are_refused(spec, message):
    with pytest.raises(FaultSpecError, match=message):
        parse_spec(spec)


def test_serve_refuses_a_bad_fault_spec():
    result = CliRunner().invoke(main, ["serve", "--faults", "weather=rain"])
    assert result.exit_code == 2
    assert "unknown fault 'weather'" in result.output


def test_serve_prints_its_url_and_answers_there(tmp_path):
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mock_court.cli",
            "serve",
            "--port",
            "0",
            "--test-mode",
            "--db",
            str(tmp_path / "court.db"),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        url = server.stdout.readline().split()[-1]
        with urllib.request.urlopen(url + "_mock/sites", timeout=5) as response:
            assert json.load(response)["psc"] == url + "psc"
    finally:
        server.terminate()
        server.wait(timeout=5)
    assert (tmp_path / "court.db").exists()


def test_readme_lists_every_guide_as_the_catalogs_say(pytestconfig):
    printed = CliRunner().invoke(main, ["guides"]).output.strip()
    assert printed.count("\n") >= 4
    assert printed in (pytestconfig.rootpath / "README.md").read_text()


@pytest.mark.parametrize(
    ("command", "help_text"),
    [
        ("walkthrough", "Record captioned videos"),
        ("guides", "Print the guide catalogs"),
    ],
)
def test_the_clients_commands_are_reachable_through_the_group(command, help_text):
    assert re.search(rf"^  {command} ", CliRunner().invoke(main, ["--help"]).output, re.MULTILINE)
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0
    assert help_text in result.output


def test_a_command_that_cannot_be_imported_fails_alone_saying_why(monkeypatch):
    broken = EntryPoint("broken", "no_such_module:command", PLUGINS)
    monkeypatch.setattr(cli, "entry_points", lambda group: [broken] if group == PLUGINS else [])

    result = CliRunner().invoke(main, ["broken", "--guide", "x"])
    assert result.exit_code == 1
    assert "`mock-court broken` is unavailable: no_such_module:command cannot be imported" in result.output
    assert "No module named 'no_such_module'" in result.output
    assert "broken" in CliRunner().invoke(main, ["--help"]).output
    assert CliRunner().invoke(main, ["personas"]).exit_code == 0
