"""Markup made once for the same arguments: the form rows and option lists a page draws again and
again. The caller says when its arguments can be kept (hashable, and plain strings rather than
Markup: the cache keeps Markup and str apart all the same, by type)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from markupsafe import Markup


def kept(maxsize: int) -> Callable[[Callable[..., Markup]], Callable[..., Markup]]:
    """`@kept(N) def make(*args)`: then `make(*args, keep=True)` gives what an earlier call with the
    same arguments made (the last N kept), and `keep=False` makes it anew."""

    def decorate(make: Callable[..., Markup]) -> Callable[..., Markup]:
        remembered = lru_cache(maxsize=maxsize, typed=True)(make)

        def made(*args: object, keep: bool) -> Markup:
            return (remembered if keep else make)(*args)

        return made

    return decorate


def plain(*values: object) -> bool:
    """Strings (not Markup, which is already safe and must not share what is kept with its text)
    or None: values whose Markup can be kept."""
    return all(value is None or type(value) is str for value in values)
