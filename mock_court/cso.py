"""The rules of central sign-on, shared by the login page and the cso-auth API.

Which accounts may sign on, which must acknowledge the redaction rules, and every message the
two show. The wording of the redaction notice and of "PACER User Inactive", "PACER User Not
Activated" and "Invalid username or password" follows the real page; the rest is the mock's own.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from mock_court import totp
from mock_court.db import get_db
from mock_court.security import check_secret
from mock_court.signon import now

FILER_TYPES = ("attorney-filers-cmecf", "non-attorney-filers-cmecf")
CLIENT_CODE_MAX = 32

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
    "otp-required": "Enter the one-time passcode from your authenticator app.",
    "otp-invalid": "Invalid one-time passcode.",
    "redaction-required": "You must check the box to acknowledge the redaction rules before you continue.",
    "login-expired": "Your login has expired. Cookies must be enabled in your browser to log in. Please log in again.",
    "logged-out": "You have successfully logged out.",
    "shared-account": "This is a shared firm PACER account. Do not use a shared firm account to file or to "
                      "link a CM/ECF account: it will lock out all other attorneys from your firm. All filers "
                      "must have their own individual PACER account.",
}


@dataclass
class Check:
    """What a username and password come to: an account, or the key of the message refusing it."""
    account: sqlite3.Row | None
    problem: str | None = None


def account_by_id(account_id: int) -> sqlite3.Row | None:
    return get_db().execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()


def check_credentials(username: str, password: str) -> Check:
    account = get_db().execute("SELECT * FROM accounts WHERE username = ?", (username,)).fetchone()
    if account is None or not check_secret(account["password_hash"], password):
        return Check(None, "invalid")
    if account["status"] == "inactive":
        return Check(account, "inactive")
    if account["status"] == "not-activated":
        return Check(account, "not-activated")
    return Check(account)


def is_filer(account: sqlite3.Row) -> bool:
    """Filers see the redaction agreement: a filer account type, or a PACER account linked to CM/ECF."""
    if account["account_type"] in FILER_TYPES:
        return True
    linked = get_db().execute(
        "SELECT 1 FROM ecf_accounts WHERE pacer_account_id = ?", (account["id"],)
    ).fetchone()
    return linked is not None


def needs_otp(account: sqlite3.Row) -> bool:
    return bool(account["otp_secret"])


def otp_ok(account: sqlite3.Row, code: str | None) -> bool:
    return totp.verify(account["otp_secret"], (code or "").strip(), now())
