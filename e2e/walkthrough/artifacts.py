"""What a walkthrough leaves on disk besides its videos: subtitles and chapters, the step
report, the transcript and the illustrated guide pages. Writers only; every text they get has
already been scrubbed of secrets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from e2e.catalog import Entry, Guide
from e2e.runner import StepResult

TEMPLATES = Path(__file__).parent / "templates"
REPORT_FIELDS = ("id", "title", "status", "duration_s", "screenshot", "error")
OWN_NUMBERING = re.compile(r"^(Step \d+[A-Za-z]?)\s*:\s*(.+)$", re.S)
KIND_LABELS = {"substep": "", "note": "Note", "branch": "If instead", "tip": "Troubleshooting"}


@dataclass(frozen=True)
class Cue:
    start_s: float
    end_s: float
    text: str


@dataclass
class TipVideo:
    """A troubleshooting tip's own short video, recorded beside the guide's main one."""

    entry: Entry
    result: StepResult
    webm: str | None = None  # paths relative to the guide's folder
    mp4: str | None = None


@dataclass
class GuideRecord:
    """Everything a guide's page, report and subtitles are made from."""

    guide: Guide
    court: str
    court_name: str
    results: list[StepResult]
    cues: list[Cue]
    tips: list[TipVideo] = field(default_factory=list)
    webm: str | None = "walkthrough.webm"
    mp4: str | None = "walkthrough.mp4"
    said: list[tuple[float, str]] = field(default_factory=list)  # (video seconds, caption) of each action
    poster: str | None = "poster.png"
    pdf: str | None = "guide.pdf"

    @property
    def passed(self) -> bool:
        return all(r.status == "passed" for r in self.results) and all(t.result.status == "passed" for t in self.tips)


def step_label(number: int, title: str) -> tuple[str, str]:
    """("Step N", title), for chapter cards, subtitles and the guide page. A guide that numbers
    its own steps (titles such as "Step 3: ...") keeps its numbers, as its readers know them."""
    own = OWN_NUMBERING.match(title)
    return (own.group(1), own.group(2)) if own else (f"Step {number}", title)


def step_caption(number: int, title: str) -> str:
    return ": ".join(step_label(number, title))


def step_cues(chapters: list[tuple[float, str]], video_end_s: float) -> list[Cue]:
    """One cue per chapter, from the moment it appears to the next chapter (or the video's end)."""
    cues = []
    for index, (start, text) in enumerate(chapters):
        end = chapters[index + 1][0] if index + 1 < len(chapters) else video_end_s
        cues.append(Cue(round(start, 3), round(max(end, start + 0.5), 3), text))
    return cues


def vtt_timestamp(seconds: float) -> str:
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def vtt_text(text: str) -> str:
    """Cue text: one line, with the characters WebVTT reserves escaped (no "-->" can remain)."""
    line = " ".join(text.split())
    return line.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def write_vtt(path: Path, cues: list[Cue]) -> None:
    blocks = ["WEBVTT"]
    for number, cue in enumerate(cues, start=1):
        blocks.append(f"{number}\n{vtt_timestamp(cue.start_s)} --> {vtt_timestamp(cue.end_s)}\n{vtt_text(cue.text)}")
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")


def report_entry(result: StepResult) -> dict:
    as_dict = result.as_dict()
    return {name: as_dict[name] for name in REPORT_FIELDS}


def write_report(path: Path, record: GuideRecord) -> None:
    report = {
        "guide": record.guide.id,
        "court": record.court,
        "steps": [report_entry(result) for result in record.results],
        "tips": [{**report_entry(tip.result), "video": tip.mp4} for tip in record.tips],
    }
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass(frozen=True)
class StepView:
    number: int
    entry: Entry
    result: StepResult | None
    children: list[tuple[Entry, TipVideo | None]]
    start_s: float | None = None  # where the step begins in the video
    said: tuple[tuple[float, str], ...] = ()  # the captions shown during the step

    @property
    def caption(self) -> str:
        return step_caption(self.number, self.entry.title)

    @property
    def label(self) -> str:
        return step_label(self.number, self.entry.title)[0]

    @property
    def heading(self) -> str:
        return step_label(self.number, self.entry.title)[1]


