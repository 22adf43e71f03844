"""pacer.psc.uscourts.gov, the PACER Service Center: registration (forms.py, the input rules),
Manage My Account and forgotten credentials (models.py, the state), its multifactor
authentication screens (mfa.py, mfa_views.py), and the data of its forms (places.py, policies.py)."""

from mock_court.sites.psc import mfa_views  # noqa: F401  (adds Settings and the MFA screens to bp)
from mock_court.sites.psc.views import bp

__all__ = ["bp"]
