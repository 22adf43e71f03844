"""What every fuzz case does and checks: a fresh state, the post, and the properties that must hold
whatever was sent (no 5xx, no traceback, a refusal shown or a 4xx, nothing half-made)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection

from flask import Flask
from werkzeug.test import TestResponse

from mock_court import MAX_BODY_BYTES
from mock_court.core.namespaces import registry
from tests.form_client import FormClient
from tests.unit.registration_helpers import count_rows

FORM = "application/x-www-form-urlencoded"
JSON = "application/json"
REFUSED = (400, 403, 413)
MAX_REQUEST_LINE = 262_144  # waitress refuses a longer request line and headers before the app sees them

# Cases run, per form: reported at the end of the run (conftest.py).
CASES: Counter[str] = Counter()

LEAK = re.compile(rb"Traceback \(most recent call|\b[A-Z]\w*(?:Error|Exception)\b|\bsqlite3\.|\bwerkzeug\.")
MESSAGE = re.compile(
    rb'class="field-message"[^>]*>\s*[^<\s]'  # beside a field
    rb'|role="alert"[^>]*>\s*[^<\s]'  # atop a form
    rb'|class="cso-message error">\s*[^<\s]'  # the sign-on page's messages
)


def fresh_client(app: Flask) -> FormClient:
    """The seeded state again, and a browser with no cookies: Hypothesis runs every case in one test."""
    registry(app).default.store.reset()
    client = app.test_client()
    assert isinstance(client, FormClient)
    return client


def stored(app: Flask) -> dict[str, int]:
    """Row counts of what the mock keeps (count_rows), and how many CM/ECF accounts are linked."""
    from mock_court.core.store import get_db

    counts = count_rows(app)
    with app.app_context():
        linked = get_db().execute("SELECT COUNT(*) FROM ecf_accounts WHERE pacer_account_id IS NOT NULL").fetchone()
    return {**counts, "ecf_accounts linked": linked[0]}


def redirected(response: TestResponse) -> bool:
    return response.status_code in (302, 303)


def shows_a_message(response: TestResponse) -> bool:
    return MESSAGE.search(response.data) is not None


def assert_survives(response: TestResponse, sent: bytes, *, body: bool = True) -> None:
    """No 5xx, a body over the limit refused unread, and nothing of the server's insides shown.
    `sent`: the body, or (body False) the query string, which has no such limit.

    A post from another site is refused (403) before its body is looked at, whatever its size."""
    assert response.status_code < 500, response.status_code
    if body and len(sent) > MAX_BODY_BYTES:
        assert response.status_code in (413, 403), response.status_code
    leaked = {m.group(0) for m in LEAK.finditer(response.data) if m.group(0) not in sent}
    assert not leaked, leaked


def assert_refused_politely(response: TestResponse) -> None:
    """A refusal is a 4xx, or the page again with a message beside a field or atop the form."""
    assert response.status_code in (200, *REFUSED), response.status_code
    if response.status_code == 200:
        assert shows_a_message(response), "refused without a word"


def assert_nothing_half_made(before: dict[str, int], after: dict[str, int], may_change: Collection[str]) -> None:
    changed = {table for table in before if before[table] != after[table]}
    assert changed <= set(may_change), {table: (before[table], after[table]) for table in changed}
