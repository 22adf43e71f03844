"""The guide "How to Link a PACER and ECF Account", end to end, at every NextGen court."""

from __future__ import annotations

import pytest
from playwright.sync_api import Locator, expect

from e2e import journeys
from e2e.browser_actions import reload
from e2e.catalog import load_guide
from e2e.flows import linking
from e2e.journeys import start_at
from e2e.pages.court import CourtHomePage, ForgotCredentialsPage
from e2e.pages.ecf.ecf_login import EcfLoginPage
from e2e.pages.ecf.link_account import LinkAccountForm, LinkVerifyPage
from e2e.pages.ecf.menu_bar import MenuBar
from e2e.pages.ecf.utilities import NEXTGEN_SECTION, YOUR_ACCOUNT_SECTION, UtilitiesPage
from e2e.runner import run_guide
from fixtures.courts import court_ids

GUIDE = "link-accounts-txwd"
COURTS = court_ids()


def ids(*entries: str) -> list[str]:
    return [f"{GUIDE}/{entry}" for entry in entries]


GUIDE_CATALOG = load_guide(GUIDE)
MAIN_PATH = [step.full_id for step in GUIDE_CATALOG.steps]


@pytest.fixture(params=COURTS)
def court(request) -> str:
    return request.param


@pytest.fixture
def filer(personas, court) -> dict:
    return personas[f"filer-{court}"]


@pytest.mark.covers(*MAIN_PATH)
@pytest.mark.parametrize(
    ("court", "menu_bar"),
    [
        ("mad", ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]),
        ("moeb", ["Bankruptcy", "Adversary", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]),
        ("txwd", ["Civil", "Criminal", "Query", "Reports", "Utilities", "Search", "Help", "Log Out"]),
    ],
)
def test_following_the_guide_links_the_accounts_and_shows_the_filing_menus(flow, filer, court, menu_bar):
    ctx = flow(court, persona=filer)
    results = run_guide(load_guide(GUIDE), ctx)
    assert [(r.id, r.status, r.error) for r in results if r.status != "passed"] == []
    assert [r.id for r in results] == [entry.rpartition("/")[2] for entry in MAIN_PATH]
    expect(MenuBar(ctx.page).labels).to_have_text(menu_bar)


@pytest.mark.covers(*ids("refresh-menus", "filing-menus-appear"))
@pytest.mark.parametrize("refresh", ["reload", "Query", "Reports", "Utilities", "Help"])
def test_reloading_or_choosing_another_menu_item_shows_the_filing_menus(flow, personas, refresh):
    ctx = flow("txwd", persona=personas["filer-txwd"])
    start_at(ctx, GUIDE_CATALOG, "refresh-menus")
    linking.expect_filing_menus_missing(ctx)
    if refresh == "reload":
        reload(ctx.page)
    else:
        MenuBar(ctx.page).choose(refresh)
    linking.see_filing_menus(ctx)


@pytest.mark.covers(*ids("use-pacer-credentials"))
def test_after_linking_the_old_cm_ecf_password_is_refused_and_pacer_credentials_work(flow, filer, court):
    ctx = flow(court, persona=filer)
    start_at(ctx, GUIDE_CATALOG, "refresh-menus")
    MenuBar(ctx.page).log_out()

    legacy = EcfLoginPage(ctx.page)
    legacy.open(ctx.sites, court)
    legacy.log_in(filer["ecf_login"], filer["ecf_password"])
    expect(legacy.message).to_contain_text("Log in with your PACER username and password")
    expect(MenuBar(ctx.page).labels).to_have_count(0)

    linking.sign_on(ctx)
    linking.see_filing_menus(ctx)


def enter_wrong_password(ctx) -> Locator:
    form = LinkAccountForm(ctx.page)
    form.enter_credentials(ctx.persona["ecf_login"], ctx.persona["ecf_password"] + "x")
    form.submit()
    return form.error


def submit_to_verify(ctx) -> Locator:
    linking.enter_ecf_credentials(ctx)
    return LinkVerifyPage(ctx.page).error


def cancel_at_verify(ctx) -> Locator:
    linking.enter_ecf_credentials(ctx)
    LinkVerifyPage(ctx.page).cancel()
    return LinkAccountForm(ctx.page).notice


