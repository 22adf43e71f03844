"""A browser on a Playwright browser server (`playwright run-server`) instead of one launched here.

BROWSER_WS_ENDPOINT in playwright.config.py (or MOCK_COURT_BROWSER_WS_ENDPOINT) names the
server; the tests and the walkthrough command connect to it. The browser may reach the mock at
another address than this process does (BROWSER_BASE_URL): a browser in a container sees the
host as host.docker.internal, while the control API is called at 127.0.0.1.
"""

from __future__ import annotations

import json
import socket
from urllib.parse import urlsplit

from playwright.sync_api import Browser, BrowserType

from e2e.browsers import launch_options
from e2e.config import Settings

LAUNCH_OPTIONS_HEADER = "x-playwright-launch-options"
ANSWER_TIMEOUT_S = 5
# Connecting includes the server's launch of a browser, slow on a busy machine; a server that
# does not answer at all is found at once by `check_answers`.
CONNECT_TIMEOUT_MS = 60_000


class BrowserServerUnreachable(RuntimeError):
    pass


def check_answers(ws_endpoint: str, timeout_s: float = ANSWER_TIMEOUT_S) -> None:
    """Fail at once, naming the endpoint, when nothing listens there: a connect would wait long."""
    parts = urlsplit(ws_endpoint)
    try:
        port = parts.port or (443 if parts.scheme == "wss" else 80)
    except ValueError:
        port = None
    if parts.scheme not in ("ws", "wss") or not parts.hostname or port is None:
        raise BrowserServerUnreachable(
            f"BROWSER_WS_ENDPOINT {ws_endpoint!r} is not a browser server's address: "
            "give ws://HOST:PORT/ as `playwright run-server --port PORT` prints it"
        )
    try:
        socket.create_connection((parts.hostname, port), timeout=timeout_s).close()
    except OSError as error:
        raise BrowserServerUnreachable(
            f"the browser server at {ws_endpoint} (BROWSER_WS_ENDPOINT) does not answer: {error}. "
            "Start one with `playwright run-server --port PORT`, or unset BROWSER_WS_ENDPOINT to launch a browser here."
        ) from error


def server_launch_options(options: dict) -> str:
    """Launch options, given with Playwright's Python names, as a browser server reads them."""

    def camel(name: str) -> str:
        head, *rest = name.split("_")
        return head + "".join(word.capitalize() for word in rest)

    return json.dumps({camel(name): value for name, value in options.items()})


def connect_options(settings: Settings, launch: dict) -> dict | None:
    """pytest-playwright's `connect_options`: None launches a browser here; else the server's address,
    with `launch` (headless, slow_mo, channel) and the settings' BROWSER_SERVER_LAUNCH_OPTIONS."""
    if not settings.browser_ws_endpoint:
        return None
    check_answers(settings.browser_ws_endpoint)
    options = server_launch_options({**launch, **settings.browser_server_launch_options})
    return {
        "endpoint": settings.browser_ws_endpoint,
        "timeout": CONNECT_TIMEOUT_MS,
        "headers": {LAUNCH_OPTIONS_HEADER: options},
    }


def open_browser(browser_type: BrowserType, settings: Settings) -> Browser:
    """The settings' browser: on the browser server they name, or launched here."""
    remote = connect_options(settings, {"headless": settings.headless})
    if remote is None:
        return browser_type.launch(**launch_options(settings.headless), headless=settings.headless)
    return browser_type.connect(**remote)


def browser_base_url(settings: Settings, base_url: str, served: bool) -> str:
    """The mock's address as the browser reaches it; `base_url` is this process's, `served` says
    whether it is a served mock (BASE_URL, --base-url) rather than an embedded one."""
    if not settings.browser_base_url:
        return base_url
    if not served:
        raise ValueError(
            f"BROWSER_BASE_URL {settings.browser_base_url} needs a served mock at BASE_URL (or --base-url): "
            "an embedded mock listens on 127.0.0.1 at a port of its own, which only a browser on this machine reaches"
        )
    return settings.browser_base_url


def seen_by_browser(url: str, base_url: str, browser_base: str) -> str:
    """`url`, an address under `base_url`, as the browser reaches it (under `browser_base`)."""
    base = base_url.rstrip("/")
    if url != base and not url.startswith(base + "/"):
        raise ValueError(f"{url} is not an address of the mock at {base_url}")
    return browser_base.rstrip("/") + url[len(base) :]
