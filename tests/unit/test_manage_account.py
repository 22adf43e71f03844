"""Manage My Account (blueprint psc): logging in, and activating case search privileges with the mailed code."""

from __future__ import annotations

import pytest

from mock_court.sites.psc import models as accounts
from tests.unit.registration_helpers import (
    ACTIVATE,
    MANAGE,
    MANAGE_LOGIN,
    PASSWORD,
    USER,
    account_row,
    activation_code,
    letters_for,
    manage_log_in,
    messages,
    page_text,
    register,
)
from tests.unit.signon_helpers import persona


def test_the_login_page(client):
    text = page_text(client.get(MANAGE_LOGIN))
    for words in ("Manage My Account", "Username *", "Password *", "Login", "Forgot Password", "Forgot Username"):
        assert words in text


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("returning-user", "wrong-password", accounts.BAD_LOGIN),
        ("nobody-at-all", "whatever", accounts.BAD_LOGIN),
        ("", "", accounts.BAD_LOGIN),
        ("inactive-user", None, accounts.INACTIVE),
    ],
)
def test_login_refusals(client, username, password, message):
    if username in ("returning-user", "inactive-user"):
        p = persona(username)
        username, password = p["username"], password or p["password"]
    response = manage_log_in(client, username, password)
    assert response.status_code == 200 and message in page_text(response)
    assert client.get(MANAGE).location.endswith(MANAGE_LOGIN)


def test_an_active_account_sees_its_summary(client):
    p = persona("returning-user")
    assert manage_log_in(client, p["username"], p["password"]).location.endswith(MANAGE)
    text = page_text(client.get(MANAGE))
    assert f"Account Number {p['account_number']}" in text and "Account Status Active" in text
    assert "Activate Case Search Privileges" not in text
    assert client.get(ACTIVATE).location.endswith(MANAGE)  # nothing to activate


def test_the_awaiting_activation_persona_has_its_letter_and_is_told_to_activate(client):
    p = persona("awaiting-activation")
    assert activation_code(letters_for(client, p["account_number"])[0]) == p["activation_code"]
    manage_log_in(client, p["username"], p["password"])
    text = page_text(client.get(MANAGE))
    assert "PACER User Not Activated" in text and "Account Status Not activated" in text
    assert 'href="/psc/pscof/manage/activate.jsf">Activate Case Search Privileges</a>' in client.get(MANAGE).get_data(
        as_text=True
    )


@pytest.mark.parametrize(
    ("code", "message"),
    [
        ("", "Activation Code is required."),
        ("ABCD-1234-EFGH", accounts.WRONG_CODE),
    ],
)
def test_a_wrong_activation_code_changes_nothing(app, client, code, message):
    p = persona("awaiting-activation")
    manage_log_in(client, p["username"], p["password"])
    response = client.post(ACTIVATE, data={"activation_code": code})
    assert messages(response) == {"activation_code": message}
    assert account_row(app, username=p["username"])["status"] == "not-activated"


@pytest.mark.parametrize("typed", ["{code}", "{lower}", " {bare} "])
def test_the_right_code_activates_however_it_is_typed(app, client, typed):
    p = persona("awaiting-activation")
    code = p["activation_code"]
    manage_log_in(client, p["username"], p["password"])
    response = client.post(
        ACTIVATE, data={"activation_code": typed.format(code=code, lower=code.lower(), bare=code.replace("-", ""))}
    )
    assert response.location.endswith(MANAGE)
    text = page_text(client.get(MANAGE))
    assert "Your case search privileges have been activated." in text and "Account Status Active" in text
    row = account_row(app, username=p["username"])
    assert row["status"] == "active" and row["activation_code_hash"] is None


def test_activation_needs_a_login(client):
    assert client.get(ACTIVATE).location.endswith(MANAGE_LOGIN)
    assert client.post(ACTIVATE, data={"activation_code": "X"}).location.endswith(MANAGE_LOGIN)


def test_register_without_a_card_then_activate_by_the_letter_then_search(app, client):
    register(client, app)
    row = account_row(app, username=USER["username"])
    manage_log_in(client, USER["username"], PASSWORD)
    assert "PACER User Not Activated" in page_text(client.get("/pacer/find-case?party_name=Smith"))
    code = activation_code(letters_for(client, row["account_number"])[0])
    client.post(ACTIVATE, data={"activation_code": code})
    assert account_row(app, username=USER["username"])["status"] == "active"
    assert "No cases found" in page_text(client.get("/pacer/find-case?party_name=Smith"))


def test_log_out(client):
    p = persona("returning-user")
    manage_log_in(client, p["username"], p["password"])
    response = client.post("/psc/pscof/logout")
    assert response.location.endswith(MANAGE_LOGIN)
    assert "You have logged out of Manage My Account." in page_text(client.get(MANAGE_LOGIN))
    assert client.get(MANAGE).location.endswith(MANAGE_LOGIN)
