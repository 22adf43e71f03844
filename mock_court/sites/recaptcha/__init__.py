"""The reCAPTCHA v2 widget, as a stub (www.google.com/recaptcha)."""

from mock_court.sites.recaptcha.views import bp

__all__ = ["bp"]
