"""Forgot Username: the account number; the username is emailed to the address on file."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.pages.psc import field
from e2e.sites import Sites


class ForgotUsernamePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Forgot Username", level=1)
        self.account_number = field(page, "Account Number")
        self.submit_button = page.get_by_role("button", name="Submit")
        self.sent = page.get_by_role("status")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.psc("pscof/forgotUsername.jsf"))

    def request_username(self, account_number: str) -> None:
        self.account_number.fill(account_number)
        self.submit_button.click()
