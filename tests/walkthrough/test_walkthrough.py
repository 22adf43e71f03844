"""The walkthrough of every guide, at fast pace: videos that play, one subtitle and one picture
per documented step, every step passed, no secret in any text written; and a clear failure when
the mock breaks a step."""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

import pytest

from e2e.catalog import load_guides
from e2e.mock_control import MockControl
from e2e.secrets import typed_in_this_process
from e2e.walkthrough.artifacts import step_caption
from e2e.walkthrough.video import probe
from fixtures.courts import court_ids
from fixtures.registrants import new_registrant
from tests.walkthrough.conftest import walk
from tests.walkthrough.html_page import Page

GUIDES = sorted(load_guides())
TIPS = [(g.id, e.id) for g in load_guides().values() for e in g.entries if e.kind == "tip" and e.flow]
TEXT_ARTIFACTS = (".vtt", ".html", ".json", ".log")
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


def test_no_secret_in_any_text_written(walkthrough, secrets):
    assert typed_in_this_process, "the flows typed no secret: nothing was checked"
    texts = {
        path: path.read_text(encoding="utf-8") for path in walkthrough.out.rglob("*") if path.suffix in TEXT_ARTIFACTS
    }
    texts[Path("console output")] = walkthrough.output
    assert {p.suffix for p in texts} >= {".vtt", ".html", ".json", ".log"}
    leaks = {str(path): sorted(s for s in secrets if s in text) for path, text in texts.items()}
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
