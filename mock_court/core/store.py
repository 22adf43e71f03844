"""The store: one SQLite connection per namespace, shared by the server's threads under a lock.

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

from flask import Flask, g


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

    def close(self) -> None:
        with self.lock:
            self.conn.close()


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
    """The store of this request's namespace."""
    from mock_court.core.namespaces import current  # namespaces are made of stores: import late

    return current().store


def get_db() -> sqlite3.Connection:
    """The store's connection, held by this request until teardown."""
    if "held_store" not in g:
        held = store()
        held.lock.acquire()
        g.held_store = held
    return g.held_store.conn


def close_db(exc=None) -> None:
    held = g.pop("held_store", None)
    if held is not None:
        held.lock.release()


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
    app.teardown_appcontext(close_db)
