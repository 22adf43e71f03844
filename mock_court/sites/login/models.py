"""Central sign-on's rules and state, shared by the login page, its API and every other site.

Which accounts may sign on, which need a one-time passcode, which must acknowledge the
redaction rules, every message the login page and the API show, and the sign-on sessions: one
token store for browser logins and the cso-auth API. The real NextGenCSO cookie is set for the
whole uscourts.gov domain, so one login is honoured by every court's CM/ECF; on the mock's
single origin the cookies are set for path "/".

The wording of the redaction notice and of "PACER User Inactive", "PACER User Not Activated" and
"Invalid username or password" follows the real page; the rest is the mock's own.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from blinker import Namespace
from flask import current_app, request
from werkzeug.wrappers import Response

from fixtures.courts import load_courts
from mock_court.core import accounts, mfa
from mock_court.core.clock import now, rng, stamp
from mock_court.core.exceptions import Refused, refuse_if
from mock_court.core.fields import CLIENT_CODE_MAX, PASSWORD_MAX, TEXT_MAX, URL_MAX, length_errors
from mock_court.core.namespaces import mount_path
from mock_court.core.store import get_db, transaction

FILER_TYPES = ("attorney-filers-cmecf", "non-attorney-filers-cmecf")
SESSION_COOKIES = ("NextGenCSO", "PacerSession")
CLIENT_CODE_COOKIE = "PacerClientCode"
SESSION_LIFETIME = timedelta(hours=8)  # the mock's own choice; the real lifetime is not public

REDACTION_NOTICE = (
    "IMPORTANT NOTICE OF REDACTION RESPONSIBILITY: All filers must redact: Social Security or "
    "taxpayer-identification numbers; dates of birth; names of minor children; financial account "
    "numbers; and, in criminal cases, home addresses, in compliance with Fed. R. App. P. 25(a)(5), "
    "Fed. R. Civ. P. 5.2, Fed. R. Crim. P. 49.1, or Fed. R. Bankr. P. 9037. This requirement "
    "applies to all documents, including attachments."
)
REDACTION_AGREEMENT = "I understand that, if I file, I must comply with the redaction rules. I have read this notice."

MESSAGES = {
    "username-required": "Username is required.",
    "password-required": "Password is required.",
    "client-code-too-long": f"Client code must be {CLIENT_CODE_MAX} characters or fewer.",
    "client-code-required": "A client code is required for this account. Enter a client code and log in again.",
    "invalid": "Invalid username or password.",
    "inactive": "PACER User Inactive. This account is inactive. Contact the PACER Service Center "
    "at (800) 676-6856 or pacer@psc.uscourts.gov.",
    "not-activated": "PACER User Not Activated. Enter the activation code mailed to you: log in to "
    "Manage My Account and select Activate Case Search Privileges.",
    "otp-required": "Enter the one-time passcode from your authentication app, or a backup code.",
    "otp-invalid": "Invalid one-time passcode. Enter the code your authentication app shows now, "
    "or an unused backup code.",
    "mfa-cancelled": "Login cancelled. Set up multifactor authentication in Manage My Account, then log in again.",
    "mfa-choose": "Choose Set Up MFA, or Skip while skips are left.",
    "mfa-skip-refused": "Multifactor authentication must be set up before you can proceed.",
    "redaction-required": "You must check the box to acknowledge the redaction rules before you continue.",
    "login-expired": "Your login has expired. Cookies must be enabled in your browser to log in. Please log in again.",
    "logged-out": "You have successfully logged out.",
    "shared-account": "This is a shared firm PACER account. Do not use a shared firm account to file or to "
    "link a CM/ECF account: it will lock out all other attorneys from your firm. All filers "
    "must have their own individual PACER account.",
}

# Sent as a sign-on session ends (sender: the account id), so that other sites end what they
# keep for it: CM/ECF's server-side menus (the stale-session cause).
signed_off = Namespace().signal("signed-off")


class SignOnRefused(Refused):
    """A refused sign-on; `result_code` is the cso-auth API's loginResult for it."""

    result_code = "13"


class InvalidCredentials(SignOnRefused):
    def __init__(self) -> None:
        super().__init__(MESSAGES["invalid"])


class AccountInactive(SignOnRefused):
    result_code = "5"

    def __init__(self) -> None:
        super().__init__(MESSAGES["inactive"])


