"""Blueprint "recaptcha": the reCAPTCHA v2 stub (www.google.com/recaptcha).

Shaped like the real widget: a page loads /recaptcha/api.js, which puts an iframe titled
"reCAPTCHA" into each `div.g-recaptcha` and a hidden `g-recaptcha-response` textarea beside it.
The iframe (api2/anchor) holds the "I'm not a robot" checkbox; when the user is verified it posts
the token to the parent page, which fills the textarea. The site's server checks the token with
`verify()` (or over HTTP at api/siteverify, as a real server would).

The mode (control API `POST /_mock/captcha`, or `--faults captcha=...`) decides what a check does:
  pass       the token is given at once
  challenge  a picture choice first, in a second frame: check every picture named in
             CHALLENGE_ANSWER (GET /_mock/captcha tells test code), then Verify
  fail       verification fails: no token, and the server refuses any token (or none)
  expire     the token is given but is already expired; the widget says so a moment later and
             the server refuses it as expired
Tokens are signed and stateless: nothing is stored.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from flask import Blueprint, current_app, jsonify, render_template, request, send_from_directory
from itsdangerous import BadSignature, URLSafeSerializer

from mock_court.faults import captcha_mode

bp = Blueprint("recaptcha", __name__, url_prefix="/recaptcha")

SITE_KEY = "6LcMockCourtPacerRegistrationKey"  # public, as a real site key is
TOKEN_LIFETIME_S = 120                          # real reCAPTCHA tokens last two minutes
EXPIRY_SHOWN_AFTER_MS = 1500                    # expire mode: when the widget says so

# The picture challenge: a fixed 3x3 grid, deterministic so that tests can solve it. Each
# picture has a name of its own (its checkbox's label); the answer is every courthouse.
CHALLENGE_PROMPT = "Select all images with a courthouse"
CHALLENGE_TILES = (  # (name, what it shows)
    ("Oak tree", "tree"), ("Courthouse with columns", "courthouse"), ("Red car", "car"),
    ("Sailboat", "boat"), ("Pine tree", "tree"), ("Courthouse steps", "courthouse"),
    ("Courthouse at dusk", "courthouse"), ("Blue car", "car"), ("Rowboat", "boat"),
)
CHALLENGE_ANSWER = [name for name, kind in CHALLENGE_TILES if kind == "courthouse"]

MISSING = "missing-input-response"
INVALID = "invalid-input-response"
EXPIRED = "timeout-or-duplicate"


@dataclass(frozen=True)
class Verification:
    success: bool
    error: str | None = None


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="mock-recaptcha")


def issue_token(lifetime_s: float = TOKEN_LIFETIME_S) -> str:
    return _serializer().dumps({"iat": time.time(), "ttl": lifetime_s})


def verify(token: str | None) -> Verification:
    """What siteverify says of a token: success, or the real API's error code."""
    if captcha_mode() == "fail":
        return Verification(False, INVALID)
    if not token:
        return Verification(False, MISSING)
    try:
        payload = _serializer().loads(token)
    except BadSignature:
        return Verification(False, INVALID)
    if time.time() >= payload["iat"] + payload["ttl"]:
        return Verification(False, EXPIRED)
    return Verification(True)


def challenge_solved(selected) -> bool:
    """`selected`: the names of the pictures the user checked."""
    return isinstance(selected, list) and sorted(map(str, selected)) == sorted(CHALLENGE_ANSWER)


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
    return render_template("recaptcha/bframe.html", tiles=CHALLENGE_TILES, prompt=CHALLENGE_PROMPT)


@bp.post("/api2/userverify")
def userverify():
    """The widget's own call: a checkbox click, or a challenge's Verify with the chosen tiles."""
    mode = captcha_mode()
    selected = (request.get_json(silent=True) or {}).get("selected")
    if mode == "fail":
        return jsonify(error="Verification failed. Please try again.")
    if mode == "challenge":
        if selected is None:
            return jsonify(challenge=True)
        if not challenge_solved(selected):
            return jsonify(challenge=True, error="Please try again.")
    if mode == "expire":
        return jsonify(token=issue_token(0), expires_in_ms=EXPIRY_SHOWN_AFTER_MS)
    return jsonify(token=issue_token())


@bp.post("/api/siteverify")
def siteverify():
    """The real server-side API: form fields secret and response; JSON answer."""
    result = verify(request.form.get("response"))
    body = {"success": result.success, "hostname": request.host}
    if not result.success:
        body["error-codes"] = [result.error]
    return jsonify(body)
