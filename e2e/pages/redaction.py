"""The Redaction Agreement the central sign-on shows a filer before going on to CM/ECF.

Its element ids (regmsg:chkRedact, regmsg:bpmConfirm) are the real page's own, so they are
the locators here.
"""

from __future__ import annotations

from playwright.sync_api import Page

NOTICE_TITLE = "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY"


class RedactionAgreement:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialog = page.get_by_role("dialog", name="Redaction Agreement")
        self.notice = self.dialog.get_by_text(NOTICE_TITLE)
        self.messages = page.locator("[id='regmsg:msgs']")
        self.understand = page.locator("[id='regmsg:chkRedact']")
        self.continue_button = page.locator("[id='regmsg:bpmConfirm']")

    def agree(self) -> None:
        self.understand.check()

    def withdraw(self) -> None:
        self.understand.uncheck()

    def proceed(self) -> None:
        self.continue_button.click()
