"""Manage My Account, Forgot Password and Forgot Username: the rules, apart from the views.

Every function takes the store's connection; every change is one transaction.
"""

from __future__ import annotations

import sqlite3

from mock_court.db import transaction
from mock_court.registration import normalize_activation_code, parse_date, password_pair_errors
from mock_court.security import check_answer, check_secret, hash_secret

NOT_ACTIVATED = "PACER User Not Activated. Select Activate Case Search Privileges to enter the activation code from your letter."
INACTIVE = "PACER User Inactive. Contact the PACER Service Center at (800) 676-6856."
BAD_LOGIN = "Invalid username or password."
NO_MATCH = "The information you entered does not match our records."
WRONG_ANSWERS = "One or more answers are incorrect. Try again."
WRONG_CODE = "The activation code is not valid. Check the code in your letter and try again."

STATUS_NAMES = {"active": "Active", "not-activated": "Not activated", "inactive": "Inactive"}


def by_id(db: sqlite3.Connection, account_id: int) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()


def by_username(db: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM accounts WHERE lower(username) = lower(?)", (username.strip(),)).fetchone()


def by_account_number(db: sqlite3.Connection, number: str) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM accounts WHERE account_number = ?", (number.strip(),)).fetchone()


def authenticate(db: sqlite3.Connection, username: str, password: str) -> tuple[sqlite3.Row | None, str | None]:
    """Manage My Account's login: the account, or the message to show. Not-activated accounts may log in to activate."""
    account = by_username(db, username or "")
    if account is None or not check_secret(account["password_hash"], password or ""):
        return None, BAD_LOGIN
    if account["status"] == "inactive":
        return None, INACTIVE
    return account, None


def activate(db: sqlite3.Connection, account: sqlite3.Row, code: str) -> str | None:
    """Activate case search privileges with the mailed code: None on success, else the message."""
    if not normalize_activation_code(code):
        return "Activation Code is required."
    if not check_secret(account["activation_code_hash"], normalize_activation_code(code)):
        return WRONG_CODE
    with transaction(db):
        db.execute("UPDATE accounts SET status = 'active', activation_code_hash = NULL WHERE id = ?", (account["id"],))
    return None


# ---- Forgot Password: username plus email, account number or date of birth; then the answers ----

def find_for_reset(db: sqlite3.Connection, form) -> tuple[sqlite3.Row | None, dict]:
    username = (form.get("username") or "").strip()
    email = (form.get("email") or "").strip()
    number = (form.get("account_number") or "").strip()
    born = (form.get("date_of_birth") or "").strip()
    errors = {}
    if not username:
        errors["username"] = "Username is required."
    if not (email or number or born):
        errors["identity"] = "Enter your email address, account number or date of birth."
    if errors:
        return None, errors
    account = by_username(db, username)
    born_date = parse_date(born) if born else None
    matched = account is not None and (
        (email and email.lower() == account["email"].lower())
        or (number and number == account["account_number"])
        or (born_date is not None and born_date.isoformat() == account["date_of_birth"])
    )
    return (account, {}) if matched else (None, {"form": NO_MATCH})


def answers_ok(account: sqlite3.Row, form) -> bool:
    return check_answer(account["answer1_hash"], form.get("answer1") or "") and \
        check_answer(account["answer2_hash"], form.get("answer2") or "")


def reset_password(db: sqlite3.Connection, account: sqlite3.Row, form) -> dict:
    """Set a new password under the registration rules: errors, or {} once saved."""
    password = form.get("password") or ""
    errors = password_pair_errors(password, form.get("confirm_password") or "", account["first_name"],
                                  account["last_name"], account["username"], account["email"],
                                  confirm_label="Confirm New Password")
    if not errors:
        with transaction(db):
            db.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", (hash_secret(password), account["id"]))
    return errors


# ---- Forgot Username: the account number; the username goes by email ----

def send_username(db: sqlite3.Connection, number: str) -> dict:
    """Email the account's username to its address on file: errors, or {} once sent."""
    if not (number or "").strip():
        return {"account_number": "Account Number is required."}
    account = by_account_number(db, number)
    if account is None:
        return {"account_number": "No account was found with that account number."}
    with transaction(db):
        db.execute(
            "INSERT INTO outbox (channel, recipient, account_number, subject, body) VALUES ('email', ?, ?, ?, ?)",
            (account["email"], account["account_number"], "Your PACER username",
             f"Dear {account['first_name']} {account['last_name']},\n\nThe username of PACER account "
             f"{account['account_number']} is: {account['username']}\n\nPACER Service Center\n"),
        )
    return {}
