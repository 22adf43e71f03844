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


def make_server(app: Flask, host: str, port: int, threads: int) -> FaultableServer:
    # A connection fault closes the connection on purpose: no socket error is worth a log line.
    adj = Adjustments(host=host, port=port, threads=threads, ident=IDENT, log_socket_errors=False)
    dispatcher = ThreadedTaskDispatcher()
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
