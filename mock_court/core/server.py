"""The mock's WSGI server: waitress, for `mock-court serve` and for the embedded mock of the tests
and the walkthrough command alike, so that both answer as a deployment does."""

from __future__ import annotations

import threading

from flask import Flask
from waitress.server import create_server

IDENT = "mock-court"  # the Server header: no product versions given away
THREADS = 8


class LiveServer:
    """A server on a free port (port 0) in a daemon thread: `with LiveServer(app) as server: server.url`."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0, threads: int = THREADS) -> None:
        self.app = app
        self._server = create_server(app, host=host, port=port, threads=threads, ident=IDENT)
        self.url = f"http://{host}:{self._server.effective_port}"
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def serve_forever(self) -> None:
        self._server.run()

    def start(self) -> LiveServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.task_dispatcher.shutdown()
        self._server.close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
