"""The store: a file keeps state across restarts, transactions leave nothing half-made."""

import pytest

from mock_court import create_app
from mock_court.core.store import get_db, transaction


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


def test_secrets_are_stored_only_as_hashes_of_themselves(app):
    from fixtures.personas import build_personas
    from mock_court.core.hashing import check_answer, check_secret

    with app.app_context():
        rows = {row["account_number"]: dict(row) for row in get_db().execute("SELECT * FROM accounts")}
    for persona in build_personas():
        row = rows[persona["account_number"]]
        plain = [str(value).lower() for column, value in row.items() if not column.endswith("_hash")]
        assert not any(persona["password"].lower() in value for value in plain)
        assert not {answer.strip().lower() for answer in persona["security_answers"]} & set(plain)
        if persona.get("pacer_account") is None:  # a shared firm account holds its owner's secrets
            assert check_secret(row["password_hash"], persona["password"])
            assert check_answer(row["answer1_hash"], persona["security_answers"][0])
            assert check_answer(row["answer2_hash"], persona["security_answers"][1])
