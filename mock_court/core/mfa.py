"""Multifactor authentication, as every site sees it: who must enrol, the apps and backup codes
an account holds, and the check of a passcode at sign-on. Every SQL statement about it is here.

An account is in one of four states (STATES): "enrolled" when it holds an authentication app or
an unused backup code; otherwise "not-required" unless it must enrol (CM/ECF-level access),
"due" while it has skips left at the sign-on prompt, "restricted" once all three are spent
(../shared/reference/real-sites-2026.md, section 1.2).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from mock_court.core.clock import stamp
from mock_court.core.hashing import check_secret, hash_random_code
from mock_court.sites.login import totp

STATES = ("not-required", "due", "restricted", "enrolled")
SKIPS_ALLOWED = 3
MAX_APPS = 5
BACKUP_CODES = 10
BACKUP_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L: read off paper and typed
BACKUP_CODE_LENGTH = 10


def apps(db: sqlite3.Connection, account_id: int) -> list[sqlite3.Row]:
    return db.execute(
        "SELECT id, name, secret, last_step, created_at FROM mfa_apps WHERE account_id = ? ORDER BY id", (account_id,)
    ).fetchall()


def backup_codes_left(db: sqlite3.Connection, account_id: int) -> int:
    row = db.execute(
        "SELECT count(*) FROM mfa_backup_codes WHERE account_id = ? AND used_at IS NULL", (account_id,)
    ).fetchone()
    return row[0]


def is_enrolled(db: sqlite3.Connection, account_id: int) -> bool:
    return bool(apps(db, account_id)) or backup_codes_left(db, account_id) > 0


def state(db: sqlite3.Connection, account: sqlite3.Row) -> str:
    if is_enrolled(db, account["id"]):
        return "enrolled"
    if not account["mfa_required"]:
        return "not-required"
    return "due" if account["mfa_skips"] < SKIPS_ALLOWED else "restricted"


def skips_left(account: sqlite3.Row) -> int:
    return max(0, SKIPS_ALLOWED - account["mfa_skips"])


def record_skip(db: sqlite3.Connection, account_id: int) -> None:
    db.execute("UPDATE accounts SET mfa_skips = mfa_skips + 1 WHERE id = ?", (account_id,))


def add_app(db: sqlite3.Connection, account_id: int, name: str, secret: str, at: datetime, step: int | None) -> bool:
    """Add an app whose first code (for `step`) was just accepted; False when the account
    already holds MAX_APPS (checked in the same statement, so parallel submits cannot pass it)."""
    cursor = db.execute(
        "INSERT INTO mfa_apps (account_id, name, secret, last_step, created_at)"
        " SELECT ?, ?, ?, ?, ? WHERE (SELECT count(*) FROM mfa_apps WHERE account_id = ?) < ?",
        (account_id, name, secret, step, stamp(at), account_id, MAX_APPS),
    )
    return cursor.rowcount == 1


def delete_app(db: sqlite3.Connection, account_id: int, app_id: int) -> bool:
    return db.execute("DELETE FROM mfa_apps WHERE id = ? AND account_id = ?", (app_id, account_id)).rowcount == 1


def replace_backup_codes(db: sqlite3.Connection, account_id: int, codes: list[str]) -> None:
    """A new batch voids the old one."""
    db.execute("DELETE FROM mfa_backup_codes WHERE account_id = ?", (account_id,))
    db.executemany(
        "INSERT INTO mfa_backup_codes (account_id, code_hash) VALUES (?, ?)",
        [(account_id, hash_random_code(normalize_backup_code(code))) for code in codes],
    )


def normalize_backup_code(code: str) -> str:
    return "".join(code.split()).replace("-", "").upper()


def use_backup_code(db: sqlite3.Connection, account_id: int, code: str, at: datetime) -> bool:
    """Spend an unused backup code of the account: True once, False ever after."""
    wanted = normalize_backup_code(code)
    if len(wanted) != BACKUP_CODE_LENGTH:
        return False
    rows = db.execute(
        "SELECT id, code_hash FROM mfa_backup_codes WHERE account_id = ? AND used_at IS NULL", (account_id,)
    ).fetchall()
    for row in rows:
        if check_secret(row["code_hash"], wanted):
            spent = db.execute(
                "UPDATE mfa_backup_codes SET used_at = ? WHERE id = ? AND used_at IS NULL", (stamp(at), row["id"])
            )
            return spent.rowcount == 1
    return False


def use_app_code(db: sqlite3.Connection, account_id: int, code: str, at: datetime) -> bool:
    """Accept a code of one of the account's apps, once: its step must be later than the last
    step accepted for that app (the update is conditional, so two parallel sign-ons cannot both
    spend it)."""
    for app in apps(db, account_id):
        step = totp.matching_step(app["secret"], code, at)
        if step is None:
            continue
        spent = db.execute(
            "UPDATE mfa_apps SET last_step = ? WHERE id = ? AND (last_step IS NULL OR last_step < ?)",
            (step, app["id"], step),
        )
        if spent.rowcount == 1:
            return True
    return False


def set_state(
    db: sqlite3.Connection, account_id: int, wanted: str, at: datetime, secret: str | None = None, codes=()
) -> None:
    """Put an account in a state (the control API): enrolment is replaced by `secret` and
    `codes` for "enrolled", and dropped for the others."""
    db.execute("DELETE FROM mfa_apps WHERE account_id = ?", (account_id,))
    db.execute("DELETE FROM mfa_backup_codes WHERE account_id = ?", (account_id,))
    required = wanted != "not-required"
    skips = SKIPS_ALLOWED if wanted == "restricted" else 0
    db.execute("UPDATE accounts SET mfa_required = ?, mfa_skips = ? WHERE id = ?", (int(required), skips, account_id))
    if wanted == "enrolled":
        if secret:
            add_app(db, account_id, "Authenticator", secret, at, None)
        replace_backup_codes(db, account_id, list(codes))
