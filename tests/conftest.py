"""Fixtures for the whole suite: the mock app for unit tests, a live mock for browser tests.

Browser tests get pytest-playwright's fixtures; here we only add what the harness needs: a
browser found on this machine, the settings of playwright.config.py, a live mock as the
`base_url` (unless --base-url names a deployment), and a fresh mock state for every test.
"""

from __future__ import annotations

import json
import os

import pytest
from playwright.sync_api import BrowserContext, expect

from e2e.browsers import launch_options, use_project_browsers
from e2e.config import Settings, load_settings, playwright_option_defaults
from e2e.flows import FlowContext
from e2e.mock_control import MockControl
from e2e.remote_browser import seen_by_browser
from e2e.sites import Sites
from mock_court.core.namespaces import registry
from tests.form_client import FormClient

use_project_browsers()

# Traces, videos, screenshots and failure reports without secrets, masked where they are born.
pytest_plugins = ["tests.artifact_scrubbing", "tests.sharding", "tests.remote_browser"]

SETTINGS = pytest.StashKey[Settings]()


def pytest_addoption(parser):
    parser.addoption(
        "--covers-report",
        metavar="PATH",
        help="After collection, write each test's covered catalog ids as JSON to PATH.",
    )


def pytest_configure(config):
    """playwright.config.py's browser, video and trace policy, where the command line names none."""
    config.stash[SETTINGS] = settings = load_settings()
    given = [*config.invocation_params.args, *os.environ.get("PYTEST_ADDOPTS", "").split()]
    for option, value in playwright_option_defaults(settings, given).items():
        setattr(config.option, option, value)


def pytest_collection_modifyitems(session, config, items):
    path = config.getoption("--covers-report")
    if path:
        covers = {item.nodeid: [i for m in item.iter_markers("covers") for i in m.args] for item in items}
        with open(path, "w") as report:
            json.dump(covers, report)


@pytest.fixture
def app():
    from mock_court import create_app

    app = create_app({"TESTING": True, "TEST_MODE": True})
    app.test_client_class = FormClient
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def clock(app):
    """The app's clock: freeze or advance it instead of waiting."""
    return registry(app).default.clock


@pytest.fixture(scope="session")
def settings(pytestconfig):
    return pytestconfig.stash[SETTINGS]


@pytest.fixture(scope="session")
def base_url(request, settings):
    """The deployment under test: --base-url, else the settings' BASE_URL, else an embedded mock."""
    given = request.config.getoption("base_url", None) or settings.base_url
    if given:
        yield given
        return
    from mock_court import create_app
    from mock_court.core.server import LiveServer

    with LiveServer(create_app({"TEST_MODE": True})) as server:
        yield server.url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args, browser_name, settings):
    """Find a Chromium on this machine (unless a browser server's is used), keeping --headed, --slowmo
    and --browser-channel."""
    here = browser_name == "chromium" and "channel" not in browser_type_launch_args and not settings.browser_ws_endpoint
    found = launch_options() if here else {}
    return {**found, "headless": settings.headless, **browser_type_launch_args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, settings, browser_base_url):
    return {
        **browser_context_args,
        "base_url": browser_base_url,
        "viewport": settings.viewport,
        "accept_downloads": True,
    }


@pytest.fixture(scope="session", autouse=True)
def expect_timeout(settings):
    expect.set_options(timeout=settings.timeout_ms)


@pytest.fixture
def open_context(new_context, settings):
    """Opens a browser context with the harness's timeouts: the first one, or one after a restart."""

    def open_() -> BrowserContext:
        context = new_context()
        context.set_default_timeout(settings.timeout_ms)
        context.set_default_navigation_timeout(settings.navigation_timeout_ms)
        return context

    return open_


@pytest.fixture
def context(open_context):
    return open_context()


@pytest.fixture
def mock(base_url):
    """A namespace of the mock under test for this test alone, starting from the seed: any number
    of workers and processes can share one served mock. Its `url` is the namespace's root."""
    control = MockControl(base_url).new_namespace()
    yield control
    control.delete()


@pytest.fixture
def personas(mock):
    return mock.personas()


@pytest.fixture
def sites(mock, settings, base_url, browser_base_url):
    """The pages of this test's namespace, as the browser reaches them."""
    return Sites(seen_by_browser(mock.url, base_url, browser_base_url), settings.site_roots)


@pytest.fixture
def flow(page, sites, mock, open_context):
    """A FlowContext for a court: `flow("txwd", persona=...)`."""

    def make(court: str, persona: dict | None = None) -> FlowContext:
        return FlowContext(page=page, sites=sites, court=court, mock=mock, persona=persona, open_context=open_context)

    return make
