"""Read playwright.config.py, with MOCK_COURT_<NAME> environment overrides.

Without the file (another project using the pytest plugin has none of ours) the defaults below
hold, and the environment still overrides them."""

from __future__ import annotations

import json
import os
import runpy
from dataclasses import dataclass, field
from pathlib import Path

from e2e.browsers import PROJECT_ROOT

CONFIG_FILE = PROJECT_ROOT / "playwright.config.py"


# Where each real site lives on the mock; {court} is a court id.
DEFAULT_SITE_ROOTS = {
    "pacer": "/pacer",
    "psc": "/psc",
    "login": "/login",
    "recaptcha": "/recaptcha",
    "court": "/court/{court}",
    "ecf": "/ecf/{court}",
}


@dataclass(frozen=True)
class Settings:
    base_url: str | None = None
    site_roots: dict = field(default_factory=lambda: dict(DEFAULT_SITE_ROOTS))
    browser: str = "chromium"
    headless: bool = True
    viewport: dict = field(default_factory=lambda: {"width": 1280, "height": 720})
    timeout_ms: int = 10_000
    navigation_timeout_ms: int = 15_000
    video: str = "retain-on-failure"
    tracing: str = "retain-on-failure"
    screenshot: str = "only-on-failure"
    browser_ws_endpoint: str | None = None
    browser_base_url: str | None = None
    browser_server_launch_options: dict = field(default_factory=dict)


def _override(name: str, value):
    raw = os.environ.get(f"MOCK_COURT_{name.upper()}")
    if raw is None:
        return value
    if isinstance(value, bool):
        return raw.lower() in ("1", "true", "yes", "on")
    if isinstance(value, int):
        return int(raw)
    if isinstance(value, dict):
        return json.loads(raw)
    return raw


class ConfigFileMissing(FileNotFoundError):
    pass


def load_settings(path: Path | None = None) -> Settings:
    """The settings of `path` (MOCK_COURT_CONFIG wins): a missing file named by MOCK_COURT_CONFIG is
    an error; a missing default file means the defaults."""
    named = os.environ.get("MOCK_COURT_CONFIG")
    path = Path(named or path or CONFIG_FILE)
    if named and not path.is_file():
        raise ConfigFileMissing(f"MOCK_COURT_CONFIG names {path}, which is not a file")
    found = runpy.run_path(str(path)) if path.is_file() else {}
    values = {k.lower(): v for k, v in found.items() if k.isupper()}
    known = {k: v for k, v in values.items() if k in Settings.__dataclass_fields__}
    defaults = Settings(**known)
    return Settings(**{name: _override(name, getattr(defaults, name)) for name in Settings.__dataclass_fields__})


def playwright_option_defaults(settings: Settings, given: list[str]) -> dict:
    """pytest-playwright options to take from the settings: those the command line does not name."""
    wanted = {
        "browser": [settings.browser],
        "video": settings.video,
        "tracing": settings.tracing,
        "screenshot": settings.screenshot,
    }

    def named(option: str) -> bool:
        return any(arg == f"--{option}" or arg.startswith(f"--{option}=") for arg in given)

    return {option: value for option, value in wanted.items() if not named(option)}
