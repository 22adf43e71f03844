"""The store: a file keeps state across restarts, transactions leave nothing half-made."""

import pytest

from mock_court import create_app
from mock_court.db import get_db, transaction


def count_outbox(app):
    with app.app_context():
        return get_db().execute("SELECT COUNT(*) FROM outbox").fetchone()[0]


def add_letter(app):
    with app.app_context():
        with transaction(get_db()) as db:
            db.execute("INSERT INTO outbox (channel, recipient, subject, body) VALUES ('mail', 'r', 's', 'b')")


def test_a_database_file_keeps_state_across_restarts(tmp_path):
    path = str(tmp_path / "court.db")
    first = create_app({"DATABASE": path})
    before = count_outbox(first)
    add_letter(first)
    assert count_outbox(create_app({"DATABASE": path})) == before + 1


def test_reset_of_a_database_file_returns_to_the_seed(tmp_path):
    app = create_app({"DATABASE": str(tmp_path / "court.db"), "TEST_MODE": True})
    before = count_outbox(app)
    add_letter(app)
    app.test_client().post("/_mock/reset")
    assert count_outbox(app) == before


def test_a_failed_transaction_stores_nothing(app):
    before = count_outbox(app)
    with app.app_context():
        with pytest.raises(RuntimeError):
            with transaction(get_db()) as db:
                db.execute("INSERT INTO outbox (channel, recipient, subject, body) VALUES ('mail', 'r', 's', 'b')")
                raise RuntimeError("half-way")
    assert count_outbox(app) == before


def test_passwords_are_stored_hashed(app):
    from fixtures.personas import build_personas

    with app.app_context():
        stored = " ".join(" ".join(str(v) for v in tuple(row)) for row in get_db().execute("SELECT * FROM accounts"))
    for persona in build_personas():
        assert persona["password"] not in stored
        for answer in persona["security_answers"]:
            assert answer.lower() not in stored.lower()
