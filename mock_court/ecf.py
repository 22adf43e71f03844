"""Blueprint "ecf": ecf.<court>.uscourts.gov, a court's CM/ECF NextGen."""

from flask import Blueprint

bp = Blueprint("ecf", __name__, url_prefix="/ecf/<court_id>")
