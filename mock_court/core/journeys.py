"""Starting a journey part-way (test mode): the state the earlier steps of a guide leave, made
in one call, so a test about a later step need not click through the ones before it, as
Playwright recommends signing in once through an API rather than through the form each time.

Each start answers the page to open and sets the cookies the browser would hold by then;
called through the browser context's own request API (Playwright's `context.request`), they
land in the browser. Everything goes through the sites' own rules: the forms are checked as
posted, the sign-on refuses whom the real one refuses, the link is the one Link makes.
"""

from __future__ import annotations

from flask import jsonify, request, session, url_for
from werkzeug.wrappers import Response

from fixtures.courts import load_courts
from mock_court.core import accounts
from mock_court.core.exceptions import InvalidForm, Refused
from mock_court.core.sessions import renew
from mock_court.core.store import get_db
from mock_court.core.viewstate import view_state
from mock_court.sites.ecf import models as ecf
from mock_court.sites.login import models as login
from mock_court.sites.psc import models as psc
from mock_court.sites.psc import views as psc_views
from mock_court.sites.psc.forms import ACCOUNT_TYPES, DEFAULT_TYPE
from mock_court.sites.recaptcha import models as recaptcha

# Where a registration can start, and the forms (the fields as the pages post them) each needs.
REGISTRATION_STARTS = {
    "user_information": ("account",),
    "payment_information": ("account", "user"),
    "policies": ("account", "user", "payment"),
}
SIGN_ON_SITES = ("ecf", "psc")


class JourneyError(Exception):
    """A start that cannot be made, with the status and message to answer."""

    def __init__(self, message: str, status: int = 400, **details) -> None:
        super().__init__(message)
        self.message, self.status, self.details = message, status, details


def _choice(given: dict, name: str, choices, default: str | None = None) -> str:
    value = given.get(name, default)
    if not isinstance(value, str) or value not in choices:
        raise JourneyError(f"{name} must be one of {', '.join(sorted(choices))}")
    return value


def _object(given: dict, name: str) -> dict:
    value = given.get(name)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise JourneyError(f"'{name}' must be an object of the form's fields, each a string")
    return value


def _account(given: dict):
    username = given.get("username")
    account = accounts.by_username(get_db(), username) if isinstance(username, str) else None
    if account is None:
        raise JourneyError("username must name an account")
    return account


def _court(given: dict, required: bool) -> str | None:
    if given.get("court") is None and not required:
        return None
    return _choice(given, "court", load_courts())


def _refused(error: InvalidForm, form: str) -> JourneyError:
    return JourneyError(f"the {form} form was refused, as the page would refuse it", 422, errors=error.errors)


def registration(given: dict) -> str:
    """A registration wizard at the step `at` ("user_information", "payment_information" or
    "policies"), its earlier steps given as forms: "account", "user", "payment"."""
    at = _choice(given, "at", REGISTRATION_STARTS)
    account_type = _choice(given, "type", ACCOUNT_TYPES, DEFAULT_TYPE)
    forms = {name: _object(given, name) for name in REGISTRATION_STARTS[at]}
    renew(session)
    wizard = psc.new_wizard(account_type)
    key = view_state()
    account_form = {**forms["account"], "g-recaptcha-response": recaptcha.issue_token(key)}
    try:
        wizard = psc.accept_account_information(wizard, account_form, key)
    except InvalidForm as invalid:
        raise _refused(invalid, "account") from None
    if not wizard["continued"]:
        raise JourneyError("the account information matches an existing account: answer its dialog in the browser", 409)
    for name, accept in (("user", psc.accept_user_information), ("payment", psc.accept_payment_information)):
        if name in forms:
            try:
                wizard = {**wizard, name: accept(wizard, forms[name])}
            except InvalidForm as invalid:
                raise _refused(invalid, name) from None
    session[psc_views.WIZARD] = wizard
    return url_for(f"psc.{at}", _external=True)


def signed_on(given: dict) -> tuple[str, str, str | None]:
    """An account signed on, as after its password (and passcode, and the redaction agreement at a
    court): at a court's CM/ECF ("site": "ecf", with "court") or Manage My Account ("site": "psc").
    Answers the page to open, the sign-on token and the client code."""
    site = _choice(given, "site", SIGN_ON_SITES, "ecf")
    account = _account(given)
    court = _court(given, required=site == "ecf")
    if site == "psc":
        return url_for("psc.manage_account", _external=True), login.start_session(account["id"]), None
    try:
        login.check_status(account, filing_at_court=True)
    except Refused as refused:
        raise JourneyError(str(refused), 409) from None
    if login.mfa_state(account) in ("due", "restricted"):
        raise JourneyError("this account is asked to set up MFA at sign-on: sign on in the browser", 409)
    client_code = given.get("client_code") or None
    if client_code is not None and not isinstance(client_code, str):
        raise JourneyError("client_code must be a string")
    token = login.start_session(account["id"], client_code, redaction_ack=True)
    return url_for("ecf.showpage", court_id=court, _external=True), token, client_code


def linked(given: dict) -> str:
    """A PACER account linked to its CM/ECF account at a court ("ecf_login"), as Link would."""
    account, court = _account(given), _court(given, required=True)
    assert court is not None
    ecf_login = given.get("ecf_login")
    found = ecf.by_login(court, ecf_login) if isinstance(ecf_login, str) else None
    if found is None:
        raise JourneyError("ecf_login must name a CM/ECF account at that court")
    try:
        ecf.link(account, found)
    except Refused as refused:
        raise JourneyError(str(refused), 409) from None
    return url_for("ecf.showpage", court_id=court, _external=True)


def answer(url: str) -> Response:
    return jsonify(url=url)


def started(kind: str) -> Response:
    given = request.get_json(silent=True)
    if not isinstance(given, dict):
        raise JourneyError("send a JSON object")
    if kind == "registration":
        return answer(registration(given))
    if kind == "signed-on":
        url, token, client_code = signed_on(given)
        renew(session)
        return login.set_session_cookies(answer(url), token, client_code)
    if kind == "linked":
        return answer(linked(given))
    raise JourneyError(f"unknown journey '{kind}': one of registration, signed-on, linked", 404)
