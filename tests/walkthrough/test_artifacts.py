"""The walkthrough's writers, on a small parsed guide: subtitles, report, guide pages."""

import json
import re

import pytest

from e2e.catalog import parse_guide
from e2e.runner import StepResult
from e2e.walkthrough.artifacts import (
    Cue,
    GuideRecord,
    TipVideo,
    step_caption,
    step_card,
    step_cues,
    transcript,
    vtt_timestamp,
    write_guide,
    write_index,
    write_vtt,
)
from tests.walkthrough.html_page import Page

GUIDE = parse_guide(
    {
        "id": "demo-guide",
        "title": "Filing <fast> & easy",
        "court": "txwd",
        "source": "seeds/demo.txt",
        "steps": [
            {
                "id": "open-site",
                "title": "Open the <site>",
                "text": "Go to A & B.",
                "flow": "demo.open_site",
                "entries": [
                    {
                        "id": "mind-it",
                        "kind": "note",
                        "title": "Mind the <script>alert(1)</script>",
                        "text": "Notes sit under their step.",
                    },
                    {
                        "id": "reload",
                        "kind": "tip",
                        "title": "Tip: reload",
                        "text": "Press Ctrl+F5.",
                        "flow": "demo.reload",
                    },
                ],
            },
            {
                "id": "sign-in",
                "title": "Sign in --> now",
                "text": 'Enter "your" name.',
                "flow": "demo.sign_in",
                "entries": [
                    {"id": "no-account", "kind": "branch", "title": "Without an account", "text": "Register first."}
                ],
            },
            {"id": "finish", "title": "Finish", "flow": "demo.finish"},
        ],
    }
)

CHAPTERS = [(0.7, "Step 1: Open the <site>"), (4.25, "Step 2: Sign in --> now"), (9.0, "Step 3: Finish")]


def results(failed_at: int | None = None) -> list[StepResult]:
    made = []
    for number, step in enumerate(GUIDE.steps, start=1):
        if failed_at is not None and number > failed_at:
            made.append(StepResult(step.id, step.title, "not-run"))
        elif number == failed_at:
            made.append(
                StepResult(
                    step.id, step.title, "failed", 1.5, "Timeout <10000ms> & more", f"steps/{number:02d}-{step.id}.png"
                )
            )
        else:
            made.append(
                StepResult(step.id, step.title, "passed", 0.25 * number, None, f"steps/{number:02d}-{step.id}.png")
            )
    return made


def record(failed_at: int | None = None) -> GuideRecord:
    tip = TipVideo(
        GUIDE.entry("reload"),
        StepResult("reload", "Tip: reload", "passed", 2.0),
        webm="tips/reload.webm",
        mp4="tips/reload.mp4",
    )
    return GuideRecord(
        GUIDE,
        "txwd",
        "U.S. District Court for the Western District of Texas",
        results(failed_at),
        step_cues(CHAPTERS, 12.0),
        [tip],
    )


@pytest.mark.parametrize(
    ("seconds", "stamp"),
    [
        (0, "00:00:00.000"),
        (3.5, "00:00:03.500"),
        (59.9996, "00:01:00.000"),
        (3725.25, "01:02:05.250"),
    ],
)
def test_vtt_timestamps(seconds, stamp):
    assert vtt_timestamp(seconds) == stamp


@pytest.mark.parametrize(
    ("number", "title", "caption"),
    [
        (2, "Choose an account type", "Step 2: Choose an account type"),
        (2, "Step 3: Pick PACER - Case Search Only", "Step 3: Pick PACER - Case Search Only"),
        (1, "Stepping stones: a title", "Step 1: Stepping stones: a title"),
    ],
)
def test_step_captions_keep_a_guide_s_own_numbering(number, title, caption):
    assert step_caption(number, title) == caption


def test_guide_page_shows_a_guide_s_own_step_numbers(tmp_path):
    own = parse_guide(
        {
            "id": "own-numbers",
            "title": "Own numbers",
            "court": "moeb",
            "source": "s",
            "steps": [
                {"id": "first", "title": "Step 1: Go", "flow": "demo.go"},
                {"id": "third", "title": "Step 3: Pick", "flow": "demo.pick"},
            ],
        }
    )
    write_guide(
        tmp_path,
        GuideRecord(
            own,
            "moeb",
            "Eastern District of Missouri",
            [StepResult("first", "Step 1: Go", "passed"), StepResult("third", "Step 3: Pick", "passed")],
            [],
        ),
    )
    assert Page((tmp_path / "index.html").read_text()).headings == ["Step 1Go", "Step 3Pick"]


def test_each_cue_lasts_until_the_next_chapter_and_the_last_until_the_video_ends():
    assert step_cues(CHAPTERS, 12.0) == [
        Cue(0.7, 4.25, "Step 1: Open the <site>"),
        Cue(4.25, 9.0, "Step 2: Sign in --> now"),
        Cue(9.0, 12.0, "Step 3: Finish"),
    ]


def test_a_cue_never_ends_before_it_starts():
    assert step_cues([(5.0, "Step 1: Late")], 4.0) == [Cue(5.0, 5.5, "Step 1: Late")]


def test_vtt_has_one_escaped_cue_per_step_in_order(tmp_path):
    path = tmp_path / "walkthrough.vtt"
    write_vtt(path, step_cues(CHAPTERS, 12.0))
    blocks = path.read_text().strip().split("\n\n")
    assert blocks[0] == "WEBVTT"
    cues = [block.splitlines() for block in blocks[1:]]
    assert [c[0] for c in cues] == ["1", "2", "3"]
    assert [c[1] for c in cues] == [
        "00:00:00.700 --> 00:00:04.250",
        "00:00:04.250 --> 00:00:09.000",
        "00:00:09.000 --> 00:00:12.000",
    ]
    assert [c[2] for c in cues] == ["Step 1: Open the &lt;site&gt;", "Step 2: Sign in --&gt; now", "Step 3: Finish"]


