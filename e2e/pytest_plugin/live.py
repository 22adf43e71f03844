"""Checks against a live deployment: `pytest tests/live --live --base-url URL --personas FILE`.

A live run has no control API: the personas come from a file of the shape of
`GET /_mock/personas` (JSON or YAML, a list of objects), kept out of the repository, and their
secrets join what the artifacts are scrubbed of. Everything is checked before any browser
starts, and a bad file or a missing base URL stops the run with one line saying what to fix.
Only tests marked `live` or `readonly` run; every other one is reported skipped, with why.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from e2e.config import Settings
from e2e.personas_file import PersonasFileError, load_personas_file, require_guide_personas
from e2e.pytest_plugin.state import LIVE_PERSONAS

LIVE_MARKERS = ("live", "readonly")


def add_options(group) -> None:
    group.addoption(
        "--live",
        "--mock-court-live",
        dest="mock_court_live",
        action="store_true",
        help="Check a deployment (--base-url): run only the steps that read, with --personas; skip the rest.",
    )
    group.addoption(
        "--personas",
        "--mock-court-personas",
        dest="mock_court_personas",
        metavar="FILE",
        help="Credentials for --live: JSON or YAML shaped as GET /_mock/personas (MOCK_COURT_PERSONAS).",
    )


def is_live(config: pytest.Config) -> bool:
    return bool(config.getoption("mock_court_live", False))


def live_base_url(config: pytest.Config, settings: Settings) -> str | None:
    return config.getoption("mock_court_url", None) or config.getoption("base_url", None) or settings.base_url


def configure(config: pytest.Config, settings: Settings) -> None:
    """Refuse a live run that cannot work, before any test or browser starts."""
    if not is_live(config):
        return
    if not live_base_url(config, settings):
        raise pytest.UsageError(
            "--live needs the deployment to check: give --base-url URL (or MOCK_COURT_BASE_URL, "
            "or BASE_URL in playwright.config.py)"
        )
    named = config.getoption("mock_court_personas", None) or os.environ.get("MOCK_COURT_PERSONAS")
    if not named:
        raise pytest.UsageError(
            "--live needs the personas to sign on as: give --personas FILE (or MOCK_COURT_PERSONAS), "
            "a JSON or YAML list shaped as GET /_mock/personas (`mock-court personas > FILE` for a mock)"
        )
    path = Path(named)
    try:
        personas = load_personas_file(path)
        require_guide_personas(path, personas)
    except PersonasFileError as error:
        raise pytest.UsageError(str(error)) from None
    from e2e.scrubbing.known import also_secret, labelled

    also_secret(labelled((p["id"], p) for p in personas))
    config.stash[LIVE_PERSONAS] = personas


def skip_what_a_deployment_cannot_run(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not is_live(config):
        return
    skip = pytest.mark.skip(
        reason="not a live check: it needs the mock's control API or changes state (only `live` "
        "and `readonly` tests run with --live)"
    )
    for item in items:
        if not any(item.get_closest_marker(name) for name in LIVE_MARKERS):
            item.add_marker(skip)
