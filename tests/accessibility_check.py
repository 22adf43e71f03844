"""The pages browser tests show are checked against WCAG 2.1 AA (e2e/accessibility.py).

Each page of a browser context that tests/e2e opens (tests/e2e/conftest.py) is checked as the
test leaves it: at the end of the test, or when the test closes the context; a test may check
at points of its own (tests/e2e/test_accessibility.py checks after every step of each guide).
The check runs in the test's own thread between its actions, never while the page changes, so
what it finds does not depend on timing. Each screen is checked once per process; a serious or
critical violation fails the test that first showed it, one line per rule. Every test's report
gets a section listing what was checked, and the controller writes them all to
`<--output>/accessibility.json` (test-results/ by default), with the workers' results merged.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import BrowserContext, Error, Page

from e2e.accessibility import PageCheck, check_page, page_key
from e2e.sites import page_path

REPORT_NAME = "accessibility.json"
SECTION = "accessibility (WCAG 2.1 AA)"

checked: dict[str, PageCheck] = {}  # this process's screens, by key: each is checked once


class PageGate:
    """Checks the pages of the contexts it watches, each screen once per process."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.contexts: list[BrowserContext] = []
        self.seen: list[str] = []  # every screen checked here or, earlier, by another test
        self.new: list[PageCheck] = []  # checked first during this test
        self.visited: set[str] = set()  # the paths of the mock the pages committed to
        self.active = True

    def watch(self, context: BrowserContext) -> None:
        self.contexts.append(context)
        context.on("page", self._follow)
        close = context.close

        def check_then_close(**kwargs) -> None:
            self.check_open_pages(context)
            close(**kwargs)

        context.close = check_then_close  # type: ignore[method-assign]

    def _follow(self, page: Page) -> None:
        page.on("framenavigated", lambda frame: self._visited(frame.url) if frame is page.main_frame else None)

    def _visited(self, url: str) -> None:
        if url.startswith(self.base_url):
            self.visited.add(page_path(url))

    def check(self, page: Page) -> None:
        if not self.active or page.is_closed() or not page.url.startswith(self.base_url):
            return
        try:
            key = page_key(page)
            if key is None:
                return
            if key not in checked:
                checked[key] = result = check_page(page, key)
                self.new.append(result)
            if key not in self.seen:
                self.seen.append(key)
        except Error:  # the page went away while it was read: the next visit checks it
            return

    def check_open_pages(self, context: BrowserContext) -> None:
        for page in context.pages:
            self.check(page)

    def unchecked_paths(self) -> list[str]:
        """The paths the pages went to that no check saw: the screens passed through on the way."""
        return sorted(self.visited - {key.split(" | ", 1)[0] for key in self.seen})

    def failure_lines(self) -> list[str]:
        """Every serious or critical violation of the screens seen, whoever checked them first."""
        return [line for key in self.seen for line in checked[key].failure_lines()]

    def finish(self) -> list[str]:
        """Checks what is still open, stops, and gives the failures found first in this test."""
        for context in self.contexts:
            self.check_open_pages(context)
        self.active = False
        return [line for result in self.new for line in result.failure_lines()]


GATE = pytest.StashKey[PageGate]()


def gate_contexts(new_context: Callable[..., BrowserContext], base_url: str, item: pytest.Item):
    """`new_context` whose contexts' pages are checked, failing `item` on a serious violation."""
    gate = item.stash[GATE] = PageGate(base_url)

    def make(**kwargs) -> BrowserContext:
        context = new_context(**kwargs)
        gate.watch(context)
        return context

    return make


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    gate = item.stash.get(GATE, None)
    failures = gate.finish() if gate else []
    if failures:
        raise AssertionError("WCAG 2.1 AA violations:\n" + "\n".join(failures))
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    gate = item.stash.get(GATE, None)
    if report.when == "call" and gate and gate.new:
        report.accessibility = [result.as_dict() for result in gate.new]  # travels from xdist workers
        report.sections.append((SECTION, "\n".join(result.summary() for result in gate.new)))
    return report


reported: dict[str, dict] = {}  # in the controller: every screen checked, by key


def pytest_runtest_logreport(report):
    """In the controller (and in a run without xdist): what each test checked first."""
    for page in getattr(report, "accessibility", None) or []:
        reported.setdefault(page["page"], {**page, "first_checked_by": report.nodeid})


def pytest_sessionfinish(session):
    config = session.config
    if hasattr(config, "workerinput") or not reported:
        return
    output = Path(config.getoption("--output", None) or "test-results")
    output.mkdir(parents=True, exist_ok=True)
    pages = [reported[key] for key in sorted(reported)]
    (output / REPORT_NAME).write_text(json.dumps({"pages": pages}, indent=2) + "\n")
