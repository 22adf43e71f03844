"""Forgot Password and Forgot Username (blueprint psc)."""

from __future__ import annotations

from datetime import date

import pytest

from mock_court.sites.psc import models as accounts
from tests.unit.registration_helpers import (
    FORGOT_PASSWORD,
    FORGOT_QUESTIONS,
    FORGOT_RESET,
    FORGOT_USERNAME,
    MANAGE,
    MANAGE_LOGIN,
    manage_log_in,
    messages,
    page_text,
)
from tests.unit.signon_helpers import persona

NEW_PASSWORD = "Quarterly#Docket2026"


def identify(client, p, **given):
    return client.post(FORGOT_PASSWORD, data={"username": p["username"], **given})


def answer(client, p, answers=None):
    first, second = answers or p["security_answers"]
    return client.post(FORGOT_QUESTIONS, data={"answer1": first, "answer2": second})


@pytest.mark.parametrize(
    "given",
    [
        lambda p: {"email": p["email"].upper()},
        lambda p: {"account_number": p["account_number"]},
        lambda p: {"date_of_birth": p["date_of_birth"]},
        lambda p: {"date_of_birth": date.fromisoformat(p["date_of_birth"]).strftime("%m/%d/%Y")},
    ],
)
def test_username_with_email_account_number_or_birth_date_leads_to_the_questions(client, given):
    p = persona("returning-user")
    response = identify(client, p, **given(p))
    assert response.location.endswith(FORGOT_QUESTIONS)
    text = page_text(client.get(FORGOT_QUESTIONS))
    from fixtures.personas import SECURITY_QUESTIONS

    assert SECURITY_QUESTIONS[0] in text and SECURITY_QUESTIONS[1] in text


@pytest.mark.parametrize(
    ("form", "slot", "message"),
    [
        ({"username": "", "email": "x@y.org"}, "username", "Username is required."),
        ({"username": "someone"}, "identity", "Enter your email address, account number or date of birth."),
    ],
)
def test_forgot_password_needs_a_username_and_one_more_item(client, form, slot, message):
    assert messages(client.post(FORGOT_PASSWORD, data=form)) == {slot: message}


@pytest.mark.parametrize(
    "given",
    [
        {"email": "someone.else@example.org"},
        {"account_number": "4100099"},
        {"date_of_birth": "1901-01-01"},
    ],
)
def test_forgot_password_refuses_items_that_do_not_match(client, given):
    response = identify(client, persona("returning-user"), **given)
    assert accounts.NO_MATCH in page_text(response)
    assert client.get(FORGOT_QUESTIONS).location.endswith(FORGOT_PASSWORD)


def test_an_unknown_username_gets_the_same_answer(client):
    response = client.post(FORGOT_PASSWORD, data={"username": "nobody-here", "email": "a@b.org"})
    assert accounts.NO_MATCH in page_text(response)


def test_wrong_answers_are_refused_and_the_reset_waits(client):
    p = persona("returning-user")
    identify(client, p, email=p["email"])
    response = answer(client, p, (p["security_answers"][0], "wrong"))
    assert accounts.WRONG_ANSWERS in page_text(response)
    assert client.get(FORGOT_RESET).location.endswith(FORGOT_PASSWORD)


@pytest.mark.parametrize(
    ("password", "confirm", "slot", "message"),
    [
        ("", NEW_PASSWORD, "password", "Password is required."),
        ("Short#1a", "Short#1a", "password", "Password must be 14 to 45 characters."),
        ("nouppercase#1234", "nouppercase#1234", "password", "Password must include an uppercase letter."),
        ("NOLOWERCASE#1234", "NOLOWERCASE#1234", "password", "Password must include a lowercase letter."),
        ("NoSpecialChar12345", "NoSpecialChar12345", "password", "Password must include a special character."),
        (
            "{last}#Docket2026",
            "{last}#Docket2026",
            "password",
            "Password must not contain any part of your first or last name, username or email address.",
        ),
        (NEW_PASSWORD, "", "confirm_password", "Confirm New Password is required."),
        (NEW_PASSWORD, NEW_PASSWORD + "x", "confirm_password", "Passwords do not match."),
    ],
)
def test_the_new_password_follows_the_registration_rules(client, password, confirm, slot, message):
    p = persona("returning-user")
    identify(client, p, email=p["email"])
    answer(client, p)
    data = {"password": password.format(last=p["last_name"]), "confirm_password": confirm.format(last=p["last_name"])}
    response = client.post(FORGOT_RESET, data=data)
    assert messages(response) == {slot: message}


def test_forgot_password_end_to_end(app, client):
    p = persona("returning-user")
    assert identify(client, p, account_number=p["account_number"]).location.endswith(FORGOT_QUESTIONS)
    answers = (f"  {p['security_answers'][0].upper()} ", p["security_answers"][1].lower())
    assert answer(client, p, answers).location.endswith(FORGOT_RESET)
    assert 'role="tooltip"' in client.get(FORGOT_RESET).get_data(as_text=True)
    response = client.post(FORGOT_RESET, data={"password": NEW_PASSWORD, "confirm_password": NEW_PASSWORD})
    assert response.location.endswith(MANAGE_LOGIN)
    assert "Your password has been reset." in page_text(client.get(MANAGE_LOGIN))
    assert client.get(FORGOT_RESET).location.endswith(FORGOT_PASSWORD)  # done: no second reset
    assert accounts.BAD_LOGIN in page_text(manage_log_in(client, p["username"], p["password"]))
    assert manage_log_in(client, p["username"], NEW_PASSWORD).location.endswith(MANAGE)
    from tests.unit.registration_helpers import database_dump

    assert NEW_PASSWORD not in database_dump(app)


@pytest.mark.parametrize(
    ("number", "message"),
    [
        ("", "Account Number is required."),
        ("4199999", "No account was found with that account number."),
    ],
)
def test_forgot_username_refusals(client, number, message):
    assert messages(client.post(FORGOT_USERNAME, data={"account_number": number})) == {"account_number": message}


def test_forgot_username_emails_the_username(client):
    p = persona("returning-user")
    response = client.post(FORGOT_USERNAME, data={"account_number": f" {p['account_number']} "})
    assert "Your username has been sent to the email address on file" in page_text(response)
    mail = client.get(f"/_mock/outbox?channel=email&account_number={p['account_number']}").get_json()
    assert len(mail) == 1 and mail[0]["recipient"] == p["email"]
    assert p["username"] in mail[0]["body"] and p["password"] not in mail[0]["body"]
