"""Namespaces: many separate mocks in one server, as moto keeps a backend per account.

Each namespace has a store of its own (accounts, sessions, sign-on tokens, captcha tokens, the
outbox, faults, the menu page cache), a clock and a random source. A client reaches one through
the path prefix /_ns/<id>/ in front of the usual site roots, so every link and redirect the mock
writes stays inside it (the prefix is the WSGI script root) and nothing on a page changes. A
browser keeps it through every troubleshooting tip, for the namespace is in the address, not in
a cookie. Without the prefix a request belongs to the default namespace: a mock without
namespaces, exactly as outside clients know it.

Namespaces are made and deleted with the control API, at most MAX_NAMESPACES at once; one left
idle for NAMESPACE_IDLE_S seconds is dropped. A deleted or dropped one answers 410, an unknown
one 404.
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from flask import Flask, Response, current_app, g, has_request_context, request

from mock_court.core.clock import Clock, RandomSource
from mock_court.core.exceptions import Refused
from mock_court.core.store import Store

PREFIX = "/_ns/"
ENVIRON_KEY = "mock_court.namespace"
DEFAULT = "default"
ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
MAX_NAMESPACES = 64
NAMESPACE_IDLE_S = 30 * 60
REMEMBERED_GONE = 4096  # ids kept to answer 410 rather than 404


class NamespaceError(Refused):
    status = 400

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Namespace:
    id: str
    store: Store
    clock: Clock
    rng: RandomSource
    used_at: float = field(default=0.0)


class Namespaces:
    """Every namespace of one app: the default one, and those the control API made."""

    def __init__(self, app: Flask, timer: Callable[[], float] = time.monotonic) -> None:
        self.config = app.config
        self.timer = timer
        self.seeded = bool(app.config["TEST_MODE"] or app.config.get("SEED"))
        self.lock = threading.Lock()
        self.default = self._make(DEFAULT, app.config["DATABASE"])
        self.made: dict[str, Namespace] = {}
        self.gone: OrderedDict[str, str] = OrderedDict()  # id -> why it is gone

    def _make(self, ns_id: str, database: str = ":memory:") -> Namespace:
        return Namespace(
            ns_id,
            Store(database, self.seeded),
            Clock(self.config.get("FROZEN_AT")),
            RandomSource(self.config.get("RANDOM_SEED")),
            self.timer(),
        )

    @property
    def limit(self) -> int:
        return int(self.config.get("MAX_NAMESPACES", MAX_NAMESPACES))

    @property
    def idle_s(self) -> float:
        return float(self.config.get("NAMESPACE_IDLE_S", NAMESPACE_IDLE_S))

    def create(self, ns_id: str | None = None) -> Namespace:
        if ns_id is not None and (not isinstance(ns_id, str) or not ID_RE.match(ns_id) or ns_id == DEFAULT):
            raise NamespaceError("a namespace id is 1 to 40 lower-case letters, digits and hyphens, not 'default'", 400)
        with self.lock:
            self._sweep()
            if ns_id in self.made:
                raise NamespaceError(f"namespace '{ns_id}' exists already", 409)
            if len(self.made) >= self.limit:
                raise NamespaceError(
                    f"{self.limit} namespaces exist, the most this mock keeps: delete one"
                    f" (DELETE /_mock/namespaces/<id>) or let one idle for {self.idle_s:.0f} s",
                    429,
                )
            ns_id = ns_id or secrets.token_hex(6)
            self.gone.pop(ns_id, None)
            self.made[ns_id] = namespace = self._make(ns_id)
            return namespace

    def get(self, ns_id: str) -> Namespace:
        if ns_id == DEFAULT:
            return self.default
        with self.lock:
            namespace = self.made.get(ns_id)
            if namespace is not None and namespace.used_at <= self.timer() - self.idle_s:
                self._forget(ns_id, self._expired())
                namespace = None
            if namespace is None:
                why = self.gone.get(ns_id)
                if why:
                    raise NamespaceError(f"namespace '{ns_id}' {why}", 410)
                raise NamespaceError(f"no namespace '{ns_id}'", 404)
            namespace.used_at = self.timer()
            return namespace

    def delete(self, ns_id: str) -> None:
        if ns_id == DEFAULT:
            raise NamespaceError("the default namespace cannot be deleted; reset it instead", 400)
        self.get(ns_id)
        with self.lock:
            self._forget(ns_id, "was deleted")

    def listing(self) -> list[dict[str, Any]]:
        with self.lock:
            self._sweep()
            now = self.timer()
            return [{"id": ns.id, "idle_s": round(now - ns.used_at, 1)} for ns in self.made.values()]

    def _sweep(self) -> None:
        """Drop the namespaces idle too long (the caller holds the lock). A request checks only its
        own namespace; making and listing them sweep them all."""
        cutoff = self.timer() - self.idle_s
        for ns_id in [ns_id for ns_id, ns in self.made.items() if ns.used_at <= cutoff]:
            self._forget(ns_id, self._expired())

    def _expired(self) -> str:
        return f"expired after {self.idle_s:.0f} s idle"

    def _forget(self, ns_id: str, why: str) -> None:
        namespace = self.made.pop(ns_id, None)
        if namespace is not None:
            namespace.store.close()
        self.gone[ns_id] = why
        while len(self.gone) > REMEMBERED_GONE:
            self.gone.popitem(last=False)


def registry(app: Flask | None = None) -> Namespaces:
    return (app or current_app).extensions["mock_court.namespaces"]


def current() -> Namespace:
    """The namespace of this request (or of the app context a middleware opened for one)."""
    if has_request_context():
        found = request.environ.get(ENVIRON_KEY)
        if found is not None:
            return found
    return g.get("namespace") or registry().default


def mount_path(path: str = "/") -> str:
    """A path on this namespace's mount: where its cookies live, so namespaces never share one."""
    return request.script_root + path


class NamespaceRouter:
    """WSGI middleware, outermost: /_ns/<id>/rest is `rest` with the script root /_ns/<id>."""

    def __init__(self, app: Flask, wsgi_app: Callable) -> None:
        self.app = app
        self.wsgi_app = wsgi_app

    def __call__(self, environ: dict, start_response: Callable) -> Any:
        namespaces = registry(self.app)
        path = environ.get("PATH_INFO", "")
        if path.startswith(PREFIX):
            ns_id, _, rest = path[len(PREFIX) :].partition("/")
            try:
                namespace = namespaces.get(ns_id)
            except NamespaceError as error:
                answer = Response(json.dumps({"error": error.message}), error.status, mimetype="application/json")
                return answer(environ, start_response)
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "").rstrip("/") + PREFIX + ns_id
            environ["PATH_INFO"] = "/" + rest
        else:
            namespace = namespaces.default
        environ[ENVIRON_KEY] = namespace
        return self.wsgi_app(environ, start_response)


def init_app(app: Flask) -> None:
    app.extensions["mock_court.namespaces"] = Namespaces(app)
