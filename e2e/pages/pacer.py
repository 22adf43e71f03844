"""The public PACER site (pacer.uscourts.gov): the home page, "Register for an Account" with
the account types in its left panel, each type's page with "Register for a PACER account
now", and Find a Case (which shows whether the signed-on account may search)."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.sites import Sites

CASE_SEARCH_ONLY = "PACER - Case Search Only"
ATTORNEY_FILERS = "Attorney Filers (CM/ECF)"
ACCOUNT_TYPES = (CASE_SEARCH_ONLY, ATTORNEY_FILERS, "Non-Attorney Filers (CM/ECF)", "PACER Administrative Account")


class PacerHomePage:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Public Access to Court Electronic Records", level=1)
        self.main_menu = page.get_by_role("navigation", name="Main")
        self.register_link = self.main_menu.get_by_role("link", name="Register for an Account")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.pacer())

    def open_registration(self) -> None:
        self.register_link.click()


class RegisterAccountPage:
    """/register-account: what each account type is for; the types are links in the left panel."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Register for an Account", level=1)
        self.left_panel = page.get_by_role("navigation", name="Account types")
        self.wizard_link = page.get_by_role("link", name="Registration Wizard")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.pacer("register-account"))

    def account_type(self, name: str):
        """An account type as the page describes it (its heading)."""
        return self.page.get_by_role("main").get_by_role("heading", name=name, exact=True)

    def panel_link(self, name: str):
        """An account type's link in the left panel."""
        return self.left_panel.get_by_role("link", name=name, exact=True)

    def choose(self, name: str) -> None:
        self.panel_link(name).click()


class AccountTypePage:
    """A page per account type, e.g. /register-account/pacer-case-search-only."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.content = page.get_by_role("main")
        self.register_now = page.get_by_role("link", name="Register for a PACER account now")

    def open(self, sites: Sites, slug: str = "pacer-case-search-only") -> None:
        self.page.goto(sites.pacer(f"register-account/{slug}"))

    def start_registration(self) -> None:
        self.register_now.click()


class FindCasePage:
    """Find a Case: a search form for an activated, signed-on account; otherwise why not."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.heading = page.get_by_role("heading", name="Find a Case", level=1)
        self.party_name = page.get_by_label("Party Name")
        self.search_button = page.get_by_role("button", name="Search")
        self.refusal = page.get_by_role("alert")
        self.results = page.get_by_role("status")

    def open(self, sites: Sites) -> None:
        self.page.goto(sites.pacer("find-case"))

    def search(self, party_name: str) -> None:
        self.party_name.fill(party_name)
        self.search_button.click()
