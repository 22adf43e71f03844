"""Typing secrets (passwords, security answers, card numbers) without recording them.

Page objects type every secret through `fill_secret`. A recorder registers, per page, a
context manager that pauses its action annotations while a secret is typed; and every secret
typed on a page is remembered so that error messages can be scrubbed before they are reported.
"""

from __future__ import annotations

import weakref
from contextlib import AbstractContextManager, nullcontext
from typing import Callable

from playwright.sync_api import Locator, Page

_quiet: "weakref.WeakKeyDictionary[Page, Callable[[], AbstractContextManager]]" = weakref.WeakKeyDictionary()
_typed: "weakref.WeakKeyDictionary[Page, set[str]]" = weakref.WeakKeyDictionary()

MASK = "••••••"


def register_quiet(page: Page, quiet: Callable[[], AbstractContextManager]) -> None:
    _quiet[page] = quiet


def fill_secret(locator: Locator, value: str) -> None:
    page = locator.page
    _typed.setdefault(page, set()).add(value)
    quiet = _quiet.get(page)
    with quiet() if quiet else nullcontext():
        locator.fill(value)


def scrub(text: str, page: Page | None = None, extra: set[str] = frozenset()) -> str:
    """Replace every secret typed on the page (and any extra ones) by a mask."""
    secrets = set(extra) | (_typed.get(page, set()) if page is not None else set())
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text
