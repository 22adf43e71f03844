"""The last registration screen: thanks, the account number and type, and what comes next."""

from __future__ import annotations

from playwright.sync_api import Page

THANKS = "Thank you for registering with the PACER Service Center"
CREATED = "Your account has been created!"


class ConfirmationPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.section = page.get_by_role("region", name=THANKS)
        self.heading = page.get_by_role("heading", name=THANKS)
        self.created = page.get_by_text(CREATED)
        self.account_number = page.get_by_test_id("account-number")
        self.account_type = page.get_by_test_id("account-type")
        self.notice = self.section.get_by_role("status").or_(self.section.get_by_role("alert"))
        self.manage_account_link = page.get_by_role("link", name="Log in to Manage My Account")
        self.pacer_login_link = page.get_by_role("link", name="Log in to PACER")
