"""One package per real site, each a blueprint with thin views and a models module of its rules.

Each real host is served under its own root on the mock's one origin. The roots are the mock's
own choice (the real sites live on separate hosts); they are kept here only, and served to
clients by `GET /_mock/sites`.
"""

from __future__ import annotations

from flask import Blueprint, abort, g

from fixtures.courts import load_courts

# site name -> (root on the mock, the real host it stands for)
SITES = {
    "pacer": ("/pacer", "pacer.uscourts.gov"),
    "psc": ("/psc", "pacer.psc.uscourts.gov"),
    "login": ("/login", "pacer.login.uscourts.gov"),
    "recaptcha": ("/recaptcha", "www.google.com/recaptcha"),
}
COURT_SITES = {
    "court": ("/court/<court_id>", "www.{court}.uscourts.gov"),
    "ecf": ("/ecf/<court_id>", "ecf.{court}.uscourts.gov"),
}


def site_roots() -> dict[str, str]:
    """Every site's root path: pacer, psc, login, recaptcha, court:<id>, ecf:<id>."""
    roots = {name: root for name, (root, _host) in SITES.items()}
    for court in load_courts():
        for name, (root, _host) in COURT_SITES.items():
            roots[f"{name}:{court}"] = root.replace("<court_id>", court)
    return roots


def serve_per_court(blueprint: Blueprint) -> Blueprint:
    """A blueprint under /<court_id>: g.court is that court's profile, an unknown id is a 404, and
    url_for within a court's page keeps its court."""

    @blueprint.url_value_preprocessor
    def pick_court(endpoint, values):
        court = load_courts().get(values.pop("court_id"))
        if court is None:
            abort(404, description="No such court.")
        g.court = court

    @blueprint.url_defaults
    def keep_court(endpoint, values):
        if "court_id" not in values and "court" in g:
            values["court_id"] = g.court["id"]

    return blueprint
