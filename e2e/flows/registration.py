"""PACER registration, one function per documented step of the two registration guides.

Both guides share the registration form's steps (account information, user information,
payment, policies); they differ in how they reach the form and how they end. The person who
registers is `ctx.data["registrant"]`, made from fixtures/registrants.py by the first step that
needs it unless the caller put one there. `ctx.data["card"]` is the card to give: the
registrant's own unless the caller set it (None registers without a card). Steps leave what
later ones need in ctx.data: "account_number" and "activated".
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.flows import FlowContext
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.pacer import (
    ACCOUNT_TYPES,
    CASE_SEARCH_ONLY,
    AccountTypePage,
    FindCasePage,
    PacerHomePage,
    RegisterAccountPage,
)
from e2e.pages.psc.account_information import AccountInformationPage
from e2e.pages.psc.confirmation import ConfirmationPage
from e2e.pages.psc.payment import PaymentPage
from e2e.pages.psc.policies import PoliciesPage
from e2e.pages.psc.user_information import UserInformationPage
from e2e.pages.recaptcha import VERIFIED
from fixtures.registrants import Card, Registrant, new_registrant

FORM_HEADING = f"{CASE_SEARCH_ONLY} Registration"
NOT_ACTIVATED = "PACER User Not Activated"
BY_MAIL = "7-10 business days"
VIEW_ONLY = "This account is just for viewing documents, not for e-filing."


def registrant(ctx: FlowContext) -> Registrant:
    """The person registering in this context, made from the court's seed when first needed."""
    if "registrant" not in ctx.data:
        ctx.data["registrant"] = new_registrant(f"registrant-{ctx.court}")
    return ctx.data["registrant"]


def card(ctx: FlowContext) -> Card | None:
    return ctx.data.get("card", registrant(ctx).card)


# ---- Reaching the form ------------------------------------------------------------------------


def open_registration_overview(ctx: FlowContext) -> None:
    """MAD: navigate to the PACER account registration overview page."""
    registrant(ctx)
    overview = RegisterAccountPage(ctx.page)
    overview.open(ctx.sites)
    expect(overview.heading).to_be_visible()
    ctx.illustrate(overview.left_panel)
    for name in ACCOUNT_TYPES:
        expect(overview.account_type(name)).to_be_visible()
        expect(overview.panel_link(name)).to_be_visible()


def open_pacer_site(ctx: FlowContext) -> None:
    """MOEB step 1: go to www.pacer.uscourts.gov, then (the guide's missing step 2) Register for an Account."""
    registrant(ctx)
    home = PacerHomePage(ctx.page)
    home.open(ctx.sites)
    expect(home.heading).to_be_visible()
    ctx.illustrate(home.register_link)
    home.open_registration()
    expect(RegisterAccountPage(ctx.page).heading).to_be_visible()


def choose_case_search_only(ctx: FlowContext) -> None:
    """MOEB step 3: select PACER - Case Search Only from the left panel."""
    link = RegisterAccountPage(ctx.page).panel_link(CASE_SEARCH_ONLY)
    ctx.illustrate(link)
    link.click()
    type_page = AccountTypePage(ctx.page)
    expect(type_page.heading).to_have_text(CASE_SEARCH_ONLY)
    expect(type_page.register_now).to_be_visible()


def start_registration(ctx: FlowContext) -> None:
    """MOEB step 4: follow "Register for a PACER account now" to the registration form."""
    type_page = AccountTypePage(ctx.page)
    ctx.illustrate(type_page.register_now)
    type_page.start_registration()
    expect(AccountInformationPage(ctx.page).heading).to_have_text(FORM_HEADING)


def choose_account_type(ctx: FlowContext) -> None:
    """MAD: select the account type that suits (PACER - Case Search Only) and go to its form."""
    choose_case_search_only(ctx)
    AccountTypePage(ctx.page).start_registration()
    expect(AccountInformationPage(ctx.page).heading).to_have_text(FORM_HEADING)


# ---- The registration form --------------------------------------------------------------------


def enter_account_information(ctx: FlowContext) -> AccountInformationPage:
    """Every field of Account Information, County once the State is chosen, and User
    Verification: all of the step short of Next."""
    person = registrant(ctx)
    form = AccountInformationPage(ctx.page)
    expect(form.section).to_be_visible()
    expect(form.required_note).to_be_visible()
    form.fill_person(person)
    expect(form.county).to_be_hidden()
    form.fill_address(person)
    form.fill_contact(person)
    form.choose_user_type(person.user_type)
    form.captcha.check()
    expect(form.captcha.status).to_have_text(VERIFIED)
    return form


