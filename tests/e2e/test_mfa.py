"""The learning aid "Multifactor Authentication (MFA) - Authentication Applications", end to end,
and each of its notes and tips against the cause it answers."""

from __future__ import annotations

import base64
import re
from urllib.parse import parse_qs, urlsplit

import cv2
import numpy as np
import pyotp
import pytest
from playwright.sync_api import expect

from e2e.catalog import load_guide
from e2e.flows import mfa, resolve, walk
from e2e.journeys import start_at
from e2e.pages.mfa_signon import RESTRICTED_TITLE, MfaPrompt, PasscodePage
from e2e.pages.psc.manage_account import ManageAccountPage
from e2e.pages.psc.mfa import AppNamePage, MfaMethodsPage, SecurityCodePage, SettingsPage, SetUpAppPage
from e2e.runner import run_guide

GUIDE = mfa.GUIDE
CATALOG = load_guide(GUIDE)
MAIN_PATH = [step.full_id for step in CATALOG.steps]


def ids(*entries: str) -> list[str]:
    return [f"{GUIDE}/{entry}" for entry in entries]


@pytest.fixture
def ctx(flow, personas):
    return flow(CATALOG.court, persona=personas[CATALOG.persona])


def walk_to(ctx, step: str) -> None:
    start_at(ctx, CATALOG, step)


@pytest.mark.covers(*MAIN_PATH)
def test_following_the_learning_aid_enrols_an_app_and_logs_in_with_its_code(ctx, mock):
    results = run_guide(CATALOG, ctx)
    assert [(r.id, r.status, r.error) for r in results if r.status != "passed"] == []
    assert [r.id for r in results] == [step.id for step in CATALOG.steps]
    state = mock._call(f"mfa?username={ctx.persona['username']}")
    assert state["mfa"] == "enrolled"


@pytest.mark.covers(*ids("set-up-app"))
def test_the_qr_code_decodes_to_an_otpauth_uri_of_the_secret_key_shown(ctx):
    walk_to(ctx, "set-up-app")
    setup = SetUpAppPage(ctx.page)
    # The harness covers the code on screen (screenshots and videos must not carry a scannable
    # secret), so read the picture the page was sent, as a phone's camera sees an uncovered screen.
    src = setup.qr_code.get_attribute("src") or ""
    assert src.startswith("data:image/png;base64,")
    expect(setup.qr_code.locator("xpath=..")).to_have_css("filter", re.compile(r"brightness\(0\)"))
    picture = np.frombuffer(base64.b64decode(src.partition(",")[2]), np.uint8)
    uri, _points, _straight = cv2.QRCodeDetector().detectAndDecode(cv2.imdecode(picture, cv2.IMREAD_GRAYSCALE))
    parts = urlsplit(uri)
    query = parse_qs(parts.query)
    assert (parts.scheme, parts.netloc) == ("otpauth", "totp")
    assert query["secret"] == ["".join(setup.secret_key.inner_text().split())]
    assert query["issuer"] == ["PACER"]
    assert parts.path.endswith(ctx.persona["username"])


@pytest.mark.covers(*ids("open-mfa-settings", "settings-tab"))
def test_the_settings_tab_leads_to_the_same_methods_screen(ctx):
    mfa.log_in_to_manage_account(ctx)
    ManageAccountPage(ctx.page).settings_tab.click()
    settings = SettingsPage(ctx.page)
    expect(settings.current_email).to_have_text(ctx.persona["email"])
    settings.manage_mfa_link.click()
    mfa.expect_methods_screen(ctx)


@pytest.mark.covers(*ids("enter-security-code"))
def test_a_wrong_security_code_is_refused_and_the_right_one_then_accepted(ctx):
    walk_to(ctx, "enter-security-code")
    page = SecurityCodePage(ctx.page)
    right = mfa.latest_security_code(ctx)
    page.enter("000000" if right != "000000" else "111111")
    expect(page.security_code).to_have_accessible_description(re.compile("The security code is not valid"))
    page.enter(right)
    expect(AppNamePage(ctx.page).heading).to_be_visible()


