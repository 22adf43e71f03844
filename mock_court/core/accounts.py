"""PACER accounts, as every site looks them up.

One account, one lookup: the PACER Service Center, central sign-on and its API, and CM/ECF all
find an account through `by_username`, so they agree on who it is. Usernames match without
regard to case: the reference does not say how the real sites treat case
(../shared/reference/real-sites-2026.md, section 3, "NOT CONFIRMED"), registration already
refuses a username that differs from a taken one only in case, so a case-blind lookup can never
find two accounts, and it spares a filer a refusal for a capital letter typed on a phone.
"""

from __future__ import annotations

import sqlite3
from functools import cache

from mock_court.core.hashing import check_secret, hash_secret

# Every column an insert may set; the rest are the schema's own (id, defaults).
ACCOUNT_COLUMNS = (
    "account_number",
    "username",
    "password_hash",
    "account_type",
    "status",
    "upgraded",
    "shared",
    "prefix",
    "first_name",
    "middle_name",
    "last_name",
    "generation",
    "suffix",
    "date_of_birth",
    "firm",
    "unit",
    "address1",
    "address2",
    "address3",
    "room",
    "city",
    "state",
    "county",
    "zip",
    "country",
    "primary_phone",
    "alternate_phone",
    "text_phone",
    "fax",
    "email",
    "user_type",
    "cja_panel",
    "question1",
    "answer1_hash",
    "question2",
    "answer2_hash",
    "card_type",
    "card_last4",
    "card_holder",
    "card_expiry",
    "activation_code_hash",
    "client_code_required",
    "mfa_required",
    "mfa_skips",
    "problem",
    "registration_key",
    "created_at",
)


def by_id(db: sqlite3.Connection, account_id: int) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()


def by_username(db: sqlite3.Connection, username: str) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM accounts WHERE lower(username) = lower(?)", (username.strip(),)).fetchone()


def by_account_number(db: sqlite3.Connection, number: str) -> sqlite3.Row | None:
    return db.execute("SELECT * FROM accounts WHERE account_number = ?", (number.strip(),)).fetchone()


@cache
def _stand_in_hash() -> str:
    return hash_secret("the password of nobody")


def authenticate(db: sqlite3.Connection, username: str, password: str) -> sqlite3.Row | None:
    """The account of a username and password, or None. An unknown username costs the same
    hashing work as a known one, so the time taken does not tell which usernames exist."""
    account = by_username(db, username)
    matches = check_secret(account["password_hash"] if account else _stand_in_hash(), password)
    return account if account is not None and matches else None


def username_taken(db: sqlite3.Connection, username: str) -> bool:
    return by_username(db, username) is not None


def insert_account(db: sqlite3.Connection, values: dict) -> int:
    """Insert an account from `values`, whose keys must all be ACCOUNT_COLUMNS; answers its id."""
    unknown = set(values) - set(ACCOUNT_COLUMNS)
    if unknown:
        raise KeyError(f"not account columns: {', '.join(sorted(unknown))}")
    columns = [c for c in ACCOUNT_COLUMNS if c in values]
    marks = ", ".join(f":{c}" for c in columns)
    cursor = db.execute(f"INSERT INTO accounts ({', '.join(columns)}) VALUES ({marks})", values)
    assert cursor.lastrowid is not None  # an INSERT always sets it
    return cursor.lastrowid
