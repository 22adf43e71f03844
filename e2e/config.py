"""Read playwright.config.py, with MOCK_COURT_<NAME> environment overrides."""

from __future__ import annotations

import json
import os
import runpy
from dataclasses import dataclass, field
from pathlib import Path

from e2e.browsers import PROJECT_ROOT

CONFIG_FILE = PROJECT_ROOT / "playwright.config.py"


@dataclass(frozen=True)
class Settings:
    base_url: str | None = None
    site_roots: dict = field(default_factory=dict)
    browser: str = "chromium"
    headless: bool = True
    viewport: dict = field(default_factory=lambda: {"width": 1280, "height": 720})
    timeout_ms: int = 10_000
    navigation_timeout_ms: int = 15_000
    video: str = "off"
    tracing: str = "off"
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


def load_settings(path: Path | None = None) -> Settings:
    path = Path(os.environ.get("MOCK_COURT_CONFIG", path or CONFIG_FILE))
    values = {k.lower(): v for k, v in runpy.run_path(str(path)).items() if k.isupper()}
    known = {k: v for k, v in values.items() if k in Settings.__dataclass_fields__}
    defaults = Settings(**known)
    return Settings(**{name: _override(name, getattr(defaults, name)) for name in Settings.__dataclass_fields__})


def playwright_option_defaults(settings: Settings, given: list[str]) -> dict:
    """pytest-playwright options to take from the settings: those the command line does not name."""
    wanted = {"browser": [settings.browser], "video": settings.video, "tracing": settings.tracing}

    def named(option: str) -> bool:
        return any(arg == f"--{option}" or arg.startswith(f"--{option}=") for arg in given)

    return {option: value for option, value in wanted.items() if not named(option)}
