"""No script from a request ever runs in a page: every value a page echoes back is written escaped.

Each test puts script payloads into a field a page shows again and checks the raw HTML: the
payload is there only escaped (as HTML text, or as JSON inside an attribute), and none of its
markup is. A `|safe` on any echoed value makes these tests fail.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from jinja2.utils import htmlsafe_json_dumps
from markupsafe import escape

from mock_court.core.fields import TEXT_MAX
from mock_court.sites.psc import forms
from tests.unit.registration_helpers import (
    BILLING,
    CARD,
    DONE,
    FORGOT_PASSWORD,
    FORGOT_USERNAME,
    MANAGE,
    MANAGE_LOGIN,
    STEP2,
    STEP3,
    STEP4,
    USER,
    account_row,
    letters_for,
    manage_log_in,
    messages,
    register,
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

PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'--></style></script><svg onload=alert(1)>",
    "{{7*7}}",
)
SHORT_PAYLOADS = ("<script>alert(1)", '"><svg onload=1>', "{{7*7}}")  # for pscCourtId: 16 characters at most
RAW_MARKUP = ("<script>alert", "<img src=x onerror", "<svg onload")

MOCK_COURT = Path(__file__).parents[2] / "mock_court"
# Every field of step 1 typed as text: all but the lists to choose from.
STEP1_TEXT_FIELDS = tuple(
    name
    for name, _label, _required in forms.ACCOUNT_FIELDS
    if name not in (*forms.CHOICES, "state", "county", "country")
)
FREE_TEXT_FIELDS = ("firm", "unit", "address1", "address2", "address3", "room", "city")  # accept any text
BILLING_COPIED_FIELDS = ("address1", "address2", "city")  # step 3 carries them for "Use billing address"
STEP3_TEXT_FIELDS = ("card_holder", "billing_address1", "billing_address2", "billing_city", "billing_zip")


def escaped_forms(payload: str) -> set[str]:
    """How a page may write the payload safely: as HTML text, or as JSON in an attribute (|tojson)."""
    return {str(escape(payload)), str(htmlsafe_json_dumps(payload))[1:-1]}


def assert_no_raw_markup(response, payload: str) -> None:
    page = response.get_data(as_text=True)
    for markup in RAW_MARKUP:
        assert markup not in page.lower(), f"unescaped {markup!r} in the page"
    if str(escape(payload)) != payload:
        assert payload not in page, "the payload is written unescaped"


def assert_echoed_escaped(response, payload: str) -> None:
    """The page shows the payload again, but only escaped ("{{7*7}}" shown as typed, never as 49)."""
    assert_no_raw_markup(response, payload)
    page = response.get_data(as_text=True)
    assert any(form in page for form in escaped_forms(payload)), "the payload is not echoed at all"


def json_string(value: str) -> str:
    """A string as a JSON document spells it, without its quotes."""
    return json.dumps(value)[1:-1]


# ---- The templates and scripts themselves ---------------------------------------------------------


@pytest.mark.parametrize("template", sorted(MOCK_COURT.glob("templates/**/*.html")), ids=lambda p: p.name)
def test_no_template_turns_escaping_off(template):
    source = template.read_text()
    assert not re.search(r"\|\s*safe\b", source)
    assert not re.search(r"autoescape\s+false", source, re.I)
    assert "Markup(" not in source


@pytest.mark.parametrize("script", sorted(MOCK_COURT.glob("static/*.js")), ids=lambda p: p.name)
def test_no_script_writes_html(script):
    source = script.read_text()
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in source


def test_templates_autoescape(app):
    autoescape = app.jinja_env.autoescape
    assert autoescape("page.html") if callable(autoescape) else autoescape


# ---- Registration ---------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", STEP1_TEXT_FIELDS)
def test_step1_shows_a_refused_form_again_escaped(app, client, field, payload):
    response = step1(client, app, token=None, **{field: payload})  # no captcha: refused whatever the field
    assert response.status_code == 200 and "user_verification" in messages(response)
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", FREE_TEXT_FIELDS)
def test_the_account_may_already_exist_dialog_shows_the_entries_escaped(app, client, field, payload):
    who = persona("returning-user")
    same_person = {
        "first_name": who["first_name"],
        "last_name": who["last_name"],
        "date_of_birth": who["date_of_birth"],
    }
    response = step1(client, app, **same_person, **{field: payload})
    assert response.status_code == 200 and 'id="duplicateDialog"' in response.get_data(as_text=True)
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", BILLING_COPIED_FIELDS)
def test_later_steps_carry_step1s_entries_escaped(app, client, field, payload):
    assert step1(client, app, **{field: payload}).status_code == 302
    assert_no_raw_markup(client.get(STEP2), payload)
    assert step2(client).status_code == 302
    assert_echoed_escaped(client.get(STEP3), payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_step2_shows_a_refused_username_escaped(app, client, payload):
    step1(client, app)
    response = step2(client, username=payload)
    assert response.status_code == 200 and "username" in messages(response)
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", STEP3_TEXT_FIELDS)
def test_step3_shows_a_refused_card_escaped(app, client, field, payload):
    step1(client, app), step2(client)
    response = step3(client, {**CARD, **BILLING, "card_number": "", field: payload})
    assert response.status_code == 200 and "card_number" in messages(response)
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", ("card_holder", "billing_address1", "billing_address2", "billing_city"))
def test_step3_shows_a_kept_card_escaped_on_the_way_back(app, client, field, payload):
    step1(client, app), step2(client)
    assert step3(client, {**CARD, **BILLING, field: payload}).status_code == 302
    assert_no_raw_markup(client.get(STEP4), payload)
    assert_echoed_escaped(client.get(STEP3), payload)


@pytest.fixture(params=PAYLOADS)
def registered_with_payloads(request, app, client):
    """An account (no card: it gets a letter) whose every free-text field holds the payload; the
    confirmation page. The last name carries an apostrophe: names allow no markup."""
    payload = request.param
    confirmation = register(client, app, last_name="O'Hara", **dict.fromkeys(FREE_TEXT_FIELDS, payload))
    return payload, confirmation


def test_the_confirmation_page_writes_nothing_unescaped(registered_with_payloads):
    payload, confirmation = registered_with_payloads
    assert confirmation.request.path == DONE
    assert_no_raw_markup(confirmation, payload)


def test_manage_my_account_shows_the_account_escaped(registered_with_payloads, client):
    payload, _ = registered_with_payloads
    assert manage_log_in(client, USER["username"], USER["password"]).status_code == 302
    summary = client.get(MANAGE)
    assert summary.status_code == 200
    assert_no_raw_markup(summary, payload)
    assert_echoed_escaped(summary, "O'Hara")


def test_the_outbox_is_json_with_the_letter_as_entered(registered_with_payloads, app, client):
    payload, _ = registered_with_payloads
    number = account_row(app, username=USER["username"])["account_number"]
    response = client.get(f"/_mock/outbox?channel=mail&account_number={number}")
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert json_string(f"{payload}, {payload}") in response.get_data(as_text=True)  # address lines 1 and 2
    (letter,) = letters_for(client, number)
    assert f"Ada O'Hara\n{payload}\n{payload}\n{payload}, MA 02210" in letter["body"]
    assert letter["recipient"].startswith(f"Ada O'Hara, {payload}, {payload}")


# ---- Forms that show what they refused -------------------------------------------------------------

REFUSED_FORMS = [
    # (form, path, fields sent, field holding the payload)
    ("Forgot Password", FORGOT_PASSWORD, {"username": "jacevedo01", "email": "nobody@example.org"}, "username"),
    ("Forgot Password", FORGOT_PASSWORD, {"username": "jacevedo01"}, "email"),
    ("Forgot Password", FORGOT_PASSWORD, {"username": "jacevedo01"}, "account_number"),
    ("Forgot Password", FORGOT_PASSWORD, {"username": "jacevedo01"}, "date_of_birth"),
    ("Forgot Username", FORGOT_USERNAME, {}, "account_number"),
    ("Manage My Account", MANAGE_LOGIN, {"password": "Wrong#Password2026"}, "username"),
    ("legacy CM/ECF login", ecf_url("txwd", "login.pl"), {"key": "wrong"}, "login"),
]


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize(
    ("path", "sent", "field"), [case[1:] for case in REFUSED_FORMS], ids=[f"{c[0]}-{c[3]}" for c in REFUSED_FORMS]
)
def test_a_refused_form_shows_the_entry_escaped(client, path, sent, field, payload):
    response = client.post(path, data={**sent, field: payload})
    assert response.status_code == 200
    assert_echoed_escaped(response, payload)


# ---- Central sign-on -------------------------------------------------------------------------------

SIGN_ON_FIELDS = ("username", "client_code", "appurl")  # submit_login's names of loginName, clientCode, appurl


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("field", SIGN_ON_FIELDS)
def test_sign_on_shows_a_refused_login_escaped(client, field, payload):
    entered = {"username": "jacevedo01", "password": "Wrong#Password2026", field: payload}
    response = submit_login(client, **entered)
    assert response.status_code == 200
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", SHORT_PAYLOADS)
def test_sign_on_shows_a_refused_logins_court_escaped(client, payload):
    response = submit_login(client, "jacevedo01", "Wrong#Password2026", court=payload)
    assert response.status_code == 200
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", SHORT_PAYLOADS)
def test_sign_on_writes_its_query_into_hidden_fields_escaped(client, payload):
    response = client.get(LOGIN_PAGE, query_string={"pscCourtId": payload, "appurl": payload + "x" * 20})
    assert response.status_code == 200
    assert_echoed_escaped(response, payload)
    assert_echoed_escaped(response, payload + "x" * 20)


# ---- A court's CM/ECF and website ----------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_link_account_shows_a_refused_login_escaped(client, payload):
    sign_on_to_court(client, "filer-txwd", "txwd")
    response = enter_ecf_credentials(client, "txwd", payload, "wrong-password")
    assert response.status_code == 200 and 'id="link-error"' in response.get_data(as_text=True)
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_an_unknown_menu_is_named_escaped(client, payload):
    sign_on_to_court(client, "filer-txwd", "txwd")
    response = client.get(ecf_url("txwd", "DisplayMenu.pl"), query_string=payload)
    assert response.status_code == 404
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_court_forgot_credentials_writes_a_login_only_escaped(client, payload):
    path = "/court/txwd/forgot-username-password"
    assert_no_raw_markup(client.post(path, data={"ecf_login": payload}), payload)  # accepted: not shown
    too_long = payload + "x" * TEXT_MAX
    response = client.post(path, data={"ecf_login": too_long})
    assert 'id="reset-error"' in response.get_data(as_text=True)
    assert_echoed_escaped(response, too_long)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_find_a_case_shows_the_search_escaped(client, payload):
    log_in(client, "returning-user")
    response = client.get("/pacer/find-case", query_string={"party_name": payload})
    assert "No cases found" in response.get_data(as_text=True)
    assert_echoed_escaped(response, payload)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_json_that_echoes_a_request_is_served_as_json(client, payload):
    response = client.get("/psc/pscof/counties", query_string={"state": payload})
    assert response.status_code == 404 and response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert json_string(payload) in response.get_data(as_text=True)
