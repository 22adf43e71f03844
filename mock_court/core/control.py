"""The control API under /_mock/, for tests and trainers: registered only in test mode."""

from __future__ import annotations

from flask import Blueprint, jsonify, request, url_for

from fixtures.personas import build_personas
from mock_court.core import outbox as mail
from mock_court.core.faults import CAPTCHA_MODES, FaultSpecError, active_faults, captcha_mode, set_faults
from mock_court.core.jsonbody import json_object
from mock_court.core.namespaces import PREFIX, NamespaceError, registry
from mock_court.core.store import get_db, store
from mock_court.sites import site_roots
from mock_court.sites.recaptcha.models import CHALLENGE_ANSWER

bp = Blueprint("control", __name__, url_prefix="/_mock")


@bp.errorhandler(FaultSpecError)
def bad_fault(error: FaultSpecError):
    return jsonify(error=error.message), 400


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


@bp.get("/")
def index():
    return jsonify(
        {
            rule: url_for(f"control.{rule}")
            for rule in ("sites", "personas", "outbox", "captcha", "faults", "namespaces")
        }
    )
