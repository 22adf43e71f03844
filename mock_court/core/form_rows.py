"""The rows of the PSC forms (a label, the control, a message slot under it), built in Python.

Templates call them as the macros they were: `{{ input("first_name", "First Name", data, errors,
required=True) }}`. The registration form has some thirty rows, and calling a Jinja macro costs
enough that rendering them was most of that page's time. Every value is escaped as autoescape
escapes it (Markup.format), and the markup is the macros' own.
"""

from __future__ import annotations

from collections.abc import Mapping

from flask import Flask
from markupsafe import Markup

from mock_court.core.option_tags import option_tags

Errors = Mapping[str, str]

INPUT = Markup(
    '<div class="row" id="row-{name}">\n  {label}\n  <div class="control">\n'
    '    <input type="{type}" id="{name}" name="{name}"{value}{required}{autocomplete} {described}>\n'
    "    {message}\n  </div>\n</div>"
)
SELECT = Markup(
    '<div class="row" id="row-{name}">\n  {label}\n  <div class="control">\n'
    '    <select id="{name}" name="{name}"{required} {described}{attrs}>\n'
    "      {placeholder}{options}\n    </select>\n    {message}\n  </div>\n</div>"
)
CHECKBOX = Markup(
    '<div class="row checkbox-row" id="row-{name}">\n  <div class="control">\n'
    '    <input type="checkbox" id="{name}" name="{name}" value="1"{checked}{required} {described}>\n'
    "    {label}\n    {message}\n  </div>\n</div>"
)
REQUIRED = Markup(' aria-required="true"')


def label_for(name: str, label: str, required: bool = False) -> Markup:
    star = Markup(' <span class="required">*</span>') if required else ""
    return Markup('<label for="{}">{}{}</label>').format(name, label, star)


def message(name: str, errors: Errors) -> Markup:
    return Markup('<div class="field-message" id="{}-message">{}</div>').format(name, errors.get(name, ""))


def described(name: str, errors: Errors) -> Markup:
    invalid = Markup(' aria-invalid="true"') if errors.get(name) else ""
    return Markup('aria-describedby="{}-message"{}').format(name, invalid)


def input_row(
    name: str,
    label: str,
    data: Mapping,
    errors: Errors,
    required: bool = False,
    type: str = "text",
    autocomplete: str = "",
) -> Markup:
    return INPUT.format(
        name=name,
        label=label_for(name, label, required),
        type=type,
        value="" if type == "password" else Markup(' value="{}"').format(data.get(name, "")),
        required=REQUIRED if required else "",
        autocomplete=Markup(' autocomplete="{}"').format(autocomplete) if autocomplete else "",
        described=described(name, errors),
        message=message(name, errors),
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
    more = Markup("").join(
        Markup(' {}="{}"').format(key, value) for key, value in (attrs or {}).items() if value is not None
    )
    return SELECT.format(
        name=name,
        label=label_for(name, label, required),
        required=REQUIRED if required else "",
        described=described(name, errors),
        attrs=more,
        placeholder=Markup('<option value="">{}</option>').format(placeholder) if placeholder is not None else "",
        options=option_tags(options, data.get(name)),
        message=message(name, errors),
    )


def checkbox_row(name: str, label: str, data: Mapping, errors: Errors, required: bool = False) -> Markup:
    return CHECKBOX.format(
        name=name,
        checked=Markup(" checked") if data.get(name) else "",
        required=REQUIRED if required else "",
        described=described(name, errors),
        label=label_for(name, label, required),
        message=message(name, errors),
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
