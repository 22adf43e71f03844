"""The secrets the harness knows, each labelled with whose it is, collected by field name.

Every persona's and every default registrant's secret fields count, typed or not: a value the
mock echoes back or the control API sends reaches a trace without being typed. A field is a
secret by its name, so a new field of that name is covered as soon as it exists.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from functools import cache
from typing import Any

SECRET_FIELDS = frozenset(
    {
        "password",
        "confirm_password",
        "ecf_password",
        "security_answers",
        "answers",
        "card_number",
        "security_code",
        "otp_secret",
        "backup_codes",
        "activation_code",
    }
)
CARD_FIELDS = frozenset({"number", "security_code"})  # of a `card`


def secret_fields(record: Any, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(field, value) for every secret in a persona dict or a registrant (dataclasses nest)."""
    items = _items(record)
    for name, value in items:
        field = f"{prefix}{name}"
        if name in SECRET_FIELDS:
            yield from _values(field, value)
        elif name == "card" and value is not None:
            for card_field, card_value in _items(value):
                if card_field in CARD_FIELDS:
                    yield from _values(f"{field}.{card_field}", card_value)


def _items(record: Any) -> list[tuple[str, Any]]:
    if isinstance(record, dict):
        return list(record.items())
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return [(f.name, getattr(record, f.name)) for f in dataclasses.fields(record)]
    return []


def _values(field: str, value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            if item:
                yield f"{field}[{index}]", str(item)
    elif value:
        yield field, str(value)


def labelled(records: Iterable[tuple[str, Any]]) -> dict[str, str]:
    """{secret: "owner field"} for (owner, record) pairs; a secret two owners share keeps the first."""
    found: dict[str, str] = {}
    for owner, record in records:
        for field, value in secret_fields(record):
            found.setdefault(value, f"{owner} {field}")
    return found


_ALSO: dict[str, str] = {}


def also_secret(secrets: dict[str, str]) -> None:
    """Secrets known from elsewhere (a live run's personas file), {secret: whose}, from now on."""
    for secret, label in secrets.items():
        _ALSO.setdefault(secret, label)


def known_secrets() -> dict[str, str]:
    """The seeded personas', the default registrants', the documented test cards' secrets, and
    those made known by `also_secret`."""
    return {**_ALSO, **_seeded_secrets()}


@cache
def _seeded_secrets() -> dict[str, str]:
    from fixtures.courts import load_courts
    from fixtures.personas import build_personas
    from fixtures.registrants import DECLINED_CARD_NUMBER, VALID_CARD_NUMBER, new_registrant

    owners: list[tuple[str, Any]] = [(p["id"], p) for p in build_personas()]
    owners += [(f"registrant-{court}", new_registrant(f"registrant-{court}")) for court in load_courts()]
    found = labelled(owners)
    found.setdefault(VALID_CARD_NUMBER, "test card number (accepted)")
    found.setdefault(DECLINED_CARD_NUMBER, "test card number (declined)")
    return found
