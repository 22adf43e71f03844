"""Blueprint "login": pacer.login.uscourts.gov, the central sign-on page (its API is in api.py).

The login page keeps the real page's form and element ids (loginForm:loginName and the like).
A sign-on goes through up to three stages: username and password, then for multifactor
authentication either the passcode of an enrolled account or, for an account that must enrol
and has not, the prompt to set it up (with Skip while skips are left, "User Update Required"
without it after), and the redaction agreement for filers. What is
pending between stages lives in the Flask session; the sign-on session itself starts only at
the end, so an unchecked agreement or a wrong passcode leaves nobody logged in. The rules are
in models.py.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, flash, get_flashed_messages, redirect, render_template, request, session, url_for

from mock_court.core.exceptions import Refused
from mock_court.core.fields import length_errors
from mock_court.core.sessions import begin_stage, held, renew
from mock_court.sites.login import models

bp = Blueprint("login", __name__, url_prefix="/login")

PENDING = "cso_pending"


def safe_appurl(appurl: str | None) -> str | None:
    """Where to go after login: only pages of this site, as a path (no open redirects)."""
    if not appurl:
        return None
    try:
        parts = urlsplit(appurl)
    except ValueError:  # not a URL at all ("http://[")
        return None
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != request.host):
        return None
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def render_login(stage: str = "login", refused: Refused | None = None, notices: list[str] | None = None):
    """The login page at a stage; a refusal's messages atop it, and each beside its field."""
    pending = held(session, PENDING) or {}
    account = models.account_by_id(pending["account_id"]) if pending and stage != "login" else None
    errors = refused.errors if refused else {}
    context = {
        "warnings": [models.MESSAGES["shared-account"]] if account is not None and account["shared"] else [],
        "stage": stage,
        "errors": list(errors.values()),
        "notices": (notices or []) + get_flashed_messages(),
        "fields": {name: message for name, message in errors.items() if name != "form"},
        "username": request.form.get("loginForm:loginName", ""),
        "client_code": request.form.get("loginForm:clientCode", pending.get("client_code") or ""),
        "psc_court_id": request.values.get("pscCourtId", pending.get("psc_court_id", "")),
        "appurl": request.values.get("appurl", pending.get("appurl", "")),
        "redaction_notice": models.REDACTION_NOTICE,
        "redaction_agreement": models.REDACTION_AGREEMENT,
        "client_code_max": models.CLIENT_CODE_MAX,
        "mfa": models.mfa_prompt(account) if stage == "mfa-prompt" and account is not None else None,
    }
    return render_template("login/login.html", **context)


@bp.route("/csologin/login.jsf", methods=["GET", "POST"])
def cso_login():
    oversized = length_errors(request.values, models.HIDDEN_LIMITS)
    if oversized:
        abort(400, description=" ".join(oversized.values()))
    if request.method == "GET":
        session.pop(PENDING, None)
        appurl = safe_appurl(request.args.get("appurl"))
        if appurl and models.request_token():
            return redirect(appurl)  # already signed on: central sign-on goes straight through
        return render_login()
    if "regmsg" in request.form:
        return confirm_redaction()
    if "otpForm" in request.form:
        return confirm_otp()
    if "mfaPrompt" in request.form:
        return answer_mfa_prompt()
    return submit_credentials()


def submit_credentials():
    session.pop(PENDING, None)
    username = request.form.get("loginForm:loginName", "").strip()
    password = request.form.get("loginForm:password", "")
    client_code = request.form.get("loginForm:clientCode", "").strip()
    filing_at_court = models.court_for_psc_id(request.form.get("pscCourtId")) is not None
    try:
        models.check_form(username, password, client_code)
        account = models.check_credentials(username, password)
        models.check_status(account, filing_at_court)
        models.check_client_code(account, client_code, filing_at_court)
    except Refused as refused:
        return render_login(refused=refused)
    begin_stage(
        session,
        PENDING,
        {
            "account_id": account["id"],
            "client_code": client_code or None,
            "appurl": request.form.get("appurl", ""),
            "psc_court_id": request.form.get("pscCourtId", ""),
        },
    )
    return next_stage(account)


