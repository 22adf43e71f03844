"""Blueprint "pacer": pacer.uscourts.gov, the public PACER site.

The "Register for an Account" page with the four account types in its left panel, a page per
type with the "Register for a PACER account now" link to the PACER Service Center's form, and
"Find a Case", which refuses a signed-on account that is not activated yet.
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from mock_court.registration import ACCOUNT_TYPES
from mock_court.signon import current_account
from mock_court.sites import SITES

bp = Blueprint("pacer", __name__, url_prefix="/pacer")

# What each account type is for, in the mock's own words.
TYPE_DESCRIPTIONS = {
    "pacer-case-search-only": (
        "Search and view case information and documents in all federal appellate, district and "
        "bankruptcy courts. This account is for viewing, not for e-filing."),
    "attorney-filers-cmecf": (
        "For attorneys who file documents electronically (e-file) in federal courts. You need an "
        "individual PACER account to e-file in a NextGen CM/ECF court."),
    "non-attorney-filers-cmecf": (
        "For filers who are not attorneys, such as pro se litigants, creditors and trustees, who "
        "file documents electronically in federal courts."),
    "group-billing": (
        "A PACER Administrative Account lets one person manage the billing of several PACER "
        "accounts, for example for a firm or an agency."),
}


@bp.app_context_processor
def site_links() -> dict:
    """Links to the central sign-on page, whose blueprint is another site's: built from its root."""
    return {"cso_login_url": SITES["login"][0] + "/csologin/login.jsf"}


@bp.get("/")
def home():
    return render_template("pacer/home.html")


@bp.get("/register-account")
def register_account():
    return render_template("pacer/register_account.html", types=ACCOUNT_TYPES, descriptions=TYPE_DESCRIPTIONS)


@bp.get("/register-account/<account_type>")
def account_type(account_type: str):
    if account_type not in ACCOUNT_TYPES:
        abort(404)
    return render_template("pacer/account_type.html", types=ACCOUNT_TYPES, current=account_type,
                           description=TYPE_DESCRIPTIONS[account_type])


@bp.get("/find-case")
def find_case():
    """Find a Case (the PACER Case Locator): only for a signed-on, activated account."""
    account = current_account()
    refusal = None
    if account is not None and account["status"] == "not-activated":
        refusal = "PACER User Not Activated. Select Activate Case Search Privileges in Manage My Account."
    elif account is not None and account["status"] == "inactive":
        refusal = "PACER User Inactive. Contact the PACER Service Center at (800) 676-6856."
    searched = account is not None and refusal is None and "party_name" in request.args
    return render_template("pacer/find_case.html", account=account, refusal=refusal, searched=searched,
                           query=request.args)
