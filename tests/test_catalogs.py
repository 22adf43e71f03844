"""The catalogs name only what exists: each flow a function of e2e.flows, each court a court profile."""

import inspect

import pytest

from e2e.catalog import EFFECTS, CatalogError, Guide, load_guides, parse_guide
from e2e.flows import resolve
from fixtures.courts import court_ids

GUIDES = [pytest.param(guide, id=guide.id) for guide in load_guides().values()]


def is_flow(name: str) -> bool:
    """A function of e2e.flows taking one argument, the FlowContext."""
    try:
        flow = resolve(name)
    except (ImportError, AttributeError):
        return False
    return inspect.isfunction(flow) and len(inspect.signature(flow).parameters) == 1


@pytest.mark.parametrize("guide", GUIDES)
def test_every_flow_a_catalog_names_is_a_flow_function(guide: Guide):
    named = {entry.full_id: entry.flow for entry in guide.entries if entry.flow}
    assert named
    assert {entry: flow for entry, flow in named.items() if not is_flow(flow)} == {}


@pytest.mark.parametrize("guide", GUIDES)
def test_every_guide_is_at_a_known_court(guide: Guide):
    assert guide.court in court_ids()


@pytest.mark.parametrize("guide", GUIDES)
def test_every_step_says_whether_it_only_reads_or_changes_state(guide: Guide):
    assert {step.id: step.effect for step in guide.steps if step.effect not in EFFECTS} == {}
    assert guide.steps[0].reads_only, "a live check could run none of its steps"


def test_a_step_with_an_unknown_effect_is_refused():
    raw = {"id": "g", "title": "G", "court": "txwd", "source": "s", "steps": [{"id": "a", "title": "A", "flow": "x.y"}]}
    raw["steps"][0]["effect"] = "writes"
    with pytest.raises(CatalogError, match="g/a: effect must be one of reads, changes, not 'writes'"):
        parse_guide(raw)
