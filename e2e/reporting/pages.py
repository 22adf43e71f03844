"""HTML for reports, from Jinja templates (autoescaped) styled like the court help pages the
walkthroughs publish."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime, timezone
from functools import partial
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from e2e.browsers import PROJECT_ROOT
from e2e.reporting.failed_step import FailedStep
from e2e.reporting.health import STATUSES, GuideHealth
from e2e.walkthrough.artifacts import TEMPLATES as WALKTHROUGH_TEMPLATES

TEMPLATES = Path(__file__).parent / "templates"
# The court help pages and references the guide catalogs were written from (a catalog's `source`).
SHARED_DOCS = PROJECT_ROOT.parent / "shared"


def environment() -> Environment:
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(WALKTHROUGH_TEMPLATES)]),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def failed_step_html(step: FailedStep, error: str) -> str:
    return environment().get_template("failed_step.html").render(step=step, error=error)


def guides_html(health: Sequence[GuideHealth], tests_collected: int, tests_run: int, folder: Path) -> str:
    """The step-health page, to be written into `folder` (its links to the help pages start there)."""
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        environment()
        .get_template("guides.html")
        .render(
            guides=health,
            statuses=STATUSES,
            made=made,
            tests_collected=tests_collected,
            tests_run=tests_run,
            source_href=partial(source_href, folder=folder),
        )
    )


def source_href(source: str, folder: Path) -> str | None:
    """A link from `folder` to the page a guide was written from, or None when it is not here."""
    path, _, fragment = source.partition("#")
    found = SHARED_DOCS / path
    if not found.is_file():
        return None
    href = Path(os.path.relpath(found, folder.resolve())).as_posix()
    return f"{href}#{fragment}" if fragment else href
