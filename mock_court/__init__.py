"""A Flask mock of the PACER and CM/ECF NextGen sites: one package per real site (sites/), and
the parts they share (core/): the store, seeding, hashing, the clock, faults, the control API."""

from __future__ import annotations

from flask import Flask, redirect, url_for

from mock_court.core import clock, control, store
from mock_court.core.faults import answer_injected_500


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="mock-court-not-a-secret",
        DATABASE=":memory:",
        TEST_MODE=False,
        FAULTS={},
        FROZEN_AT=None,  # a datetime freezes the mock's clock (tests)
        RANDOM_SEED=None,  # an int makes tokens and codes reproducible (tests)
    )
    if test_config:
        app.config.update(test_config)

    store.init_app(app)
    clock.init_app(app)
    app.before_request(answer_injected_500)

    from mock_court.sites import court, ecf, login, pacer, psc, recaptcha

    for blueprint in (pacer.bp, psc.bp, recaptcha.bp, login.bp, court.bp, ecf.bp, control.bp):
        app.register_blueprint(blueprint)

    @app.get("/")
    def index():
        return redirect(url_for("pacer.register_account"))  # pacer.uscourts.gov's own front door

    return app
