"""Central sign-on sessions: one token store for browser logins and the cso-auth API.

The real NextGenCSO cookie is set for the whole uscourts.gov domain, so one login is honoured
by every court's CM/ECF. On the mock's single origin the cookies are set for path "/".
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import datetime, timedelta, timezone

from flask import Response, current_app, has_app_context, request

from mock_court.db import get_db, transaction

SESSION_COOKIES = ("NextGenCSO", "PacerSession")
CLIENT_CODE_COOKIE = "PacerClientCode"
SESSION_LIFETIME = timedelta(hours=8)  # the mock's own choice; the real lifetime is not public


def now() -> datetime:
    """The mock's clock: the app's CLOCK setting (a callable, for tests), else the real time."""
    clock = current_app.config.get("CLOCK") if has_app_context() else None
    return clock() if clock else datetime.now(timezone.utc)


def session_lifetime() -> timedelta:
    return current_app.config.get("CSO_SESSION_LIFETIME", SESSION_LIFETIME)


def start_session(account_id: int, client_code: str | None = None, redaction_ack: bool = False) -> str:
    token = secrets.token_hex(32)
    with transaction(get_db()) as db:
        db.execute(
            "INSERT INTO sessions (token, account_id, client_code, redaction_ack, expires_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (token, account_id, client_code, int(redaction_ack), (now() + session_lifetime()).isoformat()),
        )
    return token


def session_for(token: str | None) -> sqlite3.Row | None:
    """The live session of a token: not ended, not expired."""
    if not token:
        return None
    row = get_db().execute(
        "SELECT * FROM sessions WHERE token = ? AND ended = 0", (token,)
    ).fetchone()
    if row is None or datetime.fromisoformat(row["expires_at"]) <= now():
        return None
    return row


def request_token() -> str | None:
    for name in SESSION_COOKIES:
        if session_for(request.cookies.get(name)):
            return request.cookies[name]
    return None


def current_account() -> sqlite3.Row | None:
    """The account signed on in this request, by its NextGenCSO or PacerSession cookie."""
    token = request_token()
    if token is None:
        return None
    return get_db().execute(
        "SELECT accounts.* FROM accounts JOIN sessions ON sessions.account_id = accounts.id"
        " WHERE sessions.token = ?", (token,)
    ).fetchone()


def end_session(token: str | None) -> bool:
    if not token:
        return False
    with transaction(get_db()) as db:
        return db.execute("UPDATE sessions SET ended = 1 WHERE token = ? AND ended = 0", (token,)).rowcount > 0


def set_session_cookies(response: Response, token: str, client_code: str | None = None) -> Response:
    for name in SESSION_COOKIES:
        response.set_cookie(name, token, path="/", httponly=True, samesite="Lax")
    if client_code:
        response.set_cookie(CLIENT_CODE_COOKIE, client_code, path="/", samesite="Lax")
    return response


def clear_session_cookies(response: Response) -> Response:
    for name in (*SESSION_COOKIES, CLIENT_CODE_COOKIE):
        response.delete_cookie(name, path="/")
    return response
