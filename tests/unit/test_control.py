import runpy

import pytest

from e2e.browsers import PROJECT_ROOT
from fixtures.courts import court_ids
from mock_court import create_app
from mock_court.sites import site_roots


def test_control_api_is_absent_outside_test_mode():
    client = create_app({"TESTING": True}).test_client()
    for path in ("/_mock/", "/_mock/sites", "/_mock/personas", "/_mock/outbox"):
        assert client.get(path).status_code == 404
    assert client.post("/_mock/reset").status_code == 404


def test_sites_lists_every_real_host_under_its_root(client):
    sites = client.get("/_mock/sites").get_json()
    assert sites["pacer"] == "http://localhost/pacer"
    assert sites["psc"] == "http://localhost/psc"
    assert sites["login"] == "http://localhost/login"
    for court in court_ids():
        assert sites[f"court:{court}"] == f"http://localhost/court/{court}"
        assert sites[f"ecf:{court}"] == f"http://localhost/ecf/{court}"


def test_harness_settings_name_the_mock_roots():
    configured = runpy.run_path(str(PROJECT_ROOT / "playwright.config.py"))["SITE_ROOTS"]
    for name, root in site_roots().items():
        site, _, court = name.partition(":")
        assert configured[site].format(court=court) == root


def test_personas_have_the_documented_fields(client):
    personas = client.get("/_mock/personas").get_json()
    assert len({p["id"] for p in personas}) == len(personas)
    for persona in personas:
        assert {"id", "kind", "username", "password", "activated"} <= persona.keys()
        if "ecf_court" in persona:
            assert {"ecf_login", "ecf_password", "linked", "shared"} <= persona.keys()
        if persona["upgraded"]:
            assert len(persona["username"]) >= 8, persona["id"]
        else:
            assert len(persona["username"]) == 6, persona["id"]


def test_reset_forgets_what_was_done(app, client):
    from mock_court.core.store import get_db, transaction

    with app.app_context():
        with transaction(get_db()) as db:
            db.execute("INSERT INTO outbox (channel, recipient, subject, body) VALUES ('mail', 'x', 's', 'b')")
    mail = client.get("/_mock/outbox?channel=mail").get_json()
    assert any(m["recipient"] == "x" for m in mail)
    client.post("/_mock/reset")
    assert not any(m["recipient"] == "x" for m in client.get("/_mock/outbox").get_json())


def test_each_app_has_its_own_state():
    first, second = (create_app({"TESTING": True, "TEST_MODE": True}) for _ in range(2))
    from mock_court.core.store import get_db, transaction

    with first.app_context():
        with transaction(get_db()) as db:
            db.execute("DELETE FROM accounts WHERE username = 'jacevedo01'")
    with second.app_context():
        assert get_db().execute("SELECT 1 FROM accounts WHERE username = 'jacevedo01'").fetchone()


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({"mode": "sometimes"}, "mode must be one of pass, challenge, fail, expire"),
        ({}, "mode must be one of"),
    ],
)
def test_captcha_mode_rejects_unknown_modes(client, payload, message):
    response = client.post("/_mock/captcha", json=payload)
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_captcha_mode_defaults_to_pass_in_test_mode(client):
    assert client.get("/_mock/captcha").get_json()["mode"] == "pass"
    client.post("/_mock/captcha", json={"mode": "challenge"})
    assert client.get("/_mock/captcha").get_json()["mode"] == "challenge"
    client.post("/_mock/reset")
    assert client.get("/_mock/captcha").get_json()["mode"] == "pass"


@pytest.mark.parametrize(
    ("faults", "message"),
    [
        ({"captcha": "maybe"}, "captcha must be one of"),
        ({"menus@txwd": "stale-everything"}, "menus@txwd must be one of"),
        ({"gremlins": "yes"}, "unknown fault 'gremlins'"),
    ],
)
def test_faults_reject_bad_values(client, faults, message):
    response = client.post("/_mock/faults", json=faults)
    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_injected_500_breaks_the_named_page(client):
    client.post("/_mock/faults", json={"http500": ["pacer.register_account"]})
    assert client.get("/pacer/register-account").status_code == 500
    assert client.get("/pacer/").status_code == 200
