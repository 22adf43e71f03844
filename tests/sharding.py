"""Shards across machines (pytest-split's --splits N --group K) that agree whatever the order.

pytest-randomly shuffles every run with a seed of its own, and pytest-split breaks ties in the
order it is given: machines with different seeds could then pick overlapping shards. Each
machine splits the tests in the order of their ids, and runs its own shard in its shuffled order.

Tests of one xdist_group share what is costly to make (the walkthrough recordings): split apart,
every shard holding one of them would make it again. pytest-split sees each group as its first
test, weighing what the whole group weighs, and the rest of the group follows that test's shard.
"""

from __future__ import annotations

from collections.abc import Generator

import pytest

GROUPS = pytest.StashKey[dict[str, list[pytest.Item]]]()


@pytest.hookimpl(wrapper=True, specname="pytest_collection_modifyitems")
def pytest_collection_modifyitems_in_id_order(
    config: pytest.Config, items: list[pytest.Item]
) -> Generator[None, None, None]:
    if not getattr(config.option, "splits", None):
        return (yield)
    shuffled = {item.nodeid: rank for rank, item in enumerate(items)}
    items.sort(key=lambda item: item.nodeid)
    try:
        return (yield)
    finally:
        _follow_first_of_each_group(config, items)
        items.sort(key=lambda item: shuffled[item.nodeid])


# Neither tryfirst nor trylast: after the groups are marked (tryfirst), before pytest-split (trylast).
@pytest.hookimpl(specname="pytest_collection_modifyitems")
def pytest_collection_modifyitems_groups_whole(config: pytest.Config, items: list[pytest.Item]) -> None:
    split = config.pluginmanager.get_plugin("pytestsplitplugin")
    if split is None:
        return
    groups: dict[str, list[pytest.Item]] = {}
    for item in items:
        marker = item.get_closest_marker("xdist_group")
        if marker is not None:
            groups.setdefault(str(marker.args[0] if marker.args else marker.kwargs["name"]), []).append(item)
    durations: dict[str, float] = split.cached_durations
    average = sum(durations.values()) / len(durations) if durations else 0.0
    for name, members in groups.items():
        groups[name] = sorted(members, key=lambda item: item.nodeid)  # the same first on every machine
        durations[groups[name][0].nodeid] = sum(durations.get(item.nodeid, average) for item in members)
    followers = {item for _first, *rest in groups.values() for item in rest}
    items[:] = [item for item in items if item not in followers]
    config.stash[GROUPS] = groups


def _follow_first_of_each_group(config: pytest.Config, items: list[pytest.Item]) -> None:
    chosen = set(items)
    left_out = []
    for first, *rest in config.stash.get(GROUPS, {}).values():
        if first in chosen:
            items += rest
        else:
            left_out += rest
    if left_out:
        config.hook.pytest_deselected(items=left_out)
