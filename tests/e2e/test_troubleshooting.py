"""The guide's troubleshooting tips, each against the cause it cures."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.catalog import load_guide
from e2e.flows import linking, resolve
from e2e.pages.court import ContactPage

GUIDE = "link-accounts-txwd"
TIPS = [entry.id for entry in load_guide(GUIDE).entries if entry.kind == "tip" and entry.flow]


@pytest.mark.parametrize("tip", [pytest.param(tip, marks=pytest.mark.covers(f"{GUIDE}/{tip}")) for tip in TIPS])
def test_each_tip_scenario_of_the_catalog_ends_with_the_filing_menus_or_the_help_desk(flow, tip):
    ctx = flow("txwd")
    resolve(load_guide(GUIDE).entry(tip).flow)(ctx)


# (cause: a persona whose menus go stale that way, the tip that cures it, a tip that does not)
CAUSES = [
    pytest.param("stale-cache-filer", "tip-hard-reload", "tip-log-out-close-browser", id="stale-cache"),
    pytest.param("stale-session-filer", "tip-log-out-close-browser", "tip-hard-reload", id="stale-session"),
    pytest.param("stale-cookies-filer", "tip-clear-cache-cookies", "tip-log-out-close-browser", id="stale-cookies"),
]


@pytest.mark.covers(*(f"{GUIDE}/{tip}" for tip in linking.TIP_ACTIONS))
@pytest.mark.parametrize(("persona_id", "fixing_tip", "other_tip"), CAUSES)
def test_a_stale_menu_cause_survives_a_refresh_and_another_tip_but_not_its_own(flow, persona_id, fixing_tip, other_tip):
    ctx = flow("txwd")
    linking.link_with_stale_menus(ctx, persona_id)

    linking.TIP_ACTIONS[other_tip](ctx)
    linking.expect_filing_menus_missing(ctx)

    linking.TIP_ACTIONS[fixing_tip](ctx)
    linking.see_filing_menus(ctx)


@pytest.mark.covers(f"{GUIDE}/tip-contact-help-desk")
@pytest.mark.parametrize(
    ("court", "name", "phone", "email"),
    [
        ("mad", "CM/ECF Help Desk", "(617) 748-9152", "ecfhelp@mad.uscourts.gov"),
        ("moeb", "CM/ECF Help Desk", "(314) 244-4999", "ecf_help@moeb.uscourts.gov"),
        ("txwd", "CM/ECF Help Desk", "(210) 472-6550", "cmecf_helpdesk@txwd.uscourts.gov"),
    ],
)
def test_the_help_desk_page_gives_the_courts_own_contact(flow, court, name, phone, email):
    ctx = flow(court)
    linking.tip_contact_help_desk(ctx)
    contact = ContactPage(ctx.page)
    for detail in (name, phone, email):
        expect(contact.content).to_contain_text(detail)
