"""JSON request bodies, read safely: a body nested deeper than any real client sends is refused
before it is parsed (Python's parser would recurse until it fails)."""

from __future__ import annotations

import json
from typing import Any

from flask import request

MAX_DEPTH = 16


class TooDeep(ValueError):
    pass


def nesting_depth(raw: bytes) -> int:
    """How deep arrays and objects nest in a JSON text, strings skipped."""
    depth = deepest = 0
    in_string = escaped = False
    for byte in raw:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:  # backslash
                escaped = True
            elif byte == 0x22:  # quote
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):  # [ {
            depth += 1
            deepest = max(deepest, depth)
        elif byte in (0x5D, 0x7D):  # ] }
            depth -= 1
    return deepest


def json_body() -> Any:
    """The request's JSON (None when it is not JSON); TooDeep past MAX_DEPTH levels.

    JSON whose strings hold a lone surrogate ("\\ud800") is not JSON either: no text can hold it
    (SQLite, hashing and UTF-8 output all refuse it)."""
    if nesting_depth(request.get_data(cache=True)) > MAX_DEPTH:
        raise TooDeep(f"JSON nested deeper than {MAX_DEPTH} levels")
    body = request.get_json(force=True, silent=True)
    try:
        json.dumps(body, ensure_ascii=False).encode()
    except UnicodeEncodeError:
        return None
    return body


def json_object() -> dict | None:
    """The request's JSON object, or None when the body is anything else."""
    body = json_body()
    return body if isinstance(body, dict) else None
