"""The reCAPTCHA stub's rules: its tokens, its picture challenge, and what siteverify says.

The mode (control API `POST /_mock/captcha`, or `--faults captcha=...`) decides what a check does:
  pass       the token is given at once
  challenge  a picture choice first, in a second frame: check every picture named in
             CHALLENGE_ANSWER (GET /_mock/captcha tells test code), then Verify
  fail       verification fails: no token, and the server refuses any token (or none)
  expire     the token is given but is already expired; the widget says so a moment later and
             the server refuses it as expired
Tokens are signed and stateless: nothing is stored. Their times come from the mock's clock.
"""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from mock_court.core.clock import now
from mock_court.core.exceptions import Refused
from mock_court.core.faults import captcha_mode

SITE_KEY = "6LcMockCourtPacerRegistrationKey"  # public, as a real site key is
TOKEN_LIFETIME_S = 120  # real reCAPTCHA tokens last two minutes
EXPIRY_SHOWN_AFTER_MS = 1500  # expire mode: when the widget says so

# The picture challenge: a fixed 3x3 grid, deterministic so that tests can solve it. Each
# picture has a name of its own (its checkbox's label); the answer is every courthouse.
CHALLENGE_PROMPT = "Select all images with a courthouse"
CHALLENGE_TILES = (  # (name, what it shows)
    ("Oak tree", "tree"),
    ("Courthouse with columns", "courthouse"),
    ("Red car", "car"),
    ("Sailboat", "boat"),
    ("Pine tree", "tree"),
    ("Courthouse steps", "courthouse"),
    ("Courthouse at dusk", "courthouse"),
    ("Blue car", "car"),
    ("Rowboat", "boat"),
)
CHALLENGE_ANSWER = [name for name, kind in CHALLENGE_TILES if kind == "courthouse"]

# siteverify's error codes, as the real API names them
MISSING = "missing-input-response"
INVALID = "invalid-input-response"
EXPIRED = "timeout-or-duplicate"


class VerificationFailed(Refused):
    """siteverify refuses a token; `code` is the real API's error code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="mock-recaptcha")


def issue_token(lifetime_s: float = TOKEN_LIFETIME_S) -> str:
    return _serializer().dumps({"iat": now().timestamp(), "ttl": lifetime_s})


def verify(token: str | None) -> None:
    """What siteverify says of a token: nothing when it is good, else VerificationFailed."""
    if captcha_mode() == "fail":
        raise VerificationFailed(INVALID)
    if not token:
        raise VerificationFailed(MISSING)
    try:
        payload = _serializer().loads(token)
    except BadSignature:
        raise VerificationFailed(INVALID) from None
    if now().timestamp() >= payload["iat"] + payload["ttl"]:
        raise VerificationFailed(EXPIRED)


def challenge_solved(selected) -> bool:
    """`selected`: the names of the pictures the user checked."""
    return isinstance(selected, list) and sorted(map(str, selected)) == sorted(CHALLENGE_ANSWER)


def user_verify(selected) -> dict:
    """The widget's own call: a checkbox click (`selected` None) or a challenge's Verify with its tiles."""
    mode = captcha_mode()
    if mode == "fail":
        return {"error": "Verification failed. Please try again."}
    if mode == "challenge":
        if selected is None:
            return {"challenge": True}
        if not challenge_solved(selected):
            return {"challenge": True, "error": "Please try again."}
    if mode == "expire":
        return {"token": issue_token(0), "expires_in_ms": EXPIRY_SHOWN_AFTER_MS}
    return {"token": issue_token()}
