"""URLs of the real sites' pages, built from a base URL and the configured site roots.

A root is a path under the base URL (which may itself have a path: a namespace's /_ns/<id>)
or an absolute URL of its own."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

NAMESPACE = re.compile(r"^/_ns/[^/]+")


class Sites:
    def __init__(self, base_url: str, roots: dict[str, str]) -> None:
        self.base_url = base_url.rstrip("/") + "/"
        self.roots = roots

    def url(self, site: str, path: str = "", court: str | None = None) -> str:
        root = self.roots[site]
        if "{court}" in root:
            if court is None:
                raise ValueError(f"site '{site}' needs a court")
            root = root.format(court=court)
        if not urlsplit(root).scheme:  # a root on the mock, under the base URL's own path
            root = self.base_url + root.strip("/")
        return root.rstrip("/") + "/" + path.lstrip("/")

    def pacer(self, path: str = "") -> str:
        return self.url("pacer", path)

    def psc(self, path: str = "") -> str:
        return self.url("psc", path)

    def login(self, path: str = "") -> str:
        return self.url("login", path)

    def court(self, court: str, path: str = "") -> str:
        return self.url("court", path, court)

    def ecf(self, court: str, path: str = "") -> str:
        return self.url("ecf", path, court)


def page_path(url: str) -> str:
    """The path of a mock's page as a reader knows it: no namespace's prefix, no query or fragment."""
    path = "/" + url.split("#", 1)[0].split("?", 1)[0].split("//", 1)[-1].partition("/")[2]
    return NAMESPACE.sub("", path) or "/"
