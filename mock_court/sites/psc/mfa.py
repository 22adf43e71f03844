"""Manage My Account's multifactor authentication screens: their rules (the SQL is in
mock_court.core.mfa).

Following the PACER learning aid "Multifactor Authentication (MFA) - Authentication
Applications" (../shared/reference/real-sites-2026.md, section 1.3): Add App and Get New Codes
each email a security code first; Add App then asks for a name, and Set Up App shows a QR code
of an otpauth:// URI with the secret key under it and takes the app's 6-digit code. Up to five
apps; ten backup codes a batch, a new batch voiding the old. The messages are the mock's own.
"""

from __future__ import annotations

import sqlite3

import segno

from mock_court.core import mfa, outbox
from mock_court.core.clock import now, rng
from mock_court.core.exceptions import Refused
from mock_court.core.hashing import check_secret, hash_secret
from mock_court.core.store import get_db, transaction
from mock_court.sites.login import totp

SECURITY_CODE_DIGITS = 6
APP_NAME_MAX = 40
EMAIL_MAX = 100

MESSAGES = {
    "too-many-apps": f"An account can have up to {mfa.MAX_APPS} authentication apps. "
    "Delete an app before you add another.",
    "code-required": "Enter the security code sent to your email address.",
    "code-wrong": "The security code is not valid. Check the code in the email and try again.",
    "name-required": "Enter a name for the app.",
    "name-too-long": f"The app name must be {APP_NAME_MAX} characters or fewer.",
    "name-taken": "You already have an app with this name. Choose another name.",
    "app-code-required": "Enter the 6-digit code your authentication app shows.",
    "app-code-wrong": "The code does not match. Make sure you scanned the QR code (or typed the secret key) "
    "of this screen, then enter the code the app shows now.",
    "email-invalid": "Enter a valid email address.",
}
PURPOSES = {"add-app": "add an authentication app", "backup-codes": "get new backup codes"}


def masked_email(email: str) -> str:
    """j•••@example.com: enough to recognise one's address, as sign-in screens show it."""
    name, _, domain = email.partition("@")
    return f"{name[:1]}•••@{domain}"


def check_room_for_app(account: sqlite3.Row) -> None:
    if len(mfa.apps(get_db(), account["id"])) >= mfa.MAX_APPS:
        raise Refused(MESSAGES["too-many-apps"])


def send_security_code(account: sqlite3.Row, purpose: str) -> str:
    """Email a new security code to the account's address; answers its hash, for the session."""
    code = rng().code("0123456789", SECURITY_CODE_DIGITS)
    with transaction(get_db()) as db:
        outbox.send(
            db,
            "email",
            account["email"],
            "PACER Security Code",
            f"Your PACER security code is {code}. Enter it in Manage My Account to {PURPOSES[purpose]}. "
            "If you did not ask for it, contact the PACER Service Center at (800) 676-6856.",
            at=now(),
            account_number=account["account_number"],
        )
    return hash_secret(code)


def check_security_code(code_hash: str, code: str) -> None:
    code = code.strip()
    if not code:
        raise Refused(MESSAGES["code-required"], field="securityCode")
    if len(code) != SECURITY_CODE_DIGITS or not check_secret(code_hash, code):
        raise Refused(MESSAGES["code-wrong"], field="securityCode")


def check_app_name(account: sqlite3.Row, name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise Refused(MESSAGES["name-required"], field="appName")
    if len(name) > APP_NAME_MAX:
        raise Refused(MESSAGES["name-too-long"], field="appName")
    if any(app["name"].lower() == name.lower() for app in mfa.apps(get_db(), account["id"])):
        raise Refused(MESSAGES["name-taken"], field="appName")
    return name


def new_secret() -> str:
    return rng().code(totp.BASE32, totp.SECRET_LENGTH)


def grouped(secret: str) -> str:
    """The secret key as Set Up App shows it: in groups of four, easier to type."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_code_image(account: sqlite3.Row, secret: str) -> str:
    """A scannable QR code of the app's otpauth:// URI, as a PNG data: URI for an <img>."""
    return segno.make(totp.provisioning_uri(secret, account["username"]), error="m").png_data_uri(scale=5, border=4)


def add_app(account: sqlite3.Row, name: str, secret: str, code: str) -> None:
    """Add the app once its first code matches; the code is then spent (never accepted again)."""
    code = code.strip()
    if not code:
        raise Refused(MESSAGES["app-code-required"], field="appCode")
    step = totp.matching_step(secret, code, now())
    if step is None:
        raise Refused(MESSAGES["app-code-wrong"], field="appCode")
    with transaction(get_db()) as db:
        if not mfa.add_app(db, account["id"], name, secret, now(), step):
            raise Refused(MESSAGES["too-many-apps"])


def delete_app(account: sqlite3.Row, app_id: int) -> bool:
    with transaction(get_db()) as db:
        return mfa.delete_app(db, account["id"], app_id)


def new_backup_codes(account: sqlite3.Row) -> list[str]:
    """Ten new single-use codes, voiding the old batch; shown once, stored only hashed."""
    codes = [
        "-".join(rng().code(mfa.BACKUP_ALPHABET, mfa.BACKUP_CODE_LENGTH // 2) for _ in range(2))
        for _ in range(mfa.BACKUP_CODES)
    ]
    with transaction(get_db()) as db:
        mfa.replace_backup_codes(db, account["id"], codes)
    return codes


def summary(account: sqlite3.Row) -> dict:
    """What the landing page and the methods screen show of the account's MFA."""
    db = get_db()
    return {
        "state": mfa.state(db, account),
        "apps": mfa.apps(db, account["id"]),
        "backup_codes_left": mfa.backup_codes_left(db, account["id"]),
        "max_apps": mfa.MAX_APPS,
    }


def update_email(account: sqlite3.Row, email: str) -> None:
    """Settings: the address security codes and notices go to."""
    email = email.strip()
    local, at, domain = email.partition("@")
    if not (local and at and "." in domain) or len(email) > EMAIL_MAX or any(c.isspace() for c in email):
        raise Refused(MESSAGES["email-invalid"], field="email")
    with transaction(get_db()) as db:
        db.execute("UPDATE accounts SET email = ? WHERE id = ?", (email, account["id"]))
