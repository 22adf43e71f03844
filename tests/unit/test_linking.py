"""Linking a CM/ECF account: success and its effects, every refusal with nothing changed, the
shared-firm-account lockout."""

from __future__ import annotations

import html
import re

import pytest

from fixtures.courts import court_ids
from mock_court.sites.ecf import models as linking
from tests.unit.signon_helpers import (
    ecf_url,
    enter_ecf_credentials,
    link_accounts,
    log_in,
    menu_labels,
    persona,
    sign_on_to_court,
    text,
)

COURTS = court_ids()


def state(app) -> tuple:
    """Everything linking may change: CM/ECF accounts and the outbox."""
    with app.app_context():
        from mock_court.core.store import get_db

        db = get_db()
        accounts = [tuple(r) for r in db.execute("SELECT id, pacer_account_id, linked_at, locked FROM ecf_accounts")]
        mail = [tuple(r) for r in db.execute("SELECT * FROM outbox")]
    return accounts, mail


def alert(response) -> str:
    found = re.search(r'role="alert"[^>]*>([^<]*)<', text(response))
    return html.unescape(found.group(1)) if found else ""


def verify(client, court="txwd"):
    return client.post(ecf_url(court, "LinkVerify.pl"), data={"confirm": "1"})


class TestSuccess:
    @pytest.fixture(params=COURTS)
    def linked(self, request, client):
        court = request.param
        sign_on_to_court(client, f"filer-{court}", court)
        return court, link_accounts(client, f"filer-{court}", court)

    def test_the_form_and_verify_screens(self, client):
        sign_on_to_court(client, "filer-mad", "mad")
        form = text(client.get(ecf_url("mad", "LinkAccount.pl")))
        assert '<label for="ecf_login">CM/ECF login</label>' in form
        assert '<label for="ecf_password">CM/ECF password</label>' in form
        assert ">Submit</button>" in form
        who = persona("filer-mad")
        response = enter_ecf_credentials(client, "mad", who["ecf_login"], who["ecf_password"])
        assert response.headers["Location"] == "/ecf/mad/cgi-bin/LinkVerify.pl"
        page = text(client.get(response.headers["Location"]))
        ecf = re.search(r'aria-labelledby="ecf-account-title">(.*?)</section>', page, re.S).group(1)
        pacer = re.search(r'aria-labelledby="pacer-account-title">(.*?)</section>', page, re.S).group(1)
        assert '<h3 id="ecf-account-title">CM/ECF account</h3>' in ecf
        assert who["ecf_login"] in ecf and f"{who['first_name']} {who['last_name']}" in ecf
        assert '<h3 id="pacer-account-title">PACER account</h3>' in pacer
        assert who["username"] in pacer and who["account_number"] in pacer
        assert ">Submit</button>" in page and ">Cancel</button>" in page
        assert 'role="alert"' not in page

    def test_confirmation_says_the_link_was_successful(self, linked):
        court, page = linked
        who = persona(f"filer-{court}")
        assert "The account link was successful" in text(page)
        assert (
            "Moving forward you must use your PACER credentials to access both PACER and CM/ECF for this Court."
            in text(page)
        )
        assert who["ecf_login"] in text(page)

    def test_an_email_tells_of_the_link_without_secrets(self, linked, client):
        court, _page = linked
        who = persona(f"filer-{court}")
        mail = client.get("/_mock/outbox", query_string={"channel": "email", "recipient": who["email"]}).get_json()
        assert [m["subject"] for m in mail] == ["CM/ECF account linked to your PACER account"]
        assert who["ecf_login"] in mail[0]["body"] and who["username"] in mail[0]["body"]
        assert who["ecf_password"] not in mail[0]["body"] and who["password"] not in mail[0]["body"]

    def test_the_old_cm_ecf_password_is_refused_at_the_legacy_login(self, linked, app):
        court, _page = linked
        who = persona(f"filer-{court}")
        page = app.test_client().post(
            ecf_url(court, "login.pl"), data={"login": who["ecf_login"], "key": who["ecf_password"]}
        )
        assert alert(page) == linking.MESSAGES["legacy-linked"]
        assert "yuimenubaritem" not in text(page)

    def test_pacer_credentials_give_the_filing_menus(self, linked, app):
        court, _page = linked
        fresh = app.test_client()
        assert "Utilities" in menu_labels(sign_on_to_court(fresh, f"filer-{court}", court))
        assert {"Civil", "Bankruptcy"} & set(menu_labels(fresh.get(ecf_url(court, "showpage.pl?16"))))

    def test_the_pacer_account_is_a_filer_at_sign_on_from_now_on(self, app):
        """A case-search-only account linked to CM/ECF gets the redaction agreement from then on."""
        client = app.test_client()
        sign_on_to_court(client, "returning-user", "txwd")
        with app.app_context():
            from mock_court.core.store import get_db, transaction

            with transaction(get_db()) as db:
                db.execute(
                    "UPDATE ecf_accounts SET pacer_account_id = (SELECT id FROM accounts WHERE username = ?)"
                    " WHERE login = ?",
                    (persona("returning-user")["username"], persona("filer-txwd")["ecf_login"]),
                )
        who = persona("returning-user")
        response = app.test_client().post(
            "/login/csologin/login.jsf",
            data={
                "loginForm": "loginForm",
                "loginForm:loginName": who["username"],
                "loginForm:password": who["password"],
            },
        )
        assert 'id="regmsg:chkRedact"' in text(response)


