"""Flows of the PACER learning aid "Multifactor Authentication (MFA) - Authentication
Applications" (catalog mfa-authentication-app), then one scenario per tip.

The person is ctx.persona (by default the seeded mfa-due-filer, who must enrol and has not).
Security codes are read from the person's inbox (the mock's outbox, at the address they read);
app codes come from their authenticator (e2e.authenticator), fed the secret key the Set Up App
screen shows, never from the server's state.
"""

from __future__ import annotations

import re

from playwright.sync_api import expect

from e2e.authenticator import authenticator_of
from e2e.catalog import load_guide
from e2e.flows import FlowContext, walk
from e2e.pages.cso_login import CsoLoginPage
from e2e.pages.mfa_signon import RESTRICTED_TITLE, MfaPrompt, PasscodePage
from e2e.pages.psc.manage_account import ManageAccountPage, ManageLoginPage
from e2e.pages.psc.mfa import (
    AppNamePage,
    BackupCodesPage,
    MfaMethodsPage,
    SecurityCodePage,
    SettingsPage,
    SetUpAppPage,
)
from e2e.pages.redaction import RedactionAgreement
from e2e.secrets import remember_secret

GUIDE = "mfa-authentication-app"
PERSONA = "mfa-due-filer"
APP_NAME = "My phone"
BACKUP_CODES = 10
SECURITY_CODE = re.compile(r"security code is (\d{6})")
PACER_HOME = re.compile(r"/pacer/$")


def person(ctx: FlowContext) -> dict:
    if ctx.persona is None:
        ctx.persona = ctx.control().personas()[PERSONA]
    return ctx.persona


def inbox(ctx: FlowContext) -> str:
    """The address the person reads (their address on file, unless that one is out of date)."""
    return person(ctx).get("inbox_email") or person(ctx)["email"]


def security_codes_received(ctx: FlowContext) -> list[str]:
    mails = ctx.control().outbox(channel="email", recipient=inbox(ctx))
    return [m.group(1) for mail in mails if (m := SECURITY_CODE.search(mail["body"]))]


def latest_security_code(ctx: FlowContext) -> str:
    codes = security_codes_received(ctx)
    if not codes:
        raise AssertionError(f"no security code arrived at {inbox(ctx)}")
    return codes[-1]


# --- The learning aid's steps ----------------------------------------------------------------


def log_in_to_manage_account(ctx: FlowContext) -> None:
    who = person(ctx)
    login = ManageLoginPage(ctx.page)
    login.open(ctx.sites)
    ctx.illustrate(login.login_button)
    login.log_in(who["username"], who["password"])
    expect(ManageAccountPage(ctx.page).value_of("Multifactor Auth")).to_contain_text("Not enrolled")


def open_mfa_settings(ctx: FlowContext) -> None:
    account = ManageAccountPage(ctx.page)
    ctx.illustrate(account.enroll_link)
    account.enroll_link.click()
    expect_methods_screen(ctx)


def expect_methods_screen(ctx: FlowContext) -> None:
    methods = MfaMethodsPage(ctx.page)
    expect(methods.heading).to_be_visible()
    expect(methods.add_app_button).to_be_visible()
    expect(methods.get_new_codes_button).to_be_visible()


def add_app(ctx: FlowContext) -> None:
    before = len(security_codes_received(ctx))
    methods = MfaMethodsPage(ctx.page)
    ctx.illustrate(methods.add_app_button)
    methods.add_app_button.click()
    expect(SecurityCodePage(ctx.page).heading).to_be_visible()
    if len(security_codes_received(ctx)) <= before:
        raise AssertionError(f"Add App sent no security code to {inbox(ctx)}")


def enter_security_code(ctx: FlowContext) -> None:
    page = SecurityCodePage(ctx.page)
    expect(page.lead).to_contain_text("A security code was sent")
    ctx.illustrate(page.submit_button)
    page.enter(latest_security_code(ctx))


def name_app(ctx: FlowContext) -> None:
    page = AppNamePage(ctx.page)
    expect(page.heading).to_be_visible()
    page.app_name.fill(ctx.data.get("app_name", APP_NAME))
    ctx.illustrate(page.next_button)
    page.next_button.click()
    expect(SetUpAppPage(ctx.page).heading).to_be_visible()


def set_up_app(ctx: FlowContext) -> None:
    """Scan the QR code: the authenticator takes the secret key shown under it."""
    page = SetUpAppPage(ctx.page)
    expect(page.qr_code).to_be_visible()
    ctx.illustrate(page.qr_code)
    secret = "".join(page.secret_key.inner_text().split())
    remember_secret(ctx.page, secret)
    ctx.data["otp_secret"] = secret


def enter_app_code(ctx: FlowContext) -> None:
    page = SetUpAppPage(ctx.page)
    ctx.illustrate(page.submit_button)
    page.enter(authenticator_of(ctx.data).code(ctx.data["otp_secret"]))
    methods = MfaMethodsPage(ctx.page)
    expect(methods.heading).to_be_visible()
    expect(methods.app(ctx.data.get("app_name", APP_NAME))).to_be_visible()


def get_backup_codes(ctx: FlowContext) -> None:
    methods = MfaMethodsPage(ctx.page)
    ctx.illustrate(methods.get_new_codes_button)
    methods.get_new_codes_button.click()
    SecurityCodePage(ctx.page).enter(latest_security_code(ctx))
    codes = BackupCodesPage(ctx.page)
    expect(codes.codes).to_have_count(BACKUP_CODES)
    ctx.data["backup_codes"] = [text.strip() for text in codes.codes.all_inner_texts()]
    for code in ctx.data["backup_codes"]:
        remember_secret(ctx.page, code)
    ctx.illustrate(codes.done_link)
    codes.done_link.click()
    expect(methods.backup_codes_left).to_contain_text(f"{BACKUP_CODES} unused backup codes")


