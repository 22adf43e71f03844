"""Running pytest in a subprocess, as another project (or a live run) would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def clean_env() -> dict[str, str]:
    """This process's environment without the settings a run of ours may have set."""
    return {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("MOCK_COURT_", "PYTEST_")) and name != "PLAYWRIGHT_BROWSERS_PATH"
    }


def run_pytest(cwd: Path, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *args],
        cwd=cwd,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
