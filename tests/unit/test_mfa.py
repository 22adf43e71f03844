"""Multifactor authentication: the prompt and its three skips, User Update Required, enrolment
in Manage My Account, backup codes, passcodes at sign-on and in the API, the control switch."""

from __future__ import annotations

import base64
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import cv2
import numpy as np
import pytest

from mock_court.core import mfa as core_mfa
from mock_court.sites.login import totp
from mock_court.sites.psc import mfa as psc_mfa
from tests.unit import mfa_helpers as h
from tests.unit.signon_helpers import (
    LOGIN_PAGE,
    acknowledge_redaction,
    api_login,
    ecf_url,
    enter_passcode,
    persona,
    personas,
    text,
)

WHEN = datetime(2026, 3, 2, 15, 0, 10, tzinfo=timezone.utc)


@pytest.fixture
def client(app, clock):
    clock.freeze(WHEN)
    return app.test_client()


def signed_on(client) -> bool:
    return client.get_cookie("NextGenCSO") is not None


def state_of(client, persona_id: str) -> dict:
    return client.get("/_mock/mfa", query_string={"username": persona(persona_id)["username"]}).get_json()


# --- Personas and the control switch -----------------------------------------------------------


def test_every_persona_has_an_mfa_state_and_enrolled_ones_their_secret_and_codes(client):
    served = {p["id"]: p for p in client.get("/_mock/personas").get_json()}
    assert {p["mfa"] for p in served.values()} == set(core_mfa.STATES)
    for who in served.values():
        assert state_of(client, who["id"])["mfa"] == who["mfa"], who["id"]
        enrolled = who["mfa"] == "enrolled"
        assert ("otp_secret" in who, "backup_codes" in who) == (enrolled, enrolled), who["id"]
        if enrolled:
            assert len(who["backup_codes"]) == 10
    for court in ("txwd", "mad", "moeb"):
        assert served[f"filer-{court}"]["mfa"] == "enrolled"


@pytest.mark.parametrize("wanted", core_mfa.STATES)
def test_the_control_switch_puts_an_account_in_each_state(client, wanted):
    username = persona("returning-user")["username"]
    answer = client.post("/_mock/mfa", json={"username": username, "mfa": wanted}).get_json()
    assert answer["mfa"] == wanted
    assert state_of(client, "returning-user")["mfa"] == wanted
    if wanted == "enrolled":
        code = totp.code_at(answer["otp_secret"], WHEN)
        assert api_login(client, "returning-user", otpCode=code)["loginResult"] == "0"


@pytest.mark.parametrize("body", [{}, {"username": "nobody-at-all", "mfa": "due"}, {"username": 3}])
def test_the_control_switch_refuses_what_names_no_account_or_state(client, body):
    assert client.post("/_mock/mfa", json=body).status_code == 400
    username = persona("returning-user")["username"]
    assert client.post("/_mock/mfa", json={"username": username, "mfa": "maybe"}).status_code == 400


# --- The prompt at sign-on ---------------------------------------------------------------------


def test_three_skips_are_counted_per_account_then_user_update_required_without_skip(client):
    for left in (3, 2, 1):
        page = h.start_login(client, "mfa-due-filer")
        assert f"skip this {left} more time(s)" in text(page)
        assert h.prompt_buttons(page) == ["btnSetUp", "btnSkip", "btnCancel"]
        assert b"regmsg:chkRedact" in h.answer_prompt(client, "btnSkip").data  # on to the redaction agreement
        acknowledge_redaction(client)
        assert signed_on(client)
        client.get("/login/csologin/logout.jsf")
    assert state_of(client, "mfa-due-filer")["mfa"] == "restricted"
    page = h.start_login(client, "mfa-due-filer")
    assert "User Update Required" in text(page)
    assert h.prompt_buttons(page) == ["btnSetUp", "btnCancel"]
    assert state_of(client, "mfa-old-email-filer")["mfa_skips_left"] == 3  # counted per account


