"""What the plugin keeps on the pytest config between its hooks and fixtures."""

from __future__ import annotations

import pytest

from e2e.config import Settings

SETTINGS = pytest.StashKey[Settings]()
LIVE_PERSONAS = pytest.StashKey[list[dict]]()  # set only by a --live run
