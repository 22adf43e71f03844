"""Manage My Account (pacer.psc.uscourts.gov/pscof/login.xhtml): its login, the account
summary (its Multifactor Auth field and Settings tab), and Activate Case Search Privileges with
the code from the activation letter."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.pages.psc import field
from e2e.secrets import fill_secret
from e2e.sites import Sites

ACTIVATE = "Activate Case Search Privileges"


class ManageLoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Manage My Account", level=1)
        self.message = page.get_by_role("alert")
        self.notice = page.get_by_role("status")
        self.username = field(page, "Username")
        self.password = field(page, "Password")
        self.login_button = page.get_by_role("button", name="Login")
        self.forgot_password_link = page.get_by_role("link", name="Forgot Password")
        self.forgot_username_link = page.get_by_role("link", name="Forgot Username")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.psc("pscof/login.xhtml"))

    def log_in(self, username: str, password: str) -> None:
        self.username.fill(username)
        fill_secret(self.password, password)
        self.login_button.click()


class ManageAccountPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Manage My Account", level=1)
        self.warning = page.get_by_role("alert")
        self.activate_link = page.get_by_role("link", name=ACTIVATE)
        self.logout_button = page.get_by_role("button", name="Log Out")
        self.enroll_link = page.get_by_role("link", name="Enroll", exact=True)
        self.settings_tab = page.get_by_role("navigation", name="Manage My Account").get_by_role(
            "link", name="Settings"
        )

    def value_of(self, term: str):
        """A value of the account summary: "Account Number", "Account Status", "User Type"..."""
        return summary_value(self.page, term)


def summary_value(page: Page, term: str):
    """The value beside a term of a page's summary list (a <dl>), as a reader pairs them."""
    return page.get_by_role("term").filter(has_text=term).locator("xpath=following-sibling::dd[1]")


class ActivatePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name=ACTIVATE, level=1)
        self.activation_code = field(page, "Activation Code")
        self.activate_button = page.get_by_role("button", name="Activate")

    def activate(self, code: str) -> None:
        fill_secret(self.activation_code, code)
        self.activate_button.click()
