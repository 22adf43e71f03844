"""How long a field may be: the real page's maxlength where it is known, else the mock's own limit.

Every form checks its fields here before anything else, so an oversized value is refused beside
its field, never stored, echoed or hashed.
"""

from __future__ import annotations

from collections.abc import Mapping

TEXT_MAX = 60  # the mock's own limit where the real page's maxlength is not public
PASSWORD_MAX = 45  # the real password rule: 14 to 45 characters
CLIENT_CODE_MAX = 32  # the real sign-on page's maxlength
URL_MAX = 2048  # hidden fields that carry a page address (appurl)


def length_errors(form: Mapping, limits: Mapping[str, tuple[str, int]]) -> dict[str, str]:
    """{field: message} for each field of `limits` ({field: (label, maximum)}) that is longer."""
    return {
        name: f"{label} must be at most {limit} characters."
        for name, (label, limit) in limits.items()
        if len(form.get(name) or "") > limit
    }


def ascii_digits(value: str) -> bool:
    """Digits as a keyboard types them: str.isdigit() also takes superscripts and other scripts' digits."""
    return value.isascii() and value.isdigit()
