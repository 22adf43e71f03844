"""No secret in anything a run leaves behind: traced flows under xdist, secrets that reach the
browser without being typed, an interrupted run and a failure message, each run as a pytest of
its own with traces on, then every member of every archive searched in every encoding."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote, quote_plus

import pytest
from faker import Faker

from e2e.scrubbing.encodings import MASK, Matcher
from e2e.scrubbing.files import Leak, scan
from e2e.scrubbing.known import known_secrets, labelled
from fixtures.personas import build_personas
from fixtures.registrants import make_password, new_registrant

FLOWS = [
    "tests/e2e/test_registration.py::test_guide_end_to_end_with_a_card[chromium-pacer-registration-mad]",
    "tests/e2e/test_linking.py::test_after_a_wrong_password_the_right_one_still_links",
    "tests/e2e/test_account_recovery.py::test_forgot_password_from_the_dialog_sets_a_new_password_that_logs_in",
]
# The probes live outside tests/: their conftest takes the suite's fixtures, not its hooks (the
# suite's conftest is loaded too, for the flows, or for an empty selection of them).
CONFTEST = """from tests.artifact_scrubbing import scrubbing_artifacts_recorder  # noqa: F401
from tests.conftest import (  # noqa: F401
    base_url, browser_context_args, browser_type_launch_args, context, expect_timeout, mock, open_context, personas,
    settings, sites,
)
from tests.remote_browser import browser_base_url, connect_options  # noqa: F401
"""
UNTYPED = r"""
import base64
import html
import json
from urllib.parse import quote_plus


def test_probe_secrets_reach_the_browser_without_being_typed(page, sites, personas, playwright):
    user = personas["returning-user"]
    url = sites.login("services/cso-auth")
    # persona data through the page's request context, and through an API context of its own,
    # which pytest-playwright traces with its bodies: JSON with \u escapes, and base64 holding
    # a URL-encoded form
    sign_on = {"loginId": user["username"], "password": user["password"]}
    assert page.request.post(url, data=sign_on).ok
    api = playwright.request.new_context()
    escaped = json.dumps(sign_on).replace("#", "\\u0023")
    assert api.post(url, data=escaped, headers={"Content-Type": "application/json"}).ok
    form = f"answer={quote_plus(user['security_answers'][0])}&password={quote_plus(user['password'])}"
    api.post(url, data=base64.b64encode(form.encode()), fail_on_status_code=False)
    api.dispose()
    # a token in a URL, and a page that shows secrets back, one HTML-escaped
    page.goto(sites.login(f"csologin/login.jsf?token={quote_plus(user['password'])}"))
    entities = "".join(c if c.isalnum() else f"&#{ord(c)};" for c in user["password"])
    page.set_content(
        f"<p>Your password: {entities}</p><p>Your answer: {html.escape(user['security_answers'][1])}</p>"
        "<label>Card Number <input value='4111111111111111'></label>"
    )
"""
INTERRUPTED = """
import os
import signal

from e2e.pages.cso_login import CsoLoginPage


def test_probe_interrupted_after_signing_on(page, sites, personas):
    user = personas["returning-user"]
    login = CsoLoginPage(page)
    login.open(sites)
    login.log_in(user["username"], user["password"])
    page.wait_for_url("**/pacer/**")
    os.kill(os.getpid(), signal.SIGINT)  # Ctrl-C
    raise AssertionError("the run went on after Ctrl-C")
"""
FAILING = """
from playwright.sync_api import expect

from e2e.pages.cso_login import CsoLoginPage


def test_probe_fails_with_a_secret_in_its_message(page, sites, personas):
    user = personas["returning-user"]
    login = CsoLoginPage(page)
    login.open(sites)
    login.log_in(user["username"], user["password"])
    print(f"signed on with {user['password']}")
    expect(page.get_by_role("heading", name="No such page"), f"after typing {user['password']}").to_be_visible(
        timeout=1000
    )
