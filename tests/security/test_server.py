"""A server that gives nothing away: headers, the control API, personas, timing, start-up errors.

The tests marked `readonly` only read, over HTTP, from the deployment under test: they run against
any deployment, a real one included (`pytest tests/security -m readonly --base-url URL`).
"""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from click.testing import CliRunner

from mock_court import create_app
from mock_court.cli import main
from mock_court.core.sessions import COOKIE
from tests.unit.signon_helpers import JSON, persona

PAGES = [
    "/pacer/register-account",
    "/psc/pscof/registration.jsf",
    "/psc/pscof/login.xhtml",
    "/login/csologin/login.jsf",
    "/court/txwd/",
    "/ecf/txwd/cgi-bin/login.pl",
    "/recaptcha/api.js",
    "/no/such/page",
]


def fetch(url: str, cookie: str | None = None):
    """The response to a GET that follows no redirect (an HTTPError for 3xx, 4xx and 5xx)."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    try:
        return urllib.request.build_opener(NoRedirect).open(request, timeout=10)
    except urllib.error.HTTPError as answer:
        return answer


@pytest.mark.readonly
@pytest.mark.parametrize("path", PAGES)
def test_every_answer_names_no_versions_and_allows_no_framing_or_sniffing(base_url, path):
    headers = fetch(base_url + path).headers
    server = headers.get("Server", "")
    assert not any(ch.isdigit() for ch in server) and "werkzeug" not in server.lower()
    assert "python" not in server.lower()
    assert headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"]


@pytest.mark.readonly
def test_the_captcha_frames_are_framed_by_the_sites_own_pages_only(base_url):
    headers = fetch(base_url + "/recaptcha/api2/anchor").headers
    assert headers["X-Frame-Options"] == "SAMEORIGIN" and "frame-ancestors 'self'" in headers["Content-Security-Policy"]


@pytest.mark.readonly
def test_the_session_cookie_is_http_only_and_same_site_lax(base_url):
    cookies = fetch(base_url + "/login/csologin/login.jsf").headers.get_all("Set-Cookie")
    session = next(c for c in cookies if c.startswith(f"{COOKIE}="))
    assert "HttpOnly" in session and "SameSite=Lax" in session


@pytest.mark.readonly
def test_a_replayed_or_made_up_session_finds_the_signed_out_pages(base_url):
    for cookie in (f"{COOKIE}={'0' * 48}", "NextGenCSO=" + "f" * 64, "PacerSession=made-up"):
        answer = fetch(base_url + "/psc/pscof/manage.jsf", cookie)
        assert answer.status == 302 and answer.headers["Location"].endswith("/psc/pscof/login.xhtml")
        answer = fetch(base_url + "/ecf/txwd/cgi-bin/showpage.pl?16", cookie)
        assert answer.status == 302 and "/login/csologin/login.jsf" in answer.headers["Location"]


@pytest.mark.parametrize("path", ["/_mock", "/_mock/", "/_mock/reset", "/_mock/personas", "/_mock/faults", "/_mock/x"])
@pytest.mark.parametrize("method", ["GET", "POST", "PUT", "DELETE"])
def test_without_test_mode_every_control_path_and_method_is_a_plain_404(path, method):
    client = create_app({"TESTING": True}).test_client()
    assert client.open(path, method=method, json={}).status_code == 404


@pytest.mark.parametrize(("config", "seeded"), [({}, False), ({"SEED": True}, True), ({"TEST_MODE": True}, True)])
def test_personas_exist_only_in_test_mode_or_when_seeding_is_asked_for(config, seeded):
    who = persona("returning-user")
    client = create_app({"TESTING": True, **config}).test_client()
    body = {"loginId": who["username"], "password": who["password"]}
    answer = client.post("/login/services/cso-auth", json=body, headers=JSON).get_json()
    assert (answer["loginResult"] == "0") is seeded


@pytest.mark.parametrize("username", ["returning-user", "nobody-by-this-name"])
def test_sign_on_does_the_same_hashing_work_for_unknown_usernames(client, monkeypatch, username):
    import mock_court.core.hashing as hashing

    calls = []
    real = hashing.check_password_hash
    monkeypatch.setattr(hashing, "check_password_hash", lambda *args: calls.append(1) or real(*args))
    name = persona(username)["username"] if username == "returning-user" else username
    for path, body in (
        ("/login/services/cso-auth", {"loginId": name, "password": "Wrong#Password123"}),
        ("/psc/pscof/login.xhtml", None),
    ):
        if body:
            client.post(path, json=body, headers=JSON)
        else:
            client.post(path, data={"username": name, "password": "Wrong#Password123"})
    assert len(calls) == 2


def test_serve_on_a_file_that_is_not_a_database_exits_2_with_one_line(tmp_path):
    bad = tmp_path / "court.db"
    bad.write_text("these are minutes of a meeting, not a database\n" * 200)
    result = CliRunner().invoke(main, ["serve", "--db", str(bad)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [f"Error: --db {bad}: file is not a database"]
