"""What pytest-playwright's `page` needs from the harness: a browser found on this machine, the
settings' viewport and timeouts, and a FlowContext for the flows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from e2e.browsers import launch_options
from e2e.config import Settings
from e2e.flows import FlowContext
from e2e.pytest_plugin.live import is_live
from e2e.sites import Sites


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict, browser_name: str, settings: Settings) -> dict:
    """Find a Chromium on this machine (unless a browser server's is used), keeping --headed, --slowmo
    and --browser-channel."""
    here = browser_name == "chromium" and "channel" not in browser_type_launch_args and not settings.browser_ws_endpoint
    headless = browser_type_launch_args.get("headless", settings.headless)
    found = launch_options(headless) if here else {}
    return {**found, "headless": headless, **browser_type_launch_args}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, settings: Settings, browser_base_url: str) -> dict:
    return {
        **browser_context_args,
        "base_url": browser_base_url,
        "viewport": settings.viewport,
        "accept_downloads": True,
    }


@pytest.fixture(scope="session", autouse=True)
def expect_timeout(settings: Settings) -> None:
    expect.set_options(timeout=settings.timeout_ms)


@pytest.fixture
def open_context(new_context: Callable[..., BrowserContext], settings: Settings) -> Callable[[], BrowserContext]:
    """Opens a browser context with the harness's timeouts: the first one, or one after a restart."""

    def open_() -> BrowserContext:
        context = new_context()
        context.set_default_timeout(settings.timeout_ms)
        context.set_default_navigation_timeout(settings.navigation_timeout_ms)
        return context

    return open_


@pytest.fixture
def context(open_context: Callable[[], BrowserContext]) -> BrowserContext:
    return open_context()


@pytest.fixture
def flow(
    request: pytest.FixtureRequest, page: Page, sites: Sites, open_context: Callable[[], BrowserContext]
) -> Callable[..., FlowContext]:
    """A FlowContext for a court: `flow("txwd", persona=...)`; without the control API in a --live run."""
    mock = None if is_live(request.config) else request.getfixturevalue("mock_court")

    def make(court: str, persona: dict | None = None) -> FlowContext:
        return FlowContext(page=page, sites=sites, court=court, mock=mock, persona=persona, open_context=open_context)

    return make


def record_only_what_may_be_kept(recorder: Any, node: object, tracing: str, screenshot: str) -> None:
    """pytest-playwright's recorder writes the trace and takes a screenshot of every page whenever
    a context closes, and deletes them at the end of a passing test. A context closed after the
    test passed (the `context` fixture's teardown) now stops its trace unwritten and takes no
    screenshot, unless `--tracing on` or `--screenshot on` keeps them anyway. A context closed
    while the test runs (a flow that closes the browser) cannot know yet: it is recorded."""
    record = recorder.on_will_close_browser_context
    kept_when_passed = "on" in (tracing, screenshot)

    def on_will_close_browser_context(context: BrowserContext) -> None:
        call = getattr(node, "rep_call", None)  # pytest-playwright's report of the test's call
        if kept_when_passed or call is None or not call.passed:
            record(context)
        elif tracing != "off":
            context.tracing.stop()

    recorder.on_will_close_browser_context = on_will_close_browser_context


@pytest.fixture(name="_artifacts_recorder")
def passing_tests_keep_nothing(_artifacts_recorder: Any, request: pytest.FixtureRequest, pytestconfig: pytest.Config):
    """pytest-playwright's recorder, that writes no artifact a passing test would delete."""
    tracing, screenshot = pytestconfig.getoption("--tracing"), pytestconfig.getoption("--screenshot")
    record_only_what_may_be_kept(_artifacts_recorder, request.node, tracing, screenshot)
    return _artifacts_recorder
