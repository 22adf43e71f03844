"""Provide a browser and ffmpeg for Playwright, idempotently: `python -m e2e.provision`.

Order: Playwright's own Chromium if installed; else `playwright install chromium`; else, as
root on Debian, `apt-get install chromium ffmpeg`; else stop and say what to install. The
system ffmpeg is linked where Playwright looks for its own, so video recording works too.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from e2e.browsers import (
    PROJECT_BROWSERS,
    browsers_path,
    playwright_chromium_installed,
    playwright_revisions,
    system_chromium,
)

FFMPEG_NAMES = {"linux": "ffmpeg-linux", "darwin": "ffmpeg-mac"}
INSTALL_TIMEOUT_S = 180


class ProvisionError(RuntimeError):
    pass


def say(message: str) -> None:
    print(f"setup: {message}", flush=True)


def can_apt_install() -> bool:
    return shutil.which("apt-get") is not None and hasattr(os, "geteuid") and os.geteuid() == 0


def apt_install(*packages: str) -> bool:
    say(f"installing {' '.join(packages)} with apt-get")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}

    def quietly(*command: str) -> int:
        return subprocess.run(list(command), stdout=subprocess.DEVNULL, env=env).returncode

    if quietly("apt-get", "install", "-y", "-qq", *packages) == 0:
        return True
    quietly("apt-get", "update", "-qq")
    return quietly("apt-get", "install", "-y", "-qq", *packages) == 0


def try_playwright_install() -> bool:
    say("trying `playwright install chromium`")
    env = {**os.environ, "PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT": "10000"}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "playwright", "install", "chromium"],
            env=env,
            timeout=INSTALL_TIMEOUT_S,
            capture_output=True,
            text=True,
        )
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0 and playwright_chromium_installed()


def link_default_cache(target: Path) -> bool:
    """Reuse a Chromium the user already installed in Playwright's default cache."""
    default = Path.home() / ".cache" / "ms-playwright"
    if target == default or not playwright_chromium_installed(default):
        return False
    for build in default.iterdir():
        if build.name.startswith(("chromium", "ffmpeg")) and not (target / build.name).exists():
            (target / build.name).symlink_to(build)
    return playwright_chromium_installed(target)


def provide_chromium(target: Path) -> str:
    if playwright_chromium_installed(target) or link_default_cache(target):
        return "Playwright's Chromium"
    if system_chromium():
        return f"system Chromium at {system_chromium()}"
    if try_playwright_install():
        return "Playwright's Chromium (just installed)"
    if can_apt_install() and apt_install("chromium", "ffmpeg") and system_chromium():
        return f"system Chromium at {system_chromium()}"
    raise ProvisionError(
        "No Chromium could be provided. Install one of: `python -m playwright install chromium` "
        "(needs internet), or your system's package (Debian: `apt-get install chromium ffmpeg`)."
    )


def provide_ffmpeg(target: Path) -> str:
    system = shutil.which("ffmpeg")
    if not (system and shutil.which("ffprobe")):
        if not (can_apt_install() and apt_install("ffmpeg")):
            raise ProvisionError(
                "ffmpeg and ffprobe are needed for walkthrough videos. "
                "Install your system's ffmpeg package (Debian: `apt-get install ffmpeg`)."
            )
        system = shutil.which("ffmpeg")
        if system is None:
            raise ProvisionError("ffmpeg was installed with apt-get but is not on PATH.")
    name = FFMPEG_NAMES.get(sys.platform, "ffmpeg-linux")
    slot = target / f"ffmpeg-{playwright_revisions()['ffmpeg']}" / name
    if not slot.exists():
        slot.parent.mkdir(parents=True, exist_ok=True)
        if slot.is_symlink():
            slot.unlink()
        slot.symlink_to(system)
        (slot.parent / "INSTALLATION_COMPLETE").touch()
    return f"ffmpeg for video at {slot}"


def main() -> int:
    os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", str(PROJECT_BROWSERS))
    target = browsers_path()
    target.mkdir(parents=True, exist_ok=True)
    try:
        say(provide_chromium(target))
        say(provide_ffmpeg(target))
    except ProvisionError as error:
        print(f"setup failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
