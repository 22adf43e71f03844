"""What the fuzz tests send: hostile values, one strategy per kind of field, and the changes they
make to a valid form or JSON object (a field left out, sent twice, replaced or wrapped).

A form travels as a list of (name, value) pairs, so that a field can come twice; a value is text,
or bytes that are not UTF-8 (percent-escaped as they are), or Raw bytes put into the body as they
are. A JSON object travels as pairs too, so that a key can come twice; a value is any JSON value,
or a Literal: JSON text the encoder would not write (a 5,000-digit number, 17 nested arrays).
"""

from __future__ import annotations

import binascii
import json
import operator
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any
from urllib.parse import quote_from_bytes

from hypothesis import strategies as st

from mock_court import MAX_BODY_BYTES


class Raw(bytes):
    """Bytes put into a form body as they are: not percent-escaped, not UTF-8."""


class Literal(str):
    """JSON text put into a JSON body as it is."""


Value = Any  # text, bytes or Raw in a form; any JSON value or a Literal in a JSON object
Pairs = list[tuple[str, Value]]


class Kind(Enum):
    """What a field holds; each kind has its own strategy of near misses, beside the shared hostile ones."""

    TEXT = "text"  # names, addresses, logins
    CHOICE = "choice"  # a value from a select list
    SECRET = "secret"  # passwords, security answers
    NUMBER = "number"  # digits: card numbers, account numbers, months, passcodes
    DATE = "date"
    EMAIL = "email"
    FLAG = "flag"  # checkboxes, buttons and form markers
    TOKEN = "token"  # ViewState, captcha tokens, sign-on tokens
    URL = "url"  # appurl
    FAULT = "fault"  # a fault's value or a captcha mode, in the control API


# ---- Values -----------------------------------------------------------------------------------------

FORM_CHARS = st.characters(exclude_categories=["Cs"])  # every category that UTF-8 can carry
JSON_CHARS = st.characters()  # surrogates too: JSON escapes them (\ud800)

SCRIPT_PAYLOADS = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "</textarea><script>alert(1)</script>",
    "javascript:alert(1)",
    "{{7*7}}{% raw %}",
    "${jndi:ldap://x/a}",
    "' OR '1'='1' --",
    "'); DROP TABLE accounts; --",
    "../../../../etc/passwd",
    "%00%0d%0aSet-Cookie: JSESSIONID=x",
    "\u202egnp.exe",
    "]]><!ENTITY x SYSTEM 'file:///etc/passwd'>",
)

