"""Blueprint "psc": pacer.psc.uscourts.gov, the PACER Service Center."""

from flask import Blueprint

bp = Blueprint("psc", __name__, url_prefix="/psc")
