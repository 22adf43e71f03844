"""What every answer says of itself: nothing about the server, and no framing or sniffing."""

from __future__ import annotations

from flask import Flask, Response, request

# The captcha widget's frames are framed by the sites' own pages, as the real widget is.
FRAMED_ENDPOINTS = {"recaptcha.anchor", "recaptcha.bframe"}


def add_headers(response: Response) -> Response:
    if request.endpoint in FRAMED_ENDPOINTS:
        response.headers["Content-Security-Policy"] = "frame-ancestors 'self'"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
    else:
        response.headers["Content-Security-Policy"] = "frame-ancestors 'none'"
        response.headers["X-Frame-Options"] = "DENY"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def init_app(app: Flask) -> None:
    app.after_request(add_headers)
