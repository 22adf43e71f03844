"""What a court's CM/ECF menu bar shows an account, and the causes that keep it stale.

A PACER account sees the "pacer" set (Query, Reports, Utilities, Help, Log Out); once linked to
a CM/ECF account at the court it sees the "filer" set, which adds the court's filing menus
(Civil and Criminal at a district court, Bankruptcy and Adversary at a bankruptcy court) and
Search. The items and their links follow the real NextGen menu bar (juriscraper's fixture).

Normally the set follows the link state on every page. Three causes (faults.MENU_CAUSES: the
persona's own problem, or a court's `menus@<court>` fault) keep showing the set seen before
linking, each until its own troubleshooting tip:
  stale-cache    the court's server-side page cache keeps the menu bar; only a request that
                 bypasses caches (Cache-Control: no-cache or Pragma: no-cache, as Ctrl+F5 and
                 Cmd+Shift+R send) refreshes it.
  stale-session  the server-side CM/ECF session keeps its menus until the user logs out
                 explicitly; closing the browser or clearing cookies does not end it.
  stale-cookies  the menu set is kept in a persistent cookie (MENU_COOKIE) that logging out and
                 closing the browser leave in place; only clearing cookies removes it.
"""

from __future__ import annotations

import sqlite3

from flask import request

from mock_court.db import get_db, transaction
from mock_court.faults import menu_cause
from mock_court.signon import session_for

# label -> link under the court's /cgi-bin/
FILING_MENUS = {
    "district": (("Civil", "DisplayMenu.pl?CivilEvents"), ("Criminal", "DisplayMenu.pl?CriminalEvents")),
    "bankruptcy": (("Bankruptcy", "DisplayMenu.pl?BankruptcyEvents"), ("Adversary", "DisplayMenu.pl?AdversaryEvents")),
}
QUERY_REPORTS_UTILITIES = (("Query", "iquery.pl"), ("Reports", "DisplayMenu.pl?Reports"),
                           ("Utilities", "DisplayMenu.pl?Utilities"))
SEARCH = ("Search", "DisplayMenu.pl?Search")
HELP_LOGOUT = (("Help", "DisplayMenu.pl?Help"), ("Log Out", "login.pl?logout"))
MENU_SETS = ("pacer", "filer")

MENU_COOKIE = "CMECFMenus"
MENU_COOKIE_MAX_AGE = 365 * 24 * 3600


def menu_items(menu_set: str, court_kind: str) -> tuple[tuple[str, str], ...]:
    if menu_set == "filer":
        return FILING_MENUS[court_kind] + QUERY_REPORTS_UTILITIES + (SEARCH,) + HELP_LOGOUT
    return QUERY_REPORTS_UTILITIES + HELP_LOGOUT


def linked_ecf_account(account_id: int, court: str) -> sqlite3.Row | None:
    return get_db().execute(
        "SELECT * FROM ecf_accounts WHERE pacer_account_id = ? AND court = ?", (account_id, court)
    ).fetchone()


def current_menu_set(account: sqlite3.Row, court: str) -> str:
    """The set the link state calls for, whatever any cache says."""
    return "filer" if linked_ecf_account(account["id"], court) else "pacer"


def bypasses_cache() -> bool:
    directives = f"{request.headers.get('Cache-Control', '')},{request.headers.get('Pragma', '')}".lower()
    return "no-cache" in directives


class ShownMenus:
    """The menu set a page shows, and the menu cookie to set with it (stale-cookies only)."""

    def __init__(self, menu_set: str, cookie: str | None = None) -> None:
        self.menu_set = menu_set
        self.cookie = cookie


def shown_menus(account: sqlite3.Row, court: str) -> ShownMenus:
    current = current_menu_set(account, court)
    cause = menu_cause(court, account["problem"])
    if cause == "stale-cookies":
        return from_cookie(account, current)
    if cause in ("stale-cache", "stale-session"):
        return ShownMenus(from_server_state(account, court, cause, current))
    return ShownMenus(current)


def from_cookie(account: sqlite3.Row, current: str) -> ShownMenus:
    owner, _, kept = (request.cookies.get(MENU_COOKIE) or "").partition(".")
    if owner == str(account["id"]) and kept in MENU_SETS:
        return ShownMenus(kept)
    return ShownMenus(current, cookie=f"{account['id']}.{current}")


def from_server_state(account: sqlite3.Row, court: str, cause: str, current: str) -> str:
    row = get_db().execute(
        "SELECT menu_set, cause FROM menu_states WHERE account_id = ? AND court = ?", (account["id"], court)
    ).fetchone()
    if row is not None and row["cause"] == cause and not (cause == "stale-cache" and bypasses_cache()):
        return row["menu_set"]
    with transaction(get_db()) as db:
        db.execute(
            "INSERT INTO menu_states (account_id, court, menu_set, cause) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (account_id, court) DO UPDATE SET menu_set = excluded.menu_set, cause = excluded.cause",
            (account["id"], court, current, cause),
        )
    return current


def set_menu_cookie(response, shown: ShownMenus, court: str):
    if shown.cookie:
        response.set_cookie(MENU_COOKIE, shown.cookie, max_age=MENU_COOKIE_MAX_AGE, path=f"/ecf/{court}/",
                            samesite="Lax")
    return response


def forget_session_menus(token: str | None) -> None:
    """An explicit logout ends the server-side CM/ECF session and the menus it held (stale-session)."""
    row = session_for(token)
    if row is None:
        return
    with transaction(get_db()) as db:
        db.execute("DELETE FROM menu_states WHERE account_id = ? AND cause = 'stale-session'", (row["account_id"],))
