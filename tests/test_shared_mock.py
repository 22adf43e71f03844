"""Many runners, one mock: pytest processes with xdist workers each, side by side, all green.

Every test takes a namespace of its own, so runners that share one served mock cannot see each
other's accounts, links, sessions, faults or outbox. The guide flows chosen here change the
most state (linking the same filers, recovering the same accounts): without namespaces they
collide.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mock_court import create_app
from mock_court.core.server import LiveServer

SHARED_TESTS = ["tests/e2e/test_linking.py", "-k", "following_the_guide or wrong_password_the_right_one"]
RUNNERS = 2


def run_side_by_side(rootdir: Path, out: Path, *base_url: str) -> list[dict]:
    """RUNNERS pytest processes at once, with two workers each; each one's JUnit counts."""
    runs = []
    for n in range(RUNNERS):
        report = out / f"runner-{n}.xml"
        command = [sys.executable, "-m", "pytest", "-q", "-n", "2", "-p", "no:cacheprovider", *base_url]
        command += [f"--junitxml={report}", f"--output={out / f'artifacts-{n}'}", *SHARED_TESTS]
        runs.append((subprocess.Popen(command, cwd=rootdir, stdout=subprocess.PIPE, stderr=subprocess.STDOUT), report))
    results = []
    for process, report in runs:
        output = process.communicate(timeout=600)[0].decode(errors="replace")
        suite = ET.parse(report).getroot().find("testsuite")
        assert suite is not None, output
        counts = {key: int(suite.get(key, 0)) for key in ("tests", "failures", "errors", "skipped")}
        results.append({"status": process.returncode, **counts, "output": output})
    return results


def namespaces_on(url: str) -> list:
    with urllib.request.urlopen(url + "/_mock/namespaces", timeout=10) as answer:
        return json.load(answer)


@pytest.mark.parametrize("where", ["served", "embedded"])
def test_runners_side_by_side_get_the_results_one_gets(pytestconfig, tmp_path, where):
    if where == "served":
        with LiveServer(create_app({"TEST_MODE": True})) as server:
            results = run_side_by_side(pytestconfig.rootpath, tmp_path, "--base-url", server.url)
            assert namespaces_on(server.url) == []  # every test deleted its own
    else:
        results = run_side_by_side(pytestconfig.rootpath, tmp_path)
    for result in results:
        assert (result["status"], result["failures"], result["errors"]) == (0, 0, 0), result["output"]
    assert results[0]["tests"] == results[1]["tests"] >= 4
