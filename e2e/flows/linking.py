"""Flows of the guide "How to Link a PACER and ECF Account" (catalog link-accounts-txwd).

One function per documented step, in the guide's order, then one scenario per troubleshooting
tip. The steps hold at every NextGen court: the court is ctx.court, the filer ctx.persona (by
default the seeded persona filer-<court>). A tip scenario starts from a freshly reset mock,
signs on as the persona whose menus go stale for that tip's cause, links, shows the menus still
missing after a normal refresh, applies the tip as a person would, and shows the filing menus.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.authenticator import authenticator_of
from e2e.browser_actions import clear_browsing_data, close_browser, hard_reload
from e2e.catalog import load_guide
from e2e.flows import FlowContext, walk
from e2e.pages.court import ContactPage, CourtHomePage
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.ecf.link_account import LinkAccountForm, LinkConfirmationPage, LinkVerifyPage
from e2e.pages.ecf.menu_bar import FILING_MENUS, MenuBar
from e2e.pages.ecf.utilities import UtilitiesPage
from e2e.pages.mfa_signon import PasscodePage
from e2e.pages.redaction import RedactionAgreement
from fixtures.courts import load_courts

GUIDE = "link-accounts-txwd"

# "Refresh the page by selecting any other menu choice except Logout."
REFRESH_CHOICE = "Utilities"


class MissingCredentials(ValueError):
    """The filer lacks what the guide's first step asks for."""


def court_profile(ctx: FlowContext) -> dict:
    return load_courts()[ctx.court]


def filing_menus(ctx: FlowContext) -> tuple[str, ...]:
    return FILING_MENUS[court_profile(ctx)["kind"]]


def filer(ctx: FlowContext) -> dict:
    """The persona following the guide: ctx.persona, else the seeded filer-<court>."""
    if ctx.persona is None:
        if ctx.mock is None:
            raise MissingCredentials("no persona given and no mock to take filer-<court> from")
        ctx.persona = ctx.mock.personas()[f"filer-{ctx.court}"]
    return ctx.persona


# --- The guide's steps -----------------------------------------------------------------------


def have_credentials(ctx: FlowContext) -> None:
    person = filer(ctx)
    if not (person.get("username") and person.get("password")):
        raise MissingCredentials(f"{person['id']} has no PACER username and password")
    if not person.get("upgraded", True):
        raise MissingCredentials(f"{person['id']} has an old PACER account, not an upgraded one")
    if not (person.get("ecf_login") and person.get("ecf_password")):
        raise MissingCredentials(f"{person['id']} has no CM/ECF login and password")


def go_to_court_site(ctx: FlowContext) -> None:
    home = CourtHomePage(ctx.page)
    home.open(ctx.sites, ctx.court)
    expect(home.welcome).to_have_text(f"Welcome to the {court_profile(ctx)['name']}")


def follow_document_filing_system_link(ctx: FlowContext) -> None:
    court = court_profile(ctx)
    home = CourtHomePage(ctx.page)
    expect(home.filing_system_link).to_have_text(f"{court['short_name']} – Document Filing System")
    ctx.illustrate(home.filing_system_link)
    home.open_filing_system()
    expect(ctx.page).to_have_url(re.compile(rf"pscCourtId={court['pacer_court_id']}\b"))
    expect(CsoLoginPage(ctx.page).login_button).to_be_visible()


def log_in(ctx: FlowContext) -> None:
    person = filer(ctx)
    login = CsoLoginPage(ctx.page)
    login.enter_credentials(person["username"], person["password"])
    ctx.illustrate(login.login_button)
    login.login_button.click()
    if person.get("otp_secret"):
        enter_passcode(ctx)
    expect(RedactionAgreement(ctx.page).understand).to_be_visible()


def enter_passcode(ctx: FlowContext) -> None:
    """An enrolled filer's passcode, from their authenticator app (computed from their secret)."""
    passcode = PasscodePage(ctx.page)
    expect(passcode.heading).to_be_visible()
    ctx.illustrate(passcode.verify_button)
    passcode.enter(authenticator_of(ctx.data).code(filer(ctx)["otp_secret"]))


def accept_redaction_agreement(ctx: FlowContext) -> None:
    redaction = RedactionAgreement(ctx.page)
    expect(redaction.notice).to_be_visible()
    expect(redaction.continue_button).to_be_disabled()
    redaction.agree()
    ctx.illustrate(redaction.continue_button)
    redaction.proceed()
    expect(MenuBar(ctx.page).item("Utilities")).to_be_visible()


def open_link_menu(ctx: FlowContext) -> None:
    menu = MenuBar(ctx.page)
    menu.choose("Utilities")
    utilities = UtilitiesPage(ctx.page)
    expect(utilities.nextgen_heading).to_be_visible()
    ctx.illustrate(utilities.link_account_link)
    utilities.open_link_account()
    expect(LinkAccountForm(ctx.page).ecf_login).to_be_visible()


def enter_ecf_credentials(ctx: FlowContext) -> None:
    person = filer(ctx)
    form = LinkAccountForm(ctx.page)
    form.enter_credentials(person["ecf_login"], person["ecf_password"])
    ctx.illustrate(form.submit_button)
    form.submit()
    expect(LinkVerifyPage(ctx.page).ecf_account).to_be_visible()


