"""Fixtures of this suite beyond the mock-court pytest plugin (e2e/pytest_plugin), which gives
every browser and mock fixture (`mock`, `personas`, `sites`, `flow`, `settings`, ...): the Flask
app of the unit tests, and a report of what each test covers.
"""

from __future__ import annotations

import json

import pytest

from mock_court.core.namespaces import registry
from tests.form_client import FormClient

# Reports of every run (junit.xml, report.html, the guides' step health), the accessibility check
# of the browser tests' pages with its report, costly fixtures made once, and shards that agree
# across machines.
pytest_plugins = ["tests.reporting", "tests.accessibility_check", "tests.shared_fixtures", "tests.sharding"]


def pytest_addoption(parser):
    parser.addoption(
        "--covers-report",
        metavar="PATH",
        help="After collection, write each test's covered catalog ids as JSON to PATH.",
    )


def pytest_collection_modifyitems(session, config, items):
    path = config.getoption("--covers-report")
    if path:
        covers = {item.nodeid: [i for m in item.iter_markers("covers") for i in m.args] for item in items}
        with open(path, "w") as report:
            json.dump(covers, report)


@pytest.fixture
def app():
    from mock_court import create_app

    app = create_app({"TESTING": True, "TEST_MODE": True})
    app.test_client_class = FormClient
    return app


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def clock(app):
    """The app's clock: freeze or advance it instead of waiting."""
    return registry(app).default.clock
