"""The <option> tags of a form's select, rendered once per list and choice.

The registration form lists every country and state: looping over them in a Jinja macro on
every request made that page the mock's slowest. The lists never change, so the same list with
the same choice gives the same tags.
"""

from __future__ import annotations

from collections.abc import Iterable

from flask import Flask
from markupsafe import Markup, escape

from mock_court.core.kept import kept, plain


def _tag(option: str | tuple[str, str], selected: object) -> str:
    value, text = (option, option) if isinstance(option, str) else option
    mark = " selected" if selected == value else ""
    return f'<option value="{escape(value)}"{mark}>{escape(text)}</option>'


@kept(512)
def _render(options: Iterable, selected: object) -> Markup:
    return Markup("\n".join(_tag(option, selected) for option in options))


def option_tags(options: Iterable, selected: object = None) -> Markup:
    """`<option value="V" selected>TEXT</option>` for each value, or (value, text) pair, of `options`."""
    keep = isinstance(options, tuple) and plain(selected)
    return _render(options, selected, keep=keep)


def init_app(app: Flask) -> None:
    app.jinja_env.globals["option_tags"] = option_tags
