"""A client of the mock's control API (/_mock/), spoken over HTTP like any other client."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request


class MockControl:
    def __init__(self, base_url: str) -> None:
        self.base_url = base_url.rstrip("/") + "/_mock/"

    def _call(self, path: str, payload: dict | None = None):
        data = None if payload is None else json.dumps(payload).encode()
        method = "GET" if payload is None else "POST"
        request = urllib.request.Request(
            urllib.parse.urljoin(self.base_url, path),
            data=data,
            method=method,
            headers={"Content-Type": "application/json", "Accept": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response)

    def reset(self) -> None:
        self._call("reset", {})

    def sites(self) -> dict[str, str]:
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