# (persona signed on, the CM/ECF login and password entered, the message key)
def ecf_of(persona_id: str) -> tuple[str, str]:
    who = persona(persona_id)
    return who["ecf_login"], who["ecf_password"]


FORM_ERRORS = [
    pytest.param("filer-txwd", lambda: ("", ecf_of("filer-txwd")[1]), "login-required", id="no-login"),
    pytest.param("filer-txwd", lambda: (ecf_of("filer-txwd")[0], ""), "password-required", id="no-password"),
    pytest.param(
        "filer-txwd", lambda: (ecf_of("filer-txwd")[0], "Wrong#password1"), "bad-credentials", id="wrong-password"
    ),
    pytest.param("filer-txwd", lambda: ("nosuchlogin", "Wrong#password1"), "bad-credentials", id="unknown-login"),
    pytest.param(
        "filer-txwd",
        lambda: (ecf_of("filer-txwd")[0].upper(), ecf_of("filer-txwd")[1]),
        "uppercase-login",
        id="uppercase-login",
    ),
    pytest.param("filer-txwd", lambda: ecf_of("filer-mad"), "bad-credentials", id="another-courts-account"),
]


@pytest.mark.parametrize(("persona_id", "entered", "key"), FORM_ERRORS)
def test_form_errors_change_nothing(app, client, persona_id, entered, key):
    sign_on_to_court(client, persona_id, "txwd")
    before = state(app)
    response = enter_ecf_credentials(client, "txwd", *entered())
    assert response.status_code == 200
    assert alert(response) == linking.message(key, "txwd")
    assert '<label for="ecf_login">CM/ECF login</label>' in text(response)
    assert verify(client).status_code == 200  # nothing pending: the verify screen starts over
    assert state(app) == before


def test_wrong_password_message_says_logins_are_lowercase():
    assert "all lowercase" in linking.MESSAGES["bad-credentials"]
    assert "all lowercase" in linking.MESSAGES["uppercase-login"]


