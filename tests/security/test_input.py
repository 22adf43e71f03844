"""Bad input is a 4xx or a message beside its field: never a 500, never stored."""

from __future__ import annotations

import pytest

from tests.security.helpers import NEW_PASSWORD, at_reset_stage
from tests.unit.registration_helpers import (
    ACTIVATE,
    CARD,
    FORGOT_PASSWORD,
    FORGOT_QUESTIONS,
    FORGOT_RESET,
    FORGOT_USERNAME,
    MANAGE_LOGIN,
    STEP2,
    STEP3,
    USER,
    count_rows,
    manage_log_in,
    messages,
    page_text,
    step1,
    step2,
)
from tests.unit.signon_helpers import JSON, LOGIN_PAGE, ecf_url, persona, sign_on_to_court

DEEP = "[" * 5000 + "]" * 5000
TOO_LONG = "x" * 61


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("/login/services/cso-auth", "<loginResult>1</loginResult>"),
        ("/login/services/cso-logout", "<loginResult>1</loginResult>"),
        ("/recaptcha/api2/userverify", '"error"'),
        ("/_mock/faults", '"error"'),
        ("/_mock/captcha", '"error"'),
    ],
)
def test_json_nested_deeper_than_any_client_sends_is_a_400_in_the_apis_shape(client, path, shape):
    response = client.post(path, data=DEEP, content_type="application/json")
    assert response.status_code == 400
    assert shape in response.get_data(as_text=True)
    assert client.get("/pacer/register-account").status_code == 200


@pytest.mark.parametrize("body", [{"http500": 42}, {"http500": {"a": 1}}, {"http500": [1, 2]}])
def test_a_fault_of_the_wrong_type_is_a_400_and_the_mock_keeps_serving(client, body):
    assert client.post("/_mock/faults", json=body).status_code == 400
    assert client.post("/_mock/reset").status_code == 200
    assert client.get("/pacer/register-account").status_code == 200


@pytest.mark.parametrize("body", [[1, 2], "text", 7])
def test_json_that_is_not_an_object_is_a_4xx(client, body):
    for path in ("/recaptcha/api2/userverify", "/_mock/captcha", "/_mock/faults", "/login/services/cso-auth"):
        assert client.post(path, json=body).status_code < 500


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("card_number", "⁴¹¹¹¹¹¹¹¹¹¹¹¹¹¹¹"),  # superscript digits: str.isdigit() says yes, int() says no
        ("card_number", "٤١١١١١١١١١١١١١١١"),  # Arabic-Indic digits: int() would take them
        ("expiry_month", "٠٥"),
    ],
)
def test_digits_of_other_scripts_are_a_field_error(app, client, field, value):
    step1(client, app), step2(client)
    response = client.post(STEP3, data={**CARD, field: value, "action": "next"})
    assert response.status_code == 200
    assert messages(response).keys() & {"card_number", "expiry"}


LONG_FIELDS = [
    # (what, set-up, path, form, field)
    ("registration step 2", "step1", STEP2, {**USER, "action": "next"}, "answer1"),
    ("registration step 3", "step2", STEP3, {**CARD, "action": "next"}, "card_holder"),
    ("registration step 3", "step2", STEP3, {**CARD, "action": "next"}, "billing_city"),
    ("Forgot Password", None, FORGOT_PASSWORD, {"username": "someone-here"}, "email"),
    ("Forgot Password", None, FORGOT_PASSWORD, {"email": "a@b.org"}, "username"),
    ("Forgot Password questions", "identified", FORGOT_QUESTIONS, {"answer2": "x"}, "answer1"),
    ("Forgot Username", None, FORGOT_USERNAME, {}, "account_number"),
    ("Manage My Account", None, MANAGE_LOGIN, {"password": "x"}, "username"),
    ("Activate", "awaiting", ACTIVATE, {}, "activation_code"),
    ("sign-on", None, LOGIN_PAGE, {"loginForm": "loginForm", "loginForm:password": "x"}, "loginForm:loginName"),
    ("CM/ECF link", "signed-on", ecf_url("txwd", "LinkAccount.pl"), {"ecf_password": "x"}, "ecf_login"),
    ("court website", None, "/court/txwd/forgot-username-password", {}, "ecf_login"),
]


