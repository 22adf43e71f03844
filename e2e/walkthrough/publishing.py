"""A recording made publishable: the picture follows the action and captions it in plain words,
and the files carry a chapter per documented step, the subtitles as a selectable track, and
the narration when there is one."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from e2e.walkthrough import video
from e2e.walkthrough.actions import Action
from e2e.walkthrough.artifacts import Cue, write_vtt
from e2e.walkthrough.framing import place_captions, plan_shots, write_ass, zoompan_filter
from e2e.walkthrough.narration import mix

if TYPE_CHECKING:  # the recorder imports this module
    from e2e.walkthrough.recorder import Pace


def publish_recording(
    recorded: Path,
    webm: Path,
    mp4: Path,
    title: str,
    cues: list[Cue],
    actions: list[tuple[Action, str | None]],
    pace: Pace,
    clips: list[tuple[float, Path]],
) -> list[tuple[Action, str]]:
    """Write `webm` and `mp4` from the `recorded` screencast; the actions captioned, in order."""
    said = [(action, text) for action, text in actions if text]
    camera = pace.camera
    shots = plan_shots([action for action, _ in actions], camera)
    duration = video.probe(recorded).duration_s
    with tempfile.TemporaryDirectory(prefix="walkthrough-") as scratch:
        folder = Path(scratch)
        write_ass(folder / "actions.ass", place_captions(said, shots, camera))
        write_vtt(folder / "steps.vtt", cues)
        video.write_chapters(folder / "chapters.txt", title, [video.Chapter(c.start_s, c.end_s, c.text) for c in cues])
        audio = mix(clips, folder / "narration.wav", duration) if clips else None
        pictures = (
            f"fps={pace.fps},setpts=PTS-STARTPTS,{zoompan_filter(shots, camera.ease_s, pace.fps)},"
            f"ass={video.filter_path(folder / 'actions.ass')}"
        )
        video.publish(
            recorded,
            webm,
            mp4,
            video.Publication(pictures, folder / "chapters.txt", folder / "steps.vtt", audio, pace.x264_preset),
        )
    return said
