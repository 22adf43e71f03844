"""A court's CM/ECF: sign-on redirect, the menu bar for each kind of user and court, Utilities,
filing menus, legacy login and logout."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from fixtures.courts import court_ids, load_courts
from tests.unit.signon_helpers import (
    ecf_url,
    link_accounts,
    log_in,
    menu_bar,
    menu_labels,
    persona,
    sign_on_to_court,
    text,
)

COURTS = court_ids()
PACER_MENUS = ["Query", "Reports", "Utilities", "Help", "Log Out"]
FILING = {"district": ["Civil", "Criminal"], "bankruptcy": ["Bankruptcy", "Adversary"]}


def filer_menus(court: str) -> list[str]:
    return FILING[load_courts()[court]["kind"]] + ["Query", "Reports", "Utilities", "Search", "Help", "Log Out"]


@pytest.mark.parametrize("court", COURTS)
@pytest.mark.parametrize("path", ["showpage.pl?16", "DisplayMenu.pl?Utilities", "iquery.pl", "LinkAccount.pl"])
def test_unsigned_visitors_are_sent_to_central_sign_on(client, court, path):
    response = client.get(ecf_url(court, path))
    assert response.status_code == 302
    location = urlsplit(response.headers["Location"])
    assert location.path == "/login/csologin/login.jsf"
    query = parse_qs(location.query)
    assert query["pscCourtId"] == [load_courts()[court]["pacer_court_id"]]
    assert query["appurl"] == [f"http://localhost{ecf_url(court, path)}"]


@pytest.mark.parametrize("path", ["", "cgi-bin/showpage.pl?16", "cgi-bin/login.pl", "cgi-bin/DisplayMenu.pl?Utilities"])
def test_an_unknown_court_is_404(client, path):
    assert client.get(f"/ecf/zzz/{path}").status_code == 404


def test_the_root_goes_to_the_main_page(client):
    assert client.get("/ecf/txwd/").headers["Location"] == "/ecf/txwd/cgi-bin/showpage.pl?16"


@pytest.mark.parametrize("court", COURTS)
def test_after_sign_on_the_browser_is_back_at_the_court(client, court):
    page = sign_on_to_court(client, f"filer-{court}", court)
    assert page.status_code == 200
    assert load_courts()[court]["short_name"] in text(page)


def test_the_menu_bar_is_in_the_real_markup(client):
    page = text(sign_on_to_court(client, "filer-txwd", "txwd"))
    assert '<div id="topmenu" class="yuimenubar yuimenubarnav">' in page
    assert '<div id="cmecfMainContent">' in page
    assert re.search(
        r'<li class="yuimenubaritem[^"]*">'
        r'<a class="yuimenubaritemlabel" href="/ecf/txwd/cgi-bin/login.pl\?logout">Log Out</a>',
        page,
    )


@pytest.mark.parametrize("court", COURTS)
@pytest.mark.parametrize("persona_id", ["returning-user", "awaiting-activation", "client-code-user"])
def test_a_pacer_only_user_sees_the_pacer_menus(client, court, persona_id):
    client_code = "c-1" if persona_id == "client-code-user" else ""
    log_in(client, persona_id, court=court, client_code=client_code)
    assert menu_labels(client.get(ecf_url(court, "showpage.pl?16"))) == PACER_MENUS


@pytest.mark.parametrize("court", COURTS)
def test_a_filer_not_yet_linked_sees_the_pacer_menus(client, court):
    assert menu_labels(sign_on_to_court(client, f"filer-{court}", court)) == PACER_MENUS


@pytest.mark.parametrize("court", COURTS)
def test_a_linked_filer_sees_the_courts_filing_menus(client, court):
    sign_on_to_court(client, f"filer-{court}", court)
    link_accounts(client, f"filer-{court}", court)
    assert menu_labels(client.get(ecf_url(court, "showpage.pl?16"))) == filer_menus(court)


def test_the_seeded_linked_filer_sees_filing_menus_at_once(client):
    assert menu_labels(sign_on_to_court(client, "linked-filer-txwd", "txwd")) == filer_menus("txwd")


@pytest.mark.parametrize("court", COURTS)
def test_a_link_at_one_court_gives_no_filing_menus_at_another(client, court):
    sign_on_to_court(client, "filer-txwd", "txwd")
    link_accounts(client, "filer-txwd", "txwd")
    expected = filer_menus("txwd") if court == "txwd" else PACER_MENUS
    assert menu_labels(client.get(ecf_url(court, "showpage.pl?16"))) == expected


@pytest.mark.parametrize("court", COURTS)
def test_every_menu_item_leads_to_a_page_of_that_court(client, court):
    sign_on_to_court(client, f"filer-{court}", court)
    link_accounts(client, f"filer-{court}", court)
    for href, label in menu_bar(client.get(ecf_url(court, "showpage.pl?16"))):
        assert href.startswith(f"/ecf/{court}/cgi-bin/")
        if label != "Log Out":
            page = client.get(href)
            assert page.status_code == 200, label
            assert "login.pl?logout" in text(page)


@pytest.mark.parametrize("court", COURTS)
def test_every_signed_on_page_carries_the_logout_link(client, court):
    sign_on_to_court(client, "returning-user" if court != "txwd" else "filer-txwd", court)
    for path in (
        "showpage.pl?16",
        "DisplayMenu.pl?Utilities",
        "DisplayMenu.pl?Reports",
        "DisplayMenu.pl?Help",
        "iquery.pl",
        "LinkAccount.pl",
    ):
        assert f'href="/ecf/{court}/cgi-bin/login.pl?logout"' in text(client.get(ecf_url(court, path))), path


@pytest.mark.parametrize("court", COURTS)
def test_filing_menus_need_a_link(client, court):
    sign_on_to_court(client, f"filer-{court}", court)
    key = {"district": "CivilEvents", "bankruptcy": "BankruptcyEvents"}[load_courts()[court]["kind"]]
    refused = client.get(ecf_url(court, f"DisplayMenu.pl?{key}"))
    assert refused.status_code == 403
    assert "You do not have filing privileges" in text(refused)
    link_accounts(client, f"filer-{court}", court)
    assert client.get(ecf_url(court, f"DisplayMenu.pl?{key}")).status_code == 200


def test_an_unknown_menu_is_404(client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    assert client.get(ecf_url("txwd", "DisplayMenu.pl?Nonsense")).status_code == 404


class TestUtilities:
    @pytest.fixture(params=COURTS)
    def page(self, request, client):
        court = request.param
        sign_on_to_court(client, f"filer-{court}", court)
        return court, text(client.get(ecf_url(court, "DisplayMenu.pl?Utilities")))

    def test_the_nextgen_section_holds_the_link_item(self, page):
        court, html = page
        section = re.search(r'<section aria-labelledby="nextgen-items">(.*?)</section>', html, re.S).group(1)
        assert '<h3 id="nextgen-items">NextGen Release 1.1 Menu Items</h3>' in section
        assert f'<a href="/ecf/{court}/cgi-bin/LinkAccount.pl">Link a CM/ECF account to my PACER account</a>' in section

    @pytest.mark.parametrize("section", ["nextgen-items", "your-account"])
    def test_both_sections_hold_the_link_item(self, page, section):
        court, html = page
        held = re.search(rf'<section aria-labelledby="{section}">(.*?)</section>', html, re.S).group(1)
        assert f'<a href="/ecf/{court}/cgi-bin/LinkAccount.pl">Link a CM/ECF account to my PACER account</a>' in held

    def test_every_utilities_link_works(self, page, client):
        _court, html = page
        main = html.split('<div id="cmecfMainContent">', 1)[1]
        for href in re.findall(r'<a href="(/ecf/[^"]+)">', main):
            assert client.get(href).status_code == 200, href

    def test_your_account_section(self, page):
        _court, html = page
        assert '<h3 id="your-account">Your Account</h3>' in html
        assert "Maintain Your PACER Account" in html


class TestLegacyLogin:
    def post(self, client, court, login, password):
        return text(client.post(ecf_url(court, "login.pl"), data={"login": login, "key": password}))

    def test_the_form_has_login_and_password(self, client):
        page = text(client.get(ecf_url("txwd", "login.pl")))
        assert '<label for="login">Login</label>' in page
        assert '<label for="key">Password</label>' in page
        assert '<button type="submit">Login</button>' in page
        assert 'id="topmenu"' in page and "yuimenubaritem" not in page

    def test_an_unlinked_account_is_told_to_use_pacer(self, client):
        who = persona("filer-txwd")
        page = self.post(client, "txwd", who["ecf_login"], who["ecf_password"])
        assert 'role="alert">This court has upgraded to NextGen CM/ECF. Log in with your individual PACER' in page
        assert client.get_cookie("NextGenCSO") is None

    def test_wrong_credentials(self, client):
        who = persona("filer-txwd")
        assert "Invalid CM/ECF login or password." in self.post(client, "txwd", who["ecf_login"], "nope")
        assert "Invalid CM/ECF login or password." in self.post(client, "mad", who["ecf_login"], who["ecf_password"])


@pytest.mark.parametrize("court", COURTS)
def test_logout_ends_central_sign_on(app, client, court):
    sign_on_to_court(client, f"filer-{court}", court)
    token = client.get_cookie("NextGenCSO").value
    page = client.get(ecf_url(court, "login.pl?logout"))
    assert "You have been logged out of CM/ECF." in text(page)
    assert "yuimenubaritem" not in text(page)
    assert client.get_cookie("NextGenCSO") is None and client.get_cookie("PacerSession") is None
    with app.app_context():
        from mock_court.sites.login.models import session_for

        assert session_for(token) is None
    for other in COURTS:
        assert client.get(ecf_url(other, "showpage.pl?16")).status_code == 302


def test_one_sign_on_serves_every_court(client):
    sign_on_to_court(client, "filer-txwd", "txwd")
    for court in COURTS:
        assert client.get(ecf_url(court, "showpage.pl?16")).status_code == 200
    response = client.get("/login/csologin/login.jsf?pscCourtId=MOEBK&appurl=/ecf/moeb/cgi-bin/iquery.pl")
    assert response.headers["Location"] == "/ecf/moeb/cgi-bin/iquery.pl"
