"""Flows: one function per documented step, each taking a FlowContext.

A catalog step names its flow as `module.function` (for example `registration.fill_user_information`);
`resolve` finds it in this package. Flows act through page objects and assert what the guide
says must be observed with `expect`. Before the step's key action (the click the guide names)
a flow calls `ctx.illustrate(locator)`, so a recorder can outline that element in the step's
picture; in tests it does nothing.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Callable

from playwright.sync_api import BrowserContext, Locator, Page

from e2e.mock_control import MockControl
from e2e.sites import Sites


@dataclass
class FlowContext:
    page: Page
    sites: Sites
    court: str
    mock: MockControl | None = None
    persona: dict | None = None
    data: dict = field(default_factory=dict)   # what earlier steps chose or learned
    illustrate: Callable[[Locator], None] = lambda locator: None
    # Opens the browser context of a restarted browser with the runner's settings (a tip
    # restarts the browser); None: a plain context of the same browser.
    open_context: Callable[[], BrowserContext] | None = None


Flow = Callable[[FlowContext], None]


def resolve(name: str) -> Flow:
    module, _, function = name.rpartition(".")
    return getattr(importlib.import_module(f"e2e.flows.{module}"), function)
