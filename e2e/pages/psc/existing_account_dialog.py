"""The dialog after Account Information's Next when the name, date of birth or email entered
match an existing account: Forgot Password, Forgot Username, or Continue anyway."""

from __future__ import annotations

from playwright.sync_api import Page

TITLE = "An Account May Already Exist"


class ExistingAccountDialog:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialog = page.get_by_role("dialog", name=TITLE)
        self.forgot_password_button = self.dialog.get_by_role("button", name="Forgot Password")
        self.forgot_username_button = self.dialog.get_by_role("button", name="Forgot Username")
        self.continue_button = self.dialog.get_by_role("button", name="Continue")

    def forgot_password(self) -> None:
        self.forgot_password_button.click()

    def forgot_username(self) -> None:
        self.forgot_username_button.click()

    def go_on(self) -> None:
        self.continue_button.click()