def test_a_restricted_account_cannot_skip_even_by_posting_skip(client):
    h.start_login(client, "mfa-restricted-filer")
    refused = h.answer_prompt(client, "btnSkip")
    assert "must be set up before you can proceed" in text(refused)
    assert not signed_on(client)
    assert b"regmsg:chkRedact" not in acknowledge_redaction(client).data


def test_set_up_mfa_opens_manage_my_account_only(client):
    h.start_login(client, "mfa-restricted-filer")
    response = h.answer_prompt(client, "btnSetUp")
    assert response.headers["Location"] == h.METHODS
    assert "Multifactor Authentication Methods" in text(client.get(h.METHODS))
    assert client.get(ecf_url("txwd", "showpage.pl?16")).status_code == 302  # CM/ECF does not honour it
    assert "/login/" in client.get(ecf_url("txwd", "showpage.pl?16")).headers["Location"]


@pytest.mark.parametrize("persona_id", ["returning-user", "linked-filer-txwd"])
def test_accounts_not_required_are_not_prompted(client, persona_id):
    page = h.start_login(client, persona_id)
    assert h.prompt_buttons(page) == []
    assert b'id="otpForm"' not in page.data


def test_cancel_ends_the_sign_on(client):
    h.start_login(client, "mfa-due-filer")
    assert "Login cancelled" in text(h.answer_prompt(client, "btnCancel"))
    assert not signed_on(client)
    assert state_of(client, "mfa-due-filer")["mfa_skips_left"] == 3


# --- Enrolment in Manage My Account --------------------------------------------------------------


def test_the_landing_page_offers_enroll_then_says_enrolled(client):
    h.mma_log_in(client, "mfa-due-filer")
    page = text(client.get("/psc/pscof/manage.jsf"))
    assert "Multifactor Auth" in page and ">Enroll</a>" in page
    h.mma_log_in(client, "filer-txwd")
    assert "Enrolled" in text(client.get("/psc/pscof/manage.jsf"))


def test_a_wrong_emailed_code_is_refused_and_adds_nothing(client):
    who = persona("mfa-due-filer")
    h.mma_log_in(client, "mfa-due-filer")
    client.post(h.METHODS, data={"addApp": "1"})
    right = h.security_code(client, who["email"])
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    refused = client.post(h.SECURITY_CODE, data={"securityCode": wrong})
    assert h.field_error(refused, "securityCode") == psc_mfa.MESSAGES["code-wrong"]
    assert client.get(h.APP_NAME).headers["Location"] == h.METHODS  # no naming before the code
    assert client.post(h.SECURITY_CODE, data={"securityCode": right}).headers["Location"] == h.APP_NAME


def test_a_wrong_six_digit_code_adds_no_app_and_the_right_one_does(client):
    who = persona("mfa-due-filer")
    h.mma_log_in(client, "mfa-due-filer")
    secret = h.secret_shown(h.set_up_app_screen(client, who["email"]))
    right = totp.code_at(secret, WHEN)
    refused = client.post(h.SET_UP_APP, data={"appCode": f"{(int(right) + 1) % 1_000_000:06d}"})
    assert h.field_error(refused, "appCode") == psc_mfa.MESSAGES["app-code-wrong"]
    assert state_of(client, "mfa-due-filer")["mfa"] == "due"
    assert client.post(h.SET_UP_APP, data={"appCode": right}).headers["Location"] == h.METHODS
    assert state_of(client, "mfa-due-filer")["mfa"] == "enrolled"


def test_the_qr_code_decodes_to_the_otpauth_uri_of_the_secret_shown(client):
    who = persona("mfa-due-filer")
    h.mma_log_in(client, "mfa-due-filer")
    page = h.set_up_app_screen(client, who["email"])
    png = text(page).split('id="qr-code" src="data:image/png;base64,', 1)[1].split('"', 1)[0]
    picture = cv2.imdecode(np.frombuffer(base64.b64decode(png), np.uint8), cv2.IMREAD_GRAYSCALE)
    uri = cv2.QRCodeDetector().detectAndDecode(picture)[0]
    parts = urlsplit(uri)
    assert (parts.scheme, parts.netloc, parts.path) == ("otpauth", "totp", f"/PACER:{who['username']}")
    assert parse_qs(parts.query)["secret"] == [h.secret_shown(page)]


