"""Which documented step a failed test is reported against: the step the runner saw fail, else
the step whose flow was running, else the first catalog entry its covers marker names."""

from __future__ import annotations

import pytest

from e2e.catalog import load_guide
from e2e.reporting.failed_step import failed_step
from e2e.reporting.progress import StepProgress

GUIDE = load_guide("link-accounts-txwd")
STEPS = {step.id: step for step in GUIDE.steps}


def test_the_step_the_runner_saw_fail_comes_first():
    progress = StepProgress()
    progress.begin(STEPS["log-in"])
    progress.end(STEPS["log-in"], "no redaction agreement")
    progress.begin(STEPS["redaction-agreement"])
    step = failed_step(progress, ["link-accounts-txwd/have-credentials"])
    assert step is not None
    assert (step.number, step.title, step.error, step.known_from) == (
        4,
        "Log in with your own PACER account",
        "no redaction agreement",
        "the step running",
    )
    assert (step.guide_id, step.court, step.court_name) == (
        "link-accounts-txwd",
        "txwd",
        "U.S. District Court for the Western District of Texas",
    )


def test_a_step_whose_flow_raised_is_still_running():
    progress = StepProgress()
    progress.begin(STEPS["go-to-court-site"])
    progress.end(STEPS["go-to-court-site"])
    progress.begin(STEPS["document-filing-system-link"])
    step = failed_step(progress, [])
    assert step is not None
    assert (step.number, step.entry.id, step.error) == (3, "document-filing-system-link", None)


@pytest.mark.parametrize(
    ("covers", "number", "entry"),
    [
        (["link-accounts-txwd/tip-hard-reload", "link-accounts-txwd/log-in"], 12, "tip-hard-reload"),
        (["no-such-guide/x", "link-accounts-txwd/no-such-entry", "link-accounts-txwd/log-in"], 4, "log-in"),
    ],
)
def test_without_a_step_in_progress_the_covers_marker_names_it(covers, number, entry):
    step = failed_step(StepProgress(), covers)
    assert step is not None
    assert (step.number, step.entry.id, step.known_from) == (number, entry, "the covers marker")
    assert step.title == GUIDE.steps[number - 1].title


def test_a_test_naming_no_entry_has_no_step():
    assert failed_step(StepProgress(), []) is None


def test_a_finished_step_is_no_longer_in_progress():
    progress = StepProgress()
    progress.begin(STEPS["log-in"])
    progress.end(STEPS["log-in"])
    assert (progress.running, progress.failed) == (None, [])
