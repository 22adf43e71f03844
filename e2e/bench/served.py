"""`mock-court serve` in a process of its own, on a free port, for as long as a `with` lasts."""

from __future__ import annotations

import re
import subprocess
import sys
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import IO

LISTENING = re.compile(r"listening on (http://\S+?)/?$")


SERVE = (sys.executable, "-m", "mock_court.cli", "serve", "--port", "0")


@contextmanager
def served_mock(*options: str, command: Sequence[str] = SERVE) -> Iterator[str]:
    """Yields the served mock's URL (no trailing slash).

    What the server prints after its first line (waitress's warnings, a fault's log lines) is
    read as it comes: a pipe nobody reads fills, and the server then stalls on its next line."""
    server = subprocess.Popen([*command, *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        assert server.stdout is not None
        first = server.stdout.readline().strip()
        found = LISTENING.search(first)
        if not found:
            raise RuntimeError(f"`mock-court serve` did not start: {first or 'no output'}")
        threading.Thread(target=_discard, args=(server.stdout,), daemon=True).start()
        yield found.group(1)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _discard(lines: IO[str]) -> None:
    for _line in lines:
        pass
