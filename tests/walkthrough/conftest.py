"""One fast walkthrough of every guide, recorded once and shared by the checks (tests/shared_fixtures.py
keeps the checks that share it in one xdist worker)."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from e2e import cli


@dataclass(frozen=True)
class WalkthroughRun:
    out: Path
    exit_code: int
    output: str
    seconds: float


def walk(*args: str) -> tuple[int, str, float]:
    """`mock-court walkthrough --pace fast ARGS`: exit status, what it printed, seconds taken."""
    started = time.perf_counter()
    result = CliRunner().invoke(cli.walkthrough, ["--pace", "fast", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.output, time.perf_counter() - started


@pytest.fixture(scope="session")
def walkthrough(tmp_path_factory, request) -> WalkthroughRun:
    """`mock-court walkthrough --pace fast` of every guide, with the time it took."""
    out = tmp_path_factory.mktemp("walkthroughs")
    exit_code, output, seconds = walk("--out", str(out))
    plugins = request.config.pluginmanager
    reporter, capture = plugins.get_plugin("terminalreporter"), plugins.get_plugin("capturemanager")
    if reporter and capture:
        with capture.global_and_fixture_disabled():
            reporter.write_line(f"\nfast walkthrough of every guide: {seconds:.1f}s")
    return WalkthroughRun(out, exit_code, output, seconds)
