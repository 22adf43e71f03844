"""Soak the browser suite: run it again and again under CPU stress and a slow network, and count.

`python -m e2e.soak [--runs 5] [--latency 50ms..250ms] [--paths tests/e2e ...]` (or `make soak`)
runs the suite RUNS times, each in a new order (pytest-randomly's seed is the run's number, so a
failure can be replayed), with stress-ng keeping the CPUs busy (Debian's stress-ng, installed as
the browser is) and every answer of the mock delayed (MOCK_COURT_FAULTS latency, drawn from the
mock's seeded random source). It prints one line per test: runs, failures, slowest time, and
writes the same to test-results/soak.json. Any failure is a bug in a test, a flow or the mock:
the exit status is 1 then.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path

from e2e.provision import ProvisionError, apt_install, can_apt_install, say

RESULTS = Path("test-results")
# The per-step fault checks inject faults of their own; the soak is about the documented flows.
DEFAULT_PATHS = ("tests/e2e",)
DESELECT = ("tests/e2e/test_faults.py",)
STRESS_LIMIT_S = 3600  # stress-ng stops by itself even if this command is killed


@dataclass
class RunRecord:
    runs: int = 0
    failures: int = 0
    slowest_s: float = 0.0


def stress_ng() -> str:
    found = shutil.which("stress-ng")
    if found:
        return found
    if can_apt_install() and apt_install("stress-ng"):
        found = shutil.which("stress-ng")
    if not found:
        raise ProvisionError("stress-ng is needed for the soak: install Debian's stress-ng package")
    return found


def run_once(number: int, paths: list[str], latency: str, cpu_workers: int) -> Path:
    report = RESULTS / "soak" / f"run-{number}.xml"
    report.parent.mkdir(parents=True, exist_ok=True)
    stress = subprocess.Popen(
        [stress_ng(), "--cpu", str(cpu_workers), "--cpu-load", "80", "--timeout", f"{STRESS_LIMIT_S}s", "--quiet"]
    )
    env = {**os.environ, "MOCK_COURT_FAULTS": f"latency={latency}"}
    # pytest-playwright empties its --output folder (test-results) as it starts: each run gets its own.
    artifacts = report.parent / f"artifacts-{number}"
    command = [sys.executable, "-m", "pytest", *paths, "-q", f"--randomly-seed={number}", f"--junitxml={report}"]
    command += [f"--output={artifacts}"]
    command += [f"--deselect={path}" for path in DESELECT]
    try:
        say(f"soak run {number}: {' '.join(command[2:])} (latency {latency}, {cpu_workers} stress workers)")
        subprocess.run(command, env=env)
    finally:
        stress.terminate()
        stress.wait()
    return report


def tally(reports: list[Path]) -> dict[str, RunRecord]:
    records: dict[str, RunRecord] = defaultdict(RunRecord)
    for report in reports:
        for case in ElementTree.parse(report).iter("testcase"):
            if case.find("skipped") is not None:
                continue
            record = records[f"{case.get('classname')}::{case.get('name')}"]
            record.runs += 1
            record.failures += int(case.find("failure") is not None or case.find("error") is not None)
            record.slowest_s = max(record.slowest_s, float(case.get("time", 0)))
    return dict(sorted(records.items()))


def table(records: dict[str, RunRecord]) -> str:
    width = max((len(name) for name in records), default=4)
    lines = [f"{'test':<{width}}  runs  failures  slowest (s)"]
    lines += [f"{name:<{width}}  {r.runs:>4}  {r.failures:>8}  {r.slowest_s:>11.2f}" for name, r in records.items()]
    failures = sum(r.failures for r in records.values())
    lines.append(f"{len(records)} tests, {sum(r.runs for r in records.values())} runs, {failures} failures")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m e2e.soak", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="how many times to run the suite (default 5)")
    parser.add_argument("--latency", default="50ms..250ms", help="MOCK_COURT_FAULTS latency (default 50ms..250ms)")
    parser.add_argument("--cpu-workers", type=int, default=os.cpu_count() or 1, help="stress-ng CPU workers")
    parser.add_argument("paths", nargs="*", default=list(DEFAULT_PATHS), help="test paths (default tests/e2e)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    reports = [run_once(n, args.paths, args.latency, args.cpu_workers) for n in range(1, args.runs + 1)]
    records = tally([r for r in reports if r.exists()])
    print(table(records), flush=True)
    (RESULTS / "soak.json").write_text(json.dumps({name: asdict(r) for name, r in records.items()}, indent=2))
    missing = [r for r in reports if not r.exists()]
    return 1 if missing or any(r.failures for r in records.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
