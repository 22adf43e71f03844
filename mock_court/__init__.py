"""A Flask mock of the PACER and CM/ECF NextGen sites: one package per real site (sites/), and
the parts they share (core/): the store, seeding, hashing, the clock, faults, the control API."""

from __future__ import annotations

import os
import secrets

from flask import Flask, jsonify, redirect, url_for

from mock_court.core import (
    control,
    faults,
    form_rows,
    headers,
    namespaces,
    option_tags,
    store,
    template_code,
    viewstate,
)
from mock_court.core.jsonbody import TooDeep
from mock_court.core.sessions import ServerSessionInterface

MAX_BODY_BYTES = 1024 * 1024  # no real form comes near it; a larger body is refused (413) unread


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        # Nothing the mock keeps is signed with it (sessions are server-side), but extensions may
        # sign with it: random per process unless configured.
        SECRET_KEY=os.environ.get("MOCK_COURT_SECRET_KEY") or secrets.token_hex(32),
        DATABASE=":memory:",
        TEST_MODE=False,
        SEED=None,  # True seeds the personas without test mode (test mode always does)
        FAULTS=faults.parse_spec(os.environ.get("MOCK_COURT_FAULTS", "")),
        FROZEN_AT=None,  # a datetime freezes the mock's clock (tests)
        RANDOM_SEED=None,  # an int makes tokens and codes reproducible (tests)
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        MAX_FORM_MEMORY_SIZE=MAX_BODY_BYTES,
    )
    if test_config:
        app.config.update(test_config)

    namespaces.init_app(app)
    store.init_app(app)
    app.session_interface = ServerSessionInterface()
    faults.init_app(app)
    viewstate.init_app(app)
    option_tags.init_app(app)
    form_rows.init_app(app)
    headers.init_app(app)
    template_code.init_app(app)

    from mock_court.sites import court, ecf, login, pacer, psc, recaptcha

    for blueprint in (pacer.bp, psc.bp, recaptcha.bp, login.bp, court.bp, ecf.bp):
        app.register_blueprint(blueprint)
    if app.config["TEST_MODE"]:  # without it, nothing under /_mock/ exists at all
        app.register_blueprint(control.bp)
    faults.check_targets(app, app.config["FAULTS"])
    app.wsgi_app = namespaces.NamespaceRouter(app, app.wsgi_app)  # type: ignore[method-assign]

    @app.errorhandler(TooDeep)
    def too_deep(error: TooDeep):
        return jsonify(error=str(error)), 400

    @app.get("/")
    def index():
        return redirect(url_for("pacer.register_account"))  # pacer.uscourts.gov's own front door

    return app
