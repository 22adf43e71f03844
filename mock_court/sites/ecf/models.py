"""A court's CM/ECF NextGen: linking a CM/ECF filing account to the PACER account signed on, the
legacy CM/ECF login, and what the menu bar shows.

Linking: nothing changes unless `link` runs, and `link` re-checks everything first. Linking a
shared firm PACER account locks every other CM/ECF account at that court whose holder uses the
same shared PACER account (ecf_accounts.shared_pacer_account_id): the real guides' "lock out all
other attorneys from your firm". The wording is the mock's own, except where the guides give it.

Menus: A PACER account sees the "pacer" set (Query, Reports, Utilities, Help, Log Out); once linked to
a CM/ECF account at the court it sees the "filer" set, which adds the court's filing menus
(Civil and Criminal at a district court, Bankruptcy and Adversary at a bankruptcy court) and
Search. The items and their links follow the real NextGen menu bar (juriscraper's fixture).

Normally the set follows the link state on every page. Three causes (core.faults.MENU_CAUSES: the
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
from dataclasses import dataclass

from flask import request

from fixtures.courts import load_courts
from mock_court.core.clock import now, stamp
from mock_court.core.exceptions import Refused
from mock_court.core.faults import menu_cause
from mock_court.core.fields import TEXT_MAX, length_errors
from mock_court.core.hashing import check_secret
from mock_court.core.namespaces import mount_path
from mock_court.core.outbox import send
from mock_court.core.store import get_db, transaction
from mock_court.sites.login.models import signed_off

MESSAGES = {
    "login-required": "Enter your CM/ECF login.",
    "password-required": "Enter your CM/ECF password.",
    "bad-credentials": "The CM/ECF login or password is incorrect. Try again: CM/ECF logins are all "
    "lowercase. If you do not remember your CM/ECF credentials, see Forgot Your "
    "Username and Password on the court's website.",
    "uppercase-login": "CM/ECF logins are all lowercase. Enter your login in lowercase letters and try again.",
    "already-linked": "This CM/ECF account is already linked to your PACER account. Nothing was changed.",
    "linked-to-other": "This CM/ECF account is already linked to another PACER account. Contact the "
    "{desk} at {phone} or {email}.",
    "pacer-linked-elsewhere": "Your PACER account is already linked to another CM/ECF account at this "
    "court ({login}). Nothing was changed.",
    "shared-lockout": "This shared firm PACER account is already linked to the CM/ECF account of {name}, "
    "which locked out all other attorneys of the firm. Each filer needs an individual "
    "PACER account. Contact the {desk} at {phone} or {email}.",
    "ecf-locked": "This CM/ECF account is locked: a shared firm PACER account was linked at this court, "
    "which locks out all other attorneys of the firm. Each filer needs an individual PACER "
    "account. Contact the {desk} at {phone} or {email}.",
    "not-upgraded": "Your PACER account must be upgraded before it can be linked. Log in to Manage My "
    "Account at the PACER Service Center and upgrade your account, then try again.",
    "shared-warning": "This is a shared firm PACER account. Linking it locks out all other attorneys "
    "from your firm: make sure both accounts are your own individual accounts.",
    "cancelled": "Link cancelled. Your CM/ECF and PACER accounts are not linked.",
    "expired": "Your linking session has expired. Start again.",
    "legacy-linked": "This CM/ECF account is linked to a PACER account. Log in with your PACER username and password.",
    "legacy-unlinked": "This court has upgraded to NextGen CM/ECF. Log in with your individual PACER "
    "account, then link this CM/ECF account under Utilities.",
    "legacy-invalid": "Invalid CM/ECF login or password.",
}


# The field each refusal is shown beside; the others are shown atop the form.
FIELDS = {"login-required": "ecf_login", "password-required": "ecf_password"}


class LinkRefused(Refused):
    """A refused link, in the court's words: `key` names it in MESSAGES."""

    def __init__(self, key: str, court: str, **details) -> None:
        super().__init__(message(key, court, **details), field=FIELDS.get(key))
        self.key = key


