"""The central sign-on login page: messages, stages, redaction agreement, client code, logout."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest

from mock_court.sites.login import models as cso
from mock_court.sites.login import totp
from tests.unit.signon_helpers import LOGIN_PAGE, acknowledge_redaction, log_in, persona, submit_login, text


def login_messages(response) -> str:
    match = re.search(r'id="loginForm:pclLoginMessages"[^>]*>(.*?)</div>', text(response), re.S)
    return match.group(1) if match else ""


def signed_on(client) -> bool:
    return client.get_cookie("NextGenCSO") is not None and client.get_cookie("PacerSession") is not None


def test_page_has_the_real_form_and_ids(client):
    page = text(client.get(LOGIN_PAGE))
    for element_id in (
        "loginForm",
        "loginForm:loginName",
        "loginForm:password",
        "loginForm:clientCode",
        "loginForm:fbtnLogin",
        "loginForm:pclLoginMessages",
    ):
        assert f'id="{element_id}"' in page
    assert 'maxlength="32"' in page
    assert '<label for="loginForm:loginName">Username' in page
    assert '<label for="loginForm:password">Password' in page
    assert '<label for="loginForm:clientCode">Client Code' in page


def test_success_without_appurl_goes_to_pacer_home(client):
    response = log_in(client, "returning-user")
    assert response.status_code == 302
    assert response.headers["Location"] == "/pacer/"
    assert signed_on(client)


def test_success_with_appurl_goes_back_to_it(client):
    response = log_in(client, "returning-user", court="txwd", appurl="http://localhost/ecf/txwd/cgi-bin/showpage.pl?16")
    assert response.headers["Location"] == "/ecf/txwd/cgi-bin/showpage.pl?16"


@pytest.mark.parametrize(
    "appurl", ["https://evil.example/steal", "//evil.example/x", "javascript:alert(1)", "http://[", "//[x/"]
)
def test_appurl_elsewhere_is_ignored(client, appurl):
    assert log_in(client, "returning-user", appurl=appurl).headers["Location"] == "/pacer/"


@pytest.mark.parametrize(
    ("persona_id", "password", "message"),
    [
        ("returning-user", "Wrong-password#1234", "Invalid username or password."),
        ("nobody-at-all", "Whatever#12345678", "Invalid username or password."),
        ("inactive-user", None, "PACER User Inactive"),
        ("awaiting-activation", None, "PACER User Not Activated"),
    ],
)
def test_refused_logins_say_why_and_sign_nobody_on(client, persona_id, password, message):
    who = persona(persona_id) if persona_id != "nobody-at-all" else {"username": "nobodyatall", "password": password}
    response = submit_login(client, who["username"], password or who["password"])
    assert response.status_code == 200
    assert message in login_messages(response)
    assert not signed_on(client)


def test_not_activated_message_tells_how_to_activate(client):
    who = persona("awaiting-activation")
    response = submit_login(client, who["username"], who["password"])
    assert "Activate Case Search Privileges" in login_messages(response)


def test_not_activated_account_may_still_log_in_to_a_court(client):
    """The MAD guide: linking and e-filing need not wait for the activation letter."""
    response = log_in(client, "awaiting-activation", court="mad", appurl="/ecf/mad/cgi-bin/showpage.pl?16")
    assert response.headers["Location"] == "/ecf/mad/cgi-bin/showpage.pl?16"
    assert signed_on(client)


@pytest.mark.parametrize(
    ("username", "password", "field", "message"),
    [
        ("", "Something#123456", "loginName", "Username is required."),
        ("jacevedo01", "", "password", "Password is required."),
    ],
)
def test_missing_fields_are_named_beside_them(client, username, password, field, message):
    response = submit_login(client, username, password)
    assert re.search(rf'id="loginForm:{field}_msg">{re.escape(message)}<', text(response))
    assert message in login_messages(response)
    assert not signed_on(client)


def test_client_code_longer_than_32_is_refused(client):
    who = persona("returning-user")
    response = submit_login(client, who["username"], who["password"], client_code="x" * 33)
    assert "Client code must be 32 characters or fewer." in login_messages(response)
    assert not signed_on(client)


def test_client_code_is_kept_in_the_session_and_cookie(app, client):
    log_in(client, "returning-user", client_code="matter-42")
    assert client.get_cookie("PacerClientCode").value == "matter-42"
    with app.app_context():
        from mock_court.sites.login.models import session_for

        assert session_for(client.get_cookie("NextGenCSO").value)["client_code"] == "matter-42"


def test_client_code_user_without_a_code_is_asked_for_one(client):
    who = persona("client-code-user")
    response = submit_login(client, who["username"], who["password"])
    assert "A client code is required for this account." in login_messages(response)
    assert 'id="loginForm:clientCode_msg">A client code is required' in text(response)
    assert not signed_on(client)
    assert log_in(client, "client-code-user", client_code="firm-7").headers["Location"] == "/pacer/"


def test_filer_gets_the_redaction_agreement(client):
    who = persona("linked-filer-txwd")  # not enrolled in MFA: the agreement comes right after the password
    response = submit_login(client, who["username"], who["password"])
    page = text(response)
    assert "Redaction Agreement" in page
    assert cso.REDACTION_NOTICE in page
    assert 'id="regmsg:chkRedact"' in page
    assert f'<label for="regmsg:chkRedact">{cso.REDACTION_AGREEMENT}</label>' in page
    assert re.search(r'id="regmsg:bpmConfirm"[^>]*disabled>Continue<', page)
    assert not signed_on(client)


def test_continue_is_refused_server_side_while_unchecked(client):
    who = persona("linked-filer-txwd")
    submit_login(client, who["username"], who["password"])
    response = acknowledge_redaction(client, checked=False)
    assert response.status_code == 200
    assert "You must check the box to acknowledge the redaction rules" in text(response)
    assert 'id="regmsg:chkRedact"' in text(response)
    assert not signed_on(client)
    response = acknowledge_redaction(client)
    assert response.headers["Location"] == "/pacer/"
    assert signed_on(client)


def test_cancel_on_the_agreement_goes_back_to_login(client):
    who = persona("filer-txwd")
    submit_login(client, who["username"], who["password"])
    response = client.post(LOGIN_PAGE, data={"regmsg": "regmsg", "regmsg:bpmCancel": ""})
    assert 'id="loginForm:loginName"' in text(response)
    assert not signed_on(client)


def test_agreement_without_a_pending_login_starts_over(client):
    response = acknowledge_redaction(client)
    assert "Please log in again." in login_messages(response)
    assert not signed_on(client)


def test_non_filer_goes_straight_on(client):
    who = persona("returning-user")
    response = submit_login(client, who["username"], who["password"])
    assert response.status_code == 302
    assert "regmsg" not in text(response)


def test_the_redaction_acknowledgement_is_recorded(app, client):
    log_in(client, "filer-mad")
    with app.app_context():
        from mock_court.sites.login.models import session_for

        assert session_for(client.get_cookie("NextGenCSO").value)["redaction_ack"] == 1


class TestMultiFactor:
    WHEN = datetime(2026, 3, 2, 15, 0, 0, tzinfo=timezone.utc)

    @pytest.fixture
    def client(self, app, clock):
        clock.freeze(self.WHEN)
        return app.test_client()

    def start(self, client):
        who = persona("mfa-user")
        return submit_login(client, who["username"], who["password"])

    def test_password_alone_asks_for_the_passcode(self, client):
        page = text(self.start(client))
        assert 'id="otpForm:otpCode"' in page
        assert not signed_on(client)

    @pytest.mark.parametrize(
        ("code", "message"),
        [
            ("", "Enter the one-time passcode"),
            ("000000", "Invalid one-time passcode."),
            ("٠٠٠٠٠٠", "Invalid one-time passcode."),  # Arabic-Indic digits: compare_digest refuses them
            ("¹²³⁴⁵⁶", "Invalid one-time passcode."),  # superscripts: str.isdigit() says yes
        ],
    )
    def test_wrong_or_missing_passcode_is_refused(self, client, code, message):
        self.start(client)
        response = client.post(LOGIN_PAGE, data={"otpForm": "otpForm", "otpForm:otpCode": code})
        assert message in login_messages(response)
        assert not signed_on(client)

    def test_right_passcode_signs_on(self, client):
        self.start(client)
        code = totp.code_at(persona("mfa-user")["otp_secret"], self.WHEN)
        response = client.post(LOGIN_PAGE, data={"otpForm": "otpForm", "otpForm:otpCode": code})
        assert response.headers["Location"] == "/pacer/"
        assert signed_on(client)


def test_logout_ends_the_session_and_says_so(app, client):
    log_in(client, "returning-user")
    token = client.get_cookie("NextGenCSO").value
    response = client.get("/login/csologin/logout.jsf", follow_redirects=True)
    assert "You have successfully logged out." in login_messages(response)
    assert not signed_on(client)
    with app.app_context():
        from mock_court.sites.login.models import session_for

        assert session_for(token) is None


def test_already_signed_on_goes_straight_to_the_court(client):
    log_in(client, "returning-user")
    response = client.get(LOGIN_PAGE + "?pscCourtId=MADC&appurl=/ecf/mad/cgi-bin/showpage.pl?16")
    assert response.headers["Location"] == "/ecf/mad/cgi-bin/showpage.pl?16"


def test_an_appurl_that_is_no_url_shows_the_login_page(client):
    log_in(client, "returning-user")
    assert client.get(LOGIN_PAGE + "?appurl=http://[").status_code == 200


@pytest.mark.parametrize(
    ("link", "target"),
    [
        ("Forgot Password?", "/psc/pscof/forgotPassword.jsf"),
        ("Forgot Username?", "/psc/pscof/forgotUsername.jsf"),
        ("Need an Account?", "/pacer/register-account"),
    ],
)
def test_help_links_lead_to_their_pages(client, link, target):
    page = client.get("/login/csologin/login.jsf").get_data(as_text=True)
    assert f'<a href="{target}">{link}</a>' in page
    assert client.get(target).status_code == 200
