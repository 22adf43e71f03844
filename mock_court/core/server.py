"""The mock's WSGI server: waitress, for `mock-court serve` and for the embedded mock of the tests
and the walkthrough command alike, so that both answer as a deployment does."""

from __future__ import annotations

import threading

from flask import Flask
from waitress import wasyncore
from waitress.adjustments import Adjustments
from waitress.channel import HTTPChannel
from waitress.server import TcpWSGIServer
from waitress.task import ThreadedTaskDispatcher, WSGITask

IDENT = "mock-court"  # the Server header: no product versions given away
THREADS = 8
# For a process that only serves: the loop reads the next request while a worker makes an answer,
# so it need not wait the interpreter's default 5 ms turn. About one answer's work; measured
# 990 -> 1,030 req/s on the registration form (four runs each).
SWITCH_INTERVAL_S = 0.001


class FaultableTask(WSGITask):
    """Puts the connection's socket in the environ, so that core.faults can reset it."""

    def get_environment(self) -> dict:
        environ = super().get_environment()
        environ["mock_court.socket"] = self.channel.socket
        return environ


class FaultableChannel(HTTPChannel):
    task_class = FaultableTask


class FaultableServer(TcpWSGIServer):
    channel_class = FaultableChannel


_worker = threading.local()  # the dispatcher of a worker thread, if this thread is one


class BatonDispatcher(ThreadedTaskDispatcher):
    """Workers take tasks one at a time, back to back: whoever holds the baton takes the next task
    as soon as its own is answered, so a busy server wakes no thread per request, and its threads
    do not take the GIL from one another mid-request. A worker about to wait (a fault's delay)
    hands the baton on, so that a late answer delays only itself."""

    def __init__(self) -> None:
        super().__init__()
        self.baton_free = True

    def handler_thread(self, thread_no: int) -> None:
        _worker.dispatcher = self
        _worker.holding = False
        while True:
            with self.lock:
                while (not self.queue or not self.baton_free) and self.stop_count == 0:
                    self.active_count -= 1
                    self.queue_cv.wait()
                    self.active_count += 1
                if self.stop_count > 0:
                    self.active_count -= 1
                    self.stop_count -= 1
                    self.threads.discard(thread_no)
                    self.thread_exit_cv.notify()
                    break
                task = self.queue.popleft()
                self.baton_free, _worker.holding = False, True
            try:
                task.service()
            except BaseException:
                self.logger.exception("Exception when servicing %r", task)
            self.hand_on(wake=False)  # no one to wake: this thread takes the next task itself, if any

    def add_task(self, task) -> None:
        """Queue a task, waking a worker only when none holds the baton: the holder takes it next.
        (No queue-depth warning: under load a queue is how the work flows.)"""
        with self.lock:
            self.queue.append(task)
            if self.baton_free:
                self.queue_cv.notify()

    def hand_on(self, wake: bool = True) -> None:
        """Give up the baton, if this thread holds it, waking a worker for the next task (if `wake`)."""
        with self.lock:
            if _worker.holding:
                self.baton_free, _worker.holding = True, False
                if wake and self.queue:
                    self.queue_cv.notify()


def before_waiting() -> None:
    """Called before a request waits on purpose: the server goes on answering others meanwhile."""
    dispatcher = getattr(_worker, "dispatcher", None)
    if dispatcher is not None:
        dispatcher.hand_on()


def make_server(app: Flask, host: str, port: int, threads: int) -> FaultableServer:
    # A connection fault closes the connection on purpose: no socket error is worth a log line.
    adj = Adjustments(host=host, port=port, threads=threads, ident=IDENT, log_socket_errors=False)
    dispatcher = BatonDispatcher()
    dispatcher.set_thread_count(threads)
    return FaultableServer(app, {}, dispatcher=dispatcher, adj=adj, sockinfo=adj.listen[0])


class LiveServer:
    """A server on a free port (port 0) in a daemon thread: `with LiveServer(app) as server: server.url`."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0, threads: int = THREADS) -> None:
        self.app = app
        self._server = make_server(app, host, port, threads)
        self.url = f"http://{host}:{self._server.effective_port}"
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def serve_forever(self) -> None:
        self._server.run()

    def start(self) -> LiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        """Let the worker threads finish what they serve, then close every socket from the server's
        own loop (closing them from here races its select), which then ends with nothing left to
        serve. In that order, no worker can touch a descriptor after it is closed (and perhaps
        reused by the next server of this process).

        The trigger that wakes the loop is closed last, from here, once the loop has ended: the
        loop may run the thunk as soon as it is queued, before pull_trigger writes its wake-up
        byte, and a thunk that closed the trigger would leave that write a closed descriptor."""
        server = self._server
        server.task_dispatcher.shutdown(timeout=10)

        def close_all_but_trigger() -> None:
            server.trigger.del_channel()
            for dispatcher in list(server._map.values()):
                if dispatcher is server:
                    wasyncore.dispatcher.close(server)  # the server's own close() closes the trigger too
                else:
                    dispatcher.close()

        server.trigger.pull_trigger(close_all_but_trigger)
        self._thread.join(timeout=10)
        if self._thread.is_alive():
            raise RuntimeError(f"the mock at {self.url} did not stop within 10 s")
        server.trigger.close()

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
