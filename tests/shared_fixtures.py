"""What many tests share and is costly to make is made once: under xdist, the tests that use one
of these fixtures run in one worker (pyproject's --dist loadgroup), the rest of the suite in the
others. Split across workers, each worker would make it again: a walkthrough recording, a pytest
run of probes, a collection of the whole suite."""

from __future__ import annotations

import pytest

SHARED_FIXTURES = (
    "walkthrough",  # the fast walkthrough of every guide (tests/walkthrough)
    "at_moeb",  # the linking guide recorded at a bankruptcy court (tests/walkthrough/test_courts.py)
    "probe_run",  # a pytest run of failing probes and its reports (tests/test_reports.py)
    "covered",  # what each test covers, from a collection of the suite (tests/test_conformance.py)
)


# The group must be marked before pytest-xdist reads the marks, in its own
# pytest_collection_modifyitems.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    for item in items:
        shared = next((name for name in SHARED_FIXTURES if name in getattr(item, "fixturenames", ())), None)
        if shared:
            item.add_marker(pytest.mark.xdist_group(shared))
