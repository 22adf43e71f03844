"""A court's public website (www.<court>.uscourts.gov): home page, help desk, credential recovery."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from e2e.sites import Sites


class CourtHomePage:
    """ "Welcome to the U.S. District Court for ...", with the link to the court's CM/ECF."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.welcome = page.get_by_role("heading", level=1)
        self.filing_system_link = page.get_by_role("link", name=re.compile(r"\s–\sDocument Filing System$"))
        self.forgot_credentials_link = page.get_by_role("link", name="Forgot Your Username and Password")
        self.contact_link = page.get_by_role("link", name=re.compile(r"^Contact"))

    def open(self, sites: Sites, court: str) -> None:
        self.page.goto(sites.court(court))

    def open_filing_system(self) -> None:
        self.filing_system_link.click()

    def open_forgot_credentials(self) -> None:
        self.forgot_credentials_link.click()

    def open_contact(self) -> None:
        self.contact_link.click()


class ContactPage:
    """The court's help desk: its name, phone number and email address."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.content = page.get_by_role("main")


class ForgotCredentialsPage:
    """How CM/ECF e-filing credentials are recovered at this court, with a reset request form."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.content = page.get_by_role("main")
        self.ecf_login = page.get_by_role("textbox", name="CM/ECF login")
        self.submit_button = page.get_by_role("button", name="Submit")
        self.sent = page.get_by_role("status")

    def request_reset(self, ecf_login: str) -> None:
        self.ecf_login.fill(ecf_login)
        self.submit_button.click()
