"""Record one guide, or one troubleshooting tip, in one browser context.

The recording is Playwright's page screencast: a chapter card before every documented step
(the moment it appears is the step's subtitle cue), a pointer moving to each control before
it is used and the control outlined (paused while a secret goes in), and a picture of every
step taken when the flow points at the step's key element (`ctx.illustrate`), else when the
step ends. Playwright's own action titles (its locator code) are never shown: a script in the
page reports each control used (e2e/walkthrough/actions.py), and the published videos zoom
onto it and caption it in plain words (e2e/walkthrough/publishing.py). Pacing is the
recorder's alone: chapter cards and highlights are held with the screencast's own page-side
timers, a chapter card as long as its narration when narrated.

A flow may close the browser and open it again (a troubleshooting tip does): every context
opened through `ctx.open_context` is recorded too, one segment per context, and the
segments are joined into one video at the end.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, cast

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Error,
    Locator,
    Page,
    ScreencastActionStyle,
    ScreencastSize,
    ViewportSize,
)

from e2e.catalog import Entry, Guide
from e2e.config import Settings
from e2e.flows import FlowContext, flow_of
from e2e.mock_control import MockControl
from e2e.runner import NetworkTrouble, StepResult, describe, run_guide
from e2e.secrets import HIDE_SECRET_FIELDS, register_quiet, scrub
from e2e.sites import Sites
from e2e.walkthrough import video
from e2e.walkthrough.actions import BINDING, WATCH_ACTIONS, Action, step_caption_for
from e2e.walkthrough.artifacts import poster_card, step_caption, step_card, step_cues
from e2e.walkthrough.framing import Camera
from e2e.walkthrough.narration import Narrator
from e2e.walkthrough.publishing import publish_recording

VIDEO_SIZE: ScreencastSize = {"width": 1280, "height": 720}


@dataclass(frozen=True)
class Pace:
    name: str
    chapter_ms: int  # each step's title card
    action_ms: int  # each click or fill annotation (Playwright holds the action this long)
    highlight_ms: int  # the outlined key element, before the flow acts on it
    opening_ms: int  # the guide's title card
    closing_ms: int  # the last screen, held before the video ends
    fps: int  # frames per second recorded
    x264_preset: str  # MP4 conversion: smaller files or a quicker conversion
    camera: Camera  # how the published video follows the action (its lead within action_ms: the
    # control is scrolled into view and the pointer on its way when the camera and caption arrive)


PACES = {
    "human": Pace(
        "human",
        chapter_ms=3000,
        action_ms=700,
        highlight_ms=1200,
        opening_ms=3000,
        closing_ms=2500,
        fps=25,
        x264_preset="veryfast",
        camera=Camera(lead_s=0.6, hold_s=1.0, ease_s=0.45, max_zoom=2.0, caption_s=1.8),
    ),
    "fast": Pace(
        "fast",
        chapter_ms=250,
        action_ms=60,
        highlight_ms=0,
        opening_ms=250,
        closing_ms=0,
        fps=12,
        x264_preset="ultrafast",
        camera=Camera(lead_s=0.05, hold_s=0.4, ease_s=0.15, max_zoom=2.0, caption_s=0.8),
    ),
}

# The pointer and the outline only: Playwright's title of an action is its locator code, which a
# viewer must never see; the plain-language captions are added when the video is published.
ACTION_STYLE: ScreencastActionStyle = {
    "highlight": "outline: 3px solid #d9361e; outline-offset: 2px; background: rgba(217, 54, 30, 0.08)",
    "title": "display: none",
}

OUTLINE_ON = """(element) => {
  element.dataset.walkthroughOutline = element.style.outline;
  element.dataset.walkthroughOutlineOffset = element.style.outlineOffset;
  element.style.outline = '4px solid #d9361e';
  element.style.outlineOffset = '3px';
}"""
OUTLINE_OFF = """(element) => {
  element.style.outline = element.dataset.walkthroughOutline || '';
  element.style.outlineOffset = element.dataset.walkthroughOutlineOffset || '';
  delete element.dataset.walkthroughOutline;
  delete element.dataset.walkthroughOutlineOffset;
}"""
CARD_NUMBER_LABEL = "Card Number"

Progress = Callable[[str, StepResult], None]  # ("step 3/12" or "tip", result)
_segment_numbers = itertools.count(1)


class _ClosableContext(Protocol):
    """A browser context whose close is an attribute that may be replaced (see _stop_before_close)."""

    close: Callable[..., None]


@dataclass
class Segment:
    """One page's screencast; a browser restarted mid-flow starts the next one."""

    page: Page
    path: Path
    started: float
    started_wall: float  # time.time() when it started: the clock the page's action reports use
    stopped: bool = False


