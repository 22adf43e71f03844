"""Getting into an account again: Forgot Password, Forgot Username, and activating an account
registered without a card with the code from the activation letter (Manage My Account).

These are the branches the registration guides point to (the existing-account dialog's Forgot
Password, the no-card activation by mail); each function is what a person does there.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.flows import FlowContext
from e2e.flows.registration import registrant
from e2e.pages.psc.forgot_password import ForgotPasswordPage, NewPasswordPage, SecurityQuestionsPage
from e2e.pages.psc.forgot_username import ForgotUsernamePage
from e2e.pages.psc.manage_account import ActivatePage, ManageAccountPage, ManageLoginPage

ACTIVATION_CODE = re.compile(r"^Activation Code:\s*(\S+)\s*$", re.M)
RESET_DONE = "Your password has been reset. Log in with your new password."
ACTIVATED = "Your case search privileges have been activated."


def activation_code(ctx: FlowContext, account_number: str) -> str:
    """The code printed in the activation letter mailed for the account."""
    letters = ctx.control().outbox(channel="mail", account_number=account_number)
    if not letters:
        raise AssertionError(f"no activation letter was mailed for account {account_number}")
    found = ACTIVATION_CODE.search(letters[-1]["body"])
    if not found:
        raise AssertionError(f"the letter for account {account_number} holds no activation code")
    return found.group(1)


def activate_by_mail(ctx: FlowContext) -> None:
    """Read the letter, log in to Manage My Account, Activate Case Search Privileges."""
    person = registrant(ctx)
    code = activation_code(ctx, ctx.data["account_number"])
    login = ManageLoginPage(ctx.page)
    login.open(ctx.sites)
    login.log_in(person.username, person.password)
    account = ManageAccountPage(ctx.page)
    expect(account.warning).to_contain_text("PACER User Not Activated")
    expect(account.value_of("Account Status")).to_have_text("Not activated")
    ctx.illustrate(account.activate_link)
    account.activate_link.click()
    activate = ActivatePage(ctx.page)
    activate.activate(code)
    expect(ctx.page.get_by_text(ACTIVATED)).to_be_visible()
    expect(account.value_of("Account Status")).to_have_text("Active")
    expect(account.activate_link).to_be_hidden()


def forgot_password(
    ctx: FlowContext, username: str, answers: dict[str, str], new_password: str, **identity: str
) -> None:
    """From the Forgot Password page: who you are (username plus email, account_number or
    date_of_birth), the answers to your security questions, a new password."""
    who = ForgotPasswordPage(ctx.page)
    expect(who.heading).to_be_visible()
    who.identify(username, **identity)
    questions = SecurityQuestionsPage(ctx.page)
    expect(questions.section).to_be_visible()
    questions.give_answers(answers)
    new = NewPasswordPage(ctx.page)
    expect(new.section).to_be_visible()
    new.set_password(new_password)
    expect(ctx.page.get_by_text(RESET_DONE)).to_be_visible()


def forgot_username(ctx: FlowContext, account_number: str) -> None:
    """From the Forgot Username page: the account number; the username goes out by email."""
    page = ForgotUsernamePage(ctx.page)
    expect(page.heading).to_be_visible()
    page.request_username(account_number)
    expect(page.sent).to_contain_text("Your username has been sent to the email address on file")
