"""The mock as fixtures, in the manner of pytest-flask's `live_server` and moto's `mock_aws`.

`base_url` is the mock every test talks to: --mock-court-url, --base-url, the settings'
BASE_URL, else one embedded in this process for the session. `mock_court` is a namespace of
it for one test alone, starting from the seed (any number of processes can share one served
mock); it is an e2e.mock_control.MockControl: `url`, `sites`, `personas()`, `reset()`,
`outbox()`, `set_faults()`, `captcha()`, `set_captcha()`. In a --live run there is no control
API: `personas` and `sites` come from the personas file and the deployment's base URL, and a
test that asks for `mock_court` is skipped.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator

import pytest

from e2e.config import Settings
from e2e.mock_control import MockControl
from e2e.pytest_plugin.live import is_live
from e2e.pytest_plugin.state import LIVE_PERSONAS, SETTINGS
from e2e.sites import Sites


@pytest.fixture(scope="session")
def settings(pytestconfig: pytest.Config) -> Settings:
    """playwright.config.py of the project (or MOCK_COURT_CONFIG), with MOCK_COURT_<NAME> overrides."""
    return pytestconfig.stash[SETTINGS]


@pytest.fixture(scope="session")
def base_url(pytestconfig: pytest.Config, settings: Settings) -> Iterator[str]:
    """The deployment under test: --mock-court-url, --base-url, the settings' BASE_URL, else an
    embedded mock in test mode, started on first use and stopped at the end of the session."""
    given = (
        pytestconfig.getoption("mock_court_url", None) or pytestconfig.getoption("base_url", None) or settings.base_url
    )
    if given:
        yield given.rstrip("/")
        return
    from mock_court import create_app
    from mock_court.core.server import LiveServer

    with LiveServer(create_app({"TEST_MODE": True})) as server:
        yield server.url


@pytest.fixture
def mock_court(request: pytest.FixtureRequest, base_url: str) -> Iterator[MockControl]:
    """A namespace of the mock for this test alone, from the seed, deleted after it."""
    if is_live(request.config):
        pytest.skip("needs the mock's control API, which a live deployment does not have")
    control = MockControl(base_url).new_namespace()
    yield control
    control.delete()


@pytest.fixture
def mock(mock_court: MockControl) -> MockControl:
    """The same namespace as `mock_court`."""
    return mock_court


@pytest.fixture
def personas(request: pytest.FixtureRequest) -> dict[str, dict]:
    """The seeded people by id (GET /_mock/personas); in a --live run, those of the personas file."""
    if is_live(request.config):
        return {p["id"]: p for p in copy.deepcopy(request.config.stash[LIVE_PERSONAS])}
    return request.getfixturevalue("mock_court").personas()


@pytest.fixture
def sites(request: pytest.FixtureRequest, settings: Settings) -> Sites:
    """The pages of this test's namespace (of the deployment, in a --live run)."""
    if is_live(request.config):
        return Sites(request.getfixturevalue("base_url"), settings.site_roots)
    from e2e.remote_browser import seen_by_browser

    mock_court, base_url = request.getfixturevalue("mock_court"), request.getfixturevalue("base_url")
    browser_base_url = request.getfixturevalue("browser_base_url")
    return Sites(seen_by_browser(mock_court.url, base_url, browser_base_url), settings.site_roots)


@pytest.fixture(scope="session")
def browser_base_url(request: pytest.FixtureRequest, settings: Settings, base_url: str) -> str:
    """The mock under test as the browser reaches it (BROWSER_BASE_URL); the control API uses `base_url`."""
    from e2e.pytest_plugin.remote import served
    from e2e.remote_browser import browser_base_url as seen_at

    return seen_at(settings, base_url, served(request.config, settings))
