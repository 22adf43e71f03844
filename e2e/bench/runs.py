"""Commands the bench times: their wall seconds, the CPU seconds of them and all their children
(browsers and mocks included), and, for pytest, each test's outcome from its JUnit report."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path

PYTEST = (sys.executable, "-m", "pytest")


@dataclass
class Timed:
    status: int
    wall_s: float
    cpu_s: float
    output: str = ""


@dataclass
class SuiteRun:
    timed: Timed
    outcomes: dict[str, str] = field(default_factory=dict)  # test id -> passed, failed, error, skipped

    @property
    def passed(self) -> int:
        return sum(outcome == "passed" for outcome in self.outcomes.values())

    @property
    def failed(self) -> int:
        """Failed and errored tests; a run that wrote no report at all counts as one failure."""
        bad = sum(outcome in ("failed", "error") for outcome in self.outcomes.values())
        return bad if self.outcomes or self.timed.status == 0 else max(bad, 1)

    @property
    def ran(self) -> int:
        return sum(outcome != "skipped" for outcome in self.outcomes.values())


def children_cpu_s() -> float:
    """User and system seconds of every child process waited for so far (and of their children)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def timed(command: list[str], env: dict | None = None, cwd: Path | None = None) -> Timed:
    """Run a command to its end; its CPU is what RUSAGE_CHILDREN grew by meanwhile, so the bench
    runs one timed command at a time."""
    cpu, started = children_cpu_s(), time.perf_counter()
    done = subprocess.run(
        command, env={**os.environ, **(env or {})}, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    wall = time.perf_counter() - started
    return Timed(done.returncode, wall, children_cpu_s() - cpu, done.stdout.decode(errors="replace"))


def pytest_command(args: list[str], report: Path) -> list[str]:
    # pytest-playwright empties its --output folder as it starts: every run gets its own.
    artifacts = report.with_suffix("")
    return [*PYTEST, "-q", "-p", "no:cacheprovider", f"--junitxml={report}", f"--output={artifacts}", *args]


def outcomes(report: Path) -> dict[str, str]:
    if not report.exists():
        return {}
    found: dict[str, str] = {}
    for case in ElementTree.parse(report).iter("testcase"):
        kinds = {child.tag for child in case}
        outcome = next((k for k in ("error", "failure", "skipped") if k in kinds), "passed")
        name = f"{case.get('classname')}::{case.get('name')}"
        # a test that failed and then errored in teardown is listed twice: the worse outcome stays
        if found.get(name) in (None, "passed"):
            found[name] = {"failure": "failed"}.get(outcome, outcome)
    return found


def run_pytest(args: list[str], report: Path, env: dict | None = None) -> SuiteRun:
    """pytest with `args`; what it printed is kept beside its report (REPORT.log)."""
    run = timed(pytest_command(args, report), env)
    report.with_suffix(".log").write_text(run.output)
    return SuiteRun(run, outcomes(report))


def start_pytest(args: list[str], report: Path) -> subprocess.Popen:
    """pytest with `args` in the background, printing into REPORT.log."""
    with report.with_suffix(".log").open("w") as log:
        return subprocess.Popen(pytest_command(args, report), stdout=log, stderr=subprocess.STDOUT)
