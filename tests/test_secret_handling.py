"""Secrets typed by the scripts stay out of what a run leaves behind."""

import subprocess
import sys
import zipfile

from fixtures.personas import build_personas

PROBE = """
from e2e.pages.cso_login import CsoLoginPage


def test_log_in(page, sites, personas):
    user = personas["returning-user"]
    login = CsoLoginPage(page)
    login.open(sites)
    login.log_in(user["username"], user["password"])
    page.wait_for_url("**/pacer/**")
"""


def test_traces_of_a_pytest_run_hold_no_typed_password(tmp_path, pytestconfig):
    # A conftest, unlike a -p plugin, takes precedence over pytest-playwright's fixtures.
    (tmp_path / "conftest.py").write_text("from tests.conftest import *  # noqa: F401,F403\n")
    (tmp_path / "test_probe.py").write_text(PROBE)
    results = tmp_path / "results"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-c",
            str(pytestconfig.rootpath / "pyproject.toml"),
            "--rootdir",
            str(pytestconfig.rootpath),
            "--tracing",
            "on",
            "--output",
            str(results),
            str(tmp_path / "test_probe.py"),
        ],
        cwd=pytestconfig.rootpath,
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    password = next(p for p in build_personas() if p["id"] == "returning-user")["password"]
    traces = list(results.rglob("trace.zip"))
    assert traces
    for trace in traces:
        with zipfile.ZipFile(trace) as archive:
            assert archive.namelist()
            for name in archive.namelist():
                assert password.encode() not in archive.read(name), f"password in {trace.name}:{name}"