# (persona, what is done on the linking screens, what they say, whether filing menus show afterwards)
LINKING_ERRORS = [
    pytest.param("filer-txwd", enter_wrong_password, "CM/ECF logins are all lowercase", False, id="wrong-password"),
    pytest.param(
        "linked-filer-txwd", submit_to_verify, "already linked to your PACER account", True, id="already-linked"
    ),
    pytest.param("legacy-filer-txwd", submit_to_verify, "must be upgraded", False, id="not-upgraded"),
    pytest.param(
        "filer-txwd", cancel_at_verify, "Your CM/ECF and PACER accounts are not linked", False, id="cancel-at-verify"
    ),
]


@pytest.mark.covers(*ids("enter-ecf-credentials", "verify-accounts"))
@pytest.mark.parametrize(("persona_id", "act", "message", "has_filing_menus"), LINKING_ERRORS)
def test_a_refused_or_cancelled_link_changes_nothing(flow, mock, personas, persona_id, act, message, has_filing_menus):
    person = personas[persona_id]
    ctx = flow("txwd", persona=person)
    start_at(ctx, GUIDE_CATALOG, "enter-ecf-credentials")

    expect(act(ctx)).to_contain_text(message)

    assert mock.outbox(channel="email", recipient=person["email"]) == []
    menu = MenuBar(ctx.page)
    menu.choose("Reports")
    for name in ("Civil", "Criminal"):
        expect(menu.item(name)).to_have_count(1 if has_filing_menus else 0)


@pytest.mark.covers(*ids("open-link-menu"))
@pytest.mark.parametrize("section", [NEXTGEN_SECTION, YOUR_ACCOUNT_SECTION])
def test_utilities_lists_the_linking_screen_in_both_sections(flow, personas, section):
    ctx = flow("txwd", persona=personas["filer-txwd"])
    journeys.signed_on(ctx)
    MenuBar(ctx.page).choose("Utilities")
    UtilitiesPage(ctx.page).open_link_account(section)
    expect(LinkAccountForm(ctx.page).ecf_login).to_be_visible()


@pytest.mark.covers(*ids("enter-ecf-credentials"))
def test_after_a_wrong_password_the_right_one_still_links(flow, personas):
    ctx = flow("txwd", persona=personas["filer-txwd"])
    start_at(ctx, GUIDE_CATALOG, "enter-ecf-credentials")
    expect(enter_wrong_password(ctx)).to_be_visible()
    for step in (linking.enter_ecf_credentials, linking.verify_accounts, linking.see_link_confirmation):
        step(ctx)


@pytest.mark.covers(*ids("verify-accounts", "individual-accounts-only"))
def test_linking_a_shared_firm_account_locks_out_the_firms_other_attorneys(flow, personas):
    first, second = personas["firm-attorney-a"], personas["firm-attorney-b"]
    assert first["username"] == second["username"]  # one PACER account for the whole firm
    ctx = flow("txwd", persona=first)
    start_at(ctx, GUIDE_CATALOG, "refresh-menus")
    MenuBar(ctx.page).log_out()
    linking.restart_browser(ctx)

    ctx.persona = second
    start_at(ctx, GUIDE_CATALOG, "enter-ecf-credentials")
    refusal = submit_to_verify(ctx)
    expect(refusal).to_contain_text("This CM/ECF account is locked")
    expect(refusal).to_contain_text("locks out all other attorneys of the firm")
    expect(LinkVerifyPage(ctx.page).submit_button).to_have_count(0)

    legacy = EcfLoginPage(ctx.page)
    legacy.open(ctx.sites, "txwd")
    legacy.log_in(second["ecf_login"], second["ecf_password"])
    expect(legacy.message).to_contain_text("This CM/ECF account is locked")


@pytest.mark.covers(*ids("forgotten-ecf-credentials"))
def test_forgotten_cm_ecf_credentials_are_recovered_through_the_court_website(flow, mock, filer, court):
    ctx = flow(court, persona=filer)
    linking.go_to_court_site(ctx)
    CourtHomePage(ctx.page).open_forgot_credentials()

    recovery = ForgotCredentialsPage(ctx.page)
    expect(recovery.heading).to_contain_text("Forgot Your Username and Password")
    expect(recovery.content).to_contain_text("CM/ECF e-filing credentials are kept by this court")
    recovery.request_reset(filer["ecf_login"])
    expect(recovery.sent).to_contain_text("instructions to reset its password have been sent")
    notices = mock.outbox(channel="email", recipient=filer["email"])
    assert [n["subject"] for n in notices] == ["CM/ECF password reset request"]
    assert filer["ecf_login"] in notices[0]["body"]
