"""A Flask test client that posts forms as a browser posts the page's form: with its ViewState."""

from __future__ import annotations

from typing import Any

from flask.testing import FlaskClient

from mock_court.core.namespaces import registry
from mock_court.core.viewstate import FIELD, SESSION_KEY


class FormClient(FlaskClient):
    def view_state(self) -> str:
        """The client's session's ViewState token, made as a rendered form would make it."""
        with self.session_transaction() as session:
            if SESSION_KEY not in session:
                session[SESSION_KEY] = registry(self.application).default.rng.token(16)
            return session[SESSION_KEY]

    def open(self, *args: Any, **kwargs: Any) -> Any:
        data = kwargs.get("data") or {}
        form_post = kwargs.get("method") == "POST" and "json" not in kwargs and isinstance(data, dict)
        if form_post and FIELD not in data:
            kwargs["data"] = {**data, FIELD: self.view_state()}
        return super().open(*args, **kwargs)


def form_client(app) -> FormClient:
    app.test_client_class = FormClient
    return app.test_client()
