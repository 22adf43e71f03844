"""pacer.login.uscourts.gov: the central sign-on page (views.py), its API (api.py), their rules and
the sign-on sessions every site honours (models.py), and the one-time passcodes (totp.py)."""

from mock_court.sites.login import api  # noqa: F401  (adds /services/cso-auth and cso-logout to bp)
from mock_court.sites.login.views import bp

__all__ = ["bp"]
