"""Blueprint "recaptcha": the reCAPTCHA v2 stub (www.google.com/recaptcha).

Shaped like the real widget: a page loads /recaptcha/api.js, which puts an iframe titled
"reCAPTCHA" into each `div.g-recaptcha` and a hidden `g-recaptcha-response` textarea beside it.
The iframe (api2/anchor) holds the "I'm not a robot" checkbox; when the user is verified it posts
the token to the parent page, which fills the textarea. The site's server checks the token with
`models.verify()` (or over HTTP at api/siteverify, as a real server would). The rules are in
models.py.
"""

from __future__ import annotations

from flask import Blueprint, current_app, jsonify, render_template, request, send_from_directory

from mock_court.core.jsonbody import json_object
from mock_court.core.viewstate import view_state
from mock_court.sites.recaptcha import models

bp = Blueprint("recaptcha", __name__, url_prefix="/recaptcha")


@bp.get("/api.js")
def api_js():
    response = send_from_directory(current_app.static_folder, "recaptcha.js", mimetype="text/javascript")
    response.cache_control.no_cache = True
    return response


@bp.get("/api2/anchor")
def anchor():
    """The frame titled "reCAPTCHA": the "I'm not a robot" checkbox."""
    return render_template("recaptcha/anchor.html")


@bp.get("/api2/bframe")
def bframe():
    """The frame titled "reCAPTCHA challenge expires in two minutes": the picture challenge."""
    return render_template("recaptcha/bframe.html", tiles=models.CHALLENGE_TILES, prompt=models.CHALLENGE_PROMPT)


@bp.post("/api2/userverify")
def userverify():
    """The widget's own call: a checkbox click, or a challenge's Verify with the chosen tiles."""
    return jsonify(models.user_verify((json_object() or {}).get("selected"), view_state()))


@bp.post("/api/siteverify")
def siteverify():
    """The real server-side API: form fields secret and response; JSON answer."""
    body = {"success": True, "hostname": request.host}
    try:
        models.verify(request.form.get("response"), browser=False)
    except models.VerificationFailed as failed:
        body.update({"success": False, "error-codes": [failed.code]})
    return jsonify(body)