def test_cue_text_is_one_line(tmp_path):
    path = tmp_path / "walkthrough.vtt"
    write_vtt(path, [Cue(0, 1, "Step 1: two\nlines")])
    assert path.read_text().splitlines()[-1] == "Step 1: two lines"


def test_report_lists_every_step_with_its_outcome(tmp_path):
    write_guide(tmp_path, record(failed_at=2))
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["guide"] == "demo-guide" and report["court"] == "txwd"
    assert [list(s) for s in report["steps"]] == [["id", "title", "status", "duration_s", "screenshot", "error"]] * 3
    assert [(s["id"], s["status"]) for s in report["steps"]] == [
        ("open-site", "passed"),
        ("sign-in", "failed"),
        ("finish", "not-run"),
    ]
    assert report["steps"][1]["error"] == "Timeout <10000ms> & more"
    assert report["steps"][0]["screenshot"] == "steps/01-open-site.png"
    assert report["tips"] == [
        {
            "id": "reload",
            "title": "Tip: reload",
            "status": "passed",
            "duration_s": 2.0,
            "screenshot": None,
            "error": None,
            "video": "tips/reload.mp4",
        }
    ]


def test_guide_page_numbers_the_steps_with_their_pictures_in_order(tmp_path):
    write_guide(tmp_path, record())
    page = Page((tmp_path / "index.html").read_text())
    assert page.headings == ["Step 1Open the <site>", "Step 2Sign in --> now", "Step 3Finish"]
    assert page.images == ["steps/01-open-site.png", "steps/02-sign-in.png", "steps/03-finish.png"]
    assert {"walkthrough.mp4", "walkthrough.webm", "walkthrough.vtt", "tips/reload.mp4", "report.json"} <= set(
        page.links
    )


def test_guide_page_escapes_catalog_text_and_errors(tmp_path):
    write_guide(tmp_path, record(failed_at=2))
    html = (tmp_path / "index.html").read_text()
    assert "<script>alert(1)</script>" not in html
    assert "Mind the &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "Filing &lt;fast&gt; &amp; easy" in html
    assert "Timeout &lt;10000ms&gt; &amp; more" in html


def test_notes_branches_and_tips_sit_under_their_step(tmp_path):
    write_guide(tmp_path, record())
    html = (tmp_path / "index.html").read_text()
    order = [
        html.index(marker)
        for marker in (
            'id="open-site"',
            'id="mind-it"',
            'id="reload"',
            'href="tips/reload.mp4"',
            'id="sign-in"',
            'id="no-account"',
            'id="finish"',
        )
    ]
    assert order == sorted(order)


def test_guide_page_prints_without_the_video(tmp_path):
    write_guide(tmp_path, record())
    html = (tmp_path / "index.html").read_text()
    print_rules = re.search(r"@media print \{(.*?)\n  \}", html, re.S).group(1)
    assert ".video" in print_rules and "display: none" in print_rules
    assert "break-inside: avoid" in print_rules


def test_index_links_every_guide_its_page_and_its_video(tmp_path):
    other = parse_guide(
        {
            "id": "other-guide",
            "title": "Another guide",
            "court": "mad",
            "source": "s",
            "steps": [{"id": "only", "title": "Only step", "flow": "demo.only"}],
        }
    )
    write_index(
        tmp_path / "index.html",
        [
            record(),
            GuideRecord(other, "mad", "District of Massachusetts", [StepResult("only", "Only step", "passed")], []),
        ],
    )
    page = Page((tmp_path / "index.html").read_text())
    assert {
        "demo-guide/index.html",
        "demo-guide/walkthrough.mp4",
        "other-guide/index.html",
        "other-guide/walkthrough.mp4",
    } <= set(page.links)
    assert "Filing <fast> & easy" in "".join(page.text)


def test_a_step_done_off_screen_gets_a_card_with_its_escaped_title_and_text():
    card = step_card(GUIDE, 2, GUIDE.entry("sign-in"))
    assert "Step 2" in card and "Sign in --&gt; now" in card and "Enter &#34;your&#34; name." in card
    assert "Filing &lt;fast&gt; &amp; easy" in card


def test_transcript_tells_each_step_with_what_was_said_on_screen_during_it():
    said = record()
    said.said = [(1.0, "Select Open"), (5.0, "Type the name"), (9.5, "Select Finish")]
    lines = transcript(said).splitlines()
    assert lines[:2] == ["Filing <fast> & easy", "U.S. District Court for the Western District of Texas"]
    body = lines[lines.index("[0:00] Step 1: Open the <site>") :]
    assert body == [
        "[0:00] Step 1: Open the <site>",
        "Go to A & B.",
        "On screen:",
        "  [0:01] Select Open",
        "Note: Mind the <script>alert(1)</script>",
        "  Notes sit under their step.",
        "Troubleshooting: Tip: reload",
        "  Press Ctrl+F5.",
        "",
        "[0:04] Step 2: Sign in --> now",
        'Enter "your" name.',
        "On screen:",
        "  [0:05] Type the name",
        "If instead: Without an account",
        "  Register first.",
        "",
        "[0:09] Step 3: Finish",
        "On screen:",
        "  [0:09] Select Finish",
    ]
