"""A court's public website: the one thing it does with state is send CM/ECF reset instructions."""

from __future__ import annotations

from mock_court.core.clock import now
from mock_court.core.exceptions import Refused, refuse_if
from mock_court.core.fields import TEXT_MAX, length_errors
from mock_court.core.outbox import send
from mock_court.core.store import get_db, transaction

RESET_SENT = (
    "If a CM/ECF account with that login exists at this court, instructions to reset its "
    "password have been sent to the email address on file."
)
LOGIN_REQUIRED = "Enter your CM/ECF login."


def send_reset_instructions(court: dict, login: str) -> None:
    """Email the holder of a CM/ECF login how to reset its password; say nothing of who exists."""
    if not login:
        raise Refused(LOGIN_REQUIRED, field="ecf_login")
    refuse_if(length_errors({"ecf_login": login}, {"ecf_login": ("CM/ECF login", TEXT_MAX)}))
    db = get_db()
    found = db.execute("SELECT email FROM ecf_accounts WHERE court = ? AND login = ?", (court["id"], login)).fetchone()
    if found is None or not found["email"]:
        return
    body = (
        f"A password reset was requested for the CM/ECF login {login} at the {court['name']}. "
        f"Follow the court's reset link to choose a new password, or call the {court['help_desk']['name']} "
        f"at {court['help_desk']['phone']}. If you did not ask for this, ignore this message."
    )
    with transaction(db):
        send(db, "email", found["email"], "CM/ECF password reset request", body, at=now())
