"""Artifacts are scrubbed where they are born: in the process that ran the test, before
pytest-playwright moves them into the --output folder.

Every trace a test leaves is masked of every secret the harness knows (every persona's, the
default registrants', the test cards' and whatever the test typed), in every encoding; pages
draw secret fields as dots for videos and screenshots; failure messages and captured output
lose their secrets before any report is made of them (in an xdist worker too). At the end of a
session the controller sweeps the output folder once more, reports included, which covers a run
stopped by Ctrl-C: pytest tears the fixtures down then, and pytest-playwright keeps the artifacts
of the test it was running. A test id that holds a secret stops the run at collection.
`--keep-secrets-in-artifacts` switches all this off, only to prove that the checks can fail. The
secrets of a --live run's personas file are known from configure time on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from e2e.scrubbing.encodings import Matcher, masked_text
from e2e.scrubbing.files import scrub_file, scrub_tree
from e2e.scrubbing.known import known_secrets
from e2e.secrets import HIDE_SECRET_FIELDS, typed_in_this_process

KEEP = "--keep-secrets-in-artifacts"  # added by the plugin's pytest_addoption


def secrets_matcher() -> Matcher:
    typed = dict.fromkeys(typed_in_this_process, "a secret typed by the test")
    return Matcher({**typed, **known_secrets()})


def _scrubbing(config) -> bool:
    return not config.getoption(KEEP, False)


@pytest.fixture(name="_artifacts_recorder")
def scrubbing_artifacts_recorder(_artifacts_recorder, pytestconfig):
    """pytest-playwright's recorder, masking each trace while it is still in its temporary folder."""
    if not _scrubbing(pytestconfig):
        return _artifacts_recorder
    recorder = _artifacts_recorder
    traces: list[str] = recorder._traces  # where the recorder keeps them until they are moved
    move_to_output = recorder.did_finish_test
    start = recorder.on_did_create_browser_context

    def did_finish_test(failed: bool) -> None:
        # Under retain-on-failure a passing test's traces are deleted, not kept: nothing to mask.
        if failed or pytestconfig.getoption("--tracing") == "on":
            matcher = secrets_matcher()
            for trace in traces:
                scrub_file(Path(trace), matcher)
        move_to_output(failed)

    def on_did_create_browser_context(context) -> None:
        context.add_init_script(script=HIDE_SECRET_FIELDS)
        start(context)

    recorder.did_finish_test = did_finish_test
    recorder.on_did_create_browser_context = on_did_create_browser_context
    return recorder


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A failing step's message (an expect message with a typed value, say) and the captured
    output and logs, without secrets, before any report (terminal, JUnit, HTML) is made of them."""
    outcome = yield
    report = outcome.get_result()
    if not _scrubbing(item.config) or (report.longrepr is None and not report.sections):
        return
    matcher = secrets_matcher()
    if report.longrepr is not None:
        text = str(report.longrepr)
        masked = masked_text(text, matcher)
        if masked != text:
            report.longrepr = masked
    report.sections = [(title, masked_text(content, matcher)) for title, content in report.sections]


def ids_holding_secrets(nodeids: list[str], matcher: Matcher) -> list[str]:
    """The test ids that hold a secret (a parameter's value), masked."""
    return [masked_text(nodeid, matcher) for nodeid in nodeids if matcher.find(nodeid.encode())]


def refusal(config: pytest.Config, nodeids: list[str]) -> str | None:
    """Why the run must not start: a test id is printed in every log and report, and no scrubbing
    can take a secret out of a terminal."""
    holding = ids_holding_secrets(nodeids, secrets_matcher()) if _scrubbing(config) else []
    if not holding:
        return None
    return (
        f"{len(holding)} test id(s) hold a secret, which every log and report would show: "
        + ", ".join(holding[:5])
        + ("" if len(holding) <= 5 else ", ...")
        + ". Give those parameters ids that say whose secret it is (pytest.param(..., id=...))."
    )


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """An id that holds a secret stops the run before anything runs. Under xdist the controller
    checks what the workers collected: an error raised in a worker is shown with the test's id."""
    if hasattr(config, "workerinput"):
        return
    reason = refusal(config, [item.nodeid for item in items])
    if reason:
        raise pytest.UsageError(reason)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_node_collection_finished(node, ids):
    reason = refusal(node.config, ids)
    if reason:
        node.config.pluginmanager.getplugin("dsession").shouldstop = reason  # stops before scheduling


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """After every fixture is torn down (an interrupted test's artifacts are kept then) and every
    report is written (JUnit, pytest-html and the step health all write theirs as the session
    finishes, in an order no plugin controls), the controller sweeps the output folder: a
    worker's folders are scrubbed by the worker."""
    output = config.getoption("--output", None)
    if not output or not _scrubbing(config) or hasattr(config, "workerinput"):
        return
    if Path(output).is_dir():
        scrub_tree([Path(output)], secrets_matcher())