class AccountNotActivated(SignOnRefused):
    result_code = "6"

    def __init__(self) -> None:
        super().__init__(MESSAGES["not-activated"])


# ---- Who may sign on ------------------------------------------------------------------------------


def court_for_psc_id(psc_court_id: str | None) -> str | None:
    """The court id (txwd) of a pscCourtId (TXWDC), if it names a known court."""
    for court in load_courts().values():
        if psc_court_id and court["pacer_court_id"].upper() == psc_court_id.upper():
            return court["id"]
    return None


def account_by_id(account_id: int) -> sqlite3.Row | None:
    return accounts.by_id(get_db(), account_id)


FORM_LIMITS = {"loginName": ("Username", TEXT_MAX), "password": ("Password", PASSWORD_MAX)}
# The login form's hidden fields: a longer value was not written by the page.
HIDDEN_LIMITS = {"appurl": ("appurl", URL_MAX), "pscCourtId": ("pscCourtId", 16)}


def check_form(username: str, password: str, client_code: str) -> None:
    """The login form's own rules, each beside its field (loginName, password, clientCode)."""
    errors = length_errors({"loginName": username, "password": password}, FORM_LIMITS)
    if not username:
        errors["loginName"] = MESSAGES["username-required"]
    if not password:
        errors["password"] = MESSAGES["password-required"]
    if len(client_code) > CLIENT_CODE_MAX:
        errors["clientCode"] = MESSAGES["client-code-too-long"]
    refuse_if(errors)


def check_credentials(username: str, password: str) -> sqlite3.Row:
    """The account of a username and password, or InvalidCredentials."""
    account = accounts.authenticate(get_db(), username, password)
    if account is None:
        raise InvalidCredentials()
    return account


def check_status(account: sqlite3.Row, filing_at_court: bool = False) -> None:
    """An inactive account may not sign on; one not activated yet may only to file with a court
    (filing does not wait for the PACER activation letter)."""
    if account["status"] == "inactive":
        raise AccountInactive()
    if account["status"] == "not-activated" and not filing_at_court:
        raise AccountNotActivated()


def check_client_code(account: sqlite3.Row, client_code: str, filing_at_court: bool) -> None:
    """The login page asks for a client code when the account requires one, except to file."""
    if account["client_code_required"] and not client_code and not filing_at_court:
        raise Refused(MESSAGES["client-code-required"], field="clientCode")


def client_code_pending(account: sqlite3.Row, client_code: str) -> bool:
    """The API signs such an account on, with a pending action to set a client code."""
    return bool(account["client_code_required"]) and not client_code


def mfa_state(account: sqlite3.Row) -> str:
    """not-required | due | restricted | enrolled (mock_court.core.mfa)."""
    return mfa.state(get_db(), account)


def needs_otp(account: sqlite3.Row) -> bool:
    return mfa_state(account) == "enrolled"


def check_otp(account: sqlite3.Row, code: str | None) -> None:
    """The second factor of an enrolled account: a code of one of its apps, or an unused backup
    code, each accepted once; else Refused beside the field."""
    code = (code or "").strip()
    if not code:
        raise Refused(MESSAGES["otp-required"], field="otpCode")
    with transaction(get_db()) as db:
        accepted = mfa.use_app_code(db, account["id"], code, now()) or mfa.use_backup_code(
            db, account["id"], code, now()
        )
    if not accepted:
        raise Refused(MESSAGES["otp-invalid"], field="otpCode")


# The prompt's wording is not documented (it is shown only as a screenshot): all but the title
# "User Update Required" and the Skip button are the mock's own.
MFA_PROMPT = {
    "due": {
        "title": "Multifactor Authentication Required",
        "text": "Your account must be enrolled in multifactor authentication (MFA). Set up an "
        "authentication app or backup codes in Manage My Account. You can skip this {skips} more "
        "time(s); after that you must set up MFA before proceeding.",
    },
    "restricted": {
        "title": "User Update Required",
        "text": "Account access restricted. You have skipped setting up multifactor authentication "
        "(MFA) three times: you must set up MFA before proceeding.",
    },
}


