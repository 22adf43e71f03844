"""Reports of every run, in the --output folder (test-results/ by default):

- junit.xml (pytest's own) and report.html (pytest-html, self-contained), unless --junitxml or
  --html name other files. A failed browser test's row shows the documented step it was on
  (guide, step number and title, court), its error in one line, the page at failure and links to
  its video and trace (pytest-playwright keeps them, for failed tests only, in the same folder).
- guides.html and guides.json (--guides-report DIR, or `none`): every catalog entry of every
  guide with its status in this run and the tests naming it.

Under xdist a worker attaches what it knows to the test's report (`extras`, `user_properties`)
and hands the controller its collected tests' covers markers (`workeroutput`); the controller
writes every file.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from e2e.catalog import load_guides
from e2e.pytest_plugin.scrubbing import KEEP, secrets_matcher
from e2e.reporting.failed_step import failed_step
from e2e.reporting.health import as_json, step_health
from e2e.reporting.pages import failed_step_html, guides_html
from e2e.reporting.progress import progress
from e2e.runner import describe
from e2e.scrubbing.encodings import masked_text

COVERS = pytest.StashKey[dict[str, list[str]]]()
WORKER_COVERS = "mock_court_covers"
ERROR_LINE_MAX = 400


def pytest_addoption(parser):
    parser.addoption(
        "--guides-report",
        metavar="DIR",
        help="Where guides.html and guides.json go (default: the --output folder); 'none' writes neither.",
    )


def output_folder(config) -> Path:
    return Path(config.getoption("--output", None) or "test-results")


def is_worker(config) -> bool:
    return hasattr(config, "workerinput")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    """JUnit XML and the HTML report in the output folder where the command line names none (set
    in workers too, so pytest-playwright attaches its artifacts there for the controller)."""
    config.stash[COVERS] = {}
    if config.option.collectonly:
        return
    if not config.option.xmlpath:
        config.option.xmlpath = str(output_folder(config) / "junit.xml")
    if not getattr(config.option, "htmlpath", None):  # pytest-html is in the test extras
        config.option.htmlpath = str(output_folder(config) / "report.html")
        config.option.self_contained_html = True
    folder = config.getoption("--guides-report") or str(output_folder(config))
    if not is_worker(config) and folder != "none":
        config.pluginmanager.register(StepHealthWriter(Path(folder)), "mock-court-step-health")


@pytest.fixture(scope="session", autouse=True)
def delete_output_dir():
    """pytest-playwright's own empties the output folder when a process's first test starts: under
    xdist a late worker would delete an early one's artifacts. The controller empties it once, in
    pytest_sessionstart, before any worker starts."""


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    config = session.config
    if is_worker(config) or config.option.collectonly:
        return
    folder, here = output_folder(config).resolve(), config.invocation_params.dir.resolve()
    if folder.is_dir() and folder != here and folder not in here.parents:  # never the folder pytest runs in
        shutil.rmtree(folder)


def pytest_itemcollected(item):
    """Every collected test's catalog ids, deselected or not: an entry only they name is `not run`."""
    item.config.stash[COVERS][item.nodeid] = covers_of(item)


def pytest_collection_finish(session):
    if is_worker(session.config):
        session.config.workeroutput[WORKER_COVERS] = session.config.stash[COVERS]


def covers_of(item) -> list[str]:
    return [i for marker in item.iter_markers("covers") for i in marker.args]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    progress.clear()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    html = item.config.pluginmanager.getplugin("html")
    if report.failed and report.when in ("setup", "call") and "page" in item.fixturenames:
        attach_failed_step(item, call, report, html)
    if report.when == "teardown" and html is not None:
        link_videos(item.config, report, html)


def one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= ERROR_LINE_MAX else line[: ERROR_LINE_MAX - 1] + "…"


def attach_failed_step(item, call, report, html) -> None:
    step = failed_step(progress, covers_of(item))
    if step is None:
        return
    error = one_line(step.error or (describe(call.excinfo.value) if call.excinfo else report.longreprtext))
    if not item.config.getoption(KEEP, False):
        error = masked_text(error, secrets_matcher())
    properties = [*step.as_properties(), ("error", error)]
    item.user_properties.extend(properties)  # JUnit XML reads the teardown report's
    report.user_properties.extend(properties)
    if html is not None:
        report.extras = [*getattr(report, "extras", []), html.extras.html(failed_step_html(step, error))]


def link_videos(config, report, html) -> None:
    """A link to each video pytest-playwright kept, in place of the copy it embeds in a
    self-contained report (a report of a few failed tests would weigh megabytes)."""
    videos = [path for name, path in report.user_properties if name == "playwright_video"]
    extras = [e for e in getattr(report, "extras", []) if e.get("format_type") != "video"]
    html_dir = Path(config.invocation_params.dir, os.path.expandvars(config.option.htmlpath)).parent
    for number, video in enumerate(videos, start=1):
        link = Path(os.path.relpath(Path(config.invocation_params.dir, video), html_dir)).as_posix()
        extras.append(html.extras.url(link, name="Video" if len(videos) == 1 else f"Video {number}"))
    if videos:
        report.extras = extras


class StepHealthWriter:
    """In the controller: how each test ended and what each names, then guides.html and .json."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.worker_covers: dict[str, list[str]] = {}
        self.outcomes: dict[str, str] = {}

    @pytest.hookimpl(optionalhook=True)
    def pytest_testnodedown(self, node, error):
        self.worker_covers.update(getattr(node, "workeroutput", {}).get(WORKER_COVERS, {}))

    def pytest_runtest_logreport(self, report):
        if report.failed:
            self.outcomes[report.nodeid] = "failed"
        elif report.skipped:
            self.outcomes.setdefault(report.nodeid, "skipped")
        elif report.when == "call":
            self.outcomes.setdefault(report.nodeid, "passed")

    def pytest_sessionfinish(self, session):
        covers = {**session.config.stash[COVERS], **self.worker_covers}
        if not covers:
            return
        health = step_health(load_guides(), covers, self.outcomes)
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / "guides.json").write_text(json.dumps(as_json(health), indent=2) + "\n", encoding="utf-8")
        page = guides_html(health, tests_collected=len(covers), tests_run=len(self.outcomes), folder=self.folder)
        (self.folder / "guides.html").write_text(page, encoding="utf-8")
