"""The central sign-on API: result codes, JSON and XML, tokens honoured by every court, expiry, logout."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta, timezone

import pytest

from fixtures.courts import court_ids
from mock_court.sites.login import models as cso
from mock_court.sites.login import totp
from tests.unit.signon_helpers import API, JSON, api_login, ecf_url, menu_labels, persona

COURTS = court_ids()
LOGOUT = "/login/services/cso-logout"


def post(client, body, accept="application/json"):
    return client.post(API, json=body, headers={"Accept": accept} if accept else {})


def credentials(persona_id: str, **extra) -> dict:
    who = persona(persona_id)
    return {"loginId": who["username"], "password": who["password"], **extra}


def court_page(client, court: str, token: str, cookie: str = "NextGenCSO"):
    client.set_cookie(cookie, token)
    return client.get(ecf_url(court, "showpage.pl?16"))


def test_success_answers_0_with_a_token(client):
    answer = api_login(client, "returning-user")
    assert answer["loginResult"] == "0"
    assert answer["errorDescription"] == ""
    assert len(answer["nextGenCSO"]) >= 32


@pytest.mark.parametrize("court", COURTS)
@pytest.mark.parametrize("cookie", ["NextGenCSO", "PacerSession"])
def test_the_token_is_honoured_by_every_courts_cm_ecf(app, court, cookie):
    token = api_login(app.test_client(), "filer-txwd")["nextGenCSO"]
    client = app.test_client()
    response = court_page(client, court, token, cookie)
    assert response.status_code == 200
    assert "login.pl?logout" in response.get_data(as_text=True)
    assert "Utilities" in menu_labels(response)


def test_without_json_accept_the_answer_is_xml(client):
    response = post(client, credentials("returning-user", redactFlag="1"), accept=None)
    assert response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    assert root.findtext("loginResult") == "0"
    assert len(root.findtext("nextGenCSO")) >= 32
    assert root.findtext("errorDescription") in ("", None)


def test_xml_failures_carry_code_and_description(client):
    response = post(client, {"loginId": "nobodyatall", "password": "Nothing#12345678"}, accept="text/xml")
    root = ET.fromstring(response.data)
    assert (root.findtext("loginResult"), root.findtext("errorDescription")) == (
        "13",
        "Invalid username, password, or one-time passcode.",
    )


@pytest.mark.parametrize(
    "body",
    [
        {"loginId": "jacevedo01", "password": "Not-the-password#1"},
        {"loginId": "nobodyatall", "password": "Nothing#12345678"},
    ],
)
def test_bad_credentials_answer_13(client, body):
    assert post(client, body).get_json() == {
        "nextGenCSO": "",
        "loginResult": "13",
        "errorDescription": "Invalid username, password, or one-time passcode.",
    }


@pytest.mark.parametrize(
    ("persona_id", "code", "words"),
    [
        ("inactive-user", "5", "PACER User Inactive"),
        ("awaiting-activation", "6", "PACER User Not Activated"),
    ],
)
def test_accounts_that_may_not_search_are_refused(client, persona_id, code, words):
    answer = api_login(client, persona_id)
    assert (answer["loginResult"], answer["nextGenCSO"]) == (code, "")
    assert words in answer["errorDescription"]


def test_a_filer_without_redact_flag_is_refused_with_the_notice(client):
    answer = post(client, credentials("linked-filer-txwd")).get_json()
    assert (answer["loginResult"], answer["nextGenCSO"]) == ("7", "")
    assert cso.REDACTION_NOTICE in answer["errorDescription"]
    assert post(client, credentials("linked-filer-txwd", redactFlag="0")).get_json()["loginResult"] == "7"
    assert post(client, credentials("linked-filer-txwd", redactFlag="1")).get_json()["loginResult"] == "0"


def test_a_non_filer_needs_no_redact_flag(client):
    assert post(client, credentials("returning-user")).get_json()["loginResult"] == "0"


def test_client_code_is_accepted_and_kept_in_the_session(app, client):
    answer = api_login(client, "returning-user", clientCode="matter-9")
    assert answer["loginResult"] == "0"
    with app.app_context():
        from mock_court.sites.login.models import session_for

        assert session_for(answer["nextGenCSO"])["client_code"] == "matter-9"


def test_client_code_user_without_a_code_logs_in_with_a_pending_action(client):
    answer = api_login(client, "client-code-user")
    assert answer["loginResult"] == "0"
    assert answer["nextGenCSO"]
    assert "client code is required" in answer["errorDescription"]
    assert api_login(client, "client-code-user", clientCode="firm-7")["errorDescription"] == ""


class TestOneTimePasscode:
    WHEN = datetime(2026, 5, 4, 10, 30, tzinfo=timezone.utc)

    @pytest.fixture
    def client(self, app, clock):
        clock.freeze(self.WHEN)
        return app.test_client()

    def code(self, when=None) -> str:
        return totp.code_at(persona("mfa-user")["otp_secret"], when or self.WHEN)

    def test_right_code_logs_in(self, client):
        assert api_login(client, "mfa-user", otpCode=self.code())["loginResult"] == "0"

    def test_a_code_one_step_old_is_still_accepted(self, client):
        assert api_login(client, "mfa-user", otpCode=self.code(self.WHEN - timedelta(seconds=30)))["loginResult"] == "0"

    @pytest.mark.parametrize("otp", [None, "", "123", "abcdef", "٠٠٠٠٠٠", "¹²³⁴⁵⁶"])
    def test_missing_or_malformed_code_answers_13(self, client, otp):
        extra = {"otpCode": otp}  # None: no otpCode at all
        answer = api_login(client, "mfa-user", **extra)
        assert (answer["loginResult"], answer["nextGenCSO"]) == ("13", "")

    def test_a_stale_code_answers_13(self, client):
        old = self.code(self.WHEN - timedelta(minutes=5))
        assert old != self.code()
        assert api_login(client, "mfa-user", otpCode=old)["loginResult"] == "13"


def test_totp_matches_the_rfc_6238_vector():
    secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # "12345678901234567890"
    assert totp.code_at(secret, datetime.fromtimestamp(59, timezone.utc)) == "287082"
    assert totp.code_at(secret, datetime.fromtimestamp(1111111109, timezone.utc)) == "081804"


@pytest.mark.parametrize(
    ("data", "content_type"),
    [
        (b"{not json", "application/json"),
        (b"[1, 2]", "application/json"),
        (b"loginId=x&password=y", "application/x-www-form-urlencoded"),
        (b"", "application/json"),
        (b'{"loginId": "\\ud800", "password": "x"}', "application/json"),  # a lone surrogate: no text holds it
        (b'{"loginId": "jacevedo01", "password": "\\udfff"}', "application/json"),
    ],
)
def test_malformed_requests_get_a_clear_error(client, data, content_type):
    response = client.post(API, data=data, headers={"Accept": "application/json", "Content-Type": content_type})
    assert response.status_code == 400
    answer = response.get_json()
    assert answer["loginResult"] == "1"
    assert answer["errorDescription"].startswith("Malformed request: send a JSON object")


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"password": "x"}, "loginId and password are required"),
        ({"loginId": "jacevedo01"}, "loginId and password are required"),
        ({"loginId": "jacevedo01", "password": 12}, "loginId and password are required"),
        (
            {"loginId": "jacevedo01", "password": "x", "clientCode": "c" * 33},
            "clientCode must be 32 characters or fewer",
        ),
    ],
)
def test_missing_or_bad_fields_get_a_clear_error(client, body, message):
    response = post(client, body)
    assert response.status_code == 400
    assert message in response.get_json()["errorDescription"]


class TestExpiry:
    @pytest.fixture
    def clock(self, clock):
        clock.freeze(datetime(2026, 6, 1, 9, 0, tzinfo=timezone.utc))
        return clock

    def test_a_token_expires_after_the_session_lifetime(self, app, clock):
        token = api_login(app.test_client(), "returning-user")["nextGenCSO"]
        clock.advance(timedelta(hours=7, minutes=59))
        assert court_page(app.test_client(), "txwd", token).status_code == 200
        clock.advance(timedelta(minutes=1))
        response = court_page(app.test_client(), "txwd", token)
        assert response.status_code == 302
        assert "/login/csologin/login.jsf" in response.headers["Location"]

    def test_the_lifetime_is_configurable(self, app, clock):
        app.config["CSO_SESSION_LIFETIME"] = timedelta(minutes=5)
        token = api_login(app.test_client(), "returning-user")["nextGenCSO"]
        clock.advance(timedelta(minutes=5))
        assert court_page(app.test_client(), "mad", token).status_code == 302


def test_logout_ends_the_token_at_every_court(app, client):
    token = api_login(client, "filer-txwd")["nextGenCSO"]
    response = client.post(LOGOUT, json={"nextGenCSO": token}, headers=JSON)
    assert response.get_json() == {"loginResult": "0"}
    for court in COURTS:
        for cookie in ("NextGenCSO", "PacerSession"):
            assert court_page(app.test_client(), court, token, cookie).status_code == 302


def test_logout_of_an_ended_or_unknown_token_says_so(client):
    token = api_login(client, "returning-user")["nextGenCSO"]
    client.post(LOGOUT, json={"nextGenCSO": token}, headers=JSON)
    again = client.post(LOGOUT, json={"nextGenCSO": token}, headers=JSON).get_json()
    assert again["loginResult"] == "1"
    assert "unknown, expired or already logged out" in again["errorDescription"]


def test_logout_answers_xml_without_json_accept(client):
    token = api_login(client, "returning-user")["nextGenCSO"]
    root = ET.fromstring(client.post(LOGOUT, json={"nextGenCSO": token}).data)
    assert root.tag == "CsoLogout" and root.findtext("loginResult") == "0"


@pytest.mark.parametrize("body", [b"{oops", b'{"nextGenCSO": "\\ud800"}'])
def test_malformed_logout_gets_a_clear_error(client, body):
    response = client.post(
        LOGOUT, data=body, headers={"Accept": "application/json", "Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert "Malformed request" in response.get_json()["errorDescription"]


def test_the_browser_logout_also_ends_an_api_token(app, client):
    token = api_login(client, "returning-user")["nextGenCSO"]
    browser = app.test_client()
    browser.set_cookie("NextGenCSO", token)
    browser.get("/login/csologin/logout.jsf")
    assert court_page(app.test_client(), "moeb", token).status_code == 302
