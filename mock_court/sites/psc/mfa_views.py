"""Manage My Account's Settings tab and its multifactor authentication screens (thin: the rules
are in mfa.py). What an enrolment has reached (the emailed code's hash, then the verified
purpose, then the app's name and secret) is held in the session as a stage, for a while."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, session, url_for

from mock_court.core.exceptions import Refused
from mock_court.core.sessions import begin_stage, held
from mock_court.sites.psc import mfa
from mock_court.sites.psc.views import bp, signed_on

ENROLMENT = "mfa_enrolment"  # {"purpose", "code_hash", "verified", "name", "secret"}


def _enrolment(purpose: str | None = None, **needs: bool) -> dict:
    """The enrolment in progress, at the stage a screen needs; else back to the methods screen."""
    stage = held(session, ENROLMENT)
    if stage is None or (purpose and stage["purpose"] != purpose) or any(not stage.get(k) for k in needs):
        abort(redirect(url_for("psc.mfa_methods")))
    return stage


def _hold(stage: dict) -> None:
    session[ENROLMENT] = stage
    session.modified = True


@bp.get("/pscof/manage/settings.jsf")
def settings():
    account = signed_on()
    return render_template("psc/settings.html", account=account, errors={}, data={})


@bp.post("/pscof/manage/settings.jsf")
def update_email():
    account = signed_on()
    try:
        mfa.update_email(account, request.form.get("email", ""))
    except Refused as refused:
        return render_template("psc/settings.html", account=account, errors=refused.errors, data=request.form)
    flash("Your email address has been updated.")
    return redirect(url_for("psc.settings"))


@bp.get("/pscof/manage/mfa.jsf")
def mfa_methods():
    account = signed_on()
    return render_template("psc/mfa_methods.html", account=account, mfa=mfa.summary(account), errors={})


@bp.post("/pscof/manage/mfa.jsf")
def mfa_method_action():
    """Add App or Get New Codes: each emails a security code first."""
    account = signed_on()
    purpose = "add-app" if "addApp" in request.form else "backup-codes" if "getNewCodes" in request.form else None
    if purpose is None:
        abort(400, description="Choose Add App or Get New Codes.")
    try:
        if purpose == "add-app":
            mfa.check_room_for_app(account)
    except Refused as refused:
        return render_template("psc/mfa_methods.html", account=account, mfa=mfa.summary(account), errors=refused.errors)
    begin_stage(session, ENROLMENT, {"purpose": purpose, "code_hash": mfa.send_security_code(account, purpose)})
    return redirect(url_for("psc.mfa_security_code"))


@bp.route("/pscof/manage/mfa/security-code.jsf", methods=["GET", "POST"])
def mfa_security_code():
    account = signed_on()
    stage = _enrolment()
    context = {"account": account, "email": mfa.masked_email(account["email"]), "purpose": stage["purpose"]}
    if request.method == "GET":
        return render_template("psc/mfa_security_code.html", errors={}, **context)
    try:
        mfa.check_security_code(stage["code_hash"], request.form.get("securityCode", ""))
    except Refused as refused:
        return render_template("psc/mfa_security_code.html", errors=refused.errors, **context)
    if stage["purpose"] == "backup-codes":
        session.pop(ENROLMENT, None)
        # Shown once, in this answer only: the codes are stored hashed and kept nowhere else.
        return render_template("psc/mfa_backup_codes.html", account=account, codes=mfa.new_backup_codes(account))
    _hold({**stage, "verified": True})
    return redirect(url_for("psc.mfa_app_name"))


@bp.route("/pscof/manage/mfa/app-name.jsf", methods=["GET", "POST"])
def mfa_app_name():
    account = signed_on()
    stage = _enrolment("add-app", verified=True)
    if request.method == "GET":
        return render_template("psc/mfa_app_name.html", errors={}, data={})
    try:
        name = mfa.check_app_name(account, request.form.get("appName", ""))
    except Refused as refused:
        return render_template("psc/mfa_app_name.html", errors=refused.errors, data=request.form)
    _hold({**stage, "name": name, "secret": mfa.new_secret()})
    return redirect(url_for("psc.mfa_set_up_app"))


@bp.route("/pscof/manage/mfa/set-up-app.jsf", methods=["GET", "POST"])
def mfa_set_up_app():
    account = signed_on()
    stage = _enrolment("add-app", verified=True, secret=True)
    errors = {}
    if request.method == "POST":
        try:
            mfa.add_app(account, stage["name"], stage["secret"], request.form.get("appCode", ""))
        except Refused as refused:
            errors = refused.errors
        else:
            session.pop(ENROLMENT, None)
            flash(f"The authentication app {stage['name']} has been added.")
            return redirect(url_for("psc.mfa_methods"))
    return render_template(
        "psc/mfa_set_up_app.html",
        errors=errors,
        name=stage["name"],
        qr_code=mfa.qr_code_image(account, stage["secret"]),
        secret_key=mfa.grouped(stage["secret"]),
    )


@bp.post("/pscof/manage/mfa/apps/<int:app_id>/delete")
def mfa_delete_app(app_id: int):
    account = signed_on()
    if not mfa.delete_app(account, app_id):
        abort(404)
    flash("The authentication app has been deleted.")
    return redirect(url_for("psc.mfa_methods"))
