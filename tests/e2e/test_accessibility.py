"""Section 508: each guide's main path, checked against WCAG 2.1 AA after every step.

Every other browser test has the pages it ends on checked too (tests/accessibility_check.py);
here every screen a guide shows at the end of a step is checked, and those it passes through
within a step are opened again and checked; the verdict counts screens another test checked
first, so it does not depend on the order of the tests.
"""

from __future__ import annotations

import pytest

from e2e.catalog import load_guides
from e2e.runner import run_guide

GUIDES = load_guides()


@pytest.mark.parametrize("guide_id", sorted(GUIDES))
def test_every_screen_of_the_guide_meets_wcag_21_aa(guide_id, flow, personas, mock, accessibility):
    guide = GUIDES[guide_id]
    ctx = flow(guide.court, persona=personas[guide.persona] if guide.persona else None)

    results = run_guide(guide, ctx, after=lambda number, step, result: accessibility.check(ctx.page))

    assert [(r.id, r.status, r.error) for r in results if r.status != "passed"] == []
    for path in accessibility.unchecked_paths():  # passed through within a step: opened again
        ctx.page.goto(mock.url.rstrip("/") + path)
        accessibility.check(ctx.page)
    assert accessibility.unchecked_paths() == []
    assert accessibility.failure_lines() == []
