"""The reCAPTCHA v2 stub (blueprint recaptcha): the widget's frames, the modes, token verification."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import pytest

from mock_court.sites.recaptcha import models as recaptcha
from tests.unit.registration_helpers import captcha_token

VERIFY = "/recaptcha/api2/userverify"


def set_mode(client, mode):
    assert client.post("/_mock/captcha", json={"mode": mode}).status_code == 200


def verify(app, token, session_key: str | None = None) -> str | None:
    """None for a good token, else siteverify's error code; with a session key, as the PSC verifies."""
    with app.test_request_context():
        try:
            recaptcha.verify(token, session_key, browser=session_key is not None)
        except recaptcha.VerificationFailed as failed:
            return failed.code
    return None


def test_api_js_builds_the_widget(client):
    response = client.get("/recaptcha/api.js")
    assert response.status_code == 200 and response.mimetype == "text/javascript"
    script = response.get_data(as_text=True)
    for needle in (
        '"reCAPTCHA"',
        "g-recaptcha-response",
        "reCAPTCHA challenge expires in two minutes",
        "api2/anchor",
        "api2/bframe",
        "postMessage",
    ):
        assert needle in script


def test_the_anchor_frame_holds_the_checkbox(client):
    text = client.get("/recaptcha/api2/anchor?k=key&id=0").get_data(as_text=True)
    assert '<input type="checkbox" id="recaptcha-anchor" disabled>' in text  # until its script runs
    assert """<label for="recaptcha-anchor" id="recaptcha-anchor-label">I'm not a robot</label>""" in text
    assert 'role="alert"' in text


def test_the_challenge_frame_shows_nine_named_pictures(client):
    text = client.get("/recaptcha/api2/bframe?k=key&id=0").get_data(as_text=True)
    names = re.findall(r'<input type="checkbox" name="tile" value="([^"]+)">', text)
    assert names == [name for name, _kind in recaptcha.CHALLENGE_TILES] and len(names) == 9
    assert recaptcha.CHALLENGE_PROMPT in text and ">Verify</button>" in text
    assert not [a for a in names for b in names if a != b and a in b]  # each name picks one picture


def test_pass_mode_gives_a_token_that_verifies(app, client):
    answer = client.post(VERIFY, json={}).get_json()
    assert set(answer) == {"token"}
    assert verify(app, answer["token"]) is None


def test_challenge_mode_asks_for_the_pictures_first(app, client):
    set_mode(client, "challenge")
    assert client.post(VERIFY, json={}).get_json() == {"challenge": True}
    wrong = client.post(VERIFY, json={"selected": ["Oak tree"]}).get_json()
    assert wrong == {"challenge": True, "error": "Please try again."}
    partial = client.post(VERIFY, json={"selected": recaptcha.CHALLENGE_ANSWER[:2]}).get_json()
    assert "token" not in partial
    answer = client.get("/_mock/captcha").get_json()["challenge_answer"]
    assert answer == ["Courthouse with columns", "Courthouse steps", "Courthouse at dusk"]
    token = client.post(VERIFY, json={"selected": list(reversed(answer))}).get_json()["token"]
    assert verify(app, token) is None


def test_fail_mode_gives_no_token_and_refuses_any(app, client):
    good = captcha_token(app, client)
    set_mode(client, "fail")
    assert client.post(VERIFY, json={}).get_json() == {"error": "Verification failed. Please try again."}
    assert verify(app, good) == recaptcha.INVALID
    assert verify(app, None) == recaptcha.INVALID


def test_expire_mode_gives_a_token_already_expired(app, client):
    set_mode(client, "expire")
    answer = client.post(VERIFY, json={}).get_json()
    assert answer["expires_in_ms"] == recaptcha.EXPIRY_SHOWN_AFTER_MS
    assert verify(app, answer["token"]) == recaptcha.EXPIRED


@pytest.mark.parametrize(
    ("token", "error"),
    [
        (None, recaptcha.MISSING),
        ("", recaptcha.MISSING),
        ("not-a-token", recaptcha.INVALID),
    ],
)
def test_verify_refuses_missing_and_forged_tokens(app, token, error):
    assert verify(app, token) == error


def test_tokens_last_two_minutes(app, client, clock):
    clock.freeze(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
    early, late = captcha_token(app, client), captcha_token(app, client)
    clock.advance(timedelta(seconds=recaptcha.TOKEN_LIFETIME_S - 1))
    assert verify(app, early) is None
    clock.advance(timedelta(seconds=2))
    assert verify(app, late) == recaptcha.EXPIRED


def test_a_token_verifies_once(app, client):
    token = captcha_token(app, client)
    assert verify(app, token) is None
    assert verify(app, token) == recaptcha.EXPIRED  # the real API's timeout-or-duplicate


def test_a_token_verifies_only_for_the_session_given_it(app, client):
    token = captcha_token(app, client)
    assert verify(app, token, session_key="another-session") == recaptcha.INVALID
    assert verify(app, token, session_key=client.view_state()) is None


def test_a_tampered_token_is_invalid(app, client):
    token = captcha_token(app, client)
    assert verify(app, token[:-2] + ("AA" if not token.endswith("AA") else "BB")) == recaptcha.INVALID


def test_siteverify_answers_as_the_real_api(app, client):
    good = client.post(
        "/recaptcha/api/siteverify", data={"secret": "s", "response": captcha_token(app, client)}
    ).get_json()
    assert good["success"] is True and "error-codes" not in good
    bad = client.post("/recaptcha/api/siteverify", data={"secret": "s", "response": "x"}).get_json()
    assert bad == {"success": False, "hostname": "localhost", "error-codes": [recaptcha.INVALID]}


def test_the_default_mode_outside_test_mode_is_challenge():
    from mock_court import create_app

    app = create_app({"TESTING": True})
    assert app.test_client().post(VERIFY, json={}).get_json() == {"challenge": True}
