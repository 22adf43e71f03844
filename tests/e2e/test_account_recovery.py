"""The existing-account dialog of Account Information and where it leads: Forgot Password (the
MAD guide's branch), Forgot Username, and Continue."""

from __future__ import annotations

import pytest
from faker import Faker
from playwright.sync_api import expect

from e2e.catalog import load_guide
from e2e.flows import account_recovery, registration, walk
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.pacer import PacerHomePage
from e2e.pages.psc.account_information import AccountInformationPage
from e2e.pages.psc.confirmation import ConfirmationPage
from e2e.pages.psc.existing_account_dialog import ExistingAccountDialog
from e2e.pages.psc.user_information import UserInformationPage
from e2e.pages.recaptcha import VERIFIED
from fixtures.personas import SECURITY_QUESTIONS
from fixtures.registrants import make_password, new_registrant

MAD = "pacer-registration-mad"


@pytest.fixture
def persona(personas):
    return personas["returning-user"]


@pytest.fixture
def dialog(flow, persona):
    """Account Information filled in with the persona's name, date of birth and email, then Next."""
    guide = load_guide(MAD)
    ctx = flow(guide.court)
    ctx.data["registrant"] = new_registrant("returning-user-again").but(
        first_name=persona["first_name"],
        last_name=persona["last_name"],
        date_of_birth=persona["date_of_birth"],
        email=persona["email"],
    )
    walk(ctx, guide, until="account-information")
    form = registration.enter_account_information(ctx)
    form.go_next()
    found = ExistingAccountDialog(ctx.page)
    expect(found.dialog).to_be_visible()
    expect(found.dialog).to_contain_text("a PACER account may already exist")
    return ctx, found


@pytest.mark.covers(f"{MAD}/existing-account-dialog", f"{MAD}/forgot-password")
def test_forgot_password_from_the_dialog_sets_a_new_password_that_logs_in(dialog, persona, sites):
    ctx, found = dialog
    ctx.illustrate(found.forgot_password_button)
    found.forgot_password()
    fake = Faker()
    fake.seed_instance("new-password")
    new_password = make_password(
        fake, persona["first_name"], persona["last_name"], persona["username"], persona["email"]
    )
    answers = dict(zip(SECURITY_QUESTIONS[:2], persona["security_answers"], strict=True))
    account_recovery.forgot_password(ctx, persona["username"], answers, new_password, email=persona["email"])

    login = CsoLoginPage(ctx.page)
    login.open(sites)
    login.log_in(persona["username"], persona["password"])
    expect(login.messages).to_contain_text("Invalid username or password")
    login.log_in(persona["username"], new_password)
    expect(PacerHomePage(ctx.page).heading).to_be_visible()


@pytest.mark.covers(f"{MAD}/forgot-password")
def test_forgot_password_refuses_wrong_answers_and_an_unknown_person(dialog, persona):
    from e2e.pages.psc.forgot_password import ForgotPasswordPage, SecurityQuestionsPage

    ctx, found = dialog
    found.forgot_password()
    who = ForgotPasswordPage(ctx.page)
    who.identify(persona["username"])
    expect(who.identity).to_have_accessible_description("Enter your email address, account number or date of birth.")
    who.identify(persona["username"], date_of_birth="1901-01-01")
    expect(who.message).to_have_text("The information you entered does not match our records.")
    who.identify(persona["username"], date_of_birth=persona["date_of_birth"])
    questions = SecurityQuestionsPage(ctx.page)
    questions.give_answers({SECURITY_QUESTIONS[0]: "not it", SECURITY_QUESTIONS[1]: "nor this"})
    expect(questions.message).to_have_text("One or more answers are incorrect. Try again.")


@pytest.mark.covers(f"{MAD}/existing-account-dialog")
def test_forgot_username_from_the_dialog_emails_the_username(dialog, persona, mock):
    ctx, found = dialog
    found.forgot_username()
    account_recovery.forgot_username(ctx, persona["account_number"])
    mail = mock.outbox(channel="email", account_number=persona["account_number"])
    assert mail and persona["username"] in mail[-1]["body"]
    assert mail[-1]["recipient"] == persona["email"]


@pytest.mark.covers(f"{MAD}/existing-account-dialog")
def test_continue_registers_a_new_account_anyway_which_stays_inactive_on_three_matches(dialog):
    ctx, found = dialog
    found.go_on()
    expect(UserInformationPage(ctx.page).section).to_be_visible()
    walk(ctx, load_guide(MAD), start="user-information", until="log-in")
    expect(ConfirmationPage(ctx.page).notice).to_contain_text("placed on inactive status")


@pytest.mark.covers(f"{MAD}/existing-account-dialog")
def test_two_matches_show_the_dialog_one_does_not(flow, persona):
    guide = load_guide(MAD)
    ctx = flow(guide.court)
    ctx.data["registrant"] = new_registrant("same-name-only").but(
        first_name=persona["first_name"], last_name=persona["last_name"]
    )
    walk(ctx, guide, until="user-information")
    expect(ExistingAccountDialog(ctx.page).dialog).to_be_hidden()
    UserInformationPage(ctx.page).go_back()
    form = AccountInformationPage(ctx.page)
    form.date_of_birth.fill(persona["date_of_birth"])
    form.captcha.check()
    expect(form.captcha.status).to_have_text(VERIFIED)  # as a person waits for the check mark
    form.go_next()
    expect(ExistingAccountDialog(ctx.page).dialog).to_be_visible()
