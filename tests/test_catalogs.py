"""The catalogs name only what exists: each flow a function of e2e.flows, each court a court profile."""

import inspect

import pytest

from e2e.catalog import Guide, load_guides
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
