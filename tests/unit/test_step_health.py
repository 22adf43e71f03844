"""Step health: an entry's status from the tests that name it and how they ended."""

from __future__ import annotations

import re

import pytest

from e2e.catalog import load_guide, load_guides
from e2e.reporting.health import as_json, guide_health, status_of
from e2e.reporting.pages import SHARED_DOCS, guides_html, source_href

GUIDE = load_guide("link-accounts-txwd")


@pytest.mark.parametrize(
    ("outcomes", "status"),
    [
        ([], "not covered"),
        (["not run"], "not run"),
        (["skipped", "not run"], "not run"),
        (["passed", "skipped"], "passed"),
        (["passed", "failed"], "failed"),
        (["failed", "not run"], "failed"),
    ],
)
def test_an_entry_status_comes_from_its_tests(outcomes, status):
    assert status_of(outcomes) == status


def test_every_entry_of_a_guide_is_listed_under_its_step_with_its_tests():
    covers = {"t.py::a": ["link-accounts-txwd/log-in", "link-accounts-txwd/tip-hard-reload"], "t.py::b": []}
    health = guide_health(GUIDE, covers, {"t.py::a": "passed"})
    assert [h.entry.id for h in health.all()] == [e.id for e in GUIDE.entries]
    by_id = {h.entry.id: h for h in health.all()}
    assert (by_id["log-in"].status, by_id["log-in"].number) == ("passed", 4)
    assert (by_id["tip-hard-reload"].status, by_id["tip-hard-reload"].number) == ("passed", 12)
    assert [t.nodeid for t in by_id["log-in"].tests] == ["t.py::a"]
    assert by_id["have-credentials"].status == "not covered"
    assert health.counts() == {"passed": 2, "failed": 0, "not run": 0, "not covered": len(GUIDE.entries) - 2}


def test_the_page_escapes_what_it_shows(tmp_path):
    covers = {"t.py::test[<script>alert(1)</script>]": ["link-accounts-txwd/log-in"]}
    health = [guide_health(g, covers, {}) for g in load_guides().values()]
    page = guides_html(health, tests_collected=1, tests_run=0, folder=tmp_path)
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert as_json(health)["guides"][0]["entries"][0].keys() == {"id", "kind", "title", "step", "status", "tests"}


@pytest.mark.skipif(not SHARED_DOCS.is_dir(), reason=f"the help pages are not at {SHARED_DOCS}")
def test_each_guide_links_to_the_page_it_was_written_from_as_seen_from_the_report(tmp_path):
    folder = tmp_path / "test-results"
    page = guides_html([guide_health(g, {}, {}) for g in load_guides().values()], 0, 0, folder=folder)
    links = re.findall(r'written from <a href="([^"#]+)(#[^"]*)?"><code>([^<]+)</code>', page)
    assert len(links) == len(load_guides())
    for href, _fragment, source in links:
        assert (folder / href).resolve() == (SHARED_DOCS / source.partition("#")[0]).resolve()


def test_a_source_not_on_this_machine_is_named_without_a_link(tmp_path):
    assert source_href("seeds/no-such-page.txt", tmp_path) is None
