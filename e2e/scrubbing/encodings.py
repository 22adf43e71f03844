"""Every form a secret takes on its way through a browser, as one pattern per secret.

A browser sends and shows a value plain, URL-encoded (`%21` or `%21` in lower case, `+` for a
space), JSON-escaped (`\\"`, `\\u0021`), HTML-escaped (`&amp;`, `&#33;`, `&#x21;`, `&excl;`) and
inside base64 bodies that may hold it in any of those forms. Each character of a secret matches
any of its escapes, so mixed forms match too. A base64 body is decoded and searched when it
decodes to text: the body is tried from each of its first four characters, since a run of base64
letters can start before the body itself (three byte offsets and the aligned one).
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from html.entities import html5

MASK = "••••••".encode()
ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
# A secret is a whole value: "Lee" in "Sleep" is not a security answer. What may stand before one
# besides a non-alphanumeric character: the end of an escape (%21Lee, \u0021Lee, \nLee).
_BEFORE = rb"(?:(?<![A-Za-z0-9])|(?<=%[0-9A-Fa-f]{2})|(?<=\\u[0-9A-Fa-f]{4})|(?<=\\[nrtbf]))"
_AFTER = rb"(?![A-Za-z0-9])"
# A short secret counts only as a whole value, never as a word among others: the security answer
# "Lee" is in "answer=Lee&" or ">Lee<", not in "Lee County".
SHORT = 6
_SHORT_BEFORE = rb"(?<![A-Za-z0-9 +])(?<!%20)"
_SHORT_AFTER = rb"(?![A-Za-z0-9 +])(?!%20)"
_BASE64_RUN = re.compile(rb"[A-Za-z0-9+/_-]{8,}={0,2}")  # 6 bytes and more: a secret in a body
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_JSON_SHORT = {'"': '\\"', "\\": "\\\\", "/": "\\/", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_NESTED_ESCAPE = rb"(?:\\\\)*"
BASE64_DEPTH = 2  # base64 of a body holding base64 of the secret


@cache
def _entity_names() -> dict[str, list[str]]:
    names: dict[str, list[str]] = {}
    for name, value in html5.items():
        if len(value) == 1 and name.endswith(";"):
            names.setdefault(value, []).append(name)
    return names


def _hex(number: int, width: int) -> str:
    """A pattern for `number` in hexadecimal, upper or lower case, at least `width` digits."""
    return "".join(f"[{d}{d.upper()}]" if d.isalpha() else d for d in f"{number:0{width}x}")


def char_forms(char: str) -> list[bytes]:
    """Every way a character of a secret may be written: plain, %XX, +, \\", \\uXXXX, &name;, &#N;, &#xN;.

    Letters and digits are left alone by URL, JSON and HTML encoders, so each secret's longest run
    of them is written as it is wherever the secret is: that makes a quick first search.
    """
    forms = [re.escape(char.encode())]
    if char in ALNUM:
        return forms
    code = ord(char)
    forms.append("".join("%(?:25)?" + _hex(byte, 2) for byte in char.encode()).encode())
    if char == " ":
        forms.append(rb"\+")
    # JSON escapes, and JSON in JSON: each level doubles the backslashes before the escape.
    if char in _JSON_SHORT:
        forms.append(_NESTED_ESCAPE + re.escape(_JSON_SHORT[char].encode()))
    if code < 0x10000:
        forms.append(_NESTED_ESCAPE + rb"\\[uU]" + _hex(code, 4).encode())
    forms.append(f"&#0*{code};".encode())
    forms.append(f"&#[xX]0*{_hex(code, 1)};".encode())
    forms.extend(re.escape(f"&{name}".encode()) for name in _entity_names().get(char, ()))
    # Longer forms first: `\\"` must be taken whole, never leave its backslash before a mask.
    return sorted(forms, key=len, reverse=True)


# The longest text one escaped character takes (&#x0000021; is possible but never written).
WIDEST_FORM = 40


def secret_pattern(secret: str) -> bytes:
    body = b"".join(b"(?:" + b"|".join(char_forms(c)) + b")" for c in secret)
    short = len(secret) < SHORT
    before = (_SHORT_BEFORE if short else _BEFORE) if secret[0].isalnum() else b""
    after = (_SHORT_AFTER if short else _AFTER) if secret[-1].isalnum() else b""
    return before + body + after


@dataclass(frozen=True)
class _Secret:
    label: str
    pattern: re.Pattern[bytes]
    core: bytes  # the longest run of letters and digits, written as it is in every encoding
    before: int  # how far before the core a match may start
    after: int  # how far after the core's end it may end

    @classmethod
    def of(cls, secret: str, label: str) -> _Secret:
        runs = re.findall(r"[A-Za-z0-9]+", secret)
        core = max(runs, key=len) if runs else ""
        at = secret.index(core) if core else 0
        return cls(
            label=label,
            pattern=re.compile(secret_pattern(secret)),
            core=core.encode(),
            before=at * WIDEST_FORM,
            after=(len(secret) - at - len(core)) * WIDEST_FORM + 1,  # and one for the look-ahead
        )

    def spans(self, data: bytes) -> Iterator[tuple[int, int]]:
        if not self.core:
            yield from (m.span() for m in self.pattern.finditer(data))
            return
        at = data.find(self.core)
        while at != -1:
            start = max(0, at - self.before)
            end = min(len(data), at + len(self.core) + self.after)
            for match in self.pattern.finditer(data, start, end):
                yield match.span()
            at = data.find(self.core, at + 1)


@dataclass(frozen=True)
class Found:
    label: str  # who the secret belongs to: "returning-user password"
    encoding: str  # plain, url, json, html, base64


def _encoding_of(text: bytes) -> str:
    if b"%" in text or b"+" in text:
        return "url-encoded"
    if b"\\" in text:
        return "json-escaped"
    if b"&" in text:
        return "html-escaped"
    return "plain"


def _text_like(data: bytes) -> bool:
    if _CONTROL.search(data):
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decode(run: bytes) -> Iterator[tuple[int, int, bytes]]:
    """(start, end, text) for each offset where the run decodes to text."""
    body = run.rstrip(b"=")
    for offset in range(4):
        chunk = body[offset:]
        if len(chunk) % 4 == 1:  # a lone trailing letter holds no byte
            chunk = chunk[:-1]
        if len(chunk) < 4:
            return
        end = offset + len(chunk)
        if b"-" in chunk or b"_" in chunk:
            chunk = chunk.translate(bytes.maketrans(b"-_", b"+/"))
        try:
            decoded = binascii.a2b_base64(chunk + b"=" * (-len(chunk) % 4))
        except binascii.Error:
            continue
        if len(decoded) >= 3 and _text_like(decoded):
            yield offset, (len(run) if end == len(body) else end), decoded


def _encode_like(original: bytes, decoded: bytes) -> bytes:
    encoded = base64.b64encode(decoded)
    if b"-" in original or b"_" in original:
        encoded = encoded.translate(bytes.maketrans(b"+/", b"-_"))
    if not original.endswith(b"="):
        encoded = encoded.rstrip(b"=")
    return encoded


class Matcher:
    """Finds and masks a set of secrets (each with a label saying whose it is) in every encoding."""

    def __init__(self, secrets: Mapping[str, str]) -> None:
        ordered = sorted((s for s in secrets if s), key=len, reverse=True)
        self.secrets = [_Secret.of(s, secrets[s]) for s in ordered]

    def __bool__(self) -> bool:
        return bool(self.secrets)

    def _matches(self, data: bytes) -> list[tuple[int, int, str]]:
        """(start, end, label) of every secret written in data, overlaps left out (first, longest)."""
        found = sorted(
            {(start, -end, s.label) for s in self.secrets for start, end in s.spans(data)},
        )
        kept: list[tuple[int, int, str]] = []
        for start, negative_end, label in found:
            if not kept or start >= kept[-1][1]:
                kept.append((start, -negative_end, label))
        return kept

    def find(self, data: bytes, depth: int = BASE64_DEPTH) -> list[Found]:
        found = [Found(label, _encoding_of(data[start:end])) for start, end, label in self._matches(data)]
        if depth:
            for run in _BASE64_RUN.finditer(data):
                for _, _, decoded in _decode(run.group()):
                    inner = self.find(decoded, depth - 1)
                    found.extend(Found(f.label, "base64") for f in inner)
                    if inner:
                        break
        return found

    def mask(self, data: bytes, depth: int = BASE64_DEPTH) -> tuple[bytes, int]:
        """The data with every secret replaced by MASK, and how many were replaced."""
        matches = self._matches(data)
        if matches:
            pieces, last = [], 0
            for start, end, _ in matches:
                pieces += [data[last:start], MASK]
                last = end
            data = b"".join([*pieces, data[last:]])
        count = len(matches)
        if depth:
            data, inside = self._mask_base64(data, depth)
            count += inside
        return data, count

    def _mask_base64(self, data: bytes, depth: int) -> tuple[bytes, int]:
        count = 0

        def replace(run_match: re.Match[bytes]) -> bytes:
            nonlocal count
            run = run_match.group()
            for start, end, decoded in _decode(run):
                masked, inside = self.mask(decoded, depth - 1)
                if inside:
                    count += inside
                    return run[:start] + _encode_like(run[start:end], masked) + run[end:]
            return run

        return _BASE64_RUN.sub(replace, data), count


def masked_text(text: str, matcher: Matcher) -> str:
    """A text with every secret masked (error messages, report sections)."""
    masked, count = matcher.mask(text.encode("utf-8", "surrogateescape"))
    return masked.decode("utf-8", "surrogateescape") if count else text


@lru_cache(maxsize=16)
def matcher_for(secrets: frozenset[str], label: str = "a secret") -> Matcher:
    """A matcher for unlabelled secrets, kept for the next call with the same ones."""
    return Matcher(dict.fromkeys(secrets, label))
