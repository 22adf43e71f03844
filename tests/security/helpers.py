"""Steps the security tests take as a person would, through the test client."""

from __future__ import annotations

from mock_court.core.sessions import COOKIE
from tests.unit.registration_helpers import FORGOT_PASSWORD, FORGOT_QUESTIONS, FORGOT_RESET
from tests.unit.signon_helpers import persona

NEW_PASSWORD = "Quarterly#Docket2026"
OTHER_PASSWORD = "Replayed#Docket2027"


def at_reset_stage(client, persona_id: str = "returning-user") -> dict:
    """Forgot Password up to its last page: the persona."""
    who = persona(persona_id)
    client.post(FORGOT_PASSWORD, data={"username": who["username"], "email": who["email"]})
    first, second = who["security_answers"]
    response = client.post(FORGOT_QUESTIONS, data={"answer1": first, "answer2": second})
    assert response.location.endswith(FORGOT_RESET)
    return who


def save_password(client, password: str):
    return client.post(FORGOT_RESET, data={"password": password, "confirm_password": password})


def session_id(client) -> str | None:
    cookie = client.get_cookie(COOKIE)
    return cookie.value if cookie else None
