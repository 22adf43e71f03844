"""ecf.<court>.uscourts.gov, a court's CM/ECF NextGen: linking and the menu bar (models.py)."""

from mock_court.sites.ecf.views import bp

__all__ = ["bp"]
