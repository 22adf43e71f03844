"""Time-based one-time passcodes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits).

The mock's own implementation, for the accounts with multi-factor authentication. The clock is
passed in, so tests can pin it; a code from the step before or after is also accepted, as
authenticator apps drift.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from datetime import datetime

from mock_court.core.fields import ascii_digits

STEP_SECONDS = 30
DIGITS = 6


def code_at(secret: str, when: datetime) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int(when.timestamp()) // STEP_SECONDS
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset : offset + 4])[0] & 0x7FFFFFFF
    return str(number % 10**DIGITS).zfill(DIGITS)


def verify(secret: str, code: str | None, when: datetime) -> bool:
    if not code or not ascii_digits(code) or len(code) != DIGITS:  # compare_digest refuses other scripts' digits
        return False
    return any(
        hmac.compare_digest(
            code_at(secret, datetime.fromtimestamp(when.timestamp() + drift * STEP_SECONDS, when.tzinfo)), code
        )
        for drift in (-1, 0, 1)
    )
