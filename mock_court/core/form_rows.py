"""The rows of the PSC forms (a label, the control, a message slot under it), built in Python.

Templates call them as the macros they were: `{{ input("first_name", "First Name", data, errors,
required=True) }}`. The registration form has some thirty rows, and calling a Jinja macro costs
enough that rendering them was most of that page's time. Every value is escaped as autoescape
escapes it, and the markup is the macros' own. f-strings with markupsafe's escape, not
Markup.format: its formatter is pure Python, and was most of the rows' time in its turn.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask
from markupsafe import Markup, escape

from mock_court.core.option_tags import option_tags

Errors = Mapping[str, str]

REQUIRED = ' aria-required="true"'


def _e(value: object) -> str:
    return str(escape(value))


def label_for(name: str, label: str, required: bool = False) -> Markup:
    star = ' <span class="required">*</span>' if required else ""
    return Markup(f'<label for="{_e(name)}">{_e(label)}{star}</label>')


def message(name: str, errors: Errors) -> Markup:
    return Markup(f'<div class="field-message" id="{_e(name)}-message">{_e(errors.get(name, ""))}</div>')


def described(name: str, errors: Errors) -> Markup:
    invalid = ' aria-invalid="true"' if errors.get(name) else ""
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
    value = "" if type == "password" else f' value="{_e(data.get(name, ""))}"'
    more = (REQUIRED if required else "") + (f' autocomplete="{_e(autocomplete)}"' if autocomplete else "")
    return Markup(
        f'<div class="row" id="row-{_e(name)}">\n  {label_for(name, label, required)}\n  <div class="control">\n'
        f'    <input type="{_e(type)}" id="{_e(name)}" name="{_e(name)}"{value}{more} {described(name, errors)}>\n'
        f"    {message(name, errors)}\n  </div>\n</div>"
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
    more = "".join(f' {_e(key)}="{_e(value)}"' for key, value in (attrs or {}).items() if value is not None)
    first = f'<option value="">{_e(placeholder)}</option>' if placeholder is not None else ""
    required_mark = REQUIRED if required else ""
    return Markup(
        f'<div class="row" id="row-{_e(name)}">\n  {label_for(name, label, required)}\n  <div class="control">\n'
        f'    <select id="{_e(name)}" name="{_e(name)}"{required_mark} {described(name, errors)}{more}>\n'
        f"      {first}{option_tags(options, data.get(name))}\n    </select>\n"
        f"    {message(name, errors)}\n  </div>\n</div>"
    )


def checkbox_row(name: str, label: str, data: Mapping, errors: Errors, required: bool = False) -> Markup:
    checked = " checked" if data.get(name) else ""
    return Markup(
        f'<div class="row checkbox-row" id="row-{_e(name)}">\n  <div class="control">\n'
        f'    <input type="checkbox" id="{_e(name)}" name="{_e(name)}" value="1"{checked}'
        f"{REQUIRED if required else ''} {described(name, errors)}>\n"
        f"    {label_for(name, label, required)}\n    {message(name, errors)}\n  </div>\n</div>"
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
