"""Manage My Account's multifactor authentication screens (pacer.psc.uscourts.gov): Settings,
Multifactor Authentication Methods, the emailed security code, naming the app, Set Up App and
the backup codes. Screen and button names follow the PACER learning aid where it gives them."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from e2e.pages.psc import field
from e2e.pages.psc.manage_account import summary_value
from e2e.secrets import fill_secret

METHODS = "Multifactor Authentication Methods"


class SettingsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.tab = page.get_by_role("navigation", name="Manage My Account").get_by_role("link", name="Settings")
        self.heading = page.get_by_role("heading", name="Settings", level=2)
        self.current_email = summary_value(page, "Email")
        self.new_email = field(page, "New Email Address")
        self.update_button = page.get_by_role("button", name="Update Email")
        self.manage_mfa_link = page.get_by_role("link", name="Manage MFA Settings")
        self.notice = page.get_by_role("status")

    def update_email(self, email: str) -> None:
        self.new_email.fill(email)
        self.update_button.click()


class MfaMethodsPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name=METHODS, level=1)
        self.add_app_button = page.get_by_role("button", name="Add App")
        self.get_new_codes_button = page.get_by_role("button", name="Get New Codes")
        self.message = page.get_by_role("alert")
        self.notice = page.get_by_role("status")
        self.apps = page.get_by_role("table").get_by_role("row")
        self.backup_codes_left = page.get_by_role("region", name="Backup Codes").get_by_text(
            re.compile(r"\d+ unused backup codes|No backup codes")
        )
        self.main = page.get_by_role("main")

    def app(self, name: str):
        return self.page.get_by_role("row").filter(has=self.page.get_by_role("cell", name=name, exact=True))

    def delete(self, name: str) -> None:
        self.page.get_by_role("button", name=f"Delete {name}", exact=True).click()


class SecurityCodePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Security Code", level=1)
        self.lead = page.locator("p.lead")
        self.security_code = field(page, "Security Code")
        self.submit_button = page.get_by_role("button", name="Submit")

    def enter(self, code: str) -> None:
        fill_secret(self.security_code, code)
        self.submit_button.click()


class AppNamePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Name Your App", level=1)
        self.app_name = field(page, "App Name")
        self.next_button = page.get_by_role("button", name="Next")

    def name(self, name: str) -> None:
        self.app_name.fill(name)
        self.next_button.click()


class SetUpAppPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Set Up App", level=1)
        self.qr_code = page.get_by_role("img", name="QR code")
        self.secret_key = page.get_by_label("Secret key")
        self.app_code = field(page, "6-Digit Code")
        self.submit_button = page.get_by_role("button", name="Submit")

    def enter(self, code: str) -> None:
        fill_secret(self.app_code, code)
        self.submit_button.click()


class BackupCodesPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Backup Codes", level=1)
        self.codes = page.get_by_role("list", name="Backup codes").get_by_role("listitem")
        self.done_link = page.get_by_role("link", name="Done")
