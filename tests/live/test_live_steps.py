"""The guides' read-only steps against a deployment: `pytest tests/live --live --base-url URL --personas FILE`.

Each guide is walked once, in a browser context of its own, through its leading steps that
only read (catalog `effect: reads`), and each of those steps is a test of its own that passes
when its part of the walk did. One walk per guide, not one per step: a filer enrolled in MFA
signs on once, as a person would, for the mock (like the real sites) takes each passcode once.
Steps that change state, and steps that read but come after one that changes state, are
reported skipped with why. Without --live the same checks run against the embedded mock (or
--base-url in test mode), in a namespace of their own, with the personas of its control API.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser

from e2e.catalog import Entry, Guide, load_guides
from e2e.config import Settings
from e2e.flows import FlowContext
from e2e.mock_control import MockControl
from e2e.pytest_plugin.live import is_live
from e2e.runner import StepResult, failure_line, run_guide
from e2e.sites import Sites

pytestmark = pytest.mark.live


def not_run_live(guide: Guide, step: Entry) -> str | None:
    """Why a live check does not run a step; None when it does."""
    if not step.reads_only:
        return f"{step.full_id} changes state (catalog effect: {step.effect or 'unsaid'}): live checks only read"
    first = guide.first_change()
    if first is not None and guide.steps.index(step) > guide.steps.index(first):
        return f"{step.full_id} only reads, but follows '{first.id}', which changes state"
    return None


def step_params() -> list:
    params = []
    for guide in load_guides().values():
        for step in guide.steps:
            reason = not_run_live(guide, step)
            marks = [pytest.mark.skip(reason=reason)] if reason else []
            params.append(pytest.param(guide, step, id=step.full_id, marks=marks))
    return params


def read_only_stretch(guide: Guide) -> Guide:
    first = guide.first_change()
    return guide if first is None else dataclasses.replace(guide, steps=guide.steps[: guide.steps.index(first)])


@pytest.fixture(scope="session")
def deployment(pytestconfig: pytest.Config, base_url: str) -> Iterator[tuple[str, MockControl | None]]:
    """The root the walks start from, and the control API when there is one (a namespace of their own)."""
    if is_live(pytestconfig):
        yield base_url, None
        return
    control = MockControl(base_url).new_namespace()
    yield control.url, control
    control.delete()


@pytest.fixture(scope="session")
def walked(
    pytestconfig: pytest.Config,
    browser: Browser,
    browser_context_args: dict,
    settings: Settings,
    deployment: tuple[str, MockControl | None],
) -> Iterator[Callable[[Guide], dict[str, tuple[int, StepResult]]]]:
    """Walks a guide's read-only stretch on first asking; {step id: (number, result)}."""
    root, control = deployment
    sites = Sites(root, settings.site_roots)
    walks: dict[str, dict[str, tuple[int, StepResult]]] = {}
    contexts = []

    def walk(guide: Guide) -> dict[str, tuple[int, StepResult]]:
        if guide.id not in walks:
            people = live_personas(pytestconfig) if control is None else control.personas()
            context = browser.new_context(**browser_context_args)
            contexts.append(context)
            context.set_default_timeout(settings.timeout_ms)
            context.set_default_navigation_timeout(settings.navigation_timeout_ms)
            ctx = FlowContext(
                page=context.new_page(),
                sites=sites,
                court=guide.court,
                mock=control,
                persona=people[guide.persona] if guide.persona else None,
            )
            results = run_guide(read_only_stretch(guide), ctx)
            walks[guide.id] = {r.id: (number, r) for number, r in enumerate(results, start=1)}
        return walks[guide.id]

    yield walk
    for context in contexts:
        context.close()


def live_personas(config: pytest.Config) -> dict[str, dict]:
    from e2e.pytest_plugin.state import LIVE_PERSONAS

    return {p["id"]: p for p in config.stash[LIVE_PERSONAS]}


@pytest.mark.parametrize(("guide", "step"), step_params())
def test_a_step_that_only_reads_passes_on_the_deployment(walked, guide: Guide, step: Entry):
    number, result = walked(guide)[step.id]
    assert result.status == "passed", failure_line(guide, number, result)