any_text = st.text(FORM_CHARS, max_size=40)
other_digits = st.text(
    st.characters(categories=["Nd", "No", "Nl"], exclude_characters="0123456789"), min_size=1, max_size=20
)
# The ten digits of other scripts: int() takes the decimal ones, str.isdigit() the superscripts too.
OTHER_DIGITS = st.sampled_from(
    ["٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "０１２３４５６７８９", "⁰¹²³⁴⁵⁶⁷⁸⁹", "₀₁₂₃₄₅₆₇₈₉", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"]
)
control_chars = st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp"]), min_size=1, max_size=12)
scripts = st.sampled_from(SCRIPT_PAYLOADS)
# A field's worth of one character: past every field's limit, up to past the body's limit.
oversized = st.builds(
    operator.mul,
    st.sampled_from(["x", "7", "é", "€", "𝔘", "<", "\x00"]),
    st.one_of(
        st.integers(61, 4096),
        st.integers(61, 4096),
        st.sampled_from([65_537, MAX_BODY_BYTES // 2, MAX_BODY_BYTES + 1]),
    ),
)
not_utf8 = st.builds(
    operator.add, st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\x80"]), st.binary(max_size=12)
)

hostile = st.one_of(any_text, other_digits, control_chars, scripts, oversized)
hostile_bytes = st.one_of(not_utf8, not_utf8, not_utf8.map(Raw))  # Raw spoils the whole body: rarer

KINDS: dict[Kind, st.SearchStrategy[str]] = {
    Kind.TEXT: any_text,
    Kind.CHOICE: st.sampled_from(["", " ", "Other", "individual", "Visa ", "Mr", "ZZ", "--"]),
    Kind.SECRET: st.text(FORM_CHARS, min_size=14, max_size=46),
    Kind.NUMBER: st.one_of(
        st.text("0123456789", max_size=25),
        st.builds(operator.mul, st.just("9"), st.integers(4000, 6000)),  # past int()'s 4,300 digits
        st.sampled_from(["-1", "+1", "0", "00", "1e9", "0x10", " 1 ", "1_000", "½", "Ⅻ", "٣", "⁴"]),
    ),
    Kind.DATE: st.one_of(
        st.dates().map(date.isoformat),
        st.dates().map(lambda d: f"{d.month:02d}/{d.day:02d}/{d.year}"),
        st.sampled_from(["0000-00-00", "02/30/2021", "2020-13-01", "12/31/99999", "1899-12-31", "٢٠٢٠-٠١-٠١"]),
    ),
    Kind.EMAIL: st.one_of(st.emails(), st.sampled_from(["a@b", "@", "a@@b.org", "a@b.c0m", '"a b"@c.org'])),
    Kind.FLAG: st.sampled_from(["", "0", "1", "on", "off", "true", "next", "back", "reset", "cancel", "continue"]),
    Kind.TOKEN: st.one_of(any_text, st.text("0123456789abcdef", min_size=32, max_size=48), st.just("é" * 32)),
    Kind.URL: st.one_of(
        st.sampled_from(
            [
                "http://[",
                "//[x",
                "https://evil.example/",
                "//evil.example/",
                "/\\evil.example",
                "javascript:alert(1)",
                "http://localhost/pacer/",
                "http://localhost:99999/",
                "/%0d%0aSet-Cookie:x=1",
                "/psc/pscof/manage.jsf?x=1#y",
            ]
        ),
        any_text,
    ),
    Kind.FAULT: st.sampled_from(
        [
            "challenge",
            "fail",
            "stale-cache",
            "psc",
            "psc.user_information",
            "login.cso_login+psc",
            "control.reset",
            "nowhere.at_all",
            "300ms",
            "800ms..100ms",
            "2000bps",
            "99999999999ms",
        ]
    ),
}


def field_values(kind: Kind) -> st.SearchStrategy:
    """A value for a form field of this kind: a near miss of its own, or any hostile value."""
    return st.one_of(KINDS[kind], KINDS[kind], hostile, hostile_bytes)


# What a browser says of the page a post comes from: mostly nothing (a script), else good or bad.
browser_headers: st.SearchStrategy[dict[str, str]] = st.one_of(
    st.just({}),
    st.just({}),
    st.just({}),
    st.fixed_dictionaries(
        {},
        optional={
            "Origin": st.sampled_from(
                ["http://localhost", "https://evil.example", "null", "", "http://[", "http://x:y"]
            ),
            "Sec-Fetch-Site": st.sampled_from(["same-origin", "same-site", "cross-site", "none", ""]),
        },
    ),
)


# ---- JSON -------------------------------------------------------------------------------------------

lone_surrogates = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=4)
json_text = st.one_of(
    st.text(JSON_CHARS, max_size=30), lone_surrogates, scripts, other_digits, control_chars, oversized
)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), json_text)
json_values = st.recursive(
    json_scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(json_text, inner, max_size=4))
)
literals = st.sampled_from(
    [
        Literal("9" * 5000),
        Literal("1e999"),
        Literal("-0"),
        Literal("[" * 17 + "]" * 17),
        Literal('{"a":' * 17 + "1" + "}" * 17),
        Literal('"\\ud800"'),
        Literal('"\\u0000"'),
    ]
)


def json_field_values(kind: Kind) -> st.SearchStrategy:
    """A value for a key of a JSON object: of this kind, hostile text, or another type altogether."""
    return st.one_of(KINDS[kind], json_text, json_values, literals)


# ---- Changes to a valid form ------------------------------------------------------------------------


class How(Enum):
    DROP = "drop"  # the field left out
    SET = "set"  # its value replaced (or a field the form does not have, added)
    FIRST = "first"  # sent twice, the hostile value first
    LAST = "last"  # sent twice, the hostile value last
    AROUND = "around"  # the valid value with hostile text before and after
    DIGITS = "digits"  # the valid value with its digits written in another script's digits


@dataclass(frozen=True)
class Change:
    field: str
    how: How
    value: Value = ""
    suffix: str = ""

    def apply(self, pairs: Pairs) -> Pairs:
        names = [name for name, _value in pairs]
        if self.how is How.DROP:
            return [pair for pair in pairs if pair[0] != self.field]
        if self.field not in names or self.how is How.LAST:
            return [*pairs, (self.field, self.value)]
        if self.how is How.FIRST:
            at = names.index(self.field)
            return [*pairs[:at], (self.field, self.value), *pairs[at:]]
        if self.how is How.AROUND:
            return [(n, f"{self.value}{v}{self.suffix}" if n == self.field else v) for n, v in pairs]
        if self.how is How.DIGITS:
            digits = str.maketrans("0123456789", self.value)
            return [(n, v.translate(digits) if n == self.field and isinstance(v, str) else v) for n, v in pairs]
        return [(n, self.value if n == self.field else v) for n, v in pairs]


