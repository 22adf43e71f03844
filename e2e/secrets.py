"""Entering secrets (passwords, security answers, card numbers) without recording them.

Page objects type every secret through `fill_secret`. Playwright's `fill` would write the value
into a trace's action log, so the value goes in as an `evaluate` argument (which traces do not
keep) and is inserted with the browser's own editing command, firing the same input events as
typing. The field is marked `data-secret`, so that a walkthrough draws what it holds as dots.
DOM snapshots in traces still hold input values: `scrub_trace` masks them afterwards.
A recorder registers, per page, a context manager that pauses its action annotations while a
secret goes in, and error messages are scrubbed of every secret typed before being reported.
"""

from __future__ import annotations

import weakref
import zipfile
from collections.abc import Callable, Set
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

from playwright.sync_api import Locator, Page

_quiet: weakref.WeakKeyDictionary[Page, Callable[[], AbstractContextManager]] = weakref.WeakKeyDictionary()
_typed: weakref.WeakKeyDictionary[Page, set[str]] = weakref.WeakKeyDictionary()
typed_in_this_process: set[str] = set()

MASK = "••••••"

_INSERT = """(element, value) => {
    element.dataset.secret = '';
    element.focus();
    element.select();
    if (!document.execCommand('insertText', false, value)) {
        element.value = value;
        element.dispatchEvent(new Event('input', {bubbles: true}));
    }
    element.dispatchEvent(new Event('change', {bubbles: true}));
}"""


def register_quiet(page: Page, quiet: Callable[[], AbstractContextManager]) -> None:
    _quiet[page] = quiet


def fill_secret(locator: Locator, value: str) -> None:
    page = locator.page
    _typed.setdefault(page, set()).add(value)
    typed_in_this_process.add(value)
    quiet = _quiet.get(page)
    with quiet() if quiet else nullcontext():
        locator.wait_for(state="visible")
        locator.evaluate(_INSERT, value)


def remember_secret(page: Page, value: str) -> None:
    """A secret read off the screen (a secret key, backup codes): scrubbed like those typed."""
    _typed.setdefault(page, set()).add(value)
    typed_in_this_process.add(value)


def scrub(text: str, page: Page | None = None, extra: Set[str] = frozenset()) -> str:
    """Replace every secret typed on the page (and any extra ones) by a mask."""
    secrets = set(extra) | (_typed.get(page, set()) if page is not None else set())
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, MASK)
    return text


def scrub_trace(path: Path, secrets: set[str]) -> bool:
    """Rewrite a Playwright trace zip with every secret masked; True when something was masked."""
    needles = sorted((s.encode() for s in secrets if s), key=len, reverse=True)
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info)) for info in source.infolist()]
    changed = False
    for index, (info, data) in enumerate(members):
        for needle in needles:
            if needle in data:
                data, changed = data.replace(needle, MASK.encode()), True
        members[index] = (info, data)
    if changed:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info, data in members:
                target.writestr(info, data)
    return changed
