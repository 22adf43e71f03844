"""Turn the personas into accounts: the state every reset returns to.

Seeded rows carry a fixed moment (SEEDED_AT), never today's date, so a seed is the same on
every run.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone

from fixtures.personas import SECURITY_QUESTIONS, SHARED_FIRM_ACCOUNT, build_personas
from mock_court.core import mfa
from mock_court.core.accounts import insert_account
from mock_court.core.clock import stamp
from mock_court.core.hashing import hash_answer, hash_secret
from mock_court.core.outbox import send
from mock_court.sites.psc.models import activation_letter, hash_activation_code

SEEDED_AT = datetime(2026, 1, 5, 9, 0, tzinfo=timezone.utc)


def account_row(persona: dict) -> dict:
    filer = "ecf_court" in persona
    return {
        "account_number": persona["account_number"],
        "username": persona["username"],
        "password_hash": hash_secret(persona["password"]),
        "account_type": "attorney-filers-cmecf" if filer else "pacer-case-search-only",
        "status": persona["status"],
        "upgraded": int(persona["upgraded"]),
        "shared": int(persona["shared"]),
        "first_name": persona["first_name"],
        "last_name": persona["last_name"],
        "date_of_birth": persona["date_of_birth"],
        "email": persona["email"],
        "user_type": "Attorney" if filer else "Individual",
        "firm": persona.get("firm"),
        "address1": "1 Courthouse Way",
        "city": "Austin",
        "state": "TX",
        "zip": "78701",
        "country": "United States of America",
        "primary_phone": "512-555-0100",
        "question1": SECURITY_QUESTIONS[0],
        "answer1_hash": hash_answer(persona["security_answers"][0]),
        "question2": SECURITY_QUESTIONS[1],
        "answer2_hash": hash_answer(persona["security_answers"][1]),
        "client_code_required": int(persona["client_code_required"]),
        "mfa_required": int(persona["mfa"] != "not-required"),
        "mfa_skips": mfa.SKIPS_ALLOWED if persona["mfa"] == "restricted" else 0,
        "problem": persona["problem"],
        "activation_code_hash": hash_activation_code(persona["activation_code"])
        if "activation_code" in persona
        else None,
        "created_at": stamp(SEEDED_AT),
    }


def seed_personas(db: sqlite3.Connection) -> None:
    account_ids: dict[str, int] = {}
    for persona in build_personas():
        owner = persona.get("pacer_account", persona["id"])
        if owner not in account_ids:
            row = account_row(persona)
            if owner == SHARED_FIRM_ACCOUNT:
                row.update(first_name="Firm", last_name="Account", email=f"office@{owner}.example")
            account_ids[owner] = insert_account(db, row)
            if persona["mfa"] == "enrolled":
                mfa.set_state(
                    db, account_ids[owner], "enrolled", SEEDED_AT, persona["otp_secret"], persona["backup_codes"]
                )
            if "activation_code" in persona:  # awaiting activation: the letter is in the mail
                send(db, **activation_letter(row, persona["activation_code"]), at=SEEDED_AT)
        if "ecf_court" in persona:
            db.execute(
                "INSERT INTO ecf_accounts (court, login, password_hash, name, email,"
                " pacer_account_id, linked_at, shared_pacer_account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    persona["ecf_court"],
                    persona["ecf_login"],
                    hash_secret(persona["ecf_password"]),
                    f"{persona['first_name']} {persona['last_name']}",
                    persona["email"],
                    account_ids[owner] if persona["linked"] else None,
                    stamp(SEEDED_AT) if persona["linked"] else None,
                    account_ids[owner] if persona["shared"] else None,
                ),
            )
