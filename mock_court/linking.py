"""Linking a CM/ECF filing account to the PACER account signed on, and the legacy CM/ECF login.

The rules and every message of the three linking screens live here; ecf.py only shows them.
Nothing changes unless `link` runs, and `link` re-checks everything first. Linking a shared firm
PACER account locks every other CM/ECF account at that court whose holder uses the same shared
PACER account (ecf_accounts.shared_pacer_account_id): the real guides' "lock out all other
attorneys from your firm". The wording is the mock's own, except where the guides give it.
"""

from __future__ import annotations

import sqlite3

from fixtures.courts import load_courts
from mock_court.db import get_db, transaction
from mock_court.security import check_secret

MESSAGES = {
    "login-required": "Enter your CM/ECF login.",
    "password-required": "Enter your CM/ECF password.",
    "bad-credentials": "The CM/ECF login or password is incorrect. Try again: CM/ECF logins are all "
                       "lowercase. If you do not remember your CM/ECF credentials, see Forgot Your "
                       "Username and Password on the court's website.",
    "uppercase-login": "CM/ECF logins are all lowercase. Enter your login in lowercase letters and try again.",
    "already-linked": "This CM/ECF account is already linked to your PACER account. Nothing was changed.",
    "linked-to-other": "This CM/ECF account is already linked to another PACER account. Contact the "
                       "{desk} at {phone} or {email}.",
    "pacer-linked-elsewhere": "Your PACER account is already linked to another CM/ECF account at this "
                              "court ({login}). Nothing was changed.",
    "shared-lockout": "This shared firm PACER account is already linked to the CM/ECF account of {name}, "
                      "which locked out all other attorneys of the firm. Each filer needs an individual "
                      "PACER account. Contact the {desk} at {phone} or {email}.",
    "ecf-locked": "This CM/ECF account is locked: a shared firm PACER account was linked at this court, "
                  "which locks out all other attorneys of the firm. Each filer needs an individual PACER "
                  "account. Contact the {desk} at {phone} or {email}.",
    "not-upgraded": "Your PACER account must be upgraded before it can be linked. Log in to Manage My "
                    "Account at the PACER Service Center and upgrade your account, then try again.",
    "shared-warning": "This is a shared firm PACER account. Linking it locks out all other attorneys "
                      "from your firm: make sure both accounts are your own individual accounts.",
    "cancelled": "Link cancelled. Your CM/ECF and PACER accounts are not linked.",
    "expired": "Your linking session has expired. Start again.",
    "legacy-linked": "This CM/ECF account is linked to a PACER account. Log in with your PACER username "
                     "and password.",
    "legacy-unlinked": "This court has upgraded to NextGen CM/ECF. Log in with your individual PACER "
                       "account, then link this CM/ECF account under Utilities.",
    "legacy-invalid": "Invalid CM/ECF login or password.",
}


class LinkRefused(Exception):
    def __init__(self, key: str, **details) -> None:
        super().__init__(key)
        self.key = key
        self.details = details


def message(key: str, court: str, **details) -> str:
    desk = load_courts()[court]["help_desk"]
    return MESSAGES[key].format(desk=desk["name"], phone=desk["phone"], email=desk["email"], **details)


def ecf_account(ecf_id: int) -> sqlite3.Row | None:
    return get_db().execute("SELECT * FROM ecf_accounts WHERE id = ?", (ecf_id,)).fetchone()


def check_ecf_credentials(court: str, login: str, password: str) -> sqlite3.Row:
    """The CM/ECF account of a login and password at this court, or LinkRefused."""
    if not login:
        raise LinkRefused("login-required")
    if not password:
        raise LinkRefused("password-required")
    db = get_db()
    found = db.execute("SELECT * FROM ecf_accounts WHERE court = ? AND login = ?", (court, login)).fetchone()
    if found is None or not check_secret(found["password_hash"], password):
        lowered = db.execute("SELECT password_hash FROM ecf_accounts WHERE court = ? AND login = ?",
                             (court, login.lower())).fetchone()
        if login != login.lower() and lowered and check_secret(lowered["password_hash"], password):
            raise LinkRefused("uppercase-login")
        raise LinkRefused("bad-credentials")
    return found


def blocking_problem(account: sqlite3.Row, ecf: sqlite3.Row) -> LinkRefused | None:
    """Why these two accounts cannot be linked (shown on the verification screen), or None."""
    if ecf["pacer_account_id"] == account["id"]:
        return LinkRefused("already-linked")
    if ecf["locked"]:
        return LinkRefused("ecf-locked")
    if ecf["pacer_account_id"] is not None:
        return LinkRefused("linked-to-other")
    if not account["upgraded"]:
        return LinkRefused("not-upgraded")
    other = get_db().execute(
        "SELECT * FROM ecf_accounts WHERE court = ? AND pacer_account_id = ?", (ecf["court"], account["id"])
    ).fetchone()
    if other is not None:
        if account["shared"]:
            return LinkRefused("shared-lockout", name=other["name"])
        return LinkRefused("pacer-linked-elsewhere", login=other["login"])
    return None


def link(account: sqlite3.Row, ecf: sqlite3.Row, court_name: str) -> None:
    """Link the accounts, lock the firm's other attorneys out if the PACER account is shared, notify."""
    problem = blocking_problem(account, ecf)
    if problem:
        raise problem
    with transaction(get_db()) as db:
        db.execute("UPDATE ecf_accounts SET pacer_account_id = ?, linked_at = CURRENT_TIMESTAMP WHERE id = ?",
                   (account["id"], ecf["id"]))
        if account["shared"]:
            db.execute("UPDATE ecf_accounts SET locked = 1 WHERE court = ? AND shared_pacer_account_id = ?"
                       " AND id != ?", (ecf["court"], account["id"], ecf["id"]))
        body = (f"The CM/ECF account {ecf['login']} ({ecf['name']}) at the {court_name} has been linked to "
                f"the PACER account {account['username']}. From now on, use your PACER username and "
                "password to file with this court. If you did not make this change, contact the court.")
        for recipient in dict.fromkeys(filter(None, (ecf["email"], account["email"]))):
            db.execute(
                "INSERT INTO outbox (channel, recipient, account_number, subject, body) VALUES ('email', ?, ?, ?, ?)",
                (recipient, account["account_number"], "CM/ECF account linked to your PACER account", body),
            )


def legacy_login(court: str, login: str, password: str) -> str:
    """The legacy CM/ECF login: nobody signs on through it any more; it says where to go instead."""
    found = get_db().execute("SELECT * FROM ecf_accounts WHERE court = ? AND login = ?", (court, login)).fetchone()
    if found is None or not check_secret(found["password_hash"], password):
        return "legacy-invalid"
    if found["locked"]:
        return "ecf-locked"
    return "legacy-linked" if found["pacer_account_id"] is not None else "legacy-unlinked"
