"""Run a guide's main path, step by step, and say how each documented step went."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from e2e.catalog import Entry, Guide
from e2e.flows import FlowContext, flow_of
from e2e.secrets import scrub


@dataclass
class StepResult:
    id: str
    title: str
    status: str  # passed | failed | not-run
    duration_s: float = 0.0
    error: str | None = None
    screenshot: str | None = None

    def as_dict(self) -> dict:
        return asdict(self)


StepHook = Callable[[int, Entry], None]
ResultHook = Callable[[int, Entry, StepResult], None]


def describe(error: BaseException) -> str:
    """The first lines of an error: what failed, without Playwright's whole call log."""
    lines = [line for line in str(error).splitlines() if line.strip()]
    return " ".join(lines[:3]) if lines else type(error).__name__


def run_guide(
    guide: Guide, ctx: FlowContext, before: StepHook | None = None, after: ResultHook | None = None
) -> list[StepResult]:
    """Run every main-path step in order; after a failure the rest are marked not-run."""
    results: list[StepResult] = []
    for number, step in enumerate(guide.steps, start=1):
        if results and results[-1].status != "passed":
            results.append(StepResult(step.id, step.title, "not-run"))
            continue
        if before:
            before(number, step)
        started = time.perf_counter()
        result = StepResult(step.id, step.title, "passed")
        try:
            flow_of(step)(ctx)
        except Exception as error:  # a failing step is a result, not a crash
            result.status, result.error = "failed", scrub(describe(error), ctx.page)
        result.duration_s = round(time.perf_counter() - started, 3)
        if after:
            after(number, step, result)
        results.append(result)
    return results
