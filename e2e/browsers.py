"""Find a Chromium to drive: Playwright's own when installed, otherwise the system's.

Users who ran `playwright install chromium` get Playwright's build with its defaults. On a
machine that cannot download it, the Debian `chromium` package is used instead, with the
flags it needs to run as root on a closed network; headless runs take Debian's
`chromium-headless-shell` when it is there, as Playwright's own build does: the same engine
without the full browser around it, for about a fifth less CPU per test.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
PROJECT_BROWSERS = PROJECT_ROOT / ".browsers"
SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
SYSTEM_HEADLESS_SHELLS = ("chromium-headless-shell",)
SYSTEM_CHROMIUM_ARGS = [
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class BrowserNotFound(RuntimeError):
    pass


def use_project_browsers() -> None:
    """Point Playwright at the project's browser folder, unless the user chose one.

    Must run before Playwright's driver starts: the driver reads it once.
    """
    if "PLAYWRIGHT_BROWSERS_PATH" not in os.environ and PROJECT_BROWSERS.is_dir():
        os.environ["PLAYWRIGHT_BROWSERS_PATH"] = str(PROJECT_BROWSERS)


def playwright_revisions() -> dict[str, str]:
    """Browser revisions this Playwright expects, from its driver's browsers.json."""
    import playwright

    listing = Path(playwright.__file__).parent / "driver" / "package" / "browsers.json"
    return {b["name"]: b["revision"] for b in json.loads(listing.read_text())["browsers"]}


def browsers_path() -> Path:
    configured = os.environ.get("PLAYWRIGHT_BROWSERS_PATH")
    if configured and configured != "0":
        return Path(configured)
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "ms-playwright"
    return Path.home() / ".cache" / "ms-playwright"


def playwright_chromium_installed(path: Path | None = None) -> bool:
    path = path or browsers_path()
    revision = playwright_revisions()["chromium"]
    return any(
        (path / f"{name}-{revision}" / "INSTALLATION_COMPLETE").exists()
        for name in ("chromium_headless_shell", "chromium")
    )


def _first_found(names: tuple[str, ...]) -> str | None:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def system_chromium() -> str | None:
    return _first_found(SYSTEM_CHROMIUMS)


def system_headless_shell() -> str | None:
    return _first_found(SYSTEM_HEADLESS_SHELLS)


def launch_options(headless: bool = True) -> dict:
    """Arguments for `chromium.launch` that find a browser on this machine (the headless shell
    cannot show a window: a headed run takes the full browser)."""
    if playwright_chromium_installed():
        return {}
    executable = (headless and system_headless_shell()) or system_chromium()
    if executable is None:
        raise BrowserNotFound(
            "No Chromium found. Run `make setup`, or `python -m playwright install chromium`, "
            "or install your system's chromium package."
        )
    args = list(SYSTEM_CHROMIUM_ARGS)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        args.insert(0, "--no-sandbox")
    return {"executable_path": executable, "args": args}