def step_views(record: GuideRecord) -> list[StepView]:
    results = {r.id: r for r in record.results}
    tips = {t.entry.id: t for t in record.tips}
    starts = {cue.text: cue.start_s for cue in record.cues}
    views = []
    for number, step in enumerate(record.guide.steps, start=1):
        start = starts.get(step_caption(number, step.title))
        children = [(child, tips.get(child.id)) for child in record.guide.children(step)]
        views.append(StepView(number, step, results.get(step.id), children, start))
    return _with_captions(views, record.said)


def _with_captions(views: list[StepView], said: list[tuple[float, str]]) -> list[StepView]:
    """Each caption under the step shown when it was said (the last step begun by then)."""
    begun = sorted((v.start_s, index) for index, v in enumerate(views) if v.start_s is not None)
    during: dict[int, list[tuple[float, str]]] = {}
    for moment, text in said:
        owners = [index for start, index in begun if start <= moment]
        if owners:
            during.setdefault(owners[-1], []).append((moment, text))
    return [replace(view, said=tuple(during.get(index, ()))) for index, view in enumerate(views)]


def clock(seconds: float) -> str:
    """A moment in a video as a player shows it: 1:05, or 1:02:05."""
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def transcript(record: GuideRecord) -> str:
    """The guide in plain text: its steps with their texts, notes and tips, and what the video
    said on screen during each step, at the moment it said it."""
    guide = record.guide
    lines = [guide.title, record.court_name, ""]
    lines.append(f"A walkthrough in {len(guide.steps)} steps. Captions: walkthrough.vtt. Printable guide: guide.pdf.")
    for view in step_views(record):
        lines += ["", f"[{clock(view.start_s)}] {view.caption}" if view.start_s is not None else view.caption]
        if view.entry.text:
            lines.append(view.entry.text)
        if view.said:
            lines.append("On screen:")
            lines += [f"  [{clock(moment)}] {text}" for moment, text in view.said]
        for child, _ in view.children:
            kind = KIND_LABELS.get(child.kind)
            lines.append(f"{kind}: {child.title}" if kind else child.title)
            if child.text:
                lines.append(f"  {child.text}")
        if view.result is not None and view.result.status != "passed":
            lines.append("(This step did not complete when this transcript was made.)")
    return "\n".join(lines) + "\n"


def poster_card(guide: Guide, court_name: str) -> str:
    """The videos' poster: the guide's title under the court's name."""
    steps = f"{len(guide.steps)} steps, with captions and chapters"
    return (
        _environment()
        .get_template("card.html")
        .render(guide=court_name, label="Video", heading=guide.title, text=steps)
    )


def step_card(guide: Guide, number: int, step: Entry) -> str:
    """A page showing a step's title and text: the picture of a step done off-screen."""
    label, heading = step_label(number, step.title)
    return (
        _environment().get_template("card.html").render(guide=guide.title, label=label, heading=heading, text=step.text)
    )


def write_guide_page(path: Path, record: GuideRecord) -> None:
    html = (
        _environment()
        .get_template("guide.html")
        .render(record=record, guide=record.guide, steps=step_views(record), kinds=KIND_LABELS, clock=clock)
    )
    path.write_text(html, encoding="utf-8")


def write_index(path: Path, records: list[GuideRecord]) -> None:
    html = _environment().get_template("index.html").render(records=records)
    path.write_text(html, encoding="utf-8")


def write_guide(folder: Path, record: GuideRecord) -> None:
    """The guide's subtitles and chapters, report, transcript and illustrated page, in its folder."""
    folder.mkdir(parents=True, exist_ok=True)
    write_vtt(folder / "walkthrough.vtt", record.cues)
    write_vtt(folder / "chapters.vtt", record.cues)
    write_report(folder / "report.json", record)
    (folder / "transcript.txt").write_text(transcript(record), encoding="utf-8")
    write_guide_page(folder / "index.html", record)