def mfa_prompt(account: sqlite3.Row) -> dict:
    """What the enrolment prompt shows this account: its title, text, and whether Skip is offered."""
    state = mfa_state(account)
    wording = MFA_PROMPT["restricted" if state == "restricted" else "due"]
    skips = mfa.skips_left(account)
    return {"title": wording["title"], "text": wording["text"].format(skips=skips), "skip": state == "due"}


def skip_mfa(account: sqlite3.Row) -> None:
    """Skip the enrolment prompt once more; refused when no skip is left."""
    with transaction(get_db()) as db:
        fresh = accounts.by_id(db, account["id"])
        if fresh is None or mfa.state(db, fresh) != "due":
            raise Refused(MESSAGES["mfa-skip-refused"])
        mfa.record_skip(db, account["id"])


def is_filer(account: sqlite3.Row) -> bool:
    """Filers see the redaction agreement: a filer account type, or a PACER account linked to CM/ECF."""
    if account["account_type"] in FILER_TYPES:
        return True
    linked = get_db().execute("SELECT 1 FROM ecf_accounts WHERE pacer_account_id = ?", (account["id"],)).fetchone()
    return linked is not None


def check_redaction(acknowledged: bool) -> None:
    if not acknowledged:
        raise Refused(MESSAGES["redaction-required"])


# ---- Sign-on sessions -----------------------------------------------------------------------------


def session_lifetime() -> timedelta:
    return current_app.config.get("CSO_SESSION_LIFETIME", SESSION_LIFETIME)


FULL = ("full",)
# A sign-on that must set up MFA before anything else: only Manage My Account honours it.
MFA_SETUP = "mfa-setup"
ANY_SCOPE = (*FULL, MFA_SETUP)


def start_session(
    account_id: int, client_code: str | None = None, redaction_ack: bool = False, scope: str = "full"
) -> str:
    token = rng().token(32)
    with transaction(get_db()) as db:
        db.execute(
            "INSERT INTO sessions (token, account_id, client_code, redaction_ack, scope, created_at, expires_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                token,
                account_id,
                client_code,
                int(redaction_ack),
                scope,
                stamp(now()),
                (now() + session_lifetime()).isoformat(),
            ),
        )
    return token


def session_for(token: str | None, scopes: tuple[str, ...] = FULL) -> sqlite3.Row | None:
    """The live session of a token: not ended, not expired, of one of `scopes`."""
    if not token:
        return None
    row = get_db().execute("SELECT * FROM sessions WHERE token = ? AND ended = 0", (token,)).fetchone()
    if row is None or row["scope"] not in scopes or datetime.fromisoformat(row["expires_at"]) <= now():
        return None
    return row


def request_token(scopes: tuple[str, ...] = FULL) -> str | None:
    for name in SESSION_COOKIES:
        if session_for(request.cookies.get(name), scopes):
            return request.cookies[name]
    return None


def current_account(scopes: tuple[str, ...] = FULL) -> sqlite3.Row | None:
    """The account signed on in this request, by its NextGenCSO or PacerSession cookie."""
    row = session_for(request_token(scopes), scopes)
    return accounts.by_id(get_db(), row["account_id"]) if row else None


def sign_off(token: str | None) -> bool:
    """End a sign-on session everywhere: False when there was no live session to end."""
    row = session_for(token, ANY_SCOPE)
    if row is None:
        return False
    signed_off.send(row["account_id"])
    with transaction(get_db()) as db:
        return db.execute("UPDATE sessions SET ended = 1 WHERE token = ? AND ended = 0", (token,)).rowcount > 0


def end_sessions_of(account_id: int) -> None:
    """Sign the account off everywhere (a password reset): every browser and API client."""
    signed_off.send(account_id)
    with transaction(get_db()) as db:
        db.execute("UPDATE sessions SET ended = 1 WHERE account_id = ? AND ended = 0", (account_id,))


def set_session_cookies(response: Response, token: str, client_code: str | None = None) -> Response:
    for name in SESSION_COOKIES:
        response.set_cookie(name, token, path=mount_path(), httponly=True, samesite="Lax")
    if client_code:
        response.set_cookie(CLIENT_CODE_COOKIE, client_code, path=mount_path(), samesite="Lax")
    return response


def clear_session_cookies(response: Response) -> Response:
    for name in (*SESSION_COOKIES, CLIENT_CODE_COOKIE):
        response.delete_cookie(name, path=mount_path())
    return response