def changed(base: Mapping[str, Value], changes: list[Change]) -> Pairs:
    pairs = list(base.items())
    for change in changes:
        pairs = change.apply(pairs)
    return pairs


def _change(name: str, values: st.SearchStrategy, texts: st.SearchStrategy) -> st.SearchStrategy[Change]:
    replaced = st.builds(Change, st.just(name), st.sampled_from([How.SET, How.FIRST, How.LAST]), values)
    return st.one_of(
        replaced,
        replaced,
        st.just(Change(name, How.DROP)),
        st.builds(Change, st.just(name), st.just(How.AROUND), texts, texts),
        st.builds(Change, st.just(name), st.just(How.DIGITS), OTHER_DIGITS),
    )


def _form_change(fields: Mapping[str, Kind]) -> st.SearchStrategy[Change]:
    return st.sampled_from(sorted(fields)).flatmap(
        lambda name: _change(name, field_values(fields[name]), st.one_of(hostile, control_chars))
    )


def form_changes(
    fields: Mapping[str, Kind], rarely: Mapping[str, Kind] | None = None, strangers: Collection[str] = ()
) -> st.SearchStrategy[list[Change]]:
    """Up to four changes to a valid form, most fields left valid so that the checks behind the first get
    reached. A field the form does not have may be added: any name, or one of `strangers` (other forms'
    fields). The `rarely` fields (the ViewState) are changed as seldom: a bad one stops every post at the door."""
    known = _form_change(fields)
    names = st.one_of(any_text, scripts, *([st.sampled_from(sorted(strangers))] if strangers else []))
    unknown = st.builds(Change, names, st.just(How.SET), field_values(Kind.TEXT))
    seldom = [_form_change(rarely)] if rarely else []
    return st.lists(st.one_of(known, known, known, known, unknown, *seldom), max_size=4)


def json_changes(fields: Mapping[str, Kind]) -> st.SearchStrategy[list[Change]]:
    """Up to four changes to a valid JSON object: keys left out or sent twice, values of any type."""
    known = st.sampled_from(sorted(fields)).flatmap(
        lambda name: _change(name, json_field_values(fields[name]), st.text(JSON_CHARS, max_size=8))
    )
    unknown = st.builds(Change, json_text, st.just(How.SET), json_values)
    return st.lists(st.one_of(known, known, known, unknown), max_size=4)


# ---- Bodies -----------------------------------------------------------------------------------------


def _form_part(value: Value, raw: bool) -> bytes:
    if isinstance(value, Raw) and raw:
        return bytes(value)
    return _quoted(value if isinstance(value, bytes) else str(value).encode())


def _quoted(data: bytes) -> bytes:
    if len(data) <= 4096:
        return quote_from_bytes(data).encode()
    # An oversized value with every byte escaped: the same value to the server, made in C, where
    # quote_from_bytes goes byte by byte in Python (seconds for a megabyte).
    return b"%" + binascii.hexlify(data, "%").upper()


def form_body(pairs: Pairs, raw: bool = True) -> bytes:
    """application/x-www-form-urlencoded, each field in its order, twice if it comes twice.

    raw False: Raw bytes percent-escaped too, as in a query string: the server refuses a request
    line with raw bytes (400) before the app sees it."""
    return b"&".join(_form_part(name, raw) + b"=" + _form_part(value, raw) for name, value in pairs)


def _json_part(value: Value) -> str:
    return str(value) if isinstance(value, Literal) else json.dumps(value)


def json_body(pairs: Pairs) -> bytes:
    """A JSON object, each key in its order, twice if it comes twice."""
    return ("{" + ",".join(f"{json.dumps(key)}:{_json_part(value)}" for key, value in pairs) + "}").encode()


def whole_json_bodies(fields: Mapping[str, Kind]) -> st.SearchStrategy:
    """A JSON body of any shape: mostly a changed object (Changes), else any value, any JSON text, any bytes."""
    return st.one_of(
        json_changes(fields),
        json_changes(fields),
        json_values.map(lambda value: json.dumps(value).encode()),
        literals.map(str.encode),
        st.binary(max_size=64),
    )


def json_request_body(base: Mapping[str, Value], drawn: list[Change] | bytes) -> bytes:
    """The body a drawn JSON case sends: the base object changed, or the drawn bytes as they are."""
    return drawn if isinstance(drawn, bytes) else json_body(changed(base, drawn))
