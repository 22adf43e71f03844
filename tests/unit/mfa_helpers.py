"""Helpers for the unit tests of multifactor authentication: Manage My Account's MFA screens
driven as a browser drives them, and the security codes read from the outbox."""

from __future__ import annotations

import re

from tests.unit.signon_helpers import LOGIN_PAGE, persona, submit_login, text

MMA_LOGIN = "/psc/pscof/login.xhtml"
METHODS = "/psc/pscof/manage/mfa.jsf"
SECURITY_CODE = "/psc/pscof/manage/mfa/security-code.jsf"
APP_NAME = "/psc/pscof/manage/mfa/app-name.jsf"
SET_UP_APP = "/psc/pscof/manage/mfa/set-up-app.jsf"


def mma_log_in(client, persona_id: str):
    who = persona(persona_id)
    return client.post(MMA_LOGIN, data={"username": who["username"], "password": who["password"]})


def security_code(client, email: str) -> str:
    mails = client.get("/_mock/outbox", query_string={"channel": "email", "recipient": email}).get_json()
    codes = [m.group(1) for mail in mails if (m := re.search(r"security code is (\d{6})", mail["body"]))]
    assert codes, f"no security code was emailed to {email}"
    return codes[-1]


def field_error(response, name: str) -> str:
    match = re.search(rf'id="{name}-message">([^<]*)<', text(response))
    return match.group(1) if match else ""


def page_error(response) -> str:
    match = re.search(r'id="form-message">([^<]*)<', text(response))
    return match.group(1) if match else ""


def start_add_app(client, email: str):
    """Add App, then the emailed security code: answers the app-name screen."""
    client.post(METHODS, data={"addApp": "1"})
    return client.post(SECURITY_CODE, data={"securityCode": security_code(client, email)}, follow_redirects=True)


def set_up_app_screen(client, email: str, name: str = "Phone"):
    start_add_app(client, email)
    return client.post(APP_NAME, data={"appName": name}, follow_redirects=True)


def secret_shown(response) -> str:
    match = re.search(r'id="secret-key"[^>]*>([A-Z2-7 ]+)<', text(response))
    assert match, "Set Up App shows no secret key"
    return match.group(1).replace(" ", "")


def prompt_buttons(response) -> list[str]:
    return re.findall(r'name="mfaPrompt:(btn\w+)"', text(response))


def answer_prompt(client, button: str):
    return client.post(LOGIN_PAGE, data={"mfaPrompt": "mfaPrompt", f"mfaPrompt:{button}": ""})


def start_login(client, persona_id: str):
    who = persona(persona_id)
    return submit_login(client, who["username"], who["password"])
