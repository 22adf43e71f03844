"""Every documented step, note, branch and tip of every guide is walked through by some test."""

import json
import subprocess
import sys

import pytest

from e2e.catalog import all_entry_ids, load_guides


@pytest.fixture(scope="module")
def covered(tmp_path_factory, pytestconfig):
    report = tmp_path_factory.mktemp("covers") / "covers.json"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "--collect-only",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--covers-report={report}",
            str(pytestconfig.rootpath / "tests"),
        ],
        check=True,
        capture_output=True,
        cwd=pytestconfig.rootpath,
    )
    return json.loads(report.read_text())


def test_there_are_guides():
    assert {"pacer-registration-mad", "pacer-registration-moeb", "link-accounts-txwd"} <= set(load_guides())


def test_every_catalog_entry_is_covered_by_a_test(covered):
    covered_ids = {i for ids in covered.values() for i in ids}
    assert sorted(all_entry_ids() - covered_ids) == []


def test_tests_cover_only_real_catalog_entries(covered):
    unknown = {nodeid: sorted(set(ids) - all_entry_ids()) for nodeid, ids in covered.items()}
    assert {k: v for k, v in unknown.items() if v} == {}
