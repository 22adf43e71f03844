"""Faults the mock can be told to show: a page answering 500, a captcha mode, a stale menu cause.

A spec is comma-separated `name=value` pairs, as given to `mock-court serve --faults`:
  http500=psc.user_information          that endpoint answers 500 (several joined by '+')
  captcha=challenge                     pass | challenge | fail | expire
  menus@txwd=stale-cache                a court's menus after linking: stale-cache |
                                        stale-session | stale-cookies
"""

from __future__ import annotations

from flask import abort, current_app, request

from mock_court.core.exceptions import Refused
from mock_court.core.store import get_setting, set_setting

CAPTCHA_MODES = ("pass", "challenge", "fail", "expire")
MENU_CAUSES = ("stale-cache", "stale-session", "stale-cookies")


class FaultSpecError(Refused):
    """A fault spec the mock does not understand."""


def parse_spec(spec: str) -> dict:
    faults: dict = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        name, sep, value = part.partition("=")
        if not sep or not value:
            raise FaultSpecError(f"'{part}' is not name=value")
        faults[name] = value
    validate(faults)
    return {k: v.split("+") if k == "http500" else v for k, v in faults.items()}


def validate(faults: dict) -> None:
    for name, value in faults.items():
        if name == "http500":
            continue
        if name == "captcha":
            if value not in CAPTCHA_MODES:
                raise FaultSpecError(f"captcha must be one of {', '.join(CAPTCHA_MODES)}")
        elif name.startswith("menus@"):
            if value not in MENU_CAUSES:
                raise FaultSpecError(f"{name} must be one of {', '.join(MENU_CAUSES)}")
        else:
            raise FaultSpecError(f"unknown fault '{name}'")


def active_faults() -> dict:
    """Faults given at start-up, overlaid by those set through the control API."""
    return {**current_app.config["FAULTS"], **get_setting("faults", {})}


def endpoint_list(value) -> list[str]:
    """http500's value as the control API takes it: endpoints joined by '+', or a list of them."""
    if value is None:
        return []
    if isinstance(value, str):
        return [name for name in value.split("+") if name]
    if isinstance(value, list) and all(isinstance(name, str) for name in value):
        return value
    raise FaultSpecError("http500 takes endpoint names joined by '+', or a list of them")


def set_faults(faults: dict) -> dict:
    validate({k: v for k, v in faults.items() if k != "http500"})
    if "http500" in faults:
        faults = {**faults, "http500": endpoint_list(faults["http500"])}
    merged = {**get_setting("faults", {}), **faults}
    set_setting("faults", {k: v for k, v in merged.items() if v not in (None, "", [])})
    return active_faults()


def captcha_mode() -> str:
    default = "pass" if current_app.config["TEST_MODE"] else "challenge"
    return active_faults().get("captcha", default)


def menu_cause(court: str, persona_problem: str | None) -> str | None:
    """Why a linked filer's menus stay stale: the persona's own problem, else the court's."""
    return persona_problem or active_faults().get(f"menus@{court}")


def answer_injected_500() -> None:
    if request.endpoint and request.endpoint in active_faults().get("http500", []):
        abort(500, description=f"Injected fault: {request.endpoint} answers 500.")
