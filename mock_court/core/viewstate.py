"""Forms as the real sites keep them: a ViewState in every form, and no posts from other sites.

The real PACER Service Center and sign-on pages are JSF forms carrying `javax.faces.ViewState`.
Here every form a site renders carries the session's ViewState token (`view_state()` in the
templates), and every POST to a site must bring it back. A session that has ended (or a page
left open past the session's lifetime) has no token any more: the post answers the real sites'
kind of "your session has expired" page, leading back to the start. A post whose token is
missing or wrong in a live session is refused (403).

Before that, every POST is checked for where it came from: a browser names the page's site in
`Origin` or `Sec-Fetch-Site`, and a post from another site is refused (403) and changes nothing.
The mock's own sites count as one site, as the real ones do under uscourts.gov; clients that are
not browsers (juriscraper's JSON sign-on) send neither header and are let through.

The tokens need no signature: they live in the server-side session, and a form's token is
compared with the session's own.
"""

from __future__ import annotations

import hmac
from urllib.parse import urlsplit

from flask import Flask, abort, current_app, make_response, render_template, request, session
from markupsafe import Markup

from mock_court.core.clock import rng

FIELD = "javax.faces.ViewState"
SESSION_KEY = "view_state"
# Posts that carry no ViewState: JSON APIs spoken by scripts, the captcha widget, the control API.
EXEMPT_BLUEPRINTS = {"control", "recaptcha"}
EXEMPT_ENDPOINTS = {"login.cso_auth", "login.cso_logout"}


def view_state() -> str:
    """The session's ViewState token, made on first use."""
    if SESSION_KEY not in session:
        session[SESSION_KEY] = rng().token(16)
    return session[SESSION_KEY]


def view_state_input() -> Markup:
    """The hidden field every form carries, as JSF writes it."""
    return Markup('<input type="hidden" name="{0}" id="j_id1:{0}:0" value="{1}" autocomplete="off">').format(
        FIELD, view_state()
    )


def own_origins() -> set[str]:
    """The origins of the mock's own sites: this host, and any named in config TRUSTED_ORIGINS."""
    return {request.host_url.rstrip("/"), *current_app.config.get("TRUSTED_ORIGINS", ())}


def from_another_site() -> bool:
    """What the browser says of the post's page: Sec-Fetch-Site where it sends it, else Origin."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site:
        return fetch_site == "cross-site"
    origin = request.headers.get("Origin")
    if not origin:
        return False  # not a browser: the ViewState still guards every form
    try:
        parts = urlsplit(origin)
    except ValueError:  # not an origin at all ("http://["): no page of ours sent it
        return True
    return f"{parts.scheme}://{parts.netloc}" not in own_origins()


def check_post() -> None:
    """Runs before every request: refuse a cross-site post, then a post without the session's token."""
    if request.method != "POST":
        return
    if from_another_site():
        abort(403, description="A form of another site cannot post to this one.")
    if request.blueprint in EXEMPT_BLUEPRINTS or request.endpoint in EXEMPT_ENDPOINTS or request.endpoint is None:
        return
    expected = session.get(SESSION_KEY)
    if expected is None:
        abort(make_response(render_template("session_expired.html", restart=request.script_root + request.path), 400))
    sent = str(request.form.get(FIELD, "")).encode()  # bytes: compare_digest refuses non-ASCII str
    if not hmac.compare_digest(sent, expected.encode()):
        abort(403, description="This form is out of date or was not sent by this site. Reload the page and try again.")


def init_app(app: Flask) -> None:
    app.jinja_env.globals["view_state_input"] = view_state_input
    app.before_request(check_post)