def fill_account_information(ctx: FlowContext) -> None:
    """Complete Account Information, verify "I'm not a robot", Next."""
    form = enter_account_information(ctx)
    ctx.illustrate(form.next_button)
    form.go_next()
    expect(UserInformationPage(ctx.page).section).to_be_visible()


def enter_user_information(ctx: FlowContext) -> UserInformationPage:
    """Username, password (its criteria pop up while typing), two security questions."""
    person = registrant(ctx)
    form = UserInformationPage(ctx.page)
    expect(form.section).to_be_visible()
    form.fill_username(person.username)
    form.type_password(person.password)
    expect(form.password_note).to_be_visible()
    expect(form.password_note.get_by_text("(not met)")).to_have_count(0)
    form.confirm(person.password)
    form.answer_questions(person.questions, person.answers)
    return form


def fill_user_information(ctx: FlowContext) -> None:
    """Create the username and password, answer two security questions, Next."""
    form = enter_user_information(ctx)
    ctx.illustrate(form.next_button)
    form.go_next()
    expect(PaymentPage(ctx.page).section).to_be_visible()


def enter_payment(ctx: FlowContext) -> PaymentPage:
    """The card with the billing address copied from step 1 and the quarterly authorization,
    or nothing at all when registering without a card."""
    person, given = registrant(ctx), card(ctx)
    payment = PaymentPage(ctx.page)
    expect(payment.optional_note).to_be_visible()
    if given is not None:
        payment.fill_card(given)
        payment.use_billing_address.check()
        expect(payment.billing_address).to_have_value(person.address1)
        expect(payment.billing_city).to_have_value(person.city)
        expect(payment.billing_state).to_have_value(person.state)
        expect(payment.billing_zip).to_have_value(person.zip)
        payment.authorize.check()
    return payment


def fill_payment(ctx: FlowContext) -> None:
    """Give the card (or nothing), Next."""
    payment = enter_payment(ctx)
    ctx.illustrate(payment.next_button)
    payment.go_next()
    expect(PoliciesPage(ctx.page).section).to_be_visible()


def acknowledge_policies(ctx: FlowContext) -> None:
    """Read the policies, check the acknowledgment, Submit: the account is created."""
    policies = PoliciesPage(ctx.page)
    expect(policies.policies).to_contain_text("PACER")
    policies.acknowledge.check()
    ctx.illustrate(policies.next_button)
    policies.submit()
    done = ConfirmationPage(ctx.page)
    expect(done.heading).to_be_visible()
    expect(done.account_number).to_have_text(re.compile(r"^\d+$"))
    expect(done.section).to_contain_text(registrant(ctx).username)
    ctx.data["account_number"] = done.account_number.inner_text()
    ctx.data["activated"] = card(ctx) is not None


def read_confirmation(ctx: FlowContext) -> None:
    """MOEB step 9: thanks for registering; a Case Search Only account is for viewing only,
    usable at once with a card, after the mailed activation code without one."""
    done = ConfirmationPage(ctx.page)
    ctx.illustrate(done.section)
    expect(done.created).to_be_visible()
    expect(done.account_type).to_have_text(CASE_SEARCH_ONLY)
    expect(done.section).to_contain_text(VIEW_ONLY)
    if ctx.data.get("activated", True):
        expect(done.notice).to_contain_text("you can use PACER now")
    else:
        expect(done.notice).to_contain_text(BY_MAIL)


def log_in_new_account(ctx: FlowContext) -> None:
    """MAD: at the PACER login page, log in with the new username and password.

    With a card the account is active: login leads to PACER, where Find a Case offers its
    search. Without one (the guide's no-card branch) login is refused until activation.
    """
    person = registrant(ctx)
    login = CsoLoginPage(ctx.page)
    login.open(ctx.sites)
    login.enter_credentials(person.username, person.password)
    ctx.illustrate(login.login_button)
    login.login_button.click()
    if not ctx.data.get("activated", True):
        expect(login.messages).to_contain_text(NOT_ACTIVATED)
        return
    expect(PacerHomePage(ctx.page).heading).to_be_visible()
    search = FindCasePage(ctx.page)
    search.open(ctx.sites)
    expect(search.party_name).to_be_visible()
