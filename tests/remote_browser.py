"""Browser tests on a Playwright browser server (BROWSER_WS_ENDPOINT), whose browser may reach the
mock at an address of its own (BROWSER_BASE_URL); see e2e/remote_browser.py."""

from __future__ import annotations

import pytest

from e2e import remote_browser


@pytest.fixture(scope="session")
def connect_options(settings, browser_type_launch_args):
    """pytest-playwright connects to the browser server when this is not None."""
    try:
        return remote_browser.connect_options(settings, browser_type_launch_args)
    except remote_browser.BrowserServerUnreachable as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)


@pytest.fixture(scope="session")
def browser_base_url(request, settings, base_url):
    """The mock under test as the browser reaches it; the control API uses `base_url`."""
    served = bool(request.config.getoption("base_url", None) or settings.base_url)
    try:
        return remote_browser.browser_base_url(settings, base_url, served)
    except ValueError as error:
        pytest.exit(str(error), returncode=pytest.ExitCode.USAGE_ERROR)
