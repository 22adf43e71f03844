"""Which documented step is running, so a failed test can name it.

A test runs its flows one at a time (an xdist worker runs one test at a time), so one record per
thread is enough: a test's report hook clears it before the test and reads it after. Per
thread, for the walkthrough runs several guides side by side in threads of one process.
A step that raised is still `running`; a step the runner caught failing is in `failed`.
"""

from __future__ import annotations

import threading

from e2e.catalog import Entry


class StepProgress(threading.local):
    def __init__(self) -> None:
        self.running: Entry | None = None
        self.failed: list[tuple[Entry, str]] = []  # (step, its error) in order

    def clear(self) -> None:
        self.running = None
        self.failed = []

    def begin(self, step: Entry) -> None:
        self.running = step

    def end(self, step: Entry, error: str | None = None) -> None:
        """The step is over: done, or failed with `error` and caught by whoever ran it."""
        if self.running == step:
            self.running = None
        if error is not None:
            self.failed.append((step, error))


progress = StepProgress()
