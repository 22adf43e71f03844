"""The multifactor authentication stages of central sign-on: the passcode step of an enrolled
account, and the prompt of one that must enrol (with Skip, or "User Update Required" without).

The element ids (otpForm:otpCode, mfaPrompt:btnSkip) are the mock's, in the real page's JSF
manner; the real ones are not documented.
"""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.secrets import fill_secret

RESTRICTED_TITLE = "User Update Required"


class PasscodePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Multifactor Authentication", level=1)
        self.hint = page.locator("[id='otpForm:hint']")
        self.passcode = page.get_by_label("One-Time Passcode")
        self.verify_button = page.get_by_role("button", name="Verify")
        self.messages = page.locator("[id='loginForm:pclLoginMessages']")
        self.error = page.locator("[id='otpForm:otpCode_msg']")

    def enter(self, code: str) -> None:
        fill_secret(self.passcode, code)
        self.verify_button.click()


class MfaPrompt:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialog = page.get_by_role("dialog")
        self.title = page.locator("[id='mfaPrompt:title']")
        self.text = page.locator("[id='mfaPrompt:text']")
        self.messages = page.locator("[id='mfaPrompt:msgs']")
        self.set_up_button = self.dialog.get_by_role("button", name="Set Up MFA")
        self.skip_button = self.dialog.get_by_role("button", name="Skip")
        self.cancel_button = self.dialog.get_by_role("button", name="Cancel")

    def skip(self) -> None:
        self.skip_button.click()

    def set_up(self) -> None:
        self.set_up_button.click()
