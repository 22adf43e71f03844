"""The mock-court pytest plugin: the mock and the harness as fixtures, for any project.

Installing the package registers it (the `pytest11` entry point `mock_court`). Loading it costs
a settings file read and nothing more: no mock starts and no browser opens until a test asks
for a fixture. Its fixture modules are registered at configure time, after every entry-point
plugin, so that those overriding pytest-playwright's fixtures (`base_url`, the browser's
launch and context arguments, the artifacts recorder) come after pytest-playwright's own.

Fixtures: `mock_court` (alias `mock`), `personas`, `sites`, `settings`, `base_url`, and with
pytest-playwright installed `flow`, `open_context`, `context` and what `page` needs to find a
browser. Options: `--mock-court-url URL` (a served mock in test mode), and for checks against a
deployment `--live` with `--personas FILE` (see e2e/pytest_plugin/live.py).
"""

from __future__ import annotations

import os

import pytest

from e2e.pytest_plugin import live
from e2e.pytest_plugin.state import SETTINGS

KEEP_SECRETS = "--keep-secrets-in-artifacts"
PLAYWRIGHT_PLUGIN = "playwright"  # pytest-playwright's entry-point name


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mock-court", "mock-court: the PACER and CM/ECF mock")
    group.addoption(
        "--mock-court-url",
        metavar="URL",
        help="A served mock in test mode to use (`mock-court serve --test-mode`); default: an embedded one. "
        "--base-url and MOCK_COURT_BASE_URL name it too.",
    )
    group.addoption(
        KEEP_SECRETS, action="store_true", help="Do not scrub artifacts (to prove that the checks can fail)."
    )
    live.add_options(group)


def pytest_configure(config: pytest.Config) -> None:
    from e2e.browsers import use_project_browsers
    from e2e.config import ConfigFileMissing, load_settings, playwright_option_defaults
    from e2e.pytest_plugin import fixtures

    config.addinivalue_line("markers", "live: a check of a deployment that only reads: runs with --live (tests/live/)")
    try:
        config.stash[SETTINGS] = settings = load_settings(config.rootpath / "playwright.config.py")
    except ConfigFileMissing as error:
        raise pytest.UsageError(str(error)) from None
    live.configure(config, settings)
    config.pluginmanager.register(fixtures, "mock_court.fixtures")
    if not config.pluginmanager.has_plugin(PLAYWRIGHT_PLUGIN):
        return
    use_project_browsers()
    given = [*config.invocation_params.args, *os.environ.get("PYTEST_ADDOPTS", "").split()]
    for option, value in playwright_option_defaults(settings, given).items():
        setattr(config.option, option, value)
    from e2e.pytest_plugin import browser, remote, scrubbing

    config.pluginmanager.register(browser, "mock_court.browser")
    config.pluginmanager.register(remote, "mock_court.remote")
    config.pluginmanager.register(scrubbing, "mock_court.scrubbing")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    live.skip_what_a_deployment_cannot_run(config, items)
