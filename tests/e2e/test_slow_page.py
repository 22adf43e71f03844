"""On a slow connection a person may act before a page's script has run: the pop-up note,
County and the billing address catch up once it does, and the captcha waits until it can
answer a click."""

from __future__ import annotations

import pytest
from playwright.sync_api import Route, expect

from e2e.catalog import load_guide
from e2e.flows import registration, walk
from e2e.pages.psc.account_information import AccountInformationPage
from e2e.pages.psc.payment import PaymentPage
from e2e.pages.psc.user_information import UserInformationPage
from e2e.pages.recaptcha import VERIFIED

MAD = "pacer-registration-mad"


@pytest.fixture
def slow_script(page):
    """Hold back a script on pages whose URL contains a marker, until released. The page may ask
    for it only after the release (an iframe's script comes late): then it goes through at once."""
    held: list[Route] = []
    asked: list[str] = []
    released = False

    def hold_on(marker: str, script: str = "psc.js") -> None:
        def handle(route: Route) -> None:
            if marker not in (route.request.headers.get("referer") or ""):
                route.continue_()
                return
            asked.append(route.request.url)
            if released:
                route.continue_()
            else:
                held.append(route)

        page.route(f"**/static/{script}", handle)

    def release() -> None:
        nonlocal released
        released = True
        while held:
            held.pop().continue_()

    hold_on.release = release
    yield hold_on
    assert asked, "the script was never requested"


@pytest.fixture
def ctx(flow):
    return flow("mad")


@pytest.mark.covers(f"{MAD}/county-after-state")
def test_county_appears_for_a_state_chosen_before_the_script_ran(page, sites, mock, slow_script):
    slow_script("registration.jsf")
    form = AccountInformationPage(page)
    page.goto(sites.psc("pscof/registration.jsf"), wait_until="commit")
    form.choose_state("Massachusetts")
    expect(form.county).to_be_hidden()
    slow_script.release()
    expect(form.county).to_be_visible()
    expect(form.county.get_by_role("option", name="Suffolk County")).to_be_attached()


@pytest.mark.covers(f"{MAD}/password")
def test_password_note_shows_for_a_password_typed_before_the_script_ran(ctx, slow_script):
    walk(ctx, load_guide(MAD), until="account-information")
    slow_script("user-information")
    registration.fill_account_information(ctx)
    form = UserInformationPage(ctx.page)
    form.type_password(registration.registrant(ctx).password)
    slow_script.release()
    expect(form.password_note).to_be_visible()
    expect(form.password_note.get_by_text("(not met)")).to_have_count(0)


@pytest.mark.covers(f"{MAD}/billing-address")
def test_billing_address_is_copied_when_checked_before_the_script_ran(ctx, slow_script):
    walk(ctx, load_guide(MAD), until="account-information")
    registration.fill_account_information(ctx)
    slow_script("payment-information")
    registration.fill_user_information(ctx)
    form = PaymentPage(ctx.page)
    form.use_billing_address.check()
    slow_script.release()
    expect(form.billing_city).to_have_value(registration.registrant(ctx).city)


@pytest.mark.covers(f"{MAD}/user-verification")
def test_captcha_checkbox_waits_for_its_script(page, sites, mock, slow_script):
    slow_script("anchor", script="recaptcha.anchor.js")
    form = AccountInformationPage(page)
    page.goto(sites.psc("pscof/registration.jsf"), wait_until="commit")
    expect(form.captcha.checkbox).to_be_disabled()
    slow_script.release()
    form.captcha.check()
    expect(form.captcha.status).to_have_text(VERIFIED)
