"""An authenticator app, as on a filer's phone: the 6-digit code of a secret, by its own clock.

It computes codes from the secret it was given (a persona's `otp_secret`, or the secret key a
Set Up App screen shows), never from what the server holds. The mock accepts a code once: when
the code of this moment was used already, it gives the next one, which the mock accepts as one
step of clock drift, as a person who just used a code waits for the next.
"""

from __future__ import annotations

import time

import pyotp

STEP_SECONDS = 30


class NoFreshCode(RuntimeError):
    """Every code the mock would accept now was used already."""


class Authenticator:
    def __init__(self) -> None:
        self.last_step: dict[str, int] = {}

    def code(self, secret: str) -> str:
        secret = "".join(secret.split()).upper()  # the key as shown on screen, in groups
        step = int(time.time()) // STEP_SECONDS
        used = self.last_step.get(secret, step - 1)
        if used >= step + 1:
            raise NoFreshCode("the authenticator's next code was used already; wait for the one after")
        step = max(step, used + 1)
        self.last_step[secret] = step
        return pyotp.TOTP(secret).generate_otp(step)


def authenticator_of(data: dict) -> Authenticator:
    """The authenticator of a flow's person (kept in FlowContext.data)."""
    return data.setdefault("authenticator", Authenticator())
