"""The JSON APIs fuzzed: bodies of any shape (objects with keys left out, sent twice or of the
wrong type; other JSON values; JSON the encoder would not write; bytes), and every time no 5xx,
no traceback, the API's own answer shape, and nothing half-made."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

import pytest
from hypothesis import given
from hypothesis import strategies as st
from werkzeug.test import TestResponse

from mock_court.core.faults import CAPTCHA_MODES
from mock_court.core.namespaces import registry
from mock_court.sites.login import totp
from mock_court.sites.recaptcha.models import CHALLENGE_ANSWER
from tests.fuzz.harness import (
    CASES,
    FORM,
    JSON,
    assert_nothing_half_made,
    assert_survives,
    fresh_client,
    stored,
)
from tests.fuzz.strategies import Kind, changed, form_body, form_changes, json_request_body, whole_json_bodies
from tests.unit.registration_helpers import captcha_token
from tests.unit.signon_helpers import API, api_login, persona

LOGOUT = "/login/services/cso-logout"
USERVERIFY = "/recaptcha/api2/userverify"
SITEVERIFY = "/recaptcha/api/siteverify"
ACCEPTS = ["application/json", "application/xml", "text/html", "*/*", "", "application/xml, application/json;q=0.1"]
SIGN_ON_PERSONAS = [
    "returning-user",
    "filer-txwd",
    "mfa-user",
    "client-code-user",
    "inactive-user",
    "awaiting-activation",
]

CSO_AUTH_FIELDS = {
    "loginId": Kind.TEXT,
    "password": Kind.SECRET,
    "redactFlag": Kind.FLAG,
    "clientCode": Kind.TEXT,
    "otpCode": Kind.NUMBER,
}
FAULT_FIELDS = {
    name: Kind.FAULT
    for name in ("http500", "http503", "drop", "expire", "captcha", "menus@txwd", "latency@psc", "slow")
}


def sign_on_answer(response: TestResponse, root: str) -> dict[str, str]:
    """The sign-on API's answer, JSON or XML, as {field: text}."""
    if response.mimetype == "application/json":
        answer = response.get_json()
        assert isinstance(answer, dict)
        return answer
    assert response.mimetype == "application/xml", response.mimetype
    tree = ElementTree.fromstring(response.data)
    assert tree.tag == root
    return {child.tag: child.text or "" for child in tree}


def json_object(response: TestResponse) -> dict:
    assert response.mimetype == "application/json", response.mimetype
    answer = response.get_json()
    assert isinstance(answer, dict), answer
    return answer


def post_json(client, path: str, body: bytes, accept: str = JSON) -> TestResponse:
    return client.post(path, data=body, content_type=JSON, headers={"Accept": accept})


@given(who=st.sampled_from(SIGN_ON_PERSONAS), accept=st.sampled_from(ACCEPTS), drawn=whole_json_bodies(CSO_AUTH_FIELDS))
def test_cso_auth_answers_any_body_in_its_own_shape(app, who, accept, drawn):
    CASES["cso-auth"] += 1
    client = fresh_client(app)
    person = persona(who)
    base = {"loginId": person["username"], "password": person["password"], "redactFlag": "1"}
    if person.get("otp_secret"):
        base["otpCode"] = totp.code_at(person["otp_secret"], registry(app).default.clock.now())
    body = json_request_body(base, drawn)
    before = stored(app)

    response = post_json(client, API, body, accept)

    assert_survives(response, body)
    assert response.status_code in (200, 400, 413)
    if response.status_code == 413:
        return assert_nothing_half_made(before, stored(app), ())
    answer = sign_on_answer(response, "CsoAuth")
    assert {"nextGenCSO", "loginResult", "errorDescription"} <= answer.keys(), answer
    signed_on = answer["loginResult"] == "0"
    assert bool(answer["nextGenCSO"]) == signed_on
    assert_nothing_half_made(before, stored(app), {"sessions"} if signed_on else ())


@given(accept=st.sampled_from(ACCEPTS), drawn=whole_json_bodies({"nextGenCSO": Kind.TOKEN}))
def test_cso_logout_answers_any_body_in_its_own_shape(app, accept, drawn):
    CASES["cso-logout"] += 1
    client = fresh_client(app)
    token = api_login(client, "returning-user")["nextGenCSO"]
    body = json_request_body({"nextGenCSO": token}, drawn)
    before = stored(app)

    response = post_json(client, LOGOUT, body, accept)

    assert_survives(response, body)
    assert response.status_code in (200, 400, 413)
    if response.status_code != 413:
        assert "loginResult" in sign_on_answer(response, "CsoLogout")
    assert_nothing_half_made(before, stored(app), ())


