"""A client of the mock's control API (/_mock/), spoken over HTTP like any other client."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from functools import cached_property
from urllib.parse import urlsplit


class MockControl:
    """The control API of one namespace: the default one at `url`, or one made by `new_namespace()`."""

    def __init__(self, url: str, namespace: str | None = None, sites: dict[str, str] | None = None) -> None:
        self.url = url.rstrip("/")
        self.namespace = namespace
        self.base_url = self.url + "/_mock/"
        if sites is not None:
            self.__dict__["sites"] = sites

    def _call(self, path: str, payload: dict | None = None, method: str | None = None):
        data = None if payload is None else json.dumps(payload).encode()
        request = urllib.request.Request(
            urllib.parse.urljoin(self.base_url, path),
            data=data,
            method=method or ("GET" if payload is None else "POST"),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def new_namespace(self, ns_id: str | None = None) -> MockControl:
        """A namespace of its own on the same server: its state is nobody else's."""
        made = self._call("namespaces", {} if ns_id is None else {"id": ns_id})
        return MockControl(self.url + urlsplit(made["url"]).path, made["id"], made.get("sites"))

    def delete(self) -> None:
        """Delete this namespace (the server's root control API does it)."""
        if self.namespace is None:
            raise ValueError("the default namespace cannot be deleted")
        root = self.url[: -len(f"/_ns/{self.namespace}")]
        MockControl(root)._call(f"namespaces/{self.namespace}", method="DELETE")

    def reset(self) -> None:
        self._call("reset", {})

    @cached_property
    def sites(self) -> dict[str, str]:
        """Each site's root URL in this namespace, by site name (`court:txwd`, `login`)."""
        return self._call("sites")

    def personas(self) -> dict[str, dict]:
        return {p["id"]: p for p in self._call("personas")}

    def outbox(self, **filters: str) -> list[dict]:
        query = urllib.parse.urlencode(filters)
        return self._call("outbox" + (f"?{query}" if query else ""))

    def captcha(self) -> dict:
        """The captcha mode, and the names of the pictures that solve its challenge."""
        return self._call("captcha")

    def set_captcha(self, mode: str) -> None:
        self._call("captcha", {"mode": mode})

    def set_faults(self, **faults) -> dict:
        return self._call("faults", faults)
