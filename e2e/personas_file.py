"""A personas file: credentials of a deployment, shaped as `GET /_mock/personas` (JSON or YAML).

Kept out of the repository; a live run signs on with it and scrubs its secrets from artifacts.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

# What every persona needs to sign on; a filer at a court and an enrolled account need more.
REQUIRED = ("id", "username", "password")
FILER_REQUIRED = ("ecf_court", "ecf_login", "ecf_password")
ENROLLED_REQUIRED = ("otp_secret",)


class PersonasFileError(ValueError):
    pass


def load_personas_file(path: Path) -> list[dict]:
    """The personas of `path`, each with what signing on needs: a PersonasFileError names the file,
    the persona and the field otherwise."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise PersonasFileError(f"personas file {path}: no such file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise PersonasFileError(f"personas file {path}: cannot be read ({error})") from None
    try:
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as error:
        kind = "JSON" if path.suffix == ".json" else "YAML"
        raise PersonasFileError(f"personas file {path}: not valid {kind} ({str(error).splitlines()[0]})") from None
    if not isinstance(data, list) or not data or not all(isinstance(p, dict) for p in data):
        raise PersonasFileError(f"personas file {path}: must hold a list of persona objects, as GET /_mock/personas")
    for number, persona in enumerate(data, start=1):
        needed = list(REQUIRED)
        if persona.get("kind") == "filer":
            needed += FILER_REQUIRED
        if persona.get("mfa") == "enrolled":
            needed += ENROLLED_REQUIRED
        for name in needed:
            if not persona.get(name):
                who = f"persona '{persona['id']}'" if persona.get("id") else f"persona {number}"
                raise PersonasFileError(f"personas file {path}: {who} lacks the field '{name}'")
    return data


def require_guide_personas(path: Path, personas: list[dict]) -> None:
    from e2e.catalog import load_guides

    ids = {p["id"] for p in personas}
    for guide in load_guides().values():
        if guide.persona and guide.persona not in ids:
            raise PersonasFileError(f"personas file {path}: no persona '{guide.persona}', whom {guide.id} follows")
