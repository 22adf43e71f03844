"""Shards across machines (pytest-split's --splits N --group K) that agree whatever the order.

pytest-randomly shuffles every run with a seed of its own, and pytest-split breaks ties in the
order it is given: machines with different seeds could then pick overlapping shards. Each
machine splits the tests in the order of their ids, and runs its own shard in its shuffled order.
"""

from __future__ import annotations

from collections.abc import Generator

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> Generator[None, None, None]:
    if not getattr(config.option, "splits", None):
        return (yield)
    shuffled = {item.nodeid: rank for rank, item in enumerate(items)}
    items.sort(key=lambda item: item.nodeid)
    try:
        return (yield)
    finally:
        items.sort(key=lambda item: shuffled[item.nodeid])