def mark_done(stage: str) -> None:
    session[PENDING][stage] = True
    session.modified = True


def mfa_stage_pending(account) -> str | None:
    """The MFA stage this sign-on still has to pass: "otp", "mfa-prompt" or None."""
    state, pending = models.mfa_state(account), session[PENDING]
    if state == "enrolled" and not pending.get("otp"):
        return "otp"
    if state in ("due", "restricted") and not pending.get("otp") and not pending.get("mfa-prompt"):
        return "mfa-prompt"
    return None


def next_stage(account):
    stage = mfa_stage_pending(account)
    if stage:
        return render_login(stage=stage)
    if models.is_filer(account):
        return render_login(stage="redaction")
    return finish(redaction_ack=False)


def pending_account():
    """The account between sign-on stages: once, and only for a while (sessions.STAGE_LIFETIME)."""
    pending = held(session, PENDING)
    return models.account_by_id(pending["account_id"]) if pending else None


def login_expired():
    session.pop(PENDING, None)
    return render_login(refused=Refused(models.MESSAGES["login-expired"]))


def confirm_otp():
    account = pending_account()
    if account is None:
        return login_expired()
    if mfa_stage_pending(account) != "otp":
        return login_expired()
    try:
        models.check_otp(account, request.form.get("otpForm:otpCode"))
    except Refused as refused:
        return render_login(stage="otp", refused=refused)
    mark_done("otp")
    return next_stage(account)


def answer_mfa_prompt():
    """The enrolment prompt: Set Up MFA opens Manage My Account's MFA screens (and nothing
    else); Skip goes on with the sign-on while skips are left; Cancel ends it."""
    account = pending_account()
    if account is None or mfa_stage_pending(account) != "mfa-prompt":
        return login_expired()
    if "mfaPrompt:btnSetUp" in request.form:
        return finish(redaction_ack=False, scope=models.MFA_SETUP)
    if "mfaPrompt:btnCancel" in request.form:
        session.pop(PENDING, None)
        return render_login(notices=[models.MESSAGES["mfa-cancelled"]])
    if "mfaPrompt:btnSkip" not in request.form:
        return render_login(stage="mfa-prompt", refused=Refused(models.MESSAGES["mfa-choose"]))
    try:
        models.skip_mfa(account)
    except Refused as refused:
        return render_login(stage="mfa-prompt", refused=refused)
    mark_done("mfa-prompt")
    return next_stage(account)


def confirm_redaction():
    account = pending_account()
    if account is None or mfa_stage_pending(account):
        return login_expired()
    if "regmsg:bpmCancel" in request.form:
        session.pop(PENDING, None)
        return render_login()
    try:
        models.check_redaction(request.form.get("regmsg:chkRedact") in ("on", "true", "1"))
    except Refused as refused:
        return render_login(stage="redaction", refused=refused)
    return finish(redaction_ack=True)


def finish(redaction_ack: bool, scope: str = "full"):
    pending = session.pop(PENDING)
    renew(session)  # a new session id at sign-in: a session fixed before it is worth nothing after
    token = models.start_session(pending["account_id"], pending["client_code"], redaction_ack, scope)
    if scope == models.MFA_SETUP:
        return models.set_session_cookies(redirect(url_for("psc.mfa_methods")), token)
    target = safe_appurl(pending["appurl"]) or url_for("pacer.home")
    return models.set_session_cookies(redirect(target), token, pending["client_code"])


@bp.route("/csologin/logout.jsf", methods=["GET", "POST"])
def cso_logout_page():
    models.sign_off(models.request_token(models.ANY_SCOPE))
    session.clear()
    renew(session)
    flash(models.MESSAGES["logged-out"])
    return models.clear_session_cookies(redirect(url_for("login.cso_login")))
