"""Run a guide's main path, step by step, and say how each documented step went."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass

from playwright.sync_api import Page, Request, Response, expect

from e2e.catalog import Entry, Guide
from e2e.flows import FlowContext, run_step
from e2e.reporting.progress import progress
from e2e.secrets import scrub
from e2e.sites import page_path


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


class NetworkTrouble:
    """What went wrong on the wire while a step ran: answers of 500 and up, and requests that got
    no answer at all (a dropped or empty connection), so a failed step names its cause.

    Such a step has failed whatever its page shows next, so once trouble is seen the step's
    remaining actions and assertions give up at once instead of waiting out their whole timeout
    for a page that cannot come. One begun before the trouble was seen keeps its own timeout."""

    WATCHED = ("document", "fetch", "xhr")
    GIVE_UP_MS = 100

    def __init__(self, page: Page) -> None:
        self.page = page
        self.found: list[str] = []
        # Playwright has no getter for either timeout; both live in the client, read here to be put back.
        self._expect_timeout = expect._timeout
        self._page_timeouts = page._impl_obj._timeout_settings
        self._page_timeout = self._page_timeouts.default_timeout()
        page.on("response", self._response)
        page.on("requestfailed", self._failed)

    def _response(self, response: Response) -> None:
        if response.status >= 500:
            self._seen(f"HTTP {response.status} for {response.request.method} {page_path(response.url)}")

    def _failed(self, request: Request) -> None:
        if request.resource_type in self.WATCHED and request.failure != "net::ERR_ABORTED":
            self._seen(f"no answer ({request.failure}) for {request.method} {page_path(request.url)}")

    def _seen(self, trouble: str) -> None:
        if not self.found:
            expect.set_options(timeout=self.GIVE_UP_MS)
            self._page_timeouts.set_default_timeout(self.GIVE_UP_MS)
        self.found.append(trouble)

    def stop(self) -> None:
        self.page.remove_listener("response", self._response)
        self.page.remove_listener("requestfailed", self._failed)
        if self.found:  # the timeouts were shortened: give them back
            expect.set_options(timeout=self._expect_timeout)
            self._page_timeouts.set_default_timeout(self._page_timeout)

    def explain(self, error: str) -> str:
        if not self.found:
            return error
        return f"{error} (the server answered {'; '.join(dict.fromkeys(self.found))})"


def failure_line(guide: Guide, number: int, result: StepResult) -> str:
    """One line naming the guide, the step and why it failed."""
    return f"{guide.id}: step {number} '{result.title}' ({result.id}): {result.error}"


def describe(error: BaseException) -> str:
    """The first lines of an error: what failed, without Playwright's whole call log."""
    lines = [line for line in str(error).splitlines() if line.strip()]
    return " ".join(lines[:3]) if lines else type(error).__name__


def run_guide(
    guide: Guide,
    ctx: FlowContext,
    before: StepHook | None = None,
    after: ResultHook | None = None,
    start: str | None = None,
) -> list[StepResult]:
    """Run every main-path step in order; after a failure the rest are marked not-run. With
    `start`, only the steps from that one on, the browser already where it begins
    (`e2e.journeys.start_at`); the hooks still get each step's number in the guide."""
    results: list[StepResult] = []
    first = [step.id for step in guide.steps].index(start) if start else 0
    for number, step in enumerate(guide.steps[first:], start=first + 1):
        if results and results[-1].status != "passed":
            results.append(StepResult(step.id, step.title, "not-run"))
            continue
        if before:
            before(number, step)
        started = time.perf_counter()
        result = StepResult(step.id, step.title, "passed")
        trouble = NetworkTrouble(ctx.page)
        try:
            run_step(ctx, step)
            if trouble.found:  # its page may not check what came back: a broken answer fails it all the same
                raise AssertionError("a request of this step failed")
        except Exception as error:  # a failing step is a result, not a crash
            result.status, result.error = "failed", scrub(trouble.explain(describe(error)), ctx.page)
            progress.end(step, result.error)
        finally:
            trouble.stop()
        result.duration_s = round(time.perf_counter() - started, 3)
        if after:
            after(number, step, result)
        results.append(result)
    return results