@dataclass
class StepState:
    number: int
    entry: Entry
    picture: str | None = None


@dataclass
class Recording:
    """What one recorded guide or tip left: results, chapter times, the videos."""

    guide: Guide
    court: str
    tip: Entry | None
    results: list[StepResult]
    chapters: list[tuple[float, str]] = field(default_factory=list)  # (video seconds, cue text)
    actions: list[tuple[Action, str]] = field(default_factory=list)  # each control captioned, with its caption
    webm: Path | None = None
    mp4: Path | None = None
    video_s: float = 0.0
    seconds: float = 0.0
    error: str | None = None  # the recording itself failed (not a step)

    @property
    def passed(self) -> bool:
        return self.error is None and all(r.status == "passed" for r in self.results)


class Recorder:
    def __init__(
        self,
        browser: Browser,
        settings: Settings,
        pace: Pace,
        guide: Guide,
        folder: Path,
        secrets: set[str],
        progress: Progress,
        narrator: Narrator | None = None,
    ) -> None:
        self.browser = browser
        self.narrator = narrator
        self.guide = guide
        self.settings = settings
        self.pace = pace
        self.folder = folder
        self.secrets = secrets
        self.progress = progress
        self.segments: list[Segment] = []
        self.contexts: list[BrowserContext] = []
        self.marks: list[tuple[int, float, str]] = []  # (segment, perf_counter, cue text)
        self.step: StepState | None = None
        self.ctx: FlowContext | None = None
        self.reported: list[tuple[float, dict, Entry | None]] = []  # (wall time, what the page said, step)
        self.spoken: list[tuple[int, float, Path]] = []  # (segment, perf_counter, narration clip)
        self.actions: list[tuple[Action, Entry | None]] = []  # set by finish(), in video time
        self.clips: list[tuple[float, Path]] = []  # set by finish(), in video time

    @property
    def viewport(self) -> ViewportSize:
        # Settings.viewport is a plain {"width": ..., "height": ...} dict
        return cast(ViewportSize, self.settings.viewport)

    # -- browser contexts and their screencasts --------------------------------------------

    def start(self) -> Page:
        """The first recorded page, in a context of its own."""
        page = self.open_context().new_page()
        self._record(page)  # at once, not when the page event comes
        return page

    def open_context(self) -> BrowserContext:
        """A browser context like the harness's, whose pages are recorded."""
        context = self.browser.new_context(viewport=self.viewport, accept_downloads=True)
        context.set_default_timeout(self.settings.timeout_ms)
        context.set_default_navigation_timeout(self.settings.navigation_timeout_ms)
        context.add_init_script(script=HIDE_SECRET_FIELDS)
        context.expose_binding(BINDING, self._on_action)
        context.add_init_script(script=WATCH_ACTIONS)
        context.on("page", self._record)
        self._stop_before_close(context)
        self.contexts.append(context)
        return context

    def _stop_before_close(self, context: BrowserContext) -> None:
        # A screencast must be stopped before its page closes, or the recording is lost; flows
        # that "close the browser" close the context themselves.
        close = context.close

        def stop_then_close(*args: Any, **kwargs: Any) -> None:
            self._stop(context)
            return close(*args, **kwargs)

        # Playwright has no hook before a context closes: this instance's close is replaced.
        cast(_ClosableContext, context).close = stop_then_close

    def _record(self, page: Page) -> None:
        if any(s.page.context is page.context for s in self.segments):
            return  # a pop-up: the context's first page is the one recorded
        path = self.folder / f".segment-{next(_segment_numbers)}.webm"
        self.segments.append(Segment(page, path, time.perf_counter(), time.time()))
        page.screencast.start(path=path, size=VIDEO_SIZE, fps=self.pace.fps)
        self._show_actions(page)
        register_quiet(page, lambda: self._quiet(page))

    def _stop(self, context: BrowserContext) -> None:
        for segment in self.segments:
            if segment.page.context is context and not segment.stopped:
                segment.stopped = True
                with suppress(Error):
                    segment.page.screencast.stop()

    def _on_action(self, source: dict, fact: dict) -> None:
        """A control was used (the page's report); its time is the page's clock, in ms."""
        if isinstance(fact, dict) and isinstance(fact.get("at"), (int, float)):
            self.reported.append((fact["at"] / 1000, fact, self.step.entry if self.step else None))

    @contextmanager
    def _quiet(self, page: Page) -> Iterator[None]:
        """No action annotation (nor cursor) while a secret goes in or a picture is taken."""
        page.screencast.hide_actions()
        try:
            yield
        finally:
            with suppress(Error):
                self._show_actions(page)

    def _show_actions(self, page: Page) -> None:
        page.screencast.show_actions(duration=self.pace.action_ms, position="top-right", style=ACTION_STYLE)

    # -- chapters, pictures, step hooks ----------------------------------------------------

    @property
    def page(self) -> Page:
        """The page the flow is on now (a restarted browser's, after a restart)."""
        if self.ctx is None:
            raise RuntimeError("the recorder watches no FlowContext yet: open it with recording_of()")
        return self.ctx.page

    def _mark(self, text: str) -> None:
        self.marks.append((len(self.segments) - 1, time.perf_counter(), text))

    def chapter(self, title: str, description: str = "", duration_ms: int | None = None, cue: bool = False) -> None:
        if self.page.is_closed():
            return
        duration_ms = duration_ms or self.pace.chapter_ms
        if cue:
            self._mark(title)
            if self.narrator is not None:
                clip = self.narrator.say(f"{title}. {description}")
                self.spoken.append((len(self.segments) - 1, time.perf_counter(), clip))
                duration_ms = max(duration_ms, round(self.narrator.seconds(clip) * 1000))
        with suppress(Error):
            self.page.screencast.show_chapter(title, description=description or None, duration=duration_ms)

    def hold(self, duration_ms: int) -> None:
        """Keep the screen as it is for a while (a page-side timer of the screencast)."""
        if duration_ms and not self.page.is_closed():
            with suppress(Error):
                self.page.screencast.show_overlay("<div></div>", duration=duration_ms)

    def illustrate(self, locator: Locator) -> None:
        """The flow points at the step's key element: outline it and take the step's picture."""
        step = self.step
        if step is None or step.picture:
            return
        try:
            locator.scroll_into_view_if_needed(timeout=self.settings.timeout_ms)
            locator.evaluate(OUTLINE_ON, timeout=self.settings.timeout_ms)
        except Error:
            return  # the flow's own action says what is wrong; the picture is taken at the step's end
        try:
            self.hold(self.pace.highlight_ms)
            step.picture = self.picture(locator.page, step)
        finally:
            with suppress(Error):
                locator.evaluate(OUTLINE_OFF, timeout=self.settings.timeout_ms)

    def picture(self, page: Page, step: StepState) -> str | None:
        relative = f"steps/{step.number:02d}-{step.entry.id}.png"
        (self.folder / "steps").mkdir(parents=True, exist_ok=True)
        if page.url == "about:blank":  # a step done off-screen (having credentials at hand)
            self._card_picture(step, self.folder / relative)
            return relative
        with self._quiet(page):
            page.screenshot(
                path=self.folder / relative,
                mask=[page.get_by_label(CARD_NUMBER_LABEL), page.locator("[data-secret]")],
                mask_color="#5b6573",
                animations="disabled",
                caret="hide",
            )
        return relative

    def _card_picture(self, step: StepState, path: Path) -> None:
        self._render(step_card(self.guide, step.number, step.entry), path)

    def _render(self, html: str, path: Path) -> None:
        card = self.browser.new_page(viewport=self.viewport)
        try:
            card.set_content(html)
            card.screenshot(path=path)
        finally:
            card.close()

    def poster(self, path: Path, court_name: str) -> None:
        """The video's poster: the guide's title and court, as a title card."""
        self._render(poster_card(self.guide, court_name), path)

    def before(self, number: int, entry: Entry) -> None:
        self.step = StepState(number, entry)
        self.chapter(step_caption(number, entry.title), entry.text, cue=True)

    def after(self, number: int, total: int, result: StepResult) -> None:
        step = self.step
        assert step is not None, "run_guide calls before() ahead of after() for every step"
        if not step.picture and not self.page.is_closed():
            with suppress(Error):
                step.picture = self.picture(self.page, step)
        result.screenshot = step.picture
        failure = self.failure(result.error) if result.status == "failed" else None
        if failure is not None:
            result.error = failure
        self.progress(f"step {number}/{total}", result)
        if failure is not None:
            self.chapter(f"{step_caption(number, step.entry.title)}: did not complete", failure)
        self.step = None

    def scrub_caption(self, action: Action, step: Entry | None) -> str | None:
        said = step_caption_for(action, step)
        return self.scrub(said) if said else None

    def failure(self, error: str | None) -> str:
        return self.scrub(error or "failed")

    def scrub(self, text: str) -> str:
        for segment in self.segments:
            text = scrub(text, segment.page)
        return scrub(text, extra=self.secrets)

    # -- the end: one video --------------------------------------------------------------------

    def close(self) -> None:
        """Stop every screencast and close every context opened."""
        for context in self.contexts:
            with suppress(Error):
                context.close()

    def abandon(self) -> None:
        self.close()
        for segment in self.segments:
            segment.path.unlink(missing_ok=True)

    def finish(self, webm: Path) -> tuple[list[tuple[float, str]], float]:
        """Stop every screencast, join the segments into `webm`; chapter times in the video
        (the actions' and the narration's are kept in self.actions and self.clips)."""
        self.close()
        offsets, elapsed, parts = {}, 0.0, []
        try:
            for index, segment in enumerate(self.segments):
                if segment.path.exists():
                    offsets[index] = elapsed
                    elapsed += video.probe(segment.path).duration_s
                    parts.append(segment.path)
            if not parts:
                raise video.VideoError("the screencast saved no video")
            video.join(parts, webm)
        finally:
            self.abandon()
        chapters = [
            (offsets[index] + (moment - self.segments[index].started), text)
            for index, moment, text in self.marks
            if index in offsets
        ]
        self.clips = [
            (offsets[index] + (moment - self.segments[index].started), clip)
            for index, moment, clip in self.spoken
            if index in offsets
        ]
        self.actions = self._actions_in_video(offsets)
        return chapters, elapsed

    def _actions_in_video(self, offsets: dict[int, float]) -> list[tuple[Action, Entry | None]]:
        """Each action reported, at its time in the joined video (in the segment then recording)."""
        found = []
        for wall, fact, entry in sorted(self.reported, key=lambda reported: reported[0]):
            index = max((i for i, s in enumerate(self.segments) if s.started_wall <= wall), default=None)
            if index is not None and index in offsets:
                found.append((Action.from_page(fact, offsets[index] + wall - self.segments[index].started_wall), entry))
        return found


