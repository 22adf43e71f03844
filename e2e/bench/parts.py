"""The bench's parts: each runs what it measures and answers its figures."""

from __future__ import annotations

import shlex
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from e2e.bench.figures import Figure, Target
from e2e.bench.guides import time_guides
from e2e.bench.load import measure
from e2e.bench.runs import SuiteRun, outcomes, run_pytest, start_pytest, timed
from e2e.bench.served import served_mock

E2E = "tests/e2e"
SHARED_TESTS = "tests/e2e/test_signon.py"  # small, and it signs filers on: sessions, tokens, passcodes
SHARED_PROCESSES = 4
HEAVIEST = "/psc/pscof/registration.jsf"
# Pages measured beside the registration form, to show it is the heaviest.
OTHER_PAGES = ("/login/csologin/login.jsf", "/pacer/", "/court/txwd/")
CLIENTS = ((1, 8), (2, 4))  # client processes x threads each: is one client process the bottleneck?


@dataclass(frozen=True)
class Options:
    work: Path  # reports and artifacts of the runs
    quick: bool = False  # small runs, for the bench's own test: the figures, not the targets, matter
    say: Callable[[str], None] = print

    @property
    def e2e(self) -> str:
        return "tests/e2e/test_signon.py" if self.quick else E2E

    @property
    def load_seconds(self) -> float:
        return 1.0 if self.quick else 10.0


def progress(options: Options, text: str) -> None:
    options.say(f"bench: {text}")


def outcome_figures(label: str, run: SuiteRun, options: Options) -> list[Figure]:
    notes = [f"exit status {run.timed.status}"] if run.timed.status else []
    notes += [f"see {options.work}/"] if run.failed else []
    note = "; ".join(notes)
    return [
        Figure(f"{label}: tests passed", run.passed, "tests"),
        Figure(f"{label}: tests failed", run.failed, "tests", Target("==", 0), note, required=True),
    ]


def suite(options: Options) -> list[Figure]:
    """The e2e suite serial and with two workers (make test's `-n auto` on this 2-core machine)."""
    figures = []
    for label, workers, target in (("e2e serial (-n 0)", "0", None), ("e2e -n 2", "2", Target("<=", 60))):
        run = run_pytest([options.e2e, "-n", workers], options.work / f"suite-n{workers}.xml")
        progress(options, f"{label} ... {run.timed.wall_s:.1f} s, {run.passed} passed, {run.failed} failed")
        figures.append(Figure(f"{label}: wall", run.timed.wall_s, "s", target))
        figures += outcome_figures(label, run, options)
        per_test = run.timed.cpu_s / max(run.ran, 1)
        figures.append(Figure(f"{label}: CPU per test", per_test, "s", note=f"{run.timed.cpu_s:.0f} s / {run.ran}"))
    return figures


def full(options: Options) -> list[Figure]:
    """The whole `make test`, with the Makefile's own parallelism. Its report is asked for in
    PYTEST_ARGS, which reach that pytest only: in PYTEST_ADDOPTS they would reach the runs of pytest
    that tests start too, and those would write their reports over it."""
    report = options.work / "full.xml"
    run = SuiteRun(timed(full_command(report)))
    run.outcomes = outcomes(report)
    progress(options, f"make test ... {run.timed.wall_s:.1f} s, {run.passed} passed, {run.failed} failed")
    return [
        Figure("make test: wall", run.timed.wall_s, "s", Target("<=", 120)),
        *outcome_figures("make test", run, options),
    ]


def full_command(report: Path) -> list[str]:
    return ["make", "-s", "test", f"PYTEST_ARGS=--junitxml={shlex.quote(str(report.resolve()))}"]


