"""Blueprint "court": www.<court>.uscourts.gov, a court's public website."""

from flask import Blueprint

bp = Blueprint("court", __name__, url_prefix="/court/<court_id>")
