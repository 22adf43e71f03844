"""Remote browsers: with BROWSER_WS_ENDPOINT set, the tests and the walkthrough command drive the
browser of a Playwright browser server (`playwright run-server`) and launch none here; its pages
reach the mock at BROWSER_BASE_URL while the control API is called at the test process's URL.

The server runs on loopback with --unsafe, so that it may be told where this machine's Chromium
is (BROWSER_SERVER_LAUNCH_OPTIONS), as a machine without Playwright's own Chromium needs.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from e2e.browsers import launch_options
from mock_court import create_app
from mock_court.core.server import LiveServer

GUIDE_TEST = ["tests/e2e/test_linking.py", "-k", "following_the_guide and txwd"]
NO_LOCAL_BROWSER = """
from playwright.sync_api import BrowserType


def refuse(self, *args, **kwargs):
    raise AssertionError("a browser was launched here, not on the browser server")


BrowserType.launch = refuse
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class BrowserServer:
    endpoint: str
    log: Path

    def connections(self) -> int:
        return self.log.read_text().count("engaged launch mode")


@pytest.fixture(scope="module")
def browser_server(tmp_path_factory) -> Iterator[BrowserServer]:
    port = free_port()
    log = tmp_path_factory.mktemp("browser-server") / "server.log"
    playwright = Path(sys.executable).with_name("playwright")
    command = [str(playwright), "run-server", "--port", str(port), "--host", "127.0.0.1", "--unsafe"]
    with log.open("w") as errors:
        env = {**os.environ, "DEBUG": "pw:server"}
        # a group of its own: the `playwright` script runs the server as a child, which must end too
        server = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=errors, text=True, env=env, start_new_session=True
        )
    try:
        assert server.stdout is not None
        listening = server.stdout.readline()
        assert listening.startswith("Listening on ws://"), listening + log.read_text()
        yield BrowserServer(listening.split()[-1], log)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def remote_env(server: BrowserServer, **more: str) -> dict:
    return {
        **os.environ,
        "MOCK_COURT_BROWSER_WS_ENDPOINT": server.endpoint,
        "MOCK_COURT_BROWSER_SERVER_LAUNCH_OPTIONS": json.dumps(launch_options()),
        **more,
    }


def hosts_asked(app) -> list[tuple[str, str]]:
    """The app records the Host header and path of every request it is sent."""
    seen: list[tuple[str, str]] = []
    inner = app.wsgi_app

    def recording(environ, start_response):
        seen.append((environ.get("HTTP_HOST", ""), environ.get("PATH_INFO", "")))
        return inner(environ, start_response)

    app.wsgi_app = recording
    return seen


def test_a_guide_runs_on_the_browser_server_its_pages_at_the_browsers_address(pytestconfig, tmp_path, browser_server):
    (tmp_path / "no_local_browser.py").write_text(NO_LOCAL_BROWSER)
    app = create_app({"TEST_MODE": True})
    asked = hosts_asked(app)
    before = browser_server.connections()
    with LiveServer(app) as mock:
        port = mock.url.rsplit(":", 1)[1]
        env = remote_env(
            browser_server,
            MOCK_COURT_BROWSER_BASE_URL=f"http://localhost:{port}",
            PYTHONPATH=os.pathsep.join([str(tmp_path), str(pytestconfig.rootpath)]),
        )
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no_local_browser"]
        command += ["--base-url", mock.url, f"--output={tmp_path / 'artifacts'}", *GUIDE_TEST]
        done = subprocess.run(command, cwd=pytestconfig.rootpath, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 passed" in done.stdout
    assert browser_server.connections() > before
    pages = {host for host, path in asked if "/_mock/" not in path}
    controls = {host for host, path in asked if "/_mock/" in path}
    assert pages == {f"localhost:{port}"}
    assert controls == {f"127.0.0.1:{port}"}


def test_the_walkthrough_command_records_on_the_browser_server(tmp_path, browser_server):
    before = browser_server.connections()
    out = tmp_path / "walkthroughs"
    command = [str(Path(sys.executable).with_name("mock-court")), "walkthrough", "--guide", "link-accounts-txwd"]
    command += ["--pace", "fast", "--no-tips", "--out", str(out)]
    done = subprocess.run(command, env=remote_env(browser_server), capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((out / "link-accounts-txwd" / "report.json").read_text())
    assert {step["status"] for step in report["steps"]} == {"passed"}
    assert (out / "link-accounts-txwd" / "walkthrough.mp4").stat().st_size > 0
    assert (out / "link-accounts-txwd" / "guide.pdf").read_bytes().startswith(b"%PDF")
    assert browser_server.connections() >= before + 2  # the recording's browser and the printer's


@pytest.mark.parametrize("workers", ["0", "2"])
def test_a_browser_server_that_does_not_answer_stops_the_tests_with_one_error(pytestconfig, tmp_path, workers):
    endpoint = f"ws://127.0.0.1:{free_port()}/"
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", workers, f"--output={tmp_path}"]
    command += GUIDE_TEST
    env = {**os.environ, "MOCK_COURT_BROWSER_WS_ENDPOINT": endpoint}
    done = subprocess.run(command, cwd=pytestconfig.rootpath, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == pytest.ExitCode.USAGE_ERROR, done.stdout + done.stderr
    said = done.stdout + done.stderr
    assert said.count(f"the browser server at {endpoint} (BROWSER_WS_ENDPOINT) does not answer") == 1, said


def test_the_walkthrough_command_names_a_browser_server_that_does_not_answer(tmp_path):
    endpoint = f"ws://127.0.0.1:{free_port()}/"
    command = [str(Path(sys.executable).with_name("mock-court")), "walkthrough", "--guide", "link-accounts-txwd"]
    command += ["--pace", "fast", "--no-tips", "--out", str(tmp_path)]
    env = {**os.environ, "MOCK_COURT_BROWSER_WS_ENDPOINT": endpoint}
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 1
    assert f"Error: the browser server at {endpoint} (BROWSER_WS_ENDPOINT) does not answer" in done.stderr
    assert not (tmp_path / "link-accounts-txwd").exists()
