"""A Flask mock of the PACER and CM/ECF NextGen sites: one blueprint per real site."""

from __future__ import annotations

from flask import Flask, redirect, url_for

from mock_court import db
from mock_court.faults import answer_injected_500


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="mock-court-not-a-secret",
        DATABASE=":memory:",
        TEST_MODE=False,
        FAULTS={},
    )
    if test_config:
        app.config.update(test_config)

    db.init_app(app)
    app.before_request(answer_injected_500)

    from mock_court import control, court, ecf, login, pacer, psc, recaptcha

    for blueprint in (pacer.bp, psc.bp, recaptcha.bp, login.bp, court.bp, ecf.bp, control.bp):
        app.register_blueprint(blueprint)

    @app.get("/")
    def index():
        return redirect(url_for("pacer.register_account"))  # pacer.uscourts.gov's own front door

    return app
