"""Hypothesis profiles of the fuzz tests, their app, and the count of cases run per form.

Profiles: "ci" (the default: a few dozen cases per form, the same ones on every run) and "soak"
(a thousand new cases per form), chosen with HYPOTHESIS_PROFILE=soak, or with
`--hypothesis-profile=soak` when tests/fuzz is named on the command line (Hypothesis reads the
option before pytest loads the conftest of a folder it was not given).
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, settings

from tests.form_client import FormClient
from tests.fuzz.harness import CASES

# Each case resets the app's store and uses a new client (harness.fresh_client), so one app per
# test is safe; set-ups make requests, which Hypothesis would otherwise count as slow generation.
SUPPRESSED = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]

settings.register_profile(
    "ci", max_examples=30, deadline=None, derandomize=True, database=None, suppress_health_check=SUPPRESSED
)
settings.register_profile(
    "soak", max_examples=1000, deadline=None, database=None, print_blob=True, suppress_health_check=SUPPRESSED
)

FROZEN_AT = datetime(2026, 3, 2, 15, 0, tzinfo=timezone.utc)


def pytest_configure(config):
    settings.load_profile(config.getoption("--hypothesis-profile", None) or os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture
def app():
    """A mock whose clock and random source repeat, so that a case runs the same every time."""
    from mock_court import create_app

    app = create_app({"TESTING": True, "TEST_MODE": True, "RANDOM_SEED": 1, "FROZEN_AT": FROZEN_AT})
    app.test_client_class = FormClient
    return app


def pytest_terminal_summary(terminalreporter):
    if CASES:
        terminalreporter.write_sep(
            "-", f"fuzz cases per form (hypothesis profile {settings.get_current_profile_name()})"
        )
        for name, count in sorted(CASES.items()):
            terminalreporter.write_line(f"{count:>7}  {name}")
        terminalreporter.write_line(f"{sum(CASES.values()):>7}  in all")
