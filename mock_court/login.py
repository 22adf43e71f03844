"""Blueprint "login": pacer.login.uscourts.gov, central sign-on and its API.

The login page keeps the real page's form and element ids (loginForm:loginName and the like).
A sign-on goes through up to three stages: username and password, a one-time passcode for
accounts with multi-factor authentication, and the redaction agreement for filers. What is
pending between stages lives in the Flask session; the sign-on session itself starts only at
the end, so an unchecked agreement or a wrong passcode leaves nobody logged in.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, flash, get_flashed_messages, redirect, render_template, request, session, url_for

from fixtures.courts import load_courts
from mock_court import cso
from mock_court.menus import forget_session_menus
from mock_court.signon import clear_session_cookies, end_session, request_token, set_session_cookies, start_session

bp = Blueprint("login", __name__, url_prefix="/login")

PENDING = "cso_pending"
PACER_HOME = "/pacer/"  # pacer.home, served by the pacer blueprint


def court_for_psc_id(psc_court_id: str | None) -> str | None:
    """The court id (txwd) of a pscCourtId (TXWDC), if it names a known court."""
    for court in load_courts().values():
        if psc_court_id and court["pacer_court_id"].upper() == psc_court_id.upper():
            return court["id"]
    return None


def safe_appurl(appurl: str | None) -> str | None:
    """Where to go after login: only pages of this site, as a path (no open redirects)."""
    if not appurl:
        return None
    parts = urlsplit(appurl)
    if parts.scheme not in ("", "http", "https") or (parts.netloc and parts.netloc != request.host):
        return None
    if not parts.path.startswith("/") or parts.path.startswith("//"):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def render_login(stage: str = "login", errors: list[str] | None = None, fields: dict | None = None,
                 notices: list[str] | None = None, status: int = 200):
    pending = session.get(PENDING, {})
    account = cso.account_by_id(pending["account_id"]) if pending and stage != "login" else None
    context = {
        "warnings": [cso.MESSAGES["shared-account"]] if account is not None and account["shared"] else [],
        "stage": stage,
        "errors": errors or [],
        "notices": (notices or []) + get_flashed_messages(),
        "fields": fields or {},
        "username": request.form.get("loginForm:loginName", ""),
        "client_code": request.form.get("loginForm:clientCode", pending.get("client_code") or ""),
        "psc_court_id": request.values.get("pscCourtId", pending.get("psc_court_id", "")),
        "appurl": request.values.get("appurl", pending.get("appurl", "")),
        "redaction_notice": cso.REDACTION_NOTICE,
        "redaction_agreement": cso.REDACTION_AGREEMENT,
        "client_code_max": cso.CLIENT_CODE_MAX,
    }
    return render_template("login/login.html", **context), status


@bp.route("/csologin/login.jsf", methods=["GET", "POST"])
def cso_login():
    if request.method == "GET":
        session.pop(PENDING, None)
        appurl = safe_appurl(request.args.get("appurl"))
        if appurl and request_token():
            return redirect(appurl)  # already signed on: central sign-on goes straight through
        return render_login()
    if "regmsg" in request.form:
        return confirm_redaction()
    if "otpForm" in request.form:
        return confirm_otp()
    return submit_credentials()


def submit_credentials():
    session.pop(PENDING, None)
    username = request.form.get("loginForm:loginName", "").strip()
    password = request.form.get("loginForm:password", "")
    client_code = request.form.get("loginForm:clientCode", "").strip()
    fields = {}
    if not username:
        fields["loginName"] = cso.MESSAGES["username-required"]
    if not password:
        fields["password"] = cso.MESSAGES["password-required"]
    if len(client_code) > cso.CLIENT_CODE_MAX:
        fields["clientCode"] = cso.MESSAGES["client-code-too-long"]
    if fields:
        return render_login(errors=list(fields.values()), fields=fields)

    court = court_for_psc_id(request.form.get("pscCourtId"))
    check = cso.check_credentials(username, password)
    if check.problem == "not-activated" and court:
        check.problem = None  # filing with a court does not wait for the PACER activation letter
    if check.problem:
        return render_login(errors=[cso.MESSAGES[check.problem]])
    account = check.account
    if account["client_code_required"] and not client_code and not court:
        message = cso.MESSAGES["client-code-required"]
        return render_login(errors=[message], fields={"clientCode": message})

    session[PENDING] = {
        "account_id": account["id"],
        "client_code": client_code or None,
        "appurl": request.form.get("appurl", ""),
        "psc_court_id": request.form.get("pscCourtId", ""),
    }
    return next_stage(account)


def next_stage(account, otp_done: bool = False):
    if cso.needs_otp(account) and not otp_done:
        return render_login(stage="otp")
    if cso.is_filer(account):
        session[PENDING]["otp_done"] = True
        session.modified = True
        return render_login(stage="redaction")
    return finish(redaction_ack=False)


def pending_account():
    pending = session.get(PENDING)
    return cso.account_by_id(pending["account_id"]) if pending else None


def confirm_otp():
    account = pending_account()
    if account is None:
        return render_login(errors=[cso.MESSAGES["login-expired"]])
    code = request.form.get("otpForm:otpCode", "").strip()
    if not code:
        return render_login(stage="otp", errors=[cso.MESSAGES["otp-required"]],
                            fields={"otpCode": cso.MESSAGES["otp-required"]})
    if not cso.otp_ok(account, code):
        return render_login(stage="otp", errors=[cso.MESSAGES["otp-invalid"]],
                            fields={"otpCode": cso.MESSAGES["otp-invalid"]})
    return next_stage(account, otp_done=True)


def confirm_redaction():
    account = pending_account()
    if account is None or (cso.needs_otp(account) and not session[PENDING].get("otp_done")):
        session.pop(PENDING, None)
        return render_login(errors=[cso.MESSAGES["login-expired"]])
    if "regmsg:bpmCancel" in request.form:
        session.pop(PENDING, None)
        return render_login()
    if request.form.get("regmsg:chkRedact") not in ("on", "true", "1"):
        return render_login(stage="redaction", errors=[cso.MESSAGES["redaction-required"]])
    return finish(redaction_ack=True)


def finish(redaction_ack: bool):
    pending = session.pop(PENDING)
    token = start_session(pending["account_id"], pending["client_code"], redaction_ack=redaction_ack)
    target = safe_appurl(pending["appurl"]) or PACER_HOME
    return set_session_cookies(redirect(target), token, pending["client_code"])


def sign_off(token: str | None) -> bool:
    """End a sign-on session everywhere, with the server-side CM/ECF menus it held (stale-session)."""
    forget_session_menus(token)
    return end_session(token)


@bp.route("/csologin/logout.jsf", methods=["GET", "POST"])
def cso_logout_page():
    sign_off(request_token())
    session.pop(PENDING, None)
    flash(cso.MESSAGES["logged-out"])
    return clear_session_cookies(redirect(url_for("login.cso_login")))


from mock_court import cso_api  # noqa: E402,F401  (its routes belong to this blueprint)
