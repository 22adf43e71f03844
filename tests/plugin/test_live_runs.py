"""`--live`: the guides' read-only steps against a mock served without test mode, and the
refusals of a live run that cannot work, each before any browser starts."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.bench.served import served_mock
from e2e.scrubbing.encodings import Matcher
from e2e.scrubbing.known import labelled
from tests.plugin.runs import run_pytest

USAGE_ERROR = 4  # pytest's exit status for a usage error


@pytest.fixture(scope="module")
def personas_file(tmp_path_factory) -> Path:
    """The seeded personas, as `mock-court personas` prints them, outside the repository."""
    path = tmp_path_factory.mktemp("credentials") / "personas.json"
    printed = subprocess.run(
        [sys.executable, "-m", "mock_court.cli", "personas"], capture_output=True, text=True, check=True
    )
    path.write_text(printed.stdout)
    return path


@pytest.fixture(scope="module")
def served_without_test_mode() -> Iterator[str]:
    """`mock-court serve --seed`: the personas exist, the control API does not."""
    with served_mock("--seed") as url:
        yield url


def test_the_read_only_steps_pass_on_a_mock_without_its_control_api(
    pytestconfig, tmp_path, personas_file, served_without_test_mode
):
    """One live run only: the mock, like the real sites, takes an enrolled filer's passcode once."""
    run = run_pytest(
        pytestconfig.rootpath,
        *("tests/live", "tests/security/test_server.py", "tests/e2e/test_signon.py", "-rA", "-p", "no:randomly"),
        *("--live", "--base-url", served_without_test_mode, "--personas", str(personas_file)),
        *("--tracing", "on", "--output", str(tmp_path / "results")),
    )
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    passed = [line for line in lines if line.startswith("PASSED tests/live/")]
    skipped = [line for line in lines if line.startswith("SKIPPED [1] tests/live/")]
    assert (len(passed), len(skipped)) == (13, 23), run.stdout
    for guide in ("link-accounts-txwd", "pacer-registration-mad", "pacer-registration-moeb", "mfa-authentication-app"):
        assert any(f"-{guide}/" in line for line in passed), guide
    assert any("changes state (catalog effect: changes): live checks only read" in line for line in skipped)
    assert any("only reads, but follows 'enter-ecf-credentials', which changes state" in line for line in skipped)
    # the HTTP-only security checks run; the browser tests that need the control API are skipped, with why
    assert any(line.startswith("PASSED tests/security/test_server.py") for line in lines)
    assert "not a live check: it needs the mock's control API or changes state" in run.stdout
    assert "failed" not in lines[-1] and "error" not in lines[-1], lines[-1]
    personas = json.loads(personas_file.read_text())
    secrets = Matcher(labelled((p["id"], p) for p in personas))
    assert not secrets.find((run.stdout + run.stderr).encode())


def persona_without(field: str) -> list[dict]:
    return [
        {
            "id": "filer-txwd",
            "kind": "filer",
            "username": "u",
            "password": "p",
            "ecf_court": "txwd",
            "ecf_login": "l",
            "ecf_password": "e",
            "mfa": "not-required",
        }
        | {field: ""}
    ]


BAD_FILES = {
    "missing": (None, "no such file"),
    "not-utf8": (b"\xff\xfe[", "cannot be read"),
    "not-json": (b"[{", "not valid JSON"),
    "not-a-list": (b'{"id": "x"}', "must hold a list of persona objects"),
    "no-password": (
        json.dumps(persona_without("password")).encode(),
        "persona 'filer-txwd' lacks the field 'password'",
    ),
    "no-ecf-login": (json.dumps(persona_without("ecf_login")).encode(), "lacks the field 'ecf_login'"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_personas_file_is_refused_naming_the_file_and_what_is_wrong(tmp_path, case):
    content, message = BAD_FILES[case]
    path = tmp_path / "personas.json"
    if content is not None:
        path.write_bytes(content)
    (tmp_path / "test_nothing.py").write_text("def test_nothing(page):\n    raise AssertionError('ran')\n")
    run = run_pytest(tmp_path, "--live", "--base-url", "http://127.0.0.1:9", "--personas", str(path))
    assert run.returncode == USAGE_ERROR, run.stdout + run.stderr
    assert f"ERROR: personas file {path}: " in run.stderr
    assert message in run.stderr


def test_a_personas_file_without_a_guides_persona_is_refused(tmp_path):
    path = tmp_path / "personas.yaml"
    path.write_text("- {id: someone, username: u, password: p}\n")
    run = run_pytest(tmp_path, "--live", "--base-url", "http://127.0.0.1:9", "--personas", str(path))
    assert run.returncode == USAGE_ERROR
    assert "no persona 'filer-txwd', whom link-accounts-txwd follows" in run.stderr


def test_live_without_a_base_url_says_how_to_give_one(tmp_path):
    run = run_pytest(tmp_path, "--live", "--personas", str(tmp_path / "personas.json"))
    assert run.returncode == USAGE_ERROR
    assert "--live needs the deployment to check: give --base-url URL (or MOCK_COURT_BASE_URL" in run.stderr


def test_live_without_personas_says_how_to_give_them(tmp_path):
    run = run_pytest(tmp_path, "--live", "--base-url", "http://127.0.0.1:9")
    assert run.returncode == USAGE_ERROR
    assert "--live needs the personas to sign on as: give --personas FILE" in run.stderr
