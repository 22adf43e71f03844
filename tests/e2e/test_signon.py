"""Signing on to a court's CM/ECF through central sign-on: login, shared-account warning, redaction."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.authenticator import authenticator_of
from e2e.flows import linking
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.ecf.menu_bar import MenuBar
from e2e.pages.mfa_signon import PasscodePage
from e2e.pages.redaction import RedactionAgreement
from fixtures.courts import court_ids

GUIDE = "link-accounts-txwd"
COURTS = court_ids()


def open_sign_on(ctx) -> None:
    linking.go_to_court_site(ctx)
    linking.follow_document_filing_system_link(ctx)


@pytest.mark.covers(f"{GUIDE}/log-in")
@pytest.mark.parametrize("court", COURTS)
def test_a_wrong_pacer_password_is_refused_at_sign_on(flow, personas, court):
    person = personas[f"filer-{court}"]
    ctx = flow(court, persona=person)
    open_sign_on(ctx)
    login = CsoLoginPage(ctx.page)
    login.log_in(person["username"], person["password"] + "x")
    expect(login.messages).to_contain_text("Invalid username or password")
    expect(RedactionAgreement(ctx.page).understand).to_have_count(0)


@pytest.mark.covers(f"{GUIDE}/redaction-agreement")
@pytest.mark.parametrize("court", COURTS)
def test_continue_stays_disabled_until_the_redaction_box_is_checked(flow, personas, court):
    ctx = flow(court, persona=personas[f"filer-{court}"])
    open_sign_on(ctx)
    linking.log_in(ctx)

    redaction = RedactionAgreement(ctx.page)
    expect(redaction.notice).to_be_visible()
    expect(redaction.continue_button).to_be_disabled()
    redaction.agree()
    expect(redaction.continue_button).to_be_enabled()
    redaction.withdraw()
    expect(redaction.continue_button).to_be_disabled()
    redaction.agree()
    redaction.proceed()
    expect(MenuBar(ctx.page).labels).to_have_text(["Query", "Reports", "Utilities", "Help", "Log Out"])


@pytest.mark.covers(f"{GUIDE}/redaction-agreement")
def test_the_server_refuses_continue_without_the_redaction_box(flow, personas):
    ctx = flow("txwd", persona=personas["filer-txwd"])
    open_sign_on(ctx)
    linking.log_in(ctx)

    redaction = RedactionAgreement(ctx.page)
    ctx.page.wait_for_load_state("load")  # the page's script has run: it no longer keeps the button disabled
    redaction.continue_button.evaluate("button => { button.disabled = false; }")
    redaction.proceed()
    expect(redaction.messages).to_contain_text("You must check the box")
    expect(MenuBar(ctx.page).labels).to_have_count(0)


@pytest.mark.covers(f"{GUIDE}/no-shared-firm-login")
def test_signing_on_with_a_shared_firm_account_warns_against_filing_with_it(flow, personas):
    ctx = flow("txwd", persona=personas["firm-attorney-a"])
    open_sign_on(ctx)
    linking.log_in(ctx)
    redaction = RedactionAgreement(ctx.page)
    expect(redaction.messages).to_contain_text("This is a shared firm PACER account")
    expect(redaction.messages).to_contain_text("lock out all other attorneys from your firm")


@pytest.mark.covers(f"{GUIDE}/no-shared-firm-login")
def test_an_individual_account_sees_no_shared_account_warning(flow, personas):
    ctx = flow("txwd", persona=personas["filer-txwd"])
    open_sign_on(ctx)
    linking.log_in(ctx)
    expect(RedactionAgreement(ctx.page).understand).to_be_visible()
    expect(ctx.page.get_by_text("This is a shared firm PACER account")).to_have_count(0)


@pytest.mark.covers(f"{GUIDE}/log-in", f"{GUIDE}/enter-passcode")
@pytest.mark.parametrize("court", COURTS)
def test_an_enrolled_filer_passes_the_passcode_step_and_a_wrong_code_is_refused(flow, personas, court):
    person = personas[f"filer-{court}"]
    assert person["mfa"] == "enrolled"
    ctx = flow(court, persona=person)
    open_sign_on(ctx)
    CsoLoginPage(ctx.page).log_in(person["username"], person["password"])

    passcode = PasscodePage(ctx.page)
    right = authenticator_of(ctx.data).code(person["otp_secret"])
    passcode.enter(f"{(int(right) + 1) % 1_000_000:06d}")
    expect(passcode.messages).to_contain_text("Invalid one-time passcode")
    expect(RedactionAgreement(ctx.page).understand).to_have_count(0)

    passcode.enter(right)
    expect(RedactionAgreement(ctx.page).understand).to_be_visible()
