"""Linking a CM/ECF account to the PACER account signed on: form, verification, confirmation."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.secrets import fill_secret


class LinkAccountForm:
    """ "Enter your CM/ECF login and password": the CM/ECF account to link."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.ecf_login = page.get_by_label("CM/ECF login")
        self.ecf_password = page.get_by_label("CM/ECF password")
        self.submit_button = page.get_by_role("button", name="Submit")
        self.error = page.get_by_role("alert")
        self.notice = page.get_by_role("status")

    def enter_credentials(self, ecf_login: str, ecf_password: str) -> None:
        self.ecf_login.fill(ecf_login)
        fill_secret(self.ecf_password, ecf_password)

    def submit(self) -> None:
        self.submit_button.click()


class LinkVerifyPage:
    """Both accounts side by side, to be checked before the link is made."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.ecf_account = page.get_by_role("region", name="CM/ECF account")
        self.pacer_account = page.get_by_role("region", name="PACER account")
        self.submit_button = page.get_by_role("button", name="Submit")
        self.cancel_button = page.get_by_role("button", name="Cancel")
        self.error = page.get_by_role("alert")

    def confirm(self) -> None:
        self.submit_button.click()

    def cancel(self) -> None:
        self.cancel_button.click()


class LinkConfirmationPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.message = page.get_by_text("The account link was successful")
        self.use_pacer_credentials = page.get_by_text("you must use your PACER credentials")
