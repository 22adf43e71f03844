"""Videos with the system ffmpeg: join recorded segments, publish them as WebM and MP4 with
chapters and subtitles, probe what a file carries."""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

CONVERT_TIMEOUT_S = 300
PACKAGES = {"espeak-ng": "espeak-ng"}  # the Debian package of a tool that is not ffmpeg's
SETUP = {"espeak-ng": "make run NARRATE=1"}


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
        package = PACKAGES.get(name, "ffmpeg")
        raise VideoError(
            f"{name} not found: install {package} (it provides {name}), e.g. `{SETUP.get(name, 'make setup')}`"
        )
    return found


def run_tool(args: list[str]) -> str:
    done = subprocess.run(args, capture_output=True, text=True, timeout=CONVERT_TIMEOUT_S)
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise VideoError(f"{Path(args[0]).name} failed: {last}")
    return done.stdout


def probe(path: Path) -> VideoInfo:
    """The first video stream's codec and size, and the file's duration."""
    out = run_tool(
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


def probe_duration(path: Path) -> float:
    """A file's duration in seconds (a sound file's too)."""
    out = run_tool([tool("ffprobe"), "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", str(path)])
    return float(out.strip() or 0)


def join(parts: list[Path], target: Path) -> None:
    """Segments recorded one after another (a browser restarted mid-scenario), as one WebM."""
    if len(parts) == 1:
        parts[0].replace(target)
        return
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.writelines(f"file '{part.resolve()}'\n" for part in parts)
    try:
        run_tool(
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


@dataclass(frozen=True)
class Chapter:
    start_s: float
    end_s: float
    title: str


def _metadata_value(text: str) -> str:
    """A value in ffmpeg's metadata file: its special characters escaped, on one line."""
    line = " ".join(text.split())
    for special in ("\\", "=", ";", "#"):
        line = line.replace(special, "\\" + special)
    return line


def write_chapters(path: Path, title: str, chapters: list[Chapter]) -> None:
    """ffmpeg's metadata file: the video's title and one chapter per documented step."""
    lines = [";FFMETADATA1", f"title={_metadata_value(title)}"]
    for chapter in chapters:
        start, end = round(chapter.start_s * 1000), round(chapter.end_s * 1000)
        lines += ["[CHAPTER]", "TIMEBASE=1/1000", f"START={start}", f"END={max(end, start + 1)}"]
        lines.append(f"title={_metadata_value(chapter.title)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def filter_path(path: Path) -> str:
    """A file name inside a filter graph, quoted and escaped as the graph's parser wants it."""
    return "'" + str(path).replace("\\", "\\\\").replace("'", "'\\''").replace(":", "\\:") + "'"


@dataclass(frozen=True)
class Publication:
    """What goes into the published videos besides the recorded picture."""

    picture_filters: str  # applied to the recording (the zoom, the burned-in captions)
    chapters: Path  # ffmpeg metadata file (write_chapters)
    subtitles: Path  # WebVTT, carried as a selectable track
    audio: Path | None = None  # narration, as long as the video or shorter
    preset: str = "veryfast"  # x264's: smaller files or a quicker conversion


def publish(recorded: Path, webm: Path, mp4: Path, publication: Publication) -> None:
    """The recorded WebM made into the published WebM (VP9 in real-time mode: a fraction of VP8's
    work) and MP4 (H.264 with the index up front), both with the pictures filtered, the chapters,
    the subtitles and any narration."""
    inputs = [
        "-i",
        str(recorded),
        "-f",
        "ffmetadata",
        "-i",
        str(publication.chapters),
        "-i",
        str(publication.subtitles),
    ]
    audio_map: list[str] = []
    if publication.audio is not None:
        inputs += ["-i", str(publication.audio)]
        audio_map = ["-map", "3:a"]
    graph = f"[0:v]{publication.picture_filters},format=yuv420p,split=2[mp4][webm]"
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as script:
        script.write(graph)
    common = ["-map_metadata", "1", "-map_chapters", "1", "-map", "2:s", *audio_map, "-metadata:s:s:0", "language=eng"]
    try:
        run_tool(
            [
                tool("ffmpeg"),
                "-v",
                "error",
                "-y",
                *inputs,
                "-filter_complex_script",
                script.name,
                "-map",
                "[mp4]",
                *common,
                "-c:v",
                "libx264",
                "-preset",
                publication.preset,
                "-crf",
                "23",
                "-c:s",
                "mov_text",
                "-c:a",
                "aac",
                "-movflags",
                "+faststart",
                str(mp4),
                "-map",
                "[webm]",
                *common,
                "-c:v",
                "libvpx-vp9",
                "-deadline",
                "realtime",
                "-cpu-used",
                "8",
                "-row-mt",
                "1",
                "-lag-in-frames",
                "0",
                "-b:v",
                "900k",
                "-c:s",
                "webvtt",
                "-c:a",
                "libopus",
                str(webm),
            ]
        )
    finally:
        Path(script.name).unlink()


def chapters_of(path: Path) -> list[Chapter]:
    """The chapters a video file carries, as a player's chapter menu lists them."""
    out = run_tool([tool("ffprobe"), "-v", "error", "-show_chapters", "-of", "json", str(path)])
    return [
        Chapter(float(c["start_time"]), float(c["end_time"]), c.get("tags", {}).get("title", ""))
        for c in json.loads(out).get("chapters", [])
    ]


def streams_of(path: Path) -> list[dict]:
    """Every stream of a file: codec_type, codec_name and tags (language), as ffprobe says."""
    out = run_tool([tool("ffprobe"), "-v", "error", "-show_streams", "-of", "json", str(path)])
    return json.loads(out).get("streams", [])


def frames(path: Path, folder: Path, per_second: float) -> list[Path]:
    """Pictures of a video, `per_second` of them a second, as PNG files in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    run_tool(
        [tool("ffmpeg"), "-v", "error", "-y", "-i", str(path), "-vf", f"fps={per_second}", str(folder / "%05d.png")]
    )
    return sorted(folder.glob("*.png"))
