"""The CM/ECF menu bar, in the real markup: div#topmenu.yuimenubar > ul > li.yuimenubaritem >
a.yuimenubaritemlabel."""

from __future__ import annotations

from playwright.sync_api import Locator, Page

# What a linked filer sees besides the PACER menus, by kind of court.
FILING_MENUS = {
    "district": ("Civil", "Criminal"),
    "bankruptcy": ("Bankruptcy", "Adversary"),
}


class MenuBar:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.bar = page.locator("#topmenu")
        self.labels = self.bar.locator("li.yuimenubaritem > a.yuimenubaritemlabel")

    def item(self, name: str) -> Locator:
        return self.bar.get_by_role("link", name=name, exact=True)

    def choose(self, name: str) -> None:
        self.item(name).click()

    def log_out(self) -> None:
        self.choose("Log Out")
