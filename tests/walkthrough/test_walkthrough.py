"""The walkthrough of every guide, at fast pace: videos that play, one subtitle, one chapter and
one picture per documented step, every step passed, no locator code on any frame, a transcript,
a poster and a printable PDF, no secret in anything written; and a clear failure when the mock
breaks a step."""

from __future__ import annotations

import itertools
import json
import re
import struct
from html import unescape
from pathlib import Path

import pytest

from e2e.catalog import load_guides
from e2e.mock_control import MockControl
from e2e.secrets import typed_in_this_process
from e2e.walkthrough.artifacts import step_caption
from e2e.walkthrough.run import court_name
from e2e.walkthrough.video import chapters_of, probe, streams_of
from fixtures.courts import court_ids
from fixtures.registrants import new_registrant
from tests.walkthrough.conftest import walk
from tests.walkthrough.html_page import Page
from tests.walkthrough.media import CODE_LIKE, frame_texts, pdf_pages, pdf_text

GUIDES = sorted(load_guides())
TIPS = [(g.id, e.id) for g in load_guides().values() for e in g.entries if e.kind == "tip" and e.flow]
TEXT_ARTIFACTS = (".vtt", ".html", ".json", ".log", ".txt")
VIDEOS = [(g, "walkthrough") for g in GUIDES] + [(g, f"tips/{t}") for g, t in TIPS]
CUE = re.compile(r"^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$")


def seconds(h, m, s, ms) -> float:
    return int(h) * 3600 + int(m) * 60 + int(s) + int(ms) / 1000


def cues(path: Path) -> list[tuple[float, float, str]]:
    lines = path.read_text().splitlines()
    assert lines[0] == "WEBVTT"
    found = []
    for index, line in enumerate(lines):
        timing = CUE.match(line)
        if timing:
            found.append((seconds(*timing.groups()[:4]), seconds(*timing.groups()[4:]), lines[index + 1]))
    return found


def png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", header[16:24])


def assert_plays(webm: Path, mp4: Path) -> None:
    recorded, converted = probe(webm), probe(mp4)
    assert recorded.codec in ("vp8", "vp9") and recorded.duration_s > 0
    assert converted.codec == "h264" and converted.pixel_format == "yuv420p" and converted.duration_s > 0
    assert (converted.width, converted.height) == (1280, 720)


def test_every_guide_is_recorded_and_passes(walkthrough):
    assert walkthrough.exit_code == 0, walkthrough.output
    for guide_id in GUIDES:
        assert re.search(rf"^{re.escape(guide_id)}\s+\w+\s+(\d+)/\1\s.*passed", walkthrough.output, re.M), (
            walkthrough.output
        )
    assert str((walkthrough.out / "index.html").resolve()) in walkthrough.output
    assert "No secrets in what was written." in walkthrough.output


def test_a_secret_left_in_what_was_written_fails_the_walkthrough(tmp_path):
    from e2e.walkthrough.run import Walkthrough
    from fixtures.personas import build_personas

    said: list[str] = []
    recording = Walkthrough(tmp_path, "fast", lambda: None, 1, said.append)
    folder = tmp_path / "a-guide"
    folder.mkdir()
    (folder / "transcript.txt").write_text("clean")
    assert recording._no_secrets_in([folder])
    password = next(p["password"] for p in build_personas() if p["id"] == "returning-user")
    (folder / "transcript.txt").write_text(f"typed {password} here")
    assert not recording._no_secrets_in([folder])
    recording.console.close()
    assert any("FAILED secret in an artifact" in line and "returning-user" in line for line in said)
    assert not any(password in line for line in said)


@pytest.mark.parametrize("guide_id", GUIDES)
def test_both_videos_play(walkthrough, guide_id):
    folder = walkthrough.out / guide_id
    assert_plays(folder / "walkthrough.webm", folder / "walkthrough.mp4")


@pytest.mark.parametrize("guide_id", GUIDES)
def test_one_cue_per_step_in_order_within_the_video(walkthrough, guide_id):
    guide = load_guides()[guide_id]
    folder = walkthrough.out / guide_id
    found = cues(folder / "walkthrough.vtt")
    assert [text for _, _, text in found] == [
        step_caption(number, step.title) for number, step in enumerate(guide.steps, start=1)
    ]
    starts = [start for start, _, _ in found]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(start < end for start, end, _ in found)
    assert found[-1][0] < probe(folder / "walkthrough.webm").duration_s


