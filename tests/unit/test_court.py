"""Each court's public website: welcome page, Document Filing System link, help desk, credential recovery."""

from __future__ import annotations

import re

import pytest

from fixtures.courts import court_ids, load_courts
from mock_court.sites.court.models import RESET_SENT
from tests.unit.signon_helpers import persona, text

COURTS = court_ids()


@pytest.mark.parametrize("court", COURTS)
def test_home_welcomes_with_the_courts_name(client, court):
    page = text(client.get(f"/court/{court}/"))
    assert f"<h1>Welcome to the {load_courts()[court]['name']}</h1>" in page
    assert page.count("<h1") == 1


@pytest.mark.parametrize("court", COURTS)
def test_home_links_to_the_courts_document_filing_system(client, court):
    profile = load_courts()[court]
    links = re.findall(r'<a href="([^"]+)">([^<]*Document Filing System)</a>', text(client.get(f"/court/{court}/")))
    assert links == [(f"/ecf/{court}/cgi-bin/showpage.pl?16", f"{profile['short_name']} – Document Filing System")]


@pytest.mark.parametrize("court", COURTS)
def test_the_filing_system_link_leads_to_sign_on_for_that_court(client, court):
    response = client.get(f"/ecf/{court}/cgi-bin/showpage.pl?16")
    assert response.status_code == 302
    assert f"pscCourtId={load_courts()[court]['pacer_court_id']}" in response.headers["Location"]


@pytest.mark.parametrize("court", COURTS)
def test_home_has_one_link_each_to_contact_and_credential_recovery(client, court):
    page = text(client.get(f"/court/{court}/"))
    assert re.findall(r'<a href="([^"]+)">Forgot Your Username and Password</a>', page) == [
        f"/court/{court}/forgot-username-password"
    ]
    assert re.findall(r'<a href="([^"]+)">(Contact[^<]*)</a>', page) == [
        (f"/court/{court}/contact", "Contact the CM/ECF Help Desk")
    ]


@pytest.mark.parametrize("court", COURTS)
def test_every_page_gives_the_help_desk_contact(client, court):
    desk = load_courts()[court]["help_desk"]
    for path in ("", "contact", "forgot-username-password"):
        page = text(client.get(f"/court/{court}/{path}"))
        for detail in (desk["name"], desk["phone"], desk["email"]):
            assert detail in page


def test_contact_page_heading(client):
    assert "<h1>Contact the CM/ECF Help Desk</h1>" in text(client.get("/court/moeb/contact"))


@pytest.mark.parametrize("path", ["", "contact", "forgot-username-password"])
def test_an_unknown_court_is_404(client, path):
    assert client.get(f"/court/zzz/{path}").status_code == 404


def test_forgot_page_has_the_reset_form(client):
    page = text(client.get("/court/txwd/forgot-username-password"))
    assert "<h1>Forgot Your Username and Password</h1>" in page
    assert '<label for="ecf_login">CM/ECF login</label>' in page
    assert ">Submit</button>" in page


def outbox(client, recipient):
    return client.get("/_mock/outbox", query_string={"recipient": recipient}).get_json()


@pytest.mark.parametrize("persona_id", ["filer-txwd", "filer-mad", "filer-moeb"])
def test_a_reset_request_emails_the_holder(client, persona_id):
    who = persona(persona_id)
    response = client.post(f"/court/{who['ecf_court']}/forgot-username-password", data={"ecf_login": who["ecf_login"]})
    assert RESET_SENT in text(response)
    mail = outbox(client, who["email"])
    assert [(m["channel"], m["subject"]) for m in mail] == [("email", "CM/ECF password reset request")]
    assert who["ecf_password"] not in mail[0]["body"]


def test_a_reset_request_for_an_unknown_login_says_the_same_and_sends_nothing(client):
    who = persona("filer-txwd")
    response = client.post("/court/mad/forgot-username-password", data={"ecf_login": who["ecf_login"]})
    assert RESET_SENT in text(response)
    assert client.get("/_mock/outbox", query_string={"channel": "email"}).get_json() == []


def test_a_reset_request_needs_a_login(client):
    response = client.post("/court/txwd/forgot-username-password", data={"ecf_login": "  "})
    assert 'role="alert" id="reset-error">Enter your CM/ECF login.<' in text(response)
    assert 'aria-invalid="true"' in text(response)
