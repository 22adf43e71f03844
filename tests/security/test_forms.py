"""Forms as the real sites keep them: a ViewState in every form, and no posts from another site."""

from __future__ import annotations

import re

import pytest

from mock_court.core.viewstate import FIELD
from tests.unit.signon_helpers import JSON, LOGIN_PAGE, persona

FORM_PAGES = [
    "/login/csologin/login.jsf",
    "/psc/pscof/registration.jsf",
    "/psc/pscof/login.xhtml",
    "/psc/pscof/forgotPassword.jsf",
    "/psc/pscof/forgotUsername.jsf",
    "/court/txwd/forgot-username-password",
    "/ecf/txwd/cgi-bin/login.pl",
]


def view_state_of(page: str) -> str:
    found = re.search(rf'name="{re.escape(FIELD)}" id="[^"]+" value="([^"]+)"', page)
    assert found, "the page has no ViewState"
    return found.group(1)


def login_form(who: dict, **extra) -> dict:
    return {
        "loginForm": "loginForm",
        "loginForm:loginName": who["username"],
        "loginForm:password": who["password"],
        **extra,
    }


@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_form_carries_the_sessions_view_state(raw_client, path):
    page = raw_client.get(path).get_data(as_text=True)
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", page, re.S)
    assert forms
    for form in forms:
        assert f'name="{FIELD}"' in form
    assert len(set(re.findall(rf'name="{re.escape(FIELD)}" id="[^"]+" value="([^"]+)"', page))) == 1


@pytest.mark.parametrize("given", [None, "forged-token", "", "é" * 32])  # é: compare_digest refuses non-ASCII text
def test_a_post_without_the_sessions_view_state_is_refused(raw_client, given):
    raw_client.get(LOGIN_PAGE)
    extra = {} if given is None else {FIELD: given}
    response = raw_client.post(LOGIN_PAGE, data=login_form(persona("returning-user"), **extra))
    assert response.status_code == 403
    assert raw_client.get_cookie("NextGenCSO") is None


def test_a_post_with_the_sessions_view_state_goes_through(raw_client):
    token = view_state_of(raw_client.get(LOGIN_PAGE).get_data(as_text=True))
    response = raw_client.post(LOGIN_PAGE, data=login_form(persona("returning-user"), **{FIELD: token}))
    assert response.status_code == 302 and raw_client.get_cookie("NextGenCSO") is not None


def test_another_sessions_view_state_is_refused(app, raw_client):
    other = type(raw_client)(app, app.response_class, use_cookies=True)
    token = view_state_of(other.get(LOGIN_PAGE).get_data(as_text=True))
    raw_client.get(LOGIN_PAGE)
    response = raw_client.post(LOGIN_PAGE, data=login_form(persona("returning-user"), **{FIELD: token}))
    assert response.status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Origin": "https://attacker.example"},
        {"Origin": "https://attacker.example", "Referer": "http://localhost/login/csologin/login.jsf"},
        {"Origin": "http://["},  # no origin at all
    ],
)
def test_a_post_from_another_site_is_refused_and_changes_nothing(client, headers):
    response = client.post(LOGIN_PAGE, data=login_form(persona("returning-user")), headers=headers)
    assert response.status_code == 403
    assert client.get_cookie("NextGenCSO") is None


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "same-origin", "Origin": "http://localhost"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://psc.localhost"},  # the sites on hosts of their own
        {"Origin": "http://localhost"},
        {},
    ],
)
def test_a_post_from_the_mocks_own_sites_goes_through(client, headers):
    response = client.post(LOGIN_PAGE, data=login_form(persona("returning-user")), headers=headers)
    assert response.status_code == 302 and client.get_cookie("NextGenCSO") is not None


def test_the_json_sign_on_api_works_for_clients_that_are_not_browsers(raw_client):
    who = persona("returning-user")
    body = {"loginId": who["username"], "password": who["password"], "redactFlag": "1"}
    assert raw_client.post("/login/services/cso-auth", json=body, headers=JSON).get_json()["loginResult"] == "0"


def test_the_json_sign_on_api_refuses_a_cross_site_browser_post(raw_client):
    who = persona("returning-user")
    body = {"loginId": who["username"], "password": who["password"]}
    response = raw_client.post("/login/services/cso-auth", json=body, headers={**JSON, "Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 403