def add_app(client, email: str, name: str) -> None:
    secret = h.secret_shown(h.set_up_app_screen(client, email, name))
    assert client.post(h.SET_UP_APP, data={"appCode": totp.code_at(secret, WHEN)}).headers["Location"] == h.METHODS


def test_five_apps_at_most_each_deletable(app, client):
    who = persona("filer-txwd")  # one app already
    h.mma_log_in(client, "filer-txwd")
    for number in range(2, 6):
        add_app(client, who["email"], f"Phone {number}")
    mails = len(client.get("/_mock/outbox").get_json())
    refused = client.post(h.METHODS, data={"addApp": "1"})
    assert h.page_error(refused) == psc_mfa.MESSAGES["too-many-apps"]
    assert len(client.get("/_mock/outbox").get_json()) == mails  # no security code for a sixth
    with app.app_context():
        from mock_court.core.store import get_db

        account_id = get_db().execute("SELECT id FROM accounts WHERE username = ?", (who["username"],)).fetchone()[0]
        app_ids = [row["id"] for row in core_mfa.apps(get_db(), account_id)]
    assert len(app_ids) == 5
    assert client.post(f"/psc/pscof/manage/mfa/apps/{app_ids[1]}/delete").headers["Location"] == h.METHODS
    assert client.post(f"/psc/pscof/manage/mfa/apps/{app_ids[1]}/delete").status_code == 404
    add_app(client, who["email"], "Phone 6")


def test_an_app_name_is_required_and_unique(client):
    who = persona("filer-txwd")
    h.mma_log_in(client, "filer-txwd")
    h.start_add_app(client, who["email"])
    assert h.field_error(client.post(h.APP_NAME, data={"appName": " "}), "appName") == psc_mfa.MESSAGES["name-required"]
    taken = client.post(h.APP_NAME, data={"appName": "authenticator"})
    assert h.field_error(taken, "appName") == psc_mfa.MESSAGES["name-taken"]


# --- Backup codes ----------------------------------------------------------------------------------


def new_backup_codes(client, email: str) -> list[str]:
    client.post(h.METHODS, data={"getNewCodes": "1"})
    page = client.post(h.SECURITY_CODE, data={"securityCode": h.security_code(client, email)})
    import re

    return re.findall(r"<li><code>([A-Z0-9-]+)</code></li>", text(page))


def sign_on_with(client, persona_id: str, code: str) -> bool:
    h.start_login(client, persona_id)
    response = enter_passcode(client, code)
    signed = b"regmsg:chkRedact" in response.data or response.status_code == 302
    client.get("/login/csologin/logout.jsf")
    return signed


def test_a_backup_code_works_once(client):
    code = persona("filer-txwd")["backup_codes"][0]
    assert sign_on_with(client, "filer-txwd", code)
    assert not sign_on_with(client, "filer-txwd", code)
    assert not sign_on_with(client, "filer-txwd", code.lower().replace("-", " "))  # however it is typed


def test_a_new_batch_of_ten_voids_the_old(client):
    who = persona("filer-txwd")
    h.mma_log_in(client, "filer-txwd")
    codes = new_backup_codes(client, who["email"])
    assert len(codes) == 10 == len(set(codes))
    assert not sign_on_with(client, "filer-txwd", who["backup_codes"][1])
    assert sign_on_with(client, "filer-txwd", codes[0])


def test_backup_codes_alone_enrol_and_spending_the_last_ends_it(client):
    who = persona("mfa-due-filer")
    h.mma_log_in(client, "mfa-due-filer")
    codes = new_backup_codes(client, who["email"])
    assert state_of(client, "mfa-due-filer")["mfa"] == "enrolled"
    for code in codes:
        assert sign_on_with(client, "mfa-due-filer", code)
    assert state_of(client, "mfa-due-filer")["mfa"] == "due"  # a new batch is needed