def test_a_missing_field_is_marked(client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    page = text(enter_ecf_credentials(client, "txwd", "", "x"))
    assert re.search(r'id="ecf_login"[^>]*aria-invalid="true"', page)


def lock_out_firm_attorney_b(app):
    first = app.test_client()
    sign_on_to_court(first, "firm-attorney-a", "txwd")
    link_accounts(first, "firm-attorney-a", "txwd")


# (persona signed on, whose CM/ECF account is entered, the message key, set-up)
VERIFY_ERRORS = [
    pytest.param("linked-filer-txwd", "linked-filer-txwd", "already-linked", None, id="already-linked"),
    pytest.param("filer-txwd", "linked-filer-txwd", "linked-to-other", None, id="linked-to-another-pacer-account"),
    pytest.param(
        "linked-filer-txwd", "filer-txwd", "pacer-linked-elsewhere", None, id="pacer-account-linked-elsewhere"
    ),
    pytest.param("legacy-filer-txwd", "legacy-filer-txwd", "not-upgraded", None, id="not-upgraded"),
    pytest.param("firm-attorney-b", "firm-attorney-b", "ecf-locked", lock_out_firm_attorney_b, id="locked-out"),
]


@pytest.mark.parametrize(("persona_id", "ecf_owner", "key", "setup"), VERIFY_ERRORS)
def test_accounts_that_cannot_be_linked_are_shown_with_the_reason_and_change_nothing(
    app, client, persona_id, ecf_owner, key, setup
):
    if setup:
        setup(app)
    sign_on_to_court(client, persona_id, "txwd")
    before = state(app)
    response = enter_ecf_credentials(client, "txwd", *ecf_of(ecf_owner))
    page = client.get(response.headers["Location"])
    assert 'aria-labelledby="ecf-account-title"' in text(page)
    expected = linking.message(key, "txwd", login=persona("linked-filer-txwd")["ecf_login"])
    assert alert(page) == expected
    assert ">Submit</button>" not in text(page) and ">Cancel</button>" in text(page)
    again = verify(client)  # Submit forced anyway: refused on the server
    assert alert(again) == expected
    assert state(app) == before


def test_cancel_at_verify_changes_nothing(app, client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    before = state(app)
    enter_ecf_credentials(client, "txwd", *ecf_of("filer-txwd"))
    response = client.post(ecf_url("txwd", "LinkVerify.pl"), data={"cancel": "1"})
    page = client.get(response.headers["Location"])
    assert linking.MESSAGES["cancelled"] in text(page)
    assert state(app) == before
    assert verify(client).status_code == 200 and state(app) == before


def test_verify_without_a_pending_link_starts_over(client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    assert alert(verify(client)) == linking.MESSAGES["expired"]


def test_a_pending_link_does_not_carry_to_another_court(app, client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    before = state(app)
    enter_ecf_credentials(client, "txwd", *ecf_of("filer-txwd"))
    assert alert(verify(client, court="mad")) == linking.MESSAGES["expired"]
    assert state(app) == before


def test_after_a_wrong_password_the_right_one_links(client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    enter_ecf_credentials(client, "txwd", ecf_of("filer-txwd")[0], "Wrong#password1")
    assert "The account link was successful" in text(link_accounts(client, "filer-txwd"))


def test_confirmation_of_nothing_linked_goes_to_the_form(client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    assert client.get(ecf_url("txwd", "LinkConfirm.pl")).headers["Location"] == "/ecf/txwd/cgi-bin/LinkAccount.pl"


class TestSharedFirmAccount:
    def test_sign_on_warns_against_the_shared_account(self, client):
        who = persona("firm-attorney-a")
        page = text(
            client.post(
                "/login/csologin/login.jsf",
                data={
                    "loginForm": "loginForm",
                    "loginForm:loginName": who["username"],
                    "loginForm:password": who["password"],
                },
            )
        )
        dialog_alert = re.search(r'id="regmsg:msgs"[^>]*role="alert">(.*?)</div>', page, re.S).group(1)
        assert "shared firm PACER account" in dialog_alert and "lock out all other attorneys" in dialog_alert

    def test_an_individual_account_gets_no_warning(self, client):
        who = persona("filer-txwd")
        page = text(
            client.post(
                "/login/csologin/login.jsf",
                data={
                    "loginForm": "loginForm",
                    "loginForm:loginName": who["username"],
                    "loginForm:password": who["password"],
                },
            )
        )
        assert "shared firm" not in page

    def test_verify_warns_before_linking_a_shared_account(self, client):
        sign_on_to_court(client, "firm-attorney-a", "txwd")
        response = enter_ecf_credentials(client, "txwd", *ecf_of("firm-attorney-a"))
        page = client.get(response.headers["Location"])
        assert alert(page) == linking.MESSAGES["shared-warning"]
        assert ">Submit</button>" in text(page)

    def test_linking_it_locks_out_the_firms_other_attorney(self, app):
        lock_out_firm_attorney_b(app)
        b = persona("firm-attorney-b")
        page = app.test_client().post(
            ecf_url("txwd", "login.pl"), data={"login": b["ecf_login"], "key": b["ecf_password"]}
        )
        message = alert(page)
        assert message == linking.message("ecf-locked", "txwd")
        assert "locked" in message and "shared firm" in message
        with app.app_context():
            from mock_court.core.store import get_db

            rows = {r["login"]: r for r in get_db().execute("SELECT * FROM ecf_accounts WHERE court = 'txwd'")}
        a = persona("firm-attorney-a")
        assert rows[b["ecf_login"]]["locked"] == 1 and rows[b["ecf_login"]]["pacer_account_id"] is None
        assert rows[a["ecf_login"]]["locked"] == 0 and rows[a["ecf_login"]]["pacer_account_id"] is not None
        others = [login for login, row in rows.items() if row["locked"]]
        assert others == [b["ecf_login"]]

    def test_the_shared_account_files_as_the_attorney_who_linked_it(self, app):
        lock_out_firm_attorney_b(app)
        client = app.test_client()
        page = sign_on_to_court(client, "firm-attorney-b", "txwd")  # same PACER credentials as a
        assert "Civil" in menu_labels(page)

    def test_an_unlocked_colleague_is_refused_by_the_shared_lockout(self, app, client):
        lock_out_firm_attorney_b(app)
        with app.app_context():
            from mock_court.core.store import get_db, transaction

            with transaction(get_db()) as db:
                db.execute(
                    "UPDATE ecf_accounts SET locked = 0, shared_pacer_account_id = NULL WHERE login = ?",
                    (persona("firm-attorney-b")["ecf_login"],),
                )
        sign_on_to_court(client, "firm-attorney-b", "txwd")
        before = state(app)
        enter_ecf_credentials(client, "txwd", *ecf_of("firm-attorney-b"))
        page = verify(client)
        name = f"{persona('firm-attorney-a')['first_name']} {persona('firm-attorney-a')['last_name']}"
        assert alert(page) == linking.message("shared-lockout", "txwd", name=name)
        assert state(app) == before


def test_a_not_activated_account_may_link(client):
    """The MAD guide: linking need not wait for the PACER activation letter."""
    log_in(client, "awaiting-activation", court="txwd")
    assert '<label for="ecf_login">CM/ECF login</label>' in text(client.get(ecf_url("txwd", "LinkAccount.pl")))
