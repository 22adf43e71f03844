"""Blueprint "login": pacer.login.uscourts.gov, central sign-on and its API."""

from flask import Blueprint

bp = Blueprint("login", __name__, url_prefix="/login")
