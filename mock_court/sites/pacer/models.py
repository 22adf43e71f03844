"""The public PACER site's rules: what each account type is for, and who may search."""

from __future__ import annotations

import sqlite3

from mock_court.core.exceptions import Refused

# What each account type is for, in the mock's own words.
TYPE_DESCRIPTIONS = {
    "pacer-case-search-only": (
        "Search and view case information and documents in all federal appellate, district and "
        "bankruptcy courts. This account is for viewing, not for e-filing."
    ),
    "attorney-filers-cmecf": (
        "For attorneys who file documents electronically (e-file) in federal courts. You need an "
        "individual PACER account to e-file in a NextGen CM/ECF court."
    ),
    "non-attorney-filers-cmecf": (
        "For filers who are not attorneys, such as pro se litigants, creditors and trustees, who "
        "file documents electronically in federal courts."
    ),
    "group-billing": (
        "A PACER Administrative Account lets one person manage the billing of several PACER "
        "accounts, for example for a firm or an agency."
    ),
}

NOT_ACTIVATED = "PACER User Not Activated. Select Activate Case Search Privileges in Manage My Account."
INACTIVE = "PACER User Inactive. Contact the PACER Service Center at (800) 676-6856."


def check_may_search(account: sqlite3.Row) -> None:
    """Find a Case is for activated accounts only."""
    if account["status"] == "not-activated":
        raise Refused(NOT_ACTIVATED)
    if account["status"] == "inactive":
        raise Refused(INACTIVE)
