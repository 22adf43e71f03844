"""The CM/ECF menu bar, in the real markup: div#topmenu.yuimenubar > ul > li.yuimenubaritem >
a.yuimenubaritemlabel, with the page's content in div#cmecfMainContent."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.sites import Sites

# What a linked filer sees besides the PACER menus, by kind of court.
FILING_MENUS = {
    "district": ("Civil", "Criminal"),
    "bankruptcy": ("Bankruptcy", "Adversary"),
}
# What every signed-on user sees, linked or not.
PACER_MENUS = ("Query", "Reports", "Utilities", "Help", "Log Out")


class MenuBar:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.bar = page.locator("#topmenu")
        self.labels = self.bar.locator("li.yuimenubaritem > a.yuimenubaritemlabel")
        self.content = page.locator("#cmecfMainContent")

    def item(self, name: str):
        return self.bar.get_by_role("link", name=name, exact=True)

    def open_court(self, sites: Sites, court: str) -> None:
        """The page the court's "Document Filing System" link leads to."""
        self.page.goto(sites.ecf(court, "cgi-bin/showpage.pl?16"))

    def choose(self, name: str) -> None:
        self.item(name).click()

    def log_out(self) -> None:
        self.choose("Log Out")
