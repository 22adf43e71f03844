"""Every form, fuzzed: a valid post with a few fields left out, sent twice, oversized, not UTF-8,
of any script or a script payload; and every time no 5xx, no traceback, a refusal shown or a
4xx, and nothing half-made."""

from __future__ import annotations

import pytest
from hypothesis import assume, event, given
from hypothesis import strategies as st

from mock_court.core.viewstate import FIELD
from tests.fuzz.forms import EVERY_FIELD, FORMS, QUERIES, Form, Query
from tests.fuzz.harness import (
    CASES,
    FORM,
    MAX_REQUEST_LINE,
    assert_nothing_half_made,
    assert_refused_politely,
    assert_survives,
    fresh_client,
    stored,
)
from tests.fuzz.strategies import Kind, browser_headers, changed, form_body, form_changes


@pytest.mark.parametrize("form", FORMS, ids=str)
@given(data=st.data())
def test_hostile_posts_never_break_a_form(app, form: Form, data):
    CASES[form.name] += 1
    client = fresh_client(app)
    base = {**form.set_up(app, client), FIELD: client.view_state()}
    changes = data.draw(form_changes(form.fields, rarely={FIELD: Kind.TOKEN}, strangers=EVERY_FIELD), label="changes")
    body = form_body(changed(base, changes))
    headers = data.draw(browser_headers, label="headers")
    before = stored(app)

    response = client.post(form.path, data=body, content_type=FORM, headers=headers)

    event(f"answered {response.status_code}")
    assert_survives(response, body)
    accepted = form.accepted(response)
    if not accepted:
        assert_refused_politely(response)
    assert_nothing_half_made(before, stored(app), form.may_store if accepted else ())


@pytest.mark.parametrize("query", QUERIES, ids=str)
@given(data=st.data())
def test_hostile_queries_never_break_a_page(app, query: Query, data):
    CASES[query.name] += 1
    client = fresh_client(app)
    base = query.set_up(app, client)
    query_string = form_body(changed(base, data.draw(form_changes(query.fields), label="changes")), raw=False)
    assume(len(query_string) < MAX_REQUEST_LINE)
    before = stored(app)

    response = client.get(query.path, environ_overrides={"QUERY_STRING": query_string.decode("latin-1")})

    assert_survives(response, query_string, body=False)
    assert response.status_code in query.statuses, response.status_code
    assert_nothing_half_made(before, stored(app), ())
