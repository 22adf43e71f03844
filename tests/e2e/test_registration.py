"""PACER registration end to end: both guides with and without a card, and every note and
branch of the form's steps (County after State, User Type, required fields, username and
password rules, payment, policies, Cancel and Back)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from playwright.sync_api import expect

from e2e.catalog import load_guide
from e2e.flows import registration, walk
from e2e.journeys import start_at
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.pacer import CASE_SEARCH_ONLY
from e2e.pages.psc.account_information import AccountInformationPage
from e2e.pages.psc.confirmation import ConfirmationPage
from e2e.pages.psc.payment import PaymentPage
from e2e.pages.psc.policies import PoliciesPage
from e2e.pages.psc.user_information import UserInformationPage
from e2e.pages.recaptcha import VERIFIED
from e2e.runner import run_guide
from fixtures.registrants import DECLINED_CARD_NUMBER, counties_of, new_registrant

MAD, MOEB = "pacer-registration-mad", "pacer-registration-moeb"
GUIDES = (MAD, MOEB)


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
    *main_path(MAD),
    *main_path(MOEB),
    *ids(
        MAD,
        "user-type",
        "user-verification",
        "account-information-next",
        "username",
        "password",
        "security-questions",
        "user-information-next",
        "billing-address",
        "authorize-charges",
        "payment-next",
        "acknowledge-policies",
        "submit-registration",
    ),
    *ids(MOEB, "card-optional"),
)
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_guide_end_to_end_with_a_card(guide, ctx, mock):
    assert_all_passed(guide, run_guide(guide, ctx))
    assert ctx.data["activated"] is True
    assert mock.outbox(channel="mail", account_number=ctx.data["account_number"]) == []


@pytest.mark.covers(
    *main_path(MAD),
    *main_path(MOEB),
    *ids(MAD, "register-without-card"),
    *ids(MOEB, "card-optional", "no-card-activation-by-mail"),
)
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_guide_end_to_end_without_a_card(guide, ctx, mock):
    ctx.data["card"] = None
    assert_all_passed(guide, run_guide(guide, ctx))
    assert ctx.data["activated"] is False
    letters = mock.outbox(channel="mail", account_number=ctx.data["account_number"])
    assert len(letters) == 1 and "Activation Code:" in letters[0]["body"]


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
    walk(ctx, guide, until="view-only-form")
    government = AccountInformationPage(ctx.page).user_type_group("Government Accounts")
    assert "Federal Government Agency" in government and "Individual" not in government
    ctx.data["registrant"] = new_registrant("government-employee").but(user_type=government[0])
    walk(ctx, guide, start="view-only-form")
    expect(ConfirmationPage(ctx.page).account_type).to_have_text(CASE_SEARCH_ONLY)


REQUIRED_ACCOUNT_FIELDS = {
    "first_name": "First Name",
    "last_name": "Last Name",
    "date_of_birth": "Date of Birth",
    "address1": "Address",
    "city": "City",
    "state": "State",
    "zip": "Zip/Postal Code",
    "primary_phone": "Primary Phone",
    "email": "Email",
    "confirm_email": "Confirm Email",
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


# ---- User Information ------------------------------------------------------------------------


@pytest.fixture
def at_user_information(guide, ctx):
    start_at(ctx, guide, "user-information")
    return UserInformationPage(ctx.page)


@pytest.mark.covers(*ids(MAD, "user-information-required", "user-information"), *ids(MOEB, "user-information"))
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_required_user_fields_show_messages_beside_them(at_user_information):
    form = at_user_information
    form.go_next()
    expect(form.username).to_have_accessible_description("Username is required.")
    expect(form.password).to_have_accessible_description("Password is required.")
    expect(form.confirm_password).to_have_accessible_description("Confirm Password is required.")
    for n, (question, answer) in enumerate(zip(form.questions, form.answers, strict=True), start=1):
        expect(question).to_have_accessible_description(f"Security Question {n} is required.")
        expect(answer).to_have_accessible_description(f"Answer {n} is required.")
    expect(PaymentPage(form.page).section).to_be_hidden()


@pytest.mark.covers(*ids(MAD, "username"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_username_needs_8_characters_and_shows_its_criteria(at_user_information, ctx):
    form = at_user_information
    expect(form.username_note).to_be_hidden()
    form.username.focus()
    expect(form.username_note).to_be_visible()
    expect(form.username_note).to_contain_text("Be at least 8 characters long")
    form.fill_username("short7x")
    form.go_next()
    expect(form.username).to_have_accessible_description("Username must be at least 8 characters.")
    form.fill_username("has space")
    form.go_next()
    expect(form.username).to_have_accessible_description(re.compile("may contain only letters, numbers"))


@pytest.mark.covers(*ids(MAD, "password"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_password_criteria_pop_up_while_typing(at_user_information, ctx):
    form, person = at_user_information, registration.registrant(ctx)
    expect(form.password_note).to_be_hidden()
    form.fill_username(person.username)
    form.type_password("short")
    expect(form.password_note).to_be_visible()
    expect(form.criterion("14 to 45 characters")).to_contain_text("(not met)")
    expect(form.criterion("lowercase letter")).to_contain_text("(met)")
    expect(form.criterion("uppercase letter")).to_contain_text("(not met)")
    expect(form.criterion("special character")).to_contain_text("(not met)")
    form.type_password(f"Xy#{person.last_name.lower()}Secure42")
    expect(form.criterion("14 to 45 characters")).to_contain_text("(met)")
    expect(form.criterion("uppercase letter")).to_contain_text("(met)")
    expect(form.criterion("special character")).to_contain_text("(met)")
    expect(form.criterion("part of your first or last name")).to_contain_text("(not met)")
    form.type_password(person.password)
    expect(form.password_note.get_by_text("(not met)")).to_have_count(0)
    expect(form.password_note.get_by_text("(met)")).to_have_count(5)


@pytest.mark.covers(*ids(MAD, "password"))
@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: "Sh0rt#pass", "Password must be 14 to 45 characters."),
        (lambda p: "all-lowercase-but-long#1", "Password must include an uppercase letter."),
        (lambda p: "NoSpecialCharacters123", "Password must include a special character."),
        (
            lambda p: f"Xy#{p.first_name}Secure4242",
            "Password must not contain any part of your first or last name, username or email address.",
        ),
    ],
    ids=["too-short", "no-uppercase", "no-special", "first-name"],
)
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_a_password_that_breaks_a_rule_is_refused_beside_the_field(at_user_information, ctx, make, message):
    form, person = at_user_information, registration.registrant(ctx)
    form.fill_username(person.username)
    form.type_password(make(person))
    form.confirm(make(person))
    form.answer_questions(person.questions, person.answers)
    form.go_next()
    expect(form.password).to_have_accessible_description(message)
    expect(form.username).to_have_value(person.username)


@pytest.mark.covers(*ids(MAD, "security-questions"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_two_different_security_questions_are_needed(at_user_information, ctx):
    form, person = at_user_information, registration.registrant(ctx)
    form.fill_username(person.username)
    form.type_password(person.password)
    form.confirm(person.password)
    form.answer_questions((person.questions[0], person.questions[0]), person.answers)
    form.go_next()
    expect(form.questions[1]).to_have_accessible_description("Choose a question different from Security Question 1.")
    form.type_password(person.password)
    form.confirm(person.password)
    form.answer_questions(person.questions, person.answers)
    form.go_next()
    expect(PaymentPage(form.page).section).to_be_visible()


# ---- Payment ---------------------------------------------------------------------------------


@pytest.fixture
def at_payment(guide, ctx):
    start_at(ctx, guide, "payment")
    return PaymentPage(ctx.page)


@pytest.mark.covers(*ids(MAD, "payment-next", "payment"), *ids(MOEB, "card-optional", "payment"))
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_a_declined_card_is_refused_then_a_valid_one_goes_through(at_payment, ctx, guide):
    person = registration.registrant(ctx)
    ctx.data["card"] = replace(person.card, number=DECLINED_CARD_NUMBER)
    payment = registration.enter_payment(ctx)
    payment.go_next()
    expect(payment.card_number).to_have_accessible_description(re.compile(r"^The card was declined\."))
    expect(PoliciesPage(ctx.page).section).to_be_hidden()
    ctx.data["card"] = person.card
    registration.fill_payment(ctx)
    walk(ctx, guide, start="policies")
    assert ctx.data["activated"] is True


@pytest.mark.covers(*ids(MAD, "authorize-charges"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_a_card_needs_the_quarterly_authorization(at_payment, ctx):
    payment = registration.enter_payment(ctx)
    payment.authorize.uncheck()
    payment.go_next()
    expect(payment.authorize).to_have_accessible_description(
        "You must authorize the PACER Service Center to charge this card."
    )
    payment.fill_card(registration.registrant(ctx).card)
    payment.authorize.check()
    payment.go_next()
    expect(PoliciesPage(ctx.page).section).to_be_visible()


@pytest.mark.covers(*ids(MAD, "billing-address"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_a_billing_address_can_be_typed_instead_of_copied(at_payment, ctx):
    person = registration.registrant(ctx)
    payment = at_payment
    payment.fill_card(person.card)
    payment.authorize.check()
    payment.go_next()
    expect(payment.billing_address).to_have_accessible_description("Billing Address is required.")
    payment.billing_address.fill("1 Courthouse Way")
    payment.billing_city.fill("Boston")
    payment.billing_state.select_option(label="Massachusetts")
    payment.billing_zip.fill("02210")
    payment.fill_card(person.card)
    payment.go_next()
    expect(PoliciesPage(ctx.page).section).to_be_visible()


# ---- Policies --------------------------------------------------------------------------------


@pytest.fixture
def at_policies(guide, ctx):
    start_at(ctx, guide, "policies")
    return PoliciesPage(ctx.page)


@pytest.mark.covers(*ids(MAD, "acknowledge-policies", "submit-registration"), *ids(MOEB, "policies"))
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_submit_needs_the_acknowledgment(at_policies, ctx, guide):
    at_policies.submit()
    expect(at_policies.acknowledge).to_have_accessible_description("You must acknowledge the policies and procedures.")
    expect(ConfirmationPage(ctx.page).heading).to_be_hidden()
    walk(ctx, guide, start="policies")


@pytest.mark.covers(*ids(MAD, "pacer-policies-not-local-rules"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_the_policies_are_pacers_not_the_courts_rules(at_policies):
    expect(at_policies.policies).to_contain_text(
        "These are PACER-specific policies and procedures, not attorney filing procedures or local court rules."
    )
    headings = at_policies.policies.get_by_role("heading").all_inner_texts()
    assert headings and not any("local rule" in heading.lower() for heading in headings)


@pytest.mark.covers(*ids(MOEB, "printable-policies"))
@pytest.mark.parametrize("guide", [MOEB], indirect=True)
def test_the_printable_policies_download(at_policies, tmp_path):
    with at_policies.page.expect_download() as downloading:
        at_policies.printable_link.click()
    download = downloading.value
    assert download.suggested_filename.endswith(".pdf")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    content = saved.read_bytes()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")
    for heading in at_policies.policies.get_by_role("heading").all_inner_texts():
        assert heading.upper().encode() in content
    expect(at_policies.section).to_be_visible()


# ---- Cancel and Back -------------------------------------------------------------------------


@pytest.mark.covers(*ids(MAD, "account-information", "user-information", "payment"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_cancel_stores_nothing(at_payment, ctx, sites):
    person = registration.registrant(ctx)
    at_payment.cancel()
    expect(ctx.page.get_by_text("Your registration was canceled. Nothing was saved.")).to_be_visible()
    login = CsoLoginPage(ctx.page)
    login.open(sites)
    login.log_in(person.username, person.password)
    expect(login.messages).to_contain_text("Invalid username or password")
    # Starting again is a fresh form, and the same username is still free.
    form = AccountInformationPage(ctx.page)
    form.open(sites)
    expect(form.first_name).to_have_value("")
    walk(ctx, load_guide(MAD), start="account-information")
    assert ctx.data["activated"] is True


@pytest.mark.covers(*ids(MAD, "account-information", "user-information", "payment"))
@pytest.mark.parametrize("guide", [MAD], indirect=True)
def test_back_keeps_what_was_entered(at_payment, ctx):
    person = registration.registrant(ctx)
    at_payment.go_back()
    user = UserInformationPage(ctx.page)
    expect(user.username).to_have_value(person.username)
    expect(user.questions[0]).to_have_value(person.questions[0])
    expect(user.questions[1]).to_have_value(person.questions[1])
    user.go_back()
    form = AccountInformationPage(ctx.page)
    for name in ("first_name", "last_name", "date_of_birth", "address1", "city", "zip", "primary_phone", "email"):
        expect(getattr(form, name)).to_have_value(getattr(person, name))
    expect(form.confirm_email).to_have_value(person.email)
    expect(form.state).to_have_value(person.state)
    expect(form.county).to_have_value(person.county)
    expect(form.user_type).to_have_value(person.user_type)
    # Forward again: what was entered on later steps is still there too.
    form.captcha.check()
    expect(form.captcha.status).to_have_text(VERIFIED)  # as a person waits for the check mark
    form.go_next()
    expect(user.username).to_have_value(person.username)


# ---- The attorney with a CM/ECF account ------------------------------------------------------


@pytest.mark.covers(*ids(MAD, "attorney-with-cmecf-account", "choose-account-type"))
def test_an_attorney_with_a_cmecf_account_registers_case_search_only_then_links(flow, personas, sites):
    """The District of Massachusetts note: an attorney who has a CM/ECF account there but no
    PACER account registers PACER - Case Search Only, then links the two accounts."""
    from e2e.flows import linking
    from e2e.pages.court import CourtHomePage
    from e2e.pages.pacer import ATTORNEY_FILERS, AccountTypePage, RegisterAccountPage

    guide = load_guide(MAD)
    ctx = flow(guide.court)
    attorney = personas["filer-mad"]  # whose CM/ECF account at mad is not linked yet
    ctx.data["registrant"] = new_registrant("attorney-mad").but(
        first_name=attorney["first_name"], last_name=attorney["last_name"]
    )
    walk(ctx, guide, until="choose-account-type")
    RegisterAccountPage(ctx.page).choose(ATTORNEY_FILERS)
    expect(AccountTypePage(ctx.page).content).to_contain_text(
        "should register for a PACER - Case Search Only account, then link it to their CM/ECF account"
    )
    walk(ctx, guide, start="choose-account-type")
    person = registration.registrant(ctx)
    ctx.persona = {
        **attorney,
        "username": person.username,
        "password": person.password,
        "email": person.email,
        "account_number": ctx.data["account_number"],
    }
    # Signed on by the guide's last step, the attorney goes from the court's website to its CM/ECF.
    linking.go_to_court_site(ctx)
    CourtHomePage(ctx.page).open_filing_system()
    for step in (
        linking.open_link_menu,
        linking.enter_ecf_credentials,
        linking.verify_accounts,
        linking.see_link_confirmation,
    ):
        step(ctx)


# ---- Activation by mail ----------------------------------------------------------------------


@pytest.mark.covers(*ids(MAD, "register-without-card", "log-in"), *ids(MOEB, "no-card-activation-by-mail"))
@pytest.mark.parametrize("guide", GUIDES, indirect=True)
def test_without_a_card_the_mailed_code_activates_the_account(guide, ctx, mock, sites):
    from e2e.flows.account_recovery import activate_by_mail

    ctx.data["card"] = None
    walk(ctx, guide)
    person = registration.registrant(ctx)
    login = CsoLoginPage(ctx.page)
    login.open(sites)
    login.log_in(person.username, person.password)
    expect(login.messages).to_contain_text("PACER User Not Activated")

    activate_by_mail(ctx)

    ctx.data["activated"] = True
    registration.log_in_new_account(ctx)
