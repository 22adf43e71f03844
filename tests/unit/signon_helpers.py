"""Helpers for the unit tests of central sign-on and CM/ECF: personas, and logging in as a browser would."""

from __future__ import annotations

from functools import cache

from fixtures.personas import build_personas

LOGIN_PAGE = "/login/csologin/login.jsf"
API = "/login/services/cso-auth"
JSON = {"Accept": "application/json"}


@cache
def personas() -> dict[str, dict]:
    return {p["id"]: p for p in build_personas()}


def persona(persona_id: str) -> dict:
    return personas()[persona_id]


def submit_login(client, username: str, password: str, client_code: str = "", court: str | None = None,
                 appurl: str = ""):
    data = {"loginForm": "loginForm", "loginForm:loginName": username, "loginForm:password": password,
            "loginForm:clientCode": client_code, "pscCourtId": court or "", "appurl": appurl}
    return client.post(LOGIN_PAGE, data=data)


def acknowledge_redaction(client, checked: bool = True):
    data = {"regmsg": "regmsg", "regmsg:bpmConfirm": ""}
    if checked:
        data["regmsg:chkRedact"] = "on"
    return client.post(LOGIN_PAGE, data=data)


def log_in(client, persona_id: str, court: str | None = None, appurl: str = "", client_code: str = ""):
    """The whole browser sign-on of a persona, redaction agreement included; answers the last response."""
    from fixtures.courts import load_courts

    who = persona(persona_id)
    psc_id = load_courts()[court]["pacer_court_id"] if court else None
    response = submit_login(client, who["username"], who["password"], client_code, psc_id, appurl)
    if b"regmsg:chkRedact" in response.data:
        response = acknowledge_redaction(client)
    return response


def api_login(client, persona_id: str, **extra):
    who = persona(persona_id)
    body = {"loginId": who["username"], "password": who["password"], "redactFlag": "1", **extra}
    return client.post(API, json=body, headers=JSON).get_json()
