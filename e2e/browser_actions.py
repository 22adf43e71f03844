"""What a person does with the browser itself rather than with the page: reload, hard reload,
clear browsing data, close the browser and open it again.

Playwright has no API for a cache-bypassing reload or for clearing the HTTP cache, so those
go through the Chrome DevTools Protocol, the way Chromium's own keyboard shortcut and
"Clear browsing data" dialog do them (Chromium only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from playwright.sync_api import BrowserContext, CDPSession, Page

ContextOpener = Callable[[], BrowserContext]


@contextmanager
def devtools(page: Page) -> Iterator[CDPSession]:
    session = page.context.new_cdp_session(page)
    try:
        yield session
    finally:
        session.detach()


def reload(page: Page) -> None:
    """F5 / the reload button: the page is asked for again, what it loads may come from the cache."""
    page.reload()


def hard_reload(page: Page) -> None:
    """Ctrl+F5 (Windows) / Cmd+Shift+R (Mac): the page and everything it loads are fetched anew,
    sent with Cache-Control: no-cache and Pragma: no-cache."""
    with devtools(page) as session, page.expect_event("load"):
        session.send("Page.reload", {"ignoreCache": True})


def clear_browsing_data(page: Page) -> None:
    """Ctrl+Shift+Delete with browsing history, cookies and site data, and cached files ticked.

    History has no effect on what a site shows and no protocol command, so it is left alone.
    """
    with devtools(page) as session:
        session.send("Network.clearBrowserCache")
        origin = page.evaluate("location.origin")
        if origin.startswith("http"):
            session.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": "all"})
    page.context.clear_cookies()


def close_browser(page: Page, open_context: ContextOpener | None = None) -> Page:
    """Close the browser and start it again; returns the new window's page.

    As with a real browser, every window closes and session cookies (those without an expiry,
    such as the sign-on cookie) are gone, while persistent cookies survive the restart. The
    HTTP cache does not: a new browser context starts with an empty one.
    `open_context` makes the new context (for example pytest-playwright's `new_context`, so it
    keeps the harness's settings); by default it gets the same viewport.
    """
    context = page.context
    persistent = [cookie for cookie in context.cookies() if cookie.get("expires", -1) > 0]
    viewport = page.viewport_size
    browser = context.browser
    context.close()
    reopened = open_context() if open_context else browser.new_context(viewport=viewport)
    if persistent:
        reopened.add_cookies(persistent)
    return reopened.new_page()
