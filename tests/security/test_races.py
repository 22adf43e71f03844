"""Parallel submits make exactly one of each thing: one account, one letter, one link.

Against a live mock (waitress, several threads), browsers made of the standard library post
the same form at the same moment: a barrier lets every request go only once all are ready.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from http.cookiejar import CookieJar
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import pytest

from e2e.authenticator import Authenticator
from mock_court.core.namespaces import registry
from mock_court.core.server import LiveServer
from mock_court.core.viewstate import FIELD
from mock_court.sites.ecf.models import MESSAGES as LINK_MESSAGES
from mock_court.sites.psc.models import ACCOUNT_NUMBER_START, USERNAME_TAKEN_AT_SUBMIT
from tests.unit.registration_helpers import ACCOUNT, DONE, STEP1, STEP2, STEP3, STEP4, USER
from tests.unit.signon_helpers import LOGIN_PAGE, ecf_url, persona

PARALLEL = 20
LINKED_SUBJECT = "CM/ECF account linked to your PACER account"
VIEW_STATE_RE = re.compile(rf'name="{re.escape(FIELD)}" id="[^"]+" value="([^"]+)"')
T = TypeVar("T")


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    text: str


class KeepRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any) -> None:
        return None  # the 3xx itself is the answer


class Browser:
    """One browser: its own cookie jar, and the ViewState of the last form page it got."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()), KeepRedirects())
        self.view_state = ""

    def get(self, path: str) -> Answer:
        answer = self.open(urllib.request.Request(urljoin(self.base_url, path)))
        found = VIEW_STATE_RE.search(answer.text)
        if found:
            self.view_state = found.group(1)
        return answer

    def post(self, path: str, form: dict[str, str]) -> Answer:
        body = urlencode({**form, FIELD: self.view_state}).encode()
        return self.open(urllib.request.Request(urljoin(self.base_url, path), data=body))

    def post_json(self, path: str, body: dict) -> Any:
        request = urllib.request.Request(
            urljoin(self.base_url, path), data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        return json.loads(self.open(request).text)

    def open(self, request: urllib.request.Request) -> Answer:
        try:
            response = self.opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:  # a redirect or an error status: still an answer
            response = error
        with response:
            return Answer(response.status, response.headers.get("Location", ""), response.read().decode())


def all_at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Each call in a thread of its own, all released together by a barrier; their answers, in order."""
    barrier = threading.Barrier(len(calls))

    def when_all_ready(call: Callable[[], T]) -> T:
        barrier.wait()
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(when_all_ready, calls))


@pytest.fixture
def server() -> Iterator[LiveServer]:
    from mock_court import create_app

    live = LiveServer(create_app({"TEST_MODE": True})).start()
    yield live
    live.stop()


def stored(server: LiveServer, sql: str, *params: object) -> list[tuple]:
    """Rows of the live mock's store, read under the store's lock."""
    store = registry(server.app).default.store
    with store.lock:
        return [tuple(row) for row in store.conn.execute(sql, params)]


def outbox(browser: Browser, **filters: str) -> list[dict]:
    return json.loads(browser.get("/_mock/outbox?" + urlencode(filters)).text)


# ---- Registration -------------------------------------------------------------------------------


def registrant(n: int) -> dict[str, str]:
    """Step 1 of a person of their own: no "account may already exist" dialog between registrants."""
    email = f"racer{n}@example.org"
    born = (date(1970, 1, 1) + timedelta(days=n)).isoformat()
    return {**ACCOUNT, "email": email, "confirm_email": email, "date_of_birth": born}


def ready_to_submit(browser: Browser, n: int, username: str) -> None:
    """Registration steps 1 to 3 (no card: the account gets an activation letter), up to Submit."""
    browser.get(STEP1)
    token = browser.post_json("/recaptcha/api2/userverify", {})["token"]
    step1 = {**registrant(n), "action": "next", "g-recaptcha-response": token}
    assert browser.post(STEP1, step1).location.endswith(STEP2)
    assert browser.post(STEP2, {**USER, "username": username, "action": "next"}).location.endswith(STEP3)
    assert browser.post(STEP3, {"action": "next"}).location.endswith(STEP4)
    browser.get(STEP4)


def submit(browser: Browser) -> Answer:
    return browser.post(STEP4, {"acknowledge": "1", "action": "next"})


def test_parallel_submits_of_one_registration_make_one_account_and_one_letter(server):
    browser = Browser(server.url)
    ready_to_submit(browser, 0, USER["username"])

    answers = all_at_once([lambda: submit(browser)] * PARALLEL)

    assert {(a.status, a.location) for a in answers} == {(302, DONE)}
    made = stored(
        server,
        "SELECT account_number, username FROM accounts WHERE CAST(account_number AS INTEGER) >= ?",
        ACCOUNT_NUMBER_START,
    )
    assert [username for _number, username in made] == [USER["username"]]
    ((number, _),) = made
    assert len(outbox(browser, channel="mail", account_number=number)) == 1
    assert stored(server, "SELECT COUNT(*) FROM outbox WHERE account_number = ?", number) == [(1,)]


@pytest.mark.parametrize("round_", range(10))
def test_two_registrations_racing_for_one_username_make_one_account(server, round_):
    username = f"raced.name{round_:02d}"
    racers = [Browser(server.url) for _ in range(2)]
    for n, browser in enumerate(racers):
        ready_to_submit(browser, n, username)

    answers = dict(zip(racers, all_at_once([lambda b=b: submit(b) for b in racers]), strict=True))

    assert stored(server, "SELECT COUNT(*) FROM accounts WHERE lower(username) = lower(?)", username) == [(1,)]
    assert sorted(a.location for a in answers.values()) == sorted([DONE, STEP2])
    (loser,) = [browser for browser, answer in answers.items() if answer.location.endswith(STEP2)]
    assert USERNAME_TAKEN_AT_SUBMIT in loser.get(STEP2).text


# ---- Linking ------------------------------------------------------------------------------------


def sign_on_at_court(browser: Browser, persona_id: str, court: str) -> None:
    """Central sign-on from the court's CM/ECF, passcode and redaction agreement included, as a
    filer does it."""
    to_login = browser.get(ecf_url(court, "showpage.pl?16")).location
    hidden = dict(parse_qsl(urlsplit(to_login).query))
    browser.get(to_login)
    who = persona(persona_id)
    credentials = {
        "loginForm": "loginForm",
        "loginForm:loginName": who["username"],
        "loginForm:password": who["password"],
    }
    answer = browser.post(LOGIN_PAGE, {**credentials, "loginForm:clientCode": "", **hidden})
    if 'id="otpForm"' in answer.text:  # enrolled in MFA: the passcode from the filer's authenticator
        code = Authenticator().code(who["otp_secret"])
        answer = browser.post(LOGIN_PAGE, {"otpForm": "otpForm", "otpForm:otpCode": code})
    assert "regmsg:chkRedact" in answer.text
    agreed = browser.post(LOGIN_PAGE, {"regmsg": "regmsg", "regmsg:bpmConfirm": "", "regmsg:chkRedact": "on"})
    assert agreed.status == 302


def ready_to_link(browser: Browser, persona_id: str, court: str) -> None:
    """Signed on, CM/ECF credentials entered: the verification screen's Submit is next."""
    who = persona(persona_id)
    sign_on_at_court(browser, persona_id, court)
    browser.get(ecf_url(court, "LinkAccount.pl"))
    entered = browser.post(
        ecf_url(court, "LinkAccount.pl"), {"ecf_login": who["ecf_login"], "ecf_password": who["ecf_password"]}
    )
    assert entered.location.endswith(ecf_url(court, "LinkVerify.pl"))
    browser.get(entered.location)


@pytest.mark.parametrize("persona_id", ["filer-txwd", "firm-attorney-a"])  # one address, or two: CM/ECF's and PACER's
def test_parallel_link_submits_link_once_and_notify_once(server, persona_id):
    who = persona(persona_id)
    browser = Browser(server.url)
    ready_to_link(browser, persona_id, "txwd")

    answers = all_at_once([lambda: browser.post(ecf_url("txwd", "LinkVerify.pl"), {"confirm": "1"})] * PARALLEL)

    linked = [a for a in answers if a.location.endswith(ecf_url("txwd", "LinkConfirm.pl"))]
    assert len(linked) == 1
    refusals = (LINK_MESSAGES["expired"], LINK_MESSAGES["already-linked"])
    assert all(any(refusal in a.text for refusal in refusals) for a in answers if a not in linked)
    ((account_id, pacer_email),) = stored(server, "SELECT id, email FROM accounts WHERE username = ?", who["username"])
    links = stored(server, "SELECT login FROM ecf_accounts WHERE court = 'txwd' AND pacer_account_id = ?", account_id)
    assert links == [(who["ecf_login"],)]
    notices = [m["recipient"] for m in outbox(browser, channel="email") if m["subject"] == LINKED_SUBJECT]
    assert Counter(notices) == Counter({who["email"], pacer_email})
