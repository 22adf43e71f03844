"""The documented step a failed test was on: the step the runner saw fail, else the step whose
flow was running when the test failed, else the first entry the test's covers marker names."""

from __future__ import annotations

from dataclasses import dataclass

from e2e.catalog import Entry, Guide, load_guides
from e2e.reporting.progress import StepProgress
from fixtures.courts import load_courts


@dataclass(frozen=True)
class FailedStep:
    guide_id: str
    guide_title: str
    court: str
    court_name: str
    number: int  # of the main-path step, or of the step a sub-step, note, branch or tip is under
    title: str  # the main-path step's
    entry: Entry  # the step itself, or the sub-entry the test is about
    known_from: str  # "the step running" | "the covers marker"
    error: str | None = None  # the runner's own error for the step, when it caught one

    def as_properties(self) -> list[tuple[str, str]]:
        """For JUnit XML: what a CI system shows beside the test."""
        return [
            ("guide", self.guide_id),
            ("court", self.court),
            ("step", f"{self.number} {self.title}"),
            ("catalog_entry", self.entry.full_id),
        ]


def court_name(court: str) -> str:
    return load_courts().get(court, {}).get("name", court)


def step_number(guide: Guide, entry: Entry) -> tuple[int, Entry]:
    """The main-path step an entry is, or is under, and its number (from 1)."""
    step_id = entry.id if entry.parent is None else entry.parent
    for number, step in enumerate(guide.steps, start=1):
        if step.id == step_id:
            return number, step
    raise ValueError(f"{entry.full_id} is under no main-path step")


def find_entry(full_id: str) -> tuple[Guide, Entry] | None:
    guide_id, _, entry_id = full_id.partition("/")
    guide = load_guides().get(guide_id)
    if guide is None:
        return None
    found = [e for e in guide.entries if e.id == entry_id]
    return (guide, found[0]) if found else None


def failed_step(progress: StepProgress, covers: list[str]) -> FailedStep | None:
    error: str | None = None
    if progress.failed:
        entry, error = progress.failed[0]
        known_from = "the step running"
    elif progress.running is not None:
        entry, known_from = progress.running, "the step running"
    else:
        found = next(filter(None, map(find_entry, covers)), None)
        if found is None:
            return None
        entry, known_from = found[1], "the covers marker"
    guide = load_guides()[entry.guide]
    number, step = step_number(guide, entry)
    return FailedStep(
        guide_id=guide.id,
        guide_title=guide.title,
        court=guide.court,
        court_name=court_name(guide.court),
        number=number,
        title=step.title,
        entry=entry,
        known_from=known_from,
        error=error,
    )
