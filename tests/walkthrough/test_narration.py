"""Narration: each step read aloud by the local speech engine, starting as its chapter does,
carried by both published videos as their sound track."""

import re
import subprocess
from pathlib import Path

import pytest

from e2e.walkthrough import video
from e2e.walkthrough.artifacts import Cue
from e2e.walkthrough.narration import Narrator, mix

CHAPTER_STARTS = (0.5, 3.0)


@pytest.fixture
def narrator(tmp_path) -> Narrator:
    return Narrator(tmp_path / "clips")


def silent_test_video(path: Path, seconds: float) -> Path:
    video.run_tool(
        [
            video.tool("ffmpeg"),
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            f"testsrc=size=1280x720:rate=12:d={seconds}",
            "-c:v",
            "libvpx",
            "-deadline",
            "realtime",
            "-cpu-used",
            "16",
            str(path),
        ]
    )
    return path


def sound_starts(path: Path) -> list[float]:
    """Where the sound begins after each silence, as ffmpeg's silencedetect hears it."""
    done = subprocess.run(
        [video.tool("ffmpeg"), "-i", str(path), "-af", "silencedetect=n=-45dB:d=0.3", "-f", "null", "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    ends = [float(found) for found in re.findall(r"silence_end: ([\d.]+)", done.stderr)]
    return [end for end in ends if end < video.probe_duration(path) - 0.05]  # not the silence left at the end


def test_a_step_is_spoken_into_a_clip_of_its_own(narrator):
    clip = narrator.say("Step 1: Open the PACER registration overview.")
    assert clip.exists() and 1.0 < narrator.seconds(clip) < 10


def test_each_clip_starts_when_its_chapter_does(narrator, tmp_path):
    clips = [(start, narrator.say(f"Step {n}: Go.")) for n, start in enumerate(CHAPTER_STARTS, start=1)]
    track = mix(clips, tmp_path / "narration.wav", 6.0)
    assert Narrator.seconds(track) == pytest.approx(6.0, abs=0.05)
    starts = sound_starts(track)
    assert len(starts) == len(CHAPTER_STARTS)
    for heard, chapter in zip(starts, CHAPTER_STARTS, strict=True):
        assert heard == pytest.approx(chapter, abs=0.25)


def test_both_videos_carry_the_narration(narrator, tmp_path):
    recorded = silent_test_video(tmp_path / "recorded.webm", 5)
    clips = [(start, narrator.say(f"Step {n}: Go.")) for n, start in enumerate(CHAPTER_STARTS, start=1)]
    cues = [Cue(0.5, 3.0, "Step 1: Go"), Cue(3.0, 5.0, "Step 2: Go")]
    (tmp_path / "steps.vtt").write_text("WEBVTT\n\n1\n00:00:00.500 --> 00:00:03.000\nStep 1: Go\n")
    video.write_chapters(tmp_path / "chapters.txt", "Demo", [video.Chapter(c.start_s, c.end_s, c.text) for c in cues])
    publication = video.Publication(
        "null", tmp_path / "chapters.txt", tmp_path / "steps.vtt", mix(clips, tmp_path / "n.wav", 5), "ultrafast"
    )
    video.publish(recorded, tmp_path / "out.webm", tmp_path / "out.mp4", publication)
    for name, codec in (("out.mp4", "aac"), ("out.webm", "opus")):
        audio = [s for s in video.streams_of(tmp_path / name) if s["codec_type"] == "audio"]
        assert [s["codec_name"] for s in audio] == [codec]
        assert sound_starts(tmp_path / name)[0] == pytest.approx(CHAPTER_STARTS[0], abs=0.25)
        assert [c.title for c in video.chapters_of(tmp_path / name)] == ["Step 1: Go", "Step 2: Go"]
