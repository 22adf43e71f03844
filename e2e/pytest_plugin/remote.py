"""Browser tests on a Playwright browser server (BROWSER_WS_ENDPOINT), whose browser may reach the
mock at an address of its own (BROWSER_BASE_URL, the `browser_base_url` fixture of fixtures.py);
see e2e/remote_browser.py."""

from __future__ import annotations

import pytest

from e2e import remote_browser
from e2e.config import load_settings


def served(config: pytest.Config, settings) -> bool:
    """Whether the tests use a served mock (one a browser elsewhere could reach)."""
    return bool(config.getoption("mock_court_url", None) or config.getoption("base_url", None) or settings.base_url)


def pytest_configure(config: pytest.Config) -> None:
    """A browser server that does not answer, or a browser address without a served mock, stops the
    run before any test, with one error (in the controller: a worker's error would be a crash)."""
    if hasattr(config, "workerinput"):
        return
    settings = load_settings()
    try:
        if settings.browser_ws_endpoint:
            remote_browser.check_answers(settings.browser_ws_endpoint)
        remote_browser.browser_base_url(settings, "", served(config, settings))
    except (remote_browser.BrowserServerUnreachable, ValueError) as error:
        raise pytest.UsageError(str(error)) from error


@pytest.fixture(scope="session")
def connect_options(settings, browser_type_launch_args):
    """pytest-playwright connects to the browser server when this is not None."""
    return remote_browser.connect_options(settings, browser_type_launch_args)
