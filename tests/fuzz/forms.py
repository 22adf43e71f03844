"""Every form of the mock, as the fuzz tests post it: where it is, what its fields hold, how a
browser gets to it, and what it may store when it accepts a post.

Each set-up walks a fresh client to the form as a person would, and answers the form's valid
values; the fuzz tests change a few of them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from flask import Flask
from werkzeug.test import TestResponse

from mock_court.core.namespaces import registry
from mock_court.sites.court.models import RESET_SENT
from mock_court.sites.login import totp
from tests.form_client import FormClient
from tests.fuzz.harness import redirected, shows_a_message
from tests.fuzz.strategies import Kind
from tests.security.helpers import NEW_PASSWORD, at_reset_stage
from tests.unit import mfa_helpers
from tests.unit.registration_helpers import (
    ACCOUNT,
    ACTIVATE,
    CARD,
    FORGOT_PASSWORD,
    FORGOT_QUESTIONS,
    FORGOT_RESET,
    FORGOT_USERNAME,
    MANAGE_LOGIN,
    STEP1,
    STEP2,
    STEP3,
    STEP4,
    USER,
    captcha_token,
    manage_log_in,
    step1,
    step2,
    step3,
)
from tests.unit.signon_helpers import (
    LOGIN_PAGE,
    ecf_url,
    enter_ecf_credentials,
    log_in,
    persona,
    sign_on_to_court,
    submit_login,
)

SetUp = Callable[[Flask, FormClient], Mapping[str, str]]
Accepted = Callable[[TestResponse], bool]


@dataclass(frozen=True)
class Form:
    name: str
    path: str
    set_up: SetUp  # walks the client to the form; answers its valid values
    fields: Mapping[str, Kind]
    accepted: Accepted = redirected
    may_store: frozenset[str] = field(default_factory=frozenset)  # tables an accepted post may add rows to

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"Form({self.name!r})"


def says(text: str) -> Accepted:
    return lambda response: text.encode() in response.data


def at_next_stage(response: TestResponse) -> bool:
    """The sign-on went on: signed on, or the passcode or the redaction agreement asked for next."""
    stage = b'id="otpForm"' in response.data or b'id="regmsg"' in response.data
    return redirected(response) or (response.status_code == 200 and stage and not shows_a_message(response))


# ---- Registration -----------------------------------------------------------------------------------

ACCOUNT_KINDS = {
    **{name: Kind.TEXT for name in ACCOUNT},
    **{name: Kind.CHOICE for name in ("prefix", "generation", "suffix", "state", "county", "country", "user_type")},
    **{name: Kind.NUMBER for name in ("zip", "primary_phone", "alternate_phone", "text_phone", "fax")},
    "date_of_birth": Kind.DATE,
    "email": Kind.EMAIL,
    "confirm_email": Kind.EMAIL,
    "action": Kind.FLAG,
    "cja_panel": Kind.FLAG,
    "g-recaptcha-response": Kind.TOKEN,
}
USER_KINDS = {
    "username": Kind.TEXT,
    "password": Kind.SECRET,
    "confirm_password": Kind.SECRET,
    "question1": Kind.CHOICE,
    "answer1": Kind.SECRET,
    "question2": Kind.CHOICE,
    "answer2": Kind.SECRET,
    "action": Kind.FLAG,
}
CARD_KINDS = {
    "card_holder": Kind.TEXT,
    "card_type": Kind.CHOICE,
    "card_number": Kind.NUMBER,
    "expiry_month": Kind.NUMBER,
    "expiry_year": Kind.NUMBER,
    "use_billing_address": Kind.FLAG,
    "authorize": Kind.FLAG,
    "billing_address1": Kind.TEXT,
    "billing_city": Kind.TEXT,
    "billing_state": Kind.CHOICE,
    "billing_zip": Kind.NUMBER,
    "billing_country": Kind.CHOICE,
    "action": Kind.FLAG,
}


def at_step1(app: Flask, client: FormClient) -> Mapping[str, str]:
    client.get(STEP1)
    return {**ACCOUNT, "action": "next", "g-recaptcha-response": captcha_token(app, client)}


def at_step2(app: Flask, client: FormClient) -> Mapping[str, str]:
    assert step1(client, app).status_code == 302
    return {**USER, "action": "next"}


def at_step3(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_step2(app, client)
    assert step2(client).status_code == 302
    return {**CARD, "action": "next"}


def at_step4(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_step3(app, client)
    assert step3(client).status_code == 302  # no card: Submit mails an activation letter
    return {"action": "next", "acknowledge": "1"}


# ---- Sign-on ------------------------------------------------------------------------------------------


def at_login(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("returning-user")
    return {
        "loginForm": "loginForm",
        "loginForm:loginName": who["username"],
        "loginForm:password": who["password"],
        "loginForm:clientCode": "",
        "pscCourtId": "",
        "appurl": "/pacer/",
    }


def at_passcode(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("mfa-user")
    assert b'id="otpForm"' in submit_login(client, who["username"], who["password"]).data
    code = totp.code_at(who["otp_secret"], registry(app).default.clock.now())
    return {"otpForm": "otpForm", "otpForm:otpCode": code}


def at_redaction(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("linked-filer-txwd")  # not enrolled in MFA: the agreement follows the password
    assert b'id="regmsg"' in submit_login(client, who["username"], who["password"], court="TXWDC").data
    return {"regmsg": "regmsg", "regmsg:bpmConfirm": "", "regmsg:chkRedact": "on"}


def at_mfa_prompt(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("mfa-due-filer")
    assert b'id="mfaPrompt"' in submit_login(client, who["username"], who["password"]).data
    return {"mfaPrompt": "mfaPrompt", "mfaPrompt:btnSkip": ""}


# ---- Manage My Account and forgotten credentials -----------------------------------------------------


def at_mfa_methods(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("mfa-due-filer")
    assert manage_log_in(client, who["username"], who["password"]).status_code == 302
    return {"addApp": "1"}


def at_security_code(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_mfa_methods(app, client)
    client.post(mfa_helpers.METHODS, data={"addApp": "1"})
    return {"securityCode": mfa_helpers.security_code(client, persona("mfa-due-filer")["email"])}


def at_app_name(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_mfa_methods(app, client)
    mfa_helpers.start_add_app(client, persona("mfa-due-filer")["email"])
    return {"appName": "Phone"}


def at_set_up_app(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_mfa_methods(app, client)
    secret = mfa_helpers.secret_shown(mfa_helpers.set_up_app_screen(client, persona("mfa-due-filer")["email"]))
    return {"appCode": totp.code_at(secret, registry(app).default.clock.now())}


def at_settings(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_mfa_methods(app, client)
    return {"email": "new.address@example.com"}


def at_forgot_password(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("returning-user")
    return {"username": who["username"], "email": who["email"], "account_number": "", "date_of_birth": ""}


def at_questions(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("returning-user")
    client.post(FORGOT_PASSWORD, data={"username": who["username"], "email": who["email"]})
    return {"answer1": who["security_answers"][0], "answer2": who["security_answers"][1]}


def at_reset(app: Flask, client: FormClient) -> Mapping[str, str]:
    at_reset_stage(client)
    return {"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}


def at_forgot_username(app: Flask, client: FormClient) -> Mapping[str, str]:
    return {"account_number": persona("returning-user")["account_number"]}


def at_manage_login(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("returning-user")
    return {"username": who["username"], "password": who["password"]}


def at_activate(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("awaiting-activation")
    assert manage_log_in(client, who["username"], who["password"]).status_code == 302
    return {"activation_code": who["activation_code"]}


# ---- CM/ECF and the court's website -------------------------------------------------------------------


def at_link_account(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("filer-txwd")
    sign_on_to_court(client, "filer-txwd", "txwd")
    return {"ecf_login": who["ecf_login"], "ecf_password": who["ecf_password"]}


def at_link_verify(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = at_link_account(app, client)
    assert enter_ecf_credentials(client, "txwd", who["ecf_login"], who["ecf_password"]).status_code == 302
    return {"confirm": "1"}


def at_court_forgot(app: Flask, client: FormClient) -> Mapping[str, str]:
    return {"ecf_login": persona("filer-txwd")["ecf_login"]}


def at_legacy_login(app: Flask, client: FormClient) -> Mapping[str, str]:
    who = persona("filer-txwd")
    return {"login": who["ecf_login"], "key": who["ecf_password"]}


def never(response: TestResponse) -> bool:
    """The legacy login signs nobody on: every post answers a message."""
    return False


FORMS = [
    Form("registration step 1", STEP1, at_step1, ACCOUNT_KINDS),
    Form("registration step 2", STEP2, at_step2, USER_KINDS),
    Form("registration step 3", STEP3, at_step3, CARD_KINDS),
    Form(
        "registration step 4",
        STEP4,
        at_step4,
        {"action": Kind.FLAG, "acknowledge": Kind.FLAG},
        may_store=frozenset({"accounts", "outbox"}),
    ),
    Form(
        "sign-on loginForm",
        LOGIN_PAGE,
        at_login,
        {
            "loginForm": Kind.FLAG,
            "loginForm:loginName": Kind.TEXT,
            "loginForm:password": Kind.SECRET,
            "loginForm:clientCode": Kind.TEXT,
            "pscCourtId": Kind.CHOICE,
            "appurl": Kind.URL,
        },
        accepted=at_next_stage,
        may_store=frozenset({"sessions"}),
    ),
    Form(
        "sign-on otpForm",
        LOGIN_PAGE,
        at_passcode,
        {"otpForm": Kind.FLAG, "otpForm:otpCode": Kind.NUMBER},
        accepted=at_next_stage,
        may_store=frozenset({"sessions"}),
    ),
    Form(
        "sign-on mfaPrompt",
        LOGIN_PAGE,
        at_mfa_prompt,
        {"mfaPrompt": Kind.FLAG, "mfaPrompt:btnSkip": Kind.FLAG, "mfaPrompt:btnSetUp": Kind.FLAG},
        accepted=lambda response: redirected(response) or b'id="regmsg"' in response.data,
        may_store=frozenset({"sessions"}),
    ),
    Form(
        "sign-on regmsg",
        LOGIN_PAGE,
        at_redaction,
        {"regmsg": Kind.FLAG, "regmsg:bpmConfirm": Kind.FLAG, "regmsg:chkRedact": Kind.FLAG},
        accepted=at_next_stage,
        may_store=frozenset({"sessions"}),
    ),
    Form(
        "Forgot Password",
        FORGOT_PASSWORD,
        at_forgot_password,
        {"username": Kind.TEXT, "email": Kind.EMAIL, "account_number": Kind.NUMBER, "date_of_birth": Kind.DATE},
    ),
    Form("Forgot Password questions", FORGOT_QUESTIONS, at_questions, {"answer1": Kind.SECRET, "answer2": Kind.SECRET}),
    Form("Forgot Password reset", FORGOT_RESET, at_reset, {"password": Kind.SECRET, "confirm_password": Kind.SECRET}),
    Form(
        "Forgot Username",
        FORGOT_USERNAME,
        at_forgot_username,
        {"account_number": Kind.NUMBER},
        accepted=says("Your username has been sent"),
        may_store=frozenset({"outbox"}),
    ),
    Form(
        "Manage My Account login",
        MANAGE_LOGIN,
        at_manage_login,
        {"username": Kind.TEXT, "password": Kind.SECRET},
        may_store=frozenset({"sessions"}),
    ),
    Form("Activate", ACTIVATE, at_activate, {"activation_code": Kind.TEXT}),
    Form(
        "MFA methods",
        mfa_helpers.METHODS,
        at_mfa_methods,
        {"addApp": Kind.FLAG, "getNewCodes": Kind.FLAG},
        may_store=frozenset({"outbox"}),
    ),
    Form("MFA security code", mfa_helpers.SECURITY_CODE, at_security_code, {"securityCode": Kind.NUMBER}),
    Form("MFA app name", mfa_helpers.APP_NAME, at_app_name, {"appName": Kind.TEXT}),
    Form(
        "MFA Set Up App",
        mfa_helpers.SET_UP_APP,
        at_set_up_app,
        {"appCode": Kind.NUMBER},
        may_store=frozenset({"mfa_apps"}),
    ),
    Form("Settings email", "/psc/pscof/manage/settings.jsf", at_settings, {"email": Kind.EMAIL}),
    Form(
        "CM/ECF LinkAccount.pl",
        ecf_url("txwd", "LinkAccount.pl"),
        at_link_account,
        {"ecf_login": Kind.TEXT, "ecf_password": Kind.SECRET},
    ),
    Form(
        "CM/ECF LinkVerify.pl",
        ecf_url("txwd", "LinkVerify.pl"),
        at_link_verify,
        {"confirm": Kind.FLAG, "cancel": Kind.FLAG},
        may_store=frozenset({"ecf_accounts linked", "outbox"}),
    ),
    Form(
        "court forgot credentials",
        "/court/txwd/forgot-username-password",
        at_court_forgot,
        {"ecf_login": Kind.TEXT},
        accepted=says(RESET_SENT),
        may_store=frozenset({"outbox"}),
    ),
    Form(
        "CM/ECF login.pl",
        ecf_url("txwd", "login.pl"),
        at_legacy_login,
        {"login": Kind.TEXT, "key": Kind.SECRET},
        accepted=never,
    ),
]
EVERY_FIELD = sorted({name for form in FORMS for name in form.fields})


# ---- Queries: the pages and the control API's reads that take their input in the URL -----------------


@dataclass(frozen=True)
class Query:
    name: str
    path: str
    set_up: SetUp
    fields: Mapping[str, Kind]
    statuses: tuple[int, ...]  # what it may answer

    def __str__(self) -> str:
        return self.name


def signed_on(app: Flask, client: FormClient) -> Mapping[str, str]:
    """Signed on, so that the login page sends the browser straight on to a good appurl."""
    log_in(client, "returning-user")
    return {"appurl": "/pacer/", "pscCourtId": "TXWDC"}


def outbox_filters(app: Flask, client: FormClient) -> Mapping[str, str]:
    return {"channel": "mail", "recipient": "", "account_number": persona("awaiting-activation")["account_number"]}


def registration_type(app: Flask, client: FormClient) -> Mapping[str, str]:
    return {"accountType": "attorney-filers-cmecf", "reset": ""}


QUERIES = [
    Query("sign-on page", LOGIN_PAGE, signed_on, {"appurl": Kind.URL, "pscCourtId": Kind.CHOICE}, (200, 302, 400)),
    Query(
        "control /_mock/outbox",
        "/_mock/outbox",
        outbox_filters,
        {"channel": Kind.CHOICE, "recipient": Kind.EMAIL, "account_number": Kind.NUMBER},
        (200,),
    ),
    Query("registration step 1 ?accountType", STEP1, registration_type, {"accountType": Kind.CHOICE}, (200, 404)),
]
