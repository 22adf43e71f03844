"""Faults the mock can be told to show, in the manner of WireMock's faults and Toxiproxy's toxics.

A spec is comma-separated `name=value` pairs, from `mock-court serve --faults`, the environment
(MOCK_COURT_FAULTS) or the control API (`POST /_mock/faults` takes the same names as a JSON object):

  latency=300ms                   every answer waits 300 ms; latency@psc=300ms only the psc site's,
                                  latency@psc.user_information=... only that endpoint's
  latency=100ms..800ms            a wait drawn for each answer from the mock's seedable random source
  slow=2000bps                    bodies trickle at 2,000 bytes a second (slow@<site or endpoint>=...)
  http500=psc.user_information    that endpoint answers 500; http502 and http503 likewise (503 with
                                  Retry-After); several targets joined by '+', a site names all of
                                  its endpoints
  drop=login.cso_login            the connection is reset without an answer
  empty=login.cso_login           the connection is closed without an answer
  expire=psc.user_information     the next request there finds its session expired (once)
  captcha=challenge               pass | challenge | fail | expire
  menus@txwd=stale-cache          a court's menus after linking: stale-cache | stale-session |
                                  stale-cookies

Targets are endpoints (psc.user_information) or sites (psc), matched exactly; the control API
itself never shows a fault, so a fault can always be taken back. Every spec is
checked: an unknown fault, a bad value or an unknown target is a FaultSpecError naming what is
wrong and the accepted forms. Faults given at start-up stay; those set through the control API
are cleared by a reset.
"""

from __future__ import annotations

import re
import socket
import struct
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from flask import Flask, Response, abort, current_app, g, request, session
from werkzeug.exceptions import HTTPException

from fixtures.courts import load_courts
from mock_court.core.clock import rng
from mock_court.core.exceptions import Refused
from mock_court.core.namespaces import ENVIRON_KEY
from mock_court.core.server import before_waiting
from mock_court.core.store import get_setting, set_setting

CAPTCHA_MODES = ("pass", "challenge", "fail", "expire")
MENU_CAUSES = ("stale-cache", "stale-session", "stale-cookies")
HTTP_FAULTS = {"http500": 500, "http502": 502, "http503": 503}
CONNECTION_FAULTS = ("drop", "empty")
TARGETED = (*HTTP_FAULTS, *CONNECTION_FAULTS, "expire")  # value: targets joined by '+'
MEASURED = ("latency", "slow")  # value: a measure; target after '@', default every answer
RETRY_AFTER_S = 30
CONTROL = "control"  # the control API's blueprint
ACCEPTED = (
    "latency[@TARGET]=300ms or 100ms..800ms, slow[@TARGET]=2000bps, http500|http502|http503|drop|empty|expire="
    "TARGET[+TARGET], captcha=" + "|".join(CAPTCHA_MODES) + ", menus@COURT=" + "|".join(MENU_CAUSES)
)
LATENCY_RE = re.compile(r"^(\d{1,5})ms(?:\.\.(\d{1,5})ms)?$")
SLOW_RE = re.compile(r"^([1-9]\d{0,8})bps$")  # 0 bytes a second would never finish


class FaultSpecError(Refused):
    """A fault spec the mock does not understand; the message names the accepted forms."""

    def __init__(self, message: str) -> None:
        super().__init__(f"{message}. Accepted: {ACCEPTED}")


def parse_spec(spec: str) -> dict:
    """`name=value,...` as a dict of faults, each value checked (targets are checked by the app)."""
    faults: dict = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, value = part.partition("=")
        if not sep or not value:
            raise FaultSpecError(f"'{part}' is not name=value")
        faults[name] = value
    return normalize(faults)


