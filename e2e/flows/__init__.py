"""Flows: one function per documented step, each taking a FlowContext.

A catalog step names its flow as `module.function` (for example `registration.fill_user_information`);
`resolve` finds it in this package, `flow_of` finds a catalog entry's (an error if it names none),
`run_step` runs one as the process's step in progress (e2e.reporting.progress), and `walk` runs
a stretch of a guide's main path. Flows act through page objects and assert what the guide says
must be observed with `expect`. Before the step's key action (the click the guide names) a flow
calls `ctx.illustrate(locator)`, so a recorder can outline that element in the step's picture; in
tests it does nothing.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import BrowserContext, Locator, Page

from e2e.catalog import Entry, Guide
from e2e.mock_control import MockControl
from e2e.reporting.progress import progress
from e2e.sites import Sites


@dataclass
class FlowContext:
    page: Page
    sites: Sites
    court: str
    mock: MockControl | None = None
    persona: dict | None = None
    data: dict = field(default_factory=dict)  # what earlier steps chose or learned
    illustrate: Callable[[Locator], None] = lambda locator: None
    # Opens the browser context of a restarted browser with the runner's settings (a tip
    # restarts the browser); None: a plain context of the same browser.
    open_context: Callable[[], BrowserContext] | None = None

    def control(self) -> MockControl:
        """The mock's control API (its outbox, its personas), for flows that read what the mock holds."""
        if self.mock is None:
            raise RuntimeError("this flow reads the mock's control API, and the FlowContext has no mock")
        return self.mock


Flow = Callable[[FlowContext], None]


def resolve(name: str) -> Flow:
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(f"e2e.flows.{module}"), function)


def flow_of(entry: Entry) -> Flow:
    """The flow a catalog entry names (every main-path step names one; tips and notes may not)."""
    if not entry.flow:
        raise ValueError(f"{entry.full_id} names no flow to run")
    return resolve(entry.flow)


def run_step(ctx: FlowContext, step: Entry) -> None:
    """Run a documented step's flow; while it runs it is this process's step in progress, so a
    test that fails inside it is reported against it."""
    progress.begin(step)
    flow_of(step)(ctx)
    progress.end(step)


def walk(ctx: FlowContext, guide: Guide, until: str | None = None, start: str | None = None) -> None:
    """Run a guide's main-path steps in order, from the step `start` (the first when None) up
    to, not including, the step `until` (to the end when None): how a test reaches the screen
    it is about, or finishes what it began by hand."""
    ids = [step.id for step in guide.steps]
    for name in filter(None, (start, until)):
        if name not in ids:
            raise ValueError(f"{guide.id} has no step '{name}'")
    begin = ids.index(start) if start else 0
    end = ids.index(until) if until else len(ids)
    for step in guide.steps[begin:end]:
        run_step(ctx, step)
