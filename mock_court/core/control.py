"""The control API under /_mock/, for tests and trainers: registered only in test mode."""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for

from fixtures.personas import build_personas
from mock_court.core import accounts, journeys
from mock_court.core import mfa as multifactor
from mock_court.core import outbox as mail
from mock_court.core.clock import now, rng
from mock_court.core.faults import CAPTCHA_MODES, FaultSpecError, active_faults, captcha_mode, set_faults
from mock_court.core.jsonbody import json_object
from mock_court.core.namespaces import PREFIX, NamespaceError, registry
from mock_court.core.store import get_db, store, transaction
from mock_court.sites import site_roots
from mock_court.sites.login import totp
from mock_court.sites.recaptcha.models import CHALLENGE_ANSWER

bp = Blueprint("control", __name__, url_prefix="/_mock")


@bp.errorhandler(FaultSpecError)
def bad_fault(error: FaultSpecError):
    return jsonify(error=error.message), 400


@bp.errorhandler(journeys.JourneyError)
def bad_journey(error: journeys.JourneyError):
    return jsonify(error=error.message, **error.details), error.status


@bp.errorhandler(NamespaceError)
def bad_namespace(error: NamespaceError):
    return jsonify(error=error.message), error.status


def site_urls(root: str) -> dict[str, str]:
    return {name: root + path for name, path in site_roots().items()}


@bp.get("/sites")
def sites():
    return jsonify(site_urls(request.url_root.rstrip("/")))


@bp.route("/namespaces", methods=["GET", "POST"])
def namespaces():
    if request.method == "GET":
        return jsonify(registry().listing())
    given = json_object() if request.content_length else {}
    if given is None or set(given) - {"id"}:
        return jsonify(error='send a JSON object: {} for a new id, or {"id": "a-name"}'), 400
    made = registry().create(given.get("id"))
    root = request.host_url.rstrip("/") + PREFIX + made.id
    answer = {"id": made.id, "url": root, "control": root + "/_mock/", "sites": site_urls(root)}
    return jsonify(answer), 201


@bp.delete("/namespaces/<ns_id>")
def delete_namespace(ns_id: str):
    registry().delete(ns_id)
    return "", 204


@bp.post("/journeys/<kind>")
def journey(kind: str):
    """Start part-way: a registration at a later step, a signed-on account, a linked one."""
    return journeys.started(kind)


@bp.get("/personas")
def personas():
    return jsonify(build_personas())


@bp.post("/reset")
def reset():
    store().reset()
    return jsonify(status="reset")


@bp.get("/outbox")
def outbox():
    return jsonify(mail.read(get_db(), **{name: request.args.get(name, "") for name in mail.FILTERS}))


@bp.route("/captcha", methods=["GET", "POST"])
def captcha():
    if request.method == "POST":
        mode = (json_object() or {}).get("mode")
        if mode not in CAPTCHA_MODES:
            return jsonify(error=f"mode must be one of {', '.join(CAPTCHA_MODES)}"), 400
        set_faults({"captcha": mode})
    return jsonify(mode=captcha_mode(), challenge_answer=CHALLENGE_ANSWER)  # the pictures to check


@bp.route("/faults", methods=["GET", "POST"])
def faults():
    if request.method == "POST":
        given = json_object()
        if given is None:
            return jsonify(error="send a JSON object of faults"), 400
        set_faults(given)
    return jsonify(active_faults())


@bp.route("/mfa", methods=["GET", "POST"])
def mfa():
    """An account's multifactor authentication state (?username=), or, posted
    {"username": ..., "mfa": "not-required" | "due" | "restricted" | "enrolled"}, put in that
    state; enrolled anew, it answers the new app's otp_secret and backup_codes."""
    given = (json_object() or {}) if request.method == "POST" else request.args
    username = given.get("username")
    account = accounts.by_username(get_db(), username) if isinstance(username, str) else None
    if account is None:
        return jsonify(error="username must name an account"), 400
    answer = {"username": account["username"]}
    if request.method == "POST":
        wanted = given.get("mfa")
        if wanted not in multifactor.STATES:
            return jsonify(error=f"mfa must be one of {', '.join(multifactor.STATES)}"), 400
        secret = rng().code(totp.BASE32, totp.SECRET_LENGTH) if wanted == "enrolled" else None
        codes = [
            rng().code(multifactor.BACKUP_ALPHABET, multifactor.BACKUP_CODE_LENGTH)
            for _ in range(multifactor.BACKUP_CODES)
        ]
        with transaction(get_db()) as db:
            multifactor.set_state(db, account["id"], wanted, now(), secret, codes if secret else ())
        if secret:
            answer.update(otp_secret=secret, backup_codes=codes)
        account = accounts.by_id(get_db(), account["id"])
    answer.update(mfa=multifactor.state(get_db(), account), mfa_skips_left=multifactor.skips_left(account))
    return jsonify(answer)


@bp.get("/")
def index():
    return jsonify(
        {
            rule: url_for(f"control.{rule}")
            for rule in ("sites", "personas", "outbox", "captcha", "faults", "mfa", "namespaces")
        }
    )
