"""The legacy CM/ECF login form (/cgi-bin/login.pl), which after linking sends filers to PACER sign-on."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.secrets import fill_secret
from e2e.sites import Sites


class EcfLoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.login = page.get_by_label("Login", exact=True)
        self.password = page.get_by_label("Password", exact=True)
        self.submit_button = page.get_by_role("button", name="Login", exact=True)
        self.message = page.get_by_role("alert")

    def open(self, sites: Sites, court: str) -> None:
        self.page.goto(sites.ecf(court, "cgi-bin/login.pl"))

    def log_in(self, login: str, password: str) -> None:
        self.login.fill(login)
        fill_secret(self.password, password)
        self.submit_button.click()
