"""The embedded server stops cleanly, whatever order its loop and the stopping thread run in."""

import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor

from mock_court import create_app
from mock_court.core.server import LiveServer


def test_stopping_holds_when_the_loop_runs_the_stop_before_it_is_woken():
    """pull_trigger queues its thunk and only then writes the wake-up byte. A loop already awake
    (a worker's answer woke it) can run the thunk in between; the write must still find the
    trigger open. Here the thunk is made to run first every time."""
    server = LiveServer(create_app({"TEST_MODE": True})).start()
    assert urllib.request.urlopen(f"{server.url}/pacer/", timeout=10).status == 200
    trigger = server._server.trigger
    wake_up = trigger._physical_pull

    def pull_after_the_thunk_ran(thunk):
        ran = threading.Event()

        def run_then_tell():
            thunk()
            ran.set()

        with trigger.lock:
            trigger.thunks.append(run_then_tell)
        wake_up()  # an earlier wake-up: the loop runs the queued thunk now
        assert ran.wait(10), "the loop did not run the queued thunk"
        wake_up()  # pull_trigger's own write, late

    trigger.pull_trigger = pull_after_the_thunk_ran
    server.stop()

    assert trigger._closed and not server._thread.is_alive()
    assert server._server.socket is None  # the listening socket is closed


def test_one_answer_is_made_at_a_time_by_workers_that_take_turns():
    """Python runs one thread at a time anyway: workers that took requests side by side only
    took the interpreter from one another mid-answer. Eight clients at once still find one answer
    being made at any moment, and every one answered."""
    app = create_app({"TEST_MODE": True})
    inner, lock = app.wsgi_app, threading.Lock()
    making, most = [0], [0]

    def counting(environ, start_response):
        with lock:
            making[0] += 1
            most[0] = max(most[0], making[0])
        try:
            return inner(environ, start_response)
        finally:
            with lock:
                making[0] -= 1

    app.wsgi_app = counting
    with LiveServer(app, threads=8) as server, ThreadPoolExecutor(8) as clients:
        statuses = list(clients.map(lambda _: fetch(f"{server.url}/court/txwd/"), range(200)))
    assert statuses == [200] * 200
    assert most[0] == 1


def fetch(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as answer:
        return answer.status