def guides(options: Options) -> list[Figure]:
    figures = []
    times = time_guides(None)[:1] if options.quick else time_guides(None)
    for found in times:
        progress(options, f"guide {found.guide} ... {found.seconds:.1f} s{' FAILED' if found.failure else ''}")
        figures.append(Figure(f"flow: {found.guide}", found.seconds, "s", note=found.failure or ""))
    failed = sum(bool(found.failure) for found in times)
    figures.append(Figure("flows: guides failed", failed, "guides", Target("==", 0), required=True))
    return figures


def load(options: Options) -> list[Figure]:
    """Requests per second of `mock-court serve`, as deployed (no test mode), page by page."""
    figures = []
    not_ok = 0
    with served_mock() as url:
        for processes, threads in CLIENTS:
            found = measure(url + HEAVIEST, options.load_seconds, processes, threads)
            clients = f"{processes}x{threads} clients"
            progress(options, f"serve {HEAVIEST} ({clients}) ... {found.per_second:.0f} req/s")
            note = f"{processes} client process(es) of {threads} keep-alive connections"
            note += f"; p50 {found.percentile_ms(50):.1f} ms, p95 {found.percentile_ms(95):.1f} ms"
            # The target is the server's: judged with the clients spread over processes.
            target = Target(">=", 1000) if (processes, threads) == CLIENTS[-1] else None
            figures.append(Figure(f"serve: {HEAVIEST} ({clients})", found.per_second, "req/s", target, note))
            not_ok += found.not_ok
        processes, threads = CLIENTS[-1]
        for page in () if options.quick else OTHER_PAGES:
            found = measure(url + page, options.load_seconds / 2, processes, threads)
            progress(options, f"serve {page} ... {found.per_second:.0f} req/s")
            figures.append(Figure(f"serve: {page}", found.per_second, "req/s", note="for comparison"))
            not_ok += found.not_ok
    figures.append(Figure("serve: answers not 200", not_ok, "answers", Target("==", 0), required=True))
    return figures


def shared(options: Options) -> list[Figure]:
    """One pytest process against a served mock, then SHARED_PROCESSES at once against another."""
    tests = [SHARED_TESTS, "-n", "0", "-p", "no:randomly"]
    with served_mock("--test-mode") as url:
        alone = run_pytest([*tests, "--base-url", url], options.work / "shared-alone.xml").outcomes
    reports = [options.work / f"shared-{n}.xml" for n in range(SHARED_PROCESSES)]
    with served_mock("--test-mode") as url:
        running = [start_pytest([*tests, "--base-url", url], report) for report in reports]
        for process in running:
            process.wait()
    differing = sum(outcomes(report) != alone for report in reports)
    failed = sum(outcome != "passed" for outcome in alone.values())
    progress(options, f"{SHARED_PROCESSES} processes vs 1 ... {differing} differ, {len(alone)} tests each")
    note = f"{SHARED_TESTS}, {len(alone)} tests, {failed} not passed alone"
    name = f"{SHARED_PROCESSES} processes vs 1: runs that differ"
    return [Figure(name, differing, "runs", Target("==", 0), note, required=True)] + (
        [] if alone else [Figure("shared: tests run alone", 0, "tests", Target(">=", 1), required=True)]
    )


def walkthrough(options: Options) -> list[Figure]:
    out = Path(tempfile.mkdtemp(prefix="walkthrough-", dir=options.work))
    command = [sys.executable, "-m", "mock_court.cli", "walkthrough", "--pace", "fast", "--out", str(out)]
    command += ["--guide", "pacer-registration-moeb", "--no-tips"] if options.quick else []
    run = timed(command)
    progress(options, f"walkthrough --pace fast ... {run.wall_s:.1f} s, exit status {run.status}")
    return [
        Figure("walkthrough --pace fast", run.wall_s, "s", note="every guide and tip" if not options.quick else ""),
        Figure("walkthrough: exit status", run.status, "", Target("==", 0), required=True),
    ]


PARTS = {"full": full, "load": load, "guides": guides, "walkthrough": walkthrough, "shared": shared, "suite": suite}
DEFAULT_PARTS = ("load", "guides", "walkthrough", "shared", "suite")