def message(key: str, court: str, **details) -> str:
    desk = load_courts()[court]["help_desk"]
    return MESSAGES[key].format(desk=desk["name"], phone=desk["phone"], email=desk["email"], **details)


# ---- Linking ------------------------------------------------------------------------------------


def ecf_account(ecf_id: int) -> sqlite3.Row | None:
    return get_db().execute("SELECT * FROM ecf_accounts WHERE id = ?", (ecf_id,)).fetchone()


def by_login(court: str, login: str) -> sqlite3.Row | None:
    return get_db().execute("SELECT * FROM ecf_accounts WHERE court = ? AND login = ?", (court, login)).fetchone()


CREDENTIAL_LIMITS = {"ecf_login": ("CM/ECF login", TEXT_MAX), "ecf_password": ("CM/ECF password", TEXT_MAX)}


def check_ecf_credentials(court: str, login: str, password: str) -> sqlite3.Row:
    """The CM/ECF account of a login and password at this court, or LinkRefused."""
    oversized = length_errors({"ecf_login": login, "ecf_password": password}, CREDENTIAL_LIMITS)
    for field, message in oversized.items():  # the form shows one message: the first
        raise Refused(message, field=field)
    if not login:
        raise LinkRefused("login-required", court)
    if not password:
        raise LinkRefused("password-required", court)
    found = by_login(court, login)
    if found is None or not check_secret(found["password_hash"], password):
        lowered = by_login(court, login.lower())
        if login != login.lower() and lowered and check_secret(lowered["password_hash"], password):
            raise LinkRefused("uppercase-login", court)
        raise LinkRefused("bad-credentials", court)
    return found


def check_linkable(account: sqlite3.Row, ecf: sqlite3.Row) -> None:
    """Why these two accounts cannot be linked (shown on the verification screen), as LinkRefused."""
    court = ecf["court"]
    if ecf["pacer_account_id"] == account["id"]:
        raise LinkRefused("already-linked", court)
    if ecf["locked"]:
        raise LinkRefused("ecf-locked", court)
    if ecf["pacer_account_id"] is not None:
        raise LinkRefused("linked-to-other", court)
    if not account["upgraded"]:
        raise LinkRefused("not-upgraded", court)
    other = linked_ecf_account(account["id"], court)
    if other is not None:
        if account["shared"]:
            raise LinkRefused("shared-lockout", court, name=other["name"])
        raise LinkRefused("pacer-linked-elsewhere", court, login=other["login"])


def link(account: sqlite3.Row, ecf: sqlite3.Row) -> None:
    """Link the accounts, lock the firm's other attorneys out if the PACER account is shared, notify.

    The checks run again on the rows as they are inside the transaction: a link made by a
    request racing this one is seen, and refused.
    """
    court_name = load_courts()[ecf["court"]]["name"]
    with transaction(get_db()) as db:
        ecf = db.execute("SELECT * FROM ecf_accounts WHERE id = ?", (ecf["id"],)).fetchone()
        check_linkable(account, ecf)
        db.execute(
            "UPDATE ecf_accounts SET pacer_account_id = ?, linked_at = ? WHERE id = ?",
            (account["id"], stamp(now()), ecf["id"]),
        )
        if account["shared"]:
            db.execute(
                "UPDATE ecf_accounts SET locked = 1 WHERE court = ? AND shared_pacer_account_id = ? AND id != ?",
                (ecf["court"], account["id"], ecf["id"]),
            )
        body = (
            f"The CM/ECF account {ecf['login']} ({ecf['name']}) at the {court_name} has been linked to "
            f"the PACER account {account['username']}. From now on, use your PACER username and "
            "password to file with this court. If you did not make this change, contact the court."
        )
        for recipient in dict.fromkeys(filter(None, (ecf["email"], account["email"]))):
            send(
                db,
                "email",
                recipient,
                "CM/ECF account linked to your PACER account",
                body,
                at=now(),
                account_number=account["account_number"],
            )


