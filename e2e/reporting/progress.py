"""Which documented step this process is running, so a failed test can name it.

Flows run one at a time in a process (an xdist worker runs one test at a time), so one record
per process is enough: a test's report hook clears it before the test and reads it after.
A step that raised is still `running`; a step the runner caught failing is in `failed`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from e2e.catalog import Entry


@dataclass
class StepProgress:
    running: Entry | None = None
    failed: list[tuple[Entry, str]] = field(default_factory=list)  # (step, its error) in order

    def clear(self) -> None:
        self.running = None
        self.failed.clear()

    def begin(self, step: Entry) -> None:
        self.running = step

    def end(self, step: Entry, error: str | None = None) -> None:
        """The step is over: done, or failed with `error` and caught by whoever ran it."""
        if self.running == step:
            self.running = None
        if error is not None:
            self.failed.append((step, error))


progress = StepProgress()
