"""CM/ECF Utilities (DisplayMenu.pl?Utilities), where the linking screen is found."""

from __future__ import annotations

from playwright.sync_api import Page

NEXTGEN_SECTION = "NextGen Release 1.1 Menu Items"
YOUR_ACCOUNT_SECTION = "Your Account"
LINK_ACCOUNT = "Link a CM/ECF account to my PACER account"


class UtilitiesPage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.nextgen_heading = page.get_by_role("heading", name=NEXTGEN_SECTION)
        self.nextgen_section = page.get_by_role("region", name=NEXTGEN_SECTION)
        self.link_account_link = self.link_account_link_in(NEXTGEN_SECTION)

    def link_account_link_in(self, section: str):
        """The linking item as listed in a section: the guide's NextGen one, or Your Account."""
        return self.page.get_by_role("region", name=section).get_by_role("link", name=LINK_ACCOUNT)

    def open_link_account(self, section: str = NEXTGEN_SECTION) -> None:
        self.link_account_link_in(section).click()