def normalize(faults: dict) -> dict:
    """Faults as the mock keeps them, every value checked; None or "" clears a fault."""
    kept: dict = {}
    for name, value in faults.items():
        if not isinstance(name, str):
            raise FaultSpecError(f"unknown fault {name!r}")
        kind, _, target = name.partition("@")
        if value in (None, "", []):
            kept[name] = None
        elif kind in TARGETED and not target:
            kept[name] = target_list(name, value)
        elif kind == "latency":
            kept[name] = measure(name, value, LATENCY_RE, "300ms or 100ms..800ms")
        elif kind == "slow":
            kept[name] = measure(name, value, SLOW_RE, "2000bps")
        elif name == "captcha":
            kept[name] = choice(name, value, CAPTCHA_MODES)
        elif kind == "menus" and target:
            kept[name] = choice(name, value, MENU_CAUSES)
        else:
            raise FaultSpecError(f"unknown fault '{name}'")
    return kept


def target_list(name: str, value: Any) -> list[str]:
    if isinstance(value, str):
        return [t for t in value.split("+") if t]
    if isinstance(value, list) and all(isinstance(t, str) for t in value):
        return value
    raise FaultSpecError(f"{name} takes endpoints or sites joined by '+', or a list of them")


def measure(name: str, value: Any, pattern: re.Pattern, example: str) -> str:
    if not isinstance(value, str) or not pattern.match(value):
        raise FaultSpecError(f"{name} takes a value such as {example}, not {value!r}")
    low, _, high = value.partition("..")
    if high and int(high[:-2]) < int(low[:-2]):
        raise FaultSpecError(f"{name}: {value} runs backwards")
    return value


