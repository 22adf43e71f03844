"""Shards across machines: `make test SHARD=k/n` runs the k-th of n shards (pytest-split).

Every machine shuffles its own order (pytest-randomly, a seed each): the shards must still add
up to the whole suite, each test in exactly one of them, with or without xdist workers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

SHARDS = 4


def collect(rootdir: Path, *options: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", *options]
    return subprocess.Popen(command, cwd=rootdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def collected_ids(process: subprocess.Popen) -> list[str]:
    output = process.communicate(timeout=600)[0]
    assert process.returncode == 0, output
    return [line for line in output.splitlines() if "::" in line]


def test_the_shards_add_up_to_the_whole_suite_each_test_in_one(pytestconfig):
    rootdir = pytestconfig.rootpath
    whole = collect(rootdir)
    shards = [
        collect(rootdir, "--splits", str(SHARDS), "--group", str(k), f"--randomly-seed={k * 7919}")
        for k in range(1, SHARDS + 1)
    ]
    everything = collected_ids(whole)
    chosen = [collected_ids(shard) for shard in shards]
    assert all(chosen), "every shard has tests"
    assert sorted(i for shard in chosen for i in shard) == sorted(everything)


SMALL_SUITE = "\n".join(f"def test_{n}():\n    pass\n" for n in range(6))
SMALL_MODULES = ("test_one", "test_two")  # the same test names in both: pytest-split's ties


@pytest.mark.parametrize("algorithm", ["least_duration", "duration_based_chunks"])
def test_shards_run_with_xdist_workers_each_test_once(pytestconfig, tmp_path, algorithm):
    """Three shards, each run by two workers in an order of its own: every test ran once."""
    for module in SMALL_MODULES:
        (tmp_path / f"{module}.py").write_text(SMALL_SUITE)
    env = {**os.environ, "PYTHONPATH": str(pytestconfig.rootpath)}
    runs = []
    for k in (1, 2, 3):
        report = tmp_path / f"shard-{k}.xml"
        command = [sys.executable, "-m", "pytest", "-p", "tests.sharding", "-p", "no:cacheprovider", "-n", "2", "-q"]
        command += ["--splits", "3", "--group", str(k), f"--splitting-algorithm={algorithm}"]
        command += [f"--randomly-seed={k}", f"--junitxml={report}"]
        runs.append((subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE, text=True), report))
    ran: list[str] = []
    for process, report in runs:
        output = process.communicate(timeout=300)[0]
        assert process.returncode == 0, output
        ran += [f"{case.get('classname')}.{case.get('name')}" for case in ET.parse(report).getroot().iter("testcase")]
    assert sorted(ran) == sorted(f"{module}.test_{n}" for module in SMALL_MODULES for n in range(6))


@pytest.mark.parametrize("shard", ["5/4", "0/4", "x", "2/", "2/4/1", "-1/4"])
def test_a_bad_shard_stops_make_before_anything_runs(pytestconfig, shard):
    done = subprocess.run(
        ["make", "-n", "test", f"SHARD={shard}"], cwd=pytestconfig.rootpath, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert f"SHARD={shard} is not a shard: give k/n" in done.stderr
    assert "pytest" not in done.stdout


def test_pytest_names_a_group_past_the_shards(pytestconfig):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "--splits",
            "4",
            "--group",
            "5",
            "tests/test_shards.py",
        ],
        cwd=pytestconfig.rootpath,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == pytest.ExitCode.USAGE_ERROR
    assert "argument `--group` must be >= 1 and <= 4" in done.stderr


SHARING_CONFTEST = """
import json
import os
import pytest
from tests.shared_fixtures import pytest_collection_modifyitems  # the suite's own grouping

@pytest.fixture(scope="session")
def walkthrough():
    with open("recorded.txt", "a") as recorded:
        recorded.write(os.environ["PYTEST_XDIST_WORKER"] + "\\n")
"""
SHARING_TESTS = """
import pytest

@pytest.mark.parametrize("n", range(8))
def test_uses_the_recording(walkthrough, n):
    pass

@pytest.mark.parametrize("n", range(8))
def test_other(n):
    pass
"""


def test_tests_sharing_a_recording_run_in_one_worker_that_records_it_once(pytestconfig, tmp_path):
    (tmp_path / "conftest.py").write_text(SHARING_CONFTEST)
    (tmp_path / "test_sharing.py").write_text(SHARING_TESTS)
    env = {**os.environ, "PYTHONPATH": str(pytestconfig.rootpath)}
    command = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "2", "--dist", "loadgroup", "-q"]
    done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert len((tmp_path / "recorded.txt").read_text().split()) == 1


GROUPED_TESTS = """
import pytest

@pytest.mark.xdist_group("recording")
@pytest.mark.parametrize("n", range(6))
def test_grouped(n):
    pass

@pytest.mark.parametrize("n", range(12))
def test_alone(n):
    pass
"""


def test_a_group_of_tests_sharing_a_recording_lands_whole_in_one_shard(pytestconfig, tmp_path):
    """The group's first test makes the recording (60 s here), the rest use it: one shard takes
    them all."""
    (tmp_path / "test_grouped.py").write_text(GROUPED_TESTS)
    durations = {f"test_grouped.py::test_grouped[{n}]": 60.0 if n == 0 else 0.5 for n in range(6)}
    durations |= {f"test_grouped.py::test_alone[{n}]": 10.0 for n in range(12)}
    (tmp_path / ".test_durations").write_text(json.dumps(durations))
    env = {**os.environ, "PYTHONPATH": str(pytestconfig.rootpath)}
    shards = []
    for k in (1, 2, 3):
        command = [sys.executable, "-m", "pytest", "-p", "tests.sharding", "-p", "no:cacheprovider", "--collect-only"]
        command += ["-q", "--splits", "3", "--group", str(k), "--splitting-algorithm=least_duration"]
        done = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        chosen = [line for line in done.stdout.splitlines() if "::" in line]
        assert f"{len(chosen)}/18 tests collected ({18 - len(chosen)} deselected)" in done.stdout
        shards.append(chosen)
    assert sorted(i for shard in shards for i in shard) == sorted(durations)
    holding = [shard for shard in shards if any("::test_grouped[" in i for i in shard)]
    assert len(holding) == 1 and sum("::test_grouped[" in i for i in holding[0]) == 6
    assert sorted(len(shard) for shard in shards) == [6, 6, 6]  # 62.5 s of group, 6 x 10 s, 6 x 10 s