@dataclass
class Scene:
    """Where a recording happens: the mock, the person, the court, the folder."""

    browser: Browser
    settings: Settings
    sites: Sites
    mock: MockControl
    pace: Pace
    folder: Path
    court: str
    court_name: str
    persona: dict | None
    secrets: set[str]
    progress: Progress
    narrator: Narrator | None = None


@contextmanager
def recording_of(guide: Guide, scene: Scene) -> Iterator[tuple[Recorder, FlowContext]]:
    """A recorder and the FlowContext it watches; nothing is left behind if recording breaks."""
    recorder = Recorder(
        scene.browser, scene.settings, scene.pace, guide, scene.folder, scene.secrets, scene.progress, scene.narrator
    )
    try:
        ctx = FlowContext(
            page=recorder.start(),
            sites=scene.sites,
            court=scene.court,
            mock=scene.mock,
            persona=scene.persona,
            illustrate=recorder.illustrate,
            open_context=recorder.open_context,
        )
        recorder.ctx = ctx
        yield recorder, ctx
    except BaseException:
        recorder.abandon()
        raise


def _finish(recording: Recording, recorder: Recorder, webm: Path, started: float) -> Recording:
    recorded = webm.with_name(f".{webm.stem}.recorded.webm")
    try:
        recording.chapters, recording.video_s = recorder.finish(recorded)
        mp4 = webm.with_suffix(".mp4")
        cues = step_cues(recording.chapters, recording.video_s)
        recording.actions = publish_recording(
            recorded,
            webm,
            mp4,
            title=recording.tip.title if recording.tip else recording.guide.title,
            cues=cues,
            actions=[(action, recorder.scrub_caption(action, entry)) for action, entry in recorder.actions],
            pace=recorder.pace,
            clips=recorder.clips,
        )
        recording.webm, recording.mp4 = webm, mp4
    except video.VideoError as error:  # the steps' results stand; the video is what failed
        recording.error = f"video: {error}"
    finally:
        recorded.unlink(missing_ok=True)
    recording.seconds = round(time.perf_counter() - started, 1)
    return recording


