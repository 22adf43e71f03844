"""Blueprint "psc": pacer.psc.uscourts.gov, the PACER Service Center.

Registration (/pscof/registration.jsf and the steps after it), the Registration Wizard, Manage
My Account (/pscof/login.xhtml), Forgot Password and Forgot Username. Views validate, then
redirect or render again; the rules live in mock_court.registration and mock_court.accounts.
The wizard's state lives in the session until the final Submit (see mock_court.registration).
"""

from __future__ import annotations

from flask import (Blueprint, Response, abort, flash, jsonify, redirect, render_template, request,
                   session, url_for)

from mock_court import accounts, counties, recaptcha
from mock_court import registration as reg
from mock_court.db import get_db
from mock_court.policies import SECTIONS as POLICY_SECTIONS, policies_pdf
from mock_court.login import sign_off
from mock_court.signon import (clear_session_cookies, current_account, request_token, set_session_cookies,
                               start_session)

bp = Blueprint("psc", __name__, url_prefix="/psc")

WIZARD = "registration"      # session key of the wizard in progress
REGISTERED = "registered"    # session key of the account number the last Submit made


@bp.context_processor
def form_options() -> dict:
    """The choices of the PSC forms, from mock_court.registration and mock_court.counties."""
    return {
        "prefixes": reg.PREFIXES, "generations": reg.GENERATIONS, "suffixes": reg.SUFFIXES,
        "states": counties.states(), "counties_of": counties.counties, "countries": counties.countries(),
        "default_country": counties.UNITED_STATES, "user_types": reg.USER_TYPES,
        "security_questions": reg.SECURITY_QUESTIONS, "card_types": reg.CARD_TYPES,
        "password_criteria": reg.PASSWORD_CRITERIA, "site_key": recaptcha.SITE_KEY,
        "today": reg.today().isoformat(), "policy_sections": POLICY_SECTIONS,
        "expiry_years": range(reg.today().year, reg.today().year + 11),
        "name_parts": lambda account: sorted(reg.name_parts(account["first_name"], account["last_name"], account["email"])),
        "billing_copy_of": reg.copy_billing_address,
    }


def _wizard() -> dict | None:
    return session.get(WIZARD)


def _save(wizard: dict) -> None:
    session[WIZARD] = wizard


def _step_or_redirect(step: str):
    """The wizard, or a redirect to the first step it still needs."""
    wizard = _wizard()
    if not reg.may_show(wizard, step):
        return None, redirect(url_for(f"psc.{reg.first_missing_step(wizard)}"))
    return wizard, None


def _common_action(step: str):
    """Cancel, Back and Reset: the same on every step."""
    action = request.form.get("action")
    if action == "cancel":
        session.pop(WIZARD, None)
        flash("Your registration was canceled. Nothing was saved.")
        return redirect(url_for("pacer.register_account"))
    if action == "back":
        return redirect(url_for(f"psc.{reg.STEPS[max(reg.STEPS.index(step) - 1, 0)]}"))
    if action == "reset":
        return redirect(url_for(f"psc.{step}", reset=1))
    return None


def _render_step(step: str, wizard: dict, **context):
    return render_template(
        f"psc/{step}.html", step=step, steps=reg.STEPS, wizard=wizard,
        type_name=reg.ACCOUNT_TYPES[wizard["type"]], errors=context.pop("errors", {}), **context,
    )


@bp.get("/pscof/counties")
def counties_of_state():
    """The County list for a State, as JSON: what the form fetches when a State is chosen."""
    state = request.args.get("state", "")
    if counties.state_name(state) is None:
        return jsonify(error=f"unknown state '{state}'"), 404
    return jsonify(state=state, counties=list(counties.counties(state)))


@bp.route("/pscof/registration.jsf", methods=["GET", "POST"])
def account_information():
    """Step 1, Account Information. GET ?accountType=<account type> starts a registration of that type."""
    wanted = request.args.get("accountType")
    if wanted is not None and wanted not in reg.ACCOUNT_TYPES:
        abort(404)
    wizard = _wizard()
    if wizard is None or (wanted and wanted != wizard["type"]):
        wizard = reg.new_wizard(wanted or reg.DEFAULT_TYPE)
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
    verification = recaptcha.verify(request.form.get("g-recaptcha-response"))
    data, errors = reg.validate_account_information(
        request.form, None if verification.success else reg.VERIFICATION_MESSAGES[verification.error])
    if errors:
        return _render_step("account_information", wizard, data={**request.form, "cja_panel": data["cja_panel"]},
                            errors=errors)
    wizard = reg.accept_account_information(wizard, data, reg.count_matches(get_db(), data))
    _save(wizard)
    if not wizard["continued"]:
        return _render_step("account_information", wizard, data={**data, "confirm_email": data["email"]}, duplicate=True)
    return redirect(url_for("psc.user_information"))


