"""The central sign-on API: POST /services/cso-auth and /services/cso-logout.

Spoken the way real clients speak it (Juriscraper's PacerSession.login): a JSON request, and
a JSON answer when the client accepts application/json, else XML. "0" is success (with a
non-empty errorDescription it means logged in with a pending action); "13" is the real code for
bad credentials, and for a missing or wrong `otpCode` of an account enrolled in multifactor
authentication, with no token (../shared/reference/real-sites-2026.md, section 1.5: a client
without MFA support, such as Juriscraper, then fails with "Did not get NextGenCSO cookie").
The other codes are the mock's own, kept in RESULT_CODES. The rules are those of the login
page, in models.py.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from flask import Response, jsonify, request

from mock_court.core.exceptions import Refused
from mock_court.core.fields import PASSWORD_MAX, TEXT_MAX, length_errors
from mock_court.core.jsonbody import TooDeep, json_object
from mock_court.sites.login import models
from mock_court.sites.login.views import bp

# loginResult -> what it means; the errorDescription of each is below or in models.MESSAGES.
RESULT_CODES = {
    "0": "success (a non-empty errorDescription is a pending action)",
    "1": "malformed request",
    "5": "account inactive",
    "6": "account not activated",
    "7": "filer must acknowledge the redaction rules (redactFlag '1')",
    "8": "multifactor authentication must be set up first (User Update Required)",
    "13": "invalid username, password, or one-time passcode",
}
INVALID = "Invalid username, password, or one-time passcode."
API_LIMITS = {"loginId": ("loginId", TEXT_MAX), "password": ("password", PASSWORD_MAX)}
CLIENT_CODE_PENDING = (
    "Pending action: a client code is required for this account. "
    "Set a client code (PacerClientCode) before searching PACER."
)
MFA_DUE = "Pending action: this account must be enrolled in multifactor authentication. Set it up in Manage My Account."
MFA_RESTRICTED = (
    "User Update Required: account access restricted. Set up multifactor authentication "
    "in Manage My Account before proceeding."
)
REDACTION_REFUSED = models.REDACTION_NOTICE + ' To log in, acknowledge it by sending "redactFlag": "1".'


def answer(body: dict, status: int = 200, root: str = "CsoAuth") -> Response:
    """JSON when the client accepts application/json, as Juriscraper asks; else XML, as the real API."""
    if "application/json" in (request.headers.get("Accept") or ""):
        response = jsonify(body)
    else:
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in body.items())
        response = Response(
            f'<?xml version="1.0" encoding="UTF-8"?><{root}>{fields}</{root}>', mimetype="application/xml"
        )
    response.status_code = status
    response.headers["Cache-Control"] = "no-store"
    return response


def auth_answer(result: str, description: str = "", token: str = "", status: int = 200) -> Response:
    return answer({"nextGenCSO": token, "loginResult": result, "errorDescription": description}, status)


def text_field(payload: dict, name: str) -> str:
    value = payload.get(name)
    return value.strip() if isinstance(value, str) else ("" if value is None else str(value))


@bp.post("/services/cso-auth")
def cso_auth():
    try:
        payload = json_object()
    except TooDeep as deep:
        return auth_answer("1", f"Malformed request: {deep}.", status=400)
    if payload is None:
        return auth_answer(
            "1",
            'Malformed request: send a JSON object such as {"loginId": "...", "password": "...", "redactFlag": "1"}.',
            status=400,
        )
    login_id, password = text_field(payload, "loginId"), payload.get("password")
    if not login_id or not isinstance(password, str) or not password:
        return auth_answer("1", "Malformed request: loginId and password are required.", status=400)
    oversized = length_errors({"loginId": login_id, "password": password}, API_LIMITS)
    if oversized:
        return auth_answer("1", "Malformed request: " + " ".join(oversized.values()), status=400)
    client_code = text_field(payload, "clientCode")
    if len(client_code) > models.CLIENT_CODE_MAX:
        return auth_answer(
            "1", f"Malformed request: clientCode must be {models.CLIENT_CODE_MAX} characters or fewer.", status=400
        )
    try:
        account = models.check_credentials(login_id, password)
        if models.needs_otp(account):
            models.check_otp(account, text_field(payload, "otpCode"))
        models.check_status(account)
    except models.SignOnRefused as refused:
        return auth_answer(refused.result_code, INVALID if refused.result_code == "13" else refused.message)
    except Refused:  # a missing or wrong passcode: the API does not say which part was wrong
        return auth_answer("13", INVALID)
    mfa_state = models.mfa_state(account)
    if mfa_state == "restricted":
        return auth_answer("8", MFA_RESTRICTED)
    redacted = text_field(payload, "redactFlag") == "1"
    if models.is_filer(account) and not redacted:
        return auth_answer("7", REDACTION_REFUSED)

    token = models.start_session(account["id"], client_code or None, redaction_ack=redacted)
    pending = " ".join(
        message
        for message, applies in (
            (MFA_DUE, mfa_state == "due"),
            (CLIENT_CODE_PENDING, models.client_code_pending(account, client_code)),
        )
        if applies
    )
    return auth_answer("0", pending, token=token)


@bp.post("/services/cso-logout")
def cso_logout():
    try:
        payload = json_object()
    except TooDeep as deep:
        return answer({"loginResult": "1", "errorDescription": f"Malformed request: {deep}."}, 400, "CsoLogout")
    if payload is None and request.get_data():
        return answer(
            {
                "loginResult": "1",
                "errorDescription": 'Malformed request: send a JSON object such as {"nextGenCSO": "..."}.',
            },
            400,
            "CsoLogout",
        )
    token = text_field(payload or {}, "nextGenCSO") or models.request_token()
    if not models.sign_off(token):
        return answer(
            {
                "loginResult": "1",
                "errorDescription": "No such session: the token is unknown, expired or already logged out.",
            },
            root="CsoLogout",
        )
    return answer({"loginResult": "0"}, root="CsoLogout")
