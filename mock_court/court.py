"""Blueprint "court": www.<court>.uscourts.gov, a court's public website.

The pages the linking guide sends people to: the welcome page with the link to the court's
"Document Filing System" (its CM/ECF), the CM/ECF help desk's contact, and how to recover
forgotten CM/ECF credentials. A court is a file in fixtures/courts/; any other id is a 404.
"""

from __future__ import annotations

from flask import Blueprint, abort, g, render_template, request

from fixtures.courts import load_courts
from mock_court.db import get_db, transaction

bp = Blueprint("court", __name__, url_prefix="/court/<court_id>")

RESET_SENT = ("If a CM/ECF account with that login exists at this court, instructions to reset its "
              "password have been sent to the email address on file.")
LOGIN_REQUIRED = "Enter your CM/ECF login."


def serve_per_court(blueprint: Blueprint) -> Blueprint:
    """A blueprint under /<court_id>: g.court is that court's profile, an unknown id is a 404, and
    url_for within a court's page keeps its court."""

    @blueprint.url_value_preprocessor
    def pick_court(endpoint, values):
        court = load_courts().get(values.pop("court_id"))
        if court is None:
            abort(404, description="No such court.")
        g.court = court

    @blueprint.url_defaults
    def keep_court(endpoint, values):
        if "court_id" not in values and "court" in g:
            values["court_id"] = g.court["id"]

    return blueprint


serve_per_court(bp)


def render(template: str, **context):
    return render_template(template, court=g.court, **context)


@bp.get("/")
def home():
    return render("court/home.html")


@bp.get("/contact")
def contact():
    return render("court/contact.html")


@bp.route("/forgot-username-password", methods=["GET", "POST"])
def forgot_credentials():
    if request.method == "GET":
        return render("court/forgot_credentials.html", sent=None, error=None, login="")
    login = request.form.get("ecf_login", "").strip()
    if not login:
        return render("court/forgot_credentials.html", sent=None, error=LOGIN_REQUIRED, login=login)
    send_reset_instructions(login)
    return render("court/forgot_credentials.html", sent=RESET_SENT, error=None, login="")


def send_reset_instructions(login: str) -> None:
    """Email the holder of a CM/ECF login how to reset its password; say nothing of who exists."""
    db = get_db()
    found = db.execute("SELECT email FROM ecf_accounts WHERE court = ? AND login = ?", (g.court["id"], login)).fetchone()
    if found is None or not found["email"]:
        return
    body = (f"A password reset was requested for the CM/ECF login {login} at the {g.court['name']}. "
            f"Follow the court's reset link to choose a new password, or call the {g.court['help_desk']['name']} "
            f"at {g.court['help_desk']['phone']}. If you did not ask for this, ignore this message.")
    with transaction(db):
        db.execute("INSERT INTO outbox (channel, recipient, subject, body) VALUES ('email', ?, ?, ?)",
                   (found["email"], "CM/ECF password reset request", body))