def set_up(app, client, how: str | None) -> None:
    if how in ("step1", "step2"):
        step1(client, app)
    if how == "step2":
        step2(client)
    if how == "identified":
        who = persona("returning-user")
        client.post(FORGOT_PASSWORD, data={"username": who["username"], "email": who["email"]})
    if how == "awaiting":
        who = persona("awaiting-activation")
        manage_log_in(client, who["username"], who["password"])
    if how == "signed-on":
        sign_on_to_court(client, "filer-txwd", "txwd")


@pytest.mark.parametrize(
    ("what", "how", "path", "form", "field"), LONG_FIELDS, ids=lambda v: v if isinstance(v, str) else ""
)
def test_a_value_longer_than_its_field_allows_is_refused_beside_the_field(app, client, what, how, path, form, field):
    set_up(app, client, how)
    before = count_rows(app)
    limit = 10 if field == "account_number" else 20 if field == "activation_code" else 60
    response = client.post(path, data={**form, field: "7" * (limit + 1)})
    assert response.status_code == 200, what
    assert f"must be at most {limit} characters" in page_text(response), what
    assert count_rows(app) == before


@pytest.mark.parametrize("field", ["appurl", "pscCourtId"])
def test_an_oversized_hidden_field_is_a_400_not_a_huge_cookie(client, field):
    who = persona("returning-user")
    form = {"loginForm": "loginForm", "loginForm:loginName": who["username"], "loginForm:password": who["password"]}
    response = client.post(LOGIN_PAGE, data={**form, field: "/" + "a" * 100_000})
    assert response.status_code == 400
    assert all(len(cookie) < 200 for cookie in response.headers.getlist("Set-Cookie"))
    assert client.get_cookie("NextGenCSO") is None


def test_a_body_over_one_megabyte_is_a_413(client):
    response = client.post(LOGIN_PAGE, data={"loginForm:loginName": "x" * (1024 * 1024 + 1)})
    assert response.status_code == 413


def test_a_json_body_over_one_megabyte_is_a_413(client):
    response = client.post(
        "/login/services/cso-auth", data="x" * (1024 * 1024 + 1), content_type="application/json", headers=JSON
    )
    assert response.status_code == 413


@pytest.mark.parametrize("field", ["address2", "address3"])
def test_an_address_line_too_long_is_refused_beside_it(app, client, field):
    before = count_rows(app)
    response = step1(client, app, **{field: "7" * 61})
    assert response.status_code == 200
    assert "must be at most 60 characters" in messages(response)[field]
    assert count_rows(app) == before


@pytest.mark.parametrize(
    ("field", "value"),
    [("expiry_month", "123"), ("expiry_year", "20301"), ("expiry_year", "9" * 5000)],  # int() refuses 4,300 digits
)
def test_an_expiry_longer_than_its_field_is_refused_beside_it(app, client, field, value):
    step1(client, app), step2(client)
    response = client.post(STEP3, data={**CARD, field: value, "action": "next"})
    assert response.status_code == 200
    assert "must be at most" in messages(response)["expiry"]


def own_form(how: str | None) -> dict:
    """A valid post of the page a set-up leads to: Forgot Password (None), its questions, its reset."""
    who = persona("returning-user")
    if how == "identified":
        return {"answer1": who["security_answers"][0], "answer2": who["security_answers"][1]}
    if how == "answered":
        return {"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD}
    return {"username": who["username"], "email": who["email"]}


@pytest.mark.parametrize(
    ("how", "path", "foreign"),
    [
        (None, FORGOT_PASSWORD, "answer1"),
        ("identified", FORGOT_QUESTIONS, "username"),
        ("answered", FORGOT_RESET, "answer1"),
    ],
    ids=["Forgot Password", "questions", "reset"],
)
def test_an_oversized_field_of_another_page_sent_along_is_ignored(app, client, how, path, foreign):
    """A page checks its own fields: another's was refused with a message the page has no place for."""
    if how == "answered":
        at_reset_stage(client)
    else:
        set_up(app, client, how)
    response = client.post(path, data={foreign: "7" * 61, **own_form(how)})
    assert response.status_code == 302, messages(response)
