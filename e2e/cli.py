"""The client side of the `mock-court` command: `walkthrough` and `guides`.

mock_court/cli.py loads them through the entry-point group `mock_court.commands`
(pyproject.toml), so that the mock itself never imports the client.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from contextlib import contextmanager, nullcontext
from pathlib import Path
from urllib.error import URLError

import click

from e2e.catalog import load_guides
from e2e.config import Settings, load_settings
from e2e.mock_control import MockControl
from e2e.remote_browser import BrowserServerUnreachable, browser_base_url, check_answers, seen_by_browser
from e2e.walkthrough.narration import SPEECH_ENGINE
from e2e.walkthrough.run import Walkthrough
from e2e.walkthrough.video import VideoError, tool
from fixtures.courts import load_courts
from mock_court import create_app
from mock_court.cli import FaultSpec
from mock_court.core.server import LiveServer


@click.command()
def guides() -> None:
    """Print the guide catalogs as a Markdown table (the README's table of guides)."""
    click.echo(guides_table(load_guides().values()))


def guides_table(catalogs) -> str:
    rows = ["| guide | court | steps | sub-steps, notes, branches, tips | title |", "|---|---|---|---|---|"]
    for guide in catalogs:
        others = len(guide.entries) - len(guide.steps)
        rows.append(f"| `{guide.id}` | {guide.court} | {len(guide.steps)} | {others} | {guide.title} |")
    return "\n".join(rows)


@click.command()
@click.option(
    "--guide", "guide_ids", multiple=True, metavar="ID", help="A guide to record (repeatable); default: every guide."
)
@click.option("--court", metavar="ID", help="Record at this court instead of each guide's own.")
@click.option(
    "--out",
    default="walkthroughs",
    show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder for the videos, subtitles, pictures, guide pages and reports.",
)
@click.option(
    "--pace",
    type=click.Choice(["human", "fast"]),
    default="human",
    show_default=True,
    help="human: time to read every card; fast: short videos, for checks.",
)
@click.option(
    "--base-url",
    metavar="URL",
    help="A running mock in test mode (default: BASE_URL of playwright.config.py, else an embedded mock).",
)
@click.option("--faults", type=FaultSpec(), default="", help="Faults for the mock, as for `serve`.")
@click.option(
    "--tips/--no-tips", default=True, show_default=True, help="Record a video of each troubleshooting tip too."
)
@click.option(
    "--narrate", is_flag=True, help=f"Read each step aloud into the videos' sound track ({SPEECH_ENGINE}, offline)."
)
def walkthrough(
    guide_ids: tuple[str, ...],
    court: str | None,
    out: Path,
    pace: str,
    base_url: str | None,
    faults: dict,
    tips: bool,
    narrate: bool,
) -> None:
    """Record captioned videos, printable and illustrated guides of the court help guides."""
    chosen = chosen_guides(guide_ids, court)
    require_video_tools(SPEECH_ENGINE) if narrate else require_video_tools()
    settings = load_settings()
    base_url = base_url or settings.base_url
    browser_url = browser_address(settings, base_url)
    if base_url:
        faults = {**running_mock_faults(base_url), **faults}
    with nullcontext(base_url) if base_url else embedded_mock() as root:
        mocks = lambda: namespace_of(root)  # noqa: E731
        recording = Walkthrough(
            out, pace, mocks, os.cpu_count() or 1, click.echo, faults, settings, narrate=narrate, tips=tips,
            browser_url=browser_url,
        )  # fmt: skip
        status = recording.run(chosen, court)
    raise SystemExit(status)


def chosen_guides(guide_ids: tuple[str, ...], court: str | None) -> list:
    """The guides asked for (every guide when none is), refusing unknown guide and court ids."""
    guides = load_guides()
    unknown = [g for g in guide_ids if g not in guides]
    if unknown:
        raise click.BadParameter(
            f"unknown guide {', '.join(unknown)}; known guides: {', '.join(guides)}", param_hint="--guide"
        )
    if court is not None and court not in load_courts():
        raise click.BadParameter(
            f"unknown court {court}; known courts: {', '.join(load_courts())}", param_hint="--court"
        )
    return [guides[g] for g in dict.fromkeys(guide_ids)] or list(guides.values())


def browser_address(settings: Settings, base_url: str | None) -> Callable[[str], str]:
    """How the browser reaches an address of the mock, refusing a browser server that does not answer."""
    if settings.browser_ws_endpoint:
        try:
            check_answers(settings.browser_ws_endpoint)
        except BrowserServerUnreachable as error:
            raise click.ClickException(str(error)) from error
    try:
        browser_base = browser_base_url(settings, base_url or "", served=bool(base_url))
    except ValueError as error:
        raise click.ClickException(str(error)) from error
    if not base_url or browser_base == base_url:
        return str
    return lambda url: seen_by_browser(url, base_url, browser_base)


def require_video_tools(*more: str) -> None:
    try:
        for name in ("ffmpeg", "ffprobe", *more):
            tool(name)
    except VideoError as error:
        raise click.ClickException(str(error)) from error


@contextmanager
def embedded_mock():
    """A mock for the whole run, when no running one is named."""
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # progress lines, not request lines
    with LiveServer(create_app({"TEST_MODE": True})) as server:
        yield server.url


@contextmanager
def namespace_of(root: str):
    """A namespace of its own on the mock at `root` for one recording, so that recordings side by
    side stay apart; deleted when the recording is done."""
    control = MockControl(root).new_namespace()
    try:
        yield control.url
    finally:
        control.delete()


def running_mock_faults(base_url: str) -> dict:
    """The faults a running mock shows now; they are set again after every reset."""
    try:
        return MockControl(base_url).set_faults()
    except URLError as error:
        raise click.ClickException(
            f"{base_url} does not answer the control API ({error}); start it with `mock-court serve --test-mode`"
        ) from error
