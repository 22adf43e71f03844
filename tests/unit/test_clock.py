"""One clock and one random source for the whole mock: time moves when a test says, a seed repeats a run."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from mock_court import create_app
from tests.form_client import form_client
from tests.unit.registration_helpers import activation_code, letters_for, register
from tests.unit.signon_helpers import api_login

MOMENT = datetime(2026, 3, 2, 9, 30, tzinfo=timezone.utc)


def seeded_app(seed: int | None):
    return create_app({"TESTING": True, "TEST_MODE": True, "RANDOM_SEED": seed, "FROZEN_AT": MOMENT})


def a_run(seed: int | None) -> tuple[str, str, str]:
    """A sign-on token, and the number and activation code of a new account, from a fresh mock."""
    app = seeded_app(seed)
    client = form_client(app)
    token = api_login(client, "returning-user")["nextGenCSO"]
    register(client, app)
    letter = client.get("/_mock/outbox?channel=mail").get_json()[-1]
    return token, letter["account_number"], activation_code(letter)


def test_a_seed_reproduces_tokens_and_codes():
    assert a_run(7) == a_run(7)


def test_without_a_seed_tokens_differ_between_runs():
    assert a_run(None)[0] != a_run(None)[0]


def test_a_frozen_clock_dates_what_the_mock_writes(app, client, clock):
    clock.freeze(MOMENT)
    register(client, app)
    letter = client.get("/_mock/outbox?channel=mail").get_json()[-1]
    assert letter["created_at"] == "2026-03-02 09:30:00"
    assert letters_for(client, letter["account_number"]) == [letter]


def test_advancing_the_clock_expires_a_sign_on_session(client, clock):
    clock.freeze(MOMENT)
    token = api_login(client, "returning-user")["nextGenCSO"]
    client.set_cookie("NextGenCSO", token)
    assert client.get("/ecf/txwd/cgi-bin/showpage.pl?16").status_code == 200
    clock.advance(timedelta(hours=8))
    assert client.get("/ecf/txwd/cgi-bin/showpage.pl?16").status_code == 302


def test_the_seeded_state_does_not_depend_on_today(client):
    from mock_court.core.seed import SEEDED_AT

    letters = client.get("/_mock/outbox").get_json()
    assert letters and {letter["created_at"] for letter in letters} == {SEEDED_AT.strftime("%Y-%m-%d %H:%M:%S")}
