"""Cross-site requests in a real browser: a page of another site posts to the mock, and is refused.

The attacker's page is served by Playwright from an origin of its own (attacker.localhost): to
Chromium it is another site than the mock's 127.0.0.1, so its posts carry Sec-Fetch-Site:
cross-site, and the mock's SameSite=Lax cookies stay behind, as they would on a real attack.
"""

from __future__ import annotations

from html import escape

import pytest
from playwright.sync_api import Page, expect

ATTACKER = "http://attacker.localhost:8765/"


def post_from_another_site(page: Page, action: str, fields: dict[str, str]) -> int:
    """Open the attacker's page, which submits a form to `action`; answers the mock's status."""
    inputs = "".join(f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">' for k, v in fields.items())
    html = f'<form id="f" method="post" action="{escape(action)}">{inputs}</form>'
    page.route(ATTACKER, lambda route: route.fulfill(content_type="text/html", body=html))
    page.goto(ATTACKER)
    with page.expect_navigation() as navigation:
        page.evaluate("document.getElementById('f').submit()")
    return navigation.value.status


@pytest.mark.parametrize("who", ["returning-user"])
def test_a_page_of_another_site_cannot_sign_the_browser_in(page: Page, sites, personas, who):
    person = personas[who]
    status = post_from_another_site(
        page,
        sites.login("csologin/login.jsf"),
        {
            "loginForm": "loginForm",
            "loginForm:loginName": person["username"],
            "loginForm:password": person["password"],
        },
    )
    assert status == 403
    assert not [c for c in page.context.cookies() if c["name"] == "NextGenCSO"]
    page.goto(sites.psc("pscof/manage.jsf"))
    expect(page).to_have_url(sites.psc("pscof/login.xhtml"))


def test_a_page_of_another_site_cannot_set_a_pending_reset_password(page: Page, sites, personas):
    person = personas["returning-user"]
    page.goto(sites.psc("pscof/forgotPassword.jsf"))
    page.get_by_label("Username").fill(person["username"])
    page.get_by_label("Email").fill(person["email"])
    page.get_by_role("button", name="Next").click()
    for number, answer in enumerate(person["security_answers"], start=1):
        page.locator(f"#answer{number}").fill(answer)
    page.get_by_role("button", name="Next").click()
    expect(page).to_have_url(sites.psc("pscof/forgotPassword/reset.jsf"))

    new = "Attacker#Chosen2026"
    status = post_from_another_site(
        page, sites.psc("pscof/forgotPassword/reset.jsf"), {"password": new, "confirm_password": new}
    )
    assert status == 403
    signed_on = page.request.post(
        sites.login("services/cso-auth"),
        data={"loginId": person["username"], "password": person["password"]},
        headers={"Accept": "application/json"},
    )
    assert signed_on.json()["loginResult"] == "0"