def _form_step(step: str, key: str, validate, next_step: str):
    """Steps 2 and 3: show what the wizard holds for the step, or validate it, keep it, go on."""
    wizard, elsewhere = _step_or_redirect(step)
    if elsewhere:
        return elsewhere
    if request.method == "GET":
        return _render_step(step, wizard, data={} if request.args.get("reset") else wizard.get(key, {}))
    done = _common_action(step)
    if done:
        return done
    data, errors = validate(wizard)
    if errors:  # the templates never write back a password, an answer or a card number
        return _render_step(step, wizard, data={**request.form, **data}, errors=errors)
    _save({**wizard, key: data})
    return redirect(url_for(f"psc.{next_step}"))


@bp.route("/pscof/registration/user-information.jsf", methods=["GET", "POST"])
def user_information():
    """Step 2, User Information: username, password, security questions."""
    return _form_step("user_information", "user", next_step="payment_information",
                      validate=lambda wizard: reg.validate_user_information(request.form, wizard["account"], get_db()))


@bp.route("/pscof/registration/payment-information.jsf", methods=["GET", "POST"])
def payment_information():
    """Step 3, Payment Information: optional; blank means no card."""
    return _form_step("payment_information", "payment", next_step="policies",
                      validate=lambda wizard: reg.validate_payment_information(request.form, wizard["account"]))


@bp.route("/pscof/registration/policies.jsf", methods=["GET", "POST"])
def policies():
    """Step 4, Acknowledgment of Policies and Procedures, and the final Submit."""
    if request.method == "POST" and _wizard() is None and session.get(REGISTERED):
        return redirect(url_for("psc.confirmation"))  # Submit again after it went through
    wizard, elsewhere = _step_or_redirect("policies")
    if elsewhere:
        return elsewhere
    if request.method == "GET":
        return _render_step("policies", wizard)
    done = _common_action("policies")
    if done:
        return done
    if not request.form.get("acknowledge"):
        return _render_step("policies", wizard, errors={"acknowledge": reg.ACKNOWLEDGE_MESSAGE})
    try:
        registered = reg.submit(get_db(), wizard)
    except reg.UsernameTaken:
        _save({k: v for k, v in wizard.items() if k != "user"})
        flash("This username was taken while you registered. Choose another.", "error")
        return redirect(url_for("psc.user_information"))
    session.pop(WIZARD, None)
    session[REGISTERED] = registered.account_number
    return redirect(url_for("psc.confirmation"))


@bp.get("/pscof/registration/policies.pdf")
def policies_printable():
    """The printable version of the Policies and Procedures: a real PDF download."""
    return Response(policies_pdf(), mimetype="application/pdf", headers={
        "Content-Disposition": 'attachment; filename="PACER-Policies-and-Procedures.pdf"'})


@bp.get("/pscof/registration/confirmation.jsf")
def confirmation():
    """The last screen: the account number and type, and what happens next."""
    number = session.get(REGISTERED)
    account = accounts.by_account_number(get_db(), number) if number else None
    if account is None:
        return redirect(url_for("pacer.register_account"))
    return render_template("psc/confirmation.html", account=account,
                           type_name=reg.ACCOUNT_TYPES[account["account_type"]])


@bp.get("/pscof/regWizard.jsf")
def registration_wizard():
    """Registration Wizard: three questions, then the account type to register for."""
    answers = {q: request.args.get(q) for q in ("efile", "attorney", "billing")}
    recommended = reg.recommend_type(answers) if all(answers.values()) else None
    return render_template("psc/registration_wizard.html", answers=answers, recommended=recommended,
                           type_names=reg.ACCOUNT_TYPES, incomplete=any(answers.values()) and not recommended)


# ---- Manage My Account ------------------------------------------------------------------------

@bp.route("/pscof/login.xhtml", methods=["GET", "POST"])
def manage_login():
    if request.method == "GET":
        return render_template("psc/manage_login.html", errors={}, data={})
    account, problem = accounts.authenticate(get_db(), request.form.get("username", ""), request.form.get("password", ""))
    if problem:
        return render_template("psc/manage_login.html", errors={"form": problem},
                               data={"username": request.form.get("username", "")})
    response = redirect(url_for("psc.manage_account"))
    return set_session_cookies(response, start_session(account["id"]))


