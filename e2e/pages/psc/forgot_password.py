"""Forgot Password, three screens: who you are (username plus email, account number or date of
birth), your security answers, then a new password under the registration rules."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.pages.psc import field
from e2e.secrets import fill_secret
from e2e.sites import Sites


class ForgotPasswordPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Forgot Password", level=1)
        self.message = page.get_by_role("alert")
        self.username = field(page, "Username")
        self.email = field(page, "Email")
        self.account_number = field(page, "Account Number")
        self.date_of_birth = field(page, "Date of Birth")
        self.identity = page.get_by_role("group", name="And one of these")
        self.next_button = page.get_by_role("button", name="Next")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.psc("pscof/forgotPassword.jsf"))

    def identify(self, username: str, *, email: str = "", account_number: str = "", date_of_birth: str = "") -> None:
        self.username.fill(username)
        self.email.fill(email)
        self.account_number.fill(account_number)
        self.date_of_birth.fill(date_of_birth)
        self.next_button.click()


class SecurityQuestionsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.section = page.get_by_role("heading", name="Security Questions", level=2)
        self.message = page.get_by_role("alert")
        self.next_button = page.get_by_role("button", name="Next")

    def answer(self, question: str):
        """The answer field labelled with the account's question."""
        return field(self.page, question)

    def give_answers(self, answers: dict[str, str]) -> None:
        for question, answer in answers.items():
            fill_secret(self.answer(question), answer)
        self.next_button.click()


class NewPasswordPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.section = page.get_by_role("heading", name="Set a New Password", level=2)
        self.password = field(page, "New Password")
        self.confirm_password = field(page, "Confirm New Password")
        self.password_note = page.get_by_role("tooltip").filter(has_text="Your password must")
        self.save_button = page.get_by_role("button", name="Save")

    def set_password(self, password: str) -> None:
        fill_secret(self.password, password)
        fill_secret(self.confirm_password, password)
        self.save_button.click()