@pytest.mark.parametrize("guide_id", GUIDES)
def test_every_step_passed_with_its_picture(walkthrough, guide_id):
    guide = load_guides()[guide_id]
    report = json.loads((walkthrough.out / guide_id / "report.json").read_text())
    assert (report["guide"], report["court"]) == (guide_id, guide.court)
    assert [(s["id"], s["status"], s["error"]) for s in report["steps"]] == [
        (step.id, "passed", None) for step in guide.steps
    ]
    assert [s["screenshot"] for s in report["steps"]] == [
        f"steps/{number:02d}-{step.id}.png" for number, step in enumerate(guide.steps, start=1)
    ]


@pytest.mark.parametrize("guide_id", GUIDES)
def test_guide_page_shows_an_image_per_step(walkthrough, guide_id):
    guide = load_guides()[guide_id]
    folder = walkthrough.out / guide_id
    page = Page((folder / "index.html").read_text())
    expected = [f"steps/{number:02d}-{step.id}.png" for number, step in enumerate(guide.steps, start=1)]
    assert page.images == expected
    assert all(png_size(folder / image) == (1280, 720) for image in expected)
    assert {"walkthrough.mp4", "walkthrough.webm"} <= set(page.links)
    assert guide.title in "".join(page.text)


@pytest.mark.parametrize(("guide_id", "tip_id"), TIPS)
def test_each_tip_has_its_own_video_linked_from_the_guide_page(walkthrough, guide_id, tip_id):
    folder = walkthrough.out / guide_id
    assert_plays(folder / "tips" / f"{tip_id}.webm", folder / "tips" / f"{tip_id}.mp4")
    assert f"tips/{tip_id}.mp4" in Page((folder / "index.html").read_text()).links
    tips = json.loads((folder / "report.json").read_text())["tips"]
    assert {t["id"]: t["status"] for t in tips}[tip_id] == "passed"


