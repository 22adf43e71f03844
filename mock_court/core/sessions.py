"""Browser sessions on the server, as the real sites keep them (JSF, behind a JSESSIONID cookie).

The cookie holds a random opaque id and nothing else; what a flow holds between pages lives in
the store, so a cookie can be neither forged nor replayed into an earlier state: an old id finds
the state as it is now, and an unknown or expired one finds an empty session. A session ends
when its idle lifetime runs out (SESSION_LIFETIME) or a view clears it; `renew()` gives it a new
id (at sign-in) and drops the old one.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from flask import Flask, Request, Response, current_app, request
from flask.json.tag import TaggedJSONSerializer
from flask.sessions import SessionInterface, SessionMixin
from werkzeug.datastructures import CallbackDict

from mock_court.core.clock import now, rng
from mock_court.core.namespaces import mount_path
from mock_court.core.store import get_db, transaction

COOKIE = "JSESSIONID"
LIFETIME = timedelta(minutes=30)  # JSF's usual idle timeout; the real sites' is not public
serializer = TaggedJSONSerializer()


class ServerSession(CallbackDict, SessionMixin):
    def __init__(self, data: dict | None = None, sid: str | None = None) -> None:
        def on_update(_self: Any) -> None:
            self.modified = True

        super().__init__(data or {}, on_update)
        self.sid = sid
        self.new = sid is None
        self.modified = False
        self.renewed = False


def renew(session: SessionMixin) -> None:
    """A new id for the session from this response on (at sign-in: no session fixation)."""
    if isinstance(session, ServerSession):
        session.renewed = True
        session.modified = True


class ServerSessionInterface(SessionInterface):
    def lifetime(self, app: Flask) -> timedelta:
        return app.config.get("SESSION_LIFETIME", LIFETIME)

    def open_session(self, app: Flask, request: Request) -> ServerSession:
        sid = request.cookies.get(COOKIE)
        row = get_db().execute("SELECT data, expires_at FROM web_sessions WHERE id = ?", (sid,)).fetchone()
        if row is None or datetime.fromisoformat(row["expires_at"]) <= now():
            return ServerSession()
        return ServerSession(serializer.loads(row["data"]), sid)

    def save_session(self, app: Flask, session: SessionMixin, response: Response) -> None:
        assert isinstance(session, ServerSession)
        if session.new and not session:
            return
        expires = (now() + self.lifetime(app)).isoformat()
        with transaction(get_db()) as db:
            if not session.modified:  # still in use: its idle lifetime starts again
                db.execute("UPDATE web_sessions SET expires_at = ? WHERE id = ?", (expires, session.sid))
                return
            if session.sid and (session.renewed or not session):
                db.execute("DELETE FROM web_sessions WHERE id = ?", (session.sid,))
            if not session:
                response.delete_cookie(COOKIE, path=mount_path())
                return
            if session.sid is None or session.renewed:
                db.execute("DELETE FROM web_sessions WHERE expires_at <= ?", (now().isoformat(),))
                session.sid = rng().token(24)
            db.execute(
                "INSERT INTO web_sessions (id, data, expires_at) VALUES (?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET data = excluded.data, expires_at = excluded.expires_at",
                (session.sid, serializer.dumps(dict(session)), expires),
            )
        response.set_cookie(
            COOKIE, session.sid, path=mount_path(), httponly=True, samesite="Lax", secure=request.is_secure
        )


# ---- Stages: what a flow holds between its pages, once, for a while ------------------------------

STAGE_LIFETIME = timedelta(minutes=10)  # the mock's choice; configurable as STAGE_LIFETIME


def begin_stage(session: SessionMixin, key: str, data: dict) -> None:
    """Hold `data` in the session under `key` until ended or STAGE_LIFETIME has passed."""
    session[key] = {**data, "started": now().isoformat()}


def held(session: SessionMixin, key: str) -> dict | None:
    """What the session holds under `key`, unless it has expired (then it is dropped)."""
    data = session.get(key)
    if data is None:
        return None
    lifetime = current_app.config.get("STAGE_LIFETIME", STAGE_LIFETIME)
    if datetime.fromisoformat(data["started"]) + lifetime <= now():
        session.pop(key)
        return None
    return data
