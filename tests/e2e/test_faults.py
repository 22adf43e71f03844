"""Every documented step under a broken network: the step fails, says why, and nothing hangs.

For each main-path step that asks the mock for something (its catalog `endpoint`), the guide
starts at that step (through the control API's starts where it can), and a fault is injected on
that endpoint just as the step begins: an HTTP 500, a 503, or a dropped connection.
The guide must stop at that very step, within the timeout, with a message that names the guide,
the step and what the server did.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from e2e.catalog import load_guides
from e2e.journeys import start_at
from e2e.runner import failure_line, run_guide

QUICK_TIMEOUT_MS = 2_000  # a fault shows at once: no step needs long to fail
STEPS = [(guide, step) for guide in load_guides().values() for step in guide.steps if step.endpoint]
FAULTS = {"http500": "HTTP 500 for", "http503": "HTTP 503 for", "drop": "no answer (net::ERR_"}


@pytest.fixture
def quick_timeouts(page, settings):
    page.set_default_timeout(QUICK_TIMEOUT_MS)
    page.set_default_navigation_timeout(QUICK_TIMEOUT_MS)
    expect.set_options(timeout=QUICK_TIMEOUT_MS)
    yield
    expect.set_options(timeout=settings.timeout_ms)


@pytest.mark.parametrize("fault", FAULTS)
@pytest.mark.parametrize(("guide", "step"), STEPS, ids=[f"{guide.id}/{step.id}" for guide, step in STEPS])
def test_a_fault_on_a_steps_endpoint_fails_that_step_and_names_the_fault(
    flow, mock, personas, quick_timeouts, guide, step, fault
):
    ctx = flow(guide.court, persona=personas[guide.persona] if guide.persona else None)

    def inject(number, entry):
        if entry.id == step.id:
            mock.set_faults(**{fault: step.endpoint})

    start_at(ctx, guide, step.id)
    results = run_guide(guide, ctx, before=inject, start=step.id)
    first = guide.steps.index(step) + 1
    failed = [(number, result) for number, result in enumerate(results, start=first) if result.status == "failed"]
    assert [result.id for _number, result in failed] == [step.id]
    line = failure_line(guide, *failed[0])
    assert line.startswith(f"{guide.id}: step {failed[0][0]} '{step.title}' ({step.id}): ")
    assert FAULTS[fault] in line, line
    # The failed step gave up its waits at once, and gave the test its own timeouts back.
    assert expect._timeout == ctx.page._impl_obj._timeout_settings.default_timeout() == QUICK_TIMEOUT_MS
