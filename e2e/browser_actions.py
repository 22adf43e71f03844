"""What a person does with the browser itself rather than with the page: reload, hard reload,
clear browsing data, close the browser and open it again.

Playwright has no API for a cache-bypassing reload or for clearing the HTTP cache, so those
go through the Chrome DevTools Protocol, the way Chromium's own keyboard shortcut and
"Clear browsing data" dialog do them (Chromium only).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

from playwright.sync_api import BrowserContext, CDPSession, Page

if TYPE_CHECKING:  # what add_cookies takes; playwright.sync_api does not re-export it
    from playwright._impl._api_structures import SetCookieParam

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


def same_browser_opener(page: Page) -> ContextOpener:
    """Opens a plain context of the page's browser, with the page's viewport."""
    browser, viewport = page.context.browser, page.viewport_size
    if browser is None:
        raise ValueError("the page's context has no browser to open another with (a persistent context?)")
    return lambda: browser.new_context(viewport=viewport)


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
    reopen = open_context or same_browser_opener(page)
    context.close()
    reopened = reopen()
    if persistent:
        # The cookies just read go back as they are; Playwright types them as Cookie, whose
        # fields are not Optional as SetCookieParam's are, so the list is not assignable as is.
        reopened.add_cookies(cast("list[SetCookieParam]", persistent))
    return reopened.new_page()
