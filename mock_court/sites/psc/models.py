"""The PACER Service Center's state: registration, Manage My Account, forgotten credentials.

The registration wizard keeps what the user entered in the (signed) Flask session until the
final Submit, so nothing is stored before it; secrets never go there in plain text: the password
and security answers are hashed as soon as step 2 accepts them, and of a card only the type,
holder, expiry and last four digits are kept (forms.py). Submit writes the account (and the
activation letter) in one transaction, keyed by the wizard's registration key so that a second
Submit makes no second account.

Every refusal is a Refused (mock_court.core.exceptions) carrying the message the page shows.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from mock_court.core import accounts, outbox
from mock_court.core.clock import now, rng, stamp
from mock_court.core.exceptions import Refused, refuse_if
from mock_court.core.fields import PASSWORD_MAX, TEXT_MAX, length_errors
from mock_court.core.hashing import check_answer, check_secret, hash_secret
from mock_court.core.store import get_db, transaction
from mock_court.sites.login.models import FILER_TYPES, end_sessions_of
from mock_court.sites.psc import forms
from mock_court.sites.recaptcha import models as recaptcha

STEPS = ("account_information", "user_information", "payment_information", "policies")
DUPLICATE_THRESHOLD = 2  # the "account may already exist" dialog
INACTIVE_THRESHOLD = 3  # the new account is put on inactive status
ACCOUNT_NUMBER_START = 5000001  # numbers given by registration; personas have 41xxxxx

VERIFICATION_MESSAGES = {
    recaptcha.MISSING: "User Verification is required.",
    recaptcha.EXPIRED: "Verification expired. Check the checkbox again.",
    recaptcha.INVALID: "User Verification failed. Please try again.",
}

NOT_ACTIVATED = (
    "PACER User Not Activated. Select Activate Case Search Privileges to enter the activation code from your letter."
)
INACTIVE = "PACER User Inactive. Contact the PACER Service Center at (800) 676-6856."
BAD_LOGIN = "Invalid username or password."
NO_MATCH = "The information you entered does not match our records."
WRONG_ANSWERS = "One or more answers are incorrect. Try again."
WRONG_CODE = "The activation code is not valid. Check the code in your letter and try again."
RESET_EXPIRED = "Your password reset has expired or is no longer valid. Start again."
USERNAME_TAKEN_AT_SUBMIT = "This username was taken while you registered. Choose another."

STATUS_NAMES = {"active": "Active", "not-activated": "Not activated", "inactive": "Inactive"}


# ---- The registration wizard ---------------------------------------------------------------------


def new_wizard(account_type: str) -> dict:
    return {"key": rng().token(16), "type": account_type}


def count_matches(data: dict) -> int:
    """The most personal items (name, date of birth, email) that one existing account shares."""
    row = (
        get_db()
        .execute(
            "SELECT (lower(first_name) = lower(:first_name) AND lower(last_name) = lower(:last_name))"
            " + (date_of_birth = :date_of_birth) + (lower(email) = lower(:email)) AS matches"
            " FROM accounts ORDER BY matches DESC LIMIT 1",
            data,
        )
        .fetchone()
    )
    return row["matches"] if row else 0


def accept_account_information(wizard: dict, form, session_key: str) -> dict:
    """Step 1 (captcha included, `session_key` the session's ViewState): the wizard with the step
    kept, or InvalidForm.

    Later steps are kept unless the name or email they were checked against changed; the
    wizard is `continued` unless the "account may already exist" dialog must be answered first.
    """
    verification_error = None
    try:
        recaptcha.verify(form.get("g-recaptcha-response"), session_key)
    except recaptcha.VerificationFailed as failed:
        verification_error = VERIFICATION_MESSAGES[failed.code]
    data = forms.validate_account_information(form, verification_error)
    matches = count_matches(data)
    before = wizard.get("account") or {}
    personal = ("first_name", "last_name", "email")
    kept = {k: v for k, v in wizard.items() if k in ("key", "type")}
    if all(before.get(k) == data[k] for k in personal):
        kept.update({k: v for k, v in wizard.items() if k in ("user", "payment")})
    return {**kept, "account": data, "matches": matches, "continued": matches < DUPLICATE_THRESHOLD}


def accept_user_information(wizard: dict, form) -> dict:
    """Step 2: the data to keep (hashes only), or InvalidForm."""
    taken = lambda username: accounts.username_taken(get_db(), username)  # noqa: E731
    return forms.validate_user_information(form, wizard["account"], taken)


def accept_payment_information(wizard: dict, form) -> dict:
    """Step 3: the data to keep (no card number), or InvalidForm."""
    return forms.validate_payment_information(form, wizard["account"])


def first_missing_step(wizard: dict | None) -> str | None:
    """The first step the wizard still needs, or None when it is ready to Submit."""
    if not wizard or "account" not in wizard or not wizard.get("continued"):
        return "account_information"
    if "user" not in wizard:
        return "user_information"
    if "payment" not in wizard:
        return "payment_information"
    return None


def may_show(wizard: dict | None, step: str) -> bool:
    missing = first_missing_step(wizard)
    return missing is None or STEPS.index(step) <= STEPS.index(missing)


# ---- Submit, and the activation letter ---------------------------------------------------------


class UsernameTaken(Refused):
    """Someone took the username between step 2 and Submit."""

    def __init__(self) -> None:
        super().__init__(USERNAME_TAKEN_AT_SUBMIT, field="username")


@dataclass(frozen=True)
class Registered:
    account_number: str
    account_type: str
    status: str  # active | not-activated | inactive
    username: str


def new_activation_code() -> str:
    letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
    return f"{rng().code(letters, 4)}-{rng().code('0123456789', 4)}-{rng().code(letters, 4)}"


def normalize_activation_code(code: str) -> str:
    return re.sub(r"[^A-Za-z0-9]", "", code or "").upper()


def hash_activation_code(code: str) -> str:
    return hash_secret(normalize_activation_code(code))


def activation_letter(account: dict, code: str) -> dict:
    """The letter the PACER Service Center mails to a new account without a card: what outbox.send takes."""
    name = f"{account['first_name']} {account['last_name']}"
    place = ", ".join(
        filter(None, (account.get("city"), f"{account.get('state') or ''} {account.get('zip') or ''}".strip()))
    )
    address = "\n".join(filter(None, (name, account.get("address1"), account.get("address2"), place)))
    body = (
        "PACER Service Center\nP.O. Box 780549, San Antonio, TX 78278\n\n"
        f"{address}\n\nDear {name},\n\n"
        "Thank you for registering for a PACER account. To activate your case search privileges,\n"
        "log in to Manage My Account at pacer.psc.uscourts.gov, select Activate Case Search\n"
        "Privileges, and enter the activation code below.\n\n"
        f"Account Number: {account['account_number']}\n"
        f"Username: {account['username']}\n"
        f"Activation Code: {code}\n\n"
        "If you need help, contact the PACER Service Center at (800) 676-6856 or pacer@psc.uscourts.gov.\n"
    )
    return {
        "channel": "mail",
        "recipient": address.replace("\n", ", "),
        "account_number": account["account_number"],
        "subject": "Your PACER account activation code",
        "body": body,
    }


def _registered(row) -> Registered:
    return Registered(row["account_number"], row["account_type"], row["status"], row["username"])


def submit(wizard: dict) -> Registered:
    """Create the account, and its activation letter when it has no card: one transaction.

    Submitting the same wizard again (a double click, Back then Submit) answers the account
    the first Submit made.
    """
    with transaction(get_db()) as db:
        done = db.execute("SELECT * FROM accounts WHERE registration_key = ?", (wizard["key"],)).fetchone()
        if done is not None:
            return _registered(done)
        user, payment = wizard["user"], wizard["payment"]
        if accounts.username_taken(db, user["username"]):
            raise UsernameTaken()
        number = (
            db.execute(
                "SELECT MAX(CAST(account_number AS INTEGER)) + 1 FROM accounts"
                " WHERE CAST(account_number AS INTEGER) >= ?",
                (ACCOUNT_NUMBER_START,),
            ).fetchone()[0]
            or ACCOUNT_NUMBER_START
        )
        if wizard.get("matches", 0) >= INACTIVE_THRESHOLD:
            status = "inactive"
        else:
            status = "active" if payment["card"] else "not-activated"
        code = new_activation_code() if status == "not-activated" else None
        row = {k: v or None for k, v in wizard["account"].items() if k in accounts.ACCOUNT_COLUMNS}
        row.update({k: v for k, v in user.items() if k in accounts.ACCOUNT_COLUMNS})
        if payment["card"]:
            row.update({k: payment[k] for k in ("card_type", "card_last4", "card_holder", "card_expiry")})
        row.update(
            account_number=str(number),
            account_type=wizard["type"],
            status=status,
            cja_panel=int(bool(wizard["account"].get("cja_panel"))),
            mfa_required=int(wizard["type"] in FILER_TYPES),  # CM/ECF-level access must enrol
            registration_key=wizard["key"],
            created_at=stamp(now()),
            activation_code_hash=hash_activation_code(code) if code else None,
        )
        accounts.insert_account(db, row)
        if code:
            outbox.send(db, **activation_letter(row, code), at=now())
        return Registered(str(number), wizard["type"], status, user["username"])


def registered_account(number: str) -> sqlite3.Row | None:
    return accounts.by_account_number(get_db(), number)


# ---- Manage My Account -------------------------------------------------------------------------


LOGIN_LIMITS = {"username": ("Username", TEXT_MAX), "password": ("Password", PASSWORD_MAX)}
RESET_LIMITS = {
    "username": ("Username", TEXT_MAX),
    "email": ("Email", TEXT_MAX),
    "account_number": ("Account Number", 10),
    "date_of_birth": ("Date of Birth", 10),
    "answer1": ("Answer 1", TEXT_MAX),
    "answer2": ("Answer 2", TEXT_MAX),
    "activation_code": ("Activation Code", 20),
}


def own_fields(form, *names: str) -> dict:
    """The fields a page has: another page's field, sent along, is neither checked nor refused unseen."""
    return {name: form.get(name) for name in names}


def authenticate(username: str, password: str) -> sqlite3.Row:
    """Manage My Account's login: the account, or Refused. Not-activated accounts may log in to activate."""
    refuse_if(length_errors({"username": username, "password": password}, LOGIN_LIMITS))
    account = accounts.authenticate(get_db(), username or "", password or "")
    if account is None:
        raise Refused(BAD_LOGIN)
    if account["status"] == "inactive":
        raise Refused(INACTIVE)
    return account


def activate(account: sqlite3.Row, code: str) -> None:
    """Activate case search privileges with the mailed code, or Refused beside the code."""
    refuse_if(length_errors({"activation_code": code}, RESET_LIMITS))
    if not normalize_activation_code(code):
        raise Refused("Activation Code is required.", field="activation_code")
    if not check_secret(account["activation_code_hash"], normalize_activation_code(code)):
        raise Refused(WRONG_CODE, field="activation_code")
    with transaction(get_db()) as db:
        db.execute("UPDATE accounts SET status = 'active', activation_code_hash = NULL WHERE id = ?", (account["id"],))


# ---- Forgot Password: username plus email, account number or date of birth; then the answers ----


def account_by_id(account_id: int) -> sqlite3.Row | None:
    return accounts.by_id(get_db(), account_id)


def find_for_reset(form) -> sqlite3.Row:
    """The account a Forgot Password form names, or InvalidForm / Refused."""
    username = (form.get("username") or "").strip()
    email = (form.get("email") or "").strip()
    number = (form.get("account_number") or "").strip()
    born = (form.get("date_of_birth") or "").strip()
    refuse_if(length_errors(own_fields(form, "username", "email", "account_number", "date_of_birth"), RESET_LIMITS))
    errors = {}
    if not username:
        errors["username"] = "Username is required."
    if not (email or number or born):
        errors["identity"] = "Enter your email address, account number or date of birth."
    refuse_if(errors)
    account = accounts.by_username(get_db(), username)
    born_date = forms.parse_date(born) if born else None
    if account is None or not (
        (email and email.lower() == account["email"].lower())
        or (number and number == account["account_number"])
        or (born_date is not None and born_date.isoformat() == account["date_of_birth"])
    ):
        raise Refused(NO_MATCH)
    return account


def check_answers(account: sqlite3.Row, form) -> None:
    """Both security answers right, or Refused."""
    refuse_if(length_errors(own_fields(form, "answer1", "answer2"), RESET_LIMITS))
    if not (
        check_answer(account["answer1_hash"], form.get("answer1") or "")
        and check_answer(account["answer2_hash"], form.get("answer2") or "")
    ):
        raise Refused(WRONG_ANSWERS)


def reset_password(account: sqlite3.Row, form) -> None:
    """Set a new password under the registration rules, or InvalidForm; every sign-on of the account ends."""
    password = form.get("password") or ""  # the password rule holds it to PASSWORD_MAX; its confirmation must equal it
    refuse_if(
        forms.password_pair_errors(
            password,
            form.get("confirm_password") or "",
            account["first_name"],
            account["last_name"],
            account["username"],
            account["email"],
            confirm_label="Confirm New Password",
        )
    )
    with transaction(get_db()) as db:
        db.execute("UPDATE accounts SET password_hash = ? WHERE id = ?", (hash_secret(password), account["id"]))
    end_sessions_of(account["id"])


# ---- Forgot Username: the account number; the username goes by email ----


def send_username(number: str) -> None:
    """Email the account's username to its address on file, or Refused beside the account number."""
    refuse_if(length_errors({"account_number": number}, RESET_LIMITS))
    if not (number or "").strip():
        raise Refused("Account Number is required.", field="account_number")
    account = accounts.by_account_number(get_db(), number)
    if account is None:
        raise Refused("No account was found with that account number.", field="account_number")
    body = (
        f"Dear {account['first_name']} {account['last_name']},\n\nThe username of PACER account "
        f"{account['account_number']} is: {account['username']}\n\nPACER Service Center\n"
    )
    with transaction(get_db()) as db:
        outbox.send(
            db,
            "email",
            account["email"],
            "Your PACER username",
            body,
            at=now(),
            account_number=account["account_number"],
        )
