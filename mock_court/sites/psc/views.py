"""Blueprint "psc": pacer.psc.uscourts.gov, the PACER Service Center.

Registration (/pscof/registration.jsf and the steps after it), the Registration Wizard, Manage
My Account (/pscof/login.xhtml), Forgot Password and Forgot Username. Views call the model, then
redirect, or render again with each refusal's message beside its field; the input rules live in
forms.py and the state in models.py. The wizard's state lives in the session until the final
Submit (see models.py).
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, flash, jsonify, redirect, render_template, request, session, url_for

from mock_court.core.clock import today
from mock_court.core.exceptions import InvalidForm, Refused
from mock_court.core.sessions import begin_stage, held, renew
from mock_court.core.viewstate import view_state
from mock_court.sites.login.models import (
    ANY_SCOPE,
    clear_session_cookies,
    current_account,
    request_token,
    set_session_cookies,
    sign_off,
    start_session,
)
from mock_court.sites.psc import forms, mfa, models, places
from mock_court.sites.psc.policies import SECTIONS as POLICY_SECTIONS
from mock_court.sites.psc.policies import policies_pdf
from mock_court.sites.recaptcha.models import SITE_KEY

bp = Blueprint("psc", __name__, url_prefix="/psc")

WIZARD = "registration"  # session key of the wizard in progress
REGISTERED = "registered"  # session key of the account number the last Submit made
FORGOT = "forgot_password"  # session key: {"account_id": ..., "verified": bool}


@bp.context_processor
def form_options() -> dict:
    """The choices of the PSC forms, from forms.py and places.py."""
    return {
        "prefixes": forms.PREFIXES,
        "generations": forms.GENERATIONS,
        "suffixes": forms.SUFFIXES,
        "states": places.states(),
        "counties_of": places.counties,
        "countries": places.countries(),
        "default_country": places.UNITED_STATES,
        "user_types": forms.USER_TYPES,
        "security_questions": forms.SECURITY_QUESTIONS,
        "card_types": forms.CARD_TYPES,
        "password_criteria": forms.PASSWORD_CRITERIA,
        "site_key": SITE_KEY,
        "today": today().isoformat(),
        "policy_sections": POLICY_SECTIONS,
        "expiry_years": range(today().year, today().year + 11),
        "name_parts": lambda account: sorted(
            forms.name_parts(account["first_name"], account["last_name"], account["email"])
        ),
        "billing_copy_of": forms.copy_billing_address,
    }


def _wizard() -> dict | None:
    return session.get(WIZARD)


def _save(wizard: dict) -> None:
    session[WIZARD] = wizard


def _wizard_at(step: str) -> dict:
    """The wizard, if it may show this step; else the browser goes to the first step it still needs."""
    wizard = _wizard()
    if wizard is None or not models.may_show(wizard, step):
        abort(redirect(url_for(f"psc.{models.first_missing_step(wizard)}")))
    return wizard


def _common_action(step: str):
    """Cancel, Back and Reset: the same on every step."""
    action = request.form.get("action")
    if action == "cancel":
        session.pop(WIZARD, None)
        flash("Your registration was canceled. Nothing was saved.")
        return redirect(url_for("pacer.register_account"))
    if action == "back":
        return redirect(url_for(f"psc.{models.STEPS[max(models.STEPS.index(step) - 1, 0)]}"))
    if action == "reset":
        return redirect(url_for(f"psc.{step}", reset=1))
    return None


def _render_step(step: str, wizard: dict, **context):
    return render_template(
        f"psc/{step}.html",
        step=step,
        steps=models.STEPS,
        wizard=wizard,
        type_name=forms.ACCOUNT_TYPES[wizard["type"]],
        errors=context.pop("errors", {}),
        **context,
    )


@bp.get("/pscof/counties")
def counties_of_state():
    """The County list for a State, as JSON: what the form fetches when a State is chosen."""
    state = request.args.get("state", "")
    if places.state_name(state) is None:
        return jsonify(error=f"unknown state '{state}'"), 404
    return jsonify(state=state, counties=list(places.counties(state)))


@bp.route("/pscof/registration.jsf", methods=["GET", "POST"])
def account_information():
    """Step 1, Account Information. GET ?accountType=<account type> starts a registration of that type."""
    wanted = request.args.get("accountType")
    if wanted is not None and wanted not in forms.ACCOUNT_TYPES:
        abort(404)
    wizard = _wizard()
    if wizard is None or (wanted and wanted != wizard["type"]):
        wizard = models.new_wizard(wanted or forms.DEFAULT_TYPE)
        _save(wizard)
    if request.method == "GET":
        account = {} if request.args.get("reset") else wizard.get("account", {})
        return _render_step("account_information", wizard, data={**account, "confirm_email": account.get("email", "")})
    done = _common_action("account_information")
    if done:
        return done
    if request.form.get("action") == "continue" and "account" in wizard:
        _save({**wizard, "continued": True})
        return redirect(url_for("psc.user_information"))
    try:
        wizard = models.accept_account_information(wizard, request.form, view_state())
    except InvalidForm as invalid:
        return _render_step(
            "account_information", wizard, data={**request.form, **invalid.shown}, errors=invalid.errors
        )
    _save(wizard)
    if not wizard["continued"]:
        data = wizard["account"]
        return _render_step(
            "account_information", wizard, data={**data, "confirm_email": data["email"]}, duplicate=True
        )
    return redirect(url_for("psc.user_information"))


def _form_step(step: str, key: str, accept, next_step: str):
    """Steps 2 and 3: show what the wizard holds for the step, or accept it, keep it, go on."""
    wizard = _wizard_at(step)
    if request.method == "GET":
        return _render_step(step, wizard, data={} if request.args.get("reset") else wizard.get(key, {}))
    done = _common_action(step)
    if done:
        return done
    try:
        data = accept(wizard, request.form)
    except InvalidForm as invalid:  # the templates never write back a password, an answer or a card number
        return _render_step(step, wizard, data={**request.form, **invalid.shown}, errors=invalid.errors)
    _save({**wizard, key: data})
    return redirect(url_for(f"psc.{next_step}"))


@bp.route("/pscof/registration/user-information.jsf", methods=["GET", "POST"])
def user_information():
    """Step 2, User Information: username, password, security questions."""
    return _form_step("user_information", "user", models.accept_user_information, next_step="payment_information")


@bp.route("/pscof/registration/payment-information.jsf", methods=["GET", "POST"])
def payment_information():
    """Step 3, Payment Information: optional; blank means no card."""
    return _form_step("payment_information", "payment", models.accept_payment_information, next_step="policies")


@bp.route("/pscof/registration/policies.jsf", methods=["GET", "POST"])
def policies():
    """Step 4, Acknowledgment of Policies and Procedures, and the final Submit."""
    if request.method == "POST" and _wizard() is None and session.get(REGISTERED):
        return redirect(url_for("psc.confirmation"))  # Submit again after it went through
    wizard = _wizard_at("policies")
    if request.method == "GET":
        return _render_step("policies", wizard)
    done = _common_action("policies")
    if done:
        return done
    if not request.form.get("acknowledge"):
        return _render_step("policies", wizard, errors={"acknowledge": forms.ACKNOWLEDGE_MESSAGE})
    try:
        registered = models.submit(wizard)
    except models.UsernameTaken as taken:
        _save({k: v for k, v in wizard.items() if k != "user"})
        flash(taken.message, "error")
        return redirect(url_for("psc.user_information"))
    session.pop(WIZARD, None)
    session[REGISTERED] = registered.account_number
    return redirect(url_for("psc.confirmation"))


@bp.get("/pscof/registration/policies.pdf")
def policies_printable():
    """The printable version of the Policies and Procedures: a real PDF download."""
    return Response(
        policies_pdf(),
        mimetype="application/pdf",
        headers={"Content-Disposition": 'attachment; filename="PACER-Policies-and-Procedures.pdf"'},
    )


@bp.get("/pscof/registration/confirmation.jsf")
def confirmation():
    """The last screen: the account number and type, and what happens next."""
    number = session.get(REGISTERED)
    account = models.registered_account(number) if number else None
    if account is None:
        return redirect(url_for("pacer.register_account"))
    return render_template(
        "psc/confirmation.html", account=account, type_name=forms.ACCOUNT_TYPES[account["account_type"]]
    )


@bp.get("/pscof/regWizard.jsf")
def registration_wizard():
    """Registration Wizard: three questions, then the account type to register for."""
    answers = {q: request.args.get(q) for q in ("efile", "attorney", "billing")}
    recommended = forms.recommend_type(answers) if all(answers.values()) else None
    return render_template(
        "psc/registration_wizard.html",
        answers=answers,
        recommended=recommended,
        type_names=forms.ACCOUNT_TYPES,
        incomplete=any(answers.values()) and not recommended,
    )


# ---- Manage My Account ------------------------------------------------------------------------


@bp.route("/pscof/login.xhtml", methods=["GET", "POST"])
def manage_login():
    if request.method == "GET":
        return render_template("psc/manage_login.html", errors={}, data={})
    try:
        account = models.authenticate(request.form.get("username", ""), request.form.get("password", ""))
    except Refused as refused:
        return render_template(
            "psc/manage_login.html", errors=refused.errors, data={"username": request.form.get("username", "")}
        )
    renew(session)  # a new session id at sign-in
    return set_session_cookies(redirect(url_for("psc.manage_account")), start_session(account["id"]))


def signed_on():
    """The account signed on; without one the browser goes to Manage My Account's login. A
    sign-on that must set up MFA first (the prompt's Set Up MFA) is honoured here."""
    account = current_account(ANY_SCOPE)
    if account is None:
        abort(redirect(url_for("psc.manage_login")))
    return account


@bp.get("/pscof/manage.jsf")
def manage_account():
    account = signed_on()
    return render_template(
        "psc/manage_account.html",
        account=account,
        status=models.STATUS_NAMES[account["status"]],
        type_name=forms.ACCOUNT_TYPES.get(account["account_type"], account["account_type"]),
        not_activated=models.NOT_ACTIVATED,
        mfa=mfa.summary(account),
    )


@bp.route("/pscof/manage/activate.jsf", methods=["GET", "POST"])
def activate():
    """Activate Case Search Privileges, with the code from the activation letter."""
    account = signed_on()
    if account["status"] == "active":
        flash("Your case search privileges are already active.")
        return redirect(url_for("psc.manage_account"))
    if request.method == "GET":
        return render_template("psc/activate.html", errors={})
    try:
        models.activate(account, request.form.get("activation_code", ""))
    except Refused as refused:
        return render_template("psc/activate.html", errors=refused.errors)
    flash("Your case search privileges have been activated. You can now search PACER.")
    return redirect(url_for("psc.manage_account"))


@bp.post("/pscof/logout")
def manage_logout():
    sign_off(request_token(ANY_SCOPE))
    session.clear()
    renew(session)
    flash("You have logged out of Manage My Account.")
    return clear_session_cookies(redirect(url_for("psc.manage_login")))


# ---- Forgot Password and Forgot Username ------------------------------------------------------


def _forgot_account(verified: bool):
    """The account of the Forgot Password under way: once, and only for a while
    (sessions.STAGE_LIFETIME). Without one the browser starts again, told why if it was under way."""
    state = held(session, FORGOT) or {}
    account = models.account_by_id(state["account_id"]) if state else None
    if account is None or (verified and not state.get("verified")):
        if request.method == "POST":
            flash(models.RESET_EXPIRED, "error")
        abort(redirect(url_for("psc.forgot_password")))
    return account


@bp.route("/pscof/forgotPassword.jsf", methods=["GET", "POST"])
def forgot_password():
    """Forgot Password, 1 of 3: the username and one of email, account number, date of birth."""
    if request.method == "GET":
        return render_template("psc/forgot_password.html", errors={}, data={})
    try:
        account = models.find_for_reset(request.form)
    except Refused as refused:
        return render_template("psc/forgot_password.html", errors=refused.errors, data=request.form)
    begin_stage(session, FORGOT, {"account_id": account["id"], "verified": False})
    return redirect(url_for("psc.forgot_password_questions"))


@bp.route("/pscof/forgotPassword/questions.jsf", methods=["GET", "POST"])
def forgot_password_questions():
    """Forgot Password, 2 of 3: the answers to the account's security questions."""
    account = _forgot_account(verified=False)
    if request.method == "GET":
        return render_template("psc/forgot_password_questions.html", account=account, errors={})
    try:
        models.check_answers(account, request.form)
    except Refused as refused:
        return render_template("psc/forgot_password_questions.html", account=account, errors=refused.errors)
    session[FORGOT] = {**session[FORGOT], "verified": True}
    return redirect(url_for("psc.forgot_password_reset"))


@bp.route("/pscof/forgotPassword/reset.jsf", methods=["GET", "POST"])
def forgot_password_reset():
    """Forgot Password, 3 of 3: a new password, under the registration rules."""
    account = _forgot_account(verified=True)
    errors = {}
    if request.method == "POST":
        try:
            models.reset_password(account, request.form)
        except Refused as refused:
            errors = refused.errors
        else:
            session.pop(FORGOT, None)
            flash("Your password has been reset. Log in with your new password.")
            return redirect(url_for("psc.manage_login"))
    return render_template(
        "psc/forgot_password_reset.html",
        account=account,
        errors=errors,
        parts=sorted(
            forms.name_parts(account["first_name"], account["last_name"], account["username"], account["email"])
        ),
    )


@bp.route("/pscof/forgotUsername.jsf", methods=["GET", "POST"])
def forgot_username():
    """Forgot Username: the account number; the username is emailed to the address on file."""
    if request.method == "GET":
        return render_template("psc/forgot_username.html", errors={}, data={}, sent=False)
    try:
        models.send_username(request.form.get("account_number", ""))
    except Refused as refused:
        return render_template("psc/forgot_username.html", errors=refused.errors, data=request.form, sent=False)
    return render_template("psc/forgot_username.html", errors={}, data=request.form, sent=True)