def record_guide(guide: Guide, scene: Scene) -> Recording:
    """The guide's main path: walkthrough.webm/.mp4, a picture per step, chapter times."""
    started = time.perf_counter()
    scene.folder.mkdir(parents=True, exist_ok=True)
    recording = Recording(guide, scene.court, None, [])
    total = len(guide.steps)
    with recording_of(guide, scene) as (recorder, ctx):
        recorder.chapter(guide.title, f"{scene.court_name} · {total} steps", scene.pace.opening_ms)
        recording.results = run_guide(
            guide, ctx, before=recorder.before, after=lambda number, step, result: recorder.after(number, total, result)
        )
        recorder.hold(scene.pace.closing_ms)
        with suppress(Error):
            recorder.poster(scene.folder / "poster.png", scene.court_name)
        return _finish(recording, recorder, scene.folder / "walkthrough.webm", started)


def record_tip(guide: Guide, tip: Entry, scene: Scene) -> Recording:
    """A troubleshooting tip's scenario, from a fresh mock: tips/<tip-id>.webm/.mp4."""
    started = time.perf_counter()
    (scene.folder / "tips").mkdir(parents=True, exist_ok=True)
    recording = Recording(guide, scene.court, tip, [])
    result = StepResult(tip.id, tip.title, "passed")
    with recording_of(guide, scene) as (recorder, ctx):
        recorder.chapter(tip.title, tip.text, scene.pace.opening_ms, cue=True)
        failure: str | None = None
        trouble = NetworkTrouble(ctx.page)
        try:
            flow_of(tip)(ctx)
        except Exception as error:  # a failing tip is a result, as a failing step is
            failure = recorder.failure(trouble.explain(describe(error)))
            result.status, result.error = "failed", failure
        finally:
            trouble.stop()
        result.duration_s = round(time.perf_counter() - started, 3)
        recording.results = [result]
        scene.progress("tip", result)
        if failure is not None:
            recorder.chapter("This tip did not complete", failure)
        recorder.hold(scene.pace.closing_ms)
        return _finish(recording, recorder, scene.folder / "tips" / f"{tip.id}.webm", started)
