"""Helpers for the unit tests of central sign-on and CM/ECF: personas, and logging in as a browser would."""

from __future__ import annotations

import weakref
from datetime import datetime, timezone
from functools import cache

from fixtures.personas import build_personas
from mock_court.core.namespaces import registry

LOGIN_PAGE = "/login/csologin/login.jsf"
API = "/login/services/cso-auth"
JSON = {"Accept": "application/json"}


@cache
def text(response) -> str:
    return response.get_data(as_text=True)


def personas() -> dict[str, dict]:
    return {p["id"]: p for p in build_personas()}


def persona(persona_id: str) -> dict:
    return personas()[persona_id]


def submit_login(
    client, username: str, password: str, client_code: str = "", court: str | None = None, appurl: str = ""
):
    data = {
        "loginForm": "loginForm",
        "loginForm:loginName": username,
        "loginForm:password": password,
        "loginForm:clientCode": client_code,
        "pscCourtId": court or "",
        "appurl": appurl,
    }
    return client.post(LOGIN_PAGE, data=data)


def acknowledge_redaction(client, checked: bool = True):
    data = {"regmsg": "regmsg", "regmsg:bpmConfirm": ""}
    if checked:
        data["regmsg:chkRedact"] = "on"
    return client.post(LOGIN_PAGE, data=data)


_steps_used: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # per mock: {secret: last step}


def authenticator_code(client, secret: str) -> str:
    """The code an authenticator app shows now, by the mock's clock. A code is accepted once:
    when this step's code was used already, the clock moves on to the next step, as a person
    waits for the next code (tests move time instead of waiting)."""
    from mock_court.core.clock import now
    from mock_court.sites.login import totp

    clock = registry(client.application).default.clock
    with client.application.app_context():
        moment = now()
    used = _steps_used.setdefault(client.application, {})
    step = totp.step_at(moment)
    if used.get(secret, step - 1) >= step:
        step = used[secret] + 1
        clock.freeze(datetime.fromtimestamp(step * totp.STEP_SECONDS, timezone.utc))
    used[secret] = step
    return totp.code_at(secret, datetime.fromtimestamp(step * totp.STEP_SECONDS, timezone.utc))


def enter_passcode(client, code: str):
    return client.post(LOGIN_PAGE, data={"otpForm": "otpForm", "otpForm:otpCode": code})


def log_in(client, persona_id: str, court: str | None = None, appurl: str = "", client_code: str = ""):
    """The whole browser sign-on of a persona, passcode and redaction agreement included;
    answers the last response."""
    from fixtures.courts import load_courts

    who = persona(persona_id)
    psc_id = load_courts()[court]["pacer_court_id"] if court else None
    response = submit_login(client, who["username"], who["password"], client_code, psc_id, appurl)
    if b'id="otpForm"' in response.data:
        response = enter_passcode(client, authenticator_code(client, who["otp_secret"]))
    if b"regmsg:chkRedact" in response.data:
        response = acknowledge_redaction(client)
    return response


def api_login(client, persona_id: str, **extra):
    """The API's sign-on; an enrolled persona sends its app's code unless `extra` says otherwise."""
    who = persona(persona_id)
    if who["mfa"] == "enrolled" and "otpCode" not in extra:
        extra["otpCode"] = authenticator_code(client, who["otp_secret"])
    body = {"loginId": who["username"], "password": who["password"], "redactFlag": "1", **extra}
    body = {name: value for name, value in body.items() if value is not None}  # None: leave the field out
    return client.post(API, json=body, headers=JSON).get_json()


def ecf_url(court: str, path: str) -> str:
    return f"/ecf/{court}/cgi-bin/{path}"


def menu_bar(response) -> list[tuple[str, str]]:
    """(label, href) of each item of the CM/ECF menu bar, in the real markup."""
    import re

    html = response.get_data(as_text=True)
    bar = re.search(r'<div id="topmenu" class="yuimenubar[^"]*">(.*?)</div>\s*</div>', html, re.S)
    if bar is None:
        return []
    return re.findall(
        r'<li class="yuimenubaritem[^"]*"><a class="yuimenubaritemlabel" href="([^"]+)">([^<]+)</a>', bar.group(1)
    )


def menu_labels(response) -> list[str]:
    return [label for _href, label in menu_bar(response)]


def sign_on_to_court(client, persona_id: str, court: str):
    """Log in through the court's CM/ECF as a person would; answers the CM/ECF main page."""
    response = client.get(ecf_url(court, "showpage.pl?16"))
    appurl = response.headers["Location"].split("appurl=", 1)[1]
    log_in(client, persona_id, court=court, appurl=appurl)
    return client.get(ecf_url(court, "showpage.pl?16"))


def enter_ecf_credentials(client, court: str, login: str, password: str):
    return client.post(ecf_url(court, "LinkAccount.pl"), data={"ecf_login": login, "ecf_password": password})


def link_accounts(client, persona_id: str, court: str | None = None):
    """The whole linking of a signed-on persona's own CM/ECF account; answers the confirmation page."""
    who = persona(persona_id)
    court = court or who["ecf_court"]
    client.get(ecf_url(court, "DisplayMenu.pl?Utilities"))
    enter_ecf_credentials(client, court, who["ecf_login"], who["ecf_password"])
    client.post(ecf_url(court, "LinkVerify.pl"), data={"confirm": "1"})
    return client.get(ecf_url(court, "LinkConfirm.pl"))
