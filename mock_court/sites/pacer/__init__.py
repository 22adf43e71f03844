"""pacer.uscourts.gov, the public PACER site: Register for an Account and Find a Case."""

from mock_court.sites.pacer.views import bp

__all__ = ["bp"]
