"""Blueprint "pacer": pacer.uscourts.gov, the public PACER site.

The "Register for an Account" page with the four account types in its left panel, a page per
type with the "Register for a PACER account now" link to the PACER Service Center's form, and
"Find a Case", which refuses a signed-on account that is not activated yet (models.py).
"""

from __future__ import annotations

from flask import Blueprint, abort, render_template, request

from mock_court.core.exceptions import Refused
from mock_court.sites import SITES
from mock_court.sites.login.models import current_account
from mock_court.sites.pacer import models
from mock_court.sites.psc.forms import ACCOUNT_TYPES

bp = Blueprint("pacer", __name__, url_prefix="/pacer")


@bp.app_context_processor
def site_links() -> dict:
    """Links to the central sign-on page, whose blueprint is another site's: built from its root."""
    return {"cso_login_url": request.script_root + SITES["login"][0] + "/csologin/login.jsf"}


@bp.get("/")
def home():
    return render_template("pacer/home.html")


@bp.get("/register-account")
def register_account():
    return render_template("pacer/register_account.html", types=ACCOUNT_TYPES, descriptions=models.TYPE_DESCRIPTIONS)


@bp.get("/register-account/<account_type>")
def account_type(account_type: str):
    if account_type not in ACCOUNT_TYPES:
        abort(404)
    return render_template(
        "pacer/account_type.html",
        types=ACCOUNT_TYPES,
        current=account_type,
        description=models.TYPE_DESCRIPTIONS[account_type],
    )


@bp.get("/find-case")
def find_case():
    """Find a Case (the PACER Case Locator): only for a signed-on, activated account."""
    account = current_account()
    refusal = None
    if account is not None:
        try:
            models.check_may_search(account)
        except Refused as refused:
            refusal = refused.message
    searched = account is not None and refusal is None and "party_name" in request.args
    return render_template(
        "pacer/find_case.html", account=account, refusal=refusal, searched=searched, query=request.args
    )
