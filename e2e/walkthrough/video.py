"""Videos with the system ffmpeg: join recorded segments, convert WebM to H.264 MP4, probe."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CONVERT_TIMEOUT_S = 300


class VideoError(RuntimeError):
    pass


@dataclass(frozen=True)
class VideoInfo:
    codec: str
    pixel_format: str
    width: int
    height: int
    duration_s: float


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise VideoError(f"{name} not found: install ffmpeg (it provides {name}), e.g. `make setup`")
    return found


def _run(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_S)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise VideoError(f"{Path(args[0]).name} failed: {last}")
    return done.stdout


def probe(path: Path) -> VideoInfo:
    """The first video stream's codec and size, and the file's duration."""
    out = _run(
        [
            tool("ffprobe"),
            "-v",
            "error",
            "-select_streams",
            "v:0",
            "-show_entries",
            "stream=codec_name,pix_fmt,width,height:format=duration",
            "-of",
            "json",
            str(path),
        ]
    )
    data = json.loads(out)
    if not data.get("streams"):
        raise VideoError(f"{path} has no video stream")
    stream = data["streams"][0]
    duration = data.get("format", {}).get("duration")
    return VideoInfo(
        stream["codec_name"],
        stream.get("pix_fmt", ""),
        int(stream["width"]),
        int(stream["height"]),
        float(duration) if duration not in (None, "N/A") else 0.0,
    )


def join(parts: list[Path], target: Path) -> None:
    """Segments recorded one after another (a browser restarted mid-scenario), as one WebM."""
    if len(parts) == 1:
        parts[0].replace(target)
        return
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.writelines(f"file '{part.resolve()}'\n" for part in parts)
    try:
        _run(
            [
                tool("ffmpeg"),
                "-v",
                "error",
                "-y",
                "-f",
                "concat",
                "-safe",
                "0",
                "-i",
                listing.name,
                "-c",
                "copy",
                str(target),
            ]
        )
    finally:
        Path(listing.name).unlink()
    for part in parts:
        part.unlink()


def to_mp4(webm: Path, mp4: Path, preset: str = "veryfast") -> None:
    """H.264 in yuv420p with the index up front: plays in every browser and media player."""
    _run(
        [
            tool("ffmpeg"),
            "-v",
            "error",
            "-y",
            "-i",
            str(webm),
            "-an",
            "-c:v",
            "libx264",
            "-pix_fmt",
            "yuv420p",
            "-preset",
            preset,
            "-crf",
            "23",
            "-vf",
            "scale=trunc(iw/2)*2:trunc(ih/2)*2",
            "-movflags",
            "+faststart",
            str(mp4),
        ]
    )
