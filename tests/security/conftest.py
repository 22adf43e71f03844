"""Fixtures of the security suite: a client that posts exactly what it is given (no ViewState added)."""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient


@pytest.fixture
def raw_client(app) -> FlaskClient:
    """A client that sends only what a test puts in its posts, as an attacker's script would."""
    return FlaskClient(app, app.response_class, use_cookies=True)
