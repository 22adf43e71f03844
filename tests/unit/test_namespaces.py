"""Namespaces: separate mocks in one server, each reached under /_ns/<id>/, the default without."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from mock_court import create_app
from mock_court.core.namespaces import registry
from mock_court.core.store import transaction

JSON = {"Accept": "application/json"}
PAGES = (
    "/pacer/register-account",
    "/psc/pscof/registration.jsf",
    "/psc/pscof/login.xhtml",
    "/login/csologin/login.jsf",
    "/court/txwd/",
    "/ecf/txwd/cgi-bin/iquery.pl",
)


def made(client, **body) -> dict:
    answer = client.post("/_mock/namespaces", json=body)
    assert answer.status_code == 201, answer.get_json()
    return answer.get_json()


def under(ns: dict, path: str) -> str:
    return f"/_ns/{ns['id']}{path}"


@pytest.fixture
def signed_on_persona(client) -> dict:
    """A persona the JSON sign-on lets straight in."""
    personas = client.get("/_mock/personas").get_json()
    return next(p for p in personas if p["id"] == "returning-user")


def sign_on(client, prefix: str, persona: dict) -> dict:
    body = {"loginId": persona["username"], "password": persona["password"], "redactFlag": "1"}
    return client.post(prefix + "/login/services/cso-auth", json=body, headers=JSON).get_json()


def test_a_new_namespace_answers_its_id_and_its_site_roots(client):
    ns = made(client)
    assert re.fullmatch(r"[0-9a-f]{12}", ns["id"])
    assert ns["url"] == f"http://localhost/_ns/{ns['id']}"
    assert ns["control"] == ns["url"] + "/_mock/"
    assert ns["sites"]["psc"] == ns["url"] + "/psc"
    assert ns["sites"] == client.get(under(ns, "/_mock/sites")).get_json()


def test_a_namespace_can_be_named(client):
    assert made(client, id="worker-gw0")["id"] == "worker-gw0"


def test_a_sign_on_in_one_namespace_is_unknown_in_the_others(client, signed_on_persona):
    first, second = made(client), made(client)
    answer = sign_on(client, under(first, ""), signed_on_persona)
    assert answer["loginResult"] == "0"
    token = {"nextGenCSO": answer["nextGenCSO"]}
    for elsewhere in (under(second, ""), ""):
        logout = client.post(elsewhere + "/login/services/cso-logout", json=token, headers=JSON).get_json()
        assert logout["loginResult"] == "1"
    logout = client.post(under(first, "/login/services/cso-logout"), json=token, headers=JSON).get_json()
    assert logout["loginResult"] == "0"


def test_outbox_faults_and_captcha_belong_to_one_namespace(app, client):
    first, second = made(client), made(client)
    with app.app_context():
        with transaction(registry(app).get(first["id"]).store.conn) as db:
            db.execute("INSERT INTO outbox (channel, recipient, subject, body) VALUES ('email', 'only@a', 's', 'b')")
    assert client.post(under(first, "/_mock/faults"), json={"http503": "psc"}).status_code == 200
    assert client.post(under(first, "/_mock/captcha"), json={"mode": "challenge"}).status_code == 200

    assert client.get(under(first, "/_mock/outbox?recipient=only@a")).get_json() != []
    assert client.get(under(first, "/psc/pscof/registration.jsf")).status_code == 503
    assert client.get(under(first, "/_mock/captcha")).get_json()["mode"] == "challenge"
    for other in (under(second, ""), ""):
        assert client.get(other + "/_mock/outbox?recipient=only@a").get_json() == []
        assert client.get(other + "/psc/pscof/registration.jsf").status_code == 200
        assert client.get(other + "/_mock/faults").get_json() == {}
        assert client.get(other + "/_mock/captcha").get_json()["mode"] == "pass"


def test_reset_acts_on_its_own_namespace_only(client):
    first, second = made(client), made(client)
    for ns in (first, second):
        client.post(under(ns, "/_mock/faults"), json={"http500": "pacer"})
    client.post(under(first, "/_mock/reset"))
    assert client.get(under(first, "/_mock/faults")).get_json() == {}
    assert client.get(under(second, "/_mock/faults")).get_json() == {"http500": ["pacer"]}


def test_faults_given_at_start_up_hold_in_every_namespace():
    client = create_app({"TESTING": True, "TEST_MODE": True, "FAULTS": {"http502": "pacer"}}).test_client()
    ns = made(client)
    assert client.get(under(ns, "/pacer/")).status_code == 502
    client.post(under(ns, "/_mock/reset"))
    assert client.get(under(ns, "/pacer/")).status_code == 502


def test_each_namespace_has_its_own_clock(app, client):
    first, second = made(client), made(client)
    spaces = registry(app)
    spaces.get(first["id"]).clock.advance(timedelta(days=3))
    assert spaces.get(first["id"]).clock.now() - spaces.get(second["id"]).clock.now() > timedelta(days=2)
    assert spaces.default.clock.now() < spaces.get(first["id"]).clock.now()


@pytest.mark.parametrize("path", PAGES)
def test_every_link_and_form_of_a_page_stays_in_its_namespace(client, path):
    ns = made(client)
    page = client.get(under(ns, path), follow_redirects=True)
    assert page.status_code == 200
    addresses = re.findall(r'(?:href|action|src)="(/[^"]*)"', page.get_data(as_text=True))
    assert addresses, f"{path} links nowhere"
    assert [a for a in addresses if not a.startswith(f"/_ns/{ns['id']}/")] == []


def test_redirects_stay_in_the_namespace(client):
    ns = made(client)
    assert client.get(under(ns, "/")).headers["Location"] == under(ns, "/pacer/register-account")
    signed_out = client.get(under(ns, "/psc/pscof/manage.jsf"))
    assert signed_out.headers["Location"] == under(ns, "/psc/pscof/login.xhtml")


def test_a_namespace_s_cookies_are_its_own(client):
    ns = made(client)
    cookie = client.get(under(ns, "/login/csologin/login.jsf")).headers["Set-Cookie"]
    assert f"Path=/_ns/{ns['id']}/" in cookie


def test_an_unknown_namespace_is_a_404_naming_it(client):
    answer = client.get("/_ns/nowhere/psc/pscof/registration.jsf")
    assert answer.status_code == 404
    assert answer.get_json() == {"error": "no namespace 'nowhere'"}


def test_a_deleted_namespace_answers_410(client):
    ns = made(client)
    assert client.delete(f"/_mock/namespaces/{ns['id']}").status_code == 204
    for answer in (client.get(under(ns, "/pacer/")), client.delete(f"/_mock/namespaces/{ns['id']}")):
        assert answer.status_code == 410
        assert answer.get_json() == {"error": f"namespace '{ns['id']}' was deleted"}
    assert ns["id"] not in [listed["id"] for listed in client.get("/_mock/namespaces").get_json()]


def test_an_idle_namespace_expires():
    app = create_app({"TESTING": True, "TEST_MODE": True, "NAMESPACE_IDLE_S": 60})
    client = app.test_client()
    moments = iter([0.0, 0.0, 30.0, 30.0, 95.0, 95.0])
    registry(app).timer = lambda: next(moments)
    ns = made(client)
    assert client.get(under(ns, "/pacer/")).status_code == 200  # used at 30 s: idle from then
    gone = client.get(under(ns, "/pacer/"))
    assert gone.status_code == 410
    assert gone.get_json()["error"] == f"namespace '{ns['id']}' expired after 60 s idle"


def test_past_the_limit_a_new_namespace_is_refused_with_429():
    client = create_app({"TESTING": True, "TEST_MODE": True, "MAX_NAMESPACES": 2}).test_client()
    first, _ = made(client), made(client)
    refused = client.post("/_mock/namespaces", json={})
    assert refused.status_code == 429
    assert "2 namespaces exist" in refused.get_json()["error"]
    client.delete(f"/_mock/namespaces/{first['id']}")
    made(client)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"id": "Upper"}, 400),
        ({"id": "default"}, 400),
        ({"id": "a" * 41}, 400),
        ({"id": 7}, 400),
        ({"name": "x"}, 400),
        (["x"], 400),
    ],
)
def test_a_bad_namespace_request_is_a_400(client, body, status):
    answer = client.post("/_mock/namespaces", json=body)
    assert answer.status_code == status
    assert answer.get_json()["error"]


def test_a_name_in_use_is_a_409(client):
    made(client, id="taken")
    answer = client.post("/_mock/namespaces", json={"id": "taken"})
    assert answer.status_code == 409


def test_the_default_namespace_cannot_be_deleted(client):
    answer = client.delete("/_mock/namespaces/default")
    assert answer.status_code == 400
    assert "reset it instead" in answer.get_json()["error"]


def test_without_test_mode_there_are_no_namespaces():
    client = create_app({"TESTING": True}).test_client()
    assert client.post("/_mock/namespaces", json={}).status_code == 404
    assert client.get("/_ns/anything/pacer/").status_code == 404
