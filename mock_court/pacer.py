"""Blueprint "pacer": pacer.uscourts.gov, the public PACER site."""

from flask import Blueprint

bp = Blueprint("pacer", __name__, url_prefix="/pacer")