def log_in_with_code(ctx: FlowContext) -> None:
    """Log out, then log in at central sign-on: the password, then the app's code."""
    log_out(ctx)
    sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    expect(passcode.heading).to_be_visible()
    ctx.illustrate(passcode.verify_button)
    passcode.enter(authenticator_of(ctx.data).code(secret_of(ctx)))
    expect_signed_on(ctx)


# --- Shared by the steps and the tips -----------------------------------------------------------


def secret_of(ctx: FlowContext) -> str:
    """The secret the person's authenticator holds: the one they scanned, else the persona's."""
    return ctx.data.get("otp_secret") or person(ctx)["otp_secret"]


def sign_on(ctx: FlowContext) -> None:
    """Central sign-on, up to what follows the password."""
    who = person(ctx)
    login = CsoLoginPage(ctx.page)
    login.open(ctx.sites)
    login.enter_credentials(who["username"], who["password"])
    ctx.illustrate(login.login_button)
    login.login_button.click()


def expect_signed_on(ctx: FlowContext) -> None:
    """Past the last stage: the redaction agreement of a filer accepted, the PACER site shown."""
    redaction = RedactionAgreement(ctx.page)
    if person(ctx)["kind"] != "pacer":
        redaction.agree()
        redaction.proceed()
    expect(ctx.page).to_have_url(PACER_HOME)


def sign_on_with_app_code(ctx: FlowContext) -> None:
    sign_on(ctx)
    PasscodePage(ctx.page).enter(authenticator_of(ctx.data).code(secret_of(ctx)))
    expect_signed_on(ctx)


def log_out(ctx: FlowContext) -> None:
    ctx.page.goto(ctx.sites.login("csologin/logout.jsf"))


def skip_prompt(ctx: FlowContext) -> None:
    prompt = MfaPrompt(ctx.page)
    expect(prompt.skip_button).to_be_visible()
    ctx.illustrate(prompt.skip_button)
    prompt.skip()
    expect_signed_on(ctx)


def enrol(ctx: FlowContext) -> None:
    """Follow the learning aid from the methods screen until the app is added."""
    walk(ctx, load_guide(GUIDE), start="add-app", until="get-backup-codes")


# --- The tips -------------------------------------------------------------------------------


def tip_three_skips(ctx: FlowContext) -> None:
    """Skip the prompt three times: the fourth sign-on shows User Update Required, without Skip,
    and Set Up MFA is the only way on."""
    ctx.persona = ctx.control().personas()[PERSONA]
    for _ in range(3):
        sign_on(ctx)
        skip_prompt(ctx)
        log_out(ctx)
    sign_on(ctx)
    prompt = MfaPrompt(ctx.page)
    expect(prompt.title).to_have_text(RESTRICTED_TITLE)
    expect(prompt.skip_button).to_have_count(0)
    ctx.illustrate(prompt.set_up_button)
    prompt.set_up()
    expect_methods_screen(ctx)


def tip_check_email(ctx: FlowContext) -> None:
    """The address on file is out of date (mfa-old-email-filer): Add App's code goes there;
    updating it on the Settings tab first brings the code to the inbox."""
    ctx.persona = ctx.control().personas()["mfa-old-email-filer"]
    log_in_to_manage_account(ctx)
    update_email_on_settings_tab(ctx)
    SettingsPage(ctx.page).manage_mfa_link.click()
    add_app(ctx)
    enter_security_code(ctx)
    expect(AppNamePage(ctx.page).heading).to_be_visible()


def update_email_on_settings_tab(ctx: FlowContext) -> None:
    account = ManageAccountPage(ctx.page)
    account.settings_tab.click()
    settings = SettingsPage(ctx.page)
    ctx.illustrate(settings.current_email)
    if settings.current_email.inner_text().strip() != inbox(ctx):
        settings.update_email(inbox(ctx))
        expect(settings.current_email).to_have_text(inbox(ctx))


def tip_no_sms_or_push(ctx: FlowContext) -> None:
    """An enrolled filer waits for a text message: none comes; the code is in the app."""
    ctx.persona = ctx.control().personas()["filer-txwd"]
    before = ctx.control().outbox()
    sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    ctx.illustrate(passcode.hint)
    expect(passcode.hint).to_contain_text("not sent by text message or push notification")
    if ctx.control().outbox() != before:
        raise AssertionError("signing on sent a message; passcodes come only from the app")
    passcode.enter(authenticator_of(ctx.data).code(secret_of(ctx)))
    expect_signed_on(ctx)


def tip_lost_device(ctx: FlowContext) -> None:
    """Without the device (an enrolled filer, filer-txwd): a backup code in place of the app's code."""
    ctx.persona = ctx.control().personas()["filer-txwd"]
    sign_on(ctx)
    passcode = PasscodePage(ctx.page)
    ctx.illustrate(passcode.passcode)
    passcode.enter(unused_backup_code(ctx))
    expect_signed_on(ctx)


def unused_backup_code(ctx: FlowContext) -> str:
    """The next backup code on the person's list, crossed off as it is used."""
    codes = ctx.data.setdefault("backup_codes", list(person(ctx)["backup_codes"]))
    used = ctx.data.setdefault("backup_codes_used", [])
    code = next(c for c in codes if c not in used)
    used.append(code)
    return code
