"""Narration (`walkthrough --narrate`): each step's title and text read aloud by espeak-ng, a
local speech engine from Debian, and laid on one audio track at the moments the steps begin."""

from __future__ import annotations

import itertools
import wave
from pathlib import Path

from e2e.walkthrough import video

SPEECH_ENGINE = "espeak-ng"
WORDS_PER_MINUTE = 165
_clip_numbers = itertools.count(1)


class Narrator:
    """Speaks texts into WAV files in a folder of its own."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def say(self, text: str) -> Path:
        clip = self.folder / f"clip-{next(_clip_numbers)}.wav"
        video.run_tool([video.tool(SPEECH_ENGINE), "-v", "en-us", "-s", str(WORDS_PER_MINUTE), "-w", str(clip), text])
        return clip

    @staticmethod
    def seconds(clip: Path) -> float:
        with wave.open(str(clip)) as sound:
            return sound.getnframes() / sound.getframerate()


def mix(clips: list[tuple[float, Path]], target: Path, duration_s: float) -> Path:
    """One track `duration_s` long with each clip starting at its moment (seconds)."""
    inputs: list[str] = []
    delayed = []
    for index, (moment, clip) in enumerate(clips):
        inputs += ["-i", str(clip)]
        delay = max(0, round(moment * 1000))
        delayed.append(f"[{index}:a]aresample=48000,adelay={delay}:all=1[a{index}]")
    graph = ";".join(delayed) + ";" + "".join(f"[a{i}]" for i in range(len(clips)))
    graph += f"amix=inputs={len(clips)}:normalize=0:duration=longest,apad,atrim=0:{duration_s:.3f}[out]"
    video.run_tool(
        [video.tool("ffmpeg"), "-v", "error", "-y", *inputs, "-filter_complex", graph, "-map", "[out]", str(target)]
    )
    return target