def test_only_the_documented_artifacts_are_left(walkthrough):
    for guide_id in GUIDES:
        folder = walkthrough.out / guide_id
        left = {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
        pictures = {p for p in left if re.fullmatch(r"steps/\d\d-[a-z0-9-]+\.png", p)}
        tips = {p for p in left if re.fullmatch(r"tips/[a-z0-9-]+\.(webm|mp4)", p)}
        assert left - pictures - tips == {
            "walkthrough.webm",
            "walkthrough.mp4",
            "walkthrough.vtt",
            "chapters.vtt",
            "poster.png",
            "transcript.txt",
            "guide.pdf",
            "index.html",
            "report.json",
        }


def test_the_top_level_index_links_every_guide_its_video_and_its_page(walkthrough):
    links = set(Page((walkthrough.out / "index.html").read_text()).links)
    for guide_id in GUIDES:
        assert {f"{guide_id}/index.html", f"{guide_id}/walkthrough.mp4"} <= links


@pytest.fixture
def secrets(mock, walkthrough) -> set[str]:
    """Every persona secret, and every secret the flows typed (registrants' too)."""
    found = set(typed_in_this_process)
    for persona in mock.personas().values():
        found.update(persona[k] for k in ("password", "ecf_password", "activation_code") if persona.get(k))
        found.update(persona.get("security_answers") or ())
    for court in {g.court for g in load_guides().values()}:
        registrant = new_registrant(f"registrant-{court}")
        found.update((registrant.password, *registrant.answers, registrant.card.number))
    return found


@pytest.fixture(scope="module")
def frames_read(walkthrough, tmp_path_factory) -> dict[str, list[str]]:
    """The text on every published MP4's frames, two a second, as OCR reads it."""
    return {
        f"{guide_id}/{name}": frame_texts(
            walkthrough.out / guide_id / f"{name}.mp4", tmp_path_factory.mktemp(name.replace("/", "-"))
        )
        for guide_id, name in VIDEOS
    }


@pytest.mark.parametrize(("guide_id", "name"), VIDEOS)
def test_no_frame_shows_code(walkthrough, frames_read, guide_id, name):
    texts = frames_read[f"{guide_id}/{name}"]
    duration = probe(walkthrough.out / guide_id / f"{name}.mp4").duration_s
    assert len(texts) >= 2 * duration - 1, "fewer than two frames a second were read"
    assert sum(len(re.findall(r"[A-Za-z]{4,}", text)) for text in texts) >= 20, "OCR read next to nothing"
    code = {index / 2: line for index, text in enumerate(texts) for line in text.splitlines() if CODE_LIKE.search(line)}
    assert code == {}, f"code-like text at these seconds of {name}.mp4"


@pytest.mark.parametrize("guide_id", GUIDES)
def test_frames_show_the_actions_in_plain_words(walkthrough, frames_read, guide_id):
    transcript = (walkthrough.out / guide_id / "transcript.txt").read_text()
    said = set(re.findall(r"^  \[\d+:\d\d\] (.+)$", transcript, re.M))
    seen = " ".join(" ".join(text.split()) for text in frames_read[f"{guide_id}/walkthrough"])
    assert {caption for caption in said if caption in seen}, "no frame read shows a caption of the transcript"


@pytest.mark.parametrize(("guide_id", "name"), VIDEOS)
def test_videos_carry_a_chapter_per_step_and_the_subtitles(walkthrough, guide_id, name):
    folder = walkthrough.out / guide_id
    guide = load_guides()[guide_id]
    titles = (
        [step_caption(number, step.title) for number, step in enumerate(guide.steps, start=1)]
        if name == "walkthrough"
        else [guide.entry(name.removeprefix("tips/")).title]
    )
    for suffix, subtitle_codec in ((".mp4", "mov_text"), (".webm", "webvtt")):
        path = folder / f"{name}{suffix}"
        chapters = chapters_of(path)
        assert [c.title for c in chapters] == titles, path.name
        assert all(a.end_s <= b.start_s + 0.01 for a, b in itertools.pairwise(chapters))
        assert chapters[-1].end_s <= probe(path).duration_s + 0.1
        subtitles = [s for s in streams_of(path) if s["codec_type"] == "subtitle"]
        assert [(s["codec_name"], s.get("tags", {}).get("language")) for s in subtitles] == [(subtitle_codec, "eng")]


@pytest.mark.parametrize("guide_id", GUIDES)
def test_guide_page_offers_poster_chapters_transcript_and_pdf(walkthrough, guide_id):
    guide = load_guides()[guide_id]
    folder = walkthrough.out / guide_id
    html = (folder / "index.html").read_text()
    assert 'poster="poster.png"' in html and png_size(folder / "poster.png") == (1280, 720)
    assert '<track kind="chapters" srclang="en" label="Steps" src="chapters.vtt">' in html
    seeks = re.findall(r'href="walkthrough\.mp4#t=([\d.]+)" data-seek="([\d.]+)">([^<]+)</a>', html)
    assert [unescape(title) for _, _, title in seeks] == [
        step_caption(number, step.title) for number, step in enumerate(guide.steps, start=1)
    ]
    starts = [start for start, _, _ in cues(folder / "walkthrough.vtt")]
    assert [float(seek) for _, seek, _ in seeks] == pytest.approx(starts, abs=0.001)
    assert {"transcript.txt", "guide.pdf", "walkthrough.vtt"} <= set(Page(html).links)


@pytest.mark.parametrize("guide_id", GUIDES)
def test_transcript_follows_the_catalog(walkthrough, guide_id):
    guide = load_guides()[guide_id]
    lines = (walkthrough.out / guide_id / "transcript.txt").read_text().splitlines()
    assert lines[:2] == [guide.title, court_name(guide.court)]
    expected = []
    for number, step in enumerate(guide.steps, start=1):
        expected.append(step_caption(number, step.title))
        expected += [step.text] if step.text else []
        for child in guide.children(step):
            expected += [child.title, child.text] if child.text else [child.title]
    found, at = [], 0
    for wanted in expected:
        at = next(i for i in range(at, len(lines)) if lines[i].strip().endswith(wanted))
        found.append(wanted)
    assert found == expected
    said = [line.strip() for line in lines if re.match(r"^  \[\d+:\d\d\] ", line)]
    assert said, "the transcript says nothing of what was shown on screen"
    assert not [line for line in said if CODE_LIKE.search(line)]


@pytest.mark.parametrize("guide_id", GUIDES)
def test_printable_guide_has_numbered_steps_court_and_page_numbers(walkthrough, guide_id):
    guide = load_guides()[guide_id]
    pdf = walkthrough.out / guide_id / "guide.pdf"
    pages = pdf_text(pdf)
    assert len(pages) == pdf_pages(pdf) >= 2
    court = court_name(guide.court)
    for number, page in enumerate(pages, start=1):
        assert court in page, f"page {number} has no header with the court's name"
        assert re.search(rf"Page {number} of {len(pages)}", page), f"page {number} is not numbered"
    text = " ".join(" ".join(pages).split())
    at = 0
    for number, step in enumerate(guide.steps, start=1):
        label, heading = step_caption(number, step.title).split(": ", 1)
        at = text.index(f"{label} {' '.join(heading.split())}", at)
    for child in guide.entries:
        if child.parent:
            assert " ".join(child.title.split()) in text
    assert "did not complete" not in text and "video (MP4)" not in text


def test_no_secret_in_any_text_written(walkthrough, secrets, frames_read):
    assert typed_in_this_process, "the flows typed no secret: nothing was checked"
    texts = {
        path: path.read_text(encoding="utf-8") for path in walkthrough.out.rglob("*") if path.suffix in TEXT_ARTIFACTS
    }
    texts[Path("console output")] = walkthrough.output
    for pdf in walkthrough.out.rglob("*.pdf"):
        texts[pdf] = "\n".join(pdf_text(pdf))
    assert {p.suffix for p in texts} >= {".vtt", ".html", ".json", ".log", ".txt", ".pdf"}
    leaks = {str(path): sorted(s for s in secrets if s in text) for path, text in texts.items()}
    # OCR shows a secret on screen only as a word of its own: the noise it reads off frames in
    # the middle of a zoom holds short answers ("Lee") inside other words ("Lees").
    for name, read in frames_read.items():
        words = "\n".join(read)
        on_screen = (s for s in secrets if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", words))
        leaks[f"{name}.mp4 frames"] = sorted(on_screen)
    assert {path: found for path, found in leaks.items() if found} == {}


REGISTRATION_FORM = "/psc/pscof/registration.jsf"


@pytest.fixture
def broken_mock():
    """A mock of its own whose registration form answers 500, set through the control API."""
    from mock_court import create_app
    from mock_court.core.server import LiveServer

    app = create_app({"TEST_MODE": True})
    endpoint = next(rule.endpoint for rule in app.url_map.iter_rules() if rule.rule == REGISTRATION_FORM)
    with LiveServer(app) as server:
        MockControl(server.url).set_faults(http500=[endpoint])
        yield server.url


def test_a_broken_step_stops_its_guide_with_a_message_naming_it(broken_mock, tmp_path):
    exit_code, output, _ = walk("--guide", "pacer-registration-mad", "--base-url", broken_mock, "--out", str(tmp_path))
    assert exit_code != 0
    assert re.search(
        r"^FAILED pacer-registration-mad: step 2 'Choose an account type' \(choose-account-type\): "
        rf".*HTTP 500 for GET {re.escape(REGISTRATION_FORM)}",
        output,
        re.M,
    ), output
    report = json.loads((tmp_path / "pacer-registration-mad" / "report.json").read_text())
    assert [s["status"] for s in report["steps"]][:3] == ["passed", "failed", "not-run"]
    assert "500" in report["steps"][1]["error"]


@pytest.mark.parametrize(
    ("option", "value", "known"),
    [
        ("--guide", "no-such-guide", GUIDES),
        ("--court", "zzz", court_ids()),
    ],
)
def test_unknown_ids_are_refused_listing_the_known_ones(tmp_path, option, value, known):
    exit_code, output, _ = walk(option, value, "--out", str(tmp_path))
    assert exit_code == 2
    assert value in output and all(k in output for k in known)
    assert not any(tmp_path.iterdir())


def test_a_running_mock_must_be_in_test_mode(tmp_path):
    from mock_court import create_app
    from mock_court.core.server import LiveServer

    with LiveServer(create_app({"TEST_MODE": False})) as server:
        exit_code, output, _ = walk("--base-url", server.url, "--out", str(tmp_path))
    assert exit_code == 1
    assert server.url in output and "mock-court serve --test-mode" in output
