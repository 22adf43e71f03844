"""Starting part-way through the control API: the state is the one the earlier steps leave, the
sites' own rules still apply, and every bad call is a 4xx naming what is wrong."""

from __future__ import annotations

import pytest

from mock_court import create_app
from tests.unit.registration_helpers import ACCOUNT, CARD, STEP2, STEP3, STEP4, USER

JOURNEYS = "/_mock/journeys"


@pytest.fixture
def personas(client):
    return {p["id"]: p for p in client.get("/_mock/personas").get_json()}


def start(client, kind: str, **given):
    return client.post(f"{JOURNEYS}/{kind}", json=given)


def path_of(answer) -> str:
    return answer.get_json()["url"].removeprefix("http://localhost")


@pytest.mark.parametrize(
    ("at", "forms", "page", "shows"),
    [
        ("user_information", {"account": ACCOUNT}, STEP2, "Security Question 1"),
        ("payment_information", {"account": ACCOUNT, "user": USER}, STEP3, "Card Number"),
        ("policies", {"account": ACCOUNT, "user": USER, "payment": CARD}, STEP4, "Acknowledg"),
    ],
)
def test_a_registration_starts_at_the_step_asked_with_the_earlier_forms_kept(client, at, forms, page, shows):
    answer = start(client, "registration", at=at, **forms)
    assert answer.status_code == 200
    assert path_of(answer) == page
    shown = client.get(page)
    assert shown.status_code == 200
    assert shows in shown.get_data(as_text=True)


def test_a_registration_started_at_the_policies_submits_an_account(client):
    start(client, "registration", at="policies", account=ACCOUNT, user=USER, payment=CARD)
    done = client.post(STEP4, data={"action": "next", "acknowledge": "1"})
    assert done.status_code == 302
    assert "confirmation" in done.headers["Location"]


@pytest.mark.parametrize(
    ("given", "status", "says"),
    [
        ({"at": "account_information", "account": ACCOUNT}, 400, "at must be one of"),
        ({"at": "policies", "account": ACCOUNT, "user": USER}, 400, "'payment' must be an object"),
        ({"at": "user_information", "account": {**ACCOUNT, "zip": 2210}}, 400, "'account' must be an object"),
        ({"at": "user_information", "account": ACCOUNT, "type": "nope"}, 400, "type must be one of"),
        ({"at": "user_information", "account": {**ACCOUNT, "email": "x"}}, 422, "refused"),
        ({"at": "payment_information", "account": ACCOUNT, "user": {**USER, "password": "short"}}, 422, "refused"),
    ],
)
def test_a_bad_registration_start_is_refused_and_starts_nothing(client, given, status, says):
    answer = start(client, "registration", **given)
    assert answer.status_code == status
    assert says in answer.get_json()["error"]
    assert client.get(STEP2).status_code == 302  # no wizard: back to the first step


def test_a_refused_form_names_its_fields(client):
    answer = start(client, "registration", at="user_information", account={**ACCOUNT, "email": "x"})
    assert "email" in answer.get_json()["errors"]


def test_a_registration_that_matches_an_account_needs_the_dialog_in_the_browser(client, personas):
    person = personas["returning-user"]
    same = {k: person[k] for k in ("first_name", "last_name", "date_of_birth", "email")}
    answer = start(
        client, "registration", at="user_information", account={**ACCOUNT, **same, "confirm_email": same["email"]}
    )
    assert answer.status_code == 409
    assert "dialog" in answer.get_json()["error"]


@pytest.mark.parametrize("court", ["txwd", "mad", "moeb"])
def test_a_filer_signed_on_sees_cm_ecf_without_the_sign_on_page(client, personas, court):
    filer = personas[f"filer-{court}"]
    answer = start(client, "signed-on", username=filer["username"], court=court)
    assert answer.status_code == 200
    assert {c.key for c in client._cookies.values()} >= {"NextGenCSO", "PacerSession"}
    page = client.get(path_of(answer))
    assert page.status_code == 200
    assert "Utilities" in page.get_data(as_text=True)


def test_signed_on_to_manage_my_account(client, personas):
    answer = start(client, "signed-on", username=personas["mfa-due-filer"]["username"], site="psc")
    assert client.get(path_of(answer)).status_code == 200


@pytest.mark.parametrize(
    ("persona", "given", "status", "says"),
    [
        (None, {"username": "nobody-here", "court": "txwd"}, 400, "username must name an account"),
        ("filer-txwd", {"court": "nowhere"}, 400, "court must be one of"),
        ("filer-txwd", {}, 400, "court must be one of"),
        ("filer-txwd", {"court": "txwd", "site": "pacer"}, 400, "site must be one of"),
        ("inactive-user", {"court": "txwd"}, 409, ""),
        ("mfa-due-filer", {"court": "txwd"}, 409, "set up MFA"),
    ],
)
def test_a_sign_on_the_real_site_would_not_give_is_refused(client, personas, persona, given, status, says):
    username = {"username": personas[persona]["username"]} if persona else {}
    answer = start(client, "signed-on", **{**username, **given})
    assert answer.status_code == status
    assert says in answer.get_json()["error"]
    assert "NextGenCSO" not in {c.key for c in client._cookies.values()}


def test_linked_links_as_the_link_screen_does_and_only_once(client, personas):
    filer = personas["filer-txwd"]
    given = {"username": filer["username"], "court": "txwd", "ecf_login": filer["ecf_login"]}
    assert start(client, "linked", **given).status_code == 200
    notices = client.get(f"/_mock/outbox?channel=email&recipient={filer['email']}").get_json()
    assert [n["subject"] for n in notices] == ["CM/ECF account linked to your PACER account"]
    again = start(client, "linked", **given)
    assert again.status_code == 409
    assert "already linked" in again.get_json()["error"]


def test_linked_needs_a_cm_ecf_account_at_that_court(client, personas):
    filer = personas["filer-txwd"]
    answer = start(client, "linked", username=filer["username"], court="mad", ecf_login=filer["ecf_login"])
    assert answer.status_code == 400
    assert "ecf_login" in answer.get_json()["error"]


def test_an_unknown_journey_or_a_body_that_is_not_json_is_refused(client):
    assert client.post(f"{JOURNEYS}/teleport", json={}).status_code == 404
    answer = client.post(f"{JOURNEYS}/signed-on", data="username=x")
    assert answer.status_code == 400
    assert answer.get_json()["error"] == "send a JSON object"


def test_journeys_exist_only_in_test_mode():
    client = create_app({"TESTING": True}).test_client()
    assert client.post(f"{JOURNEYS}/registration", json={}).status_code == 404


def test_a_start_in_a_namespace_sets_its_cookies_on_the_namespace_path(client, personas):
    made = client.post("/_mock/namespaces", json={"id": "start-here"}).get_json()
    filer = personas["filer-txwd"]
    answer = client.post(
        f"/_ns/{made['id']}{JOURNEYS}/signed-on", json={"username": filer["username"], "court": "txwd"}
    )
    assert answer.status_code == 200
    assert answer.get_json()["url"].startswith(f"http://localhost/_ns/{made['id']}/ecf/txwd/")
    assert all("Path=/_ns/start-here" in c for c in answer.headers.getlist("Set-Cookie"))
