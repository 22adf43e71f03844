"""Registration step 3, Payment Information (optional): the card and its billing address."""

from __future__ import annotations

from playwright.sync_api import Page

from e2e.pages.psc import WizardButtons, field
from e2e.secrets import fill_secret
from fixtures.registrants import Card

AUTHORIZATION = (
    "I authorize the PACER Service Center to charge the above credit card once a quarter for any PACER fees due."
)


class PaymentPage(WizardButtons):
    def __init__(self, page: Page) -> None:
        super().__init__(page)
        self.page = page
        self.section = page.get_by_role("heading", name="Payment Information", level=2)
        self.optional_note = page.get_by_text("Providing a credit card is optional.")
        card = page.get_by_role("group", name="Credit Card")
        self.card_holder = field(card, "Card Holder Name")
        self.card_type = field(card, "Card Type")
        self.card_number = field(card, "Card Number")
        self.expiry_month = card.get_by_label("Expiration Month")
        self.expiry_year = card.get_by_label("Expiration Year")
        self.expiry = card.get_by_role("group", name="Expiration Date")
        billing = page.get_by_role("group", name="Billing Address")
        self.use_billing_address = billing.get_by_role("checkbox", name="Use billing address")
        self.billing_address = field(billing, "Billing Address")
        self.billing_city = field(billing, "Billing City")
        self.billing_state = field(billing, "Billing State")
        self.billing_zip = field(billing, "Billing Zip/Postal Code")
        self.authorize = page.get_by_role("checkbox", name=AUTHORIZATION)

    def fill_card(self, card: Card) -> None:
        self.card_holder.fill(card.holder)
        self.card_type.select_option(card.type)
        fill_secret(self.card_number, card.number)
        self.expiry_month.select_option(card.expiry_month)
        self.expiry_year.select_option(card.expiry_year)
