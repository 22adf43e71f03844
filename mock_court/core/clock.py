"""The mock's clock and random source, one of each per namespace, injectable in tests.

Everything that expires (captcha tokens, sign-on sessions, one-time passcodes) asks `now()`;
everything random (session tokens, registration keys, activation codes) draws from `rng()`.
A test freezes or moves the clock instead of waiting, and a seed (config RANDOM_SEED)
reproduces a run. Unseeded, the random source is the operating system's, so tokens cannot be
guessed on a served mock.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone


class Clock:
    """Real time, unless frozen at a moment (then it moves only when told)."""

    def __init__(self, frozen_at: datetime | None = None) -> None:
        self.frozen_at = frozen_at

    def now(self) -> datetime:
        return self.frozen_at or datetime.now(timezone.utc)

    def today(self) -> date:
        return self.now().date()

    def freeze(self, at: datetime) -> None:
        self.frozen_at = at

    def advance(self, by: timedelta) -> None:
        """Move time on; a running clock is frozen first at its present moment."""
        self.frozen_at = self.now() + by


class RandomSource:
    """Tokens and codes: seeded for a reproducible run, else drawn from the operating system."""

    def __init__(self, seed: int | None = None) -> None:
        self._random = random.Random(seed) if seed is not None else random.SystemRandom()

    def token(self, nbytes: int = 32) -> str:
        return self._random.getrandbits(nbytes * 8).to_bytes(nbytes, "big").hex()

    def uniform(self, low: float, high: float) -> float:
        return self._random.uniform(low, high)

    def code(self, alphabet: str, length: int) -> str:
        return "".join(self._random.choice(alphabet) for _ in range(length))


def stamp(at: datetime) -> str:
    """A moment as the store keeps it: SQLite's CURRENT_TIMESTAMP format, in UTC."""
    return at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S")


def clock() -> Clock:
    """The clock of this request's namespace."""
    from mock_court.core.namespaces import current  # namespaces are made of clocks: import late

    return current().clock


def now() -> datetime:
    return clock().now()


def today() -> date:
    return clock().today()


def rng() -> RandomSource:
    from mock_court.core.namespaces import current

    return current().rng
