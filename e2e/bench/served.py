"""`mock-court serve` in a process of its own, on a free port, for as long as a `with` lasts."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager

LISTENING = re.compile(r"listening on (http://\S+?)/?$")


@contextmanager
def served_mock(*options: str) -> Iterator[str]:
    """Yields the served mock's URL (no trailing slash)."""
    command = [sys.executable, "-m", "mock_court.cli", "serve", "--port", "0", *options]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        first = server.stdout.readline().strip()
        found = LISTENING.search(first)
        if not found:
            raise RuntimeError(f"`mock-court serve` did not start: {first or 'no output'}")
        yield found.group(1)
    finally:
        server.terminate()
        server.wait(timeout=30)
