"""A passing test's contexts close without writing the trace or taking the screenshots that
pytest-playwright would delete at once; anything that may be kept is still recorded."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from e2e.pytest_plugin.browser import record_only_what_may_be_kept


class Tracing:
    def __init__(self) -> None:
        self.stopped: list[dict] = []

    def stop(self, **kwargs) -> None:
        self.stopped.append(kwargs)


def closing(call_outcome: str | None, tracing: str = "retain-on-failure", screenshot: str = "only-on-failure"):
    """What happens when a context closes: (recorded by pytest-playwright, the trace's stops)."""
    recorded: list[object] = []
    recorder = SimpleNamespace(on_will_close_browser_context=recorded.append)
    node = SimpleNamespace()
    if call_outcome is not None:
        node.rep_call = SimpleNamespace(passed=call_outcome == "passed")
    record_only_what_may_be_kept(recorder, node, tracing, screenshot)
    context = SimpleNamespace(tracing=Tracing())
    recorder.on_will_close_browser_context(context)
    return recorded == [context], context.tracing.stopped


def test_after_a_passing_call_the_trace_stops_unwritten_and_nothing_is_recorded():
    assert closing("passed") == (False, [{}])


@pytest.mark.parametrize("call_outcome", ["failed", None], ids=["after a failed call", "while the test runs"])
def test_a_context_that_may_have_to_keep_its_artifacts_is_recorded(call_outcome):
    assert closing(call_outcome) == (True, [])


@pytest.mark.parametrize(("tracing", "screenshot"), [("on", "only-on-failure"), ("retain-on-failure", "on")])
def test_artifacts_kept_for_passing_tests_too_are_recorded(tracing, screenshot):
    assert closing("passed", tracing, screenshot) == (True, [])


def test_without_tracing_a_passing_test_s_context_closes_untouched():
    assert closing("passed", "off", "off") == (False, [])
