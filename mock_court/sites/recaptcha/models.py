"""The reCAPTCHA stub's rules: its tokens, its picture challenge, and what siteverify says.

The mode (control API `POST /_mock/captcha`, or `--faults captcha=...`) decides what a check does:
  pass       the token is given at once
  challenge  a picture choice first, in a second frame: check every picture named in
             CHALLENGE_ANSWER (GET /_mock/captcha tells test code), then Verify
  fail       verification fails: no token, and the server refuses any token (or none)
  expire     the token is given but is already expired; the widget says so a moment later and
             the server refuses it as expired
A token is random and kept in the store with the session that was given it: it verifies once,
within its two minutes; a second use, like an expired token, is "timeout-or-duplicate", as the
real API says. Verified from one of the mock's own pages, it must also belong to the browser's
session (`session_key`, the session's ViewState); siteverify, called by a server, has no
browser session to match.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from mock_court.core.clock import now, rng
from mock_court.core.exceptions import Refused
from mock_court.core.faults import captcha_mode
from mock_court.core.store import get_db, transaction

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


def issue_token(session_key: str | None, lifetime_s: float = TOKEN_LIFETIME_S) -> str:
    token = rng().token(24)
    expires = now() + timedelta(seconds=lifetime_s)
    with transaction(get_db()) as db:
        db.execute("DELETE FROM captcha_tokens WHERE expires_at <= ?", (now().isoformat(),))
        db.execute(
            "INSERT INTO captcha_tokens (token, session_key, expires_at) VALUES (?, ?, ?)",
            (token, session_key, expires.isoformat()),
        )
    return token


def verify(token: str | None, session_key: str | None = None, *, browser: bool = True) -> None:
    """What siteverify says of a token, using it up: nothing when it is good, else VerificationFailed.

    `browser`: verified for one of the mock's own pages, so it must be the session's own token.
    """
    if captcha_mode() == "fail":
        raise VerificationFailed(INVALID)
    if not token:
        raise VerificationFailed(MISSING)
    with transaction(get_db()) as db:
        row = db.execute("SELECT * FROM captcha_tokens WHERE token = ?", (token,)).fetchone()
        if row is None or (browser and row["session_key"] != session_key):
            raise VerificationFailed(INVALID)
        if row["used"] or datetime.fromisoformat(row["expires_at"]) <= now():
            raise VerificationFailed(EXPIRED)
        db.execute("UPDATE captcha_tokens SET used = 1 WHERE token = ?", (token,))


def challenge_solved(selected) -> bool:
    """`selected`: the names of the pictures the user checked."""
    return isinstance(selected, list) and sorted(map(str, selected)) == sorted(CHALLENGE_ANSWER)


def user_verify(selected, session_key: str | None) -> dict:
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
        return {"token": issue_token(session_key, 0), "expires_in_ms": EXPIRY_SHOWN_AFTER_MS}
    return {"token": issue_token(session_key)}
