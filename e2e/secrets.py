"""Entering secrets (passwords, security answers, card numbers) without recording them.

Page objects type every secret through `fill_secret`. Playwright's `fill` would write the value
into a trace's action log, so the value goes in as an `evaluate` argument (which traces do not
keep) and is inserted with the browser's own editing command, firing the same input events as
typed. The field is marked `data-secret`, so that a walkthrough draws what it holds as dots.
DOM snapshots and request bodies in traces still hold the values: the artifacts are
masked where they are born (e2e/scrubbing, e2e/pytest_plugin/scrubbing.py). A recorder registers,
per page, a context manager that pauses its action annotations while a secret goes in, and
error messages are scrubbed of every secret typed, in any encoding, before being reported.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Set
from contextlib import AbstractContextManager, nullcontext

from playwright.sync_api import Locator, Page

from e2e.scrubbing import encodings
from e2e.scrubbing.encodings import masked_text, matcher_for

MASK = encodings.MASK.decode()  # six dots, whatever the secret's length

_quiet: weakref.WeakKeyDictionary[Page, Callable[[], AbstractContextManager]] = weakref.WeakKeyDictionary()
_typed: weakref.WeakKeyDictionary[Page, set[str]] = weakref.WeakKeyDictionary()
typed_in_this_process: set[str] = set()

# Labels of fields that hold a secret, whatever their input type.
SECRET_NAMES = (
    r"card number|security code|answer|password|passcode|activation code|one-time|backup code|digit code|secret"
)

# Fields holding a secret may be plain text inputs: draw them as dots on screen (videos,
# screenshots, pictures) as a password field draws itself. What a page marks data-secret and is
# not an input (a QR code and its secret key, backup codes) is covered over.
HIDE_SECRET_FIELDS = f"""(() => {{
  const SECRET = new RegExp('{SECRET_NAMES}', 'i');
  const named = (input) => [...(input.labels || [])].map((l) => l.textContent).join(' ')
    + ' ' + (input.getAttribute('aria-label') || '');
  const hide = () => {{
    for (const shown of document.querySelectorAll('[data-secret]:not(input)')) {{
      shown.style.setProperty('filter', 'brightness(0) opacity(0.6)');
      shown.style.setProperty('color', 'transparent');
    }}
    for (const input of document.querySelectorAll('input:not([type=password]):not([type=hidden])')) {{
      if (SECRET.test(named(input))) input.style.setProperty('-webkit-text-security', 'disc');
    }}
  }};
  const watch = () => {{
    hide();
    new MutationObserver(hide).observe(document.documentElement, {{childList: true, subtree: true}});
  }};
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch); else watch();
  document.addEventListener('input', (event) => {{
    if ('secret' in (event.target.dataset || {{}})) event.target.style.setProperty('-webkit-text-security', 'disc');
  }}, true);
}})();"""

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
    """Replace every secret typed on the page (and any extra ones), in any encoding, by a mask."""
    secrets = set(extra) | (_typed.get(page, set()) if page is not None else set())
    return masked_text(text, matcher_for(frozenset(secrets))) if secrets else text
