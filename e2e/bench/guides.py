"""Each guide's flow time: its main path walked once, headless, against an embedded mock, each
guide in a namespace and a browser context of its own. The browser's start is not timed."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from playwright.sync_api import Browser, BrowserContext, ViewportSize, sync_playwright

from e2e.browsers import launch_options, use_project_browsers
from e2e.catalog import Guide, load_guides
from e2e.config import Settings, load_settings
from e2e.flows import FlowContext
from e2e.mock_control import MockControl
from e2e.runner import failure_line, run_guide
from e2e.sites import Sites
from mock_court import create_app
from mock_court.core.server import LiveServer


@dataclass
class GuideTime:
    guide: str
    seconds: float
    failure: str | None  # the first failed step, None when every step passed


def _opener(browser: Browser, settings: Settings) -> Callable[[], BrowserContext]:
    def open_() -> BrowserContext:
        context = browser.new_context(
            viewport=ViewportSize(width=settings.viewport["width"], height=settings.viewport["height"]),
            accept_downloads=True,
        )
        context.set_default_timeout(settings.timeout_ms)
        context.set_default_navigation_timeout(settings.navigation_timeout_ms)
        return context

    return open_


def time_guide(guide: Guide, browser: Browser, base_url: str, settings: Settings) -> GuideTime:
    mock = MockControl(base_url).new_namespace()
    open_context = _opener(browser, settings)
    context = open_context()
    try:
        persona = mock.personas()[guide.persona] if guide.persona else None
        page = context.new_page()
        sites = Sites(mock.url, settings.site_roots)
        ctx = FlowContext(page, sites, guide.court, mock, persona, open_context=open_context)
        started = time.perf_counter()
        results = run_guide(guide, ctx)
        seconds = time.perf_counter() - started
    finally:
        context.close()
        mock.delete()
    failed = [(number, r) for number, r in enumerate(results, start=1) if r.status == "failed"]
    return GuideTime(guide.id, seconds, failure_line(guide, *failed[0]) if failed else None)


def time_guides(guide_ids: list[str] | None = None) -> list[GuideTime]:
    guides = load_guides()
    chosen = [guides[g] for g in guide_ids] if guide_ids else list(guides.values())
    settings = load_settings()
    use_project_browsers()
    with LiveServer(create_app({"TEST_MODE": True})) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(), headless=True)
        try:
            return [time_guide(guide, browser, server.url, settings) for guide in chosen]
        finally:
            browser.close()
