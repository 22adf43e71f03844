"""The outbox: simulated U.S. mail (activation letters) and email, as every site sends them."""

from __future__ import annotations

import sqlite3
from datetime import datetime

from mock_court.core.clock import stamp

FILTERS = ("channel", "recipient", "account_number")


def send(
    db: sqlite3.Connection,
    channel: str,
    recipient: str,
    subject: str,
    body: str,
    at: datetime,
    account_number: str | None = None,
) -> None:
    """Put a letter (channel "mail", the simulated U.S. mail) or an email in the outbox."""
    db.execute(
        "INSERT INTO outbox (channel, recipient, account_number, subject, body, created_at) VALUES (?, ?, ?, ?, ?, ?)",
        (channel, recipient, account_number, subject, body, stamp(at)),
    )


def read(db: sqlite3.Connection, **filters: str) -> list[dict]:
    """What was sent, oldest first; each of FILTERS given narrows it to equal values."""
    wanted = {name: value for name, value in filters.items() if name in FILTERS and value}
    where = " AND ".join(f"{name} = :{name}" for name in wanted)
    rows = db.execute(
        "SELECT id, channel, recipient, account_number, subject, body, created_at FROM outbox"
        + (f" WHERE {where}" if where else "")
        + " ORDER BY id",
        wanted,
    ).fetchall()
    return [dict(row) for row in rows]