@given(mode=st.sampled_from(CAPTCHA_MODES), drawn=whole_json_bodies({"selected": Kind.CHOICE}))
def test_the_captcha_widgets_call_answers_any_body_in_its_own_shape(app, mode, drawn):
    CASES["recaptcha userverify"] += 1
    client = fresh_client(app)
    assert client.post("/_mock/captcha", json={"mode": mode}).status_code == 200
    body = json_request_body({"selected": CHALLENGE_ANSWER}, drawn)
    before = stored(app)

    response = post_json(client, USERVERIFY, body)

    assert_survives(response, body)
    assert response.status_code in (200, 400, 413)
    if response.status_code != 413:
        answer = json_object(response)
        assert answer.keys() & {"token", "challenge", "error"}, answer
        assert answer.keys() <= {"token", "expires_in_ms", "challenge", "error"}, answer
    assert_nothing_half_made(before, stored(app), ())


@given(changes=form_changes({"secret": Kind.TOKEN, "response": Kind.TOKEN}))
def test_siteverify_answers_any_form_in_its_own_shape(app, changes):
    CASES["recaptcha siteverify"] += 1
    client = fresh_client(app)
    body = form_body(changed({"secret": "server-secret", "response": captcha_token(app, client)}, changes))
    before = stored(app)

    response = client.post(SITEVERIFY, data=body, content_type=FORM)

    assert_survives(response, body)
    assert response.status_code in (200, 413)
    if response.status_code == 200:
        answer = json_object(response)
        assert isinstance(answer["success"], bool)
        assert answer["success"] or answer["error-codes"]
    assert_nothing_half_made(before, stored(app), ())


@pytest.mark.parametrize(
    ("path", "base", "fields", "answers"),
    [
        ("/_mock/faults", {}, FAULT_FIELDS, None),
        ("/_mock/captcha", {"mode": "challenge"}, {"mode": Kind.FAULT}, {"mode", "challenge_answer"}),
    ],
    ids=["faults", "captcha"],
)
@given(data=st.data())
def test_the_control_api_answers_any_body_in_its_own_shape(app, path, base, fields, answers, data):
    CASES[f"control {path}"] += 1
    client = fresh_client(app)
    body = json_request_body(base, data.draw(whole_json_bodies(fields), label="body"))
    before = stored(app)

    response = post_json(client, path, body)

    assert_survives(response, body)
    assert response.status_code in (200, 400, 413)
    if response.status_code == 400:
        assert isinstance(json_object(response)["error"], str)
    if response.status_code == 200:
        answer = json_object(response)
        assert answers is None or answer.keys() == answers, answer
    assert_nothing_half_made(before, stored(app), {"settings"} if response.status_code == 200 else ())


JOURNEY_CASES = [
    ("signed-on", {"username": "reginaking04", "court": "txwd"}, {"username": Kind.TEXT, "court": Kind.CHOICE,
     "site": Kind.CHOICE, "client_code": Kind.TEXT}),
    ("linked", {"username": "reginaking04", "court": "txwd", "ecf_login": "rking"},
     {"username": Kind.TEXT, "court": Kind.CHOICE, "ecf_login": Kind.TEXT}),
    ("registration", {"at": "user_information", "account": {"first_name": "Ada"}},
     {"at": Kind.CHOICE, "type": Kind.CHOICE, "account": Kind.TEXT, "user": Kind.TEXT, "payment": Kind.TEXT}),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "base", "fields"), JOURNEY_CASES, ids=[case[0] for case in JOURNEY_CASES])
@given(data=st.data())
def test_a_journey_start_answers_any_body_with_a_4xx_or_its_page(app, kind, base, fields, data):
    CASES[f"control /_mock/journeys/{kind}"] += 1
    client = fresh_client(app)
    body = json_request_body(base, data.draw(whole_json_bodies(fields), label="body"))

    response = post_json(client, f"/_mock/journeys/{kind}", body)

    assert_survives(response, body)
    assert response.status_code in (200, 400, 409, 413, 422)
    if response.status_code != 413:  # the body limit answers before any view
        answer = json_object(response)
        assert isinstance(answer["url" if response.status_code == 200 else "error"], str)