# --- Passcodes at sign-on -------------------------------------------------------------------


def test_a_passcode_is_never_accepted_twice(client):
    secret = persona("filer-txwd")["otp_secret"]
    code = totp.code_at(secret, WHEN)
    assert sign_on_with(client, "filer-txwd", code)
    assert not sign_on_with(client, "filer-txwd", code)
    assert api_login(client, "filer-txwd", otpCode=code)["loginResult"] == "13"


def test_a_code_of_an_earlier_step_than_one_used_is_refused(client):
    secret = persona("filer-txwd")["otp_secret"]
    assert sign_on_with(client, "filer-txwd", totp.code_at(secret, WHEN + timedelta(seconds=30)))
    assert not sign_on_with(client, "filer-txwd", totp.code_at(secret, WHEN))


@pytest.mark.parametrize(("offset", "accepted"), [(-60, False), (-30, True), (0, True), (30, True), (60, False)])
def test_one_step_of_drift_is_accepted(client, offset, accepted):
    code = totp.code_at(persona("filer-txwd")["otp_secret"], WHEN + timedelta(seconds=offset))
    assert sign_on_with(client, "filer-txwd", code) is accepted


def test_the_mock_clock_drives_the_codes(client, clock):
    secret = persona("filer-txwd")["otp_secret"]
    clock.advance(timedelta(minutes=10))
    assert not sign_on_with(client, "filer-txwd", totp.code_at(secret, WHEN))
    assert sign_on_with(client, "filer-txwd", totp.code_at(secret, WHEN + timedelta(minutes=10)))


def test_a_passcode_is_asked_only_after_the_password(client):
    response = client.post(LOGIN_PAGE, data={"otpForm": "otpForm", "otpForm:otpCode": "123456"})
    assert "Your login has expired" in text(response)
    assert not signed_on(client)


# --- The API ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("otp", [None, "", "000000", "not a code"])
def test_the_api_answers_13_with_no_token_for_a_missing_or_wrong_code(client, otp):
    right = totp.code_at(persona("filer-txwd")["otp_secret"], WHEN)
    answer = api_login(client, "filer-txwd", otpCode=otp if otp != "000000" or right != "000000" else "111111")
    assert (answer["loginResult"], answer["nextGenCSO"]) == ("13", "")


def test_a_client_without_mfa_support_fails_as_juriscraper_does(client):
    """Juriscraper's login(): only a missing loginResult or "1" is bad credentials; then no token."""
    answer = api_login(client, "filer-txwd", otpCode=None)
    assert answer.get("loginResult") not in (None, "1")
    with pytest.raises(RuntimeError, match="Did not get NextGenCSO cookie"):
        if not answer.get("nextGenCSO"):
            raise RuntimeError("Did not get NextGenCSO cookie when attempting PACER login.")


def test_the_api_takes_a_backup_code_once(client):
    code = persona("filer-txwd")["backup_codes"][3]
    assert api_login(client, "filer-txwd", otpCode=code)["loginResult"] == "0"
    assert api_login(client, "filer-txwd", otpCode=code)["loginResult"] == "13"


def test_the_api_signs_on_a_due_account_with_a_pending_action_and_refuses_a_restricted_one(client):
    due = api_login(client, "mfa-due-filer")
    assert due["loginResult"] == "0" and due["nextGenCSO"]
    assert "must be enrolled in multifactor authentication" in due["errorDescription"]
    restricted = api_login(client, "mfa-restricted-filer")
    assert (restricted["loginResult"], restricted["nextGenCSO"]) == ("8", "")
    assert "User Update Required" in restricted["errorDescription"]


def test_every_enrolled_persona_signs_on_through_the_api_with_its_code(client):
    for who in personas().values():
        if who["mfa"] == "enrolled" and who["status"] == "active":
            code = totp.code_at(who["otp_secret"], WHEN)
            assert api_login(client, who["id"], otpCode=code)["loginResult"] == "0", who["id"]
