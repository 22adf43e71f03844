"""Step health: every catalog entry of every guide with the status the run gave it.

An entry is `failed` when a test naming it failed, `passed` when tests naming it ran and all
passed, `not run` when the only tests naming it were deselected, skipped or never reached,
and `not covered` when no collected test names it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from e2e.catalog import Entry, Guide
from e2e.reporting.failed_step import court_name

PASSED, FAILED, NOT_RUN, NOT_COVERED = "passed", "failed", "not run", "not covered"
STATUSES = (PASSED, FAILED, NOT_RUN, NOT_COVERED)


@dataclass(frozen=True)
class CoveringTest:
    nodeid: str
    outcome: str  # passed | failed | skipped | not run


@dataclass(frozen=True)
class EntryHealth:
    entry: Entry
    number: int  # of its main-path step
    status: str
    tests: tuple[CoveringTest, ...]

    def as_dict(self) -> dict:
        return {
            "id": self.entry.id,
            "kind": self.entry.kind,
            "title": self.entry.title,
            "step": self.number,
            "status": self.status,
            "tests": [{"nodeid": t.nodeid, "outcome": t.outcome} for t in self.tests],
        }


@dataclass(frozen=True)
class StepHealth:
    step: EntryHealth
    entries: tuple[EntryHealth, ...]  # its sub-steps, notes, branches and tips


@dataclass(frozen=True)
class GuideHealth:
    guide: Guide
    court_name: str
    steps: tuple[StepHealth, ...]

    def all(self) -> list[EntryHealth]:
        return [h for s in self.steps for h in (s.step, *s.entries)]

    def counts(self) -> dict[str, int]:
        statuses = [h.status for h in self.all()]
        return {status: statuses.count(status) for status in STATUSES}

    def as_dict(self) -> dict:
        return {
            "guide": self.guide.id,
            "title": self.guide.title,
            "court": self.guide.court,
            "court_name": self.court_name,
            "counts": self.counts(),
            "entries": [h.as_dict() for h in self.all()],
        }


def status_of(outcomes: Sequence[str]) -> str:
    if not outcomes:
        return NOT_COVERED
    if "failed" in outcomes:
        return FAILED
    if "passed" in outcomes:
        return PASSED
    return NOT_RUN


def guide_health(guide: Guide, covers: Mapping[str, Sequence[str]], outcomes: Mapping[str, str]) -> GuideHealth:
    """`covers`: every collected test's nodeid and the catalog ids it names (deselected ones too);
    `outcomes`: how each test that ran ended (passed, failed, skipped)."""
    naming: dict[str, list[str]] = {}
    for nodeid, ids in covers.items():
        for full_id in dict.fromkeys(ids):
            naming.setdefault(full_id, []).append(nodeid)

    def health(entry: Entry, number: int) -> EntryHealth:
        tests = tuple(CoveringTest(n, outcomes.get(n, "not run")) for n in sorted(naming.get(entry.full_id, [])))
        return EntryHealth(entry, number, status_of([t.outcome for t in tests]), tests)

    steps = tuple(
        StepHealth(health(step, number), tuple(health(child, number) for child in guide.children(step)))
        for number, step in enumerate(guide.steps, start=1)
    )
    return GuideHealth(guide, court_name(guide.court), steps)


def step_health(
    guides: Mapping[str, Guide], covers: Mapping[str, Sequence[str]], outcomes: Mapping[str, str]
) -> list[GuideHealth]:
    return [guide_health(guide, covers, outcomes) for guide in guides.values()]


def as_json(health: Sequence[GuideHealth]) -> dict:
    return {"statuses": list(STATUSES), "guides": [g.as_dict() for g in health]}
