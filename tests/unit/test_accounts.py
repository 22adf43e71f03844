"""One account lookup for every site: the same username finds the same account everywhere."""

from __future__ import annotations

import pytest

from tests.unit.registration_helpers import MANAGE, manage_log_in
from tests.unit.signon_helpers import JSON, LOGIN_PAGE, persona


def sign_on_page(client, username, password):
    client.post(
        LOGIN_PAGE,
        data={
            "loginForm": "loginForm",
            "loginForm:loginName": username,
            "loginForm:password": password,
            "loginForm:clientCode": "",
        },
    )
    return client.get_cookie("NextGenCSO") is not None


def sign_on_api(client, username, password):
    answer = client.post(
        "/login/services/cso-auth", json={"loginId": username, "password": password}, headers=JSON
    ).get_json()
    return answer["loginResult"] == "0"


def manage_my_account(client, username, password):
    manage_log_in(client, username, password)
    return client.get(MANAGE).status_code == 200


@pytest.mark.parametrize("sign_on", [sign_on_page, sign_on_api, manage_my_account])
@pytest.mark.parametrize("spelling", [str.upper, str.title, lambda name: f"  {name} "])
def test_usernames_match_without_regard_to_case_or_surrounding_space(client, sign_on, spelling):
    who = persona("returning-user")
    assert sign_on(client, spelling(who["username"]), who["password"])


@pytest.mark.parametrize("sign_on", [sign_on_page, sign_on_api, manage_my_account])
def test_a_different_username_is_refused_everywhere(client, sign_on):
    who = persona("returning-user")
    assert not sign_on(client, who["username"] + "x", who["password"])
