"""www.<court>.uscourts.gov, a court's public website."""

from mock_court.sites.court.views import bp

__all__ = ["bp"]
