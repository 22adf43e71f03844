"""The remote browser's settings: the server's address checked, launch options in the server's
names, the mock's address as the browser reaches it."""

from __future__ import annotations

import json
import socket

import pytest

from e2e.config import Settings
from e2e.remote_browser import (
    LAUNCH_OPTIONS_HEADER,
    BrowserServerUnreachable,
    browser_base_url,
    check_answers,
    connect_options,
    seen_by_browser,
    server_launch_options,
)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_without_an_endpoint_a_browser_is_launched_here():
    assert connect_options(Settings(), {"headless": True}) is None


@pytest.mark.parametrize("endpoint", ["http://127.0.0.1:3000/", "127.0.0.1:3000", "ws://", "ws://host:port/"])
def test_an_endpoint_that_is_no_browser_servers_address_is_named(endpoint):
    with pytest.raises(BrowserServerUnreachable, match="is not a browser server's address: give ws://HOST:PORT/"):
        check_answers(endpoint)


def test_an_endpoint_nobody_listens_at_is_named():
    endpoint = f"ws://127.0.0.1:{closed_port()}/"
    with pytest.raises(BrowserServerUnreachable, match=f"the browser server at {endpoint} .* does not answer"):
        check_answers(endpoint)


def test_the_server_is_sent_the_launch_options_in_its_own_names():
    with socket.socket() as listening:
        listening.bind(("127.0.0.1", 0))
        listening.listen()
        endpoint = f"ws://127.0.0.1:{listening.getsockname()[1]}/"
        settings = Settings(browser_ws_endpoint=endpoint, browser_server_launch_options={"executable_path": "/b"})
        options = connect_options(settings, {"headless": False, "slow_mo": 300})
    assert options is not None
    assert options["endpoint"] == endpoint
    sent = json.loads(options["headers"][LAUNCH_OPTIONS_HEADER])
    assert sent == {"headless": False, "slowMo": 300, "executablePath": "/b"}


def test_launch_options_keep_their_values():
    assert json.loads(server_launch_options({"chromium_sandbox": False, "args": ["--x"]})) == {
        "chromiumSandbox": False,
        "args": ["--x"],
    }


def test_the_browser_reaches_the_mock_where_the_settings_say():
    settings = Settings(browser_base_url="http://host.docker.internal:5000")
    base = browser_base_url(settings, "http://127.0.0.1:5000", served=True)
    assert base == "http://host.docker.internal:5000"
    namespace = "http://127.0.0.1:5000/_ns/abc"
    assert seen_by_browser(namespace, "http://127.0.0.1:5000/", base) == "http://host.docker.internal:5000/_ns/abc"


def test_without_a_browser_base_url_the_browser_uses_the_process_url():
    assert browser_base_url(Settings(), "http://127.0.0.1:5000", served=False) == "http://127.0.0.1:5000"
    assert seen_by_browser("http://127.0.0.1:5000/_ns/a", "http://127.0.0.1:5000", "http://127.0.0.1:5000") == (
        "http://127.0.0.1:5000/_ns/a"
    )


def test_a_browser_base_url_needs_a_served_mock():
    with pytest.raises(ValueError, match="BROWSER_BASE_URL http://h:5000 needs a served mock at BASE_URL"):
        browser_base_url(Settings(browser_base_url="http://h:5000"), "http://127.0.0.1:41234", served=False)


def test_an_address_of_another_server_is_not_rebased():
    with pytest.raises(ValueError, match=r"is not an address of the mock at http://127\.0\.0\.1:5000"):
        seen_by_browser("http://127.0.0.1:50001/x", "http://127.0.0.1:5000", "http://h:5000")


def test_the_settings_take_the_remote_browser_from_the_environment(monkeypatch):
    from e2e.config import load_settings

    monkeypatch.setenv("MOCK_COURT_BROWSER_WS_ENDPOINT", "ws://grid:3000/")
    monkeypatch.setenv("MOCK_COURT_BROWSER_BASE_URL", "http://host.docker.internal:5000")
    monkeypatch.setenv("MOCK_COURT_BROWSER_SERVER_LAUNCH_OPTIONS", '{"channel": "chrome"}')
    settings = load_settings()
    assert settings.browser_ws_endpoint == "ws://grid:3000/"
    assert settings.browser_base_url == "http://host.docker.internal:5000"
    assert settings.browser_server_launch_options == {"channel": "chrome"}
