"""Registration step 1, Account Information (pacer.psc.uscourts.gov/pscof/registration.jsf)."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.pages.psc import WizardButtons, field
from e2e.pages.recaptcha import Recaptcha
from e2e.sites import Sites
from fixtures.registrants import Registrant

REQUIRED_NOTE = "* Required Information"


class AccountInformationPage(WizardButtons):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.heading = page.get_by_role("heading", level=1)
        self.steps = page.get_by_role("list", name="Registration steps")
        self.section = page.get_by_role("heading", name="Account Information", level=2)
        self.required_note = page.get_by_text(REQUIRED_NOTE, exact=True)
        self.first_name = field(page, "First Name")
        self.middle_name = field(page, "Middle Name")
        self.last_name = field(page, "Last Name")
        self.date_of_birth = field(page, "Date of Birth")
        self.firm = field(page, "Firm/Office")
        self.address1 = field(page, "Address")
        self.city = field(page, "City")
        self.state = field(page, "State")
        self.county = field(page, "County")
        self.zip = field(page, "Zip/Postal Code")
        self.country = field(page, "Country")
        self.primary_phone = field(page, "Primary Phone")
        self.email = field(page, "Email")
        self.confirm_email = field(page, "Confirm Email")
        self.user_type = field(page, "User Type")
        self.cja_panel = page.get_by_role("checkbox", name="CJA Attorney Panel")
        self.user_verification = page.get_by_role("group", name="User Verification *")
        self.captcha = Recaptcha(page)

    def open(self, sites: Sites, account_type: str = "pacer-case-search-only") -> None:
        self.page.goto(sites.psc(f"pscof/registration.jsf?accountType={account_type}"))

    def fill_person(self, person: Registrant) -> None:
        """Name, date of birth and firm: everything before the address."""
        self.first_name.fill(person.first_name)
        self.middle_name.fill(person.middle_name)
        self.last_name.fill(person.last_name)
        self.date_of_birth.fill(person.date_of_birth)
        self.firm.fill(person.firm)

    def choose_state(self, state_name: str) -> None:
        self.state.select_option(label=state_name)

    def fill_address(self, person: Registrant) -> None:
        """Address, City, State, then County (which appears once a State is chosen), Zip."""
        self.address1.fill(person.address1)
        self.city.fill(person.city)
        self.choose_state(person.state_name)
        self.county.select_option(person.county)
        self.zip.fill(person.zip)

    def fill_contact(self, person: Registrant) -> None:
        self.primary_phone.fill(person.primary_phone)
        self.email.fill(person.email)
        self.confirm_email.fill(person.email)

    def choose_user_type(self, user_type: str) -> None:
        self.user_type.select_option(user_type)

    def fill(self, person: Registrant) -> None:
        self.fill_person(person)
        self.fill_address(person)
        self.fill_contact(person)
        self.choose_user_type(person.user_type)

    def user_type_choices(self) -> list[str]:
        """The User Type choices in order, without the "Select User Type" prompt."""
        return [t.strip() for t in self.user_type.locator("option").all_inner_texts()][1:]

    def user_type_group(self, group: str) -> list[str]:
        """The choices of one labelled group (e.g. "Government Accounts") of the User Type list."""
        return self.user_type.evaluate(
            "(select, label) => Array.from(select.querySelectorAll('optgroup'))"
            ".filter(g => g.label === label).flatMap(g => Array.from(g.children, o => o.textContent.trim()))",
            group,
        )

    def county_choices(self) -> list[str]:
        return [t.strip() for t in self.county.locator("option").all_inner_texts()][1:]
