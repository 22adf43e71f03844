"""Every page the browser tests show is checked for accessibility (tests/accessibility_check.py)."""

import pytest

from tests.accessibility_check import GATE, PageGate, gate_contexts


@pytest.fixture
def new_context(new_context, base_url, request):
    return gate_contexts(new_context, base_url, request.node)


@pytest.fixture
def accessibility(context, request) -> PageGate:
    """The check of this test's pages, to check a page at a point of the test's choosing."""
    return request.node.stash[GATE]
