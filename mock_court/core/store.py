"""The store: one SQLite connection per app, shared by the server's threads under a lock.

`--db PATH` keeps state in a file across restarts; the default is an in-memory database.
A new store starts from a template made once per process: the schema with the seeded personas
(in test mode, or when seeding is asked for), or the bare schema. Reset copies the seeded
template back, so it can miss nothing and takes milliseconds. A store file made by an older
version gets the tables it lacks.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from importlib import resources

from flask import Flask, current_app, g


class Store:
    """Raises sqlite3.DatabaseError when `path` is not a database."""

    def __init__(self, path: str, seeded: bool) -> None:
        self.lock = threading.RLock()
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute("PRAGMA foreign_keys = ON")
        if self._has_schema():
            self.conn.executescript(schema())
        else:
            (seeded_template() if seeded else bare_template()).backup(self.conn)

    def _has_schema(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accounts'").fetchone()
        return row is not None

    def reset(self) -> None:
        with self.lock:
            seeded_template().backup(self.conn)


_templates: dict[bool, sqlite3.Connection] = {}
_template_lock = threading.Lock()


def schema() -> str:
    return resources.files("mock_court.core").joinpath("schema.sql").read_text()


def _template(seeded: bool) -> sqlite3.Connection:
    """The schema, with the personas seeded or not, built once per process (hashing is slow)."""
    with _template_lock:
        if seeded not in _templates:
            from mock_court.core.seed import seed_personas

            conn = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
            conn.row_factory = sqlite3.Row
            conn.executescript(schema())
            if seeded:
                with transaction(conn):
                    seed_personas(conn)
            _templates[seeded] = conn
    return _templates[seeded]


def seeded_template() -> sqlite3.Connection:
    return _template(seeded=True)


def bare_template() -> sqlite3.Connection:
    return _template(seeded=False)


class transaction:
    """`with transaction(db):` commits on success and rolls back on any error."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type, exc, tb) -> None:
        self.conn.execute("ROLLBACK" if exc_type else "COMMIT")


def store() -> Store:
    return current_app.extensions["mock_court.store"]


def get_db() -> sqlite3.Connection:
    """The store's connection, held by this request until teardown."""
    if "db" not in g:
        held = store()
        held.lock.acquire()
        g.db = held.conn
    return g.db


def close_db(exc=None) -> None:
    if g.pop("db", None) is not None:
        store().lock.release()


def get_setting(name: str, default=None):
    row = get_db().execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
    return json.loads(row["value"]) if row else default


def set_setting(name: str, value) -> None:
    with transaction(get_db()) as db:
        db.execute(
            "INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            (name, json.dumps(value)),
        )


def init_app(app: Flask) -> None:
    seeded = bool(app.config["TEST_MODE"] or app.config.get("SEED"))
    app.extensions["mock_court.store"] = Store(app.config["DATABASE"], seeded)
    app.teardown_appcontext(close_db)
