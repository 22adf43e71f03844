"""Time-based one-time passcodes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), by pyotp.

The clock is passed in, so the mock's one clock drives them and tests move it instead of
waiting. A code from the step before or after is also accepted, as authenticator apps drift;
`matching_step` says which step a code was for, so that a code once accepted can be refused
ever after (RFC 6238, section 5.2).
"""

from __future__ import annotations

from datetime import datetime

import pyotp

from mock_court.core.fields import ascii_digits

STEP_SECONDS = 30
DIGITS = 6
DRIFT_STEPS = 1
SECRET_LENGTH = 32  # base32 characters: 160 bits, as RFC 4226 recommends
BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
ISSUER = "PACER"


def _totp(secret: str) -> pyotp.TOTP:
    return pyotp.TOTP(secret, digits=DIGITS, interval=STEP_SECONDS)


def step_at(when: datetime) -> int:
    return int(when.timestamp()) // STEP_SECONDS


def code_at(secret: str, when: datetime) -> str:
    return _totp(secret).at(when)


def matching_step(secret: str, code: str | None, when: datetime) -> int | None:
    """The time step (within one step of `when`) whose code `code` is, or None."""
    if not code or not ascii_digits(code) or len(code) != DIGITS:  # other scripts' digits are not digits here
        return None
    totp = _totp(secret)
    now_step = step_at(when)
    for step in (now_step, now_step - DRIFT_STEPS, now_step + DRIFT_STEPS):
        if pyotp.utils.strings_equal(totp.generate_otp(step), code):
            return step
    return None


def verify(secret: str, code: str | None, when: datetime) -> bool:
    return matching_step(secret, code, when) is not None


def provisioning_uri(secret: str, username: str) -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return _totp(secret).provisioning_uri(name=username, issuer_name=ISSUER)
