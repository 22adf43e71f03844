"""Helpers for the unit tests of PACER registration: a valid registrant, each step's POST, and
readers for the messages under fields, the store's row counts and the session cookie."""

from __future__ import annotations

import html
import json
import re
from datetime import date

from fixtures.personas import SECURITY_QUESTIONS

PSC = "/psc/pscof"
STEP1 = f"{PSC}/registration.jsf"
STEP2 = f"{PSC}/registration/user-information.jsf"
STEP3 = f"{PSC}/registration/payment-information.jsf"
STEP4 = f"{PSC}/registration/policies.jsf"
DONE = f"{PSC}/registration/confirmation.jsf"
PRINTABLE = f"{PSC}/registration/policies.pdf"
MANAGE_LOGIN = f"{PSC}/login.xhtml"
MANAGE = f"{PSC}/manage.jsf"
ACTIVATE = f"{PSC}/manage/activate.jsf"
FORGOT_PASSWORD = f"{PSC}/forgotPassword.jsf"
FORGOT_QUESTIONS = f"{PSC}/forgotPassword/questions.jsf"
FORGOT_RESET = f"{PSC}/forgotPassword/reset.jsf"
FORGOT_USERNAME = f"{PSC}/forgotUsername.jsf"

ACCOUNT = {
    "prefix": "Ms.",
    "first_name": "Ada",
    "middle_name": "",
    "last_name": "Lovelace",
    "generation": "",
    "suffix": "",
    "date_of_birth": "1980-12-10",
    "firm": "Analytical Engines LLP",
    "unit": "",
    "address1": "1 Courthouse Way",
    "address2": "Suite 200",
    "address3": "",
    "room": "",
    "city": "Boston",
    "state": "MA",
    "county": "Suffolk County",
    "zip": "02210",
    "country": "United States of America",
    "primary_phone": "617-555-0100",
    "alternate_phone": "",
    "text_phone": "",
    "fax": "",
    "email": "ada.lovelace@example.org",
    "confirm_email": "ada.lovelace@example.org",
    "user_type": "Individual",
}
PASSWORD = "Analytical#Engine1843"
ANSWERS = ("Byron", "London")
USER = {
    "username": "countess.ab",
    "password": PASSWORD,
    "confirm_password": PASSWORD,
    "question1": SECURITY_QUESTIONS[0],
    "answer1": ANSWERS[0],
    "question2": SECURITY_QUESTIONS[1],
    "answer2": ANSWERS[1],
}
CARD_NUMBER = "4111 1111 1111 1111"
CARD = {
    "card_holder": "Ada Lovelace",
    "card_type": "Visa",
    "card_number": CARD_NUMBER,
    "expiry_month": "05",
    "expiry_year": str(date.today().year + 2),
    "use_billing_address": "1",
    "authorize": "1",
}
BILLING = {
    "billing_address1": "2 Engine Row",
    "billing_city": "Boston",
    "billing_state": "MA",
    "billing_zip": "02110",
    "billing_country": "United States of America",
}


def captcha_token(app, client, lifetime_s: float | None = None) -> str:
    """A token the widget would give the client's session."""
    from mock_court.sites.recaptcha import models as recaptcha

    session_key = client.view_state()
    with app.test_request_context():
        return recaptcha.issue_token(session_key, recaptcha.TOKEN_LIFETIME_S if lifetime_s is None else lifetime_s)


def form(base: dict, changes: dict) -> dict:
    """base with changes; a change to None leaves the field out, as an unchecked box is."""
    merged = {**base, **changes}
    return {k: v for k, v in merged.items() if v is not None}


def step1(client, app, token: str | None = "issue", account_type: str | None = None, **changes):
    if account_type:
        client.get(f"{STEP1}?accountType={account_type}")
    data = form({**ACCOUNT, "action": "next"}, changes)
    if token == "issue":
        token = captcha_token(app, client)
    if token is not None:
        data["g-recaptcha-response"] = token
    return client.post(STEP1, data=data)


def step2(client, **changes):
    return client.post(STEP2, data=form({**USER, "action": "next"}, changes))


def step3(client, card: dict | None = None, **changes):
    return client.post(STEP3, data=form({**(card or {}), "action": "next"}, changes))


def step4(client, acknowledge: bool = True):
    data = {"action": "next", **({"acknowledge": "1"} if acknowledge else {})}
    return client.post(STEP4, data=data)


def through_step3(client, app, card: dict | None = None, **account_changes):
    for response in (step1(client, app, **account_changes), step2(client), step3(client, card)):
        assert response.status_code == 302, messages(response)
    return response


def register(client, app, card: dict | None = None, **account_changes):
    """The whole wizard; answers the confirmation page."""
    through_step3(client, app, card, **account_changes)
    response = step4(client)
    assert response.status_code == 302 and response.location.endswith(DONE), messages(response)
    return client.get(DONE)


def messages(response) -> dict[str, str]:
    """The non-empty messages under fields: field name -> message."""
    text = response.get_data(as_text=True)
    found = re.findall(r'id="([\w-]+)-message">([^<]*)</div>', text)
    return {name: html.unescape(message.strip()) for name, message in found if message.strip()}


def page_text(response) -> str:
    """The page's text, tags removed and spaces collapsed."""
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", response.get_data(as_text=True), flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


# What a browser holds while it fills a form (its session, its captcha tokens): not stored data.
TRANSIENT_TABLES = ("web_sessions", "captcha_tokens")


def count_rows(app) -> dict[str, int]:
    """Rows in every table of what the mock stores, the transient tables aside."""
    from mock_court.core.store import get_db

    with app.app_context():
        db = get_db()
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables if t not in TRANSIENT_TABLES}


def account_row(app, **where) -> dict | None:
    from mock_court.core.store import get_db

    ((column, value),) = where.items()
    with app.app_context():
        row = get_db().execute(f"SELECT * FROM accounts WHERE {column} = ?", (value,)).fetchone()
        return dict(row) if row else None


def database_dump(app) -> str:
    from mock_court.core.store import get_db

    with app.app_context():
        return "\n".join(get_db().iterdump())


def session_data(app, client) -> str:
    """What the server keeps for the client's session, as stored ("" when there is none)."""
    from mock_court.core.sessions import COOKIE, serializer
    from mock_court.core.store import get_db

    cookie = client.get_cookie(COOKIE)
    with app.app_context():
        row = get_db().execute("SELECT data FROM web_sessions WHERE id = ?", (cookie and cookie.value,)).fetchone()
    return json.dumps(serializer.loads(row["data"])) if row else ""


def letters_for(client, account_number: str) -> list[dict]:
    return client.get(f"/_mock/outbox?channel=mail&account_number={account_number}").get_json()


def activation_code(letter: dict) -> str:
    found = re.search(r"Activation Code: (\S+)", letter["body"])
    if found is None:
        raise AssertionError(f"the letter holds no activation code: {letter['body']!r}")
    return found.group(1)


def manage_log_in(client, username: str, password: str):
    return client.post(MANAGE_LOGIN, data={"username": username, "password": password})
