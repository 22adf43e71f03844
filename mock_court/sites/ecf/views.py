"""Blueprint "ecf": ecf.<court>.uscourts.gov, a court's CM/ECF NextGen.

Every page but the legacy login needs central sign-on: without a live NextGenCSO or
PacerSession token it sends the browser to the CSO login page with the court's pscCourtId and
an appurl back to itself. The real paths keep their query-string keys
(showpage.pl?16, DisplayMenu.pl?Utilities, login.pl?logout). The linking screens' paths are
the mock's own (LinkAccount.pl, LinkVerify.pl, LinkConfirm.pl). The rules are in models.py.
"""

from __future__ import annotations

from functools import wraps

from flask import Blueprint, abort, g, make_response, redirect, render_template, request, session, url_for

from mock_court.core.exceptions import Refused
from mock_court.core.sessions import begin_stage, held
from mock_court.sites import serve_per_court
from mock_court.sites.ecf import models
from mock_court.sites.login.models import clear_session_cookies, current_account, request_token, sign_off

bp = serve_per_court(Blueprint("ecf", __name__, url_prefix="/ecf/<court_id>"))

LINK_PENDING = "ecf_link_pending"
JUST_LINKED = "ecf_just_linked"


def query_key() -> str:
    """The real CGI scripts' bare query string: 'Utilities' in DisplayMenu.pl?Utilities."""
    return request.query_string.decode().partition("&")[0]


def sign_on_redirect():
    return redirect(url_for("login.cso_login", pscCourtId=g.court["pacer_court_id"], appurl=request.url))


def render_ecf(template: str, account, status: int = 200, menu_set: str | None = None, **context):
    """A CM/ECF page with the menu bar the account is shown (models.shown_menus), or `menu_set`."""
    shown = None
    if account is not None and menu_set is None:
        shown = models.shown_menus(account, g.court["id"])
        menu_set = shown.menu_set
    items = models.menu_items(menu_set, g.court["kind"]) if menu_set else ()
    response = make_response(
        render_template(template, court=g.court, account=account, menu_items=items, **context), status
    )
    response.headers["Cache-Control"] = "private, no-cache"
    if shown is not None:
        models.set_menu_cookie(response, shown, g.court["id"])
    return response


def signed_on(view):
    """Views that need central sign-on get the account as their first argument."""

    @wraps(view)
    def wrapper(*args, **kwargs):
        account = current_account()
        if account is None:
            return sign_on_redirect()
        return view(account, *args, **kwargs)

    return wrapper


@bp.get("/")
def home():
    return redirect(url_for("ecf.showpage") + "?16")


@bp.get("/cgi-bin/showpage.pl")
@signed_on
def showpage(account):
    return render_ecf("ecf/showpage.html", account)


@bp.get("/cgi-bin/DisplayMenu.pl")
@signed_on
def display_menu(account):
    key = query_key()
    if key not in models.MENU_PAGES:
        abort(404, description=f"No menu '{key}'.")
    title = models.MENU_PAGES[key][0]
    if key == "Utilities":
        return render_ecf(
            "ecf/utilities.html", account, title=title, linked=models.linked_ecf_account(account["id"], g.court["id"])
        )
    allowed = models.may_see_menu(account, g.court["id"], key)
    return render_ecf("ecf/menu.html", account, status=200 if allowed else 403, key=key, title=title, allowed=allowed)


@bp.get("/cgi-bin/iquery.pl")
@signed_on
def query(account):
    return render_ecf("ecf/query.html", account, title="Query")


@bp.route("/cgi-bin/login.pl", methods=["GET", "POST"])
def login():
    if query_key() == "logout":
        return logout()
    message_key = None
    if request.method == "POST":
        message_key = models.legacy_login(
            g.court["id"], request.form.get("login", "").strip(), request.form.get("key", "")
        )
    message = models.message(message_key, g.court["id"]) if message_key else None
    return render_ecf(
        "ecf/legacy_login.html", None, message=message, message_key=message_key, login=request.form.get("login", "")
    )


def logout():
    sign_off(request_token())
    session.clear()
    return clear_session_cookies(render_ecf("ecf/logged_out.html", None))


def render_link_form(account, refused: Refused | None = None, notice: str | None = None, login: str = ""):
    return render_ecf(
        "ecf/link_account.html",
        account,
        error=refused.message if refused else None,
        field=refused.field if refused else None,
        notice=notice,
        login=login,
    )


@bp.route("/cgi-bin/LinkAccount.pl", methods=["GET", "POST"])
@signed_on
def link_account(account):
    if request.method == "GET":
        cancelled = request.args.get("cancelled") == "1"
        return render_link_form(account, notice=models.MESSAGES["cancelled"] if cancelled else None)
    login = request.form.get("ecf_login", "").strip()
    try:
        ecf = models.check_ecf_credentials(g.court["id"], login, request.form.get("ecf_password", ""))
    except Refused as refused:
        return render_link_form(account, refused, login=login)
    begin_stage(session, LINK_PENDING, {"court": g.court["id"], "account_id": account["id"], "ecf_id": ecf["id"]})
    return redirect(url_for("ecf.link_verify"))


def pending_link(account):
    pending = held(session, LINK_PENDING)
    if not pending or pending["court"] != g.court["id"] or pending["account_id"] != account["id"]:
        return None
    return models.ecf_account(pending["ecf_id"])


@bp.route("/cgi-bin/LinkVerify.pl", methods=["GET", "POST"])
@signed_on
def link_verify(account):
    ecf = pending_link(account)
    if ecf is None:
        return render_ecf(
            "ecf/link_account.html", account, error=models.MESSAGES["expired"], notice=None, field=None, login=""
        )
    if request.method == "POST" and "cancel" in request.form:
        session.pop(LINK_PENDING, None)
        return redirect(url_for("ecf.link_account", cancelled=1))
    try:
        if request.method == "GET":
            models.check_linkable(account, ecf)
        else:
            old_menus = models.shown_menus(account, g.court["id"]).menu_set
            models.link(account, ecf)
            session.pop(LINK_PENDING, None)
            session[JUST_LINKED] = {"court": g.court["id"], "menu_set": old_menus}
            return redirect(url_for("ecf.link_confirmation"))
    except models.LinkRefused as refused:
        error = refused.message
    else:
        error = None
    return render_ecf(
        "ecf/link_verify.html",
        account,
        ecf=ecf,
        error=error,
        shared_warning=models.MESSAGES["shared-warning"] if account["shared"] else None,
    )


@bp.get("/cgi-bin/LinkConfirm.pl")
@signed_on
def link_confirmation(account):
    """The confirmation keeps the menus shown before linking, once; any later page (a reload too) is fresh."""
    ecf = models.linked_ecf_account(account["id"], g.court["id"])
    if ecf is None:
        return redirect(url_for("ecf.link_account"))
    just = session.pop(JUST_LINKED, None)
    menu_set = just["menu_set"] if just and just["court"] == g.court["id"] else None
    return render_ecf("ecf/link_confirmation.html", account, menu_set=menu_set, ecf=ecf)
