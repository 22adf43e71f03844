"""Blueprint "court": www.<court>.uscourts.gov, a court's public website.

The pages the linking guide sends people to: the welcome page with the link to the court's
"Document Filing System" (its CM/ECF), the CM/ECF help desk's contact, and how to recover
forgotten CM/ECF credentials. A court is a file in fixtures/courts/; any other id is a 404.
"""

from __future__ import annotations

from flask import Blueprint, g, render_template, request

from mock_court.core.exceptions import Refused
from mock_court.sites import serve_per_court
from mock_court.sites.court import models

bp = serve_per_court(Blueprint("court", __name__, url_prefix="/court/<court_id>"))


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
    try:
        models.send_reset_instructions(g.court, login)
    except Refused as refused:
        return render("court/forgot_credentials.html", sent=None, error=refused.message, login=login)
    return render("court/forgot_credentials.html", sent=models.RESET_SENT, error=None, login="")
