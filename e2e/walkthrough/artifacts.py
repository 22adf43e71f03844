"""What a walkthrough leaves on disk besides its videos: subtitles, the step report and the
illustrated guide pages. Writers only; every text they get has already been scrubbed of secrets.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
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

    @property
    def label(self) -> str:
        return step_label(self.number, self.entry.title)[0]

    @property
    def heading(self) -> str:
        return step_label(self.number, self.entry.title)[1]


def step_views(record: GuideRecord) -> list[StepView]:
    results = {r.id: r for r in record.results}
    tips = {t.entry.id: t for t in record.tips}
    return [
        StepView(
            number, step, results.get(step.id), [(child, tips.get(child.id)) for child in record.guide.children(step)]
        )
        for number, step in enumerate(record.guide.steps, start=1)
    ]


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
        .render(record=record, guide=record.guide, steps=step_views(record), kinds=KIND_LABELS)
    )
    path.write_text(html, encoding="utf-8")


def write_index(path: Path, records: list[GuideRecord]) -> None:
    html = _environment().get_template("index.html").render(records=records)
    path.write_text(html, encoding="utf-8")


def write_guide(folder: Path, record: GuideRecord) -> None:
    """The guide's subtitles, report and illustrated page, in its folder."""
    folder.mkdir(parents=True, exist_ok=True)
    write_vtt(folder / "walkthrough.vtt", record.cues)
    write_report(folder / "report.json", record)
    write_guide_page(folder / "index.html", record)