@pytest.mark.covers(*ids("enter-app-code"))
def test_a_wrong_six_digit_code_adds_no_app(ctx):
    walk_to(ctx, "enter-app-code")
    setup = SetUpAppPage(ctx.page)
    right = mfa.authenticator_of(ctx.data).code(ctx.data["otp_secret"])
    setup.enter(f"{(int(right) + 1) % 1_000_000:06d}")
    expect(setup.app_code).to_have_accessible_description(re.compile("The code does not match"))
    ctx.page.goto(ctx.sites.psc("pscof/manage/mfa.jsf"))
    expect(MfaMethodsPage(ctx.page).app(mfa.APP_NAME)).to_have_count(0)


@pytest.mark.covers(*ids("add-app", "five-apps"))
def test_five_apps_at_most_and_a_deleted_one_makes_room(flow, personas):
    ctx = flow("txwd", persona=personas["filer-txwd"])  # enrolled with one app already
    mfa.sign_on_with_app_code(ctx)
    ctx.page.goto(ctx.sites.psc("pscof/manage/mfa.jsf"))
    for number in range(2, 6):
        ctx.data["app_name"] = f"Colleague {number}"
        mfa.enrol(ctx)
    methods = MfaMethodsPage(ctx.page)
    expect(methods.page.get_by_role("button", name="Delete", exact=False)).to_have_count(5)
    methods.add_app_button.click()
    expect(methods.message).to_contain_text("up to 5 authentication apps")
    methods.delete("Colleague 3")
    expect(methods.app("Colleague 3")).to_have_count(0)
    methods.add_app_button.click()
    expect(SecurityCodePage(ctx.page).heading).to_be_visible()


@pytest.mark.covers(*ids("get-backup-codes", "backup-codes-single-use"))
def test_a_backup_code_works_once_and_a_new_batch_voids_the_old(ctx):
    walk(ctx, CATALOG, until="log-in-with-code")
    first_batch = list(ctx.data["backup_codes"])
    mfa.log_out(ctx)

    mfa.sign_on(ctx)
    PasscodePage(ctx.page).enter(first_batch[0])
    mfa.expect_signed_on(ctx)
    mfa.log_out(ctx)

    mfa.sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    passcode.enter(first_batch[0])
    expect(passcode.messages).to_contain_text("Invalid one-time passcode")
    passcode.enter(mfa.authenticator_of(ctx.data).code(mfa.secret_of(ctx)))
    mfa.expect_signed_on(ctx)

    ctx.page.goto(ctx.sites.psc("pscof/manage/mfa.jsf"))
    mfa.get_backup_codes(ctx)
    assert set(ctx.data["backup_codes"]).isdisjoint(first_batch)
    mfa.log_out(ctx)

    mfa.sign_on(ctx)
    passcode.enter(first_batch[1])
    expect(passcode.messages).to_contain_text("Invalid one-time passcode")
    passcode.enter(ctx.data["backup_codes"][0])
    mfa.expect_signed_on(ctx)


@pytest.mark.covers(*ids("log-in-with-code"))
def test_a_passcode_once_accepted_is_refused_after(ctx):
    walk(ctx, CATALOG)  # the last step logs in with the app's code
    secret = mfa.secret_of(ctx)
    used = pyotp.TOTP(secret).generate_otp(mfa.authenticator_of(ctx.data).last_step[secret])
    mfa.log_out(ctx)
    mfa.sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    passcode.enter(used)
    expect(passcode.messages).to_contain_text("Invalid one-time passcode")
    expect(ctx.page).not_to_have_url(mfa.PACER_HOME)


TIPS = [entry.id for entry in CATALOG.entries if entry.kind == "tip" and entry.flow]


@pytest.mark.parametrize("tip", [pytest.param(tip, marks=pytest.mark.covers(f"{GUIDE}/{tip}")) for tip in TIPS])
def test_each_tip_scenario_of_the_catalog_runs(flow, tip):
    ctx = flow(CATALOG.court)
    resolve(CATALOG.entry(tip).flow)(ctx)


