"""The fault catalog: each fault as the real network shows it, every spec checked, all reversible."""

from __future__ import annotations

import http.client
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from click.testing import CliRunner

from mock_court import create_app
from mock_court.cli import main
from mock_court.core import faults
from mock_court.core.server import LiveServer
from tests.unit.registration_helpers import ACCOUNT, STEP1, page_text

PAGE = "/pacer/register-account"


@pytest.fixture
def slept(monkeypatch) -> list[float]:
    """Every wait the faults ask for, in seconds, without waiting."""
    waits: list[float] = []
    monkeypatch.setattr(faults.time, "sleep", waits.append)
    return waits


def set_faults(client, given: dict):
    return client.post("/_mock/faults", json=given)


@pytest.mark.parametrize(
    ("given", "path", "waits"),
    [
        ({"latency": "300ms"}, PAGE, [0.3]),
        ({"latency@psc": "300ms"}, PAGE, []),
        ({"latency@pacer": "120ms"}, PAGE, [0.12]),
        ({"latency@pacer.register_account": "50ms", "latency": "300ms"}, PAGE, [0.05]),
        ({"latency": "300ms"}, "/_mock/sites", []),
    ],
)
def test_latency_waits_for_the_most_specific_target(client, slept, given, path, waits):
    assert set_faults(client, given).status_code == 200
    assert client.get(path).status_code == 200
    assert slept == waits


def test_jittered_latency_is_drawn_within_its_range_and_repeats_with_a_seed(slept):
    def draws() -> list[float]:
        app = create_app({"TESTING": True, "TEST_MODE": True, "RANDOM_SEED": 3, "FAULTS": {"latency": "100ms..800ms"}})
        client = app.test_client()
        for _ in range(5):
            client.get(PAGE)
        waits = slept[:]
        slept.clear()
        return waits

    first = draws()
    assert len(first) == 5 and all(0.1 <= wait <= 0.8 for wait in first) and len(set(first)) > 1
    assert draws() == first


@pytest.mark.parametrize(("kind", "status"), [("http500", 500), ("http502", 502), ("http503", 503)])
def test_http_faults_answer_their_status_on_their_target_only(client, kind, status):
    set_faults(client, {kind: "psc.account_information+court"})
    response = client.get(STEP1)
    assert response.status_code == status
    assert (response.headers.get("Retry-After") == "30") is (status == 503)
    assert client.get("/court/txwd/").status_code == status
    assert client.get(PAGE).status_code == 200


def test_targets_match_exactly_never_by_substring(client):
    assert set_faults(client, {"http500": "psc.account"}).status_code == 400
    assert set_faults(client, {"http500": "ps"}).status_code == 400
    assert client.get(STEP1).status_code == 200


def test_a_slow_body_trickles_at_its_rate(client, slept):
    set_faults(client, {"slow@pacer.register_account": "2000bps"})
    body = client.get(PAGE).get_data()
    assert len(slept) == -(-len(body) // 200) and all(wait == pytest.approx(0.1) for wait in slept)


def test_an_expired_session_fault_expires_the_next_request_there_once(client):
    client.get(STEP1)
    set_faults(client, {"expire": "psc.account_information"})
    expired = client.post(STEP1, data={**ACCOUNT, "action": "next"})
    assert expired.status_code == 400 and "Your session has expired" in page_text(expired)
    assert client.post(STEP1, data={**ACCOUNT, "action": "next"}).status_code == 200


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"gremlins": "yes"}, "unknown fault 'gremlins'"),
        ({"latency": "300"}, "latency takes a value such as 300ms or 100ms..800ms"),
        ({"latency": "800ms..100ms"}, "runs backwards"),
        ({"latency@nowhere": "300ms"}, "no endpoint or site 'nowhere'"),
        ({"slow": "fast"}, "slow takes a value such as 2000bps"),
        ({"slow@psc": "0bps"}, "slow@psc takes a value such as 2000bps"),
        ({"http503": 42}, "takes endpoints or sites joined by '+'"),
        ({"drop": "control.reset"}, "the control API takes no faults"),
        ({"menus@xyz": "stale-cache"}, "no court 'xyz'"),
    ],
)
def test_a_bad_spec_is_a_400_naming_the_problem_and_the_accepted_forms(client, given, message):
    response = set_faults(client, given)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert message in error and "Accepted: latency[@TARGET]" in error
    assert set_faults(client, {}).get_json() == {}
    assert client.get(PAGE).status_code == 200


def test_get_lists_what_is_active_and_reset_clears_what_the_api_set(client):
    set_faults(client, {"http503": "psc", "latency": "10ms"})
    assert client.get("/_mock/faults").get_json() == {"http503": ["psc"], "latency": "10ms"}
    set_faults(client, {"latency": None})
    assert client.get("/_mock/faults").get_json() == {"http503": ["psc"]}
    client.post("/_mock/reset")
    assert client.get("/_mock/faults").get_json() == {}


def test_faults_given_at_start_up_stay_after_a_reset(monkeypatch):
    monkeypatch.setenv("MOCK_COURT_FAULTS", "http503=psc")
    client = create_app({"TESTING": True, "TEST_MODE": True}).test_client()
    client.post("/_mock/reset")
    assert client.get("/_mock/faults").get_json() == {"http503": ["psc"]}
    assert client.get(STEP1).status_code == 503


@pytest.mark.parametrize(
    ("spec", "message"),
    [("weather=rain", "unknown fault 'weather'"), ("http500=psc.nope", "no endpoint or site 'psc.nope'")],
)
def test_serve_refuses_a_bad_spec_with_exit_status_2(spec, message):
    result = CliRunner().invoke(main, ["serve", "--faults", spec])
    assert result.exit_code == 2 and message in result.output


@pytest.fixture
def live():
    with LiveServer(create_app({"TEST_MODE": True})) as server:
        yield server.url


def fetch(url: str):
    return urllib.request.urlopen(url, timeout=10)


@pytest.mark.parametrize(("kind", "error"), [("drop", ConnectionResetError), ("empty", http.client.RemoteDisconnected)])
def test_connection_faults_close_the_connection_without_an_answer(live, kind, error):
    request = urllib.request.Request(
        f"{live}/_mock/faults", data=f'{{"{kind}": "pacer"}}'.encode(), headers={"Content-Type": "application/json"}
    )
    fetch(request)
    with pytest.raises(error):
        fetch(f"{live}{PAGE}")
    assert fetch(f"{live}/court/txwd/").status == 200
    assert fetch(f"{live}/_mock/faults").status == 200


@pytest.mark.parametrize("fault", ["latency@pacer.home=300ms", "slow@pacer.home=50000bps"])
def test_a_late_answer_delays_only_itself(monkeypatch, fault):
    """The wait happens outside the store, and the worker waiting hands the server on to another:
    another request is answered while one waits (a late start or a slow body alike)."""
    waiting, other_answered = threading.Event(), threading.Event()

    def wait(_seconds: float) -> None:
        waiting.set()
        assert other_answered.wait(10), "no other request could be answered while one waited"

    monkeypatch.setattr(faults.time, "sleep", wait)
    name, _, value = fault.partition("=")
    with LiveServer(create_app({"TEST_MODE": True, "FAULTS": {name: value}})) as server:
        with ThreadPoolExecutor(1) as pool:
            slow = pool.submit(fetch, f"{server.url}/pacer/")
            assert waiting.wait(10), "the late answer never began to wait"
            assert fetch(f"{server.url}/court/txwd/").status == 200
            other_answered.set()
            assert slow.result(timeout=20).status == 200