def verify_accounts(ctx: FlowContext) -> None:
    person = filer(ctx)
    verify = LinkVerifyPage(ctx.page)
    expect(verify.ecf_account).to_contain_text(person["ecf_login"])
    expect(verify.ecf_account).to_contain_text(f"{person['first_name']} {person['last_name']}")
    expect(verify.pacer_account).to_contain_text(person["username"])
    expect(verify.pacer_account).to_contain_text(person["account_number"])
    ctx.illustrate(verify.submit_button)
    verify.confirm()


def see_link_confirmation(ctx: FlowContext) -> None:
    person = filer(ctx)
    confirmation = LinkConfirmationPage(ctx.page)
    ctx.illustrate(confirmation.message)
    expect(confirmation.message).to_be_visible()
    if ctx.mock is not None:
        notices = ctx.mock.outbox(channel="email", recipient=person["email"])
        if not notices:
            raise AssertionError(f"no email notification of the link was sent to {person['email']}")


def use_pacer_credentials(ctx: FlowContext) -> None:
    confirmation = LinkConfirmationPage(ctx.page)
    ctx.illustrate(confirmation.use_pacer_credentials)
    expect(confirmation.use_pacer_credentials).to_be_visible()


def refresh_menus(ctx: FlowContext) -> None:
    menu = MenuBar(ctx.page)
    expect_filing_menus_missing(ctx)
    ctx.illustrate(menu.item(REFRESH_CHOICE))
    menu.choose(REFRESH_CHOICE)


def see_filing_menus(ctx: FlowContext) -> None:
    menu = MenuBar(ctx.page)
    first, *others = filing_menus(ctx)
    ctx.illustrate(menu.item(first))
    for name in (first, *others):
        expect(menu.item(name)).to_be_visible()


def expect_filing_menus_missing(ctx: FlowContext) -> None:
    menu = MenuBar(ctx.page)
    expect(menu.item("Utilities")).to_be_visible()
    for name in filing_menus(ctx):
        expect(menu.item(name)).to_have_count(0)


# --- Troubleshooting: what a person does, then each tip as a scenario -------------------------


def link(ctx: FlowContext) -> None:
    """Follow the guide until the accounts are linked: every step before the menus are refreshed."""
    walk(ctx, load_guide(GUIDE), until="refresh-menus")


def sign_on(ctx: FlowContext) -> None:
    """From the court's public website to its CM/ECF, signed on with PACER credentials."""
    walk(ctx, load_guide(GUIDE), start="go-to-court-site", until="open-link-menu")


def link_with_stale_menus(ctx: FlowContext, persona_id: str) -> None:
    """Sign on as `persona_id`, link, refresh normally: the filing menus are still missing."""
    ctx.persona = ctx.control().personas()[persona_id]
    ctx.court = ctx.persona["ecf_court"]
    link(ctx)
    refresh_menus(ctx)
    expect_filing_menus_missing(ctx)


def reload_bypassing_cache(ctx: FlowContext) -> None:
    ctx.illustrate(MenuBar(ctx.page).bar)
    hard_reload(ctx.page)


def log_out_close_browser_log_in(ctx: FlowContext) -> None:
    menu = MenuBar(ctx.page)
    ctx.illustrate(menu.item("Log Out"))
    menu.log_out()
    expect(menu.item("Log Out")).to_have_count(0)
    restart_browser(ctx)
    sign_on(ctx)


def clear_data_close_browser_log_in(ctx: FlowContext) -> None:
    ctx.illustrate(MenuBar(ctx.page).bar)
    clear_browsing_data(ctx.page)
    restart_browser(ctx)
    sign_on(ctx)


def restart_browser(ctx: FlowContext) -> None:
    """Close the browser and open it again, in a context opened by ctx.open_context."""
    ctx.page = close_browser(ctx.page, ctx.open_context)


TIP_ACTIONS = {
    "tip-hard-reload": reload_bypassing_cache,
    "tip-log-out-close-browser": log_out_close_browser_log_in,
    "tip-clear-cache-cookies": clear_data_close_browser_log_in,
}


def tip_hard_reload(ctx: FlowContext) -> None:
    """A cached menu bar (stale-cache-filer): a cache-bypassing reload shows the filing menus."""
    link_with_stale_menus(ctx, "stale-cache-filer")
    reload_bypassing_cache(ctx)
    see_filing_menus(ctx)


def tip_log_out_close_browser(ctx: FlowContext) -> None:
    """Menus kept by the session opened before linking (stale-session-filer): sign on anew."""
    link_with_stale_menus(ctx, "stale-session-filer")
    log_out_close_browser_log_in(ctx)
    see_filing_menus(ctx)


def tip_clear_cache_cookies(ctx: FlowContext) -> None:
    """A stale menu cookie (stale-cookies-filer): clear cookies and cache, restart, sign on."""
    link_with_stale_menus(ctx, "stale-cookies-filer")
    clear_data_close_browser_log_in(ctx)
    see_filing_menus(ctx)


def tip_contact_help_desk(ctx: FlowContext) -> None:
    """The court's public website gives its help desk's name, phone number and email."""
    home = CourtHomePage(ctx.page)
    home.open(ctx.sites, ctx.court)
    ctx.illustrate(home.contact_link)
    home.open_contact()
    desk = court_profile(ctx)["help_desk"]
    contact = ContactPage(ctx.page)
    for detail in (desk["name"], desk["phone"], desk["email"]):
        expect(contact.content).to_contain_text(detail)
