"""What a court's CM/ECF menu bar shows an account, and the causes that keep it stale."""

from __future__ import annotations

from mock_court.db import get_db, transaction
from mock_court.signon import session_for


def forget_session_menus(token: str | None) -> None:
    """An explicit logout ends the server-side CM/ECF session and the menus it held (stale-session)."""
    row = session_for(token)
    if row is None:
        return
    with transaction(get_db()) as db:
        db.execute("DELETE FROM menu_states WHERE account_id = ? AND cause = 'stale-session'", (row["account_id"],))