def _signed_on():
    account = current_account()
    return account, None if account else redirect(url_for("psc.manage_login"))


@bp.get("/pscof/manage.jsf")
def manage_account():
    account, elsewhere = _signed_on()
    if elsewhere:
        return elsewhere
    return render_template("psc/manage_account.html", account=account, status=accounts.STATUS_NAMES[account["status"]],
                           type_name=reg.ACCOUNT_TYPES.get(account["account_type"], account["account_type"]),
                           not_activated=accounts.NOT_ACTIVATED)


@bp.route("/pscof/manage/activate.jsf", methods=["GET", "POST"])
def activate():
    """Activate Case Search Privileges, with the code from the activation letter."""
    account, elsewhere = _signed_on()
    if elsewhere:
        return elsewhere
    if account["status"] == "active":
        flash("Your case search privileges are already active.")
        return redirect(url_for("psc.manage_account"))
    if request.method == "GET":
        return render_template("psc/activate.html", errors={})
    problem = accounts.activate(get_db(), account, request.form.get("activation_code", ""))
    if problem:
        return render_template("psc/activate.html", errors={"activation_code": problem})
    flash("Your case search privileges have been activated. You can now search PACER.")
    return redirect(url_for("psc.manage_account"))


@bp.post("/pscof/logout")
def manage_logout():
    sign_off(request_token())
    flash("You have logged out of Manage My Account.")
    return clear_session_cookies(redirect(url_for("psc.manage_login")))


# ---- Forgot Password and Forgot Username ------------------------------------------------------

FORGOT = "forgot_password"   # session key: {"account_id": ..., "verified": bool}


def _forgot_account(verified: bool):
    state = session.get(FORGOT)
    account = accounts.by_id(get_db(), state["account_id"]) if state else None
    if account is None or (verified and not state.get("verified")):
        return None, redirect(url_for("psc.forgot_password"))
    return account, None


@bp.route("/pscof/forgotPassword.jsf", methods=["GET", "POST"])
def forgot_password():
    """Forgot Password, 1 of 3: the username and one of email, account number, date of birth."""
    if request.method == "GET":
        return render_template("psc/forgot_password.html", errors={}, data={})
    account, errors = accounts.find_for_reset(get_db(), request.form)
    if errors:
        return render_template("psc/forgot_password.html", errors=errors, data=request.form)
    session[FORGOT] = {"account_id": account["id"], "verified": False}
    return redirect(url_for("psc.forgot_password_questions"))


@bp.route("/pscof/forgotPassword/questions.jsf", methods=["GET", "POST"])
def forgot_password_questions():
    """Forgot Password, 2 of 3: the answers to the account's security questions."""
    account, elsewhere = _forgot_account(verified=False)
    if elsewhere:
        return elsewhere
    if request.method == "POST":
        if accounts.answers_ok(account, request.form):
            session[FORGOT] = {"account_id": account["id"], "verified": True}
            return redirect(url_for("psc.forgot_password_reset"))
        return render_template("psc/forgot_password_questions.html", account=account,
                               errors={"form": accounts.WRONG_ANSWERS})
    return render_template("psc/forgot_password_questions.html", account=account, errors={})


@bp.route("/pscof/forgotPassword/reset.jsf", methods=["GET", "POST"])
def forgot_password_reset():
    """Forgot Password, 3 of 3: a new password, under the registration rules."""
    account, elsewhere = _forgot_account(verified=True)
    if elsewhere:
        return elsewhere
    errors = accounts.reset_password(get_db(), account, request.form) if request.method == "POST" else {}
    if request.method == "GET" or errors:
        return render_template("psc/forgot_password_reset.html", account=account, errors=errors,
                               parts=sorted(reg.name_parts(account["first_name"], account["last_name"],
                                                           account["username"], account["email"])))
    session.pop(FORGOT, None)
    flash("Your password has been reset. Log in with your new password.")
    return redirect(url_for("psc.manage_login"))


@bp.route("/pscof/forgotUsername.jsf", methods=["GET", "POST"])
def forgot_username():
    """Forgot Username: the account number; the username is emailed to the address on file."""
    if request.method == "GET":
        return render_template("psc/forgot_username.html", errors={}, data={}, sent=False)
    errors = accounts.send_username(get_db(), request.form.get("account_number", ""))
    return render_template("psc/forgot_username.html", errors=errors, data=request.form, sent=not errors)
