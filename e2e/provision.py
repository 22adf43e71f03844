"""Provide a browser and ffmpeg for Playwright, idempotently: `python -m e2e.provision`.

Order: Playwright's own Chromium if installed; else `playwright install chromium`; else, as
root on Debian, `apt-get install chromium ffmpeg` (and `chromium-headless-shell` for headless
runs, where the distribution has it); else stop and say what to install. The system ffmpeg is
linked where Playwright looks for its own, so video recording works too.

`python -m e2e.provision --tools ocr pdf-text speech` also provides the Debian tools a target
needs beyond those: the tests read video frames with tesseract and PDFs with pdftotext, and
`walkthrough --narrate` speaks with espeak-ng. Each is installed only when missing.
"""

from __future__ import annotations

import argparse
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
    system_headless_shell,
)

FFMPEG_NAMES = {"linux": "ffmpeg-linux", "darwin": "ffmpeg-mac"}
# A tool a target may need: (the commands it gives, the Debian package that has them).
TOOLS = {
    "ocr": (("tesseract",), "tesseract-ocr"),
    "pdf-text": (("pdftotext", "pdfinfo"), "poppler-utils"),
    "speech": (("espeak-ng",), "espeak-ng"),
}
INSTALL_TIMEOUT_S = 180
HEADLESS_SHELL_PACKAGE = "chromium-headless-shell"


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
    if not system_chromium():
        if try_playwright_install():
            return "Playwright's Chromium (just installed)"
        if not (can_apt_install() and apt_install("chromium", "ffmpeg") and system_chromium()):
            raise ProvisionError(
                "No Chromium could be provided. Install one of: `python -m playwright install chromium` "
                "(needs internet), or your system's package (Debian: `apt-get install chromium ffmpeg`)."
            )
    shell = provide_headless_shell()
    return f"system Chromium at {system_chromium()}" + (f", headless runs with {shell}" if shell else "")


def provide_headless_shell() -> str | None:
    """Debian's headless shell, when apt knows the package. It is optional: without it, headless
    runs take the full browser, at more CPU per test."""
    if not system_headless_shell() and can_apt_install() and apt_knows(HEADLESS_SHELL_PACKAGE):
        apt_install(HEADLESS_SHELL_PACKAGE)
    return system_headless_shell()


def apt_knows(package: str) -> bool:
    found = subprocess.run(["apt-cache", "show", package], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return found.returncode == 0


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


def provide_tool(name: str) -> str:
    """The commands of one of TOOLS, installed with apt-get when missing (as root on Debian)."""
    commands, package = TOOLS[name]

    def found() -> bool:
        return all(shutil.which(c) for c in commands)

    if not found() and not (can_apt_install() and apt_install(package) and found()):
        raise ProvisionError(
            f"{', '.join(commands)} needed ({name}). "
            f"Install your system's package (Debian: `apt-get install {package}`)."
        )
    return f"{name}: {', '.join(shutil.which(c) or c for c in commands)}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m e2e.provision", description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--tools", nargs="*", choices=sorted(TOOLS), default=[], help="Debian tools to provide too.")
    args = parser.parse_args(argv)
    os.environ.setdefault("PLAYWRIGHT_BROWSERS_PATH", str(PROJECT_BROWSERS))
    target = browsers_path()
    target.mkdir(parents=True, exist_ok=True)
    try:
        say(provide_chromium(target))
        say(provide_ffmpeg(target))
        for name in args.tools:
            say(provide_tool(name))
    except ProvisionError as error:
        print(f"setup failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
