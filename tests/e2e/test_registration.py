"""PACER registration end to end: both guides, with and without a card, and the form's rules."""

from __future__ import annotations

import pytest

from e2e.catalog import load_guide
from e2e.runner import run_guide

GUIDES = ("pacer-registration-mad", "pacer-registration-moeb")


def main_path(guide_id: str) -> list[str]:
    guide = load_guide(guide_id)
    return [step.full_id for step in guide.steps]


@pytest.mark.parametrize("guide_id", GUIDES)
def test_guide_end_to_end_with_a_card(guide_id, flow):
    guide = load_guide(guide_id)
    ctx = flow(guide.court)
    results = run_guide(guide, ctx)
    assert [(r.id, r.status, r.error) for r in results] == [(s.id, "passed", None) for s in guide.steps]
