"""Sessions nobody can forge or replay: flow state on the server behind an opaque id."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from flask.sessions import SecureCookieSessionInterface

from mock_court import create_app
from mock_court.core.namespaces import registry
from mock_court.core.sessions import COOKIE
from tests.security.helpers import NEW_PASSWORD, OTHER_PASSWORD, at_reset_stage, save_password, session_id
from tests.unit.registration_helpers import (
    ACCOUNT,
    FORGOT_PASSWORD,
    FORGOT_RESET,
    MANAGE,
    MANAGE_LOGIN,
    manage_log_in,
    page_text,
    step1,
)
from tests.unit.signon_helpers import (
    LOGIN_PAGE,
    acknowledge_redaction,
    api_login,
    ecf_url,
    persona,
    submit_login,
)

OLD_CONSTANT_KEY = "mock-court-not-a-secret"


def signed_on(client) -> bool:
    return client.get_cookie("NextGenCSO") is not None


def test_the_session_cookie_holds_only_an_opaque_random_id(app, client):
    response = step1(client, app)
    assert response.status_code == 302
    value = session_id(client)
    assert re.fullmatch(r"[0-9a-f]{48}", value)
    assert client.get_cookie("session") is None
    # Nothing of the form is in it: the same answers from another browser get an unrelated id.
    # (Not a search for the answers: a random hex id holds "ada", a hex word, one time in ninety.)
    other = app.test_client()
    step1(other, app)
    assert session_id(other) != value
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{COOKIE}="))
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" not in cookie


def test_the_cookie_is_secure_when_served_over_https(app, client):
    response = client.get(LOGIN_PAGE, base_url="https://localhost")
    cookie = next(h for h in response.headers.getlist("Set-Cookie") if h.startswith(f"{COOKIE}="))
    assert "Secure" in cookie


def test_a_cookie_signed_with_the_old_constant_key_grants_nothing(app, client):
    """The flow state a forger would write (a filer past the password) is not read from any cookie."""
    filer = persona("filer-txwd")
    forger = SecureCookieSessionInterface().get_signing_serializer(create_app({"SECRET_KEY": OLD_CONSTANT_KEY}))
    with app.app_context():
        account_id = (
            registry(app)
            .default.store.conn.execute("SELECT id FROM accounts WHERE username = ?", (filer["username"],))
            .fetchone()[0]
        )
    forged = {"cso_pending": {"account_id": account_id, "client_code": None, "appurl": "", "psc_court_id": ""}}
    client.set_cookie("session", forger.dumps(forged))
    acknowledge_redaction(client)
    assert not signed_on(client)


def test_the_signing_key_is_random_per_process_unless_configured(monkeypatch):
    first, second = create_app(), create_app()
    assert first.secret_key != second.secret_key and len(first.secret_key) >= 32
    assert OLD_CONSTANT_KEY not in (first.secret_key, second.secret_key)
    monkeypatch.setenv("MOCK_COURT_SECRET_KEY", "configured-by-the-deployment")
    assert create_app().secret_key == "configured-by-the-deployment"


def test_replaying_cookies_from_before_save_does_not_set_the_password_again(client):
    who = at_reset_stage(client)
    before_save = session_id(client)
    assert save_password(client, NEW_PASSWORD).location.endswith(MANAGE_LOGIN)
    client.set_cookie(COOKIE, before_save)
    replayed = save_password(client, OTHER_PASSWORD)
    assert replayed.location.endswith(FORGOT_PASSWORD)
    assert "has expired or is no longer valid" in page_text(client.get(FORGOT_PASSWORD))
    assert manage_log_in(client, who["username"], OTHER_PASSWORD).location is None
    assert manage_log_in(client, who["username"], NEW_PASSWORD).location.endswith(MANAGE)


def test_replaying_the_redaction_stage_yields_no_second_token(client):
    filer = persona("linked-filer-txwd")  # not enrolled in MFA: the agreement follows the password
    submit_login(client, filer["username"], filer["password"])
    at_redaction = session_id(client)
    acknowledge_redaction(client)
    assert signed_on(client)
    client.delete_cookie("NextGenCSO")
    client.delete_cookie("PacerSession")
    client.set_cookie(COOKIE, at_redaction)
    response = acknowledge_redaction(client)
    assert not signed_on(client)
    assert "Your login has expired" in page_text(response)


def test_a_password_reset_ends_every_other_session_of_the_account(app, client):
    who = persona("returning-user")
    token = api_login(app.test_client(), "returning-user")["nextGenCSO"]
    elsewhere = app.test_client()
    elsewhere.set_cookie("NextGenCSO", token)
    assert elsewhere.get(ecf_url("txwd", "showpage.pl?16")).status_code == 200
    at_reset_stage(client, "returning-user")
    save_password(client, NEW_PASSWORD)
    assert elsewhere.get(ecf_url("txwd", "showpage.pl?16")).status_code == 302
    assert manage_log_in(client, who["username"], NEW_PASSWORD).location.endswith(MANAGE)


@pytest.mark.parametrize("sign_in", ["central sign-on", "Manage My Account"])
def test_the_session_id_is_renewed_at_sign_in(app, client, sign_in):
    who = persona("returning-user")
    client.get(LOGIN_PAGE if sign_in == "central sign-on" else MANAGE_LOGIN)
    before = session_id(client)
    assert before
    if sign_in == "central sign-on":
        submit_login(client, who["username"], who["password"])
    else:
        manage_log_in(client, who["username"], who["password"])
    after = session_id(client)
    assert after and after != before
    with app.app_context():
        rows = registry(app).default.store.conn.execute("SELECT id FROM web_sessions").fetchall()
    assert before not in {row[0] for row in rows}


@pytest.mark.parametrize("session", ["0" * 48, "not-an-id", "x" * 4000])
def test_an_unknown_session_id_gets_the_signed_out_pages(client, session):
    client.set_cookie(COOKIE, session)
    assert client.get(MANAGE).location.endswith(MANAGE_LOGIN)
    assert client.get(FORGOT_RESET).location.endswith(FORGOT_PASSWORD)
    assert client.get(LOGIN_PAGE).status_code == 200


def test_a_page_left_open_past_the_session_lifetime_answers_session_expired(app, raw_client, clock):
    page = raw_client.get("/psc/pscof/registration.jsf").get_data(as_text=True)
    view_state = re.search(r'name="javax.faces.ViewState" id="[^"]+" value="([^"]+)"', page).group(1)
    clock.advance(timedelta(minutes=31))
    response = raw_client.post("/psc/pscof/registration.jsf", data={**ACCOUNT, "javax.faces.ViewState": view_state})
    assert response.status_code == 400
    text = page_text(response)
    assert "Your session has expired" in text and 'href="/psc/pscof/registration.jsf"' in response.get_data(
        as_text=True
    )


def test_a_reset_stage_left_past_its_lifetime_starts_again(client, clock):
    at_reset_stage(client)
    clock.advance(timedelta(minutes=11))
    response = save_password(client, NEW_PASSWORD)
    assert response.location.endswith(FORGOT_PASSWORD)
    assert "has expired or is no longer valid" in page_text(client.get(FORGOT_PASSWORD))


def test_a_sign_on_stage_left_past_its_lifetime_signs_nobody_on(client, clock):
    filer = persona("filer-txwd")
    submit_login(client, filer["username"], filer["password"])
    clock.advance(timedelta(minutes=11))
    response = acknowledge_redaction(client)
    assert not signed_on(client) and "Your login has expired" in page_text(response)


def test_sign_out_ends_the_server_session(client):
    filer = persona("returning-user")
    submit_login(client, filer["username"], filer["password"])
    signed_in_as = session_id(client)
    client.get("/login/csologin/logout.jsf")
    assert session_id(client) != signed_in_as
    client.set_cookie(COOKIE, signed_in_as)
    client.set_cookie("NextGenCSO", "")
    assert client.get(MANAGE).location.endswith(MANAGE_LOGIN)