"""


def run_pytest(pytestconfig, folder: Path, probe: str, *args: str) -> subprocess.CompletedProcess:
    (folder / "conftest.py").write_text(CONFTEST)
    (folder / "test_probe.py").write_text(probe)
    root = pytestconfig.rootpath
    return subprocess.run(
        [
            *(sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly"),
            *("-c", str(root / "pyproject.toml"), "--rootdir", str(root)),
            *("--tracing", "on", "--output", str(folder / "results")),
            *args,
            str(folder / "test_probe.py"),
        ],
        cwd=root,
        capture_output=True,
        text=True,
    )


def secrets_of_the_run() -> dict[str, str]:
    """What the harness knows, and what the flows typed that only the worker typing it knows."""
    returning = next(p for p in build_personas() if p["id"] == "returning-user")
    fake = Faker()
    fake.seed_instance("new-password")
    new_password = make_password(
        fake, returning["first_name"], returning["last_name"], returning["username"], returning["email"]
    )
    typed_only = labelled([("returning-user-again", new_registrant("returning-user-again"))])
    typed_only[new_password] = "returning-user new password"
    return {**known_secrets(), **typed_only}


def written_forms(secret: str) -> set[bytes]:
    """A second opinion, independent of the matcher: the secret as each standard encoder writes it,
    and in base64 the part of each that does not depend on its neighbours, at each byte offset."""
    forms = {
        secret,
        quote(secret, safe=""),
        quote_plus(secret),
        quote(secret, safe="").lower(),
        json.dumps(secret)[1:-1],
        json.dumps(secret).replace("#", "\\u0023")[1:-1],
        secret.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;"),
    }
    encoded = {form.encode() for form in forms}
    for form in list(encoded):
        for offset in range(3):
            text = base64.b64encode(b"\0" * offset + form)
            first, last = -(-offset // 3), (offset + len(form)) // 3
            if last - first >= 2:
                encoded.add(text[first * 4 : last * 4])
    return encoded


def members(results: Path):
    for path in sorted(results.rglob("*")):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in archive.namelist():
                    yield f"{path}:{name}", archive.read(name)
        elif path.is_file():
            yield str(path), path.read_bytes()


def leaks(results: Path, secrets: dict[str, str]) -> list[Leak]:
    found = list(scan([results], Matcher(secrets)))
    # Short secrets are whole values to the matcher ("Lee" is no "Lee County"): this check takes
    # only the long ones, which no page holds by chance.
    forms = {form: label for secret, label in secrets.items() if len(secret) >= 8 for form in written_forms(secret)}
    for where, data in members(results):
        found += [Leak(where, label, "second opinion") for form, label in forms.items() if form in data]
    return found


def assert_valid_traces(results: Path) -> None:
    traces = list(results.rglob("trace*.zip"))
    assert traces
    for trace in traces:
        with zipfile.ZipFile(trace) as archive:
            assert archive.testzip() is None
            names = archive.namelist()
            assert any(name.endswith(".trace") for name in names), names
            for name in names:
                if name.endswith((".trace", ".network", ".stacks")):
                    for line in archive.read(name).splitlines():
                        json.loads(line)


def test_traced_flows_under_xdist_leave_no_secret_in_any_encoding(tmp_path, pytestconfig):
    run = run_pytest(pytestconfig, tmp_path, UNTYPED, "-n", "2", *FLOWS)
    assert run.returncode == 0, run.stdout + run.stderr
    results = tmp_path / "results"
    assert len(list(results.rglob("trace*.zip"))) >= len(FLOWS) + 1
    assert [str(leak) for leak in leaks(results, secrets_of_the_run())] == []
    assert_valid_traces(results)


def test_without_scrubbing_the_same_search_finds_the_secrets(tmp_path, pytestconfig):
    run = run_pytest(pytestconfig, tmp_path, UNTYPED, "-n", "2", "--keep-secrets-in-artifacts", *FLOWS)
    assert run.returncode == 0, run.stdout + run.stderr
    found = leaks(tmp_path / "results", secrets_of_the_run())
    encodings = {leak.encoding for leak in found}
    assert {"url-encoded", "json-escaped", "base64", "html-escaped", "second opinion"} <= encodings
    labels = {leak.label for leak in found}
    assert {"returning-user password", "filer-txwd ecf_password", "returning-user new password"} <= labels
    assert any("card" in label for label in labels)  # the card number typed for registration
    assert any("returning-user-again" in label for label in labels)


def test_an_interrupted_run_keeps_its_artifacts_without_secrets(tmp_path, pytestconfig):
    run = run_pytest(pytestconfig, tmp_path, INTERRUPTED, "tests/e2e/test_signon.py", "-k", "probe")
    assert run.returncode == pytest.ExitCode.INTERRUPTED, run.stdout + run.stderr
    results = tmp_path / "results"
    assert list(results.rglob("trace.zip")), "the interrupted test's trace is kept"
    assert [str(leak) for leak in leaks(results, secrets_of_the_run())] == []
    assert_valid_traces(results)


def test_a_failure_message_and_its_captured_output_hold_no_secret(tmp_path, pytestconfig):
    junit = tmp_path / "junit.xml"
    run = run_pytest(
        pytestconfig,
        tmp_path,
        FAILING,
        "-rA",
        f"--junitxml={junit}",
        "-o",
        "junit_logging=all",
        "tests/e2e/test_signon.py",
        "-k",
        "probe",
    )
    assert run.returncode == pytest.ExitCode.TESTS_FAILED, run.stdout + run.stderr
    password = next(p for p in build_personas() if p["id"] == "returning-user")["password"]
    report = junit.read_text()
    for text in (run.stdout, run.stderr, report):
        assert password not in text
        assert not Matcher(known_secrets()).find(text.encode())
    assert f"after typing {MASK.decode()}" in run.stdout
    assert f"signed on with {MASK.decode()}" in report
    assert [str(leak) for leak in leaks(tmp_path / "results", secrets_of_the_run())] == []