@pytest.mark.covers(*ids("tip-three-skips"))
def test_each_skip_is_counted_and_the_third_is_the_last(ctx):
    for left in (3, 2, 1):
        mfa.sign_on(ctx)
        prompt = MfaPrompt(ctx.page)
        expect(prompt.text).to_contain_text(f"skip this {left} more time(s)")
        mfa.skip_prompt(ctx)
        mfa.log_out(ctx)
    mfa.sign_on(ctx)
    expect(MfaPrompt(ctx.page).title).to_have_text(RESTRICTED_TITLE)
    expect(MfaPrompt(ctx.page).skip_button).to_have_count(0)


@pytest.mark.covers(*ids("tip-three-skips"))
@pytest.mark.parametrize(
    ("persona_id", "prompt"),
    [
        pytest.param("mfa-restricted-filer", RESTRICTED_TITLE, id="restricted: no Skip"),
        pytest.param("mfa-due-filer", "Multifactor Authentication Required", id="due: Skip"),
        pytest.param("returning-user", None, id="search-only: not prompted"),
    ],
)
def test_the_prompt_follows_the_accounts_state(flow, personas, persona_id, prompt):
    ctx = flow("txwd", persona=personas[persona_id])
    mfa.sign_on(ctx)
    dialog = MfaPrompt(ctx.page)
    if prompt is None:
        expect(ctx.page).to_have_url(mfa.PACER_HOME)
        expect(dialog.title).to_have_count(0)
        return
    expect(dialog.title).to_have_text(prompt)
    expect(dialog.skip_button).to_have_count(0 if prompt == RESTRICTED_TITLE else 1)


@pytest.mark.covers(*ids("tip-three-skips"))
def test_a_restricted_filer_who_sets_up_mfa_is_then_asked_for_the_passcode(flow, personas):
    ctx = flow("txwd", persona=personas["mfa-restricted-filer"])
    mfa.sign_on(ctx)
    MfaPrompt(ctx.page).set_up()
    mfa.enrol(ctx)
    mfa.log_out(ctx)
    mfa.sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    passcode.enter(mfa.authenticator_of(ctx.data).code(mfa.secret_of(ctx)))
    mfa.expect_signed_on(ctx)


@pytest.mark.covers(*ids("tip-check-email"))
@pytest.mark.parametrize(
    ("persona_id", "code_arrives"),
    [
        pytest.param("mfa-old-email-filer", False, id="address out of date"),
        pytest.param("mfa-due-filer", True, id="address right"),
    ],
)
def test_the_security_code_reaches_the_inbox_only_when_the_address_is_right(flow, personas, persona_id, code_arrives):
    ctx = flow("txwd", persona=personas[persona_id])
    mfa.log_in_to_manage_account(ctx)
    mfa.open_mfa_settings(ctx)
    MfaMethodsPage(ctx.page).add_app_button.click()
    expect(SecurityCodePage(ctx.page).heading).to_be_visible()
    assert bool(mfa.security_codes_received(ctx)) is code_arrives


@pytest.mark.covers(*ids("tip-no-sms-or-push"))
def test_the_methods_screen_offers_an_app_and_backup_codes_only(ctx):
    mfa.log_in_to_manage_account(ctx)
    mfa.open_mfa_settings(ctx)
    methods = MfaMethodsPage(ctx.page)
    expect(methods.main.get_by_role("button")).to_have_text(["Add App", "Get New Codes"])
    expect(methods.main).not_to_contain_text("phone number")


@pytest.mark.covers(*ids("tip-lost-device"))
def test_after_a_backup_code_the_lost_app_can_be_deleted(flow, personas):
    ctx = flow("txwd", persona=personas["filer-txwd"])
    mfa.tip_lost_device(ctx)
    mfa.log_out(ctx)
    mfa.sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    passcode.enter(ctx.data["backup_codes_used"][0])  # the same code a second time
    expect(passcode.messages).to_contain_text("Invalid one-time passcode")
    passcode.enter(mfa.unused_backup_code(ctx))
    mfa.expect_signed_on(ctx)
    ctx.page.goto(ctx.sites.psc("pscof/manage/mfa.jsf"))
    methods = MfaMethodsPage(ctx.page)
    methods.delete("Authenticator")
    expect(methods.app("Authenticator")).to_have_count(0)
    expect(methods.backup_codes_left).to_contain_text("8 unused backup codes")
