"""The public PACER site (blueprint pacer): Register for an Account, the account type pages, Find a Case."""

from __future__ import annotations

import re

import pytest

from mock_court.sites.psc.forms import ACCOUNT_TYPES
from tests.unit.registration_helpers import MANAGE, page_text


def links(response) -> list[tuple[str, str]]:
    """(text, href) of every link, in order."""
    text = response.get_data(as_text=True)
    return [
        (" ".join(re.sub(r"<[^>]+>", "", name).split()), href)
        for href, name in re.findall(r'<a [^>]*href="([^"]+)"[^>]*>(.*?)</a>', text, flags=re.S)
    ]


def test_the_front_door_leads_to_register_for_an_account(client):
    assert client.get("/").location.endswith("/pacer/register-account")
    home = client.get("/pacer/")
    assert "Public Access to Court Electronic Records" in page_text(home)
    assert ("Register for an Account", "/pacer/register-account") in links(home)
    assert ("Log In", "/login/csologin/login.jsf") in links(home)
    assert ("Manage My Account", "/psc/pscof/login.xhtml") in links(home)


def test_register_for_an_account_lists_the_four_types_in_the_left_panel_and_the_page(client):
    response = client.get("/pacer/register-account")
    text = response.get_data(as_text=True)
    assert "<h1>Register for an Account</h1>" in text
    panel = text[text.index('<nav class="side-panel" aria-label="Account types">') :]
    panel, main = panel[: panel.index("</nav>")], text[text.index("<main") : text.index("</main>")]
    for slug, name in ACCOUNT_TYPES.items():
        link = f'<a href="/pacer/register-account/{slug}"'
        assert link in panel and link in main and name in panel and name in main
    assert list(ACCOUNT_TYPES.values()) == [
        "PACER - Case Search Only",
        "Attorney Filers (CM/ECF)",
        "Non-Attorney Filers (CM/ECF)",
        "PACER Administrative Account",
    ]
    assert ("Registration Wizard", "/psc/pscof/regWizard.jsf") in links(response)
    assert text.index("</nav>", text.index("side-panel")) < text.index("<main")  # the panel is beside main, not in it


@pytest.mark.parametrize("slug", list(ACCOUNT_TYPES))
def test_each_account_type_page_links_to_the_registration_form(client, slug):
    response = client.get(f"/pacer/register-account/{slug}")
    assert response.status_code == 200
    assert f"<h1>{ACCOUNT_TYPES[slug]}</h1>" in response.get_data(as_text=True)
    assert ("Register for a PACER account now", f"/psc/pscof/registration.jsf?accountType={slug}") in links(response)
    assert f'href="/pacer/register-account/{slug}" aria-current="page"' in response.get_data(as_text=True)


def test_the_attorney_page_advises_case_search_only_first(client):
    text = page_text(client.get("/pacer/register-account/attorney-filers-cmecf"))
    assert "should register for a PACER - Case Search Only account" in text


def test_an_unknown_account_type_is_not_found(client):
    assert client.get("/pacer/register-account/astronaut").status_code == 404


def test_the_registration_wizard_recommends_a_type(client):
    cases = {
        ("no", "no", "no"): "pacer-case-search-only",
        ("yes", "yes", "no"): "attorney-filers-cmecf",
        ("yes", "no", "no"): "non-attorney-filers-cmecf",
        ("no", "no", "yes"): "group-billing",
    }
    for (efile, attorney, billing), slug in cases.items():
        response = client.get(f"/psc/pscof/regWizard.jsf?efile={efile}&attorney={attorney}&billing={billing}")
        assert f"We recommend: {ACCOUNT_TYPES[slug]}" in page_text(response)
        assert ("Register for a PACER account now", f"/psc/pscof/registration.jsf?accountType={slug}") in links(
            response
        )
    assert "Answer all three questions." in page_text(client.get("/psc/pscof/regWizard.jsf?efile=yes"))
    assert "We recommend" not in page_text(client.get("/psc/pscof/regWizard.jsf"))


def test_find_a_case_asks_to_log_in_first(client):
    response = client.get("/pacer/find-case")
    assert ("Log in to PACER", "/login/csologin/login.jsf") in links(response)


@pytest.mark.parametrize(
    ("persona_id", "refusal"),
    [
        ("awaiting-activation", "PACER User Not Activated"),
        ("inactive-user", "PACER User Inactive"),
    ],
)
def test_find_a_case_refuses_accounts_that_cannot_search(app, client, persona_id, refusal):
    from mock_court.core.store import get_db
    from mock_court.sites.login.models import SESSION_COOKIES, start_session
    from tests.unit.signon_helpers import persona

    with app.app_context():
        account_id = (
            get_db()
            .execute("SELECT id FROM accounts WHERE username = ?", (persona(persona_id)["username"],))
            .fetchone()["id"]
        )
        token = start_session(account_id)
    client.set_cookie(SESSION_COOKIES[0], token)
    response = client.get("/pacer/find-case?party_name=Smith")
    assert refusal in page_text(response) and 'role="alert"' in response.get_data(as_text=True)
    assert "No cases found" not in page_text(response)
    assert ("Go to Manage My Account", MANAGE) in links(response)


def test_find_a_case_searches_for_an_active_account(app, client):
    from tests.unit.registration_helpers import manage_log_in
    from tests.unit.signon_helpers import persona

    p = persona("returning-user")
    manage_log_in(client, p["username"], p["password"])
    assert 'No cases found for "Smith"' in page_text(client.get("/pacer/find-case?party_name=Smith"))
