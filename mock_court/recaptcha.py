"""Blueprint "recaptcha": the reCAPTCHA v2 stub (www.google.com/recaptcha)."""

from flask import Blueprint

bp = Blueprint("recaptcha", __name__, url_prefix="/recaptcha")
