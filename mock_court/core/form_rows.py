"""The rows of the PSC forms (a label, the control, a message slot under it), built in Python.

Templates call them as the macros they were: `{{ input("first_name", "First Name", data, errors,
required=True) }}`. The registration form has some thirty rows, and calling a Jinja macro costs
enough that rendering them was most of that page's time. Every value is escaped as autoescape
escapes it, and the markup is the macros' own. f-strings with markupsafe's escape, not
Markup.format: its formatter is pure Python, and was most of the rows' time in its turn.

A row depends only on its field's value and message, so a row whose value and message are plain
strings (as typed into a form) is kept once made, as option_tags keeps its lists: most rows of a
form are drawn again and again with the same (usually empty) value. Password rows never show
their value, so none is kept.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from flask import Flask
from markupsafe import Markup, escape

from mock_court.core.kept import kept, plain
from mock_court.core.option_tags import option_tags

Errors = Mapping[str, str]

REQUIRED = ' aria-required="true"'
ROWS_KEPT = 4096


def _e(value: object) -> str:
    return str(escape(value))


@lru_cache(maxsize=ROWS_KEPT, typed=True)
def label_for(name: str, label: str, required: bool = False) -> Markup:
    star = ' <span class="required">*</span>' if required else ""
    return Markup(f'<label for="{_e(name)}">{_e(label)}{star}</label>')


def message(name: str, errors: Errors) -> Markup:
    return _message(name, errors.get(name, ""))


def _message(name: str, error: object) -> Markup:
    return Markup(f'<div class="field-message" id="{_e(name)}-message">{_e(error)}</div>')


def described(name: str, errors: Errors) -> Markup:
    return _described(name, errors.get(name))


def _described(name: str, error: object) -> Markup:
    invalid = ' aria-invalid="true"' if error else ""
    return Markup(f'aria-describedby="{_e(name)}-message"{invalid}')


def input_row(
    name: str,
    label: str,
    data: Mapping,
    errors: Errors,
    required: bool = False,
    type: str = "text",
    autocomplete: str = "",
) -> Markup:
    value = None if type == "password" else data.get(name, "")
    error = errors.get(name, "")
    return _input_row(name, label, value, error, required, type, autocomplete, keep=plain(value, error))


@kept(ROWS_KEPT)
def _input_row(
    name: str, label: str, value: object, error: object, required: bool, type: str, autocomplete: str
) -> Markup:
    shown = "" if value is None else f' value="{_e(value)}"'
    more = (REQUIRED if required else "") + (f' autocomplete="{_e(autocomplete)}"' if autocomplete else "")
    return Markup(
        f'<div class="row" id="row-{_e(name)}">\n  {label_for(name, label, required)}\n  <div class="control">\n'
        f'    <input type="{_e(type)}" id="{_e(name)}" name="{_e(name)}"{shown}{more} {_described(name, error)}>\n'
        f"    {_message(name, error)}\n  </div>\n</div>"
    )


def select_row(
    name: str,
    label: str,
    options,
    data: Mapping,
    errors: Errors,
    required: bool = False,
    placeholder: str | None = "",
    attrs: Mapping[str, object] | None = None,
) -> Markup:
    """options: a list of values, or of (value, text) pairs; attrs: more attributes, escaped like any value."""
    value, error = data.get(name), errors.get(name, "")
    more = tuple((key, given) for key, given in (attrs or {}).items() if given is not None)
    keep = isinstance(options, tuple) and plain(value, error, placeholder, *(v for _k, v in more))
    return _select_row(name, label, options, value, error, required, placeholder, more, keep=keep)


@kept(ROWS_KEPT)
def _select_row(
    name: str,
    label: str,
    options,
    value: object,
    error: object,
    required: bool,
    placeholder: str | None,
    attrs: tuple[tuple[str, object], ...],
) -> Markup:
    more = "".join(f' {_e(key)}="{_e(value)}"' for key, value in attrs)
    first = f'<option value="">{_e(placeholder)}</option>' if placeholder is not None else ""
    required_mark = REQUIRED if required else ""
    return Markup(
        f'<div class="row" id="row-{_e(name)}">\n  {label_for(name, label, required)}\n  <div class="control">\n'
        f'    <select id="{_e(name)}" name="{_e(name)}"{required_mark} {_described(name, error)}{more}>\n'
        f"      {first}{option_tags(options, value)}\n    </select>\n"
        f"    {_message(name, error)}\n  </div>\n</div>"
    )


def checkbox_row(name: str, label: str, data: Mapping, errors: Errors, required: bool = False) -> Markup:
    error = errors.get(name, "")
    return _checkbox_row(name, label, bool(data.get(name)), error, required, keep=plain(error))


@kept(ROWS_KEPT)
def _checkbox_row(name: str, label: str, checked: bool, error: object, required: bool) -> Markup:
    return Markup(
        f'<div class="row checkbox-row" id="row-{_e(name)}">\n  <div class="control">\n'
        f'    <input type="checkbox" id="{_e(name)}" name="{_e(name)}" value="1"{" checked" if checked else ""}'
        f"{REQUIRED if required else ''} {_described(name, error)}>\n"
        f"    {label_for(name, label, required)}\n    {_message(name, error)}\n  </div>\n</div>"
    )


def init_app(app: Flask) -> None:
    app.jinja_env.globals.update(
        label_for=label_for,
        message=message,
        described=described,
        input=input_row,
        select=select_row,
        checkbox=checkbox_row,
    )
