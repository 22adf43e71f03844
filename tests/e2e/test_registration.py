"""PACER registration end to end: both guides with and without a card, and every note and
branch of the form's steps (County after State, User Type, required fields, username and
password rules, payment, policies, Cancel and Back)."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from e2e.catalog import load_guide
from e2e.flows import registration
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.pacer import CASE_SEARCH_ONLY
from e2e.pages.psc.account_information import AccountInformationPage
from e2e.pages.psc.confirmation import ConfirmationPage
from e2e.pages.psc.payment import PaymentPage
from e2e.pages.psc.policies import PoliciesPage
from e2e.pages.psc.user_information import UserInformationPage
from e2e.runner import run_guide
from fixtures.registrants import DECLINED_CARD_NUMBER, counties_of, new_registrant

MAD, MOEB = "pacer-registration-mad", "pacer-registration-moeb"
GUIDES = (MAD, MOEB)
# The step that fills Account Information, by guide.
FORM_STEP = {MAD: "account-information", MOEB: "view-only-form"}


def ids(guide_id: str, *entries: str) -> list[str]:
    return [f"{guide_id}/{entry}" for entry in entries]


def main_path(guide_id: str) -> list[str]:
    return [step.full_id for step in load_guide(guide_id).steps]


@pytest.fixture
def guide(request):
    return load_guide(request.param)


@pytest.fixture
def ctx(guide, flow):
    return flow(guide.court)


def assert_all_passed(guide, results) -> None:
    assert [(r.id, r.status, r.error) for r in results] == [(s.id, "passed", None) for s in guide.steps]


# ---- Each guide end to end -------------------------------------------------------------------

@pytest.mark.covers(
    *main_path(MAD), *main_path(MOEB),
    *ids(MAD, "user-type", "user-verification", "account-information-next", "username", "password",
         "security-questions", "user-information-next", "billing-address", "authorize-charges", "payment-next",
         "acknowledge-policies", "submit-registration"),
    *ids(MOEB, "card-optional"),
)
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_guide_end_to_end_with_a_card(guide, ctx, mock):
    assert_all_passed(guide, run_guide(guide, ctx))
    assert ctx.data["activated"] is True
    assert mock.outbox(channel="mail", account_number=ctx.data["account_number"]) == []


@pytest.mark.covers(*main_path(MAD), *main_path(MOEB),
                    *ids(MAD, "register-without-card"), *ids(MOEB, "card-optional", "no-card-activation-by-mail"))
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_guide_end_to_end_without_a_card(guide, ctx, mock):
    ctx.data["card"] = None
    assert_all_passed(guide, run_guide(guide, ctx))
    assert ctx.data["activated"] is False
    letters = mock.outbox(channel="mail", account_number=ctx.data["account_number"])
    assert len(letters) == 1 and "Activation Code:" in letters[0]["body"]


@pytest.mark.covers(*ids(MOEB, "card-optional"))
def test_without_a_card_the_last_screen_says_the_code_comes_by_mail(flow):
    guide = load_guide(MOEB)
    ctx = flow(guide.court)
    ctx.data["card"] = None
    registration.walk(ctx, guide)
    done = ConfirmationPage(ctx.page)
    expect(done.notice).to_contain_text("activation code will be sent to you by U.S. mail in 7-10 business days")
    expect(done.section).not_to_contain_text("you can use PACER now")


# ---- Account Information ---------------------------------------------------------------------

@pytest.mark.covers(*ids(MAD, "county-after-state"), *ids(MOEB, "view-only-form"))
@pytest.mark.parametrize(("state", "name"), [("MA", "Massachusetts"), ("MO", "Missouri")])
def test_county_appears_only_after_a_state_with_that_states_counties(page, sites, mock, state, name):
    form = AccountInformationPage(page)
    form.open(sites)
    expect(form.state).to_be_visible()
    expect(form.county).to_be_hidden()
    form.choose_state(name)
    expect(form.county).to_be_visible()
    expect(form.county.locator("option")).to_have_count(len(counties_of(state)) + 1)
    assert form.county_choices() == list(counties_of(state))
    form.choose_state("Rhode Island")
    expect(form.county.locator("option")).to_have_count(len(counties_of("RI")) + 1)
    assert form.county_choices() == list(counties_of("RI"))
    form.state.select_option("")
    expect(form.county).to_be_hidden()


@pytest.mark.covers(*ids(MAD, "user-type", "individual-at-bottom"))
def test_individual_is_the_last_user_type(page, sites, mock):
    form = AccountInformationPage(page)
    form.open(sites)
    expect(form.user_type.locator("option").first).to_have_text("Select User Type")
    choices = form.user_type_choices()
    assert choices[-1] == "Individual"
    assert choices.count("Individual") == 1 and len(choices) > 5


@pytest.mark.covers(*ids(MOEB, "government-accounts", "view-only-form"))
def test_government_agency_staff_choose_from_government_accounts(flow, mock):
    guide = load_guide(MOEB)
    ctx = flow(guide.court)
    registration.walk(ctx, guide, until="view-only-form")
    government = AccountInformationPage(ctx.page).user_type_group("Government Accounts")
    assert "Federal Government Agency" in government and "Individual" not in government
    ctx.data["registrant"] = new_registrant("government-employee").but(user_type=government[0])
    registration.walk(ctx, guide, start="view-only-form")
    expect(ConfirmationPage(ctx.page).account_type).to_have_text(CASE_SEARCH_ONLY)


REQUIRED_ACCOUNT_FIELDS = {
    "first_name": "First Name", "last_name": "Last Name", "date_of_birth": "Date of Birth",
    "address1": "Address", "city": "City", "state": "State", "zip": "Zip/Postal Code",
    "primary_phone": "Primary Phone", "email": "Email", "confirm_email": "Confirm Email",
    "user_type": "User Type",
}


@pytest.mark.covers(*ids(MAD, "required-fields-asterisk", "account-information"))
def test_required_account_fields_have_a_red_asterisk_and_a_message_beside_them(page, sites, mock):
    form = AccountInformationPage(page)
    form.open(sites)
    for label in [*REQUIRED_ACCOUNT_FIELDS.values(), "Country"]:
        mark = page.locator("label").filter(has_text=re.compile(rf"^{re.escape(label)} \*$")).get_by_text("*")
        expect(mark).to_be_visible()
        assert mark.evaluate("e => getComputedStyle(e).color") == "rgb(176, 0, 32)", label
    expect(page.locator("label").filter(has_text=re.compile(r"^Middle Name$"))).to_be_visible()
    form.go_next()
    expect(form.section).to_be_visible()
    for name, label in REQUIRED_ACCOUNT_FIELDS.items():
        expect(getattr(form, name)).to_have_accessible_description(f"{label} is required.")
    expect(form.middle_name).to_have_accessible_description("")
    expect(form.user_verification).to_have_accessible_description("User Verification is required.")
    expect(UserInformationPage(page).section).to_be_hidden()
