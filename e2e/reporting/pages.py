"""HTML for reports, from Jinja templates (autoescaped) styled like the court help pages the
walkthroughs publish."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, select_autoescape

from e2e.reporting.failed_step import FailedStep
from e2e.reporting.health import STATUSES, GuideHealth
from e2e.walkthrough.artifacts import TEMPLATES as WALKTHROUGH_TEMPLATES

TEMPLATES = Path(__file__).parent / "templates"


def environment() -> Environment:
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(TEMPLATES), FileSystemLoader(WALKTHROUGH_TEMPLATES)]),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def failed_step_html(step: FailedStep, error: str) -> str:
    return environment().get_template("failed_step.html").render(step=step, error=error)


def guides_html(health: Sequence[GuideHealth], tests_collected: int, tests_run: int) -> str:
    made = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    return (
        environment()
        .get_template("guides.html")
        .render(guides=health, statuses=STATUSES, made=made, tests_collected=tests_collected, tests_run=tests_run)
    )
