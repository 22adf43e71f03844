"""Registration step 4, Acknowledgment of Policies and Procedures, with the final Submit."""

from __future__ import annotations

import re

from playwright.sync_api import Page

from e2e.pages.psc import WizardButtons

ACKNOWLEDGMENT = "Check here to acknowledge you have read and understand the policies and procedures listed above."


class PoliciesPage(WizardButtons):
    def __init__(self, page: Page) -> None:
        super().__init__(page, submit="Submit")
        self.page = page
        self.section = page.get_by_role("heading", name="Acknowledgment of Policies and Procedures", level=2)
        self.policies = page.get_by_role("region", name="Policies and Procedures")
        self.printable_link = page.get_by_role(
            "link", name=re.compile(r"download a printable version of the Policies and Procedures", re.I)
        )
        self.acknowledge = page.get_by_role("checkbox", name=re.compile(rf"^{re.escape(ACKNOWLEDGMENT)}( \*)?$"))

    def submit(self) -> None:
        self.go_next()