def legacy_login(court: str, login: str, password: str) -> str:
    """The legacy CM/ECF login: nobody signs on through it any more; the key of what it says instead."""
    if len(login) > TEXT_MAX or len(password) > TEXT_MAX:
        return "legacy-invalid"
    found = by_login(court, login)
    if found is None or not check_secret(found["password_hash"], password):
        return "legacy-invalid"
    if found["locked"]:
        return "ecf-locked"
    return "legacy-linked" if found["pacer_account_id"] is not None else "legacy-unlinked"


# ---- Menus ----------------------------------------------------------------------------------------

# label -> link under the court's /cgi-bin/
FILING_MENUS = {
    "district": (("Civil", "DisplayMenu.pl?CivilEvents"), ("Criminal", "DisplayMenu.pl?CriminalEvents")),
    "bankruptcy": (("Bankruptcy", "DisplayMenu.pl?BankruptcyEvents"), ("Adversary", "DisplayMenu.pl?AdversaryEvents")),
}
QUERY_REPORTS_UTILITIES = (
    ("Query", "iquery.pl"),
    ("Reports", "DisplayMenu.pl?Reports"),
    ("Utilities", "DisplayMenu.pl?Utilities"),
)
SEARCH = ("Search", "DisplayMenu.pl?Search")
HELP_LOGOUT = (("Help", "DisplayMenu.pl?Help"), ("Log Out", "login.pl?logout"))
MENU_SETS = ("pacer", "filer")

MENU_COOKIE = "CMECFMenus"
MENU_COOKIE_MAX_AGE = 365 * 24 * 3600


# DisplayMenu.pl?<key>: the title of each menu page, and whether it needs filing privileges.
MENU_PAGES = {
    "CivilEvents": ("Civil Events", True),
    "CriminalEvents": ("Criminal Events", True),
    "BankruptcyEvents": ("Bankruptcy Events", True),
    "AdversaryEvents": ("Adversary Events", True),
    "Reports": ("Reports", False),
    "Utilities": ("Utilities", False),
    "Search": ("Search", True),
    "Help": ("Help", False),
}


def may_see_menu(account: sqlite3.Row, court: str, key: str) -> bool:
    """Filing menus need a CM/ECF account linked at the court, whatever a stale menu bar shows."""
    return not MENU_PAGES[key][1] or current_menu_set(account, court) == "filer"


def menu_items(menu_set: str, court_kind: str) -> tuple[tuple[str, str], ...]:
    if menu_set == "filer":
        return FILING_MENUS[court_kind] + QUERY_REPORTS_UTILITIES + (SEARCH,) + HELP_LOGOUT
    return QUERY_REPORTS_UTILITIES + HELP_LOGOUT


def linked_ecf_account(account_id: int, court: str) -> sqlite3.Row | None:
    return (
        get_db()
        .execute("SELECT * FROM ecf_accounts WHERE pacer_account_id = ? AND court = ?", (account_id, court))
        .fetchone()
    )


def current_menu_set(account: sqlite3.Row, court: str) -> str:
    """The set the link state calls for, whatever any cache says."""
    return "filer" if linked_ecf_account(account["id"], court) else "pacer"


def bypasses_cache() -> bool:
    directives = f"{request.headers.get('Cache-Control', '')},{request.headers.get('Pragma', '')}".lower()
    return "no-cache" in directives


@dataclass(frozen=True)
class ShownMenus:
    """The menu set a page shows, and the menu cookie to set with it (stale-cookies only)."""

    menu_set: str
    cookie: str | None = None


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
    row = (
        get_db()
        .execute("SELECT menu_set, cause FROM menu_states WHERE account_id = ? AND court = ?", (account["id"], court))
        .fetchone()
    )
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
        response.set_cookie(
            MENU_COOKIE, shown.cookie, max_age=MENU_COOKIE_MAX_AGE, path=mount_path(f"/ecf/{court}/"), samesite="Lax"
        )
    return response


@signed_off.connect
def forget_session_menus(account_id: int) -> None:
    """An explicit logout ends the server-side CM/ECF session and the menus it held (stale-session)."""
    with transaction(get_db()) as db:
        db.execute("DELETE FROM menu_states WHERE account_id = ? AND cause = 'stale-session'", (account_id,))
