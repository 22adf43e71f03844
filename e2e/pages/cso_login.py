"""The central sign-on login page (pacer.login.uscourts.gov/csologin/login.jsf).

The real page's element ids (loginForm:loginName and so on) are the contract real clients
rely on, so this page object uses them.
"""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.secrets import fill_secret
from e2e.sites import Sites


class CsoLoginPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.username = page.locator("[id='loginForm:loginName']")
        self.password = page.locator("[id='loginForm:password']")
        self.client_code = page.locator("[id='loginForm:clientCode']")
        self.login_button = page.locator("[id='loginForm:fbtnLogin']")
        self.messages = page.locator("[id='loginForm:pclLoginMessages']")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.login("csologin/login.jsf"))

    def enter_credentials(self, username: str, password: str, client_code: str | None = None) -> None:
        self.username.fill(username)
        fill_secret(self.password, password)
        if client_code:
            self.client_code.fill(client_code)

    def log_in(self, username: str, password: str, client_code: str | None = None) -> None:
        self.enter_credentials(username, password, client_code)
        self.login_button.click()