def choice(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise FaultSpecError(f"{name} must be one of {', '.join(allowed)}")
    return value


def check_targets(app: Flask, faults: dict) -> None:
    """Every endpoint or site a fault names must exist in `app` (exact names, no substrings)."""
    endpoints = set(app.view_functions)
    sites = {endpoint.partition(".")[0] for endpoint in endpoints if "." in endpoint}
    courts = set(load_courts())
    for name, value in faults.items():
        kind, _, target = name.partition("@")
        named = value if kind in TARGETED and isinstance(value, list) else [target] if kind in MEASURED else []
        for each in filter(None, named):
            if each == CONTROL or each.startswith(f"{CONTROL}."):
                raise FaultSpecError(f"{name}: the control API takes no faults")
            if each not in endpoints and each not in sites:
                raise FaultSpecError(f"{name}: no endpoint or site '{each}'")
        if kind == "menus" and courts and target not in courts:
            raise FaultSpecError(f"{name}: no court '{target}'")


# ---- What is active -------------------------------------------------------------------------------


def active_faults() -> dict:
    """Faults given at start-up, overlaid by those set through the control API."""
    return {**current_app.config["FAULTS"], **get_setting("faults", {})}


def set_faults(faults: dict) -> dict:
    given = normalize(faults)
    check_targets(current_app, {k: v for k, v in given.items() if v is not None})
    merged = {**get_setting("faults", {}), **given}
    set_setting("faults", {k: v for k, v in merged.items() if v is not None})
    if "expire" in given:
        set_setting("fired:expire", [])  # set again: armed again
    return active_faults()


def captcha_mode() -> str:
    default = "pass" if current_app.config["TEST_MODE"] else "challenge"
    return active_faults().get("captcha", default)


def menu_cause(court: str, persona_problem: str | None) -> str | None:
    """Why a linked filer's menus stay stale: the persona's own problem, else the court's."""
    return persona_problem or active_faults().get(f"menus@{court}")


def faultless(endpoint: str | None) -> bool:
    """The control API never shows a fault: it must always be able to take one back."""
    return endpoint is not None and endpoint.startswith(f"{CONTROL}.")


def hits(targets: Iterable[str], endpoint: str | None) -> bool:
    if endpoint is None or faultless(endpoint):
        return False
    return endpoint in targets or endpoint.partition(".")[0] in targets


def measured(faults: dict, kind: str, endpoint: str | None) -> str | None:
    """The most specific measure of a kind for an endpoint: its own, its site's, or every answer's."""
    if faultless(endpoint):
        return None
    site = (endpoint or "").partition(".")[0]
    for name in (f"{kind}@{endpoint}", f"{kind}@{site}", kind):
        if name in faults:
            return faults[name]
    return None


# ---- Injecting them -------------------------------------------------------------------------------


def before_request() -> None:
    """An expired session and the HTTP faults, for the endpoint asked for."""
    faults = active_faults()
    if not faults:
        return
    if hits(faults.get("expire", []), request.endpoint) and fire_once("expire", request.endpoint):
        session.clear()
    for kind, status in HTTP_FAULTS.items():
        if hits(faults.get(kind, []), request.endpoint):
            response = Response(f"Injected fault: {request.endpoint} answers {status}.", status, mimetype="text/plain")
            if status == 503:
                response.headers["Retry-After"] = str(RETRY_AFTER_S)
            abort(response)


def fire_once(kind: str, endpoint: str | None) -> bool:
    """True the first time a one-shot fault hits this endpoint since it was set (or the last reset)."""
    fired = get_setting(f"fired:{kind}", [])
    if endpoint in fired:
        return False
    set_setting(f"fired:{kind}", [*fired, endpoint])
    return True


def after_request(response: Response) -> Response:
    """A slow body: the answer trickles at the given bytes per second."""
    rate = measured(active_faults(), "slow", request.endpoint)
    if rate and not response.direct_passthrough:
        response.response = trickle(response.get_data(), int(rate[:-3]))
    return response


def wait(seconds: float) -> None:
    """A delay of a fault: the server goes on answering other requests meanwhile."""
    before_waiting()
    time.sleep(seconds)


def trickle(body: bytes, bytes_per_second: int) -> Iterator[bytes]:
    chunk = max(1, bytes_per_second // 10)
    for start in range(0, len(body), chunk):
        wait(chunk / bytes_per_second)
        yield body[start : start + chunk]


class NetworkFaults:
    """WSGI middleware, outside the app and its store: latency, and a dropped or empty connection.

    The wait happens before the request opens its session, which holds the store, so a late
    answer delays only itself. Raising OSError from the application makes waitress close the
    connection without writing a byte; for a reset, the socket (put in the environ by
    core.server) is first told to linger 0. Under the test client there is no connection to drop.
    """

    def __init__(self, app: Flask, wsgi_app: Callable) -> None:
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        endpoint, faults, wait_s = self.lookup(environ)
        if wait_s:
            wait(wait_s)
        sock = environ.get("mock_court.socket")
        fault = next((kind for kind in CONNECTION_FAULTS if hits(faults.get(kind, []), endpoint)), None)
        if fault and sock is not None:
            if fault == "drop":
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            raise ConnectionAbortedError(f"Injected fault: {fault}")
        return self.wsgi_app(environ, start_response)

    def lookup(self, environ: dict) -> tuple[str | None, dict, float]:
        """The endpoint asked for, the active faults and the wait in seconds, read without a session."""
        with self.app.app_context():
            g.namespace = environ.get(ENVIRON_KEY)
            faults = active_faults()
            if not faults:
                return None, faults, 0.0
            try:
                endpoint, _args = self.app.url_map.bind_to_environ(environ).match()
            except HTTPException:
                endpoint = None
            delay = measured(faults, "latency", endpoint)
            return endpoint, faults, wait_ms(delay) / 1000 if delay else 0.0


def wait_ms(delay: str) -> float:
    """300ms, or a draw from 100ms..800ms by the mock's seedable random source."""
    low, _, high = delay.partition("..")
    return rng().uniform(int(low[:-2]), int(high[:-2])) if high else int(low[:-2])


def init_app(app: Flask) -> None:
    app.config["FAULTS"] = normalize(app.config["FAULTS"])
    app.before_request(before_request)
    app.after_request(after_request)
    app.wsgi_app = NetworkFaults(app, app.wsgi_app)  # type: ignore[method-assign]
